/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "arx-core.h"

G_BEGIN_DECLS

#define ARX_TYPE_ANALYZER (arx_analyzer_get_type ())

G_DECLARE_FINAL_TYPE (ArxAnalyzer, arx_analyzer, ARX, ANALYZER, GObject)

/* The shared analyzer: models and lexicons are loaded once, read-only, so one analyzer
 * serves every thread at once. */
ArxAnalyzer *arx_analyzer_get_default (void);
ArxAnalysis *arx_analyzer_analyze     (ArxAnalyzer *self,
                                       ArxArticle  *article);
const char  *arx_analyzer_get_version (ArxAnalyzer *self);

G_END_DECLS
