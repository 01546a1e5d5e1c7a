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

#define SCAN_COLUMNS \
  "SELECT s.id, s.article_id, a.published, s.kind, s.eff_speaker IS NOT NULL," \
  " CASE WHEN s.eff_entity_id IS s.entity_id THEN s.speaker_kind END, e.kind," \
  " COALESCE(s.eff_person_id, 0), COALESCE(p.user_name, p.name, s.eff_speaker)" \
  " FROM statements s JOIN articles a ON a.id = s.article_id" \
  " LEFT JOIN entities e ON e.id = s.eff_entity_id LEFT JOIN people p ON p.id = s.eff_person_id"

/* One visible statement of the scope. */
typedef struct
{
  gint64          id;
  gint64          article_id;
  gint64          person_id;
  const char     *period;       /* "2019-07" (interned), or NULL when undated */
  const char     *speaker;      /* interned display name, or NULL */
  ArxStatementKind kind;
  int             speaker_kind; /* ArxSpeakerKind or ARX_SPEAKER_UNATTRIBUTED */
} ScanRow;

typedef struct
{
  GArray     *rows;             /* (element-type ScanRow) by article */
  GStringChunk *strings;
  GHashTable *interned;
  guint       n_articles;
  gboolean    by_month;
  GHashTable *genders;          /* person id → ArxGender */
} Scan;

static void
scan_clear (Scan *scan)
{
  g_clear_pointer (&scan->rows, g_array_unref);
  g_clear_pointer (&scan->strings, g_string_chunk_free);
  g_clear_pointer (&scan->interned, g_hash_table_unref);
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
  GString *json = g_string_new ("[");

  for (guint i = 0; i < scope->n_article_ids; i++)
    g_string_append_printf (json, "%s%" G_GINT64_FORMAT, i > 0 ? "," : "", scope->article_ids[i]);
  g_string_append_c (json, ']');
  return g_string_free (json, FALSE);
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
  if (!sqlite3_column_int (stmt, 4))
    return ARX_SPEAKER_UNATTRIBUTED;
  /* the analysis's own kind, unless the user gave the statement another speaker */
  if (sqlite3_column_type (stmt, 5) != SQLITE_NULL)
    return CLAMP (sqlite3_column_int (stmt, 5), 0, ARX_N_SPEAKER_KINDS - 1);
  if (sqlite3_column_type (stmt, 6) != SQLITE_NULL)
    return arx_speaker_kind_for_entity (sqlite3_column_int (stmt, 6));
  return ARX_SPEAKER_OTHER;
}

/* Reads the scope's statements; the caller holds the lock. */
static gboolean
scan_scope (ArxLibrary     *self,
            const ArxScope *scope,
            Scan           *scan,
            GError        **error)
{
  g_autofree char *ids = scope->article_ids != NULL ? article_ids_json (scope) : NULL;
  g_autofree char *earliest = NULL;
  g_autofree char *latest = NULL;
  gboolean has_query = scope->query != NULL && scope->query[0] != '\0';
  sqlite3_stmt *stmt;
  gint64 n_articles = 0;
  int rc;

  scan->rows = g_array_new (FALSE, FALSE, sizeof (ScanRow));
  scan->strings = g_string_chunk_new (4096);
  scan->interned = g_hash_table_new (g_str_hash, g_str_equal);

  if (ids != NULL)
    stmt = _arx_library_stmt (self,
                              "SELECT count(*), min(a.published), max(a.published) FROM articles a"
                              " WHERE a.id IN (SELECT value FROM json_each(?1))" SCOPE_FILTER ("a.id"),
                              error);
  else
    stmt = _arx_library_stmt (self,
                              "SELECT count(*), min(a.published), max(a.published) FROM articles a"
                              " WHERE ?1 IS NULL" SCOPE_FILTER ("a.id"),
                              error);
  if (stmt == NULL)
    return FALSE;
  bind_scope (stmt, scope, ids);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      n_articles = sqlite3_column_int64 (stmt, 0);
      earliest = _arx_column_dup (stmt, 1);
      latest = _arx_column_dup (stmt, 2);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    {
      _arx_library_set_query_error (self, has_query, error);
      return FALSE;
    }
  scan->n_articles = n_articles;
  scan->by_month = _arx_periods_by_month (earliest, latest);

  if (ids != NULL)
    stmt = _arx_library_stmt (self,
                              SCAN_COLUMNS " WHERE s.article_id IN (SELECT value FROM json_each(?1))"
                              " AND s.hidden = 0" SCOPE_FILTER ("s.article_id")
                              " ORDER BY s.article_id",
                              error);
  else
    stmt = _arx_library_stmt (self,
                              SCAN_COLUMNS " WHERE ?1 IS NULL AND s.hidden = 0"
                              SCOPE_FILTER ("s.article_id") " ORDER BY s.article_id",
                              error);
  if (stmt == NULL)
    return FALSE;
  bind_scope (stmt, scope, ids);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autofree char *period = _arx_period_of_date ((const char *)sqlite3_column_text (stmt, 2),
                                                     scan->by_month);
      ScanRow row = {
        .id = sqlite3_column_int64 (stmt, 0),
        .article_id = sqlite3_column_int64 (stmt, 1),
        .person_id = sqlite3_column_int64 (stmt, 7),
        .period = intern (scan, period),
        .speaker = intern (scan, (const char *)sqlite3_column_text (stmt, 8)),
        .kind = CLAMP (sqlite3_column_int (stmt, 3), 0, ARX_N_STATEMENT_KINDS - 1),
        .speaker_kind = row_speaker_kind (stmt),
      };

      g_array_append_val (scan->rows, row);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _arx_library_set_query_error (self, has_query, error);
      return FALSE;
    }
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
} SpeakerTally;

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
compare_speakers (gconstpointer a,
                  gconstpointer b)
{
  const ArxStatsSpeaker *x = *(ArxStatsSpeaker * const *)a;
  const ArxStatsSpeaker *y = *(ArxStatsSpeaker * const *)b;

  if (x->n_statements != y->n_statements)
    return x->n_statements > y->n_statements ? -1 : 1;
  if (x->n_articles != y->n_articles)
    return x->n_articles > y->n_articles ? -1 : 1;
  return g_utf8_collate (x->name, y->name);
}

static int
compare_periods (gconstpointer a,
                 gconstpointer b)
{
  return strcmp ((*(ArxStatsPeriod * const *)a)->period, (*(ArxStatsPeriod * const *)b)->period);
}

/* Speakers: one per library person, or per name for a speaker without one. */
static void
tally_speaker (GHashTable    *tallies,
               const ScanRow *row)
{
  g_autofree char *key = NULL;
  SpeakerTally *tally;

  if (row->speaker_kind == ARX_SPEAKER_UNATTRIBUTED)
    return;
  key = row->person_id > 0 ? g_strdup_printf ("p%" G_GINT64_FORMAT, row->person_id)
                           : g_strconcat ("n", row->speaker, NULL);
  tally = g_hash_table_lookup (tallies, key);
  if (tally == NULL)
    {
      tally = g_new0 (SpeakerTally, 1);
      tally->speaker = g_new0 (ArxStatsSpeaker, 1);
      tally->speaker->person_id = row->person_id;
      tally->speaker->name = g_strdup (row->speaker);
      g_hash_table_insert (tallies, g_steal_pointer (&key), tally);
    }
  tally->speaker->n_statements++;
  tally->kinds[row->speaker_kind]++;
  if (tally->last_article != row->article_id)
    tally->speaker->n_articles++;
  tally->last_article = row->article_id;
}

static ArxStatsPeriod *
period_of (GHashTable *periods,
           const char *period)
{
  ArxStatsPeriod *p = g_hash_table_lookup (periods, period);

  if (p == NULL)
    {
      p = _arx_stats_period_new (period);
      g_hash_table_insert (periods, (gpointer)period, p);
    }
  return p;
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
  g_autoptr(GHashTable) tallies = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GHashTable) periods = g_hash_table_new (g_str_hash, g_str_equal);
  /* person id → gender bit seen, for distinct people; and per period "period|id" */
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(ArxStats) stats = g_new0 (ArxStats, 1);
  GHashTableIter iter;
  gpointer value;
  gboolean ok;

  g_return_val_if_fail (ARX_IS_LIBRARY (self), NULL);
  g_return_val_if_fail (scope != NULL, NULL);

  g_mutex_lock (&self->lock);
  ok = scan_scope (self, scope, &scan, error);
  g_mutex_unlock (&self->lock);
  if (!ok)
    return NULL;

  stats->n_articles = scan.n_articles;
  stats->by_month = scan.by_month;
  stats->speakers = g_ptr_array_new_with_free_func ((GDestroyNotify)stats_speaker_free);
  stats->periods = g_ptr_array_new_with_free_func ((GDestroyNotify)_arx_stats_period_free);
  for (guint i = 0; i < scan.rows->len; i++)
    {
      const ScanRow *row = &g_array_index (scan.rows, ScanRow, i);
      ArxGender gender = row_gender (&scan, row);
      g_autofree char *person = NULL;
      g_autofree char *in_period = NULL;

      stats->n_statements++;
      stats->by_kind[row->kind]++;
      stats->by_speaker_kind[row->speaker_kind]++;
      tally_speaker (tallies, row);
      if (!counts_for_gender (row))
        continue;

      /* a person without a library row is a name of their own */
      person = row->person_id > 0 ? g_strdup_printf ("%" G_GINT64_FORMAT, row->person_id)
                                  : g_strconcat ("n", row->speaker, NULL);
      stats->gender_statements[gender]++;
      if (g_hash_table_add (seen, g_strdup (person)))
        stats->gender_people[gender]++;
      if (row->period == NULL)
        {
          stats->n_undated++;
          continue;
        }
      period_of (periods, row->period)->statements[gender]++;
      in_period = g_strconcat (row->period, "|", person, NULL);
      if (g_hash_table_add (seen, g_steal_pointer (&in_period)))
        period_of (periods, row->period)->people[gender]++;
    }

  g_hash_table_iter_init (&iter, tallies);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      SpeakerTally *tally = value;
      int kind = ARX_SPEAKER_PERSON;

      /* the kind most of their statements have */
      for (int k = 0; k < ARX_N_SPEAKER_KINDS; k++)
        if (tally->kinds[k] > tally->kinds[kind])
          kind = k;
      tally->speaker->kind = kind;
      if (kind == ARX_SPEAKER_PERSON && tally->speaker->person_id > 0)
        tally->speaker->gender = GPOINTER_TO_INT (g_hash_table_lookup (scan.genders,
                                                                       &tally->speaker->person_id));
      g_ptr_array_add (stats->speakers, tally->speaker);
    }
  g_ptr_array_sort (stats->speakers, compare_speakers);

  g_hash_table_iter_init (&iter, periods);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    g_ptr_array_add (stats->periods, value);
  g_ptr_array_sort (stats->periods, compare_periods);
  return g_steal_pointer (&stats);
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
