/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "fuzz-common.h"

/* The PDF reader (poppler's text layer, running heads, hyphenation). */

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
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) articles = arx_pdf_reader_read (bytes, fuzz_context (), &error);

  g_assert ((articles == NULL) != (error == NULL));
  if (articles != NULL)
    fuzz_check_articles (articles);
  return 0;
}
