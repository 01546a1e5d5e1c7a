/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "arx-library"

#include "config.h"

#include <string.h>

#include "arx-identity-private.h"

#include "arx-library-identity-private.h"
#include "arx-library-private.h"

/* The end of a transaction that linked names.
 *
 * A surname alone links through `surname_links`, the person the surname stands for right
 * now. Each transaction that touched a surname decides it again at its end (once the counts
 * of the new articles are in) and moves the surname's entities when another person has become
 * far better known: the early "Trump" that had only Eric Trump to go to joins Donald Trump
 * once he is the one the library names. Without such a person the decision stays. That costs
 * one indexed lookup per surname per transaction, and entity updates only when the answer
 * changes. */

static gboolean
collect_ids (ArxLibrary  *self,
             const char  *sql,
             const char  *key,
             GArray      *ids,
             GError     **error)
{
  sqlite3_stmt *stmt = _arx_library_stmt (self, sql, error);

  if (stmt == NULL)
    return FALSE;
  _arx_bind_text (stmt, 1, key);
  return _arx_library_step_ids (self, stmt, ids, error);
}

/* The entities a surname alone linked to one person become speakers of their articles, as
 * undecided as if linked now (a later decision moves them with the first names). */
static gboolean
undecide_surname (ArxLibrary  *self,
                  const char  *surname,
                  GError     **error)
{
  g_autoptr(GArray) articles = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = _arx_library_stmt (self,
                                          "SELECT article_id, MIN (name) FROM entities"
                                          " WHERE link_key = ?1 AND link = 2 GROUP BY article_id",
                                          error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  _arx_bind_text (stmt, 1, surname);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 article_id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (articles, article_id);
      g_ptr_array_add (names, _arx_column_dup (stmt, 1));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _arx_db_set_error (self->db, error);
      return FALSE;
    }
  for (guint i = 0; i < articles->len; i++)
    {
      gint64 article_id = g_array_index (articles, gint64, i), id;

      if (!_arx_library_create_person (self, ARX_SPEAKER_PERSON, g_ptr_array_index (names, i),
                                       article_id, &id, error) ||
          !_arx_library_run (self, error,
                             "UPDATE entities SET person_id = ?3, link = 5"
                             " WHERE article_id = ?1 AND link_key = ?2 AND link = 2",
                             "iti", article_id, surname, id))
        return FALSE;
      _arx_library_touch_person (self, id);
    }
  return _arx_library_run (self, error, "DELETE FROM surname_links WHERE surname = ?1", "t", surname);
}

/* Decides a surname again with the counts of this transaction in. */
static gboolean
redecide_surname (ArxLibrary  *self,
                  const char  *surname,
                  GError     **error)
{
  g_autoptr(GArray) found = g_array_new (FALSE, TRUE, sizeof (ArxIdentityCandidate));
  g_autoptr(GArray) old = g_array_new (FALSE, FALSE, sizeof (gint64));
  gint64 target, current = 0;
  gboolean linked, has_weak;

  g_array_set_clear_func (found, arx_identity_candidate_clear);
  /* Most surnames a transaction touches are of full names only: nothing links by them. */
  if (!_arx_library_get_int64 (self, &current, &linked, error,
                               "SELECT person_id FROM surname_links WHERE surname = ?1", "t", surname))
    return FALSE;
  if (!linked)
    {
      gint64 unused;
      gboolean first_names;

      if (!_arx_library_get_int64 (self, &unused, &first_names, error,
                                   "SELECT 1 FROM entities WHERE link_key = ?1 AND link = 5 LIMIT 1",
                                   "t", surname))
        return FALSE;
      if (!first_names)
        return TRUE;
    }
  if (!_arx_library_find_surname (self, surname, found, error))
    return FALSE;
  target = arx_identity_pick_surname ((ArxIdentityCandidate *)(gpointer)found->data, found->len);

  /* A full-name person now clearly owns the surname: its first-name-only mentions elsewhere
   * were this surname all along ("Sanders" seen before any Bernie Sanders). They only exist
   * from before the surname had any candidate, so only a new decision can find them. */
  if (target != 0 && target != current)
    {
      if (!collect_ids (self,
                        "SELECT DISTINCT person_id FROM entities WHERE link_key = ?1 AND link = 5",
                        surname, old, error))
        return FALSE;
      if (old->len > 0 &&
          !_arx_library_run (self, error,
                             "UPDATE entities SET person_id = ?2, link = 2"
                             " WHERE link_key = ?1 AND link = 5",
                             "ti", surname, target))
        return FALSE;
    }
  if (!linked && old->len == 0)
    return TRUE;

  /* An organisation known by the word ("Reuters") goes to a person by it only when the
   * library names that person in many articles ("Obama" tagged as an organisation before
   * Barack Obama was known). */
  if (target != 0 && current != 0 && target != current)
    {
      gboolean org;
      gint64 unused;

      if (!_arx_library_get_int64 (self, &unused, &org, error,
                                   "SELECT 1 FROM people WHERE id = ?1 AND name_key = ?2"
                                   " AND speaker_kind = 1",
                                   "it", current, surname))
        return FALSE;
      for (guint i = 0; org && i < found->len; i++)
        {
          const ArxIdentityCandidate *c = &g_array_index (found, ArxIdentityCandidate, i);

          if (c->id == target && c->n_named < ARX_IDENTITY_FAMOUS)
            target = current;
        }
    }
  /* Nobody clearly now, but the surname was decided for one of them: it stays theirs while
   * no other well-known person has it ("Lopez" stays Maria's when an Ana Lopez comes along). */
  if (target == 0)
    target = arx_identity_keep_surname ((ArxIdentityCandidate *)(gpointer)found->data, found->len,
                                        current);
  if (target == 0)
    {
      gint64 unused;
      int current_kind = -1;
      gboolean is_surname_person = FALSE;

      if (!_arx_library_get_int64 (self, &unused, &has_weak, error,
                                   "SELECT 1 FROM entities WHERE link_key = ?1 AND link = 2 LIMIT 1",
                                   "t", surname))
        return FALSE;
      if (!has_weak)
        return _arx_library_prune_people (self, old, error);
      if (current != 0)
        {
          gint64 kind;

          if (!_arx_library_get_int64 (self, &kind, &is_surname_person, error,
                                       "SELECT speaker_kind FROM people WHERE id = ?1 AND name_key = ?2",
                                       "it", current, surname))
            return FALSE;
          current_kind = is_surname_person ? (int)kind : -1;
        }
      /* An organisation known by the word stays; so does the person known by the surname
       * alone while the library knows nobody else with it. */
      if (is_surname_person && (current_kind == ARX_SPEAKER_ORGANIZATION || found->len == 0))
        return _arx_library_prune_people (self, old, error);
      /* Several people the library knows have it and none is clearly meant ("Bush": Jeb and
       * George W.): its mentions are speakers of their articles until one is. */
      if (found->len > 0)
        {
          if (current != 0)
            g_array_append_val (old, current);
          return undecide_surname (self, surname, error) &&
                 _arx_library_prune_people (self, old, error);
        }
      {
        g_autofree char *display = g_strdup (surname);

        display[0] = g_ascii_toupper (display[0]);
        if (!_arx_library_surname_person (self, surname, display, ARX_SPEAKER_PERSON, TRUE, &target, error))
          return FALSE;
      }
    }
  if (target != current)
    {
      if (current != 0)
        g_array_append_val (old, current);
      if (!_arx_library_run (self, error,
                             "UPDATE entities SET person_id = ?2 WHERE link_key = ?1 AND link = 2"
                             " AND person_id IS NOT ?2",
                             "ti", surname, target) ||
          !_arx_library_run (self, error,
                             "INSERT OR REPLACE INTO surname_links (surname, person_id) VALUES (?1, ?2)",
                             "ti", surname, target))
        return FALSE;
    }
  return _arx_library_prune_people (self, old, error);
}

/**
 * _arx_library_finish_identity:
 *
 * Before a transaction that linked names commits, with the counts of its articles in: decides
 * again the surnames it touched, names each person it touched by the fullest form seen, and
 * gives them the kind most of their mentions have.
 */
gboolean
_arx_library_finish_identity (ArxLibrary  *self,
                              GError     **error)
{
  GHashTableIter it;
  gpointer key;
  gboolean ok = TRUE;

  if (self->touched_surnames != NULL)
    {
      g_hash_table_iter_init (&it, self->touched_surnames);
      while (ok && g_hash_table_iter_next (&it, &key, NULL))
        ok = redecide_surname (self, key, error);
    }
  ok = ok && _arx_library_write_name_counts (self, error);
  if (ok && self->renamed_people != NULL)
    {
      g_hash_table_iter_init (&it, self->renamed_people);
      while (ok && g_hash_table_iter_next (&it, &key, NULL))
        ok = _arx_library_rename_from_forms (self, *(gint64 *)key, error);
    }
  if (ok && self->touched_people != NULL)
    {
      g_autoptr(GString) ids = g_string_new ("[");

      g_hash_table_iter_init (&it, self->touched_people);
      while (g_hash_table_iter_next (&it, &key, NULL))
        g_string_append_printf (ids, "%s%" G_GINT64_FORMAT, ids->len > 1 ? "," : "", *(gint64 *)key);
      g_string_append_c (ids, ']');
      ok = _arx_library_run (self, error,
                             "UPDATE people SET speaker_kind = v.k, kind = v.k"
                             " FROM (SELECT c.person_id, CASE WHEN c.m_org > c.m_person THEN 1 ELSE 0 END AS k"
                             "       FROM speaker_counts c"
                             "       WHERE c.person_id IN (SELECT value FROM json_each(?1))) v"
                             " WHERE people.id = v.person_id AND people.article_id IS NULL"
                             " AND people.speaker_kind IN (0, 1) AND people.speaker_kind != v.k",
                             "t", ids->str);
    }
  _arx_library_forget_identity (self);
  return ok;
}
