/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "arx-library"

#include "config.h"

#include "arx-analyzer.h"

#include "arx-library-private.h"

static GArray *
stale_articles (ArxLibrary  *self,
                const char  *version,
                gboolean     force,
                GError     **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;
  int rc = SQLITE_ERROR;

  g_mutex_lock (&self->lock);
  stmt = _arx_library_stmt (self,
                            "SELECT id FROM articles WHERE ?2 OR analyzer_version IS NOT ?1 ORDER BY id",
                            error);
  if (stmt != NULL)
    {
      _arx_bind_text (stmt, 1, version);
      sqlite3_bind_int (stmt, 2, force);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          gint64 id = sqlite3_column_int64 (stmt, 0);

          g_array_append_val (ids, id);
        }
      if (rc != SQLITE_DONE)
        _arx_db_set_error (self->db, error);
      sqlite3_reset (stmt);
    }
  g_mutex_unlock (&self->lock);
  return rc == SQLITE_DONE ? g_steal_pointer (&ids) : NULL;
}

/* Swaps the machine analysis of one article for @analysis and replays its corrections, in one
 * transaction: a reader sees the old analysis or the new one, never a mix. */
gboolean
_arx_library_replace_analysis (ArxLibrary   *self,
                  gint64        id,
                  ArxArticle   *article,
                  ArxAnalysis  *analysis,
                  const char   *version,
                  GError      **error)
{
  gboolean ok;

  g_mutex_lock (&self->lock);
  ok = _arx_library_begin (self, error);
  if (ok)
    {
      ok = _arx_library_run (self, error, "DELETE FROM statements WHERE article_id = ?1", "i", id) &&
           _arx_library_run (self, error, "DELETE FROM entities WHERE article_id = ?1", "i", id) &&
           _arx_library_insert_analysis (self, id, article, analysis, error) &&
           _arx_library_run (self, error,
                             "UPDATE articles SET analyzer_version = ?2 WHERE id = ?1", "it", id, version) &&
           _arx_library_replay_corrections (self, id, error) &&
           _arx_library_prune_people (self, error) &&
           _arx_library_commit (self, error);
      if (!ok)
        _arx_library_rollback (self);
    }
  g_mutex_unlock (&self->lock);
  return ok;
}

static gboolean
load_machine_article (ArxLibrary  *self,
                      gint64       id,
                      ArxArticle **out_article,
                      GError     **error)
{
  return arx_library_load_article (self, id, out_article, NULL, error);
}

/**
 * arx_library_reanalyze:
 * @force: re-analyse every article, not only those of another analyzer version
 *
 * Runs the default analyzer again over stored articles (the analysis runs outside the lock,
 * so the GUI can keep reading), keeping the user's corrections.
 *
 * Returns: how many articles were re-analysed, or -1 with @error set.
 */
int
arx_library_reanalyze (ArxLibrary  *self,
                       gboolean     force,
                       GError     **error)
{
  ArxAnalyzer *analyzer = arx_analyzer_get_default ();
  const char *version = arx_analyzer_get_version (analyzer);
  g_autoptr(GArray) ids = NULL;

  g_return_val_if_fail (ARX_IS_LIBRARY (self), -1);

  if ((ids = stale_articles (self, version, force, error)) == NULL)
    return -1;
  for (guint i = 0; i < ids->len; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);
      g_autoptr(ArxArticle) article = NULL;
      g_autoptr(ArxAnalysis) analysis = NULL;
      g_autoptr(GError) local_error = NULL;

      if (!load_machine_article (self, id, &article, &local_error))
        {
          /* Deleted meanwhile by another process or the GUI: nothing to do. */
          if (g_error_matches (local_error, ARX_ERROR, ARX_ERROR_NOT_FOUND))
            continue;
          g_propagate_error (error, g_steal_pointer (&local_error));
          return -1;
        }
      analysis = arx_analyzer_analyze (analyzer, article);
      if (!_arx_library_replace_analysis (self, id, article, analysis, version, error))
        return -1;
    }
  return ids->len;
}
