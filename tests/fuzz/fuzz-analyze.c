/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>
#include <json-glib/json-glib.h>

#include "arx-analyzer.h"
#include "fuzz-common.h"

/* The analyzer on raw text (paragraphs at blank lines, as the readers give them), then the
 * contract's JSON, which must parse. Checks every span the analysis returns. */

static void
check_span (gsize       start,
            gsize       end,
            const char *text,
            gsize       len)
{
  g_assert_cmpuint (start, <=, end);
  g_assert_cmpuint (end, <=, len);
  /* offsets are UTF-8 byte offsets: never inside a character */
  g_assert (start == len || ((guchar)text[start] & 0xC0) != 0x80);
  g_assert (end == len || ((guchar)text[end] & 0xC0) != 0x80);
}

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  fuzz_init ();
  arx_analyzer_get_default ();
  return 0;
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(ArxArticle) article = arx_article_new ();
  g_autoptr(ArxAnalysis) analysis = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *json = NULL;
  const char *p = (const char *)data;
  const char *end = p + size;
  const char *text;
  gsize len;

  while (p < end)
    {
      const char *blank = g_strstr_len (p, end - p, "\n\n");
      const char *stop = blank != NULL ? blank : end;

      arx_article_add_paragraph (article, p, stop - p);
      p = stop + (blank != NULL ? 2 : 0);
    }
  text = arx_article_get_text (article);
  len = arx_article_get_text_length (article);

  analysis = arx_analyzer_analyze (arx_analyzer_get_default (), article);
  for (guint i = 0; i < analysis->entities->len; i++)
    {
      const ArxEntity *entity = g_ptr_array_index (analysis->entities, i);

      g_assert (g_utf8_validate (entity->name, -1, NULL));
      for (guint j = 0; j < entity->mentions->len; j++)
        {
          const ArxSpan *span = &g_array_index (entity->mentions, ArxSpan, j);

          check_span (span->start, span->end, text, len);
        }
    }
  for (guint i = 0; i < analysis->statements->len; i++)
    {
      const ArxStatement *st = g_ptr_array_index (analysis->statements, i);

      check_span (st->start, st->end, text, len);
      g_assert_cmpuint (st->start, <, st->end);
      g_assert (st->speaker < (int)analysis->entities->len);
      if (st->mention_start >= 0)
        check_span (st->mention_start, st->mention_end, text, len);
      if (st->cue_start >= 0)
        check_span (st->cue_start, st->cue_end, text, len);
      g_assert (st->confidence >= 0.0 && st->confidence <= 1.0);
    }

  json = arx_analysis_to_json (analysis, article, FALSE);
  g_assert (json_parser_load_from_data (parser, json, -1, NULL));
  return 0;
}
