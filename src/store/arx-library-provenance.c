/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "arx-library"

#include "config.h"

#include "arx-quote-match.h"

#include "arx-library-insights-private.h"

/* Where a quote came from: statements of different articles with the same wording (or nearly,
 * see arx-quote-match.c) share a `quote_group`. Only quoted words are grouped (direct, partial
 * and mixed statements): reported speech is the writer's paraphrase, and the same paraphrase in
 * two articles is one article copied, not a quote travelling. Each stored statement keeps its fingerprints
 * in `quote_prints`; a new statement looks its own up there, compares its words with the few
 * statements that share one, and joins (or merges) their groups. That is a handful of index
 * probes per statement, done once when it is stored. Fingerprints of statements deleted
 * without _forget_quotes() only cost space: every candidate is compared by its text. */

/* A fingerprint shared by this many statements is a common phrase or a much-copied quote: no
 * more statements are filed under it (a phrase's have rarer ones, a copy finds the first
 * copies), which keeps every lookup and the table short. */
#define MAX_PER_PRINT 8
/* Candidates compared per statement, most shared fingerprints first. */
#define MAX_COMPARED 16
/* The same quote shares most fingerprints of the shorter wording (all of them when one is a
 * cut of the other); a candidate sharing fewer than a third is not read at all. */
#define MIN_SHARED_SHARE (1.0 / 3)

typedef struct
{
  gint64  id;
  gint64  article_id;
  char   *text;
} Pending;

typedef struct
{
  gint64 id;
  guint  shared;
  guint  n_prints;
} Candidate;

static void
pending_clear (gpointer data)
{
  g_free (((Pending *)data)->text);
}

static GArray *
read_pending (ArxLibrary  *self,
              const char  *sql,
              gint64       value,
              GError     **error)
{
  g_autoptr(GArray) pending = g_array_new (FALSE, FALSE, sizeof (Pending));
  sqlite3_stmt *stmt = _arx_library_stmt (self, sql, error);
  int rc;

  g_array_set_clear_func (pending, pending_clear);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, value);
  /* reported speech has no fingerprints */
  sqlite3_bind_int (stmt, 2, ARX_STATEMENT_INDIRECT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Pending p = { sqlite3_column_int64 (stmt, 0), sqlite3_column_int64 (stmt, 1),
                    _arx_column_dup (stmt, 2) };

      g_array_append_val (pending, p);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _arx_db_set_error (self->db, error);
      return NULL;
    }
  return g_steal_pointer (&pending);
}

static int
compare_candidates (gconstpointer a,
                    gconstpointer b)
{
  const Candidate *x = a, *y = b;

  if (x->shared != y->shared)
    return x->shared > y->shared ? -1 : 1;
  return (x->id > y->id) - (x->id < y->id);
}

/* "[1,2,3]": the fingerprints as one bound value (printf was a tenth of the grouping's time). */
static char *
prints_json (GArray *prints)
{
  GString *json = g_string_sized_new (2 + prints->len * 20);

  g_string_append_c (json, '[');
  for (guint i = 0; i < prints->len; i++)
    {
      /* fingerprints are positive */
      guint64 value = g_array_index (prints, gint64, i);
      char digits[24];
      int n = 0;

      do
        digits[n++] = '0' + value % 10;
      while ((value /= 10) > 0);
      if (i > 0)
        g_string_append_c (json, ',');
      while (n > 0)
        g_string_append_c (json, digits[--n]);
    }
  g_string_append_c (json, ']');
  return g_string_free (json, FALSE);
}

/* Statements sharing one of @prints, most shared first; @prints keeps only the
 * fingerprints that are not common yet, to be filed under the new statement. */
static GArray *
find_candidates (ArxLibrary     *self,
                 GArray         *prints,
                 const char     *json,
                 GError        **error)
{
  /* statement id → 1 + its index in @candidates; print → statements filed under it */
  g_autoptr(GHashTable) index = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GHashTable) per_print = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GArray) candidates = g_array_new (FALSE, FALSE, sizeof (Candidate));
  sqlite3_stmt *stmt;
  int rc;

  /* one probe per fingerprint, in one statement */
  stmt = _arx_library_stmt (self,
                            "SELECT q.print, q.statement_id, q.n_prints FROM json_each(?1) j"
                            " JOIN quote_prints q ON q.print = j.value",
                            error);
  if (stmt == NULL)
    return NULL;
  _arx_bind_text (stmt, 1, json);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 print = sqlite3_column_int64 (stmt, 0);
      gint64 id = sqlite3_column_int64 (stmt, 1);
      guint at = GPOINTER_TO_UINT (g_hash_table_lookup (index, &id));
      guint filed = GPOINTER_TO_UINT (g_hash_table_lookup (per_print, &print));

      g_hash_table_replace (per_print, g_memdup2 (&print, sizeof print), GUINT_TO_POINTER (filed + 1));
      if (at > 0)
        g_array_index (candidates, Candidate, at - 1).shared++;
      else
        {
          Candidate c = { id, 1, sqlite3_column_int (stmt, 2) };

          g_array_append_val (candidates, c);
          g_hash_table_insert (index, g_memdup2 (&id, sizeof id), GUINT_TO_POINTER (candidates->len));
        }
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _arx_db_set_error (self->db, error);
      return NULL;
    }
  for (guint i = prints->len; i-- > 0;)
    if (GPOINTER_TO_UINT (g_hash_table_lookup (per_print, &g_array_index (prints, gint64, i))) >= MAX_PER_PRINT)
      g_array_remove_index (prints, i);
  g_array_sort (candidates, compare_candidates);
  return g_steal_pointer (&candidates);
}

/* The text, article and group (0 for none) of a stored statement. */
static gboolean
read_statement (ArxLibrary  *self,
                gint64       id,
                char       **out_text,
                gint64      *out_article,
                gint64      *out_group,
                GError     **error)
{
  sqlite3_stmt *stmt = _arx_library_stmt (self,
                                          "SELECT text, article_id, COALESCE(quote_group, 0)"
                                          " FROM statements WHERE id = ?1",
                                          error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  *out_text = rc == SQLITE_ROW ? _arx_column_dup (stmt, 0) : NULL;
  *out_article = rc == SQLITE_ROW ? sqlite3_column_int64 (stmt, 1) : 0;
  *out_group = rc == SQLITE_ROW ? sqlite3_column_int64 (stmt, 2) : 0;
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      _arx_db_set_error (self->db, error);
      return FALSE;
    }
  return TRUE;
}

/* Puts @p and the statements it repeats into one group: theirs when they have one (the
 * oldest when several), else a new one. */
static gboolean
join_groups (ArxLibrary    *self,
             const Pending *p,
             GArray        *loose,
             GArray        *groups,
             GError       **error)
{
  gint64 label = 0;

  for (guint i = 0; i < groups->len; i++)
    {
      gint64 g = g_array_index (groups, gint64, i);

      label = label == 0 ? g : MIN (label, g);
    }
  if (label == 0)
    {
      /* AUTOINCREMENT: a group id is never handed out twice, even after deletions */
      if (!_arx_library_run (self, error, "INSERT INTO quote_groups DEFAULT VALUES", ""))
        return FALSE;
      label = sqlite3_last_insert_rowid (self->db);
    }
  for (guint i = 0; i < groups->len; i++)
    if (g_array_index (groups, gint64, i) != label &&
        !_arx_library_run (self, error, "UPDATE statements SET quote_group = ?1 WHERE quote_group = ?2",
                           "ii", label, g_array_index (groups, gint64, i)))
      return FALSE;
  for (guint i = 0; i < loose->len; i++)
    if (!_arx_library_run (self, error, "UPDATE statements SET quote_group = ?1 WHERE id = ?2",
                           "ii", label, g_array_index (loose, gint64, i)))
      return FALSE;
  return _arx_library_run (self, error, "UPDATE statements SET quote_group = ?1 WHERE id = ?2",
                           "ii", label, p->id);
}

static gboolean
group_one (ArxLibrary     *self,
           const Pending  *p,
           GError        **error)
{
  g_autoptr(GArray) words = arx_quote_words (p->text);
  g_autoptr(GArray) prints = arx_quote_prints (words);
  g_autoptr(GArray) candidates = NULL;
  g_autoptr(GArray) loose = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) groups = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *json = NULL;
  guint compared = 0;
  int n_prints = prints->len;

  if (prints->len == 0)
    return TRUE;
  json = prints_json (prints);
  if ((candidates = find_candidates (self, prints, json, error)) == NULL)
    return FALSE;
  if (prints->len < (guint)n_prints)
    {
      g_free (json);
      json = prints_json (prints);
    }
  if (prints->len > 0)
    {
      if (!_arx_library_run (self, error,
                             "INSERT OR IGNORE INTO quote_prints (print, statement_id, n_prints)"
                             " SELECT value, ?2, ?3 FROM json_each(?1)",
                             "tid", json, p->id, n_prints))
        return FALSE;
    }

  for (guint i = 0; i < candidates->len && compared < MAX_COMPARED; i++)
    {
      const Candidate *c = &g_array_index (candidates, Candidate, i);
      g_autofree char *text = NULL;
      g_autoptr(GArray) other = NULL;
      gboolean known = FALSE;
      gint64 article, group;

      if (c->shared < MIN_SHARED_SHARE * MIN ((guint)n_prints, c->n_prints))
        continue;
      if (!read_statement (self, c->id, &text, &article, &group, error))
        return FALSE;
      /* already joined through another of its group */
      for (guint j = 0; j < groups->len && group != 0 && !known; j++)
        known = g_array_index (groups, gint64, j) == group;
      /* provenance is about other articles; a quote an article repeats is not one */
      if (text == NULL || known || article == p->article_id)
        continue;
      compared++;
      /* copies are common (wire stories): the same text needs no word comparison */
      if (g_str_equal (text, p->text))
        {
          if (group != 0)
            {
              /* an exact copy of a grouped quote: its group holds whatever else matches */
              g_array_append_val (groups, group);
              break;
            }
        }
      else
        {
          other = arx_quote_words (text);
          if (!arx_quote_same (words, other))
            continue;
        }
      if (group != 0)
        g_array_append_val (groups, group);
      else
        g_array_append_val (loose, c->id);
    }
  if (groups->len == 0 && loose->len == 0)
    return TRUE;
  return join_groups (self, p, loose, groups, error);
}

static gboolean
group_pending (ArxLibrary  *self,
               GArray      *pending,
               GError     **error)
{
  if (pending == NULL)
    return FALSE;
  for (guint i = 0; i < pending->len; i++)
    if (!group_one (self, &g_array_index (pending, Pending, i), error))
      return FALSE;
  return TRUE;
}

gboolean
_arx_library_group_quotes (ArxLibrary  *self,
                           gint64       after_id,
                           gint64       article_id,
                           GError     **error)
{
  g_autoptr(GArray) pending = NULL;

  /* ORDER BY article_id walks the article index; by id, SQLite scanned the whole table */
  if (article_id > 0)
    pending = read_pending (self,
                            "SELECT id, article_id, text FROM statements WHERE article_id = ?1"
                            " AND origin = 0 AND kind != ?2 ORDER BY id",
                            article_id, error);
  else
    pending = read_pending (self,
                            "SELECT id, article_id, text FROM statements WHERE article_id > ?1"
                            " AND origin = 0 AND kind != ?2 ORDER BY article_id",
                            after_id, error);
  return group_pending (self, pending, error);
}

/* The migration that added provenance: every stored statement, oldest first. */
gboolean
_arx_library_group_all_quotes (ArxLibrary  *self,
                               GError     **error)
{
  return _arx_library_group_quotes (self, 0, 0, error);
}

gboolean
_arx_library_forget_quotes (ArxLibrary  *self,
                            gint64       article_id,
                            GError     **error)
{
  g_autoptr(GArray) pending = read_pending (self,
                                            "SELECT id, article_id, text FROM statements"
                                            " WHERE article_id = ?1 AND kind != ?2",
                                            article_id, error);

  if (pending == NULL)
    return FALSE;
  for (guint i = 0; i < pending->len; i++)
    {
      const Pending *p = &g_array_index (pending, Pending, i);
      g_autoptr(GArray) words = arx_quote_words (p->text);
      g_autoptr(GArray) prints = arx_quote_prints (words);
      g_autofree char *json = prints_json (prints);

      if (prints->len > 0 &&
          !_arx_library_run (self, error,
                             "DELETE FROM quote_prints WHERE statement_id = ?2"
                             " AND print IN (SELECT value FROM json_each(?1))",
                             "ti", json, p->id))
        return FALSE;
    }
  return TRUE;
}

/* Reading groups */

#define VERSION_SQL(WHERE) \
  "SELECT s.quote_group, s.article_id, a.title, a.published, s.id, s.span_start, s.span_end," \
  " COALESCE(p.user_name, s.eff_speaker), s.text" \
  " FROM statements s JOIN articles a ON a.id = s.article_id" \
  " LEFT JOIN entities e ON e.id = s.eff_entity_id LEFT JOIN people p ON p.id = e.person_id" \
  " WHERE s.hidden = 0 AND " WHERE \
  " ORDER BY s.quote_group, a.published IS NULL, a.published, a.id, s.span_start"

static void
quote_version_free (ArxQuoteVersion *version)
{
  g_free (version->article_title);
  g_free (version->date);
  g_free (version->speaker);
  g_free (version->text);
  g_free (version);
}

void
arx_quote_group_free (ArxQuoteGroup *group)
{
  g_ptr_array_unref (group->versions);
  g_free (group);
}

static guint
count_articles (ArxQuoteGroup *group)
{
  guint n = 0;

  for (guint i = 0; i < group->versions->len; i++)
    {
      const ArxQuoteVersion *v = g_ptr_array_index (group->versions, i);
      gboolean seen = FALSE;

      for (guint j = 0; j < i && !seen; j++)
        seen = ((const ArxQuoteVersion *)g_ptr_array_index (group->versions, j))->article_id == v->article_id;
      n += !seen;
    }
  return n;
}

/* Steps @stmt and collects its rows into groups, keeping those of two articles or more. */
static GPtrArray *
collect_groups (ArxLibrary    *self,
                sqlite3_stmt  *stmt,
                GError       **error)
{
  g_autoptr(GPtrArray) groups = g_ptr_array_new_with_free_func ((GDestroyNotify)arx_quote_group_free);
  ArxQuoteGroup *group = NULL;
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ArxQuoteVersion *v = g_new0 (ArxQuoteVersion, 1);
      gint64 id = sqlite3_column_int64 (stmt, 0);

      if (group == NULL || group->group_id != id)
        {
          group = g_new0 (ArxQuoteGroup, 1);
          group->group_id = id;
          group->versions = g_ptr_array_new_with_free_func ((GDestroyNotify)quote_version_free);
          g_ptr_array_add (groups, group);
        }
      v->article_id = sqlite3_column_int64 (stmt, 1);
      v->article_title = _arx_column_dup (stmt, 2);
      v->date = _arx_column_dup (stmt, 3);
      v->statement_id = sqlite3_column_int64 (stmt, 4);
      v->start = sqlite3_column_int (stmt, 5);
      v->end = sqlite3_column_int (stmt, 6);
      v->speaker = _arx_column_dup (stmt, 7);
      v->text = _arx_column_dup (stmt, 8);
      g_ptr_array_add (group->versions, v);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _arx_db_set_error (self->db, error);
      return NULL;
    }
  for (guint i = groups->len; i-- > 0;)
    if (count_articles (g_ptr_array_index (groups, i)) < 2)
      g_ptr_array_remove_index (groups, i);
  return g_steal_pointer (&groups);
}

static int
compare_groups (gconstpointer a,
                gconstpointer b)
{
  const ArxQuoteGroup *x = *(ArxQuoteGroup * const *)a;
  const ArxQuoteGroup *y = *(ArxQuoteGroup * const *)b;
  const ArxQuoteVersion *vx = g_ptr_array_index (x->versions, 0);
  const ArxQuoteVersion *vy = g_ptr_array_index (y->versions, 0);

  if ((vx->date == NULL) != (vy->date == NULL))
    return vx->date == NULL ? 1 : -1;
  if (vx->date != NULL && g_strcmp0 (vx->date, vy->date) != 0)
    return g_strcmp0 (vx->date, vy->date);
  if (vx->article_id != vy->article_id)
    return vx->article_id < vy->article_id ? -1 : 1;
  return (vx->start > vy->start) - (vx->start < vy->start);
}

/**
 * arx_library_list_provenance:
 *
 * Returns: (transfer full) (element-type ArxQuoteGroup): every quote found in two articles or
 * more, each with its versions earliest article first (by publication date, then import
 * order); the groups in the order of their earliest version.
 */
GPtrArray *
arx_library_list_provenance (ArxLibrary  *self,
                             GError     **error)
{
  g_autoptr(GPtrArray) groups = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (ARX_IS_LIBRARY (self), NULL);

  g_mutex_lock (&self->lock);
  stmt = _arx_library_stmt (self, VERSION_SQL ("s.quote_group IS NOT NULL"), error);
  if (stmt != NULL)
    groups = collect_groups (self, stmt, error);
  g_mutex_unlock (&self->lock);
  if (groups != NULL)
    g_ptr_array_sort (groups, compare_groups);
  return g_steal_pointer (&groups);
}

/**
 * arx_library_quote_versions:
 *
 * Returns: (transfer full) (nullable): the versions of the quote at @start–@end of article
 * @article_id, earliest first; %NULL without an error when no other article has it.
 */
ArxQuoteGroup *
arx_library_quote_versions (ArxLibrary  *self,
                            gint64       article_id,
                            guint        start,
                            guint        end,
                            GError     **error)
{
  g_autoptr(GPtrArray) groups = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (ARX_IS_LIBRARY (self), NULL);

  g_mutex_lock (&self->lock);
  stmt = _arx_library_stmt (self,
                            VERSION_SQL ("s.quote_group = (SELECT quote_group FROM statements"
                                         " WHERE article_id = ?1 AND span_start = ?2 AND span_end = ?3"
                                         " AND quote_group IS NOT NULL ORDER BY origin, id LIMIT 1)"),
                            error);
  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, article_id);
      sqlite3_bind_int (stmt, 2, start);
      sqlite3_bind_int (stmt, 3, end);
      groups = collect_groups (self, stmt, error);
    }
  g_mutex_unlock (&self->lock);
  if (groups == NULL || groups->len == 0)
    return NULL;
  return g_ptr_array_steal_index (groups, 0);
}

/* How many other articles carry each statement of @stmt, the statements no other article quotes
 * left out. The columns: id, start, end, the count. Expects the lock. */
static GArray *
read_spread (ArxLibrary    *self,
             sqlite3_stmt  *stmt,
             GError       **error)
{
  g_autoptr(GArray) spread = g_array_new (FALSE, FALSE, sizeof (ArxQuoteSpread));
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ArxQuoteSpread s = { sqlite3_column_int64 (stmt, 0), sqlite3_column_int (stmt, 1),
                           sqlite3_column_int (stmt, 2), sqlite3_column_int (stmt, 3) };

      if (s.n_other_articles > 0)
        g_array_append_val (spread, s);
    }
  if (rc != SQLITE_DONE)
    _arx_db_set_error (self->db, error);
  sqlite3_reset (stmt);
  return rc == SQLITE_DONE ? g_steal_pointer (&spread) : NULL;
}

#define SPREAD_COLUMNS \
  "SELECT s.id, s.span_start, s.span_end," \
  " (SELECT count(DISTINCT o.article_id) FROM statements o" \
  "   WHERE o.quote_group = s.quote_group AND o.hidden = 0" \
  "   AND o.article_id != s.article_id)" \
  " FROM statements s"

/**
 * arx_library_quote_spread:
 *
 * Returns: (transfer full) (element-type ArxQuoteSpread): the statements of article
 * @article_id that other articles quote too, with how many other articles do.
 */
GArray *
arx_library_quote_spread (ArxLibrary  *self,
                          gint64       article_id,
                          GError     **error)
{
  GArray *spread = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (ARX_IS_LIBRARY (self), NULL);

  g_mutex_lock (&self->lock);
  stmt = _arx_library_stmt (self,
                            SPREAD_COLUMNS " WHERE s.article_id = ?1 AND s.hidden = 0"
                            " AND s.quote_group IS NOT NULL ORDER BY s.span_start",
                            error);
  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, article_id);
      spread = read_spread (self, stmt, error);
    }
  g_mutex_unlock (&self->lock);
  return spread;
}

/**
 * arx_library_quote_spread_of:
 * @ids: statement ids (a page of a list, say)
 *
 * Like arx_library_quote_spread(), for the statements @ids of any articles: one query (by the
 * quote group index) for a page of a library-wide list.
 *
 * Returns: (transfer full) (element-type ArxQuoteSpread): those of @ids that other articles
 * quote too, in no particular order.
 */
GArray *
arx_library_quote_spread_of (ArxLibrary    *self,
                             const gint64  *ids,
                             guint          n_ids,
                             GError       **error)
{
  g_autofree char *json = NULL;
  GArray *spread = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (ARX_IS_LIBRARY (self), NULL);
  g_return_val_if_fail (ids != NULL || n_ids == 0, NULL);

  json = _arx_ids_json (ids, n_ids);
  g_mutex_lock (&self->lock);
  stmt = _arx_library_stmt (self,
                            SPREAD_COLUMNS " WHERE s.id IN (SELECT value FROM json_each(?1))"
                            " AND s.hidden = 0 AND s.quote_group IS NOT NULL",
                            error);
  if (stmt != NULL)
    {
      _arx_bind_text (stmt, 1, json);
      spread = read_spread (self, stmt, error);
    }
  g_mutex_unlock (&self->lock);
  return spread;
}
