/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "arx-library"

#include "config.h"

#include <string.h>

#include "arx-identity-private.h"

#include "arx-library-private.h"

/* Writes down what the identity unit (arx-identity.c) decides: the library people, their
 * name forms, and each entity's link. The unit asks for candidates through the lookups below;
 * everything else here is bookkeeping.
 *
 * A surname alone links through `surname_links`, the person the surname stands for right
 * now. Each transaction that touched a surname decides it again at its end (once the counts
 * of the new articles are in) and moves the surname's entities when another person has become
 * far better known: the early "Trump" that had only Eric Trump to go to joins Donald Trump
 * once he is the one the library names. Without such a person the decision stays. That costs one indexed lookup per surname per transaction, and entity
 * updates only when the answer changes. */

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

/* Bookkeeping of one transaction */

static void
touch_surname (ArxLibrary *self,
               const char *surname)
{
  if (surname == NULL)
    return;
  if (self->touched_surnames == NULL)
    self->touched_surnames = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_hash_table_add (self->touched_surnames, g_strdup (surname));
}

static void
add_id (GHashTable **set,
        gint64       id)
{
  if (*set == NULL)
    *set = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_hash_table_add (*set, g_memdup2 (&id, sizeof id));
}

/* A person whose kind the commit decides again. */
static void
touch_person (ArxLibrary *self,
              gint64      id)
{
  add_id (&self->touched_people, id);
}

/* A person the commit names again from their forms. */
static void
touch_display (ArxLibrary *self,
               gint64      id)
{
  add_id (&self->renamed_people, id);
}

/* A person whose names or mentions a correction moved: named again, and its kind voted
 * again, when the transaction ends. */
void
_arx_library_touch_person_names (ArxLibrary *self,
                                 gint64      person_id)
{
  touch_person (self, person_id);
  touch_display (self, person_id);
}

/* Forgets what a rolled-back transaction touched. */
void
_arx_library_forget_identity (ArxLibrary *self)
{
  g_clear_pointer (&self->previous_links, g_hash_table_unref);
  g_clear_pointer (&self->touched_surnames, g_hash_table_unref);
  g_clear_pointer (&self->touched_people, g_hash_table_unref);
  g_clear_pointer (&self->renamed_people, g_hash_table_unref);
  g_clear_pointer (&self->name_counts, g_hash_table_unref);
  g_clear_pointer (&self->article_counts, g_ptr_array_unref);
}

/* A name form of a person counted in this transaction: how many more times than its row says. */
typedef struct
{
  char     *id;      /* "person_id alias_key": its key in name_counts */
  gint64    person_id;
  char     *key;
  guint     added;
  gboolean  full;    /* a full name: its count can make it the display name */
  gboolean  fresh;   /* first counted by the current article */
} NameCount;

static void
name_count_free (gpointer data)
{
  NameCount *count = data;

  g_free (count->id);
  g_free (count->key);
  g_free (count);
}

/* The current article of a batch is kept: its counts stay. */
void
_arx_library_keep_article_names (ArxLibrary *self)
{
  if (self->article_counts == NULL)
    return;
  for (guint i = 0; i < self->article_counts->len; i++)
    ((NameCount *)g_ptr_array_index (self->article_counts, i))->fresh = FALSE;
  g_ptr_array_set_size (self->article_counts, 0);
}

/* The current article of a batch was rolled back: its name rows went, so its counts go too
 * (a person it created may get its id again), the earlier articles' stay. */
void
_arx_library_forget_article_names (ArxLibrary *self)
{
  if (self->article_counts == NULL)
    return;
  /* Newest first: a form's increments come before the count that made it. */
  for (guint i = self->article_counts->len; i > 0; i--)
    {
      NameCount *count = g_ptr_array_index (self->article_counts, i - 1);

      if (count->fresh)
        g_hash_table_remove (self->name_counts, count->id);
      else
        count->added--;
    }
  g_ptr_array_set_size (self->article_counts, 0);
}

/* People */

static gboolean
create_person (ArxLibrary      *self,
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

/* Records a name form of a person: a new form is written at once (later articles of the
 * transaction look people up by it), a known one is counted in memory and written once, when
 * the transaction ends (most forms of a batch are known ones: "Trump" in every article). */
static gboolean
record_name (ArxLibrary              *self,
             gint64                   person_id,
             const ArxIdentityAlias  *alias,
             GError                 **error)
{
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT " %s", person_id, alias->key);
  NameCount *count;

  if (self->name_counts == NULL)
    {
      self->name_counts = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, name_count_free);
      self->article_counts = g_ptr_array_new ();
    }
  count = g_hash_table_lookup (self->name_counts, id);
  if (count != NULL)
    {
      count->added++;
      g_ptr_array_add (self->article_counts, count);
      return TRUE;
    }
  if (!_arx_library_run (self, error,
                         "INSERT OR IGNORE INTO people_aliases (alias_key, person_id, alias, strong, form,"
                         " loose, surname, n) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 1)",
                         "titddtt", alias->key, person_id, alias->text, (int)alias->strong,
                         (int)alias->form, alias->loose, alias->surname))
    return FALSE;
  count = g_new0 (NameCount, 1);
  count->id = g_steal_pointer (&id);
  count->person_id = person_id;
  count->key = g_strdup (alias->key);
  count->full = alias->form == ARX_ALIAS_NAME && strchr (alias->key, ' ') != NULL;
  count->fresh = TRUE;
  if (sqlite3_changes (self->db) > 0)
    {
      if (alias->form == ARX_ALIAS_NAME)
        touch_display (self, person_id);
    }
  else
    count->added = 1;
  g_hash_table_insert (self->name_counts, count->id, count);
  g_ptr_array_add (self->article_counts, count);
  return TRUE;
}

/* Writes the counts of known forms; a full name whose count passes a power of two may have
 * become common enough to name its person. */
static gboolean
write_name_counts (ArxLibrary  *self,
                   GError     **error)
{
  GHashTableIter it;
  gpointer value;

  if (self->name_counts == NULL)
    return TRUE;
  g_hash_table_iter_init (&it, self->name_counts);
  while (g_hash_table_iter_next (&it, NULL, &value))
    {
      NameCount *count = value;
      gint64 n;
      gboolean found;

      if (count->added == 0)
        continue;
      if (!_arx_library_get_int64 (self, &n, &found, error,
                                   "UPDATE people_aliases SET n = n + ?3"
                                   " WHERE alias_key = ?1 AND person_id = ?2 RETURNING n",
                                   "tii", count->key, count->person_id, (gint64)count->added))
        return FALSE;
      if (found && count->full && g_bit_storage (n) != g_bit_storage (n - count->added))
        touch_display (self, count->person_id);
    }
  g_clear_pointer (&self->name_counts, g_hash_table_unref);
  g_clear_pointer (&self->article_counts, g_ptr_array_unref);
  return TRUE;
}

static gboolean
record_names (ArxLibrary             *self,
              gint64                  person_id,
              const ArxIdentityItem  *root,
              GError                **error)
{
  for (guint i = 0; i < root->names->len; i++)
    if (!record_name (self, person_id, g_ptr_array_index (root->names, i), error))
      return FALSE;
  return TRUE;
}

/* Links whose people count the article's name forms (people_aliases.n): full names and the
 * speakers of one article; a surname alone or the user's override counts none. */
static gboolean
link_counts_names (int link)
{
  return link == ARX_LINK_NAME || link == ARX_LINK_LOCAL || link == ARX_LINK_FIRST_NAME;
}

/* An article's names were counted for @person_id and are now somebody else's (a relink or a
 * re-analysis decided so): they count one time less for it, and it is named again. A form no
 * article gives it any more (0) stays a key that finds it, and is not shown. */
static gboolean
uncount_names (ArxLibrary             *self,
               gint64                  person_id,
               const ArxIdentityItem  *root,
               GError                **error)
{
  for (guint i = 0; i < root->names->len; i++)
    {
      const ArxIdentityAlias *alias = g_ptr_array_index (root->names, i);
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT " %s", person_id, alias->key);
      NameCount *count = self->name_counts != NULL ? g_hash_table_lookup (self->name_counts, id)
                                                   : NULL;

      /* Counted again in this transaction, not written yet: one count fewer to write. */
      if (count != NULL && count->added > 0)
        {
          count->added--;
          continue;
        }
      if (!_arx_library_run (self, error,
                             "UPDATE people_aliases SET n = n - 1 WHERE alias_key = ?1 AND person_id = ?2"
                             " AND n > 0",
                             "ti", alias->key, person_id))
        return FALSE;
    }
  _arx_library_touch_person_names (self, person_id);
  return TRUE;
}

/* The person a surname stands for now, made (by that one word) when the library knows
 * nobody it clearly is. */
static gboolean
surname_person (ArxLibrary      *self,
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
  if (*out_id != 0)
    return TRUE;
  if (!_arx_library_get_int64 (self, out_id, &exists, error,
                               "SELECT id FROM people WHERE name_key = ?1 AND article_id IS NULL"
                               " ORDER BY id LIMIT 1",
                               "t", surname))
    return FALSE;
  if (exists || !create)
    return TRUE;
  if (!create_person (self, kind, display, 0, out_id, error))
    return FALSE;
  {
    ArxIdentityAlias alias = { ARX_ALIAS_NAME, (char *)display, (char *)surname, NULL, NULL, FALSE };

    return record_name (self, *out_id, &alias, error);
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
  return surname_person (self, surname, display, kind, TRUE, out_id, error) &&
         _arx_library_run (self, error,
                           "INSERT OR REPLACE INTO surname_links (surname, person_id) VALUES (?1, ?2)",
                           "ti", surname, *out_id);
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
      if (id == 0 && !create_person (self, root->kind, root->display, 0, &id, error))
        return FALSE;
      if (id != old_id && !record_names (self, id, root, error))
        return FALSE;
      touch_person (self, id);
      if (root->name->klass == ARX_NAME_PERSON && root->name->first != NULL)
        touch_surname (self, root->name->last);
      break;

    case ARX_LINK_SURNAME:
      if (!surname_target (self, root->key, root->display, root->kind, &id, error))
        return FALSE;
      touch_surname (self, root->key);
      /* Its mentions vote on its kind too ("Politico" tagged a person once, then an
       * organisation in every article after). */
      if (id != 0)
        touch_person (self, id);
      break;

    case ARX_LINK_FIRST_NAME:
    case ARX_LINK_LOCAL:
      {
        gint64 *known = g_hash_table_lookup (local, root->key);

        if (known != NULL)
          {
            id = *known;
            break;
          }
        if (!create_person (self, root->kind, root->display, article_id, &id, error) ||
            (id != old_id && !record_names (self, id, root, error)))
          return FALSE;
        g_hash_table_insert (local, g_strdup (root->key), g_memdup2 (&id, sizeof id));
      }
      break;

    case ARX_LINK_NONE:
    case ARX_LINK_OVERRIDE:
    default:
      break;
    }
  if (old_id != 0 && (id != old_id || !link_counts_names (root->link)) &&
      !uncount_names (self, old_id, root, error))
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
      slot->link_key = id != 0 && (root->link == ARX_LINK_SURNAME || root->link == ARX_LINK_FIRST_NAME)
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

/* End of a transaction */

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
  if (!find_surname (self, surname, found, error))
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
  /* Nobody clearly now, but the surname was decided for one of them: it stays theirs until
   * another is far better known ("Lopez" stays Maria's when an Ana Lopez comes along). */
  for (guint i = 0; target == 0 && current != 0 && i < found->len; i++)
    if (g_array_index (found, ArxIdentityCandidate, i).id == current)
      target = current;
  if (target == 0)
    {
      gint64 unused;

      if (!_arx_library_get_int64 (self, &unused, &has_weak, error,
                                   "SELECT 1 FROM entities WHERE link_key = ?1 AND link = 2 LIMIT 1",
                                   "t", surname))
        return FALSE;
      if (!has_weak)
        return _arx_library_prune_people (self, old, error);
      /* Nobody clearly: back to the person known by the surname alone. */
      if (current != 0)
        {
          gboolean is_surname_person;

          if (!_arx_library_get_int64 (self, &unused, &is_surname_person, error,
                                       "SELECT 1 FROM people WHERE id = ?1 AND name_key = ?2",
                                       "it", current, surname))
            return FALSE;
          if (is_surname_person)
            return _arx_library_prune_people (self, old, error);
        }
      {
        g_autofree char *display = g_strdup (surname);

        display[0] = g_ascii_toupper (display[0]);
        if (!surname_person (self, surname, display, ARX_SPEAKER_PERSON, TRUE, &target, error))
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

/* The display name from the name forms recorded so far. */
static gboolean
rename_from_forms (ArxLibrary  *self,
                   gint64       id,
                   GError     **error)
{
  g_autoptr(GArray) forms = g_array_new (FALSE, FALSE, sizeof (ArxIdentityForm));
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = _arx_library_stmt (self,
                                          "SELECT alias, n FROM people_aliases"
                                          " WHERE person_id = ?1 AND form = 0 AND n > 0",
                                          error);
  const char *display;
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ArxIdentityForm form = { NULL, sqlite3_column_int (stmt, 1) };

      g_ptr_array_add (texts, _arx_column_dup (stmt, 0));
      g_array_append_val (forms, form);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _arx_db_set_error (self->db, error);
      return FALSE;
    }
  for (guint i = 0; i < forms->len; i++)
    g_array_index (forms, ArxIdentityForm, i).text = g_ptr_array_index (texts, i);
  display = arx_identity_display_name ((ArxIdentityForm *)(gpointer)forms->data, forms->len);
  if (display == NULL)
    return TRUE;
  {
    g_autofree char *key = arx_name_fold (display);

    /* A person the user merged others into keeps the name they chose to merge into. */
    return _arx_library_run (self, error,
                             "UPDATE people SET name = ?2, name_key = ?3"
                             " WHERE id = ?1 AND article_id IS NULL AND name IS NOT ?2"
                             " AND NOT EXISTS (SELECT 1 FROM corrections WHERE kind = 'merge'"
                             "   AND other_id = ?1 AND undone = 0)",
                             "itt", id, display, key);
  }
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
  ok = ok && write_name_counts (self, error);
  if (ok && self->renamed_people != NULL)
    {
      g_hash_table_iter_init (&it, self->renamed_people);
      while (ok && g_hash_table_iter_next (&it, &key, NULL))
        ok = rename_from_forms (self, *(gint64 *)key, error);
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
