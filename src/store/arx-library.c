/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "arx-library"

#include "config.h"

#include <errno.h>
#include <inttypes.h>
#include <stdarg.h>
#include <string.h>
#include <glib/gstdio.h>
#include <glib/gi18n.h>

#include "arx-library-private.h"
#include "arx-library-schema.h"

G_DEFINE_FINAL_TYPE (ArxLibrary, arx_library, G_TYPE_OBJECT)

static void
finalize_stmt (gpointer data)
{
  sqlite3_finalize (data);
}

static void
arx_library_finalize (GObject *object)
{
  ArxLibrary *self = (ArxLibrary *)object;

  _arx_library_stop_checkpointer (self);
  g_clear_pointer (&self->stmts, g_hash_table_unref);
  /* what a correction's relinking counted stays pending until the next import finishes it */
  _arx_library_forget_identity (self);
  if (self->db != NULL)
    sqlite3_close (self->db);
  g_mutex_clear (&self->lock);
  g_free (self->path);
  G_OBJECT_CLASS (arx_library_parent_class)->finalize (object);
}

static void
arx_library_class_init (ArxLibraryClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = arx_library_finalize;
}

static void
arx_library_init (ArxLibrary *self)
{
  g_mutex_init (&self->lock);
  self->stmts = g_hash_table_new_full (NULL, NULL, NULL, finalize_stmt);
}

char *
arx_library_default_path (void)
{
  const char *env = g_getenv ("ARX_LIBRARY");

  if (env != NULL && env[0] != '\0')
    return g_strdup (env);
  return g_build_filename (g_get_user_data_dir (), "article-explorer", "library.db", NULL);
}

int
arx_library_get_schema_version (void)
{
  return _arx_schema_latest ();
}

void
_arx_db_set_error (sqlite3  *db,
                   GError  **error)
{
  int code = sqlite3_errcode (db);

  if (code == SQLITE_NOTADB || code == SQLITE_CORRUPT)
    g_set_error (error, ARX_ERROR, ARX_ERROR_NOT_A_LIBRARY,
                 _("not an Article Explorer library, or damaged (%s)"), sqlite3_errmsg (db));
  else
    g_set_error (error, ARX_ERROR, ARX_ERROR_DB, _("library: %s"), sqlite3_errmsg (db));
}

gboolean
_arx_db_exec (sqlite3     *db,
              const char  *sql,
              GError     **error)
{
  if (sqlite3_exec (db, sql, NULL, NULL, NULL) != SQLITE_OK)
    {
      _arx_db_set_error (db, error);
      return FALSE;
    }
  return TRUE;
}

/* Statements are prepared once per connection and reused: an import writes a dozen rows per
 * entity and statement, and preparing them each time would cost more than the inserts. */
sqlite3_stmt *
_arx_library_stmt (ArxLibrary  *self,
                   const char  *sql,
                   GError     **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (self->stmts, sql);

  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }
  if (sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL) != SQLITE_OK)
    {
      _arx_db_set_error (self->db, error);
      return NULL;
    }
  g_hash_table_insert (self->stmts, (gpointer)sql, stmt);
  return stmt;
}

gboolean
_arx_library_step_done (ArxLibrary    *self,
                        sqlite3_stmt  *stmt,
                        GError       **error)
{
  int rc = sqlite3_step (stmt);

  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    {
      _arx_db_set_error (self->db, error);
      sqlite3_reset (stmt);
      return FALSE;
    }
  sqlite3_reset (stmt);
  return TRUE;
}

/* IMMEDIATE takes the write lock up front: a deferred transaction that later needs to write
 * can fail with SQLITE_BUSY without waiting when another process wrote meanwhile (WAL). */
gboolean
_arx_library_begin (ArxLibrary  *self,
                    GError     **error)
{
  return _arx_db_exec (self->db, "BEGIN IMMEDIATE", error);
}

gboolean
_arx_library_commit (ArxLibrary  *self,
                     GError     **error)
{
  if ((self->has_speaker_counts && !_arx_library_flush_speaker_counts (self, error)) ||
      !_arx_db_exec (self->db, "COMMIT", error))
    {
      _arx_library_rollback (self);
      return FALSE;
    }
  return TRUE;
}

void
_arx_library_rollback (ArxLibrary *self)
{
  _arx_library_forget_identity (self);
  if (!sqlite3_get_autocommit (self->db))
    sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
}

static void
bind_va (sqlite3_stmt *stmt,
         const char   *types,
         va_list       args)
{
  for (int i = 0; types[i] != '\0'; i++)
    switch (types[i])
      {
      case 'i':
        sqlite3_bind_int64 (stmt, i + 1, va_arg (args, gint64));
        break;
      case 'd':
        sqlite3_bind_int (stmt, i + 1, va_arg (args, int));
        break;
      case 't':
        _arx_bind_text (stmt, i + 1, va_arg (args, const char *));
        break;
      default:
        g_assert_not_reached ();
      }
}

gboolean
_arx_library_run (ArxLibrary  *self,
                  GError     **error,
                  const char  *sql,
                  const char  *types,
                  ...)
{
  sqlite3_stmt *stmt = _arx_library_stmt (self, sql, error);
  va_list args;
  int rc;

  if (stmt == NULL)
    return FALSE;
  va_start (args, types);
  bind_va (stmt, types, args);
  va_end (args);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    ;
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _arx_db_set_error (self->db, error);
      return FALSE;
    }
  return TRUE;
}

gboolean
_arx_library_get_int64 (ArxLibrary  *self,
                        gint64      *out_value,
                        gboolean    *out_found,
                        GError     **error,
                        const char  *sql,
                        const char  *types,
                        ...)
{
  sqlite3_stmt *stmt = _arx_library_stmt (self, sql, error);
  va_list args;
  int rc;

  *out_value = 0;
  if (out_found != NULL)
    *out_found = FALSE;
  if (stmt == NULL)
    return FALSE;
  va_start (args, types);
  bind_va (stmt, types, args);
  va_end (args);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *out_value = sqlite3_column_int64 (stmt, 0);
      if (out_found != NULL)
        *out_found = TRUE;
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      _arx_db_set_error (self->db, error);
      return FALSE;
    }
  return TRUE;
}

void
_arx_bind_text (sqlite3_stmt *stmt,
                int           column,
                const char   *text)
{
  if (text == NULL)
    sqlite3_bind_null (stmt, column);
  else
    sqlite3_bind_text (stmt, column, text, -1, SQLITE_TRANSIENT);
}

/* @ids as a JSON array, for `IN (SELECT value FROM json_each(?))`: one statement, however many
 * ids, instead of a statement text per count. */
char *
_arx_ids_json (const gint64 *ids,
               guint         n_ids)
{
  GString *json = g_string_new ("[");

  for (guint i = 0; i < n_ids; i++)
    g_string_append_printf (json, "%s%" G_GINT64_FORMAT, i > 0 ? "," : "", ids[i]);
  g_string_append_c (json, ']');
  return g_string_free (json, FALSE);
}

char *
_arx_column_dup (sqlite3_stmt *stmt,
                 int           column)
{
  const char *text = (const char *)sqlite3_column_text (stmt, column);

  return g_strdup (text);
}

static gboolean
read_int_pragma (sqlite3     *db,
                 const char  *sql,
                 gint64      *out,
                 GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK ||
      sqlite3_step (stmt) != SQLITE_ROW)
    {
      _arx_db_set_error (db, error);
      return FALSE;
    }
  *out = sqlite3_column_int64 (stmt, 0);
  return TRUE;
}

/* Looks at the file before SQLite may write anything to it: a file that is not SQLite at all
 * is refused here, so it is never touched. */
static gboolean
check_file_header (const char  *path,
                   gboolean    *out_exists,
                   GError     **error)
{
  static const char magic[16] = "SQLite format 3";
  char header[16];
  FILE *fp;
  size_t n;

  *out_exists = FALSE;
  fp = g_fopen (path, "rb");
  if (fp == NULL)
    {
      if (errno == ENOENT)
        return TRUE;
      g_set_error (error, ARX_ERROR, ARX_ERROR_DB, _("cannot read the library: %s"),
                   g_strerror (errno));
      return FALSE;
    }
  n = fread (header, 1, sizeof header, fp);
  fclose (fp);
  if (n == 0)
    return TRUE;   /* an empty file is an empty database to SQLite; we make it a library */
  *out_exists = TRUE;
  if (n < sizeof header || memcmp (header, magic, sizeof magic) != 0)
    {
      g_set_error (error, ARX_ERROR, ARX_ERROR_NOT_A_LIBRARY,
                   _("not an Article Explorer library (not an SQLite file); left unchanged"));
      return FALSE;
    }
  return TRUE;
}

/* An existing SQLite file must carry our application id (or be completely empty) and a schema
 * version we know; otherwise we refuse before any write. */
static gboolean
check_existing_database (sqlite3     *db,
                         GError     **error)
{
  gint64 app_id = 0, version = 0, n_objects = 0;
  g_autoptr(GError) local_error = NULL;

  if (!read_int_pragma (db, "PRAGMA application_id", &app_id, &local_error) ||
      !read_int_pragma (db, "PRAGMA user_version", &version, &local_error) ||
      !read_int_pragma (db, "SELECT count(*) FROM sqlite_schema", &n_objects, &local_error))
    {
      if (local_error->code == ARX_ERROR_NOT_A_LIBRARY)
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        g_set_error (error, ARX_ERROR, ARX_ERROR_NOT_A_LIBRARY,
                     _("not an Article Explorer library, or damaged (%s); left unchanged"),
                     local_error->message);
      return FALSE;
    }
  if (app_id == 0 && version == 0 && n_objects == 0)
    return TRUE;
  if (app_id != ARX_LIBRARY_APPLICATION_ID)
    {
      g_set_error (error, ARX_ERROR, ARX_ERROR_NOT_A_LIBRARY,
                   _("an SQLite database of another program, not an Article Explorer library; "
                    "left unchanged"));
      return FALSE;
    }
  if (version > _arx_schema_latest ())
    {
      g_set_error (error, ARX_ERROR, ARX_ERROR_NEWER_LIBRARY,
                   _("library made by a newer Article Explorer (schema %" PRId64
                   ", this version knows up to %d); left unchanged"), version,
                   _arx_schema_latest ());
      return FALSE;
    }
  return TRUE;
}

/* arx_name_key(TEXT): the same name key as the C code, for SQL that updates many rows. */
static void
sql_name_key (sqlite3_context  *context,
              int               argc,
              sqlite3_value   **argv)
{
  const char *name = (const char *)sqlite3_value_text (argv[0]);

  if (name == NULL)
    sqlite3_result_null (context);
  else
    sqlite3_result_text (context, _arx_name_key (name), -1, g_free);
}

static ArxLibrary *
open_connection (const char  *path,
                 int          flags,
                 GError     **error)
{
  static gsize configured;
  g_autoptr(ArxLibrary) self = NULL;

  /* SQLite counts every allocation under a global mutex for sqlite3_memory_used(), which we
   * never ask: 5 % of an import's writer. Only possible before SQLite starts. */
  if (g_once_init_enter (&configured))
    {
      sqlite3_config (SQLITE_CONFIG_MEMSTATUS, 0);
      g_once_init_leave (&configured, 1);
    }
  self = g_object_new (ARX_TYPE_LIBRARY, NULL);
  self->path = g_strdup (path);
  if (sqlite3_open_v2 (path, &self->db, flags, NULL) != SQLITE_OK)
    {
      if (self->db != NULL)
        _arx_db_set_error (self->db, error);
      else
        g_set_error (error, ARX_ERROR, ARX_ERROR_DB, _("cannot open the library"));
      return NULL;
    }
  sqlite3_extended_result_codes (self->db, FALSE);
  /* Another process (the app, or `arx import`) may hold the write lock for one batch. */
  sqlite3_busy_timeout (self->db, 30000);
  sqlite3_create_function_v2 (self->db, "arx_name_key", 1,
                              SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS, NULL,
                              sql_name_key, NULL, NULL, NULL);
  return g_steal_pointer (&self);
}

static ArxLibrary *
open_at_version (const char  *path,
                 int          target_version,
                 GError     **error)
{
  g_autoptr(ArxLibrary) self = NULL;
  gboolean exists;
  /* No mutex of SQLite's own per connection: every call holds @lock already (the second
   * mutex cost 3 % of an import's writer). */
  int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX;

  g_return_val_if_fail (path != NULL, NULL);

  if (!check_file_header (path, &exists, error))
    return NULL;
  if (!exists)
    {
      g_autofree char *dir = g_path_get_dirname (path);

      if (g_mkdir_with_parents (dir, 0700) != 0)
        {
          g_set_error (error, ARX_ERROR, ARX_ERROR_DB, _("cannot create %s: %s"), dir,
                       g_strerror (errno));
          return NULL;
        }
      flags |= SQLITE_OPEN_CREATE;
    }

  self = open_connection (path, flags, error);
  if (self == NULL || !check_existing_database (self->db, error))
    return NULL;

  /* synchronous=NORMAL is durable against a killed process in WAL mode; only a power cut can
   * lose the last commits, and never corrupts the file. */
  if (!_arx_db_exec (self->db, "PRAGMA journal_mode=WAL", error) ||
      !_arx_db_exec (self->db, "PRAGMA synchronous=NORMAL", error) ||
      !_arx_db_exec (self->db, "PRAGMA foreign_keys=ON", error) ||
      /* Imports rewrite the same FTS and index pages again and again: a larger cache and
       * memory-mapped reads cut most of the I/O (measured in bench/store). */
      !_arx_db_exec (self->db, "PRAGMA cache_size=-65536", error) ||
      !_arx_db_exec (self->db, "PRAGMA mmap_size=268435456", error) ||
      !_arx_db_exec (self->db, "PRAGMA temp_store=MEMORY", error))
    return NULL;

  if (!_arx_schema_migrate (self, target_version, error))
    return NULL;
  self->has_speaker_counts = target_version >= 9;

  return g_steal_pointer (&self);
}

/**
 * arx_library_open:
 * @path: the library file; created with its parent folders when missing
 *
 * Returns: (transfer full): the library, migrated to the current schema; or %NULL with
 * ARX_ERROR_NOT_A_LIBRARY or ARX_ERROR_NEWER_LIBRARY (the file is then left as it was) or
 * ARX_ERROR_DB.
 */
ArxLibrary *
arx_library_open (const char  *path,
                  GError     **error)
{
  return open_at_version (path, _arx_schema_latest (), error);
}

/**
 * arx_library_open_reader:
 *
 * A second connection to @self's file, read-only, with a lock of its own: for reading on
 * another thread while @self writes or reads (WAL: readers never wait for the writer), or
 * for a long scan that must not hold up @self's callers.
 *
 * Returns: (transfer full): the reader, or %NULL with @error set.
 */
ArxLibrary *
arx_library_open_reader (ArxLibrary  *self,
                         GError     **error)
{
  g_autoptr(ArxLibrary) reader = NULL;

  g_return_val_if_fail (ARX_IS_LIBRARY (self), NULL);

  reader = open_connection (self->path, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, error);
  if (reader == NULL ||
      !_arx_db_exec (reader->db, "PRAGMA mmap_size=268435456", error) ||
      !_arx_db_exec (reader->db, "PRAGMA temp_store=MEMORY", error))
    return NULL;
  reader->has_speaker_counts = self->has_speaker_counts;
  return g_steal_pointer (&reader);
}

gboolean
_arx_library_create_at_version (const char  *path,
                                int          version,
                                GError     **error)
{
  g_autoptr(ArxLibrary) self = open_at_version (path, version, error);

  return self != NULL;
}

const char *
arx_library_get_path (ArxLibrary *self)
{
  g_return_val_if_fail (ARX_IS_LIBRARY (self), NULL);
  return self->path;
}

void
arx_article_row_free (ArxArticleRow *row)
{
  g_free (row->title);
  g_free (row->site);
  g_free (row->published);
  g_free (row->source_uri);
  g_free (row->format);
  g_free (row);
}

void
arx_statement_row_free (ArxStatementRow *row)
{
  g_free (row->article_title);
  g_free (row->text);
  g_free (row->speaker);
  g_free (row->cue);
  g_free (row);
}

void
arx_search_hit_free (ArxSearchHit *hit)
{
  g_free (hit->title);
  g_free (hit->snippet);
  g_array_unref (hit->highlights);
  g_free (hit);
}

void
arx_speaker_row_free (ArxSpeakerRow *row)
{
  g_free (row->name);
  g_ptr_array_unref (row->aliases);
  g_free (row->article_title);
  g_free (row);
}

void
arx_correction_row_free (ArxCorrectionRow *row)
{
  g_free (row->kind);
  g_free (row->description);
  g_free (row);
}

/**
 * _arx_library_step_ids:
 * @stmt: a bound statement whose first column is an id; the caller holds the lock
 *
 * Appends the first column of every row to @ids and resets @stmt.
 */
gboolean
_arx_library_step_ids (ArxLibrary    *self,
                       sqlite3_stmt  *stmt,
                       GArray        *ids,
                       GError       **error)
{
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  if (rc != SQLITE_DONE)
    _arx_db_set_error (self->db, error);
  sqlite3_reset (stmt);
  return rc == SQLITE_DONE;
}
