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
