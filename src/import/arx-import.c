/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "arx-import"

#include "config.h"

#include <string.h>

#include "arx-import.h"

/* PLACEHOLDER: replaced by the import stage's readers. */

void
arx_import_limits_init (ArxImportLimits *limits)
{
  limits->max_bytes = 50 * 1024 * 1024;
  limits->max_depth = 256;
  limits->max_items = 1000;
  limits->fetch_timeout = 30;
}

void
arx_import_init (void)
{
}

GPtrArray *
arx_import_bytes (GBytes                *bytes,
                  const char            *source_uri,
                  const ArxImportLimits *limits,
                  GError               **error)
{
  gsize len;
  const char *data = g_bytes_get_data (bytes, &len);
  g_autoptr(ArxArticle) article = arx_article_new ();
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func (g_object_unref);
  g_auto(GStrv) paras = NULL;
  g_autofree char *text = g_utf8_make_valid (data, len);

  paras = g_regex_split_simple ("\\n\\s*\\n", text, 0, 0);
  for (guint i = 0; paras[i]; i++)
    arx_article_add_paragraph (article, paras[i], -1);
  arx_article_set_source_uri (article, source_uri);
  arx_article_set_format (article, "text");
  g_ptr_array_add (out, g_steal_pointer (&article));
  return g_steal_pointer (&out);
}

GPtrArray *
arx_import_file (GFile                 *file,
                 const ArxImportLimits *limits,
                 GCancellable          *cancellable,
                 GError               **error)
{
  g_autoptr(GBytes) bytes = g_file_load_bytes (file, cancellable, NULL, error);
  g_autofree char *uri = g_file_get_uri (file);

  if (bytes == NULL)
    return NULL;
  return arx_import_bytes (bytes, uri, limits, error);
}

GPtrArray *
arx_import_uri (const char            *uri,
                const ArxImportLimits *limits,
                GCancellable          *cancellable,
                GError               **error)
{
  g_set_error (error, ARX_ERROR, ARX_ERROR_UNSUPPORTED_FORMAT, "%s: URLs are not supported yet", uri);
  return NULL;
}

GPtrArray *
arx_import_pasted_text (const char *text,
                        gssize      length,
                        GError    **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, length < 0 ? strlen (text) : (gsize)length);

  return arx_import_bytes (bytes, NULL, NULL, error);
}
