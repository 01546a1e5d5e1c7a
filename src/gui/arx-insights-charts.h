/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "arx-chart-render.h"
#include "arx-library-insights.h"

G_BEGIN_DECLS

/* The Insights charts made from a scope's stats; each bar's statements are named by a facet
 * (element-type ArxInsightsBar), in the chart's category and series order. */
typedef struct
{
  guint    category;
  guint    series;
  ArxFacet facet;        /* its name and period point into the fields below */
  char    *name;
  char    *period;
  char    *label;        /* what the statements panel says it lists */
} ArxInsightsBar;

typedef enum
{
  ARX_INSIGHTS_SPEAKERS,
  ARX_INSIGHTS_KINDS,
  ARX_INSIGHTS_SPEAKER_KINDS,
  ARX_INSIGHTS_ORGANIZATIONS,
  ARX_INSIGHTS_GENDER,
  ARX_N_INSIGHTS_CHARTS
} ArxInsightsChart;

/* Bars per chart of the speakers and organisations: more would not be read. */
#define ARX_INSIGHTS_TOP 15

GArray       *arx_insights_bars_new     (void);
ArxChartData *arx_insights_chart_build  (ArxInsightsChart  which,
                                         const ArxStats   *stats,
                                         GArray           *bars);
const ArxInsightsBar *arx_insights_bars_find (GArray      *bars,
                                              guint        category,
                                              guint        series);
const char   *arx_speaker_kind_label    (int               kind);

G_END_DECLS
