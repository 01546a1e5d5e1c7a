/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "arx-window-dnd"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "arx-window-private.h"

/* Files and links dropped anywhere on the window go to the same import path as the Open
 * dialog (a link from a browser is a GFile with an http URI); dropped or pasted text is
 * imported as an article of its own. */

static gboolean
is_single_url (const char *text)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (text));

  return (g_str_has_prefix (trimmed, "http://") || g_str_has_prefix (trimmed, "https://")) &&
         strpbrk (trimmed, " \t\n\r") == NULL;
}

void
_arx_window_import_string (ArxWindow  *self,
                           const char *text)
{
  if (text == NULL || text[0] == '\0')
    return;

  if (is_single_url (text))
    {
      g_autofree char *uri = g_strstrip (g_strdup (text));
      g_autoptr(GFile) file = g_file_new_for_uri (uri);

      arx_window_import_files (self, &file, 1);
    }
  else
    _arx_window_import_text (self, text);
}

static gboolean
on_drop_cb (ArxWindow     *self,
            const GValue  *value,
            double         x,
            double         y,
            GtkDropTarget *target)
{
  g_autoptr(GPtrArray) files = g_ptr_array_new ();
  GSList *list;

  if (G_VALUE_HOLDS (value, G_TYPE_STRING))
    {
      _arx_window_import_string (self, g_value_get_string (value));
      return g_value_get_string (value) != NULL;
    }
  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    return FALSE;

  /* (transfer container): the files belong to the GdkFileList, the list to us */
  list = gdk_file_list_get_files (g_value_get_boxed (value));
  for (GSList *l = list; l != NULL; l = l->next)
    g_ptr_array_add (files, l->data);
  g_slist_free (list);

  if (files->len == 0)
    return FALSE;

  arx_window_import_files (self, (GFile **)files->pdata, files->len);
  return TRUE;
}

void
_arx_window_dnd_init (ArxWindow *self)
{
  GtkDropTarget *target = gtk_drop_target_new (G_TYPE_INVALID, GDK_ACTION_COPY);
  GType types[] = { GDK_TYPE_FILE_LIST, G_TYPE_STRING };

  gtk_drop_target_set_gtypes (target, types, G_N_ELEMENTS (types));
  g_signal_connect_object (target, "drop", G_CALLBACK (on_drop_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));
}
