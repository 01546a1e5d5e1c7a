/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "arx-analyzer"

#include "config.h"

#include <string.h>

#include "arx-attribution.h"

/* The attribution patterns around one cue (after its content, before it, "according to"),
 * transcript labels, and the quotations no cue claimed (continuations, partial quotes). */

gboolean
arx_attr_try_trailing (ArxAttrCtx *ctx, guint s0, guint s1, guint cue)
{
  ArxDoc *doc = ctx->base.doc;
  guint j = cue, k, sep, tail_end = s1, content_start;
  ArxSpeaker speaker = { -1, NULL, -1, -1, NULL, 0 };
  gboolean ok, after_quote, inverted = FALSE;

  while (j > s0 && arx_token_is_skip_word (doc, j - 1))
    j--;
  /* "…, a second person briefed on the call said": up to 16 words of subject */
  for (k = j; k > s0 && j - k < 16; k--)
    {
      guint p = k - 1;

      if (arx_attr_tok_char (doc, p, ',') || ctx->qclose[p] >= 0)
        break;
      if (!(ARX_DOC_TOK (doc, p)->flags & (ARX_TOK_WORD | ARX_TOK_NUMBER)) && !arx_attr_tok_char (doc, p, '.') &&
          !arx_attr_tok_char (doc, p, '(') && !arx_attr_tok_char (doc, p, ')') && !arx_attr_tok_char (doc, p, '-'))
        return FALSE;
      if (arx_token_is (doc, p, "that") || arx_attr_cue_class (doc, p))
        return FALSE;
    }
  if (k == s0 || (k < j && !arx_attr_tok_char (doc, k - 1, ',') && ctx->qclose[k - 1] < 0))
    return FALSE;
  sep = k - 1;
  /* the tail after the cue is short and introduces nothing */
  while (tail_end > cue + 1 && arx_attr_is_end_punct (doc, tail_end - 1))
    tail_end--;
  after_quote = ctx->qclose[sep] >= 0 || (sep > s0 && ctx->qclose[sep - 1] >= 0);
  /* "…, said The We Company’s executive chair Marcelo Claure in an email to staff that …": the
   * speaker named after the cue, then only adjuncts */
  if (k == j && arx_attr_cue_class (doc, cue) == 'S' && !arx_attr_is_tell_verb (doc, cue) &&
      arx_speaker_after_cue (&ctx->base, cue + 1, MIN (s1, cue + 16), &speaker))
    {
      guint e = arx_doc_token_at (doc, speaker.m_end);
      gboolean verb = FALSE;

      /* "said the union expected production to …" is a clause, not a speaker */
      for (guint v = cue + 1; v < e && !verb; v++)
        verb = arx_attr_ends_subject (doc, v);
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
              arx_speaker_from_np (&ctx->base, k2, c2 - 1, &speaker) && speaker.entity >= 0)
            {
              speaker.rule = "apposition";
              sep = k2 - 1;
              k = k2;
            }
        }
    }
  /* "…, told CTV": who is told follows the verb, never who speaks */
  if (k == j && arx_attr_is_tell_verb (doc, cue))
    return FALSE;
  if (inverted)
    ok = TRUE;
  else if (k == j)
    ok = arx_speaker_after_cue (&ctx->base, cue + 1, tail_end, &speaker);
  else if (speaker.rule != NULL)
    ok = TRUE;
  else
    ok = arx_speaker_from_np (&ctx->base, k, j, &speaker);
  if (!ok)
    return FALSE;
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

/* "Bossert said (that) …", "told reporters …", "tweeted: “…”" */
gboolean
arx_attr_try_leading (ArxAttrCtx *ctx, guint s0, guint s1, guint cue, char cls)
{
  ArxDoc *doc = ctx->base.doc;
  ArxSpeaker speaker = { -1, NULL, -1, -1, NULL, 0 };
  guint p = cue + 1, end = s1;
  gboolean had_that = FALSE, ok;

  if (p >= s1)
    return FALSE;
  if (arx_attr_is_tell_verb (doc, cue))
    {
      if (ARX_DOC_TOK (doc, p)->mention >= 0)
        p = ARX_DOC_MENTION (doc, ARX_DOC_TOK (doc, p)->mention)->tok_end;
      else
        for (guint n = 0; n < 3 && p < s1 && arx_attr_token_in_list (doc, p, arx_attr_tell_objects); n++)
          p++;
    }
  for (guint t = p; t < s1 && t < p + 10; t++)
    {
      /* "said the test could change that": an auxiliary means the clause has begun */
      if (ctx->qopen[t] >= 0 || arx_attr_tok_char (doc, t, '.') || arx_attr_tok_char (doc, t, ';') ||
          arx_attr_is_verb_form (doc, t) || arx_token_is_clause_verb (doc, t))
        break;
      if (arx_token_is (doc, t, "that") && t + 2 < s1)
        {
          p = t + 1;
          had_that = TRUE;
          break;
        }
    }
  /* "said on Friday he met …", "said Tuesday the plan …": a short adjunct, then the clause */
  if (!had_that && p < s1 && (arx_token_is_preposition (doc, p) || arx_token_is_skip_word (doc, p)))
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
          for (guint v = t + 1; v < s1 && v < t + 12; v++)
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
  if (!had_that && cls == 'O')
    {
      /* "criticized the accord", "announced his plan": the object is what was said */
      if (s1 - p < 3)
        return FALSE;
    }
  else if (!had_that && cls != 'S')
    {
      /* "called the agreement “an historic step”": a weak cue needs a quotation */
      gboolean quoted = FALSE;

      for (guint t = p; t < s1 && !quoted; t++)
        quoted = ctx->qopen[t] >= 0;
      if (!quoted)
        return FALSE;
    }
  if (!arx_attr_speaker_before (ctx, s0, cue, &speaker))
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
          (had_that || arx_token_is_ci (doc, p, "they") || arx_token_is_ci (doc, p, "he") ||
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
  else if (b + 3 < s1 && arx_attr_tok_char (doc, b, ',') && i > s0 && arx_attr_tok_char (doc, i - 1, ','))
    /* "Over the long term, according to the budget office, the deficit …": the whole sentence */
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
      guint para_end;
      ArxSpeaker speaker = { -1, NULL, -1, -1, NULL, 0 };

      if (!(t->flags & ARX_TOK_PARA_START))
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
          const char *last = strrchr (de->name, ' ');

          last = last ? last + 1 : de->name;
          if (de->kind == ARX_ENTITY_PERSON &&
              (gsize) (speaker.m_end - speaker.m_start) == strlen (last) &&
              g_ascii_strncasecmp (doc->text + speaker.m_start, last, strlen (last)) == 0)
            speaker.entity = e;
        }
      speaker.name = speaker.entity >= 0 ? g_strdup (ARX_DOC_ENTITY (doc, speaker.entity)->name)
                                         : g_strndup (doc->text + speaker.m_start, speaker.m_end - speaker.m_start);
      speaker.rule = "label";
      /* transcripts are rare in news and labels also open headings and Q&A lines */
      speaker.confidence = 0.5;
      arx_attr_add_found (ctx, ARX_STATEMENT_DIRECT, ARX_DOC_TOK (doc, colon + 1)->start,
                 ARX_DOC_TOK (doc, para_end - 1)->end, colon, colon + 1, &speaker);
      arx_speaker_clear (&speaker);
      i = para_end - 1;
    }
}

gboolean
arx_attr_inside_found (ArxAttrCtx *ctx, guint byte)
{
  return byte < ctx->base.doc->len && ctx->covered[byte];
}

/* "heralded", "praises": a past or present verb form, by its ending */
static gboolean
looks_like_past_verb (const ArxDoc *doc, guint i)
{
  const ArxToken *t = ARX_DOC_TOK (doc, i);
  const char *w = doc->text + t->start;
  gsize len = t->end - t->start;

  return len > 3 && ((w[len - 2] == 'e' && w[len - 1] == 'd') ||
                     (w[len - 1] == 's' && w[len - 2] != 's' && w[len - 2] != 'u'));
}

static int
compare_found (gconstpointer a, gconstpointer b)
{
  const ArxFound *fa = a, *fb = b;

  return fa->start < fb->start ? -1 : fa->start > fb->start;
}

/* The leftover pass needs the statement that ends last before each quotation, in an array it
 * keeps sorted by start; a scan of all statements and a sort of all per quotation made long
 * documents quadratic. found[0, placed) is sorted by start; the statements appended since
 * (a colon label or a bare quotation, added in quotation order) are a second run, sorted too
 * unless @tail_unsorted; none is longer than @max_len, so a scan back from a byte stops early. */
typedef struct
{
  GArray  *found;
  guint    placed;
  guint    seen;
  guint    max_len;
  gboolean tail_unsorted;
} FoundOrder;

static void
found_order_init (FoundOrder *o, GArray *found)
{
  g_array_sort (found, compare_found);
  o->found = found;
  o->placed = o->seen = found->len;
  o->max_len = 0;
  o->tail_unsorted = FALSE;
  for (guint k = 0; k < found->len; k++)
    o->max_len = MAX (o->max_len, g_array_index (found, ArxFound, k).end - g_array_index (found, ArxFound, k).start);
}

/* Moves the appended statements to their place by start, after those with the same start:
 * what sorting the whole array again gives. */
static void
found_order_place (FoundOrder *o)
{
  GArray *found = o->found;

  for (; o->placed < found->len; o->placed++)
    {
      ArxFound f = g_array_index (found, ArxFound, o->placed);
      guint lo = 0, hi = o->placed;

      o->max_len = MAX (o->max_len, f.end - f.start);
      while (lo < hi)
        {
          guint mid = lo + (hi - lo) / 2;

          if (g_array_index (found, ArxFound, mid).start <= f.start)
            lo = mid + 1;
          else
            hi = mid;
        }
      if (lo < o->placed)
        {
          memmove (&g_array_index (found, ArxFound, lo + 1), &g_array_index (found, ArxFound, lo),
                   (o->placed - lo) * sizeof (ArxFound));
          g_array_index (found, ArxFound, lo) = f;
        }
    }
  o->seen = o->placed;
  o->tail_unsorted = FALSE;
}

/* In found[from, to): the statement ending last at or before @byte, the first of equals. */
static ArxFound *
found_run_ending_before (FoundOrder *o, guint from, guint to, gboolean sorted, guint byte)
{
  guint lo = from, hi = to;
  ArxFound *best = NULL;

  if (!sorted)
    {
      for (guint k = from; k < to; k++)
        {
          ArxFound *f = &g_array_index (o->found, ArxFound, k);

          if (f->end <= byte && (best == NULL || f->end > best->end))
            best = f;
        }
      return best;
    }
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (g_array_index (o->found, ArxFound, mid).start < byte)
        lo = mid + 1;
      else
        hi = mid;
    }
  for (guint k = lo; k-- > from;)
    {
      ArxFound *f = &g_array_index (o->found, ArxFound, k);

      if (best != NULL && f->start + o->max_len < best->end)
        break;
      if (f->end <= byte && (best == NULL || f->end >= best->end))
        best = f;
    }
  return best;
}

/* The statement ending last at or before @byte, the first of equals in array order; or NULL. */
static ArxFound *
found_order_ending_before (FoundOrder *o, guint byte)
{
  ArxFound *first, *tail;

  for (; o->seen < o->found->len; o->seen++)
    {
      const ArxFound *f = &g_array_index (o->found, ArxFound, o->seen);

      o->max_len = MAX (o->max_len, f->end - f->start);
      if (o->seen > o->placed && f->start < (f - 1)->start)
        o->tail_unsorted = TRUE;
    }
  first = found_run_ending_before (o, 0, o->placed, TRUE, byte);
  tail = found_run_ending_before (o, o->placed, o->found->len, !o->tail_unsorted, byte);
  return first != NULL && (tail == NULL || first->end >= tail->end) ? first : tail;
}

/* Grows @f to end at @end. */
static void
found_order_extend (FoundOrder *o, ArxFound *f, guint end)
{
  f->end = end;
  o->max_len = MAX (o->max_len, f->end - f->start);
}

static gboolean
is_subject_pronoun (const ArxDoc *doc, guint i)
{
  return arx_token_is_ci (doc, i, "he") || arx_token_is_ci (doc, i, "she") || arx_token_is_ci (doc, i, "they") ||
         arx_token_is (doc, i, "I") || arx_token_is_ci (doc, i, "we");
}

/* The person mention starting at @i, or NULL. */
static const ArxMention *
person_at (const ArxDoc *doc, guint i)
{
  const ArxToken *t = ARX_DOC_TOK (doc, i);
  const ArxMention *m;

  if (t->mention < 0)
    return NULL;
  m = ARX_DOC_MENTION (doc, t->mention);
  return m->kind == ARX_ENTITY_PERSON && m->tok_start == i ? m : NULL;
}

static gboolean
lower_verb_like (const ArxDoc *doc, guint i)
{
  return (ARX_DOC_TOK (doc, i)->flags & ARX_TOK_WORD) && !(ARX_DOC_TOK (doc, i)->flags & ARX_TOK_CAP) &&
         looks_like_past_verb (doc, i) && !arx_token_is_preposition (doc, i);
}

/* "“…,” Hannity pressed." / "“…?” asked Trump": a quotation that ends in , ? or ! and is
 * followed by a person (or he/she) and a verb we do not list; news puts nothing else there. */
static gboolean
try_unknown_verb (ArxAttrCtx *ctx, guint q, ArxSpeaker *out, guint *verb)
{
  ArxDoc *doc = ctx->base.doc;
  guint close = ctx->qtok[2 * q + 1], n = close + 1, len = doc->tokens->len;
  const ArxMention *m;

  if (close == 0 || n + 1 >= len)
    return FALSE;
  if (arx_attr_tok_char (doc, n, ','))
    n++;
  else if (!arx_attr_tok_char (doc, close - 1, ',') && !arx_attr_tok_char (doc, close - 1, '?') &&
           !arx_attr_tok_char (doc, close - 1, '!'))
    return FALSE;
  if (n + 1 >= len || ARX_DOC_TOK (doc, n)->paragraph != ARX_DOC_TOK (doc, close)->paragraph ||
      (ARX_DOC_TOK (doc, n)->flags & ARX_TOK_PARA_START))
    return FALSE;
  /* "an angry Hollande retaliated": a few lower-case words before the name */
  for (guint skip = 0; skip < 3 && n + 1 < len && ARX_DOC_TOK (doc, n)->mention < 0 &&
       (arx_token_is_ci (doc, n, "an") || arx_token_is_ci (doc, n, "a") || arx_token_is_ci (doc, n, "the") ||
        ((ARX_DOC_TOK (doc, n)->flags & ARX_TOK_WORD) && !(ARX_DOC_TOK (doc, n)->flags & ARX_TOK_CAP) &&
         !looks_like_past_verb (doc, n) && !arx_token_is_preposition (doc, n) && !arx_attr_cue_class (doc, n) &&
         skip > 0)); skip++)
    n++;
  if ((m = person_at (doc, n)) != NULL || is_subject_pronoun (doc, n))
    {
      guint v = m ? m->tok_end : n + 1;

      if (v >= len)
        return FALSE;
      /* “…,” Jenna Golden, Twitter’s director of advertising, said: an aside, then the verb */
      if (m && arx_attr_tok_char (doc, v, ','))
        {
          guint e = v + 1, sent = ARX_DOC_TOK (doc, v)->sentence;

          while (e < len && e < v + 16 && ARX_DOC_TOK (doc, e)->sentence == sent && ctx->qopen[e] < 0 &&
                 !(arx_attr_tok_char (doc, e - 1, ',') && (arx_attr_cue_class (doc, e) || lower_verb_like (doc, e))))
            e++;
          if (e >= len || e >= v + 16 || ARX_DOC_TOK (doc, e)->sentence != sent || ctx->qopen[e] >= 0 ||
              !arx_speaker_from_np (&ctx->base, n, v, out))
            return FALSE;
          *verb = e;
          return TRUE;
        }
      if (!lower_verb_like (doc, v) || !arx_speaker_from_np (&ctx->base, n, v, out))
        return FALSE;
      *verb = v;
      return TRUE;
    }
  if (lower_verb_like (doc, n) && (m = person_at (doc, n + 1)) != NULL &&
      arx_speaker_from_np (&ctx->base, n + 1, m->tok_end, out))
    {
      *verb = n;
      return TRUE;
    }
  /* “…,” the Vatican spokesman, Federico Lombardi, said …: a short description, then the
   * first person named, then a cue later in the same sentence */
  {
    guint sent = ARX_DOC_TOK (doc, n)->sentence, c;
    const ArxMention *first = NULL;

    for (c = n; c < len && c < n + 25 && ARX_DOC_TOK (doc, c)->sentence == sent && ctx->qopen[c] < 0; c++)
      {
        if (first == NULL && c < n + 5 && (m = person_at (doc, c)) != NULL && m->entity >= 0)
          first = m;
        if (arx_attr_cue_class (doc, c) || arx_attr_is_verb_form (doc, c) || arx_token_is (doc, c, "is") ||
            arx_token_is (doc, c, "was"))
          break;
      }
    if (first && c < len && c >= first->tok_end && arx_attr_cue_class (doc, c) &&
        ARX_DOC_TOK (doc, c)->sentence == sent && ctx->qopen[c] < 0 &&
        arx_speaker_from_np (&ctx->base, first->tok_start, first->tok_end, out))
      {
        *verb = c;
        return TRUE;
      }
  }
  return FALSE;
}

/* Quotations no cue claimed: a quote that opens a sentence right after a statement of the
 * same paragraph (or opens the next paragraph) continues that speaker; others are partial. */
void
arx_attr_leftover_quotes (ArxAttrCtx *ctx)
{
  ArxDoc *doc = ctx->base.doc;
  FoundOrder order;

  found_order_init (&order, ctx->base.found);
  for (guint q = 0; q < doc->quotes->len; q++)
    {
      const ArxQuote *qq = &g_array_index (doc->quotes, ArxQuote, q);
      guint open = ctx->qtok[2 * q];
      const ArxToken *t = ARX_DOC_TOK (doc, open);
      ArxFound *prev = NULL;
      ArxSpeaker speaker = { -1, NULL, -1, -1, NULL, 0 };
      gboolean starts = (t->flags & ARX_TOK_SENT_START) != 0;

      if (qq->depth != 0 || ctx->used[q] || arx_attr_inside_found (ctx, qq->start))
        continue;
      prev = found_order_ending_before (&order, qq->start);
      {
        guint verb;

        if (try_unknown_verb (ctx, q, &speaker, &verb))
          {
            speaker.confidence *= 0.8;
            arx_attr_add_found (ctx, ARX_STATEMENT_DIRECT, qq->start, qq->end, verb, verb + 1, &speaker);
            arx_speaker_clear (&speaker);
            found_order_place (&order);
            continue;
          }
      }
      /* “Let’s take this opportunity,” Blackwell concluded, “to nominate …” */
      if (!starts && prev && prev->speaker.name && prev->kind == ARX_STATEMENT_DIRECT && open > 0 &&
          (arx_attr_tok_char (doc, open - 1, ',') || arx_attr_tok_char (doc, open - 1, ':')) && prev->cue_start >= (int) prev->end &&
          prev->cue_end <= (int) qq->start &&
          ARX_DOC_TOK (doc, arx_doc_token_at (doc, prev->cue_start))->sentence == t->sentence)
        {
          arx_attr_cover (ctx, prev->end, qq->end);
          found_order_extend (&order, prev, qq->end);
          ctx->used[q] = TRUE;
          continue;
        }
      if (starts && prev && prev->speaker.name &&
          (prev->paragraph == t->paragraph ||
           (prev->paragraph + 1 == t->paragraph && (t->flags & ARX_TOK_PARA_START))))
        {
          /* nothing but the previous statement's attribution between it and here */
          gboolean clean = TRUE;
          guint from = arx_doc_token_at (doc, prev->end);

          if (from > 0 && from < doc->tokens->len)
            from = ARX_DOC_SENT (doc, ARX_DOC_TOK (doc, from - 1)->sentence)->tok_end;
          for (guint i = from; i < open; i++)
            if (ARX_DOC_TOK (doc, i)->flags & ARX_TOK_WORD)
              {
                clean = FALSE;
                break;
              }
          if (clean)
            {
              speaker.entity = prev->speaker.entity;
              speaker.name = g_strdup (prev->speaker.name);
              speaker.m_start = prev->speaker.m_start;
              speaker.m_end = prev->speaker.m_end;
              speaker.rule = "continuation";
              speaker.confidence = MIN (0.8, prev->speaker.confidence);
              arx_attr_add_found (ctx, ARX_STATEMENT_DIRECT, qq->start, qq->end, 0, 0, &speaker);
              found_order_place (&order);
              continue;
            }
        }
      /* "Cruz called them on it:" and the quotation opens the next paragraph */
      if ((t->flags & ARX_TOK_PARA_START) && open > 0 && arx_attr_tok_char (doc, open - 1, ':'))
        {
          const ArxSentence *ps = ARX_DOC_SENT (doc, ARX_DOC_TOK (doc, open - 1)->sentence);
          gboolean found = FALSE;

          for (guint c = ps->tok_start; c + 1 < ps->tok_end && !found; c++)
            if (arx_attr_cue_class (doc, c))
              found = arx_attr_speaker_before (ctx, ps->tok_start, c, &speaker);
          if (!found)
            found = arx_attr_clause_subject (ctx, ps->tok_start, ps->tok_end - 1, &speaker);
          if (found)
            {
              speaker.rule = g_strcmp0 (speaker.rule, "pronoun") == 0 ? "pronoun" : "colon";
              arx_attr_add_found (ctx, ARX_STATEMENT_DIRECT, qq->start, qq->end, open - 1, open, &speaker);
              arx_speaker_clear (&speaker);
              continue;
            }
        }
      /* "Merkel heralded the deal as a “breakthrough.”": a person opening the sentence and a
       * verb of ours unknown; the predicate with its quotation is what the person said */
      if (!starts && !(t->flags & ARX_TOK_IN_QUOTE))
        {
          const ArxSentence *sent = ARX_DOC_SENT (doc, t->sentence);
          guint a = sent->tok_start, v;
          const ArxToken *first = ARX_DOC_TOK (doc, a);

          if (first->mention >= 0 && ARX_DOC_MENTION (doc, first->mention)->kind == ARX_ENTITY_PERSON &&
              ARX_DOC_MENTION (doc, first->mention)->tok_start == a)
            {
              v = ARX_DOC_MENTION (doc, first->mention)->tok_end;
              while (v < open && arx_token_is_skip_word (doc, v))
                v++;
              /* a lower-case verb-like word right after the name, then its object */
              if (v + 1 < open && (ARX_DOC_TOK (doc, v)->flags & ARX_TOK_WORD) &&
                  g_unichar_islower (g_utf8_get_char (doc->text + ARX_DOC_TOK (doc, v)->start)) &&
                  looks_like_past_verb (doc, v) &&
                  arx_speaker_from_np (&ctx->base, a, ARX_DOC_MENTION (doc, first->mention)->tok_end, &speaker))
                {
                  speaker.confidence *= 0.5;
                  if (arx_attr_emit_content (ctx, v + 1, sent->tok_end, v, v + 1, &speaker, FALSE))
                    {
                      arx_speaker_clear (&speaker);
                      found_order_place (&order);
                      continue;
                    }
                  arx_speaker_clear (&speaker);
                }
            }
        }
      /* short titles and names in quotation marks (“Shark Tank”) are not statements */
      {
        guint words = 0, caps = 0;

        for (guint i = open + 1; i < doc->tokens->len && ARX_DOC_TOK (doc, i)->end < qq->end; i++)
          if (ARX_DOC_TOK (doc, i)->flags & ARX_TOK_WORD)
            {
              words++;
              caps += (ARX_DOC_TOK (doc, i)->flags & ARX_TOK_CAP) != 0;
            }
        if (words == 0 || (words <= 4 && caps == words))
          continue;
        /* a short fragment with no cue and no speaker is a scare quote or a borrowed phrase
         * (“comprehensive immigration reform”): on PolNeAR train fewer than one in five of
         * those under 8 words is reported speech, and news annotations that count attributed
         * quotes only never count them; longer ones are mostly real quotations whose
         * attribution we missed (72 % from 12 words) */
        if (words < 8)
          continue;
      }
      speaker.confidence = 0.3;
      arx_attr_add_found (ctx, ARX_STATEMENT_PARTIAL, qq->start, qq->end, 0, 0, &speaker);
    }
}
