/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "arx-window-library"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "arx-display.h"

#include "arx-window-private.h"

/* The library sidebar: every article, or the full-text search hits for what the user typed,
 * with the matched words in bold. */

static ArxSidebarItem *
create_article_item (const ArxArticleRow *row)
{
  g_autofree char *title = arx_display_title (row->title, row->source_uri);
  g_autoptr(GString) details = g_string_new (NULL);
  g_autofree char *date = arx_display_date (row->published);

  if (row->site != NULL)
    g_string_append_printf (details, "%s · ", row->site);
  if (date != NULL)
    g_string_append_printf (details, "%s · ", date);
  g_string_append_printf (details,
                          g_dngettext (GETTEXT_PACKAGE, "%u statement", "%u statements",
                                       row->n_statements),
                          row->n_statements);
  return arx_sidebar_item_new (row->id, title, details->str, FALSE);
}

/* The snippet is plain text with byte ranges of the matched words: escape it, bold the hits. */
static ArxSidebarItem *
create_hit_item (const ArxSearchHit *hit)
{
  g_autofree char *title = arx_display_title (hit->title, NULL);
  g_autoptr(GString) markup = g_string_new (NULL);
  g_autofree char *rest = NULL;
  guint at = 0;

  for (guint i = 0; hit->highlights != NULL && i < hit->highlights->len; i++)
    {
      const ArxSpan *span = &g_array_index (hit->highlights, ArxSpan, i);
      g_autofree char *before = NULL;
      g_autofree char *word = NULL;

      if (span->start < at || span->end > strlen (hit->snippet))
        continue;
      before = g_markup_escape_text (hit->snippet + at, span->start - at);
      word = g_markup_escape_text (hit->snippet + span->start, span->end - span->start);
      g_string_append_printf (markup, "%s<b>%s</b>", before, word);
      at = span->end;
    }
  rest = g_markup_escape_text (hit->snippet + at, -1);
  g_string_append (markup, rest);
  return arx_sidebar_item_new (hit->article_id, title, markup->str, TRUE);
}

/* Replaces the sidebar's items in one step (one items-changed), without the selection
 * change loading an article. */
static void
set_items (ArxWindow *self,
           GPtrArray *items)
{
  self->reloading = TRUE;
  g_list_store_splice (self->library_store, 0,
                       g_list_model_get_n_items (G_LIST_MODEL (self->library_store)),
                       items->pdata, items->len);
  gtk_single_selection_set_selected (self->library_selection, GTK_INVALID_LIST_POSITION);
  self->reloading = FALSE;
}

static void
show_placeholder (ArxWindow  *self,
                  const char *message)
{
  gtk_label_set_label (self->library_placeholder, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->library_placeholder), message != NULL);
}

static void
show_search (ArxWindow  *self,
             const char *query)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(GError) error = NULL;

  hits = arx_library_search (self->library, query, 200, &error);
  /* Typed text that is not valid FTS5 syntax (O'Neill, a lone quote) is searched as words. */
  if (hits == NULL && g_error_matches (error, ARX_ERROR, ARX_ERROR_INVALID_QUERY))
    {
      g_autofree char *plain = arx_library_plain_query (query);

      g_clear_error (&error);
      hits = arx_library_search (self->library, plain, 200, &error);
    }
  for (guint i = 0; hits != NULL && i < hits->len; i++)
    g_ptr_array_add (items, create_hit_item (g_ptr_array_index (hits, i)));
  set_items (self, items);

  /* A query the user is still typing ("foo AND") is not worth a toast: say it in place. */
  if (hits == NULL)
    show_placeholder (self, error->message);
  else
    show_placeholder (self, hits->len == 0 ? _("No articles match") : NULL);
}

static void
on_library_search_changed_cb (ArxWindow      *self,
                              GtkSearchEntry *entry)
{
  const char *query = gtk_editable_get_text (GTK_EDITABLE (entry));

  if (query[0] == '\0')
    arx_window_reload_library (self);
  else
    show_search (self, query);
}

static void
on_library_selection_changed_cb (ArxWindow *self)
{
  ArxSidebarItem *item = gtk_single_selection_get_selected_item (self->library_selection);

  if (item != NULL && !self->reloading && arx_sidebar_item_get_id (item) != self->article_id)
    arx_window_select_article (self, arx_sidebar_item_get_id (item));
}

/* The ids of the articles of the tag chosen above the library, or NULL for all articles. */
static GHashTable *
tagged_ids (ArxWindow *self)
{
  g_autofree char *tag = _arx_window_dup_tag_filter (self);
  g_autoptr(GArray) ids = NULL;
  GHashTable *set;

  if (tag == NULL || (ids = arx_library_list_tagged (self->library, tag, NULL)) == NULL)
    return NULL;
  set = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  for (guint i = 0; i < ids->len; i++)
    g_hash_table_add (set, g_memdup2 (&g_array_index (ids, gint64, i), sizeof (gint64)));
  return set;
}

guint
_arx_window_find_library_position (ArxWindow *self,
                                   gint64     article_id)
{
  GListModel *model = G_LIST_MODEL (self->library_store);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(ArxSidebarItem) item = g_list_model_get_item (model, i);

      if (arx_sidebar_item_get_id (item) == article_id)
        return i;
    }
  return GTK_INVALID_LIST_POSITION;
}

/* Newest articles first, a page at a time: a library of 100k articles shows its first page
 * at once and loads more as the list is scrolled to its end. The first page only fills a
 * tall window: every row GTK 4.8 makes for a page (up to 200) is laid out before the first
 * frame, which took half a second with wrapped titles. */
#define FIRST_PAGE_SIZE 50
#define PAGE_SIZE 500

static void
append_rows (ArxWindow *self,
             GPtrArray *rows,
             GPtrArray *items,
             GHashTable *tagged)
{
  for (guint i = 0; i < rows->len; i++)
    {
      const ArxArticleRow *row = g_ptr_array_index (rows, i);

      if (tagged == NULL || g_hash_table_contains (tagged, &row->id))
        g_ptr_array_add (items, create_article_item (row));
    }
}

static void
load_next_page (ArxWindow *self)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->library_store));

  if (self->library_complete || n == 0)
    return;
  rows = arx_library_list_articles_page (self->library, self->library_oldest_id, PAGE_SIZE,
                                         &error);
  if (rows == NULL)
    {
      _arx_window_show_toast (self, error->message);
      return;
    }
  self->library_complete = rows->len < PAGE_SIZE;
  if (rows->len > 0)
    self->library_oldest_id = ((ArxArticleRow *)g_ptr_array_index (rows, rows->len - 1))->id;
  append_rows (self, rows, items, NULL);
  g_list_store_splice (self->library_store, n, 0, items->pdata, items->len);
}

static void
on_library_scrolled_cb (ArxWindow     *self,
                        GtkAdjustment *adjustment)
{
  double end = gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment);

  if (gtk_adjustment_get_value (adjustment) >= end - gtk_adjustment_get_page_size (adjustment))
    load_next_page (self);
}

/**
 * arx_window_reload_library:
 *
 * Rebuilds the sidebar from the library (clearing a search): the newest articles, or all the
 * articles of the chosen tag. Keeps the current article selected when it is listed, else
 * selects the first one.
 */
void
arx_window_reload_library (ArxWindow *self)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) tagged = NULL;
  g_autoptr(GError) error = NULL;
  guint position;

  g_return_if_fail (ARX_IS_WINDOW (self));

  /* a tag's articles are few and listed whole; the library is paged */
  tagged = tagged_ids (self);
  rows = tagged != NULL ? arx_library_list_articles (self->library, &error)
                        : arx_library_list_articles_page (self->library, 0, FIRST_PAGE_SIZE, &error);
  if (rows == NULL)
    {
      _arx_window_show_toast (self, error->message);
      return;
    }
  self->library_complete = tagged != NULL || rows->len < FIRST_PAGE_SIZE;
  if (rows->len > 0)
    self->library_oldest_id = ((ArxArticleRow *)g_ptr_array_index (rows, rows->len - 1))->id;

  if (gtk_editable_get_text (GTK_EDITABLE (self->library_search))[0] != '\0')
    {
      g_signal_handlers_block_by_func (self->library_search, on_library_search_changed_cb, self);
      gtk_editable_set_text (GTK_EDITABLE (self->library_search), "");
      g_signal_handlers_unblock_by_func (self->library_search, on_library_search_changed_cb, self);
    }
  show_placeholder (self, NULL);

  append_rows (self, rows, items, tagged);
  set_items (self, items);
  if (tagged != NULL && items->len == 0)
    show_placeholder (self, _("No articles have this tag"));

  gtk_stack_set_visible_child_name (self->main_stack, rows->len > 0 ? "library" : "empty");

  position = _arx_window_find_library_position (self, self->article_id);
  if (position == GTK_INVALID_LIST_POSITION && items->len > 0)
    position = 0;
  /* Load even when the id is unchanged: the article may have been re-imported or corrected. */
  if (position != GTK_INVALID_LIST_POSITION)
    arx_window_select_article (self, arx_sidebar_item_get_id (g_ptr_array_index (items, position)));
  _arx_window_refresh_insights (self);
}

void
_arx_window_library_init (ArxWindow *self)
{
  g_autoptr(GtkListItemFactory) factory = arx_sidebar_item_factory_new ();

  gtk_list_view_set_factory (self->library_view, factory);
  g_signal_connect_object (self->library_search, "search-changed",
                           G_CALLBACK (on_library_search_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->library_selection, "notify::selected",
                           G_CALLBACK (on_library_selection_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->library_view)),
                           "value-changed", G_CALLBACK (on_library_scrolled_cb), self,
                           G_CONNECT_SWAPPED);
}

static void
on_remove_response_cb (AdwMessageDialog *dialog,
                       const char       *response,
                       ArxWindow        *self)
{
  gint64 id = *(gint64 *)g_object_get_data (G_OBJECT (dialog), "arx-article-id");
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "remove") != 0)
    return;
  if (!arx_library_delete_article (self->library, id, &error))
    {
      _arx_window_show_toast (self, error->message);
      return;
    }
  if (self->article_id == id)
    {
      self->article_id = 0;
      arx_article_view_set_article (self->article_view, NULL, NULL);
      arx_statement_panel_set_analysis (self->statement_panel, NULL, NULL);
    }
  arx_window_reload_library (self);
}

/* Removing is not undoable (the corrections go with the article), so it asks first. */
static void
remove_article_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  ArxWindow *self = ARX_WINDOW (widget);
  ArxArticle *article = arx_article_view_get_article (self->article_view);
  g_autofree char *title = NULL;
  GtkWidget *dialog;

  if (article == NULL || self->article_id <= 0)
    return;

  title = arx_display_title (arx_article_get_title (article), arx_article_get_source_uri (article));
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Remove Article?"), NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("“%s” and your corrections to it will be removed from the "
                                    "library. The original file is not touched."), title);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "remove", _("_Remove"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "remove",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "arx-article-id",
                          g_memdup2 (&self->article_id, sizeof self->article_id), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_remove_response_cb), self,
                           G_CONNECT_DEFAULT);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
_arx_window_class_library_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.remove-article", NULL,
                                   remove_article_action);
}
