/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "arx-analyzer"

#include "config.h"

#include <string.h>

#include "arx-attribution.h"

/* The subject of a clause: what stands before its verb once a dateline ("BUFFALO, N.Y. —"), a
 * fronted adverbial ("Hours before the game,", "In a statement,") and the apposition after a
 * name ("Prince Andrew, the Queen's son, told …") are set aside. News puts the speaker there;
 * the nearest name is often a modifier or a place instead. */

/* Words that open an adverbial clause or phrase put before the subject. */
static const char *const adverbial_openers[] = {
  "after", "before", "when", "while", "as", "although", "though", "because", "since", "despite",
  "during", "if", "unless", "once", "until", "following", "amid", "like", "unlike", "with",
  "without", "under", "over", "in", "on", "at", "by", "for", "from", "among", "earlier", "later",
  "meanwhile", "however", "still", "yet", "instead", "now", "then", "today", "yesterday", "last",
  "this", "speaking", "asked", "according", "to", "but", "and", "so", "also", "separately",
  "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "in", "throughout",
  "across", "within", "outside", "inside", "behind", "beyond", "near", "for", "of", NULL
};

/* "Hours before the game,", "Days later,": a measure of time, then the adverb. */
static const char *const time_relations[] = { "before", "after", "later", "earlier", "ago", NULL };

/* Verbs and auxiliaries that end a subject noun phrase even without a cue. */
static const char *const finite_verbs[] = {
  "is", "was", "are", "were", "has", "had", "have", "will", "would", "could", "can", "should",
  "may", "might", "must", "did", "does", "do", "said", "says", "told", "went", "made", "took",
  "gave", "got", "came", "saw", "spoke", "wrote", "met", "led", "left", "sent", "won", "lost",
  "held", "kept", "ran", "began", "became", "called", "wants", "wanted", "seems", "appeared",
  NULL
};

static gboolean
is_dash (const ArxDoc *doc, guint i)
{
  const ArxToken *t = ARX_DOC_TOK (doc, i);
  gunichar c;

  if (!(t->flags & ARX_TOK_PUNCT))
    return FALSE;
  c = g_utf8_get_char (doc->text + t->start);
  return c == 0x2014 || c == 0x2013 || (c == '-' && t->end - t->start == 1);
}

/* "… the plan is dead — a senior official said": a dash set apart by spaces (not the hyphen of
 * "Anglo-Saxon") that ends what is reported as a comma would, outside a dateline. */
gboolean
arx_attr_is_aside_dash (const ArxDoc *doc, guint i)
{
  const ArxToken *t = ARX_DOC_TOK (doc, i);
  gunichar c;

  if (!(t->flags & ARX_TOK_PUNCT) || t->start == 0 || doc->text[t->start - 1] != ' ')
    return FALSE;
  c = g_utf8_get_char (doc->text + t->start);
  return (c == 0x2014 || c == 0x2013) && !arx_attr_in_dateline (doc, i);
}

/* "New York, NY –", "Los Angeles, Calif. (AP) —": a dateline written in title case, at the
 * start of a paragraph: a place, then only capitalised words, abbreviations, commas and a
 * bracketed agency, then a dash with a space before it (not "Anglo-Saxon"). The place must be
 * one (a location name or a place of the gazetteer), so "Acme Robotics – a maker of …" is
 * not a dateline. The first token after it, or @i. */
static guint
skip_title_case_dateline (const ArxDoc *doc, guint i, guint limit)
{
  const ArxToken *t = ARX_DOC_TOK (doc, i);
  gboolean place = (t->gaz & ARX_GAZ_LOC) != 0 ||
                   (t->mention >= 0 && ARX_DOC_MENTION (doc, t->mention)->kind == ARX_ENTITY_LOCATION);

  if (!(t->flags & ARX_TOK_PARA_START) || !(t->flags & ARX_TOK_CAP) || !place)
    return i;
  for (guint k = i + 1; k < limit && k < i + 9; k++)
    {
      const ArxToken *u = ARX_DOC_TOK (doc, k);

      if (is_dash (doc, k))
        return k > i && ARX_DOC_TOK (doc, k - 1)->end < u->start && k + 1 < limit ? k + 1 : i;
      if (u->flags & (ARX_TOK_QUOTE | ARX_TOK_IN_QUOTE))
        return i;
      if (u->flags & ARX_TOK_WORD)
        {
          if (!(u->flags & (ARX_TOK_CAP | ARX_TOK_UPPER)))
            return i;
          continue;
        }
      if (!arx_attr_tok_char (doc, k, ',') && !arx_attr_tok_char (doc, k, '.') &&
          !arx_attr_tok_char (doc, k, '(') && !arx_attr_tok_char (doc, k, ')'))
        return i;
    }
  return i;
}

/* "BUFFALO, N.Y. —", "(Reuters) —", "WASHINGTON (AP) —": the first token after a dateline. */
guint
arx_attr_skip_dateline (const ArxDoc *doc, guint i, guint limit)
{
  const ArxToken *t = ARX_DOC_TOK (doc, i);
  guint k;

  if (!(t->flags & ARX_TOK_UPPER) && !arx_attr_tok_char (doc, i, '('))
    return skip_title_case_dateline (doc, i, limit);
  for (k = i; k < limit && k < i + 10; k++)
    {
      const ArxToken *u = ARX_DOC_TOK (doc, k);

      if (is_dash (doc, k))
        return k + 1;
      if ((u->flags & ARX_TOK_WORD) && !(u->flags & (ARX_TOK_UPPER | ARX_TOK_CAP)))
        return i;
      if ((u->flags & ARX_TOK_QUOTE) || (u->flags & ARX_TOK_IN_QUOTE))
        return i;
    }
  return i;
}

/* Is token @i part of the dateline that opens its paragraph? Names there ("LONDON (AP) —",
 * "New York, NY –") say where the story was filed and by whom, never who speaks in it. */
gboolean
arx_attr_in_dateline (const ArxDoc *doc, guint i)
{
  guint p = i, para = ARX_DOC_TOK (doc, i)->paragraph;

  while (p > 0 && i - p < 12 && !(ARX_DOC_TOK (doc, p)->flags & ARX_TOK_PARA_START) &&
         ARX_DOC_TOK (doc, p - 1)->paragraph == para)
    p--;
  if (!(ARX_DOC_TOK (doc, p)->flags & ARX_TOK_PARA_START))
    return FALSE;
  return i < arx_attr_skip_dateline (doc, p, MIN (doc->tokens->len, p + 14));
}

static gboolean
lower_word (const ArxDoc *doc, guint i)
{
  const ArxToken *t = ARX_DOC_TOK (doc, i);

  return (t->flags & ARX_TOK_WORD) && !(t->flags & ARX_TOK_CAP);
}

/* Is [a, comma) an adverbial put before the subject? */
gboolean
arx_attr_is_fronted_adverbial (const ArxDoc *doc, guint a, guint comma)
{
  const ArxToken *t = ARX_DOC_TOK (doc, a);
  gsize len = t->end - t->start;

  if (comma <= a || comma - a > 25)
    return FALSE;
  if (arx_attr_token_in_list (doc, a, adverbial_openers))
    return TRUE;
  if (a + 1 < comma && arx_attr_token_in_list (doc, a + 1, time_relations))
    return TRUE;
  /* "Speaking to reporters,", "Asked about the deal,": a participle opens it */
  if ((t->flags & ARX_TOK_WORD) && len > 4 &&
      (g_str_has_prefix (doc->text + t->end - 3, "ing") || g_str_has_prefix (doc->text + t->end - 2, "ed")) &&
      t->mention < 0)
    return TRUE;
  return FALSE;
}

/* Does a finite verb (or a cue) stand at @i, ending a subject noun phrase before it? */
gboolean
arx_attr_ends_subject (const ArxDoc *doc, guint i)
{
  const ArxToken *t = ARX_DOC_TOK (doc, i);
  const char *w = doc->text + t->start;
  gsize len = t->end - t->start;

  if (!lower_word (doc, i) || t->mention >= 0)
    return FALSE;
  if (arx_attr_cue_class (doc, i) || arx_attr_token_in_list (doc, i, finite_verbs) ||
      arx_token_is_ci (doc, i, "who") || arx_token_is_ci (doc, i, "which") || arx_token_is_ci (doc, i, "that"))
    return TRUE;
  /* "expressed", "decided": a past form after a noun; "the reported case" keeps its adjective */
  if (len > 4 && w[len - 2] == 'e' && w[len - 1] == 'd' && i > 0 &&
      !arx_token_is_ci (doc, i - 1, "the") && !arx_token_is_ci (doc, i - 1, "a") &&
      !arx_token_is_ci (doc, i - 1, "an") && !arx_token_is_preposition (doc, i - 1))
    return TRUE;
  return FALSE;
}

/* Words that open an adjunct after a cue: "said while visiting …", "said, ever since …",
 * "said, adding …" (a participle). */
gboolean
arx_attr_is_subordinator (const ArxDoc *doc, guint i)
{
  static const char *const openers[] = {
    "while", "as", "when", "after", "before", "during", "following", "ever", "since", "because",
    "although", "though", "in", "at", "on", "via", "through", "later", "earlier", NULL
  };

  return arx_attr_token_in_list (doc, i, openers);
}

gboolean
arx_attr_is_adjunct_opener (const ArxDoc *doc, guint i)
{
  const ArxToken *t = ARX_DOC_TOK (doc, i);
  gsize len = t->end - t->start;

  if (arx_attr_is_subordinator (doc, i) || arx_attr_tok_char (doc, i, ','))
    return TRUE;
  return lower_word (doc, i) && len > 4 && g_str_has_prefix (doc->text + t->end - 3, "ing");
}

/* An adverb in -ly ("blankly", "openly") between a subject and its verb. */
gboolean
arx_attr_is_ly_adverb (const ArxDoc *doc, guint i)
{
  static const char *const not_adverbs[] = {
    "family", "rally", "ally", "daily", "assembly", "supply", "monopoly", "anomaly", "bully",
    "folly", "tally", "belly", "jelly", "lily", "holy", "ugly", "weekly", "monthly", "early",
    "elderly", "likely", "only", "reply", NULL
  };
  const ArxToken *t = ARX_DOC_TOK (doc, i);
  gsize len = t->end - t->start;

  return lower_word (doc, i) && len > 4 && doc->text[t->end - 2] == 'l' && doc->text[t->end - 1] == 'y' &&
         !arx_attr_token_in_list (doc, i, not_adverbs);
}

/* The subject noun phrase [*np_a, *np_b) of the clause that opens at @s0, looking no further
 * than @limit (the cue, usually). */
gboolean
arx_attr_subject_np (const ArxDoc *doc, guint s0, guint limit, guint *np_a, guint *np_b)
{
  guint i = s0, b;

  /* a quotation that opens the sentence is what was said, never who said it */
  while (i < limit && (!(ARX_DOC_TOK (doc, i)->flags & (ARX_TOK_WORD | ARX_TOK_NUMBER)) ||
                       (ARX_DOC_TOK (doc, i)->flags & ARX_TOK_IN_QUOTE)))
    i++;
  if (i >= limit)
    return FALSE;
  i = arx_attr_skip_dateline (doc, i, limit);
  /* at most two fronted adverbials ("On Tuesday, in a statement, …") */
  for (guint n = 0; n < 2 && i < limit; n++)
    {
      guint c;

      for (c = i; c < limit && !arx_attr_tok_char (doc, c, ','); c++)
        if (arx_attr_ends_subject (doc, c) && !arx_attr_token_in_list (doc, c, adverbial_openers))
          break;
      if (c >= limit || !arx_attr_tok_char (doc, c, ',') || !arx_attr_is_fronted_adverbial (doc, i, c))
        break;
      i = c + 1;
    }
  if (i >= limit)
    return FALSE;
  if (arx_token_is_ci (doc, i, "and") || arx_token_is_ci (doc, i, "but") || arx_token_is_ci (doc, i, "so"))
    i++;
  for (b = i; b < limit && b < i + 14; b++)
    {
      const ArxToken *t = ARX_DOC_TOK (doc, b);

      if (t->mention >= 0)
        {
          b = MAX (b, ARX_DOC_MENTION (doc, t->mention)->tok_end - 1);
          continue;
        }
      if (arx_attr_tok_char (doc, b, '('))
        {
          /* "Sen. David Perdue (R-Ga.) said" */
          guint k = b + 1;

          while (k < limit && k < b + 8 && !arx_attr_tok_char (doc, k, ')'))
            k++;
          if (k >= limit || !arx_attr_tok_char (doc, k, ')'))
            break;
          b = k;
          continue;
        }
      if (t->flags & ARX_TOK_POSS)
        continue;
      if (!(t->flags & (ARX_TOK_WORD | ARX_TOK_NUMBER)) && !is_dash (doc, b))
        break;
      if (is_dash (doc, b) && b > i && !(ARX_DOC_TOK (doc, b - 1)->end == t->start))
        break;
      if (b > i && (arx_attr_ends_subject (doc, b) || arx_attr_is_ly_adverb (doc, b)))
        break;
    }
  /* trailing adverbs and auxiliaries are not part of it */
  while (b > i && (arx_token_is_skip_word (doc, b - 1) || arx_attr_is_ly_adverb (doc, b - 1)))
    b--;
  if (b <= i)
    return FALSE;
  *np_a = i;
  *np_b = b;
  return TRUE;
}
