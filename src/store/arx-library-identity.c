/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "arx-library"

#include "config.h"

#include <string.h>

#include "arx-identity-private.h"

#include "arx-library-identity-private.h"
#include "arx-library-private.h"

/* Writes down what the identity unit (arx-identity.c) decides for one article: the library
 * people and each entity's link. The unit asks for candidates through the lookups below.
 * The name forms and their counts are kept by arx-library-identity-names.c; the end of a
 * transaction decides surnames again in arx-library-identity-finish.c. */

/* Lookups */

#define CANDIDATE_COLUMNS \
  "SELECT a.person_id, a.alias_key, p.speaker_kind, COALESCE(c.n_named, 0) FROM people_aliases a" \
  " JOIN people p ON p.id = a.person_id LEFT JOIN speaker_counts c ON c.person_id = a.person_id"

static gboolean
find_with (ArxLibrary  *self,
           const char  *sql,
           const char  *key,
           GArray      *out,
           GError     **error)
{
  sqlite3_stmt *stmt = _arx_library_stmt (self, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  _arx_bind_text (stmt, 1, key);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ArxIdentityCandidate candidate = {
        sqlite3_column_int64 (stmt, 0), _arx_column_dup (stmt, 1), sqlite3_column_int (stmt, 2),
        sqlite3_column_int (stmt, 3)
      };

      g_array_append_val (out, candidate);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _arx_db_set_error (self->db, error);
      return FALSE;
    }
  return TRUE;
}

static gboolean
find_key (gpointer     data,
          const char  *key,
          GArray      *out,
          GError     **error)
{
  return find_with (data, CANDIDATE_COLUMNS
                    " WHERE a.alias_key = ?1 AND a.strong = 1 AND p.article_id IS NULL",
                    key, out, error);
}

static gboolean
find_loose (gpointer     data,
            const char  *key,
            GArray      *out,
            GError     **error)
{
  return find_with (data, CANDIDATE_COLUMNS " WHERE a.loose = ?1 AND p.article_id IS NULL",
                    key, out, error);
}

static gboolean
find_surname (gpointer     data,
              const char  *key,
              GArray      *out,
              GError     **error)
{
  return find_with (data, CANDIDATE_COLUMNS " WHERE a.surname = ?1 AND p.article_id IS NULL",
                    key, out, error);
}

gboolean
_arx_library_find_surname (ArxLibrary  *self,
                           const char  *surname,
                           GArray      *out,
                           GError     **error)
{
  return find_surname (self, surname, out, error);
}

/* People */

gboolean
_arx_library_create_person (ArxLibrary      *self,
                            ArxSpeakerKind   kind,
                            const char      *name,
                            gint64           article_id,
                            gint64          *out_id,
                            GError         **error)
{
  g_autofree char *key = arx_name_fold (name);
  ArxEntityKind entity_kind = kind == ARX_SPEAKER_ORGANIZATION ? ARX_ENTITY_ORGANIZATION
                                                               : ARX_ENTITY_PERSON;

  if (!_arx_library_run (self, error,
                         "INSERT INTO people (kind, name, name_key, speaker_kind, article_id)"
                         " VALUES (?1, ?2, ?3, ?4, NULLIF (?5, 0))",
                         "dttdi", (int)entity_kind, name, key, (int)kind, article_id))
    return FALSE;
  *out_id = sqlite3_last_insert_rowid (self->db);
  return TRUE;
}

/* Links whose people count the article's name forms (people_aliases.n): full names and the
 * speakers of one article; a surname alone or the user's override counts none. */
static gboolean
link_counts_names (int link)
{
  return link == ARX_LINK_NAME || link == ARX_LINK_LOCAL || link == ARX_LINK_UNDECIDED;
}

/* The person a surname stands for now, made (by that one word) when the library knows
 * nobody with it; 0 when it knows several and none is clearly meant. */
gboolean
_arx_library_surname_person (ArxLibrary      *self,
                             const char      *surname,
                             const char      *display,
                             ArxSpeakerKind   kind,
                             gboolean         create,
                             gint64          *out_id,
                             GError         **error)
{
  g_autoptr(GArray) found = g_array_new (FALSE, TRUE, sizeof (ArxIdentityCandidate));
  gboolean exists;

  g_array_set_clear_func (found, arx_identity_candidate_clear);
  *out_id = 0;
  if (!find_surname (self, surname, found, error))
    return FALSE;
  *out_id = arx_identity_pick_surname ((ArxIdentityCandidate *)(gpointer)found->data, found->len);
  if (*out_id != 0 || found->len > 0)
    return TRUE;
  if (!_arx_library_get_int64 (self, out_id, &exists, error,
                               "SELECT id FROM people WHERE name_key = ?1 AND article_id IS NULL"
                               " ORDER BY id LIMIT 1",
                               "t", surname))
    return FALSE;
  if (exists || !create)
    return TRUE;
  if (!_arx_library_create_person (self, kind, display, 0, out_id, error))
    return FALSE;
  {
    ArxIdentityAlias alias = { ARX_ALIAS_NAME, (char *)display, (char *)surname, NULL, NULL, FALSE };

    return _arx_library_record_name (self, *out_id, &alias, error);
  }
}

static gboolean
surname_target (ArxLibrary      *self,
                const char      *surname,
                const char      *display,
                ArxSpeakerKind   kind,
                gint64          *out_id,
                GError         **error)
{
  gboolean found;

  if (!_arx_library_get_int64 (self, out_id, &found, error,
                               "SELECT person_id FROM surname_links WHERE surname = ?1", "t", surname))
    return FALSE;
  if (found)
    return TRUE;
  if (!_arx_library_surname_person (self, surname, display, kind, TRUE, out_id, error))
    return FALSE;
  return *out_id == 0 ||
         _arx_library_run (self, error,
                           "INSERT OR REPLACE INTO surname_links (surname, person_id) VALUES (?1, ?2)",
                           "ti", surname, *out_id);
}

/* The speaker of this article only that @root is (one per local key). */
static gboolean
local_person (ArxLibrary       *self,
              gint64            article_id,
              ArxIdentityItem  *root,
              GHashTable       *local,     /* local key -> person id, this article */
              gint64            old_id,
              gint64           *out_id,
              GError          **error)
{
  gint64 *known = g_hash_table_lookup (local, root->key);

  if (known != NULL)
    {
      *out_id = *known;
      return TRUE;
    }
  if (!_arx_library_create_person (self, root->kind, root->display, article_id, out_id, error) ||
      (*out_id != old_id && !_arx_library_record_names (self, *out_id, root, error)))
    return FALSE;
  g_hash_table_insert (local, g_strdup (root->key), g_memdup2 (out_id, sizeof *out_id));
  return TRUE;
}

/* The library person of one root item of an article. Its names count for that person, unless
 * they were counted for it already (@old_id: its person before a relink or re-analysis). */
static gboolean
ensure_person (ArxLibrary       *self,
               gint64            article_id,
               ArxIdentityItem  *root,
               GHashTable       *local,     /* local key -> person id, this article */
               gint64            old_id,
               gint64           *out_id,
               GError          **error)
{
  gint64 id = 0;

  switch (root->link)
    {
    case ARX_LINK_NAME:
      id = root->person_id;
      if (id == 0 && !_arx_library_create_person (self, root->kind, root->display, 0, &id, error))
        return FALSE;
      if (id != old_id && !_arx_library_record_names (self, id, root, error))
        return FALSE;
      _arx_library_touch_person (self, id);
      if (root->name->klass == ARX_NAME_PERSON && root->name->first != NULL)
        _arx_library_touch_surname (self, root->name->last);
      break;

    case ARX_LINK_SURNAME:
      if (!surname_target (self, root->key, root->display, root->kind, &id, error))
        return FALSE;
      _arx_library_touch_surname (self, root->key);
      /* Its mentions vote on its kind too ("Politico" tagged a person once, then an
       * organisation in every article after). */
      if (id != 0)
        {
          _arx_library_touch_person (self, id);
          break;
        }
      /* Several people the library knows have it, none clearly meant ("Bush"): a speaker of
       * this article until one is. */
      root->link = ARX_LINK_UNDECIDED;
      if (!local_person (self, article_id, root, local, old_id, &id, error))
        return FALSE;
      break;

    case ARX_LINK_UNDECIDED:
    case ARX_LINK_LOCAL:
      if (!local_person (self, article_id, root, local, old_id, &id, error))
        return FALSE;
      break;

    case ARX_LINK_NONE:
    case ARX_LINK_OVERRIDE:
    default:
      break;
    }
  if (old_id != 0 && (id != old_id || !link_counts_names (root->link)) &&
      !_arx_library_uncount_names (self, old_id, root, error))
    return FALSE;
  *out_id = id;
  return TRUE;
}

static gboolean
find_override (ArxLibrary  *self,
               gint64       article_id,
               const char  *name,
               gint64      *out_id,
               GError     **error)
{
  g_autofree char *key = _arx_name_key (name);
  gboolean found;

  *out_id = 0;
  return _arx_library_get_int64 (self, out_id, &found, error,
                                 "SELECT person_id FROM person_overrides WHERE article_id = ?1"
                                 " AND name_key = ?2",
                                 "it", article_id, key);
}

/**
 * _arx_library_link_slots:
 * @byline: (nullable): the article's byline: its author does not speak in it
 * @check_overrides: whether the user pinned names of this article (a brand-new article has
 *   no overrides: the import saves the lookups)
 *
 * Decides and writes down the library person of every linkable slot of one article.
 */
gboolean
_arx_library_link_slots (ArxLibrary   *self,
                         gint64        article_id,
                         const char   *byline,
                         ArxLinkSlot  *slots,
                         guint         n_slots,
                         gboolean      check_overrides,
                         GError      **error)
{
  g_autoptr(ArxIdentityArticle) article = arx_identity_article_new (byline);
  g_autofree int *item_of = g_new (int, n_slots + 1);
  g_autoptr(GHashTable) local = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GHashTable) of_root = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  g_autoptr(GHashTable) counted_of_root = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  ArxIdentityLookup lookup = { find_key, find_loose, find_surname, self };

  for (guint i = 0; i < n_slots; i++)
    {
      ArxLinkSlot *slot = &slots[i];

      slot->person_id = 0;
      slot->link = ARX_LINK_NONE;
      slot->link_key = NULL;
      slot->kind = ARX_SPEAKER_OTHER;
      item_of[i] = slot->linkable
                   ? (int)arx_identity_article_add (article, slot->name, slot->entity_kind,
                                                    slot->speaker_kind, slot->aliases,
                                                    slot->n_mentions)
                   : -1;
    }
  if (!arx_identity_article_resolve (article, &lookup, error))
    return FALSE;

  /* Whom each root's names counted for before (its first slot that says). */
  for (guint i = 0; i < n_slots; i++)
    {
      gint64 counted_for = slots[i].counted_for;

      if (counted_for == 0 && self->previous_links != NULL && item_of[i] >= 0)
        {
          g_autofree char *key = _arx_name_key (slots[i].name);
          gint64 *previous = g_hash_table_lookup (self->previous_links, key);

          counted_for = previous != NULL ? *previous : 0;
        }
      if (counted_for != 0 && item_of[i] >= 0)
        {
          const ArxIdentityItem *root = arx_identity_article_get_root (article, item_of[i]);

          if (!g_hash_table_contains (counted_of_root, root))
            g_hash_table_insert (counted_of_root, (gpointer)root, g_memdup2 (&counted_for, sizeof counted_for));
        }
    }

  for (guint i = 0; i < n_slots; i++)
    {
      ArxLinkSlot *slot = &slots[i];
      ArxIdentityItem *root;
      gint64 *known, *counted_for, id = 0;

      if (item_of[i] < 0)
        continue;
      root = (ArxIdentityItem *)arx_identity_article_get_root (article, item_of[i]);
      slot->kind = root->kind;
      if (check_overrides && !find_override (self, article_id, slot->name, &id, error))
        return FALSE;
      if (id != 0)
        {
          slot->person_id = id;
          slot->link = ARX_LINK_OVERRIDE;
          continue;
        }
      known = g_hash_table_lookup (of_root, root);
      if (known != NULL)
        id = *known;
      else
        {
          counted_for = g_hash_table_lookup (counted_of_root, root);
          if (!ensure_person (self, article_id, root, local, counted_for != NULL ? *counted_for : 0,
                              &id, error))
            return FALSE;
          g_hash_table_insert (of_root, root, g_memdup2 (&id, sizeof id));
        }
      slot->person_id = id;
      slot->link = id != 0 ? root->link : ARX_LINK_NONE;
      /* Only what a surname decision may move needs its key (and its index entry). */
      slot->link_key = id != 0 && (root->link == ARX_LINK_SURNAME || root->link == ARX_LINK_UNDECIDED)
                       ? g_strdup (root->key) : NULL;
    }
  return TRUE;
}

void
_arx_link_slots_clear (ArxLinkSlot *slots,
                       guint        n_slots)
{
  for (guint i = 0; i < n_slots; i++)
    g_clear_pointer (&slots[i].link_key, g_free);
}

/**
 * _arx_library_remember_links:
 *
 * Before a re-analysis deletes an article's entities: whom their names counted for, so that
 * linking the new analysis counts only what moved.
 */
gboolean
_arx_library_remember_links (ArxLibrary  *self,
                             gint64       article_id,
                             GError     **error)
{
  sqlite3_stmt *stmt = _arx_library_stmt (self,
                                          "SELECT name, person_id FROM entities WHERE article_id = ?1"
                                          " AND person_id IS NOT NULL AND link IN (1, 3, 5)",
                                          error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  if (self->previous_links == NULL)
    self->previous_links = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_hash_table_remove_all (self->previous_links);
  sqlite3_bind_int64 (stmt, 1, article_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 1);

      g_hash_table_insert (self->previous_links, _arx_name_key ((const char *)sqlite3_column_text (stmt, 0)),
                           g_memdup2 (&id, sizeof id));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _arx_db_set_error (self->db, error);
      return FALSE;
    }
  return TRUE;
}
