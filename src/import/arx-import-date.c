/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "arx-import"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include "arx-import-private.h"

/* Calendar dates in metadata and visible date lines: parsed and normalised to ISO 8601. */

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
