/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "arx-analyzer"

#include "config.h"

#include <string.h>

#include "arx-doc.h"
#include "arx-given-names.h"

static gboolean
given_names_match (const char *a, const char *b)
{
  gsize la = strlen (a), lb = strlen (b);

  if (strcmp (a, b) == 0)
    return TRUE;
  /* an initial: "J." ~ "John" */
  if ((la == 2 && a[1] == '.' && a[0] == b[0]) || (lb == 2 && b[1] == '.' && a[0] == b[0]))
    return TRUE;
  return arx_given_names_are_forms (a, b);
}

/* Country-like names written several ways. */
static const char *const equivalents[][2] = {
  { "u.s.", "united states" }, { "us", "united states" }, { "u.s.a.", "united states" },
  { "usa", "united states" }, { "america", "united states" }, { "united states of america", "united states" },
  { "u.k.", "united kingdom" }, { "uk", "united kingdom" }, { "britain", "united kingdom" },
  { "great britain", "united kingdom" }, { "u.n.", "united nations" }, { "un", "united nations" },
  { "e.u.", "european union" }, { "eu", "european union" }, { "gop", "republican party" },
  { "republicans", "republican party" }, { "democrats", "democratic party" },
};

static char *
entity_key (const char *surface)
{
  gboolean ascii = TRUE;
  char *low;

  for (const char *p = surface; *p && ascii; p++)
    ascii = (guchar) *p < 128;
  /* g_utf8_strdown is slow (a Unicode case table per character); most names are ASCII */
  low = ascii ? g_ascii_strdown (surface, -1) : g_utf8_strdown (surface, -1);

  if (g_str_has_prefix (low, "the "))
    memmove (low, low + 4, strlen (low + 4) + 1);
  /* a hashtag names what its word names: "#Gaza" */
  if (low[0] == '#')
    memmove (low, low + 1, strlen (low + 1) + 1);
  for (guint i = 0; i < G_N_ELEMENTS (equivalents); i++)
    if (low[0] == equivalents[i][0][0] && strcmp (low, equivalents[i][0]) == 0)
      {
        g_free (low);
        return g_strdup (equivalents[i][1]);
      }
  return low;
}

/* A name in capitals among words in capitals: a headline or a sports table, where the same
 * name is often two things ("NEW YORK" the team and the city in one results table). */
static gboolean
in_capitals_line (const ArxDoc     *doc,
                  const ArxMention *m)
{
  guint sentence = ARX_DOC_TOK (doc, m->tok_start)->sentence;
  guint from = m->tok_start >= 4 ? m->tok_start - 4 : 0;
  guint to = MIN (m->tok_end + 4, doc->tokens->len);

  for (guint i = m->tok_start; i < m->tok_end; i++)
    if ((ARX_DOC_TOK (doc, i)->flags & ARX_TOK_WORD) && !(ARX_DOC_TOK (doc, i)->flags & ARX_TOK_UPPER))
      return FALSE;
  for (guint i = from; i < to; i++)
    {
      const ArxToken *t = ARX_DOC_TOK (doc, i);

      if (t->sentence == sentence && (t->flags & ARX_TOK_WORD) && !(t->flags & ARX_TOK_UPPER))
        return FALSE;
    }
  return TRUE;
}

/* The key that joins a non-person mention to an earlier one. In a line of capitals a name
 * joins only mentions the tagger gave the same kind: there the tagger's reading of the line
 * is worth more than the cluster's document-wide vote. */
static char *
mention_key (const ArxDoc     *doc,
             const ArxMention *m,
             const char       *surface)
{
  char *key = entity_key (surface);

  if (in_capitals_line (doc, m))
    {
      char *kinded = g_strdup_printf ("%s\x01%d", key, (int) m->kind);

      g_free (key);
      return kinded;
    }
  return key;
}

static const char *const title_roles[][2] = {
  { "sen", "senator" }, { "rep", "representative" }, { "gov", "governor" }, { "gen", "general" },
  { "pres", "president" }, { "sec", "secretary" }, { "amb", "ambassador" }, { "lt", "lieutenant" },
  { "gov.", "governor" }, { "adm", "admiral" }, { "col", "colonel" }, { "capt", "captain" },
  /* a royal title makes its bearer "the royal" ("Prince Edward" … "the British royal"); not
   * role nouns of the lexicon, which would cut "Royal Bank", "Duke Energy" out of names */
  { "prince", "royal" }, { "princess", "royal" }, { "duke", "royal" }, { "duchess", "royal" },
  { "king", "royal" }, { "queen", "royal" },
};

/* The role noun a token names, if any ("Sen." → "senator", "Adviser" → "adviser"). */
static char *
role_of_token (const ArxDoc *doc, guint i)
{
  const ArxToken *t = ARX_DOC_TOK (doc, i);
  gsize len = t->end - t->start;
  g_autofree char *low = NULL;

  if (!(t->flags & ARX_TOK_WORD) || len >= 40)
    return NULL;
  /* which of the three a word is, found once per word (ArxWord.role) */
  if (t->word->role == ARX_WORD_ROLE_UNKNOWN)
    {
      t->word->role = ARX_WORD_ROLE_NONE;
      low = g_ascii_strdown (doc->text + t->start, len);
      if (len > 1 && low[len - 1] == '.')
        low[len - 1] = '\0';
      for (guint k = 0; k < G_N_ELEMENTS (title_roles) && t->word->role == ARX_WORD_ROLE_NONE; k++)
        if (strcmp (low, title_roles[k][0]) == 0)
          t->word->role = ARX_WORD_ROLE_TITLE + k;
      if (t->word->role == ARX_WORD_ROLE_NONE && g_hash_table_lookup (doc->lex->roles, low) != NULL)
        t->word->role = ARX_WORD_ROLE_LEXICON;
    }
  if (t->word->role >= ARX_WORD_ROLE_TITLE)
    return g_strdup (title_roles[t->word->role - ARX_WORD_ROLE_TITLE][1]);
  if (t->word->role == ARX_WORD_ROLE_LEXICON)
    {
      if (low == NULL)
        {
          low = g_ascii_strdown (doc->text + t->start, len);
          if (len > 1 && low[len - 1] == '.')
            low[len - 1] = '\0';
        }
      return g_steal_pointer (&low);
    }
  return NULL;
}

static ArxDocEntity *
entity_new (ArxEntityKind kind, const char *name)
{
  ArxDocEntity *e = g_new0 (ArxDocEntity, 1);

  e->kind = kind;
  e->name = g_strdup (name);
  e->forms = g_ptr_array_new_with_free_func (g_free);
  e->mentions = g_array_new (FALSE, FALSE, sizeof (guint));
  e->out_index = -1;
  return e;
}

/* Takes @role; the set is made with the first (most entities have no descriptor). */
static void
add_descriptor (ArxDocEntity *e, char *role)
{
  if (e->descriptors == NULL)
    e->descriptors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_hash_table_add (e->descriptors, role);
}

/* Returns whether @form was new. */
static gboolean
add_form (ArxDocEntity *e, const char *form)
{
  for (guint i = 0; i < e->forms->len; i++)
    if (strcmp (g_ptr_array_index (e->forms, i), form) == 0)
      return FALSE;
  g_ptr_array_add (e->forms, g_strdup (form));
  return TRUE;
}

static guint
count_words (const char *s)
{
  guint n = 1;

  for (; *s; s++)
    n += *s == ' ';
  return n;
}

static const char *
last_word (const char *s)
{
  const char *sp = strrchr (s, ' ');

  return sp ? sp + 1 : s;
}

/* A surname without a glued lower-case particle: "al-Assad" → "Assad", "el-Sisi" → "Sisi". */
static const char *
surname_core (const char *w)
{
  const char *p = w;

  while (*p >= 'a' && *p <= 'z')
    p++;
  if (p > w && p - w <= 3 && *p == '-' && p[1] >= 'A' && p[1] <= 'Z')
    return p + 1;
  return w;
}

/* Does person @e take the mention @name (1+ words)? */
static gboolean
person_matches (const ArxDocEntity *e, const char *name)
{
  guint nw = count_words (name), ew = count_words (e->name);
  g_autofree char *first = NULL, *efirst = NULL;

  if (g_ascii_strcasecmp (e->name, name) == 0)
    return TRUE;
  for (guint i = 0; i < e->forms->len; i++)
    if (strcmp (g_ptr_array_index (e->forms, i), name) == 0)
      return TRUE;
  if (strcmp (surname_core (last_word (name)), surname_core (last_word (e->name))) != 0)
    {
      /* "Hillary" for "Hillary Clinton" */
      return nw == 1 && ew >= 2 && g_str_has_prefix (e->name, name) && e->name[strlen (name)] == ' ';
    }
  if (nw == 1 || ew == 1)
    return TRUE;
  first = g_ascii_strdown (name, strchr (name, ' ') - name);
  efirst = g_ascii_strdown (e->name, strchr (e->name, ' ') - e->name);
  return given_names_match (first, efirst);
}

/* Every person cluster under each key by which person_matches can take a mention: its name
 * in lower case ('n'), each surface form ('f'), its surname ('s') and, for a name of two or
 * more words, its first word ('g'). A mention then tries the few clusters that share one of its
 * keys instead of every earlier person: a long document has thousands, and the scan made
 * clustering quadratic. A cluster renamed to a fuller form keeps its old keys; person_matches
 * still decides, so a stale key costs a comparison, never a wrong match. */
typedef struct
{
  GHashTable *by_key;  /* (owned) key → GArray of int, cluster indices */
  GString    *buf;
} PersonIndex;

static void
person_index_init (PersonIndex *index)
{
  index->by_key = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                         (GDestroyNotify) g_array_unref);
  index->buf = g_string_new (NULL);
}

static void
person_index_clear (PersonIndex *index)
{
  g_clear_pointer (&index->by_key, g_hash_table_unref);
  g_string_free (index->buf, TRUE);
}

static const char *
person_key (PersonIndex *index, char kind, const char *s, gsize len, gboolean lower)
{
  g_string_truncate (index->buf, 0);
  g_string_append_c (index->buf, kind);
  g_string_append_len (index->buf, s, len);
  if (lower)
    for (gsize i = 1; i < index->buf->len; i++)
      index->buf->str[i] = g_ascii_tolower (index->buf->str[i]);
  return index->buf->str;
}

static void
person_index_add_key (PersonIndex *index, const char *key, int ei)
{
  GArray *list = g_hash_table_lookup (index->by_key, key);

  if (list == NULL)
    {
      list = g_array_new (FALSE, FALSE, sizeof (int));
      g_hash_table_insert (index->by_key, g_strdup (key), list);
    }
  /* kept sorted: a form can be added to an older cluster after newer ones */
  if (list->len == 0 || g_array_index (list, int, list->len - 1) < ei)
    g_array_append_val (list, ei);
  else
    {
      guint lo = 0, hi = list->len;

      while (lo < hi)
        {
          guint mid = (lo + hi) / 2;

          if (g_array_index (list, int, mid) < ei)
            lo = mid + 1;
          else
            hi = mid;
        }
      if (g_array_index (list, int, lo) != ei)
        g_array_insert_val (list, lo, ei);
    }
}

static void
person_index_add_form (PersonIndex *index, const char *form, int ei)
{
  person_index_add_key (index, person_key (index, 'f', form, strlen (form), FALSE), ei);
}

/* Indexes the current name of cluster @ei. */
static void
person_index_add_name (PersonIndex *index, const ArxDocEntity *e, int ei)
{
  const char *surname = surname_core (last_word (e->name));
  const char *space = strchr (e->name, ' ');

  person_index_add_key (index, person_key (index, 'n', e->name, strlen (e->name), TRUE), ei);
  person_index_add_key (index, person_key (index, 's', surname, strlen (surname), FALSE), ei);
  if (space != NULL)
    person_index_add_key (index, person_key (index, 'g', e->name, space - e->name, FALSE), ei);
}

static void
person_index_try (PersonIndex  *index,
                  const ArxDoc *doc,
                  const char   *key,
                  const char   *surface,
                  char          g,
                  int          *best_same,
                  int          *best_compatible)
{
  GArray *list = g_hash_table_lookup (index->by_key, key);

  /* latest first: the scan ends at the first cluster that cannot beat what was found (a
   * first name such as "Anna" keys every Anna of a long text) */
  for (guint j = list != NULL ? list->len : 0; j > 0; j--)
    {
      int ci = g_array_index (list, int, j - 1);
      const ArxDocEntity *c = ARX_DOC_ENTITY (doc, ci);

      if (ci <= *best_compatible && (g == 0 || ci <= *best_same))
        break;
      if (c->kind != ARX_ENTITY_PERSON || !person_matches (c, surface))
        continue;
      if (g != 0 && c->gender == g)
        *best_same = MAX (*best_same, ci);
      if (g == 0 || c->gender == 0 || g == c->gender)
        *best_compatible = MAX (*best_compatible, ci);
    }
}

/* The most recent person cluster that takes @surface; one of sex @g first when @g is set
 * ("Mr. Trump" is Donald Trump before Ivana Trump). Same answer as trying every earlier
 * cluster from the latest back, as long as every cluster's keys are in @index. */
static int
person_index_find (PersonIndex  *index,
                   const ArxDoc *doc,
                   const char   *surface,
                   char          g)
{
  const char *surname = surname_core (last_word (surface));
  gsize len = strlen (surface);
  int best_same = -1, best_compatible = -1;

  person_index_try (index, doc, person_key (index, 'n', surface, len, TRUE), surface, g,
                    &best_same, &best_compatible);
  person_index_try (index, doc, person_key (index, 'f', surface, len, FALSE), surface, g,
                    &best_same, &best_compatible);
  person_index_try (index, doc, person_key (index, 's', surname, strlen (surname), FALSE),
                    surface, g, &best_same, &best_compatible);
  if (strchr (surface, ' ') == NULL)
    person_index_try (index, doc, person_key (index, 'g', surface, len, FALSE), surface, g,
                      &best_same, &best_compatible);
  return best_same >= 0 ? best_same : best_compatible;
}

/* The sex a mention states: "Mr." / "Mrs." / "Ms." before it, or its first name. */
static char
mention_gender (const ArxDoc *doc, const ArxMention *m, const char *surface)
{
  if (m->tok_start > 0)
    {
      guint t = m->tok_start - 1;

      if (arx_token_is (doc, t, "Mr.") || arx_token_is (doc, t, "Mr"))
        return 'M';
      if (arx_token_is (doc, t, "Mrs.") || arx_token_is (doc, t, "Ms.") || arx_token_is (doc, t, "Mrs") ||
          arx_token_is (doc, t, "Ms"))
        return 'F';
    }
  if (count_words (surface) >= 2)
    {
      g_autofree char *first = g_ascii_strdown (surface, strchr (surface, ' ') - surface);
      char g = (char) GPOINTER_TO_INT (g_hash_table_lookup (doc->lex->first_names, first));

      return g == 'M' || g == 'F' ? g : 0;
    }
  return 0;
}

static void
collect_descriptors (ArxDoc *doc, ArxDocEntity *e, const ArxMention *m)
{
  guint sent = ARX_DOC_TOK (doc, m->tok_start)->sentence;

  /* "White House Homeland Security Adviser Tom Bossert", "Sen. Marco Rubio" */
  for (int i = (int) m->tok_start - 1, seen = 0; i >= 0 && seen < 6; i--, seen++)
    {
      const ArxToken *t = ARX_DOC_TOK (doc, i);
      char *role;

      if (t->sentence != sent || !(t->flags & ARX_TOK_WORD) || t->flags & ARX_TOK_POSS)
        break;
      if (t->mention >= 0 && ARX_DOC_MENTION (doc, t->mention)->kind == ARX_ENTITY_PERSON)
        break;
      if ((role = role_of_token (doc, i)) != NULL)
        add_descriptor (e, role);
      else if (!(t->flags & ARX_TOK_CAP))
        break;
      if (arx_token_is_ci (doc, i, "the") || arx_token_is_ci (doc, i, "a"))
        break;
    }
  /* the description first: "The suspect, Michael Webb,", "the company's chief executive,
   * Maria Lopez": a noun phrase of a few words that opens with an article or a possessive and
   * ends in a role noun right before the comma */
  if (m->tok_start >= 3 && arx_token_is (doc, m->tok_start - 1, ",") &&
      ARX_DOC_TOK (doc, m->tok_start - 2)->sentence == sent &&
      !(ARX_DOC_TOK (doc, m->tok_start - 2)->flags & ARX_TOK_CAP))
    {
      g_autofree char *head = role_of_token (doc, m->tok_start - 2);
      guint a = m->tok_start - 2;
      gboolean determined = FALSE;

      while (head != NULL && a > 0 && m->tok_start - 2 - a < 5)
        {
          const ArxToken *t = ARX_DOC_TOK (doc, a - 1);

          if (t->sentence != sent || !(t->flags & (ARX_TOK_WORD | ARX_TOK_POSS)) ||
              (t->mention >= 0 && ARX_DOC_MENTION (doc, t->mention)->kind == ARX_ENTITY_PERSON))
            break;
          a--;
          if ((t->flags & ARX_TOK_POSS) || arx_token_is_ci (doc, a, "the") || arx_token_is_ci (doc, a, "a") ||
              arx_token_is_ci (doc, a, "an"))
            {
              determined = TRUE;
              break;
            }
        }
      if (determined)
        for (guint i = a; i < m->tok_start - 1; i++)
          {
            char *role;

            if (!(ARX_DOC_TOK (doc, i)->flags & ARX_TOK_CAP) && (role = role_of_token (doc, i)) != NULL)
              add_descriptor (e, role);
          }
    }
  /* apposition: "Samantha Phillips, the city's emergency operations director," */
  if (m->tok_end + 1 < doc->tokens->len && arx_token_is (doc, m->tok_end, ","))
    for (guint i = m->tok_end + 1; i < doc->tokens->len && i < m->tok_end + 10; i++)
      {
        const ArxToken *t = ARX_DOC_TOK (doc, i);
        char *role;

        if (!(t->flags & ARX_TOK_WORD) || t->sentence != sent)
          break;
        if (arx_token_is (doc, i, "to") || arx_token_is (doc, i, "for") || arx_token_is (doc, i, "of") ||
            arx_token_is (doc, i, "at") || arx_token_is (doc, i, "in") || arx_token_is (doc, i, "who") ||
            arx_token_is (doc, i, "said") || arx_token_is (doc, i, "says"))
          break;
        if ((role = role_of_token (doc, i)) != NULL)
          add_descriptor (e, role);
      }
  if (m->tok_start > 0 && e->gender == 0)
    {
      const ArxToken *t = ARX_DOC_TOK (doc, m->tok_start - 1);

      if (arx_token_is (doc, m->tok_start - 1, "Mr.") || arx_token_is (doc, m->tok_start - 1, "Mr"))
        e->gender = 'M';
      else if (t->end - t->start >= 2 && (arx_token_is (doc, m->tok_start - 1, "Mrs.") ||
                                          arx_token_is (doc, m->tok_start - 1, "Ms.") ||
                                          arx_token_is (doc, m->tok_start - 1, "Ms")))
        e->gender = 'F';
    }
}

/* Are the letters of token @acr the initials of the mention's capitalised words? */
static gboolean
acronym_of (const ArxDoc *doc, const ArxMention *m, guint acr)
{
  const ArxToken *a = ARX_DOC_TOK (doc, acr);
  const char *p = doc->text + a->start, *end = doc->text + a->end;

  for (guint i = m->tok_start; i < m->tok_end; i++)
    {
      const ArxToken *t = ARX_DOC_TOK (doc, i);

      if (!(t->flags & ARX_TOK_CAP))
        continue;
      while (p < end && !g_ascii_isalpha (*p))
        p++;
      if (p >= end || *p != doc->text[t->start])
        return FALSE;
      p++;
    }
  while (p < end && !g_ascii_isalpha (*p))
    p++;
  return p == end && m->tok_end - m->tok_start >= 2;
}

void
arx_doc_cluster_entities (ArxDoc *doc)
{
  g_autoptr(GHashTable) keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  PersonIndex persons;

  person_index_init (&persons);

  for (guint mi = 0; mi < doc->mentions->len; mi++)
    {
      ArxMention *m = ARX_DOC_MENTION (doc, mi);
      g_autofree char *surface = NULL;
      g_autofree char *key = NULL;  /* a non-person's, for the look-up and then the table */
      ArxDocEntity *e = NULL;
      int ei = -1;

      surface = g_strndup (doc->text + ARX_DOC_TOK (doc, m->tok_start)->start,
                           ARX_DOC_TOK (doc, m->tok_end - 1)->end - ARX_DOC_TOK (doc, m->tok_start)->start);
      if (m->kind == ARX_ENTITY_PERSON)
        {
          char g = mention_gender (doc, m, surface);

          /* the most recent person that can take this name ("Mr. Bush" is not Laura Bush) */
          ei = person_index_find (&persons, doc, surface, g);
        }
      else
        {
          gpointer v;

          key = mention_key (doc, m, surface);
          if (g_hash_table_lookup_extended (keys, key, NULL, &v))
            ei = GPOINTER_TO_INT (v);
        }
      if (ei < 0)
        {
          e = entity_new (m->kind, surface);
          g_ptr_array_add (doc->entities, e);
          ei = doc->entities->len - 1;
          if (m->kind == ARX_ENTITY_PERSON && count_words (surface) >= 2)
            {
              g_autofree char *first = g_ascii_strdown (surface, strchr (surface, ' ') - surface);
              char g = (char) GPOINTER_TO_INT (g_hash_table_lookup (doc->lex->first_names, first));

              e->gender = g == 'M' || g == 'F' ? g : 0;
            }
          if (m->kind == ARX_ENTITY_PERSON)
            person_index_add_name (&persons, e, ei);
        }
      else
        {
          e = ARX_DOC_ENTITY (doc, ei);
          /* the fullest form names the entity */
          if (count_words (surface) > count_words (e->name))
            {
              if (add_form (e, e->name) && e->kind == ARX_ENTITY_PERSON)
                person_index_add_form (&persons, e->name, ei);
              g_free (e->name);
              e->name = g_strdup (surface);
              if (e->kind == ARX_ENTITY_PERSON)
                person_index_add_name (&persons, e, ei);
              if (e->kind == ARX_ENTITY_PERSON && e->gender == 0 && count_words (surface) >= 2)
                {
                  g_autofree char *first = g_ascii_strdown (surface, strchr (surface, ' ') - surface);
                  char g = (char) GPOINTER_TO_INT (g_hash_table_lookup (doc->lex->first_names, first));

                  e->gender = g == 'M' || g == 'F' ? g : 0;
                }
            }
          else if (add_form (e, surface) && e->kind == ARX_ENTITY_PERSON)
            person_index_add_form (&persons, surface, ei);
        }
      m->entity = ei;
      g_array_append_val (e->mentions, mi);
      if (m->kind != ARX_ENTITY_PERSON)
        {
          char initials[8];

          g_hash_table_insert (keys, g_steal_pointer (&key), GINT_TO_POINTER (ei));
          /* its initials name it later ("Corvane Logistics" … "CL"), unless they name another */
          if (arx_doc_initials (doc, m->tok_start, m->tok_end, initials, sizeof initials))
            {
              char *initials_key = entity_key (initials);

              if (g_hash_table_contains (keys, initials_key))
                g_free (initials_key);
              else
                g_hash_table_insert (keys, initials_key, GINT_TO_POINTER (ei));
            }
        }
      else
        collect_descriptors (doc, e, m);

      /* "Assembly of First Nations (AFN)": the acronym in brackets names the same thing */
      if (m->kind != ARX_ENTITY_PERSON && m->tok_end + 2 < doc->tokens->len &&
          arx_token_is (doc, m->tok_end, "(") && arx_token_is (doc, m->tok_end + 2, ")") &&
          (ARX_DOC_TOK (doc, m->tok_end + 1)->flags & ARX_TOK_UPPER) &&
          acronym_of (doc, m, m->tok_end + 1))
        {
          const ArxToken *a = ARX_DOC_TOK (doc, m->tok_end + 1);
          g_autofree char *acr = g_strndup (doc->text + a->start, a->end - a->start);

          g_hash_table_insert (keys, entity_key (acr), GINT_TO_POINTER (ei));
          if (a->mention < 0)
            {
              /* make the acronym a mention of its own so later uses resolve */
              add_form (e, acr);
            }
          else if (ARX_DOC_MENTION (doc, a->mention)->kind != m->kind)
            ARX_DOC_MENTION (doc, a->mention)->kind = m->kind;
        }
      /* a titled form is an alias too: "Sen. Marco Rubio", "Mr. Rubio" */
      if (m->kind == ARX_ENTITY_PERSON && m->tok_start > 0)
        {
          const ArxToken *t = ARX_DOC_TOK (doc, m->tok_start - 1);

          if ((t->flags & ARX_TOK_ABBREV) && (t->flags & ARX_TOK_CAP) && t->end - t->start <= 5 &&
              t->sentence == ARX_DOC_TOK (doc, m->tok_start)->sentence &&
              arx_lexicon_lookup_char (doc->lex->abbrevs, doc->text + t->start, 0) == 0)
            {
              g_autofree char *low = g_ascii_strdown (doc->text + t->start, t->end - t->start - 1);

              if (g_hash_table_contains (doc->lex->titles, low))
                {
                  g_autofree char *titled = g_strdup_printf ("%.*s %s", (int) (t->end - t->start),
                                                             doc->text + t->start, surface);

                  if (add_form (e, titled))
                    person_index_add_form (&persons, titled, ei);
                }
            }
        }
    }
  person_index_clear (&persons);

  /* a cluster's kind is the kind most of its mentions had */
  for (guint k = 0; k < doc->entities->len; k++)
    {
      ArxDocEntity *e = ARX_DOC_ENTITY (doc, k);
      guint votes[ARX_N_ENTITY_KINDS] = { 0 };
      guint best = e->kind;

      for (guint j = 0; j < e->mentions->len; j++)
        votes[ARX_DOC_MENTION (doc, g_array_index (e->mentions, guint, j))->kind]++;
      for (guint kind = 0; kind < ARX_N_ENTITY_KINDS; kind++)
        if (votes[kind] > votes[best])
          best = kind;
      e->kind = best;
      for (guint j = 0; j < e->mentions->len; j++)
        ARX_DOC_MENTION (doc, g_array_index (e->mentions, guint, j))->kind = best;
    }
}

static GHashTable *
index_described (const ArxDoc *doc)
{
  GHashTable *described = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                 (GDestroyNotify) g_array_unref);

  for (guint mi = 0; mi < doc->mentions->len; mi++)
    {
      const ArxMention *m = ARX_DOC_MENTION (doc, mi);
      ArxDocEntity *e;
      GHashTableIter iter;
      gpointer role;

      if (m->entity < 0 || (e = ARX_DOC_ENTITY (doc, m->entity))->kind != ARX_ENTITY_PERSON ||
          e->descriptors == NULL)
        continue;
      g_hash_table_iter_init (&iter, e->descriptors);
      while (g_hash_table_iter_next (&iter, &role, NULL))
        {
          GArray *list = g_hash_table_lookup (described, role);

          if (list == NULL)
            {
              list = g_array_new (FALSE, FALSE, sizeof (guint));
              /* the key is the entity's own string, alive as long as the doc */
              g_hash_table_insert (described, role, list);
            }
          g_array_append_val (list, mi);
        }
    }
  return described;
}

/**
 * arx_doc_latest_described:
 *
 * The person of the latest mention starting before token @tok_before whose cluster was
 * described by @role ("the senator" → "Sen. Marco Rubio"), other than @except_entity; or -1.
 * An index built on first use answers it without a scan back over the whole text.
 */
int
arx_doc_latest_described (ArxDoc     *doc,
                          const char *role,
                          guint       tok_before,
                          int         except_entity)
{
  GArray *list;
  guint lo = 0, hi;

  if (doc->described == NULL)
    doc->described = index_described (doc);
  if ((list = g_hash_table_lookup (doc->described, role)) == NULL)
    return -1;
  hi = list->len;
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (ARX_DOC_MENTION (doc, g_array_index (list, guint, mid))->tok_start < tok_before)
        lo = mid + 1;
      else
        hi = mid;
    }
  while (lo-- > 0)
    {
      int e = ARX_DOC_MENTION (doc, g_array_index (list, guint, lo))->entity;

      if (e != except_entity)
        return e;
    }
  return -1;
}

void
arx_doc_emit_entities (ArxDoc      *doc,
                       ArxAnalysis *analysis)
{
  for (guint k = 0; k < doc->entities->len; k++)
    {
      ArxDocEntity *e = ARX_DOC_ENTITY (doc, k);
      ArxEntity *out = arx_analysis_add_entity (analysis, e->kind, e->name);

      e->out_index = analysis->entities->len - 1;
      for (guint j = 0; j < e->forms->len; j++)
        arx_entity_add_alias (out, g_ptr_array_index (e->forms, j));
      for (guint j = 0; j < e->mentions->len; j++)
        {
          const ArxMention *m = ARX_DOC_MENTION (doc, g_array_index (e->mentions, guint, j));

          arx_entity_add_mention (out, ARX_DOC_TOK (doc, m->tok_start)->start,
                                  ARX_DOC_TOK (doc, m->tok_end - 1)->end);
        }
    }
}
