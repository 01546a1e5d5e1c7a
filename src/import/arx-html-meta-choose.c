/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "arx-import"

/* Choosing among the metadata candidates of a page: title, author and date. */

#include "config.h"

#include <stdio.h>
#include <string.h>

#include "arx-import-private.h"
#include "arx-html-meta-private.h"

/* Whether @phrase stands in @text as whole words, whatever their case. */
static gboolean
contains_words (const char *text,
                const char *phrase)
{
  g_autofree char *t = g_utf8_casefold (text, -1);
  g_autofree char *p = g_utf8_casefold (phrase, -1);
  const char *at = strstr (t, p);
  gsize n = strlen (p);

  for (; at != NULL; at = strstr (at + 1, p))
    if ((at == t || !g_ascii_isalnum (at[-1])) && !g_ascii_isalnum (at[n]))
      return TRUE;
  return FALSE;
}

/* Whether @text has letters and none of them is lower-case ("BEST DRIP COFFEE MAKERS"). */
static gboolean
all_capitals (const char *text)
{
  gboolean letters = FALSE;

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_islower (c))
        return FALSE;
      letters = letters || g_unichar_isupper (c);
    }
  return letters;
}

char *
_arx_html_choose_title (ArxHtmlMeta *m)
{
  const char *metas[] = { m->ld_title, m->og_title, m->title };
  g_autofree char *best = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (metas) && best == NULL; i++)
    if (metas[i] != NULL)
      best = arx_import_clean_title (metas[i], m->site);
  /* old WordPress themes: "Site » Blog Archiv » Headline" */
  if (best != NULL && m->title != NULL && metas[0] == NULL && metas[1] == NULL)
    {
      const char *archive = strstr (m->title, " » Blog Archiv");

      if (archive != NULL && strstr (archive + 3, " » ") != NULL)
        {
          g_free (best);
          best = arx_normalize_space (strstr (archive + 3, " » ") + strlen (" » "), -1);
        }
    }
  /* A JSON-LD headline rarely carries the site name: keep its " – Until Now" tail unless
   * what was cut is the site. */
  if (best != NULL && m->ld_title != NULL && metas[0] == m->ld_title)
    {
      g_autofree char *whole = arx_normalize_space (m->ld_title, -1);
      gsize blen = strlen (best);

      if (strlen (whole) > blen && strncmp (whole, best, blen) == 0
          && (m->site == NULL || !arx_import_same_name (whole + blen, m->site)))
        {
          g_free (best);
          best = g_steal_pointer (&whole);
        }
    }
  /* The visible headline (an <h1> that the metadata title contains, e.g. without a kicker
   * or site name) is what readers call the title. */
  for (guint i = 0; i < m->h1s->len; i++)
    {
      const char *h1 = g_ptr_array_index (m->h1s, i);
      gsize len = strlen (h1);

      if (m->site != NULL && g_ascii_strcasecmp (h1, m->site) == 0)
        continue;
      /* a short h1 counts when the metadata title starts with it: "pacman - ArchWiki" */
      if (len < 8)
        {
          if (best != NULL && g_ascii_strncasecmp (best, h1, len) == 0 && (best[len] == '\0' || best[len] == ' '))
            return g_strdup (h1);
          continue;
        }
      /* an h1 that merely copies the page <title> (site suffix included) */
      if (g_strcmp0 (h1, m->title) == 0 || g_strcmp0 (h1, m->og_title) == 0)
        return arx_import_clean_title (h1, m->site);
      if (best == NULL)
        break;
      /* a kicker printed before the headline in the h1 ("Local News | …", "Tunesien …"), or a
       * date line run into it after the headline */
      {
        gsize blen = strlen (best);

        /* ('"Quote": Headline' is one headline) */
        if (len > blen + 1 && blen >= 20 && strcmp (h1 + len - blen, best) == 0 && h1[len - blen - 1] == ' '
            && !(h1[len - blen - 2] == ':' && (h1[0] == '"' || g_str_has_prefix (h1, "„")
                                               || g_str_has_prefix (h1, "“") || g_str_has_prefix (h1, "«")
                                               || g_str_has_prefix (h1, "»"))))
          return g_steal_pointer (&best);
        if (len > blen && blen >= 15 && strncmp (h1, best, blen) == 0 && h1[blen] == ' ')
          {
            g_autofree char *d = arx_import_date_normalize (h1 + blen);
            if (d != NULL)
              return g_steal_pointer (&best);
          }
      }
      /* "Headline - Site" where the site suffix was too long to strip safely */
      if (strncmp (best, h1, len) == 0 && best[len] == ' ' && strchr ("|-–—:·", best[len + 1]) != NULL)
        return g_strdup (h1);
      for (guint j = 0; j < G_N_ELEMENTS (metas); j++)
        if (metas[j] != NULL && contains_words (metas[j], h1) && len * 2 >= strlen (best))
          return g_strdup (h1);
      /* a reworded headline (the metadata title is often written for search engines), if the
       * two share words both ways (a short h1 inside a long title is a section's name) and the
       * h1 is not set in capitals (the metadata keeps the case to cite it by) */
      if (len >= 20 && arx_import_shared_words (h1, best) >= 0.4 && arx_import_shared_words (best, h1) >= 0.3
          && !all_capitals (h1))
        return g_strdup (h1);
    }
  if (best == NULL && m->h1s->len > 0)
    return g_strdup (g_ptr_array_index (m->h1s, 0));
  return g_steal_pointer (&best);
}

/* Whether @author is the publication itself (many sites put their name in the author
 * metadata): same as the site name, or the title's " | Site" part. */
static gboolean
author_is_site (const char  *author,
                ArxHtmlMeta *m)
{
  const char *sites[] = { m->site, m->publisher, m->title };
  g_autofree char *a = arx_import_squash (author);

  if (strlen (a) < 3)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (sites); i++)
    {
      g_autofree char *s = sites[i] != NULL ? arx_import_squash (sites[i]) : NULL;

      if (s == NULL || strlen (s) < 3)
        continue;
      if (i == 2)
        {
          /* the title holds the site name as its prefix or suffix */
          if (g_str_has_suffix (s, a) || g_str_has_prefix (s, a))
            return strlen (a) * 2 < strlen (s);
          continue;
        }
      if (strstr (s, a) != NULL || strstr (a, s) != NULL)
        return TRUE;
    }
  return FALSE;
}

const char *
_arx_html_choose_author (ArxHtmlMeta *m,
                         ArxPageKind  kind)
{
  /* JSON-LD persons, then a visible "By …" line (author meta tags often hold a handle or the
   * site), class-marked bylines, an agency named as the JSON-LD author, and last a name at
   * the end of a date line; a thread's author is the user who opened it */
  const char *candidates[] = { m->ld_author, kind == ARX_PAGE_FORUM ? m->poster : NULL, m->text_author,
                               m->meta_author, m->author, m->ld_org_author, m->dated_author };
  const char *first = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (candidates); i++)
    if (candidates[i] != NULL)
      {
        if (!author_is_site (candidates[i], m))
          return candidates[i];
        if (first == NULL)
          first = candidates[i];
      }
  /* the site as author is still better than nothing (press releases, agencies) */
  return first;
}

static GDate *
parse_day (const char *iso)
{
  int y, mo, d;

  if (iso == NULL || sscanf (iso, "%d-%d-%d", &y, &mo, &d) != 3 || !g_date_valid_dmy (d, mo, y))
    return NULL;
  return g_date_new_dmy (d, mo, y);
}

/* The date line next to the headline is what readers see as the article's date, and it
 * agrees with them more often than metadata does: JSON-LD and article:published_time are
 * often UTC (a day off the local date), the first version's date, or the date of an
 * update. But a date line years older than the metadata date is rather the date of an
 * event the page mentions. */
const char *
_arx_html_choose_date (ArxHtmlMeta *m,
                       ArxPageKind  kind)
{
  const char *structured = m->ld_date ? m->ld_date : m->meta_date;

  /* a thread's date is its first post's: the thread's metadata, else the first time stamp on
   * the page (the latest reply's date may stand above the posts) */
  if (kind == ARX_PAGE_FORUM && (structured != NULL || m->date != NULL))
    return structured != NULL ? structured : m->date;

  if (m->near_date != NULL && structured != NULL)
    {
      g_autoptr(GDate) near = parse_day (m->near_date);
      g_autoptr(GDate) meta = parse_day (structured);

      if (near != NULL && meta != NULL && g_date_days_between (near, meta) > 365)
        return structured;
      /* the visible line dates an update; the metadata has the first publication */
      if (m->near_updated && near != NULL && meta != NULL && g_date_compare (meta, near) < 0)
        return structured;
    }
  if (m->near_date != NULL)
    return m->near_date;
  if (structured != NULL || m->date != NULL || m->class_date != NULL)
    return structured ? structured : m->date ? m->date : m->class_date;
  /* nothing marks the date and no date line stands by the headline (or there is no h1):
   * the page's first short date text ("Datum: 18.10.2021", "Posted on May 3, 2020") is
   * the date readers see under the title of a page built without metadata */
  return m->short_dates->len > 0 ? g_array_index (m->short_dates, ArxNearDate, 0).date : NULL;
}


/* The date line next to the headline: the nearest short date text within a few lines after
 * the h1 that gave the title (or before it: many sites print the date above the headline). */
char *
_arx_html_near_date (ArxHtmlMeta *m)
{
  guint h1 = G_MAXUINT, best = G_MAXUINT;
  const char *date = NULL;

  for (guint i = 0; i < m->h1s->len && h1 == G_MAXUINT; i++)
    {
      const char *text = g_ptr_array_index (m->h1s, i);

      if (m->chosen_title != NULL && strstr (text, m->chosen_title) != NULL)
        h1 = m->h1_pos[i];
    }
  if (h1 == G_MAXUINT && m->h1s->len > 0)
    h1 = m->h1_pos[0];
  if (h1 == G_MAXUINT)
    return NULL;
  /* a "Published" line beats an "Updated" one nearer to the headline */
  for (guint pass = 0; pass < 2 && date == NULL; pass++)
    for (guint i = 0; i < m->short_dates->len; i++)
      {
        ArxNearDate *nd = &g_array_index (m->short_dates, ArxNearDate, i);
        guint distance = nd->pos > h1 ? nd->pos - h1 : (h1 - nd->pos + 1) * 2;

        if (distance <= 30 && distance < best && (pass == 1 || !nd->updated))
          {
            best = distance;
            date = nd->date;
            m->near_updated = nd->updated;
          }
      }
  return g_strdup (date);
}

/* A page that is not a story is named by its heading ("Hiking Boots", "Science"), which its
 * metadata title dresses up for search engines ("Hiking Boots: Shop Boots for Hiking &
 * Backpacking | REI Co-op"); a heading that shares no word with it is a slogan instead. */
void
_arx_html_retitle_page (ArxHtmlMeta *m)
{
  const char *h1 = NULL;

  for (guint i = 0; i < m->h1s->len && h1 == NULL; i++)
    {
      const char *text = g_ptr_array_index (m->h1s, i);

      if (*text != '\0' && (m->site == NULL || g_ascii_strcasecmp (text, m->site) != 0))
        h1 = text;
    }
  if (h1 == NULL || g_strcmp0 (h1, m->chosen_title) == 0 || g_utf8_strlen (h1, -1) > 150)
    return;
  if (m->chosen_title == NULL || arx_import_shared_words (h1, m->chosen_title) > 0
      || (m->title != NULL && arx_import_shared_words (h1, m->title) > 0))
    {
      g_free (m->chosen_title);
      m->chosen_title = g_strdup (h1);
    }
}
