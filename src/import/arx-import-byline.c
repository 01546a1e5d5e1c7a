/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "arx-import"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include "arx-import-private.h"

/* Bylines: from "By Jane Doe, PhD | May 3, 2020" to the name(s) alone. */

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
