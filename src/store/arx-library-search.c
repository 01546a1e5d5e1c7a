/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "arx-library"

#include "config.h"

#include <string.h>

#include "arx-library-private.h"

/* Full-text search over the articles, and the library-wide speakers list. */

#define RANK_LIMIT 2000

/**
 * arx_library_plain_query:
 * @text: what a user typed into a search box
 *
 * Turns free text into an FTS5 query that cannot be a syntax error: every word becomes a
 * quoted term (so O'Neill, U.S. or a stray quote are just text), all of them required; a
 * word ending in `*` stays a prefix search.
 *
 * Returns: (transfer full): the query, "" when @text has no words.
 */
char *
arx_library_plain_query (const char *text)
{
  g_auto(GStrv) words = g_strsplit_set (text != NULL ? text : "", " \t\n\r", -1);
  GString *query = g_string_new (NULL);

  for (guint i = 0; words[i] != NULL; i++)
    {
      gsize len = strlen (words[i]);
      gboolean prefix = len > 1 && words[i][len - 1] == '*';

      if (prefix)
        words[i][--len] = '\0';
      if (len == 0)
        continue;
      if (query->len > 0)
        g_string_append_c (query, ' ');
      g_string_append_c (query, '"');
      for (const char *p = words[i]; *p != '\0'; p++)
        {
          if (*p == '"')
            g_string_append_c (query, '"');
          g_string_append_c (query, *p);
        }
      g_string_append_c (query, '"');
      if (prefix)
        g_string_append_c (query, '*');
    }
  return g_string_free (query, FALSE);
}

/* snippet() marks matches with STX/ETX; turn them into ranges over the unmarked text. */
static void
parse_snippet (const char   *marked,
               ArxSearchHit *hit)
{
  GString *plain = g_string_new (NULL);
  ArxSpan span = { 0, 0 };

  for (const char *p = marked != NULL ? marked : ""; *p != '\0'; p++)
    {
      if (*p == '\x02')
        span.start = plain->len;
      else if (*p == '\x03')
        {
          span.end = plain->len;
          g_array_append_val (hit->highlights, span);
        }
      else
        g_string_append_c (plain, *p);
    }
  hit->snippet = g_string_free (plain, FALSE);
}

/**
 * arx_library_search:
 * @query: an FTS5 query over article titles and texts (words, "phrases", prefix*, AND/OR/NOT)
 * @limit: the most hits to return (0: all)
 *
 * Hits come best first (bm25, title weighted like text); when more than 2000 articles
 * match, newest first instead.
 *
 * Returns: (transfer full) (element-type ArxSearchHit): the hits, or %NULL with
 * ARX_ERROR_INVALID_QUERY for a query FTS5 cannot parse.
 */
GPtrArray *
arx_library_search (ArxLibrary  *self,
                    const char  *query,
                    guint        limit,
                    GError     **error)
{
  g_autoptr(GPtrArray) hits = g_ptr_array_new_with_free_func ((GDestroyNotify)arx_search_hit_free);
  sqlite3_stmt *stmt;
  gint64 n_matches = 0;
  int rc = SQLITE_ERROR;

  g_return_val_if_fail (ARX_IS_LIBRARY (self), NULL);
  g_return_val_if_fail (query != NULL, NULL);

  if (query[0] == '\0')
    return g_steal_pointer (&hits);

  g_mutex_lock (&self->lock);
  /* bm25 has to score every match before the best can be picked: ~200 ms for a word in all of
   * 100k articles. A query matching that much says little about relevance anyway, so past
   * RANK_LIMIT matches the hits come newest first, which FTS5 stops early at @limit. */
  stmt = _arx_library_stmt (self,
                            "SELECT count(*) FROM (SELECT rowid FROM articles_fts"
                            " WHERE articles_fts MATCH ?1 LIMIT " G_STRINGIFY (RANK_LIMIT) " + 1)",
                            error);
  if (stmt != NULL)
    {
      _arx_bind_text (stmt, 1, query);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        n_matches = sqlite3_column_int64 (stmt, 0);
      else
        _arx_library_set_query_error (self, TRUE, error);
      sqlite3_reset (stmt);
      if (rc != SQLITE_ROW)
        stmt = NULL;
    }
  if (stmt != NULL && n_matches > RANK_LIMIT)
    stmt = _arx_library_stmt (self,
                              "SELECT a.id, a.title,"
                              " snippet(articles_fts, -1, char(2), char(3), '…', 16), f.rank"
                              " FROM articles_fts f JOIN articles a ON a.id = f.rowid"
                              " WHERE articles_fts MATCH ?1 ORDER BY f.rowid DESC LIMIT ?2",
                              error);
  else if (stmt != NULL)
    stmt = _arx_library_stmt (self,
                              "SELECT a.id, a.title,"
                              " snippet(articles_fts, -1, char(2), char(3), '…', 16), f.rank"
                              " FROM articles_fts f JOIN articles a ON a.id = f.rowid"
                              " WHERE articles_fts MATCH ?1 ORDER BY f.rank LIMIT ?2",
                              error);
  rc = SQLITE_ERROR;
  if (stmt != NULL)
    {
      _arx_bind_text (stmt, 1, query);
      sqlite3_bind_int (stmt, 2, limit > 0 ? (int)MIN (limit, G_MAXINT) : -1);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          ArxSearchHit *hit = g_new0 (ArxSearchHit, 1);

          hit->article_id = sqlite3_column_int64 (stmt, 0);
          hit->title = _arx_column_dup (stmt, 1);
          hit->highlights = g_array_new (FALSE, FALSE, sizeof (ArxSpan));
          parse_snippet ((const char *)sqlite3_column_text (stmt, 2), hit);
          hit->rank = sqlite3_column_double (stmt, 3);
          g_ptr_array_add (hits, hit);
        }
      if (rc != SQLITE_DONE)
        _arx_library_set_query_error (self, TRUE, error);
      sqlite3_reset (stmt);
    }
  g_mutex_unlock (&self->lock);
  return rc == SQLITE_DONE ? g_steal_pointer (&hits) : NULL;
}

/* Byte order, as SQLite's BINARY collation sorts. */
static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *)a, *(const char * const *)b);
}

static void
add_alias_once (ArxSpeakerRow *row,
                const char    *alias)
{
  if (row != NULL && alias != NULL && g_strcmp0 (alias, row->name) != 0 &&
      !g_ptr_array_find_with_equal_func (row->aliases, alias, g_str_equal, NULL))
    g_ptr_array_add (row->aliases, g_strdup (alias));
}

/**
 * arx_library_list_speakers:
 * @filter: (nullable): substring of a name or alias
 *
 * Returns: (transfer full) (element-type ArxSpeakerRow): library-wide speakers, those with
 * the most statements first.
 */
GPtrArray *
arx_library_list_speakers (ArxLibrary  *self,
                           const char  *filter,
                           GError     **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify)arx_speaker_row_free);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *speaker_ids = NULL;
  sqlite3_stmt *stmt;
  int rc = SQLITE_ERROR;

  g_return_val_if_fail (ARX_IS_LIBRARY (self), NULL);

  g_mutex_lock (&self->lock);
  /* The same matching as --speaker: exact name or alias first, else a substring. */
  if (filter != NULL && filter[0] != '\0' &&
      (speaker_ids = _arx_library_resolve_speaker_ids (self, filter, ids, error)) == NULL)
    goto out;
  stmt = _arx_library_stmt (self,
                            "SELECT p.id, p.kind, COALESCE(p.user_name, p.name),"
                            " COALESCE(c.n_articles, 0), COALESCE(c.n_statements, 0) AS n"
                            " FROM people p LEFT JOIN speaker_counts c ON c.person_id = p.id"
                            " WHERE ?1 IS NULL OR p.id IN (SELECT value FROM json_each(?1))"
                            " ORDER BY n DESC, p.name_key",
                            error);
  if (stmt == NULL)
    goto out;
  _arx_bind_text (stmt, 1, speaker_ids);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ArxSpeakerRow *row = g_new0 (ArxSpeakerRow, 1);

      row->id = sqlite3_column_int64 (stmt, 0);
      row->kind = sqlite3_column_int (stmt, 1);
      row->name = _arx_column_dup (stmt, 2);
      row->aliases = g_ptr_array_new_with_free_func (g_free);
      row->n_articles = sqlite3_column_int (stmt, 3);
      row->n_statements = sqlite3_column_int (stmt, 4);
      g_ptr_array_add (rows, row);
    }
  if (rc != SQLITE_DONE)
    _arx_db_set_error (self->db, error);
  sqlite3_reset (stmt);

  /* Every speaker: one pass over all aliases instead of a lookup per speaker. */
  if (rc == SQLITE_DONE && speaker_ids == NULL)
    {
      g_autoptr(GHashTable) by_id = g_hash_table_new (g_int64_hash, g_int64_equal);

      for (guint i = 0; i < rows->len; i++)
        {
          ArxSpeakerRow *row = g_ptr_array_index (rows, i);

          g_hash_table_insert (by_id, &row->id, row);
        }
      /* In table order (no index lookups, no sort); each speaker's aliases sorted after. */
      stmt = _arx_library_stmt (self, "SELECT person_id, alias FROM people_aliases", error);
      rc = SQLITE_ERROR;
      if (stmt != NULL)
        {
          while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
            {
              gint64 id = sqlite3_column_int64 (stmt, 0);
              const char *alias = (const char *)sqlite3_column_text (stmt, 1);
              ArxSpeakerRow *row = g_hash_table_lookup (by_id, &id);

              add_alias_once (row, alias);
            }
          if (rc != SQLITE_DONE)
            _arx_db_set_error (self->db, error);
          sqlite3_reset (stmt);
        }
      for (guint i = 0; rc == SQLITE_DONE && i < rows->len; i++)
        g_ptr_array_sort (((ArxSpeakerRow *)g_ptr_array_index (rows, i))->aliases, compare_strings);
      goto out;
    }
  for (guint i = 0; rc == SQLITE_DONE && i < rows->len; i++)
    {
      ArxSpeakerRow *row = g_ptr_array_index (rows, i);

      stmt = _arx_library_stmt (self,
                                "SELECT alias FROM people_aliases WHERE person_id = ?1 ORDER BY alias",
                                error);
      if (stmt == NULL)
        {
          rc = SQLITE_ERROR;
          break;
        }
      sqlite3_bind_int64 (stmt, 1, row->id);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          add_alias_once (row, (const char *)sqlite3_column_text (stmt, 0));
        }
      if (rc != SQLITE_DONE)
        _arx_db_set_error (self->db, error);
      sqlite3_reset (stmt);
    }

out:
  g_mutex_unlock (&self->lock);
  return rc == SQLITE_DONE ? g_steal_pointer (&rows) : NULL;
}
