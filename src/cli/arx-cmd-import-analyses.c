/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "arx"

#include "config.h"

#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "arx-jsonl.h"
#include "arx-library.h"

#include "arx-cli.h"

/* Articles per transaction: the import job's batches are 32 files that still need analysing;
 * these need none, so a bigger batch spreads each commit over more rows. */
#define BATCH 128

typedef struct
{
  const ArxCliGlobals *globals;
  const char          *path;
  ArxAddItem           items[BATCH];
  guint                lines[BATCH];
  char                *analyzers[BATCH];
  guint                n;
  int                  status;
} Loader;

static void
report_line (Loader *loader, guint line, const char *message)
{
  g_printerr ("arx: %s:%u: %s\n", loader->path, line, message);
}

static gboolean
flush (Loader *loader, ArxLibrary *library)
{
  g_autoptr(GError) error = NULL;
  gboolean ok = arx_library_add_many (library, loader->items, loader->n, &error);

  if (!ok)
    arx_cli_report (arx_library_get_path (library), error);
  for (guint i = 0; i < loader->n; i++)
    {
      ArxAddItem *item = &loader->items[i];
      g_autofree char *where = g_strdup_printf ("%s:%u", loader->path, loader->lines[i]);

      if (ok && item->error != NULL)
        {
          report_line (loader, loader->lines[i], item->error->message);
          loader->status = 1;
        }
      else if (ok && loader->globals->json)
        {
          g_autoptr(ArxJsonWriter) w = arx_json_writer_new (FALSE);

          arx_json_writer_begin_object (w);
          arx_json_writer_member_int (w, "id", item->id);
          arx_json_writer_member_string (w, "file", where);
          arx_json_writer_member_string (w, "title", arx_article_get_title (item->article));
          arx_json_writer_member (w, "duplicate");
          arx_json_writer_boolean (w, item->duplicate);
          arx_json_writer_end_object (w);
          arx_cli_print_json_line (g_steal_pointer (&w));
        }
      else if (ok)
        g_print (item->duplicate ? _("duplicate %" PRId64 " %s\n") : _("imported %" PRId64 " %s\n"), item->id, where);
      g_clear_error (&item->error);
      g_clear_object (&item->article);
      g_clear_pointer (&item->analysis, arx_analysis_unref);
      g_clear_pointer (&loader->analyzers[i], g_free);
    }
  loader->n = 0;
  fflush (stdout);
  return ok;
}

/**
 * arx_cli_import_analyses:
 * @path: a file of `arx analyze` output (plain or `--jsonl`), or "-" for standard input
 *
 * `arx import --analyses FILE.jsonl`: stores analyses made elsewhere (a cluster running
 * `arx analyze --jsonl`) without analysing again. Error lines of `--jsonl` are skipped with a
 * warning; a line that is not an analysis is named on stderr and makes the status 1.
 *
 * Returns: the exit status.
 */
int
arx_cli_import_analyses (const ArxCliGlobals *globals,
                         ArxLibrary          *library,
                         const char          *path)
{
  g_autofree Loader *loader = g_new0 (Loader, 1);
  FILE *in = strcmp (path, "-") == 0 ? stdin : fopen (path, "rb");
  char *line = NULL;
  size_t cap = 0;
  ssize_t len;
  guint line_no = 0;

  if (in == NULL)
    {
      g_printerr ("arx: %s: %s\n", path, g_strerror (errno));
      return 1;
    }
  loader->globals = globals;
  loader->path = strcmp (path, "-") == 0 ? _("standard input") : path;
  /* batch after batch: checkpoints go to a thread of their own */
  arx_library_set_bulk_writes (library, TRUE);
  while ((len = getline (&line, &cap, in)) >= 0)
    {
      g_autoptr(GError) error = NULL;
      ArxAddItem *item = &loader->items[loader->n];

      line_no++;
      if (len == 0 || (len == 1 && line[0] == '\n'))
        continue;
      if (!arx_jsonl_read_analysis (line, len, &item->article, &item->analysis,
                                    &loader->analyzers[loader->n], &error))
        {
          report_line (loader, line_no, error->message);
          /* the error lines of --jsonl are expected; anything else is a damaged file */
          if (!g_error_matches (error, ARX_ERROR, ARX_ERROR_NOT_AN_ARTICLE))
            loader->status = 1;
          continue;
        }
      item->analyzer_version = loader->analyzers[loader->n];
      loader->lines[loader->n++] = line_no;
      if (loader->n == BATCH && !flush (loader, library))
        {
          loader->status = 1;
          break;
        }
    }
  if (ferror (in))
    {
      g_printerr ("arx: %s: %s\n", loader->path, g_strerror (errno));
      loader->status = 1;
    }
  else if (loader->n > 0 && !flush (loader, library))
    loader->status = 1;
  arx_library_set_bulk_writes (library, FALSE);
  free (line);
  if (in != stdin)
    fclose (in);
  return loader->status;
}
