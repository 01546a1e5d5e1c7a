/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "fuzz-common.h"

/* The plain-text reader: encodings, headline, paragraphs and wrapped lines. */

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
  g_autoptr(GError) error = NULL;
  g_autoptr(ArxArticle) article = arx_text_reader_read ((const char *)data, size,
                                                        fuzz_context (), &error);

  g_assert ((article == NULL) != (error == NULL));
  if (article != NULL)
    fuzz_check_article (article);
  return 0;
}
