/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "arx-analyzer"

#include "config.h"

#include <string.h>

#include "arx-attribution.h"

/* Who a pronoun or a description means, and what kind of speaker the words naming a speaker
 * name (person, organisation, group, other). */

/* Token @i in lower case, as a look-up key of at most 31 bytes ("" when longer). */
static gboolean
lower_key (const ArxDoc *doc, guint i, char buf[32])
{
  const ArxToken *t = ARX_DOC_TOK (doc, i);
  gsize len = t->end - t->start;

  buf[0] = 0;
  if (!(t->flags & ARX_TOK_WORD) || len >= 32)
    return FALSE;
  for (gsize k = 0; k < len; k++)
    buf[k] = g_ascii_tolower (doc->text[t->start + k]);
  buf[len] = 0;
  return TRUE;
}

/* What kind of speaker the head noun at @i names: a person role, an organisation, a group
 * (the plural of a person role, or a group noun), a document; -1 when it says nothing. */
int
arx_head_noun_kind (const ArxDoc *doc, guint i)
{
  char buf[32];
  gsize len;
  char c;

  if (!lower_key (doc, i, buf))
    return -1;
  len = strlen (buf);
  if ((c = arx_lexicon_lookup_char (doc->lex->speaker_nouns, buf, len)) != 0)
    return c == 'G' ? ARX_SPEAKER_GROUP : ARX_SPEAKER_OTHER;
  if ((c = arx_lexicon_lookup_char (doc->lex->roles, buf, len)) != 0)
    return c == 'P' ? ARX_SPEAKER_PERSON : ARX_SPEAKER_ORGANIZATION;
  /* "officers", "advisers", "ministries" */
  if (len > 3 && buf[len - 1] == 's')
    {
      if (len > 4 && buf[len - 3] == 'i' && buf[len - 2] == 'e')
        {
          buf[len - 3] = 'y';
          c = arx_lexicon_lookup_char (doc->lex->roles, buf, len - 2);
        }
      else
        c = arx_lexicon_lookup_char (doc->lex->roles, buf, len - 1);
      if (c != 0)
        return c == 'P' ? ARX_SPEAKER_GROUP : ARX_SPEAKER_ORGANIZATION;
    }
  return -1;
}

/* Person, organisation, group or other: from the entity when the speaker is one, else from the
 * head of the words naming the speaker ("an officer", "officials", "the ministry", "the
 * report", "they"). */
ArxSpeakerKind
arx_speaker_kind (const ArxDoc     *doc,
                  const ArxSpeaker *speaker)
{
  guint a, b, head = G_MAXUINT;

  if (speaker->entity >= 0)
    {
      const ArxDocEntity *de = ARX_DOC_ENTITY (doc, speaker->entity);

      switch (de->kind)
        {
        case ARX_ENTITY_PERSON:
          return ARX_SPEAKER_PERSON;
        case ARX_ENTITY_ORGANIZATION:
        case ARX_ENTITY_LOCATION:  /* "China said": a country speaks through its government */
          return ARX_SPEAKER_ORGANIZATION;
        case ARX_ENTITY_MISC:      /* "Democrats", "Republicans" */
          return de->name[0] && de->name[strlen (de->name) - 1] == 's' ? ARX_SPEAKER_GROUP : ARX_SPEAKER_OTHER;
        default:
          return ARX_SPEAKER_OTHER;
        }
    }
  if (speaker->m_start < 0 || speaker->m_end <= speaker->m_start)
    return ARX_SPEAKER_OTHER;
  a = arx_doc_token_at (doc, speaker->m_start);
  b = arx_doc_token_at (doc, speaker->m_end);
  if (b == a + 1)
    {
      if (arx_token_is_ci (doc, a, "he") || arx_token_is_ci (doc, a, "she") || arx_token_is (doc, a, "I") ||
          arx_token_is_ci (doc, a, "who"))
        return ARX_SPEAKER_PERSON;
      if (arx_token_is_ci (doc, a, "they") || arx_token_is_ci (doc, a, "we"))
        return ARX_SPEAKER_GROUP;
      if (arx_token_is_ci (doc, a, "it"))
        return ARX_SPEAKER_ORGANIZATION;
    }
  /* the head: the last word before a post-modifier ("a spokesman for the city") */
  for (guint i = a; i < b; i++)
    {
      if (arx_token_is_preposition (doc, i) || arx_attr_tok_char (doc, i, ',') || arx_attr_tok_char (doc, i, '(') ||
          arx_token_is_ci (doc, i, "who") || arx_token_is_ci (doc, i, "which") || arx_token_is_ci (doc, i, "that"))
        break;
      if (ARX_DOC_TOK (doc, i)->flags & ARX_TOK_WORD)
        head = i;
    }
  if (head != G_MAXUINT)
    {
      int k = arx_head_noun_kind (doc, head);
      char buf[32];

      if (k >= 0)
        return k;
      /* a name the tagger missed: a first name makes it a person */
      if ((ARX_DOC_TOK (doc, a)->flags & ARX_TOK_CAP) && lower_key (doc, a, buf) &&
          arx_lexicon_lookup_char (doc->lex->first_names, buf, strlen (buf)) != 0)
        return ARX_SPEAKER_PERSON;
    }
  return ARX_SPEAKER_OTHER;
}

/* Pronouns and descriptions look back a few paragraphs; in a text without paragraph breaks
 * (a transcript, one long line) that would be the whole text, and every look-back a scan of
 * it, so a look-back also ends this many sentences back. */
#define NEAR_SENTENCES 100

gboolean
arx_sentences_apart (const ArxDoc *doc, guint earlier_tok, guint at)
{
  return ARX_DOC_TOK (doc, earlier_tok)->sentence + NEAR_SENTENCES < ARX_DOC_TOK (doc, at)->sentence;
}

static char
entity_gender (const ArxDoc *doc, int entity)
{
  return entity >= 0 ? ARX_DOC_ENTITY (doc, entity)->gender : 0;
}

/* he / she: the person the reader has in mind. Every person named in this paragraph and the two
 * before is a candidate unless the gender disagrees; the one who spoke last, the subject of the
 * sentence before and the person named most recently and most often weigh most. (The nearest
 * name alone is often an object or a name in between: "a man's he resolved to a woman named
 * in between".) */
typedef struct
{
  int    entity;
  guint  last_sentence;
  guint  mentions;
  double score;
} Candidate;

/* Is @entity named inside the content being attributed? (A speaker is not named in the words
 * reported: in "he said Smith was wrong", he is not Smith.) */
static gboolean
named_in_content (ArxAttribution *ctx, int entity)
{
  const ArxDoc *doc = ctx->doc;
  guint i;

  if (ctx->excl_end <= ctx->excl_start)
    return FALSE;
  for (i = arx_doc_token_at (doc, ctx->excl_start); i < doc->tokens->len && ARX_DOC_TOK (doc, i)->start < ctx->excl_end; i++)
    if (ARX_DOC_TOK (doc, i)->mention >= 0 && ARX_DOC_MENTION (doc, ARX_DOC_TOK (doc, i)->mention)->entity == entity)
      return TRUE;
  return FALSE;
}

int
arx_resolve_pronoun (ArxAttribution *ctx, guint at, char gender, double *confidence)
{
  const ArxDoc *doc = ctx->doc;
  guint para = ARX_DOC_TOK (doc, at)->paragraph, sent = ARX_DOC_TOK (doc, at)->sentence;
  Candidate cand[24];
  guint n = 0, na, nb, best_sentence = 0, last_speaker_end = 0;
  int best = -1, last_speaker = -1, prev_subject = -1, this_subject = -1;
  double best_score = -1e9, second = -1e9;

  for (guint i = at; i > 0; i--)
    {
      const ArxToken *t = ARX_DOC_TOK (doc, i - 1);
      const ArxMention *m;
      guint c;

      if (t->paragraph + 3 < para || arx_sentences_apart (doc, i - 1, at))
        break;
      if (t->mention < 0)
        continue;
      m = ARX_DOC_MENTION (doc, t->mention);
      i = m->tok_start + 1;
      if (m->entity < 0 || m->kind != ARX_ENTITY_PERSON)
        continue;
      if (named_in_content (ctx, m->entity))
        continue;
      for (c = 0; c < n && cand[c].entity != m->entity; c++)
        ;
      if (c == n)
        {
          if (n == G_N_ELEMENTS (cand))
            continue;
          cand[n].entity = m->entity;
          cand[n].last_sentence = t->sentence;
          cand[n].mentions = 0;
          n++;
        }
      cand[c].mentions++;
    }
  for (int k = (int) ctx->found->len - 1; k >= 0 && last_speaker < 0; k--)
    {
      const ArxFound *f = &g_array_index (ctx->found, ArxFound, k);

      if (f->paragraph + 2 < para || arx_sentences_apart (doc, MIN ((guint) arx_doc_token_at (doc, f->start), at), at))
        break;
      /* the last speaker was a person the article did not name ("the British royal"): who
       * spoke before them is no longer the one the reader has in mind */
      if (f->start < ARX_DOC_TOK (doc, at)->start && f->speaker.entity < 0 && f->speaker.m_start >= 0 &&
          f->speaker.m_start < (int) ARX_DOC_TOK (doc, at)->start &&
          arx_speaker_kind (doc, &f->speaker) == ARX_SPEAKER_PERSON)
        break;
      if (f->start < ARX_DOC_TOK (doc, at)->start && f->speaker.entity >= 0 &&
          ARX_DOC_ENTITY (doc, f->speaker.entity)->kind == ARX_ENTITY_PERSON && !named_in_content (ctx, f->speaker.entity) &&
          entity_gender (doc, f->speaker.entity) != (gender == 'M' ? 'F' : 'M'))
        {
          last_speaker = f->speaker.entity;
          last_speaker_end = f->end;
        }
    }
  /* the subject of the sentence before, and of this one when the pronoun is not its start */
  if (sent > 0 && ARX_DOC_SENT (doc, sent - 1)->paragraph + 1 >= para &&
      arx_attr_subject_np (doc, ARX_DOC_SENT (doc, sent - 1)->tok_start, ARX_DOC_SENT (doc, sent - 1)->tok_end, &na, &nb))
    prev_subject = arx_doc_mention_entity_at_end (doc, nb);
  if (ARX_DOC_SENT (doc, sent)->tok_start < at &&
      arx_attr_subject_np (doc, ARX_DOC_SENT (doc, sent)->tok_start, at, &na, &nb))
    this_subject = arx_doc_mention_entity_at_end (doc, nb);
  /* "Ford said he would consider it. ¶ John Tory arrived after … He said": a sentence whose
   * subject is another person, after the last speaker spoke, moves the reader's attention to
   * that person */
  if (last_speaker >= 0 && prev_subject >= 0 && prev_subject != last_speaker &&
      ARX_DOC_ENTITY (doc, prev_subject)->kind == ARX_ENTITY_PERSON &&
      entity_gender (doc, prev_subject) == gender &&
      ARX_DOC_TOK (doc, ARX_DOC_SENT (doc, sent - 1)->tok_start)->start >= last_speaker_end)
    last_speaker = -1;
  for (guint c = 0; c < n; c++)
    {
      char g = entity_gender (doc, cand[c].entity);
      double score = 0;

      if (g != 0 && g != gender)
        continue;
      if (g == 0)
        score -= 1.0;
      if (cand[c].entity == last_speaker)
        score += 2.5;
      if (cand[c].entity == this_subject)
        score += 2.5;
      else if (cand[c].entity == prev_subject)
        score += 2.0;
      score += MAX (0.0, 2.0 - 0.5 * (sent - cand[c].last_sentence));
      score += MIN (1.5, 0.3 * cand[c].mentions + 0.1 * ARX_DOC_ENTITY (doc, cand[c].entity)->mentions->len);
      if (score > best_score)
        {
          second = best_score;
          best_score = score;
          best = cand[c].entity;
          best_sentence = cand[c].last_sentence;
        }
      else if (score > second)
        second = score;
    }
  if (best < 0)
    {
      /* nobody of that gender nearby: the person of that gender the article names most */
      guint most = 0;

      for (guint e = 0; e < doc->entities->len; e++)
        {
          const ArxDocEntity *de = ARX_DOC_ENTITY (doc, e);

          if (de->kind == ARX_ENTITY_PERSON && (de->gender == gender || (de->gender == 0 && best < 0)) &&
              !named_in_content (ctx, e) &&
              de->mentions->len > most && ARX_DOC_MENTION (doc, g_array_index (de->mentions, guint, 0))->tok_start < at)
            {
              most = de->mentions->len;
              best = e;
            }
        }
      *confidence = 0.45;
      return best;
    }
  /* sure when the winner stands out; a pronoun from an earlier paragraph is less sure */
  *confidence = best_score - second >= 2.0 ? 0.85 : best_score - second >= 1.0 ? 0.75 : 0.6;
  if (ARX_DOC_TOK (doc, at)->paragraph != ARX_DOC_SENT (doc, best_sentence)->paragraph)
    *confidence *= 0.9;
  return best;
}

int
arx_resolve_it (ArxAttribution *ctx, guint at)
{
  const ArxDoc *doc = ctx->doc;
  guint para = ARX_DOC_TOK (doc, at)->paragraph;

  for (int i = (int) at - 1; i >= 0; i--)
    {
      const ArxToken *t = ARX_DOC_TOK (doc, i);

      if (t->paragraph + 1 < para || arx_sentences_apart (doc, i, at))
        break;
      if (t->mention >= 0 && ARX_DOC_MENTION (doc, t->mention)->kind == ARX_ENTITY_ORGANIZATION &&
          !arx_attr_in_dateline (doc, i))
        return ARX_DOC_MENTION (doc, t->mention)->entity;
    }
  return -1;
}

/* The start of the noun phrase whose head is @head: determiners, adjectives and names before it. */
static guint
np_start (const ArxDoc *doc, guint head, guint floor)
{
  guint a = head;

  while (a > floor && head - a < 5)
    {
      const ArxToken *t = ARX_DOC_TOK (doc, a - 1);

      if (!(t->flags & (ARX_TOK_WORD | ARX_TOK_POSS | ARX_TOK_NUMBER)) || arx_token_is_preposition (doc, a - 1) ||
          arx_token_is_clause_verb (doc, a - 1) || arx_attr_cue_class (doc, a - 1) ||
          arx_token_is_ci (doc, a - 1, "and") || arx_token_is_ci (doc, a - 1, "that") ||
          (ARX_DOC_TOK (doc, a - 1)->flags & ARX_TOK_IN_QUOTE))
        break;
      a--;
    }
  return a;
}

/* they: the organisation or group that spoke last (two paragraphs at most), else the last group
 * named in this sentence or the one before ("Officials met on Monday. They said …"); an entity,
 * or -1 with the group's words in [*ga, *gb) (empty when none). */
int
arx_resolve_they (ArxAttribution *ctx, guint at, guint *ga, guint *gb)
{
  const ArxDoc *doc = ctx->doc;
  guint para = ARX_DOC_TOK (doc, at)->paragraph, sent = ARX_DOC_TOK (doc, at)->sentence;

  *ga = *gb = 0;
  for (int k = (int) ctx->found->len - 1; k >= 0; k--)
    {
      const ArxFound *f = &g_array_index (ctx->found, ArxFound, k);
      ArxSpeakerKind kind;

      if (f->paragraph + 2 < para || arx_sentences_apart (doc, MIN ((guint) arx_doc_token_at (doc, f->start), at), at))
        break;
      if (f->start >= ARX_DOC_TOK (doc, at)->start || f->speaker.m_start < 0 || f->speaker.name == NULL)
        continue;
      kind = arx_speaker_kind (doc, &f->speaker);
      if (kind == ARX_SPEAKER_PERSON)
        break;
      if (kind == ARX_SPEAKER_ORGANIZATION && f->speaker.entity >= 0)
        return f->speaker.entity;
      if (kind == ARX_SPEAKER_GROUP && f->speaker.entity < 0)
        {
          *ga = arx_doc_token_at (doc, f->speaker.m_start);
          *gb = arx_doc_token_at (doc, f->speaker.m_end);
          return -1;
        }
    }
  for (guint i = at; i > 0; i--)
    {
      const ArxToken *t = ARX_DOC_TOK (doc, i - 1);

      if (t->sentence + 1 < sent)
        break;
      if (t->flags & ARX_TOK_IN_QUOTE)
        continue;
      if (t->mention >= 0)
        {
          const ArxMention *m = ARX_DOC_MENTION (doc, t->mention);

          if (m->entity >= 0 && m->kind == ARX_ENTITY_ORGANIZATION)
            return m->entity;
          i = m->tok_start + 1;
          continue;
        }
      if ((!(t->flags & ARX_TOK_CAP) || (t->flags & ARX_TOK_SENT_START)) && arx_head_noun_kind (doc, i - 1) == ARX_SPEAKER_GROUP)
        {
          *ga = np_start (doc, i - 1, ARX_DOC_SENT (doc, t->sentence)->tok_start);
          *gb = i;
          return -1;
        }
    }
  return -1;
}

/* The person entity one of whose name's words is token @i ("Andrew" of "Prince Andrew"), when
 * exactly one has it. */
int
arx_person_by_name_part (const ArxDoc *doc, guint i)
{
  const ArxToken *t = ARX_DOC_TOK (doc, i);
  gsize len = t->end - t->start;
  int found = -1;

  if (len < 3)
    return -1;
  for (guint e = 0; e < doc->entities->len; e++)
    {
      const ArxDocEntity *de = ARX_DOC_ENTITY (doc, e);
      const char *p;

      if (de->kind != ARX_ENTITY_PERSON)
        continue;
      for (p = de->name; *p; )
        {
          const char *end = strchr (p, ' ');
          gsize wl = end ? (gsize) (end - p) : strlen (p);

          if (wl == len && memcmp (p, doc->text + t->start, len) == 0)
            {
              if (found >= 0 && found != (int) e)
                return -1;
              found = e;
              break;
            }
          p += wl;
          while (*p == ' ')
            p++;
        }
    }
  return found;
}

