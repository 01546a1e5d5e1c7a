/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "arx-jsonl.h"
#include "arx-library.h"
#include "fuzz-common.h"

/* The library's import of an analysis, as `arx import --analyses` does it: one line of
 * `arx analyze` output read back (any bytes: offsets, kinds, speakers, names all untrusted)
 * and stored with arx_library_add in a real SQLite file (FTS5, speakers, people). The file
 * starts afresh every few hundred inputs so it stays small; an integrity check runs before it
 * is thrown away. */

#define INPUTS_PER_LIBRARY 256

static char *library_dir;
static char *library_path;
static ArxLibrary *library;
static guint n_inputs;

static void
check_integrity (void)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_open_v2 (library_path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA integrity_check", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *)sqlite3_column_text (stmt, 0), ==, "ok");
  sqlite3_finalize (stmt);
  sqlite3_close (db);
}

static void
fresh_library (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *wal = g_strconcat (library_path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (library_path, "-shm", NULL);

  if (library != NULL)
    {
      check_integrity ();
      g_clear_object (&library);
    }
  g_unlink (library_path);
  g_unlink (wal);
  g_unlink (shm);
  library = arx_library_open (library_path, &error);
  g_assert_no_error (error);
}

static void
remove_library (void)
{
  g_clear_object (&library);
  g_unlink (library_path);
  g_rmdir (library_dir);
}

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  fuzz_init ();
  library_dir = g_dir_make_tmp ("arx-fuzz-library-XXXXXX", NULL);
  g_assert (library_dir != NULL);
  library_path = g_build_filename (library_dir, "library.db", NULL);
  fresh_library ();
  atexit (remove_library);
  return 0;
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ArxArticle) article = NULL;
  g_autoptr(ArxAnalysis) analysis = NULL;
  gint64 id = 0;
  gboolean duplicate = FALSE;

  if (++n_inputs % INPUTS_PER_LIBRARY == 0)
    fresh_library ();
  if (!arx_jsonl_read_analysis ((const char *)data, size, &article, &analysis, NULL, &error))
    {
      g_assert_nonnull (error);
      return 0;
    }
  fuzz_check_article (article);
  if (!arx_library_add (library, article, analysis, &id, &duplicate, &error))
    g_error ("arx_library_add: %s", error->message);
  g_assert_cmpint (id, >, 0);
  return 0;
}
