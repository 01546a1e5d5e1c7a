/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "arx-core.h"

G_BEGIN_DECLS

char *arx_summary_markdown (ArxArticle  *article,
                            ArxAnalysis *analysis);

G_END_DECLS
