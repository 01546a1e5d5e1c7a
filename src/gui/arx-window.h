/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "arx-library.h"

G_BEGIN_DECLS

#define ARX_TYPE_WINDOW (arx_window_get_type ())

G_DECLARE_FINAL_TYPE (ArxWindow, arx_window, ARX, WINDOW, AdwApplicationWindow)

ArxWindow  *arx_window_new               (GtkApplication *application,
                                          ArxLibrary     *library);
ArxLibrary *arx_window_get_library       (ArxWindow      *self);
void        arx_window_import_files      (ArxWindow      *self,
                                          GFile         **files,
                                          guint           n_files);
void        arx_window_reload_library    (ArxWindow      *self);
void        arx_window_select_article    (ArxWindow      *self,
                                          gint64          article_id);
gint64      arx_window_get_article_id    (ArxWindow      *self);
gboolean    arx_window_get_busy          (ArxWindow      *self);

G_END_DECLS
