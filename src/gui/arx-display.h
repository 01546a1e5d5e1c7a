/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "arx-analysis.h"

G_BEGIN_DECLS

char       *arx_display_title               (const char *title,
                                             const char *source_uri);
const char *arx_display_kind                (const char *kind);
gboolean    arx_display_kind_lists_articles (const char *kind);
char       *arx_display_date                (const char *published);
const char *arx_display_statement_kind      (ArxStatementKind kind);
const char *arx_display_rule                (const char      *rule);

G_END_DECLS
