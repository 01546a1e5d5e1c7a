/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "arx-analyzer"

#include "config.h"

#include <string.h>

#include "arx-attribution.h"

/* Attributions that no sentence makes on its own and a reader makes from the layout around it:
 * the signature under an embedded post ("— Dianna Anderson (@dianna) November 18, 2019",
 * "“…” ― Pamela Padilla") and a speaker named in the sentence after a quotation ("“We got
 * her.” ¶ Officer Webb said later."). */

static gboolean
is_dash_char (gunichar c)
{
  return c == 0x2014 || c == 0x2015 || c == 0x2013 || c == '-';
}

static gboolean
tok_is_dash (const ArxDoc *doc, guint i)
{
  const ArxToken *t = ARX_DOC_TOK (doc, i);

  return (t->flags & ARX_TOK_PUNCT) && is_dash_char (g_utf8_get_char (doc->text + t->start)) &&
         g_utf8_next_char (doc->text + t->start) == doc->text + t->end;
}

/* First token of the paragraph of token @i, and the token after its end. */
static void
paragraph_bounds (const ArxDoc *doc, guint i, guint *a, guint *b)
{
  guint para = ARX_DOC_TOK (doc, i)->paragraph;

  *a = i;
  while (*a > 0 && ARX_DOC_TOK (doc, *a - 1)->paragraph == para)
    (*a)--;
  *b = i;
  while (*b < doc->tokens->len && ARX_DOC_TOK (doc, *b)->paragraph == para)
    (*b)++;
}

/* The bounds of the last paragraph asked for: a text without paragraph breaks is one paragraph,
 * and scanning it for every dash in it was quadratic. */
typedef struct
{
  guint a, b;  /* b == 0: nothing known yet */
} ParagraphMemo;

/* paragraph_bounds (), remembered in @memo for the next token of the same paragraph */
static void
paragraph_bounds_memo (const ArxDoc *doc, guint i, ParagraphMemo *memo, guint *a, guint *b)
{
  if (!(memo->b > 0 && memo->a <= i && i < memo->b))
    paragraph_bounds (doc, i, &memo->a, &memo->b);
  *a = memo->a;
  *b = memo->b;
}

/* Byte offset where a link starts in [from, to), or @to. */
static guint
link_start (const ArxDoc *doc, guint from, guint to)
{
  static const char *const schemes[] = { "http://", "https://", "pic.twitter.com/", "www.", NULL };

  for (guint p = from; p < to; p++)
    for (guint k = 0; schemes[k]; k++)
      if (to - p >= strlen (schemes[k]) && g_ascii_strncasecmp (doc->text + p, schemes[k], strlen (schemes[k])) == 0)
        return p;
  return to;
}

/* Does [a, b) hold words before any link, not only arrows and emoji? */
static gboolean
has_words (const ArxDoc *doc, guint a, guint b)
{
  guint end = link_start (doc, ARX_DOC_TOK (doc, a)->start, ARX_DOC_TOK (doc, b - 1)->end), words = 0;

  for (guint i = a; i < b && ARX_DOC_TOK (doc, i)->end <= end; i++)
    if ((ARX_DOC_TOK (doc, i)->flags & ARX_TOK_WORD) && ARX_DOC_TOK (doc, i)->end - ARX_DOC_TOK (doc, i)->start > 1)
      words++;
  return words >= 2;
}

/* The speaker of a signature: the words after the dash up to the handle "(@…)", a comma or the
 * end; a name the article knows, else the words themselves. */
static gboolean
signature_speaker (ArxAttrCtx *ctx, guint a, guint b, ArxSpeaker *out)
{
  ArxDoc *doc = ctx->base.doc;
  guint e = a;

  while (e < b && e < a + 8 && (ARX_DOC_TOK (doc, e)->flags & (ARX_TOK_WORD | ARX_TOK_POSS)))
    e++;
  if (e == a || !(ARX_DOC_TOK (doc, a)->flags & ARX_TOK_CAP))
    return FALSE;
  {
    const ArxMention *m = arx_person_after_premodifiers (doc, a, e);

    if (m != NULL)
      return arx_speaker_from_np (&ctx->base, m->tok_start, m->tok_end, out);
  }
  if (!arx_speaker_from_np (&ctx->base, a, e, out))
    {
      out->m_start = ARX_DOC_TOK (doc, a)->start;
      out->m_end = ARX_DOC_TOK (doc, e - 1)->end;
      out->name = g_strndup (doc->text + out->m_start, out->m_end - out->m_start);
    }
  return TRUE;
}

/* Emits [a, b) (from its first link on left out) as the signed words of @speaker. */
static void
emit_signed (ArxAttrCtx *ctx, guint a, guint b, guint dash, ArxSpeaker *speaker)
{
  ArxDoc *doc = ctx->base.doc;
  guint start, end;

  if (b <= a)
    return;
  start = ARX_DOC_TOK (doc, a)->start;
  end = link_start (doc, start, ARX_DOC_TOK (doc, b - 1)->end);
  while (b > a && ARX_DOC_TOK (doc, b - 1)->end > end)
    b--;
  while (b > a && (arx_attr_tok_char (doc, b - 1, ':') ||
                   !(ARX_DOC_TOK (doc, b - 1)->flags & (ARX_TOK_WORD | ARX_TOK_NUMBER | ARX_TOK_QUOTE | ARX_TOK_PUNCT))))
    b--;
  if (b <= a || arx_attr_inside_found (ctx, start) || arx_attr_inside_found (ctx, ARX_DOC_TOK (doc, b - 1)->start) ||
      arx_attr_is_furniture (ctx, a))
    return;
  speaker->rule = "signature";
  speaker->confidence = 0.85;
  arx_attr_add_found (ctx, ARX_STATEMENT_DIRECT, start, ARX_DOC_TOK (doc, b - 1)->end, dash, dash + 1, speaker);
}

/* "— Name (@handle) Date" under an embedded post, or "“…” ― Name" after a quotation: the
 * post or the quotation is the named person's. */
void
arx_attr_find_signatures (ArxAttrCtx *ctx)
{
  ArxDoc *doc = ctx->base.doc;
  ParagraphMemo memo = { 0, 0 };

  for (guint i = 1; i + 1 < doc->tokens->len; i++)
    {
      const ArxToken *t = ARX_DOC_TOK (doc, i);
      ArxSpeaker speaker = { -1, NULL, -1, -1, NULL, 0 };
      guint pa, pb, n = i + 1;
      gboolean handle = FALSE;

      if (!tok_is_dash (doc, i) || (t->flags & ARX_TOK_IN_QUOTE) || ARX_DOC_TOK (doc, n)->paragraph != t->paragraph)
        continue;
      paragraph_bounds_memo (doc, i, &memo, &pa, &pb);
      for (guint k = n; k < pb && k < n + 12; k++)
        if (arx_attr_tok_char (doc, k, '(') && k + 1 < pb && ARX_DOC_TOK (doc, k + 1)->start < doc->len &&
            doc->text[ARX_DOC_TOK (doc, k + 1)->start] == '@')
          handle = TRUE;
      if ((t->flags & ARX_TOK_PARA_START) || i == pa)
        {
          /* the post is the paragraph before (the one before that when it is only links) */
          guint qa, qb;

          if (!handle || pa == 0)
            continue;
          paragraph_bounds (doc, pa - 1, &qa, &qb);
          if (!has_words (doc, qa, qb) && qa > 0)
            paragraph_bounds (doc, qa - 1, &qa, &qb);
          if (!has_words (doc, qa, qb) || qb - qa > 120 || !signature_speaker (ctx, n, pb, &speaker))
            continue;
          emit_signed (ctx, qa, qb, i, &speaker);
        }
      else if (ctx->qclose[i - 1] >= 0 || (i > pa + 1 && ctx->qclose[i - 2] >= 0 && arx_attr_is_end_punct (doc, i - 1)))
        {
          /* “…” ― Pamela Padilla: the name ends the paragraph */
          guint q = ctx->qclose[i - 1] >= 0 ? ctx->qclose[i - 1] : ctx->qclose[i - 2];
          guint e = n;

          while (e < pb && (ARX_DOC_TOK (doc, e)->flags & (ARX_TOK_WORD | ARX_TOK_POSS)))
            e++;
          if (e - n > 6 || (e < pb && !arx_attr_is_end_punct (doc, e) && !arx_attr_tok_char (doc, e, '(')) ||
              ctx->used[q] || !signature_speaker (ctx, n, e, &speaker))
            continue;
          emit_signed (ctx, ctx->qtok[2 * q], ctx->qtok[2 * q + 1] + 1, i, &speaker);
        }
      else if (handle && i > pa + 3)
        {
          /* the post and its signature flattened into one paragraph */
          if (signature_speaker (ctx, n, pb, &speaker))
            emit_signed (ctx, pa, i, i, &speaker);
        }
      arx_speaker_clear (&speaker);
    }
}

/* "“We got her. We got her.” ¶ Officer Webb said later.": the sentence after quotation @q only
 * names its speaker (a subject and a cue, then nothing but adjuncts). */
gboolean
arx_attr_speaker_next_sentence (ArxAttrCtx *ctx, guint q, ArxSpeaker *out, guint *cue_out)
{
  ArxDoc *doc = ctx->base.doc;
  guint close = ctx->qtok[2 * q + 1], n = close + 1, s0, s1, cue = G_MAXUINT;
  const ArxSentence *s;

  /* the quotation ends its sentence */
  while (n < doc->tokens->len && arx_attr_is_end_punct (doc, n) && ARX_DOC_TOK (doc, n)->sentence == ARX_DOC_TOK (doc, close)->sentence)
    n++;
  if (n >= doc->tokens->len || ARX_DOC_TOK (doc, n)->sentence == ARX_DOC_TOK (doc, close)->sentence ||
      ARX_DOC_TOK (doc, n)->paragraph > ARX_DOC_TOK (doc, close)->paragraph + 1)
    return FALSE;
  s = ARX_DOC_SENT (doc, ARX_DOC_TOK (doc, n)->sentence);
  s0 = s->tok_start;
  s1 = s->tok_end;
  /* "Rivera continued:" introduces what follows, not the quotation before it */
  if (s1 - s0 > 14 || s1 - s0 < 2 || arx_attr_tok_char (doc, s1 - 1, ':'))
    return FALSE;
  for (guint i = s0; i < s1; i++)
    {
      if ((ARX_DOC_TOK (doc, i)->flags & (ARX_TOK_QUOTE | ARX_TOK_IN_QUOTE)) || ctx->qopen[i] >= 0)
        return FALSE;
      if (cue == G_MAXUINT && arx_attr_cue_class (doc, i))
        cue = i;
    }
  if (cue == G_MAXUINT || cue == s0 || arx_attr_inside_found (ctx, ARX_DOC_TOK (doc, cue)->start))
    return FALSE;
  /* after the cue: adjuncts only ("later", "on Tuesday", "in a statement") */
  for (guint i = cue + 1; i < s1; i++)
    {
      if (arx_attr_is_end_punct (doc, i) || arx_token_is_skip_word (doc, i) || arx_token_is_preposition (doc, i) ||
          ARX_DOC_TOK (doc, i)->mention >= 0 || arx_token_is_ci (doc, i, "a") || arx_token_is_ci (doc, i, "an") ||
          arx_token_is_ci (doc, i, "the") || arx_token_is_ci (doc, i, "their") || arx_token_is_ci (doc, i, "his") ||
          arx_token_is_ci (doc, i, "her") || arx_token_is_ci (doc, i, "its"))
        continue;
      if (i > cue + 1 && (arx_token_is_preposition (doc, i - 1) || ARX_DOC_TOK (doc, i - 1)->mention >= 0 ||
                          arx_token_is_ci (doc, i - 1, "a") || arx_token_is_ci (doc, i - 1, "the") ||
                          arx_token_is_ci (doc, i - 1, "their") || arx_token_is_ci (doc, i - 1, "his") ||
                          arx_token_is_ci (doc, i - 1, "her") || arx_token_is_ci (doc, i - 1, "its")))
        continue;
      return FALSE;
    }
  /* the speaker opens the sentence: "A dialogue is a starting point, he added" says something */
  if (!arx_attr_speaker_before (ctx, s0, cue, out) || out->m_start < 0 ||
      (guint) arx_doc_token_at (doc, out->m_start) > s0 + 1)
    {
      arx_speaker_clear (out);
      return FALSE;
    }
  out->rule = "next-sentence";
  *cue_out = cue;
  return TRUE;
}

/* "Q: …" / "A: …": an interview printed as questions and answers. The answers are the words of
 * the person interviewed: the person the article named most before the first question. */
static gboolean
qa_label (const ArxDoc *doc, guint i, const char *letter, const char *word)
{
  return i + 1 < doc->tokens->len && (arx_token_is (doc, i, letter) || arx_token_is (doc, i, word)) &&
         (arx_attr_tok_char (doc, i + 1, ':') || arx_attr_tok_char (doc, i + 1, '.'));
}

void
arx_attr_find_interview (ArxAttrCtx *ctx)
{
  ArxDoc *doc = ctx->base.doc;
  guint n = doc->tokens->len, first_q = G_MAXUINT, questions = 0;
  int who = -1;

  for (guint i = 0; i < n; i++)
    if ((ARX_DOC_TOK (doc, i)->flags & ARX_TOK_PARA_START) && qa_label (doc, i, "Q", "Question"))
      {
        first_q = MIN (first_q, i);
        questions++;
      }
  if (questions < 2)
    return;
  /* the person named most before the interview starts */
  {
    g_autofree guint *count = g_new0 (guint, doc->entities->len + 1);
    guint best = 0;

    for (guint i = 0; i < first_q; i++)
      {
        const ArxToken *t = ARX_DOC_TOK (doc, i);
        const ArxMention *m;

        if (t->mention < 0)
          continue;
        m = ARX_DOC_MENTION (doc, t->mention);
        i = m->tok_end - 1;
        if (m->entity >= 0 && m->kind == ARX_ENTITY_PERSON && ++count[m->entity] > best)
          {
            best = count[m->entity];
            who = m->entity;
          }
      }
  }
  if (who < 0)
    return;
  for (guint i = first_q; i < n; i++)
    {
      guint pa, pb;
      ArxSpeaker speaker = { -1, NULL, -1, -1, NULL, 0 };
      const ArxDocEntity *de = ARX_DOC_ENTITY (doc, who);

      if (!(ARX_DOC_TOK (doc, i)->flags & ARX_TOK_PARA_START) || !qa_label (doc, i, "A", "Answer"))
        continue;
      paragraph_bounds (doc, i, &pa, &pb);
      if (pb - pa < 4 || arx_attr_inside_found (ctx, ARX_DOC_TOK (doc, i + 2)->start))
        continue;
      speaker.entity = who;
      speaker.name = g_strdup (de->name);
      speaker.rule = "interview";
      speaker.confidence = 0.7;
      arx_attr_add_found (ctx, ARX_STATEMENT_DIRECT, ARX_DOC_TOK (doc, i + 2)->start, ARX_DOC_TOK (doc, pb - 1)->end,
                          i, i + 1, &speaker);
      arx_speaker_clear (&speaker);
      i = pb - 1;
    }
}
