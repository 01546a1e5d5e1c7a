/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "arx-library"

#include "config.h"

#include <inttypes.h>
#include <string.h>
#include <glib/gi18n.h>

#include "arx-library-insights-private.h"

/* A failing step while a user's full-text query is bound is the query's fault (FTS5 reports
 * syntax errors and unknown column filters only when stepping). */
void
_arx_library_set_query_error (ArxLibrary  *self,
                 gboolean     has_user_query,
                 GError     **error)
{
  int code = sqlite3_errcode (self->db);

  if (has_user_query && code == SQLITE_ERROR)
    g_set_error (error, ARX_ERROR, ARX_ERROR_INVALID_QUERY, _("invalid search: %s"),
                 sqlite3_errmsg (self->db));
  else
    _arx_db_set_error (self->db, error);
}

static GPtrArray *
list_articles (ArxLibrary  *self,
               const char  *sql,
               gint64       before_id,
               int          limit,
               GError     **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify)arx_article_row_free);
  sqlite3_stmt *stmt;
  int rc = SQLITE_ERROR;

  g_mutex_lock (&self->lock);
  stmt = _arx_library_stmt (self, sql, error);
  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, before_id);
      sqlite3_bind_int (stmt, 2, limit);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          ArxArticleRow *row = g_new0 (ArxArticleRow, 1);

          row->id = sqlite3_column_int64 (stmt, 0);
          row->title = _arx_column_dup (stmt, 1);
          row->site = _arx_column_dup (stmt, 2);
          row->published = _arx_column_dup (stmt, 3);
          row->source_uri = _arx_column_dup (stmt, 4);
          row->format = _arx_column_dup (stmt, 5);
          row->n_statements = sqlite3_column_int (stmt, 6);
          g_ptr_array_add (rows, row);
        }
      if (rc != SQLITE_DONE)
        _arx_db_set_error (self->db, error);
      sqlite3_reset (stmt);
    }
  g_mutex_unlock (&self->lock);
  return rc == SQLITE_DONE ? g_steal_pointer (&rows) : NULL;
}

/**
 * arx_library_list_articles:
 *
 * Returns: (transfer full) (element-type ArxArticleRow): every article, oldest first. For
 * big libraries (100k articles take ~0.2 s) prefer arx_library_list_articles_page().
 */
GPtrArray *
arx_library_list_articles (ArxLibrary  *self,
                           GError     **error)
{
  g_return_val_if_fail (ARX_IS_LIBRARY (self), NULL);

  return list_articles (self,
                        "SELECT a.id, a.title, a.site, a.published, a.source_uri, a.format,"
                        " (SELECT count(*) FROM statements s"
                        "   WHERE s.article_id = a.id AND s.hidden = 0)"
                        " FROM articles a WHERE ?1 = ?1 ORDER BY a.id LIMIT ?2",
                        0, -1, error);
}

/**
 * arx_library_list_articles_page:
 * @before_id: list articles with a smaller id than this; 0 to start with the newest
 * @limit: page size
 *
 * Returns: (transfer full) (element-type ArxArticleRow): up to @limit articles, newest first;
 * pass the last row's id as @before_id for the next page.
 */
GPtrArray *
arx_library_list_articles_page (ArxLibrary  *self,
                                gint64       before_id,
                                guint        limit,
                                GError     **error)
{
  g_return_val_if_fail (ARX_IS_LIBRARY (self), NULL);

  return list_articles (self,
                        "SELECT a.id, a.title, a.site, a.published, a.source_uri, a.format,"
                        " (SELECT count(*) FROM statements s"
                        "   WHERE s.article_id = a.id AND s.hidden = 0)"
                        " FROM articles a WHERE ?1 <= 0 OR a.id < ?1 ORDER BY a.id DESC LIMIT ?2",
                        before_id, (int)MIN (limit, G_MAXINT), error);
}

gint64
arx_library_count_articles (ArxLibrary  *self,
                            GError     **error)
{
  gint64 n = -1;

  g_return_val_if_fail (ARX_IS_LIBRARY (self), -1);

  g_mutex_lock (&self->lock);
  if (!_arx_library_get_int64 (self, &n, NULL, error, "SELECT count(*) FROM articles", ""))
    n = -1;
  g_mutex_unlock (&self->lock);
  return n;
}

static ArxArticle *
load_article_row (ArxLibrary  *self,
                  gint64       id,
                  GError     **error)
{
  g_autoptr(ArxArticle) article = NULL;
  sqlite3_stmt *stmt;
  const guint32 *packed;
  g_autofree ArxSpan *paragraphs = NULL;
  guint n_paragraphs;
  int rc;

  stmt = _arx_library_stmt (self,
                            "SELECT source_uri, format, title, byline, published, site, language,"
                            " text, paragraphs, kind FROM articles WHERE id = ?1",
                            error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      if (rc == SQLITE_DONE)
        g_set_error (error, ARX_ERROR, ARX_ERROR_NOT_FOUND, _("no article %" PRId64), id);
      else
        _arx_db_set_error (self->db, error);
      sqlite3_reset (stmt);
      return NULL;
    }
  article = arx_article_new ();
  arx_article_set_source_uri (article, (const char *)sqlite3_column_text (stmt, 0));
  arx_article_set_format (article, (const char *)sqlite3_column_text (stmt, 1));
  arx_article_set_title (article, (const char *)sqlite3_column_text (stmt, 2));
  arx_article_set_byline (article, (const char *)sqlite3_column_text (stmt, 3));
  arx_article_set_published (article, (const char *)sqlite3_column_text (stmt, 4));
  arx_article_set_site (article, (const char *)sqlite3_column_text (stmt, 5));
  arx_article_set_language (article, (const char *)sqlite3_column_text (stmt, 6));
  arx_article_set_kind (article, (const char *)sqlite3_column_text (stmt, 9));
  packed = sqlite3_column_blob (stmt, 8);
  n_paragraphs = sqlite3_column_bytes (stmt, 8) / (2 * sizeof (guint32));
  paragraphs = g_new (ArxSpan, n_paragraphs + 1);
  for (guint i = 0; i < n_paragraphs; i++)
    {
      guint32 start, end;

      memcpy (&start, packed + 2 * i, sizeof start);
      memcpy (&end, packed + 2 * i + 1, sizeof end);
      paragraphs[i].start = GUINT32_FROM_LE (start);
      paragraphs[i].end = GUINT32_FROM_LE (end);
    }
  arx_article_set_text (article, (const char *)sqlite3_column_text (stmt, 7), paragraphs,
                        n_paragraphs);
  sqlite3_reset (stmt);
  return g_steal_pointer (&article);
}

static gboolean
load_entities (ArxLibrary   *self,
               gint64        article_id,
               ArxAnalysis  *analysis,
               GHashTable   *index_of,   /* entity row id -> index + 1 */
               GError      **error)
{
  sqlite3_stmt *stmt;
  g_autoptr(GArray) row_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  int rc;

  /* A renamed speaker shows under the user's name in every article. */
  stmt = _arx_library_stmt (self,
                            "SELECT e.id, e.kind, COALESCE(p.user_name, e.name) FROM entities e"
                            " LEFT JOIN people p ON p.id = e.person_id"
                            " WHERE e.article_id = ?1 AND e.origin != 2 ORDER BY e.origin, e.idx",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, article_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 row_id = sqlite3_column_int64 (stmt, 0);

      arx_analysis_add_entity (analysis, sqlite3_column_int (stmt, 1),
                               (const char *)sqlite3_column_text (stmt, 2));
      g_array_append_val (row_ids, row_id);
      g_hash_table_insert (index_of, g_memdup2 (&row_id, sizeof row_id),
                           GUINT_TO_POINTER (analysis->entities->len));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _arx_db_set_error (self->db, error);
      return FALSE;
    }

  for (guint i = 0; i < row_ids->len; i++)
    {
      ArxEntity *entity = g_ptr_array_index (analysis->entities, i);
      gint64 row_id = g_array_index (row_ids, gint64, i);

      stmt = _arx_library_stmt (self,
                                "SELECT alias FROM entity_aliases WHERE entity_id = ?1 ORDER BY pos",
                                error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, row_id);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        arx_entity_add_alias (entity, (const char *)sqlite3_column_text (stmt, 0));
      sqlite3_reset (stmt);
      if (rc != SQLITE_DONE)
        break;

      stmt = _arx_library_stmt (self, "SELECT mention_spans FROM entities WHERE id = ?1", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, row_id);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          const guint8 *packed = sqlite3_column_blob (stmt, 0);
          guint n = sqlite3_column_bytes (stmt, 0) / (2 * sizeof (guint32));

          for (guint j = 0; j < n; j++)
            {
              guint32 pair[2];

              memcpy (pair, packed + j * sizeof pair, sizeof pair);
              arx_entity_add_mention (entity, GUINT32_FROM_LE (pair[0]), GUINT32_FROM_LE (pair[1]));
            }
          rc = SQLITE_DONE;
        }
      sqlite3_reset (stmt);
      if (rc != SQLITE_DONE)
        break;
    }
  if (rc != SQLITE_DONE)
    {
      _arx_db_set_error (self->db, error);
      return FALSE;
    }
  return TRUE;
}

static gboolean
load_statements (ArxLibrary   *self,
                 gint64        article_id,
                 ArxAnalysis  *analysis,
                 GHashTable   *index_of,
                 GError      **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = _arx_library_stmt (self,
                            "SELECT s.kind, s.span_start, s.span_end, s.eff_entity_id,"
                            " COALESCE(p.user_name, s.eff_speaker), s.mention_start, s.mention_end,"
                            " s.cue_start, s.cue_end, s.confidence, s.rule, s.speaker_kind, e.kind"
                            " FROM statements s LEFT JOIN entities e ON e.id = s.eff_entity_id"
                            " LEFT JOIN people p ON p.id = e.person_id"
                            " WHERE s.article_id = ?1 AND s.hidden = 0"
                            " ORDER BY s.span_start, s.span_end, s.id",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, article_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ArxStatement *statement = arx_analysis_add_statement (analysis, sqlite3_column_int (stmt, 0),
                                                            sqlite3_column_int (stmt, 1),
                                                            sqlite3_column_int (stmt, 2));
      int speaker = -1;

      if (sqlite3_column_type (stmt, 3) != SQLITE_NULL)
        {
          gint64 entity_row = sqlite3_column_int64 (stmt, 3);

          speaker = GPOINTER_TO_INT (g_hash_table_lookup (index_of, &entity_row)) - 1;
        }
      if (sqlite3_column_type (stmt, 4) != SQLITE_NULL)
        {
          arx_statement_set_speaker (statement, speaker, (const char *)sqlite3_column_text (stmt, 4));
          /* rows from before schema 10 have no speaker kind: their entity's kind gives it */
          if (sqlite3_column_type (stmt, 11) != SQLITE_NULL)
            statement->speaker_kind = CLAMP (sqlite3_column_int (stmt, 11), 0, ARX_N_SPEAKER_KINDS - 1);
          else if (sqlite3_column_type (stmt, 12) != SQLITE_NULL)
            statement->speaker_kind = arx_speaker_kind_for_entity (sqlite3_column_int (stmt, 12));
          else
            statement->speaker_kind = ARX_SPEAKER_OTHER;
        }
      if (sqlite3_column_type (stmt, 5) != SQLITE_NULL)
        {
          statement->mention_start = sqlite3_column_int (stmt, 5);
          statement->mention_end = sqlite3_column_int (stmt, 6);
        }
      if (sqlite3_column_type (stmt, 7) != SQLITE_NULL)
        {
          statement->cue_start = sqlite3_column_int (stmt, 7);
          statement->cue_end = sqlite3_column_int (stmt, 8);
        }
      statement->confidence = sqlite3_column_double (stmt, 9);
      statement->rule = _arx_column_dup (stmt, 10);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _arx_db_set_error (self->db, error);
      return FALSE;
    }
  return TRUE;
}

/**
 * arx_library_load_article:
 * @out_article: (out) (optional) (transfer full):
 * @out_analysis: (out) (optional) (transfer full): the stored analysis with the user's
 *   corrections applied (hidden statements left out, speakers reassigned, added statements in)
 *
 * Rebuilds what arx_library_add() stored. ARX_ERROR_NOT_FOUND for an unknown id.
 */
gboolean
arx_library_load_article (ArxLibrary   *self,
                          gint64        id,
                          ArxArticle  **out_article,
                          ArxAnalysis **out_analysis,
                          GError      **error)
{
  g_autoptr(ArxArticle) article = NULL;
  g_autoptr(ArxAnalysis) analysis = arx_analysis_new ();
  g_autoptr(GHashTable) index_of = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  gboolean ok = FALSE;

  g_return_val_if_fail (ARX_IS_LIBRARY (self), FALSE);

  g_mutex_lock (&self->lock);
  /* One read transaction: a concurrent writer must not show us half of a re-analysis. */
  if (!_arx_db_exec (self->db, "BEGIN", error))
    goto out;
  ok = (article = load_article_row (self, id, error)) != NULL &&
       load_entities (self, id, analysis, index_of, error) &&
       load_statements (self, id, analysis, index_of, error);
  sqlite3_exec (self->db, "COMMIT", NULL, NULL, NULL);

out:
  g_mutex_unlock (&self->lock);
  if (!ok)
    return FALSE;
  arx_analysis_number (analysis);
  if (out_article != NULL)
    *out_article = g_steal_pointer (&article);
  if (out_analysis != NULL)
    *out_analysis = g_steal_pointer (&analysis);
  return TRUE;
}

/* People matching a --speaker filter: exact name or alias first (indexed); only when nothing
 * matches exactly, a substring of any name or alias. Returns a JSON array of ids. */
char *
_arx_library_resolve_speaker_ids (ArxLibrary  *self,
                     const char  *speaker,
                     GArray      *ids,
                     GError     **error)
{
  g_autofree char *key = _arx_name_key (speaker);
  g_autoptr(GString) json = g_string_new ("[");
  guint n = 0;

  for (int pass = 0; pass < 2 && n == 0; pass++)
    {
      sqlite3_stmt *stmt;
      int rc;

      if (pass == 0)
        stmt = _arx_library_stmt (self,
                                  "SELECT DISTINCT person_id FROM people_aliases WHERE alias_key = ?1",
                                  error);
      else
        stmt = _arx_library_stmt (self,
                                  "SELECT DISTINCT person_id FROM people_aliases"
                                  " WHERE instr(alias_key, ?1) > 0"
                                  " UNION SELECT id FROM people WHERE instr(lower(user_name), ?1) > 0",
                                  error);
      if (stmt == NULL)
        return NULL;
      _arx_bind_text (stmt, 1, key);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          gint64 id = sqlite3_column_int64 (stmt, 0);

          g_string_append_printf (json, "%s%" G_GINT64_FORMAT, n++ > 0 ? "," : "", id);
          g_array_append_val (ids, id);
        }
      sqlite3_reset (stmt);
      if (rc != SQLITE_DONE)
        {
          _arx_db_set_error (self->db, error);
          return NULL;
        }
    }
  g_string_append_c (json, ']');
  return g_string_free (g_steal_pointer (&json), FALSE);
}

#define STATEMENT_FILTERS \
  " WHERE s.hidden = 0 AND (?1 = 0 OR s.article_id = ?1) AND (?2 < 0 OR s.kind = ?2)"
/* Library speakers by id; when none matched, a speaker with no entity (a bare name) by its
 * text. */
#define SPEAKER_FILTER \
  " AND (?3 IS NULL OR s.eff_person_id IN (SELECT value FROM json_each(?3))" \
  "      OR (?3 = '[]' AND s.eff_entity_id IS NULL AND instr(lower(s.eff_speaker), ?4) > 0))"
#define STATEMENT_ORDER " ORDER BY s.article_id, s.span_start, s.id LIMIT ?6"

#define SINGLE_SPEAKER_SQL \
  STATEMENT_COLUMNS " FROM statements s" STATEMENT_JOINS STATEMENT_FILTERS \
  " AND s.eff_person_id = (SELECT value FROM json_each(?3))" STATEMENT_ORDER

/* A statement row from the columns of STATEMENT_COLUMNS. */
ArxStatementRow *
_arx_statement_row_new (sqlite3_stmt *stmt)
{
  ArxStatementRow *row = g_new0 (ArxStatementRow, 1);

  row->article_id = sqlite3_column_int64 (stmt, 0);
  row->article_title = _arx_column_dup (stmt, 1);
  row->statement_id = sqlite3_column_int64 (stmt, 2);
  row->kind = sqlite3_column_int (stmt, 3);
  row->start = sqlite3_column_int (stmt, 4);
  row->end = sqlite3_column_int (stmt, 5);
  row->text = _arx_column_dup (stmt, 6);
  row->speaker = _arx_column_dup (stmt, 7);
  row->cue = _arx_column_dup (stmt, 8);
  row->confidence = sqlite3_column_double (stmt, 9);
  return row;
}

static int
compare_statement_rows (gconstpointer a,
                        gconstpointer b)
{
  const ArxStatementRow *x = *(ArxStatementRow * const *)a;
  const ArxStatementRow *y = *(ArxStatementRow * const *)b;

  if (x->article_id != y->article_id)
    return x->article_id < y->article_id ? -1 : 1;
  if (x->start != y->start)
    return x->start < y->start ? -1 : 1;
  return (x->statement_id > y->statement_id) - (x->statement_id < y->statement_id);
}

/* Steps a query of STATEMENT_COLUMNS to its end, appending its rows. */
static gboolean
step_statement_rows (ArxLibrary  *self,
                     sqlite3_stmt *stmt,
                     gboolean     has_query,
                     GPtrArray   *rows,
                     GError     **error)
{
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_ptr_array_add (rows, _arx_statement_row_new (stmt));
    }
  if (rc != SQLITE_DONE)
    _arx_library_set_query_error (self, has_query, error);
  sqlite3_reset (stmt);
  return rc == SQLITE_DONE;
}

/* Runs one statement query and appends its rows. */
static gboolean
fetch_statements (ArxLibrary               *self,
                  const char               *sql,
                  const ArxStatementQuery  *query,
                  const char               *speaker_ids,
                  const char               *like,
                  gboolean                  has_query,
                  GPtrArray                *rows,
                  GError                  **error)
{
  sqlite3_stmt *stmt = _arx_library_stmt (self, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, query->article_id);
  sqlite3_bind_int (stmt, 2, query->kind);
  _arx_bind_text (stmt, 3, speaker_ids);
  _arx_bind_text (stmt, 4, like);
  _arx_bind_text (stmt, 5, has_query ? query->query : NULL);
  sqlite3_bind_int64 (stmt, 6, query->limit > 0 ? (gint64)query->limit : -1);
  return step_statement_rows (self, stmt, has_query, rows, error);
}

/* The visible statements among @ids (element-type gint64), by article and position, at most
 * @limit (0: all). Expects the lock. */
GPtrArray *
_arx_library_statement_rows_by_ids (ArxLibrary  *self,
                                    GArray      *ids,
                                    guint        limit,
                                    GError     **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify)arx_statement_row_free);
  g_autofree char *list = _arx_ids_json ((const gint64 *)(gpointer)ids->data, ids->len);
  sqlite3_stmt *stmt;

  stmt = _arx_library_stmt (self,
                            STATEMENT_COLUMNS " FROM statements s" STATEMENT_JOINS
                            " WHERE s.hidden = 0 AND s.id IN (SELECT value FROM json_each(?1))"
                            " ORDER BY s.article_id, s.span_start, s.id LIMIT ?2",
                            error);
  if (stmt == NULL)
    return NULL;
  _arx_bind_text (stmt, 1, list);
  sqlite3_bind_int64 (stmt, 2, limit > 0 ? (gint64)limit : -1);
  if (!step_statement_rows (self, stmt, FALSE, rows, error))
    return NULL;
  return g_steal_pointer (&rows);
}

/**
 * arx_library_query_statements:
 *
 * Returns: (transfer full) (element-type ArxStatementRow): the statements matching every
 * given criterion, by article and position; %NULL with ARX_ERROR_INVALID_QUERY when
 * @query->query is not a valid FTS5 query.
 */
GPtrArray *
arx_library_query_statements (ArxLibrary               *self,
                              const ArxStatementQuery  *query,
                              GError                  **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify)arx_statement_row_free);
  g_autofree char *speaker_ids = NULL;
  g_autofree char *like = NULL;
  const char *sql;
  g_autoptr(GArray) person_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  guint n_speakers = 0;
  gboolean has_query = query->query != NULL && query->query[0] != '\0';
  sqlite3_stmt *stmt;
  int rc = SQLITE_ERROR;

  g_return_val_if_fail (ARX_IS_LIBRARY (self), NULL);
  g_return_val_if_fail (query != NULL, NULL);

  g_mutex_lock (&self->lock);
  if (query->speaker != NULL && query->speaker[0] != '\0')
    {
      g_autofree char *key = _arx_name_key (query->speaker);

      if ((speaker_ids = _arx_library_resolve_speaker_ids (self, query->speaker, person_ids, error)) == NULL)
        goto out;
      n_speakers = person_ids->len;
      /* Speakers without an entity (a bare name) are matched on their text. */
      like = g_strdup (key);
    }

  /* Parse the user's query on its own first: inside the big query FTS5 only sees it when a
   * row reaches that test, so a bad query could pass unnoticed on some libraries. */
  if (has_query)
    {
      stmt = _arx_library_stmt (self,
                                "SELECT count(*) FROM (SELECT rowid FROM statements_fts"
                                " WHERE statements_fts MATCH ?1 LIMIT 1)",
                                error);
      if (stmt == NULL)
        goto out;
      _arx_bind_text (stmt, 1, query->query);
      rc = sqlite3_step (stmt);
      if (rc != SQLITE_ROW)
        {
          _arx_library_set_query_error (self, TRUE, error);
          sqlite3_reset (stmt);
          rc = SQLITE_ERROR;
          goto out;
        }
      sqlite3_reset (stmt);
    }

  /* The table that narrows most drives the query: the FTS index, one article, or the
   * speaker's entities; a single statement with ORs would scan every statement. */
  if (has_query)
    sql = STATEMENT_COLUMNS
          " FROM statements_fts JOIN statements s ON s.id = statements_fts.rowid"
          STATEMENT_JOINS STATEMENT_FILTERS " AND statements_fts MATCH ?5" SPEAKER_FILTER
          STATEMENT_ORDER;
  else if (query->article_id > 0)
    sql = STATEMENT_COLUMNS " FROM statements s" STATEMENT_JOINS
          STATEMENT_FILTERS " AND s.article_id = ?1" SPEAKER_FILTER STATEMENT_ORDER;
  else if (n_speakers == 1)
    /* One index range, already in order: a first page costs the page only. */
    sql = SINGLE_SPEAKER_SQL;
  else if (n_speakers > 1)
    sql = STATEMENT_COLUMNS " FROM statements s" STATEMENT_JOINS STATEMENT_FILTERS
          " AND s.eff_person_id IN (SELECT value FROM json_each(?3))" STATEMENT_ORDER;
  else
    sql = STATEMENT_COLUMNS " FROM statements s" STATEMENT_JOINS STATEMENT_FILTERS
          SPEAKER_FILTER STATEMENT_ORDER;
  /* A page of several people's statements: each person's first page is one ordered index
   * range, and merging them here beats sorting all their statements in SQL. */
  if (n_speakers > 1 && query->limit > 0 && !has_query && query->article_id <= 0)
    {
      sql = SINGLE_SPEAKER_SQL;
      for (guint i = 0; i < n_speakers; i++)
        {
          g_autofree char *one = g_strdup_printf ("[%" G_GINT64_FORMAT "]",
                                                  g_array_index (person_ids, gint64, i));

          if (!fetch_statements (self, sql, query, one, like, FALSE, rows, error))
            goto out;
        }
      g_ptr_array_sort (rows, compare_statement_rows);
      if (rows->len > query->limit)
        g_ptr_array_set_size (rows, query->limit);
      rc = SQLITE_DONE;
    }
  else
    rc = fetch_statements (self, sql, query, speaker_ids, like, has_query, rows, error)
         ? SQLITE_DONE : SQLITE_ERROR;

out:
  g_mutex_unlock (&self->lock);
  return rc == SQLITE_DONE ? g_steal_pointer (&rows) : NULL;
}
