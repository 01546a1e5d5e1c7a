/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>
#include <glib/gstdio.h>

#include "arx-autocleanups.h"
#include "arx-library.h"
#include "cli-fixtures.h"

/* The `arx` library commands as a user (or the GUI next to them) sees them: ids, duplicates,
 * listings, refusing foreign files, and never losing committed articles when killed. */

static void
test_import_list (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *seed = fixture_path ("seed-article.txt");
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *missing = g_build_filename (f->dir, "missing.txt", NULL);
  g_auto(GStrv) lines = NULL;

  g_assert_cmpint (run_arx (f, &out, NULL, "import", seed, NULL), ==, 0);
  g_assert_true (g_str_has_prefix (out, "imported 1 "));
  g_clear_pointer (&out, g_free);

  g_assert_cmpint (run_arx (f, &out, NULL, "--json", "import", seed, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "\"id\":1,"));
  g_assert_nonnull (strstr (out, "\"duplicate\":true"));
  g_clear_pointer (&out, g_free);

  /* A bad file is reported with its name and skipped; the good one still goes in. */
  g_assert_cmpint (run_arx (f, &out, &err, "import", missing, seed, NULL), ==, 1);
  g_assert_nonnull (strstr (err, "missing.txt"));
  g_assert_true (g_str_has_prefix (out, "duplicate 1 "));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run_arx (f, &out, NULL, "--json", "list", NULL), ==, 0);
  lines = g_strsplit (g_strstrip (out), "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 1);
  g_assert_true (g_str_has_prefix (lines[0], "{\"id\":1,"));
  g_clear_pointer (&out, g_free);

  g_assert_cmpint (run_arx (f, NULL, NULL, "statements", NULL), ==, 0);
  g_assert_cmpint (run_arx (f, NULL, NULL, "statements", "--speaker", "Bossert", "--kind", "direct", NULL), ==, 0);
  g_assert_cmpint (run_arx (f, NULL, NULL, "statements", "--kind", "nonsense", NULL), ==, 2);
  g_assert_cmpint (run_arx (f, &out, NULL, "search", "Bossert", NULL), ==, 0);
  g_assert_true (g_str_has_prefix (g_strchug (out), "1 "));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_arx (f, NULL, &err, "search", "\"broken", NULL), ==, 2);
  g_assert_nonnull (strstr (err, "invalid search"));
  g_assert_cmpint (run_arx (f, NULL, NULL, "statements", "--query", "AND", NULL), ==, 2);
  g_assert_cmpint (run_arx (f, NULL, NULL, "search", "--plain", "\"broken", "AND", NULL), ==, 0);
  g_assert_cmpint (run_arx (f, NULL, NULL, "speakers", NULL), ==, 0);
  g_assert_cmpint (run_arx (f, NULL, NULL, "tag", "1", "cyber", "seed", NULL), ==, 0);
  g_assert_cmpint (run_arx (f, NULL, NULL, "tag", "7", "cyber", NULL), ==, 1);
  g_assert_cmpint (run_arx (f, &out, NULL, "tags", NULL), ==, 0);
  g_assert_cmpstr (out, ==, "cyber\nseed\n");
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (run_arx (f, &out, NULL, "--json", "list", "--tag", "seed", NULL), ==, 0);
  g_assert_true (g_str_has_prefix (out, "{\"id\":1,"));
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (run_arx (f, &out, NULL, "list", "--tag", "nothing", NULL), ==, 0);
  g_assert_cmpstr (out, ==, "");
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (run_arx (f, NULL, NULL, "export", "--article", "1", NULL), ==, 0);
  g_assert_cmpint (run_arx (f, NULL, NULL, "export", "--article", "9", NULL), ==, 1);
}

static guint
count_occurrences (const char *haystack,
                   const char *needle)
{
  guint n = 0;

  for (const char *p = strstr (haystack, needle); p != NULL; p = strstr (p + 1, needle))
    n++;
  return n;
}

/* As a new user meets them: each failed file is named once with its reason, and a text
 * file's headline is the title `arx list` shows. */
static void
test_import_errors_and_titles (Fixture       *f,
                               gconstpointer  data)
{
  g_autofree char *missing = g_build_filename (f->dir, "missing.txt", NULL);
  g_autofree char *empty = g_build_filename (f->dir, "empty.txt", NULL);
  g_autofree char *story = g_build_filename (f->dir, "story.txt", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *missing_line = g_strdup_printf ("arx: %s: no such file\n", missing);
  g_autofree char *empty_line = g_strdup_printf ("arx: %s: the file is empty\n", empty);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (empty, "", 0, &error);
  g_assert_no_error (error);
  g_file_set_contents (story, "Harbour Ferry Returns After Two Winters.\n\n"
                       "The ferry to Skerry Island runs again from Monday, the council said.\n",
                       -1, &error);
  g_assert_no_error (error);

  g_assert_cmpint (run_arx (f, &out, &err, "import", missing, empty, story, NULL), ==, 1);
  g_assert_cmpuint (count_occurrences (err, missing), ==, 1);
  g_assert_cmpuint (count_occurrences (err, empty), ==, 1);
  g_assert_nonnull (strstr (err, missing_line));
  g_assert_nonnull (strstr (err, empty_line));
  g_assert_nonnull (strstr (out, "imported 1 "));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run_arx (f, &out, &err, "analyze", missing, NULL), ==, 1);
  g_assert_cmpstr (err, ==, missing_line);
  g_clear_pointer (&out, g_free);

  g_assert_cmpint (run_arx (f, &out, NULL, "list", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "Harbour Ferry Returns After Two Winters."));
}

static void
test_correct (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *seed = fixture_path ("seed-article.txt");
  g_autofree char *out = NULL;

  g_assert_cmpint (run_arx (f, NULL, NULL, "import", seed, NULL), ==, 0);
  g_assert_cmpint (run_arx (f, &out, NULL, "--json", "correct", "add", "1", "0", "12",
                            "--kind", "indirect", "--speaker", "Ada Lovelace", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "\"correction\":1"));
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (run_arx (f, &out, NULL, "--json", "statements", "--speaker", "Lovelace", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "\"speaker\":\"Ada Lovelace\""));
  g_assert_nonnull (strstr (out, "\"kind\":\"indirect\""));
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (run_arx (f, NULL, NULL, "reanalyze", "--all", NULL), ==, 0);
  g_assert_cmpint (run_arx (f, &out, NULL, "statements", "--speaker", "Ada Lovelace", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "Ada Lovelace"));
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (run_arx (f, &out, NULL, "correct", "undo", NULL), ==, 0);
  g_assert_cmpstr (out, ==, "undone: statement 0–12 added, said by Ada Lovelace\n");
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (run_arx (f, &out, NULL, "statements", "--speaker", "Ada Lovelace", NULL), ==, 0);
  g_assert_null (strstr (out, "Ada Lovelace"));
  g_assert_cmpint (run_arx (f, NULL, NULL, "correct", "undo", NULL), ==, 1);
  g_assert_cmpint (run_arx (f, NULL, NULL, "correct", "speaker", "1", "x", "3", "A", NULL), ==, 2);
  g_assert_cmpint (run_arx (f, NULL, NULL, "correct", "frobnicate", NULL), ==, 2);
  g_assert_cmpint (run_arx (f, NULL, NULL, "correct", "merge", "1", "1", NULL), ==, 1);
}

static void
assert_refused (Fixture    *f,
                const char *contents,
                gsize       length,
                const char *message)
{
  g_autofree char *err = NULL;
  g_autofree char *after = NULL;
  gsize after_len;

  g_assert_true (g_file_set_contents (f->library, contents, length, NULL));
  g_assert_cmpint (run_arx (f, NULL, &err, "list", NULL), ==, 1);
  g_assert_nonnull (strstr (err, message));
  g_assert_true (g_file_get_contents (f->library, &after, &after_len, NULL));
  g_assert_cmpuint (after_len, ==, length);
  g_assert_true (memcmp (after, contents, length) == 0);
}

static void
test_not_a_library (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *seed = fixture_path ("seed-article.txt");
  g_autofree char *text = NULL;
  g_autofree char *db = NULL;
  g_autoptr(sqlite3) handle = NULL;
  gsize len;

  g_assert_true (g_file_get_contents (seed, &text, &len, NULL));
  assert_refused (f, text, len, "not an Article Explorer library");

  /* A library from a future version: make one, then bump its version. */
  g_remove (f->library);
  g_assert_cmpint (run_arx (f, NULL, NULL, "import", seed, NULL), ==, 0);
  g_assert_cmpint (sqlite3_open (f->library, &handle), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (handle, "PRAGMA journal_mode=DELETE; PRAGMA user_version = 999",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  g_clear_pointer (&handle, sqlite3_close);
  g_assert_true (g_file_get_contents (f->library, &db, &len, NULL));
  assert_refused (f, db, len, "newer Article Explorer");
  /* The same file cut in half: damaged. */
  assert_refused (f, db, len / 2 + 1000, "library");
}

/* ---- never lose data ---- */

#define N_FILES 200

static GPtrArray *
write_corpus (Fixture *f)
{
  g_autofree char *seed = fixture_path ("seed-article.txt");
  g_autofree char *text = NULL;
  GPtrArray *paths = g_ptr_array_new_with_free_func (g_free);

  g_assert_true (g_file_get_contents (seed, &text, NULL, NULL));
  for (guint i = 0; i < N_FILES; i++)
    {
      char *path = g_strdup_printf ("%s/story-%03u.txt", f->dir, i);
      /* The marker is in the body: readers may take the first line as the title. */
      g_autofree char *body = g_strdup_printf ("Story %u\n\n%s\n\nThis is copy Marker%03u.\n",
                                               i, text, i);

      g_assert_true (g_file_set_contents (path, body, -1, NULL));
      g_ptr_array_add (paths, path);
    }
  return paths;
}

static GSubprocess *
spawn_import (Fixture   *f,
              GPtrArray *paths)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  GSubprocess *proc;

  g_ptr_array_add (argv, (char *)arx_bin ());
  g_ptr_array_add (argv, "--library");
  g_ptr_array_add (argv, f->library);
  g_ptr_array_add (argv, "--json");
  g_ptr_array_add (argv, "import");
  for (guint i = 0; i < paths->len; i++)
    g_ptr_array_add (argv, g_ptr_array_index (paths, i));
  g_ptr_array_add (argv, NULL);
  proc = g_subprocess_newv ((const char * const *)argv->pdata,
                            G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_SILENCE,
                            &error);
  g_assert_no_error (error);
  return proc;
}

static gint64
json_int (const char *line,
          const char *key)
{
  g_autofree char *needle = g_strdup_printf ("\"%s\":", key);
  const char *p = strstr (line, needle);

  g_assert_nonnull (p);
  return g_ascii_strtoll (p + strlen (needle), NULL, 10);
}

static char *
json_file_marker (const char *line)
{
  const char *p = strstr (line, "story-");

  g_assert_nonnull (p);
  return g_strdup_printf ("Marker%.3s", p + strlen ("story-"));
}

static void
check_integrity (Fixture *f)
{
  g_autoptr(sqlite3) db = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_assert_cmpint (sqlite3_open_v2 (f->library, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA integrity_check", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *)sqlite3_column_text (stmt, 0), ==, "ok");
  g_clear_pointer (&stmt, sqlite3_finalize);
  /* Every article and statement is in the full-text indexes, none twice. */
  g_assert_cmpint (sqlite3_prepare_v2 (db,
                                       "SELECT (SELECT count(*) FROM statements) = (SELECT count(*) FROM statements_fts_docsize)"
                                       " AND (SELECT count(*) FROM articles) = (SELECT count(*) FROM articles_fts_docsize)",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 1);
}

static void
test_kill (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GPtrArray) paths = write_corpus (f);
  g_autoptr(GHashTable) reported = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  g_autoptr(ArxLibrary) library = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  GHashTableIter iter;
  gpointer key, value;

  for (guint round = 0; round < 6; round++)
    {
      g_autoptr(GSubprocess) proc = NULL;
      g_autoptr(GDataInputStream) lines = NULL;
      guint wait_lines;
      char *line;

      /* A different order each time, so kills land among new articles, not duplicates. */
      for (guint i = paths->len - 1; i > 0; i--)
        {
          guint j = g_test_rand_int_range (0, i + 1);
          gpointer tmp = paths->pdata[i];

          paths->pdata[i] = paths->pdata[j];
          paths->pdata[j] = tmp;
        }
      proc = spawn_import (f, paths);
      lines = g_data_input_stream_new (g_subprocess_get_stdout_pipe (proc));
      /* Kill after a random number of committed articles (0: during start-up or migration),
       * plus a random few milliseconds. */
      wait_lines = g_test_rand_int_range (0, 30);

      for (guint i = 0; i < wait_lines &&
           (line = g_data_input_stream_read_line (lines, NULL, NULL, NULL)) != NULL; i++)
        {
          gint64 id = json_int (line, "id");

          g_hash_table_replace (reported, g_memdup2 (&id, sizeof id), json_file_marker (line));
          g_free (line);
        }
      g_usleep (g_test_rand_int_range (0, 20000));
      g_subprocess_force_exit (proc);
      /* Whatever it printed before dying was promised too. */
      while ((line = g_data_input_stream_read_line (lines, NULL, NULL, NULL)) != NULL)
        {
          gint64 id = json_int (line, "id");

          g_hash_table_replace (reported, g_memdup2 (&id, sizeof id), json_file_marker (line));
          g_free (line);
        }
      g_assert_true (g_subprocess_wait (proc, NULL, NULL));
      g_test_message ("round %u: killed=%d, %u articles reported so far", round,
                      g_subprocess_get_if_signaled (proc), g_hash_table_size (reported));

      /* A kill during start-up may come before the library file exists: nothing was promised. */
      if (!g_file_test (f->library, G_FILE_TEST_EXISTS))
        {
          g_assert_cmpuint (g_hash_table_size (reported), ==, 0);
          continue;
        }
      check_integrity (f);
      library = arx_library_open (f->library, &error);
      g_assert_no_error (error);
      g_hash_table_iter_init (&iter, reported);
      while (g_hash_table_iter_next (&iter, &key, &value))
        {
          g_autoptr(ArxArticle) article = NULL;
          g_autoptr(ArxAnalysis) analysis = NULL;

          g_assert_true (arx_library_load_article (library, *(gint64 *)key, &article, &analysis, &error));
          g_assert_no_error (error);
          g_assert_nonnull (strstr (arx_article_get_text (article), value));
        }
      g_clear_object (&library);
    }

  /* A last run without a kill imports the rest; nothing is there twice. */
  {
    g_autoptr(GSubprocess) proc = spawn_import (f, paths);

    g_assert_true (g_subprocess_wait (proc, NULL, NULL));
    g_assert_cmpint (g_subprocess_get_exit_status (proc), ==, 0);
  }
  check_integrity (f);
  library = arx_library_open (f->library, &error);
  g_assert_no_error (error);
  rows = arx_library_list_articles (library, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, N_FILES);
}

/* The app keeps the library open, reads and writes while `arx import` runs next to it. */
static void
test_two_processes (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GPtrArray) paths = write_corpus (f);
  g_autoptr(ArxLibrary) library = NULL;
  g_autoptr(GSubprocess) proc = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  guint rounds = 0;

  library = arx_library_open (f->library, &error);
  g_assert_no_error (error);
  proc = spawn_import (f, paths);
  g_subprocess_wait_async (proc, NULL, NULL, NULL);
  while (g_subprocess_get_identifier (proc) != NULL || rounds < 3)
    {
      ArxStatementQuery query = { "Bossert", 0, -1, NULL };
      g_autoptr(GPtrArray) listed = arx_library_list_articles (library, &error);
      g_autoptr(GPtrArray) statements = NULL;
      g_autoptr(GPtrArray) hits = NULL;

      g_assert_no_error (error);
      statements = arx_library_query_statements (library, &query, &error);
      g_assert_no_error (error);
      hits = arx_library_search (library, "cyber", 5, &error);
      g_assert_no_error (error);
      /* A write from this side too, now and then. */
      if (listed->len > 0 && rounds % 5 == 0)
        {
          const ArxArticleRow *row = g_ptr_array_index (listed, 0);

          g_assert_cmpint (arx_library_correct_add_statement (library, row->id, 0, 6,
                                                              ARX_STATEMENT_DIRECT, NULL, &error), >, 0);
          g_assert_no_error (error);
        }
      g_main_context_iteration (NULL, FALSE);
      rounds++;
    }
  g_assert_cmpint (g_subprocess_get_exit_status (proc), ==, 0);
  rows = arx_library_list_articles (library, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, N_FILES);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) g_test_add ("/arx/cli/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("import-list", test_import_list);
  ADD ("import-errors-and-titles", test_import_errors_and_titles);
  ADD ("correct", test_correct);
  ADD ("not-a-library", test_not_a_library);
  ADD ("kill", test_kill);
  ADD ("two-processes", test_two_processes);
#undef ADD

  return g_test_run ();
}
