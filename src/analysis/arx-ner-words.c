/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "arx-analyzer"

#include "config.h"

#include <string.h>

#include "arx-ner-private.h"

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

  _arx_ner_prepare_word (word, len, &p);
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
  out->lower_hash = _arx_ner_lower_hash (word, len);
  word_clusters (lex->clusters, word, len, &cls, &cls_lower);
  out->cls = cls;
  out->cls_lower = cls_lower;
  out->gaz_first = word_gaz_first (lex, word, len);
  out->gaz_self = word_gaz_self (lex, word, len);
  out->outside = _arx_ner_word_outside (word, len);
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
