/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Store benchmark, run by hand (not a test): builds a library from a corpus made of real
 * article texts replicated with variations, and prints import rate, size on disk, query
 * latencies and peak memory. See bench/store/README.md. */
#include "config.h"

#define _GNU_SOURCE
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <glib/gstdio.h>
#if __has_include(<valgrind/callgrind.h>)
/* Under `valgrind --tool=callgrind --instr-atstart=no` only the writer is measured. */
#include <valgrind/callgrind.h>
#else
#define CALLGRIND_START_INSTRUMENTATION
#define CALLGRIND_STOP_INSTRUMENTATION
#endif

#include "arx-autocleanups.h"
#include "arx-analyzer.h"
#include "arx-import.h"
#include "arx-import-job.h"
#include "arx-library.h"
#include "arx-library-private.h"

static int n_articles = 10000;
static char *source_glob_dirs = NULL;
static char *corpus_dir = NULL;
static char *library_path = NULL;
static int n_runs = 40;
static gboolean reuse = FALSE;
static int n_workers = 0;
static gboolean store_only = FALSE;
static gboolean profile = FALSE;
static int batch_size = ARX_IMPORT_JOB_MAX_BATCH;
static int n_statements = 0;

static gboolean inline_checkpoints;

static GOptionEntry entries[] = {
  { "n", 'n', 0, G_OPTION_ARG_INT, &n_articles, "Articles in the corpus (default 10000)", "N" },
  { "sources", 's', 0, G_OPTION_ARG_STRING, &source_glob_dirs,
    "Colon-separated folders of .txt articles (default ../shared/eval/statements/polnear-train:polnear-dev)", "DIRS" },
  { "corpus", 'c', 0, G_OPTION_ARG_FILENAME, &corpus_dir, "Where to write the corpus (reused when complete)", "DIR" },
  { "library", 'l', 0, G_OPTION_ARG_FILENAME, &library_path, "Library to build (deleted first)", "PATH" },
  { "runs", 'r', 0, G_OPTION_ARG_INT, &n_runs, "Runs per query (default 40)", "N" },
  { "workers", 'w', 0, G_OPTION_ARG_INT, &n_workers, "Reader threads (default: one per core)", "N" },
  { "store-only", 0, 0, G_OPTION_ARG_NONE, &store_only,
    "Read and analyse everything first (timed apart), then time the writes alone", NULL },
  { "inline-checkpoints", 0, 0, G_OPTION_ARG_NONE, &inline_checkpoints,
    "With --store-only: checkpoint on the writer's thread (no arx_library_set_bulk_writes)", NULL },
  { "profile", 0, 0, G_OPTION_ARG_NONE, &profile, "With --store-only: time per SQL statement", NULL },
  { "batch", 0, 0, G_OPTION_ARG_INT, &batch_size,
    "With --store-only: articles per transaction (default: the import job's largest batch)", "N" },
  { "statements", 0, 0, G_OPTION_ARG_INT, &n_statements,
    "Instead of a corpus: a library of at least N statements, made of copies of the sources"
    " each analysed once (the writer's cost only)", "N" },
  { "reuse", 0, 0, G_OPTION_ARG_NONE, &reuse, "Keep the library of an earlier run: queries only", NULL },
  { NULL }
};

static GPtrArray *
read_sources (void)
{
  g_auto(GStrv) dirs = g_strsplit (source_glob_dirs, ":", -1);
  GPtrArray *texts = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; dirs[i] != NULL; i++)
    {
      g_autoptr(GDir) dir = g_dir_open (dirs[i], 0, NULL);
      g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
      const char *name;

      if (dir == NULL)
        g_error ("cannot read %s", dirs[i]);
      while ((name = g_dir_read_name (dir)) != NULL)
        if (g_str_has_suffix (name, ".txt"))
          g_ptr_array_add (names, g_strdup (name));
      g_ptr_array_sort (names, (GCompareFunc)g_strcmp0);
      for (guint j = 0; j < names->len; j++)
        {
          g_autofree char *path = g_build_filename (dirs[i], g_ptr_array_index (names, j), NULL);
          char *text = NULL;

          if (g_file_get_contents (path, &text, NULL, NULL))
            g_ptr_array_add (texts, text);
        }
    }
  return texts;
}

/* Copy @i of a source text: paragraphs rotated, a dateline and a closing note with a word
 * that occurs in this copy only (the "rare word" queries look for some of those). */
static char *
make_variant (const char *text,
              guint       i,
              guint       n_sources)
{
  g_auto(GStrv) paragraphs = g_strsplit (text, "\n\n", -1);
  guint n = g_strv_length (paragraphs);
  guint copy = i / n_sources;
  GString *out = g_string_new (NULL);

  /* The first paragraph is the title; keep it first, with the copy number. */
  g_string_append_printf (out, "%s (%u)\n\n", g_strstrip (paragraphs[0]), copy);
  g_string_append_printf (out, "WASHINGTON, day %u —\n\n", i % 365);
  for (guint k = 1; k < n; k++)
    {
      guint j = 1 + (k - 1 + copy) % MAX (n - 1, 1);

      if (j < n && paragraphs[j][0] != '\0')
        g_string_append_printf (out, "%s\n\n", paragraphs[j]);
    }
  g_string_append_printf (out, "Editor’s note: reference code qx%x was assigned to this copy.\n", i);
  return g_string_free (out, FALSE);
}

static GPtrArray *
write_corpus (GPtrArray *texts)
{
  GPtrArray *files = g_ptr_array_new_with_free_func (g_object_unref);
  gint64 start = g_get_monotonic_time ();
  guint written = 0;

  g_mkdir_with_parents (corpus_dir, 0755);
  for (int i = 0; i < n_articles; i++)
    {
      g_autofree char *name = g_strdup_printf ("%06d.txt", i);
      g_autofree char *path = g_build_filename (corpus_dir, name, NULL);

      if (!g_file_test (path, G_FILE_TEST_EXISTS))
        {
          g_autofree char *variant = make_variant (g_ptr_array_index (texts, i % texts->len), i,
                                                   texts->len);

          g_file_set_contents (path, variant, -1, NULL);
          written++;
        }
      g_ptr_array_add (files, g_file_new_for_path (path));
    }
  if (written > 0)
    printf ("corpus: wrote %u files in %.1f s\n", written,
            (g_get_monotonic_time () - start) / 1e6);
  return files;
}

/* --profile: time per SQL statement of the writer (sqlite3_trace_v2). */
static GHashTable *profile_ns;   /* SQL -> gint64[2] (ns, count) */

static int
on_profile (unsigned  type,
            void     *data,
            void     *p,
            void     *x)
{
  const char *sql = sqlite3_sql (p);
  gint64 *slot = g_hash_table_lookup (profile_ns, sql);

  if (slot == NULL)
    g_hash_table_insert (profile_ns, g_strdup (sql), (slot = g_new0 (gint64, 2)));
  slot[0] += *(sqlite3_int64 *)x;
  slot[1]++;
  return 0;
}

static gint
compare_profile (gconstpointer a,
                 gconstpointer b)
{
  const gint64 *x = g_hash_table_lookup (profile_ns, *(const char **)a);
  const gint64 *y = g_hash_table_lookup (profile_ns, *(const char **)b);

  return (y[0] > x[0]) - (y[0] < x[0]);
}

static void
print_profile (void)
{
  g_autoptr(GPtrArray) keys = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, profile_ns);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_ptr_array_add (keys, key);
  g_ptr_array_sort (keys, compare_profile);
  for (guint i = 0; i < MIN (keys->len, 15); i++)
    {
      const gint64 *slot = g_hash_table_lookup (profile_ns, g_ptr_array_index (keys, i));

      printf ("  %8.2f s %9" G_GINT64_FORMAT "x  %.110s\n", slot[0] / 1e9, slot[1],
              (const char *)g_ptr_array_index (keys, i));
    }
}

typedef struct
{
  GPtrArray *files;
  ArxAddItem *items;
  gint next;
} Prepared;

static gpointer
prepare_worker (gpointer data)
{
  Prepared *p = data;
  ArxImportLimits limits;
  int i;

  arx_import_limits_init (&limits);
  while ((i = g_atomic_int_add (&p->next, 1)) < (int)p->files->len)
    {
      g_autoptr(GPtrArray) articles = arx_import_file (g_ptr_array_index (p->files, i), &limits,
                                                       NULL, NULL);

      if (articles == NULL || articles->len == 0)
        continue;
      p->items[i].article = g_object_ref (g_ptr_array_index (articles, 0));
      /* The job's readers hash each article when they look for a duplicate. */
      arx_article_get_content_hash (p->items[i].article);
      p->items[i].analysis = arx_analyzer_analyze (arx_analyzer_get_default (), p->items[i].article);
    }
  return NULL;
}

/* The writer's share: everything read and analysed up front, then full batches written the
 * way ArxImportJob writes them when readers keep up. */
static void
run_store_only (ArxLibrary *library,
                GPtrArray  *files)
{
  Prepared p = { files, g_new0 (ArxAddItem, files->len), 0 };
  GThread *threads[2];
  gint64 start = g_get_monotonic_time ();
  guint n = 0;
  double seconds, cpu;
  struct rusage before, after;

  for (guint t = 0; t < 2; t++)
    threads[t] = g_thread_new ("prepare", prepare_worker, &p);
  for (guint t = 0; t < 2; t++)
    g_thread_join (threads[t]);
  seconds = (g_get_monotonic_time () - start) / 1e6;
  printf ("read+analysis alone (2 threads): %u articles in %.2f s = %.0f articles/s\n",
          files->len, seconds, files->len / seconds);

  if (profile)
    {
      profile_ns = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      sqlite3_trace_v2 (library->db, SQLITE_TRACE_PROFILE, on_profile, NULL);
    }
  getrusage (RUSAGE_THREAD, &before);
  CALLGRIND_START_INSTRUMENTATION;
  start = g_get_monotonic_time ();
  /* as the import job writes */
  if (!inline_checkpoints)
    arx_library_set_bulk_writes (library, TRUE);
  for (guint i = 0; i < files->len; i += batch_size)
    {
      g_autoptr(GError) error = NULL;
      guint len = MIN ((guint)batch_size, files->len - i);

      if (!arx_library_add_many (library, p.items + i, len, &error))
        g_error ("%s", error->message);
      n += len;
    }
  if (!inline_checkpoints)
    arx_library_set_bulk_writes (library, FALSE);
  seconds = (g_get_monotonic_time () - start) / 1e6;
  CALLGRIND_STOP_INSTRUMENTATION;
  getrusage (RUSAGE_THREAD, &after);
  cpu = (after.ru_utime.tv_sec - before.ru_utime.tv_sec) + (after.ru_stime.tv_sec - before.ru_stime.tv_sec) +
        ((after.ru_utime.tv_usec - before.ru_utime.tv_usec) + (after.ru_stime.tv_usec - before.ru_stime.tv_usec)) / 1e6;
  printf ("store alone (one writer, batches of %d): %u articles in %.2f s = %.0f articles/s;"
          " writer CPU %.2f s = %.2f ms/article\n", batch_size, n, seconds, n / seconds, cpu,
          1000 * cpu / n);
  if (profile)
    {
      sqlite3_trace_v2 (library->db, 0, NULL, NULL);
      print_profile ();
    }
  for (guint i = 0; i < files->len; i++)
    {
      g_clear_object (&p.items[i].article);
      g_clear_pointer (&p.items[i].analysis, arx_analysis_unref);
      g_clear_error (&p.items[i].error);
    }
  g_free (p.items);
}

/* Copy @copy of @source: the title numbered, one closing paragraph with a word of this copy
 * only (qx<hex i>, as in the corpus files). The text before it is the source's, so the
 * source's analysis holds for the copy. */
static ArxArticle *
make_copy (ArxArticle *source,
           guint       copy,
           guint       i)
{
  ArxArticle *article = arx_article_new ();
  guint n_paragraphs;
  const ArxSpan *paragraphs = arx_article_get_paragraphs (source, &n_paragraphs);
  g_autoptr(GArray) spans = g_array_new (FALSE, FALSE, sizeof (ArxSpan));
  g_autofree char *title = g_strdup_printf ("%s (%u)", arx_article_get_title (source), copy);
  g_autofree char *uri = g_strdup_printf ("file:///bench/copy-%06u.txt", i);
  g_autoptr(GString) text = g_string_new (arx_article_get_text (source));
  ArxSpan note;

  g_array_append_vals (spans, paragraphs, n_paragraphs);
  g_string_append (text, "\n\n");
  note.start = text->len;
  g_string_append_printf (text, "Editor’s note: reference code qx%x was assigned to this copy.", i);
  note.end = text->len;
  g_array_append_val (spans, note);
  arx_article_set_text (article, text->str, (const ArxSpan *)spans->data, spans->len);
  arx_article_set_title (article, title);
  arx_article_set_published (article, arx_article_get_published (source));
  arx_article_set_source_uri (article, uri);
  arx_article_set_format (article, arx_article_get_format (source));
  return article;
}

/* --statements: every source read and analysed once, then copies written in the import
 * job's batches until the library holds @n_statements statements. Returns the articles. */
static guint
build_from_copies (ArxLibrary *library,
                   GPtrArray  *texts)
{
  g_autoptr(GPtrArray) articles = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) analyses = g_ptr_array_new_with_free_func ((GDestroyNotify)arx_analysis_unref);
  g_autofree ArxAddItem *items = g_new0 (ArxAddItem, batch_size);
  ArxImportLimits limits;
  guint written = 0, statements = 0;
  gint64 start = g_get_monotonic_time ();
  struct rusage before, after;

  arx_import_limits_init (&limits);
  for (guint i = 0; i < texts->len; i++)
    {
      const char *text = g_ptr_array_index (texts, i);
      g_autoptr(GBytes) bytes = g_bytes_new_static (text, strlen (text));
      g_autofree char *uri = g_strdup_printf ("file:///bench/source-%04u.txt", i);
      g_autoptr(GPtrArray) read = arx_import_bytes (bytes, uri, &limits, NULL);

      if (read == NULL || read->len == 0)
        continue;
      g_ptr_array_add (articles, g_object_ref (g_ptr_array_index (read, 0)));
      g_ptr_array_add (analyses, arx_analyzer_analyze (arx_analyzer_get_default (),
                                                       g_ptr_array_index (read, 0)));
    }
  printf ("sources analysed once: %u articles in %.1f s\n", articles->len,
          (g_get_monotonic_time () - start) / 1e6);

  getrusage (RUSAGE_SELF, &before);
  start = g_get_monotonic_time ();
  while (statements < (guint)n_statements)
    {
      g_autoptr(GError) error = NULL;
      guint n = 0;

      for (; n < (guint)batch_size && statements < (guint)n_statements; n++, written++)
        {
          ArxAnalysis *analysis = g_ptr_array_index (analyses, written % analyses->len);

          items[n] = (ArxAddItem) { 0 };
          items[n].article = make_copy (g_ptr_array_index (articles, written % articles->len),
                                        written / articles->len, written);
          items[n].analysis = arx_analysis_ref (analysis);
          statements += analysis->statements->len;
        }
      if (!arx_library_add_many (library, items, n, &error))
        g_error ("%s", error->message);
      for (guint k = 0; k < n; k++)
        {
          g_clear_object (&items[k].article);
          g_clear_pointer (&items[k].analysis, arx_analysis_unref);
          g_clear_error (&items[k].error);
        }
      if (written % 8192 < (guint)batch_size)
        {
          printf ("  %u articles, %u statements, %.0f s\r", written, statements,
                  (g_get_monotonic_time () - start) / 1e6);
          fflush (stdout);
        }
    }
  getrusage (RUSAGE_SELF, &after);
  printf ("library of copies: %u articles, %u statements in %.1f s (%.1f s CPU)\n", written,
          statements, (g_get_monotonic_time () - start) / 1e6,
          (after.ru_utime.tv_sec - before.ru_utime.tv_sec) +
          (after.ru_stime.tv_sec - before.ru_stime.tv_sec) +
          ((after.ru_utime.tv_usec - before.ru_utime.tv_usec) +
           (after.ru_stime.tv_usec - before.ru_stime.tv_usec)) / 1e6);
  return written;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *)a, y = *(const double *)b;

  return x < y ? -1 : x > y;
}

typedef GPtrArray *(*QueryFunc) (ArxLibrary *library, const char *arg, GError **error);

static GPtrArray *
run_search (ArxLibrary *library, const char *arg, GError **error)
{
  return arx_library_search (library, arg, 20, error);
}

static GPtrArray *
run_statements_query (ArxLibrary *library, const char *arg, GError **error)
{
  ArxStatementQuery query = { NULL, 0, -1, arg };

  return arx_library_query_statements (library, &query, error);
}

static GPtrArray *
run_speaker (ArxLibrary *library, const char *arg, GError **error)
{
  ArxStatementQuery query = { arg, 0, -1, NULL };

  return arx_library_query_statements (library, &query, error);
}

static GPtrArray *
run_speaker_page (ArxLibrary *library, const char *arg, GError **error)
{
  ArxStatementQuery query = { arg, 0, -1, NULL, 100 };

  return arx_library_query_statements (library, &query, error);
}

static GPtrArray *
run_list (ArxLibrary *library, const char *arg, GError **error)
{
  return arx_library_list_articles (library, error);
}

static GPtrArray *
run_page (ArxLibrary *library, const char *arg, GError **error)
{
  return arx_library_list_articles_page (library, 0, 100, error);
}

static GPtrArray *
run_speakers (ArxLibrary *library, const char *arg, GError **error)
{
  return arx_library_list_speakers (library, arg, error);
}

static void
measure (ArxLibrary *library,
         const char *label,
         QueryFunc   func,
         const char *arg)
{
  g_autofree double *times = g_new (double, n_runs);
  guint n_results = 0;

  for (int r = 0; r < n_runs; r++)
    {
      g_autoptr(GError) error = NULL;
      gint64 start = g_get_monotonic_time ();
      g_autoptr(GPtrArray) rows = func (library, arg, &error);

      times[r] = (g_get_monotonic_time () - start) / 1000.0;
      if (rows == NULL)
        g_error ("%s: %s", label, error->message);
      n_results = rows->len;
    }
  qsort (times, n_runs, sizeof (double), compare_doubles);
  printf ("  %-34s %-18s %7u results  median %8.2f ms  p95 %8.2f ms\n", label,
          arg != NULL ? arg : "", n_results, times[n_runs / 2], times[(n_runs * 95) / 100]);
}

static gint64
file_size (const char *path)
{
  GStatBuf st;

  return g_stat (path, &st) == 0 ? (gint64)st.st_size : 0;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = g_option_context_new ("— store benchmark");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) texts = NULL;
  g_autoptr(GPtrArray) files = NULL;
  g_autoptr(ArxLibrary) library = NULL;
  g_autoptr(ArxImportJob) job = NULL;
  g_autofree char *wal = NULL;
  g_autofree char *rare = NULL;
  g_autofree char *rare2 = NULL;
  struct rusage usage;
  gint64 start;
  double seconds;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    g_error ("%s", error->message);
  if (source_glob_dirs == NULL)
    source_glob_dirs = g_strdup ("../shared/eval/statements/polnear-train:../shared/eval/statements/polnear-dev");
  if (corpus_dir == NULL)
    corpus_dir = g_strdup_printf ("/tmp/arx-bench-corpus-%d", n_articles);
  if (library_path == NULL && n_statements > 0)
    library_path = g_strdup_printf ("/tmp/arx-bench-%ds.db", n_statements);
  if (library_path == NULL)
    library_path = g_strdup_printf ("/tmp/arx-bench-%d.db", n_articles);

  arx_import_init ();
  texts = read_sources ();
  printf ("sources: %u texts; analyzer version %s\n", texts->len,
          arx_analyzer_get_version (arx_analyzer_get_default ()));
  wal = g_strconcat (library_path, "-wal", NULL);
  if (reuse)
    goto queries;
  if (n_statements == 0)
    files = write_corpus (texts);

  g_remove (library_path);
  g_remove (wal);
  {
    g_autofree char *shm = g_strconcat (library_path, "-shm", NULL);
    g_remove (shm);
  }

  library = arx_library_open (library_path, &error);
  if (library == NULL)
    g_error ("%s", error->message);
  if (n_statements > 0)
    {
      n_articles = build_from_copies (library, texts);
      goto reopen;
    }
  if (store_only)
    {
      run_store_only (library, files);
      goto reopen;
    }
  job = arx_import_job_new (library, (GFile **)files->pdata, files->len);
  if (n_workers > 0)
    arx_import_job_set_n_workers (job, n_workers);
  start = g_get_monotonic_time ();
  if (!arx_import_job_run_sync (job, NULL, &error))
    g_error ("%s", error->message);
  seconds = (g_get_monotonic_time () - start) / 1e6;
  printf ("import+analysis+store: %u articles in %.2f s = %.0f articles/s (%u readers + writer, %u failures, %u duplicates)\n",
          arx_import_job_get_imported_ids (job)->len, seconds,
          arx_import_job_get_imported_ids (job)->len / seconds,
          n_workers > 0 ? (guint)n_workers : g_get_num_processors (),
          arx_import_job_get_failures (job)->len, arx_import_job_get_n_duplicates (job));
  g_clear_object (&job);

reopen:
  /* Reopen: sizes after the WAL is folded in, queries on a warm page cache. */
  g_clear_object (&library);
queries:
  {
    g_autoptr(sqlite3) db = NULL;

    sqlite3_open (library_path, &db);
    sqlite3_exec (db, "PRAGMA wal_checkpoint(TRUNCATE)", NULL, NULL, NULL);
  }
  printf ("library size: %.1f MB (+ WAL %.1f MB)\n", file_size (library_path) / 1048576.0,
          file_size (wal) / 1048576.0);

  library = arx_library_open (library_path, &error);
  rare = g_strdup_printf ("qx%x", n_articles / 2);
  rare2 = g_strdup_printf ("qx%x OR qx%x", n_articles / 3, n_articles / 7);
  printf ("queries (%d runs each):\n", n_runs);
  measure (library, "search, common word (top 20)", run_search, "said");
  measure (library, "search, common phrase (top 20)", run_search, "\"white house\"");
  measure (library, "search, common AND (top 20)", run_search, "trump AND clinton");
  measure (library, "search, rare word", run_search, rare);
  measure (library, "search, rare OR", run_search, rare2);
  measure (library, "search, prefix", run_search, "immigra*");
  measure (library, "statements --query common", run_statements_query, "tax");
  measure (library, "statements --query rare", run_statements_query, "ebola");
  measure (library, "statements --speaker (library-wide)", run_speaker, "Donald Trump");
  measure (library, "statements --speaker surname", run_speaker, "Clinton");
  measure (library, "statements --speaker, first 100", run_speaker_page, "Donald Trump");
  measure (library, "speakers list (filtered)", run_speakers, "sanders");
  measure (library, "speakers list (all)", run_speakers, NULL);
  measure (library, "list all articles", run_list, NULL);
  measure (library, "list articles, newest page of 100", run_page, NULL);

  getrusage (RUSAGE_SELF, &usage);
  printf ("peak memory (max RSS): %.1f MB\n", usage.ru_maxrss / 1024.0);
  return 0;
}
