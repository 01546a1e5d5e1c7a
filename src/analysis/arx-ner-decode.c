/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "arx-analyzer"

#include "config.h"

#include <string.h>

#include "arx-ner-private.h"

gboolean
arx_ner_label_allowed (guint8 prev,
                       guint8 label)
{
  /* I-X continues only an X: B-X or I-X */
  if (label == ARX_NER_O || (label & 1))
    return TRUE;
  return prev == label || prev == label - 1;
}

gboolean
_arx_ner_word_outside (const char *word,
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
