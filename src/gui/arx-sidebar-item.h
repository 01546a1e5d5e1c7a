/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define ARX_TYPE_SIDEBAR_ITEM (arx_sidebar_item_get_type ())

G_DECLARE_FINAL_TYPE (ArxSidebarItem, arx_sidebar_item, ARX, SIDEBAR_ITEM, GObject)

ArxSidebarItem     *arx_sidebar_item_new             (gint64          id,
                                                      const char     *title,
                                                      const char     *details,
                                                      gboolean        details_are_markup);
ArxSidebarItem     *arx_sidebar_item_new_heading     (const char     *title,
                                                      const char     *details);
gint64              arx_sidebar_item_get_id          (ArxSidebarItem *self);
gboolean            arx_sidebar_item_is_heading      (ArxSidebarItem *self);
const char         *arx_sidebar_item_get_title       (ArxSidebarItem *self);
const char         *arx_sidebar_item_get_details     (ArxSidebarItem *self);
gboolean            arx_sidebar_item_get_details_are_markup (ArxSidebarItem *self);
GtkListItemFactory *arx_sidebar_item_factory_new     (void);

G_END_DECLS
