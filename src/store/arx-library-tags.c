/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "arx-library"

#include "config.h"

#include <inttypes.h>
#include <glib/gi18n.h>

#include "arx-library-private.h"

/* Tags: the user's collections of articles ("Cyber 2017", "to check"). */

static gboolean
valid_tag (const char  *tag,
           GError     **error)
{
  if (tag == NULL || g_utf8_strlen (tag, -1) == 0 || !g_utf8_validate (tag, -1, NULL))
    {
      g_set_error (error, ARX_ERROR, ARX_ERROR_FAILED, _("a tag needs a name"));
      return FALSE;
    }
  return TRUE;
}

gboolean
arx_library_tag_article (ArxLibrary  *self,
                         gint64       article_id,
                         const char  *tag,
                         GError     **error)
{
  gint64 unused;
  gboolean found = FALSE, ok;

  g_return_val_if_fail (ARX_IS_LIBRARY (self), FALSE);
  if (!valid_tag (tag, error))
    return FALSE;

  g_mutex_lock (&self->lock);
  ok = _arx_library_begin (self, error) &&
       _arx_library_get_int64 (self, &unused, &found, error,
                               "SELECT id FROM articles WHERE id = ?1", "i", article_id);
  if (ok && !found)
    {
      g_set_error (error, ARX_ERROR, ARX_ERROR_NOT_FOUND, _("no article %" PRId64), article_id);
      ok = FALSE;
    }
  ok = ok &&
       _arx_library_run (self, error, "INSERT OR IGNORE INTO tags (name) VALUES (?1)", "t", tag) &&
       _arx_library_run (self, error,
                         "INSERT OR IGNORE INTO article_tags (article_id, tag_id)"
                         " SELECT ?1, id FROM tags WHERE name = ?2",
                         "it", article_id, tag) &&
       _arx_library_commit (self, error);
  if (!ok)
    _arx_library_rollback (self);
  g_mutex_unlock (&self->lock);
  return ok;
}

/* Removes @tag from the article; a tag no article carries any more is forgotten. */
gboolean
arx_library_untag_article (ArxLibrary  *self,
                           gint64       article_id,
                           const char  *tag,
                           GError     **error)
{
  gboolean ok;

  g_return_val_if_fail (ARX_IS_LIBRARY (self), FALSE);
  if (!valid_tag (tag, error))
    return FALSE;

  g_mutex_lock (&self->lock);
  ok = _arx_library_begin (self, error) &&
       _arx_library_run (self, error,
                         "DELETE FROM article_tags WHERE article_id = ?1"
                         " AND tag_id = (SELECT id FROM tags WHERE name = ?2)",
                         "it", article_id, tag) &&
       _arx_library_run (self, error,
                         "DELETE FROM tags WHERE NOT EXISTS"
                         " (SELECT 1 FROM article_tags t WHERE t.tag_id = tags.id)", "") &&
       _arx_library_commit (self, error);
  if (!ok)
    _arx_library_rollback (self);
  g_mutex_unlock (&self->lock);
  return ok;
}

static GPtrArray *
collect_strings (ArxLibrary  *self,
                 const char  *sql,
                 gint64       article_id,
                 GError     **error)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt;
  int rc = SQLITE_ERROR;

  g_mutex_lock (&self->lock);
  stmt = _arx_library_stmt (self, sql, error);
  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, article_id);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        g_ptr_array_add (names, _arx_column_dup (stmt, 0));
      if (rc != SQLITE_DONE)
        _arx_db_set_error (self->db, error);
      sqlite3_reset (stmt);
    }
  g_mutex_unlock (&self->lock);
  return rc == SQLITE_DONE ? g_steal_pointer (&names) : NULL;
}

/**
 * arx_library_list_tags:
 * @article_id: the article whose tags to list, or 0 for every tag of the library
 *
 * Returns: (transfer full) (element-type utf8): tag names, sorted.
 */
GPtrArray *
arx_library_list_tags (ArxLibrary  *self,
                       gint64       article_id,
                       GError     **error)
{
  g_return_val_if_fail (ARX_IS_LIBRARY (self), NULL);

  return collect_strings (self,
                          "SELECT name FROM tags WHERE ?1 = 0 OR id IN"
                          " (SELECT tag_id FROM article_tags WHERE article_id = ?1) ORDER BY name",
                          article_id, error);
}

/**
 * arx_library_list_tagged:
 *
 * Returns: (transfer full) (element-type gint64): ids of the articles carrying @tag, oldest first.
 */
GArray *
arx_library_list_tagged (ArxLibrary  *self,
                         const char  *tag,
                         GError     **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;
  gboolean ok = FALSE;

  g_return_val_if_fail (ARX_IS_LIBRARY (self), NULL);

  g_mutex_lock (&self->lock);
  stmt = _arx_library_stmt (self,
                            "SELECT t.article_id FROM article_tags t JOIN tags g ON g.id = t.tag_id"
                            " WHERE g.name = ?1 ORDER BY t.article_id",
                            error);
  if (stmt != NULL)
    {
      _arx_bind_text (stmt, 1, tag);
      ok = _arx_library_step_ids (self, stmt, ids, error);
    }
  g_mutex_unlock (&self->lock);
  return ok ? g_steal_pointer (&ids) : NULL;
}
