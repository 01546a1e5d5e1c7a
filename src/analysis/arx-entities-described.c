/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "arx-analyzer"

#include "config.h"

#include <string.h>

#include "arx-ner.h"

#include "arx-doc.h"

/* Head nouns that say what a name is when a definition or an apposition follows it ("Atwick is
 * a village", "Lyft, a ride-hailing company,"). Only nouns that name a kind of organisation or
 * of place and rarely anything else: no "group" of people, no "town councillor" (the head is
 * the last word, so the councillor is not a town). */
static const char *const organisation_nouns[] = {
  "company", "companies", "firm", "corporation", "conglomerate", "manufacturer", "maker", "retailer",
  "chain", "carrier", "airline", "bank", "insurer", "lender", "startup", "start-up", "subsidiary",
  "band", "label", "club", "team", "franchise", "party", "university", "college", "school", "agency",
  "organisation", "organization", "charity", "union", "broadcaster", "newspaper", "magazine",
  "publisher", "studio", "ministry", "council", "committee", "foundation", "institute", "association",
  "federation", "league", "regiment", "brigade", "division", "militia", "network", NULL
};
static const char *const place_nouns[] = {
  "village", "town", "city", "hamlet", "suburb", "parish", "county", "district", "province", "region",
  "island", "river", "lake", "mountain", "valley", "neighbourhood", "neighborhood", "municipality",
  "commune", "borough", "capital", "port", "country", "peninsula", "archipelago", "settlement",
  "locality", "township", "state", "territory", "canton", "prefecture", NULL
};

/* Person roles of roles.tsv that an organisation or a place holds too ("a member of", "the
 * market leader", "an asset manager", "a major player") */
static const char *const shared_roles[] = {
  "member", "owner", "publisher", "producer", "host", "representative", "resident", "voter",
  "supporter", "witness", "survivor", "veteran", "worker", "speaker", "chair", "leader", "investor",
  "player", "critic", "manager", "executive", "chief", "candidate", "nominee", "operative", "volunteer",
  "delegate", "principal", "premier", "general", "justice", NULL
};

static gboolean
token_in (const ArxDoc *doc, guint i, const char *const *words)
{
  for (guint k = 0; words[k]; k++)
    if (arx_token_is (doc, i, words[k]))
      return TRUE;
  return FALSE;
}

/* The kind that the words right after a name give it: "X is a village …", "X, a Danish retail
 * chain owned by …", "X, the rocket company founded by …": after a comma or "is/was/are/were"
 * comes an article, then up to four words before a function word or punctuation; the last
 * lower-case word that is no participle ("owned", "hailing") is the head. ARX_ENTITY_MISC when
 * the head names no organisation or place. */
static ArxEntityKind
described_kind (const ArxDoc *doc, guint j)
{
  static const char *const copulas[] = { "is", "was", "are", "were", NULL };
  static const char *const articles[] = { "a", "an", "the", NULL };
  static const char *const stops[] = {
    "of", "in", "on", "at", "for", "by", "with", "that", "which", "who", "and", "or", "from", "to", NULL
  };
  guint n = doc->tokens->len, sentence, head = G_MAXUINT;
  gboolean lead = FALSE;

  if (j >= n)
    return ARX_ENTITY_MISC;
  sentence = ARX_DOC_TOK (doc, j)->sentence;
  if (arx_token_is (doc, j, ","))
    j++, lead = TRUE;
  if (j < n && token_in (doc, j, copulas))
    j++, lead = TRUE;
  if (!lead || j >= n || !token_in (doc, j, articles))
    return ARX_ENTITY_MISC;
  for (guint k = j + 1; k < n && k <= j + 4 && ARX_DOC_TOK (doc, k)->sentence == sentence; k++)
    {
      const ArxToken *t = ARX_DOC_TOK (doc, k);
      gsize len = t->end - t->start;
      const char *w = doc->text + t->start;

      if (t->flags & ARX_TOK_NUMBER)
        continue;
      /* "the company's founder", "the state's best lineman": the head comes later */
      if (t->flags & ARX_TOK_POSS)
        {
          head = G_MAXUINT;
          break;
        }
      if (!(t->flags & ARX_TOK_WORD) || token_in (doc, k, stops))
        break;
      if (t->flags & ARX_TOK_CAP)
        continue;
      if (len > 4 && (memcmp (w + len - 2, "ed", 2) == 0 || memcmp (w + len - 3, "ing", 3) == 0))
        continue;
      head = k;
    }
  if (head == G_MAXUINT)
    return ARX_ENTITY_MISC;
  if (token_in (doc, head, organisation_nouns))
    return ARX_ENTITY_ORGANIZATION;
  if (token_in (doc, head, place_nouns))
    return ARX_ENTITY_LOCATION;
  if (!token_in (doc, head, shared_roles))
    {
      const ArxToken *t = ARX_DOC_TOK (doc, head);
      g_autofree char *low = g_ascii_strdown (doc->text + t->start, t->end - t->start);

      if (g_hash_table_lookup (doc->lex->roles, low) == GINT_TO_POINTER ('P'))
        return ARX_ENTITY_PERSON;
    }
  return ARX_ENTITY_MISC;
}

/* A name that the text itself defines as an organisation or a place ("Bilka is a Danish
 * hypermarket chain", "Lyft, a ride-hailing company,") is one in every mention of the document,
 * whatever the tagger read: unknown names are where it guesses. A person stays one when the
 * name has more than one word or starts with a first name ("Jack London, the company's
 * founder" has no head here anyway). */
void
arx_doc_kind_described (ArxDoc *doc)
{
  g_autoptr(GHashTable) described = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint m = 0; m < doc->mentions->len; m++)
    {
      const ArxMention *mm = ARX_DOC_MENTION (doc, m);
      ArxEntityKind kind = described_kind (doc, mm->tok_end);

      if (kind != ARX_ENTITY_MISC)
        g_hash_table_insert (described,
                             g_strndup (doc->text + ARX_DOC_TOK (doc, mm->tok_start)->start,
                                        ARX_DOC_TOK (doc, mm->tok_end - 1)->end -
                                        ARX_DOC_TOK (doc, mm->tok_start)->start),
                             GUINT_TO_POINTER (kind));
    }
  if (g_hash_table_size (described) == 0)
    return;
  for (guint m = 0; m < doc->mentions->len; m++)
    {
      ArxMention *mm = ARX_DOC_MENTION (doc, m);
      const ArxToken *first = ARX_DOC_TOK (doc, mm->tok_start);
      g_autofree char *surface = g_strndup (doc->text + first->start,
                                            ARX_DOC_TOK (doc, mm->tok_end - 1)->end - first->start);
      gpointer kind;

      if (!g_hash_table_lookup_extended (described, surface, NULL, &kind))
        continue;
      if (mm->kind == ARX_ENTITY_PERSON && (mm->tok_end - mm->tok_start > 1 || (first->gaz & ARX_GAZ_FIRST)))
        continue;
      /* a place is not made a person ("Ohio, the senator's home state" has no head; "Georgia,
       * a lawmaker …" reads a list) */
      if (GPOINTER_TO_UINT (kind) == ARX_ENTITY_PERSON && mm->kind == ARX_ENTITY_LOCATION)
        continue;
      mm->kind = GPOINTER_TO_UINT (kind);
    }
}
