/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "arx-sidebar-item"

#include "config.h"

#include "arx-sidebar-item.h"

/* One row of the sidebar lists (articles, search hits, speakers): an id and two lines of text,
 * or a heading that starts a section (GTK 4.8 lists have no sections; a heading is an item
 * that cannot be chosen). The lists are GtkListViews, so a library of many thousands of
 * articles costs only the rows on screen. */
struct _ArxSidebarItem
{
  GObject   parent_instance;

  gint64    id;
  char     *title;
  char     *details;
  gboolean  details_are_markup;
  gboolean  heading;
};

G_DEFINE_FINAL_TYPE (ArxSidebarItem, arx_sidebar_item, G_TYPE_OBJECT)

static void
arx_sidebar_item_finalize (GObject *object)
{
  ArxSidebarItem *self = (ArxSidebarItem *)object;

  g_free (self->title);
  g_free (self->details);

  G_OBJECT_CLASS (arx_sidebar_item_parent_class)->finalize (object);
}

static void
arx_sidebar_item_class_init (ArxSidebarItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = arx_sidebar_item_finalize;
}

static void
arx_sidebar_item_init (ArxSidebarItem *self)
{
}

ArxSidebarItem *
arx_sidebar_item_new (gint64      id,
                      const char *title,
                      const char *details,
                      gboolean    details_are_markup)
{
  ArxSidebarItem *self = g_object_new (ARX_TYPE_SIDEBAR_ITEM, NULL);

  self->id = id;
  self->title = g_strdup (title);
  self->details = g_strdup (details);
  self->details_are_markup = details_are_markup;

  return self;
}

/**
 * arx_sidebar_item_new_heading:
 * @details: (nullable): a second line ("42 speakers")
 *
 * A section heading of a list (it has id 0 and cannot be chosen).
 */
ArxSidebarItem *
arx_sidebar_item_new_heading (const char *title,
                              const char *details)
{
  ArxSidebarItem *self = arx_sidebar_item_new (0, title, details, FALSE);

  self->heading = TRUE;
  return self;
}

gint64 arx_sidebar_item_get_id (ArxSidebarItem *self) { return self->id; }
gboolean arx_sidebar_item_is_heading (ArxSidebarItem *self) { return self->heading; }
const char *arx_sidebar_item_get_title (ArxSidebarItem *self) { return self->title; }
const char *arx_sidebar_item_get_details (ArxSidebarItem *self) { return self->details; }
gboolean arx_sidebar_item_get_details_are_markup (ArxSidebarItem *self) { return self->details_are_markup; }

static void
setup_cb (GtkSignalListItemFactory *factory,
          GtkListItem              *list_item)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *details = gtk_label_new (NULL);

  /* Titles and snippets wrap in full: wrapped labels with a line limit mis-measure their
   * height in GTK 4.8 rows, and the rows overlap. */
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (title), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (details), 0);
  gtk_label_set_wrap_mode (GTK_LABEL (details), PANGO_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (details, "dim-label");
  gtk_widget_add_css_class (details, "caption");
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), details);
  gtk_list_item_set_child (list_item, box);
}

static void
bind_cb (GtkSignalListItemFactory *factory,
         GtkListItem              *list_item)
{
  ArxSidebarItem *item = gtk_list_item_get_item (list_item);
  GtkWidget *box = gtk_list_item_get_child (list_item);
  GtkLabel *title = GTK_LABEL (gtk_widget_get_first_child (box));
  GtkLabel *details = GTK_LABEL (gtk_widget_get_last_child (box));

  gtk_label_set_label (title, item->title);
  /* A heading is a row of its own kind; the list view reuses rows for any item. */
  gtk_widget_set_visible (GTK_WIDGET (details), item->details != NULL && item->details[0] != '\0');
  if (item->heading)
    {
      gtk_widget_add_css_class (GTK_WIDGET (title), "heading");
      gtk_widget_set_margin_top (box, 12);
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (title), "heading");
      gtk_widget_set_margin_top (box, 6);
    }
  gtk_list_item_set_selectable (list_item, !item->heading);
  gtk_list_item_set_activatable (list_item, !item->heading);
  if (item->details_are_markup)
    gtk_label_set_markup (details, item->details);
  else
    gtk_label_set_label (details, item->details);
  /* snippets wrap; one-line details are cut short instead */
  gtk_label_set_wrap (details, item->details_are_markup);
  gtk_label_set_ellipsize (details, item->details_are_markup ? PANGO_ELLIPSIZE_NONE
                                                             : PANGO_ELLIPSIZE_END);
}

GtkListItemFactory *
arx_sidebar_item_factory_new (void)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), NULL);
  return factory;
}
