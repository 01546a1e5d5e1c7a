/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "arx-window-links"

#include "config.h"

#include <glib/gi18n.h>

#include "arx-display.h"
#include "arx-import.h"

#include "arx-window-private.h"

/* A listing or hub page (a section front, a topic page, a shop's category) links to the
 * articles a researcher is after: the window offers them, the user picks, and the chosen
 * links go through the URL import with its progress and Cancel button. The links are read
 * again from the page's source when asked for; the library does not keep them. */

/* The page read again in a worker: its links, or an error. */
static void
read_links_thread (GTask        *task,
                   gpointer      source_object,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  const char *uri = task_data;
  GError *error = NULL;
  g_autoptr(GPtrArray) articles = arx_import_uri (uri, NULL, cancellable, &error);

  if (articles == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  g_task_return_pointer (task, g_object_ref (g_ptr_array_index (articles, 0)), g_object_unref);
}

static void
on_links_dialog_response_cb (AdwMessageDialog *dialog,
                             const char       *response,
                             ArxWindow        *self)
{
  GtkListBox *list = g_object_get_data (G_OBJECT (dialog), "arx-list");
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);

  if (!g_str_equal (response, "import"))
    return;
  for (int i = 0;; i++)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (list, i);
      GtkCheckButton *check;

      if (row == NULL)
        break;
      check = g_object_get_data (G_OBJECT (row), "arx-check");
      if (gtk_check_button_get_active (check))
        g_ptr_array_add (files, g_file_new_for_uri (g_object_get_data (G_OBJECT (row), "arx-uri")));
    }
  if (files->len > 0)
    arx_window_import_files (self, (GFile **)files->pdata, files->len);
}

/* Every link as a row with a check box, all checked: most pages list what the user came for,
 * and unchecking a few is quicker than checking many. */
static GtkWidget *
links_list (ArxArticle *page)
{
  GtkWidget *list = gtk_list_box_new ();

  gtk_widget_set_name (list, "linked-articles-list");
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  for (guint i = 0; i < arx_article_get_n_links (page); i++)
    {
      const char *title;
      const char *uri = arx_article_get_link (page, i, &title);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();

      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), uri);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 1);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      g_object_set_data (G_OBJECT (row), "arx-check", check);
      g_object_set_data_full (G_OBJECT (row), "arx-uri", g_strdup (uri), g_free);
      gtk_list_box_append (GTK_LIST_BOX (list), row);
    }
  return list;
}

static void
read_links_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  ArxWindow *self = ARX_WINDOW (object);
  g_autoptr(GError) error = NULL;
  g_autoptr(ArxArticle) page = g_task_propagate_pointer (G_TASK (result), &error);
  g_autofree char *title = NULL;
  g_autofree char *body = NULL;
  GtkWidget *dialog, *scroller, *list;
  guint n;

  _arx_window_set_busy (self, FALSE);
  if (page == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        _arx_window_show_toast (self, error->message);
      return;
    }
  n = arx_article_get_n_links (page);
  if (n == 0)
    {
      _arx_window_show_toast (self, _("This page links to no articles"));
      return;
    }
  title = arx_display_title (arx_article_get_title (page), arx_article_get_source_uri (page));
  body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "“%s” links to %u page. Choose the ones to import.",
                                       "“%s” links to %u pages. Choose the ones to import.", n),
                          title, n);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Import Linked Articles"), body);
  list = links_list (page);
  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), 420);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), list);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), scroller);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "import", _("_Import"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "import",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "import");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data (G_OBJECT (dialog), "arx-list", list);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_links_dialog_response_cb),
                           self, G_CONNECT_DEFAULT);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
import_linked_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  ArxWindow *self = ARX_WINDOW (widget);
  ArxArticle *article = arx_article_view_get_article (self->article_view);
  const char *uri = article != NULL ? arx_article_get_source_uri (article) : NULL;
  g_autoptr(GTask) task = NULL;

  if (uri == NULL)
    {
      _arx_window_show_toast (self, _("The page’s file is not known"));
      return;
    }
  task = g_task_new (self, self->cancellable, read_links_cb, NULL);
  g_task_set_source_tag (task, import_linked_action);
  g_task_set_task_data (task, g_strdup (uri), g_free);
  _arx_window_set_busy (self, TRUE);
  g_task_run_in_thread (task, read_links_thread);
}

/* Right after a drop: a page that lists articles says so, with a button to choose them. */
void
_arx_window_offer_links (ArxWindow  *self,
                         ArxArticle *article)
{
  g_autofree char *title = NULL;
  g_autofree char *message = NULL;
  AdwToast *toast;

  if (!arx_display_kind_lists_articles (arx_article_get_kind (article)))
    return;
  title = arx_display_title (arx_article_get_title (article), arx_article_get_source_uri (article));
  message = g_strdup_printf (_("“%s” lists other articles"), title);
  toast = adw_toast_new (message);
  adw_toast_set_button_label (toast, _("_Choose…"));
  adw_toast_set_action_name (toast, "win.import-linked");
  adw_toast_set_timeout (toast, 10);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

void
_arx_window_class_links_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.import-linked", NULL, import_linked_action);
}
