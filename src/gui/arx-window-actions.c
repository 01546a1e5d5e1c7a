/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "arx-window-actions"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "arx-summary.h"

#include "arx-window-private.h"

static void
on_open_response_cb (ArxWindow            *self,
                     int                   response,
                     GtkFileChooserNative *chooser)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GListModel) files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (chooser));
      g_autoptr(GPtrArray) array = g_ptr_array_new_with_free_func (g_object_unref);

      for (guint i = 0; i < g_list_model_get_n_items (files); i++)
        g_ptr_array_add (array, g_list_model_get_item (files, i));
      arx_window_import_files (self, (GFile **)array->pdata, array->len);
    }
  gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (chooser));
  g_object_unref (chooser);
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  ArxWindow *self = ARX_WINDOW (widget);
  GtkFileChooserNative *chooser;
  GtkFileFilter *filter = gtk_file_filter_new ();
  GtkFileFilter *all = gtk_file_filter_new ();
  static const char *mime_types[] = {
    "text/plain", "text/html", "application/xhtml+xml", "multipart/related",
    "application/x-mimearchive", "application/xml", "text/xml", "application/rss+xml",
    "application/atom+xml", "application/pdf",
  };

  chooser = gtk_file_chooser_native_new (_("Open Articles"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (chooser), TRUE);
  gtk_file_filter_set_name (filter, _("News Articles"));
  for (guint i = 0; i < G_N_ELEMENTS (mime_types); i++)
    gtk_file_filter_add_mime_type (filter, mime_types[i]);
  gtk_file_filter_set_name (all, _("All Files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), all);

  g_signal_connect_object (chooser, "response", G_CALLBACK (on_open_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
filter_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  ArxWindow *self = ARX_WINDOW (widget);

  arx_statement_panel_focus_filter (self->statement_panel);
}

static void
on_export_response_cb (ArxWindow            *self,
                       int                   response,
                       GtkFileChooserNative *chooser)
{
  ArxArticle *article = arx_article_view_get_article (self->article_view);
  ArxAnalysis *analysis = arx_article_view_get_analysis (self->article_view);

  if (response == GTK_RESPONSE_ACCEPT && article != NULL && analysis != NULL)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *markdown = arx_summary_markdown (article, analysis);
      g_autoptr(GError) error = NULL;

      if (!g_file_replace_contents (file, markdown, strlen (markdown), NULL, FALSE,
                                    G_FILE_CREATE_REPLACE_DESTINATION, NULL, NULL, &error))
        {
          g_autofree char *name = g_file_get_parse_name (file);
          g_autofree char *message = g_strdup_printf (_("Could not save “%s”: %s"),
                                                      name, error->message);

          _arx_window_show_toast (self, message);
        }
    }
  gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (chooser));
  g_object_unref (chooser);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  ArxWindow *self = ARX_WINDOW (widget);
  ArxArticle *article = arx_article_view_get_article (self->article_view);
  GtkFileChooserNative *chooser;
  g_autofree char *name = NULL;

  if (article == NULL)
    return;

  chooser = gtk_file_chooser_native_new (_("Export Summary"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  name = g_strdup_printf ("%s.md", arx_article_get_title (article)
                                   ? arx_article_get_title (article) : _("Article"));
  g_strdelimit (name, "/\\", '-');
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_export_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
cancel_import_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  _arx_window_cancel_import (ARX_WINDOW (widget));
}

void
_arx_window_class_actions_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "win.filter", NULL, filter_action);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "win.cancel-import", NULL, cancel_import_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "win.open", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.filter", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "win.export", NULL);
}
