/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "arx-chart.h"
#include "arx-insights-charts.h"

G_BEGIN_DECLS

#define ARX_TYPE_INSIGHTS_PAGE (arx_insights_page_get_type ())

G_DECLARE_FINAL_TYPE (ArxInsightsPage, arx_insights_page, ARX, INSIGHTS_PAGE, GtkWidget)

void      arx_insights_page_set_stats  (ArxInsightsPage  *self,
                                        const ArxStats   *stats,
                                        gboolean          show_gender);
ArxChart *arx_insights_page_get_chart  (ArxInsightsPage  *self,
                                        ArxInsightsChart  which);

G_END_DECLS
