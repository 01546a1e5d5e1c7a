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

/* Last words that make a name a place, whoever it is named after ("Hancock Brook", "Clarence
 * Dock", "Deccan Plateau", "Wembley Stadium"); not "Park", "Bay", "Hill", "Lake", "Field",
 * "Beach" or "Forest", which are surnames and clubs too ("Michael Bay", "Nottingham Forest") */
static const char *const place_heads[] = {
  "Brook", "Creek", "River", "Pond", "Dock", "Docks", "Plateau", "Canyon", "Valley", "Mountain",
  "Mountains", "Peninsula", "Island", "Islands", "Glacier", "Reservoir", "Falls", "Coast", "Road",
  "Street", "Avenue", "Boulevard", "Square", "Bridge", "Airport", "Stadium", "Harbour", "Harbor",
  "Canal", "Strait", "Gulf", "Atoll", NULL
};

/* Last words after a place that keep the name a place ("Kansas City", "Gaza Strip", "Miami
 * Beach", "Moscow Region") */
static const char *const place_continuations[] = {
  "City", "County", "State", "Province", "Region", "District", "Area", "Strip", "Bay", "Beach",
  "Lake", "Park", "Hills", "Heights", "Basin", "Delta", "Desert", "Sea", "Ocean", "Station",
  "Metropolitan", "Oblast", "Prefecture", "Territory", "Township", "Borough", "Municipality", NULL
};
/* … and words of direction, which make a part of the place ("Netherlands East Indies") */
static const char *const compass_words[] = {
  "North", "South", "East", "West", "Central", "Northern", "Southern", "Eastern", "Western",
  "Upper", "Lower", "Greater", "New", "Old", NULL
};

/* The kind that the words of a name give it, whatever the tagger read from its context:
 * a person or a misc name whose last word is a kind of place ("Hancock Brook") is a place,
 * and a place the gazetteer knows followed by other capitalised words that name no place is
 * a team, a newspaper or a company named after it ("Perth Glory", "St. Louis Eagles", "Fort
 * Worth Star-Telegram"; not "Kansas City", "Gaza Strip" or "Guinea Bissau"). */
ArxEntityKind
arx_doc_name_words_kind (const ArxDoc  *doc,
                         guint          a,
                         guint          b,
                         ArxEntityKind  kind)
{
  if (b - a < 2)
    return kind;
  if ((kind == ARX_ENTITY_PERSON || kind == ARX_ENTITY_MISC) && token_in (doc, b - 1, place_heads))
    return ARX_ENTITY_LOCATION;
  if (kind == ARX_ENTITY_LOCATION && ARX_DOC_TOK (doc, a)->gaz_pos == 1 &&
      (ARX_DOC_TOK (doc, a)->gaz & ARX_GAZ_LOC))
    {
      guint k = a + 1;

      while (k < b && ARX_DOC_TOK (doc, k)->gaz_pos == 2)
        k++;
      if (k == b || token_in (doc, b - 1, place_heads) || token_in (doc, b - 1, place_continuations))
        return kind;
      for (guint t = k; t < b; t++)
        {
          const ArxToken *tok = ARX_DOC_TOK (doc, t);

          if (tok->gaz_pos != 0 || !(tok->flags & ARX_TOK_CAP) || token_in (doc, t, compass_words) ||
              (tok->flags & (ARX_TOK_UPPER | ARX_TOK_ABBREV | ARX_TOK_POSS)))
            return kind;
        }
      return ARX_ENTITY_ORGANIZATION;
    }
  return kind;
}

/* Organisation nouns that name the organisation right after them ("the band Orgy", "rival bank
 * Barclays", "the newspaper Le Monde"), and place nouns before "of" ("the village of Atwick");
 * not "team" ("second team All-American") nor "carrier" ("the aircraft carrier Enterprise") */
static const char *const organisation_before[] = {
  "company", "firm", "corporation", "conglomerate", "manufacturer", "carmaker", "retailer", "chain",
  "airline", "bank", "lender", "insurer", "startup", "band", "label", "club", "newspaper", "magazine",
  "broadcaster", "network", "studio", "agency", NULL
};
static const char *const place_before_of[] = {
  "village", "town", "city", "hamlet", "suburb", "parish", "county", "district", "province",
  "region", "island", "municipality", "commune", "borough", "township", "state", "prefecture", NULL
};

static ArxEntityKind
preceded_kind (const ArxDoc *doc, guint i)
{
  if (i >= 1 && !(ARX_DOC_TOK (doc, i - 1)->flags & ARX_TOK_CAP) &&
      token_in (doc, i - 1, organisation_before))
    return ARX_ENTITY_ORGANIZATION;
  if (i >= 2 && arx_token_is (doc, i - 1, "of") && !(ARX_DOC_TOK (doc, i - 2)->flags & ARX_TOK_CAP) &&
      token_in (doc, i - 2, place_before_of))
    return ARX_ENTITY_LOCATION;
  return ARX_ENTITY_MISC;
}

/* What the text does with a name that only an organisation does: it has shares, a chief
 * executive or a founder ("Caloi's shares", "shares of Caloi", "chief executive of Caloi"), it
 * was founded, incorporated or went bankrupt, artists sign to it and players play for it
 * ("signed to Deltasonic", "played for the Devil Rays"). Only for a name the tagger read as a
 * person or a misc name that the gazetteer does not know as a place or a nationality ("Rome
 * was founded in", "plays for the Swiss under-19 side"). People have shares and boards too
 * ("Musk's shares"): those cues are only ORGANISATION_CUE_POSSESSED. */
typedef enum
{
  ORGANISATION_CUE_NONE,
  ORGANISATION_CUE_POSSESSED,
  ORGANISATION_CUE_STRONG
} OrganisationCue;

static OrganisationCue
organisation_context (const ArxDoc *doc, guint a, guint b)
{
  static const char *const possessed[] = {
    "shares", "stock", "headquarters", "CEO", "board", "subsidiary", "subsidiaries",
    "founder", "co-founder", "founders", "shareholders", "chairman", NULL
  };
  static const char *const passive[] = {
    "founded", "established", "incorporated", "headquartered", "acquired", "bankrupt", NULL
  };
  static const char *const of_heads[] = {
    "shares", "CEO", "executive", "founder", "co-founder", "founders", "subsidiary", "stake", NULL
  };
  static const char *const verbs_to[] = { "signed", "played", "plays", "playing", NULL };
  guint n = doc->tokens->len, sentence = ARX_DOC_TOK (doc, a)->sentence, k = a;

  if ((ARX_DOC_TOK (doc, a)->gaz & (ARX_GAZ_LOC | ARX_GAZ_MISC)) && ARX_DOC_TOK (doc, a)->gaz_pos == 1)
    return ORGANISATION_CUE_NONE;
  /* after the name */
  if (b + 1 < n && ARX_DOC_TOK (doc, b + 1)->sentence == sentence)
    {
      if ((ARX_DOC_TOK (doc, b)->flags & ARX_TOK_POSS) && token_in (doc, b + 1, possessed))
        return ORGANISATION_CUE_POSSESSED;
      if ((arx_token_is (doc, b, "was") || arx_token_is (doc, b, "is") || arx_token_is (doc, b, "went") ||
           arx_token_is (doc, b, ",")) && token_in (doc, b + 1, passive))
        return ORGANISATION_CUE_STRONG;
      if (arx_token_is (doc, b, "filed") && arx_token_is (doc, b + 1, "for"))
        return ORGANISATION_CUE_STRONG;
    }
  /* before it, past an article */
  if (k >= 1 && (arx_token_is (doc, k - 1, "the") || arx_token_is (doc, k - 1, "The")))
    k--;
  if (k >= 2 && ARX_DOC_TOK (doc, k - 2)->sentence == sentence)
    {
      if ((arx_token_is (doc, k - 1, "of") || arx_token_is (doc, k - 1, "in")) &&
          token_in (doc, k - 2, of_heads))
        return ORGANISATION_CUE_STRONG;
      if ((arx_token_is (doc, k - 1, "to") || arx_token_is (doc, k - 1, "with") ||
           arx_token_is (doc, k - 1, "for")) && token_in (doc, k - 2, verbs_to))
        return ORGANISATION_CUE_STRONG;
      if (arx_token_is (doc, k - 1, "by") && arx_token_is (doc, k - 2, "acquired"))
        return ORGANISATION_CUE_STRONG;
    }
  return ORGANISATION_CUE_NONE;
}

/* The last words of the persons of several words in the document ("Loretta E. Lynch" →
 * "Lynch"), as a set. */
static GHashTable *
person_surnames (const ArxDoc *doc)
{
  GHashTable *set = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint m = 0; m < doc->mentions->len; m++)
    {
      const ArxMention *mm = ARX_DOC_MENTION (doc, m);
      const ArxToken *last = ARX_DOC_TOK (doc, mm->tok_end - 1);

      if (mm->kind == ARX_ENTITY_PERSON && mm->tok_end - mm->tok_start > 1)
        g_hash_table_add (set, g_strndup (doc->text + last->start, last->end - last->start));
    }
  return set;
}

/* A name that the text itself defines as an organisation or a place ("Bilka is a Danish
 * hypermarket chain", "Lyft, a ride-hailing company,", "the band Orgy", "the village of Atwick")
 * is one in every mention of the document,
 * whatever the tagger read: unknown names are where it guesses. A person stays one when the
 * name has more than one word or starts with a first name ("Jack London, the company's
 * founder" has no head here anyway). */
void
arx_doc_kind_described (ArxDoc *doc)
{
  g_autoptr(GHashTable) described = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) surnames = NULL;

  for (guint m = 0; m < doc->mentions->len; m++)
    {
      const ArxMention *mm = ARX_DOC_MENTION (doc, m);
      ArxEntityKind kind = described_kind (doc, mm->tok_end);
      g_autofree char *surface = g_strndup (doc->text + ARX_DOC_TOK (doc, mm->tok_start)->start,
                                            ARX_DOC_TOK (doc, mm->tok_end - 1)->end -
                                            ARX_DOC_TOK (doc, mm->tok_start)->start);

      if (kind == ARX_ENTITY_MISC)
        kind = preceded_kind (doc, mm->tok_start);
      if (kind == ARX_ENTITY_MISC && (mm->kind == ARX_ENTITY_PERSON || mm->kind == ARX_ENTITY_MISC))
        {
          OrganisationCue cue = organisation_context (doc, mm->tok_start, mm->tok_end);

          /* "Lynch's board" is the board of Loretta E. Lynch */
          if (cue == ORGANISATION_CUE_POSSESSED && mm->kind == ARX_ENTITY_PERSON)
            {
              if (surnames == NULL)
                surnames = person_surnames (doc);
              if (g_hash_table_contains (surnames, surface))
                cue = ORGANISATION_CUE_NONE;
            }
          if (cue != ORGANISATION_CUE_NONE)
            kind = ARX_ENTITY_ORGANIZATION;
        }
      if (kind == ARX_ENTITY_MISC)
        continue;
      g_hash_table_insert (described, g_steal_pointer (&surface), GUINT_TO_POINTER (kind));
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

/* A shop, a restaurant or a firm named "X's" ("Dillard's was added in 1985", "dinner at
 * Ivey's and Belk", "Boatmen's deal"): the possessive ends the name when nothing it could own
 * follows (the end of the sentence, a comma, "and", a verb of the name), so it is part of the
 * name, and of the name's other mentions with "'s" in the document ("Pettigrew's closed").
 * Only for a name of one word that the tagger read as an organisation, a person or a misc
 * name and that is not the surname of a person of the document ("Arafat's." after "Yasser
 * Arafat"), nor a first name or a place ("Britain's."). The name is then an organisation. */
static gboolean
possessive_candidate (const ArxDoc *doc, const ArxMention *mm)
{
  const ArxToken *name = ARX_DOC_TOK (doc, mm->tok_start);
  guint p = mm->tok_end;

  return mm->tok_end - mm->tok_start == 1 && mm->kind != ARX_ENTITY_LOCATION && p < doc->tokens->len &&
         (ARX_DOC_TOK (doc, p)->flags & ARX_TOK_POSS) && ARX_DOC_TOK (doc, p)->mention < 0 &&
         !(name->flags & ARX_TOK_UPPER) && !(name->gaz & ARX_GAZ_FIRST);
}

void
arx_doc_possessive_names (ArxDoc *doc)
{
  static const char *const ends[] = {
    ".", ",", ";", "!", "?", "and", "or", "was", "is", "became", "has", "had", "store", "stores",
    "restaurant", "location", NULL
  };
  g_autoptr(GHashTable) surnames = NULL;
  g_autoptr(GHashTable) names = NULL;
  guint n = doc->tokens->len;

  for (guint m = 0; m < doc->mentions->len; m++)
    {
      const ArxMention *mm = ARX_DOC_MENTION (doc, m);
      const ArxToken *name = ARX_DOC_TOK (doc, mm->tok_start);
      guint p = mm->tok_end;
      g_autofree char *surface = NULL;

      if (!possessive_candidate (doc, mm) ||
          (p + 1 < n && ARX_DOC_TOK (doc, p + 1)->sentence == name->sentence && !token_in (doc, p + 1, ends)))
        continue;
      surface = g_strndup (doc->text + name->start, name->end - name->start);
      if (mm->kind == ARX_ENTITY_PERSON)
        {
          if (surnames == NULL)
            surnames = person_surnames (doc);
          if (g_hash_table_contains (surnames, surface))
            continue;
        }
      if (names == NULL)
        names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      g_hash_table_add (names, g_steal_pointer (&surface));
    }
  if (names == NULL)
    return;
  for (guint m = 0; m < doc->mentions->len; m++)
    {
      ArxMention *mm = ARX_DOC_MENTION (doc, m);
      const ArxToken *name = ARX_DOC_TOK (doc, mm->tok_start);
      g_autofree char *surface = NULL;

      if (!possessive_candidate (doc, mm))
        continue;
      surface = g_strndup (doc->text + name->start, name->end - name->start);
      if (!g_hash_table_contains (names, surface))
        continue;
      ARX_DOC_TOK (doc, mm->tok_end)->mention = m;
      mm->tok_end++;
      mm->kind = ARX_ENTITY_ORGANIZATION;
    }
}
