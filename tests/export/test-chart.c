/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Charts drawn without a window: geometry, exact numbers, and the exported files read back by
 * other parsers (gdk-pixbuf for PNG and SVG, libxml2 for SVG, a CSV reader). */
#include "config.h"

#include <string.h>
#include <glib/gstdio.h>
#include <gdk-pixbuf/gdk-pixbuf.h>
#include <libxml/parser.h>

#include "arx-chart-render.h"

static ArxChartData *
speakers_chart (void)
{
  const char *series[] = { "statements", NULL };
  ArxChartData *data = arx_chart_data_new (ARX_CHART_BARS, "Top speakers", "statements", series);

  arx_chart_data_add (data, "Mary Okonkwo", (double[]){ 4 });
  arx_chart_data_add (data, "John \"Jack\" Halvorsen, Jr.", (double[]){ 1 });
  return data;
}

static ArxChartData *
gender_chart (void)
{
  const char *series[] = { "female", "male", "unknown", NULL };
  ArxChartData *data = arx_chart_data_new (ARX_CHART_COLUMNS, "People by gender", "people", series);

  arx_chart_data_add (data, "2019", (double[]){ 1, 2, 0 });
  arx_chart_data_add (data, "2020", (double[]){ 0, 1, 3 });
  return data;
}

/* Every nonzero value gets a bar, in category order; longer values get longer bars. */
static void
test_geometry (void)
{
  g_autoptr(ArxChartData) bars = speakers_chart ();
  g_autoptr(ArxChartData) columns = gender_chart ();
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 400, 300);
  cairo_t *cr = cairo_create (surface);
  PangoContext *context = pango_cairo_create_context (cr);
  ArxChartColors colors;
  g_autoptr(GArray) drawn = NULL;
  g_autoptr(GArray) stacked = NULL;
  const ArxChartBar *mary, *john;

  arx_chart_colors_init (&colors, TRUE);
  drawn = arx_chart_draw (bars, cr, context, &colors, 400, arx_chart_natural_height (bars), 0);
  g_assert_cmpuint (drawn->len, ==, 2);
  mary = &g_array_index (drawn, ArxChartBar, 0);
  john = &g_array_index (drawn, ArxChartBar, 1);
  g_assert_cmpuint (mary->category, ==, 0);
  g_assert_cmpuint (john->category, ==, 1);
  g_assert_cmpfloat_with_epsilon (mary->width, 4 * john->width, 0.01);
  g_assert_cmpfloat (john->y, >, mary->y);
  g_assert_cmpfloat (mary->x + mary->width, <=, 400);

  /* stacked columns: one segment per nonzero value, taller columns for larger totals */
  stacked = arx_chart_draw (columns, cr, context, &colors, 400, 240, -1);
  g_assert_cmpuint (stacked->len, ==, 4);
  g_assert_cmpuint (g_array_index (stacked, ArxChartBar, 2).category, ==, 1);
  g_assert_cmpuint (g_array_index (stacked, ArxChartBar, 2).series, ==, 1);
  g_assert_cmpfloat_with_epsilon (g_array_index (stacked, ArxChartBar, 1).height,
                                  2 * g_array_index (stacked, ArxChartBar, 0).height, 0.01);
  /* two periods over 400 pixels: narrow columns centred in their halves, not blocks */
  for (guint i = 0; i < stacked->len; i++)
    {
      const ArxChartBar *b = &g_array_index (stacked, ArxChartBar, i);

      g_assert_cmpfloat (b->width, <=, 48);
      g_assert_cmpfloat (b->x, >, (b->category == 0 ? 0 : 200) + 50);
    }

  g_object_unref (context);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

static void
test_describe (void)
{
  g_autoptr(ArxChartData) bars = speakers_chart ();
  g_autoptr(ArxChartData) columns = gender_chart ();
  g_autofree char *one = arx_chart_data_describe (bars, 0, 0);
  g_autofree char *stacked = arx_chart_data_describe (columns, 1, 2);

  g_assert_cmpstr (one, ==, "Mary Okonkwo: 4 statements");
  g_assert_cmpstr (stacked, ==, "2020 · unknown: 3 people (of 4)");
  g_assert_cmpfloat (arx_chart_data_get_total (columns, 0), ==, 3);
}

/* RFC 4180 by hand: fields, quoted fields with doubled quotes, CRLF rows. */
static GPtrArray *
parse_csv (const char *csv)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify)g_ptr_array_unref);
  GPtrArray *row = NULL;
  GString *field = g_string_new (NULL);
  const char *p = csv;

  while (*p != '\0')
    {
      if (row == NULL)
        row = g_ptr_array_new_with_free_func (g_free);
      if (*p == '"')
        {
          for (p++; *p != '\0' && !(*p == '"' && p[1] != '"'); p++)
            {
              if (*p == '"')
                p++;
              g_string_append_c (field, *p);
            }
          g_assert_cmpint (*p, ==, '"');
          p++;
        }
      else
        while (*p != '\0' && *p != ',' && *p != '\r')
          g_string_append_c (field, *p++);
      g_ptr_array_add (row, g_strdup (field->str));
      g_string_truncate (field, 0);
      if (*p == ',')
        p++;
      else
        {
          g_assert_true (g_str_has_prefix (p, "\r\n"));
          p += 2;
          g_ptr_array_add (rows, row);
          row = NULL;
        }
    }
  g_assert_null (row);
  g_string_free (field, TRUE);
  return rows;
}

static const char *
cell (GPtrArray *rows,
      guint      r,
      guint      c)
{
  return g_ptr_array_index ((GPtrArray *)g_ptr_array_index (rows, r), c);
}

static void
test_csv (void)
{
  g_autoptr(ArxChartData) bars = speakers_chart ();
  g_autoptr(ArxChartData) columns = gender_chart ();
  g_autofree char *csv = arx_chart_to_csv (bars);
  g_autofree char *csv2 = arx_chart_to_csv (columns);
  g_autoptr(GPtrArray) rows = parse_csv (csv);
  g_autoptr(GPtrArray) rows2 = parse_csv (csv2);

  g_assert_cmpuint (rows->len, ==, 3);
  g_assert_cmpstr (cell (rows, 0, 0), ==, "Top speakers");
  g_assert_cmpstr (cell (rows, 0, 1), ==, "statements");
  g_assert_cmpstr (cell (rows, 2, 0), ==, "John \"Jack\" Halvorsen, Jr.");
  g_assert_cmpstr (cell (rows, 2, 1), ==, "1");
  g_assert_cmpuint (rows2->len, ==, 3);
  g_assert_cmpuint (((GPtrArray *)g_ptr_array_index (rows2, 1))->len, ==, 4);
  g_assert_cmpstr (cell (rows2, 0, 3), ==, "unknown");
  g_assert_cmpstr (cell (rows2, 2, 3), ==, "3");
}

static gboolean
pixbuf_can_load (const char *format)
{
  g_autoptr(GSList) formats = gdk_pixbuf_get_formats ();

  for (GSList *l = formats; l != NULL; l = l->next)
    {
      g_autofree char *name = gdk_pixbuf_format_get_name (l->data);  /* a copy */

      if (g_strcmp0 (name, format) == 0)
        return TRUE;
    }
  return FALSE;
}

static void
test_files (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("arx-chart-XXXXXX", &error);
  g_autofree char *png = g_build_filename (dir, "chart.png", NULL);
  g_autofree char *svg = g_build_filename (dir, "chart.svg", NULL);
  g_autofree char *csv = g_build_filename (dir, "chart.csv", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(ArxChartData) data = gender_chart ();
  g_autoptr(GdkPixbuf) image = NULL;
  xmlDoc *doc;

  g_assert_no_error (error);
  g_assert_true (arx_chart_write_png (data, png, 480, &error));
  g_assert_no_error (error);
  image = gdk_pixbuf_new_from_file (png, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gdk_pixbuf_get_width (image), ==, 480);
  g_assert_cmpint (gdk_pixbuf_get_height (image), >, 200);
  g_clear_object (&image);

  g_assert_true (arx_chart_write_svg (data, svg, 480, &error));
  g_assert_no_error (error);
  doc = xmlReadFile (svg, NULL, XML_PARSE_NONET);
  g_assert_nonnull (doc);
  g_assert_cmpstr ((const char *)xmlDocGetRootElement (doc)->name, ==, "svg");
  xmlFreeDoc (doc);
  if (pixbuf_can_load ("svg"))
    {
      image = gdk_pixbuf_new_from_file (svg, &error);
      g_assert_no_error (error);
      g_assert_cmpint (gdk_pixbuf_get_width (image), ==, 480);
    }

  g_assert_true (arx_chart_write_csv (data, csv, &error));
  g_assert_true (g_file_get_contents (csv, &contents, NULL, &error));
  g_assert_true (g_str_has_prefix (contents, "People by gender,female,male,unknown\r\n2019,1,2,0\r\n"));

  g_remove (png);
  g_remove (svg);
  g_remove (csv);
  g_rmdir (dir);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/arx/chart/geometry", test_geometry);
  g_test_add_func ("/arx/chart/describe", test_describe);
  g_test_add_func ("/arx/chart/csv", test_csv);
  g_test_add_func ("/arx/chart/files", test_files);
  return g_test_run ();
}
