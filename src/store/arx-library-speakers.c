/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "arx-library"

#include "config.h"

#include <inttypes.h>
#include <glib/gi18n.h>

#include "arx-gender.h"
#include "arx-identity.h"
#include "arx-library-private.h"

/* Library-wide speaker corrections (rename, merge, split), undo of the newest correction of
 * any kind, and the correction history. */

static gboolean
person_exists (ArxLibrary  *self,
               gint64       id,
               GError     **error)
{
  gint64 value;
  gboolean found;

  if (!_arx_library_get_int64 (self, &value, &found, error,
                               "SELECT id FROM people WHERE id = ?1", "i", id))
    return FALSE;
  if (!found)
    g_set_error (error, ARX_ERROR, ARX_ERROR_NOT_FOUND, _("no speaker %" PRId64), id);
  return found;
}

static gint64
now (void)
{
  return g_get_real_time () / G_USEC_PER_SEC;
}

/* Runs @body inside a write transaction under the lock; returns the correction id or 0. */
typedef gboolean (*CorrectionBody) (ArxLibrary *self, gpointer data, gint64 *out_id, GError **error);

static gint64
in_transaction (ArxLibrary     *self,
                CorrectionBody  body,
                gpointer        data,
                GError        **error)
{
  gint64 id = 0;
  gboolean ok;

  g_mutex_lock (&self->lock);
  ok = _arx_library_begin (self, error);
  if (ok)
    {
      ok = body (self, data, &id, error) && _arx_library_finish_identity (self, error) &&
           _arx_library_commit (self, error);
      if (!ok)
        _arx_library_rollback (self);
    }
  g_mutex_unlock (&self->lock);
  return ok ? id : 0;
}

typedef struct
{
  gint64      person_id;
  gint64      other_id;
  gint64      article_id;
  const char *name;
} SpeakerArgs;

static gboolean
rename_body (ArxLibrary  *self,
             gpointer     data,
             gint64      *out_id,
             GError     **error)
{
  SpeakerArgs *args = data;
  g_autofree char *key = _arx_name_key (args->name);

  if (!person_exists (self, args->person_id, error) ||
      !_arx_library_run (self, error,
                         "INSERT INTO corrections (kind, person_id, name, undo_data, created)"
                         " SELECT 'rename', id, ?2, user_name, ?3 FROM people WHERE id = ?1",
                         "iti", args->person_id, args->name, now ()))
    return FALSE;
  *out_id = sqlite3_last_insert_rowid (self->db);
  /* The new name also finds the person from now on (in --speaker and when linking). */
  return _arx_library_run (self, error, "UPDATE people SET user_name = ?2 WHERE id = ?1", "it",
                           args->person_id, args->name) &&
         _arx_library_run (self, error,
                           "INSERT OR IGNORE INTO people_aliases (alias_key, person_id, alias, strong)"
                           " VALUES (?1, ?2, ?3, instr(?1, ' ') > 0)",
                           "tit", key, args->person_id, args->name);
}

/**
 * arx_library_rename_speaker:
 *
 * Shows the library speaker @speaker_id as @new_name everywhere.
 *
 * Returns: the correction id, or 0 with @error set.
 */
gint64
arx_library_rename_speaker (ArxLibrary  *self,
                            gint64       speaker_id,
                            const char  *new_name,
                            GError     **error)
{
  SpeakerArgs args = { speaker_id, 0, 0, new_name };

  g_return_val_if_fail (ARX_IS_LIBRARY (self), 0);
  if (new_name == NULL || new_name[0] == '\0')
    {
      g_set_error (error, ARX_ERROR, ARX_ERROR_FAILED, _("the new name is empty"));
      return 0;
    }
  return in_transaction (self, rename_body, &args, error);
}

/* The person's display name and kind are decided again, from its forms and mentions now,
 * when the correction's transaction ends. */
static gboolean
touch_names (ArxLibrary *self,
             gint64      person_id)
{
  _arx_library_touch_person_names (self, person_id);
  return TRUE;
}

static gboolean
merge_body (ArxLibrary  *self,
            gpointer     data,
            gint64      *out_id,
            GError     **error)
{
  SpeakerArgs *args = data;
  gint64 id;

  if (args->person_id == args->other_id)
    {
      g_set_error (error, ARX_ERROR, ARX_ERROR_FAILED, _("a speaker cannot be merged into itself"));
      return FALSE;
    }
  if (!person_exists (self, args->person_id, error) ||
      !person_exists (self, args->other_id, error) ||
      !_arx_library_run (self, error,
                         "INSERT INTO corrections (kind, person_id, other_id, name, statement_kind,"
                         " undo_data, created)"
                         " SELECT 'merge', id, ?2, name, kind, user_name, ?3 FROM people WHERE id = ?1",
                         "iii", args->person_id, args->other_id, now ()))
    return FALSE;
  id = *out_id = sqlite3_last_insert_rowid (self->db);

  /* Keep what undo needs (the names of articles, which a re-analysis keeps, not the entity
   * rows, which it replaces), then move entities and aliases over; @into_id keeps its name
   * (the user chose whom to merge into). Overrides pin the moved
   * entities' names in their articles to the merged person, so a re-analysis (which links by
   * name) keeps the merge even where the name alone would be ambiguous; their link says so,
   * so no later decision about a surname moves them either. A speaker of one article merged
   * with one of another article is no longer of one article. */
  return _arx_library_run (self, error,
                           "INSERT OR IGNORE INTO merge_undo_names (correction_id, article_id, name_key)"
                           " SELECT ?1, article_id, arx_name_key(name) FROM entities WHERE person_id = ?2",
                           "ii", id, args->person_id) &&
         _arx_library_run (self, error,
                           "INSERT INTO merge_undo_aliases (correction_id, alias_key, alias, strong, added,"
                           " form, loose, surname, n)"
                           " SELECT ?1, a.alias_key, a.alias, a.strong, NOT EXISTS (SELECT 1 FROM people_aliases b"
                           "   WHERE b.person_id = ?3 AND b.alias_key = a.alias_key), a.form, a.loose, a.surname, a.n"
                           " FROM people_aliases a WHERE a.person_id = ?2",
                           "iii", id, args->person_id, args->other_id) &&
         /* A form both had counts the articles of both. */
         _arx_library_run (self, error,
                           "INSERT INTO people_aliases (alias_key, person_id, alias, strong, form,"
                           " loose, surname, n)"
                           " SELECT alias_key, ?2, alias, strong, form, loose, surname, n FROM people_aliases"
                           " WHERE person_id = ?1 AND true"
                           " ON CONFLICT (alias_key, person_id) DO UPDATE SET n = n + excluded.n",
                           "ii", args->person_id, args->other_id) &&
         _arx_library_run (self, error,
                           "INSERT OR REPLACE INTO person_overrides (article_id, name_key, person_id)"
                           " SELECT DISTINCT article_id, arx_name_key(name), ?2 FROM entities WHERE person_id = ?1",
                           "ii", args->person_id, args->other_id) &&
         _arx_library_run (self, error,
                           "UPDATE person_overrides SET person_id = ?2 WHERE person_id = ?1",
                           "ii", args->person_id, args->other_id) &&
         _arx_library_run (self, error,
                           "UPDATE people SET article_id = NULL WHERE id = ?2 AND article_id IS NOT"
                           " (SELECT article_id FROM people WHERE id = ?1)",
                           "ii", args->person_id, args->other_id) &&
         _arx_library_run (self, error,
                           "UPDATE entities SET person_id = ?2, link = 4 WHERE person_id = ?1",
                           "ii", args->person_id, args->other_id) &&
         _arx_library_run (self, error, "DELETE FROM people WHERE id = ?1", "i", args->person_id);
}

/**
 * arx_library_merge_speakers:
 *
 * @from_id and @into_id are the same person: every statement of @from_id is now @into_id's,
 * and @from_id's names become aliases of @into_id.
 */
gint64
arx_library_merge_speakers (ArxLibrary  *self,
                            gint64       from_id,
                            gint64       into_id,
                            GError     **error)
{
  SpeakerArgs args = { from_id, into_id, 0, NULL };

  g_return_val_if_fail (ARX_IS_LIBRARY (self), 0);
  return in_transaction (self, merge_body, &args, error);
}

/* The article counted the name form @name for @person_id when its entities of that name were
 * linked by name, or a merge moved them with their counts: one count less. A form no article
 * gives the person any more (0) is not shown, but still finds them when linking, as before
 * the split: the split pins one article only. */
static gboolean
uncount_split_name (ArxLibrary  *self,
                    gint64       article_id,
                    const char  *name,
                    gint64       person_id,
                    GError     **error)
{
  g_autofree char *name_key = _arx_name_key (name);
  g_autofree char *alias_key = arx_name_fold (name);
  gint64 counted = 0;

  if (!_arx_library_get_int64 (self, &counted, NULL, error,
                               "SELECT EXISTS (SELECT 1 FROM entities WHERE article_id = ?1"
                               " AND arx_name_key(name) = ?2 AND person_id = ?3 AND link IN (1, 3, 4, 5))",
                               "iti", article_id, name_key, person_id))
    return FALSE;
  if (!counted)
    return TRUE;
  return _arx_library_run (self, error,
                           "UPDATE people_aliases SET n = n - 1 WHERE person_id = ?2 AND alias_key = ?1"
                           " AND n > 0",
                           "ti", alias_key, person_id);
}

static gboolean
split_body (ArxLibrary  *self,
            gpointer     data,
            gint64      *out_id,
            GError     **error)
{
  SpeakerArgs *args = data;
  g_autofree char *key = _arx_name_key (args->name);
  gint64 old_person = 0, kind = 0, new_person, pinned = 0;
  gboolean found;

  if (!_arx_library_get_int64 (self, &old_person, &found, error,
                               "SELECT person_id FROM entities WHERE article_id = ?1"
                               " AND arx_name_key(name) = ?2 AND person_id IS NOT NULL LIMIT 1",
                               "it", args->article_id, key))
    return FALSE;
  if (!found)
    {
      g_set_error (error, ARX_ERROR, ARX_ERROR_NOT_FOUND,
                   _("article %" PRId64 " has no speaker named “%s”"), args->article_id,
                   args->name);
      return FALSE;
    }
  if (!_arx_library_get_int64 (self, &kind, NULL, error,
                               "SELECT kind FROM people WHERE id = ?1", "i", old_person) ||
      !_arx_library_run (self, error,
                         "INSERT INTO people (kind, name, name_key, speaker_kind)"
                         " SELECT kind, ?2, ?3, speaker_kind FROM people WHERE id = ?1",
                         "itt", old_person, args->name, key))
    return FALSE;
  new_person = sqlite3_last_insert_rowid (self->db);
  /* The pin the split replaces (a merge's): its undo puts it back. */
  if (!_arx_library_get_int64 (self, &pinned, NULL, error,
                               "SELECT person_id FROM person_overrides WHERE article_id = ?1"
                               " AND name_key = ?2",
                               "it", args->article_id, key))
    return FALSE;
  if (!_arx_library_run (self, error,
                         "INSERT INTO people_aliases (alias_key, person_id, alias, strong)"
                         " VALUES (?1, ?2, ?3, instr(?1, ' ') > 0)",
                         "tit", key, new_person, args->name) ||
      /* The article's count of the name was the old person's; it is the new one's (1). */
      !uncount_split_name (self, args->article_id, args->name, old_person, error) ||
      !_arx_library_run (self, error,
                         "INSERT OR REPLACE INTO person_overrides (article_id, name_key, person_id)"
                         " VALUES (?1, ?2, ?3)",
                         "iti", args->article_id, key, new_person) ||
      !_arx_library_run (self, error,
                         "UPDATE entities SET person_id = ?3, link = 4 WHERE article_id = ?1"
                         " AND arx_name_key(name) = ?2",
                         "iti", args->article_id, key, new_person) ||
      !_arx_library_run (self, error,
                         "INSERT INTO corrections (kind, article_id, name, person_id, other_id,"
                         " undo_data, created)"
                         " VALUES ('split', ?1, ?2, ?3, ?4, NULLIF (?5, 0), ?6)",
                         "itiiii", args->article_id, args->name, new_person, old_person, pinned,
                         now ()))
    return FALSE;
  *out_id = sqlite3_last_insert_rowid (self->db);
  return touch_names (self, old_person) && touch_names (self, new_person);
}

/**
 * arx_library_split_speaker:
 * @entity_name: the name of the speaker as the article has it
 *
 * In article @article_id, @entity_name is somebody else than the library speaker it was
 * linked to: it becomes a speaker of its own (and stays so after re-analysis).
 */
gint64
arx_library_split_speaker (ArxLibrary  *self,
                           gint64       article_id,
                           const char  *entity_name,
                           GError     **error)
{
  SpeakerArgs args = { 0, 0, article_id, entity_name };

  g_return_val_if_fail (ARX_IS_LIBRARY (self), 0);
  g_return_val_if_fail (entity_name != NULL, 0);
  return in_transaction (self, split_body, &args, error);
}

static gboolean
undo_merge (ArxLibrary  *self,
            gint64       correction,
            GError     **error)
{
  /* The merged person comes back under its id, or under a new one when a person created
   * since took it (ids of deleted rows are handed out again); the correction then names the
   * new one. */
  if (!_arx_library_run (self, error,
                         "INSERT INTO people (id, kind, name, name_key, user_name, speaker_kind)"
                         " SELECT CASE WHEN EXISTS (SELECT 1 FROM people p WHERE p.id = c.person_id)"
                         "  THEN NULL ELSE c.person_id END,"
                         "  c.statement_kind, c.name, arx_name_key(c.name), c.undo_data, c.statement_kind = 1"
                         " FROM corrections c WHERE c.id = ?1",
                         "i", correction) ||
      !_arx_library_run (self, error, "UPDATE corrections SET person_id = ?2 WHERE id = ?1",
                         "ii", correction, sqlite3_last_insert_rowid (self->db)))
    return FALSE;
  return _arx_library_run (self, error,
                           "INSERT OR IGNORE INTO people_aliases (alias_key, person_id, alias, strong,"
                           " form, loose, surname, n)"
                           " SELECT u.alias_key, c.person_id, u.alias, u.strong, u.form, u.loose, u.surname, u.n"
                           " FROM merge_undo_aliases u JOIN corrections c ON c.id = u.correction_id"
                           " WHERE u.correction_id = ?1",
                           "i", correction) &&
         _arx_library_run (self, error,
                           "DELETE FROM people_aliases WHERE (alias_key, person_id) IN"
                           " (SELECT u.alias_key, c.other_id FROM merge_undo_aliases u"
                           "  JOIN corrections c ON c.id = u.correction_id"
                           "  WHERE u.correction_id = ?1 AND u.added)",
                           "i", correction) &&
         /* The forms both had: the merged person's counts go back with it. */
         _arx_library_run (self, error,
                           "UPDATE people_aliases SET n = people_aliases.n - u.n"
                           " FROM merge_undo_aliases u JOIN corrections c ON c.id = u.correction_id"
                           " WHERE u.correction_id = ?1 AND NOT u.added"
                           " AND people_aliases.alias_key = u.alias_key AND people_aliases.person_id = c.other_id",
                           "i", correction) &&
         /* The entities of those names now, whatever re-analysis did to them since. */
         _arx_library_run (self, error,
                           "UPDATE entities SET person_id = (SELECT person_id FROM corrections WHERE id = ?1)"
                           " WHERE article_id IN (SELECT article_id FROM merge_undo_names WHERE correction_id = ?1)"
                           " AND (article_id, arx_name_key(name)) IN"
                           "  (SELECT article_id, name_key FROM merge_undo_names WHERE correction_id = ?1)",
                           "i", correction) &&
         _arx_library_run (self, error,
                           "UPDATE person_overrides SET person_id = (SELECT person_id FROM corrections WHERE id = ?1)"
                           " WHERE (article_id, name_key) IN"
                           "  (SELECT article_id, name_key FROM merge_undo_names WHERE correction_id = ?1)",
                           "i", correction);
}

/* The split person goes; the article's name is linked again, pinned as before the split
 * when a merge had pinned it (and counted for that person again, as the merge had it). */
static gboolean
undo_split (ArxLibrary  *self,
            gint64       correction,
            gint64       article_id,
            const char  *name,
            gint64       split_id,
            gint64       old_id,
            GError     **error)
{
  g_autofree char *key = _arx_name_key (name);
  g_autofree char *form = arx_name_fold (name);
  gint64 pinned = 0;

  if (!_arx_library_run (self, error,
                         "DELETE FROM person_overrides WHERE article_id = ?1 AND name_key = ?2"
                         " AND person_id = ?3",
                         "iti", article_id, key, split_id) ||
      !_arx_library_get_int64 (self, &pinned, NULL, error,
                               "SELECT p.id FROM corrections c JOIN people p"
                               " ON p.id = CAST (c.undo_data AS INTEGER) WHERE c.id = ?1",
                               "i", correction))
    return FALSE;
  if (pinned != 0 &&
      (!_arx_library_run (self, error,
                          "INSERT OR REPLACE INTO person_overrides (article_id, name_key, person_id)"
                          " VALUES (?1, ?2, ?3)",
                          "iti", article_id, key, pinned) ||
       !_arx_library_run (self, error,
                          "UPDATE people_aliases SET n = n + 1 WHERE alias_key = ?1 AND person_id = ?2",
                          "ti", form, pinned)))
    return FALSE;
  return _arx_library_run (self, error,
                           "UPDATE entities SET person_id = ?2 WHERE person_id = ?1"
                           " AND EXISTS (SELECT 1 FROM people WHERE id = ?2)",
                           "ii", split_id, old_id) &&
         _arx_library_run (self, error, "UPDATE entities SET person_id = NULL WHERE person_id = ?1",
                           "i", split_id) &&
         _arx_library_run (self, error, "DELETE FROM people WHERE id = ?1", "i", split_id) &&
         _arx_library_relink_article (self, article_id, error) &&
         touch_names (self, old_id) && (pinned == 0 || touch_names (self, pinned));
}

/* One correction as a row of corrections. */
typedef struct
{
  const char *kind;
  gint64      article_id;
  gint64      start, end;       /* -1: no span (a library-wide correction) */
  gint64      person_id, other_id;
  const char *name;
  gint64      value;            /* statement_kind: the ArxGender of a gender correction */
} Correction;

static const char *
gender_word (gint64 gender)
{
  switch (gender)
    {
    case ARX_GENDER_FEMALE:
      return C_("gender", "female");
    case ARX_GENDER_MALE:
      return C_("gender", "male");
    default:
      return C_("gender", "unknown");
    }
}

/* What @c did, in the user's language, for `arx correct list` and the undo message; its kind
 * stays the machine word ("speaker", "merge", …). */
static char *
describe_correction (const Correction *c)
{
  const char *name = c->name != NULL && c->name[0] != '\0' ? c->name : NULL;
  int start = (int)c->start, end = (int)c->end;

  if (g_str_equal (c->kind, "speaker"))
    return name != NULL ? g_strdup_printf (_("speaker of %d–%d set to %s"), start, end, name)
                        : g_strdup_printf (_("%d–%d said by nobody"), start, end);
  if (g_str_equal (c->kind, "not-statement"))
    return g_strdup_printf (_("%d–%d marked as not a statement"), start, end);
  if (g_str_equal (c->kind, "add-statement"))
    return name != NULL ? g_strdup_printf (_("statement %d–%d added, said by %s"), start, end, name)
                        : g_strdup_printf (_("statement %d–%d added"), start, end);
  if (g_str_equal (c->kind, "rename"))
    return g_strdup_printf (_("speaker %" PRId64 " renamed to %s"), c->person_id,
                            name != NULL ? name : "");
  if (g_str_equal (c->kind, "merge"))
    return g_strdup_printf (_("%s merged into speaker %" PRId64), name != NULL ? name : "",
                            c->other_id);
  if (g_str_equal (c->kind, "split"))
    return g_strdup_printf (_("%s in article %" PRId64 " split off as a speaker of their own"),
                            name != NULL ? name : "", c->article_id);
  if (g_str_equal (c->kind, "gender"))
    return c->value < 0
           ? g_strdup_printf (_("gender of %s back to the inferred one"), name != NULL ? name : "")
           : g_strdup_printf (_("gender of %s set to %s"), name != NULL ? name : "",
                              gender_word (c->value));
  return g_strdup (c->kind);
}

static gboolean
undo_body (ArxLibrary  *self,
           gpointer     data,
           gint64      *out_id,
           GError     **error)
{
  char **out_description = data;
  sqlite3_stmt *stmt;
  g_autofree char *kind = NULL;
  g_autofree char *name = NULL;
  g_autofree char *description = NULL;
  gint64 id, article_id, person_id, other_id;
  gboolean ok;
  int rc;

  stmt = _arx_library_stmt (self,
                            "SELECT id, kind, COALESCE(article_id, 0), COALESCE(person_id, 0),"
                            " COALESCE(other_id, 0), name, COALESCE(span_start, -1),"
                            " COALESCE(span_end, -1), COALESCE(statement_kind, 0)"
                            " FROM corrections WHERE undone = 0 ORDER BY id DESC LIMIT 1",
                            error);
  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      if (rc == SQLITE_DONE)
        g_set_error (error, ARX_ERROR, ARX_ERROR_NOT_FOUND, _("no correction to undo"));
      else
        _arx_db_set_error (self->db, error);
      sqlite3_reset (stmt);
      return FALSE;
    }
  id = sqlite3_column_int64 (stmt, 0);
  kind = _arx_column_dup (stmt, 1);
  article_id = sqlite3_column_int64 (stmt, 2);
  person_id = sqlite3_column_int64 (stmt, 3);
  other_id = sqlite3_column_int64 (stmt, 4);
  name = _arx_column_dup (stmt, 5);
  if (out_description != NULL)
    {
      Correction c = { kind, article_id, sqlite3_column_int64 (stmt, 6),
                       sqlite3_column_int64 (stmt, 7), person_id, other_id, name,
                       sqlite3_column_int64 (stmt, 8) };

      description = describe_correction (&c);
    }
  sqlite3_reset (stmt);

  if (!_arx_library_run (self, error, "UPDATE corrections SET undone = 1 WHERE id = ?1", "i", id))
    return FALSE;

  if (g_str_equal (kind, "rename"))
    ok = _arx_library_run (self, error,
                           "UPDATE people SET user_name = (SELECT undo_data FROM corrections WHERE id = ?2)"
                           " WHERE id = ?1",
                           "ii", person_id, id);
  else if (g_str_equal (kind, "merge"))
    ok = undo_merge (self, id, error);
  else if (g_str_equal (kind, "split"))
    ok = undo_split (self, id, article_id, name, person_id, other_id, error);
  else
    ok = _arx_library_replay_corrections (self, article_id, error);

  if (ok && out_description != NULL)
    *out_description = g_steal_pointer (&description);
  *out_id = id;
  return ok;
}

/**
 * arx_library_undo_correction:
 * @out_description: (out) (optional) (transfer full): what was undone, in words ("speaker of
 *   120–180 set to Tom Bossert")
 *
 * Undoes the newest correction that is not undone yet; ARX_ERROR_NOT_FOUND when there is none.
 */
gboolean
arx_library_undo_correction (ArxLibrary  *self,
                             char       **out_description,
                             GError     **error)
{
  g_return_val_if_fail (ARX_IS_LIBRARY (self), FALSE);
  return in_transaction (self, undo_body, out_description, error) > 0;
}

GPtrArray *
arx_library_list_corrections (ArxLibrary  *self,
                              GError     **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify)arx_correction_row_free);
  sqlite3_stmt *stmt;
  int rc = SQLITE_ERROR;

  g_return_val_if_fail (ARX_IS_LIBRARY (self), NULL);

  g_mutex_lock (&self->lock);
  stmt = _arx_library_stmt (self,
                            "SELECT id, COALESCE(article_id, 0), kind, COALESCE(span_start, -1),"
                            " COALESCE(span_end, -1), name, COALESCE(person_id, 0),"
                            " COALESCE(other_id, 0), created, COALESCE(statement_kind, 0)"
                            " FROM corrections WHERE undone = 0 ORDER BY id DESC",
                            error);
  if (stmt != NULL)
    {
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          ArxCorrectionRow *row = g_new0 (ArxCorrectionRow, 1);
          Correction c = { NULL, sqlite3_column_int64 (stmt, 1), sqlite3_column_int64 (stmt, 3),
                           sqlite3_column_int64 (stmt, 4), sqlite3_column_int64 (stmt, 6),
                           sqlite3_column_int64 (stmt, 7),
                           (const char *)sqlite3_column_text (stmt, 5),
                           sqlite3_column_int64 (stmt, 9) };

          row->id = sqlite3_column_int64 (stmt, 0);
          row->article_id = c.article_id;
          row->kind = _arx_column_dup (stmt, 2);
          row->created = sqlite3_column_int64 (stmt, 8);
          c.kind = row->kind;
          row->description = describe_correction (&c);
          g_ptr_array_add (rows, row);
        }
      if (rc != SQLITE_DONE)
        _arx_db_set_error (self->db, error);
      sqlite3_reset (stmt);
    }
  g_mutex_unlock (&self->lock);
  return rc == SQLITE_DONE ? g_steal_pointer (&rows) : NULL;
}
