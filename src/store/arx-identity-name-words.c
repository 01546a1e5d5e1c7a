/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "arx-identity"

#include "config.h"

#include <string.h>

#include "arx-identity-private.h"

#define in_list(list, word) _arx_words_in (ARX_WORDS_##list, word)

typedef ArxNameWord Word;

/* The words of a name and the keys it is compared by: a name's text split into words without
 * their punctuation and possessive, each with its case-folded key. */

static gboolean
is_apostrophe (gunichar c)
{
  return c == '\'' || c == 0x2019 || c == 0x2018 || c == 0x02BC;
}

/* arx_name_fold() of plain ASCII, which NFKC leaves alone and case folding lowers. */
static char *
fold_ascii (const char *text)
{
  GString *key = g_string_sized_new (strlen (text));
  gboolean space = FALSE;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '.' || *p == ',')
        continue;
      /* The Unicode path's spaces ('\v' is none). */
      if (g_unichar_isspace ((guchar)*p))
        {
          space = key->len > 0;
          continue;
        }
      if (space)
        g_string_append_c (key, ' ');
      space = FALSE;
      g_string_append_c (key, g_ascii_tolower (*p));
    }
  return g_string_free (key, FALSE);
}

/**
 * arx_name_fold:
 *
 * The key of a text: NFKC, case-folded, without accents, dots and commas, curly apostrophes
 * straight, hyphens kept, one space between words. Without accents because the news writes
 * one name both ways ("François Hollande", "Francois Hollande").
 */
char *
arx_name_fold (const char *text)
{
  g_autofree char *normal = NULL;
  g_autofree char *folded = NULL;
  g_autofree char *bare = NULL;
  GString *key;
  gboolean space = FALSE;

  if (text == NULL)
    text = "";
  for (const char *p = text; (guchar)*p < 0x80; p++)
    if (*p == '\0')
      return fold_ascii (text);
  normal = g_utf8_normalize (text, -1, G_NORMALIZE_NFKD);
  folded = g_utf8_casefold (normal != NULL ? normal : "", -1);
  key = g_string_new (NULL);
  for (const char *p = folded; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      /* The combining accents of the Latin, Greek and Cyrillic letters only: other
       * scripts' marks are vowels. */
      if (c == '.' || c == ',' || (c >= 0x300 && c <= 0x36F))
        continue;
      if (g_unichar_isspace (c))
        {
          space = key->len > 0;
          continue;
        }
      if (space)
        g_string_append_c (key, ' ');
      space = FALSE;
      g_string_append_unichar (key, is_apostrophe (c) ? '\'' : c);
    }
  /* Other scripts composed again, as NFKC writes them. */
  bare = g_string_free (key, FALSE);
  return g_utf8_normalize (bare, -1, G_NORMALIZE_NFKC);
}

static gboolean
is_edge_punct (gunichar c)
{
  return g_unichar_ispunct (c) && c != '&' && c != '%' && c != '@' && c != '#' &&
         !is_apostrophe (c);
}

/* Splits one word off its punctuation and possessive. Returns FALSE for no letters at all. */
static gboolean
word_init (Word       *w,
           const char *raw)
{
  g_autofree char *text = g_strdup (raw);
  char *start = text, *end = text + strlen (text);
  gsize n_letters = 0, n_upper = 0;

  /* Leading and trailing punctuation (quotation marks, brackets, dashes, commas); a final
   * period stays on a short word ("Jr.", "J.") and goes elsewhere. */
  while (*start != '\0' && (is_edge_punct (g_utf8_get_char (start)) ||
                            is_apostrophe (g_utf8_get_char (start))))
    start = g_utf8_next_char (start);
  while (end > start)
    {
      char *prev = g_utf8_prev_char (end);
      gunichar c = g_utf8_get_char (prev);

      if (c == '.' && end - start <= 4)
        break;
      if (!is_edge_punct (c))
        break;
      end = prev;
    }
  *end = '\0';
  memset (w, 0, sizeof *w);
  /* Clinton’s, Sanders’ */
  if (end - start > 2)
    {
      char *last = g_utf8_prev_char (end);
      char *before = g_utf8_prev_char (last);

      if ((*last == 's' || *last == 'S') && is_apostrophe (g_utf8_get_char (before)))
        {
          *before = '\0';
          w->possessive = TRUE;
        }
      else if (is_apostrophe (g_utf8_get_char (last)) && (*before == 's' || *before == 'S'))
        {
          *last = '\0';
          w->possessive = TRUE;
        }
    }
  for (const char *p = start; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isalpha (c))
        {
          n_letters++;
          n_upper += g_unichar_isupper (c);
        }
    }
  if (n_letters == 0 && !g_ascii_isdigit (*start))
    return FALSE;
  w->text = g_strdup (start);
  w->fold = arx_name_fold (start);
  w->cap = g_unichar_isupper (g_utf8_get_char (start));
  w->allcaps = n_letters >= 2 && n_upper == n_letters;
  w->initial = n_letters == 1 && w->cap && strlen (w->fold) == 1;
  return TRUE;
}

static void
word_clear (gpointer data)
{
  Word *w = data;

  g_free (w->text);
  g_free (w->fold);
}

/* A dash or bracket between spaces, or a comma, ends a name's part of the text; a dateline
 * before it ("PHILADELPHIA ―") is dropped. */
static char *
pick_segment (const char *surface)
{
  static const char *const breaks[] = { " — ", " ― ", " – ", " - ", "—", "―", " (", "(", ", ",
                                        "; ", ": ", NULL };
  g_autofree char *text = g_strstrip (g_strdup (surface));
  char *cut = NULL;
  guint cut_len = 0;

  for (guint i = 0; breaks[i] != NULL; i++)
    {
      char *hit = strstr (text, breaks[i]);

      if (hit != NULL && (cut == NULL || hit < cut))
        {
          cut = hit;
          cut_len = strlen (breaks[i]);
        }
    }
  if (cut == NULL)
    return g_steal_pointer (&text);
  *cut = '\0';
  {
    g_autofree char *head = g_strstrip (g_strdup (text));
    const char *rest = cut + cut_len;
    gboolean dateline = head[0] != '\0';

    for (const char *p = head; *p != '\0'; p = g_utf8_next_char (p))
      if (g_unichar_islower (g_utf8_get_char (p)))
        dateline = FALSE;
    if ((dateline && *rest != '\0') || head[0] == '\0')
      return pick_segment (rest);
    return g_steal_pointer (&head);
  }
}

GArray *
_arx_name_split_words (const char *surface)
{
  g_autofree char *segment = pick_segment (surface);
  g_auto(GStrv) raw = NULL;
  GArray *words = g_array_new (FALSE, FALSE, sizeof (Word));

  /* A no-break space is two bytes (C2 A0): g_strsplit_set() splits at single bytes, and
   * would cut "Gonzàlez" (à is C3 A0) and "Šimon" (C5 A0) in two. */
  for (char *nbsp; (nbsp = strstr (segment, "\u00a0")) != NULL;)
    {
      nbsp[0] = ' ';
      memmove (nbsp + 1, nbsp + 2, strlen (nbsp + 2) + 1);
    }
  raw = g_strsplit_set (segment, " \t\n\r", -1);
  g_array_set_clear_func (words, word_clear);
  for (guint i = 0; raw[i] != NULL; i++)
    {
      Word w;

      if (raw[i][0] != '\0' && word_init (&w, raw[i]))
        g_array_append_val (words, w);
    }
  return words;
}

char *
_arx_name_join_words (GArray  *words,
                      guint    from,
                      guint    to,
                      gboolean fold)
{
  GString *s = g_string_new (NULL);

  for (guint i = from; i < to; i++)
    {
      const Word *w = &g_array_index (words, Word, i);

      if (s->len > 0)
        g_string_append_c (s, ' ');
      g_string_append (s, fold ? w->fold : w->text);
    }
  return g_string_free (s, FALSE);
}

gboolean
_arx_name_is_name_word (const ArxNameWord *w)
{
  const char *p;

  if (in_list (PARTICLES, w->fold) || in_list (SUFFIXES, w->fold))
    return TRUE;
  if (!w->cap)
    return FALSE;
  /* Names have letters, hyphens, apostrophes and the period of an initial; not digits,
   * slashes or @. */
  for (p = w->text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_isalpha (c) && c != '-' && c != '.' && !is_apostrophe (c))
        return FALSE;
    }
  return TRUE;
}

/* A capitalised compound of a lower-case word ("Oscar-winner", "Co-founder", "Ex-senator"):
 * before a name, a role; not "Anne-Marie", and the caller keeps "Ban Ki-moon" a name by asking
 * only of words before the last. */
gboolean
_arx_name_is_compound_role (const ArxNameWord *w)
{
  const char *hyphen = strchr (w->text, '-');

  return w->cap && hyphen != NULL && g_unichar_islower (g_utf8_get_char (hyphen + 1));
}
