/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "arx-analyzer"

#include "config.h"

#include <string.h>

#include "arx-attribution.h"

/* The speaker sieve for one noun phrase: a named entity, a pronoun, a description that
 * points back to a person described that way earlier, or a group ("sources"). */

static const char *const skip_words[] = {
  "also", "again", "later", "then", "previously", "recently", "reportedly", "has", "have", "had",
  "will", "would", "could", "may", "might", "once", "repeatedly", "publicly", "privately", "first",
  "initially", "further", "just", "simply", "quickly", "immediately", "separately", "similarly",
  "already", "often", "frequently", "last", "this", "on", "monday", "tuesday", "wednesday",
  "thursday", "friday", "saturday", "sunday", "week", "weekend", "month", "year", "today",
  "yesterday", "earlier", "night", "morning", "afternoon", "evening", "has", "is", "was", "recently",
  "had", "flatly", "bluntly", "angrily", "openly", "tearfully", "calmly", "herself", "himself",
  "however", "both", "all", "each", "too", "even", "now", "still", "never", "ultimately", "finally",
  "long", "always",
  NULL
};

static const char *const prepositions[] = {
  "to", "for", "of", "at", "in", "on", "with", "from", "by", "about", "during", "after", "before",
  "under", "over", "into", "against", "between", "among", "near", "without", "within", "since", NULL
};

static const char *const groups[] = {
  "sources", "source", "officials", "official", "critics", "experts", "analysts", "aides",
  "democrats", "republicans", "supporters", "advocates", "observers", "people", "residents",
  "lawmakers", "leaders", "members", "activists", "witnesses", "investigators", "authorities",
  "police", "prosecutors", "economists", "researchers", "scientists", "doctors", "protesters",
  "voters", "polls", "pollsters", "spokesman", "spokeswoman", "spokesperson", "statement",
  "report", "survey", "poll", "study", "documents", "campaign", "administration", "department",
  NULL
};

static gboolean
token_in (const ArxDoc *doc, guint i, const char *const *list)
{
  const ArxToken *t = ARX_DOC_TOK (doc, i);
  gsize len = t->end - t->start;

  if (!(t->flags & (ARX_TOK_WORD | ARX_TOK_NUMBER)) || len > 20)
    return FALSE;
  return arx_attr_token_in_list (doc, i, list);
}

static gboolean
any_token_in (const ArxDoc *doc, guint a, guint b, const char *const *list)
{
  for (guint i = a; i < b; i++)
    if (token_in (doc, i, list))
      return TRUE;
  return FALSE;
}

gboolean
arx_token_is_skip_word (const ArxDoc *doc,
                        guint         i)
{
  return token_in (doc, i, skip_words);
}

gboolean
arx_token_is_preposition (const ArxDoc *doc,
                          guint         i)
{
  return token_in (doc, i, prepositions);
}

void
arx_speaker_clear (ArxSpeaker *speaker)
{
  g_clear_pointer (&speaker->name, g_free);
  speaker->entity = -1;
  speaker->m_start = speaker->m_end = -1;
  speaker->rule = NULL;
  speaker->confidence = 0;
}

static void
set_speaker (ArxAttribution *ctx, ArxSpeaker *out, int entity, guint a, guint b,
             const char *rule, double confidence)
{
  const ArxDoc *doc = ctx->doc;

  arx_speaker_clear (out);
  out->entity = entity;
  out->m_start = ARX_DOC_TOK (doc, a)->start;
  out->m_end = ARX_DOC_TOK (doc, b - 1)->end;
  if (entity >= 0)
    out->name = g_strdup (ARX_DOC_ENTITY (doc, entity)->name);
  else
    out->name = g_strndup (doc->text + out->m_start, out->m_end - out->m_start);
  out->rule = rule;
  out->confidence = confidence;
  /* a pronoun is never a name: unresolved, only the mention stays */
  if (entity < 0 && g_strcmp0 (rule, "pronoun") == 0)
    g_clear_pointer (&out->name, g_free);
}

/* A pronoun at [a, b) that stands for a speaker the article only described: the words
 * [da, db) of that description are its name ("A local farmer said … He said"). */
static void
set_pronoun_for_description (ArxAttribution *ctx, ArxSpeaker *out, guint a, guint b,
                             guint da, guint db, double confidence)
{
  const ArxDoc *doc = ctx->doc;

  set_speaker (ctx, out, -1, a, b, "pronoun", confidence);
  out->name = g_strndup (doc->text + ARX_DOC_TOK (doc, da)->start,
                         ARX_DOC_TOK (doc, db - 1)->end - ARX_DOC_TOK (doc, da)->start);
}

static char *
role_word (const ArxDoc *doc, guint i)
{
  const ArxToken *t = ARX_DOC_TOK (doc, i);
  g_autofree char *low = NULL;
  gsize len = t->end - t->start;

  if (!(t->flags & ARX_TOK_WORD) || len > 30)
    return NULL;
  low = g_ascii_strdown (doc->text + t->start, len);
  if (g_hash_table_lookup (doc->lex->roles, low))
    return g_steal_pointer (&low);
  /* "the British royal": a role noun only in lower case, so not in the lexicon (names are full
   * of "Royal"); the cluster gives it to people with a royal title */
  if (strcmp (low, "royal") == 0 && !(t->flags & ARX_TOK_CAP))
    return g_steal_pointer (&low);
  return NULL;
}

static const char *const org_roles[] = {
  "company", "firm", "bank", "airline", "newspaper", "network", "ministry", "department", "agency",
  "embassy", "hospital", "university", "union", NULL
};

/* "said former Sen. Evan Bayh": words that may stand before a title and name */
static const char *const name_modifiers[] = { "former", "then", "retired", "late", "outgoing", "incoming", NULL };

/* Token @i in lower case into @buf (empty when it does not fit). */
static const char *
low_word (const ArxDoc *doc, guint i, char buf[16])
{
  const ArxToken *t = ARX_DOC_TOK (doc, i);
  gsize len = t->end - t->start;

  buf[0] = 0;
  if (len < 16)
    {
      for (gsize k = 0; k < len; k++)
        buf[k] = g_ascii_tolower (doc->text[t->start + k]);
      buf[len] = 0;
    }
  return buf;
}

/* A lower-case role word at @i ("adviser" in "Obama adviser David Axelrod"). */
static gboolean
role_word_at (const ArxDoc *doc, guint i)
{
  g_autofree char *r = NULL;

  if (ARX_DOC_TOK (doc, i)->flags & ARX_TOK_CAP)
    return FALSE;
  r = role_word (doc, i);
  return r != NULL;
}

static gboolean
role_word_before (const ArxDoc *doc, guint a, guint b)
{
  for (guint i = a; i < b; i++)
    if (role_word_at (doc, i))
      return TRUE;
  return FALSE;
}

static gboolean speaker_from_np (ArxAttribution *ctx, guint a, guint b, gboolean strict, ArxSpeaker *out);

/* Words that open a noun phrase: determiners, possessives, quantities. */
static gboolean
starts_np (const ArxDoc *doc, guint a)
{
  static const char *const dets[] = {
    "the", "a", "an", "his", "her", "their", "its", "our", "my", "one", "another", "some", "many",
    "several", "two", "three", "both", "most", "other", "these", "those", "this", "that", NULL
  };

  if (token_in (doc, a, dets))
    return TRUE;
  return a + 1 < doc->tokens->len && (ARX_DOC_TOK (doc, a + 1)->flags & ARX_TOK_POSS);
}

/* "White House advisers", "Ford workers", "UN inspectors": a name that only modifies the
 * plural head of a group; the group speaks, not the body or place it belongs to. */
static gboolean
name_modifies_group (const ArxDoc *doc, guint a, guint head_end)
{
  const ArxMention *m;

  if (ARX_DOC_TOK (doc, a)->mention < 0)
    return FALSE;
  m = ARX_DOC_MENTION (doc, ARX_DOC_TOK (doc, a)->mention);
  return m->tok_start == a && m->tok_end < head_end && m->kind != ARX_ENTITY_PERSON &&
         arx_head_noun_kind (doc, head_end - 1) == ARX_SPEAKER_GROUP;
}

/* The words [*ga, *gb) of the latest speaker before token @at, in this paragraph or the one
 * before, that is an organisation named by a description ("the union", "the ministry"). */
static gboolean
last_body_speaker (ArxAttribution *ctx, guint at, guint *ga, guint *gb)
{
  const ArxDoc *doc = ctx->doc;
  guint para = ARX_DOC_TOK (doc, at)->paragraph;

  for (int k = (int) ctx->found->len - 1; k >= 0; k--)
    {
      const ArxFound *f = &g_array_index (ctx->found, ArxFound, k);

      if (f->paragraph + 1 < para)
        break;
      if (f->start >= ARX_DOC_TOK (doc, at)->start || f->speaker.m_start < 0 || f->speaker.name == NULL ||
          f->speaker.m_start >= (int) ARX_DOC_TOK (doc, at)->start)
        continue;
      if (f->speaker.entity < 0 && arx_speaker_kind (doc, &f->speaker) == ARX_SPEAKER_ORGANIZATION)
        {
          *ga = arx_doc_token_at (doc, f->speaker.m_start);
          *gb = arx_doc_token_at (doc, f->speaker.m_end);
          return *gb > *ga;
        }
      return FALSE;
    }
  return FALSE;
}

/* The words [*da, *db) of the description ("a local farmer", "the spokesperson") that named
 * the speaker of the statement just before token @at, when that speaker is a person the
 * article does not name and spoke in this sentence or the one before: a "he" or "she" right
 * after means them, not a name further back. */
static gboolean
last_unnamed_person_speaker (ArxAttribution *ctx, guint at, guint *da, guint *db)
{
  const ArxDoc *doc = ctx->doc;
  guint sent = ARX_DOC_TOK (doc, at)->sentence;

  for (int k = (int) ctx->found->len - 1; k >= 0; k--)
    {
      const ArxFound *f = &g_array_index (ctx->found, ArxFound, k);
      guint ms;

      if (f->start >= ARX_DOC_TOK (doc, at)->start || f->speaker.m_start < 0 ||
          f->speaker.m_start >= (int) ARX_DOC_TOK (doc, at)->start)
        continue;
      if (f->speaker.entity >= 0 || g_strcmp0 (f->speaker.rule, "description") != 0 || f->speaker.name == NULL)
        return FALSE;
      ms = arx_doc_token_at (doc, f->speaker.m_start);
      if (ARX_DOC_TOK (doc, ms)->sentence + 1 < sent || arx_speaker_kind (doc, &f->speaker) != ARX_SPEAKER_PERSON)
        return FALSE;
      *da = ms;
      *db = arx_doc_token_at (doc, f->speaker.m_end);
      return *db > *da;
    }
  return FALSE;
}

static gboolean
all_capitalised (const ArxDoc *doc, guint a, guint b)
{
  for (guint i = a; i < b; i++)
    if (!(ARX_DOC_TOK (doc, i)->flags & ARX_TOK_CAP) && !(ARX_DOC_TOK (doc, i)->flags & ARX_TOK_POSS))
      return FALSE;
  return TRUE;
}

gboolean
arx_speaker_from_np (ArxAttribution *ctx,
                     guint           a,
                     guint           b,
                     ArxSpeaker     *out)
{
  return speaker_from_np (ctx, a, b, FALSE, out);
}

/* @strict: only names, pronouns and role descriptions (for words after a cue, which are
 * as often the start of the reported clause). */
static gboolean
speaker_from_np (ArxAttribution *ctx,
                 guint           a,
                 guint           b,
                 gboolean        strict,
                 ArxSpeaker     *out)
{
  ArxDoc *doc = ctx->doc;
  int e;

  while (b > a && (arx_token_is_skip_word (doc, b - 1) || arx_token_is (doc, b - 1, ",") || arx_attr_is_ly_adverb (doc, b - 1) ||
                   arx_token_is (doc, b - 1, "not") || arx_token_is (doc, b - 1, "n't") ||
                   arx_token_is_ci (doc, b - 1, "did") || arx_token_is_ci (doc, b - 1, "does")))
    b--;
  /* "and he", "- and she": a conjunction joining the clause is not part of the speaker */
  while (a < b && ((ARX_DOC_TOK (doc, a)->flags & (ARX_TOK_QUOTE | ARX_TOK_PUNCT)) ||
                   (b - a > 1 && (arx_token_is_ci (doc, a, "and") || arx_token_is_ci (doc, a, "but")))))
    a++;
  /* "OTTAWA — The finance minister": a dateline is no part of the subject */
  if (a < b && (ARX_DOC_TOK (doc, a)->flags & ARX_TOK_PARA_START))
    a = arx_attr_skip_dateline (doc, a, b);
  /* "Sen. Ruth Abara (D-Ward 4)": a short bracketed aside after the name (party, riding, age) */
  {
    guint nb = arx_attr_skip_brackets_back (doc, a, b);

    if (nb > a && nb < b && b - nb <= 8)
      b = nb;
  }
  /* "he’s said": the contracted auxiliary */
  if (b - a == 2 && (arx_token_is (doc, b - 1, "’s") || arx_token_is (doc, b - 1, "'s")))
    b--;
  if (b <= a || b - a > 12)
    return FALSE;
  /* "At Boca West", "Of Carson": a noun phrase does not open with a preposition */
  if (arx_token_is_preposition (doc, a) && !arx_token_is_ci (doc, a, "according"))
    return FALSE;
  if (strict && !(ARX_DOC_TOK (doc, a)->mention >= 0 || (ARX_DOC_TOK (doc, a)->flags & ARX_TOK_CAP) ||
                  starts_np (doc, a) || (b - a == 1)))
    return FALSE;

  /* a name ends the phrase: "Sen. Marco Rubio", "Bossert" */
  if ((e = arx_doc_mention_entity_at_end (doc, b)) >= 0)
    {
      const ArxMention *m = ARX_DOC_MENTION (doc, ARX_DOC_TOK (doc, b - 1)->mention);
      ArxEntityKind kind = ARX_DOC_ENTITY (doc, e)->kind;
      guint before = m->tok_start;

      /* "a spokesman for the State Department": past the article before the name */
      if (before > a + 1 && (arx_token_is_ci (doc, before - 1, "the") || arx_token_is_ci (doc, before - 1, "a")))
        before--;
      if (before > a && arx_token_is_preposition (doc, before - 1))
        {
          int p = arx_doc_mention_entity_at_end (doc, before - 1);

          /* "Jane Okoro of the University of Toronto": the person the place or body qualifies */
          if (p >= 0 && ARX_DOC_ENTITY (doc, p)->kind == ARX_ENTITY_PERSON &&
              ARX_DOC_MENTION (doc, ARX_DOC_TOK (doc, before - 2)->mention)->tok_start >= a)
            {
              const ArxMention *pm = ARX_DOC_MENTION (doc, ARX_DOC_TOK (doc, before - 2)->mention);

              set_speaker (ctx, out, p, pm->tok_start, before - 1, "subject", 0.9);
              return TRUE;
            }
          /* "a spokesman for the State Department": the speaker is the spokesman */
          set_speaker (ctx, out, -1, a, b, "description", 0.6);
          return TRUE;
        }
      if (kind == ARX_ENTITY_PERSON || kind == ARX_ENTITY_ORGANIZATION ||
          (kind == ARX_ENTITY_LOCATION && m->tok_start == a) || kind == ARX_ENTITY_MISC)
        {
          set_speaker (ctx, out, e, m->tok_start, b, "subject", kind == ARX_ENTITY_PERSON ? 0.92 : 0.8);
          return TRUE;
        }
    }
  if (b - a == 1)
    {
      double conf = 0.5;

      if (arx_token_is_ci (doc, a, "he") || arx_token_is_ci (doc, a, "she"))
        {
          char g = arx_token_is_ci (doc, a, "he") ? 'M' : 'F';
          guint da, db;

          /* "A local farmer said … He said": the person who spoke just before, unnamed */
          if (last_unnamed_person_speaker (ctx, a, &da, &db))
            {
              set_pronoun_for_description (ctx, out, a, b, da, db, 0.55);
              return TRUE;
            }
          e = arx_resolve_pronoun (ctx, a, g, &conf);
          set_speaker (ctx, out, e, a, b, "pronoun", conf);
          if (e < 0)
            out->confidence = 0.4;
          return TRUE;
        }
      /* "it said": the organisation named just before; with none, "it confirms the polling"
       * is no speaker at all */
      if (arx_token_is_ci (doc, a, "it"))
        {
          guint ga, gb;

          e = arx_resolve_it (ctx, a);
          /* "the union said no deal was close. It said …": a body that spoke as a description */
          if (e < 0 && last_body_speaker (ctx, a, &ga, &gb))
            {
              set_pronoun_for_description (ctx, out, a, b, ga, gb, 0.5);
              return TRUE;
            }
          if (e < 0)
            return FALSE;
          set_speaker (ctx, out, e, a, b, "pronoun", 0.6);
          return TRUE;
        }
      /* "Smith, who …, said": the relative pronoun speaks for the name right before it */
      if (arx_token_is_ci (doc, a, "who") && a > 0)
        {
          guint p = arx_token_is (doc, a - 1, ",") && a > 1 ? a - 1 : a;

          e = arx_doc_mention_entity_at_end (doc, p);
          if (e >= 0 && ARX_DOC_ENTITY (doc, e)->kind == ARX_ENTITY_PERSON)
            {
              set_speaker (ctx, out, e, a, b, "pronoun", 0.85);
              return TRUE;
            }
        }
      /* "they": the group or organisation last speaking or last named as a group */
      if (arx_token_is_ci (doc, a, "they"))
        {
          guint ga, gb;

          e = arx_resolve_they (ctx, a, &ga, &gb);
          if (e >= 0)
            {
              set_speaker (ctx, out, e, a, b, "pronoun", 0.6);
              return TRUE;
            }
          if (gb > ga)
            {
              set_pronoun_for_description (ctx, out, a, b, ga, gb, 0.5);
              return TRUE;
            }
        }
      if (arx_token_is_ci (doc, a, "they") || arx_token_is_ci (doc, a, "we") || arx_token_is (doc, a, "I") ||
          arx_token_is_ci (doc, a, "you") || arx_token_is_ci (doc, a, "who"))
        {
          set_speaker (ctx, out, -1, a, b, "pronoun", 0.4);
          return TRUE;
        }
    }

  /* "the 45-year-old": news names a person, then refers back by age; the latest person */
  if (b - a <= 6 && arx_token_is_ci (doc, a, "the") &&
      g_strstr_len (doc->text + ARX_DOC_TOK (doc, a)->start,
                    ARX_DOC_TOK (doc, b - 1)->end - ARX_DOC_TOK (doc, a)->start, "year-old") != NULL)
    {
      guint para = ARX_DOC_TOK (doc, a)->paragraph;

      e = -1;
      for (guint i = a; i > 0 && e < 0; i--)
        {
          const ArxToken *t = ARX_DOC_TOK (doc, i - 1);

          if (t->paragraph + 2 < para || arx_sentences_apart (doc, i - 1, a))
            break;
          if (t->mention >= 0 && ARX_DOC_MENTION (doc, t->mention)->entity >= 0 &&
              ARX_DOC_MENTION (doc, t->mention)->kind == ARX_ENTITY_PERSON)
            e = ARX_DOC_MENTION (doc, t->mention)->entity;
        }
      set_speaker (ctx, out, e, a, b, "description", e >= 0 ? 0.7 : 0.45);
      return TRUE;
    }
  /* a description: find its role word before any prepositional phrase */
  {
    guint head_end = b;
    int possessor = -1;
    g_autofree char *role = NULL;

    for (guint i = a; i < b; i++)
      if (arx_token_is_preposition (doc, i) || arx_token_is (doc, i, ",") || arx_token_is_ci (doc, i, "who"))
        {
          head_end = i;
          break;
        }
    for (guint i = a; i < head_end; i++)
      {
        char *r = role_word (doc, i);

        if (r)
          {
            g_free (role);
            role = r;
          }
        if (ARX_DOC_TOK (doc, i)->flags & ARX_TOK_POSS && i > a)
          possessor = arx_doc_mention_entity_at_end (doc, i);
      }
    /* "Former royal PR aides": a plural head is a group, whatever role words modify it */
    if (role != NULL && head_end > a && !(ARX_DOC_TOK (doc, head_end - 1)->flags & ARX_TOK_CAP) &&
        arx_head_noun_kind (doc, head_end - 1) == ARX_SPEAKER_GROUP)
      {
        set_speaker (ctx, out, -1, a, b, "description", 0.5);
        return TRUE;
      }
    if (role != NULL && g_hash_table_lookup (doc->lex->roles, role) == GINT_TO_POINTER ('G'))
      {
        /* "RBC said … The bank said": a body named just before is the one meant; not for
         * words that as often mean a body never named ("the campaign", "the government") */
        e = -1;
        if (head_end - a <= 2 && (arx_token_is_ci (doc, a, "the") || arx_token_is_ci (doc, a, "its")) &&
            g_strv_contains (org_roles, role))
          e = arx_resolve_it (ctx, a);
        set_speaker (ctx, out, e, a, b, "description", e >= 0 ? 0.6 : 0.5);
        return TRUE;
      }
    if (role != NULL)
      {
        e = arx_doc_latest_described (ctx->doc, role, a, possessor);
        set_speaker (ctx, out, e, a, b, "description", e >= 0 ? 0.75 : 0.5);
        return TRUE;
      }
    if (head_end > a && head_end - a <= 4 && any_token_in (doc, a, head_end, groups))
      {
        set_speaker (ctx, out, -1, a, b, "description", 0.5);
        return TRUE;
      }
    /* "said the ruling", "the letter reads", "residents say": a head noun that names a group
     * or a document speaks as a description (never a person's name) */
    if (head_end > a && head_end - a <= 5 && !(ARX_DOC_TOK (doc, head_end - 1)->flags & ARX_TOK_CAP) &&
        (head_end - a == 1 || starts_np (doc, a) || name_modifies_group (doc, a, head_end)) &&
        arx_head_noun_kind (doc, head_end - 1) >= 0 &&
        arx_head_noun_kind (doc, head_end - 1) != ARX_SPEAKER_PERSON)
      {
        set_speaker (ctx, out, -1, a, b, "description", 0.5);
        return TRUE;
      }
    if (strict)
      return FALSE;
    /* "the actress", "her friend", "the airline": a speaker we cannot name */
    if (head_end > a && head_end - a <= 5 && (ARX_DOC_TOK (doc, head_end - 1)->flags & ARX_TOK_WORD) &&
        !(ARX_DOC_TOK (doc, head_end - 1)->flags & ARX_TOK_CAP) &&
        (arx_token_is_ci (doc, a, "the") || arx_token_is_ci (doc, a, "a") || arx_token_is_ci (doc, a, "an") ||
         arx_token_is_ci (doc, a, "his") || arx_token_is_ci (doc, a, "her") || arx_token_is_ci (doc, a, "their") ||
         arx_token_is_ci (doc, a, "its") || arx_token_is_ci (doc, a, "one") || arx_token_is_ci (doc, a, "another") ||
         arx_token_is_ci (doc, a, "some") || arx_token_is_ci (doc, a, "many") || arx_token_is_ci (doc, a, "several") ||
         (a + 1 < head_end && (ARX_DOC_TOK (doc, a + 1)->flags & ARX_TOK_POSS))))
      {
        set_speaker (ctx, out, -1, a, b, "description", 0.45);
        return TRUE;
      }
    /* "Andrew claims that …": one capitalised word the tagger missed that is part of the name
     * of a person the article names */
    if (b - a == 1 && (ARX_DOC_TOK (doc, a)->flags & ARX_TOK_CAP) && (e = arx_person_by_name_part (doc, a)) >= 0)
      {
        set_speaker (ctx, out, e, a, b, "subject", 0.7);
        return TRUE;
      }
    /* capitalised words the tagger missed: take them as a name (not across a comma: "the
     * Earth, Cook said") */
    for (guint i = a; i < b; i++)
      if (arx_attr_tok_char (doc, i, ','))
        return FALSE;
    if (b - a <= 4 && !arx_token_is_preposition (doc, a) &&
        ((b - a >= 2) || !(ARX_DOC_TOK (doc, a)->flags & ARX_TOK_SENT_START)) &&
        all_capitalised (doc, arx_token_is_ci (doc, a, "the") ? a + 1 : a, b))
      {
        set_speaker (ctx, out, -1, a, b, "subject", 0.5);
        return TRUE;
      }
  }
  return FALSE;
}

/* auxiliaries and modals: after a cue they make the words before them a clause's subject */
static const char *const clause_verbs[] = {
  "is", "was", "are", "were", "will", "would", "could", "can", "should", "may", "might", "must",
  "has", "have", "had", "does", "did", "do", "won’t", "won't", "isn’t", "isn't", "wasn’t", "wasn't",
  NULL
};

gboolean
arx_token_is_clause_verb (const ArxDoc *doc,
                          guint         i)
{
  return arx_attr_token_in_list (doc, i, clause_verbs);
}

/* "planetary geologist Rosaly Lopes", "U.S. Attorney Erin Nealy Cox", "Browns DL Sheldon
 * Richardson": the first person named at @a after words that only describe them (roles,
 * titles, organisations, places); NULL when a preposition, a verb or punctuation comes first. */
const ArxMention *
arx_person_after_premodifiers (const ArxDoc *doc,
                               guint         a,
                               guint         limit)
{
  for (guint i = a; i < limit && i < a + 7; i++)
    {
      const ArxToken *t = ARX_DOC_TOK (doc, i);

      if (t->mention >= 0)
        {
          const ArxMention *m = ARX_DOC_MENTION (doc, t->mention);

          if (m->kind == ARX_ENTITY_PERSON && m->entity >= 0 && m->tok_start == i)
            return m->tok_end <= limit ? m : NULL;
          i = m->tok_end - 1;
          continue;
        }
      if (t->flags & ARX_TOK_POSS)
        continue;
      if (!(t->flags & ARX_TOK_WORD) || arx_token_is_preposition (doc, i) || arx_token_is_clause_verb (doc, i) ||
          arx_attr_cue_class (doc, i) || arx_token_is_ci (doc, i, "who") || arx_token_is_ci (doc, i, "and") ||
          arx_token_is_ci (doc, i, "that") || arx_token_is_ci (doc, i, "which"))
        return NULL;
    }
  return NULL;
}

/* The speaker named after the cue: "…,” said Bossert", "said the senator". */
static gboolean
speaker_after_cue (ArxAttribution *ctx,
                   guint           cue_end_tok,
                   guint           limit,
                   ArxSpeaker     *out)
{
  ArxDoc *doc = ctx->doc;
  guint a = cue_end_tok, b = a;
  char word[16];

  while (b < limit && b < a + 8)
    {
      const ArxToken *t = ARX_DOC_TOK (doc, b);

      if (!(t->flags & ARX_TOK_WORD) && !(t->flags & ARX_TOK_POSS))
        break;
      if (b > a && (arx_token_is_preposition (doc, b) || arx_token_is_ci (doc, b, "who") ||
                    arx_token_is_ci (doc, b, "that")))
        {
          /* keep "for" in "a spokesman for the campaign" */
          if (!(arx_token_is (doc, b, "for") || arx_token_is (doc, b, "of")) || t->mention >= 0)
            break;
        }
      if (t->mention >= 0)
        {
          const ArxMention *m = ARX_DOC_MENTION (doc, t->mention);

          b = MAX (b + 1, m->tok_end);
          if (b >= limit)
            break;
          /* "said former Obama adviser David Axelrod", "said U.S. Attorney Erin Nealy Cox": a
           * name qualifying a role word or a title goes on */
          if ((ARX_DOC_TOK (doc, b)->flags & ARX_TOK_WORD) &&
              (role_word_at (doc, b) || ((ARX_DOC_TOK (doc, b)->flags & ARX_TOK_CAP) && ARX_DOC_TOK (doc, b)->mention < 0)))
            continue;
          if (!(arx_token_is (doc, b, "for") || arx_token_is (doc, b, "of")))
            break;
          continue;
        }
      b++;
    }
  if (b == a)
    return FALSE;
  /* "…,” said the candidate could win": the words after the cue open a reported clause */
  if (b < limit && arx_attr_token_in_list (doc, b, clause_verbs))
    return FALSE;
  for (guint i = a; i < b; i++)
    if (arx_attr_token_in_list (doc, i, clause_verbs))
      return FALSE;
  /* a description then the person's name: "said campaign manager Robby Mook", "said planetary
   * geologist Rosaly Lopes of NASA" */
  {
    const ArxMention *m = arx_person_after_premodifiers (doc, a, b);

    if (m != NULL && m->tok_start > a)
      {
        set_speaker (ctx, out, m->entity, m->tok_start, m->tok_end, "inverted", 0.9);
        return TRUE;
      }
  }
  for (guint i = a + 1; i < b; i++)
    {
      const ArxMention *m;

      if (ARX_DOC_TOK (doc, i)->mention < 0)
        continue;
      m = ARX_DOC_MENTION (doc, ARX_DOC_TOK (doc, i)->mention);
      /* "said undecided voter Stephanie Hooton of Derry": the first person after a role */
      if (m->kind == ARX_ENTITY_PERSON && m->entity >= 0 && m->tok_start == i &&
          (role_word_before (doc, a, m->tok_start) ||
           (m->tok_start - a <= 2 && g_strv_contains (name_modifiers, low_word (doc, a, word)))))
        {
          set_speaker (ctx, out, m->entity, m->tok_start, m->tok_end, "inverted", 0.9);
          return TRUE;
        }
      i = MAX (i, m->tok_end - 1);
    }
  /* the first name after the cue, or the description */
  if (ARX_DOC_TOK (doc, a)->mention >= 0)
    {
      const ArxMention *m = ARX_DOC_MENTION (doc, ARX_DOC_TOK (doc, a)->mention);

      if (m->entity >= 0 && m->tok_start == a)
        {
          set_speaker (ctx, out, m->entity, a, m->tok_end, "inverted", 0.9);
          return TRUE;
        }
    }
  if (speaker_from_np (ctx, a, b, TRUE, out))
    {
      if (g_strcmp0 (out->rule, "subject") == 0)
        out->rule = "inverted";
      return TRUE;
    }
  return FALSE;
}

/* "…, said Ivanka Trump’s statement didn’t clarify it": a name owning a common noun after it
 * is part of the reported clause, never the speaker after the cue ("noted NBC’s Dante Chinni"
 * still names one) */
gboolean
arx_speaker_after_cue (ArxAttribution *ctx,
                       guint           cue_end_tok,
                       guint           limit,
                       ArxSpeaker     *out)
{
  int e;

  if (!speaker_after_cue (ctx, cue_end_tok, limit, out))
    return FALSE;
  e = arx_doc_token_at (ctx->doc, out->m_end);
  if (out->m_end >= 0 && e >= 0 && (guint) e < ctx->doc->tokens->len && (guint) e < limit &&
      (ARX_DOC_TOK (ctx->doc, e)->flags & ARX_TOK_POSS) && (guint) e + 1 < limit &&
      !(ARX_DOC_TOK (ctx->doc, e + 1)->flags & ARX_TOK_CAP))
    {
      arx_speaker_clear (out);
      return FALSE;
    }
  return TRUE;
}
