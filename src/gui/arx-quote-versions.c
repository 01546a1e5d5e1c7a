/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "arx-quote-versions"

#include "config.h"

#include <glib/gi18n.h>

#include "arx-quote-match.h"

#include "arx-quote-versions.h"

/* Where a quote came from: every version of it, earliest article first, each later one with
 * its word differences from the earliest marked. Activating a version emits ::open-statement
 * so the window opens that article at it. */

struct _ArxQuoteVersions
{
  AdwWindow   parent_instance;

  GtkLabel   *summary_label;
  GtkListBox *versions_list;
};

G_DEFINE_FINAL_TYPE (ArxQuoteVersions, arx_quote_versions, ADW_TYPE_WINDOW)

enum {
  OPEN_STATEMENT,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/**
 * arx_quote_diff_markup:
 *
 * Returns: (transfer full): @later as Pango markup, its words that @earlier lacks underlined
 * and the words of @earlier it leaves out struck through where they stood. Styles, not
 * colours, so it reads the same in light and dark.
 */
char *
arx_quote_diff_markup (const char *earlier,
                       const char *later)
{
  g_autoptr(GArray) parts = arx_quote_diff (earlier, later);
  GString *out = g_string_new (NULL);
  guint done = 0;

  for (guint i = 0; i < parts->len; i++)
    {
      const ArxQuoteDiffPart *part = &g_array_index (parts, ArxQuoteDiffPart, i);
      g_autofree char *text = NULL;

      if (part->op == ARX_QUOTE_DIFF_REMOVED)
        {
          text = g_markup_escape_text (earlier + part->start, part->end - part->start);
          g_string_append_printf (out, "%s<s><span alpha=\"60%%\">%s</span></s>",
                                  done > 0 ? " " : "", text);
          continue;
        }
      /* what stands between words (spaces, punctuation) as it is */
      if (part->start > done)
        {
          g_autofree char *between = g_markup_escape_text (later + done, part->start - done);

          g_string_append (out, between);
        }
      text = g_markup_escape_text (later + part->start, part->end - part->start);
      if (part->op == ARX_QUOTE_DIFF_ADDED)
        g_string_append_printf (out, "<u><b>%s</b></u>", text);
      else
        g_string_append (out, text);
      done = part->end;
    }
  if (later[done] != '\0')
    {
      g_autofree char *rest = g_markup_escape_text (later + done, -1);

      g_string_append (out, rest);
    }
  return g_string_free (out, FALSE);
}

static GtkWidget *
create_row (const ArxQuoteVersion *version,
            const char            *earliest,
            gboolean               first)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *where, *text;
  g_autofree char *markup = first ? g_markup_escape_text (version->text, -1)
                                  : arx_quote_diff_markup (earliest, version->text);
  /* Translators: "2019-03-04 · Harbour bridge to be rebuilt · Mary Okonkwo" */
  g_autofree char *place = g_strdup_printf ("%s%s · %s · %s", first ? _("Earliest: ") : "",
                                            version->date ? version->date : _("no date"),
                                            version->article_title ? version->article_title
                                                                   : _("Untitled"),
                                            version->speaker ? version->speaker : _("no speaker"));
  g_autofree char *accessible = g_strdup_printf ("%s: %s", place, version->text);

  where = gtk_label_new (place);
  gtk_label_set_xalign (GTK_LABEL (where), 0);
  gtk_label_set_ellipsize (GTK_LABEL (where), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (where, "dim-label");
  gtk_widget_add_css_class (where, "caption");
  text = gtk_label_new (NULL);
  gtk_label_set_markup (GTK_LABEL (text), markup);
  gtk_label_set_xalign (GTK_LABEL (text), 0);
  gtk_label_set_wrap (GTK_LABEL (text), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (text), PANGO_WRAP_WORD_CHAR);
  gtk_box_append (GTK_BOX (box), where);
  gtk_box_append (GTK_BOX (box), text);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_widget_set_tooltip_text (row, _("Open the article at this quote"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  g_object_set_data_full (G_OBJECT (row), "arx-article", g_memdup2 (&version->article_id, sizeof (gint64)),
                          g_free);
  g_object_set_data (G_OBJECT (row), "arx-start", GUINT_TO_POINTER (version->start));
  g_object_set_data (G_OBJECT (row), "arx-end", GUINT_TO_POINTER (version->end));
  return row;
}

static void
on_row_activated_cb (ArxQuoteVersions *self,
                     GtkListBoxRow    *row)
{
  gint64 *article = g_object_get_data (G_OBJECT (row), "arx-article");

  g_signal_emit (self, signals[OPEN_STATEMENT], 0, *article,
                 GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "arx-start")),
                 GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "arx-end")));
}

static void
arx_quote_versions_dispose (GObject *object)
{
  ArxQuoteVersions *self = (ArxQuoteVersions *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), ARX_TYPE_QUOTE_VERSIONS);
  G_OBJECT_CLASS (arx_quote_versions_parent_class)->dispose (object);
}

static void
arx_quote_versions_class_init (ArxQuoteVersionsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = arx_quote_versions_dispose;

  /**
   * ArxQuoteVersions::open-statement:
   *
   * A version was activated: open @article at @start–@end.
   */
  signals[OPEN_STATEMENT] = g_signal_new ("open-statement", G_TYPE_FROM_CLASS (klass),
                                          G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 3,
                                          G_TYPE_INT64, G_TYPE_UINT, G_TYPE_UINT);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/arx/ArticleExplorer/ui/arx-quote-versions.ui");
  gtk_widget_class_bind_template_child (widget_class, ArxQuoteVersions, summary_label);
  gtk_widget_class_bind_template_child (widget_class, ArxQuoteVersions, versions_list);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
arx_quote_versions_init (ArxQuoteVersions *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect_object (self->versions_list, "row-activated", G_CALLBACK (on_row_activated_cb),
                           self, G_CONNECT_SWAPPED);
}

ArxQuoteVersions *
arx_quote_versions_new (GtkWindow           *parent,
                        const ArxQuoteGroup *group)
{
  ArxQuoteVersions *self = g_object_new (ARX_TYPE_QUOTE_VERSIONS, "transient-for", parent, NULL);
  const ArxQuoteVersion *earliest = g_ptr_array_index (group->versions, 0);
  g_autoptr(GHashTable) articles = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autofree char *summary = NULL;

  for (guint i = 0; i < group->versions->len; i++)
    {
      const ArxQuoteVersion *v = g_ptr_array_index (group->versions, i);

      g_hash_table_add (articles, (gpointer)&v->article_id);
      gtk_list_box_append (self->versions_list, create_row (v, earliest->text, i == 0));
    }
  summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "This quote is in %u article.",
                                          "This quote is in %u articles.",
                                          g_hash_table_size (articles)),
                             g_hash_table_size (articles));
  gtk_label_set_label (self->summary_label, summary);
  return self;
}

GtkListBox *
arx_quote_versions_get_list (ArxQuoteVersions *self)
{
  g_return_val_if_fail (ARX_IS_QUOTE_VERSIONS (self), NULL);
  return self->versions_list;
}
