/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "arx-core.h"
#include "arx-paged-statements.h"
#include "arx-statement-item.h"

G_BEGIN_DECLS

#define ARX_TYPE_STATEMENT_PANEL (arx_statement_panel_get_type ())

G_DECLARE_FINAL_TYPE (ArxStatementPanel, arx_statement_panel, ARX, STATEMENT_PANEL, GtkWidget)

void        arx_statement_panel_set_analysis  (ArxStatementPanel *self,
                                               ArxAnalysis       *analysis,
                                               const char        *article_text);
void        arx_statement_panel_set_library_list (ArxStatementPanel  *self,
                                                  ArxPagedStatements *statements,
                                                  const char         *scope);
void        arx_statement_panel_set_rows      (ArxStatementPanel *self,
                                               GPtrArray         *rows,
                                               const char        *scope);
GListModel *arx_statement_panel_get_model     (ArxStatementPanel *self);
void        arx_statement_panel_focus_filter  (ArxStatementPanel *self);

G_END_DECLS
