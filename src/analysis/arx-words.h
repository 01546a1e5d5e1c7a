/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* What the analysis derives from a word alone (its hashes for the tagger, its lexicon
 * entries), computed once per distinct word and kept per thread across documents: news repeats
 * its words, so most tokens cost one look-up here instead of case folding, hashing and several
 * lexicon look-ups. The data depend only on the word's bytes and the lexicon, never on the
 * document, so an analysis is the same with or without the cache. */

#include <glib.h>

#include "arx-lexicon.h"
#include "arx-ner.h"

G_BEGIN_DECLS

typedef struct
{
  ArxNerWord ner;
  char       cue;  /* the word's class in the cues lexicon (lower case, under 32 bytes), or 0 */
  guint8     letters; /* ArxWordLetters */
  guint8     role;    /* ArxWordRole, found on first use (arx-cluster.c) */
  /* which word lists (arx_token_in) hold the word: a bit per list, known when set in
   * lists_known (filled on first use; see arx_word_cache_list_bit) */
  guint32    lists_known;
  guint32    lists_in;
} ArxWord;

typedef enum
{
  ARX_WORD_CAP        = 1 << 0,  /* first letter upper case */
  ARX_WORD_UPPER      = 1 << 1,  /* two or more upper-case letters and no lower-case one */
  ARX_WORD_NO_LETTERS = 1 << 2,  /* neither upper- nor lower-case letters */
} ArxWordLetters;

/* Whether a word names a role ("Sen." → "senator", "adviser") */
enum
{
  ARX_WORD_ROLE_UNKNOWN,  /* not asked yet */
  ARX_WORD_ROLE_NONE,
  ARX_WORD_ROLE_LEXICON,  /* itself, in lower case without a final period */
  ARX_WORD_ROLE_TITLE,    /* + k: the k-th abbreviated title */
};

typedef struct _ArxWordCache ArxWordCache;

ArxWordCache  *arx_word_cache_begin  (const ArxLexicon *lex);
ArxWord       *arx_word_cache_lookup (ArxWordCache     *cache,
                                      const char       *word,
                                      gsize             len);
/* Arrays a document needs in proportion to its length, kept from one document to the next */
typedef enum
{
  ARX_SCRATCH_TOKENS,      /* ArxToken */
  ARX_SCRATCH_SENTENCES,   /* ArxSentence */
  ARX_SCRATCH_QUOTES,      /* ArxQuote */
  ARX_SCRATCH_MENTIONS,    /* ArxMention */
  ARX_SCRATCH_NER_TOKENS,  /* ArxNerToken */
  ARX_SCRATCH_N
} ArxScratch;

GArray        *arx_word_cache_take_array (ArxWordCache *cache,
                                          ArxScratch    which,
                                          guint         element_size);
void           arx_word_cache_give_array (ArxWordCache *cache,
                                          ArxScratch    which,
                                          GArray       *array,
                                          gsize         reserved);
guint32        arx_word_cache_list_bit (ArxWordCache   *cache,
                                        gconstpointer   list);

G_END_DECLS
