/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "arx-insights"

#include "config.h"

#include <glib/gi18n.h>

#include "arx-insights-page.h"

/* Who gets quoted in a scope of the library: a summary line and the charts. A bar's (or a
 * table row's) activation emits ::bar-activated with the statements it stands for. */

struct _ArxInsightsPage
{
  GtkWidget  parent_instance;

  GtkLabel  *summary_label;
  GtkLabel  *gender_label;
  ArxChart  *speakers_chart;
  ArxChart  *organizations_chart;
  ArxChart  *kinds_chart;
  ArxChart  *speaker_kinds_chart;
  ArxChart  *gender_chart;

  GArray    *bars[ARX_N_INSIGHTS_CHARTS];
};

G_DEFINE_FINAL_TYPE (ArxInsightsPage, arx_insights_page, GTK_TYPE_WIDGET)

enum {
  BAR_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
on_bar_activated_cb (ArxChart *chart,
                     guint     category,
                     guint     series,
                     gpointer  user_data)
{
  ArxInsightsPage *self = ARX_INSIGHTS_PAGE (gtk_widget_get_ancestor (GTK_WIDGET (chart),
                                                                      ARX_TYPE_INSIGHTS_PAGE));
  ArxInsightsChart which = GPOINTER_TO_INT (user_data);
  const ArxInsightsBar *bar = arx_insights_bars_find (self->bars[which], category, series);

  if (bar != NULL)
    g_signal_emit (self, signals[BAR_ACTIVATED], 0, bar);
}

static void
arx_insights_page_dispose (GObject *object)
{
  ArxInsightsPage *self = (ArxInsightsPage *)object;
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), ARX_TYPE_INSIGHTS_PAGE);
  /* the template's unbound top-level children */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  G_OBJECT_CLASS (arx_insights_page_parent_class)->dispose (object);
}

static void
arx_insights_page_finalize (GObject *object)
{
  ArxInsightsPage *self = (ArxInsightsPage *)object;

  for (guint i = 0; i < ARX_N_INSIGHTS_CHARTS; i++)
    g_clear_pointer (&self->bars[i], g_array_unref);
  G_OBJECT_CLASS (arx_insights_page_parent_class)->finalize (object);
}

static void
arx_insights_page_class_init (ArxInsightsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = arx_insights_page_dispose;
  object_class->finalize = arx_insights_page_finalize;

  /**
   * ArxInsightsPage::bar-activated:
   * @bar: (type gpointer): the #ArxInsightsBar, valid during the emission
   */
  signals[BAR_ACTIVATED] = g_signal_new ("bar-activated", G_TYPE_FROM_CLASS (klass),
                                         G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 1,
                                         G_TYPE_POINTER);

  g_type_ensure (ARX_TYPE_CHART);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/arx/ArticleExplorer/ui/arx-insights-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ArxInsightsPage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, ArxInsightsPage, gender_label);
  gtk_widget_class_bind_template_child (widget_class, ArxInsightsPage, speakers_chart);
  gtk_widget_class_bind_template_child (widget_class, ArxInsightsPage, organizations_chart);
  gtk_widget_class_bind_template_child (widget_class, ArxInsightsPage, kinds_chart);
  gtk_widget_class_bind_template_child (widget_class, ArxInsightsPage, speaker_kinds_chart);
  gtk_widget_class_bind_template_child (widget_class, ArxInsightsPage, gender_chart);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
arx_insights_page_init (ArxInsightsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  for (ArxInsightsChart i = 0; i < ARX_N_INSIGHTS_CHARTS; i++)
    {
      self->bars[i] = arx_insights_bars_new ();
      g_signal_connect (arx_insights_page_get_chart (self, i), "bar-activated",
                        G_CALLBACK (on_bar_activated_cb), GINT_TO_POINTER (i));
    }
}

/**
 * arx_insights_page_set_stats:
 * @show_gender: whether to show anything about gender (a preference)
 */
void
arx_insights_page_set_stats (ArxInsightsPage *self,
                             const ArxStats  *stats,
                             gboolean         show_gender)
{
  g_autofree char *articles = NULL;
  g_autofree char *statements = NULL;
  g_autofree char *speakers = NULL;
  g_autofree char *summary = NULL;

  g_return_if_fail (ARX_IS_INSIGHTS_PAGE (self));
  g_return_if_fail (stats != NULL);

  articles = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u article", "%u articles",
                                           stats->n_articles), stats->n_articles);
  statements = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u statement", "%u statements",
                                             stats->n_statements), stats->n_statements);
  speakers = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u speaker", "%u speakers",
                                           stats->speakers->len), stats->speakers->len);
  summary = g_strdup_printf ("%s · %s · %s", articles, statements, speakers);
  gtk_label_set_label (self->summary_label, summary);

  if (show_gender)
    {
      g_autofree char *gender = g_strdup_printf (
        _("People quoted — women: %u, men: %u, gender unknown: %u. Their statements: %u, %u and %u."),
        stats->gender_people[ARX_GENDER_FEMALE], stats->gender_people[ARX_GENDER_MALE],
        stats->gender_people[ARX_GENDER_UNKNOWN], stats->gender_statements[ARX_GENDER_FEMALE],
        stats->gender_statements[ARX_GENDER_MALE], stats->gender_statements[ARX_GENDER_UNKNOWN]);

      if (stats->n_undated > 0)
        {
          g_autofree char *undated = g_strdup_printf (
            g_dngettext (GETTEXT_PACKAGE, "%s (%u statement is in an article without a date.)",
                         "%s (%u statements are in articles without a date.)", stats->n_undated),
            gender, stats->n_undated);

          g_free (gender);
          gender = g_steal_pointer (&undated);
        }
      gtk_label_set_label (self->gender_label, gender);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->gender_label), show_gender);
  gtk_widget_set_visible (GTK_WIDGET (self->gender_chart), show_gender);

  for (ArxInsightsChart i = 0; i < ARX_N_INSIGHTS_CHARTS; i++)
    {
      g_autoptr(ArxChartData) data = arx_insights_chart_build (i, stats, self->bars[i]);

      arx_chart_set_data (arx_insights_page_get_chart (self, i), data);
    }
}

/**
 * arx_insights_page_get_chart:
 *
 * Returns: (transfer none): one of the page's charts
 */
ArxChart *
arx_insights_page_get_chart (ArxInsightsPage  *self,
                             ArxInsightsChart  which)
{
  g_return_val_if_fail (ARX_IS_INSIGHTS_PAGE (self), NULL);

  switch (which)
    {
    case ARX_INSIGHTS_SPEAKERS:
      return self->speakers_chart;
    case ARX_INSIGHTS_ORGANIZATIONS:
      return self->organizations_chart;
    case ARX_INSIGHTS_KINDS:
      return self->kinds_chart;
    case ARX_INSIGHTS_SPEAKER_KINDS:
      return self->speaker_kinds_chart;
    case ARX_INSIGHTS_GENDER:
    case ARX_N_INSIGHTS_CHARTS:
    default:
      return self->gender_chart;
    }
}
