/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "arx-window-dnd"

#include "config.h"

#include <glib/gi18n.h>

#include "arx-window-private.h"

/* Files dropped anywhere on the window go to the same import path as the Open dialog. */
static gboolean
on_drop_cb (ArxWindow     *self,
            const GValue  *value,
            double         x,
            double         y,
            GtkDropTarget *target)
{
  g_autoptr(GPtrArray) files = g_ptr_array_new ();
  GSList *list;

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
  GtkDropTarget *target = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);

  g_signal_connect_object (target, "drop", G_CALLBACK (on_drop_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));
}
