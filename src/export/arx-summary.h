/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "arx-core.h"

G_BEGIN_DECLS

typedef enum
{
  ARX_SUMMARY_MARKDOWN,
  ARX_SUMMARY_HTML,
  ARX_SUMMARY_CSV,
  ARX_SUMMARY_JSON,
  ARX_SUMMARY_PDF,
} ArxSummaryFormat;

char     *arx_summary_markdown         (ArxArticle        *article,
                                        ArxAnalysis       *analysis);
char     *arx_summary_html             (ArxArticle        *article,
                                        ArxAnalysis       *analysis);
char     *arx_summary_csv              (ArxArticle        *article,
                                        ArxAnalysis       *analysis);
gboolean  arx_summary_format_from_name (const char        *name,
                                        ArxSummaryFormat  *format);
char     *arx_summary_render           (ArxArticle        *article,
                                        ArxAnalysis       *analysis,
                                        ArxSummaryFormat   format);
gboolean  arx_summary_save             (ArxArticle        *article,
                                        ArxAnalysis       *analysis,
                                        ArxSummaryFormat   format,
                                        GFile             *file,
                                        GError           **error);

G_END_DECLS
