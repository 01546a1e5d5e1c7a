/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "arx-identity"

#include "config.h"

#include <string.h>

#include "arx-lexicon.h"

#include "arx-identity-private.h"

#define in_list(list, word) _arx_words_in (ARX_WORDS_##list, word)

typedef ArxNameWord Word;

/* What a speaker name of an article is: a person's name, an organisation, a group, somebody
 * unnamed, or nobody. The analysis is not the only source: libraries hold analyses of older
 * analyzer versions and of other programs (`arx import --analyses`), whose speaker names can
 * be pronouns, headlines or pieces of a clause. So this reads any string, cuts it at the first
 * word that cannot be part of a name (a verb, a relative pronoun, a preposition), drops leading
 * conjunctions and titles, and judges what is left by its shape. */


static gboolean
is_verb_form (const Word *w,
              const Word *prev)
{
  gsize len = strlen (w->fold);

  if (w->cap || len < 5)
    return FALSE;
  if (prev != NULL && in_list (DETERMINERS, prev->fold))
    return FALSE;
  return g_str_has_suffix (w->fold, "ed") || g_str_has_suffix (w->fold, "ing") ||
         g_str_has_suffix (w->fold, "ly") || g_str_has_suffix (w->fold, "n't");
}

/* Where the name part ends: at the first word after the first that cannot be in a name.
 * Lower-case "of", "for", "and", "the", "&" between capitalised words continue a name
 * ("Bank of America"). */
static guint
find_cut (GArray *words)
{
  gboolean shouting = words->len >= 3;

  for (guint i = 0; i < words->len && shouting; i++)
    shouting = g_array_index (words, Word, i).allcaps;
  for (guint i = 1; i < words->len; i++)
    {
      const Word *w = &g_array_index (words, Word, i);
      const Word *prev = &g_array_index (words, Word, i - 1);
      const Word *next = i + 1 < words->len ? &g_array_index (words, Word, i + 1) : NULL;

      /* In an all-capitals run ("FIX IS IN") short words are words, not acronyms. */
      if (w->cap)
        {
          if ((!w->allcaps || shouting) &&
              (in_list (HEADLINE_WORDS, w->fold) || _arx_words_is_cue (w->fold) ||
               g_str_has_suffix (w->fold, "n't")))
            return i;
          continue;
        }
      /* "Friends of Mr. Clinton", "Supporters of Sanders": the group is the speaker. */
      if (strcmp (w->fold, "of") == 0 && _arx_words_is_group_head (prev->fold, !prev->cap))
        return i;
      if ((strcmp (w->fold, "of") == 0 || strcmp (w->fold, "for") == 0 ||
           strcmp (w->fold, "and") == 0 || strcmp (w->fold, "the") == 0 ||
           strcmp (w->fold, "&") == 0 || strcmp (w->fold, "on") == 0) &&
          prev->cap && next != NULL && next->cap)
        continue;
      if (in_list (CLAUSE_WORDS, w->fold) || _arx_words_is_cue (w->fold) || is_verb_form (w, prev))
        return i;
    }
  return words->len;
}

/* "Republicans", "Americans": members of a party or nation, capitalised. */
static gboolean
is_proper_group (const Word *w)
{
  g_autofree char *one = _arx_words_singular (w->fold);

  if (one == NULL || !w->cap || w->allcaps)
    return FALSE;
  return in_list (PARTY_MEMBERS, one) || (_arx_words_gazetteer_bits (one) & ARX_GAZ_MISC) != 0;
}

/* Fills a person name from words [from, to); FALSE when they are no name. */
static gboolean
fill_person (ArxName *name,
             GArray  *words,
             guint    from,
             guint    to)
{
  guint core = 0;
  guint end = to;
  gboolean surname_only;

  if (from >= to || (to - from == 1 && in_list (SUFFIXES, g_array_index (words, Word, from).fold)))
    return FALSE;
  for (guint i = from; i < to; i++)
    if (!_arx_name_is_name_word (&g_array_index (words, Word, i)))
      return FALSE;
  if (to - from >= 2 && in_list (SUFFIXES, g_array_index (words, Word, to - 1).fold))
    end = to - 1;
  for (guint i = from; i < end; i++)
    {
      const Word *w = &g_array_index (words, Word, i);

      if (!in_list (PARTICLES, w->fold) || i == from)
        core++;
    }
  /* Longer title-case runs are headlines or several names. */
  if (core == 0 || core > 4)
    return FALSE;
  /* A particle and one word is a surname said alone ("De Blasio" of Bill de Blasio, "Le
   * Pen"); "Al Gore", "Ben Carson" and "Van Jones" start with first names. */
  surname_only = end - from == 2 && g_array_index (words, Word, from).cap &&
                 in_list (SURNAME_PARTICLES, g_array_index (words, Word, from).fold);
  name->klass = ARX_NAME_PERSON;
  if (end < to)
    name->suffix = g_strdup (g_array_index (words, Word, to - 1).fold);
  name->name = _arx_name_join_words (words, from, to, FALSE);
  name->key = _arx_name_join_words (words, from, to, TRUE);
  name->last = g_strdup (g_array_index (words, Word, end - 1).fold);
  name->n_words = to - from;
  if (surname_only)
    return TRUE;
  if (end - from >= 2)
    {
      name->first = g_strdup (g_array_index (words, Word, from).fold);
      for (guint i = from + 1; i < end - 1; i++)
        g_ptr_array_add (name->middles, g_strdup (g_array_index (words, Word, i).fold));
      name->loose = name->suffix != NULL
                    ? g_strdup_printf ("%s %s %s", name->first, name->last, name->suffix)
                    : g_strdup_printf ("%s %s", name->first, name->last);
    }
  else
    {
      const Word *w = &g_array_index (words, Word, from);

      name->first_name_only = !w->allcaps && _arx_words_is_first_name (w->fold);
    }
  return TRUE;
}

static void
set_other (ArxName      *name,
           ArxNameClass  klass,
           GArray       *words,
           guint         from,
           guint         to)
{
  name->klass = klass;
  name->name = _arx_name_join_words (words, from, to, FALSE);
  name->key = _arx_name_join_words (words, from, to, TRUE);
  name->n_words = to - from;
}

/* A phrase ending in a lower-case noun: a group, an organisation described by a name
 * ("the Clinton campaign", "Clinton’s campaign") or somebody unnamed. */
static void
classify_description (ArxName *name,
                      GArray  *words,
                      guint    n)
{
  const Word *head = &g_array_index (words, Word, n - 1);
  const Word *first = &g_array_index (words, Word, 0);
  gboolean has_det = in_list (DETERMINERS, first->fold) || g_ascii_isdigit (first->fold[0]);
  guint from = has_det ? 1 : 0;
  guint proper_from = G_MAXUINT, proper_to = 0;

  /* "85% of Democrats" was cut at "of": a share of a group is the group. */
  if (_arx_words_is_group_head (head->fold, !head->cap) || (n == 1 && is_proper_group (head)))
    {
      set_other (name, ARX_NAME_GROUP, words, 0, n);
      return;
    }
  for (guint i = from; i + 1 < n; i++)
    {
      const Word *w = &g_array_index (words, Word, i);

      if (w->cap && !_arx_words_is_title_word (w->fold))
        {
          proper_from = MIN (proper_from, i);
          proper_to = i + 1;
        }
    }
  if (proper_to > 0 && _arx_words_is_org_head (head->fold) && !in_list (PRONOUNS, first->fold) &&
      (!has_det || strcmp (first->fold, "the") == 0))
    {
      /* Keyed by the last proper word when the words name a person ("Hillary Clinton’s
       * campaign" is the Clinton campaign). */
      guint from_proper = proper_from;

      if (proper_to - proper_from >= 2 &&
          _arx_words_is_first_name (g_array_index (words, Word, proper_from).fold))
        from_proper = proper_to - 1;
      name->klass = ARX_NAME_ORGANIZATION;
      name->name = _arx_name_join_words (words, from_proper, n, FALSE);
      name->key = _arx_name_join_words (words, from_proper, n, TRUE);
      name->n_words = n - from_proper;
      return;
    }
  set_other (name, ARX_NAME_UNNAMED, words, 0, n);
}

static void
set_honorific (ArxName *name,
               GArray  *words,
               guint    start)
{
  for (guint i = 0; i < start; i++)
    {
      const char *title = g_array_index (words, Word, i).fold;

      if (strcmp (title, "mr") == 0)
        name->honorific = 'M';
      else if (strcmp (title, "mrs") == 0 || strcmp (title, "ms") == 0 ||
               strcmp (title, "miss") == 0)
        name->honorific = 'F';
    }
}

/* The name after titles, without a place after it ("… Ryan of Wisconsin"). */
static gboolean
fill_titled (ArxName *name,
             GArray  *words,
             guint    start,
             guint    n)
{
  guint end = n;

  for (guint i = start + 1; i < n; i++)
    if (!g_array_index (words, Word, i).cap && !in_list (PARTICLES, g_array_index (words, Word, i).fold))
      {
        end = i;
        break;
      }
  /* "House Select Committee on Benghazi": no title, an organisation's name. */
  if (_arx_words_is_org_head (g_array_index (words, Word, end - 1).fold) ||
      _arx_words_is_org_suffix (g_array_index (words, Word, end - 1).text))
    return FALSE;
  if (!fill_person (name, words, start, end))
    return FALSE;
  name->titled = TRUE;
  set_honorific (name, words, start);
  return TRUE;
}

/* Whether the last two or three words are a person's name that starts with a first name. */
static gboolean
ends_in_full_name (GArray *words,
                   guint   n,
                   guint  *out_start)
{
  for (guint len = 2; len <= 3 && len < n; len++)
    {
      guint start = n - len;
      gboolean ok = _arx_words_is_first_name (g_array_index (words, Word, start).fold);

      for (guint i = start; i < n && ok; i++)
        ok = _arx_name_is_name_word (&g_array_index (words, Word, i)) &&
             !_arx_words_is_org_suffix (g_array_index (words, Word, i).text);
      if (ok)
        {
          *out_start = start;
          return TRUE;
        }
    }
  return FALSE;
}

/* Signs that only an organisation's name has: an organisation's last word ("Department"),
 * the gazetteer, an acronym, lower-case words inside ("Bank of America"), "&", digits. */
static gboolean
is_org_name (GArray   *words,
             guint     n,
             gboolean  strong_only)
{
  const Word *first = &g_array_index (words, Word, 0);
  const Word *last = &g_array_index (words, Word, n - 1);
  g_autofree char *phrase = _arx_name_join_words (words, 0, n, TRUE);
  gboolean all_caps = TRUE;

  if (_arx_words_is_org_suffix (last->text) || (_arx_words_gazetteer_bits (phrase) & ARX_GAZ_ORG) != 0)
    return TRUE;
  if (n == 1 && first->allcaps && strlen (first->fold) <= 5)
    return TRUE;
  if (strong_only)
    return FALSE;
  for (guint i = 0; i < n; i++)
    {
      const Word *w = &g_array_index (words, Word, i);

      all_caps = all_caps && w->allcaps;
      if (strchr (w->text, '&') != NULL || strchr (w->text, '/') != NULL ||
          g_ascii_isdigit (w->text[0]) || (!w->cap && !in_list (PARTICLES, w->fold)))
        return TRUE;
    }
  return n > 1 && all_caps;
}

/* The first @n words are capitalised or determiners ("her", "many"). */
static gboolean
all_capitalised (GArray *words,
                 guint   n)
{
  for (guint i = 0; i < n; i++)
    if (!g_array_index (words, Word, i).cap && !in_list (DETERMINERS, g_array_index (words, Word, i).fold))
      return FALSE;
  return TRUE;
}

/* An organisation keeps its whole name, "The New York Times" too; "the" is no part of the
 * key. */
static void
set_organization (ArxName  *name,
                  GArray   *words,
                  guint     n,
                  gboolean  had_the,
                  gboolean  weak)
{
  g_autofree char *rest = _arx_name_join_words (words, 0, n, FALSE);

  name->klass = ARX_NAME_ORGANIZATION;
  name->name = had_the && n > 1 ? g_strdup_printf ("The %s", rest) : g_steal_pointer (&rest);
  name->key = _arx_name_join_words (words, 0, n, TRUE);
  name->n_words = n;
  name->weak_org = weak;
}

ArxName *
_arx_name_read (const char    *surface,
                ArxEntityKind  kind_hint)
{
  ArxName *name = g_new0 (ArxName, 1);
  g_autoptr(GArray) words = _arx_name_split_words (surface != NULL ? surface : "");
  g_autofree char *name_phrase = NULL;
  guint n, start;
  gboolean had_the = FALSE, first_name;

  name->middles = g_ptr_array_new_with_free_func (g_free);
  name->klass = ARX_NAME_NOBODY;

  /* Leading conjunctions, adverbs and participles are the sentence's, not the name's
   * ("Had Sanders", "included staff members"). */
  while (words->len > 1 && (in_list (LEADING_NOISE, g_array_index (words, Word, 0).fold) ||
                            (!g_array_index (words, Word, 0).cap &&
                             (g_str_has_suffix (g_array_index (words, Word, 0).fold, "ed") ||
                              g_str_has_suffix (g_array_index (words, Word, 0).fold, "ing")))))
    g_array_remove_index (words, 0);
  /* A subject pronoun with more after it ("It means", "it always") is a clause. */
  if (words->len > 1 && in_list (SUBJECT_PRONOUNS, g_array_index (words, Word, 0).fold))
    g_array_set_size (words, 0);
  n = find_cut (words);
  /* "Cruz and his aides", "Lopez and other officials", "current and former officials": a
   * group the named one is part of, not that one alone. Only after a name, a group ("her
   * advisers") or one word: "One reason Democrats and civil rights groups" is a clause. */
  if (n > 0 && n + 1 < words->len && strcmp (g_array_index (words, Word, n).fold, "and") == 0 &&
      (n == 1 || all_capitalised (words, n) ||
       (all_capitalised (words, n - 1) &&
        _arx_words_is_group_head (g_array_index (words, Word, n - 1).fold, TRUE))))
    for (guint j = n + 1; j < words->len && j <= n + 4 && !g_array_index (words, Word, j).cap; j++)
      if (_arx_words_is_group_head (g_array_index (words, Word, j).fold, TRUE))
        {
          set_other (name, ARX_NAME_GROUP, words, 0, j + 1);
          name->surface = _arx_name_join_words (words, 0, j + 1, FALSE);
          return name;
        }
  /* What is left of a title-case headline cut at its verb names somebody only when it is
   * short: "Obama Says Museum Will Tell" is Obama; "Ted Cruz Hints Trump Would …" nobody. */
  if (n < words->len && n > 3 && g_array_index (words, Word, n).cap)
    {
      g_array_set_size (words, 0);
      n = 0;
    }
  /* "85% of Democrats", "most of the critics": the part after "of" is the speaker. */
  if (n < words->len && n > 0 && strcmp (g_array_index (words, Word, n).fold, "of") == 0 &&
      n <= 2 && (in_list (DETERMINERS, g_array_index (words, Word, 0).fold) ||
                 g_ascii_isdigit (g_array_index (words, Word, 0).fold[0])))
    {
      g_array_remove_range (words, 0, n + 1);
      n = find_cut (words);
    }
  g_array_set_size (words, n);
  if (n == 0 || (n == 1 && in_list (PRONOUNS, g_array_index (words, Word, 0).fold)))
    return name;
  name->surface = _arx_name_join_words (words, 0, n, FALSE);
  /* All pronouns and determiners ("Those", "Some of them"): nobody. */
  {
    gboolean all_function = TRUE;

    for (guint i = 0; i < n && all_function; i++)
      all_function = in_list (PRONOUNS, g_array_index (words, Word, i).fold) ||
                     in_list (DETERMINERS, g_array_index (words, Word, i).fold);
    if (all_function)
      return name;
  }

  /* A lone conjunction, preposition or verb ("As", "recalling") names nobody. */
  if (n == 1 && (in_list (LEADING_NOISE, g_array_index (words, Word, 0).fold) ||
                 in_list (CLAUSE_WORDS, g_array_index (words, Word, 0).fold) ||
                 (!g_array_index (words, Word, 0).cap &&
                  (g_str_has_suffix (g_array_index (words, Word, 0).fold, "ing") ||
                   g_str_has_suffix (g_array_index (words, Word, 0).fold, "ed")))))
    return name;

  /* A lower-case last word, a role ("Senator from Texas", "The President") or a common noun
   * capitalised at the start of a sentence ("Officials", "Police"): a description. */
  {
    const Word *last = &g_array_index (words, Word, n - 1);
    gboolean common = n == 1 && !last->allcaps &&
                      (_arx_words_is_group_head (last->fold, FALSE) || _arx_words_is_org_head (last->fold) ||
                       in_list (THING_PLURALS, last->fold));

    if (!last->cap || common ||
        (n <= 2 && !last->allcaps && _arx_words_is_title_word (last->fold) &&
         (n == 1 || !g_array_index (words, Word, 0).cap ||
          in_list (DETERMINERS, g_array_index (words, Word, 0).fold))))
      {
        classify_description (name, words, n);
        return name;
      }
  }

  if (strcmp (g_array_index (words, Word, 0).fold, "the") == 0)
    {
      had_the = TRUE;
      g_array_remove_index (words, 0);
      n--;
    }
  if (n == 0)
    return name;
  if (in_list (DETERMINERS, g_array_index (words, Word, 0).fold) ||
      in_list (PRONOUNS, g_array_index (words, Word, 0).fold))
    {
      /* "a Democratic Senator", "his Campaign": somebody unnamed. */
      set_other (name, ARX_NAME_UNNAMED, words, 0, n);
      return name;
    }
  if (n == 1 && is_proper_group (&g_array_index (words, Word, 0)))
    {
      set_other (name, ARX_NAME_GROUP, words, 0, n);
      return name;
    }

  /* An organisation's last word or the gazetteer decide first ("Justice Department"); then a
   * title before a name ("Senate Minority Leader Harry Reid", "House Speaker Paul D. Ryan of
   * Wisconsin", "Director of National Intelligence James Clapper"); then the other signs of
   * an organisation's name. */
  if (is_org_name (words, n, TRUE))
    {
      set_organization (name, words, n, had_the, FALSE);
      return name;
    }
  /* So is a paper or a channel the analysis took for an organisation, though its name may
   * start with a title or a first name ("Vice News", "Washington Post", "Fox News"). */
  if (n >= 2 && kind_hint == ARX_ENTITY_ORGANIZATION &&
      in_list (MASTHEADS, g_array_index (words, Word, n - 1).fold))
    {
      set_organization (name, words, n, had_the, TRUE);
      return name;
    }
  /* The last title that leaves a name behind it ("Representative Peter T. King of New
   * York": not "King"). */
  for (guint i = n - 1; i-- > 0;)
    if ((_arx_words_is_title_word (g_array_index (words, Word, i).fold) ||
         _arx_name_is_compound_role (&g_array_index (words, Word, i))) &&
        fill_titled (name, words, i + 1, n))
      return name;
  if (n >= 4 && ends_in_full_name (words, n, &start) && fill_person (name, words, start, n))
    {
      name->titled = TRUE;
      return name;
    }
  if (is_org_name (words, n, FALSE))
    {
      set_organization (name, words, n, had_the, FALSE);
      return name;
    }
  /* Four words or more in capitals are a headline, not a name. */
  if (n >= 4 && g_array_index (words, Word, 0).allcaps && g_array_index (words, Word, n - 1).allcaps)
    return name;
  first_name = n >= 2 && n <= 4 && _arx_words_is_first_name (g_array_index (words, Word, 0).fold);
  /* What the analysis took for an organisation, named after a place that is also a first
   * name, is one: "Orlando Magic", "Houston Rockets". */
  if (first_name && kind_hint == ARX_ENTITY_ORGANIZATION &&
      (_arx_words_gazetteer_bits (g_array_index (words, Word, 0).fold) & ARX_GAZ_LOC) != 0)
    first_name = FALSE;
  if (!first_name &&
      (had_the || (_arx_words_gazetteer_bits (name_phrase = _arx_name_join_words (words, 0, n, TRUE)) & ARX_GAZ_LOC) != 0 ||
       kind_hint == ARX_ENTITY_ORGANIZATION || kind_hint == ARX_ENTITY_LOCATION))
    {
      /* Only the analysis (or "the") says organisation: a single word may still be a
       * surname the library knows ("Trump" tagged as an organisation). */
      set_organization (name, words, n, had_the, TRUE);
      return name;
    }
  if (!fill_person (name, words, 0, n))
    {
      g_clear_pointer (&name->name, g_free);
      g_clear_pointer (&name->key, g_free);
      name->klass = ARX_NAME_NOBODY;
    }
  return name;
}
