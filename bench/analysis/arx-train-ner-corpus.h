/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Annotated corpora for the entity-tagger trainer: CoNLL-style files (token first, tag last,
 * IOB1 or IOB2, blank lines between sentences, -DOCSTART- between documents). */

#include <glib.h>

#include "arx-lexicon.h"
#include "arx-ner.h"

G_BEGIN_DECLS

typedef struct
{
  guint start;  /* into the corpus token arrays */
  guint n;
} Sentence;

typedef struct
{
  guint first;  /* sentence index */
  guint n;
} Document;

typedef struct
{
  guint corpus;
  guint doc;
} DocRef;

typedef struct
{
  char        *name;
  float        weight;   /* scales this corpus' updates */
  gboolean     no_misc;  /* annotated without MISC: an O may be MISC */
  GPtrArray   *words;    /* char* */
  GArray      *gold;     /* guint8 ArxNerLabel, BIO2 */
  GArray      *sents;    /* Sentence */
  GArray      *docs;     /* Document; a file without -DOCSTART- has one per sentence */
  ArxNerPrep  *prep;
  ArxNerToken *toks;
  guint        max_sentence;
} Corpus;

/* SPEC is PATH[:WEIGHT[:nomisc]]. */
Corpus *corpus_read_spec (const char       *spec,
                          const ArxLexicon *lex);

G_END_DECLS
