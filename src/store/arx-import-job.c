/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "arx-import-job"

#include "config.h"

#include "arx-analyzer.h"
#include "arx-import.h"

#include "arx-library-private.h"
#include "arx-import-job.h"

/* A batch ends when this many articles wait, or when the next file is not ready within
 * MAX_HOLD_USEC: analysed articles are never held back long (a crash loses at most that much
 * work, and progress stays smooth), and when readers keep up, commits grow to amortise the
 * per-transaction cost. */
#define MAX_BATCH ARX_IMPORT_JOB_MAX_BATCH
#define MAX_HOLD_USEC (20 * G_TIME_SPAN_MILLISECOND)
/* How far the readers may run ahead of the writer, in files (bounds memory). */
#define WINDOW 256

typedef struct
{
  gboolean   done;
  GPtrArray *articles;     /* ArxArticle */
  GPtrArray *analyses;     /* ArxAnalysis */
  GError    *error;
} Slot;

struct _ArxImportJob
{
  GObject       parent_instance;

  ArxLibrary   *library;
  /* A second connection for the readers' duplicate checks: under WAL it reads while the
   * writer's connection commits, so readers never wait for a batch to finish. */
  ArxLibrary   *lookup_library;
  GPtrArray    *files;
  ArxImportLimits limits;
  guint         n_workers;
  gboolean      started;

  /* Shared between readers and the writer, under @lock. */
  GMutex        lock;
  GCond         cond;
  Slot         *slots;
  guint         next_to_read;
  guint         next_to_write;
  gboolean      stop;
  GCancellable *cancellable;

  /* Where signals go: NULL to emit on the writer's thread (run_sync). */
  GMainContext *context;

  /* Outcomes, written by the writer only. */
  GArray       *imported_ids;
  GPtrArray    *failures;
  guint         n_duplicates;
};

G_DEFINE_FINAL_TYPE (ArxImportJob, arx_import_job, G_TYPE_OBJECT)

enum {
  SIGNAL_PROGRESS,
  SIGNAL_ARTICLE_ADDED,
  SIGNAL_FILE_FAILED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
slot_clear (Slot *slot)
{
  g_clear_pointer (&slot->articles, g_ptr_array_unref);
  g_clear_pointer (&slot->analyses, g_ptr_array_unref);
  g_clear_error (&slot->error);
}

static void
arx_import_job_finalize (GObject *object)
{
  ArxImportJob *self = (ArxImportJob *)object;

  if (self->slots != NULL)
    for (guint i = 0; i < self->files->len; i++)
      slot_clear (&self->slots[i]);
  g_free (self->slots);
  g_clear_object (&self->library);
  g_clear_object (&self->lookup_library);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->context, g_main_context_unref);
  g_ptr_array_unref (self->files);
  g_array_unref (self->imported_ids);
  g_ptr_array_unref (self->failures);
  g_mutex_clear (&self->lock);
  g_cond_clear (&self->cond);
  G_OBJECT_CLASS (arx_import_job_parent_class)->finalize (object);
}

static void
arx_import_job_class_init (ArxImportJobClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = arx_import_job_finalize;

  signals[SIGNAL_PROGRESS] =
    g_signal_new ("progress", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 3, G_TYPE_UINT, G_TYPE_UINT, G_TYPE_STRING);
  signals[SIGNAL_ARTICLE_ADDED] =
    g_signal_new ("article-added", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 4, G_TYPE_INT64, G_TYPE_BOOLEAN, G_TYPE_STRING,
                  G_TYPE_STRING);
  signals[SIGNAL_FILE_FAILED] =
    g_signal_new ("file-failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_ERROR);
}

static void
arx_import_job_init (ArxImportJob *self)
{
  g_mutex_init (&self->lock);
  g_cond_init (&self->cond);
  arx_import_limits_init (&self->limits);
  self->n_workers = MAX (1, g_get_num_processors ());
  self->imported_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->failures = g_ptr_array_new_with_free_func ((GDestroyNotify)g_error_free);
}

/**
 * arx_import_job_new:
 * @files: (array length=n_files): the files to import, in the order ids are given out
 *
 * Returns: (transfer full): a job that runs once.
 */
ArxImportJob *
arx_import_job_new (ArxLibrary  *library,
                    GFile      **files,
                    guint        n_files)
{
  ArxImportJob *self;

  g_return_val_if_fail (ARX_IS_LIBRARY (library), NULL);
  g_return_val_if_fail (files != NULL || n_files == 0, NULL);

  self = g_object_new (ARX_TYPE_IMPORT_JOB, NULL);
  self->library = g_object_ref (library);
  self->files = g_ptr_array_new_full (n_files, g_object_unref);
  for (guint i = 0; i < n_files; i++)
    g_ptr_array_add (self->files, g_object_ref (files[i]));
  self->slots = g_new0 (Slot, n_files + 1);
  return self;
}

/* Number of reader threads; the default is one per core. */
void
arx_import_job_set_n_workers (ArxImportJob *self,
                              guint         n_workers)
{
  g_return_if_fail (ARX_IS_IMPORT_JOB (self));
  g_return_if_fail (!self->started);
  self->n_workers = MAX (1, n_workers);
}

static char *
file_display_name (GFile *file)
{
  char *path = g_file_get_path (file);

  return path != NULL ? path : g_file_get_uri (file);
}

/* ---- signal delivery ---- */

typedef struct
{
  ArxImportJob *job;
  guint         signal;
  guint         done, total;
  gint64        id;
  gboolean      duplicate;
  char         *file;
  char         *title;
  GError       *error;
} Emission;

static gboolean
emit_now (gpointer data)
{
  Emission *e = data;

  switch (e->signal)
    {
    case SIGNAL_PROGRESS:
      g_signal_emit (e->job, signals[SIGNAL_PROGRESS], 0, e->done, e->total, e->file);
      break;
    case SIGNAL_ARTICLE_ADDED:
      g_signal_emit (e->job, signals[SIGNAL_ARTICLE_ADDED], 0, e->id, e->duplicate, e->file,
                     e->title);
      break;
    case SIGNAL_FILE_FAILED:
      g_signal_emit (e->job, signals[SIGNAL_FILE_FAILED], 0, e->file, e->error);
      break;
    default:
      g_assert_not_reached ();
    }
  return G_SOURCE_REMOVE;
}

static void
emission_free (gpointer data)
{
  Emission *e = data;

  g_object_unref (e->job);
  g_free (e->file);
  g_free (e->title);
  g_clear_error (&e->error);
  g_free (e);
}

static void
emit (ArxImportJob *self,
      Emission     *e)
{
  e->job = g_object_ref (self);
  if (self->context == NULL)
    {
      emit_now (e);
      emission_free (e);
    }
  else
    g_main_context_invoke_full (self->context, G_PRIORITY_DEFAULT, emit_now, e, emission_free);
}

static void
emit_progress (ArxImportJob *self,
               const char   *file)
{
  Emission *e = g_new0 (Emission, 1);

  e->signal = SIGNAL_PROGRESS;
  e->done = self->next_to_write;
  e->total = self->files->len;
  e->file = g_strdup (file);
  emit (self, e);
}

static void
record_failure (ArxImportJob *self,
                const char   *file,
                const GError *error)
{
  Emission *e = g_new0 (Emission, 1);
  g_autofree char *message = arx_error_message_for_file (file, error->message);
  GError *named = g_error_new_literal (error->domain, error->code, message);

  g_ptr_array_add (self->failures, named);
  e->signal = SIGNAL_FILE_FAILED;
  e->file = g_strdup (file);
  e->error = g_error_copy (named);
  emit (self, e);
}

/* ---- readers ---- */

static void
analysis_unref0 (gpointer analysis)
{
  if (analysis != NULL)
    arx_analysis_unref (analysis);
}

static gpointer
reader_thread (gpointer data)
{
  ArxImportJob *self = data;
  ArxAnalyzer *analyzer = arx_analyzer_get_default ();

  for (;;)
    {
      GFile *file;
      Slot *slot;
      g_autoptr(GPtrArray) articles = NULL;
      g_autoptr(GPtrArray) analyses = NULL;
      g_autoptr(GError) error = NULL;
      guint index;

      g_mutex_lock (&self->lock);
      while (!self->stop && self->next_to_read < self->files->len &&
             self->next_to_read >= self->next_to_write + WINDOW)
        g_cond_wait (&self->cond, &self->lock);
      if (self->stop || self->next_to_read >= self->files->len)
        {
          g_mutex_unlock (&self->lock);
          return NULL;
        }
      index = self->next_to_read++;
      g_mutex_unlock (&self->lock);

      file = g_ptr_array_index (self->files, index);
      articles = arx_import_file (file, &self->limits, self->cancellable, &error);
      if (articles != NULL)
        {
          analyses = g_ptr_array_new_with_free_func ((GDestroyNotify)analysis_unref0);
          /* Re-importing a folder should not cost a full analysis per known article. */
          for (guint i = 0; i < articles->len; i++)
            {
              ArxArticle *article = g_ptr_array_index (articles, i);

              g_ptr_array_add (analyses, arx_library_find_duplicate (self->lookup_library, article, NULL)
                                         ? NULL : arx_analyzer_analyze (analyzer, article));
            }
        }

      g_mutex_lock (&self->lock);
      slot = &self->slots[index];
      slot->articles = g_steal_pointer (&articles);
      slot->analyses = g_steal_pointer (&analyses);
      slot->error = g_steal_pointer (&error);
      slot->done = TRUE;
      g_cond_broadcast (&self->cond);
      g_mutex_unlock (&self->lock);
    }
}

/* ---- writer ---- */

typedef struct
{
  guint  file_index;
  guint  article_index;
} BatchRef;

static gboolean
flush_batch (ArxImportJob  *self,
             GArray        *batch,   /* BatchRef */
             guint          n_files_in_batch,
             GError       **error)
{
  g_autofree ArxAddItem *items = g_new0 (ArxAddItem, batch->len + 1);
  g_autoptr(GError) local_error = NULL;
  gboolean ok;

  if (batch->len == 0)
    return TRUE;
  for (guint i = 0; i < batch->len; i++)
    {
      const BatchRef *ref = &g_array_index (batch, BatchRef, i);
      Slot *slot = &self->slots[ref->file_index];

      items[i].article = g_ptr_array_index (slot->articles, ref->article_index);
      items[i].analysis = g_ptr_array_index (slot->analyses, ref->article_index);
    }

  ok = arx_library_add_many (self->library, items, batch->len, &local_error);

  for (guint i = 0; i < batch->len; i++)
    {
      const BatchRef *ref = &g_array_index (batch, BatchRef, i);
      GFile *file = g_ptr_array_index (self->files, ref->file_index);
      g_autofree char *name = file_display_name (file);

      if (!ok)
        record_failure (self, name, local_error);
      else if (items[i].error != NULL)
        record_failure (self, name, items[i].error);
      else
        {
          Emission *e = g_new0 (Emission, 1);

          if (items[i].duplicate)
            self->n_duplicates++;
          else
            g_array_append_val (self->imported_ids, items[i].id);
          e->signal = SIGNAL_ARTICLE_ADDED;
          e->id = items[i].id;
          e->duplicate = items[i].duplicate;
          e->file = g_strdup (name);
          e->title = g_strdup (arx_article_get_title (items[i].article));
          emit (self, e);
        }
      g_clear_error (&items[i].error);
    }
  /* The analyses are written: free them now rather than at the end of a long import. */
  for (guint i = 0; i < batch->len; i++)
    {
      Slot *slot = &self->slots[g_array_index (batch, BatchRef, i).file_index];

      g_clear_pointer (&slot->articles, g_ptr_array_unref);
      g_clear_pointer (&slot->analyses, g_ptr_array_unref);
    }
  g_array_set_size (batch, 0);

  if (!ok)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return TRUE;
}

static gboolean
run_writer (ArxImportJob  *self,
            GError       **error)
{
  g_autoptr(GPtrArray) threads = g_ptr_array_new ();
  g_autoptr(GArray) batch = g_array_new (FALSE, FALSE, sizeof (BatchRef));
  g_autofree char *last_name = NULL;
  guint n_files = self->files->len;
  guint batch_files = 0;
  gboolean ok = TRUE;

  self->lookup_library = arx_library_open (arx_library_get_path (self->library), NULL);
  if (self->lookup_library == NULL)
    self->lookup_library = g_object_ref (self->library);
  /* the writer is the import's critical path: checkpoints go to a thread of their own */
  arx_library_set_bulk_writes (self->library, TRUE);
  for (guint i = 0; i < MIN (self->n_workers, MAX (n_files, 1)); i++)
    g_ptr_array_add (threads, g_thread_new ("arx-import", reader_thread, self));

  while (ok)
    {
      Slot *slot;
      GFile *file;
      g_autofree char *name = NULL;
      guint index;

      g_mutex_lock (&self->lock);
      if (self->next_to_write >= n_files || g_cancellable_is_cancelled (self->cancellable))
        {
          g_mutex_unlock (&self->lock);
          break;
        }
      if (!self->slots[self->next_to_write].done && batch->len > 0)
        {
          gint64 deadline = g_get_monotonic_time () + MAX_HOLD_USEC;

          while (!self->slots[self->next_to_write].done &&
                 g_cond_wait_until (&self->cond, &self->lock, deadline))
            ;
        }
      if (!self->slots[self->next_to_write].done && batch->len > 0)
        {
          /* Nothing ready: commit what we have instead of holding it while we wait. */
          g_mutex_unlock (&self->lock);
          ok = flush_batch (self, batch, batch_files, error);
          batch_files = 0;
          if (ok && last_name != NULL)
            emit_progress (self, last_name);
          continue;
        }
      while (!self->slots[self->next_to_write].done)
        g_cond_wait (&self->cond, &self->lock);
      index = self->next_to_write;
      g_mutex_unlock (&self->lock);

      slot = &self->slots[index];
      file = g_ptr_array_index (self->files, index);
      name = file_display_name (file);
      if (slot->error != NULL)
        {
          if (g_error_matches (slot->error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
            break;
          record_failure (self, name, slot->error);
        }
      else
        {
          for (guint i = 0; i < slot->articles->len; i++)
            {
              BatchRef ref = { index, i };

              g_array_append_val (batch, ref);
            }
          batch_files++;
        }

      g_mutex_lock (&self->lock);
      self->next_to_write++;
      g_cond_broadcast (&self->cond);
      g_mutex_unlock (&self->lock);

      g_free (last_name);
      last_name = g_steal_pointer (&name);
      if (batch->len >= MAX_BATCH)
        {
          ok = flush_batch (self, batch, batch_files, error);
          batch_files = 0;
        }
      if (ok && batch->len == 0)
        emit_progress (self, last_name);
    }
  if (ok)
    {
      ok = flush_batch (self, batch, batch_files, error);
      if (ok && last_name != NULL)
        emit_progress (self, last_name);
    }

  g_mutex_lock (&self->lock);
  self->stop = TRUE;
  g_cond_broadcast (&self->cond);
  g_mutex_unlock (&self->lock);
  for (guint i = 0; i < threads->len; i++)
    g_thread_join (g_ptr_array_index (threads, i));
  arx_library_set_bulk_writes (self->library, FALSE);

  if (ok && g_cancellable_set_error_if_cancelled (self->cancellable, error))
    ok = FALSE;
  return ok;
}

static gboolean
start (ArxImportJob  *self,
       GCancellable  *cancellable,
       GError       **error)
{
  if (self->started)
    {
      g_set_error (error, ARX_ERROR, ARX_ERROR_FAILED, "an import job runs only once");
      return FALSE;
    }
  self->started = TRUE;
  self->cancellable = cancellable != NULL ? g_object_ref (cancellable) : NULL;
  return TRUE;
}

/**
 * arx_import_job_run_sync:
 *
 * Runs the job on this thread (signals are emitted here). Returns %TRUE when every file was
 * tried (some may have failed: see arx_import_job_get_failures()); %FALSE when cancelled
 * (G_IO_ERROR_CANCELLED; what was committed stays) or when the library could not be written.
 */
gboolean
arx_import_job_run_sync (ArxImportJob  *self,
                         GCancellable  *cancellable,
                         GError       **error)
{
  g_return_val_if_fail (ARX_IS_IMPORT_JOB (self), FALSE);

  if (!start (self, cancellable, error))
    return FALSE;
  return run_writer (self, error);
}

static void
run_in_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ArxImportJob *self = source_object;
  GError *error = NULL;

  if (run_writer (self, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/**
 * arx_import_job_run_async:
 *
 * Runs the job on worker threads; signals and @callback come on the thread-default main
 * context of the caller.
 */
void
arx_import_job_run_async (ArxImportJob        *self,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  GError *error = NULL;

  g_return_if_fail (ARX_IS_IMPORT_JOB (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, arx_import_job_run_async);
  /* Cancellation stops between files; the writer reports it itself. */
  g_task_set_check_cancellable (task, FALSE);
  if (!start (self, cancellable, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  self->context = g_main_context_ref_thread_default ();
  g_task_run_in_thread (task, run_in_thread);
}

gboolean
arx_import_job_run_finish (ArxImportJob  *self,
                           GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * arx_import_job_get_imported_ids:
 *
 * Returns: (transfer none) (element-type gint64): ids of the articles added (duplicates not
 * included), in file order. Read after the job finished.
 */
GArray *
arx_import_job_get_imported_ids (ArxImportJob *self)
{
  g_return_val_if_fail (ARX_IS_IMPORT_JOB (self), NULL);
  return self->imported_ids;
}

/**
 * arx_import_job_get_failures:
 *
 * Returns: (transfer none) (element-type GError): one error per failed file (or article),
 * each message starting with the file name.
 */
GPtrArray *
arx_import_job_get_failures (ArxImportJob *self)
{
  g_return_val_if_fail (ARX_IS_IMPORT_JOB (self), NULL);
  return self->failures;
}

guint
arx_import_job_get_n_duplicates (ArxImportJob *self)
{
  g_return_val_if_fail (ARX_IS_IMPORT_JOB (self), 0);
  return self->n_duplicates;
}
