/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "arx-analyzer"

#include "config.h"

#include <string.h>

#include "arx-ner.h"

#include "arx-doc.h"

static const ArxEntityKind label_kind[] = {
  ARX_ENTITY_MISC, ARX_ENTITY_PERSON, ARX_ENTITY_PERSON, ARX_ENTITY_ORGANIZATION,
  ARX_ENTITY_ORGANIZATION, ARX_ENTITY_LOCATION, ARX_ENTITY_LOCATION, ARX_ENTITY_MISC, ARX_ENTITY_MISC,
};

static void
add_mention (ArxDoc *doc, guint start, guint end, ArxEntityKind kind)
{
  ArxMention m = { start, end, kind, -1 };

  for (guint i = start; i < end; i++)
    if (ARX_DOC_TOK (doc, i)->mention >= 0)
      return;
  g_array_append_val (doc->mentions, m);
}

static int
compare_mentions (gconstpointer a, gconstpointer b)
{
  const ArxMention *ma = a, *mb = b;

  return ma->tok_start < mb->tok_start ? -1 : ma->tok_start > mb->tok_start;
}

static void
index_mentions (ArxDoc *doc)
{
  g_array_sort (doc->mentions, compare_mentions);
  for (guint i = 0; i < doc->tokens->len; i++)
    ARX_DOC_TOK (doc, i)->mention = -1;
  for (guint m = 0; m < doc->mentions->len; m++)
    {
      ArxMention *mm = ARX_DOC_MENTION (doc, m);

      for (guint i = mm->tok_start; i < mm->tok_end; i++)
        ARX_DOC_TOK (doc, i)->mention = m;
    }
}

static char *
span_text (const ArxDoc *doc, guint tok_start, guint tok_end)
{
  return g_strndup (doc->text + ARX_DOC_TOK (doc, tok_start)->start,
                    ARX_DOC_TOK (doc, tok_end - 1)->end - ARX_DOC_TOK (doc, tok_start)->start);
}

static gboolean
is_function_word (const ArxDoc *doc, guint i)
{
  static const char *const words[] = {
    "Any", "The", "This", "That", "These", "Those", "Some", "Many", "Most", "All", "Each", "Every", "It",
    "He", "She", "They", "We", "I", "You", "His", "Her", "Their", "Our", "Its", "A", "An", "But", "And",
    "Or", "If", "When", "While", "After", "Before", "As", "In", "On", "At", "For", "With", "From", "By",
    "Both", "Another", "Other", "Such", "No", "Not", "Yes", "So", "Then", "There", "Here", "What", "Who",
    NULL
  };

  for (guint k = 0; words[k]; k++)
    if (arx_token_is (doc, i, words[k]))
      return TRUE;
  return FALSE;
}

static gboolean
has_letters (const ArxDoc *doc, guint a, guint b)
{
  for (guint i = a; i < b; i++)
    if (ARX_DOC_TOK (doc, i)->flags & ARX_TOK_WORD)
      return TRUE;
  return FALSE;
}

/* Votes for the kinds a surface form was tagged with in this document. */
static void
vote (GHashTable *known, const char *surface, ArxEntityKind kind, guint weight)
{
  guint *counts = g_hash_table_lookup (known, surface);

  if (counts == NULL)
    {
      counts = g_new0 (guint, ARX_N_ENTITY_KINDS);
      g_hash_table_insert (known, g_strdup (surface), counts);
    }
  counts[kind] += weight;
}

static ArxEntityKind
majority (gconstpointer counts_p)
{
  const guint *counts = counts_p;
  guint best = ARX_ENTITY_MISC;

  if (counts == NULL)
    return ARX_N_ENTITY_KINDS;
  for (guint k = 0; k < ARX_N_ENTITY_KINDS; k++)
    if (counts[k] > counts[best])
      best = k;
  return best;
}

static gboolean
is_role (const ArxDoc *doc, guint i)
{
  const ArxToken *t = ARX_DOC_TOK (doc, i);
  g_autofree char *low = g_ascii_strdown (doc->text + t->start, t->end - t->start);

  return g_hash_table_lookup (doc->lex->roles, low) == GINT_TO_POINTER ('P');
}

/* Tags every sentence, then makes the document consistent: a word sequence tagged as an
 * entity somewhere (or a person's surname) is an entity of that kind everywhere. */
void
arx_doc_find_entities (ArxDoc            *doc,
                       const ArxNerModel *model)
{
  g_autoptr(GHashTable) known = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GArray) ntoks = g_array_new (FALSE, FALSE, sizeof (ArxNerToken));
  g_autoptr(GByteArray) labels = g_byte_array_new ();
  g_autoptr(GHashTable) history = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  /* the tagger's tokens of the whole document: the capitalisation-in-context feature looks
   * at every sentence */
  if (model != NULL)
    {
      g_array_set_size (ntoks, doc->tokens->len);
      g_byte_array_set_size (labels, doc->tokens->len);
      for (guint i = 0; i < doc->tokens->len; i++)
        {
          const ArxToken *t = ARX_DOC_TOK (doc, i);
          ArxNerToken *nt = &g_array_index (ntoks, ArxNerToken, i);

          nt->word = doc->text + t->start;
          nt->len = t->end - t->start;
        }
      arx_ner_mark_lower_seen ((ArxNerToken *) ntoks->data, doc->tokens->len);
    }
  for (guint s = 0; s < doc->sentences->len && model != NULL; s++)
    {
      const ArxSentence *sent = ARX_DOC_SENT (doc, s);
      guint n = sent->tok_end - sent->tok_start;
      ArxNerToken *nt0 = &g_array_index (ntoks, ArxNerToken, sent->tok_start);
      guint8 *lab0 = labels->data + sent->tok_start;

      arx_ner_mark_gazetteer (doc->lex, nt0, n);
      arx_ner_tag (model, nt0, n, history, lab0);
      for (guint i = 0; i < n; i++)
        {
          ArxToken *t = ARX_DOC_TOK (doc, sent->tok_start + i);

          t->ner = lab0[i];
          t->gaz = nt0[i].gaz | nt0[i].gaz_self;
          t->gaz_pos = nt0[i].gaz_pos;
        }
    }

  for (guint i = 0; i < doc->tokens->len;)
    {
      ArxToken *t = ARX_DOC_TOK (doc, i);
      guint j = i + 1;

      if (t->ner == ARX_NER_O || !(t->ner & 1))
        {
          i++;
          continue;
        }
      while (j < doc->tokens->len && ARX_DOC_TOK (doc, j)->ner == t->ner + 1)
        j++;
      /* a name has letters and is no function word ("Any" opening a sentence) */
      if (!has_letters (doc, i, j) || (j == i + 1 && is_function_word (doc, i)))
        {
          i = j;
          continue;
        }
      {
        ArxMention m = { i, j, label_kind[t->ner], -1 };
        g_autofree char *surface = NULL;

        /* "White House Homeland Security Adviser Tom Bossert": a title followed by a first
         * name starts a person, whatever the tagger made of the words before */
        for (guint k = i; k + 1 < j; k++)
          {
            const ArxToken *tk = ARX_DOC_TOK (doc, k);

            if ((tk->flags & ARX_TOK_CAP) && (ARX_DOC_TOK (doc, k + 1)->gaz & ARX_GAZ_FIRST) &&
                ((tk->gaz & ARX_GAZ_TITLE) || is_role (doc, k)))
              {
                i = k + 1;
                m.tok_start = i;
                m.kind = ARX_ENTITY_PERSON;
              }
          }
        /* "United States Senate", "Bank of England": an organisation's last word decides */
        if ((m.kind == ARX_ENTITY_LOCATION || m.kind == ARX_ENTITY_MISC) && j - i >= 2 &&
            (ARX_DOC_TOK (doc, j - 1)->gaz & ARX_GAZ_ORGSUF))
          m.kind = ARX_ENTITY_ORGANIZATION;
        g_array_append_val (doc->mentions, m);
        surface = span_text (doc, i, j);
        vote (known, surface, m.kind, 1);
        if (m.kind == ARX_ENTITY_PERSON && j - i >= 2)
          {
            const ArxToken *last = ARX_DOC_TOK (doc, j - 1);
            g_autofree char *surname = g_strndup (doc->text + last->start, last->end - last->start);

            /* the surname of a full name (a known first name, then capitalised words) is
             * that person far more often than not */
            if ((last->flags & ARX_TOK_CAP) && j - i <= 3 && (ARX_DOC_TOK (doc, i)->gaz & ARX_GAZ_FIRST))
              vote (known, surname, ARX_ENTITY_PERSON, 3);
            else if (last->flags & ARX_TOK_CAP)
              vote (known, surname, ARX_ENTITY_PERSON, 1);
          }
      }
      i = j;
    }
  index_mentions (doc);

  /* consistency pass: untagged capitalised words that equal a known name */
  if (g_hash_table_size (known) > 0)
    {
      guint before = doc->mentions->len;

      for (guint i = 0; i < doc->tokens->len; i++)
        {
          const ArxToken *t = ARX_DOC_TOK (doc, i);

          guint max_len = 0;

          if (t->mention >= 0 || !(t->flags & ARX_TOK_CAP))
            continue;
          /* known names are runs of words outside other mentions, within one sentence */
          while (max_len < 4 && i + max_len < doc->tokens->len &&
                 ARX_DOC_TOK (doc, i + max_len)->mention < 0 &&
                 ARX_DOC_TOK (doc, i + max_len)->sentence == t->sentence &&
                 (ARX_DOC_TOK (doc, i + max_len)->flags & (ARX_TOK_WORD | ARX_TOK_NUMBER)))
            max_len++;
          for (guint len = max_len; len >= 1; len--)
            {
              char surface[128];
              gsize n = ARX_DOC_TOK (doc, i + len - 1)->end - t->start;
              gpointer kind;

              if (n >= sizeof surface)
                continue;
              memcpy (surface, doc->text + t->start, n);
              surface[n] = '\0';
              if ((kind = g_hash_table_lookup (known, surface)) != NULL)
                {
                  add_mention (doc, i, i + len, majority (kind));
                  i += len - 1;
                  break;
                }
            }
        }
      if (doc->mentions->len != before)
        index_mentions (doc);
      /* a person's name tagged as something else elsewhere ("Trump’s" as an organisation) */
      for (guint m = 0; m < doc->mentions->len; m++)
        {
          ArxMention *mm = ARX_DOC_MENTION (doc, m);
          g_autofree char *surface = NULL;

          if (mm->kind == ARX_ENTITY_PERSON)
            continue;
          surface = span_text (doc, mm->tok_start, mm->tok_end);
          if (majority (g_hash_table_lookup (known, surface)) == ARX_ENTITY_PERSON)
            mm->kind = ARX_ENTITY_PERSON;
        }
    }
}

int
arx_doc_mention_entity_at_end (const ArxDoc *doc,
                               guint         tok_end)
{
  const ArxToken *t;
  const ArxMention *m;

  if (tok_end == 0)
    return -1;
  t = ARX_DOC_TOK (doc, tok_end - 1);
  if (t->mention < 0)
    return -1;
  m = ARX_DOC_MENTION (doc, t->mention);
  return m->tok_end == tok_end ? m->entity : -1;
}
