/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "fuzz-common.h"

/* The MHTML reader: mail headers, MIME parts, quoted-printable and base64, then the HTML. */

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
  g_autoptr(GPtrArray) articles = arx_mhtml_reader_read ((const char *)data, size,
                                                         fuzz_context (), &error);

  g_assert ((articles == NULL) != (error == NULL));
  if (articles != NULL)
    fuzz_check_articles (articles);
  return 0;
}
