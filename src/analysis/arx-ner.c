/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "arx-analyzer"

#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <glib/gi18n.h>

#include "arx-error.h"

#include "arx-ner.h"

/* Model file: "ARXNER02", guint32 buckets, guint32 labels, float scale, then
 * buckets × labels little-endian gint16 weights (quantised averaged structured-perceptron
 * weights; the label transitions are hashed features among them). */
#define MODEL_MAGIC "ARXNER02"
#define MODEL_HEADER 20

ArxNerModel *
arx_ner_model_load (GBytes  *bytes,
                    GError **error)
{
  gsize size;
  const guint8 *data = g_bytes_get_data (bytes, &size);
  guint32 buckets, labels;
  float scale;
  ArxNerModel *model;

  if (size < MODEL_HEADER || memcmp (data, MODEL_MAGIC, 8) != 0)
    {
      g_set_error (error, ARX_ERROR, ARX_ERROR_FAILED, _("not an entity model"));
      return NULL;
    }
  memcpy (&buckets, data + 8, 4);
  memcpy (&labels, data + 12, 4);
  memcpy (&scale, data + 16, 4);
  if (labels != ARX_NER_N_LABELS || buckets == 0 ||
      size != MODEL_HEADER + (gsize) buckets * labels * sizeof (gint16))
    {
      g_set_error (error, ARX_ERROR, ARX_ERROR_FAILED, _("entity model has the wrong size"));
      return NULL;
    }
  model = g_new0 (ArxNerModel, 1);
  model->n_buckets = buckets;
  model->scale = scale;
  model->bytes = g_bytes_ref (bytes);
  model->weights = (const gint16 *) (data + MODEL_HEADER);
  for (guint p = 0; p <= ARX_NER_N_LABELS; p++)
    {
      guint32 f = arx_ner_transition_feature (p, buckets);

      for (guint y = 0; y < ARX_NER_N_LABELS; y++)
        model->trans[p][y] = model->weights[(gsize) f * ARX_NER_N_LABELS + y];
    }
  return model;
}

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

/* Lower case (ASCII), digits folded to 0, curly apostrophe folded to ', so that Reuters'
 * "'s" and news' "’s" are one word. */
static gsize
normalize (const char *w, gsize len, char *out, gsize cap)
{
  gsize o = 0;

  for (gsize i = 0; i < len && o < cap; i++)
    {
      guchar c = w[i];

      if (c == 0xE2 && i + 2 < len && (guchar) w[i + 1] == 0x80 && ((guchar) w[i + 2] == 0x99 || (guchar) w[i + 2] == 0x98))
        {
          out[o++] = '\'';
          i += 2;
        }
      else if (c >= 'A' && c <= 'Z')
        out[o++] = c + 32;
      else if (c >= '0' && c <= '9')
        out[o++] = '0';
      else
        out[o++] = c;
    }
  return o;
}

static gsize
shape (const char *w, gsize len, char *out, gsize cap, guint8 *capflag)
{
  gsize o = 0;
  guint n_upper = 0, n_lower = 0;
  const char *p = w, *end = w + len;

  while (p < end && o < cap)
    {
      gunichar c;
      char s;

      if ((guchar) *p < 128)
        {
          c = (guchar) *p;
          s = g_ascii_isupper (c) ? 'X' : g_ascii_islower (c) ? 'x' : g_ascii_isdigit (c) ? 'd' : (char) c;
          n_upper += s == 'X';
          n_lower += s == 'x';
          if (o < 2 || out[o - 1] != s || out[o - 2] != s)
            out[o++] = s;
          p++;
          continue;
        }
      c = g_utf8_get_char_validated (p, end - p);
      if (c == (gunichar) -1 || c == (gunichar) -2)
        c = (guchar) *p;
      if (g_unichar_isupper (c))
        s = 'X', n_upper++;
      else if (g_unichar_islower (c))
        s = 'x', n_lower++;
      else if (g_unichar_isdigit (c))
        s = 'd';
      else if (c < 128)
        s = (char) c;
      else
        s = '*';
      if (o < 2 || out[o - 1] != s || out[o - 2] != s)
        out[o++] = s;
      p = g_utf8_next_char (p);
    }
  *capflag = n_upper == 0 ? 0 : n_lower == 0 && n_upper > 1 ? 2 : g_unichar_isupper (g_utf8_get_char (w)) ? 1 : 0;
  return o;
}

/* The hashes of a word by itself (ArxNerWord has the same fields). */
static void
prepare_word (const char *word,
              gsize       len,
              ArxNerPrep *p)
{
  char low[64], shp[32];
  gsize ll = normalize (word, len, low, sizeof low);
  gsize sl = shape (word, len, shp, sizeof shp, &p->cap);

  p->lower = fnv (2166136261u, low, ll);
  p->shape = fnv (2166136261u, shp, sl);
  p->word = fnv (2166136261u, word, MIN (len, 64));
  p->pre2 = fnv (1u, low, MIN (ll, 2));
  p->pre3 = fnv (2u, low, MIN (ll, 3));
  p->pre4 = fnv (6u, low, MIN (ll, 4));
  p->suf2 = fnv (3u, low + (ll > 2 ? ll - 2 : 0), MIN (ll, 2));
  p->suf3 = fnv (4u, low + (ll > 3 ? ll - 3 : 0), MIN (ll, 3));
  p->suf4 = fnv (5u, low + (ll > 4 ? ll - 4 : 0), MIN (ll, 4));
}

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
    prepare_word (tok->word, tok->len, p);
  p->gaz = tok->gaz;
  p->gaz_pos = tok->gaz_pos;
  p->gaz_self = tok->gaz_self;
  p->hist = tok->hist;
  p->lc_seen = tok->lc_seen;
  p->cls_small = tok->cls_small;
  p->cls_big = tok->cls_big;
  p->lower_share = tok->lower_share;
}

void
arx_ner_prepare (const ArxNerToken *toks,
                 guint              n,
                 ArxNerPrep        *prep)
{
  for (guint i = 0; i < n; i++)
    prepare_one (&toks[i], &prep[i]);
}

/* ASCII lower-case hash of a word, 0 when the word does not start with a letter. */
static guint32
lower_hash (const char *w, gsize len)
{
  guint32 h = 2166136261u;

  if (len == 0 || !g_ascii_isalpha (w[0]))
    return 0;
  for (gsize i = 0; i < len; i++)
    {
      guint8 c = (guint8) w[i];

      h = (h ^ (c >= 'A' && c <= 'Z' ? c + 32 : c)) * 16777619u;
    }
  return h;
}

static inline guint32
token_lower_hash (const ArxNerToken *t)
{
  return t->info ? t->info->lower_hash : lower_hash (t->word, t->len);
}

void
arx_ner_mark_lower_seen (ArxNerToken *toks,
                         guint        n)
{
  /* a 2^16-bit set of the hashes of lower-case words: false positives are rare at news
   * article sizes, and there is no allocation per word */
  guint64 seen[1024] = { 0 };

  for (guint i = 0; i < n; i++)
    if (toks[i].len > 1 && g_ascii_islower (toks[i].word[0]))
      {
        guint32 h = token_lower_hash (&toks[i]) & 0xffff;

        seen[h >> 6] |= G_GUINT64_CONSTANT (1) << (h & 63);
      }
  for (guint i = 0; i < n; i++)
    {
      toks[i].lc_seen = 0;
      if (toks[i].len > 1 && g_ascii_isupper (toks[i].word[0]))
        {
          guint32 h = token_lower_hash (&toks[i]) & 0xffff;

          toks[i].lc_seen = (seen[h >> 6] >> (h & 63)) & 1;
        }
    }
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

/* The features of token @i that do not depend on the labels: each is scored against all nine
 * labels. The label transitions are features of their own (arx_ner_transition_feature). */
guint
arx_ner_features (const ArxNerPrep *prep,
                  guint             n,
                  guint             i,
                  guint32           n_buckets,
                  guint32          *out)
{
  const ArxNerPrep *t = &prep[i];
  guint32 lm1 = i >= 1 ? prep[i - 1].lower : PAD_BEFORE;
  guint32 lm2 = i >= 2 ? prep[i - 2].lower : PAD_BEFORE;
  guint32 lp1 = i + 1 < n ? prep[i + 1].lower : PAD_AFTER;
  guint32 lp2 = i + 2 < n ? prep[i + 2].lower : PAD_AFTER;
  guint32 sm1 = i >= 1 ? prep[i - 1].shape : PAD_BEFORE;
  guint32 sp1 = i + 1 < n ? prep[i + 1].shape : PAD_AFTER;
  guint32 gm1 = i >= 1 ? prep[i - 1].gaz | prep[i - 1].gaz_self << 8 : 0xffff;
  guint32 gp1 = i + 1 < n ? prep[i + 1].gaz | prep[i + 1].gaz_self << 8 : 0xffff;
  guint32 cap;
  guint k = 0;
  guint caps_near = 0, common_near = 0;
  gboolean all_caps;

  /* headline capitals, judged on the words around (sentences may be split differently at
   * run time than in the training data) */
  for (guint j = i >= 3 ? i - 3 : 0; j < n && j <= i + 3; j++)
    {
      caps_near += j != i && prep[j].cap == 2;
      common_near += j != i && prep[j].cap && prep[j].lower_share >= 3;
    }
  all_caps = t->cap == 2 && caps_near >= 2;
  cap = all_caps ? 7 : t->cap;

#define F(tmpl, a, b) out[k++] = bucket (mix ((tmpl), (a), (b)), n_buckets)
  F (1, 0, 0);
  F (2, t->lower, 0);
  F (3, t->shape, 0);
  F (4, t->pre2, 0);
  F (5, t->pre3, 0);
  F (6, t->suf2, 0);
  F (7, t->suf3, 0);
  F (8, t->suf4, 0);
  F (9, lm1, 0);
  F (10, lp1, 0);
  F (11, lm2, 0);
  F (12, lp2, 0);
  F (13, sm1, t->shape);
  F (14, t->shape, sp1);
  F (18, mix (0, sm1, t->shape), sp1);
  F (19, i == 0, cap);
  F (20, lm1, t->lower);
  F (21, t->lower, lp1);
  F (23, t->gaz | t->gaz_pos << 8, cap);
  F (24, t->gaz_self, cap);
  F (25, gm1, gp1);
  F (26, gm1, t->gaz | t->gaz_self << 8);
  F (27, t->gaz | t->gaz_self << 8, gp1);
  F (29, lm1, t->shape);
  F (30, t->shape, lp1);
  if (all_caps)
    F (31, t->lower, 1);
  else
    F (32, t->word, 0);
  F (33, t->suf3, sp1);
  F (35, t->hist, cap);
  F (36, t->hist, t->lower);
  F (37, t->pre4, 0);
  F (38, t->lc_seen | (i == 0) << 1, cap);
  F (40, t->cls_small, 0);
  F (41, t->cls_big, 0);
  F (42, i >= 1 ? prep[i - 1].cls_small : 0xffff, 0);
  F (43, i + 1 < n ? prep[i + 1].cls_small : 0xffff, 0);
  F (44, t->cls_big, cap);
  /* a capitalised common word ("Pushes"), and how many are around it: a headline in title case */
  F (45, t->lower_share, cap);
  F (46, t->lower_share | MIN (common_near, 3) << 4, cap);
  /* the name this word may be in, whatever its length: its last word ("… Laboratory",
   * "… Records") and the words around it ("the band …", "signed to …", "… founded") */
  if (t->run_where)
    {
      F (50, t->run_head, t->run_where & 7);
      F (51, t->run_head_cls, t->run_where);
      F (52, t->run_before, 0);
      F (53, t->run_before2, t->run_before);
      F (54, t->run_after, 0);
      F (55, t->run_where, cap);
    }
#undef F
  return k;
}

/* The feature whose weights score label y after label @prev (ARX_NER_N_LABELS: the sentence
 * start). */
guint32
arx_ner_transition_feature (guint   prev,
                            guint32 n_buckets)
{
  return mix (15, prev, 0) % n_buckets;
}

gboolean
arx_ner_label_allowed (guint8 prev,
                       guint8 label)
{
  /* I-X continues only an X: B-X or I-X */
  if (label == ARX_NER_O || (label & 1))
    return TRUE;
  return prev == label || prev == label - 1;
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

GHashTable *
arx_ner_history_new (void)
{
  return g_hash_table_new (g_direct_hash, g_direct_equal);
}

void
arx_ner_history_fill (GHashTable        *history,
                      const ArxNerToken *toks,
                      guint              n,
                      ArxNerPrep        *prep)
{
  gboolean empty = g_hash_table_size (history) == 0;

  for (guint i = 0; i < n; i++)
    {
      prep[i].hist = 0;
      if (!empty && toks[i].len > 1 && g_ascii_isupper (toks[i].word[0]))
        prep[i].hist = GPOINTER_TO_UINT (g_hash_table_lookup (history, history_key (&toks[i])));
    }
}

void
arx_ner_history_update (GHashTable        *history,
                        const ArxNerToken *toks,
                        guint              n,
                        const guint8      *labels)
{
  for (guint i = 0; i < n; i++)
    if (labels[i] != ARX_NER_O && toks[i].len > 1 && g_ascii_isupper (toks[i].word[0]))
      g_hash_table_insert (history, history_key (&toks[i]), GUINT_TO_POINTER ((labels[i] + 1) / 2));
}

/* No name starts at the word (whatever the gazetteer says; see plainly_outside). */
static gboolean
word_outside (const char *word,
              gsize       len)
{
  guchar c = len ? (guchar) word[0] : 0;

  if (c >= 'a' && c <= 'z')
    {
      /* particles of names: "al-Assad", "de Blasio", "van Gogh", "bin Laden", "iPhone" */
      static const char *const particles[] = { "al", "el", "de", "da", "di", "du", "van", "von", "bin", "ibn",
                                               "la", "le", "del", "della", "der", "den", "ter", "mc", "e", "i" };
      gsize n = 0;

      while (n < len && g_ascii_isalpha (word[n]) && g_ascii_islower (word[n]))
        n++;
      if (n < len && g_ascii_isupper (word[n]))
        return FALSE;
      if (n > 5 || n == 0)
        return TRUE;
      /* first letters of the particles: most short words ("of", "new", "was") need no compare */
#define BIT(ch) (1u << ((ch) - 'a'))
      if (!((BIT ('a') | BIT ('b') | BIT ('d') | BIT ('e') | BIT ('i') | BIT ('l') | BIT ('m') | BIT ('t') | BIT ('v')) &
            BIT (c)))
        return TRUE;
#undef BIT
      for (guint k = 0; k < G_N_ELEMENTS (particles); k++)
        if (particles[k][0] == word[0] && strncmp (word, particles[k], n) == 0 && particles[k][n] == '\0')
          return FALSE;
      return TRUE;
    }
  /* punctuation and symbols ("&" alone is no name; "AT&T" is one token) */
  return c != 0 && c < 128 && !g_ascii_isalnum (c);
}

static inline gboolean
plainly_outside (const ArxNerToken *t)
{
  if (t->gaz || t->gaz_self)
    return FALSE;
  return t->info ? t->info->outside : word_outside (t->word, t->len);
}

#define MASK_O      (1u << ARX_NER_O)
#define MASK_INSIDE ((1u << ARX_NER_I_PER) | (1u << ARX_NER_I_ORG) | (1u << ARX_NER_I_LOC) | (1u << ARX_NER_I_MISC))
#define MASK_ALL    ((1u << ARX_NER_N_LABELS) - 1)

/* The labels each token may take. A word in lower case (or punctuation) begins no name; a short
 * one may continue a name for up to two words ("Bank of the West", "AT & T"); any other is
 * outside. Most tokens are then outside for certain and are never scored, which is most of the
 * saving over scoring every token. */
void
arx_ner_label_masks (const ArxNerToken *toks,
                     guint              n,
                     guint16           *masks)
{
  guint run = 2;  /* lower-case words since the last word that may begin a name */

  for (guint i = 0; i < n; i++)
    {
      if (!plainly_outside (&toks[i]))
        {
          masks[i] = MASK_ALL;
          run = 0;
        }
      else if (run < 2 && toks[i].len <= 3)
        {
          masks[i] = MASK_O | MASK_INSIDE;
          run++;
        }
      else
        {
          masks[i] = MASK_O;
          run = 2;
        }
    }
}

/* A token that may continue a name but that splits two runs: punctuation other than "&" and
 * an apostrophe ("Paris, France" are two names, "AT & T" one). A short lower-case word does
 * not: a run is the stretch of words the decoder could make one name ("Bank of the West"), so
 * it may be longer than the name ("Records in Leeds"), and its edges are context too. */
static gboolean
run_breaks (const ArxNerToken *t)
{
  guchar c = t->len ? (guchar) t->word[0] : 0;

  return c < 128 && !g_ascii_isalnum (c) && c != '&' && !(c == '\'' && t->len == 1);
}

void
arx_ner_mark_runs (const ArxNerToken *toks,
                   const guint16     *masks,
                   guint              n,
                   ArxNerPrep        *prep)
{
  for (guint i = 0; i < n; i++)
    {
      prep[i].run_head = prep[i].run_before = prep[i].run_before2 = prep[i].run_after = 0;
      prep[i].run_head_cls = 0;
      prep[i].run_where = 0;
    }
  for (guint s = 0; s < n;)
    {
      guint e = s, j;
      guint32 head, before, before2, after;
      guint16 head_cls;

      if (masks[s] != MASK_ALL || run_breaks (&toks[s]))
        {
          s++;
          continue;
        }
      /* the run ends at its last word that may begin a name: "Bank of Canada", not "Bank of" */
      for (j = s + 1; j < n && masks[j] != MASK_O && !run_breaks (&toks[j]); j++)
        if (masks[j] == MASK_ALL)
          e = j;
      head = prep[e].lower;
      head_cls = toks[e].cls_big;
      before = s >= 1 ? prep[s - 1].lower : PAD_BEFORE;
      before2 = s >= 2 ? prep[s - 2].lower : PAD_BEFORE;
      after = e + 1 < n ? prep[e + 1].lower : PAD_AFTER;
      for (guint i = s; i <= e; i++)
        {
          ArxNerPrep *p = &prep[i];
          guint len = e - s + 1;

          p->run_head = head;
          p->run_head_cls = head_cls;
          p->run_before = before;
          p->run_before2 = before2;
          p->run_after = after;
          /* 1 alone, 2 first, 3 inside, 4 last; with the length up to 4 */
          p->run_where = (len == 1 ? 1 : i == s ? 2 : i == e ? 4 : 3) | MIN (len, 4) << 3;
        }
      s = e + 1;
    }
}

/* Best label sequence under the transition scores @trans (row ARX_NER_N_LABELS: the sentence
 * start) and the emission scores @emit (n × ARX_NER_N_LABELS, read only where the mask allows
 * more than O), within @masks and the BIO rule. A token that can only be O costs nothing. */
void
arx_ner_viterbi (const float   *emit,
                 const float    trans[ARX_NER_N_LABELS + 1][ARX_NER_N_LABELS],
                 const guint16 *masks,
                 guint          n,
                 guint8        *labels)
{
  guint8 back_stack[128 * ARX_NER_N_LABELS];
  g_autofree guint8 *back_heap = n > 128 ? g_new (guint8, (gsize) n * ARX_NER_N_LABELS) : NULL;
  guint8 *back = back_heap ? back_heap : back_stack;
  float score[ARX_NER_N_LABELS], next[ARX_NER_N_LABELS];
  guint prev_mask = 0;  /* 0: before the first token */

  for (guint i = 0; i < n; i++)
    {
      guint mask = masks[i];

      if (mask == MASK_O && prev_mask == MASK_O)
        {
          /* the common case: outside after outside */
          back[i * ARX_NER_N_LABELS + ARX_NER_O] = ARX_NER_O;
          score[ARX_NER_O] += trans[ARX_NER_O][ARX_NER_O];
          continue;
        }
      if (prev_mask == MASK_O)
        {
          /* after outside, the next most common case: every label comes from O, and I-X
           * cannot follow it (what the loop below finds, without its search) */
          for (guint y = 0; y < ARX_NER_N_LABELS; y++)
            {
              if (!(mask >> y & 1))
                continue;
              if (y != ARX_NER_O && !(y & 1))
                {
                  mask &= ~(1u << y);
                  continue;
                }
              back[i * ARX_NER_N_LABELS + y] = ARX_NER_O;
              next[y] = (score[ARX_NER_O] + trans[ARX_NER_O][y]) +
                        (mask == MASK_O ? 0 : emit[(gsize) i * ARX_NER_N_LABELS + y]);
            }
          memcpy (score, next, sizeof score);
          prev_mask = mask;
          continue;
        }
      for (guint y = 0; y < ARX_NER_N_LABELS; y++)
        {
          /* I-X follows only B-X or I-X; the sentence start (prev_mask 0) only O or B-X */
          guint from;
          int best;
          float best_s;

          if (!(mask >> y & 1))
            continue;
          from = (y == ARX_NER_O || (y & 1)) ? prev_mask : prev_mask & (3u << (y - 1));
          if (prev_mask == 0 && (y == ARX_NER_O || (y & 1)))
            {
              best = ARX_NER_N_LABELS;
              best_s = trans[ARX_NER_N_LABELS][y];
            }
          else if (from != 0)
            {
              best = __builtin_ctz (from);
              best_s = score[best] + trans[best][y];
              from &= from - 1;
            }
          else
            {
              mask &= ~(1u << y);
              continue;
            }
          /* the first best in label order wins a tie */
          for (; from; from &= from - 1)
            {
              guint p = __builtin_ctz (from);
              float s = score[p] + trans[p][y];

              if (s > best_s)
                best = p, best_s = s;
            }
          back[i * ARX_NER_N_LABELS + y] = best;
          next[y] = best_s + (mask == MASK_O ? 0 : emit[(gsize) i * ARX_NER_N_LABELS + y]);
        }
      memcpy (score, next, sizeof score);
      prev_mask = mask;
    }
  if (n == 0)
    return;
  {
    int best = -1;

    for (guint y = 0; y < ARX_NER_N_LABELS; y++)
      if ((prev_mask >> y & 1) && (best < 0 || score[y] > score[best]))
        best = y;
    for (guint i = n; i-- > 0;)
      {
        labels[i] = best;
        best = back[i * ARX_NER_N_LABELS + best];
      }
  }
}

/* The emission scores of one token: the sum of its features' weight rows. Built twice, for
 * processors with AVX2 (eight 16-bit weights widened in one instruction) and for any x86-64;
 * integer sums, so both give the same scores. */
#if defined(__x86_64__) && defined(__GNUC__) && !defined(__clang__)
__attribute__ ((target_clones ("avx2", "default")))
#endif
static void
sum_rows (const gint16  *weights,
          const guint32 *feats,
          guint          k,
          float         *e)
{
  /* eight labels in one vector, the ninth apart: rows are 18 bytes, unaligned */
  typedef gint16 v8h __attribute__ ((vector_size (16)));
  typedef gint32 v8i __attribute__ ((vector_size (32)));
  v8i acc = { 0 };
  int last = 0;

  /* the rows are scattered over a few megabytes: ask for all of them before adding */
  for (guint f = 0; f < k; f++)
    __builtin_prefetch (weights + (gsize) feats[f] * ARX_NER_N_LABELS);
  for (guint f = 0; f < k; f++)
    {
      const gint16 *w = weights + (gsize) feats[f] * ARX_NER_N_LABELS;
      v8h row;

      memcpy (&row, w, sizeof row);
      acc += __builtin_convertvector (row, v8i);
      last += w[8];
    }
  for (guint l = 0; l < 8; l++)
    e[l] = acc[l];
  e[8] = last;
}

/* Tags one sentence; @history (may be NULL) carries what earlier sentences of the document were
 * tagged with and is updated with this one. */
void
arx_ner_tag (const ArxNerModel *model,
             const ArxNerToken *toks,
             guint              n,
             GHashTable        *history,
             guint8            *labels)
{
  ArxNerPrep prep_stack[128];
  guint8 ready_stack[128] = { 0 };
  guint16 mask_stack[128];
  float emit_stack[128 * ARX_NER_N_LABELS];
  gboolean big = n > 128;
  g_autofree ArxNerPrep *prep_heap = big ? g_new (ArxNerPrep, n) : NULL;
  g_autofree guint8 *ready_heap = big ? g_new0 (guint8, n) : NULL;
  g_autofree guint16 *mask_heap = big ? g_new (guint16, n) : NULL;
  g_autofree float *emit_heap = big ? g_new (float, (gsize) n * ARX_NER_N_LABELS) : NULL;
  ArxNerPrep *prep = big ? prep_heap : prep_stack;
  guint8 *ready = big ? ready_heap : ready_stack;
  guint16 *masks = big ? mask_heap : mask_stack;
  float *emit = big ? emit_heap : emit_stack;
  guint32 feats[ARX_NER_MAX_FEATURES];
  gboolean no_history = history == NULL || g_hash_table_size (history) == 0;

  G_STATIC_ASSERT (ARX_NER_N_LABELS == 9);
  arx_ner_label_masks (toks, n, masks);
  /* the per-word hashes are made only for scored words and the ±3 words they look at (most
   * words are never scored, nor next to one) */
  for (guint i = 0; i < n; i++)
    if (masks[i] != MASK_O)
      for (guint j = i >= 3 ? i - 3 : 0; j < n && j <= i + 3; j++)
        if (!ready[j])
          {
            prepare_one (&toks[j], &prep[j]);
            prep[j].hist = 0;
            if (!no_history && toks[j].len > 1 && g_ascii_isupper (toks[j].word[0]))
              prep[j].hist = GPOINTER_TO_UINT (g_hash_table_lookup (history, history_key (&toks[j])));
            ready[j] = 1;
          }
  arx_ner_mark_runs (toks, masks, n, prep);
  for (guint i = 0; i < n; i++)
    {
      guint k;

      if (masks[i] == MASK_O)
        continue;
      k = arx_ner_features (prep, n, i, model->n_buckets, feats);

      sum_rows (model->weights, feats, k, emit + (gsize) i * ARX_NER_N_LABELS);
    }
  arx_ner_viterbi (emit, model->trans, masks, n, labels);
  if (history)
    arx_ner_history_update (history, toks, n, labels);
}

static gsize
lower_word (const char *w, gsize len, char *out, gsize cap)
{
  gsize o = 0;

  for (gsize i = 0; i < len && o < cap; i++)
    {
      guchar c = w[i];

      if (c == 0xE2 && i + 2 < len && (guchar) w[i + 1] == 0x80 && (guchar) w[i + 2] == 0x99)
        {
          out[o++] = '\'';
          i += 2;
        }
      else
        out[o++] = (c >= 'A' && c <= 'Z') ? c + 32 : c;
    }
  return o;
}

/* The packed classes of a word (digits as 0; ArxLexicon.clusters), or 0; with @fold, of its
 * lower-case form. A word in capitals is looked up as it would be written in a sentence
 * ("LEICESTERSHIRE" as "Leicestershire"). */
static guint
cluster_lookup (GHashTable *clusters, const char *w, gsize len, gboolean fold)
{
  char buf[64];
  gboolean upper = len > 1;
  gpointer v;

  if (len == 0 || len >= sizeof buf)
    return 0;
  for (gsize i = 0; i < len; i++)
    {
      buf[i] = g_ascii_isdigit (w[i]) ? '0' : fold ? g_ascii_tolower (w[i]) : w[i];
      upper &= !g_ascii_islower (w[i]);
    }
  buf[len] = '\0';
  v = g_hash_table_lookup (clusters, buf);
  if (v == NULL && upper && !fold)
    {
      for (gsize i = 1; i < len; i++)
        buf[i] = g_ascii_tolower (buf[i]);
      v = g_hash_table_lookup (clusters, buf);
    }
  return GPOINTER_TO_UINT (v);
}

/* The classes of a word as written and, for a capitalised one, of its lower-case form */
static void
word_clusters (GHashTable *clusters,
               const char *word,
               gsize       len,
               guint      *cls,
               guint      *cls_lower)
{
  *cls = *cls_lower = 0;
  if (clusters == NULL)
    return;
  *cls = *cls_lower = cluster_lookup (clusters, word, len, FALSE);
  if (len > 0 && g_ascii_isupper (word[0]))
    *cls_lower = cluster_lookup (clusters, word, len, TRUE);
}

/* Word classes and the lower-case share for the tokens the features look at: a token that is
 * not plainly outside a name and its two neighbours (most tokens are neither). */
static void
mark_clusters (GHashTable        *clusters,
               ArxNerToken       *toks,
               guint              n)
{
  guint last_open = G_MAXUINT;  /* index of the last token that may be in a name */

  for (guint i = 0; i < n; i++)
    toks[i].cls_small = toks[i].cls_big = toks[i].lower_share = 0;
  if (clusters == NULL || g_hash_table_size (clusters) == 0)
    return;
  for (guint i = 0; i < n; i++)
    if (!plainly_outside (&toks[i]))
      {
        guint from = i >= 1 ? i - 1 : 0;

        if (last_open != G_MAXUINT && last_open + 2 > from)
          from = last_open + 2;
        for (guint j = from; j < n && j <= i + 1; j++)
          {
            guint v, low;

            if (toks[j].info)
              {
                v = toks[j].info->cls;
                low = toks[j].info->cls_lower;
              }
            else
              word_clusters (clusters, toks[j].word, toks[j].len, &v, &low);
            toks[j].cls_small = v & 0xff;
            toks[j].cls_big = (v >> 8) & 0xfff;
            toks[j].lower_share = (low >> 20) & 0xf;
          }
        last_open = i;
      }
}

/* ArxGazBits of a word alone: a title, a first name, an organisation suffix. */
static guint8
word_gaz_self (const ArxLexicon *lex,
               const char       *word,
               gsize             len)
{
  char buf[256];
  gsize l;
  guint8 self = 0;

  /* titles, first names and suffixes all start with a letter: punctuation and numbers
   * (a third of the tokens) need no look-up */
  if (len == 0 || !g_ascii_isalpha (word[0]))
    return 0;
  l = lower_word (word, len, buf, sizeof buf - 1);
  if (l > 1 && buf[l - 1] == '.')
    l--;
  buf[l] = '\0';
  if (buf[0] >= 'a' && buf[0] <= 'z' && (lex->title_lens[buf[0] - 'a'] & (1u << MIN (l, 31))) &&
      g_hash_table_contains (lex->titles, buf))
    self |= ARX_GAZ_TITLE;
  if (len > 1 && g_ascii_isupper (word[0]))
    {
      if (g_hash_table_contains (lex->first_names, buf))
        self |= ARX_GAZ_FIRST;
      if (arx_lexicon_lookup_char (lex->org_suffixes, word, len))
        self |= ARX_GAZ_ORGSUF;
    }
  return self;
}

/* The gazetteer entry of a word as a phrase of one word (ArxNerWord.gaz_first). */
static guint
word_gaz_first (const ArxLexicon *lex,
                const char       *word,
                gsize             len)
{
  char buf[256];
  gsize l = lower_word (word, len, buf, sizeof buf - 1);
  gpointer v;

  if (l >= sizeof buf - 2)
    return 0;
  buf[l] = '\0';
  if (!g_hash_table_lookup_extended (lex->gazetteer, buf, NULL, &v))
    return 0;
  return GPOINTER_TO_UINT (v) | ARX_NER_GAZ_FOUND;
}

void
arx_ner_word_init (const ArxLexicon *lex,
                   const char       *word,
                   gsize             len,
                   ArxNerWord       *out)
{
  ArxNerPrep p;
  guint cls, cls_lower;

  prepare_word (word, len, &p);
  out->lower = p.lower;
  out->shape = p.shape;
  out->word = p.word;
  out->pre2 = p.pre2;
  out->pre3 = p.pre3;
  out->pre4 = p.pre4;
  out->suf2 = p.suf2;
  out->suf3 = p.suf3;
  out->suf4 = p.suf4;
  out->cap = p.cap;
  out->lower_hash = lower_hash (word, len);
  word_clusters (lex->clusters, word, len, &cls, &cls_lower);
  out->cls = cls;
  out->cls_lower = cls_lower;
  out->gaz_first = word_gaz_first (lex, word, len);
  out->gaz_self = word_gaz_self (lex, word, len);
  out->outside = word_outside (word, len);
}

/* Marks every token with the kinds of the longest gazetteer phrase that covers it, and with
 * the single-word lists (first names, titles, organisation suffixes). */
void
arx_ner_mark_gazetteer (const ArxLexicon *lex,
                        ArxNerToken      *toks,
                        guint             n)
{
  char buf[256];

  for (guint i = 0; i < n; i++)
    {
      toks[i].gaz = toks[i].gaz_pos = 0;
      toks[i].gaz_self = toks[i].info ? toks[i].info->gaz_self : word_gaz_self (lex, toks[i].word, toks[i].len);
    }
  for (guint i = 0; i < n;)
    {
      guint best_len = 0, best_bits = 0;
      gsize l = 0;
      guint w = 0;

      /* the phrase of one word, known in advance: most words start none */
      if (toks[i].info && toks[i].len > 0 && (g_ascii_isupper (toks[i].word[0]) || (guchar) toks[i].word[0] >= 0xC0))
        {
          guint v = toks[i].info->gaz_first;

          if (v & ~(ARX_GAZ_PREFIX | ARX_NER_GAZ_FOUND))
            {
              best_len = 1;
              best_bits = v & ~(ARX_GAZ_PREFIX | ARX_NER_GAZ_FOUND);
            }
          if (v & ARX_GAZ_PREFIX)
            {
              l = lower_word (toks[i].word, toks[i].len, buf, sizeof buf - 1);
              w = 1;
            }
          else
            w = G_MAXUINT;
        }
      /* only phrases that start with a capital letter or digit: "turkey" is not Turkey */
      if (toks[i].len > 0 && (g_ascii_isupper (toks[i].word[0]) || (guchar) toks[i].word[0] >= 0xC0))
        for (; w < lex->gaz_max_words && i + w < n; w++)
          {
            if (w > 0)
              buf[l++] = ' ';
            l += lower_word (toks[i + w].word, toks[i + w].len, buf + l, sizeof buf - 1 - l);
            if (l >= sizeof buf - 2)
              break;
            buf[l] = '\0';
            {
              gpointer v;

              if (!g_hash_table_lookup_extended (lex->gazetteer, buf, NULL, &v))
                break;
              if (GPOINTER_TO_UINT (v) & ~ARX_GAZ_PREFIX)
                {
                  best_len = w + 1;
                  best_bits = GPOINTER_TO_UINT (v) & ~ARX_GAZ_PREFIX;
                }
              if (!(GPOINTER_TO_UINT (v) & ARX_GAZ_PREFIX))
                break;
            }
          }
      if (best_len == 0)
        {
          i++;
          continue;
        }
      for (guint k = 0; k < best_len; k++)
        {
          toks[i + k].gaz = best_bits;
          toks[i + k].gaz_pos = k == 0 ? 1 : 2;
        }
      i += best_len;
    }
  mark_clusters (lex->clusters, toks, n);
}
