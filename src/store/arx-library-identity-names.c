/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "arx-library"

#include "config.h"

#include <string.h>

#include "arx-identity-private.h"

#include "arx-library-identity-private.h"
#include "arx-library-private.h"

/* The bookkeeping of one transaction's identity work: what it touched (surnames to decide
 * again, people to name again or vote a kind for again) and the name forms it counted, kept
 * in memory and written once when the transaction ends. */

/* Bookkeeping of one transaction */

void
_arx_library_touch_surname (ArxLibrary *self,
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
void
_arx_library_touch_person (ArxLibrary *self,
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
  _arx_library_touch_person (self, person_id);
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

/* Records a name form of a person: a new form is written at once (later articles of the
 * transaction look people up by it), a known one is counted in memory and written once, when
 * the transaction ends (most forms of a batch are known ones: "Trump" in every article). */
gboolean
_arx_library_record_name (ArxLibrary              *self,
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
gboolean
_arx_library_write_name_counts (ArxLibrary  *self,
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

gboolean
_arx_library_record_names (ArxLibrary             *self,
                           gint64                  person_id,
                           const ArxIdentityItem  *root,
                           GError                **error)
{
  for (guint i = 0; i < root->names->len; i++)
    if (!_arx_library_record_name (self, person_id, g_ptr_array_index (root->names, i), error))
      return FALSE;
  return TRUE;
}

/* An article's names were counted for @person_id and are now somebody else's (a relink or a
 * re-analysis decided so): they count one time less for it, and it is named again. A form no
 * article gives it any more (0) stays a key that finds it, and is not shown. */
gboolean
_arx_library_uncount_names (ArxLibrary             *self,
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

/* The display name from the name forms recorded so far. */
gboolean
_arx_library_rename_from_forms (ArxLibrary  *self,
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
