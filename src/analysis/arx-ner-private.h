/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* What the files of the entity tagger share: the hashing, the label masks, and the per-token
 * helpers the hot loop inlines. arx-ner.c loads the model and tags a sentence;
 * arx-ner-features.c makes the features; arx-ner-decode.c decides which labels a token may take
 * and decodes; arx-ner-words.c looks words up in the lexicon. */

#include <glib.h>

#include "arx-ner.h"

G_BEGIN_DECLS

static inline guint32
fnv (guint32 h, const char *s, gsize len)
{
  for (gsize i = 0; i < len; i++)
    h = (h ^ (guint8) s[i]) * 16777619u;
  return h;
}

static inline guint32
mix (guint32 tmpl, guint32 a, guint32 b)
{
  guint32 h = tmpl * 0x9E3779B1u ^ a;

  h ^= h >> 16;
  h *= 0x85EBCA6Bu;
  h ^= b;
  h ^= h >> 13;
  h *= 0xC2B2AE35u;
  h ^= h >> 16;
  return h;
}

/* @h modulo @n_buckets; a mask when that is a power of two (the default model's), which
 * spares a division per feature */
static inline guint32
bucket (guint32 h,
        guint32 n_buckets)
{
  return (n_buckets & (n_buckets - 1)) == 0 ? h & (n_buckets - 1) : h % n_buckets;
}

/* Out-of-sentence neighbours hash to fixed values. */
#define PAD_BEFORE 0x5bd1e995u
#define PAD_AFTER  0x1b873593u

#define MASK_O      (1u << ARX_NER_O)
#define MASK_INSIDE ((1u << ARX_NER_I_PER) | (1u << ARX_NER_I_ORG) | (1u << ARX_NER_I_LOC) | (1u << ARX_NER_I_MISC))
#define MASK_ALL    ((1u << ARX_NER_N_LABELS) - 1)

/* The hashes of a word by itself (ArxNerWord has the same fields). */
void     _arx_ner_prepare_word (const char *word,
                                gsize       len,
                                ArxNerPrep *p);
/* ASCII lower-case hash of a word, 0 when the word does not start with a letter. */
guint32  _arx_ner_lower_hash   (const char *w,
                                gsize       len);
/* No name starts at the word (whatever the gazetteer says; see plainly_outside). */
gboolean _arx_ner_word_outside (const char *word,
                                gsize       len);

static inline void
prepare_one (const ArxNerToken *tok,
             ArxNerPrep        *p)
{
  if (tok->info != NULL)
    {
      const ArxNerWord *w = tok->info;

      p->lower = w->lower;
      p->shape = w->shape;
      p->word = w->word;
      p->pre2 = w->pre2;
      p->pre3 = w->pre3;
      p->pre4 = w->pre4;
      p->suf2 = w->suf2;
      p->suf3 = w->suf3;
      p->suf4 = w->suf4;
      p->cap = w->cap;
    }
  else
    _arx_ner_prepare_word (tok->word, tok->len, p);
  p->gaz = tok->gaz;
  p->gaz_pos = tok->gaz_pos;
  p->gaz_self = tok->gaz_self;
  p->hist = tok->hist;
  p->lc_seen = tok->lc_seen;
  p->cls_small = tok->cls_small;
  p->cls_big = tok->cls_big;
  p->lower_share = tok->lower_share;
}

/* History keys are the 32-bit hashes of the exact words (prep->word): no string copies per
 * token; a collision between two capitalised words of one document is very unlikely. The table
 * is a direct-hash GHashTable (see arx_ner_history_new). */
static inline gpointer
history_key (const ArxNerToken *t)
{
  guint32 h = t->info ? t->info->word : fnv (2166136261u, t->word, MIN (t->len, 64));

  return GUINT_TO_POINTER (h ? h : 1);
}

static inline gboolean
plainly_outside (const ArxNerToken *t)
{
  if (t->gaz || t->gaz_self)
    return FALSE;
  return t->info ? t->info->outside : _arx_ner_word_outside (t->word, t->len);
}

G_END_DECLS
