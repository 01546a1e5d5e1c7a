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
  guint m;

  /* (a stable sort: when the mentions are in order already, as they mostly are, it would
   * leave them as they are) */
  for (m = 1; m < doc->mentions->len; m++)
    if (compare_mentions (ARX_DOC_MENTION (doc, m - 1), ARX_DOC_MENTION (doc, m)) > 0)
      break;
  if (m < doc->mentions->len)
    g_array_sort (doc->mentions, compare_mentions);
  for (guint i = 0; i < doc->tokens->len; i++)
    ARX_DOC_TOK (doc, i)->mention = -1;
  for (m = 0; m < doc->mentions->len; m++)
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

  return arx_token_in (doc, i, words);
}

static gboolean
has_letters (const ArxDoc *doc, guint a, guint b)
{
  for (guint i = a; i < b; i++)
    if (ARX_DOC_TOK (doc, i)->flags & ARX_TOK_WORD)
      return TRUE;
  return FALSE;
}

/* "al-Assad", "bin Laden"'s "bin" before a capitalised word, "de" before "Blasio" */
static gboolean
is_particle_name (const ArxDoc *doc, guint i)
{
  static const char *const particles[] = { "al", "el", "bin", "ibn", "abu", "de", "da", "di", "du", "van", "von",
                                           "del", "della", "der", "den", "ter", "la", "le", NULL };
  const ArxToken *t = ARX_DOC_TOK (doc, i);
  const char *w = doc->text + t->start;
  gsize len = t->end - t->start, n = 0;

  while (n < len && g_ascii_islower (w[n]))
    n++;
  if (n == 0 || n > 5)
    return FALSE;
  for (guint k = 0; particles[k]; k++)
    if (strlen (particles[k]) == n && strncmp (w, particles[k], n) == 0)
      {
        if (n + 1 < len && w[n] == '-' && g_ascii_isupper (w[n + 1]))
          return TRUE;
        return n == len && i + 1 < doc->tokens->len && (ARX_DOC_TOK (doc, i + 1)->flags & ARX_TOK_CAP) &&
               ARX_DOC_TOK (doc, i + 1)->start == t->end + 1;
      }
  return FALSE;
}

/* "R-Fla.", "D-N.Y.", "I-VT" after a bracket or comma: a party and state, not a name */
static gboolean
is_party_tag (const ArxDoc *doc, guint i)
{
  const ArxToken *t = ARX_DOC_TOK (doc, i);
  const char *w = doc->text + t->start;
  gsize len = t->end - t->start;

  if (len < 3 || len > 8 || !g_ascii_isupper (w[0]) || w[1] != '-' || !g_ascii_isupper (w[2]) || i == 0)
    return FALSE;
  for (gsize k = 3; k < len; k++)
    if (!g_ascii_isalpha (w[k]) && w[k] != '.')
      return FALSE;
  w = doc->text + ARX_DOC_TOK (doc, i - 1)->start;
  return *w == '(' || *w == ',' || *w == '[';
}

/* Every word of the span also occurs in lower case in the document and none is a first name. */
static gboolean
common_words_only (const ArxDoc *doc, const GArray *ntoks, guint a, guint b)
{
  for (guint i = a; i < b; i++)
    {
      const ArxToken *t = ARX_DOC_TOK (doc, i);

      if (!(t->flags & ARX_TOK_WORD))
        continue;
      if ((t->gaz & ARX_GAZ_FIRST) || (t->flags & ARX_TOK_UPPER) || i >= ntoks->len ||
          !g_array_index (ntoks, ArxNerToken, i).lc_seen)
        return FALSE;
    }
  return TRUE;
}

/* The gazetteer kinds of a phrase that covers exactly tokens [a, b), or 0. */
static guint
gazetteer_span (const ArxDoc *doc, guint a, guint b)
{
  if (ARX_DOC_TOK (doc, a)->gaz_pos != 1 || (b < doc->tokens->len && ARX_DOC_TOK (doc, b)->gaz_pos == 2))
    return 0;
  for (guint i = a + 1; i < b; i++)
    if (ARX_DOC_TOK (doc, i)->gaz_pos != 2)
      return 0;
  return ARX_DOC_TOK (doc, a)->gaz & (ARX_GAZ_LOC | ARX_GAZ_ORG | ARX_GAZ_MISC);
}

/* A place whatever its last word: one the gazetteer knows ("Russian Federation"), or a place
 * by the tagger whose last word names places as often as organisations ("Kansas City",
 * "West Bank", "Soviet Union"; "Manchester City" the club is mostly tagged an organisation
 * already). */
static gboolean
is_place_name (const ArxDoc *doc, guint a, guint b, ArxEntityKind kind)
{
  static const char *const place_words[] = { "City", "Bank", "Union", "Federation", "Confederation", "Capital", NULL };

  if (gazetteer_span (doc, a, b) & ARX_GAZ_LOC)
    return TRUE;
  if (kind != ARX_ENTITY_LOCATION)
    return FALSE;
  for (guint k = 0; place_words[k]; k++)
    if (arx_token_is (doc, b - 1, place_words[k]))
      return TRUE;
  return FALSE;
}

/* "II", "IV", "XIV": a regnal number */
static gboolean
is_roman_numeral (const ArxDoc *doc, guint i)
{
  const ArxToken *t = ARX_DOC_TOK (doc, i);

  for (guint k = t->start; k < t->end; k++)
    if (!strchr ("IVXL", doc->text[k]))
      return FALSE;
  return TRUE;
}

/* A headline in title case: four capitalised words or more and no word in lower case but the
 * short ones title case keeps ("of", "the"). */
static gboolean
in_title_case_line (const ArxDoc *doc, guint i)
{
  static const char *const small[] = { "a", "an", "the", "and", "or", "but", "of", "to", "in", "on", "at",
                                       "by", "for", "with", "as", "from", "vs", NULL };
  const ArxSentence *sent = ARX_DOC_SENT (doc, ARX_DOC_TOK (doc, i)->sentence);
  guint caps = 0;

  for (guint k = sent->tok_start; k < sent->tok_end; k++)
    {
      const ArxToken *t = ARX_DOC_TOK (doc, k);

      if (!(t->flags & ARX_TOK_WORD))
        continue;
      if (t->flags & ARX_TOK_CAP)
        caps++;
      else
        {
          gboolean is_small = FALSE;

          for (guint w = 0; small[w] && !is_small; w++)
            is_small = arx_token_is (doc, k, small[w]);
          if (!is_small)
            return FALSE;
        }
    }
  return caps >= 4;
}

/* Every word of the span is one that news mostly writes in lower case ("Heat Wave Pushes Power
 * Demand"), none is a first name and the gazetteer does not know the phrase. */
static gboolean
common_words_span (const ArxDoc *doc, const GArray *ntoks, guint a, guint b)
{
  if (gazetteer_span (doc, a, b))
    return FALSE;
  for (guint i = a; i < b; i++)
    {
      const ArxToken *t = ARX_DOC_TOK (doc, i);

      if (!(t->flags & ARX_TOK_WORD))
        continue;
      if ((t->gaz & ARX_GAZ_FIRST) || i >= ntoks->len || g_array_index (ntoks, ArxNerToken, i).lower_share < 3)
        return FALSE;
    }
  return TRUE;
}

/* A word beside another word in capitals, in its sentence: a headline or a table in capitals */
static gboolean
in_capitals (const ArxDoc *doc, guint i)
{
  guint sentence = ARX_DOC_TOK (doc, i)->sentence;

  for (guint k = i > 0 ? i - 1 : 0; k <= i + 1 && k < doc->tokens->len; k++)
    if (k != i && ARX_DOC_TOK (doc, k)->sentence == sentence && (ARX_DOC_TOK (doc, k)->flags & ARX_TOK_UPPER))
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

/* A "#" glued to the name at @i, and to no word before it */
static gboolean
is_hashtag_mark (const ArxDoc *doc, guint i)
{
  const ArxToken *hash = i > 0 ? ARX_DOC_TOK (doc, i - 1) : NULL;

  return hash != NULL && hash->end == ARX_DOC_TOK (doc, i)->start && hash->end == hash->start + 1 &&
         doc->text[hash->start] == '#' && (hash->start == 0 || !g_ascii_isalnum (doc->text[hash->start - 1]));
}

/* Whether the account name @a (lower case, @len bytes) begins with a first name: "nina" in
 * "ninabstevens" or "nina_stevens"; a name glued to the rest needs three letters and four after
 * it, so that "longreads" is no "Lon". */
static gboolean
starts_with_first_name (const ArxDoc *doc, const char *a, gsize len, gboolean separated)
{
  char buf[16];

  if (separated)
    {
      if (len < 3 || len >= sizeof buf)
        return FALSE;
      memcpy (buf, a, len);
      buf[len] = '\0';
      return g_hash_table_contains (doc->lex->first_names, buf);
    }
  for (gsize n = MIN (len, sizeof buf - 1); n >= 3; n--)
    {
      if (n + 4 > len)
        continue;
      memcpy (buf, a, n);
      buf[n] = '\0';
      if (g_hash_table_contains (doc->lex->first_names, buf))
        return TRUE;
    }
  return FALSE;
}

/* The kind of an account ("@kathleen_wynne", "@NinaBStevens" people; "@BBCBreaking",
 * "@the_rhs" organisations): a person when the name starts with a first name. */
static guint8
handle_label (const ArxDoc *doc, gsize start, gsize end)
{
  char low[64];
  gsize len = MIN (end - start, sizeof low), first = len;
  const char *w = doc->text + start;

  for (gsize i = 0; i < len; i++)
    {
      low[i] = g_ascii_tolower (w[i]);
      /* the first part ends at "_", a digit or a lower-to-upper step ("Nina|BStevens") */
      if (first == len && i > 0 && (w[i] == '_' || g_ascii_isdigit (w[i]) ||
                                    (g_ascii_isupper (w[i]) && g_ascii_islower (w[i - 1]))))
        first = i;
    }
  if (starts_with_first_name (doc, low, first, first < len))
    return ARX_NER_B_PER;
  return ARX_NER_B_ORG;
}

/* "George | Washington University Hospital", "Florida | Department of Law Enforcement": the
 * tagger may end a name at a first name or a place that opens an organisation's name. The
 * previous mention @prev takes the organisation [a, b) in when it ends right before it in the
 * sentence, is one first name or a place (not a hashtag, not in capitals), and the organisation
 * has two words or more, one of them an organisation word ("University", "Department",
 * "Association") and none in capitals (acronyms stand apart: "Chicago NAPM"). Not after a
 * nationality ("German Foreign Ministry" is two names in news) nor after a full name
 * ("Sara Shackleton Enron" in a signature). */
static gboolean
opens_organisation (const ArxDoc *doc, const ArxMention *prev, guint a, guint b)
{
  const ArxToken *first = ARX_DOC_TOK (doc, prev->tok_start);
  gboolean org_word = FALSE;

  if (prev->tok_end != a || b - a < 2 || first->sentence != ARX_DOC_TOK (doc, b - 1)->sentence)
    return FALSE;
  if (prev->kind == ARX_ENTITY_PERSON)
    {
      if (prev->tok_end - prev->tok_start != 1 || !(first->gaz & ARX_GAZ_FIRST))
        return FALSE;
    }
  else if (prev->kind != ARX_ENTITY_LOCATION)
    return FALSE;
  for (guint k = prev->tok_start; k < prev->tok_end; k++)
    if ((ARX_DOC_TOK (doc, k)->flags & ARX_TOK_UPPER) || is_hashtag_mark (doc, k))
      return FALSE;
  for (guint k = a; k < b; k++)
    {
      const ArxToken *t = ARX_DOC_TOK (doc, k);

      if (t->flags & ARX_TOK_UPPER)
        return FALSE;
      org_word |= (t->gaz & ARX_GAZ_ORGSUF) != 0;
    }
  return org_word;
}

/* "@BBCBreaking": an account named in a post or a quoted tweet is a person or an organisation.
 * The handle is the words glued to the "@" (or after one space, in text split into tokens); an
 * "@" glued to a word before it is an e-mail address. */
static void
mark_handles (ArxDoc *doc)
{
  guint n = doc->tokens->len;

  for (guint k = 0; k + 1 < n; k++)
    {
      const ArxToken *at = ARX_DOC_TOK (doc, k), *first = ARX_DOC_TOK (doc, k + 1);
      guint b = k + 2;
      guint8 label;

      if (at->end != at->start + 1 || doc->text[at->start] != '@' ||
          (at->start > 0 && g_ascii_isalnum (doc->text[at->start - 1])) ||
          first->start > at->end + 1 || first->sentence != at->sentence ||
          !(first->flags & (ARX_TOK_WORD | ARX_TOK_NUMBER)))
        continue;
      while (b < n && ARX_DOC_TOK (doc, b)->start == ARX_DOC_TOK (doc, b - 1)->end &&
             ((ARX_DOC_TOK (doc, b)->flags & (ARX_TOK_WORD | ARX_TOK_NUMBER)) ||
              doc->text[ARX_DOC_TOK (doc, b)->start] == '_'))
        b++;
      while (b > k + 2 && doc->text[ARX_DOC_TOK (doc, b - 1)->start] == '_')
        b--;
      label = handle_label (doc, first->start, ARX_DOC_TOK (doc, b - 1)->end);
      ARX_DOC_TOK (doc, k)->ner = ARX_NER_O;
      ARX_DOC_TOK (doc, k + 1)->ner = label;
      for (guint i = k + 2; i < b; i++)
        ARX_DOC_TOK (doc, i)->ner = label + 1;
      if (b < n && ARX_DOC_TOK (doc, b)->ner == label + 1)
        ARX_DOC_TOK (doc, b)->ner = label;
      k = b - 1;
    }
}

/* Tags every sentence, then makes the document consistent: a word sequence tagged as an
 * entity somewhere (or a person's surname) is an entity of that kind everywhere. */
void
arx_doc_find_entities (ArxDoc            *doc,
                       const ArxNerModel *model)
{
  g_autoptr(GHashTable) known = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GHashTable) initials_known = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  GArray *ntoks = arx_word_cache_take_array (doc->words, ARX_SCRATCH_NER_TOKENS, sizeof (ArxNerToken));
  g_autoptr(GByteArray) labels = g_byte_array_new ();
  g_autoptr(GHashTable) history = arx_ner_history_new ();

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
          nt->info = &t->word->ner;
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

  if (model != NULL)
    mark_handles (doc);
  for (guint i = 0; i < doc->tokens->len;)
    {
      ArxToken *t = ARX_DOC_TOK (doc, i);
      guint j = i + 1, i0 = i;

      if (t->ner == ARX_NER_O || !(t->ner & 1))
        {
          i++;
          continue;
        }
      while (j < doc->tokens->len && ARX_DOC_TOK (doc, j)->ner == t->ner + 1)
        j++;
      /* "Bashar al-Assad": a name particle glued to the next word continues a person */
      if (label_kind[t->ner] == ARX_ENTITY_PERSON)
        while (j < doc->tokens->len && ARX_DOC_TOK (doc, j)->ner != ARX_NER_O &&
               ARX_DOC_TOK (doc, j)->sentence == t->sentence && is_particle_name (doc, j))
          {
            guint8 lab = ARX_DOC_TOK (doc, j)->ner;

            j++;
            while (j < doc->tokens->len && (lab & 1) && ARX_DOC_TOK (doc, j)->ner == lab + 1)
              j++;
          }
      /* quotation marks and punctuation at either end are no part of a name ("& Lomason",
       * "Universities (") */
      while (i < j && !(ARX_DOC_TOK (doc, i)->flags & (ARX_TOK_WORD | ARX_TOK_NUMBER)))
        i++;
      while (j > i && !(ARX_DOC_TOK (doc, j - 1)->flags & (ARX_TOK_WORD | ARX_TOK_NUMBER)))
        j--;
      /* "Said Ellison: “…”": a reporting verb that opens the sentence, inverted before the
       * speaker's name and its colon or comma, is no part of the name */
      if (j > i + 1 && (ARX_DOC_TOK (doc, i)->flags & ARX_TOK_SENT_START) && ARX_DOC_TOK (doc, i)->word &&
          ARX_DOC_TOK (doc, i)->word->cue == 'S' && j < doc->tokens->len &&
          (arx_token_is (doc, j, ":") || arx_token_is (doc, j, ",")))
        i++;
      /* a hashtag is one word: "#Gaza" */
      if (i < j && is_hashtag_mark (doc, i))
        i--;
      /* a name has letters and is no function word ("Any" opening a sentence), no party and
       * state tag ("(R-Fla.)"), for a person, not only words the document also writes in
       * lower case ("a Cyber Security unit" beside "cyber security matters"), and in a headline
       * in title case, not only words that news mostly writes in lower case */
      if (i >= j || !has_letters (doc, i, j) || (j == i + 1 && is_function_word (doc, i)) ||
          (j == i + 1 && is_party_tag (doc, i)) ||
          (label_kind[t->ner] == ARX_ENTITY_PERSON && common_words_only (doc, ntoks, i, j)) ||
          /* a headline's capitals make no name of common words */
          (common_words_span (doc, ntoks, i, j) && in_title_case_line (doc, i)))
        {
          i = MAX (MAX (i, j), i0 + 1);
          continue;
        }
      {
        ArxMention m = { i, j, label_kind[t->ner], -1 };
        g_autofree char *surface = NULL;

        /* "White House Homeland Security Adviser Tom Bossert": a title followed by a first
         * name starts a person, whatever the tagger made of the words before, and a title
         * just before the name makes it one ("Governor Lena Park") */
        for (guint k = i > 0 ? i - 1 : i; k + 1 < j; k++)
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
        /* "Stephanie Hooton of Derry": a full name, then "of" and where the person is from or
         * works (Wikipedia's "Geoffrey of Monmouth", "Charles II of England" have one name or a
         * numeral before "of" and stay whole) */
        if (m.kind == ARX_ENTITY_PERSON)
          for (guint k = i + 2; k + 1 < j; k++)
            if (arx_token_is (doc, k, "of") && (ARX_DOC_TOK (doc, k - 1)->flags & ARX_TOK_CAP) &&
                (ARX_DOC_TOK (doc, k - 2)->flags & ARX_TOK_CAP) && !is_roman_numeral (doc, k - 1) &&
                (ARX_DOC_TOK (doc, k + 1)->flags & ARX_TOK_CAP))
              {
                ArxMention where = { k + 1, j, ARX_ENTITY_LOCATION, -1 };
                g_autofree char *where_text = NULL;

                if ((ARX_DOC_TOK (doc, j - 1)->gaz & ARX_GAZ_ORGSUF) || gazetteer_span (doc, k + 1, j) == ARX_GAZ_ORG)
                  where.kind = ARX_ENTITY_ORGANIZATION;
                g_array_append_val (doc->mentions, where);
                where_text = span_text (doc, k + 1, j);
                vote (known, where_text, where.kind, 1);
                j = k;
                m.tok_end = j;
                break;
              }
        m.kind = arx_doc_name_words_kind (doc, i, j, m.kind);
        /* "United States Senate", "Bank of England": an organisation's last word decides */
        if ((m.kind == ARX_ENTITY_LOCATION || m.kind == ARX_ENTITY_MISC) && j - i >= 2 &&
            (ARX_DOC_TOK (doc, j - 1)->gaz & ARX_GAZ_ORGSUF) && !is_place_name (doc, i, j, m.kind))
          m.kind = ARX_ENTITY_ORGANIZATION;
        /* "White House", "Kremlin": a place the gazetteer knows only as an organisation */
        if (m.kind == ARX_ENTITY_LOCATION && gazetteer_span (doc, i, j) == ARX_GAZ_ORG)
          m.kind = ARX_ENTITY_ORGANIZATION;
        if (m.kind == ARX_ENTITY_ORGANIZATION && doc->mentions->len > 0 &&
            opens_organisation (doc, ARX_DOC_MENTION (doc, doc->mentions->len - 1), i, j))
          {
            ArxMention *prev = ARX_DOC_MENTION (doc, doc->mentions->len - 1);

            i = m.tok_start = prev->tok_start;
            g_array_remove_index (doc->mentions, doc->mentions->len - 1);
          }
        g_array_append_val (doc->mentions, m);
        surface = span_text (doc, i, j);
        vote (known, surface, m.kind, 1);
        /* "Corvane Logistics" … "CL": the initials of an organisation or a place name it later */
        if (m.kind == ARX_ENTITY_ORGANIZATION || m.kind == ARX_ENTITY_LOCATION)
          {
            char initials[8];

            if (arx_doc_initials (doc, i, j, initials, sizeof initials))
              vote (initials_known, initials, m.kind, 1);
          }
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
            else if (is_particle_name (doc, j - 1) && strchr (surname, '-'))
              /* "Bashar al-Assad" is "Assad" later */
              vote (known, strchr (surname, '-') + 1, ARX_ENTITY_PERSON, 3);
          }
      }
      i = j;
    }
  index_mentions (doc);

  /* consistency pass: untagged capitalised words that equal a known name */
  if (g_hash_table_size (known) > 0 || g_hash_table_size (initials_known) > 0)
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
              /* a word in capitals, not among others (a headline), made of a name's initials */
              if (len == 1 && (t->flags & ARX_TOK_UPPER) && !in_capitals (doc, i) &&
                  (kind = g_hash_table_lookup (initials_known, surface)) != NULL)
                add_mention (doc, i, i + 1, majority (kind));
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
  arx_doc_kind_described (doc);
  arx_word_cache_give_array (doc->words, ARX_SCRATCH_NER_TOKENS, ntoks, ntoks->len);
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

/* The initials of the capitalised words of a name written in lower case with capitals
 * ("Corvane Logistics" → "CL", "Democratic Republic of the Congo" → "DRC") into @out; 0 when
 * the name has fewer than two such words, a word in capitals, or too many words for @size. */
gsize
arx_doc_initials (const ArxDoc *doc,
                  guint         tok_start,
                  guint         tok_end,
                  char         *out,
                  gsize         size)
{
  gsize n = 0;

  for (guint i = tok_start; i < tok_end; i++)
    {
      const ArxToken *t = ARX_DOC_TOK (doc, i);

      if (t->flags & ARX_TOK_UPPER)
        return 0;
      if (!(t->flags & ARX_TOK_CAP) || !g_ascii_isupper (doc->text[t->start]))
        continue;
      if (n + 1 >= size)
        return 0;
      out[n++] = doc->text[t->start];
    }
  if (n < 2)
    return 0;
  out[n] = '\0';
  return n;
}
