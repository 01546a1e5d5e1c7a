/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "arx-core.h"

G_BEGIN_DECLS

/* Limits applied to untrusted input; every reader honours them. */
typedef struct
{
  gsize max_bytes;     /* whole input; default 50 MB */
  guint max_depth;     /* XML/HTML nesting; default 256 */
  guint max_items;     /* feed items; default 1000 */
  guint fetch_timeout; /* seconds, URLs only; default 30 */
} ArxImportLimits;

void       arx_import_limits_init   (ArxImportLimits       *limits);

/* Every entry point returns (element-type ArxArticle) (transfer full) with at least one article,
 * or NULL with @error set to an ARX_ERROR naming the reason. All are thread-safe and blocking:
 * call them from a worker thread. The articles carry source-uri and format. */
GPtrArray *arx_import_file          (GFile                 *file,
                                     const ArxImportLimits *limits,
                                     GCancellable          *cancellable,
                                     GError               **error);
GPtrArray *arx_import_bytes         (GBytes                *bytes,
                                     const char            *source_uri,
                                     const ArxImportLimits *limits,
                                     GError               **error);
GPtrArray *arx_import_uri           (const char            *uri,
                                     const ArxImportLimits *limits,
                                     GCancellable          *cancellable,
                                     GError               **error);
GPtrArray *arx_import_pasted_text   (const char            *text,
                                     gssize                 length,
                                     GError               **error);

/* Call once from the main thread before any reader runs (libxml2 global state). */
void       arx_import_init          (void);

G_END_DECLS
