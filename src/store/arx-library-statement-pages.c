/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "arx-library"

#include "config.h"

#include "arx-library-private.h"

/* Statements for lists that show every statement of a speaker, of nobody or of the whole
 * library, however many there are: a scan gives the ids of the matching statements in list
 * order (article, then text order) and rows are read by id a page at a time. The scan walks
 * one ordered index range (the person's, the unattributed statements', the articles') or,
 * with words to find, the full-text index's matches sorted; SQLite picks. At a million
 * statements the scan takes a few hundred milliseconds, so a list runs it on a connection
 * of its own off the main thread (arx_library_open_reader()) and can cancel it. The scan
 * also says where each article's statements start, which gives a heading its count without
 * asking the library again. */

#define SCAN_FILTERS \
  " AND (?2 = 0 OR s.article_id = ?2) AND (?3 < 0 OR s.kind = ?3)"
#define SCAN_MATCH " AND s.id IN (SELECT rowid FROM statements_fts WHERE statements_fts MATCH ?4)"
/* `+s.hidden`: with `hidden = 0` as an index term SQLite sorts each article's rows again
 * instead of reading them in the index's order (hidden is the index's second column). */
#define SCAN_ANY "SELECT s.id, s.article_id FROM statements s WHERE +s.hidden = 0 AND ?1 IN (0, -2)" SCAN_FILTERS
#define SCAN_ANY_ORDER " ORDER BY s.article_id, s.hidden, s.span_start, s.id"
#define SCAN_ONE \
  "SELECT s.id, s.article_id FROM statements s WHERE s.eff_person_id = ?1 AND s.hidden = 0" SCAN_FILTERS
#define SCAN_NOBODY \
  "SELECT s.id, s.article_id FROM statements s WHERE s.eff_person_id IS NULL AND s.hidden = 0 AND ?1 = -1" \
  SCAN_FILTERS
#define SCAN_ORDER " ORDER BY s.article_id, s.span_start, s.id"

/* [variant][with words]: the words as a separate statement, so SQLite plans each case. */
static const char *const scan_sql[3][2] = {
  { SCAN_ANY SCAN_ANY_ORDER, SCAN_ANY SCAN_MATCH SCAN_ANY_ORDER },
  { SCAN_ONE SCAN_ORDER, SCAN_ONE SCAN_MATCH SCAN_ORDER },
  { SCAN_NOBODY SCAN_ORDER, SCAN_NOBODY SCAN_MATCH SCAN_ORDER },
};

static gboolean
has_query (const ArxStatementFilter *filter)
{
  return filter->query != NULL && filter->query[0] != '\0';
}

static guint
variant (const ArxStatementFilter *filter)
{
  if (filter->speaker_id > 0)
    return 1;
  return filter->speaker_id == ARX_SPEAKER_NOBODY ? 2 : 0;
}

static sqlite3_stmt *
bind_filter (ArxLibrary                *self,
             const char                *sql,
             const ArxStatementFilter  *filter,
             GError                   **error)
{
  sqlite3_stmt *stmt = _arx_library_stmt (self, sql, error);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, filter->speaker_id);
  sqlite3_bind_int64 (stmt, 2, filter->article_id);
  sqlite3_bind_int (stmt, 3, filter->kind);
  _arx_bind_text (stmt, 4, has_query (filter) ? filter->query : NULL);
  return stmt;
}

static int
check_cancelled (void *data)
{
  return g_cancellable_is_cancelled (data);
}

/**
 * arx_library_scan_statements:
 * @ids: (element-type gint64): the ids of the statements @filter matches are appended here,
 *   in list order (by article, then position in its text)
 * @runs: (element-type ArxArticleRun) (nullable): where each article's statements start in
 *   @ids, in the same order (the list holds each article's statements together)
 * @cancellable: (nullable): stops the scan, even inside SQLite's own work (sorting the
 *   matches of a common word)
 *
 * Returns: whether the scan finished; %FALSE with @error set (G_IO_ERROR_CANCELLED when
 * cancelled, ARX_ERROR_INVALID_QUERY for a bad full-text query).
 */
gboolean
arx_library_scan_statements (ArxLibrary                *self,
                             const ArxStatementFilter  *filter,
                             GArray                    *ids,
                             GArray                    *runs,
                             GCancellable              *cancellable,
                             GError                   **error)
{
  sqlite3_stmt *stmt;
  gint64 article_id = 0;
  int rc = SQLITE_ERROR;

  g_return_val_if_fail (ARX_IS_LIBRARY (self), FALSE);
  g_return_val_if_fail (filter != NULL, FALSE);
  g_return_val_if_fail (ids != NULL, FALSE);

  g_mutex_lock (&self->lock);
  stmt = bind_filter (self, scan_sql[variant (filter)][has_query (filter)], filter, error);
  if (stmt == NULL)
    {
      g_mutex_unlock (&self->lock);
      return FALSE;
    }
  if (cancellable != NULL)
    sqlite3_progress_handler (self->db, 10000, check_cancelled, cancellable);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      if (runs != NULL && (ids->len == 0 || sqlite3_column_int64 (stmt, 1) != article_id))
        {
          ArxArticleRun run = { sqlite3_column_int64 (stmt, 1), ids->len };

          g_array_append_val (runs, run);
          article_id = run.article_id;
        }
      g_array_append_val (ids, id);
    }
  if (cancellable != NULL)
    sqlite3_progress_handler (self->db, 0, NULL, NULL);
  if (rc != SQLITE_DONE && !g_cancellable_set_error_if_cancelled (cancellable, error))
    _arx_library_set_query_error (self, has_query (filter), error);
  sqlite3_reset (stmt);
  g_mutex_unlock (&self->lock);
  return rc == SQLITE_DONE;
}

/**
 * arx_library_read_statements:
 * @ids: statement ids
 *
 * Returns: (transfer full) (element-type ArxStatementRow): the rows of @ids in the order of
 * @ids (a statement deleted since is left out); %NULL with @error set.
 */
GPtrArray *
arx_library_read_statements (ArxLibrary    *self,
                             const gint64  *ids,
                             guint          n_ids,
                             GError       **error)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new_full (n_ids, NULL);
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify)arx_statement_row_free);
  g_autoptr(GHashTable) position = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autofree char *json = _arx_ids_json (ids, n_ids);
  sqlite3_stmt *stmt;
  int rc = SQLITE_ERROR;

  g_return_val_if_fail (ARX_IS_LIBRARY (self), NULL);
  g_return_val_if_fail (ids != NULL || n_ids == 0, NULL);

  for (guint i = 0; i < n_ids; i++)
    g_hash_table_insert (position, (gpointer)&ids[i], GUINT_TO_POINTER (i));
  g_ptr_array_set_size (found, n_ids);

  g_mutex_lock (&self->lock);
  stmt = _arx_library_stmt (self,
                            STATEMENT_COLUMNS " FROM statements s" STATEMENT_JOINS
                            " WHERE s.id IN (SELECT value FROM json_each(?1))",
                            error);
  if (stmt != NULL)
    {
      _arx_bind_text (stmt, 1, json);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          gint64 id = sqlite3_column_int64 (stmt, 2);
          gpointer at;

          if (g_hash_table_lookup_extended (position, &id, NULL, &at))
            g_ptr_array_index (found, GPOINTER_TO_UINT (at)) = _arx_statement_row_new (stmt);
        }
      if (rc != SQLITE_DONE)
        _arx_db_set_error (self->db, error);
      sqlite3_reset (stmt);
    }
  g_mutex_unlock (&self->lock);

  for (guint i = 0; i < found->len; i++)
    if (g_ptr_array_index (found, i) != NULL)
      g_ptr_array_add (rows, g_ptr_array_index (found, i));
  if (rc != SQLITE_DONE)
    return NULL;
  return g_steal_pointer (&rows);
}
