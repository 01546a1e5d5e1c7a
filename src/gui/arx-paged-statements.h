/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "arx-library.h"

G_BEGIN_DECLS

#define ARX_TYPE_PAGED_STATEMENTS (arx_paged_statements_get_type ())

G_DECLARE_FINAL_TYPE (ArxPagedStatements, arx_paged_statements, ARX, PAGED_STATEMENTS, GObject)

ArxPagedStatements *arx_paged_statements_new              (ArxLibrary               *library,
                                                           const ArxStatementFilter *filter,
                                                           GError                  **error);
void                arx_paged_statements_set_filter       (ArxPagedStatements       *self,
                                                           int                       kind,
                                                           const char               *text);
gboolean            arx_paged_statements_get_loading      (ArxPagedStatements       *self);
guint               arx_paged_statements_get_total        (ArxPagedStatements       *self);
guint               arx_paged_statements_count_in_article (ArxPagedStatements       *self,
                                                           gint64                    article_id);

G_END_DECLS
