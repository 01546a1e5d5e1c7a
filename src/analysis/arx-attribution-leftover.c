/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "arx-analyzer"

#include "config.h"

#include <string.h>

#include "arx-attribution.h"

/* The quotations no cue claimed, read through the discourse: a verb we do not list after the
 * quotation, the speaker of the statement before (continuation), a colon at the end of the
 * paragraph before, a person opening the sentence; what is left is a partial quote or nothing
 * (titles, scare quotes, slogans, headlines). */

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

/* "“PENCE: Gennifer Flowers will not …”": a quoted transcript whose turns are statements of
 * their own already; the quotation around them is no second one */
static gboolean
holds_found (ArxAttrCtx *ctx, guint start, guint end)
{
  for (guint b = start; b < end; b++)
    if (arx_attr_inside_found (ctx, b))
      return TRUE;
  return FALSE;
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

  if (close == 0 || n + 1 >= len || arx_attr_quote_is_noun_phrase (ctx, q, FALSE) ||
      arx_attr_quote_is_noun_phrase (ctx, q, TRUE))
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

/* "“Meth. We’re on it” is rolling out …": a quotation followed by its verb is a name or a
 * slogan used as the sentence's subject, not words someone says here. */
static gboolean
quote_is_subject (ArxAttrCtx *ctx, guint q)
{
  ArxDoc *doc = ctx->base.doc;
  guint n = ctx->qtok[2 * q + 1] + 1;

  if (n >= doc->tokens->len || ARX_DOC_TOK (doc, n)->sentence != ARX_DOC_TOK (doc, n - 1)->sentence)
    return FALSE;
  return arx_token_is_clause_verb (doc, n) ||
         (!(ARX_DOC_TOK (doc, n)->flags & ARX_TOK_CAP) && arx_attr_is_verb_form (doc, n) && !arx_attr_cue_class (doc, n));
}

/* Tokens [@from, @open) are one sentence of the quotation's paragraph, with no quotation in
 * it, whose subject is @prev's speaker: a "he" or "she" that resolves to them, or their name. */
static gboolean
same_subject_between (ArxAttrCtx *ctx, const ArxFound *prev, guint from, guint open)
{
  ArxDoc *doc = ctx->base.doc;
  const ArxToken *first;
  double conf;

  if (prev->speaker.entity < 0 || from >= open || ARX_DOC_TOK (doc, from)->sentence != ARX_DOC_TOK (doc, open - 1)->sentence ||
      ARX_DOC_TOK (doc, from)->paragraph != ARX_DOC_TOK (doc, open)->paragraph)
    return FALSE;
  for (guint i = from; i < open; i++)
    if (ARX_DOC_TOK (doc, i)->flags & (ARX_TOK_QUOTE | ARX_TOK_IN_QUOTE))
      return FALSE;
  first = ARX_DOC_TOK (doc, from);
  if (first->mention >= 0)
    return ARX_DOC_MENTION (doc, first->mention)->entity == prev->speaker.entity &&
           ARX_DOC_MENTION (doc, first->mention)->tok_start == from;
  if (arx_token_is (doc, from, "He") || arx_token_is (doc, from, "She"))
    return arx_resolve_pronoun (&ctx->base, from, arx_token_is (doc, from, "He") ? 'M' : 'F', &conf) == prev->speaker.entity;
  return FALSE;
}

/* A paragraph in title case without a full stop: a headline or a link to another story
 * ("‘We Got Her!’ Video Shows Dramatic Rescue"). */
static gboolean
in_headline (const ArxDoc *doc, guint tok)
{
  guint para = ARX_DOC_TOK (doc, tok)->paragraph, a = tok, b = tok, words = 0, caps = 0;

  /* a paragraph of more than 30 tokens is no headline: the scans stop there (a text without
   * paragraph breaks is one paragraph, and scanning it all for each quotation was quadratic) */
  while (a > 0 && ARX_DOC_TOK (doc, a - 1)->paragraph == para && tok - a <= 30)
    a--;
  while (b < doc->tokens->len && ARX_DOC_TOK (doc, b)->paragraph == para && b - a <= 30)
    b++;
  if (b - a > 30 || arx_attr_tok_char (doc, b - 1, '.'))
    return FALSE;
  for (guint i = a; i < b; i++)
    if ((ARX_DOC_TOK (doc, i)->flags & ARX_TOK_WORD) && ARX_DOC_TOK (doc, i)->end - ARX_DOC_TOK (doc, i)->start > 3)
      {
        words++;
        caps += (ARX_DOC_TOK (doc, i)->flags & ARX_TOK_CAP) != 0;
      }
  return words >= 3 && caps * 4 >= words * 3;
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

      if (qq->depth != 0 || ctx->used[q] || arx_attr_inside_found (ctx, qq->start) || arx_attr_is_furniture (ctx, open) ||
          holds_found (ctx, qq->start, qq->end))
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
      /* “We got her.” ¶ Officer Webb said later. */
      {
        guint cue;

        if (starts && arx_attr_speaker_next_sentence (ctx, q, &speaker, &cue))
          {
            arx_attr_add_found (ctx, ARX_STATEMENT_DIRECT, qq->start, qq->end, cue, cue + 1, &speaker);
            arx_speaker_clear (&speaker);
            found_order_place (&order);
            continue;
          }
        arx_speaker_clear (&speaker);
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
      if (starts && prev && prev->speaker.name && !quote_is_subject (ctx, q) && !in_headline (doc, open) &&
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
          /* "“…,” Moreno said. He did not promise new money. “Our goal is …”": one sentence
           * in between whose subject is the same speaker keeps the discourse on them */
          if (!clean && same_subject_between (ctx, prev, from, open))
            {
              clean = TRUE;
              speaker.confidence = MIN (0.7, prev->speaker.confidence);
            }
          if (clean)
            {
              speaker.entity = prev->speaker.entity;
              speaker.name = g_strdup (prev->speaker.name);
              speaker.m_start = prev->speaker.m_start;
              speaker.m_end = prev->speaker.m_end;
              speaker.rule = "continuation";
              speaker.confidence = speaker.confidence > 0 ? speaker.confidence : MIN (0.8, prev->speaker.confidence);
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
