/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "arx-import"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include "arx-import-private.h"

/**
 * arx_import_clean_title:
 * @site: (nullable): site name, if known
 *
 * Strips a " | Site" or " - Site" suffix (or prefix) from a page title. When the site name is
 * unknown, a suffix is only stripped if it is short compared with the rest.
 */
char *
arx_import_clean_title (const char *title,
                        const char *site)
{
  static const char *seps[] = { " | ", " - ", " – ", " — ", " :: ", " · ", " » " };
  g_autofree char *clean = NULL;

  if (title == NULL)
    return NULL;
  clean = arx_normalize_space (title, -1);
  for (guint i = 0; i < G_N_ELEMENTS (seps); i++)
    {
      const char *last = g_strrstr (clean, seps[i]);
      const char *first = strstr (clean, seps[i]);

      if (last != NULL)
        {
          const char *suffix = last + strlen (seps[i]);
          gsize head_len = last - clean;

          if ((site != NULL && g_ascii_strncasecmp (suffix, site, strlen (site)) == 0)
              || (g_utf8_strlen (suffix, -1) <= 30 && head_len >= 2 * strlen (suffix) && head_len > 15))
            return g_strndup (clean, head_len);
        }
      if (first != NULL && site != NULL && g_ascii_strncasecmp (clean, site, first - clean) == 0
          && (gsize)(first - clean) == strlen (site))
        return g_strdup (first + strlen (seps[i]));
    }
  return g_steal_pointer (&clean);
}

/* NUL bytes or many control characters in the head of a file: not text we can read. */
gboolean
arx_import_looks_binary (const char *data,
                         gsize       len)
{
  gsize n = MIN (len, 8192);
  gsize controls = 0;

  for (gsize i = 0; i < n; i++)
    {
      guchar c = data[i];

      if (c == 0)
        return TRUE;
      if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f')
        controls++;
    }
  return n > 0 && controls * 20 > n;
}

/* Decodes character references and the common named entities (JSON-LD written by HTML
 * templates often carries them). */
char *
arx_import_decode_entities (const char *text)
{
  GString *out;

  if (text == NULL)
    return NULL;
  if (strchr (text, '&') == NULL)
    return g_strdup (text);
  out = g_string_new (NULL);
  for (const char *p = text; *p; )
    {
      const char *semi = *p == '&' ? strchr (p, ';') : NULL;

      if (semi != NULL && semi - p <= 10)
        {
          if (p[1] == '#')
            {
              gunichar c = (p[2] == 'x' || p[2] == 'X') ? strtoul (p + 3, NULL, 16) : strtoul (p + 2, NULL, 10);

              if (g_unichar_validate (c) && c != 0)
                {
                  g_string_append_unichar (out, c);
                  p = semi + 1;
                  continue;
                }
            }
          else
            {
              char name[12];
              const htmlEntityDesc *ent;

              memcpy (name, p + 1, semi - p - 1);
              name[semi - p - 1] = '\0';
              ent = htmlEntityLookup ((const xmlChar *)name);
              if (ent != NULL)
                {
                  g_string_append_unichar (out, ent->value);
                  p = semi + 1;
                  continue;
                }
            }
        }
      g_string_append_c (out, *p++);
    }
  return g_string_free (out, FALSE);
}

/* Sets the language from a tag such as "en-GB" or "de_DE": the primary subtag, lower case. */
void
arx_import_set_language (ArxArticle *article,
                         const char *tag)
{
  g_autofree char *lang = NULL;

  if (tag == NULL)
    return;
  lang = g_ascii_strdown (tag, strcspn (tag, "-_"));
  arx_article_set_language (article, lang);
}

/* @text split at every '\n', as g_strsplit (text, "\n", -1) does, by one scan: g_strsplit
 * calls strstr once per line, and a sanitizer's strstr measures the whole rest of the text
 * each time (a 20 MB text took minutes under AddressSanitizer). */
char **
arx_import_split_lines (const char *text)
{
  GPtrArray *lines = g_ptr_array_new ();
  const char *p = text;
  const char *end = text + strlen (text);
  const char *eol;

  while ((eol = memchr (p, '\n', end - p)) != NULL)
    {
      g_ptr_array_add (lines, g_strndup (p, eol - p));
      p = eol + 1;
    }
  g_ptr_array_add (lines, g_strndup (p, end - p));
  g_ptr_array_add (lines, NULL);
  return (char **) g_ptr_array_free (lines, FALSE);
}

/* Words in @text, counted as runs of ASCII letters (enough to tell a date line from prose). */
guint
arx_import_count_words (const char *text)
{
  guint words = 0;

  for (const char *q = text; *q; q++)
    if (g_ascii_isalpha (*q) && (q == text || !g_ascii_isalpha (q[-1])))
      words++;
  return words;
}

/* How deep the arrays and objects of the JSON @text nest, and how many values stand at its
 * top level (@n_values; one in a JSON document), as far as its brackets and quotes tell;
 * brackets inside strings do not count. @text need not be valid JSON. */
guint
arx_json_depth (const char *text,
                gsize       len,
                guint      *n_values)
{
  guint depth = 0, max_depth = 0, values = 0;
  gboolean in_string = FALSE, in_scalar = FALSE;

  for (gsize i = 0; i < len; i++)
    {
      char c = text[i];

      if (in_string)
        {
          if (c == '\\')
            i++;
          else if (c == '"')
            in_string = FALSE;
        }
      else if (c == '"' || c == '{' || c == '[')
        {
          /* a new value even right after a number ("1e3{…}": two) */
          if (depth == 0)
            values++;
          in_scalar = FALSE;
          if (c == '"')
            in_string = TRUE;
          else
            {
              depth++;
              max_depth = MAX (max_depth, depth);
            }
        }
      else if (c == '}' || c == ']')
        {
          if (depth > 0)
            depth--;
          in_scalar = FALSE;
        }
      else if (depth == 0)
        {
          /* a number, true, false or null at the top */
          gboolean space = c == ' ' || c == '\t' || c == '\r' || c == '\n';

          if (!space && !in_scalar)
            values++;
          in_scalar = !space;
        }
    }
  *n_values = values;
  return max_depth;
}

/* The four characters at @p are hex digits naming a UTF-16 high (@low: low) surrogate. */
static gboolean
is_surrogate_escape (const char *p, gboolean low)
{
  return (p[0] == 'd' || p[0] == 'D') &&
         (low ? strchr ("cdefCDEF", p[1]) != NULL : strchr ("89abAB", p[1]) != NULL) && p[1] != '\0' &&
         g_ascii_isxdigit (p[2]) && g_ascii_isxdigit (p[3]);
}

/* Whether a string of the JSON @text holds an escape json-glib 1.6 rejects: a backslash before
 * a character JSON does not escape, "\u" without four hex digits, or an escaped high surrogate
 * followed by an escape that is no low surrogate ("\ud800\ud800"). json-glib leaks its string
 * buffer on each of these errors (found by fuzz-jsonl), so such text is refused before it is
 * parsed. Outside strings a backslash is an error json-glib reports without leaking. */
gboolean
arx_json_has_bad_escape (const char *text,
                         gsize       len)
{
  gboolean in_string = FALSE;

  for (gsize i = 0; i < len; i++)
    {
      if (text[i] == '"')
        in_string = !in_string;
      else if (in_string && text[i] == '\\')
        {
          if (i + 1 >= len || strchr ("\"\\/bfnrtu", text[i + 1]) == NULL || text[i + 1] == '\0')
            return TRUE;
          if (text[i + 1] == 'u')
            {
              if (i + 6 > len || !g_ascii_isxdigit (text[i + 2]) || !g_ascii_isxdigit (text[i + 3]) ||
                  !g_ascii_isxdigit (text[i + 4]) || !g_ascii_isxdigit (text[i + 5]))
                return TRUE;
              if (is_surrogate_escape (text + i + 2, FALSE) && i + 7 < len && text[i + 6] == '\\' &&
                  text[i + 7] == 'u' &&
                  (i + 12 > len || !is_surrogate_escape (text + i + 8, TRUE) ||
                   !g_ascii_isxdigit (text[i + 10]) || !g_ascii_isxdigit (text[i + 11])))
                return TRUE;
              i += 5;
            }
          else
            i++;
        }
    }
  return FALSE;
}

/* Adds @text split at blank lines (or at every line end when @every_line) as paragraphs. */
void
arx_import_add_text (ArxArticle *article,
                     const char *text,
                     gboolean    every_line)
{
  /* GRegex refuses invalid UTF-8 (the split would return NULL), and a recovered XML
   * document's raw text can hold any byte */
  g_autofree char *valid = g_utf8_make_valid (text, -1);
  g_auto(GStrv) paras = g_regex_split_simple (every_line ? "\\n" : "\\n\\s*\\n", valid, 0, 0);

  for (guint i = 0; paras[i]; i++)
    arx_article_add_paragraph (article, paras[i], -1);
}

GPtrArray *
arx_import_single (ArxArticle             *article,
                   const ArxImportContext *ctx,
                   const char             *format)
{
  GPtrArray *out = g_ptr_array_new_with_free_func (g_object_unref);

  arx_article_set_source_uri (article, ctx->source_uri);
  arx_article_set_format (article, format);
  g_ptr_array_add (out, article);
  return out;
}

/* The address a browser noted when it saved the page ("saved from url=(0042)https://…"). */
char *
arx_import_saved_from_url (const char *data,
                gsize       len)
{
  /* the bytes need not end in a NUL: stay inside @len */
  const char *limit = data + MIN (len, 4096);
  const char *p = g_strstr_len (data, MIN (len, 2048), "saved from url=(");
  const char *end;

  if (p == NULL)
    return NULL;
  p = memchr (p, ')', limit - p);
  if (p == NULL)
    return NULL;
  p++;
  end = p;
  /* up to white space or the end of the comment */
  while (end < limit && *end && !g_ascii_isspace (*end)
         && !(end + 1 < limit && end[0] == '-' && end[1] == '-'))
    end++;
  /* raw bytes of the file: callers match it with GRegex, which needs UTF-8 */
  return g_utf8_make_valid (p, end - p);
}

/* Share of the words of @a (3+ letters) that also occur in @b. */
double
arx_import_shared_words (const char *a,
              const char *b)
{
  g_autofree char *la = g_utf8_strdown (a, -1);
  g_autofree char *lb = g_utf8_strdown (b, -1);
  g_auto(GStrv) words = g_regex_split_simple ("[^[:alnum:]]+", la, G_REGEX_OPTIMIZE, 0);
  guint total = 0, shared = 0;

  for (guint i = 0; words[i]; i++)
    if (g_utf8_strlen (words[i], -1) >= 3)
      {
        total++;
        if (strstr (lb, words[i]) != NULL)
          shared++;
      }
  return total > 0 ? (double)shared / total : 0.0;
}

/* Lower-case letters and digits of @s only: "La Tercera" and "latercera", "www.elcolombiano.com"
 * and "El Colombiano" compare alike. */
char *
arx_import_squash (const char *s)
{
  g_autofree char *lower = g_utf8_strdown (s, -1);
  GString *out = g_string_new (NULL);

  for (const char *p = lower; *p; p = g_utf8_next_char (p))
    if (g_unichar_isalnum (g_utf8_get_char (p)))
      g_string_append_unichar (out, g_utf8_get_char (p));
  return g_string_free (out, FALSE);
}

/* Whether @a names the same thing as @b, one containing the other once squashed. */
gboolean
arx_import_same_name (const char *a,
           const char *b)
{
  g_autofree char *sa = arx_import_squash (a);
  g_autofree char *sb = arx_import_squash (b);

  return strlen (sa) >= 3 && strlen (sb) >= 3 && (strstr (sa, sb) != NULL || strstr (sb, sa) != NULL);
}

/**
 * arx_import_drop_repeated_runs:
 *
 * Removes from @article each run of two or more consecutive paragraphs that repeat earlier
 * paragraphs word for word and hold 400 or more bytes together: a reply quoting an earlier
 * post of a thread, a carousel's cloned slides, a page laid out twice (for small and for large
 * screens) with one copy hidden by its style sheet. A reader sees that text once. Single
 * repeated lines (a price, "Read more", a chorus), short runs and runs of short lines (60 bytes
 * a paragraph or less: the rows of a weekly meal plan's tables, which differ in a few cells)
 * stay: pages repeat those on purpose.
 */
void
arx_import_drop_repeated_runs (ArxArticle *article)
{
  guint n;
  const ArxSpan *spans = arx_article_get_paragraphs (article, &n);
  const char *text = arx_article_get_text (article);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  /* 0: new text, 1: repeats an earlier paragraph, 2: in a run that goes */
  g_autofree guint8 *repeat = g_new0 (guint8, n + 1);
  g_autoptr(ArxArticle) kept = NULL;
  gboolean dropped = FALSE;

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *para = g_strndup (text + spans[i].start, spans[i].end - spans[i].start);
      char *key = arx_import_squash (para);

      if (*key == '\0')
        g_free (key);
      else if (!g_hash_table_add (seen, key))
        repeat[i] = 1;
    }
  for (guint i = 0; i < n; )
    {
      guint end = i, bytes = 0;

      for (; end < n && repeat[end]; end++)
        bytes += spans[end].end - spans[end].start;
      if (end - i >= 2 && bytes >= 400 && bytes >= 60 * (end - i))
        {
          for (; i < end; i++)
            repeat[i] = 2;
          dropped = TRUE;
        }
      i = MAX (end, i + 1);
    }
  if (!dropped)
    return;
  kept = arx_article_new ();
  for (guint i = 0; i < n; i++)
    if (repeat[i] != 2)
      arx_article_add_paragraph (kept, text + spans[i].start, spans[i].end - spans[i].start);
  spans = arx_article_get_paragraphs (kept, &n);
  arx_article_set_text (article, arx_article_get_text (kept), spans, n);
}
