/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Runs the HTML import on every <id>.html.gz of an evaluation set and writes <id>.json
 * ({"articleBody","title","author","date"}) for score.py; prints pages per second.
 *
 *   arx-extract-bench [--repeat N] [--threads N] [--kinds FILE] INPUT_DIR OUTPUT_DIR
 *
 * --kinds FILE ("<id> <kind>" lines) forces each page's kind (ARX_EXTRACT_KIND).
 * --threads N additionally imports every page once more from N worker threads at the same
 * time (the app imports from worker threads) and prints that throughput.
 */
#include "config.h"

#include <locale.h>
#include <string.h>
#include <time.h>
#include <gio/gio.h>

#include "arx-core.h"
#include "arx-import.h"

/* CPU time of this (single-threaded) process: steadier than wall time on a shared machine */
static gint64
cpu_us (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return (gint64)ts.tv_sec * 1000000 + ts.tv_nsec / 1000;
}

static GBytes *
gunzip (const char *path,
        GError    **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInputStream) raw = g_file_read (file, NULL, error);
  g_autoptr(GZlibDecompressor) dec = NULL;
  g_autoptr(GInputStream) in = NULL;
  g_autoptr(GOutputStream) out = NULL;

  if (raw == NULL)
    return NULL;
  dec = g_zlib_decompressor_new (G_ZLIB_COMPRESSOR_FORMAT_GZIP);
  in = g_converter_input_stream_new (G_INPUT_STREAM (raw), G_CONVERTER (dec));
  out = g_memory_output_stream_new_resizable ();
  if (g_output_stream_splice (out, in, G_OUTPUT_STREAM_SPLICE_CLOSE_SOURCE | G_OUTPUT_STREAM_SPLICE_CLOSE_TARGET,
                              NULL, error) < 0)
    return NULL;
  return g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (out));
}

/* "<id> <kind>" per line: the page kinds of an evaluation set, to force each page's
 * extraction strategy and see what a perfect kind detection would give. */
static GHashTable *
read_kinds (const char *path)
{
  GHashTable *kinds = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;

  if (!g_file_get_contents (path, &text, NULL, NULL))
    return kinds;
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i]; i++)
    {
      g_auto(GStrv) f = g_strsplit (lines[i], " ", 2);

      if (f[0] != NULL && f[1] != NULL)
        g_hash_table_insert (kinds, g_strdup (f[0]), g_strdup (f[1]));
    }
  return kinds;
}

typedef struct
{
  GPtrArray *pages;
  guint      first, step;
} Worker;

static gpointer
worker_run (gpointer data)
{
  Worker *w = data;

  for (guint i = w->first; i < w->pages->len; i += w->step)
    {
      g_autoptr(GPtrArray) articles = arx_import_bytes (g_ptr_array_index (w->pages, i), NULL, NULL, NULL);
    }
  return NULL;
}

static void
run_threads (GPtrArray *pages,
             guint      n_threads)
{
  g_autofree Worker *workers = g_new0 (Worker, n_threads);
  g_autofree GThread **threads = g_new0 (GThread *, n_threads);
  gint64 start = g_get_monotonic_time ();
  double seconds;

  for (guint t = 0; t < n_threads; t++)
    {
      workers[t] = (Worker) { pages, t, n_threads };
      threads[t] = g_thread_new ("import", worker_run, &workers[t]);
    }
  for (guint t = 0; t < n_threads; t++)
    g_thread_join (threads[t]);
  seconds = (g_get_monotonic_time () - start) / 1e6;
  g_print ("%u threads: %u pages in %.2f s wall = %.0f pages/s\n", n_threads, pages->len, seconds,
           pages->len / seconds);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) pages = g_ptr_array_new_with_free_func ((GDestroyNotify)g_bytes_unref);
  g_autoptr(GError) error = NULL;
  guint repeat = 1, failures = 0, n_threads = 0;
  gsize total_bytes = 0;
  double seconds;
  gint64 start, import_us = 0, import_cpu_us = 0;
  const char *name;
  g_autoptr(GHashTable) kinds = NULL;

  /* the debug output (ARX_EXTRACT_DEBUG) prints page text: keep it UTF-8, not "?" */
  setlocale (LC_ALL, "");

  while (argc >= 3 && (g_str_equal (argv[1], "--repeat") || g_str_equal (argv[1], "--threads")
                       || g_str_equal (argv[1], "--kinds")))
    {
      if (g_str_equal (argv[1], "--repeat"))
        repeat = MAX (1, atoi (argv[2]));
      else if (g_str_equal (argv[1], "--kinds"))
        kinds = read_kinds (argv[2]);
      else
        n_threads = MAX (1, atoi (argv[2]));
      argv += 2;
      argc -= 2;
    }
  if (argc != 3)
    {
      g_printerr ("usage: %s [--repeat N] [--threads N] [--kinds FILE] INPUT_DIR OUTPUT_DIR\n", argv[0]);
      return 2;
    }
  arx_import_init ();
  dir = g_dir_open (argv[1], 0, &error);
  if (dir == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  g_mkdir_with_parents (argv[2], 0755);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, ".html.gz"))
      g_ptr_array_add (names, g_strndup (name, strlen (name) - strlen (".html.gz")));
  g_ptr_array_sort (names, (GCompareFunc)g_strcmp0);
  /* decompress first so that the timing covers the import alone */
  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *path = g_strdup_printf ("%s/%s.html.gz", argv[1], (char *)g_ptr_array_index (names, i));
      GBytes *bytes = gunzip (path, &error);

      if (bytes == NULL)
        {
          g_printerr ("%s: %s\n", path, error->message);
          return 1;
        }
      total_bytes += g_bytes_get_size (bytes);
      g_ptr_array_add (pages, bytes);
    }

  start = g_get_monotonic_time ();
  for (guint r = 0; r < repeat; r++)
    for (guint i = 0; i < names->len; i++)
      {
        const char *id = g_ptr_array_index (names, i);
        g_autoptr(GError) local = NULL;
        gint64 t0, c0;
        g_autoptr(GPtrArray) articles = NULL;
        g_autoptr(ArxJsonWriter) w = NULL;
        g_autofree char *json = NULL;
        g_autofree char *path = NULL;
        ArxArticle *a;

        /* (the import reads ARX_EXTRACT_KIND on this thread, before any worker starts) */
        if (kinds != NULL)
          g_setenv ("ARX_EXTRACT_KIND", g_hash_table_lookup (kinds, id) ? g_hash_table_lookup (kinds, id) : "", TRUE);
        t0 = g_get_monotonic_time ();
        c0 = cpu_us ();
        articles = arx_import_bytes (g_ptr_array_index (pages, i), NULL, NULL, &local);

        /* the debug lines of the import above belong to this page */
        if (r == 0 && g_getenv ("ARX_EXTRACT_DEBUG") != NULL)
          g_printerr ("page: %s\n", id);
        import_us += g_get_monotonic_time () - t0;
        import_cpu_us += cpu_us () - c0;
        if (r > 0)
          continue;
        w = arx_json_writer_new (FALSE);
        arx_json_writer_begin_object (w);
        if (articles == NULL)
          {
            failures++;
            g_printerr ("%s: %s\n", id, local->message);
            arx_json_writer_member_string (w, "articleBody", "");
          }
        else
          {
            a = g_ptr_array_index (articles, 0);
            arx_json_writer_member_string (w, "articleBody", arx_article_get_text (a));
            arx_json_writer_member_string (w, "title", arx_article_get_title (a) ? arx_article_get_title (a) : "");
            arx_json_writer_member_string (w, "author", arx_article_get_byline (a) ? arx_article_get_byline (a) : "");
            arx_json_writer_member_string (w, "date", arx_article_get_published (a) ? arx_article_get_published (a) : "");
            arx_json_writer_member_string (w, "kind", arx_article_get_kind (a) ? arx_article_get_kind (a) : "article");
          }
        arx_json_writer_end_object (w);
        json = arx_json_writer_free_to_string (g_steal_pointer (&w));
        path = g_strdup_printf ("%s/%s.json", argv[2], id);
        g_clear_error (&local);
        if (!g_file_set_contents (path, json, -1, &local))
          g_printerr ("%s\n", local->message);
      }
  seconds = (g_get_monotonic_time () - start) / 1e6;
  /* the import alone (parse + extraction), without writing the results */
  g_print ("%u pages (%.1f MB) x %u: import %.2f s wall = %.0f pages/s (%.1f ms/page); "
           "%.2f s CPU = %.0f pages/s; with output %.2f s; %u failures\n",
           names->len, total_bytes / 1e6, repeat, import_us / 1e6, names->len * repeat / (import_us / 1e6),
           import_us / 1e3 / (names->len * repeat), import_cpu_us / 1e6,
           names->len * repeat / (import_cpu_us / 1e6), seconds, failures);
  if (n_threads > 0)
    run_threads (pages, n_threads);
  return 0;
}
