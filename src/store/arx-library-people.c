/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "arx-library"

#include "config.h"

#include <string.h>

#include "arx-identity.h"

#include "arx-library-private.h"

/* Library-wide speakers: the name key of corrections, re-linking stored articles, the counts
 * per speaker, and dropping people nobody points at. Who is who is decided by the identity
 * unit (arx-identity.c) and written down by arx-library-identity*.c. */

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
  gint64      entity_id;
  char       *name;
  GPtrArray  *aliases;
} StoredEntity;

static void
stored_entity_clear (gpointer data)
{
  StoredEntity *entity = data;

  g_free (entity->name);
  g_clear_pointer (&entity->aliases, g_ptr_array_unref);
}

/**
 * _arx_library_relink_article:
 *
 * Decides again who every stored entity of one article is (after a user correction added a
 * speaker, an undone split, or when the identity rules changed), keeping the user's splits
 * and merges.
 */
gboolean
_arx_library_relink_article (ArxLibrary  *self,
                             gint64       article_id,
                             GError     **error)
{
  g_autoptr(GArray) entities = g_array_new (FALSE, TRUE, sizeof (StoredEntity));
  g_autoptr(GArray) slots = g_array_new (FALSE, TRUE, sizeof (ArxLinkSlot));
  g_autofree char *byline = NULL;
  g_autoptr(GArray) before = NULL;
  sqlite3_stmt *stmt;
  gboolean ok = TRUE;
  int rc;

  g_array_set_clear_func (entities, stored_entity_clear);
  if ((before = _arx_library_people_of_article (self, article_id, error)) == NULL)
    return FALSE;
  stmt = _arx_library_stmt (self,
                            "SELECT e.id, e.kind, e.name, e.origin,"
                            " COALESCE(length(e.mention_spans), 0) / 8,"
                            " (SELECT s.speaker_kind FROM statements s WHERE s.eff_entity_id = e.id"
                            "   ORDER BY s.speaker_kind IS NULL LIMIT 1),"
                            " EXISTS (SELECT 1 FROM statements s WHERE s.eff_entity_id = e.id),"
                            " (SELECT byline FROM articles WHERE id = ?1),"
                            " CASE WHEN e.link IN (1, 3, 5) THEN COALESCE(e.person_id, 0) ELSE 0 END"
                            " FROM entities e WHERE e.article_id = ?1 ORDER BY e.origin, e.idx",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, article_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      StoredEntity entity = { sqlite3_column_int64 (stmt, 0), _arx_column_dup (stmt, 2), NULL };
      ArxEntityKind kind = sqlite3_column_int (stmt, 1);
      gboolean speaks = sqlite3_column_int (stmt, 6);
      ArxLinkSlot slot = { 0, };

      /* A speaker the analysis named without an entity (origin 2) is of no known kind. */
      slot.entity_kind = sqlite3_column_int (stmt, 3) == 2 ? ARX_ENTITY_MISC : kind;
      slot.speaker_kind = !speaks ? -1 : sqlite3_column_type (stmt, 5) == SQLITE_NULL
                                         ? (int)arx_speaker_kind_for_entity (kind)
                                         : sqlite3_column_int (stmt, 5);
      slot.n_mentions = sqlite3_column_int (stmt, 4);
      slot.counted_for = sqlite3_column_int64 (stmt, 8);
      slot.linkable = speaks || kind == ARX_ENTITY_PERSON || kind == ARX_ENTITY_ORGANIZATION;
      if (byline == NULL)
        byline = _arx_column_dup (stmt, 7);
      g_array_append_val (entities, entity);
      g_array_append_val (slots, slot);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _arx_db_set_error (self->db, error);
      return FALSE;
    }
  for (guint i = 0; i < entities->len && ok; i++)
    {
      StoredEntity *entity = &g_array_index (entities, StoredEntity, i);
      ArxLinkSlot *slot = &g_array_index (slots, ArxLinkSlot, i);

      entity->aliases = load_entity_aliases (self, entity->entity_id, error);
      ok = entity->aliases != NULL;
      slot->name = entity->name;
      slot->aliases = entity->aliases;
    }
  ok = ok && _arx_library_link_slots (self, article_id, byline, (ArxLinkSlot *)(gpointer)slots->data,
                                      slots->len, TRUE, error);
  for (guint i = 0; i < entities->len && ok; i++)
    {
      const ArxLinkSlot *slot = &g_array_index (slots, ArxLinkSlot, i);

      ok = _arx_library_run (self, error,
                             "UPDATE entities SET person_id = NULLIF (?2, 0), link = ?3, link_key = ?4,"
                             " sk = ?5 WHERE id = ?1",
                             "iidtd", g_array_index (entities, StoredEntity, i).entity_id,
                             slot->person_id, slot->link, slot->link_key, (int)slot->kind);
    }
  _arx_link_slots_clear ((ArxLinkSlot *)(gpointer)slots->data, slots->len);
  /* The article's speakers of before that nobody is any more (its groups, linked anew). */
  return ok && _arx_library_prune_people (self, before, error);
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

/* Recounts every speaker a trigger marked dirty, in the transaction that changed them, and
 * gives each library person the kind most of its mentions have. CROSS JOIN keeps the (mostly
 * empty) dirty table outside: the other order scans all people. */
gboolean
_arx_library_flush_speaker_counts (ArxLibrary  *self,
                                   GError     **error)
{
  return _arx_library_run (self, error,
                           "INSERT OR REPLACE INTO speaker_counts (person_id, n_articles, n_statements,"
                           " n_named, m_person, m_org)"
                           " SELECT d.person_id, COALESCE(e.n_articles, 0),"
                           "  (SELECT count(*) FROM statements s WHERE s.eff_person_id = d.person_id AND s.hidden = 0),"
                           "  COALESCE(e.n_named, 0), COALESCE(e.m_person, 0), COALESCE(e.m_org, 0)"
                           " FROM speaker_counts_dirty d CROSS JOIN people p ON p.id = d.person_id"
                           " LEFT JOIN (SELECT person_id, count(DISTINCT article_id) AS n_articles,"
                           "   count(DISTINCT CASE WHEN link = 1 THEN article_id END) AS n_named,"
                           "   sum(CASE WHEN sk = 0 THEN COALESCE(length(mention_spans), 0) / 8 + 1 ELSE 0 END) AS m_person,"
                           "   sum(CASE WHEN sk = 1 THEN COALESCE(length(mention_spans), 0) / 8 + 1 ELSE 0 END) AS m_org"
                           "   FROM entities WHERE person_id IN (SELECT person_id FROM speaker_counts_dirty)"
                           "   GROUP BY person_id) e ON e.person_id = d.person_id", "") &&
         _arx_library_run (self, error,
                           "UPDATE people SET speaker_kind = v.k, kind = v.k"
                           " FROM (SELECT c.person_id, CASE WHEN c.m_org > c.m_person THEN 1 ELSE 0 END AS k"
                           "       FROM speaker_counts c"
                           "       WHERE c.person_id IN (SELECT person_id FROM speaker_counts_dirty)) v"
                           " WHERE people.id = v.person_id AND people.article_id IS NULL"
                           " AND people.speaker_kind IN (0, 1) AND people.speaker_kind != v.k", "") &&
         _arx_library_run (self, error, "DELETE FROM speaker_counts_dirty", "");
}

/* Adds the counts of the articles @first_id to @last_id, all of them counted nowhere yet. The
 * unary + keeps SQLite from grouping along the person indexes, which scans all of them (13 ms
 * per batch at 10k articles) instead of the range of article ids. */
static gboolean
count_articles (ArxLibrary  *self,
                gint64       first_id,
                gint64       last_id,
                GError     **error)
{
  return _arx_library_run (self, error,
                           "INSERT INTO speaker_counts (person_id, n_articles, n_statements, n_named,"
                           " m_person, m_org)"
                           " SELECT person_id, count(DISTINCT article_id), 0,"
                           "  count(DISTINCT CASE WHEN link = 1 THEN article_id END),"
                           "  sum(CASE WHEN sk = 0 THEN COALESCE(length(mention_spans), 0) / 8 + 1 ELSE 0 END),"
                           "  sum(CASE WHEN sk = 1 THEN COALESCE(length(mention_spans), 0) / 8 + 1 ELSE 0 END)"
                           " FROM entities WHERE article_id BETWEEN ?1 AND ?2 AND person_id IS NOT NULL"
                           " GROUP BY +person_id"
                           " ON CONFLICT (person_id) DO UPDATE"
                           " SET n_articles = n_articles + excluded.n_articles,"
                           "  n_named = n_named + excluded.n_named, m_person = m_person + excluded.m_person,"
                           "  m_org = m_org + excluded.m_org",
                           "ii", first_id, last_id) &&
         _arx_library_run (self, error,
                           "INSERT INTO speaker_counts (person_id, n_articles, n_statements)"
                           " SELECT eff_person_id, 0, count(*) FROM statements"
                           " WHERE article_id BETWEEN ?1 AND ?2 AND eff_person_id IS NOT NULL AND hidden = 0"
                           " GROUP BY +eff_person_id"
                           " ON CONFLICT (person_id) DO UPDATE"
                           " SET n_statements = n_statements + excluded.n_statements",
                           "ii", first_id, last_id);
}

/* Adds the counts of every article above @after_id, all of them new in this transaction. */
gboolean
_arx_library_count_new_articles (ArxLibrary  *self,
                                 gint64       after_id,
                                 GError     **error)
{
  return count_articles (self, after_id + 1, G_MAXINT64, error);
}

/* The user's people (renamed, merged into, split off): the rebuild keeps them. */
#define USER_PEOPLE \
  "SELECT person_id FROM person_overrides" \
  " UNION SELECT id FROM people WHERE user_name IS NOT NULL" \
  " UNION SELECT person_id FROM corrections WHERE kind IN ('rename', 'split') AND undone = 0" \
  " UNION SELECT other_id FROM corrections WHERE kind IN ('merge', 'split') AND undone = 0"

/* Keeps the name forms of the user's people that are names, with their keys as today. */
static gboolean
clean_user_aliases (ArxLibrary  *self,
                    GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_free);
  int rc;

  if (sqlite3_prepare_v2 (self->db,
                          "SELECT alias_key, person_id, alias FROM people_aliases"
                          " WHERE person_id IN (" USER_PEOPLE ")", -1, &stmt, NULL) != SQLITE_OK)
    {
      _arx_db_set_error (self->db, error);
      return FALSE;
    }
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_ptr_array_add (rows, _arx_column_dup (stmt, 0));
      g_ptr_array_add (rows, g_strdup_printf ("%" G_GINT64_FORMAT, (gint64)sqlite3_column_int64 (stmt, 1)));
      g_ptr_array_add (rows, _arx_column_dup (stmt, 2));
    }
  if (rc != SQLITE_DONE)
    {
      _arx_db_set_error (self->db, error);
      return FALSE;
    }
  for (guint i = 0; i + 2 < rows->len; i += 3)
    {
      const char *key = g_ptr_array_index (rows, i);
      gint64 person = g_ascii_strtoll (g_ptr_array_index (rows, i + 1), NULL, 10);
      g_autoptr(ArxName) name = arx_name_parse (g_ptr_array_index (rows, i + 2), ARX_ENTITY_PERSON);
      gboolean full = name->klass == ARX_NAME_PERSON && name->first != NULL;
      gboolean ok;

      if (name->klass == ARX_NAME_PERSON || name->klass == ARX_NAME_ORGANIZATION)
        ok = _arx_library_run (self, error,
                               "UPDATE people_aliases SET strong = ?3, form = 0, loose = ?4, surname = ?5"
                               " WHERE alias_key = ?1 AND person_id = ?2",
                               "tidtt", key, person,
                               (int)(full || name->klass == ARX_NAME_ORGANIZATION),
                               full ? name->loose : NULL, full ? name->last : NULL);
      else
        ok = _arx_library_run (self, error,
                               "DELETE FROM people_aliases WHERE alias_key = ?1 AND person_id = ?2",
                               "ti", key, person);
      if (!ok)
        return FALSE;
    }
  return TRUE;
}

/**
 * _arx_library_rebuild_identity:
 *
 * Decides every speaker of the library again with the identity unit (schema 11): the machine's
 * people go, the user's stay with the names that are names, and every article is linked
 * again in the order it was imported.
 */
gboolean
_arx_library_rebuild_identity (ArxLibrary  *self,
                               GError     **error)
{
  g_autoptr(GArray) articles = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (!_arx_db_exec (self->db,
                     "UPDATE entities SET person_id = NULL WHERE person_id IS NOT NULL;"
                     "DELETE FROM people WHERE id NOT IN (" USER_PEOPLE ");"
                     "DELETE FROM surname_links;", error) ||
      !clean_user_aliases (self, error))
    return FALSE;
  if (sqlite3_prepare_v2 (self->db, "SELECT id FROM articles ORDER BY id", -1, &stmt, NULL) != SQLITE_OK)
    {
      _arx_db_set_error (self->db, error);
      return FALSE;
    }
  if (!_arx_library_step_ids (self, stmt, articles, error))
    return FALSE;
  /* Counted article by article, as an import does, so each article is linked knowing how
   * often the library names whom. */
  if (!_arx_db_exec (self->db, "DELETE FROM speaker_counts; DELETE FROM speaker_counts_dirty;", error))
    return FALSE;
  for (guint i = 0; i < articles->len; i++)
    {
      gint64 id = g_array_index (articles, gint64, i);

      if (!_arx_library_relink_article (self, id, error) || !count_articles (self, id, id, error))
        return FALSE;
      _arx_library_keep_article_names (self);
    }
  return _arx_library_finish_identity (self, error) &&
         _arx_db_exec (self->db,
                       "INSERT OR IGNORE INTO speaker_counts_dirty SELECT id FROM people;", error) &&
         _arx_library_flush_speaker_counts (self, error);
}

/* After an article's analysis was rewritten: its people's counts changed (the deletions
 * marked the old ones). */
gboolean
_arx_library_mark_article_speakers (ArxLibrary  *self,
                                    gint64       article_id,
                                    GError     **error)
{
  return _arx_library_run (self, error,
                           "INSERT OR IGNORE INTO speaker_counts_dirty"
                           " SELECT person_id FROM entities WHERE article_id = ?1 AND person_id IS NOT NULL",
                           "i", article_id);
}
