/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "arx-library"

#include "config.h"

#include <string.h>

#include "arx-library-private.h"

/* Library-wide speakers. The guard against merging two people who share a surname: only a
 * multi-word name ("Tom Bossert") is a strong key that links an entity to an existing person;
 * a one-word name ("Bossert", "Smith") links to a full-name person only when exactly one such
 * person carries that word as an alias, and otherwise to a person known by that one word. */

static const char *honorifics[] = {
  "mr", "mrs", "ms", "miss", "dr", "prof", "sir", "dame", "rev",
};

/* Case-folded, NFKC, without dots, leading honorifics and repeated spaces. */
char *
_arx_name_key (const char *name)
{
  g_autofree char *normal = NULL;
  g_autofree char *folded = NULL;
  g_auto(GStrv) words = NULL;
  GString *key = g_string_new (NULL);
  gboolean leading = TRUE;

  if (name == NULL)
    return g_string_free (key, FALSE);
  normal = g_utf8_normalize (name, -1, G_NORMALIZE_NFKC);
  folded = g_utf8_casefold (normal != NULL ? normal : "", -1);
  g_strdelimit (folded, ".,\t\n\r", ' ');
  /* Curly and straight apostrophes mean the same in names (O’Neill, O'Neill). */
  words = g_strsplit (folded, " ", -1);
  for (guint i = 0; words[i] != NULL; i++)
    {
      char *word = g_strstrip (words[i]);

      if (word[0] == '\0')
        continue;
      if (leading && words[i + 1] != NULL && g_strv_contains (honorifics, word))
        continue;
      leading = FALSE;
      if (key->len > 0)
        g_string_append_c (key, ' ');
      for (const char *p = word; *p != '\0'; p = g_utf8_next_char (p))
        {
          gunichar c = g_utf8_get_char (p);

          if (c == 0x2019 || c == 0x2018)
            c = '\'';
          g_string_append_unichar (key, c);
        }
    }
  return g_string_free (key, FALSE);
}

static gboolean
is_strong_key (const char *key)
{
  return strchr (key, ' ') != NULL;
}

static gboolean
links_across_articles (ArxEntityKind kind)
{
  return kind == ARX_ENTITY_PERSON || kind == ARX_ENTITY_ORGANIZATION;
}

/* Collects distinct person ids from the first column of @stmt. */
static gboolean
collect_ids (ArxLibrary    *self,
             sqlite3_stmt  *stmt,
             GArray        *ids,
             GError       **error)
{
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      gboolean seen = FALSE;

      for (guint i = 0; i < ids->len && !seen; i++)
        seen = g_array_index (ids, gint64, i) == id;
      if (!seen)
        g_array_append_val (ids, id);
    }
  if (rc != SQLITE_DONE)
    {
      _arx_db_set_error (self->db, error);
      sqlite3_reset (stmt);
      return FALSE;
    }
  sqlite3_reset (stmt);
  return TRUE;
}

static gboolean
find_by_strong_key (ArxLibrary     *self,
                    ArxEntityKind   kind,
                    const char     *key,
                    gint64         *out_id,
                    GError        **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;

  *out_id = 0;
  stmt = _arx_library_stmt (self,
                            "SELECT a.person_id FROM people_aliases a JOIN people p ON p.id = a.person_id"
                            " WHERE a.alias_key = ?1 AND a.strong = 1 AND p.kind = ?2"
                            " ORDER BY (p.name_key = ?1) DESC, p.id",
                            error);
  if (stmt == NULL)
    return FALSE;
  _arx_bind_text (stmt, 1, key);
  sqlite3_bind_int (stmt, 2, kind);
  if (!collect_ids (self, stmt, ids, error))
    return FALSE;
  /* Several people with this full form: the one whose own name it is wins, else the oldest. */
  if (ids->len > 0)
    *out_id = g_array_index (ids, gint64, 0);
  return TRUE;
}

static gboolean
find_by_weak_key (ArxLibrary     *self,
                  ArxEntityKind   kind,
                  const char     *key,
                  gint64         *out_id,
                  GError        **error)
{
  g_autoptr(GArray) full = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) single = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;

  *out_id = 0;
  stmt = _arx_library_stmt (self,
                            "SELECT a.person_id FROM people_aliases a JOIN people p ON p.id = a.person_id"
                            " WHERE a.alias_key = ?1 AND p.kind = ?2 AND instr(p.name_key, ' ') > 0",
                            error);
  if (stmt == NULL)
    return FALSE;
  _arx_bind_text (stmt, 1, key);
  sqlite3_bind_int (stmt, 2, kind);
  if (!collect_ids (self, stmt, full, error))
    return FALSE;
  if (full->len == 1)
    {
      *out_id = g_array_index (full, gint64, 0);
      return TRUE;
    }

  stmt = _arx_library_stmt (self, "SELECT id FROM people WHERE name_key = ?1 AND kind = ?2 ORDER BY id",
                            error);
  if (stmt == NULL)
    return FALSE;
  _arx_bind_text (stmt, 1, key);
  sqlite3_bind_int (stmt, 2, kind);
  if (!collect_ids (self, stmt, single, error))
    return FALSE;
  if (single->len > 0)
    *out_id = g_array_index (single, gint64, 0);
  return TRUE;
}

static gboolean
find_override (ArxLibrary  *self,
               gint64       article_id,
               const char  *key,
               gint64      *out_id,
               GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  *out_id = 0;
  stmt = _arx_library_stmt (self,
                            "SELECT person_id FROM person_overrides WHERE article_id = ?1 AND name_key = ?2",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, article_id);
  _arx_bind_text (stmt, 2, key);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *out_id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      _arx_db_set_error (self->db, error);
      return FALSE;
    }
  return TRUE;
}

static gboolean
add_alias (ArxLibrary  *self,
           gint64       person_id,
           const char  *alias,
           const char  *known_key,
           GError     **error)
{
  g_autofree char *key = known_key != NULL ? g_strdup (known_key) : _arx_name_key (alias);
  sqlite3_stmt *stmt;

  if (key[0] == '\0')
    return TRUE;
  stmt = _arx_library_stmt (self,
                            "INSERT OR IGNORE INTO people_aliases (alias_key, person_id, alias, strong)"
                            " VALUES (?1, ?2, ?3, ?4)",
                            error);
  if (stmt == NULL)
    return FALSE;
  _arx_bind_text (stmt, 1, key);
  sqlite3_bind_int64 (stmt, 2, person_id);
  _arx_bind_text (stmt, 3, alias);
  sqlite3_bind_int (stmt, 4, is_strong_key (key));
  return _arx_library_step_done (self, stmt, error);
}

static gboolean
create_person (ArxLibrary     *self,
               ArxEntityKind   kind,
               const char     *name,
               const char     *key,
               gint64         *out_id,
               GError        **error)
{
  sqlite3_stmt *stmt = _arx_library_stmt (self,
                                          "INSERT INTO people (kind, name, name_key) VALUES (?1, ?2, ?3)",
                                          error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, kind);
  _arx_bind_text (stmt, 2, name);
  _arx_bind_text (stmt, 3, key);
  if (!_arx_library_step_done (self, stmt, error))
    return FALSE;
  *out_id = sqlite3_last_insert_rowid (self->db);
  return TRUE;
}

/* Finds or creates the library person for an entity named @name (0 in @out_person_id for
 * kinds that are no speakers) and records the entity's name forms as aliases. A brand-new
 * article has no overrides yet, so @check_overrides saves that lookup on import. */
gboolean
_arx_library_find_person (ArxLibrary     *self,
                          gint64          article_id,
                          ArxEntityKind   kind,
                          const char     *name,
                          GPtrArray      *aliases,
                          gboolean        check_overrides,
                          gint64         *out_person_id,
                          GError        **error)
{
  g_autofree char *key = NULL;
  gint64 person_id = 0;

  *out_person_id = 0;
  if (!links_across_articles (kind))
    return TRUE;
  key = _arx_name_key (name);
  if (key[0] == '\0')
    return TRUE;

  if (check_overrides && !find_override (self, article_id, key, &person_id, error))
    return FALSE;
  if (person_id == 0 && is_strong_key (key))
    {
      if (!find_by_strong_key (self, kind, key, &person_id, error))
        return FALSE;
      /* "Thomas Bossert" as an alias finds "Tom Bossert". */
      for (guint i = 0; person_id == 0 && aliases != NULL && i < aliases->len; i++)
        {
          g_autofree char *alias_key = _arx_name_key (g_ptr_array_index (aliases, i));

          if (is_strong_key (alias_key) &&
              !find_by_strong_key (self, kind, alias_key, &person_id, error))
            return FALSE;
        }
    }
  else if (person_id == 0 && !find_by_weak_key (self, kind, key, &person_id, error))
    return FALSE;

  if (person_id == 0 && !create_person (self, kind, name, key, &person_id, error))
    return FALSE;

  if (!add_alias (self, person_id, name, key, error))
    return FALSE;
  /* A surname-only entity adds no aliases: they would be guesses about which person it is. */
  for (guint i = 0; is_strong_key (key) && aliases != NULL && i < aliases->len; i++)
    if (!add_alias (self, person_id, g_ptr_array_index (aliases, i), NULL, error))
      return FALSE;

  *out_person_id = person_id;
  return TRUE;
}

/* Finds or creates the library person of an existing entity and points the entity at it. */
gboolean
_arx_library_link_entity (ArxLibrary     *self,
                          gint64          article_id,
                          gint64          entity_id,
                          ArxEntityKind   kind,
                          const char     *name,
                          GPtrArray      *aliases,
                          GError        **error)
{
  gint64 person_id;

  if (!_arx_library_find_person (self, article_id, kind, name, aliases, TRUE, &person_id, error))
    return FALSE;
  if (person_id == 0)
    return TRUE;
  return _arx_library_run (self, error, "UPDATE entities SET person_id = ?1 WHERE id = ?2", "ii",
                           person_id, entity_id);
}

static GPtrArray *
load_entity_aliases (ArxLibrary  *self,
                     gint64       entity_id,
                     GError     **error)
{
  g_autoptr(GPtrArray) aliases = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = _arx_library_stmt (self,
                                          "SELECT alias FROM entity_aliases WHERE entity_id = ?1 ORDER BY pos",
                                          error);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, entity_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (aliases, _arx_column_dup (stmt, 0));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _arx_db_set_error (self->db, error);
      return NULL;
    }
  return g_steal_pointer (&aliases);
}

typedef struct
{
  gint64         entity_id;
  gint64         article_id;
  ArxEntityKind  kind;
  char          *name;
} PendingLink;

static void
pending_link_clear (gpointer data)
{
  g_free (((PendingLink *)data)->name);
}

/* Links every entity that has no person yet (used by the migration that added people, and
 * after undoing a merge). Only uses tables of schema version 2. The rows are read first:
 * updating entities.person_id while stepping over its index could skip rows. */
gboolean
_arx_library_link_all (ArxLibrary  *self,
                       GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GArray) pending = g_array_new (FALSE, FALSE, sizeof (PendingLink));
  int rc;

  g_array_set_clear_func (pending, pending_link_clear);
  if (sqlite3_prepare_v2 (self->db,
                          "SELECT id, article_id, kind, name FROM entities"
                          " WHERE person_id IS NULL ORDER BY id",
                          -1, &stmt, NULL) != SQLITE_OK)
    {
      _arx_db_set_error (self->db, error);
      return FALSE;
    }
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      PendingLink link = {
        sqlite3_column_int64 (stmt, 0), sqlite3_column_int64 (stmt, 1),
        sqlite3_column_int (stmt, 2), _arx_column_dup (stmt, 3)
      };

      g_array_append_val (pending, link);
    }
  if (rc != SQLITE_DONE)
    {
      _arx_db_set_error (self->db, error);
      return FALSE;
    }
  for (guint i = 0; i < pending->len; i++)
    {
      const PendingLink *link = &g_array_index (pending, PendingLink, i);
      g_autoptr(GPtrArray) aliases = load_entity_aliases (self, link->entity_id, error);

      if (aliases == NULL ||
          !_arx_library_link_entity (self, link->article_id, link->entity_id, link->kind,
                                     link->name, aliases, error))
        return FALSE;
    }
  return TRUE;
}

/* The people an article's entities point at: the only ones a change to that article can
 * leave without entities (scanning every person instead made re-analysis quadratic). */
GArray *
_arx_library_people_of_article (ArxLibrary  *self,
                                gint64       article_id,
                                GError     **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt = _arx_library_stmt (self,
                                          "SELECT DISTINCT person_id FROM entities"
                                          " WHERE article_id = ?1 AND person_id IS NOT NULL",
                                          error);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, article_id);
  if (!collect_ids (self, stmt, ids, error))
    return NULL;
  return g_steal_pointer (&ids);
}

/* Drops those of @candidates no entity points at any more, except people a user's split or
 * merge still pins to an article. */
gboolean
_arx_library_prune_people (ArxLibrary  *self,
                           GArray      *candidates,
                           GError     **error)
{
  for (guint i = 0; i < candidates->len; i++)
    if (!_arx_library_run (self, error,
                           "DELETE FROM people WHERE id = ?1"
                           " AND NOT EXISTS (SELECT 1 FROM entities e WHERE e.person_id = ?1)"
                           " AND NOT EXISTS (SELECT 1 FROM person_overrides o WHERE o.person_id = ?1)",
                           "i", g_array_index (candidates, gint64, i)))
      return FALSE;
  return TRUE;
}
