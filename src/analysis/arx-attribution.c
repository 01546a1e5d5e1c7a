/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "arx-analyzer"

#include "config.h"

#include <string.h>

#include "arx-attribution.h"

/* Statements: each reporting cue (said, told, according to, …) is matched with its content,
 * either before it ("…,” Bossert said.) or after it (Bossert said that …), and its speaker is
 * chosen by the sieve in arx-speakers.c. Quotations left without a cue continue the previous
 * speaker or stand as partial quotes. */

typedef struct
{
  ArxAttribution  base;
  int            *qopen;    /* token → depth-0 quote opened there, or -1 */
  int            *qclose;   /* token → depth-0 quote closed there, or -1 */
  guint          *qtok;     /* quote → [open token, close token] pairs */
  gboolean       *used;     /* quote → covered by a statement */
  guint8         *covered;  /* text byte → inside a found statement (no scan per token) */
  guint          *qmaxend;  /* quote → largest end of the depth-0 quotes up to it */
} Ctx;

static const char *const tell_objects[] = {
  "reporters", "media", "journalists", "me", "us", "him", "her", "them",
  "audience", "crowd", "supporters", "lawmakers", "members", "viewers", "listeners", "readers",
  "interviewer", "host", "press", "voters", "students", "attendees", "people", "delegates", NULL
};

static gboolean
token_in_list (const ArxDoc *doc, guint i, const char *const *list)
{
  for (guint k = 0; list[k]; k++)
    if (arx_token_is_ci (doc, i, list[k]))
      return TRUE;
  return FALSE;
}

static gboolean
is_tell_verb (const ArxDoc *doc, guint i)
{
  return arx_token_is_ci (doc, i, "told") || arx_token_is_ci (doc, i, "tells") ||
         arx_token_is_ci (doc, i, "tell") || arx_token_is_ci (doc, i, "telling") ||
         arx_token_is_ci (doc, i, "asked") || arx_token_is_ci (doc, i, "informed") ||
         arx_token_is_ci (doc, i, "assured") || arx_token_is_ci (doc, i, "reminded") ||
         arx_token_is_ci (doc, i, "warned") || arx_token_is_ci (doc, i, "urged");
}

static gboolean
tok_char (const ArxDoc *doc, guint i, char c)
{
  const ArxToken *t = ARX_DOC_TOK (doc, i);

  return t->end - t->start == 1 && doc->text[t->start] == c;
}

static gboolean
is_end_punct (const ArxDoc *doc, guint i)
{
  const ArxToken *t = ARX_DOC_TOK (doc, i);

  if (!(t->flags & ARX_TOK_PUNCT))
    return FALSE;
  return tok_char (doc, i, '.') || tok_char (doc, i, '!') || tok_char (doc, i, '?') ||
         tok_char (doc, i, ',') || tok_char (doc, i, ';') || tok_char (doc, i, ':') ||
         g_utf8_get_char (doc->text + t->start) == 0x2014 || tok_char (doc, i, '-');
}

/* 'S', 'T' or 'O' (see data/analysis/cues.tsv) when token @i is a reporting verb used as one. */
static char
cue_class (const ArxDoc *doc, guint i)
{
  const ArxToken *t = ARX_DOC_TOK (doc, i);
  char buf[32], c;
  gsize len = t->end - t->start;

  if (!(t->flags & ARX_TOK_WORD) || (t->flags & ARX_TOK_IN_QUOTE) || len >= sizeof buf ||
      (t->flags & ARX_TOK_UPPER))
    return 0;
  for (gsize k = 0; k < len; k++)
    buf[k] = g_ascii_tolower (doc->text[t->start + k]);
  c = arx_lexicon_lookup_char (doc->lex->cues, buf, len);
  if (c == 0 || i == 0)
    return c;
  /* "news reports", "the statement said" is fine but "was told" is passive */
  if (arx_token_is_ci (doc, i - 1, "the") || arx_token_is_ci (doc, i - 1, "a") ||
      arx_token_is_ci (doc, i - 1, "his") || arx_token_is_ci (doc, i - 1, "her") ||
      arx_token_is_ci (doc, i - 1, "their") || arx_token_is_ci (doc, i - 1, "its") ||
      arx_token_is_ci (doc, i - 1, "was") || arx_token_is_ci (doc, i - 1, "were") ||
      arx_token_is_ci (doc, i - 1, "been") || arx_token_is_ci (doc, i - 1, "being") ||
      arx_token_is_ci (doc, i - 1, "news") || arx_token_is_ci (doc, i - 1, "media"))
    return 0;
  return c;
}

/* "determining", "showed": a verb between a cue and a later "that" means the "that" is not
 * the cue's ("charged Lewandowski after determining that …") */
static gboolean
is_verb_form (const ArxDoc *doc, guint i)
{
  const ArxToken *t = ARX_DOC_TOK (doc, i);
  const char *w = doc->text + t->start;
  gsize len = t->end - t->start;

  if (!(t->flags & ARX_TOK_WORD) || (t->flags & ARX_TOK_CAP) || len < 5 || arx_token_is_preposition (doc, i) ||
      arx_token_is_ci (doc, i, "following") || arx_token_is_ci (doc, i, "including") ||
      arx_token_is_ci (doc, i, "regarding") || arx_token_is_ci (doc, i, "concerning"))
    return FALSE;
  if (g_str_has_prefix (w, "interview") || g_str_has_prefix (w, "statement") || g_str_has_prefix (w, "meeting") ||
      g_str_has_prefix (w, "briefing") || g_str_has_prefix (w, "morning") || g_str_has_prefix (w, "evening"))
    return FALSE;
  return (w[len - 3] == 'i' && w[len - 2] == 'n' && w[len - 1] == 'g') || (w[len - 2] == 'e' && w[len - 1] == 'd');
}


/* Marks [start, end) as inside a found statement; found statements only ever grow. */
static void
cover (Ctx *ctx, guint start, guint end)
{
  end = MIN (end, ctx->base.doc->len);
  if (end > start)
    memset (ctx->covered + start, 1, end - start);
}

/* Index of the first quote that starts at or after @byte (binary search). */
static guint
first_quote_from (const ArxDoc *doc, guint byte)
{
  guint lo = 0, hi = doc->quotes->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (g_array_index (doc->quotes, ArxQuote, mid).start < byte)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

static void
add_found (Ctx *ctx, ArxStatementKind kind, guint start, guint end, guint cue_a, guint cue_b,
           ArxSpeaker *speaker)
{
  ArxDoc *doc = ctx->base.doc;
  ArxFound f = { 0 };

  if (end <= start)
    return;
  f.kind = kind;
  f.start = start;
  f.end = end;
  f.cue_start = cue_b > cue_a ? (int) ARX_DOC_TOK (doc, cue_a)->start : -1;
  f.cue_end = cue_b > cue_a ? (int) ARX_DOC_TOK (doc, cue_b - 1)->end : -1;
  f.paragraph = ARX_DOC_TOK (doc, arx_doc_token_at (doc, start))->paragraph;
  f.speaker = *speaker;
  speaker->name = NULL;
  g_array_append_val (ctx->base.found, f);
  cover (ctx, start, end);
  /* quotes are ordered by start: only those from @start on can lie inside */
  for (guint q = first_quote_from (doc, start); q < doc->quotes->len; q++)
    {
      const ArxQuote *qq = &g_array_index (doc->quotes, ArxQuote, q);

      if (qq->start >= end)
        break;
      if (qq->end <= end)
        ctx->used[q] = TRUE;
    }
}

/* Emits the content between tokens [a, b) (trailing punctuation trimmed) as a statement
 * whose kind follows from the quotations inside it. */
static gboolean
emit_content (Ctx *ctx, guint a, guint b, guint cue_a, guint cue_b, ArxSpeaker *speaker,
              gboolean allow_indirect)
{
  ArxDoc *doc = ctx->base.doc;
  guint words = 0, n_quotes = 0, quote_words = 0;
  int only = -1;

  while (a < b && is_end_punct (doc, a))
    a++;
  while (b > a && is_end_punct (doc, b - 1))
    b--;
  /* a closing mark whose quotation opened inside stays; others go */
  while (b > a && (ARX_DOC_TOK (doc, b - 1)->flags & ARX_TOK_QUOTE) && ctx->qclose[b - 1] < 0)
    b--;
  while (b > a && ctx->qclose[b - 1] >= 0 && ctx->qtok[2 * ctx->qclose[b - 1]] < a)
    b--;
  while (b > a && is_end_punct (doc, b - 1))
    b--;
  if (b <= a)
    return FALSE;
  for (guint i = a; i < b; i++)
    {
      if (ctx->qopen[i] >= 0)
        {
          guint close = ctx->qtok[2 * ctx->qopen[i] + 1];

          n_quotes++;
          only = ctx->qopen[i];
          if (close >= b)
            b = close + 1;  /* a quotation running on past the sentence */
          quote_words += close - i + 1;
          i = close;
          words += quote_words;
          continue;
        }
      words += (ARX_DOC_TOK (doc, i)->flags & (ARX_TOK_WORD | ARX_TOK_NUMBER)) != 0;
    }
  if (n_quotes == 1 && ctx->qtok[2 * only] <= a + 1 && ctx->qtok[2 * only + 1] + 2 >= b)
    {
      const ArxQuote *q = &g_array_index (doc->quotes, ArxQuote, only);

      add_found (ctx, ARX_STATEMENT_DIRECT, q->start, q->end, cue_a, cue_b, speaker);
      return TRUE;
    }
  if (n_quotes == 0 && (!allow_indirect || words < 3))
    return FALSE;
  add_found (ctx, n_quotes ? ARX_STATEMENT_MIXED : ARX_STATEMENT_INDIRECT,
             ARX_DOC_TOK (doc, a)->start, ARX_DOC_TOK (doc, b - 1)->end, cue_a, cue_b, speaker);
  return TRUE;
}

/* First token of the clause that ends at @i: the sentence start, or after a quotation, a
 * semicolon, "that" or a subordinating word. */
static guint
clause_start (Ctx *ctx, guint s0, guint i)
{
  ArxDoc *doc = ctx->base.doc;

  for (guint k = i; k > s0; k--)
    {
      guint j = k - 1;

      if (ctx->qclose[j] >= 0 || tok_char (doc, j, ';') || tok_char (doc, j, ':') ||
          arx_token_is (doc, j, "that") || arx_token_is_ci (doc, j, "while") ||
          arx_token_is_ci (doc, j, "because") || arx_token_is_ci (doc, j, "although") ||
          arx_token_is_ci (doc, j, "but") || arx_token_is_ci (doc, j, "when") ||
          arx_token_is_ci (doc, j, "though"))
        return k;
    }
  return s0;
}

static guint
skip_brackets_back (const ArxDoc *doc, guint a, guint b)
{
  if (b > a && tok_char (doc, b - 1, ')'))
    for (guint k = b - 1; k > a; k--)
      if (tok_char (doc, k - 1, '('))
        return k - 1;
  return b;
}

/* "He laughed and said", "…, most recently saying": the subject that opens the clause. */
static gboolean
clause_subject (Ctx *ctx, guint L, guint cue, ArxSpeaker *out)
{
  ArxDoc *doc = ctx->base.doc;
  guint a = L;

  if (a < cue && (ARX_DOC_TOK (doc, a)->flags & ARX_TOK_QUOTE))
    a++;
  if (a >= cue)
    return FALSE;
  if (arx_token_is_ci (doc, a, "he") || arx_token_is_ci (doc, a, "she"))
    return arx_speaker_from_np (&ctx->base, a, a + 1, out);
  /* "Democratic candidate Sen. Bernie Sanders (I-Vt.) on Saturday criticized …" */
  for (guint k = a; k < cue && k < a + 5; k++)
    {
      const ArxToken *t = ARX_DOC_TOK (doc, k);

      if (t->mention >= 0)
        {
          const ArxMention *m = ARX_DOC_MENTION (doc, t->mention);

          if (m->tok_start == k && m->tok_end <= cue && m->entity >= 0 &&
              (m->kind == ARX_ENTITY_PERSON || m->kind == ARX_ENTITY_ORGANIZATION) &&
              arx_speaker_from_np (&ctx->base, k, m->tok_end, out))
            {
              out->confidence *= 0.8;
              return TRUE;
            }
          k = m->tok_end - 1;
          continue;
        }
      if (!(t->flags & ARX_TOK_CAP))
        break;
    }
  return FALSE;
}

/* The speaker of a cue from the words before it. */
static gboolean
speaker_before (Ctx *ctx, guint s0, guint cue, ArxSpeaker *out)
{
  ArxDoc *doc = ctx->base.doc;
  guint L = clause_start (ctx, s0, cue), j = cue, last_comma = G_MAXUINT, first_comma = G_MAXUINT;

  while (j > L && (arx_token_is_skip_word (doc, j - 1) || arx_token_is (doc, j - 1, "not") ||
                   arx_token_is (doc, j - 1, "n't") || arx_token_is_ci (doc, j - 1, "did")))
    j--;
  for (guint k = L; k < j; k++)
    if (tok_char (doc, k, ','))
      {
        last_comma = k;
        if (first_comma == G_MAXUINT)
          first_comma = k;
      }
  if (last_comma != G_MAXUINT && last_comma + 1 < j)
    {
      guint b = skip_brackets_back (doc, last_comma + 1, j);

      if (arx_speaker_from_np (&ctx->base, last_comma + 1, b, out))
        return TRUE;
    }
  if (last_comma == G_MAXUINT)
    {
      guint b = skip_brackets_back (doc, L, j);

      if (arx_speaker_from_np (&ctx->base, MAX (L, b > 12 ? b - 12 : 0), b, out))
        return TRUE;
      return clause_subject (ctx, L, cue, out);
    }
  /* "Clinton's campaign chairman, John Podesta, said": the name in apposition */
  if (first_comma != last_comma && ARX_DOC_TOK (doc, first_comma + 1)->mention >= 0)
    {
      const ArxMention *m = ARX_DOC_MENTION (doc, ARX_DOC_TOK (doc, first_comma + 1)->mention);

      if (m->tok_start == first_comma + 1 && m->tok_end == last_comma && m->kind == ARX_ENTITY_PERSON &&
          arx_speaker_from_np (&ctx->base, m->tok_start, m->tok_end, out))
        {
          out->rule = "apposition";
          return TRUE;
        }
    }
  /* "Trump, last Sunday, …, tweeted": the subject opens the clause */
  {
    guint b = skip_brackets_back (doc, L, first_comma);

    if (arx_speaker_from_np (&ctx->base, L, b, out))
      {
        if (g_strcmp0 (out->rule, "subject") == 0 && first_comma + 1 < doc->tokens->len &&
            (arx_token_is_ci (doc, first_comma + 1, "a") || arx_token_is_ci (doc, first_comma + 1, "the") ||
             arx_token_is_ci (doc, first_comma + 1, "an")))
          out->rule = "apposition";
        return TRUE;
      }
  }
  return clause_subject (ctx, L, cue, out) || (L != s0 && clause_subject (ctx, s0, cue, out));
}

/* "…,” Bossert said." / "…, he added." / "…,” said Bossert." */
static gboolean
try_trailing (Ctx *ctx, guint s0, guint s1, guint cue)
{
  ArxDoc *doc = ctx->base.doc;
  guint j = cue, k, sep, tail_end = s1, content_start;
  ArxSpeaker speaker = { -1, NULL, -1, -1, NULL, 0 };
  gboolean ok, after_quote;

  while (j > s0 && arx_token_is_skip_word (doc, j - 1))
    j--;
  for (k = j; k > s0 && j - k < 9; k--)
    {
      guint p = k - 1;

      if (tok_char (doc, p, ',') || ctx->qclose[p] >= 0)
        break;
      if (!(ARX_DOC_TOK (doc, p)->flags & (ARX_TOK_WORD | ARX_TOK_NUMBER)) && !tok_char (doc, p, '.') &&
          !tok_char (doc, p, '(') && !tok_char (doc, p, ')') && !tok_char (doc, p, '-'))
        return FALSE;
      if (arx_token_is (doc, p, "that") || cue_class (doc, p))
        return FALSE;
    }
  if (k == s0)
    return FALSE;
  sep = k - 1;
  /* the tail after the cue is short and introduces nothing */
  while (tail_end > cue + 1 && is_end_punct (doc, tail_end - 1))
    tail_end--;
  after_quote = ctx->qclose[sep] >= 0 || (sep > s0 && ctx->qclose[sep - 1] >= 0);
  for (guint t = cue + 1; t < s1; t++)
    {
      /* a quotation after the cue belongs to it, unless the content before was one too:
       * "…,” he said, “…”" */
      if (ctx->qopen[t] >= 0 && !(after_quote && tok_char (doc, t - 1, ',')))
        return FALSE;
      if (t >= tail_end)
        continue;
      if (arx_token_is (doc, t, "that") || tok_char (doc, t, ':'))
        return FALSE;
      if (t > cue + 1 && tok_char (doc, t, ','))
        {
          /* "…,” he said, adding that …": the tail ends here */
          tail_end = t;
        }
    }
  /* "…,” Clinton said on Thursday during a speech at …" */
  if (tail_end - cue > (after_quote ? 25u : 10u))
    return FALSE;
  /* "…, she joked about moving": without a quotation before, what follows the cue must be
   * an adjunct, an addressee or nothing */
  if (!after_quote && tail_end > cue + 1 && !arx_token_is_preposition (doc, cue + 1) &&
      !arx_token_is_skip_word (doc, cue + 1) && !is_tell_verb (doc, cue) &&
      ARX_DOC_TOK (doc, cue + 1)->mention < 0 && !(ARX_DOC_TOK (doc, cue + 1)->flags & ARX_TOK_CAP) &&
      !tok_char (doc, cue + 1, ','))
    return FALSE;
  if (!after_quote && tail_end > cue + 1 && (arx_token_is_ci (doc, cue + 1, "about") || arx_token_is_ci (doc, cue + 1, "of")))
    return FALSE;
  if (k == j && sep > s0 + 1)
    {
      /* “…,” Sarandon, 69, told MSNBC — a name and an aside before the cue */
      guint c2 = sep, k2;

      while (c2 > s0 && sep - c2 < 10 && !tok_char (doc, c2 - 1, ',') && ctx->qclose[c2 - 1] < 0)
        c2--;
      if (c2 > s0 && tok_char (doc, c2 - 1, ','))
        {
          for (k2 = c2 - 1; k2 > s0 && c2 - k2 < 7; k2--)
            if (ctx->qclose[k2 - 1] >= 0 || tok_char (doc, k2 - 1, ','))
              break;
          if (k2 > s0 && k2 < c2 - 1 && (ctx->qclose[k2 - 1] >= 0 || (tok_char (doc, k2 - 1, ',') && k2 > 1 &&
                                                                       ctx->qclose[k2 - 2] >= 0)) &&
              arx_speaker_from_np (&ctx->base, k2, c2 - 1, &speaker) && speaker.entity >= 0)
            {
              speaker.rule = "apposition";
              sep = k2 - 1;
              k = k2;
            }
        }
    }
  if (k == j)
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
  for (guint q = first_quote_from (doc, ARX_DOC_TOK (doc, s0)->start);
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
  if (tail_end < s1 && tok_char (doc, tail_end, ',') && tail_end + 3 < s1 && ctx->qopen[tail_end + 1] < 0 &&
      !(ARX_DOC_TOK (doc, tail_end + 1)->flags & ARX_TOK_IN_QUOTE) && !cue_class (doc, tail_end + 1) &&
      ctx->qclose[sep - 1] < 0)
    ok = emit_content (ctx, content_start, s1, cue, cue + 1, &speaker, TRUE);
  else
    ok = emit_content (ctx, content_start, sep, cue, cue + 1, &speaker, TRUE);
  arx_speaker_clear (&speaker);
  return ok;
}

/* "Bossert said (that) …", "told reporters …", "tweeted: “…”" */
static gboolean
try_leading (Ctx *ctx, guint s0, guint s1, guint cue, char cls)
{
  ArxDoc *doc = ctx->base.doc;
  ArxSpeaker speaker = { -1, NULL, -1, -1, NULL, 0 };
  guint p = cue + 1, end = s1;
  gboolean had_that = FALSE, ok;

  if (p >= s1)
    return FALSE;
  if (is_tell_verb (doc, cue))
    {
      if (ARX_DOC_TOK (doc, p)->mention >= 0)
        p = ARX_DOC_MENTION (doc, ARX_DOC_TOK (doc, p)->mention)->tok_end;
      else
        for (guint n = 0; n < 3 && p < s1 && token_in_list (doc, p, tell_objects); n++)
          p++;
    }
  for (guint t = p; t < s1 && t < p + 10; t++)
    {
      if (ctx->qopen[t] >= 0 || tok_char (doc, t, '.') || tok_char (doc, t, ';') || is_verb_form (doc, t))
        break;
      if (arx_token_is (doc, t, "that"))
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
    }
  if (!had_that && p < s1 && (arx_token_is_preposition (doc, p) || arx_token_is_skip_word (doc, p)))
    {
      /* "said in a statement: “…”" — an adjunct, then a colon or a quotation */
      guint t;

      for (t = p; t < s1 && t < p + 10; t++)
        if (ctx->qopen[t] >= 0 || tok_char (doc, t, ':'))
          break;
      if (t >= s1 || t >= p + 10)
        return FALSE;
      p = t;
    }
  while (p < s1 && (tok_char (doc, p, ',') || tok_char (doc, p, ':')))
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
  if (!speaker_before (ctx, s0, cue, &speaker))
    {
      /* "About 4 in 10 say they want …": the words before the cue, unresolved */
      guint L = clause_start (ctx, s0, cue), j = cue;

      while (j > L && arx_token_is_skip_word (doc, j - 1))
        j--;
      if (cls == 'S' && j > L && j - L <= 12 && !tok_char (doc, j - 1, ',') &&
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
      else if (ctx->qopen[p] < 0)
        return FALSE;
    }
  ok = emit_content (ctx, p, end, cue, cue + 1, &speaker, TRUE);
  arx_speaker_clear (&speaker);
  return ok;
}

/* "according to X, …" / "…, according to X." */
static gboolean
try_according (Ctx *ctx, guint s0, guint s1, guint i)
{
  ArxDoc *doc = ctx->base.doc;
  ArxSpeaker speaker = { -1, NULL, -1, -1, NULL, 0 };
  guint a = i + 2, b = a, ok;

  while (b < s1 && b < a + 10 && !tok_char (doc, b, ',') && !tok_char (doc, b, '.') &&
         !tok_char (doc, b, ';') && ctx->qopen[b] < 0)
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
  if (i == s0 || (i > s0 && (ARX_DOC_TOK (doc, i - 1)->flags & ARX_TOK_SENT_START) && !tok_char (doc, i - 1, ',')))
    ok = emit_content (ctx, b, s1, i, i + 2, &speaker, TRUE);
  else
    ok = emit_content (ctx, s0, i, i, i + 2, &speaker, TRUE);
  arx_speaker_clear (&speaker);
  return ok;
}

/* Transcripts: a paragraph opening with "PENCE:" or "Mr. Smith:" */
static void
find_labels (Ctx *ctx)
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
        if (tok_char (doc, colon, ':') || !(ARX_DOC_TOK (doc, colon)->flags & ARX_TOK_UPPER))
          break;
      if (colon == k || colon >= doc->tokens->len || !tok_char (doc, colon, ':'))
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
      speaker.confidence = 0.85;
      add_found (ctx, ARX_STATEMENT_DIRECT, ARX_DOC_TOK (doc, colon + 1)->start,
                 ARX_DOC_TOK (doc, para_end - 1)->end, colon, colon + 1, &speaker);
      arx_speaker_clear (&speaker);
      i = para_end - 1;
    }
}

static gboolean
inside_found (Ctx *ctx, guint byte)
{
  return byte < ctx->base.doc->len && ctx->covered[byte];
}

static void
find_cues (Ctx *ctx)
{
  ArxDoc *doc = ctx->base.doc;

  for (guint s = 0; s < doc->sentences->len; s++)
    {
      const ArxSentence *sent = ARX_DOC_SENT (doc, s);

      if (sent->all_caps)
        continue;
      for (guint i = sent->tok_start; i < sent->tok_end; i++)
        {
          char cls;

          if (inside_found (ctx, ARX_DOC_TOK (doc, i)->start))
            continue;
          if (arx_token_is_ci (doc, i, "according") && i + 1 < sent->tok_end && arx_token_is (doc, i + 1, "to") &&
              !(ARX_DOC_TOK (doc, i)->flags & ARX_TOK_IN_QUOTE))
            {
              try_according (ctx, sent->tok_start, sent->tok_end, i);
              continue;
            }
          if ((cls = cue_class (doc, i)) == 0)
            continue;
          if (!try_trailing (ctx, sent->tok_start, sent->tok_end, i))
            try_leading (ctx, sent->tok_start, sent->tok_end, i, cls);
        }
    }
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

/* Quotations no cue claimed: a quote that opens a sentence right after a statement of the
 * same paragraph (or opens the next paragraph) continues that speaker; others are partial. */
static void
leftover_quotes (Ctx *ctx)
{
  ArxDoc *doc = ctx->base.doc;

  g_array_sort (ctx->base.found, compare_found);
  for (guint q = 0; q < doc->quotes->len; q++)
    {
      const ArxQuote *qq = &g_array_index (doc->quotes, ArxQuote, q);
      guint open = ctx->qtok[2 * q];
      const ArxToken *t = ARX_DOC_TOK (doc, open);
      ArxFound *prev = NULL;
      ArxSpeaker speaker = { -1, NULL, -1, -1, NULL, 0 };
      gboolean starts = (t->flags & ARX_TOK_SENT_START) != 0;

      if (qq->depth != 0 || ctx->used[q] || inside_found (ctx, qq->start))
        continue;
      for (guint k = 0; k < ctx->base.found->len; k++)
        {
          ArxFound *f = &g_array_index (ctx->base.found, ArxFound, k);

          if (f->end <= qq->start && (prev == NULL || f->end > prev->end))
            prev = f;
        }
      /* “Let’s take this opportunity,” Blackwell concluded, “to nominate …” */
      if (!starts && prev && prev->speaker.name && prev->kind == ARX_STATEMENT_DIRECT && open > 0 &&
          (tok_char (doc, open - 1, ',') || tok_char (doc, open - 1, ':')) && prev->cue_start >= (int) prev->end &&
          prev->cue_end <= (int) qq->start &&
          ARX_DOC_TOK (doc, arx_doc_token_at (doc, prev->cue_start))->sentence == t->sentence)
        {
          cover (ctx, prev->end, qq->end);
          prev->end = qq->end;
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
          /* the next paragraph's quotation too, while the whole stays short (news style
           * annotations keep such runs together; a reader sees one statement) */
          if (clean && prev->kind == ARX_STATEMENT_DIRECT &&
              (prev->paragraph == t->paragraph || qq->end - prev->start <= 600))
            {
              /* “…,” he said. “…” is one statement interrupted by its attribution */
              cover (ctx, prev->end, qq->end);
              prev->end = qq->end;
              ctx->used[q] = TRUE;
              continue;
            }
          if (clean)
            {
              speaker.entity = prev->speaker.entity;
              speaker.name = g_strdup (prev->speaker.name);
              speaker.m_start = prev->speaker.m_start;
              speaker.m_end = prev->speaker.m_end;
              speaker.rule = "continuation";
              speaker.confidence = MIN (0.8, prev->speaker.confidence);
              add_found (ctx, ARX_STATEMENT_DIRECT, qq->start, qq->end, 0, 0, &speaker);
              g_array_sort (ctx->base.found, compare_found);
              continue;
            }
        }
      /* "Cruz called them on it:" and the quotation opens the next paragraph */
      if ((t->flags & ARX_TOK_PARA_START) && open > 0 && tok_char (doc, open - 1, ':'))
        {
          const ArxSentence *ps = ARX_DOC_SENT (doc, ARX_DOC_TOK (doc, open - 1)->sentence);
          gboolean found = FALSE;

          for (guint c = ps->tok_start; c + 1 < ps->tok_end && !found; c++)
            if (cue_class (doc, c))
              found = speaker_before (ctx, ps->tok_start, c, &speaker);
          if (!found)
            found = clause_subject (ctx, ps->tok_start, ps->tok_end - 1, &speaker);
          if (found)
            {
              speaker.rule = g_strcmp0 (speaker.rule, "pronoun") == 0 ? "pronoun" : "colon";
              add_found (ctx, ARX_STATEMENT_DIRECT, qq->start, qq->end, open - 1, open, &speaker);
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
                  if (emit_content (ctx, v + 1, sent->tok_end, v, v + 1, &speaker, FALSE))
                    {
                      arx_speaker_clear (&speaker);
                      g_array_sort (ctx->base.found, compare_found);
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
      }
      speaker.confidence = 0.3;
      add_found (ctx, ARX_STATEMENT_PARTIAL, qq->start, qq->end, 0, 0, &speaker);
    }
}

void
arx_doc_find_statements (ArxDoc      *doc,
                         ArxAnalysis *analysis)
{
  Ctx ctx = { { doc, g_array_new (FALSE, FALSE, sizeof (ArxFound)) } };
  guint n = doc->tokens->len;

  ctx.qopen = g_new (int, n + 1);
  ctx.qclose = g_new (int, n + 1);
  ctx.qtok = g_new0 (guint, 2 * doc->quotes->len + 2);
  ctx.used = g_new0 (gboolean, doc->quotes->len + 1);
  ctx.covered = g_new0 (guint8, doc->len + 1);
  ctx.qmaxend = g_new0 (guint, doc->quotes->len + 1);
  for (guint i = 0; i <= n; i++)
    ctx.qopen[i] = ctx.qclose[i] = -1;
  for (guint q = 0; q < doc->quotes->len; q++)
    {
      const ArxQuote *qq = &g_array_index (doc->quotes, ArxQuote, q);
      guint a = arx_doc_token_at (doc, qq->start), b = arx_doc_token_at (doc, qq->end - 1);

      ctx.qmaxend[q] = MAX (q > 0 ? ctx.qmaxend[q - 1] : 0, qq->depth == 0 ? qq->end : 0);
      ctx.qtok[2 * q] = a;
      ctx.qtok[2 * q + 1] = MIN (b, n - 1);
      if (qq->depth == 0)
        {
          ctx.qopen[a] = q;
          ctx.qclose[MIN (b, n - 1)] = q;
        }
    }

  find_labels (&ctx);
  find_cues (&ctx);
  leftover_quotes (&ctx);

  for (guint k = 0; k < ctx.base.found->len; k++)
    {
      ArxFound *f = &g_array_index (ctx.base.found, ArxFound, k);
      ArxStatement *st = arx_analysis_add_statement (analysis, f->kind, f->start, f->end);

      st->cue_start = f->cue_start;
      st->cue_end = f->cue_end;
      st->mention_start = f->speaker.m_start;
      st->mention_end = f->speaker.m_end;
      st->confidence = f->speaker.confidence;
      if (f->kind == ARX_STATEMENT_INDIRECT)
        st->confidence *= 0.9;
      if (f->speaker.rule)
        st->rule = g_strdup (f->speaker.rule);
      if (f->speaker.entity >= 0)
        {
          ArxDocEntity *de = ARX_DOC_ENTITY (doc, f->speaker.entity);

          arx_statement_set_speaker (st, de->out_index, de->name);
          /* a description that named this speaker is one of its aliases */
          if (g_strcmp0 (f->speaker.rule, "description") == 0 && de->out_index >= 0 && f->speaker.m_start >= 0)
            {
              g_autofree char *alias = g_strndup (doc->text + f->speaker.m_start,
                                                  f->speaker.m_end - f->speaker.m_start);

              arx_entity_add_alias (g_ptr_array_index (analysis->entities, de->out_index), alias);
            }
        }
      else if (f->speaker.name)
        arx_statement_set_speaker (st, -1, f->speaker.name);
      arx_speaker_clear (&f->speaker);
    }
  g_array_unref (ctx.base.found);
  g_free (ctx.qopen);
  g_free (ctx.qclose);
  g_free (ctx.qtok);
  g_free (ctx.used);
  g_free (ctx.covered);
  g_free (ctx.qmaxend);
}
