/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "arx-chart-render.h"

G_BEGIN_DECLS

#define ARX_TYPE_CHART (arx_chart_get_type ())

G_DECLARE_FINAL_TYPE (ArxChart, arx_chart, ARX, CHART, GtkWidget)

ArxChart     *arx_chart_new          (void);
void          arx_chart_set_data     (ArxChart      *self,
                                      ArxChartData  *data);
ArxChartData *arx_chart_get_data     (ArxChart      *self);
GtkListBox   *arx_chart_get_table    (ArxChart      *self);
gboolean      arx_chart_get_bar_area (ArxChart      *self,
                                      guint          category,
                                      guint          series,
                                      graphene_rect_t *area);
gboolean      arx_chart_export       (ArxChart      *self,
                                      const char    *format,
                                      GFile         *file,
                                      GError       **error);

G_END_DECLS
