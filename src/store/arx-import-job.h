/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "arx-library.h"

G_BEGIN_DECLS

#define ARX_TYPE_IMPORT_JOB (arx_import_job_get_type ())

G_DECLARE_FINAL_TYPE (ArxImportJob, arx_import_job, ARX, IMPORT_JOB, GObject)

/* Imports many files into a library: worker threads read and analyse files (one per core),
 * one writer commits the results in file order, in batches, each batch one transaction.
 *
 * Signals, emitted on the thread-default main context of the caller of
 * arx_import_job_run_async() (or on the calling thread for arx_import_job_run_sync()), always
 * after the transaction that holds the article committed:
 *   progress      (guint done, guint total, const char *current_file)
 *   article-added (gint64 id, gboolean duplicate, const char *file, const char *title)
 *   file-failed   (const char *file, GError *error)
 */
ArxImportJob *arx_import_job_new              (ArxLibrary           *library,
                                               GFile               **files,
                                               guint                 n_files);
void          arx_import_job_run_async        (ArxImportJob         *self,
                                               GCancellable         *cancellable,
                                               GAsyncReadyCallback   callback,
                                               gpointer              user_data);
gboolean      arx_import_job_run_finish       (ArxImportJob         *self,
                                               GAsyncResult         *result,
                                               GError              **error);
gboolean      arx_import_job_run_sync         (ArxImportJob         *self,
                                               GCancellable         *cancellable,
                                               GError              **error);
GArray       *arx_import_job_get_imported_ids (ArxImportJob         *self);
GPtrArray    *arx_import_job_get_failures     (ArxImportJob         *self);
guint         arx_import_job_get_n_duplicates (ArxImportJob         *self);
void          arx_import_job_set_n_workers    (ArxImportJob         *self,
                                               guint                 n_workers);

G_END_DECLS
