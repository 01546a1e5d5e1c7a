/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "arx-window-tags"

#include "config.h"

#include <glib/gi18n.h>

#include "arx-window-private.h"

/* Tags are the user's own collections of articles: a bar under the article adds and removes
 * them, and a drop-down above the library shows one collection. */

static void
on_remove_tag_clicked_cb (ArxWindow *self,
                          GtkButton *button)
{
  const char *tag = g_object_get_data (G_OBJECT (button), "arx-tag");
  g_autoptr(GError) error = NULL;

  if (!arx_library_untag_article (self->library, self->article_id, tag, &error))
    {
      _arx_window_show_toast (self, error->message);
      return;
    }
  _arx_window_refresh_tags (self);
}

static GtkWidget *
create_tag_button (ArxWindow  *self,
                   const char *tag)
{
  GtkWidget *button = gtk_button_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  g_autofree char *tooltip = g_strdup_printf (_("Remove the tag “%s”"), tag);

  gtk_box_append (GTK_BOX (box), gtk_label_new (tag));
  gtk_box_append (GTK_BOX (box), gtk_image_new_from_icon_name ("window-close-symbolic"));
  gtk_button_set_child (GTK_BUTTON (button), box);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_widget_add_css_class (button, "pill");
  gtk_widget_add_css_class (button, "small");
  g_object_set_data_full (G_OBJECT (button), "arx-tag", g_strdup (tag), g_free);
  g_signal_connect_object (button, "clicked", G_CALLBACK (on_remove_tag_clicked_cb), self,
                           G_CONNECT_SWAPPED);
  return button;
}

/* The drop-down lists "All articles" and then every tag; keep the chosen one by name. */
static void
refresh_filter (ArxWindow *self)
{
  g_autofree char *chosen = _arx_window_dup_tag_filter (self);
  g_autoptr(GPtrArray) tags = arx_library_list_tags (self->library, 0, NULL);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->tag_filter_model));
  guint selected = 0;

  if (tags == NULL)
    tags = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (tags, NULL);   /* a NULL-terminated list for gtk_string_list_splice () */
  self->reloading_tags = TRUE;
  gtk_string_list_splice (self->tag_filter_model, 0, n, (const char * const[]) { _("All articles"), NULL });
  gtk_string_list_splice (self->tag_filter_model, 1, 0, (const char * const *)tags->pdata);
  for (guint i = 0; chosen != NULL && tags->pdata[i] != NULL; i++)
    if (g_strcmp0 (tags->pdata[i], chosen) == 0)
      selected = i + 1;
  gtk_drop_down_set_selected (self->tag_filter, selected);
  self->reloading_tags = FALSE;

  /* the tag on show is gone (its last article lost it): show all articles again */
  if (chosen != NULL && selected == 0)
    arx_window_reload_library (self);
}

/**
 * _arx_window_refresh_tags:
 *
 * Shows the current article's tags in the bar and every tag in the library's drop-down.
 */
void
_arx_window_refresh_tags (ArxWindow *self)
{
  g_autoptr(GPtrArray) tags = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->tag_flow))) != NULL)
    gtk_flow_box_remove (self->tag_flow, child);

  gtk_widget_set_sensitive (GTK_WIDGET (self->tag_bar), self->article_id > 0);
  if (self->article_id > 0)
    {
      tags = arx_library_list_tags (self->library, self->article_id, &error);
      if (tags == NULL)
        _arx_window_show_toast (self, error->message);
      for (guint i = 0; tags != NULL && i < tags->len; i++)
        gtk_flow_box_append (self->tag_flow, create_tag_button (self, g_ptr_array_index (tags, i)));
    }
  refresh_filter (self);
}

/**
 * _arx_window_dup_tag_filter:
 *
 * Returns: (transfer full) (nullable): the tag whose articles the library shows, or NULL for all
 */
char *
_arx_window_dup_tag_filter (ArxWindow *self)
{
  guint selected = gtk_drop_down_get_selected (self->tag_filter);

  if (selected == 0 || selected == GTK_INVALID_LIST_POSITION)
    return NULL;
  return g_strdup (gtk_string_list_get_string (self->tag_filter_model, selected));
}

static void
on_tag_entry_activate_cb (ArxWindow *self,
                          GtkEntry  *entry)
{
  g_autofree char *tag = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));
  g_autoptr(GError) error = NULL;

  if (tag[0] == '\0' || self->article_id <= 0)
    return;
  if (!arx_library_tag_article (self->library, self->article_id, tag, &error))
    {
      _arx_window_show_toast (self, error->message);
      return;
    }
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
  _arx_window_refresh_tags (self);
}

static void
on_tag_filter_selected_cb (ArxWindow *self)
{
  if (!self->reloading_tags)
    arx_window_reload_library (self);
}

void
_arx_window_tags_init (ArxWindow *self)
{
  g_signal_connect_object (self->tag_entry, "activate", G_CALLBACK (on_tag_entry_activate_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->tag_filter, "notify::selected",
                           G_CALLBACK (on_tag_filter_selected_cb), self, G_CONNECT_SWAPPED);
  refresh_filter (self);
}
