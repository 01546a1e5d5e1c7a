/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "fuzz-common.h"

/* One XML news format: the safe parse, then the reader meson names in FUZZ_XML_READER
 * (fuzz-nitf, fuzz-newsml, fuzz-feed and fuzz-jats are this file built four times). */

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
  const ArxImportContext *ctx = fuzz_context ();
  g_autoptr(GError) error = NULL;
  g_autoptr(xmlDoc) doc = arx_xml_parse ((const char *)data, size, ctx, &error);
  g_autoptr(GPtrArray) articles = NULL;

  if (doc == NULL)
    {
      g_assert (error != NULL);
      return 0;
    }
  articles = FUZZ_XML_READER (doc, ctx, &error);
  g_assert ((articles == NULL) != (error == NULL));
  if (articles != NULL)
    fuzz_check_articles (articles);
  return 0;
}
