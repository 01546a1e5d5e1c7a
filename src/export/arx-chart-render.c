/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "arx-chart"

#include "config.h"

#include <math.h>
#include <string.h>
#include <cairo-svg.h>
#include <glib/gi18n.h>

#include "arx-chart-render.h"

struct _ArxChartData
{
  gatomicrefcount  ref_count;
  ArxChartStyle    style;
  char            *title;
  char            *value_label;
  GPtrArray       *series;        /* (element-type utf8) */
  GPtrArray       *categories;    /* (element-type utf8) */
  GArray          *values;        /* (element-type double) category-major */
};

#define MARGIN 8.0
#define ROW_HEIGHT 26.0
#define BAR_THICKNESS 16.0
#define LEGEND_HEIGHT 22.0
#define COLUMNS_HEIGHT 240.0
#define VALUE_GAP 6.0
/* a column of a chart with one or two periods stays a column, not a block */
#define MAX_COLUMN_WIDTH 48.0

/**
 * arx_chart_data_new:
 * @series_names: (array zero-terminated=1): one name per series (at most
 *   ARX_CHART_MAX_SERIES); a single series needs no legend
 */
ArxChartData *
arx_chart_data_new (ArxChartStyle        style,
                    const char          *title,
                    const char          *value_label,
                    const char * const  *series_names)
{
  ArxChartData *data = g_new0 (ArxChartData, 1);

  g_atomic_ref_count_init (&data->ref_count);
  data->style = style;
  data->title = g_strdup (title);
  data->value_label = g_strdup (value_label);
  data->series = g_ptr_array_new_with_free_func (g_free);
  data->categories = g_ptr_array_new_with_free_func (g_free);
  data->values = g_array_new (FALSE, TRUE, sizeof (double));
  for (guint i = 0; series_names[i] != NULL && i < ARX_CHART_MAX_SERIES; i++)
    g_ptr_array_add (data->series, g_strdup (series_names[i]));
  g_return_val_if_fail (data->series->len > 0, data);
  return data;
}

ArxChartData *
arx_chart_data_ref (ArxChartData *data)
{
  g_atomic_ref_count_inc (&data->ref_count);
  return data;
}

void
arx_chart_data_unref (ArxChartData *data)
{
  if (!g_atomic_ref_count_dec (&data->ref_count))
    return;
  g_free (data->title);
  g_free (data->value_label);
  g_ptr_array_unref (data->series);
  g_ptr_array_unref (data->categories);
  g_array_unref (data->values);
  g_free (data);
}

/**
 * arx_chart_data_add:
 * @values: (array): one value per series
 */
void
arx_chart_data_add (ArxChartData *data,
                    const char   *category,
                    const double *values)
{
  g_ptr_array_add (data->categories, g_strdup (category));
  g_array_append_vals (data->values, values, data->series->len);
}

ArxChartStyle
arx_chart_data_get_style (const ArxChartData *data)
{
  return data->style;
}

const char *
arx_chart_data_get_title (const ArxChartData *data)
{
  return data->title;
}

const char *
arx_chart_data_get_value_label (const ArxChartData *data)
{
  return data->value_label;
}

guint
arx_chart_data_get_n_categories (const ArxChartData *data)
{
  return data->categories->len;
}

guint
arx_chart_data_get_n_series (const ArxChartData *data)
{
  return data->series->len;
}

const char *
arx_chart_data_get_category (const ArxChartData *data,
                             guint               category)
{
  g_return_val_if_fail (category < data->categories->len, NULL);
  return g_ptr_array_index (data->categories, category);
}

const char *
arx_chart_data_get_series_name (const ArxChartData *data,
                                guint               series)
{
  g_return_val_if_fail (series < data->series->len, NULL);
  return g_ptr_array_index (data->series, series);
}

double
arx_chart_data_get_value (const ArxChartData *data,
                          guint               category,
                          guint               series)
{
  g_return_val_if_fail (category < data->categories->len && series < data->series->len, 0);
  return g_array_index (data->values, double, category * data->series->len + series);
}

double
arx_chart_data_get_total (const ArxChartData *data,
                          guint               category)
{
  double total = 0;

  for (guint s = 0; s < data->series->len; s++)
    total += arx_chart_data_get_value (data, category, s);
  return total;
}

static char *
format_value (double value)
{
  if (value == floor (value) && fabs (value) < 1e15)
    return g_strdup_printf ("%.0f", value);
  return g_strdup_printf ("%.2f", value);
}

/**
 * arx_chart_data_describe:
 *
 * Returns: (transfer full): the exact numbers of one bar, for tooltips and the table:
 * "Mary Okonkwo: 4 statements", or with several series "2019 · female: 3 people (of 7)".
 */
char *
arx_chart_data_describe (const ArxChartData *data,
                         guint               category,
                         guint               series)
{
  g_autofree char *value = format_value (arx_chart_data_get_value (data, category, series));
  g_autofree char *total = format_value (arx_chart_data_get_total (data, category));

  if (data->series->len == 1)
    return g_strdup_printf ("%s: %s %s", arx_chart_data_get_category (data, category), value,
                            data->value_label);
  /* Translators: "2019 · female: 3 people (of 7)" */
  return g_strdup_printf (_("%s · %s: %s %s (of %s)"), arx_chart_data_get_category (data, category),
                          arx_chart_data_get_series_name (data, series), value, data->value_label,
                          total);
}

static void
set_rgba (ArxChartRgba *c,
          guint32       rgb,
          double        alpha)
{
  c->red = ((rgb >> 16) & 0xff) / 255.0;
  c->green = ((rgb >> 8) & 0xff) / 255.0;
  c->blue = (rgb & 0xff) / 255.0;
  c->alpha = alpha;
}

/**
 * arx_chart_colors_init:
 *
 * The GNOME palette, a lighter shade of each colour on dark backgrounds. The series colours
 * differ in lightness too, so they stay apart for colour-blind readers.
 */
void
arx_chart_colors_init (ArxChartColors *colors,
                       gboolean        dark)
{
  static const guint32 light_series[ARX_CHART_MAX_SERIES] = {
    0x1c71d8, 0xe66100, 0x77767b, 0x26a269, 0x9141ac, 0xc01c28
  };
  static const guint32 dark_series[ARX_CHART_MAX_SERIES] = {
    0x62a0ea, 0xffa348, 0x9a9996, 0x57e389, 0xc061cb, 0xf66151
  };

  memset (colors, 0, sizeof *colors);
  set_rgba (&colors->text, dark ? 0xffffff : 0x000000, dark ? 1.0 : 0.8);
  set_rgba (&colors->dim_text, dark ? 0xffffff : 0x000000, 0.55);
  set_rgba (&colors->grid, dark ? 0xffffff : 0x000000, 0.12);
  set_rgba (&colors->focus, dark ? 0x78aeed : 0x3584e4, 1.0);
  for (guint i = 0; i < ARX_CHART_MAX_SERIES; i++)
    set_rgba (&colors->series[i], dark ? dark_series[i] : light_series[i], 1.0);
}

static void
source_rgba (cairo_t            *cr,
             const ArxChartRgba *c)
{
  cairo_set_source_rgba (cr, c->red, c->green, c->blue, c->alpha);
}

/**
 * arx_chart_natural_height:
 *
 * Returns: the height the chart wants (without title): a row per category for bars, a fixed
 * plot for columns.
 */
double
arx_chart_natural_height (const ArxChartData *data)
{
  double legend = data->series->len > 1 ? LEGEND_HEIGHT : 0;

  if (data->style == ARX_CHART_COLUMNS)
    return COLUMNS_HEIGHT + legend;
  return 2 * MARGIN + legend + MAX (1, data->categories->len) * ROW_HEIGHT;
}

static void
layout_size (PangoLayout *layout,
             double      *width,
             double      *height)
{
  int w, h;

  pango_layout_get_pixel_size (layout, &w, &h);
  if (width != NULL)
    *width = w;
  if (height != NULL)
    *height = h;
}

static void
show_text (cairo_t            *cr,
           PangoLayout        *layout,
           const ArxChartRgba *color,
           double              x,
           double              y)
{
  cairo_move_to (cr, x, y);
  source_rgba (cr, color);
  pango_cairo_show_layout (cr, layout);
}

/* Legend along the top; returns its height. */
static double
draw_legend (const ArxChartData   *data,
             cairo_t              *cr,
             PangoLayout          *layout,
             const ArxChartColors *colors,
             double                x,
             double                y)
{
  if (data->series->len < 2)
    return 0;
  for (guint s = 0; s < data->series->len; s++)
    {
      double w, h;

      pango_layout_set_text (layout, g_ptr_array_index (data->series, s), -1);
      layout_size (layout, &w, &h);
      source_rgba (cr, &colors->series[s]);
      cairo_rectangle (cr, x, y + (h - 10) / 2, 10, 10);
      cairo_fill (cr);
      show_text (cr, layout, &colors->text, x + 14, y);
      x += 14 + w + 16;
    }
  return LEGEND_HEIGHT;
}

static double
max_total (const ArxChartData *data)
{
  double max = 0;

  for (guint c = 0; c < data->categories->len; c++)
    max = MAX (max, arx_chart_data_get_total (data, c));
  return max;
}

/* A round step for about @n grid lines up to @max: 1, 2 or 5 times a power of ten. */
static double
nice_step (double max,
           int    n)
{
  double raw = max / n, power, fraction;

  if (raw <= 1)
    return 1;
  power = pow (10, floor (log10 (raw)));
  fraction = raw / power;
  return (fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10) * power;
}

static void
add_bar (GArray *bars,
         guint   category,
         guint   series,
         double  x,
         double  y,
         double  width,
         double  height)
{
  ArxChartBar bar = { category, series, x, y, width, height };

  g_array_append_val (bars, bar);
}

static void
draw_bars (const ArxChartData   *data,
           cairo_t              *cr,
           PangoLayout          *layout,
           const ArxChartColors *colors,
           double                x0,
           double                y0,
           double                width,
           GArray               *bars)
{
  double label_width = 0, value_width = 0, max = max_total (data), plot;

  /* labels take what they need, up to half the width */
  for (guint c = 0; c < data->categories->len; c++)
    {
      g_autofree char *value = format_value (arx_chart_data_get_total (data, c));
      double w;

      pango_layout_set_text (layout, g_ptr_array_index (data->categories, c), -1);
      layout_size (layout, &w, NULL);
      label_width = MAX (label_width, w);
      pango_layout_set_text (layout, value, -1);
      layout_size (layout, &w, NULL);
      value_width = MAX (value_width, w);
    }
  label_width = MIN (label_width, 0.5 * width);
  plot = MAX (1, width - label_width - VALUE_GAP * 2 - value_width);

  for (guint c = 0; c < data->categories->len; c++)
    {
      double y = y0 + c * ROW_HEIGHT, x = x0 + label_width + VALUE_GAP, h;
      g_autofree char *total = format_value (arx_chart_data_get_total (data, c));

      pango_layout_set_width (layout, (int)(label_width * PANGO_SCALE));
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
      pango_layout_set_alignment (layout, PANGO_ALIGN_RIGHT);
      pango_layout_set_text (layout, g_ptr_array_index (data->categories, c), -1);
      layout_size (layout, NULL, &h);
      show_text (cr, layout, &colors->text, x0, y + (ROW_HEIGHT - h) / 2);
      pango_layout_set_width (layout, -1);
      pango_layout_set_alignment (layout, PANGO_ALIGN_LEFT);

      for (guint s = 0; s < data->series->len; s++)
        {
          double w = max > 0 ? plot * arx_chart_data_get_value (data, c, s) / max : 0;

          if (w <= 0)
            continue;
          source_rgba (cr, &colors->series[s]);
          cairo_rectangle (cr, x, y + (ROW_HEIGHT - BAR_THICKNESS) / 2, MAX (w, 1), BAR_THICKNESS);
          cairo_fill (cr);
          add_bar (bars, c, s, x, y + (ROW_HEIGHT - BAR_THICKNESS) / 2, MAX (w, 1), BAR_THICKNESS);
          x += w;
        }
      pango_layout_set_text (layout, total, -1);
      show_text (cr, layout, &colors->dim_text, x + VALUE_GAP, y + (ROW_HEIGHT - h) / 2);
    }
}

static void
draw_columns (const ArxChartData   *data,
              cairo_t              *cr,
              PangoLayout          *layout,
              const ArxChartColors *colors,
              double                x0,
              double                y0,
              double                width,
              double                height,
              GArray               *bars)
{
  double max = max_total (data), step = nice_step (MAX (max, 1), 4), top, axis_width = 0;
  double label_height = 0, plot_x, plot_w, plot_h, slot, label_every_width = 0;
  guint n = MAX (1, data->categories->len), every = 1;

  top = ceil (MAX (max, 1) / step) * step;
  /* the axis numbers */
  for (double v = 0; v <= top + step / 2; v += step)
    {
      g_autofree char *text = format_value (v);
      double w;

      pango_layout_set_text (layout, text, -1);
      layout_size (layout, &w, &label_height);
      axis_width = MAX (axis_width, w);
    }
  plot_x = x0 + axis_width + VALUE_GAP;
  plot_w = MAX (1, width - axis_width - VALUE_GAP);
  plot_h = MAX (1, height - label_height - VALUE_GAP);
  slot = plot_w / n;

  cairo_set_line_width (cr, 1);
  for (double v = 0; v <= top + step / 2; v += step)
    {
      g_autofree char *text = format_value (v);
      double y = y0 + plot_h - plot_h * v / top, w;

      source_rgba (cr, &colors->grid);
      cairo_move_to (cr, plot_x, floor (y) + 0.5);
      cairo_line_to (cr, plot_x + plot_w, floor (y) + 0.5);
      cairo_stroke (cr);
      pango_layout_set_text (layout, text, -1);
      layout_size (layout, &w, NULL);
      show_text (cr, layout, &colors->dim_text, plot_x - VALUE_GAP - w, y - label_height / 2);
    }

  /* label every k-th period so that labels never overlap */
  for (guint c = 0; c < data->categories->len; c++)
    {
      double w;

      pango_layout_set_text (layout, g_ptr_array_index (data->categories, c), -1);
      layout_size (layout, &w, NULL);
      label_every_width = MAX (label_every_width, w + VALUE_GAP);
    }
  while (every * slot < label_every_width && every < n)
    every++;

  for (guint c = 0; c < data->categories->len; c++)
    {
      double w = CLAMP (slot * 0.7, 1, MAX_COLUMN_WIDTH), x = plot_x + c * slot + (slot - w) / 2;
      double y = y0 + plot_h;

      for (guint s = 0; s < data->series->len; s++)
        {
          double h = plot_h * arx_chart_data_get_value (data, c, s) / top;

          if (h <= 0)
            continue;
          y -= h;
          source_rgba (cr, &colors->series[s]);
          cairo_rectangle (cr, x, y, w, h);
          cairo_fill (cr);
          add_bar (bars, c, s, x, y, w, h);
        }
      if (c % every == 0)
        {
          double lw;

          pango_layout_set_text (layout, g_ptr_array_index (data->categories, c), -1);
          layout_size (layout, &lw, NULL);
          show_text (cr, layout, &colors->dim_text, x + w / 2 - lw / 2,
                     y0 + plot_h + VALUE_GAP / 2);
        }
    }
}

/**
 * arx_chart_draw:
 * @focus: index into the returned bars of the one to mark with a focus ring, or -1
 *
 * Draws @data into the rectangle (0, 0, @width, @height) of @cr with the text of @context
 * (the title is the caller's to show).
 *
 * Returns: (transfer full) (element-type ArxChartBar): where each bar was drawn, in category
 * and series order, for hit tests and tooltips.
 */
GArray *
arx_chart_draw (const ArxChartData   *data,
                cairo_t              *cr,
                PangoContext         *context,
                const ArxChartColors *colors,
                double                width,
                double                height,
                int                   focus)
{
  g_autoptr(PangoLayout) layout = pango_layout_new (context);
  GArray *bars = g_array_new (FALSE, FALSE, sizeof (ArxChartBar));
  double legend;

  cairo_save (cr);
  if (colors->background.alpha > 0)
    {
      source_rgba (cr, &colors->background);
      cairo_paint (cr);
    }
  legend = draw_legend (data, cr, layout, colors, MARGIN, MARGIN / 2);
  if (data->categories->len == 0)
    {
      pango_layout_set_text (layout, _("Nothing to count"), -1);
      show_text (cr, layout, &colors->dim_text, MARGIN, MARGIN + legend);
    }
  else if (data->style == ARX_CHART_COLUMNS)
    draw_columns (data, cr, layout, colors, MARGIN, MARGIN + legend, width - 2 * MARGIN,
                  height - 2 * MARGIN - legend, bars);
  else
    draw_bars (data, cr, layout, colors, MARGIN, MARGIN + legend, width - 2 * MARGIN, bars);

  if (focus >= 0 && (guint)focus < bars->len)
    {
      const ArxChartBar *bar = &g_array_index (bars, ArxChartBar, focus);

      source_rgba (cr, &colors->focus);
      cairo_set_line_width (cr, 2);
      cairo_rectangle (cr, bar->x - 2, bar->y - 2, bar->width + 4, bar->height + 4);
      cairo_stroke (cr);
    }
  cairo_restore (cr);
  return bars;
}

static void
append_csv_field (GString    *out,
                  const char *field)
{
  if (strpbrk (field, ",\"\r\n") == NULL)
    {
      g_string_append (out, field);
      return;
    }
  g_string_append_c (out, '"');
  for (const char *p = field; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

/**
 * arx_chart_to_csv:
 *
 * Returns: (transfer full): the chart's data as CSV (RFC 4180): a header row (the chart's
 * title, then one column per series), then a row per category.
 */
char *
arx_chart_to_csv (const ArxChartData *data)
{
  GString *out = g_string_new (NULL);

  append_csv_field (out, data->title);
  for (guint s = 0; s < data->series->len; s++)
    {
      g_string_append_c (out, ',');
      append_csv_field (out, data->series->len > 1 ? g_ptr_array_index (data->series, s)
                                                   : data->value_label);
    }
  g_string_append (out, "\r\n");
  for (guint c = 0; c < data->categories->len; c++)
    {
      append_csv_field (out, g_ptr_array_index (data->categories, c));
      for (guint s = 0; s < data->series->len; s++)
        {
          g_autofree char *value = format_value (arx_chart_data_get_value (data, c, s));

          g_string_append_printf (out, ",%s", value);
        }
      g_string_append (out, "\r\n");
    }
  return g_string_free (out, FALSE);
}

/* A file's chart: its title above, on white, in the light colours. */
static gboolean
draw_standalone (const ArxChartData *data,
                 cairo_surface_t    *surface,
                 double              width,
                 double              height,
                 double              title_height,
                 GError            **error)
{
  cairo_t *cr = cairo_create (surface);
  g_autoptr(PangoLayout) layout = pango_cairo_create_layout (cr);
  PangoFontDescription *bold = pango_font_description_from_string ("Sans Bold 11");
  ArxChartColors colors;
  g_autoptr(GArray) bars = NULL;
  cairo_status_t status;

  arx_chart_colors_init (&colors, FALSE);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  pango_layout_set_font_description (layout, bold);
  pango_font_description_free (bold);
  pango_layout_set_text (layout, data->title, -1);
  show_text (cr, layout, &colors.text, MARGIN, MARGIN);
  cairo_translate (cr, 0, title_height);
  bars = arx_chart_draw (data, cr, pango_layout_get_context (layout), &colors, width,
                         height - title_height, -1);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  status = cairo_surface_status (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("drawing the chart: %s"),
                   cairo_status_to_string (status));
      return FALSE;
    }
  return TRUE;
}

#define TITLE_HEIGHT 30.0

static double
standalone_height (const ArxChartData *data)
{
  return TITLE_HEIGHT + arx_chart_natural_height (data);
}

gboolean
arx_chart_write_png (const ArxChartData  *data,
                     const char          *path,
                     double               width,
                     GError             **error)
{
  double height = standalone_height (data);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, (int)ceil (width),
                                                         (int)ceil (height));
  cairo_status_t status;
  gboolean ok = draw_standalone (data, surface, width, height, TITLE_HEIGHT, error);

  if (ok && (status = cairo_surface_write_to_png (surface, path)) != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("writing %s: %s"), path,
                   cairo_status_to_string (status));
      ok = FALSE;
    }
  cairo_surface_destroy (surface);
  return ok;
}

static cairo_status_t
append_to_string (void                *closure,
                  const unsigned char *data,
                  unsigned int         length)
{
  g_string_append_len (closure, (const char *)data, length);
  return CAIRO_STATUS_SUCCESS;
}

/**
 * arx_chart_to_svg:
 *
 * Returns: (transfer full): the chart with its title as an SVG document (light colours on
 * white), @width pixels wide.
 */
char *
arx_chart_to_svg (const ArxChartData *data,
                  double              width)
{
  GString *out = g_string_new (NULL);
  double height = standalone_height (data);
  cairo_surface_t *surface = cairo_svg_surface_create_for_stream (append_to_string, out, width,
                                                                  height);

  /* pixels, as the PNG: points would make it a third larger in viewers */
  cairo_svg_surface_set_document_unit (surface, CAIRO_SVG_UNIT_PX);
  draw_standalone (data, surface, width, height, TITLE_HEIGHT, NULL);
  cairo_surface_finish (surface);
  cairo_surface_destroy (surface);
  return g_string_free (out, FALSE);
}

gboolean
arx_chart_write_svg (const ArxChartData  *data,
                     const char          *path,
                     double               width,
                     GError             **error)
{
  g_autofree char *svg = arx_chart_to_svg (data, width);

  return g_file_set_contents (path, svg, -1, error);
}

gboolean
arx_chart_write_csv (const ArxChartData  *data,
                     const char          *path,
                     GError             **error)
{
  g_autofree char *csv = arx_chart_to_csv (data);

  return g_file_set_contents (path, csv, -1, error);
}
