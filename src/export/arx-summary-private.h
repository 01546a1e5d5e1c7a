/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "arx-chart-render.h"
#include "arx-core.h"

G_BEGIN_DECLS

/* Every summary walks the same way: metadata, entities by kind, then the statements grouped by
 * speaker, speakers in the order of their first statement. */
typedef struct
{
  const char *speaker;      /* borrowed from the analysis */
  GPtrArray  *statements;   /* (element-type ArxStatement) borrowed, in text order */
} ArxSummaryGroup;

GPtrArray  *_arx_summary_groups        (ArxAnalysis        *analysis);
void        _arx_summary_append_escaped (GString           *out,
                                        const char         *text,
                                        gssize              length);
GPtrArray  *_arx_summary_charts        (ArxAnalysis        *analysis);
gboolean    _arx_summary_write_pdf     (ArxArticle         *article,
                                        ArxAnalysis        *analysis,
                                        GFile              *file,
                                        GError            **error);

G_END_DECLS
