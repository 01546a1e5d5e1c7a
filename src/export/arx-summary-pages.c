/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "arx-summary-pages"

#include "config.h"

#include <string.h>
#include <cairo-pdf.h>
#include <glib/gi18n.h>

#include "arx-summary-private.h"

#include "arx-summary-pages.h"

typedef struct
{
  int baseline;   /* Pango units from the top of the layout */
} LineInfo;

struct _ArxSummaryPages
{
  PangoLayout *layout;
  GArray      *lines;        /* (element-type LineInfo) */
  GArray      *page_starts;  /* (element-type guint): first line of each page */
  GArray      *page_tops;    /* (element-type int): y of that line's top, Pango units */
  /* the charts, on pages of their own after the text */
  GPtrArray   *charts;       /* (element-type ArxChartData) */
  GArray      *chart_starts; /* (element-type guint): first chart of each chart page */
  double       width;
};

/* Space above each chart for its title. */
#define CHART_TITLE_HEIGHT 24.0
#define CHART_GAP 18.0

/**
 * arx_summary_pango_markup:
 *
 * Returns: (transfer full): the summary as Pango markup, for printing and PDF.
 */
char *
arx_summary_pango_markup (ArxArticle  *article,
                          ArxAnalysis *analysis)
{
  GString *out = g_string_new (NULL);
  const char *text = arx_article_get_text (article);
  g_autoptr(GPtrArray) groups = _arx_summary_groups (analysis);
  const char *meta[] = {
    arx_article_get_byline (article),
    arx_article_get_site (article),
    arx_article_get_published (article),
    arx_article_get_source_uri (article),
  };
  gboolean any_meta = FALSE;

  g_string_append (out, "<span size=\"x-large\" weight=\"bold\">");
  _arx_summary_append_escaped (out, arx_article_get_title (article) ? arx_article_get_title (article)
                                                       : _("Untitled article"), -1);
  g_string_append (out, "</span>\n<span foreground=\"#555555\">");
  for (guint i = 0; i < G_N_ELEMENTS (meta); i++)
    if (meta[i] != NULL)
      {
        if (any_meta)
          g_string_append (out, " · ");
        _arx_summary_append_escaped (out, meta[i], -1);
        any_meta = TRUE;
      }
  g_string_append (out, "</span>\n\n<span size=\"large\" weight=\"bold\">");
  g_string_append_printf (out, _("Statements (%u)"), analysis->statements->len);
  g_string_append (out, "</span>\n");

  for (guint g = 0; g < groups->len; g++)
    {
      const ArxSummaryGroup *group = g_ptr_array_index (groups, g);

      g_string_append (out, "\n<b>");
      _arx_summary_append_escaped (out, group->speaker, -1);
      g_string_append (out, "</b>\n");
      for (guint i = 0; i < group->statements->len; i++)
        {
          const ArxStatement *statement = g_ptr_array_index (group->statements, i);

          g_string_append (out, "• ");
          _arx_summary_append_escaped (out, text + statement->start,
                                       statement->end - statement->start);
          g_string_append_printf (out, " <span size=\"small\" foreground=\"#555555\">(%s",
                                  arx_statement_kind_to_string (statement->kind));
          if (statement->cue_start >= 0)
            {
              g_string_append (out, ", ");
              _arx_summary_append_escaped (out, text + statement->cue_start,
                                           statement->cue_end - statement->cue_start);
            }
          g_string_append (out, ")</span>\n");
        }
    }

  return g_string_free (out, FALSE);
}

/**
 * arx_summary_pages_new:
 * @width: printable width in device units (points for PDF)
 * @height: printable height per page
 *
 * Returns: (transfer full): the summary laid out and cut into pages at line boundaries.
 */
ArxSummaryPages *
arx_summary_pages_new (ArxArticle   *article,
                       ArxAnalysis  *analysis,
                       PangoContext *context,
                       double        width,
                       double        height)
{
  ArxSummaryPages *self = g_new0 (ArxSummaryPages, 1);
  g_autofree char *markup = arx_summary_pango_markup (article, analysis);
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string ("Sans 10");
  PangoLayoutIter *iter;
  int page_height = (int)(height * PANGO_SCALE);
  int page_top = 0;
  guint first = 0;

  self->layout = pango_layout_new (context);
  pango_layout_set_font_description (self->layout, font);
  pango_layout_set_width (self->layout, (int)(width * PANGO_SCALE));
  pango_layout_set_wrap (self->layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_markup (self->layout, markup, -1);

  self->lines = g_array_new (FALSE, FALSE, sizeof (LineInfo));
  self->page_starts = g_array_new (FALSE, FALSE, sizeof (guint));
  self->page_tops = g_array_new (FALSE, FALSE, sizeof (int));
  g_array_append_val (self->page_starts, first);
  g_array_append_val (self->page_tops, page_top);

  iter = pango_layout_get_iter (self->layout);
  do
    {
      LineInfo info;
      int y0, y1;
      guint index = self->lines->len;

      pango_layout_iter_get_line_yrange (iter, &y0, &y1);
      info.baseline = pango_layout_iter_get_baseline (iter);
      /* a line that does not fit starts the next page */
      if (y1 - page_top > page_height && index > g_array_index (self->page_starts, guint,
                                                                 self->page_starts->len - 1))
        {
          page_top = y0;
          g_array_append_val (self->page_starts, index);
          g_array_append_val (self->page_tops, page_top);
        }
      g_array_append_val (self->lines, info);
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);

  /* charts fill pages top to bottom, a page as soon as the next one does not fit */
  self->width = width;
  self->charts = _arx_summary_charts (analysis);
  self->chart_starts = g_array_new (FALSE, FALSE, sizeof (guint));
  {
    double used = height;

    for (guint i = 0; i < self->charts->len; i++)
      {
        double need = CHART_TITLE_HEIGHT + arx_chart_natural_height (g_ptr_array_index (self->charts, i));

        if (used + need > height)
          {
            g_array_append_val (self->chart_starts, i);
            used = 0;
          }
        used += need + CHART_GAP;
      }
  }
  return self;
}

guint
arx_summary_pages_get_n_pages (ArxSummaryPages *self)
{
  return self->page_starts->len + self->chart_starts->len;
}

static void
draw_charts (ArxSummaryPages *self,
             cairo_t         *cr,
             guint            page)
{
  guint first = g_array_index (self->chart_starts, guint, page);
  guint end = page + 1 < self->chart_starts->len ? g_array_index (self->chart_starts, guint, page + 1)
                                                 : self->charts->len;
  PangoContext *context = pango_layout_get_context (self->layout);
  g_autoptr(PangoLayout) title = pango_layout_new (context);
  g_autoptr(PangoFontDescription) bold = pango_font_description_from_string ("Sans Bold 11");
  ArxChartColors colors;
  double y = 0;

  arx_chart_colors_init (&colors, FALSE);
  pango_layout_set_font_description (title, bold);
  for (guint i = first; i < end; i++)
    {
      const ArxChartData *data = g_ptr_array_index (self->charts, i);
      double height = arx_chart_natural_height (data);
      g_autoptr(GArray) bars = NULL;

      cairo_save (cr);
      cairo_translate (cr, 0, y);
      cairo_set_source_rgb (cr, 0, 0, 0);
      pango_layout_set_text (title, arx_chart_data_get_title (data), -1);
      cairo_move_to (cr, 0, 0);
      pango_cairo_show_layout (cr, title);
      cairo_translate (cr, 0, CHART_TITLE_HEIGHT);
      bars = arx_chart_draw (data, cr, context, &colors, self->width, height, -1);
      cairo_restore (cr);
      y += CHART_TITLE_HEIGHT + height + CHART_GAP;
    }
}

/**
 * arx_summary_pages_draw:
 *
 * Draws @page with its top-left corner at the current origin of @cr.
 */
void
arx_summary_pages_draw (ArxSummaryPages *self,
                        cairo_t         *cr,
                        guint            page)
{
  guint first, end;
  int top;

  g_return_if_fail (page < arx_summary_pages_get_n_pages (self));

  if (page >= self->page_starts->len)
    {
      draw_charts (self, cr, page - self->page_starts->len);
      return;
    }
  first = g_array_index (self->page_starts, guint, page);
  end = page + 1 < self->page_starts->len ? g_array_index (self->page_starts, guint, page + 1)
                                          : self->lines->len;
  top = g_array_index (self->page_tops, int, page);

  cairo_set_source_rgb (cr, 0, 0, 0);
  for (guint i = first; i < end; i++)
    {
      const LineInfo *info = &g_array_index (self->lines, LineInfo, i);

      cairo_move_to (cr, 0, (double)(info->baseline - top) / PANGO_SCALE);
      pango_cairo_show_layout_line (cr, pango_layout_get_line_readonly (self->layout, i));
    }
}

void
arx_summary_pages_free (ArxSummaryPages *self)
{
  g_object_unref (self->layout);
  g_array_unref (self->lines);
  g_array_unref (self->page_starts);
  g_array_unref (self->page_tops);
  g_ptr_array_unref (self->charts);
  g_array_unref (self->chart_starts);
  g_free (self);
}

static cairo_status_t
write_to_stream (void                *closure,
                 const unsigned char *data,
                 unsigned int         length)
{
  GOutputStream *stream = closure;

  return g_output_stream_write_all (stream, data, length, NULL, NULL, NULL)
         ? CAIRO_STATUS_SUCCESS : CAIRO_STATUS_WRITE_ERROR;
}

#define A4_WIDTH  595.276
#define A4_HEIGHT 841.89
#define MARGIN    56.0

gboolean
_arx_summary_write_pdf (ArxArticle   *article,
                        ArxAnalysis  *analysis,
                        GFile        *file,
                        GError      **error)
{
  g_autoptr(GFileOutputStream) stream = NULL;
  g_autoptr(ArxSummaryPages) pages = NULL;
  PangoContext *context;
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;

  stream = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION, NULL, error);
  if (stream == NULL)
    return FALSE;

  surface = cairo_pdf_surface_create_for_stream (write_to_stream, stream, A4_WIDTH, A4_HEIGHT);
  cr = cairo_create (surface);
  context = pango_cairo_create_context (cr);
  pango_cairo_context_set_resolution (context, 72.0);
  pages = arx_summary_pages_new (article, analysis, context, A4_WIDTH - 2 * MARGIN,
                                 A4_HEIGHT - 2 * MARGIN);

  for (guint i = 0; i < arx_summary_pages_get_n_pages (pages); i++)
    {
      cairo_save (cr);
      cairo_translate (cr, MARGIN, MARGIN);
      arx_summary_pages_draw (pages, cr, i);
      cairo_restore (cr);
      cairo_show_page (cr);
    }

  g_clear_pointer (&pages, arx_summary_pages_free);
  g_object_unref (context);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_autofree char *name = g_file_get_parse_name (file);

      g_set_error (error, ARX_ERROR, ARX_ERROR_FAILED, "%s: %s", name,
                   cairo_status_to_string (status));
      return FALSE;
    }
  return g_output_stream_close (G_OUTPUT_STREAM (stream), NULL, error);
}
