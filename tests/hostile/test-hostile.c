/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "arx-analyzer.h"
#include "arx-autocleanups.h"
#include "arx-import.h"
#include "arx-import-job.h"
#include "arx-jsonl.h"
#include "arx-library.h"
#include "hostile-inputs.h"

/* Files built to hurt (tests/hostile/hostile-inputs.c), each saved and read the way a drop
 * reads it: every one gives articles whose analysis stays inside the text, or an error that
 * names the file and the reason; all of them imported together leave a consistent library
 * with the good articles in. How long each takes is measured by bench/hostile, not here. */

typedef struct
{
  char *dir;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("arx-hostile-XXXXXX", &error);
  g_assert_no_error (error);
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

      g_unlink (child);
    }
  g_rmdir (f->dir);
  g_free (f->dir);
}

static char *
save_input (Fixture               *f,
            const ArxHostileInput *input)
{
  g_autoptr(GBytes) bytes = input->make ();
  char *path = g_build_filename (f->dir, input->file_name, NULL);
  g_autoptr(GError) error = NULL;
  gsize len;
  const char *data = g_bytes_get_data (bytes, &len);

  g_file_set_contents (path, data, len, &error);
  g_assert_no_error (error);
  return path;
}

/* "PATH: reason", the path once, a reason after it */
static void
assert_names_file (const char *message,
                   const char *path)
{
  gsize n = strlen (path);

  g_assert_true (strncmp (message, path, n) == 0);
  g_assert_true (strncmp (message + n, ": ", 2) == 0);
  g_assert_cmpuint (strlen (message + n + 2), >, 0);
  g_assert_null (strstr (message + n, path));
}

static void
check_analysis (ArxArticle *article)
{
  g_autoptr(ArxAnalysis) analysis = arx_analyzer_analyze (arx_analyzer_get_default (), article);
  gsize len = arx_article_get_text_length (article);

  g_assert_true (g_utf8_validate (arx_article_get_text (article), len, NULL));
  for (guint i = 0; i < analysis->statements->len; i++)
    {
      const ArxStatement *st = g_ptr_array_index (analysis->statements, i);

      g_assert_cmpuint (st->start, <, st->end);
      g_assert_cmpuint (st->end, <=, len);
    }
  for (guint i = 0; i < analysis->entities->len; i++)
    {
      const ArxEntity *entity = g_ptr_array_index (analysis->entities, i);

      for (guint j = 0; j < entity->mentions->len; j++)
        g_assert_cmpuint (g_array_index (entity->mentions, ArxSpan, j).end, <=, len);
    }
}

static void
test_input (Fixture       *f,
            gconstpointer  data)
{
  const ArxHostileInput *input = data;
  g_autofree char *path = save_input (f, input);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) articles = arx_import_file (file, NULL, NULL, &error);
  ArxImportLimits limits;

  arx_import_limits_init (&limits);
  if (input->refusal != NULL)
    {
      g_assert_null (articles);
      g_assert_nonnull (strstr (error->message, input->refusal));
    }
  if (articles == NULL)
    {
      g_test_message ("%s: %s", input->name, error->message);
      assert_names_file (error->message, path);
      return;
    }
  g_assert_no_error (error);
  g_assert_cmpuint (articles->len, >, 0);
  g_assert_cmpuint (articles->len, <=, limits.max_items);
  for (guint i = 0; i < articles->len; i++)
    check_analysis (g_ptr_array_index (articles, i));
}

/* The JSON Lines readers of `arx analyze --jsonl` and `arx import --analyses` take lines, not
 * files: a line nested 100,000 deep overflowed json-glib's recursive parser (SIGSEGV). */
static void
test_nested_json_line (void)
{
  g_autoptr(GBytes) line = arx_hostile_nested_json_line ();
  g_autoptr(GError) error = NULL;
  g_autoptr(ArxArticle) article = NULL;
  g_autoptr(ArxAnalysis) analysis = NULL;
  g_autofree char *id = NULL;
  ArxImportLimits limits;
  gsize len;
  const char *data = g_bytes_get_data (line, &len);

  arx_import_limits_init (&limits);
  article = arx_jsonl_read_request (data, len, &limits, &id, &error);
  g_assert_null (article);
  g_assert_error (error, ARX_ERROR, ARX_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "nested"));
  /* the id still answers the line */
  g_assert_cmpstr (id, ==, "7");
  g_clear_error (&error);

  g_assert_false (arx_jsonl_read_analysis (data, len, &article, &analysis, NULL, &error));
  g_assert_nonnull (strstr (error->message, "nested"));
}

static void
check_integrity (const char *path)
{
  g_autoptr(sqlite3) db = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA integrity_check", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *)sqlite3_column_text (stmt, 0), ==, "ok");
}

static gboolean
has_title (GPtrArray  *rows,
           const char *title)
{
  for (guint i = 0; i < rows->len; i++)
    if (g_strcmp0 (((ArxArticleRow *)g_ptr_array_index (rows, i))->title, title) == 0)
      return TRUE;
  return FALSE;
}

/* Everything in one drop, between two good articles. */
static void
test_library_import_all (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *library_path = g_build_filename (f->dir, "library.db", NULL);
  g_autofree char *first = g_build_filename (f->dir, "first.txt", NULL);
  g_autofree char *last = g_build_filename (f->dir, "last.txt", NULL);
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(ArxLibrary) library = NULL;
  g_autoptr(ArxImportJob) job = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  const ArxHostileInput *inputs;
  GPtrArray *failures;
  guint n_inputs;

  g_file_set_contents (first, "Bridge Opens Before Dawn\n\nThe first cars crossed the harbour bridge "
                       "before six, the port authority said.\n", -1, &error);
  g_assert_no_error (error);
  g_file_set_contents (last, "Ferry Timetable Published\n\n\xe2\x80\x9cThe boat leaves at seven,\xe2\x80\x9d "
                       "said Marta Quill, who runs the island shop.\n", -1, &error);
  g_assert_no_error (error);
  g_ptr_array_add (files, g_file_new_for_path (first));
  inputs = arx_hostile_inputs (&n_inputs);
  for (guint i = 0; i < n_inputs; i++)
    {
      g_autofree char *path = save_input (f, &inputs[i]);

      g_ptr_array_add (files, g_file_new_for_path (path));
    }
  g_ptr_array_add (files, g_file_new_for_path (last));

  library = arx_library_open (library_path, &error);
  g_assert_no_error (error);
  job = arx_import_job_new (library, (GFile **)files->pdata, files->len);
  g_assert_true (arx_import_job_run_sync (job, NULL, &error));
  g_assert_no_error (error);

  failures = arx_import_job_get_failures (job);
  for (guint i = 0; i < failures->len; i++)
    {
      const GError *failure = g_ptr_array_index (failures, i);

      g_test_message ("failed: %s", failure->message);
      g_assert_true (g_str_has_prefix (failure->message, f->dir));
    }
  rows = arx_library_list_articles (library, &error);
  g_assert_no_error (error);
  g_assert_true (has_title (rows, "Bridge Opens Before Dawn"));
  g_assert_true (has_title (rows, "Ferry Timetable Published"));
  g_assert_cmpuint (rows->len, ==, arx_import_job_get_imported_ids (job)->len);
  g_clear_object (&job);
  g_clear_object (&library);
  check_integrity (library_path);
}

int
main (int    argc,
      char **argv)
{
  const ArxHostileInput *inputs;
  guint n_inputs;

  g_test_init (&argc, &argv, NULL);
  arx_import_init ();
  inputs = arx_hostile_inputs (&n_inputs);
  for (guint i = 0; i < n_inputs; i++)
    {
      g_autofree char *path = g_strconcat ("/arx/hostile/", inputs[i].name, NULL);

      g_test_add (path, Fixture, &inputs[i], fixture_set_up, test_input, fixture_tear_down);
    }
  g_test_add_func ("/arx/hostile/nested-json-line", test_nested_json_line);
  g_test_add ("/arx/hostile/library-import-all", Fixture, NULL, fixture_set_up,
              test_library_import_all, fixture_tear_down);
  return g_test_run ();
}
