/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>

#include "arx-import.h"
#include "arx-import-job.h"
#include "arx-library.h"
#include "arx-library-private.h"

/* The job runs the real readers and analyzer; these tests only look at what the store side
 * promises: ids, order, duplicates, failures naming the file, progress, cancellation. */

typedef struct
{
  char       *dir;
  ArxLibrary *library;
  GPtrArray  *files;
  GMainLoop  *loop;
  guint       n_progress;
  guint       last_done;
  guint       n_added;
  guint       n_failed;
  gboolean    finished;
  gboolean    ok;
  GError     *error;
  GCancellable *cancel_after_first;
} Fixture;

static void
write_articles (Fixture *f,
                guint    n)
{
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *path = g_strdup_printf ("%s/article-%03u.txt", f->dir, i);
      g_autofree char *text = g_strdup_printf ("Story number %u\n\n"
                                               "“We will look at it again,” Maria Lopez said on day %u. "
                                               "The council said the budget for year %u was fine.\n",
                                               i, i, 2000 + i);

      g_assert_true (g_file_set_contents (path, text, -1, NULL));
      g_ptr_array_add (f->files, g_file_new_for_path (path));
    }
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  f->dir = g_dir_make_tmp ("arx-job-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (f->dir, "library.db", NULL);
  f->library = arx_library_open (path, &error);
  g_assert_no_error (error);
  f->files = g_ptr_array_new_with_free_func (g_object_unref);
  f->loop = g_main_loop_new (NULL, FALSE);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GDir) dir = g_dir_open (f->dir, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (f->dir, name, NULL);

      g_remove (child);
    }
  g_rmdir (f->dir);
  g_free (f->dir);
  g_clear_object (&f->library);
  g_clear_object (&f->cancel_after_first);
  g_ptr_array_unref (f->files);
  g_main_loop_unref (f->loop);
  g_clear_error (&f->error);
}

static void
on_progress (ArxImportJob *job,
             guint         done,
             guint         total,
             const char   *file,
             Fixture      *f)
{
  g_assert_false (f->finished);
  g_assert_cmpuint (total, ==, f->files->len);
  g_assert_cmpuint (done, >=, f->last_done);
  g_assert_cmpuint (done, <=, total);
  g_assert_nonnull (file);
  f->last_done = done;
  f->n_progress++;
}

static void
on_added (ArxImportJob *job,
          gint64        id,
          gboolean      duplicate,
          const char   *file,
          const char   *title,
          Fixture      *f)
{
  g_assert_false (f->finished);
  g_assert_cmpint (id, >, 0);
  f->n_added++;
  if (f->cancel_after_first != NULL)
    g_cancellable_cancel (f->cancel_after_first);
}

static void
on_failed (ArxImportJob *job,
           const char   *file,
           const GError *error,
           Fixture      *f)
{
  g_assert_nonnull (strstr (error->message, file));
  f->n_failed++;
}

static void
on_done (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  Fixture *f = user_data;

  f->ok = arx_import_job_run_finish (ARX_IMPORT_JOB (source), result, &f->error);
  f->finished = TRUE;
  g_main_loop_quit (f->loop);
}

static ArxImportJob *
make_job (Fixture *f)
{
  ArxImportJob *job = arx_import_job_new (f->library, (GFile **)f->files->pdata, f->files->len);

  g_signal_connect (job, "progress", G_CALLBACK (on_progress), f);
  g_signal_connect (job, "article-added", G_CALLBACK (on_added), f);
  g_signal_connect (job, "file-failed", G_CALLBACK (on_failed), f);
  return job;
}

static void
test_async (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(ArxImportJob) job = NULL;
  g_autoptr(ArxImportJob) again = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *missing = g_build_filename (f->dir, "missing.txt", NULL);
  GArray *ids;
  GPtrArray *failures;

  write_articles (f, 40);
  g_ptr_array_insert (f->files, 7, g_file_new_for_path (missing));

  job = make_job (f);
  arx_import_job_run_async (job, NULL, on_done, f);
  g_main_loop_run (f->loop);
  g_assert_no_error (f->error);
  g_assert_true (f->ok);

  ids = arx_import_job_get_imported_ids (job);
  failures = arx_import_job_get_failures (job);
  g_assert_cmpuint (ids->len, ==, 40);
  /* Ids follow the order of the files. */
  for (guint i = 1; i < ids->len; i++)
    g_assert_cmpint (g_array_index (ids, gint64, i), >, g_array_index (ids, gint64, i - 1));
  g_assert_cmpuint (failures->len, ==, 1);
  g_assert_nonnull (strstr (((GError *)g_ptr_array_index (failures, 0))->message, "missing.txt"));
  g_assert_cmpuint (f->n_failed, ==, 1);
  g_assert_cmpuint (f->n_added, ==, 40);
  g_assert_cmpuint (f->last_done, ==, 41);
  g_assert_cmpuint (arx_import_job_get_n_duplicates (job), ==, 0);

  rows = arx_library_list_articles (f->library, NULL);
  g_assert_cmpuint (rows->len, ==, 40);

  /* The same files again: all duplicates, nothing new. */
  f->finished = FALSE;
  f->last_done = 0;
  again = make_job (f);
  g_assert_true (arx_import_job_run_sync (again, NULL, &f->error));
  g_assert_no_error (f->error);
  g_assert_cmpuint (arx_import_job_get_imported_ids (again)->len, ==, 0);
  g_assert_cmpuint (arx_import_job_get_n_duplicates (again), ==, 40);
}

static void
test_cancel (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(ArxImportJob) job = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  GArray *ids;

  write_articles (f, 300);
  f->cancel_after_first = g_cancellable_new ();
  job = make_job (f);
  /* Synchronously, signals come on this thread right after each commit, so the cancellation
   * lands at a known point: after the first batch. */
  f->ok = arx_import_job_run_sync (job, f->cancel_after_first, &f->error);
  g_assert_false (f->ok);
  g_assert_error (f->error, G_IO_ERROR, G_IO_ERROR_CANCELLED);

  /* What was committed stays, and is exactly what the job reports. */
  ids = arx_import_job_get_imported_ids (job);
  rows = arx_library_list_articles (f->library, NULL);
  g_assert_cmpuint (rows->len, ==, ids->len);
  g_assert_cmpuint (rows->len, <, 300);
  g_assert_cmpuint (rows->len, >=, 1);
}

static void
test_empty (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(ArxImportJob) job = arx_import_job_new (f->library, NULL, 0);
  g_autoptr(GError) error = NULL;

  g_assert_true (arx_import_job_run_sync (job, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (arx_import_job_get_imported_ids (job)->len, ==, 0);
  /* A job runs once. */
  g_assert_false (arx_import_job_run_sync (job, NULL, &error));
  g_assert_error (error, ARX_ERROR, ARX_ERROR_FAILED);
}

/* Articles of about 12 KB, each with words of its own (so the full-text index grows too). */
static void
write_long_articles (Fixture *f,
                     guint    first,
                     guint    n)
{
  for (guint i = first; i < first + n; i++)
    {
      g_autofree char *path = g_strdup_printf ("%s/long-%04u.txt", f->dir, i);
      g_autoptr(GString) text = g_string_new (NULL);

      g_string_append_printf (text, "Harbour report %u\n\n", i);
      for (guint p = 0; p < 60; p++)
        g_string_append_printf (text, "The harbour board met on pier %u for item w%ux%u. "
                                "\u201cThe cranes on berth %u stay,\u201d Tomas Varga said. "
                                "Ferries left at %u:%02u.\n\n",
                                i, i, p, p, p % 24, (i + p) % 60);
      g_assert_true (g_file_set_contents (path, text->str, text->len, NULL));
      g_ptr_array_add (f->files, g_file_new_for_path (path));
    }
}

static goffset
file_size (const char *path)
{
  GStatBuf st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  return st.st_size;
}

static void
add_files (Fixture *f)
{
  g_autoptr(GPtrArray) articles = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree ArxAddItem *items = g_new0 (ArxAddItem, f->files->len);
  ArxImportLimits limits;

  arx_import_limits_init (&limits);
  for (guint i = 0; i < f->files->len; i++)
    {
      g_autoptr(GPtrArray) read = arx_import_file (g_ptr_array_index (f->files, i), &limits, NULL,
                                                   &f->error);

      g_assert_no_error (f->error);
      items[i].article = g_object_ref (g_ptr_array_index (read, 0));
      g_ptr_array_add (articles, items[i].article);
    }
  for (guint i = 0; i < f->files->len; i += 50)
    {
      g_assert_true (arx_library_add_many (f->library, items + i, MIN (50, f->files->len - i), &f->error));
      g_assert_no_error (f->error);
    }
}

/* The import checkpoints on a thread of its own (arx_library_set_bulk_writes): the pages
 * reach the database file while the writes go on, and afterwards the library checkpoints on
 * its own commits as before. */
static void
test_bulk_checkpoints (Fixture       *f,
                       gconstpointer  data)
{
  const char *path = arx_library_get_path (f->library);
  g_autoptr(ArxImportJob) job = NULL;
  g_autoptr(ArxLibrary) other = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  goffset after_job, after_bulk;
  gint64 deadline;

  write_long_articles (f, 0, 400);
  job = make_job (f);
  g_assert_true (arx_import_job_run_sync (job, NULL, &f->error));
  g_assert_no_error (f->error);
  g_assert_cmpuint (arx_import_job_get_imported_ids (job)->len, ==, 400);
  /* nothing checkpointed would leave a file of the empty schema and everything in the WAL */
  after_job = file_size (path);
  g_assert_cmpint (after_job, >, 400 * 12000);
  other = arx_library_open (path, &f->error);
  g_assert_no_error (f->error);
  rows = arx_library_list_articles (other, &f->error);
  g_assert_no_error (f->error);
  g_assert_cmpuint (rows->len, ==, 400);

  /* while on (nested: on while any caller wants it), the background thread copies the pages:
   * the commits themselves no longer do, and the WAL stays below the writer's own limit
   * (thresholds of a few MB, not the import's 32 and 64 MB) */
  _arx_library_set_bulk_checkpoint_frames (1000, 1000000);
  arx_library_set_bulk_writes (f->library, TRUE);
  arx_library_set_bulk_writes (f->library, TRUE);
  arx_library_set_bulk_writes (f->library, FALSE);
  g_ptr_array_set_size (f->files, 0);
  write_long_articles (f, 400, 400);
  add_files (f);
  /* no time asserted: a loaded machine may take long to schedule the thread */
  deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;
  while ((after_bulk = file_size (path)) <= after_job + 300 * 12000 &&
         g_get_monotonic_time () < deadline)
    g_usleep (20000);
  g_assert_cmpint (after_bulk, >, after_job + 300 * 12000);
  arx_library_set_bulk_writes (f->library, FALSE);
  _arx_library_set_bulk_checkpoint_frames (0, 0);

  /* off again: ordinary commits checkpoint by themselves */
  g_ptr_array_set_size (f->files, 0);
  write_long_articles (f, 800, 400);
  add_files (f);
  g_assert_cmpint (file_size (path), >, after_bulk + 300 * 12000);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  arx_import_init ();

  g_test_add ("/arx/import-job/async", Fixture, NULL, fixture_set_up, test_async, fixture_tear_down);
  g_test_add ("/arx/import-job/cancel", Fixture, NULL, fixture_set_up, test_cancel, fixture_tear_down);
  g_test_add ("/arx/import-job/bulk-checkpoints", Fixture, NULL, fixture_set_up, test_bulk_checkpoints,
              fixture_tear_down);
  g_test_add ("/arx/import-job/empty", Fixture, NULL, fixture_set_up, test_empty, fixture_tear_down);

  return g_test_run ();
}
