/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* A BIO tagger over hashed features: an averaged structured perceptron, decoded over the whole
 * sentence (Viterbi over the label transitions). The same feature code serves
 * the analyzer and the training tool (bench/analysis/arx-train-ner.c). */

#include <glib.h>

#include "arx-lexicon.h"

G_BEGIN_DECLS

typedef enum
{
  ARX_NER_O,
  ARX_NER_B_PER, ARX_NER_I_PER,
  ARX_NER_B_ORG, ARX_NER_I_ORG,
  ARX_NER_B_LOC, ARX_NER_I_LOC,
  ARX_NER_B_MISC, ARX_NER_I_MISC,
  ARX_NER_N_LABELS
} ArxNerLabel;

#define ARX_NER_MAX_FEATURES 64
#define ARX_NER_DEFAULT_BUCKETS (1u << 18)

/* What the tagger derives from a word alone, whatever its context (arx_ner_word_init): the
 * analyzer computes it once per distinct word and keeps it (arx-words.c), so a token costs a
 * look-up instead of the hashing, case folding and lexicon look-ups. */
typedef struct
{
  guint32 lower, shape, word, pre2, pre3, pre4, suf2, suf3, suf4;  /* as in ArxNerPrep */
  guint32 lower_hash;  /* ASCII lower case, 0 when the word does not start with a letter */
  guint32 cls;         /* packed word classes of the word as written (ArxLexicon.clusters) */
  guint32 cls_lower;   /* … of its lower-case form, for a word with a capital first letter */
  guint16 gaz_first;   /* gazetteer entry of the word as a phrase of one, | ARX_NER_GAZ_FOUND */
  guint8  cap;
  guint8  gaz_self;    /* ArxGazBits of the single word (titles, first names, suffixes) */
  guint8  outside;     /* no name can start at the word unless the gazetteer knows it */
} ArxNerWord;

#define ARX_NER_GAZ_FOUND 0x100

typedef struct
{
  const char *word;     /* not NUL-terminated */
  guint       len;
  guint8      gaz;      /* ArxGazBits of the longest gazetteer phrase over this token */
  guint8      gaz_pos;  /* 1 first word of it, 2 later word */
  guint8      gaz_self; /* ArxGazBits of the single word alone (titles, first names, suffixes) */
  guint8      hist;     /* entity type (1–4) this word was tagged with earlier in the document, or 0 */
  guint8      lc_seen;  /* 1 when this capitalised word also occurs in lower case in the document */
  guint16     cls_small, cls_big; /* word classes from unlabelled text, 0 when unknown */
  guint8      lower_share; /* how often the word is written in lower case inside a sentence
                            * (1 rarely … 4 nearly always), 0 when unknown */
  const ArxNerWord *info;  /* the word's own data when the caller has it, or NULL */
} ArxNerToken;

struct _ArxNerModel
{
  guint32       n_buckets;
  float         scale;
  const gint16 *weights;  /* n_buckets × ARX_NER_N_LABELS */
  GBytes       *bytes;
  float         trans[ARX_NER_N_LABELS + 1][ARX_NER_N_LABELS];  /* from the weights; last row: start */
};

ArxNerModel *arx_ner_model_load       (GBytes            *bytes,
                                       GError           **error);
void         arx_ner_word_init        (const ArxLexicon  *lex,
                                       const char        *word,
                                       gsize              len,
                                       ArxNerWord        *out);
void         arx_ner_mark_gazetteer   (const ArxLexicon  *lex,
                                       ArxNerToken       *toks,
                                       guint              n);
/* Per-token hashes computed once per sentence, then combined into features. */
typedef struct
{
  guint32 lower, shape, word, pre2, pre3, pre4, suf2, suf3, suf4;
  guint8  gaz, gaz_pos, gaz_self, hist, lc_seen;
  guint8  cap;     /* 1 capitalised, 2 all capitals */
  guint16 cls_small, cls_big;
  guint8  lower_share;
  /* the run of words that may be one name around this word (arx_ner_mark_runs) */
  guint32 run_head, run_before, run_before2, run_after;
  guint16 run_head_cls;
  guint8  run_where;
} ArxNerPrep;

 /* Sets lc_seen over all tokens of one document (capitalisation in context: "Summit" is a
 * name less often when the document also writes "summit"). */
void         arx_ner_mark_lower_seen  (ArxNerToken       *toks,
                                       guint              n);
void         arx_ner_prepare          (const ArxNerToken *toks,
                                       guint              n,
                                       ArxNerPrep        *prep);
guint        arx_ner_features         (const ArxNerPrep  *prep,
                                       guint              n,
                                       guint              i,
                                       guint32            n_buckets,
                                       guint32           *out);
guint32      arx_ner_transition_feature (guint            prev,
                                       guint32            n_buckets);
void         arx_ner_label_masks      (const ArxNerToken *toks,
                                       guint              n,
                                       guint16           *masks);
 /* Sets the run fields of @prep from the label masks (arx_ner_label_masks): for every word
 * that may be in a name, the last word of the stretch of such words it is in, and the two words
 * before that stretch and the one after it ("the band The Used", "… Laboratory"). Reads the
 * lower-case hashes of @prep for the words of each run and the three around it. */
void         arx_ner_mark_runs        (const ArxNerToken *toks,
                                       const guint16     *masks,
                                       guint              n,
                                       ArxNerPrep        *prep);
void         arx_ner_viterbi          (const float       *emit,
                                       const float        trans[ARX_NER_N_LABELS + 1][ARX_NER_N_LABELS],
                                       const guint16     *masks,
                                       guint              n,
                                       guint8            *labels);
GHashTable  *arx_ner_history_new      (void);
/* Remembers, per document, which entity type each capitalised word was last tagged with. */
void         arx_ner_history_fill     (GHashTable        *history,
                                       const ArxNerToken *toks,
                                       guint              n,
                                       ArxNerPrep        *prep);
void         arx_ner_history_update   (GHashTable        *history,
                                       const ArxNerToken *toks,
                                       guint              n,
                                       const guint8      *labels);
gboolean     arx_ner_label_allowed    (guint8             prev,
                                       guint8             label);
void         arx_ner_tag              (const ArxNerModel *model,
                                       const ArxNerToken *toks,
                                       guint              n,
                                       GHashTable        *history,
                                       guint8            *labels);

G_END_DECLS
