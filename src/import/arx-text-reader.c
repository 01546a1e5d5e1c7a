/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "arx-import"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "arx-import-private.h"

static char *
decode_bytes (const char *data,
              gsize       len,
              const char *charset)
{
  const guchar *u = (const guchar *)data;
  char *out;

  if (len >= 3 && u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF)
    return g_utf8_make_valid (data + 3, len - 3);
  if (len >= 2 && ((u[0] == 0xFF && u[1] == 0xFE) || (u[0] == 0xFE && u[1] == 0xFF)))
    {
      out = g_convert (data + 2, len - 2, "UTF-8", u[0] == 0xFF ? "UTF-16LE" : "UTF-16BE",
                       NULL, NULL, NULL);
      if (out != NULL)
        return out;
    }
  if (charset != NULL && g_ascii_strcasecmp (charset, "utf-8") != 0
      && g_ascii_strcasecmp (charset, "utf8") != 0)
    {
      out = g_convert (data, len, "UTF-8", charset, NULL, NULL, NULL);
      if (out != NULL)
        return out;
    }
  if (g_utf8_validate_len (data, len, NULL))
    return g_strndup (data, len);
  /* UTF-8 with a few broken bytes is still UTF-8: repair it rather than mis-decode it. Legacy
   * 8-bit text almost never forms valid multi-byte sequences, so count those against the bad
   * bytes. */
  {
    gsize bad = 0, good = 0;
    const char *p = data, *end = data + len;

    while (p < end)
      {
        const char *stop;

        if (g_utf8_validate_len (p, end - p, &stop))
          stop = end;
        for (const char *q = p; q < stop; q = g_utf8_next_char (q))
          if ((guchar)*q >= 0xC0)
            good++;
        if (stop == end)
          break;
        bad++;
        p = stop + 1;
      }
    if (good > 0 && bad <= good * 2)
      return g_utf8_make_valid (data, len);
  }
  out = g_convert (data, len, "UTF-8", "WINDOWS-1252", NULL, NULL, NULL);
  if (out != NULL)
    return out;
  out = g_convert (data, len, "UTF-8", "ISO-8859-1", NULL, NULL, NULL);
  return out != NULL ? out : g_utf8_make_valid (data, len);
}

/**
 * arx_text_decode:
 * @charset: (nullable): declared charset, tried after a BOM and before the guesses
 *
 * Decodes bytes to UTF-8: a BOM wins, then @charset, then valid UTF-8, then Windows-1252
 * (a superset of ISO-8859-1 for printable text, and what "Latin-1" files usually are), then
 * ISO-8859-1, which cannot fail. Text encoded to UTF-8 twice is repaired
 * (arx_text_repair_mojibake()). Returns: (transfer full): valid UTF-8.
 */
char *
arx_text_decode (const char *data,
                 gsize       len,
                 const char *charset)
{
  return arx_text_repair_mojibake (decode_bytes (data, len, charset));
}

static gboolean
ends_sentence (const char *line)
{
  gsize n = strlen (line);

  while (n > 0 && g_ascii_isspace (line[n - 1]))
    n--;
  /* closing quotes and brackets after the full stop */
  while (n > 0 && (line[n - 1] == '"' || line[n - 1] == '\'' || line[n - 1] == ')'
                   || (n >= 3 && (guchar)line[n - 3] == 0xE2 && (guchar)line[n - 2] == 0x80)))
    n -= ((guchar)line[n - 1] >= 0x80) ? 3 : 1;
  return n > 0 && strchr (".!?:;,", line[n - 1]) != NULL;
}

static gboolean
is_date_line (const char *line,
              char      **date)
{
  static const char *prefixes[] = { "published", "updated", "posted", "date", "dated", "last updated" };
  g_autofree char *found = NULL;
  const char *p = line;

  if (g_utf8_strlen (line, -1) > 60)
    return FALSE;
  found = arx_import_date_normalize (line);
  if (found == NULL)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (prefixes); i++)
    if (g_ascii_strncasecmp (p, prefixes[i], strlen (prefixes[i])) == 0)
      {
        *date = g_steal_pointer (&found);
        return TRUE;
      }
  /* otherwise the line must be only the date: "Monday, 3 March 2025, 10:15" */
  return arx_import_is_date_line (line, date);
}

static gboolean
is_byline (const char *line)
{
  return (arx_import_looks_like_byline (line) || g_str_has_prefix (line, "by "))
         && !ends_sentence (line);
}

/* Most longer words capitalised: "Poll: Wealthy Voters Abandon Republican Party." */
static gboolean
is_title_case (const char *line)
{
  g_auto(GStrv) words = g_strsplit_set (line, " \t", -1);
  guint long_words = 0, capitalised = 0;

  /* the first word is capitalised in any sentence */
  for (guint i = 1; words[i] != NULL; i++)
    if (g_utf8_strlen (words[i], -1) >= 4 && g_unichar_isalpha (g_utf8_get_char (words[i])))
      {
        long_words++;
        if (g_unichar_isupper (g_utf8_get_char (words[i])))
          capitalised++;
      }
  return long_words >= 2 && capitalised * 10 >= long_words * 6;
}

/* A first paragraph that is a headline: short, and either not a sentence, or in title case,
 * or a short line ending in a full stop, question or exclamation mark (some sites end their
 * headlines so). A line ending in a comma, colon or semicolon leads into the text. A question
 * or exclamation may be as long as a headline gets (20 words: a lead paragraph seldom ends
 * so); a full stop up to 16 words when the line stands alone (@stands_alone: one line with a
 * blank line after it), 12 otherwise, so that a lead sentence of 25 words or more, or one
 * wrapped over lines, is text. */
static gboolean
is_headline (const char *line,
             gboolean    stands_alone)
{
  gsize n = strlen (line);
  guint words = 0;
  char mark;

  if (g_utf8_strlen (line, -1) > 150)
    return FALSE;
  if (!ends_sentence (line))
    return TRUE;
  while (n > 0 && strchr ("\"')", line[n - 1]) != NULL)
    n--;
  if (n == 0 || strchr (":;,", line[n - 1]) != NULL)
    return FALSE;
  mark = line[n - 1];
  for (const char *p = line; *p; p++)
    if (*p != ' ' && (p == line || p[-1] == ' '))
      words++;
  if (mark == '?' || mark == '!')
    return words <= 20;
  return words <= (stands_alone ? 16 : 12) || is_title_case (line);
}

/* Whether the first non-blank line of @text is all of @first (the first paragraph) and a blank
 * line follows it: a line set apart as headlines are. */
static gboolean
first_line_stands_alone (const char *text,
                         const char *first)
{
  const char *p = text, *end, *next;

  while (*p == '\n' || *p == ' ' || *p == '\t')
    p++;
  end = strchr (p, '\n');
  if (end == NULL)
    return FALSE;
  for (next = end + 1; *next == ' ' || *next == '\t'; next++)
    ;
  if (*next != '\n')
    return FALSE;
  while (end > p && (end[-1] == ' ' || end[-1] == '\t'))
    end--;
  return (gsize)(end - p) == strlen (first) && strncmp (p, first, end - p) == 0;
}

static int
compare_uint (gconstpointer a,
              gconstpointer b)
{
  guint x = *(const guint *)a, y = *(const guint *)b;

  return x < y ? -1 : x > y;
}

/* Characters of a line's first word, after its indentation. */
static guint
first_word_length (const char *line)
{
  const char *p = line, *q;

  while (*p == ' ' || *p == '\t')
    p++;
  for (q = p; *q && *q != ' ' && *q != '\t' && *q != '\r'; q++)
    ;
  return g_utf8_strlen (p, q - p);
}

/* Splits decoded text into paragraphs. Blank lines always separate paragraphs. Inside a block,
 * hard-wrapped lines are joined; a line clearly shorter than the wrap width ends a paragraph,
 * which keeps headings, captions and list-like runs of short lines apart. */
static GPtrArray *
split_paragraphs (const char *text)
{
  g_auto(GStrv) lines = arx_import_split_lines (text);
  g_autoptr(GArray) lengths = g_array_new (FALSE, FALSE, sizeof (guint));
  GPtrArray *paras = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) cur = g_string_new (NULL);
  guint wrap = 0, widest = 0;

  for (guint i = 0; lines[i]; i++)
    {
      guint n;

      g_strchomp (lines[i]);
      n = g_utf8_strlen (lines[i], -1);
      if (n > 0)
        g_array_append_val (lengths, n);
    }
  /* the wrap width: the 80th percentile of non-empty line lengths */
  if (lengths->len > 0)
    {
      g_autoptr(GArray) sorted = g_array_copy (lengths);

      g_array_sort (sorted, compare_uint);
      wrap = g_array_index (sorted, guint, (sorted->len * 8) / 10);
      widest = g_array_index (sorted, guint, (sorted->len * 95) / 100);
    }

  for (guint i = 0; lines[i]; i++)
    {
      const char *line = lines[i];
      guint n = g_utf8_strlen (line, -1);
      gboolean blank = (g_strstrip (lines[i])[0] == '\0');

      if (blank)
        {
          if (cur->len > 0)
            g_ptr_array_add (paras, g_strdup (cur->str));
          g_string_truncate (cur, 0);
          continue;
        }
      if (cur->len > 0)
        g_string_append_c (cur, ' ');
      g_string_append (cur, line);
      /* Unwrapped text (one paragraph per line), a short line in wrapped text, or a line whose
       * next word would have fitted on it (so the writer broke the line, not the wrapping:
       * one sentence or table row per line): break here. */
      if (wrap > 120 || n < wrap * 6 / 10 || (n < wrap * 8 / 10 && ends_sentence (line)) ||
          (lines[i + 1] != NULL && n + 1 + first_word_length (lines[i + 1]) <= widest))
        {
          g_ptr_array_add (paras, g_strdup (cur->str));
          g_string_truncate (cur, 0);
        }
    }
  if (cur->len > 0)
    g_ptr_array_add (paras, g_strdup (cur->str));
  return paras;
}

ArxArticle *
arx_text_reader_read (const char             *data,
                      gsize                   len,
                      const ArxImportContext *ctx,
                      GError                **error)
{
  g_autofree char *text = arx_text_decode (data, len, NULL);
  g_autoptr(ArxArticle) article = arx_article_new ();
  g_autoptr(GPtrArray) paras = NULL;
  guint first = 0;

  /* normalise line ends: CRLF and lone CR */
  for (char *p = text; *p; p++)
    if (*p == '\r')
      *p = (p[1] == '\n') ? ' ' : '\n';
  paras = split_paragraphs (text);
  if (paras->len == 0)
    {
      g_set_error (error, ARX_ERROR, ARX_ERROR_NOT_AN_ARTICLE, _("%s: the file holds no text"), ctx->name);
      return NULL;
    }

  /* A headline on its own first line is the title (if more text follows). */
  if (paras->len > 1)
    {
      const char *p0 = g_ptr_array_index (paras, 0);
      g_autofree char *date = NULL;

      if (is_headline (p0, first_line_stands_alone (text, p0)) && !is_byline (p0) &&
          !is_date_line (p0, &date))
        {
          arx_article_set_title (article, p0);
          first = 1;
        }
    }
  /* Bylines and date lines near the top are metadata. */
  for (guint i = first; i < paras->len && i < first + 4; i++)
    {
      const char *p = g_ptr_array_index (paras, i);
      g_autofree char *date = NULL;

      if (arx_article_get_byline (article) == NULL && is_byline (p))
        {
          g_autofree char *byline = arx_import_clean_byline (p);

          arx_article_set_byline (article, byline);
          first = i + 1;
        }
      else if (arx_article_get_published (article) == NULL && is_date_line (p, &date))
        {
          arx_article_set_published (article, date);
          first = i + 1;
        }
      else
        break;
    }
  /* The metadata lines stay in the text too: a plain-text file's text is the file's words,
   * all of them, so offsets computed against the file (evaluation tools, other programs
   * reading arx analyze) still find every token; the view shows the title only once. */
  for (guint i = 0; i < paras->len; i++)
    arx_article_add_paragraph (article, g_ptr_array_index (paras, i), -1);
  if (arx_article_get_text_length (article) == 0)
    {
      g_set_error (error, ARX_ERROR, ARX_ERROR_NOT_AN_ARTICLE, _("%s: the file holds no body text"), ctx->name);
      return NULL;
    }
  return g_steal_pointer (&article);
}
