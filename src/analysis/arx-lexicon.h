/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Lexicons and the entity model of the analyzer, loaded once from the GResource compiled
 * into the analysis library and read-only afterwards (safe to share between threads). */

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  ARX_GAZ_LOC    = 1 << 0,
  ARX_GAZ_ORG    = 1 << 1,
  ARX_GAZ_MISC   = 1 << 2,
  ARX_GAZ_FIRST  = 1 << 3,  /* a first name */
  ARX_GAZ_TITLE  = 1 << 4,  /* a person title ("Sen.", "President") */
  ARX_GAZ_ORGSUF = 1 << 5,  /* a last word of organisation names ("Inc.", "Party") */
  ARX_GAZ_PREFIX = 1 << 7,  /* in the gazetteer table only: the start of a longer phrase */
} ArxGazBits;

typedef struct _ArxNerModel ArxNerModel;

typedef struct
{
  GHashTable  *gazetteer;    /* lower-case phrase → GUINT_TO_POINTER (ArxGazBits) */
  guint        gaz_max_words;
  GHashTable  *first_names;  /* lower case → 'F', 'M' or 'U' */
  GHashTable  *titles;       /* lower-case title phrase, without final period → 1 */
  GHashTable  *org_suffixes; /* as written → 1 */
  GHashTable  *abbrevs;      /* lower case, without final period → 'T', 'M' or 'E' */
  GHashTable  *cues;         /* lower-case verb form → 'S' or 'T' */
  GHashTable  *roles;        /* lower-case role noun → 'P' (person) or 'G' (group) */
  GHashTable  *clusters;     /* word, digits as 0 → word classes from unlabelled text:
                              * (small class + 1) | (big class + 1) << 8 | share << 20, where
                              * share (lower-case words only) is 1–4 as uses in lower case are
                              * < 10 %, < 50 %, < 90 %, more */
  GHashTable  *speaker_nouns; /* lower-case head noun → 'G' (a group of people) or 'D' (a document) */
  GHashTable  *cue_nouns;    /* lower-case noun reporting speech before "that" ("claim") → 1 */
  ArxNerModel *ner;          /* NULL when the model resource is missing or empty */
  guint32      title_lens[26]; /* by first letter a–z: bit n set when a title has n bytes (31 or more: bit 31),
                                * a cheap test before the titles look-up */
} ArxLexicon;

const ArxLexicon *arx_lexicon_get_default (void);
char              arx_lexicon_lookup_char (GHashTable *table,
                                           const char *key,
                                           gsize       len);

G_END_DECLS
