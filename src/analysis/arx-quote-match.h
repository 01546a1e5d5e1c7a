/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* One word of a quote: its bytes in the text and the hash of its normalised form. */
typedef struct
{
  guint   start;
  guint   end;
  guint32 hash;
} ArxQuoteWord;

typedef enum
{
  ARX_QUOTE_DIFF_SAME,     /* in both wordings */
  ARX_QUOTE_DIFF_ADDED,    /* only in the later wording */
  ARX_QUOTE_DIFF_REMOVED,  /* only in the earlier wording */
} ArxQuoteDiffOp;

/* A run of words of one diff: bytes of the later wording for SAME and ADDED, of the earlier
 * one for REMOVED. */
typedef struct
{
  ArxQuoteDiffOp op;
  guint          start;
  guint          end;
} ArxQuoteDiffPart;

GArray   *arx_quote_words   (const char   *text);
GArray   *arx_quote_prints  (const GArray *words);
gboolean  arx_quote_same    (const GArray *a,
                             const GArray *b);
GArray   *arx_quote_diff    (const char   *earlier,
                             const char   *later);

G_END_DECLS
