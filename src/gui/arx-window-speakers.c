/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "arx-window-speakers"

#include "config.h"

#include <glib/gi18n.h>

#include "arx-window-private.h"

#define MAX_SPEAKER_STATEMENTS 1000

/* The Speakers page of the sidebar: people and organisations across the whole library.
 * Choosing one fills the statements panel with everything they said, grouped by article;
 * choosing a statement there opens its article at that statement. */

static ArxSidebarItem *
create_speaker_item (const ArxSpeakerRow *speaker)
{
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

  return arx_sidebar_item_new (speaker->id, speaker->name, counts, FALSE);
}

static void
reload_speakers (ArxWindow *self)
{
  const char *filter = gtk_editable_get_text (GTK_EDITABLE (self->speaker_search));
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) speakers = NULL;
  g_autoptr(GError) error = NULL;

  speakers = arx_library_list_speakers (self->library, filter[0] ? filter : NULL, &error);
  if (speakers == NULL)
    {
      _arx_window_show_toast (self, error->message);
      return;
    }
  /* Entities that never speak are in the library too; this page lists speakers only. */
  for (guint i = 0; i < speakers->len; i++)
    {
      const ArxSpeakerRow *speaker = g_ptr_array_index (speakers, i);

      if (speaker->n_statements > 0)
        g_ptr_array_add (items, create_speaker_item (speaker));
    }
  g_list_store_splice (self->speaker_store, 0,
                       g_list_model_get_n_items (G_LIST_MODEL (self->speaker_store)),
                       items->pdata, items->len);
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

  /* The panel is a GtkListBox (GTK 4.8 lists have no sections): keep it to a size it draws
   * quickly, and say so when a prolific speaker has more. */
  query.speaker = name;
  query.limit = MAX_SPEAKER_STATEMENTS + 1;
  rows = arx_library_query_statements (self->library, &query, &error);
  if (rows == NULL)
    {
      _arx_window_show_toast (self, error->message);
      return;
    }
  self->speaker_scope = g_strdup (name);
  if (rows->len > MAX_SPEAKER_STATEMENTS)
    {
      g_autofree char *scope = g_strdup_printf (_("%s (first %u)"), name, MAX_SPEAKER_STATEMENTS);

      g_ptr_array_set_size (rows, MAX_SPEAKER_STATEMENTS);
      arx_statement_panel_set_rows (self->statement_panel, rows, scope);
      return;
    }
  arx_statement_panel_set_rows (self->statement_panel, rows, name);
}

static void
on_speaker_search_changed_cb (ArxWindow *self)
{
  reload_speakers (self);
}

static void
on_speaker_selected_cb (ArxWindow *self)
{
  ArxSidebarItem *item = gtk_single_selection_get_selected_item (self->speaker_selection);

  if (item != NULL)
    _arx_window_show_speaker (self, arx_sidebar_item_get_title (item));
}

static void
on_sidebar_page_changed_cb (ArxWindow *self)
{
  const char *page = gtk_stack_get_visible_child_name (self->sidebar_stack);

  if (g_strcmp0 (page, "speakers") == 0)
    {
      reload_speakers (self);
      on_speaker_selected_cb (self);
    }
  else
    _arx_window_show_speaker (self, NULL);
}

void
_arx_window_speakers_init (ArxWindow *self)
{
  g_autoptr(GtkListItemFactory) factory = arx_sidebar_item_factory_new ();

  gtk_list_view_set_factory (self->speaker_view, factory);
  g_signal_connect_object (self->speaker_search, "search-changed",
                           G_CALLBACK (on_speaker_search_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->speaker_selection, "notify::selected",
                           G_CALLBACK (on_speaker_selected_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->sidebar_stack, "notify::visible-child-name",
                           G_CALLBACK (on_sidebar_page_changed_cb), self, G_CONNECT_SWAPPED);
}
