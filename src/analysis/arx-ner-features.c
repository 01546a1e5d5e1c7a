/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "arx-analyzer"

#include "config.h"

#include <string.h>

#include "arx-ner-private.h"

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

void
_arx_ner_prepare_word (const char *word,
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

void
arx_ner_prepare (const ArxNerToken *toks,
                 guint              n,
                 ArxNerPrep        *prep)
{
  for (guint i = 0; i < n; i++)
    prepare_one (&toks[i], &prep[i]);
}

guint32
_arx_ner_lower_hash (const char *w, gsize len)
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
  return t->info ? t->info->lower_hash : _arx_ner_lower_hash (t->word, t->len);
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
