/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "arx-import"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include "arx-import-private.h"

/* Month-name prefixes in English, German, French, Spanish, Portuguese and Italian datelines
 * (longer prefixes first where they overlap: "juin"/"juil"). The rest of the world mostly
 * writes ISO dates in its metadata. */
static const struct { const char *name; int month; } months[] = {
  { "juin", 6 }, { "juil", 7 }, { "jan", 1 }, { "ene", 1 }, { "gen", 1 }, { "feb", 2 }, { "fev", 2 },
  { "fév", 2 }, { "mar", 3 }, { "mär", 3 }, { "apr", 4 }, { "abr", 4 }, { "avr", 4 }, { "may", 5 },
  { "mai", 5 }, { "mag", 5 }, { "jun", 6 }, { "giu", 6 }, { "jul", 7 }, { "lug", 7 }, { "aug", 8 },
  { "ago", 8 }, { "aoû", 8 }, { "aou", 8 }, { "sep", 9 }, { "set", 9 }, { "oct", 10 }, { "okt", 10 },
  { "out", 10 }, { "ott", 10 }, { "nov", 11 }, { "dec", 12 }, { "dez", 12 }, { "dic", 12 },
  { "déc", 12 },
};

static int
month_from_name (const char *name)
{
  g_autofree char *lower = g_utf8_strdown (name, -1);

  for (guint i = 0; i < G_N_ELEMENTS (months); i++)
    if (g_str_has_prefix (lower, months[i].name))
      return months[i].month;
  return 0;
}

static char *
format_date (int y, int m, int d)
{
  if (y < 1800 || y > 2200 || m < 1 || m > 12 || d < 1 || d > 31)
    return NULL;
  return g_strdup_printf ("%04d-%02d-%02d", y, m, d);
}

static GRegex *
date_regex (guint which)
{
  static GRegex *regexes[5];
  static const char *patterns[5] = {
    /* 0: ISO 8601 extended, 2024-12-15 or 2024/12/15 */
    "(?<![\\d])(\\d{4})[-/](\\d{1,2})[-/](\\d{1,2})(?![\\d])",
    /* 1: ISO 8601 basic, as in NITF norm attributes: 20241215 or 20241215T101500 */
    "^\\s*(\\d{4})(\\d{2})(\\d{2})(?:T|\\s*$)",
    /* 2: 15 December 2024, 15. Dezember 2024, Sun, 15 Dec 2024, 15 de dezembro de 2024 */
    "(?<![\\d])(\\d{1,2})\\.?\\s+(?:de\\s+)?(\\p{L}{3,})\\.?,?\\s+(?:de\\s+)?(\\d{4})",
    /* 3: December 15, 2024 */
    "(\\p{L}{3,})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})",
    /* 4: 15.12.2024 (European numeric) */
    "(?<![\\d.])(\\d{1,2})\\. ?(\\d{1,2})\\. ?(\\d{4})(?![\\d])",
  };
  static gsize init = 0;

  if (g_once_init_enter (&init))
    {
      for (guint i = 0; i < G_N_ELEMENTS (patterns); i++)
        regexes[i] = g_regex_new (patterns[i], G_REGEX_OPTIMIZE | G_REGEX_CASELESS, 0, NULL);
      g_once_init_leave (&init, 1);
    }
  return regexes[which];
}

/* A date with a two-digit year, alone: "31.10.23" in forum posts and news tickers. */
static char *
short_year_date (const char *text)
{
  int d, m, y, n = 0;

  while (*text == ' ')
    text++;
  if (strlen (text) > 12 || sscanf (text, "%2d.%2d.%2d%n", &d, &m, &y, &n) != 3 || n < 6)
    return NULL;
  while (text[n] == ' ' || text[n] == '\n')
    n++;
  if (text[n] != '\0')
    return NULL;
  return format_date (y < 70 ? 2000 + y : 1900 + y, m, d);
}

/**
 * arx_import_leading_date:
 *
 * Returns: (nullable): the date opening @text as a dateline ("29.11.2022 – …",
 * "27.1.2022 - …"), as YYYY-MM-DD.
 */
char *
arx_import_leading_date (const char *text)
{
  static GRegex *re;
  static gsize init;
  g_autoptr(GMatchInfo) match = NULL;
  char *result = NULL;

  if (g_once_init_enter (&init))
    {
      re = g_regex_new ("^\\s*(\\d{1,2})\\. ?(\\d{1,2})\\. ?(\\d{4})\\s*[–—-]\\s", G_REGEX_OPTIMIZE, 0, NULL);
      g_once_init_leave (&init, 1);
    }
  if (g_regex_match (re, text, 0, &match))
    {
      g_autofree char *d = g_match_info_fetch (match, 1);
      g_autofree char *m = g_match_info_fetch (match, 2);
      g_autofree char *y = g_match_info_fetch (match, 3);

      result = format_date (atoi (y), atoi (m), atoi (d));
    }
  return result;
}

/**
 * arx_import_date_normalize:
 *
 * Returns: (nullable): the first calendar date found in @text as YYYY-MM-DD.
 */
char *
arx_import_date_normalize (const char *text)
{
  char *result = NULL;

  if (text == NULL || *text == '\0')
    return NULL;
  result = short_year_date (text);
  if (result != NULL)
    return result;
  /* every format below needs a four-digit year: skip the regexes for text without one */
  {
    guint run = 0;
    const char *p;

    for (p = text; *p && run < 4; p++)
      run = g_ascii_isdigit (*p) ? run + 1 : 0;
    if (run < 4)
      return NULL;
  }

  for (guint i = 0; i < 5 && result == NULL; i++)
    {
      g_autoptr(GMatchInfo) match = NULL;

      if (!g_regex_match (date_regex (i), text, 0, &match))
        continue;
      {
        g_autofree char *a = g_match_info_fetch (match, 1);
        g_autofree char *b = g_match_info_fetch (match, 2);
        g_autofree char *c = g_match_info_fetch (match, 3);

        switch (i)
          {
          case 0:
          case 1:
            result = format_date (atoi (a), atoi (b), atoi (c));
            break;
          case 2:
            result = format_date (atoi (c), month_from_name (b), atoi (a));
            break;
          case 3:
            result = format_date (atoi (c), month_from_name (a), atoi (b));
            break;
          default:
            result = format_date (atoi (c), atoi (b), atoi (a));
            break;
          }
      }
    }
  return result;
}

/**
 * arx_import_timestamp_normalize:
 *
 * A machine-readable date as metadata gives it ("2021-11-12T23:30:00-05:00",
 * "2024-03-03 09:15:00Z"): ISO 8601 with its time and time zone when both are given, else
 * the date alone as arx_import_date_normalize() reads it. A time without a zone is left out:
 * it says nothing certain about the day elsewhere.
 * Returns: (nullable): the normalised date or timestamp.
 */
char *
arx_import_timestamp_normalize (const char *text)
{
  static GRegex *re;
  static gsize init;
  g_autoptr(GMatchInfo) match = NULL;

  if (g_once_init_enter (&init))
    {
      re = g_regex_new ("^\\s*(\\d{4}-\\d{2}-\\d{2})[T ](\\d{2}:\\d{2})(:\\d{2})?(?:[.,]\\d+)?"
                        "\\s*(Z|[+-]\\d{2}:?\\d{2})\\s*$", G_REGEX_OPTIMIZE, 0, NULL);
      g_once_init_leave (&init, 1);
    }
  if (text != NULL && g_regex_match (re, text, 0, &match))
    {
      g_autofree char *date = g_match_info_fetch (match, 1);
      g_autofree char *hm = g_match_info_fetch (match, 2);
      g_autofree char *sec = g_match_info_fetch (match, 3);
      g_autofree char *zone = g_match_info_fetch (match, 4);
      g_autofree char *checked = arx_import_date_normalize (date);

      if (checked == NULL)
        return NULL;
      /* +0100 -> +01:00 */
      if (strlen (zone) == 5)
        {
          char *with_colon = g_strdup_printf ("%.3s:%s", zone, zone + 3);

          g_free (zone);
          zone = with_colon;
        }
      return g_strdup_printf ("%sT%s%s%s", checked, hm, sec != NULL && *sec ? sec : ":00",
                              g_str_equal (zone, "+00:00") ? "Z" : zone);
    }
  return arx_import_date_normalize (text);
}

static gboolean
looks_like_non_name (const char *s)
{
  static GRegex *re;
  static gsize init;

  if (g_once_init_enter (&init))
    {
      /* a domain name, a CMS account, a date prefix left alone, a "see all posts" link, a label
       * whose name was in another element ("Posted on", "Autor", "No Author") */
      re = g_regex_new ("^(?:[\\w.-]+\\.[a-z]{2,6}(?:/\\S*)?|(?:wordpress)?admin|administrator|alle beiträge|all posts"
                        "|(?:posted|published|written|veröffentlicht|erstellt|geschrieben)(?:\\s+(?:on|by|am|von|in))?"
                        "|by|von|par|por|di|door|de|\\d.*"
                        "|(?:no|unknown|kein)\\s+auth?or|auth?ors?|autorin(?:nen)?|autoren|auteurs?|datum|date|quelle|source|foto|bild|photo"
                        "|(?:fotos?|photos?|bild|image|credits?)\\s*:.*|stand|agencies"
                        "|(?:montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|monday|tuesday|wednesday"
                        "|thursday|friday|saturday|sunday|januar|februar|märz|april|mai|juni|juli|august|september"
                        "|oktober|november|dezember|january|february|march|may|june|july|october|december)(?:\\W+\\d.*)?"
                        "|(?:am|on|le|el|il|publiziert am|veröffentlicht am|published on|updated)(?:\\s.*\\d.*)?)$",
                        G_REGEX_CASELESS | G_REGEX_OPTIMIZE, 0, NULL);
      g_once_init_leave (&init, 1);
    }
  return g_regex_match (re, s, 0, NULL);
}

/* Where the name ends in a byline line: before "am 19. Oktober", "on May 3, 2020", "at 18:52",
 * "| 12.05.2021", a role after a comma ("Jane Doe, PhD"), or a link to the author's other
 * articles. Returns the length of the name part of @s. */
static gsize
byline_name_length (const char *s)
{
  static GRegex *re;
  static gsize init;
  g_autoptr(GMatchInfo) match = NULL;
  int start = 0;

  if (g_once_init_enter (&init))
    {
      re = g_regex_new ("(?:\\s+(?:am|on|le|el|il|at|um|vom|den|the|,)?\\s*[|·•–—-]?\\s*"
                        "(?:(?:mon|tue|wed|thu|fri|sat|sun|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag)\\w*,?\\s*"
                        "|(?:mo|di|mi|do|fr|sa|so)\\.?,?\\s+)?"
                        "\\d{1,4}[./:\\s-].*"
                        "|,?\\s+(?:am|on|le|el|il)?\\s*(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|januar|februar|märz"
                        "|mai|juni|juli|oktober|dezember)\\w*\\.?\\s+\\d.*"
                        "|\\s*,?\\s+[–—-]?\\s*(?:datum|date|stand|aktualisiert|updated|published|veröffentlicht|posted|über|about"
                        "|last (?:updated|modified|reviewed)|reviewed by|fact[- ]checked|medically reviewed)\\b.*"
                        "|\\s+(?:am|on|le|el|il)\\s+\\d.*"
                        "|\\s+(?:alle (?:artikel|beiträge)|alles von|all (?:articles|posts|stories)|mehr von|more from|more by"
                        "|view all|see all|kontakt|contact|follow|folgen|e-?mail|twitter|shares?)\\b.*"
                        "|\\s+(?:-\\s+)?(?:https?://|www\\.)\\S*.*"
                        "|\\s+[|·•]\\s+.*"
                        "|\\s+(?:kategorien?|categories|category|tags|illustrations?|fotos?|photos?|mitglied|member of)\\b.*"
                        "|\\s*vor\\s+\\d+\\s+\\w+.*"
                        "|\\s*/\\s*[\\w.-]+\\.[a-z]{2,6}"
                        "|(?<=[[:alpha:]])\\d{1,2}\\.\\s*\\S*.*)$",
                        G_REGEX_CASELESS | G_REGEX_OPTIMIZE, 0, NULL);
      g_once_init_leave (&init, 1);
    }
  if (g_regex_match (re, s, 0, &match) && g_match_info_fetch_pos (match, 0, &start, NULL) && start > 0)
    return start;
  return strlen (s);
}

/* Degrees and certifications printed after a name ("Jane Doe, MS, RD"). */
static gboolean
is_credential (const char *word)
{
  static const char *const credentials[] = {
    "phd", "ph.d", "ph.d.", "md", "m.d.", "do", "rn", "rd", "ms", "m.s.", "ma", "m.a.", "ba", "b.a.", "bs", "bsc",
    "msc", "mba", "mph", "jd", "dvm", "vmd", "cpa", "cfa", "cfp", "fand", "lvt", "vts", "dacvb", "np", "pa-c",
    "lcsw", "cscs", "dds", "dmd", "pharmd", "edd", "psyd", "lpc", "facp", "faap", "rdn", "ldn", "cde", "ibclc",
    "msn", "bsn", "dnp", "aprn", "llm", "mfa", "dr.", NULL
  };
  g_autofree char *lower = g_ascii_strdown (word, -1);

  for (guint i = 0; credentials[i]; i++)
    if (g_str_equal (lower, credentials[i]))
      return TRUE;
  return FALSE;
}

/* After a comma, a byline may go on with degrees ("Jane Doe, PhD": kept, as printed), another
 * name ("Ana Ruiz, Tom Lee": kept), or a role or an outlet ("Rob Picheta, CNN", "Jane Doe,
 * Head of Marketing": cut there). */
static void
byline_cut_role (GString *out)
{
  static const char *const conjunctions[] = { " and ", " und ", " & ", " y ", " et ", " e ", " en ", " og ", NULL };
  g_auto(GStrv) parts = NULL;
  gsize keep;

  if (out->len == 0)
    return;
  /* several authors are a list: "Ana Ruiz and Tom Lee", "A, B und C" -> "A, B, C" */
  g_string_replace (out, " , ", ", ", 0);
  for (guint i = 0; conjunctions[i]; i++)
    {
      const char *at;

      while ((at = strstr (out->str, conjunctions[i])) != NULL
             && g_unichar_isupper (g_utf8_get_char (at + strlen (conjunctions[i]))))
        {
          gsize pos = at - out->str;

          g_string_erase (out, pos, strlen (conjunctions[i]));
          g_string_insert (out, pos, ", ");
        }
    }
  parts = g_strsplit (out->str, ", ", -1);
  keep = strlen (parts[0]);

  for (guint i = 1; parts[i] != NULL; i++)
    {
      g_auto(GStrv) words = g_strsplit (parts[i], " ", -1);
      guint n = g_strv_length (words), credentials = 0, capitalised = 0;

      for (guint j = 0; j < n; j++)
        {
          gunichar first = g_utf8_get_char_validated (words[j], -1);

          if (is_credential (words[j]))
            credentials++;
          /* a name's words start with a capital and go on in small letters */
          else if (first != (gunichar)-1 && first != (gunichar)-2 && g_unichar_isupper (first)
                   && words[j][1] != '\0' && !g_ascii_isupper (words[j][1]))
            capitalised++;
        }
      if (n == 0 || (credentials < n && !(n <= 4 && capitalised == n)))
        break;
      keep += 2 + strlen (parts[i]);
    }
  g_string_truncate (out, keep);
}

/**
 * arx_import_clean_byline:
 *
 * Strips "By", "Von", "Posted by", "Veröffentlicht von"… and trailing separators from a byline,
 * cuts what follows the name (a date or time, a role such as "PhD", "All articles" links),
 * drops e-mail addresses and handles, and refuses strings that are not names (domains,
 * "admin", a lone date prefix or label).
 * Returns: (nullable): the cleaned byline, or NULL if nothing useful remains.
 */
char *
arx_import_clean_byline (const char *text)
{
  /* longest first; multi-word prefixes may be glued to the name ("Veröffentlicht vonChris") */
  static const char *prefixes[] = { "this post was written by", "this article was written by", "veröffentlicht von", "eingestellt von", "verfasst von", "geschrieben von", "erstellt von",
                                    "zum profil von", "pressemitteilung von", "artikel von", "beitrag von", "beitragvon", "rezept von",
                                    "publié par", "publicado por", "pubblicato da", "posted by", "written by",
                                    "reported by", "story by", "words by", "text und interview:",
                                    "text von", "text:", "interview:", "author:", "autor:", "autorin:", "autoren:",
                                    "auteur :", "auteur:", "redaktion:", "von:", "by:",
                                    "authors", "author", "autorin", "autor",
                                    "by ", "von ", "vom ", "par ", "por ", "di ", "door " };
  g_autofree char *clean = NULL;
  g_autoptr(GString) out = NULL;
  const char *p;
  gboolean again = TRUE;

  if (text == NULL)
    return NULL;
  clean = arx_normalize_space (text, -1);
  p = clean;
  /* "Author: By Jane Doe": strip prefixes more than once */
  for (guint round = 0; again && round < 3; round++)
    {
      again = FALSE;
      while (*p != '\0' && strchr (",;:-|·• ", *p) != NULL)
        p++;
      for (guint i = 0; i < G_N_ELEMENTS (prefixes); i++)
        {
          gsize n = strlen (prefixes[i]);

          if (g_ascii_strncasecmp (p, prefixes[i], n) == 0
              && (prefixes[i][n - 1] == ' ' || prefixes[i][n - 1] == ':' || p[n] == ' ' || p[n] == ':'
                  || g_ascii_isupper (p[n])))
            {
              p += n;
              again = TRUE;
              break;
            }
        }
    }
  while (*p == ':' || *p == ' ')
    p++;
  if (*p == '\0' || g_utf8_strlen (p, -1) > 120)
    return NULL;
  /* drop social handles ("Jane Doe @jdoe") and e-mail addresses */
  out = g_string_new (NULL);
  {
    g_autofree char *name = g_strndup (p, byline_name_length (p));
    g_auto(GStrv) words = g_strsplit (name, " ", -1);

    for (guint i = 0; words[i]; i++)
      if (words[i][0] != '@' && words[i][0] != '\0' && strchr (words[i], '@') == NULL
          && strstr (words[i], "[at]") == NULL && g_strcmp0 (words[i], "[email") != 0
          && g_strcmp0 (words[i], "protected]") != 0)
        g_string_append_printf (out, "%s%s", out->len ? " " : "", words[i]);
  }
  while (out->len > 0 && strchr (" |,;-:", out->str[out->len - 1]) != NULL)
    g_string_truncate (out, out->len - 1);
  if (g_str_has_suffix (out->str, " »") || g_str_has_suffix (out->str, " «"))
    g_string_truncate (out, out->len - 3);
  byline_cut_role (out);
  /* a name printed twice (link text and label): "jdoe jdoe", "Jane Doe Jane Doe" */
  if (out->len % 2 == 1 && out->str[out->len / 2] == ' '
      && strncmp (out->str, out->str + out->len / 2 + 1, out->len / 2) == 0)
    g_string_truncate (out, out->len / 2);
  if (g_str_has_suffix (out->str, " —") || g_str_has_suffix (out->str, " –"))
    g_string_truncate (out, out->len - 4);
  /* a photo credit ("Bild © hr") is not the author */
  if (out->len == 0 || looks_like_non_name (out->str) || strstr (out->str, "©") != NULL)
    return NULL;
  return g_strdup (out->str);
}

/**
 * arx_import_looks_like_byline:
 *
 * Whether @text starts like a byline: "By Jane Doe", "Von Max Muster", "Par …", "Text: …"
 * followed by a capital (or nothing, when the name is in the next element).
 */
gboolean
arx_import_looks_like_byline (const char *text)
{
  /* longest first; each followed by a space, a colon or nothing */
  static const char *const starts[] = { "verfasst von", "geschrieben von", "written by", "posted by", "text von",
                                        "autorin", "autor", "author", "by", "von", "par", "por", "text", NULL };
  g_autofree char *clean = NULL;
  const char *p;

  /* cheap test first: this runs on the first text of most elements of a page */
  p = text;
  while (*p == ' ' || *p == '\n' || *p == '\t' || *p == '\r' || *p == '|')
    p++;
  if (strchr ("bBvVpPaAtTwWgG", *p) == NULL || *p == '\0' || strlen (p) > 300)
    return FALSE;
  /* screen-reader separators ("| By "), no-break spaces */
  clean = arx_normalize_space (text, -1);
  p = clean;
  while (*p == '|' || *p == ' ')
    p++;
  if (strlen (p) > 100)
    return FALSE;
  for (guint i = 0; starts[i]; i++)
    {
      gsize n = strlen (starts[i]);

      if (g_ascii_strncasecmp (p, starts[i], n) == 0 && (p[n] == '\0' || p[n] == ' ' || p[n] == ':'))
        {
          const char *rest = p + n;
          gboolean capital = g_ascii_isupper (p[0]);

          /* lower-case "text" and "autor" are words too: they need a colon */
          if (rest[0] == ':')
            rest++;
          else if (!capital && ((i >= 5 && i <= 7) || i == 12))
            return FALSE;
          while (*rest == ' ')
            rest++;
          /* nothing left: the name is in the next element */
          return *rest == '\0' || g_unichar_isupper (g_utf8_get_char_validated (rest, -1));
        }
    }
  return FALSE;
}

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

/**
 * arx_import_is_date_line:
 *
 * Whether @text is only a date (with weekday, time, "Updated:" and the like), as in the date
 * line under a headline. A line that also names someone ("— Jane Doe (@jd) March 11, 2025") is
 * not. Returns: (nullable) (transfer full) via @date: the date as YYYY-MM-DD.
 */
gboolean
arx_import_is_date_line (const char *text,
                         char      **date)
{
  static const char *const date_words[] = {
    "updated", "published", "posted", "last", "on", "at", "am", "pm", "um", "uhr", "gmt", "utc", "cet",
    "cest", "est", "edt", "pst", "pdt", "bst", "date", "dated", "datum", "stand", "veröffentlicht",
    "aktualisiert", "le", "el", "de", "mis", "à", "jour", "publié", "actualizado", "publicado", "th",
    "st", "nd", "rd", "mon", "tue", "wed", "thu", "fri", "sat", "sun", "monday", "tuesday",
    "wednesday", "thursday", "friday", "saturday", "sunday", "montag", "dienstag", "mittwoch",
    "donnerstag", "freitag", "samstag", "sonntag", "lundi", "mardi", "mercredi", "jeudi", "vendredi",
    "samedi", "dimanche", "lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo",
    "segunda", "terça", "quarta", "quinta", "sexta", "feira", "às", "a", "las", "h", "del", NULL
  };
  g_autofree char *found = NULL;
  g_autofree char *lower = NULL;
  g_auto(GStrv) words = NULL;
  guint others = 0;

  if (strlen (text) > 80)
    return FALSE;
  found = arx_import_date_normalize (text);
  if (found == NULL)
    return FALSE;
  lower = g_utf8_strdown (text, -1);
  words = g_regex_split_simple ("[^[:alpha:]]+", lower, 0, 0);
  for (guint i = 0; words[i]; i++)
    {
      gboolean known = words[i][0] == '\0' || month_from_name (words[i]) != 0;

      for (guint j = 0; !known && date_words[j]; j++)
        known = g_str_equal (words[i], date_words[j]);
      if (!known)
        others++;
    }
  if (others > 0)
    return FALSE;
  if (date != NULL)
    *date = g_steal_pointer (&found);
  return TRUE;
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
