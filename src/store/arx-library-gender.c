/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "arx-library"

#include "config.h"

#include <inttypes.h>
#include <glib/gi18n.h>

#include "arx-library-insights-private.h"

/* Each library person's gender: the user's word when they gave it, else inferred
 * (arx-gender.c) from the person's names and from the pronouns the analysis resolved to them
 * ("she said" where the speaker is this person and the analysis chose it). The user's word is
 * a correction like the others (kind "gender", undoable); it names the person by name, not
 * by row id, because a re-analysis may drop and re-create the person's row. */

typedef struct
{
  ArxGenderEvidence  evidence;
  GPtrArray         *keys;        /* names the user's correction may be filed under */
} Person;

static void
person_free (gpointer data)
{
  Person *person = data;

  arx_gender_evidence_clear (&person->evidence);
  g_ptr_array_unref (person->keys);
  g_free (person);
}

static Person *
lookup_person (GHashTable *people,
               gint64      id)
{
  return g_hash_table_lookup (people, &id);
}

static void
add_name (Person     *person,
          const char *name,
          gboolean    is_key)
{
  if (name == NULL)
    return;
  arx_gender_evidence_add_name (&person->evidence, name);
  /* the keys are made when a correction is looked up: most libraries have none */
  if (is_key)
    g_ptr_array_add (person->keys, g_strdup (name));
}

/* The people (only @person_id unless 0) with their names, aliases and resolved pronouns. */
static GHashTable *
collect_evidence (ArxLibrary  *self,
                  gint64       person_id,
                  GError     **error)
{
  g_autoptr(GHashTable) people = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                        person_free);
  sqlite3_stmt *stmt;
  int rc;

  stmt = _arx_library_stmt (self,
                            "SELECT id, name, user_name FROM people WHERE kind = ?2"
                            " AND (?1 = 0 OR id = ?1)",
                            error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, person_id);
  sqlite3_bind_int (stmt, 2, ARX_ENTITY_PERSON);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Person *person = g_new0 (Person, 1);
      gint64 id = sqlite3_column_int64 (stmt, 0);

      person->keys = g_ptr_array_new_with_free_func (g_free);
      /* the user's name first: it is the one they know the person by */
      add_name (person, (const char *)sqlite3_column_text (stmt, 2), TRUE);
      add_name (person, (const char *)sqlite3_column_text (stmt, 1), TRUE);
      g_hash_table_insert (people, g_memdup2 (&id, sizeof id), person);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    goto failed;

  stmt = _arx_library_stmt (self,
                            "SELECT person_id, alias, strong FROM people_aliases"
                            " WHERE ?1 = 0 OR person_id = ?1",
                            error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, person_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Person *person = lookup_person (people, sqlite3_column_int64 (stmt, 0));

      if (person != NULL)
        add_name (person, (const char *)sqlite3_column_text (stmt, 1), sqlite3_column_int (stmt, 2));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    goto failed;

  /* Only statements whose speaker the analysis chose through a pronoun: the words naming the
   * speaker there are the pronoun. */
  if (person_id > 0)
    stmt = _arx_library_stmt (self,
                              "SELECT s.eff_person_id, CAST(substr(CAST(a.text AS BLOB),"
                              "  s.mention_start + 1, s.mention_end - s.mention_start) AS TEXT)"
                              " FROM statements s JOIN articles a ON a.id = s.article_id"
                              " WHERE s.eff_person_id = ?1 AND s.hidden = 0 AND s.rule = 'pronoun'"
                              " AND s.eff_entity_id IS s.entity_id"
                              " AND s.mention_end - s.mention_start BETWEEN 2 AND 7",
                              error);
  else
    stmt = _arx_library_stmt (self,
                              "SELECT s.eff_person_id, CAST(substr(CAST(a.text AS BLOB),"
                              "  s.mention_start + 1, s.mention_end - s.mention_start) AS TEXT)"
                              " FROM statements s JOIN articles a ON a.id = s.article_id"
                              " WHERE ?1 = 0 AND s.eff_person_id IS NOT NULL AND s.hidden = 0"
                              " AND s.rule = 'pronoun' AND s.eff_entity_id IS s.entity_id"
                              " AND s.mention_end - s.mention_start BETWEEN 2 AND 7",
                              error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, person_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Person *person = lookup_person (people, sqlite3_column_int64 (stmt, 0));

      if (person != NULL)
        arx_gender_evidence_add_pronoun (&person->evidence,
                                         (const char *)sqlite3_column_text (stmt, 1),
                                         sqlite3_column_bytes (stmt, 1));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    goto failed;
  return g_steal_pointer (&people);

failed:
  _arx_db_set_error (self->db, error);
  return NULL;
}

/* The user's genders by name key, the newest correction of each name winning; a correction
 * back to "inferred" removes the name. */
static GHashTable *
read_corrections (ArxLibrary  *self,
                  GError     **error)
{
  g_autoptr(GHashTable) corrections = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  sqlite3_stmt *stmt = _arx_library_stmt (self,
                                          "SELECT name, statement_kind FROM corrections"
                                          " WHERE kind = 'gender' AND undone = 0 ORDER BY id",
                                          error);
  int rc;

  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      char *key = _arx_name_key ((const char *)sqlite3_column_text (stmt, 0));
      int gender = sqlite3_column_int (stmt, 1);

      if (gender >= 0 && gender < ARX_N_GENDERS)
        g_hash_table_insert (corrections, key, GINT_TO_POINTER (gender + 1));
      else
        {
          g_hash_table_remove (corrections, key);
          g_free (key);
        }
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _arx_db_set_error (self->db, error);
      return NULL;
    }
  return g_steal_pointer (&corrections);
}

/* The user's gender for @person, or -1. */
static int
corrected_gender (GHashTable *corrections,
                  Person     *person)
{
  if (g_hash_table_size (corrections) == 0)
    return -1;
  for (guint i = 0; i < person->keys->len; i++)
    {
      g_autofree char *key = _arx_name_key (g_ptr_array_index (person->keys, i));
      int stored = GPOINTER_TO_INT (g_hash_table_lookup (corrections, key));

      if (stored > 0)
        return stored - 1;
    }
  return -1;
}

/* The genders of every person, kept until the library changes: the Insights page counts
 * several scopes and bars in a row, and inferring costs a pass over the pronoun statements. */
typedef struct
{
  GHashTable *genders;
  gint64      data_version;    /* PRAGMA data_version: other connections' commits */
  gint64      changes;         /* sqlite3_total_changes64: this connection's writes */
} GenderCache;

static void
gender_cache_free (GenderCache *cache)
{
  g_hash_table_unref (cache->genders);
  g_free (cache);
}

static GHashTable *
infer_all (ArxLibrary  *self,
           GError     **error)
{
  g_autoptr(GHashTable) people = collect_evidence (self, 0, error);
  g_autoptr(GHashTable) corrections = NULL;
  GHashTable *genders;
  GHashTableIter iter;
  gpointer key, value;

  if (people == NULL || (corrections = read_corrections (self, error)) == NULL)
    return NULL;
  genders = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_hash_table_iter_init (&iter, people);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      int corrected = corrected_gender (corrections, value);
      ArxGender gender = corrected >= 0 ? (ArxGender)corrected
                                        : arx_gender_infer (&((Person *)value)->evidence);

      if (gender != ARX_GENDER_UNKNOWN)
        g_hash_table_insert (genders, g_memdup2 (key, sizeof (gint64)), GINT_TO_POINTER (gender));
    }
  return genders;
}

/**
 * _arx_library_genders:
 *
 * Returns: (transfer full): person id (gint64 *) → GINT_TO_POINTER (ArxGender), for the people
 * whose gender is known; %NULL with @error set.
 */
GHashTable *
_arx_library_genders (ArxLibrary  *self,
                      GError     **error)
{
  GenderCache *cache = g_object_get_data (G_OBJECT (self), "arx-gender-cache");
  gint64 data_version = 0, changes = sqlite3_total_changes64 (self->db);
  GHashTable *genders;

  if (!_arx_library_get_int64 (self, &data_version, NULL, error, "PRAGMA data_version", ""))
    return NULL;
  if (cache != NULL && cache->data_version == data_version && cache->changes == changes)
    return g_hash_table_ref (cache->genders);
  if ((genders = infer_all (self, error)) == NULL)
    return NULL;
  cache = g_new0 (GenderCache, 1);
  cache->genders = g_hash_table_ref (genders);
  cache->data_version = data_version;
  cache->changes = changes;
  g_object_set_data_full (G_OBJECT (self), "arx-gender-cache", cache,
                          (GDestroyNotify)gender_cache_free);
  return genders;
}

/**
 * arx_library_get_gender:
 * @out_gender: (out) (optional): what the library counts: the user's gender, else the inferred
 * @out_inferred: (out) (optional): the inferred gender
 * @out_evidence: (out) (optional) (transfer full): what the inference rests on, in words
 * @out_corrected: (out) (optional): whether the user set the gender
 *
 * The gender of library person @person_id (unknown for organisations).
 */
gboolean
arx_library_get_gender (ArxLibrary  *self,
                        gint64       person_id,
                        ArxGender   *out_gender,
                        ArxGender   *out_inferred,
                        char       **out_evidence,
                        gboolean    *out_corrected,
                        GError     **error)
{
  g_autoptr(GHashTable) people = NULL;
  g_autoptr(GHashTable) corrections = NULL;
  ArxGenderEvidence none = { 0, };
  const ArxGenderEvidence *evidence = &none;
  Person *person = NULL;
  int corrected = -1;

  g_return_val_if_fail (ARX_IS_LIBRARY (self), FALSE);

  g_mutex_lock (&self->lock);
  people = collect_evidence (self, MAX (person_id, 1), error);
  if (people != NULL)
    corrections = read_corrections (self, error);
  g_mutex_unlock (&self->lock);
  if (people == NULL || corrections == NULL)
    return FALSE;

  if ((person = lookup_person (people, person_id)) != NULL)
    {
      evidence = &person->evidence;
      corrected = corrected_gender (corrections, person);
    }
  if (out_inferred != NULL)
    *out_inferred = arx_gender_infer (evidence);
  if (out_gender != NULL)
    *out_gender = corrected >= 0 ? (ArxGender)corrected : arx_gender_infer (evidence);
  if (out_evidence != NULL)
    *out_evidence = arx_gender_describe (evidence);
  if (out_corrected != NULL)
    *out_corrected = corrected >= 0;
  return TRUE;
}

/**
 * arx_library_correct_gender:
 * @gender: an #ArxGender, or -1 to go back to the inferred one
 *
 * Records the user's word on the gender of library person @person_id. Like every correction
 * it survives re-analysis and can be undone.
 *
 * Returns: the correction id, or 0 with @error set.
 */
gint64
arx_library_correct_gender (ArxLibrary  *self,
                            gint64       person_id,
                            int          gender,
                            GError     **error)
{
  gint64 id = 0;
  gboolean found = FALSE;

  g_return_val_if_fail (ARX_IS_LIBRARY (self), 0);
  g_return_val_if_fail (gender >= -1 && gender < ARX_N_GENDERS, 0);

  g_mutex_lock (&self->lock);
  if (_arx_library_begin (self, error))
    {
      if (_arx_library_get_int64 (self, &id, &found, error,
                                  "SELECT id FROM people WHERE id = ?1", "i", person_id) &&
          !found)
        g_set_error (error, ARX_ERROR, ARX_ERROR_NOT_FOUND, _("no speaker %" PRId64),
                     person_id);
      if (found &&
          _arx_library_run (self, error,
                            "INSERT INTO corrections (kind, person_id, name, statement_kind, created)"
                            " SELECT 'gender', id, name, ?2, ?3 FROM people WHERE id = ?1",
                            "idi", person_id, gender, g_get_real_time () / G_USEC_PER_SEC))
        id = sqlite3_last_insert_rowid (self->db);
      else
        found = FALSE;
      if (!found || !_arx_library_commit (self, error))
        {
          _arx_library_rollback (self);
          id = 0;
        }
    }
  g_mutex_unlock (&self->lock);
  return id;
}
