/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "arx-summary"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "arx-summary-private.h"

#include "arx-summary.h"

static void
group_free (gpointer data)
{
  ArxSummaryGroup *group = data;

  g_ptr_array_unref (group->statements);
  g_free (group);
}

/**
 * _arx_summary_groups:
 *
 * Returns: (transfer container) (element-type ArxSummaryGroup): the statements grouped by
 * speaker, speakers in the order of their first statement, "(no speaker)" where none.
 */
GPtrArray *
_arx_summary_groups (ArxAnalysis *analysis)
{
  GPtrArray *groups = g_ptr_array_new_with_free_func (group_free);
  g_autoptr(GHashTable) by_speaker = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < analysis->statements->len; i++)
    {
      ArxStatement *statement = g_ptr_array_index (analysis->statements, i);
      const char *speaker = statement->speaker_name ? statement->speaker_name : _("(no speaker)");
      ArxSummaryGroup *group = g_hash_table_lookup (by_speaker, speaker);

      if (group == NULL)
        {
          group = g_new0 (ArxSummaryGroup, 1);
          group->speaker = speaker;
          group->statements = g_ptr_array_new ();
          g_ptr_array_add (groups, group);
          g_hash_table_insert (by_speaker, (gpointer)speaker, group);
        }
      g_ptr_array_add (group->statements, statement);
    }
  return groups;
}

void
_arx_summary_append_escaped (GString    *out,
                             const char *text,
                             gssize      length)
{
  g_autofree char *escaped = g_markup_escape_text (text, length);

  g_string_append (out, escaped);
}

static void
append_metadata (GString    *out,
                 const char *label,
                 const char *value)
{
  if (value != NULL)
    g_string_append_printf (out, "- %s: %s\n", label, value);
}

/**
 * arx_summary_markdown:
 *
 * Returns: (transfer full): a Markdown summary: title, metadata, the entities by kind, and the
 * statements grouped by speaker in article order.
 */
char *
arx_summary_markdown (ArxArticle  *article,
                      ArxAnalysis *analysis)
{
  GString *out = g_string_new (NULL);
  const char *text = arx_article_get_text (article);
  g_autoptr(GPtrArray) groups = _arx_summary_groups (analysis);

  g_string_append_printf (out, "# %s\n\n",
                          arx_article_get_title (article) ? arx_article_get_title (article)
                                                          : _("Untitled article"));
  append_metadata (out, _("By"), arx_article_get_byline (article));
  append_metadata (out, _("Published"), arx_article_get_published (article));
  append_metadata (out, _("Site"), arx_article_get_site (article));
  append_metadata (out, _("Source"), arx_article_get_source_uri (article));

  g_string_append_printf (out, "\n## %s\n\n", _("Entities"));
  for (guint kind = 0; kind < ARX_N_ENTITY_KINDS; kind++)
    {
      gboolean first = TRUE;

      for (guint i = 0; i < analysis->entities->len; i++)
        {
          const ArxEntity *entity = g_ptr_array_index (analysis->entities, i);

          if (entity->kind != kind)
            continue;
          if (first)
            g_string_append_printf (out, "- %s: ", arx_entity_kind_to_string (kind));
          else
            g_string_append (out, ", ");
          g_string_append (out, entity->name);
          first = FALSE;
        }
      if (!first)
        g_string_append_c (out, '\n');
    }

  g_string_append_printf (out, "\n## %s\n", _("Statements"));
  for (guint g = 0; g < groups->len; g++)
    {
      const ArxSummaryGroup *group = g_ptr_array_index (groups, g);

      g_string_append_printf (out, "\n### %s\n\n", group->speaker);
      for (guint i = 0; i < group->statements->len; i++)
        {
          const ArxStatement *statement = g_ptr_array_index (group->statements, i);

          g_string_append_printf (out, "- (%s) ", arx_statement_kind_to_string (statement->kind));
          g_string_append_len (out, text + statement->start, statement->end - statement->start);
          g_string_append_c (out, '\n');
        }
    }

  return g_string_free (out, FALSE);
}

/* The charts as inline SVG, each with a table of its numbers for screen readers. */
static void
append_html_charts (GString     *out,
                    ArxAnalysis *analysis)
{
  g_autoptr(GPtrArray) charts = _arx_summary_charts (analysis);

  for (guint i = 0; i < charts->len; i++)
    {
      const ArxChartData *data = g_ptr_array_index (charts, i);
      g_autofree char *svg = arx_chart_to_svg (data, 560);
      const char *root = strstr (svg, "<svg");

      g_string_append (out, "<figure class=\"chart\">\n");
      g_string_append (out, root != NULL ? root : svg);
      /* the SVG's text is drawn as shapes: the numbers are in the table */
      g_string_append (out, "<figcaption><table><caption>");
      _arx_summary_append_escaped (out, arx_chart_data_get_title (data), -1);
      g_string_append (out, "</caption>\n");
      for (guint c = 0; c < arx_chart_data_get_n_categories (data); c++)
        {
          g_string_append (out, "<tr><td>");
          _arx_summary_append_escaped (out, arx_chart_data_get_category (data, c), -1);
          g_string_append_printf (out, "</td><td>%.0f</td></tr>\n", arx_chart_data_get_total (data, c));
        }
      g_string_append (out, "</table></figcaption></figure>\n");
    }
}

/**
 * arx_summary_html:
 *
 * Returns: (transfer full): a standalone HTML page with the same content as the Markdown
 * summary; every statement carries its kind, speaker and cue.
 */
char *
arx_summary_html (ArxArticle  *article,
                  ArxAnalysis *analysis)
{
  GString *out = g_string_new ("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\">\n");
  const char *text = arx_article_get_text (article);
  const char *title = arx_article_get_title (article) ? arx_article_get_title (article)
                                                      : _("Untitled article");
  g_autoptr(GPtrArray) groups = _arx_summary_groups (analysis);
  const char *meta[][2] = {
    { _("By"), arx_article_get_byline (article) },
    { _("Published"), arx_article_get_published (article) },
    { _("Site"), arx_article_get_site (article) },
    { _("Source"), arx_article_get_source_uri (article) },
  };

  g_string_append (out, "<title>");
  _arx_summary_append_escaped (out, title, -1);
  g_string_append (out, "</title>\n<style>body{font-family:sans-serif;max-width:50em;margin:auto}"
                        ".meta{color:#666}figure.chart table{font-size:small}</style></head><body>\n<h1>");
  _arx_summary_append_escaped (out, title, -1);
  g_string_append (out, "</h1>\n<ul class=\"meta\">\n");
  for (guint i = 0; i < G_N_ELEMENTS (meta); i++)
    if (meta[i][1] != NULL)
      {
        g_string_append_printf (out, "<li>%s: ", meta[i][0]);
        _arx_summary_append_escaped (out, meta[i][1], -1);
        g_string_append (out, "</li>\n");
      }
  g_string_append (out, "</ul>\n");
  append_html_charts (out, analysis);
  g_string_append_printf (out, "<h2>%s</h2>\n", _("Statements"));

  for (guint g = 0; g < groups->len; g++)
    {
      const ArxSummaryGroup *group = g_ptr_array_index (groups, g);

      g_string_append (out, "<h3>");
      _arx_summary_append_escaped (out, group->speaker, -1);
      g_string_append (out, "</h3>\n<ul>\n");
      for (guint i = 0; i < group->statements->len; i++)
        {
          const ArxStatement *statement = g_ptr_array_index (group->statements, i);

          g_string_append_printf (out, "<li class=\"%s\"><q>",
                                  arx_statement_kind_to_string (statement->kind));
          _arx_summary_append_escaped (out, text + statement->start,
                                       statement->end - statement->start);
          g_string_append_printf (out, "</q> <small>(%s", arx_statement_kind_to_string (statement->kind));
          if (statement->cue_start >= 0)
            {
              g_string_append (out, ", ");
              _arx_summary_append_escaped (out, text + statement->cue_start,
                                           statement->cue_end - statement->cue_start);
            }
          g_string_append (out, ")</small></li>\n");
        }
      g_string_append (out, "</ul>\n");
    }
  g_string_append (out, "</body></html>\n");

  return g_string_free (out, FALSE);
}

/* RFC 4180: quote every field, double the quotes inside. */
static void
append_csv_field (GString    *out,
                  const char *text,
                  gssize      length,
                  gboolean    last)
{
  const char *end = text + (length < 0 ? (gssize)strlen (text) : length);

  g_string_append_c (out, '"');
  for (const char *p = text; p < end; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append (out, last ? "\"\r\n" : "\",");
}

/**
 * arx_summary_csv:
 *
 * Returns: (transfer full): one CSV row per statement: speaker, kind, text, cue, the words
 * naming the speaker, rule, confidence, start, end (byte offsets into the article text).
 */
char *
arx_summary_csv (ArxArticle  *article,
                 ArxAnalysis *analysis)
{
  GString *out = g_string_new ("speaker,kind,text,cue,mention,rule,confidence,start,end\r\n");
  const char *text = arx_article_get_text (article);

  for (guint i = 0; i < analysis->statements->len; i++)
    {
      const ArxStatement *st = g_ptr_array_index (analysis->statements, i);
      char number[G_ASCII_DTOSTR_BUF_SIZE];
      g_autofree char *start = g_strdup_printf ("%u", st->start);
      g_autofree char *end = g_strdup_printf ("%u", st->end);

      append_csv_field (out, st->speaker_name ? st->speaker_name : "", -1, FALSE);
      append_csv_field (out, arx_statement_kind_to_string (st->kind), -1, FALSE);
      append_csv_field (out, text + st->start, st->end - st->start, FALSE);
      append_csv_field (out, st->cue_start >= 0 ? text + st->cue_start : "",
                        st->cue_start >= 0 ? st->cue_end - st->cue_start : 0, FALSE);
      append_csv_field (out, st->mention_start >= 0 ? text + st->mention_start : "",
                        st->mention_start >= 0 ? st->mention_end - st->mention_start : 0, FALSE);
      append_csv_field (out, st->rule ? st->rule : "", -1, FALSE);
      append_csv_field (out, g_ascii_formatd (number, sizeof number, "%.2f", st->confidence),
                        -1, FALSE);
      append_csv_field (out, start, -1, FALSE);
      append_csv_field (out, end, -1, TRUE);
    }
  return g_string_free (out, FALSE);
}

/**
 * arx_summary_format_from_name:
 * @name: a format name ("md", "html", "csv", "json", "pdf") or a file name ending in one
 */
gboolean
arx_summary_format_from_name (const char       *name,
                              ArxSummaryFormat *format)
{
  static const struct { const char *suffix; ArxSummaryFormat format; } known[] = {
    { "md", ARX_SUMMARY_MARKDOWN }, { "markdown", ARX_SUMMARY_MARKDOWN },
    { "html", ARX_SUMMARY_HTML }, { "htm", ARX_SUMMARY_HTML },
    { "csv", ARX_SUMMARY_CSV }, { "json", ARX_SUMMARY_JSON }, { "pdf", ARX_SUMMARY_PDF },
  };
  const char *dot = strrchr (name, '.');
  const char *suffix = dot != NULL ? dot + 1 : name;

  for (guint i = 0; i < G_N_ELEMENTS (known); i++)
    if (g_ascii_strcasecmp (suffix, known[i].suffix) == 0)
      {
        *format = known[i].format;
        return TRUE;
      }
  return FALSE;
}

/**
 * arx_summary_render:
 *
 * Returns: (transfer full) (nullable): the summary of a text @format (everything but PDF),
 * or NULL for PDF, which only arx_summary_save() writes.
 */
char *
arx_summary_render (ArxArticle       *article,
                    ArxAnalysis      *analysis,
                    ArxSummaryFormat  format)
{
  switch (format)
    {
    case ARX_SUMMARY_PDF:
      return NULL;
    case ARX_SUMMARY_HTML:
      return arx_summary_html (article, analysis);
    case ARX_SUMMARY_CSV:
      return arx_summary_csv (article, analysis);
    case ARX_SUMMARY_JSON:
      {
        g_autofree char *json = arx_analysis_to_json (analysis, article, TRUE);

        return g_strconcat (json, "\n", NULL);
      }
    case ARX_SUMMARY_MARKDOWN:
    default:
      return arx_summary_markdown (article, analysis);
    }
}

/**
 * arx_summary_save:
 *
 * Writes the summary of @article in @format to @file, replacing it atomically. Blocking.
 */
gboolean
arx_summary_save (ArxArticle        *article,
                  ArxAnalysis       *analysis,
                  ArxSummaryFormat   format,
                  GFile             *file,
                  GError           **error)
{
  g_autofree char *content = NULL;

  if (format == ARX_SUMMARY_PDF)
    return _arx_summary_write_pdf (article, analysis, file, error);

  content = arx_summary_render (article, analysis, format);
  return g_file_replace_contents (file, content, strlen (content), NULL, FALSE,
                                  G_FILE_CREATE_REPLACE_DESTINATION, NULL, NULL, error);
}
