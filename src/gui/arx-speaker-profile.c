/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "arx-speaker-profile"

#include "config.h"

#include <glib/gi18n.h>

#include "arx-chart.h"
#include "arx-display.h"

#include "arx-speaker-profile.h"

/* One speaker across the library: names, kind, gender (with what it rests on, and the
 * user's own choice), statements over time, the articles, who is quoted alongside, and every
 * statement. Activating an article or statement asks the window to open it there. */

/* Rows a list shows at most; a prolific speaker's heading says how many there are. */
#define MAX_ROWS 500

struct _ArxSpeakerProfile
{
  GtkWidget    parent_instance;

  GtkLabel    *name_label;
  GtkLabel    *kind_label;
  GtkLabel    *aliases_label;
  GtkWidget   *gender_box;
  GtkLabel    *gender_label;
  GtkDropDown *gender_dropdown;
  ArxChart    *periods_chart;
  GtkListBox  *articles_list;
  GtkWidget   *co_heading;
  GtkListBox  *co_list;
  GtkLabel    *statements_heading;
  GtkListBox  *statements_list;

  gint64       person_id;
  gboolean     loading;
};

G_DEFINE_FINAL_TYPE (ArxSpeakerProfile, arx_speaker_profile, GTK_TYPE_WIDGET)

enum {
  BACK,
  OPEN_ARTICLE,
  OPEN_SPEAKER,
  GENDER_CHOSEN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The drop-down's rows: "as inferred" first, then the genders. */
static const int gender_choices[] = { -1, ARX_GENDER_FEMALE, ARX_GENDER_MALE, ARX_GENDER_UNKNOWN };

static const char *
gender_word (ArxGender gender)
{
  switch (gender)
    {
    case ARX_GENDER_FEMALE:
      return _("Woman");
    case ARX_GENDER_MALE:
      return _("Man");
    case ARX_GENDER_UNKNOWN:
    case ARX_N_GENDERS:
    default:
      return _("Gender unknown");
    }
}

static const char *
kind_word (ArxSpeakerKind kind)
{
  switch (kind)
    {
    case ARX_SPEAKER_PERSON:
      return _("Person");
    case ARX_SPEAKER_ORGANIZATION:
      return _("Organisation");
    case ARX_SPEAKER_GROUP:
      return _("Group");
    case ARX_SPEAKER_OTHER:
    case ARX_N_SPEAKER_KINDS:
    default:
      return _("Other source");
    }
}

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static GtkWidget *
create_row (const char *title,
            const char *subtitle,
            int         title_lines)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *label = gtk_label_new (title);
  g_autofree char *accessible = NULL;

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_lines (GTK_LABEL (label), title_lines);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_box_append (GTK_BOX (box), label);
  if (subtitle != NULL)
    {
      GtkWidget *sub = gtk_label_new (subtitle);

      gtk_label_set_xalign (GTK_LABEL (sub), 0);
      gtk_label_set_ellipsize (GTK_LABEL (sub), PANGO_ELLIPSIZE_END);
      gtk_widget_add_css_class (sub, "dim-label");
      gtk_widget_add_css_class (sub, "caption");
      gtk_box_append (GTK_BOX (box), sub);
    }
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  accessible = subtitle != NULL ? g_strdup_printf ("%s, %s", title, subtitle) : g_strdup (title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  return row;
}

static void
set_row_target (GtkWidget *row,
                gint64     id,
                guint      start,
                guint      end)
{
  g_object_set_data_full (G_OBJECT (row), "arx-id", g_memdup2 (&id, sizeof id), g_free);
  g_object_set_data (G_OBJECT (row), "arx-start", GUINT_TO_POINTER (start));
  g_object_set_data (G_OBJECT (row), "arx-end", GUINT_TO_POINTER (end));
}

static gint64
row_id (GtkListBoxRow *row)
{
  gint64 *id = g_object_get_data (G_OBJECT (row), "arx-id");

  return id != NULL ? *id : 0;
}

static void
on_article_row_activated_cb (ArxSpeakerProfile *self,
                             GtkListBoxRow     *row)
{
  g_signal_emit (self, signals[OPEN_ARTICLE], 0, row_id (row),
                 GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "arx-start")),
                 GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "arx-end")));
}

static void
on_co_row_activated_cb (ArxSpeakerProfile *self,
                        GtkListBoxRow     *row)
{
  g_signal_emit (self, signals[OPEN_SPEAKER], 0, row_id (row));
}

static void
on_back_clicked_cb (ArxSpeakerProfile *self)
{
  g_signal_emit (self, signals[BACK], 0);
}

static void
on_gender_selected_cb (ArxSpeakerProfile *self)
{
  guint i = gtk_drop_down_get_selected (self->gender_dropdown);

  if (self->loading || i >= G_N_ELEMENTS (gender_choices))
    return;
  g_signal_emit (self, signals[GENDER_CHOSEN], 0, gender_choices[i]);
}

static void
fill_gender (ArxSpeakerProfile *self,
             const ArxProfile  *profile,
             gboolean           show_gender)
{
  g_autofree char *text = NULL;

  gtk_widget_set_visible (self->gender_box, show_gender && profile->kind == ARX_SPEAKER_PERSON);
  if (profile->gender_corrected)
    /* Translators: "Woman — set by you (inferred: first name Mary; 'she' ×2)" */
    text = g_strdup_printf (_("%s — set by you (inferred: %s)"), gender_word (profile->gender),
                            profile->gender_evidence);
  else
    /* Translators: "Woman — inferred from first name Mary; 'she' ×2" */
    text = g_strdup_printf (_("%s — inferred from %s"), gender_word (profile->gender),
                            profile->gender_evidence ? profile->gender_evidence : "");
  gtk_label_set_label (self->gender_label, text);
  self->loading = TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (gender_choices); i++)
    if (gender_choices[i] == (profile->gender_corrected ? (int)profile->gender : -1))
      gtk_drop_down_set_selected (self->gender_dropdown, i);
  self->loading = FALSE;
}

static void
fill_chart (ArxSpeakerProfile *self,
            const ArxProfile  *profile)
{
  const char *series[] = { _("statements"), NULL };
  g_autoptr(ArxChartData) data = arx_chart_data_new (ARX_CHART_COLUMNS,
                                                     profile->by_month ? _("Statements per month")
                                                                       : _("Statements per year"),
                                                     _("statements"), series);

  for (guint i = 0; i < profile->periods->len; i++)
    {
      const ArxStatsPeriod *p = g_ptr_array_index (profile->periods, i);
      double value = 0;

      for (guint g = 0; g < ARX_N_GENDERS; g++)
        value += p->statements[g];

      arx_chart_data_add (data, p->period, &value);
    }
  arx_chart_set_data (self->periods_chart, data);
}

static void
fill_lists (ArxSpeakerProfile *self,
            const ArxProfile  *profile)
{
  g_autofree char *heading = NULL;

  clear_list (self->articles_list);
  for (guint i = 0; i < profile->articles->len && i < MAX_ROWS; i++)
    {
      const ArxProfileArticle *a = g_ptr_array_index (profile->articles, i);
      g_autofree char *statements = g_strdup_printf (
        g_dngettext (GETTEXT_PACKAGE, "%u statement", "%u statements", a->n_statements), a->n_statements);
      g_autofree char *sub = g_strdup_printf ("%s%s%s", a->published ? a->published : "",
                                              a->published ? " · " : "", statements);
      GtkWidget *row = create_row (a->title ? a->title : _("Untitled"), sub, 2);

      set_row_target (row, a->id, 0, 0);
      gtk_list_box_append (self->articles_list, row);
    }

  clear_list (self->co_list);
  gtk_widget_set_visible (self->co_heading, profile->co_speakers->len > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->co_list), profile->co_speakers->len > 0);
  for (guint i = 0; i < profile->co_speakers->len; i++)
    {
      const ArxProfileCoSpeaker *co = g_ptr_array_index (profile->co_speakers, i);
      g_autofree char *sub = g_strdup_printf (
        g_dngettext (GETTEXT_PACKAGE, "in %u article together", "in %u articles together",
                     co->n_articles), co->n_articles);
      GtkWidget *row = create_row (co->name, sub, 1);

      set_row_target (row, co->person_id, 0, 0);
      gtk_list_box_append (self->co_list, row);
    }

  clear_list (self->statements_list);
  if (profile->statements->len > MAX_ROWS)
    heading = g_strdup_printf (_("All %u statements (the first %u)"), profile->statements->len, MAX_ROWS);
  else
    heading = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u statement", "All %u statements",
                                            profile->statements->len), profile->statements->len);
  gtk_label_set_label (self->statements_heading, heading);
  for (guint i = 0; i < profile->statements->len && i < MAX_ROWS; i++)
    {
      const ArxStatementRow *s = g_ptr_array_index (profile->statements, i);
      g_autofree char *sub = g_strdup_printf ("%s · %s", s->article_title ? s->article_title : _("Untitled"),
                                              arx_display_statement_kind (s->kind));
      GtkWidget *row = create_row (s->text, sub, 4);

      set_row_target (row, s->article_id, s->start, s->end);
      gtk_list_box_append (self->statements_list, row);
    }
}

static void
arx_speaker_profile_dispose (GObject *object)
{
  ArxSpeakerProfile *self = (ArxSpeakerProfile *)object;
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), ARX_TYPE_SPEAKER_PROFILE);
  /* the template's unbound top-level children */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  G_OBJECT_CLASS (arx_speaker_profile_parent_class)->dispose (object);
}

static void
arx_speaker_profile_class_init (ArxSpeakerProfileClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = arx_speaker_profile_dispose;

  signals[BACK] = g_signal_new ("back", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                NULL, NULL, G_TYPE_NONE, 0);
  /**
   * ArxSpeakerProfile::open-article:
   * @start: the statement's span to show, or 0 with @end 0 for the article's top
   */
  signals[OPEN_ARTICLE] = g_signal_new ("open-article", G_TYPE_FROM_CLASS (klass),
                                        G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 3,
                                        G_TYPE_INT64, G_TYPE_UINT, G_TYPE_UINT);
  signals[OPEN_SPEAKER] = g_signal_new ("open-speaker", G_TYPE_FROM_CLASS (klass),
                                        G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 1,
                                        G_TYPE_INT64);
  /**
   * ArxSpeakerProfile::gender-chosen:
   * @gender: an #ArxGender, or -1 for "as inferred"
   */
  signals[GENDER_CHOSEN] = g_signal_new ("gender-chosen", G_TYPE_FROM_CLASS (klass),
                                         G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 1,
                                         G_TYPE_INT);

  g_type_ensure (ARX_TYPE_CHART);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/arx/ArticleExplorer/ui/arx-speaker-profile.ui");
  gtk_widget_class_bind_template_child (widget_class, ArxSpeakerProfile, name_label);
  gtk_widget_class_bind_template_child (widget_class, ArxSpeakerProfile, kind_label);
  gtk_widget_class_bind_template_child (widget_class, ArxSpeakerProfile, aliases_label);
  gtk_widget_class_bind_template_child (widget_class, ArxSpeakerProfile, gender_box);
  gtk_widget_class_bind_template_child (widget_class, ArxSpeakerProfile, gender_label);
  gtk_widget_class_bind_template_child (widget_class, ArxSpeakerProfile, gender_dropdown);
  gtk_widget_class_bind_template_child (widget_class, ArxSpeakerProfile, periods_chart);
  gtk_widget_class_bind_template_child (widget_class, ArxSpeakerProfile, articles_list);
  gtk_widget_class_bind_template_child (widget_class, ArxSpeakerProfile, co_heading);
  gtk_widget_class_bind_template_child (widget_class, ArxSpeakerProfile, co_list);
  gtk_widget_class_bind_template_child (widget_class, ArxSpeakerProfile, statements_heading);
  gtk_widget_class_bind_template_child (widget_class, ArxSpeakerProfile, statements_list);
  gtk_widget_class_bind_template_callback (widget_class, on_back_clicked_cb);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
arx_speaker_profile_init (ArxSpeakerProfile *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect_object (self->articles_list, "row-activated",
                           G_CALLBACK (on_article_row_activated_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->statements_list, "row-activated",
                           G_CALLBACK (on_article_row_activated_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->co_list, "row-activated", G_CALLBACK (on_co_row_activated_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->gender_dropdown, "notify::selected",
                           G_CALLBACK (on_gender_selected_cb), self, G_CONNECT_SWAPPED);
}

/**
 * arx_speaker_profile_set_profile:
 * @show_gender: whether to show the gender (a preference)
 */
void
arx_speaker_profile_set_profile (ArxSpeakerProfile *self,
                                 const ArxProfile  *profile,
                                 gboolean           show_gender)
{
  g_autofree char *kind = NULL;
  g_autofree char *statements = NULL;
  g_autofree char *articles = NULL;

  g_return_if_fail (ARX_IS_SPEAKER_PROFILE (self));
  g_return_if_fail (profile != NULL);

  self->person_id = profile->person_id;
  gtk_label_set_label (self->name_label, profile->name);
  statements = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u statement", "%u statements",
                                             profile->statements->len), profile->statements->len);
  articles = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u article", "%u articles",
                                           profile->articles->len), profile->articles->len);
  /* Translators: "Person · 4 statements in 2 articles" */
  kind = g_strdup_printf (_("%s · %s in %s"), kind_word (profile->kind), statements, articles);
  gtk_label_set_label (self->kind_label, kind);
  if (profile->aliases->len > 0)
    {
      g_autofree char *joined = NULL;
      g_autofree char *text = NULL;

      g_ptr_array_add (profile->aliases, NULL);
      joined = g_strjoinv (", ", (char **)profile->aliases->pdata);
      g_ptr_array_set_size (profile->aliases, profile->aliases->len - 1);
      text = g_strdup_printf (_("Also named: %s"), joined);
      gtk_label_set_label (self->aliases_label, text);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->aliases_label), profile->aliases->len > 0);
  fill_gender (self, profile, show_gender);
  fill_chart (self, profile);
  fill_lists (self, profile);
}

gint64
arx_speaker_profile_get_person (ArxSpeakerProfile *self)
{
  g_return_val_if_fail (ARX_IS_SPEAKER_PROFILE (self), 0);
  return self->person_id;
}
