/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include <pango/pangocairo.h>

G_BEGIN_DECLS

/* A bar chart as plain data, and its drawing with cairo: the same code draws it in the window
 * (src/gui/arx-chart.c), into PNG and SVG files, and into printed and exported summaries. */

typedef enum
{
  ARX_CHART_BARS,      /* one horizontal bar per category (series side by side in a row) */
  ARX_CHART_COLUMNS,   /* one vertical column per category, series stacked (time) */
} ArxChartStyle;

typedef struct _ArxChartData ArxChartData;

typedef struct
{
  double red, green, blue, alpha;
} ArxChartRgba;

#define ARX_CHART_MAX_SERIES 6

/* What the chart is drawn with: light or dark, from the window's style. */
typedef struct
{
  ArxChartRgba background;   /* alpha 0: none */
  ArxChartRgba text;
  ArxChartRgba dim_text;
  ArxChartRgba grid;
  ArxChartRgba focus;
  ArxChartRgba series[ARX_CHART_MAX_SERIES];
} ArxChartColors;

/* Where one bar (or one stacked segment) was drawn. */
typedef struct
{
  guint  category;
  guint  series;
  double x, y, width, height;
} ArxChartBar;

ArxChartData *arx_chart_data_new            (ArxChartStyle        style,
                                             const char          *title,
                                             const char          *value_label,
                                             const char * const  *series_names);
ArxChartData *arx_chart_data_ref            (ArxChartData        *data);
void          arx_chart_data_unref          (ArxChartData        *data);
void          arx_chart_data_add            (ArxChartData        *data,
                                             const char          *category,
                                             const double        *values);
ArxChartStyle arx_chart_data_get_style      (const ArxChartData  *data);
const char   *arx_chart_data_get_title      (const ArxChartData  *data);
const char   *arx_chart_data_get_value_label (const ArxChartData *data);
guint         arx_chart_data_get_n_categories (const ArxChartData *data);
guint         arx_chart_data_get_n_series   (const ArxChartData  *data);
const char   *arx_chart_data_get_category   (const ArxChartData  *data,
                                             guint                category);
const char   *arx_chart_data_get_series_name (const ArxChartData *data,
                                             guint                series);
double        arx_chart_data_get_value      (const ArxChartData  *data,
                                             guint                category,
                                             guint                series);
double        arx_chart_data_get_total      (const ArxChartData  *data,
                                             guint                category);
char         *arx_chart_data_describe       (const ArxChartData  *data,
                                             guint                category,
                                             guint                series);

void          arx_chart_colors_init         (ArxChartColors      *colors,
                                             gboolean             dark);
double        arx_chart_natural_height      (const ArxChartData  *data);
GArray       *arx_chart_draw                (const ArxChartData  *data,
                                             cairo_t             *cr,
                                             PangoContext        *context,
                                             const ArxChartColors *colors,
                                             double               width,
                                             double               height,
                                             int                  focus);

char         *arx_chart_to_csv              (const ArxChartData  *data);
gboolean      arx_chart_write_png           (const ArxChartData  *data,
                                             const char          *path,
                                             double               width,
                                             GError             **error);
char         *arx_chart_to_svg              (const ArxChartData  *data,
                                             double               width);
gboolean      arx_chart_write_svg           (const ArxChartData  *data,
                                             const char          *path,
                                             double               width,
                                             GError             **error);
gboolean      arx_chart_write_csv           (const ArxChartData  *data,
                                             const char          *path,
                                             GError             **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ArxChartData, arx_chart_data_unref)

G_END_DECLS
