/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "arx-library"

#include "config.h"

#include <string.h>

#include "arx-identity.h"

#include "arx-library-private.h"

/* Listing the library's speakers with their counts and the names they go by. */

/* Byte order, as SQLite's BINARY collation sorts. */
static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *)a, *(const char * const *)b);
}

/* A description is shown for the person it was tied to most often: "The Florida senator"
 * once tied to Ted Cruz stays Marco Rubio's. Of somebody named in several articles, one the
 * analysis tied only once is more often its slip (another person's description, "the
 * 43-year-old" of a man of 70) than what the news calls them. */
static void
add_alias_once (ArxSpeakerRow *row,
                const char    *alias,
                int            form,
                guint          n,
                guint          n_max)
{
  /* n = 0: a form corrections or re-analysis took away from this speaker. */
  if (row == NULL || alias == NULL || n == 0 || g_strcmp0 (alias, row->name) == 0)
    return;
  if (form == ARX_ALIAS_DESCRIPTION && (n < n_max || (n < 2 && row->n_articles > 1)))
    return;
  if (!g_ptr_array_find_with_equal_func (row->aliases, alias, g_str_equal, NULL))
    g_ptr_array_add (row->aliases, g_strdup (alias));
}

static gboolean
read_all_aliases (ArxLibrary  *self,
                  GHashTable  *by_id,
                  GError     **error)
{
  g_autoptr(GHashTable) most = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) keys = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) forms = g_array_new (FALSE, FALSE, sizeof (int));
  g_autoptr(GArray) counts = g_array_new (FALSE, FALSE, sizeof (guint));
  sqlite3_stmt *stmt;
  int rc;

  /* In table order (no index lookups, no sort); each speaker's aliases sorted after. */
  stmt = _arx_library_stmt (self, "SELECT person_id, alias, alias_key, form, n FROM people_aliases",
                            error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      int form = sqlite3_column_int (stmt, 3);
      guint n = sqlite3_column_int (stmt, 4);
      char *key = _arx_column_dup (stmt, 2);

      if (!g_hash_table_contains (by_id, &id))
        {
          g_free (key);
          continue;
        }
      if (form == ARX_ALIAS_DESCRIPTION &&
          GPOINTER_TO_UINT (g_hash_table_lookup (most, key)) < n)
        g_hash_table_insert (most, g_strdup (key), GUINT_TO_POINTER (n));
      g_array_append_val (ids, id);
      g_ptr_array_add (texts, _arx_column_dup (stmt, 1));
      g_ptr_array_add (keys, key);
      g_array_append_val (forms, form);
      g_array_append_val (counts, n);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _arx_db_set_error (self->db, error);
      return FALSE;
    }
  for (guint i = 0; i < ids->len; i++)
    {
      int form = g_array_index (forms, int, i);

      add_alias_once (g_hash_table_lookup (by_id, &g_array_index (ids, gint64, i)),
                      g_ptr_array_index (texts, i), form, g_array_index (counts, guint, i),
                      form == ARX_ALIAS_DESCRIPTION
                      ? GPOINTER_TO_UINT (g_hash_table_lookup (most, g_ptr_array_index (keys, i)))
                      : 0);
    }
  return TRUE;
}

static gboolean
read_aliases_of (ArxLibrary     *self,
                 ArxSpeakerRow  *row,
                 GError        **error)
{
  sqlite3_stmt *stmt = _arx_library_stmt (self,
                                          "SELECT a.alias, a.form, a.n, (SELECT max(b.n) FROM people_aliases b"
                                          "   WHERE b.alias_key = a.alias_key AND b.form = 2)"
                                          " FROM people_aliases a WHERE a.person_id = ?1 ORDER BY a.alias",
                                          error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, row->id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    add_alias_once (row, (const char *)sqlite3_column_text (stmt, 0), sqlite3_column_int (stmt, 1),
                    sqlite3_column_int (stmt, 2), sqlite3_column_int (stmt, 3));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _arx_db_set_error (self->db, error);
      return FALSE;
    }
  return TRUE;
}

static GPtrArray *
list_speakers (ArxLibrary  *self,
               const char  *filter,
               gboolean     speaking_only,
               GError     **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify)arx_speaker_row_free);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *speaker_ids = NULL;
  sqlite3_stmt *stmt;
  int rc = SQLITE_ERROR;

  g_return_val_if_fail (ARX_IS_LIBRARY (self), NULL);

  g_mutex_lock (&self->lock);
  /* The same matching as --speaker: exact name or alias first, else a substring. */
  if (filter != NULL && filter[0] != '\0' &&
      (speaker_ids = _arx_library_resolve_speaker_ids (self, filter, ids, error)) == NULL)
    goto out;
  stmt = _arx_library_stmt (self,
                            "SELECT p.id, p.kind, COALESCE(p.user_name, p.name),"
                            " COALESCE(c.n_articles, 0), COALESCE(c.n_statements, 0) AS n,"
                            " p.speaker_kind, COALESCE(p.article_id, 0), a.title"
                            " FROM people p LEFT JOIN speaker_counts c ON c.person_id = p.id"
                            " LEFT JOIN articles a ON a.id = p.article_id"
                            " WHERE (?1 IS NULL OR p.id IN (SELECT value FROM json_each(?1)))"
                            " AND (NOT ?2 OR c.n_statements > 0)"
                            " ORDER BY n DESC, p.name_key, p.id",
                            error);
  if (stmt == NULL)
    goto out;
  _arx_bind_text (stmt, 1, speaker_ids);
  sqlite3_bind_int (stmt, 2, speaking_only);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ArxSpeakerRow *row = g_new0 (ArxSpeakerRow, 1);

      row->id = sqlite3_column_int64 (stmt, 0);
      row->kind = sqlite3_column_int (stmt, 1);
      row->name = _arx_column_dup (stmt, 2);
      row->aliases = g_ptr_array_new_with_free_func (g_free);
      row->n_articles = sqlite3_column_int (stmt, 3);
      row->n_statements = sqlite3_column_int (stmt, 4);
      row->speaker_kind = sqlite3_column_int (stmt, 5);
      row->article_id = sqlite3_column_int64 (stmt, 6);
      row->article_title = _arx_column_dup (stmt, 7);
      g_ptr_array_add (rows, row);
    }
  if (rc != SQLITE_DONE)
    _arx_db_set_error (self->db, error);
  sqlite3_reset (stmt);

  /* Lists of speakers to choose from go without aliases. */
  if (speaking_only)
    goto out;
  /* Every speaker: one pass over all aliases instead of a lookup per speaker. */
  if (rc == SQLITE_DONE && speaker_ids == NULL)
    {
      g_autoptr(GHashTable) by_id = g_hash_table_new (g_int64_hash, g_int64_equal);

      for (guint i = 0; i < rows->len; i++)
        {
          ArxSpeakerRow *row = g_ptr_array_index (rows, i);

          g_hash_table_insert (by_id, &row->id, row);
        }
      if (!read_all_aliases (self, by_id, error))
        rc = SQLITE_ERROR;
      for (guint i = 0; rc == SQLITE_DONE && i < rows->len; i++)
        g_ptr_array_sort (((ArxSpeakerRow *)g_ptr_array_index (rows, i))->aliases, compare_strings);
      goto out;
    }
  for (guint i = 0; rc == SQLITE_DONE && i < rows->len; i++)
    if (!read_aliases_of (self, g_ptr_array_index (rows, i), error))
      rc = SQLITE_ERROR;

out:
  g_mutex_unlock (&self->lock);
  return rc == SQLITE_DONE ? g_steal_pointer (&rows) : NULL;
}

/**
 * arx_library_list_speakers:
 * @filter: (nullable): substring of a name or alias
 *
 * Returns: (transfer full) (element-type ArxSpeakerRow): the library's people and
 * organisations, those with the most statements first, with the names they go by: people and
 * organisations across articles, and the groups and unnamed sources of single articles (with
 * @article_id set).
 */
GPtrArray *
arx_library_list_speakers (ArxLibrary  *self,
                           const char  *filter,
                           GError     **error)
{
  return list_speakers (self, filter, FALSE, error);
}

/**
 * arx_library_list_speaking:
 * @filter: (nullable): substring of a name or alias
 *
 * Like arx_library_list_speakers(), only those with statements and without their aliases (a
 * list to choose from).
 */
GPtrArray *
arx_library_list_speaking (ArxLibrary  *self,
                           const char  *filter,
                           GError     **error)
{
  return list_speakers (self, filter, TRUE, error);
}

/**
 * arx_library_count_unattributed:
 * @out_statements: (out): statements nobody is known to have said
 * @out_articles: (out): the articles they are in
 *
 * The statements without a library speaker: no speaker found, or one that names nobody (a
 * pronoun the analysis left unresolved, a clause fragment).
 */
gboolean
arx_library_count_unattributed (ArxLibrary  *self,
                                guint       *out_statements,
                                guint       *out_articles,
                                GError     **error)
{
  sqlite3_stmt *stmt;
  int rc = SQLITE_ERROR;

  g_return_val_if_fail (ARX_IS_LIBRARY (self), FALSE);

  g_mutex_lock (&self->lock);
  stmt = _arx_library_stmt (self,
                            "SELECT count(*), count(DISTINCT article_id) FROM statements"
                            " WHERE eff_person_id IS NULL AND hidden = 0",
                            error);
  if (stmt != NULL)
    {
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          *out_statements = sqlite3_column_int (stmt, 0);
          *out_articles = sqlite3_column_int (stmt, 1);
          rc = SQLITE_DONE;
        }
      else
        _arx_db_set_error (self->db, error);
      sqlite3_reset (stmt);
    }
  g_mutex_unlock (&self->lock);
  return rc == SQLITE_DONE;
}
