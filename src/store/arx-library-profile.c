/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "arx-library"

#include "config.h"

#include <inttypes.h>
#include <glib/gi18n.h>

#include "arx-library-insights-private.h"

/* A speaker's profile: who they are (names, kind, gender), when and where they were quoted,
 * who was quoted beside them, and everything they said. */

#define MAX_CO_SPEAKERS 10

static void
profile_article_free (ArxProfileArticle *article)
{
  g_free (article->title);
  g_free (article->published);
  g_free (article);
}

static void
co_speaker_free (ArxProfileCoSpeaker *co)
{
  g_free (co->name);
  g_free (co);
}

void
arx_profile_free (ArxProfile *profile)
{
  g_free (profile->name);
  g_free (profile->gender_evidence);
  g_clear_pointer (&profile->aliases, g_ptr_array_unref);
  g_clear_pointer (&profile->periods, g_ptr_array_unref);
  g_clear_pointer (&profile->articles, g_ptr_array_unref);
  g_clear_pointer (&profile->co_speakers, g_ptr_array_unref);
  g_clear_pointer (&profile->statements, g_ptr_array_unref);
  g_free (profile);
}

static gboolean
read_person (ArxLibrary         *self,
             ArxProfile  *profile,
             GError            **error)
{
  sqlite3_stmt *stmt = _arx_library_stmt (self,
                                          "SELECT kind, COALESCE(user_name, name) FROM people WHERE id = ?1",
                                          error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, profile->person_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      profile->entity_kind = CLAMP (sqlite3_column_int (stmt, 0), 0, ARX_N_ENTITY_KINDS - 1);
      profile->name = _arx_column_dup (stmt, 1);
    }
  sqlite3_reset (stmt);
  if (rc == SQLITE_DONE)
    g_set_error (error, ARX_ERROR, ARX_ERROR_NOT_FOUND, _("no speaker %" PRId64),
                 profile->person_id);
  else if (rc != SQLITE_ROW)
    _arx_db_set_error (self->db, error);
  return rc == SQLITE_ROW;
}

static gboolean
read_aliases (ArxLibrary         *self,
              ArxProfile  *profile,
              GError            **error)
{
  sqlite3_stmt *stmt = _arx_library_stmt (self,
                                          "SELECT alias FROM people_aliases WHERE person_id = ?1"
                                          " ORDER BY strong DESC, length(alias) DESC, alias",
                                          error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, profile->person_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *alias = (const char *)sqlite3_column_text (stmt, 0);

      if (g_strcmp0 (alias, profile->name) != 0 &&
          !g_ptr_array_find_with_equal_func (profile->aliases, alias, g_str_equal, NULL))
        g_ptr_array_add (profile->aliases, g_strdup (alias));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    _arx_db_set_error (self->db, error);
  return rc == SQLITE_DONE;
}

/* The kind most of the speaker's statements give them, else their entity's. */
static gboolean
read_kind (ArxLibrary         *self,
           ArxProfile  *profile,
           GError            **error)
{
  gint64 kind = 0;
  gboolean found = FALSE;

  if (!_arx_library_get_int64 (self, &kind, &found, error,
                               "SELECT speaker_kind FROM statements WHERE eff_person_id = ?1"
                               " AND hidden = 0 AND eff_entity_id IS entity_id"
                               " AND speaker_kind IS NOT NULL"
                               " GROUP BY speaker_kind ORDER BY count(*) DESC, speaker_kind LIMIT 1",
                               "i", profile->person_id))
    return FALSE;
  profile->kind = found ? CLAMP (kind, 0, ARX_N_SPEAKER_KINDS - 1)
                        : arx_speaker_kind_for_entity (profile->entity_kind);
  return TRUE;
}

static gboolean
read_articles (ArxLibrary         *self,
               ArxProfile  *profile,
               GError            **error)
{
  sqlite3_stmt *stmt = _arx_library_stmt (self,
                                          "SELECT a.id, a.title, a.published, count(*)"
                                          " FROM statements s JOIN articles a ON a.id = s.article_id"
                                          " WHERE s.eff_person_id = ?1 AND s.hidden = 0"
                                          " GROUP BY a.id ORDER BY a.published IS NULL,"
                                          " a.published DESC, a.id DESC",
                                          error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, profile->person_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ArxProfileArticle *article = g_new0 (ArxProfileArticle, 1);

      article->id = sqlite3_column_int64 (stmt, 0);
      article->title = _arx_column_dup (stmt, 1);
      article->published = _arx_column_dup (stmt, 2);
      article->n_statements = sqlite3_column_int (stmt, 3);
      g_ptr_array_add (profile->articles, article);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    _arx_db_set_error (self->db, error);
  return rc == SQLITE_DONE;
}

/* Statements per year (or month), from the articles' dates. */
static void
count_periods (ArxProfile *profile)
{
  const char *earliest = NULL, *latest = NULL;

  for (guint i = 0; i < profile->articles->len; i++)
    {
      const ArxProfileArticle *a = g_ptr_array_index (profile->articles, i);
      g_autofree char *period = _arx_period_of_date (a->published, FALSE);

      if (period == NULL)
        continue;
      /* newest first */
      if (latest == NULL)
        latest = a->published;
      earliest = a->published;
    }
  profile->by_month = _arx_periods_by_month (earliest, latest);
  for (guint i = profile->articles->len; i-- > 0;)
    {
      const ArxProfileArticle *a = g_ptr_array_index (profile->articles, i);
      g_autofree char *period = _arx_period_of_date (a->published, profile->by_month);
      ArxStatsPeriod *last = profile->periods->len > 0
                             ? g_ptr_array_index (profile->periods, profile->periods->len - 1) : NULL;

      if (period == NULL)
        continue;
      if (last == NULL || g_strcmp0 (last->period, period) != 0)
        g_ptr_array_add (profile->periods, last = _arx_stats_period_new (period));
      last->statements[profile->gender] += a->n_statements;
      last->people[profile->gender] = 1;
    }
}

static gboolean
read_co_speakers (ArxLibrary         *self,
                  ArxProfile  *profile,
                  GError            **error)
{
  sqlite3_stmt *stmt = _arx_library_stmt (self,
                                          "SELECT o.eff_person_id, COALESCE(p.user_name, p.name),"
                                          " count(DISTINCT o.article_id) AS n"
                                          " FROM statements o JOIN people p ON p.id = o.eff_person_id"
                                          " WHERE o.article_id IN (SELECT article_id FROM statements"
                                          "   WHERE eff_person_id = ?1 AND hidden = 0)"
                                          " AND o.eff_person_id != ?1 AND o.hidden = 0"
                                          " GROUP BY o.eff_person_id ORDER BY n DESC, 2 LIMIT ?2",
                                          error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, profile->person_id);
  sqlite3_bind_int (stmt, 2, MAX_CO_SPEAKERS);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ArxProfileCoSpeaker *co = g_new0 (ArxProfileCoSpeaker, 1);

      co->person_id = sqlite3_column_int64 (stmt, 0);
      co->name = _arx_column_dup (stmt, 1);
      co->n_articles = sqlite3_column_int (stmt, 2);
      g_ptr_array_add (profile->co_speakers, co);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    _arx_db_set_error (self->db, error);
  return rc == SQLITE_DONE;
}

static GPtrArray *
read_statements (ArxLibrary  *self,
                 gint64       person_id,
                 GError     **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt = _arx_library_stmt (self,
                                          "SELECT id FROM statements WHERE eff_person_id = ?1"
                                          " AND hidden = 0",
                                          error);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, person_id);
  if (!_arx_library_step_ids (self, stmt, ids, error))
    return NULL;
  return _arx_library_statement_rows_by_ids (self, ids, 0, error);
}

/**
 * arx_library_speaker_profile:
 *
 * Returns: (transfer full): library speaker @person_id's profile, or %NULL with @error set
 * (ARX_ERROR_NOT_FOUND when there is no such speaker).
 */
ArxProfile *
arx_library_speaker_profile (ArxLibrary  *self,
                             gint64       person_id,
                             GError     **error)
{
  g_autoptr(ArxProfile) profile = g_new0 (ArxProfile, 1);
  gboolean ok;

  g_return_val_if_fail (ARX_IS_LIBRARY (self), NULL);

  profile->person_id = person_id;
  profile->aliases = g_ptr_array_new_with_free_func (g_free);
  profile->periods = g_ptr_array_new_with_free_func ((GDestroyNotify)_arx_stats_period_free);
  profile->articles = g_ptr_array_new_with_free_func ((GDestroyNotify)profile_article_free);
  profile->co_speakers = g_ptr_array_new_with_free_func ((GDestroyNotify)co_speaker_free);

  g_mutex_lock (&self->lock);
  ok = read_person (self, profile, error) &&
       read_aliases (self, profile, error) &&
       read_kind (self, profile, error) &&
       read_articles (self, profile, error) &&
       read_co_speakers (self, profile, error) &&
       (profile->statements = read_statements (self, person_id, error)) != NULL;
  g_mutex_unlock (&self->lock);
  if (!ok)
    return NULL;

  if (profile->kind == ARX_SPEAKER_PERSON &&
      !arx_library_get_gender (self, person_id, &profile->gender, &profile->inferred_gender,
                               &profile->gender_evidence, &profile->gender_corrected, error))
    return NULL;
  count_periods (profile);
  return g_steal_pointer (&profile);
}
