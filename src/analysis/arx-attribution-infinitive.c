/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "arx-analyzer"

#include "config.h"

#include <string.h>

#include "arx-attribution.h"

/* Reported speech whose content is not a finite clause but an infinitive or a gerund: a
 * directive ("urged residents to stay indoors", "told his players to believe"), a commitment
 * ("promised to lower taxes") or an accusation ("accused the governor of hiding the figures").
 * These verbs also have senses that report nothing ("told the story", "asked a question"):
 * only the shape verb + addressee + "to" + verb (or "of" + gerund) is taken. */

static const char *const directive_verbs[] = {
  "told", "tells", "tell", "telling", "urged", "urges", "urge", "urging", "asked", "asks", "asking",
  "warned", "warns", "warning", "encouraged", "encourages", "encouraging", "implored", "implores",
  "begged", "begs", "reminded", "reminds", NULL
};
static const char *const commissive_verbs[] = {
  "promised", "promises", "promising", "vowed", "vows", "vowing", "pledged", "pledges", "pledging", NULL
};
static const char *const accusing_verbs[] = { "accused", "accuses", "accusing", NULL };

/* "was told to", "have been accused of": in the passive the subject is the addressee */
static const char *const passive_auxiliaries[] = {
  "was", "were", "is", "are", "be", "been", "being", "get", "gets", "got", "getting", NULL
};

/* words that after "to" make it a preposition ("told it to the court", "promised to him") */
static const char *const not_a_verb[] = {
  "the", "a", "an", "his", "her", "their", "its", "our", "my", "your", "this", "that", "these",
  "those", "him", "them", "me", "us", "it", "you", "whom", "which", "what", "some", "any", "all",
  "each", "every", "no", "one", "date", NULL
};

/* Token @i can start the verb phrase of an infinitive: a lower-case word that is no
 * determiner or pronoun, or a quotation ("to “check out” her tape"). */
static gboolean
starts_verb_phrase (ArxAttrCtx *ctx, guint i, guint s1)
{
  const ArxDoc *doc = ctx->base.doc;
  const ArxToken *t;

  if (i >= s1)
    return FALSE;
  if (ctx->qopen[i] >= 0)
    return TRUE;
  t = ARX_DOC_TOK (doc, i);
  return (t->flags & ARX_TOK_WORD) && !(t->flags & (ARX_TOK_CAP | ARX_TOK_NUMBER)) && t->mention < 0 &&
         !arx_attr_token_in_list (doc, i, not_a_verb);
}

/* The addressee or accused from @a: a short noun phrase (a name, a pronoun, a determiner and
 * nouns) up to the token for which @stop is true; returns that token, or 0. */
static guint
object_np_end (ArxAttrCtx *ctx, guint a, guint s1, const char *stop_word)
{
  const ArxDoc *doc = ctx->base.doc;

  for (guint i = a; i < s1 && i < a + 8; i++)
    {
      const ArxToken *t = ARX_DOC_TOK (doc, i);

      if (i > a && arx_token_is (doc, i, stop_word))
        return i;
      if (t->mention >= 0)
        {
          i = MAX (i, ARX_DOC_MENTION (doc, t->mention)->tok_end) - 1;
          continue;
        }
      if (!(t->flags & (ARX_TOK_WORD | ARX_TOK_NUMBER | ARX_TOK_POSS)) || (t->flags & ARX_TOK_IN_QUOTE) ||
          ctx->qopen[i] >= 0 || arx_token_is_clause_verb (doc, i) || arx_attr_cue_class (doc, i) ||
          arx_token_is (doc, i, "that") || arx_token_is (doc, i, "and") || arx_token_is (doc, i, "or") ||
          arx_token_is_ci (doc, i, "who") || arx_token_is_ci (doc, i, "which") ||
          (arx_token_is_preposition (doc, i) && !arx_token_is (doc, i, stop_word)))
        return 0;
    }
  return 0;
}

static gboolean
is_gerund (const ArxDoc *doc, guint i)
{
  const ArxToken *t = ARX_DOC_TOK (doc, i);

  return (t->flags & ARX_TOK_WORD) && !(t->flags & ARX_TOK_CAP) && t->end - t->start > 4 &&
         memcmp (doc->text + t->end - 3, "ing", 3) == 0;
}

gboolean
arx_attr_try_infinitive (ArxAttrCtx *ctx, guint s0, guint s1, guint cue)
{
  ArxDoc *doc = ctx->base.doc;
  const ArxToken *t = ARX_DOC_TOK (doc, cue);
  ArxSpeaker speaker = { -1, NULL, -1, -1, NULL, 0 };
  guint content = 0, p;
  gboolean ok;

  if (!(t->flags & ARX_TOK_WORD) || (t->flags & ARX_TOK_IN_QUOTE) || cue + 3 >= s1 ||
      ((t->flags & ARX_TOK_CAP) && !(t->flags & ARX_TOK_SENT_START)))
    return FALSE;
  if (cue > s0 && (arx_attr_token_in_list (doc, cue - 1, passive_auxiliaries) ||
                   (ARX_DOC_TOK (doc, cue - 1)->flags & ARX_TOK_POSS) || arx_token_is_ci (doc, cue - 1, "the") ||
                   arx_token_is_ci (doc, cue - 1, "a")))
    return FALSE;
  if (arx_attr_token_in_list (doc, cue, commissive_verbs))
    {
      /* "promised to lower taxes", "vowed not to repeat it" */
      p = cue + 1;
      if (arx_token_is (doc, p, "not") || arx_token_is (doc, p, "never"))
        p++;
      if (arx_token_is (doc, p, "to") && starts_verb_phrase (ctx, p + 1, s1))
        content = cue + 1;
    }
  else if (arx_attr_token_in_list (doc, cue, directive_verbs))
    {
      /* "urged residents to stay indoors", "told them not to worry" */
      guint e = object_np_end (ctx, cue + 1, s1, "to");

      if (e > 0)
        {
          content = arx_token_is (doc, e - 1, "not") ? e - 1 : e;
          if (!starts_verb_phrase (ctx, e + 1, s1))
            content = 0;
        }
    }
  else if (arx_attr_token_in_list (doc, cue, accusing_verbs))
    {
      /* "accused the governor of hiding the figures": the accused and the charge */
      guint e = object_np_end (ctx, cue + 1, s1, "of");

      if (e > 0 && e + 1 < s1 && is_gerund (doc, e + 1))
        content = cue + 1;
    }
  if (content == 0)
    return FALSE;
  ctx->base.excl_start = ARX_DOC_TOK (doc, content)->start;
  ctx->base.excl_end = ARX_DOC_TOK (doc, s1 - 1)->end;
  ok = arx_attr_speaker_before (ctx, s0, cue, &speaker);
  ctx->base.excl_start = ctx->base.excl_end = 0;
  if (!ok)
    {
      arx_speaker_clear (&speaker);
      return FALSE;
    }
  ok = arx_attr_emit_content (ctx, content, s1, cue, cue + 1, &speaker, TRUE);
  arx_speaker_clear (&speaker);
  return ok;
}
