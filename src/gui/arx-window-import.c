/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "arx-window-import"

#include "config.h"

#include <glib/gi18n.h>

#include "arx-analyzer.h"
#include "arx-import.h"

#include "arx-window-private.h"

/* Imports run in a worker thread: read, analyse and store each file; progress and results
 * come back to the main thread, where only the window's widgets are touched. */

typedef struct
{
  GPtrArray *files;        /* (element-type GFile) */
  GArray    *imported;     /* gint64 ids of new articles */
  GPtrArray *errors;       /* (element-type utf8) messages naming the file */
  guint      duplicates;
} ImportData;

typedef struct
{
  ArxWindow *window;
  guint      done;
  guint      total;
  char      *name;
} Progress;

static void
import_data_free (gpointer data)
{
  ImportData *import = data;

  g_ptr_array_unref (import->files);
  g_array_unref (import->imported);
  g_ptr_array_unref (import->errors);
  g_free (import);
}

static gboolean
show_progress_cb (gpointer data)
{
  Progress *progress = data;
  ArxWindow *self = progress->window;
  g_autofree char *text = g_strdup_printf (_("Importing %u of %u: %s"), progress->done + 1,
                                           progress->total, progress->name);

  gtk_label_set_label (self->progress_label, text);
  gtk_progress_bar_set_fraction (self->progress_bar, (double)progress->done / progress->total);
  return G_SOURCE_REMOVE;
}

static void
progress_free (gpointer data)
{
  Progress *progress = data;

  g_object_unref (progress->window);
  g_free (progress->name);
  g_free (progress);
}

static void
report_progress (ArxWindow *window,
                 guint      done,
                 guint      total,
                 GFile     *file)
{
  Progress *progress = g_new0 (Progress, 1);

  progress->window = g_object_ref (window);
  progress->done = done;
  progress->total = total;
  progress->name = g_file_get_basename (file);
  g_main_context_invoke_full (NULL, G_PRIORITY_DEFAULT, show_progress_cb, progress,
                              progress_free);
}

static void
import_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ArxWindow *self = source_object;
  ImportData *import = task_data;
  ArxAnalyzer *analyzer = arx_analyzer_get_default ();
  ArxImportLimits limits;

  arx_import_limits_init (&limits);

  for (guint i = 0; i < import->files->len; i++)
    {
      GFile *file = g_ptr_array_index (import->files, i);
      g_autofree char *name = g_file_get_parse_name (file);
      g_autoptr(GPtrArray) articles = NULL;
      g_autoptr(GError) error = NULL;

      if (g_cancellable_is_cancelled (cancellable))
        break;
      report_progress (self, i, import->files->len, file);

      articles = arx_import_file (file, &limits, cancellable, &error);
      if (articles == NULL)
        {
          g_ptr_array_add (import->errors, g_strdup_printf ("%s: %s", name, error->message));
          continue;
        }
      for (guint j = 0; j < articles->len; j++)
        {
          ArxArticle *article = g_ptr_array_index (articles, j);
          g_autoptr(ArxAnalysis) analysis = arx_analyzer_analyze (analyzer, article);
          gboolean duplicate = FALSE;
          gint64 id = 0;

          if (!arx_library_add (self->library, article, analysis, &id, &duplicate, &error))
            {
              g_ptr_array_add (import->errors, g_strdup_printf ("%s: %s", name, error->message));
              g_clear_error (&error);
            }
          else if (duplicate)
            import->duplicates++;
          else
            g_array_append_val (import->imported, id);
        }
    }

  g_task_return_boolean (task, TRUE);
}

static void
import_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  ArxWindow *self = ARX_WINDOW (object);
  ImportData *import = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  _arx_window_set_busy (self, FALSE);
  if (!self->busy)
    gtk_revealer_set_reveal_child (self->progress_revealer, FALSE);

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    return;

  for (guint i = 0; i < import->errors->len; i++)
    _arx_window_show_toast (self, g_ptr_array_index (import->errors, i));
  if (import->duplicates > 0)
    {
      g_autofree char *message =
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u article was already in the library",
                                      "%u articles were already in the library",
                                      import->duplicates), import->duplicates);

      _arx_window_show_toast (self, message);
    }

  /* Show the last article imported: it is what the user just dropped. */
  if (import->imported->len > 0)
    self->article_id = g_array_index (import->imported, gint64, import->imported->len - 1);
  arx_window_reload_library (self);
}

/**
 * arx_window_import_files:
 *
 * Imports @files into the library off the main thread, with progress in the window and a
 * toast naming each file that could not be read. The last new article is shown.
 */
void
arx_window_import_files (ArxWindow  *self,
                         GFile     **files,
                         guint       n_files)
{
  g_autoptr(GTask) task = NULL;
  ImportData *import;

  g_return_if_fail (ARX_IS_WINDOW (self));

  if (n_files == 0)
    return;

  import = g_new0 (ImportData, 1);
  import->files = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < n_files; i++)
    g_ptr_array_add (import->files, g_object_ref (files[i]));
  import->imported = g_array_new (FALSE, FALSE, sizeof (gint64));
  import->errors = g_ptr_array_new_with_free_func (g_free);

  _arx_window_set_busy (self, TRUE);
  gtk_progress_bar_set_fraction (self->progress_bar, 0);
  gtk_revealer_set_reveal_child (self->progress_revealer, TRUE);

  task = g_task_new (self, self->cancellable, import_cb, NULL);
  g_task_set_source_tag (task, arx_window_import_files);
  g_task_set_task_data (task, import, import_data_free);
  g_task_run_in_thread (task, import_thread);
}
