/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "arx-library"

#include "config.h"

#include <string.h>

#include "arx-library-insights-private.h"

/* Counts over a scope of the library. One query reads the few columns every count needs
 * for each visible statement of the scope; the counts, and the statements behind any one of
 * them (a chart's bar), come from that same scan, so a bar and what clicking it shows can
 * never disagree. */

/* The scope's criteria; ?1 is set only by the SQL that starts from the listed articles. */
#define SCOPE_FILTER(COLUMN) \
  " AND (?2 IS NULL OR " COLUMN " IN (SELECT t.article_id FROM article_tags t" \
  "   JOIN tags g ON g.id = t.tag_id WHERE g.name = ?2))" \
  " AND (?3 IS NULL OR " COLUMN " IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?3))" \
  " AND (?4 IS NULL OR substr(a.published, 1, length(?4)) >= ?4)" \
  " AND (?5 IS NULL OR substr(a.published, 1, length(?5)) <= ?5)"

/* Only the statements table: the article's date comes from the scope's articles, a person's
 * name once per person, and an entity's kind only for rows without a speaker kind. */
#define SCAN_COLUMNS \
  "SELECT s.id, s.article_id, s.kind, s.eff_speaker IS NOT NULL," \
  " CASE WHEN s.eff_entity_id IS s.entity_id THEN s.speaker_kind END," \
  " CASE WHEN s.speaker_kind IS NULL OR s.eff_entity_id IS NOT s.entity_id" \
  "   THEN (SELECT e.kind FROM entities e WHERE e.id = s.eff_entity_id) END," \
  " COALESCE(s.eff_person_id, 0), CASE WHEN s.eff_person_id IS NULL THEN s.eff_speaker END" \
  " FROM statements s"

/* Up to this many articles, their statements are read article by article (an index range
 * each); more, and one pass over all statements is faster. */
#define MAX_ARTICLES_BY_INDEX 512

/* One visible statement of the scope. */
typedef struct
{
  gint64           id;
  gint64           article_id;
  gint64           person_id;
  const char      *period;       /* "2019-07" (interned), or NULL when undated */
  const char      *speaker;      /* interned name of a speaker without a library person, or NULL */
  ArxStatementKind kind;
  int              speaker_kind; /* ArxSpeakerKind or ARX_SPEAKER_UNATTRIBUTED */
} ScanRow;

typedef struct
{
  GArray       *rows;           /* (element-type ScanRow) by article */
  GStringChunk *strings;
  GHashTable   *interned;
  GHashTable   *periods;        /* article id → interned period, for every article of the scope */
  guint         n_articles;
  gboolean      by_month;
  GHashTable   *genders;        /* person id → ArxGender */
} Scan;

static void
scan_clear (Scan *scan)
{
  g_clear_pointer (&scan->rows, g_array_unref);
  g_clear_pointer (&scan->strings, g_string_chunk_free);
  g_clear_pointer (&scan->interned, g_hash_table_unref);
  g_clear_pointer (&scan->periods, g_hash_table_unref);
  g_clear_pointer (&scan->genders, g_hash_table_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Scan, scan_clear)

static gboolean
is_digits (const char *s,
           guint       n)
{
  for (guint i = 0; i < n; i++)
    if (!g_ascii_isdigit (s[i]))
      return FALSE;
  return TRUE;
}

/* "2019" or "2019-07" of an ISO date, NULL when @date is not one. */
char *
_arx_period_of_date (const char *date,
                     gboolean    by_month)
{
  if (date == NULL || strlen (date) < 4 || !is_digits (date, 4))
    return NULL;
  if (!by_month)
    return g_strndup (date, 4);
  if (strlen (date) < 7 || date[4] != '-' || !is_digits (date + 5, 2))
    return NULL;
  return g_strndup (date, 7);
}

/* Months when the dates span two years or less, years otherwise. */
gboolean
_arx_periods_by_month (const char *earliest,
                       const char *latest)
{
  g_autofree char *from = _arx_period_of_date (earliest, TRUE);
  g_autofree char *to = _arx_period_of_date (latest, TRUE);

  if (from == NULL || to == NULL)
    return FALSE;
  return (atoi (to) * 12 + atoi (to + 5)) - (atoi (from) * 12 + atoi (from + 5)) < 24;
}

ArxStatsPeriod *
_arx_stats_period_new (const char *period)
{
  ArxStatsPeriod *p = g_new0 (ArxStatsPeriod, 1);

  p->period = g_strdup (period);
  return p;
}

void
_arx_stats_period_free (ArxStatsPeriod *period)
{
  g_free (period->period);
  g_free (period);
}

static const char *
intern (Scan       *scan,
        const char *text)
{
  const char *found;

  if (text == NULL)
    return NULL;
  if ((found = g_hash_table_lookup (scan->interned, text)) != NULL)
    return found;
  found = g_string_chunk_insert (scan->strings, text);
  g_hash_table_insert (scan->interned, (gpointer)found, (gpointer)found);
  return found;
}

static char *
article_ids_json (const ArxScope *scope)
{
  return _arx_ids_json (scope->article_ids, scope->n_article_ids);
}

static void
bind_scope (sqlite3_stmt   *stmt,
            const ArxScope *scope,
            const char     *ids)
{
  _arx_bind_text (stmt, 1, ids);
  _arx_bind_text (stmt, 2, scope->tag);
  _arx_bind_text (stmt, 3, scope->query != NULL && scope->query[0] != '\0' ? scope->query : NULL);
  _arx_bind_text (stmt, 4, scope->from != NULL && scope->from[0] != '\0' ? scope->from : NULL);
  _arx_bind_text (stmt, 5, scope->to != NULL && scope->to[0] != '\0' ? scope->to : NULL);
}

static int
row_speaker_kind (sqlite3_stmt *stmt)
{
  if (!sqlite3_column_int (stmt, 3))
    return ARX_SPEAKER_UNATTRIBUTED;
  /* the analysis's own kind, unless the user gave the statement another speaker */
  if (sqlite3_column_type (stmt, 4) != SQLITE_NULL)
    return CLAMP (sqlite3_column_int (stmt, 4), 0, ARX_N_SPEAKER_KINDS - 1);
  if (sqlite3_column_type (stmt, 5) != SQLITE_NULL)
    return arx_speaker_kind_for_entity (sqlite3_column_int (stmt, 5));
  return ARX_SPEAKER_OTHER;
}

static gboolean
scope_is_library (const ArxScope *scope)
{
  return scope->article_ids == NULL && scope->tag == NULL &&
         (scope->query == NULL || scope->query[0] == '\0') &&
         (scope->from == NULL || scope->from[0] == '\0') &&
         (scope->to == NULL || scope->to[0] == '\0');
}

typedef struct
{
  gint64  id;
  char   *published;
} ScopeArticle;

static void
scope_article_clear (gpointer data)
{
  g_free (((ScopeArticle *)data)->published);
}

/* The scope's articles and their dates; NULL with @error set. */
static GArray *
read_articles (ArxLibrary     *self,
               const ArxScope *scope,
               GError        **error)
{
  g_autofree char *ids = scope->article_ids != NULL ? article_ids_json (scope) : NULL;
  g_autoptr(GArray) articles = g_array_new (FALSE, FALSE, sizeof (ScopeArticle));
  gboolean has_query = scope->query != NULL && scope->query[0] != '\0';
  sqlite3_stmt *stmt;
  int rc;

  g_array_set_clear_func (articles, scope_article_clear);
  if (ids != NULL)
    stmt = _arx_library_stmt (self,
                              "SELECT a.id, a.published FROM articles a"
                              " WHERE a.id IN (SELECT value FROM json_each(?1))" SCOPE_FILTER ("a.id"),
                              error);
  else
    stmt = _arx_library_stmt (self,
                              "SELECT a.id, a.published FROM articles a WHERE ?1 IS NULL"
                              SCOPE_FILTER ("a.id"),
                              error);
  if (stmt == NULL)
    return NULL;
  bind_scope (stmt, scope, ids);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ScopeArticle a = { sqlite3_column_int64 (stmt, 0), _arx_column_dup (stmt, 1) };

      g_array_append_val (articles, a);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _arx_library_set_query_error (self, has_query, error);
      return NULL;
    }
  return g_steal_pointer (&articles);
}

static gboolean
read_rows (ArxLibrary    *self,
           Scan          *scan,
           sqlite3_stmt  *stmt,
           gboolean       filter,
           GError       **error)
{
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 article = sqlite3_column_int64 (stmt, 1);
      gpointer period = NULL;
      ScanRow row;

      if (!g_hash_table_lookup_extended (scan->periods, &article, NULL, &period) && filter)
        continue;
      row.id = sqlite3_column_int64 (stmt, 0);
      row.article_id = article;
      row.person_id = sqlite3_column_int64 (stmt, 6);
      row.period = period;
      row.speaker = intern (scan, (const char *)sqlite3_column_text (stmt, 7));
      row.kind = CLAMP (sqlite3_column_int (stmt, 2), 0, ARX_N_STATEMENT_KINDS - 1);
      row.speaker_kind = row_speaker_kind (stmt);
      g_array_append_val (scan->rows, row);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _arx_db_set_error (self->db, error);
      return FALSE;
    }
  return TRUE;
}

/* Reads the scope's statements; the caller holds the lock. */
static gboolean
scan_scope (ArxLibrary     *self,
            const ArxScope *scope,
            Scan           *scan,
            GError        **error)
{
  g_autoptr(GArray) articles = NULL;
  const char *earliest = NULL, *latest = NULL;
  sqlite3_stmt *stmt;

  scan->rows = g_array_new (FALSE, FALSE, sizeof (ScanRow));
  scan->strings = g_string_chunk_new (4096);
  scan->interned = g_hash_table_new (g_str_hash, g_str_equal);
  scan->periods = g_hash_table_new (g_int64_hash, g_int64_equal);

  if ((articles = read_articles (self, scope, error)) == NULL)
    return FALSE;
  scan->n_articles = articles->len;
  for (guint i = 0; i < articles->len; i++)
    {
      const char *published = g_array_index (articles, ScopeArticle, i).published;

      if (published == NULL || strlen (published) < 4 || !is_digits (published, 4))
        continue;
      if (earliest == NULL || strcmp (published, earliest) < 0)
        earliest = published;
      if (latest == NULL || strcmp (published, latest) > 0)
        latest = published;
    }
  scan->by_month = _arx_periods_by_month (earliest, latest);
  for (guint i = 0; i < articles->len; i++)
    {
      ScopeArticle *a = &g_array_index (articles, ScopeArticle, i);
      g_autofree char *period = _arx_period_of_date (a->published, scan->by_month);

      g_hash_table_insert (scan->periods, &a->id, (gpointer)intern (scan, period));
    }

  if (articles->len <= MAX_ARTICLES_BY_INDEX && !scope_is_library (scope))
    for (guint i = 0; i < articles->len; i++)
      {
        stmt = _arx_library_stmt (self, SCAN_COLUMNS " WHERE s.article_id = ?1 AND s.hidden = 0",
                                  error);
        if (stmt == NULL)
          return FALSE;
        sqlite3_bind_int64 (stmt, 1, g_array_index (articles, ScopeArticle, i).id);
        if (!read_rows (self, scan, stmt, FALSE, error))
          return FALSE;
      }
  else
    {
      /* by article, so that a speaker's articles are counted as they go by */
      stmt = _arx_library_stmt (self, SCAN_COLUMNS " WHERE s.hidden = 0 ORDER BY s.article_id",
                                error);
      if (stmt == NULL || !read_rows (self, scan, stmt, !scope_is_library (scope), error))
        return FALSE;
    }
  /* the article ids the periods hash points into go with @articles */
  g_hash_table_remove_all (scan->periods);
  scan->genders = _arx_library_genders (self, error);
  return scan->genders != NULL;
}

static ArxGender
row_gender (const Scan    *scan,
            const ScanRow *row)
{
  if (row->speaker_kind != ARX_SPEAKER_PERSON || row->person_id == 0)
    return ARX_GENDER_UNKNOWN;
  return GPOINTER_TO_INT (g_hash_table_lookup (scan->genders, &row->person_id));
}

/* Gender counts only people: statements by a person, whose gender may be unknown. */
static gboolean
counts_for_gender (const ScanRow *row)
{
  return row->speaker_kind == ARX_SPEAKER_PERSON;
}

static gboolean
row_in_facet (const Scan     *scan,
              const ScanRow  *row,
              const ArxFacet *facet)
{
  switch (facet->kind)
    {
    case ARX_FACET_ALL:
      return TRUE;
    case ARX_FACET_SPEAKER:
      if (facet->person_id > 0)
        return row->person_id == facet->person_id;
      return row->person_id == 0 && g_strcmp0 (row->speaker, facet->name) == 0;
    case ARX_FACET_KIND:
      return (int)row->kind == facet->value;
    case ARX_FACET_SPEAKER_KIND:
      return row->speaker_kind == facet->value;
    case ARX_FACET_GENDER:
      return counts_for_gender (row) && (int)row_gender (scan, row) == facet->value &&
             (facet->period == NULL || g_strcmp0 (row->period, facet->period) == 0);
    default:
      return FALSE;
    }
}

typedef struct
{
  ArxStatsSpeaker *speaker;
  gint64           last_article;
  guint            kinds[ARX_N_SPEAKER_KINDS + 1];
  gboolean         counted;       /* among the distinct people by gender */
  char            *sort_key;
} SpeakerTally;

static void
tally_free (SpeakerTally *tally)
{
  g_free (tally->sort_key);
  g_free (tally);
}

static void
stats_speaker_free (ArxStatsSpeaker *speaker)
{
  g_free (speaker->name);
  g_free (speaker);
}

void
arx_stats_free (ArxStats *stats)
{
  g_clear_pointer (&stats->speakers, g_ptr_array_unref);
  g_clear_pointer (&stats->periods, g_ptr_array_unref);
  g_free (stats);
}

static int
compare_tallies (gconstpointer a,
                 gconstpointer b)
{
  const SpeakerTally *x = *(SpeakerTally * const *)a;
  const SpeakerTally *y = *(SpeakerTally * const *)b;

  if (x->speaker->n_statements != y->speaker->n_statements)
    return x->speaker->n_statements > y->speaker->n_statements ? -1 : 1;
  if (x->speaker->n_articles != y->speaker->n_articles)
    return x->speaker->n_articles > y->speaker->n_articles ? -1 : 1;
  return strcmp (x->sort_key, y->sort_key);
}

static int
compare_periods (gconstpointer a,
                 gconstpointer b)
{
  return strcmp ((*(ArxStatsPeriod * const *)a)->period, (*(ArxStatsPeriod * const *)b)->period);
}

typedef struct
{
  GHashTable *by_person;   /* person id → SpeakerTally */
  GHashTable *by_name;     /* interned name → SpeakerTally, for speakers without a person */
  GHashTable *periods;     /* interned period → PeriodTally */
} Tallies;

typedef struct
{
  ArxStatsPeriod *period;
  GHashTable     *people;  /* SpeakerTally set: the period's distinct people */
} PeriodTally;

static void
period_tally_free (PeriodTally *p)
{
  g_clear_pointer (&p->period, _arx_stats_period_free);
  g_hash_table_unref (p->people);
  g_free (p);
}

/* The tally of a statement's speaker: one per library person, or per name for a speaker
 * without one; NULL for unattributed statements. */
static SpeakerTally *
tally_speaker (Tallies       *t,
               const ScanRow *row)
{
  SpeakerTally *tally;

  if (row->speaker_kind == ARX_SPEAKER_UNATTRIBUTED)
    return NULL;
  tally = row->person_id > 0 ? g_hash_table_lookup (t->by_person, &row->person_id)
                             : g_hash_table_lookup (t->by_name, row->speaker);
  if (tally == NULL)
    {
      tally = g_new0 (SpeakerTally, 1);
      tally->speaker = g_new0 (ArxStatsSpeaker, 1);
      tally->speaker->person_id = row->person_id;
      if (row->person_id > 0)
        g_hash_table_insert (t->by_person, &tally->speaker->person_id, tally);
      else
        {
          tally->speaker->name = g_strdup (row->speaker);
          g_hash_table_insert (t->by_name, (gpointer)row->speaker, tally);
        }
    }
  tally->speaker->n_statements++;
  tally->kinds[row->speaker_kind]++;
  if (tally->last_article != row->article_id)
    tally->speaker->n_articles++;
  tally->last_article = row->article_id;
  return tally;
}

static PeriodTally *
period_of (Tallies    *t,
           const char *period)
{
  PeriodTally *p = g_hash_table_lookup (t->periods, period);

  if (p == NULL)
    {
      p = g_new0 (PeriodTally, 1);
      p->period = _arx_stats_period_new (period);
      p->people = g_hash_table_new (NULL, NULL);
      g_hash_table_insert (t->periods, (gpointer)period, p);
    }
  return p;
}

/* Names of the library people; the caller holds the lock. */
static gboolean
name_people (ArxLibrary  *self,
             GHashTable  *by_person,
             GError     **error)
{
  sqlite3_stmt *stmt = _arx_library_stmt (self, "SELECT id, COALESCE(user_name, name) FROM people",
                                          error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      SpeakerTally *tally = g_hash_table_lookup (by_person, &id);

      if (tally != NULL)
        tally->speaker->name = _arx_column_dup (stmt, 1);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    _arx_db_set_error (self->db, error);
  return rc == SQLITE_DONE;
}

/* The speakers, most statements first, each with the kind most of their statements give them
 * and their gender. */
static GPtrArray *
sorted_speakers (Tallies    *t,
                 GHashTable *genders)
{
  g_autoptr(GPtrArray) tallies = g_ptr_array_new ();
  GPtrArray *speakers = g_ptr_array_new_with_free_func ((GDestroyNotify)stats_speaker_free);
  GHashTableIter iter;
  gpointer value;

  for (int table = 0; table < 2; table++)
    {
      g_hash_table_iter_init (&iter, table == 0 ? t->by_person : t->by_name);
      while (g_hash_table_iter_next (&iter, NULL, &value))
        g_ptr_array_add (tallies, value);
    }
  for (guint i = 0; i < tallies->len; i++)
    {
      SpeakerTally *tally = g_ptr_array_index (tallies, i);
      int kind = ARX_SPEAKER_PERSON;

      for (int k = 0; k < ARX_N_SPEAKER_KINDS; k++)
        if (tally->kinds[k] > tally->kinds[kind])
          kind = k;
      tally->speaker->kind = kind;
      if (kind == ARX_SPEAKER_PERSON && tally->speaker->person_id > 0)
        tally->speaker->gender = GPOINTER_TO_INT (g_hash_table_lookup (genders,
                                                                       &tally->speaker->person_id));
      if (tally->speaker->name == NULL)
        tally->speaker->name = g_strdup ("");
      tally->sort_key = g_utf8_collate_key (tally->speaker->name, -1);
    }
  g_ptr_array_sort (tallies, compare_tallies);
  for (guint i = 0; i < tallies->len; i++)
    {
      SpeakerTally *tally = g_ptr_array_index (tallies, i);

      g_ptr_array_add (speakers, g_steal_pointer (&tally->speaker));
    }
  return speakers;
}

/**
 * arx_library_stats:
 *
 * Counts the scope's articles and visible statements: by kind, by speaker kind, by speaker,
 * people and statements by gender, and people by gender per year (per month when the scope's
 * articles span two years or less).
 *
 * Returns: (transfer full): the counts, or %NULL with @error set (ARX_ERROR_INVALID_QUERY
 * for a bad full-text query).
 */
ArxStats *
arx_library_stats (ArxLibrary      *self,
                   const ArxScope  *scope,
                   GError         **error)
{
  g_auto(Scan) scan = { 0, };
  Tallies t = {
    g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, (GDestroyNotify)tally_free),
    g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify)tally_free),
    g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify)period_tally_free),
  };
  g_autoptr(ArxStats) stats = g_new0 (ArxStats, 1);
  GHashTableIter iter;
  gpointer value;
  gboolean ok;

  g_return_val_if_fail (ARX_IS_LIBRARY (self), NULL);
  g_return_val_if_fail (scope != NULL, NULL);

  stats->periods = g_ptr_array_new_with_free_func ((GDestroyNotify)_arx_stats_period_free);
  g_mutex_lock (&self->lock);
  ok = scan_scope (self, scope, &scan, error);
  if (ok)
    {
      for (guint i = 0; i < scan.rows->len; i++)
        {
          const ScanRow *row = &g_array_index (scan.rows, ScanRow, i);
          SpeakerTally *tally = tally_speaker (&t, row);
          ArxGender gender = row_gender (&scan, row);
          PeriodTally *period;

          stats->n_statements++;
          stats->by_kind[row->kind]++;
          stats->by_speaker_kind[row->speaker_kind]++;
          if (!counts_for_gender (row))
            continue;
          stats->gender_statements[gender]++;
          if (!tally->counted)
            stats->gender_people[gender]++;
          tally->counted = TRUE;
          if (row->period == NULL)
            {
              stats->n_undated++;
              continue;
            }
          period = period_of (&t, row->period);
          period->period->statements[gender]++;
          if (g_hash_table_add (period->people, tally))
            period->period->people[gender]++;
        }
      ok = name_people (self, t.by_person, error);
    }
  g_mutex_unlock (&self->lock);

  if (ok)
    {
      stats->n_articles = scan.n_articles;
      stats->by_month = scan.by_month;
      stats->speakers = sorted_speakers (&t, scan.genders);
      g_hash_table_iter_init (&iter, t.periods);
      while (g_hash_table_iter_next (&iter, NULL, &value))
        g_ptr_array_add (stats->periods, g_steal_pointer (&((PeriodTally *)value)->period));
      g_ptr_array_sort (stats->periods, compare_periods);
    }
  g_hash_table_unref (t.by_person);
  g_hash_table_unref (t.by_name);
  g_hash_table_unref (t.periods);
  return ok ? g_steal_pointer (&stats) : NULL;
}

/**
 * arx_library_facet_statements:
 * @limit: at most this many rows, 0 for all
 *
 * Returns: (transfer full) (element-type ArxStatementRow): the scope's statements that @facet
 * counts (exactly those behind one number of arx_library_stats()), by article and position.
 */
GPtrArray *
arx_library_facet_statements (ArxLibrary      *self,
                              const ArxScope  *scope,
                              const ArxFacet  *facet,
                              guint            limit,
                              GError         **error)
{
  g_auto(Scan) scan = { 0, };
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  GPtrArray *rows = NULL;

  g_return_val_if_fail (ARX_IS_LIBRARY (self), NULL);
  g_return_val_if_fail (scope != NULL && facet != NULL, NULL);

  g_mutex_lock (&self->lock);
  if (scan_scope (self, scope, &scan, error))
    {
      for (guint i = 0; i < scan.rows->len && (limit == 0 || ids->len < limit); i++)
        {
          const ScanRow *row = &g_array_index (scan.rows, ScanRow, i);

          if (row_in_facet (&scan, row, facet))
            g_array_append_val (ids, row->id);
        }
      rows = _arx_library_statement_rows_by_ids (self, ids, limit, error);
    }
  g_mutex_unlock (&self->lock);
  return rows;
}
