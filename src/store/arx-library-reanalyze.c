/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "arx-library"

#include "config.h"

#include "arx-analyzer.h"

#include "arx-library-insights-private.h"

static GArray *
stale_articles (ArxLibrary  *self,
                const char  *version,
                gboolean     force,
                GError     **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;
  gboolean ok = FALSE;

  g_mutex_lock (&self->lock);
  /* Without @force, from the index alone (no article row is read). */
  stmt = _arx_library_stmt (self,
                            force ? "SELECT id FROM articles ORDER BY id"
                                  : "SELECT id FROM articles INDEXED BY articles_analyzer"
                                    " WHERE analyzer_version IS NOT ?1 ORDER BY id",
                            error);
  if (stmt != NULL)
    {
      if (!force)
        _arx_bind_text (stmt, 1, version);
      ok = _arx_library_step_ids (self, stmt, ids, error);
    }
  g_mutex_unlock (&self->lock);
  return ok ? g_steal_pointer (&ids) : NULL;
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
  g_autoptr(GArray) people = NULL;
  gboolean ok;

  g_mutex_lock (&self->lock);
  ok = _arx_library_begin (self, error);
  if (ok)
    {
      ok = (people = _arx_library_people_of_article (self, id, error)) != NULL &&
           _arx_library_forget_quotes (self, id, error) &&
           _arx_library_run (self, error, "DELETE FROM statements WHERE article_id = ?1", "i", id) &&
           _arx_library_remember_links (self, id, error) &&
           _arx_library_run (self, error, "DELETE FROM entities WHERE article_id = ?1", "i", id) &&
           _arx_library_insert_analysis (self, id, article, analysis, FALSE, error) &&
           _arx_library_index_statements (self, id, error) &&
           _arx_library_group_quotes (self, 0, id, error) &&
           _arx_library_run (self, error,
                             "UPDATE articles SET analyzer_version = ?2 WHERE id = ?1", "it", id, version) &&
           _arx_library_replay_corrections (self, id, error) &&
           _arx_library_prune_people (self, people, error) &&
           /* Surnames are decided again with this article's counts in. */
           _arx_library_flush_speaker_counts (self, error) &&
           _arx_library_finish_identity (self, error) &&
           _arx_library_commit (self, error);
      if (!ok)
        _arx_library_rollback (self);
    }
  g_mutex_unlock (&self->lock);
  return ok;
}

typedef struct
{
  ArxLibrary           *library;
  GArray               *ids;
  const char           *version;
  GCancellable         *cancellable;
  ArxReanalyzeProgress  progress;
  gpointer              user_data;
  GMutex                lock;
  guint                 next;
  guint                 done;
  GError               *error;
} Reanalysis;

/* One worker: takes the next article, analyses it without holding the library, swaps the
 * analysis in. Stops at the first error or when cancelled. */
static gpointer
reanalyze_worker (gpointer data)
{
  Reanalysis *r = data;
  ArxAnalyzer *analyzer = arx_analyzer_get_default ();

  for (;;)
    {
      g_autoptr(ArxArticle) article = NULL;
      g_autoptr(ArxAnalysis) analysis = NULL;
      g_autoptr(GError) error = NULL;
      gint64 id;
      guint index;

      g_mutex_lock (&r->lock);
      if (r->error != NULL || r->next >= r->ids->len ||
          g_cancellable_is_cancelled (r->cancellable))
        {
          g_mutex_unlock (&r->lock);
          return NULL;
        }
      index = r->next++;
      g_mutex_unlock (&r->lock);

      id = g_array_index (r->ids, gint64, index);
      if (arx_library_load_article (r->library, id, &article, NULL, &error))
        {
          analysis = arx_analyzer_analyze (analyzer, article);
          _arx_library_replace_analysis (r->library, id, article, analysis, r->version, &error);
        }
      /* Deleted meanwhile by another process or the GUI: nothing to do. */
      if (g_error_matches (error, ARX_ERROR, ARX_ERROR_NOT_FOUND))
        g_clear_error (&error);

      g_mutex_lock (&r->lock);
      if (error != NULL && r->error == NULL)
        r->error = g_steal_pointer (&error);
      r->done++;
      if (r->progress != NULL)
        r->progress (r->done, r->ids->len, r->user_data);
      g_mutex_unlock (&r->lock);
    }
}

/**
 * arx_library_reanalyze_full:
 * @force: re-analyse every article, not only those of another analyzer version
 * @cancellable: (nullable): stops between articles; what was re-analysed stays
 * @progress: (nullable) (scope call): called after each article, from a worker thread,
 *   never twice at once
 *
 * Runs the default analyzer again over stored articles on one thread per core, keeping the
 * user's corrections. Each article is swapped in its own transaction; analysing holds no lock,
 * so other callers (the GUI) keep reading and writing meanwhile.
 *
 * Returns: how many articles were re-analysed, or -1 with @error set (G_IO_ERROR_CANCELLED
 * when cancelled).
 */
int
arx_library_reanalyze_full (ArxLibrary            *self,
                            gboolean               force,
                            GCancellable          *cancellable,
                            ArxReanalyzeProgress   progress,
                            gpointer               user_data,
                            GError               **error)
{
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GPtrArray) threads = g_ptr_array_new ();
  Reanalysis r = { 0, };
  guint n_threads;

  g_return_val_if_fail (ARX_IS_LIBRARY (self), -1);

  /* The version without the analyzer: making it loads every lexicon and model (100 M
   * instructions, beside a window's first frame), and most starts find nothing stale. */
  r.version = ANALYZER_VERSION;
  if ((ids = stale_articles (self, r.version, force, error)) == NULL)
    return -1;
  if (ids->len == 0)
    return 0;

  r.library = self;
  r.ids = ids;
  r.cancellable = cancellable;
  r.progress = progress;
  r.user_data = user_data;
  g_mutex_init (&r.lock);
  n_threads = MIN (MAX (1, g_get_num_processors ()), MAX (ids->len, 1));
  for (guint i = 1; i < n_threads; i++)
    g_ptr_array_add (threads, g_thread_new ("arx-reanalyze", reanalyze_worker, &r));
  reanalyze_worker (&r);
  for (guint i = 0; i < threads->len; i++)
    g_thread_join (g_ptr_array_index (threads, i));
  g_mutex_clear (&r.lock);

  if (r.error != NULL)
    {
      g_propagate_error (error, r.error);
      return -1;
    }
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return -1;
  return r.done;
}

/**
 * arx_library_reanalyze:
 *
 * arx_library_reanalyze_full() without cancellation or progress.
 */
int
arx_library_reanalyze (ArxLibrary  *self,
                       gboolean     force,
                       GError     **error)
{
  return arx_library_reanalyze_full (self, force, NULL, NULL, NULL, error);
}
