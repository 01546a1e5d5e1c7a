/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "arx-library"

#include "config.h"

#include "arx-library-private.h"

/* Statements a page at a time, for lists that show every statement of a speaker (or of
 * nobody) however many there are: a page is an offset into one ordered index range (the
 * person's, or the one of statements without a speaker), read as ids only, then the page's
 * rows by id. */

#define PAGE_FILTERS \
  " AND (?2 = 0 OR s.article_id = ?2) AND (?3 < 0 OR s.kind = ?3)" \
  " AND (?4 IS NULL OR s.id IN (SELECT rowid FROM statements_fts WHERE statements_fts MATCH ?4))"
#define PAGE_ORDER " ORDER BY s.article_id, s.span_start, s.id"

static const char *const page_sql[] = {
  /* any speaker */
  "SELECT s.id FROM statements s WHERE s.hidden = 0 AND ?1 = 0" PAGE_FILTERS PAGE_ORDER
  " LIMIT ?5 OFFSET ?6",
  /* one speaker */
  "SELECT s.id FROM statements s WHERE s.eff_person_id = ?1 AND s.hidden = 0" PAGE_FILTERS
  PAGE_ORDER " LIMIT ?5 OFFSET ?6",
  /* nobody */
  "SELECT s.id FROM statements s WHERE s.eff_person_id IS NULL AND s.hidden = 0 AND ?1 < 0"
  PAGE_FILTERS PAGE_ORDER " LIMIT ?5 OFFSET ?6",
};

static const char *const count_sql[] = {
  "SELECT count(*) FROM statements s WHERE s.hidden = 0 AND ?1 = 0" PAGE_FILTERS,
  "SELECT count(*) FROM statements s WHERE s.eff_person_id = ?1 AND s.hidden = 0" PAGE_FILTERS,
  "SELECT count(*) FROM statements s WHERE s.eff_person_id IS NULL AND s.hidden = 0 AND ?1 < 0"
  PAGE_FILTERS,
};

static guint
variant (const ArxStatementFilter *filter)
{
  return filter->speaker_id > 0 ? 1 : filter->speaker_id < 0 ? 2 : 0;
}

static sqlite3_stmt *
bind_filter (ArxLibrary                *self,
             const char                *sql,
             const ArxStatementFilter  *filter,
             GError                   **error)
{
  sqlite3_stmt *stmt = _arx_library_stmt (self, sql, error);
  gboolean has_query = filter->query != NULL && filter->query[0] != '\0';

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, filter->speaker_id);
  sqlite3_bind_int64 (stmt, 2, filter->article_id);
  sqlite3_bind_int (stmt, 3, filter->kind);
  _arx_bind_text (stmt, 4, has_query ? filter->query : NULL);
  return stmt;
}

/**
 * arx_library_count_statements:
 *
 * Returns: how many statements @filter matches (0 with @error set on failure;
 * ARX_ERROR_INVALID_QUERY for a bad full-text query).
 */
guint
arx_library_count_statements (ArxLibrary                *self,
                              const ArxStatementFilter  *filter,
                              GError                   **error)
{
  sqlite3_stmt *stmt;
  guint n = 0;

  g_return_val_if_fail (ARX_IS_LIBRARY (self), 0);
  g_return_val_if_fail (filter != NULL, 0);

  g_mutex_lock (&self->lock);
  stmt = bind_filter (self, count_sql[variant (filter)], filter, error);
  if (stmt != NULL)
    {
      if (sqlite3_step (stmt) == SQLITE_ROW)
        n = sqlite3_column_int (stmt, 0);
      else
        _arx_library_set_query_error (self, filter->query != NULL, error);
      sqlite3_reset (stmt);
    }
  g_mutex_unlock (&self->lock);
  return n;
}

/**
 * arx_library_page_statements:
 * @offset: the first statement, counted in article and text order from 0
 * @limit: at most this many
 *
 * Returns: (transfer full) (element-type ArxStatementRow): the statements @offset to
 * @offset + @limit of those @filter matches, in article and text order; %NULL with @error set.
 */
GPtrArray *
arx_library_page_statements (ArxLibrary                *self,
                             const ArxStatementFilter  *filter,
                             guint                      offset,
                             guint                      limit,
                             GError                   **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify)arx_statement_row_free);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GHashTable) position = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GString) json = g_string_new ("[");
  sqlite3_stmt *stmt;
  gboolean ok = FALSE;
  int rc;

  g_return_val_if_fail (ARX_IS_LIBRARY (self), NULL);
  g_return_val_if_fail (filter != NULL, NULL);

  g_mutex_lock (&self->lock);
  /* One read transaction: the ids and their rows come from the same state. */
  if (!_arx_db_exec (self->db, "BEGIN", error))
    goto out;
  stmt = bind_filter (self, page_sql[variant (filter)], filter, error);
  if (stmt == NULL)
    goto done;
  sqlite3_bind_int64 (stmt, 5, limit);
  sqlite3_bind_int64 (stmt, 6, offset);
  if (!_arx_library_step_ids (self, stmt, ids, NULL))
    {
      _arx_library_set_query_error (self, filter->query != NULL, error);
      goto done;
    }
  for (guint i = 0; i < ids->len; i++)
    g_string_append_printf (json, "%s%" G_GINT64_FORMAT, i > 0 ? "," : "",
                            g_array_index (ids, gint64, i));
  g_string_append_c (json, ']');
  g_ptr_array_set_size (rows, ids->len);
  for (guint i = 0; i < ids->len; i++)
    g_hash_table_insert (position, &g_array_index (ids, gint64, i), GUINT_TO_POINTER (i));

  stmt = _arx_library_stmt (self,
                            STATEMENT_COLUMNS " FROM statements s" STATEMENT_JOINS
                            " WHERE s.id IN (SELECT value FROM json_each(?1))",
                            error);
  if (stmt == NULL)
    goto done;
  _arx_bind_text (stmt, 1, json->str);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 2);
      guint at = GPOINTER_TO_UINT (g_hash_table_lookup (position, &id));

      g_ptr_array_index (rows, at) = _arx_statement_row_new (stmt);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _arx_db_set_error (self->db, error);
      goto done;
    }
  ok = TRUE;

done:
  sqlite3_exec (self->db, "COMMIT", NULL, NULL, NULL);
out:
  g_mutex_unlock (&self->lock);
  return ok ? g_steal_pointer (&rows) : NULL;
}
