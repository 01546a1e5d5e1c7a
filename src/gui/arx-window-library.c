/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "arx-window-library"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "arx-display.h"

#include "arx-window-private.h"

/* The library sidebar: every article, or the full-text search hits for what the user typed,
 * with the matched words in bold. */

static GtkWidget *
create_library_row (gint64      id,
                    const char *title_text,
                    const char *details,
                    gboolean    details_are_markup)
{
  GtkWidget *list_row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (title_text);
  GtkWidget *meta = gtk_label_new (NULL);

  if (details_are_markup)
    gtk_label_set_markup (GTK_LABEL (meta), details);
  else
    gtk_label_set_label (GTK_LABEL (meta), details);

  /* Wrapped labels with a line limit mis-measure their height in GTK 4.8 list rows (rows
   * overlap), so titles and snippets wrap in full and the details line is ellipsized. */
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (title), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (meta), 0);
  if (details_are_markup)
    {
      gtk_label_set_wrap (GTK_LABEL (meta), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (meta), PANGO_WRAP_WORD_CHAR);
    }
  else
    gtk_label_set_ellipsize (GTK_LABEL (meta), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (meta, "dim-label");
  gtk_widget_add_css_class (meta, "caption");
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), meta);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (list_row), box);
  g_object_set_data_full (G_OBJECT (list_row), "arx-article-id",
                          g_memdup2 (&id, sizeof id), g_free);

  return list_row;
}

static GtkWidget *
create_article_row (const ArxArticleRow *row)
{
  g_autofree char *title = arx_display_title (row->title, row->source_uri);
  g_autoptr(GString) details = g_string_new (NULL);

  if (row->site != NULL)
    g_string_append_printf (details, "%s · ", row->site);
  if (row->published != NULL)
    g_string_append_printf (details, "%s · ", row->published);
  g_string_append_printf (details,
                          g_dngettext (GETTEXT_PACKAGE, "%u statement", "%u statements",
                                       row->n_statements),
                          row->n_statements);
  return create_library_row (row->id, title, details->str, FALSE);
}

/* The snippet is plain text with byte ranges of the matched words: escape it, bold the hits. */
static GtkWidget *
create_hit_row (const ArxSearchHit *hit)
{
  g_autofree char *title = arx_display_title (hit->title, NULL);
  g_autoptr(GString) markup = g_string_new (NULL);
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
  {
    g_autofree char *rest = g_markup_escape_text (hit->snippet + at, -1);

    g_string_append (markup, rest);
  }
  return create_library_row (hit->article_id, title, markup->str, TRUE);
}

static void
clear_rows (ArxWindow *self)
{
  GtkWidget *row;

  self->reloading = TRUE;
  while ((row = GTK_WIDGET (gtk_list_box_get_row_at_index (self->library_list, 0))) != NULL)
    gtk_list_box_remove (self->library_list, row);
  self->reloading = FALSE;
}

static void
show_search (ArxWindow  *self,
             const char *query)
{
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(GError) error = NULL;

  clear_rows (self);
  hits = arx_library_search (self->library, query, 200, &error);
  if (hits == NULL)
    {
      /* A query the user is still typing ("foo AND") is not an error worth a toast. */
      gtk_label_set_label (self->library_placeholder, error->message);
      return;
    }
  gtk_label_set_label (self->library_placeholder, _("No articles match"));
  for (guint i = 0; i < hits->len; i++)
    gtk_list_box_append (self->library_list, create_hit_row (g_ptr_array_index (hits, i)));
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

GtkListBoxRow *
_arx_window_find_library_row (ArxWindow *self,
                              gint64     article_id)
{
  GtkListBoxRow *row;

  for (guint i = 0; (row = gtk_list_box_get_row_at_index (self->library_list, i)) != NULL; i++)
    {
      gint64 *id = g_object_get_data (G_OBJECT (row), "arx-article-id");

      if (id != NULL && *id == article_id)
        return row;
    }
  return NULL;
}

/**
 * arx_window_reload_library:
 *
 * Rebuilds the sidebar from the library (clearing a search); keeps the current article
 * selected, or selects the first one when none is.
 */
void
arx_window_reload_library (ArxWindow *self)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  GtkListBoxRow *selected;

  g_return_if_fail (ARX_IS_WINDOW (self));

  rows = arx_library_list_articles (self->library, &error);
  if (rows == NULL)
    {
      _arx_window_show_toast (self, error->message);
      return;
    }

  if (gtk_editable_get_text (GTK_EDITABLE (self->library_search))[0] != '\0')
    {
      g_signal_handlers_block_by_func (self->library_search, on_library_search_changed_cb, self);
      gtk_editable_set_text (GTK_EDITABLE (self->library_search), "");
      g_signal_handlers_unblock_by_func (self->library_search, on_library_search_changed_cb, self);
    }

  clear_rows (self);
  self->reloading = TRUE;
  for (guint i = 0; i < rows->len; i++)
    gtk_list_box_append (self->library_list, create_article_row (g_ptr_array_index (rows, i)));
  self->reloading = FALSE;

  gtk_stack_set_visible_child_name (self->main_stack, rows->len > 0 ? "library" : "empty");

  selected = _arx_window_find_library_row (self, self->article_id);
  if (selected == NULL && rows->len > 0)
    selected = gtk_list_box_get_row_at_index (self->library_list, 0);
  /* Load even when the id is unchanged: the article may have been re-imported or corrected. */
  if (selected != NULL)
    arx_window_select_article (self, *(gint64 *)g_object_get_data (G_OBJECT (selected),
                                                                   "arx-article-id"));
}

void
_arx_window_library_init (ArxWindow *self)
{
  g_signal_connect_object (self->library_search, "search-changed",
                           G_CALLBACK (on_library_search_changed_cb), self, G_CONNECT_SWAPPED);
}
