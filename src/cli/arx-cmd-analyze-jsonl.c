/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "arx"

#include "config.h"

#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "arx-analyzer.h"
#include "arx-jsonl.h"

#include "arx-cli.h"

/* Of a line over the size limit, only this much is kept: enough to read its id. */
#define KEPT_OF_LONG_LINE 8192

static gboolean
write_line (const char *json)
{
  return fputs (json, stdout) >= 0 && fputc ('\n', stdout) != EOF && fflush (stdout) == 0;
}

static gboolean
write_error (const char *id_json,
             const char *message)
{
  g_autoptr(ArxJsonWriter) w = arx_json_writer_new (FALSE);
  g_autofree char *json = NULL;

  arx_json_writer_begin_object (w);
  arx_json_writer_member (w, "id");
  arx_json_writer_raw (w, id_json != NULL ? id_json : "null");
  arx_json_writer_member_string (w, "error", message);
  arx_json_writer_end_object (w);
  json = arx_json_writer_free_to_string (g_steal_pointer (&w));
  return write_line (json);
}

/* Answers one input line with one output line: the analysis, or an error. Of a line longer
 * than the limit only the start was kept (@kept bytes): enough to read its id. */
static gboolean
answer (const char            *line,
        gsize                  kept,
        gsize                  full_len,
        const ArxImportLimits *limits)
{
  ArxAnalyzer *analyzer = arx_analyzer_get_default ();
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  g_autoptr(ArxArticle) article = NULL;
  g_autoptr(ArxAnalysis) analysis = NULL;
  g_autofree char *json = NULL;

  if (full_len > limits->max_bytes)
    {
      g_autofree char *message = g_strdup_printf (_("line too long (%" PRIu64 " bytes; the limit is %"
                                                    PRIu64 ")"), (guint64)full_len,
                                                  (guint64)limits->max_bytes);

      id = arx_jsonl_peek_id (line, MIN (kept, KEPT_OF_LONG_LINE));
      return write_error (id, message);
    }
  article = arx_jsonl_read_request (line, full_len, limits, &id, &error);
  if (article == NULL)
    return write_error (id, error->message);
  analysis = arx_analyzer_analyze (analyzer, article);
  json = arx_analysis_to_json_line (analysis, article, id, arx_analyzer_get_version (analyzer));
  return write_line (json);
}

static gboolean
finish_line (GString              **line,
             gsize                 *full_len,
             const ArxImportLimits *limits)
{
  gboolean ok = answer ((*line)->str, (*line)->len, *full_len, limits);

  /* one long line must not keep its buffer for the rest of the stream */
  if ((*line)->allocated_len > (1 << 20))
    {
      g_string_free (*line, TRUE);
      *line = g_string_new (NULL);
    }
  g_string_truncate (*line, 0);
  *full_len = 0;
  return ok;
}

/**
 * arx_cli_analyze_jsonl:
 *
 * `arx analyze --jsonl`: one request per line on standard input, one analysis (or error) per
 * line on standard output, in the same order. A line is answered as soon as it is complete
 * (so a program can talk to us line by line) and before the next is read, so memory holds
 * one line however long the stream; a line over the import size limit is not kept whole.
 *
 * Returns: the exit status: 0 unless reading standard input or writing the output failed.
 */
int
arx_cli_analyze_jsonl (void)
{
  ArxImportLimits limits;
  g_autoptr(GString) line = g_string_new (NULL);
  g_autofree char *buf = g_malloc (1 << 16);
  gsize full_len = 0;

  arx_import_limits_init (&limits);
  for (;;)
    {
      gssize n = read (0, buf, 1 << 16);
      const char *p = buf, *end = buf + MAX (n, 0);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          g_printerr (_("arx analyze: standard input: %s\n"), g_strerror (errno));
          return 1;
        }
      while (p < end)
        {
          const char *nl = memchr (p, '\n', end - p);
          const char *stop = nl != NULL ? nl : end;

          /* keep at most the limit + 1 bytes of a line: enough to know it is too long */
          if (line->len <= limits.max_bytes)
            g_string_append_len (line, p, MIN ((gsize) (stop - p), limits.max_bytes + 1 - line->len));
          full_len += stop - p;
          if (nl == NULL)
            break;
          if (!finish_line (&line, &full_len, &limits))
            goto write_failed;
          p = nl + 1;
        }
      if (n == 0)
        {
          /* the last line may lack its newline */
          if (full_len > 0 && !finish_line (&line, &full_len, &limits))
            goto write_failed;
          return 0;
        }
    }

write_failed:
  g_printerr (_("arx analyze: standard output: %s\n"), g_strerror (errno));
  return 1;
}
