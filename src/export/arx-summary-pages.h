/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <pango/pangocairo.h>

#include "arx-core.h"

G_BEGIN_DECLS

/* An article summary laid out in pages with Pango, drawn with cairo: the same pages go to a
 * PDF file (arx export, the app's Export) and to the printer (the app's Print). */
typedef struct _ArxSummaryPages ArxSummaryPages;

ArxSummaryPages *arx_summary_pages_new         (ArxArticle      *article,
                                                ArxAnalysis     *analysis,
                                                PangoContext    *context,
                                                double           width,
                                                double           height);
guint            arx_summary_pages_get_n_pages (ArxSummaryPages *self);
void             arx_summary_pages_draw        (ArxSummaryPages *self,
                                                cairo_t         *cr,
                                                guint            page);
void             arx_summary_pages_free        (ArxSummaryPages *self);

char            *arx_summary_pango_markup      (ArxArticle      *article,
                                                ArxAnalysis     *analysis);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ArxSummaryPages, arx_summary_pages_free)

G_END_DECLS
