/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "arx-analyzer"

#include "config.h"

#include <string.h>

#include "arx-attribution.h"

/* The attribution patterns around one cue (after its content, before it, "according to") and
 * transcript labels; the quotations no cue claimed are in arx-attribution-leftover.c. */

static gboolean
is_ing (const ArxDoc *doc, guint i)
{
  const ArxToken *t = ARX_DOC_TOK (doc, i);

  return (t->flags & ARX_TOK_WORD) && t->end - t->start > 4 && memcmp (doc->text + t->end - 3, "ing", 3) == 0;
}

/* A subject may start at @i: a determiner, a pronoun or a name. */
static gboolean
starts_clause_subject (const ArxDoc *doc, guint i)
{
  static const char *const subjects[] = { "the", "a", "an", "he", "she", "they", "it", "we", "i", "you", "his", "her",
                                          "their", "its", "this", "these", "those", "there", NULL };

  return arx_attr_token_in_list (doc, i, subjects) || ARX_DOC_TOK (doc, i)->mention >= 0;
}

/* "recorded" in "a recorded interview": a participle right before a lower-case noun (not
 * before an object's determiner or pronoun, a preposition or punctuation) */
static gboolean
modifies_next_noun (const ArxDoc *doc, guint v)
{
  static const char *const openers[] = { "the", "a", "an", "his", "her", "their", "its", "our", "my", "this", "that",
                                         "him", "them", "it", "me", "us", "you", "back", "out", "up", "down", "off", NULL };
  const ArxToken *n;

  if (v + 1 >= doc->tokens->len)
    return FALSE;
  n = ARX_DOC_TOK (doc, v + 1);
  return (n->flags & ARX_TOK_WORD) && !(n->flags & ARX_TOK_CAP) && n->mention < 0 &&
         !arx_token_is_preposition (doc, v + 1) && !arx_attr_token_in_list (doc, v + 1, openers) &&
         !arx_attr_is_ly_adverb (doc, v + 1) && !arx_token_is_clause_verb (doc, v + 1);
}

gboolean
arx_attr_try_trailing (ArxAttrCtx *ctx, guint s0, guint s1, guint cue)
{
  ArxDoc *doc = ctx->base.doc;
  guint j = cue, k, sep, tail_end = s1, content_start;
  ArxSpeaker speaker = { -1, NULL, -1, -1, NULL, 0 };
  gboolean ok, after_quote, inverted = FALSE;

  while (j > s0 && arx_token_is_skip_word (doc, j - 1))
    {
      /* "…, Trump will insist on being Trump": after what it reports, a cue in the future or
       * a modal reports nothing said */
      if (arx_token_is_ci (doc, j - 1, "will") || arx_token_is_ci (doc, j - 1, "may") ||
          arx_token_is_ci (doc, j - 1, "might"))
        return FALSE;
      j--;
    }
  if (j > s0 && (arx_token_is_ci (doc, j - 1, "should") || arx_token_is_ci (doc, j - 1, "must") ||
                 arx_token_is_ci (doc, j - 1, "shall")))
    return FALSE;
  /* "…, a second person briefed on the call said": up to 16 words of subject */
  for (k = j; k > s0 && j - k < 16; k--)
    {
      guint p = k - 1;

      if (arx_attr_tok_char (doc, p, ',') || ctx->qclose[p] >= 0 || arx_attr_is_aside_dash (doc, p))
        break;
      if (!(ARX_DOC_TOK (doc, p)->flags & (ARX_TOK_WORD | ARX_TOK_NUMBER)) && !arx_attr_tok_char (doc, p, '.') &&
          !arx_attr_tok_char (doc, p, '(') && !arx_attr_tok_char (doc, p, ')') && !arx_attr_tok_char (doc, p, '-'))
        return FALSE;
      if (arx_token_is (doc, p, "that") || arx_attr_cue_class (doc, p))
        return FALSE;
    }
  if (k == s0 || (k < j && !arx_attr_tok_char (doc, k - 1, ',') && ctx->qclose[k - 1] < 0 &&
                  !arx_attr_is_aside_dash (doc, k - 1)))
    return FALSE;
  sep = k - 1;
  /* "The candidates — current and former — must file reports": a dash that closes a pair
   * sets off an aside, not what is reported */
  if (arx_attr_is_aside_dash (doc, sep))
    for (guint d = s0; d < sep; d++)
      if (arx_attr_is_aside_dash (doc, d))
        return FALSE;
  /* the tail after the cue is short and introduces nothing */
  while (tail_end > cue + 1 && arx_attr_is_end_punct (doc, tail_end - 1))
    tail_end--;
  after_quote = ctx->qclose[sep] >= 0 || (sep > s0 && ctx->qclose[sep - 1] >= 0);
  if (after_quote && arx_attr_quote_is_noun_phrase (ctx, ctx->qclose[sep] >= 0 ? ctx->qclose[sep] : ctx->qclose[sep - 1], TRUE))
    return FALSE;
  /* "…, said The We Company’s executive chair Marcelo Claure in an email to staff that …": the
   * speaker named after the cue, then only adjuncts */
  if (k == j && arx_attr_cue_class (doc, cue) == 'S' && !arx_attr_is_tell_verb (doc, cue) &&
      arx_speaker_after_cue (&ctx->base, cue + 1, MIN (s1, cue + 16), &speaker))
    {
      guint e = arx_doc_token_at (doc, speaker.m_end);
      gboolean verb = FALSE;

      /* "said the union expected production to …" is a clause, not a speaker ("said the
       * company’s recently named chair Maria Lopez": a participle after an adverb in -ly
       * describes the speaker) */
      for (guint v = cue + 1; v < e && !verb; v++)
        verb = arx_attr_ends_subject (doc, v) && !arx_attr_is_ly_adverb (doc, v - 1);
      if (!verb && (e >= tail_end || arx_attr_tok_char (doc, e, ',') || arx_token_is_preposition (doc, e)))
        {
          inverted = TRUE;
          tail_end = MIN (tail_end, e);
        }
      else
        arx_speaker_clear (&speaker);
    }
  for (guint t = cue + 1; t < s1; t++)
    {
      /* a quotation after the cue belongs to it, unless the content before was one too:
       * "…,” he said, “…”" */
      /* (past the tail's comma, a quotation not right after a comma or colon belongs to a later
       * clause: "…, Mayer said, and “patched” the software") */
      if (ctx->qopen[t] >= 0 && !(after_quote && arx_attr_tok_char (doc, t - 1, ',')) &&
          !(t > tail_end && !arx_attr_tok_char (doc, t - 1, ',') && !arx_attr_tok_char (doc, t - 1, ':')))
        {
          /* "…,” he said on “Meet the Press.”", "…,” she said, adding that it is “…”": after
           * a quotation, a title in an adjunct or a quotation past the tail's comma is not
           * what the cue introduces */
          if (!(after_quote && t > cue + 1 &&
                (t >= tail_end || arx_token_is_preposition (doc, t - 1) ||
                 (ARX_DOC_TOK (doc, t - 1)->flags & ARX_TOK_POSS))))
            return FALSE;
          t = ctx->qtok[2 * ctx->qopen[t] + 1];
          continue;
        }
      if (t >= tail_end)
        continue;
      /* "…,” he said, adding that …", "…, Benioff said, ever since …": the tail ends at the comma */
      if (arx_attr_tok_char (doc, t, ','))
        {
          tail_end = t;
          continue;
        }
      if (arx_token_is (doc, t, "that") || arx_attr_tok_char (doc, t, ':'))
        return FALSE;
    }
  /* "…,” Clinton said on Thursday during a speech at …" */
  if (!inverted && tail_end - cue > (after_quote ? 25u : 10u))
    return FALSE;
  /* "…, she joked about moving": without a quotation before, what follows the cue must be
   * an adjunct ("while visiting …"), an addressee or nothing */
  if (!after_quote && !inverted && tail_end > cue + 1 && !arx_token_is_preposition (doc, cue + 1) &&
      !arx_token_is_skip_word (doc, cue + 1) && !arx_attr_is_tell_verb (doc, cue) &&
      ARX_DOC_TOK (doc, cue + 1)->mention < 0 && !(ARX_DOC_TOK (doc, cue + 1)->flags & ARX_TOK_CAP) &&
      !arx_attr_is_adjunct_opener (doc, cue + 1))
    return FALSE;
  if (!after_quote && tail_end > cue + 1 && (arx_token_is_ci (doc, cue + 1, "about") || arx_token_is_ci (doc, cue + 1, "of")))
    return FALSE;
  if (k == j && sep > s0 + 1)
    {
      /* “…,” Dylan Nelson, a fellow at the institute in Munich, Germany, and co-author of the
       * study, said: the person named right after the quotation, then an apposition of any
       * length, then the cue */
      guint qc;
      const ArxMention *m;

      for (qc = sep; qc > s0 && sep - qc < 45 && ctx->qclose[qc - 1] < 0; qc--)
        ;
      if (qc > s0 && ctx->qclose[qc - 1] >= 0 && qc < sep)
        {
          guint n = arx_attr_tok_char (doc, qc, ',') ? qc + 1 : qc;

          if ((m = arx_person_after_premodifiers (doc, n, sep)) != NULL && arx_attr_tok_char (doc, m->tok_end, ',') &&
              arx_speaker_from_np (&ctx->base, m->tok_start, m->tok_end, &speaker) && speaker.entity >= 0)
            {
              sep = qc - 1;
              k = n;
            }
        }
    }
  if (k == j && sep > s0 + 1)
    {
      /* “…,” Sarandon, 69, told MSNBC — a name and an aside before the cue */
      guint c2 = sep, k2;

      while (c2 > s0 && sep - c2 < 10 && !arx_attr_tok_char (doc, c2 - 1, ',') && ctx->qclose[c2 - 1] < 0)
        c2--;
      if (c2 > s0 && arx_attr_tok_char (doc, c2 - 1, ','))
        {
          for (k2 = c2 - 1; k2 > s0 && c2 - k2 < 7; k2--)
            if (ctx->qclose[k2 - 1] >= 0 || arx_attr_tok_char (doc, k2 - 1, ','))
              break;
          if (k2 > s0 && k2 < c2 - 1 && (ctx->qclose[k2 - 1] >= 0 || (arx_attr_tok_char (doc, k2 - 1, ',') && k2 > 1 &&
                                                                       ctx->qclose[k2 - 2] >= 0)) &&
              arx_speaker_from_np (&ctx->base, k2, c2 - 1, &speaker))
            {
              if (speaker.entity >= 0)
                {
                  speaker.rule = "apposition";
                  sep = k2 - 1;
                  k = k2;
                }
              else
                arx_speaker_clear (&speaker); /* not a known name: its words were kept */
            }
        }
    }
  /* "…, told CTV": who is told follows the verb, never who speaks */
  if (k == j && arx_attr_is_tell_verb (doc, cue))
    return FALSE;
  /* (the words reported: the quotation that ends at the separator, else the clause) */
  {
    int qe = ctx->qclose[sep] >= 0 ? ctx->qclose[sep] : sep > s0 ? ctx->qclose[sep - 1] : -1;

    ctx->base.excl_start = ARX_DOC_TOK (doc, qe >= 0 ? ctx->qtok[2 * qe] : s0)->start;
    ctx->base.excl_end = ARX_DOC_TOK (doc, sep)->end;
  }
  if (inverted)
    ok = TRUE;
  else if (k == j)
    ok = arx_speaker_after_cue (&ctx->base, cue + 1, tail_end, &speaker);
  else if (speaker.rule != NULL)
    ok = TRUE;
  else
    ok = arx_speaker_from_np (&ctx->base, k, j, &speaker);
  ctx->base.excl_start = ctx->base.excl_end = 0;
  if (!ok)
    {
      arx_speaker_clear (&speaker);
      return FALSE;
    }
  /* the content: from the clause start (or the quotation running into it) to the separator */
  content_start = s0;
  /* the last such quotation; backwards from the last one opened before s0, and no further
   * than ends reach (a scan over every quotation per cue is quadratic) */
  for (guint q = arx_attr_first_quote_from (doc, ARX_DOC_TOK (doc, s0)->start);
       q > 0 && ctx->qmaxend[q - 1] > ARX_DOC_TOK (doc, s0)->start; q--)
    {
      const ArxQuote *qq = &g_array_index (doc->quotes, ArxQuote, q - 1);

      if (qq->depth == 0 && qq->end > ARX_DOC_TOK (doc, s0)->start)
        {
          content_start = ctx->qtok[2 * (q - 1)];
          break;
        }
    }
  /* "In a recorded interview with the FBI, Webb confessed …", "Citing a report, Smith
   * accused …": a fronted adverbial or participle is no content */
  if (!after_quote && content_start < sep &&
      ((arx_attr_is_fronted_adverbial (doc, content_start, sep) &&
        (arx_token_is_preposition (doc, content_start) || arx_attr_is_subordinator (doc, content_start))) ||
       (is_ing (doc, content_start) && (ARX_DOC_TOK (doc, content_start)->flags & ARX_TOK_SENT_START))))
    {
      gboolean verb = FALSE;

      /* (a participle before a noun modifies it: "a recorded interview") */
      /* ("In addition, the campaign plans …": after the adverbial's comma a clause begins) */
      for (guint v = content_start + 1; v < sep && !verb; v++)
        verb = arx_token_is_clause_verb (doc, v) || arx_attr_cue_class (doc, v) ||
               (arx_attr_tok_char (doc, v - 1, ',') && starts_clause_subject (doc, v)) ||
               (arx_attr_is_verb_form (doc, v) && !arx_token_is_ci (doc, v - 1, "the") && !arx_token_is_ci (doc, v - 1, "a") &&
                !modifies_next_noun (doc, v));
      if (!verb)
        {
          arx_speaker_clear (&speaker);
          return FALSE;
        }
    }
  if (ctx->qclose[sep] >= 0)
    sep++;
  /* "If it’s …, the campaign said, it may not bother": the attribution sits inside */
  if (tail_end < s1 && arx_attr_tok_char (doc, tail_end, ',') && tail_end + 3 < s1 && ctx->qopen[tail_end + 1] < 0 &&
      !(ARX_DOC_TOK (doc, tail_end + 1)->flags & ARX_TOK_IN_QUOTE) && !arx_attr_cue_class (doc, tail_end + 1) &&
      !arx_attr_is_subordinator (doc, tail_end + 1) &&
      (sep == 0 || ctx->qclose[sep - 1] < 0))
    ok = arx_attr_emit_content (ctx, content_start, s1, cue, cue + 1, &speaker, TRUE);
  else
    ok = arx_attr_emit_content (ctx, content_start, sep, cue, cue + 1, &speaker, TRUE);
  arx_speaker_clear (&speaker);
  return ok;
}

/* cues whose object is a clause or a quotation, never a noun phrase alone: "said one source
 * in the room" names the speaker, "told The Post on Thursday" the addressee */
static const char *const clause_only_cues[] = { "said", "says", "say", "saying", "added", "adds", "adding", NULL };

/* "showed", "was held": a lower-case word in -ed after a relative "that" is its verb */
static gboolean
ends_in_ed (const ArxDoc *doc, guint i)
{
  const ArxToken *t = ARX_DOC_TOK (doc, i);

  return (t->flags & ARX_TOK_WORD) && !(t->flags & ARX_TOK_CAP) && t->end - t->start > 4 &&
         memcmp (doc->text + t->end - 2, "ed", 2) == 0;
}

/* Whether [a, b) could be a reported clause: it holds a quotation, an auxiliary, a cue, a
 * subject pronoun or a word shaped like a verb ("-ed", "-ing", a lower-case "-s" after a
 * word that is no determiner). Without a tagger this errs towards yes. */
static gboolean
clause_has_verb (ArxAttrCtx *ctx, guint a, guint b)
{
  static const char *const subject_pronouns[] = { "he", "she", "they", "we", "i", "it", "you", "there",
                                                  "how", "why", "what", "whether", "if", "who", "same", NULL };
  static const char *const determiners[] = { "the", "a", "an", "his", "her", "its", "their", "our", "my",
                                              "your", "this", "that", "these", "those", "some", "many", NULL };
  /* the past of common irregular verbs, which no "-ed" shows ("the rate fell", "sales rose") */
  static const char *const irregular_past[] = {
    "fell", "rose", "grew", "went", "came", "began", "became", "knew", "thought", "felt", "left",
    "ran", "took", "got", "made", "gave", "saw", "won", "lost", "kept", "held", "led", "met",
    "sent", "spent", "paid", "sold", "bought", "brought", "caught", "taught", "fought", "built",
    "hit", "cut", "put", "set", "shut", "quit", "hurt", "fled", "stood", "broke", "chose", "drove",
    "flew", "forgot", "hid", "rang", "sank", "shot", "slept", "spoke", "stole", "struck", "swore",
    "threw", "wore", "wrote", "died", "lied", "tied", NULL
  };
  ArxDoc *doc = ctx->base.doc;

  for (guint i = a; i < b; i++)
    {
      const ArxToken *t = ARX_DOC_TOK (doc, i);
      gsize len = t->end - t->start;
      const char *w = doc->text + t->start;

      if ((t->flags & ARX_TOK_WORD) && !(t->flags & ARX_TOK_CAP) && i > a && ctx->qopen[i] < 0 &&
          !(t->flags & ARX_TOK_IN_QUOTE) && arx_attr_token_in_list (doc, i, irregular_past))
        return TRUE;
      if (ctx->qopen[i] >= 0 || (t->flags & ARX_TOK_IN_QUOTE) || !(t->flags & ARX_TOK_WORD))
        {
          if (ctx->qopen[i] >= 0 || (t->flags & ARX_TOK_IN_QUOTE))
            return TRUE;
          continue;
        }
      /* (a word in -ing alone is no finite verb: "mobile marketing pioneer", "a rising star") */
      if (arx_token_is_clause_verb (doc, i) || arx_attr_cue_class (doc, i) ||
          (arx_attr_is_verb_form (doc, i) && !is_ing (doc, i)) || arx_attr_token_in_list (doc, i, subject_pronouns))
        return TRUE;
      /* "n't" split off a verb, "makes", "wants" (not "news", "class") */
      /* "didn't", "she’ll", "they're": a contracted auxiliary ("the company’s" is a possessive) */
      if (!(t->flags & ARX_TOK_POSS) &&
          (memchr (w, '\'', len) != NULL || g_strstr_len (w, len, "\xe2\x80\x99") != NULL))
        return TRUE;
      if (!(t->flags & ARX_TOK_CAP) && len >= 4 && w[len - 1] == 's' && w[len - 2] != 's' && w[len - 2] != 'u' &&
          w[len - 2] != 'i' && t->mention < 0 && i > a && !arx_attr_token_in_list (doc, i - 1, determiners) &&
          !arx_token_is_preposition (doc, i - 1))
        return TRUE;
    }
  return FALSE;
}

/* "Bossert said (that) …", "told reporters …", "tweeted: “…”" */
gboolean
arx_attr_try_leading (ArxAttrCtx *ctx, guint s0, guint s1, guint cue, char cls)
{
  ArxDoc *doc = ctx->base.doc;
  ArxSpeaker speaker = { -1, NULL, -1, -1, NULL, 0 };
  guint p = cue + 1, end = s1;
  gboolean had_that = FALSE, ok, found;

  if (p >= s1)
    return FALSE;
  /* "Said Ellison: “…”", "Added the mayor, “…”": a cue opening its sentence names the speaker
   * after it, then a colon or comma introduces the quotation */
  if (cue == s0 && cls == 'S' && (ARX_DOC_TOK (doc, cue)->flags & ARX_TOK_CAP) && !arx_attr_is_tell_verb (doc, cue))
    {
      for (guint t = p + 1; t + 1 < s1 && t < p + 12; t++)
        {
          if (ctx->qopen[t] >= 0)
            break;
          if ((arx_attr_tok_char (doc, t, ':') || arx_attr_tok_char (doc, t, ',')) && ctx->qopen[t + 1] >= 0)
            {
              if (!arx_speaker_after_cue (&ctx->base, p, t, &speaker))
                break;
              speaker.rule = "inverted";
              ok = arx_attr_emit_content (ctx, t + 1, s1, cue, cue + 1, &speaker, FALSE);
              arx_speaker_clear (&speaker);
              return ok;
            }
        }
      arx_speaker_clear (&speaker);
    }
  /* "responded and confirmed that …": the second verb introduces the content */
  if ((arx_token_is (doc, p, "and") || arx_token_is (doc, p, "but")) && p + 1 < s1 && arx_attr_cue_class (doc, p + 1))
    return FALSE;
  if (arx_attr_is_tell_verb (doc, cue))
    {
      /* the person told, with its determiner: "told the Herald the result …", "told the
       * crowd the city …" */
      static const char *const dets[] = { "the", "a", "an", "his", "her", "their", "its", NULL };
      guint q = p;

      if (q + 1 < s1 && arx_attr_token_in_list (doc, q, dets))
        q++;
      if (ARX_DOC_TOK (doc, q)->mention >= 0 && ARX_DOC_MENTION (doc, ARX_DOC_TOK (doc, q)->mention)->tok_start == q)
        p = ARX_DOC_MENTION (doc, ARX_DOC_TOK (doc, q)->mention)->tok_end;
      else if (q < s1 && arx_attr_token_in_list (doc, q, arx_attr_tell_objects))
        for (p = q; p < s1 && p < q + 3 && arx_attr_token_in_list (doc, p, arx_attr_tell_objects);)
          p++;
    }
  /* "told the crowd: “…”", "wrote on Twitter on Monday: “…”": a colon before a quotation ends
   * whatever came between the cue and it */
  for (guint t = p; t + 1 < s1 && t < p + 10; t++)
    {
      if (ctx->qopen[t] >= 0 || arx_token_is_clause_verb (doc, t) || arx_attr_cue_class (doc, t))
        break;
      if (arx_attr_tok_char (doc, t, ':') && ctx->qopen[t + 1] >= 0)
        {
          p = t + 1;
          break;
        }
    }
  for (guint t = p; t < s1 && t < p + 10; t++)
    {
      /* "said the test could change that": an auxiliary means the clause has begun */
      if (ctx->qopen[t] >= 0 || arx_attr_tok_char (doc, t, '.') || arx_attr_tok_char (doc, t, ';') ||
          arx_attr_is_verb_form (doc, t) || arx_token_is_clause_verb (doc, t))
        break;
      /* "told reporters after the meeting that was held in Paris": a "that" followed by a
       * verb is a relative pronoun inside the object, not the opener of what was said */
      if (arx_token_is (doc, t, "that") && t + 2 < s1 &&
          (arx_token_is_clause_verb (doc, t + 1) || ends_in_ed (doc, t + 1)))
        continue;
      if (arx_token_is (doc, t, "that") && t + 2 < s1)
        {
          p = t + 1;
          had_that = TRUE;
          break;
        }
    }
  /* "said on Friday he met …", "said Tuesday the plan …": a short adjunct, then the clause
   * ("complained about the noise", "spoke of a plan": what follows is the topic, no adjunct) */
  if (!had_that && p < s1 && (arx_token_is_preposition (doc, p) || arx_token_is_skip_word (doc, p)) &&
      !arx_token_is_ci (doc, p, "about") && !arx_token_is_ci (doc, p, "of"))
    {
      guint t = p;

      while (t < s1 && t < p + 5 && (arx_token_is_preposition (doc, t) || arx_token_is_skip_word (doc, t) ||
                                      arx_token_is_ci (doc, t, "a") || arx_token_is_ci (doc, t, "an") ||
                                      arx_token_is_ci (doc, t, "statement") || arx_token_is_ci (doc, t, "interview")))
        t++;
      if (t < s1 && (arx_token_is_ci (doc, t, "he") || arx_token_is_ci (doc, t, "she") ||
                     arx_token_is_ci (doc, t, "they") || arx_token_is_ci (doc, t, "we") ||
                     arx_token_is (doc, t, "I") || arx_token_is_ci (doc, t, "it")))
        p = t;
      /* "said Tuesday the country would …": a determiner or a name opens the clause, which
       * must have a verb of its own before the sentence ends */
      else if (t < s1 && t > p && (arx_token_is_ci (doc, t, "the") || arx_token_is_ci (doc, t, "his") ||
                                   arx_token_is_ci (doc, t, "her") || arx_token_is_ci (doc, t, "their") ||
                                   arx_token_is_ci (doc, t, "its") || ARX_DOC_TOK (doc, t)->mention >= 0))
        {
          /* the verb is the clause's own: a colon or a quotation before it ends the adjunct
           * ("wrote on Twitter: “Our state is open”") */
          for (guint v = t + 1; v < s1 && v < t + 12 && ctx->qopen[v] < 0 && !arx_attr_tok_char (doc, v, ':'); v++)
            if (arx_attr_is_verb_form (doc, v) || arx_token_is (doc, v, "would") || arx_token_is (doc, v, "will") ||
                arx_token_is (doc, v, "is") || arx_token_is (doc, v, "was") || arx_token_is (doc, v, "are") ||
                arx_token_is (doc, v, "were") || arx_token_is (doc, v, "had") || arx_token_is (doc, v, "has"))
              {
                p = t;
                break;
              }
        }
    }
  if (!had_that && p < s1 && (arx_token_is_preposition (doc, p) || arx_token_is_skip_word (doc, p)))
    {
      /* "said in a statement: “…”" — an adjunct, then a colon or a quotation */
      guint t;

      for (t = p; t < s1 && t < p + 10; t++)
        if (ctx->qopen[t] >= 0 || arx_attr_tok_char (doc, t, ':'))
          break;
      if (t >= s1 || t >= p + 10)
        return FALSE;
      p = t;
    }
  while (p < s1 && (arx_attr_tok_char (doc, p, ',') || arx_attr_tok_char (doc, p, ':')))
    p++;
  if (p >= s1)
    return FALSE;
  /* "Graham told The Huffington Post on Thursday.", "said one GOP source in the room",
   * "complained about his mic the morning after": a reported clause has a verb; words with
   * none after a cue that needs a clause are an addressee, an adjunct or the speaker */
  if ((arx_attr_is_tell_verb (doc, cue) || arx_attr_token_in_list (doc, cue, clause_only_cues)) &&
      !clause_has_verb (ctx, p, s1))
    return FALSE;
  if (!had_that && cls == 'O')
    {
      /* "criticized the accord", "announced his plan": the object is what was said */
      if (s1 - p < 3)
        return FALSE;
    }
  else if (!had_that && cls != 'S')
    {
      /* "called the agreement “an historic step”": a weak cue needs a quotation; "deny" and
       * "recall" also report a gerund clause right after them ("denied having met him") but
       * not a noun phrase ("denied the report", "recalled an incident") */
      static const char *const gerund_cues[] = { "denied", "denies", "deny", "recalled", "recalls", NULL };
      const ArxToken *pt = ARX_DOC_TOK (doc, p);
      gboolean quoted = p == cue + 1 && arx_attr_token_in_list (doc, cue, gerund_cues) && (pt->flags & ARX_TOK_WORD) &&
                        pt->end - pt->start > 5 && memcmp (doc->text + pt->end - 3, "ing", 3) == 0;

      for (guint t = p; t < s1 && !quoted; t++)
        quoted = ctx->qopen[t] >= 0;
      if (!quoted)
        return FALSE;
    }
  ctx->base.excl_start = ARX_DOC_TOK (doc, p)->start;
  ctx->base.excl_end = ARX_DOC_TOK (doc, s1 - 1)->end;
  found = arx_attr_speaker_before (ctx, s0, cue, &speaker);
  ctx->base.excl_start = ctx->base.excl_end = 0;
  if (!found)
    {
      /* "About 4 in 10 say they want …": the words before the cue, unresolved */
      guint L = arx_attr_clause_start (ctx, s0, cue), j = cue;
      gboolean plain = TRUE;

      while (j > L && arx_token_is_skip_word (doc, j - 1))
        j--;
      /* "… staff members, which included …" is not a speaker */
      for (guint k = L; k < j && plain; k++)
        plain = !arx_token_is (doc, k, "which") && !arx_attr_cue_class (doc, k);
      if (cls == 'S' && plain && j > L && j - L <= 12 && !arx_attr_tok_char (doc, j - 1, ',') &&
          (had_that || arx_token_is_ci (doc, p, "that") || arx_token_is_ci (doc, p, "they") || arx_token_is_ci (doc, p, "he") ||
           arx_token_is_ci (doc, p, "she") || arx_token_is_ci (doc, p, "it") || arx_token_is_ci (doc, p, "we") ||
           (ARX_DOC_TOK (doc, p)->flags & ARX_TOK_CAP) || arx_token_is_ci (doc, p, "the") ||
           arx_token_is_ci (doc, p, "a") || arx_token_is_ci (doc, p, "there")))
        {
          speaker.m_start = ARX_DOC_TOK (doc, L)->start;
          speaker.m_end = ARX_DOC_TOK (doc, j - 1)->end;
          speaker.name = g_strndup (doc->text + speaker.m_start, speaker.m_end - speaker.m_start);
          speaker.rule = "description";
          speaker.confidence = 0.35;
        }
      else if (ctx->qopen[p] < 0 || cls != 'S')
        return FALSE;
    }
  ok = arx_attr_emit_content (ctx, p, end, cue, cue + 1, &speaker, TRUE);
  arx_speaker_clear (&speaker);
  return ok;
}

/* ", adding to …", ", which …", ", and …": a phrase that follows a finished clause */
static gboolean
opens_comment_on_clause (const ArxDoc *doc, guint i)
{
  static const char *const openers[] = { "which", "and", "but", "while", "as", "though", "although", "where",
                                         "whereas", "even", NULL };

  return is_ing (doc, i) || arx_attr_token_in_list (doc, i, openers);
}

/* "according to X, …" / "…, according to X." */
gboolean
arx_attr_try_according (ArxAttrCtx *ctx, guint s0, guint s1, guint i)
{
  ArxDoc *doc = ctx->base.doc;
  ArxSpeaker speaker = { -1, NULL, -1, -1, NULL, 0 };
  guint a = i + 2, b = a, ok;

  /* "“…,” he said, according to CBC News": the outlet only relays the speaker's words */
  for (guint c = s0; c < i; c++)
    if (!(ARX_DOC_TOK (doc, c)->flags & ARX_TOK_IN_QUOTE) && ctx->qopen[c] < 0 && arx_attr_cue_class (doc, c) &&
        i - c <= 6)
      return FALSE;
  while (b < s1 && b < a + 10 && !arx_attr_tok_char (doc, b, ',') && !arx_attr_tok_char (doc, b, '.') &&
         !arx_attr_tok_char (doc, b, ';') && ctx->qopen[b] < 0)
    b++;
  if (!arx_speaker_from_np (&ctx->base, a, b, &speaker))
    {
      guint e = a;

      /* "according to a report by …": take the first few words */
      while (e < b && !arx_token_is_preposition (doc, e))
        e++;
      if (e == a)
        return FALSE;
      arx_speaker_clear (&speaker);
      speaker.m_start = ARX_DOC_TOK (doc, a)->start;
      speaker.m_end = ARX_DOC_TOK (doc, e - 1)->end;
      speaker.name = g_strndup (doc->text + speaker.m_start, speaker.m_end - speaker.m_start);
      speaker.confidence = 0.5;
    }
  speaker.rule = "according-to";
  if (i == s0 || (i > s0 && (ARX_DOC_TOK (doc, i - 1)->flags & ARX_TOK_SENT_START) && !arx_attr_tok_char (doc, i - 1, ',')))
    ok = arx_attr_emit_content (ctx, b, s1, i, i + 2, &speaker, TRUE);
  else if (b + 3 < s1 && arx_attr_tok_char (doc, b, ',') && i > s0 && arx_attr_tok_char (doc, i - 1, ',') &&
           !opens_comment_on_clause (doc, b + 1))
    /* "Over the long term, according to the budget office, the deficit …": the whole sentence
     * (but "X is under investigation, according to two people, adding to its problems": what
     * follows the source comments on what it said, and is not its words) */
    ok = arx_attr_emit_content (ctx, s0, s1, i, i + 2, &speaker, TRUE);
  else
    ok = arx_attr_emit_content (ctx, s0, i, i, i + 2, &speaker, TRUE);
  arx_speaker_clear (&speaker);
  return ok;
}

/* Transcripts: a paragraph opening with "PENCE:" or "Mr. Smith:" */
void
arx_attr_find_labels (ArxAttrCtx *ctx)
{
  ArxDoc *doc = ctx->base.doc;

  for (guint i = 0; i < doc->tokens->len; i++)
    {
      const ArxToken *t = ARX_DOC_TOK (doc, i);
      guint k = i, colon;
      guint para_end, last;
      ArxSpeaker speaker = { -1, NULL, -1, -1, NULL, 0 };

      if (!(t->flags & ARX_TOK_PARA_START) || arx_attr_is_furniture (ctx, i))
        continue;
      if (t->flags & ARX_TOK_QUOTE || ctx->qopen[k] >= 0)
        k++;
      for (colon = k; colon < doc->tokens->len && colon < k + 4; colon++)
        if (arx_attr_tok_char (doc, colon, ':') || !(ARX_DOC_TOK (doc, colon)->flags & ARX_TOK_UPPER))
          break;
      if (colon == k || colon >= doc->tokens->len || !arx_attr_tok_char (doc, colon, ':'))
        continue;
      for (para_end = colon + 1; para_end < doc->tokens->len &&
           ARX_DOC_TOK (doc, para_end)->paragraph == t->paragraph; para_end++)
        ;
      if (para_end - colon < 3)
        continue;
      speaker.m_start = ARX_DOC_TOK (doc, k)->start;
      speaker.m_end = ARX_DOC_TOK (doc, colon - 1)->end;
      /* "PENCE" is Mike Pence when he was named before */
      for (guint e = 0; e < doc->entities->len; e++)
        {
          const ArxDocEntity *de = ARX_DOC_ENTITY (doc, e);
          const char *surname = strrchr (de->name, ' ');

          surname = surname ? surname + 1 : de->name;
          if (de->kind == ARX_ENTITY_PERSON &&
              (gsize) (speaker.m_end - speaker.m_start) == strlen (surname) &&
              g_ascii_strncasecmp (doc->text + speaker.m_start, surname, strlen (surname)) == 0)
            speaker.entity = e;
        }
      speaker.name = speaker.entity >= 0 ? g_strdup (ARX_DOC_ENTITY (doc, speaker.entity)->name)
                                         : g_strndup (doc->text + speaker.m_start, speaker.m_end - speaker.m_start);
      speaker.rule = "label";
      /* transcripts are rare in news and labels also open headings and Q&A lines */
      speaker.confidence = 0.5;
      /* a transcript quoted whole ("“OKAFOR: We can pay for it.”"): the turn ends before the
       * closing mark, as it begins after the opening one */
      last = para_end;
      while (k > i && last > colon + 2 && (ARX_DOC_TOK (doc, last - 1)->flags & ARX_TOK_QUOTE))
        last--;
      arx_attr_add_found (ctx, ARX_STATEMENT_DIRECT, ARX_DOC_TOK (doc, colon + 1)->start,
                 ARX_DOC_TOK (doc, last - 1)->end, colon, colon + 1, &speaker);
      arx_speaker_clear (&speaker);
      i = para_end - 1;
    }
}

gboolean
arx_attr_inside_found (ArxAttrCtx *ctx, guint byte)
{
  return byte < ctx->base.doc->len && ctx->covered[byte];
}

static gboolean
is_owner (const ArxDoc *doc, guint i)
{
  const ArxToken *t = ARX_DOC_TOK (doc, i);
  gsize len = t->end - t->start;

  if (t->flags & ARX_TOK_POSS)
    return TRUE;
  if (len != 3 && len != 5)
    return FALSE;
  return arx_token_is_ci (doc, i, "his") || arx_token_is_ci (doc, i, "her") || arx_token_is_ci (doc, i, "their") ||
         arx_token_is_ci (doc, i, "its");
}

/* "his claim that …", "the company’s statement that …", "her repeated insistence in the
 * interview that …": a noun that reports speech, its owner the speaker. */
gboolean
arx_attr_try_noun_cue (ArxAttrCtx *ctx, guint s0, guint s1, guint i)
{
  ArxDoc *doc = ctx->base.doc;
  ArxSpeaker speaker = { -1, NULL, -1, -1, NULL, 0 };
  const ArxToken *t = ARX_DOC_TOK (doc, i);
  char buf[32];
  gsize len = t->end - t->start;
  guint owner, that;
  int e = -1;
  double conf = 0.6;
  gboolean ok;

  if (!(t->flags & ARX_TOK_WORD) || (t->flags & (ARX_TOK_CAP | ARX_TOK_IN_QUOTE)) || len >= sizeof buf || len < 4 ||
      i < s0 + 1)
    return FALSE;
  /* (cheap first: an owner one or two words before) */
  if (!is_owner (doc, i - 1) && !(i >= s0 + 2 && is_owner (doc, i - 2)))
    return FALSE;
  for (gsize k = 0; k < len; k++)
    buf[k] = g_ascii_tolower (doc->text[t->start + k]);
  if (!arx_lexicon_lookup_char (doc->lex->cue_nouns, buf, len))
    return FALSE;
  /* the owner right before, or before one adjective ("his repeated claims") */
  owner = i - 1;
  if (owner > s0 && !(ARX_DOC_TOK (doc, owner)->flags & ARX_TOK_POSS) && !arx_token_is_ci (doc, owner, "his") &&
      !arx_token_is_ci (doc, owner, "her") && !arx_token_is_ci (doc, owner, "their") && !arx_token_is_ci (doc, owner, "its") &&
      (ARX_DOC_TOK (doc, owner)->flags & ARX_TOK_WORD) && !(ARX_DOC_TOK (doc, owner)->flags & ARX_TOK_CAP))
    owner--;
  /* "that" within a few words ("in the same interview that") */
  for (that = i + 1; that < s1 && that < i + 7; that++)
    if (arx_token_is (doc, that, "that") || arx_attr_tok_char (doc, that, ',') || arx_token_is_clause_verb (doc, that) ||
        ctx->qopen[that] >= 0)
      break;
  if (that >= s1 || !arx_token_is (doc, that, "that") || that + 3 >= s1)
    return FALSE;
  /* "Trump’s claim that A had imperiled B": opening the sentence, the noun and its clause are the
   * subject of a verb we cannot find the start of; after a verb or a preposition the clause ends
   * the sentence or at a comma that starts another phrase */
  if (owner <= s0 || (owner == s0 + 1 && !(ARX_DOC_TOK (doc, s0)->flags & ARX_TOK_WORD)))
    return FALSE;
  for (guint c = that + 2; c + 1 < s1; c++)
    if (arx_attr_tok_char (doc, c, ',') && !(ARX_DOC_TOK (doc, c)->flags & ARX_TOK_IN_QUOTE) &&
        (arx_token_is (doc, c + 1, "and") || arx_token_is (doc, c + 1, "or") || arx_token_is (doc, c + 1, "but") ||
         arx_attr_is_adjunct_opener (doc, c + 1) || arx_attr_cue_class (doc, c + 1)))
      {
        s1 = c;
        break;
      }
  if (arx_token_is_ci (doc, owner, "his") || arx_token_is_ci (doc, owner, "her"))
    {
      ctx->base.excl_start = ARX_DOC_TOK (doc, that)->start;
      ctx->base.excl_end = ARX_DOC_TOK (doc, s1 - 1)->end;
      e = arx_resolve_pronoun (&ctx->base, owner, arx_token_is_ci (doc, owner, "his") ? 'M' : 'F', &conf);
      ctx->base.excl_start = ctx->base.excl_end = 0;
      if (e < 0)
        return FALSE;
    }
  else if (arx_token_is_ci (doc, owner, "its"))
    {
      if ((e = arx_resolve_it (&ctx->base, owner)) < 0)
        return FALSE;
    }
  else if (ARX_DOC_TOK (doc, owner)->flags & ARX_TOK_POSS)
    {
      if ((e = arx_doc_mention_entity_at_end (doc, owner)) < 0)
        return FALSE;
      conf = 0.75;
    }
  else
    return FALSE;
  speaker.entity = e;
  speaker.name = g_strdup (ARX_DOC_ENTITY (doc, e)->name);
  speaker.m_start = ARX_DOC_TOK (doc, owner)->start;
  speaker.m_end = ARX_DOC_TOK (doc, owner)->end;
  speaker.rule = "possessive";
  speaker.confidence = conf;
  ok = arx_attr_emit_content (ctx, that + 1, s1, i, i + 1, &speaker, TRUE);
  arx_speaker_clear (&speaker);
  return ok;
}
