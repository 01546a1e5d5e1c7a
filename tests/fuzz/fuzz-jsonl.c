/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "arx-jsonl.h"
#include "fuzz-common.h"

/* One request line of `arx analyze --jsonl`: the id peeked from a broken line, then the whole
 * request (text or HTML through its reader). Every line gets an id to answer with. */

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  fuzz_init ();
  return 0;
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  ArxImportLimits limits;
  g_autoptr(GError) error = NULL;
  g_autofree char *peeked = arx_jsonl_peek_id ((const char *)data, size);
  g_autofree char *id = NULL;
  g_autoptr(ArxArticle) article = NULL;

  arx_import_limits_init (&limits);
  article = arx_jsonl_read_request ((const char *)data, size, &limits, &id, &error);
  g_assert ((article == NULL) != (error == NULL));
  if (article != NULL)
    {
      g_assert_nonnull (id);
      fuzz_check_article (article);
    }
  g_assert (peeked == NULL || g_utf8_validate (peeked, -1, NULL));
  return 0;
}
