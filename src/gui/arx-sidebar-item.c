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

/* Rows of GtkInscriptions: their size does not depend on their text, so measuring a row lays
 * out nothing. Wrapped labels were laid out again and again to find their height (50 rows of
 * titles were two thirds of the first frame at 10k articles). A title shows two lines, a
 * search snippet three, other details one. */
static void
setup_cb (GtkSignalListItemFactory *factory,
          GtkListItem              *list_item)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_inscription_new (NULL);
  GtkWidget *details = gtk_inscription_new (NULL);

  gtk_inscription_set_xalign (GTK_INSCRIPTION (title), 0);
  gtk_inscription_set_wrap_mode (GTK_INSCRIPTION (title), PANGO_WRAP_WORD_CHAR);
  gtk_inscription_set_text_overflow (GTK_INSCRIPTION (title), GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_END);
  gtk_inscription_set_xalign (GTK_INSCRIPTION (details), 0);
  gtk_inscription_set_wrap_mode (GTK_INSCRIPTION (details), PANGO_WRAP_WORD_CHAR);
  gtk_inscription_set_text_overflow (GTK_INSCRIPTION (details), GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_END);
  gtk_widget_add_css_class (details, "dim-label");
  gtk_widget_add_css_class (details, "caption");
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), details);
  gtk_list_item_set_child (list_item, box);
}

/* An inscription @lines high. */
static void
set_lines (GtkInscription *inscription,
           guint           lines)
{
  gtk_inscription_set_min_lines (inscription, lines);
  gtk_inscription_set_nat_lines (inscription, lines);
}

static void
bind_cb (GtkSignalListItemFactory *factory,
         GtkListItem              *list_item)
{
  ArxSidebarItem *item = gtk_list_item_get_item (list_item);
  GtkWidget *box = gtk_list_item_get_child (list_item);
  GtkInscription *title = GTK_INSCRIPTION (gtk_widget_get_first_child (box));
  GtkInscription *details = GTK_INSCRIPTION (gtk_widget_get_last_child (box));

  gtk_inscription_set_text (title, item->title);
  gtk_widget_set_tooltip_text (box, item->heading ? NULL : item->title);
  /* A heading is a row of its own kind; the list view reuses rows for any item. */
  gtk_widget_set_visible (GTK_WIDGET (details), item->details != NULL && item->details[0] != '\0');
  if (item->heading)
    {
      gtk_widget_add_css_class (GTK_WIDGET (title), "heading");
      gtk_widget_set_margin_top (box, 12);
      set_lines (title, 1);
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (title), "heading");
      gtk_widget_set_margin_top (box, 6);
      set_lines (title, 2);
    }
  gtk_list_item_set_selectable (list_item, !item->heading);
  gtk_list_item_set_activatable (list_item, !item->heading);
  if (item->details_are_markup)
    gtk_inscription_set_markup (details, item->details);
  else
    gtk_inscription_set_text (details, item->details);
  set_lines (details, item->details_are_markup ? 3 : 1);
}

GtkListItemFactory *
arx_sidebar_item_factory_new (void)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), NULL);
  return factory;
}
