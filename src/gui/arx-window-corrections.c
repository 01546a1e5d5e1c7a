/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "arx-window-corrections"

#include "config.h"

#include <glib/gi18n.h>

#include "arx-window-private.h"

/* The user's corrections of the analysis: they go to the library (kept apart from machine
 * output, so re-analysis keeps them), the article is reloaded, and a toast offers Undo. */

static void
show_undo_toast (ArxWindow  *self,
                 const char *message)
{
  AdwToast *toast = adw_toast_new (message);

  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "win.undo");
  adw_toast_set_timeout (toast, 10);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
after_correction (ArxWindow    *self,
                  gint64        correction_id,
                  const GError *error,
                  const char   *done_message)
{
  if (correction_id <= 0)
    {
      _arx_window_show_toast (self, error->message);
      return;
    }
  arx_window_reload_library (self);
  show_undo_toast (self, done_message);
}

static void
not_a_statement_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  ArxWindow *self = ARX_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  gint64 article_id, id;
  guint start, end;

  g_variant_get (parameter, "(xuu)", &article_id, &start, &end);
  id = arx_library_correct_not_statement (self->library,
                                          article_id > 0 ? article_id : self->article_id,
                                          start, end, &error);
  after_correction (self, id, error, _("Marked as not a statement"));
}

static void
on_speaker_dialog_response_cb (AdwMessageDialog *dialog,
                               const char       *response,
                               ArxWindow        *self)
{
  GtkEditable *entry = GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog));
  gint64 *article_id = g_object_get_data (G_OBJECT (dialog), "arx-article");
  guint start = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (dialog), "arx-start"));
  guint end = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (dialog), "arx-end"));
  const char *name = gtk_editable_get_text (entry);
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  gint64 id;

  if (g_strcmp0 (response, "change") != 0 || name[0] == '\0')
    return;

  id = arx_library_correct_speaker (self->library,
                                    *article_id > 0 ? *article_id : self->article_id,
                                    start, end, name, &error);
  message = g_strdup_printf (_("Speaker changed to %s"), name);
  after_correction (self, id, error, message);
}

static void
change_speaker_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  ArxWindow *self = ARX_WINDOW (widget);
  GtkWidget *dialog;
  GtkWidget *entry = gtk_entry_new ();
  gint64 article_id;
  guint start, end;

  g_variant_get (parameter, "(xuu)", &article_id, &start, &end);

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Change Speaker"),
                                   _("Who made this statement? The correction is kept when "
                                     "the article is analysed again."));
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Speaker name"), -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "change", _("C_hange"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "change",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "change");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "arx-article",
                          g_memdup2 (&article_id, sizeof article_id), g_free);
  g_object_set_data (G_OBJECT (dialog), "arx-start", GUINT_TO_POINTER (start));
  g_object_set_data (G_OBJECT (dialog), "arx-end", GUINT_TO_POINTER (end));
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_speaker_dialog_response_cb),
                           self, G_CONNECT_DEFAULT);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  ArxWindow *self = ARX_WINDOW (widget);
  g_autofree char *description = NULL;
  g_autofree char *message = NULL;
  g_autoptr(GError) error = NULL;

  if (!arx_library_undo_correction (self->library, &description, &error))
    {
      _arx_window_show_toast (self, error != NULL ? error->message : _("Nothing to undo"));
      return;
    }
  message = g_strdup_printf (_("Undone: %s"), description ? description : _("last correction"));
  _arx_window_show_toast (self, message);
  arx_window_reload_library (self);
}

void
_arx_window_class_corrections_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.not-a-statement", "(xuu)",
                                   not_a_statement_action);
  gtk_widget_class_install_action (widget_class, "win.change-speaker", "(xuu)",
                                   change_speaker_action);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "win.undo", NULL);
}
