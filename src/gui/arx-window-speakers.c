/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "arx-window-speakers"

#include "config.h"

#include <glib/gi18n.h>

#include "arx-window-private.h"

/* The Speakers page of the sidebar: people and organisations across the whole library.
 * Choosing one fills the statements panel with everything they said, grouped by article;
 * choosing a statement there opens its article at that statement. */

static GtkWidget *
create_speaker_row (const ArxSpeakerRow *speaker)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *name = gtk_label_new (speaker->name);
  g_autofree char *statements = g_strdup_printf (
    g_dngettext (GETTEXT_PACKAGE, "%u statement", "%u statements", speaker->n_statements),
    speaker->n_statements);
  g_autofree char *articles = g_strdup_printf (
    g_dngettext (GETTEXT_PACKAGE, "%u article", "%u articles", speaker->n_articles),
    speaker->n_articles);
  /* Translators: "person · 3 statements in 2 articles" */
  g_autofree char *counts = g_strdup_printf (_("%s · %s in %s"),
                                             arx_entity_kind_to_string (speaker->kind),
                                             statements, articles);
  GtkWidget *details = gtk_label_new (counts);

  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_wrap (GTK_LABEL (name), TRUE);
  gtk_label_set_xalign (GTK_LABEL (details), 0);
  gtk_label_set_ellipsize (GTK_LABEL (details), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (details, "dim-label");
  gtk_widget_add_css_class (details, "caption");
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_box_append (GTK_BOX (box), name);
  gtk_box_append (GTK_BOX (box), details);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  g_object_set_data_full (G_OBJECT (row), "arx-speaker", g_strdup (speaker->name), g_free);

  return row;
}

static void
reload_speakers (ArxWindow *self)
{
  const char *filter = gtk_editable_get_text (GTK_EDITABLE (self->speaker_search));
  g_autoptr(GPtrArray) speakers = NULL;
  g_autoptr(GError) error = NULL;
  GtkListBoxRow *row;

  speakers = arx_library_list_speakers (self->library, filter[0] ? filter : NULL, &error);
  if (speakers == NULL)
    {
      _arx_window_show_toast (self, error->message);
      return;
    }
  while ((row = gtk_list_box_get_row_at_index (self->speaker_list, 0)) != NULL)
    gtk_list_box_remove (self->speaker_list, GTK_WIDGET (row));
  /* Entities that never speak are in the library too; this page lists speakers only. */
  for (guint i = 0; i < speakers->len; i++)
    {
      const ArxSpeakerRow *speaker = g_ptr_array_index (speakers, i);

      if (speaker->n_statements > 0)
        gtk_list_box_append (self->speaker_list, create_speaker_row (speaker));
    }
}

/**
 * _arx_window_show_speaker:
 * @name: (nullable): a library speaker, or NULL to go back to the article's statements
 */
void
_arx_window_show_speaker (ArxWindow  *self,
                          const char *name)
{
  ArxStatementQuery query = { NULL, 0, -1, NULL, 0 };
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  ArxAnalysis *analysis;
  ArxArticle *article;

  g_clear_pointer (&self->speaker_scope, g_free);
  if (name == NULL)
    {
      article = arx_article_view_get_article (self->article_view);
      analysis = arx_article_view_get_analysis (self->article_view);
      arx_statement_panel_set_analysis (self->statement_panel, analysis,
                                        article ? arx_article_get_text (article) : NULL);
      return;
    }

  query.speaker = name;
  rows = arx_library_query_statements (self->library, &query, &error);
  if (rows == NULL)
    {
      _arx_window_show_toast (self, error->message);
      return;
    }
  self->speaker_scope = g_strdup (name);
  arx_statement_panel_set_rows (self->statement_panel, rows, name);
}

static void
on_speaker_search_changed_cb (ArxWindow *self)
{
  reload_speakers (self);
}

static void
on_speaker_selected_cb (ArxWindow     *self,
                        GtkListBoxRow *row,
                        GtkListBox    *list)
{
  if (row != NULL)
    _arx_window_show_speaker (self, g_object_get_data (G_OBJECT (row), "arx-speaker"));
}

static void
on_sidebar_page_changed_cb (ArxWindow *self)
{
  const char *page = gtk_stack_get_visible_child_name (self->sidebar_stack);

  if (g_strcmp0 (page, "speakers") == 0)
    {
      GtkListBoxRow *selected;

      reload_speakers (self);
      selected = gtk_list_box_get_selected_row (self->speaker_list);
      if (selected != NULL)
        on_speaker_selected_cb (self, selected, self->speaker_list);
    }
  else
    _arx_window_show_speaker (self, NULL);
}

void
_arx_window_speakers_init (ArxWindow *self)
{
  g_signal_connect_object (self->speaker_search, "search-changed",
                           G_CALLBACK (on_speaker_search_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->speaker_list, "row-selected",
                           G_CALLBACK (on_speaker_selected_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->sidebar_stack, "notify::visible-child-name",
                           G_CALLBACK (on_sidebar_page_changed_cb), self, G_CONNECT_SWAPPED);
}
