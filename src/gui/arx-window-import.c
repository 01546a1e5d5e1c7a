/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "arx-window-import"

#include "config.h"

#include <glib/gi18n.h>

#include "arx-analyzer.h"
#include "arx-import.h"
#include "arx-import-job.h"

#include "arx-window-private.h"

/* Imports go through the store's ArxImportJob (worker threads read and analyse, one writer
 * commits); the window shows its progress, a toast per file that failed (the message names
 * the file), and then the last new article. */

static void
on_job_progress_cb (ArxWindow    *self,
                    guint         done,
                    guint         total,
                    const char   *file,
                    ArxImportJob *job)
{
  g_autofree char *name = g_path_get_basename (file);
  g_autofree char *text = g_strdup_printf (_("Importing %u of %u: %s"), MIN (done + 1, total),
                                           total, name);

  gtk_label_set_label (self->progress_label, text);
  gtk_progress_bar_set_fraction (self->progress_bar, total > 0 ? (double)done / total : 0.0);
}

static void
on_job_file_failed_cb (ArxWindow    *self,
                       const char   *file,
                       const GError *error,
                       ArxImportJob *job)
{
  _arx_window_show_toast (self, error->message);
}

static void
import_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  ArxImportJob *job = ARX_IMPORT_JOB (object);
  g_autoptr(ArxWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  GArray *imported;
  guint duplicates;

  _arx_window_set_busy (self, FALSE);
  if (!arx_window_get_busy (self))
    gtk_revealer_set_reveal_child (self->progress_revealer, FALSE);

  if (!arx_import_job_run_finish (job, result, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    _arx_window_show_toast (self, error->message);

  duplicates = arx_import_job_get_n_duplicates (job);
  if (duplicates > 0)
    {
      g_autofree char *message =
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u article was already in the library",
                                      "%u articles were already in the library", duplicates),
                         duplicates);

      _arx_window_show_toast (self, message);
    }

  /* Show the last new article: it is what the user just dropped. */
  imported = arx_import_job_get_imported_ids (job);
  if (imported != NULL && imported->len > 0)
    {
      self->article_id = g_array_index (imported, gint64, imported->len - 1);
      self->offer_links = imported->len == 1;
    }
  arx_window_reload_library (self);
}

void
_arx_window_cancel_import (ArxWindow *self)
{
  g_cancellable_cancel (self->import_cancellable);
}

/**
 * arx_window_import_files:
 *
 * Imports @files into the library off the main thread, with progress and a Cancel button in
 * the window, and a toast naming each file that could not be read.
 */
void
arx_window_import_files (ArxWindow  *self,
                         GFile     **files,
                         guint       n_files)
{
  g_autoptr(ArxImportJob) job = NULL;

  g_return_if_fail (ARX_IS_WINDOW (self));

  if (n_files == 0)
    return;

  if (self->import_cancellable == NULL || g_cancellable_is_cancelled (self->import_cancellable))
    g_set_object (&self->import_cancellable, g_cancellable_new ());

  job = arx_import_job_new (self->library, files, n_files);
  g_signal_connect_object (job, "progress", G_CALLBACK (on_job_progress_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (job, "file-failed", G_CALLBACK (on_job_file_failed_cb), self,
                           G_CONNECT_SWAPPED);

  _arx_window_set_busy (self, TRUE);
  gtk_label_set_label (self->progress_label, _("Importing…"));
  gtk_progress_bar_set_fraction (self->progress_bar, 0);
  gtk_revealer_set_reveal_child (self->progress_revealer, TRUE);

  arx_import_job_run_async (job, self->import_cancellable, import_cb, g_object_ref (self));
}

/* Text dropped or pasted is one article with no file behind it: read, analyse and store it in
 * a worker thread (the import job works on files). */
static void
import_text_thread (GTask        *task,
                    gpointer      source_object,
                    gpointer      task_data,
                    GCancellable *cancellable)
{
  ArxWindow *self = source_object;
  const char *text = task_data;
  g_autoptr(GPtrArray) articles = NULL;
  g_autoptr(ArxAnalysis) analysis = NULL;
  GError *error = NULL;
  gboolean duplicate = FALSE;
  gint64 id = 0;
  ArxArticle *article;

  articles = arx_import_pasted_text (text, -1, &error);
  if (articles == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  article = g_ptr_array_index (articles, 0);
  analysis = arx_analyzer_analyze (arx_analyzer_get_default (), article);
  if (!arx_library_add (self->library, article, analysis, &id, &duplicate, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  g_task_return_int (task, id);
}

static void
import_text_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  ArxWindow *self = ARX_WINDOW (object);
  g_autoptr(GError) error = NULL;
  gssize id = g_task_propagate_int (G_TASK (result), &error);

  _arx_window_set_busy (self, FALSE);
  if (error != NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        _arx_window_show_toast (self, error->message);
      return;
    }
  self->article_id = id;
  arx_window_reload_library (self);
}

void
_arx_window_import_text (ArxWindow  *self,
                         const char *text)
{
  g_autoptr(GTask) task = g_task_new (self, self->cancellable, import_text_cb, NULL);

  g_task_set_source_tag (task, _arx_window_import_text);
  g_task_set_task_data (task, g_strdup (text), g_free);
  _arx_window_set_busy (self, TRUE);
  g_task_run_in_thread (task, import_text_thread);
}

/* Articles analysed by an older analyzer are analysed again in the background when the
 * window opens; the user's corrections are kept by the library. */
static void
reanalyze_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  ArxLibrary *library = task_data;
  GError *error = NULL;
  int n = arx_library_reanalyze (library, FALSE, &error);

  if (n < 0)
    g_task_return_error (task, error);
  else
    g_task_return_int (task, n);
}

static void
reanalyze_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  ArxWindow *self = ARX_WINDOW (object);
  g_autoptr(GError) error = NULL;
  gssize n = g_task_propagate_int (G_TASK (result), &error);

  _arx_window_set_busy (self, FALSE);
  if (error != NULL)
    {
      _arx_window_show_toast (self, error->message);
      return;
    }
  if (n > 0)
    {
      g_autofree char *message =
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                      "%zd article was analysed again with the new analyzer",
                                      "%zd articles were analysed again with the new analyzer", n),
                         n);

      _arx_window_show_toast (self, message);
      arx_window_reload_library (self);
    }
}

void
_arx_window_reanalyze_in_background (ArxWindow *self)
{
  g_autoptr(GTask) task = g_task_new (self, self->cancellable, reanalyze_cb, NULL);

  g_task_set_source_tag (task, _arx_window_reanalyze_in_background);
  g_task_set_task_data (task, g_object_ref (self->library), g_object_unref);
  _arx_window_set_busy (self, TRUE);
  g_task_run_in_thread (task, reanalyze_thread);
}
