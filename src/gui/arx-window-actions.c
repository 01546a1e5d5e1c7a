/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "arx-window-actions"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "arx-display.h"
#include "arx-summary.h"
#include "arx-summary-pages.h"

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

static const struct
{
  const char       *id;
  const char       *label;
  const char       *suffix;
  ArxSummaryFormat  format;
} export_formats[] = {
  { "md", N_("Markdown"), ".md", ARX_SUMMARY_MARKDOWN },
  { "html", N_("Web page (HTML)"), ".html", ARX_SUMMARY_HTML },
  { "pdf", N_("PDF"), ".pdf", ARX_SUMMARY_PDF },
  { "csv", N_("Statements table (CSV)"), ".csv", ARX_SUMMARY_CSV },
  { "json", N_("Analysis (JSON)"), ".json", ARX_SUMMARY_JSON },
};

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
      g_autofree char *name = g_file_get_parse_name (file);
      const char *choice = gtk_file_chooser_get_choice (GTK_FILE_CHOOSER (chooser), "format");
      ArxSummaryFormat format = ARX_SUMMARY_MARKDOWN;
      g_autoptr(GError) error = NULL;

      /* The file name's extension wins; the format choice covers names without one. */
      if (!arx_summary_format_from_name (name, &format))
        for (guint i = 0; i < G_N_ELEMENTS (export_formats); i++)
          if (g_strcmp0 (choice, export_formats[i].id) == 0)
            format = export_formats[i].format;

      if (!arx_summary_save (article, analysis, format, file, &error))
        {
          g_autofree char *message = g_strdup_printf (_("Could not export “%s”: %s"),
                                                      name, error->message);

          _arx_window_show_toast (self, message);
        }
      else
        {
          g_autofree char *message = g_strdup_printf (_("Exported “%s”"), name);

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
  const char *ids[G_N_ELEMENTS (export_formats) + 1] = { NULL };
  const char *labels[G_N_ELEMENTS (export_formats) + 1] = { NULL };
  g_autofree char *title = NULL;
  g_autofree char *name = NULL;

  if (article == NULL)
    return;

  chooser = gtk_file_chooser_native_new (_("Export Summary"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  for (guint i = 0; i < G_N_ELEMENTS (export_formats); i++)
    {
      ids[i] = export_formats[i].id;
      labels[i] = _(export_formats[i].label);
    }
  gtk_file_chooser_add_choice (GTK_FILE_CHOOSER (chooser), "format", _("Format"), ids, labels);
  gtk_file_chooser_set_choice (GTK_FILE_CHOOSER (chooser), "format", "md");
  title = arx_display_title (arx_article_get_title (article), arx_article_get_source_uri (article));
  name = g_strdup_printf ("%s.md", title);
  g_strdelimit (name, "/\\", '-');
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_export_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
on_begin_print_cb (GtkPrintOperation *operation,
                   GtkPrintContext   *context,
                   ArxWindow         *self)
{
  PangoContext *pango = gtk_print_context_create_pango_context (context);
  ArxSummaryPages *pages;

  pages = arx_summary_pages_new (arx_article_view_get_article (self->article_view),
                                 arx_article_view_get_analysis (self->article_view), pango,
                                 gtk_print_context_get_width (context),
                                 gtk_print_context_get_height (context));
  g_object_unref (pango);
  gtk_print_operation_set_n_pages (operation, arx_summary_pages_get_n_pages (pages));
  g_object_set_data_full (G_OBJECT (operation), "arx-pages", pages,
                          (GDestroyNotify)arx_summary_pages_free);
}

static void
on_draw_page_cb (GtkPrintOperation *operation,
                 GtkPrintContext   *context,
                 int                page,
                 ArxWindow         *self)
{
  ArxSummaryPages *pages = g_object_get_data (G_OBJECT (operation), "arx-pages");

  arx_summary_pages_draw (pages, gtk_print_context_get_cairo_context (context), page);
}

/* Prints the same summary pages as the PDF export. */
static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  ArxWindow *self = ARX_WINDOW (widget);
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GError) error = NULL;

  if (arx_article_view_get_article (self->article_view) == NULL)
    return;

  operation = gtk_print_operation_new ();
  gtk_print_operation_set_job_name (operation, adw_window_title_get_subtitle (self->window_title));
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  g_signal_connect_object (operation, "begin-print", G_CALLBACK (on_begin_print_cb), self, 0);
  g_signal_connect_object (operation, "draw-page", G_CALLBACK (on_draw_page_cb), self, 0);
  if (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                               GTK_WINDOW (self), &error) == GTK_PRINT_OPERATION_RESULT_ERROR)
    _arx_window_show_toast (self, error->message);
}

static void
on_clipboard_text_cb (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(ArxWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (object), result, &error);

  if (text == NULL)
    {
      _arx_window_show_toast (self, _("The clipboard holds no text to import"));
      return;
    }
  _arx_window_import_string (self, text);
}

/* Ctrl+V outside a text field imports the clipboard: an article's text or a link to it. */
static void
paste_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  GdkClipboard *clipboard = gtk_widget_get_clipboard (widget);

  gdk_clipboard_read_text_async (clipboard, NULL, on_clipboard_text_cb, g_object_ref (widget));
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
  gtk_widget_class_install_action (widget_class, "win.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "win.cancel-import", NULL, cancel_import_action);
  gtk_widget_class_install_action (widget_class, "win.paste", NULL, paste_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "win.open", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.filter", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "win.export", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "win.print", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_v, GDK_CONTROL_MASK, "win.paste", NULL);
}
