/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "arx-import"

#include "config.h"

#include <string.h>

#include "arx-html-extract-private.h"

/* Paragraph output: blocks become paragraphs, <br><br> splits them, and lines that are
 * furniture wherever they stand (ad labels, share prompts, date lines) are left out. */


/* Headings that start the page's furniture after the story: nothing after them is article. */
static gboolean
is_end_heading (const char *text)
{
  static const char *const starts[] = {
    "related", "more from", "more on this", "more stories", "read next", "you may also like",
    "you might also like", "recommended", "most popular", "most read", "trending", "about the author",
    "comments", "leave a reply", "leave a comment", "über den autor", "über die autorin", "das könnte",
    "interessante artikel", "weitere artikel", "weitere beiträge", "mehr zum thema", "mehr aus",
    "meistgelesen", "ähnliche artikel", "verwandte artikel", "kommentare", "schreibe einen kommentar",
    "hinterlasse einen kommentar", "wie bewerten sie", "articles similaires", "à lire aussi",
    "sur le même sujet", "commentaires", "te puede interesar", "noticias relacionadas",
    "artículos relacionados", "comentarios", "leggi anche", "articoli correlati", "commenti", NULL
  };
  g_autofree char *lower = NULL;

  if (strlen (text) > 80)
    return FALSE;
  lower = g_utf8_strdown (text, -1);
  g_strchomp (lower);
  for (guint i = 0; starts[i]; i++)
    if (g_str_has_prefix (lower, starts[i]))
      {
        const char *rest = lower + strlen (starts[i]);
        const char *colon = strchr (rest, ':');

        /* "Related articles" ends the story; "Related post: <a link>" inside it does not */
        if (strlen (rest) <= 20 && (colon == NULL || colon[1] == '\0'))
          return TRUE;
      }
  return FALSE;
}

/* Short lines that are page furniture wherever they appear: ad labels, share prompts, and
 * date lines (the date is metadata). */
static gboolean
is_boilerplate_line (const char *p)
{
  static const char *const lines[] = {
    "advert", "advertisement", "advertisements", "anzeige", "werbung", "publicité", "publicidad", "pubblicità",
    "this slideshow requires javascript",
    "sponsored", "share", "share this", "share this article", "share this story", "tweet", "email",
    "print", "read more", "continue reading", "weiterlesen", "mehr lesen", "mehr zum thema",
    "click here", "related", "related articles", "related stories", "loading", "loading...",
    "loading…", "comments", "kommentare", "skip to content", "back to top", NULL
  };
  gsize len = strlen (p);
  g_autofree char *lower = NULL;

  if (len > 60)
    return FALSE;
  lower = g_utf8_strdown (p, len);
  g_strchomp (lower);
  while (len > 0 && strchr (":.", lower[strlen (lower) - 1]) != NULL && strlen (lower) > 1)
    lower[strlen (lower) - 1] = '\0';
  for (guint i = 0; lines[i]; i++)
    if (g_str_equal (lower, lines[i]))
      return TRUE;
  /* "October 12, 2017", "Updated: 12.10.2017, 10:15 Uhr" */
  return arx_import_is_date_line (p, NULL);
}

/* Text for machines shown by mistake: runs of identifiers, hashes or encoded data (tokens of
 * 25 or more ASCII letters and digits mixed, no URL) making up most of a paragraph. Scripts
 * written without spaces make long tokens too, but not of ASCII alone. */
static gboolean
is_machine_text (const char *p)
{
  gsize total = 0, machine = 0;

  for (const char *s = p; *s; )
    {
      const char *end = s;
      gboolean digit = FALSE, alpha = FALSE, other = FALSE;

      while (*end && *end != ' ')
        {
          digit |= g_ascii_isdigit (*end);
          alpha |= g_ascii_isalpha (*end);
          other |= *end == '/' || (guchar)*end >= 0x80;
          end++;
        }
      total += end - s;
      if (end - s >= 25 && digit && alpha && !other)
        machine += end - s;
      s = *end ? end + 1 : end;
    }
  return total >= 25 && machine * 10 >= total * 7;
}

void
arx_html_emit_flush (ArxHtmlEmit *e)
{
  g_autofree char *p = NULL;

  if (e->buf->len == 0)
    return;
  p = arx_normalize_space (e->buf->str, e->buf->len);
  g_string_truncate (e->buf, 0);
  if (*p == '\0')
    return;
  /* the headline repeated at the top of the body */
  if (e->title != NULL && e->emitted == 0 && g_str_equal (p, e->title))
    return;
  if ((e->clean || e->region) && is_boilerplate_line (p))
    return;
  if (is_machine_text (p))
    return;
  /* a "By Jane Doe" line at the top is metadata */
  if (e->clean && e->emitted < 3 && strlen (p) < 80 && arx_import_looks_like_byline (p))
    return;
  if (e->stopped)
    return;
  arx_article_add_paragraph (e->article, p, -1);
  e->emitted++;
}

gboolean
arx_html_is_blank (const char *s)
{
  for (; s && *s; s++)
    if (!g_ascii_isspace (*s))
      return FALSE;
  return TRUE;
}

void
arx_html_emit (xmlNode *node,
      ArxHtmlEmit    *e)
{
  for (xmlNode *c = node; c; c = c->next)
    {
      gboolean block;

      if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE)
        {
          if (c->content)
            g_string_append (e->buf, (const char *)c->content);
          continue;
        }
      if (c->type != XML_ELEMENT_NODE)
        continue;
      if (arx_xml_is (c, "br"))
        {
          xmlNode *n = c->next;

          /* <br><br> (with only white space between) separates paragraphs */
          while (n && n->type == XML_TEXT_NODE && arx_html_is_blank ((const char *)n->content))
            n = n->next;
          if (n && arx_xml_is (n, "br"))
            arx_html_emit_flush (e);
          else
            g_string_append_c (e->buf, ' ');
          continue;
        }
      if ((arx_html_tag_flags (c) & TAG_DROP))
        continue;
      /* the headline is the title, not text */
      if (arx_xml_is (c, "h1") && (e->clean || e->region))
        continue;
      if (e->clean && arx_html_skip_box (c))
        continue;
      if (e->clean && (arx_html_tag_flags (c) & TAG_HEADING))
        {
          g_autofree char *text = arx_xml_text (c);
          xmlNode *next = c->next;

          while (next != NULL && (next->type != XML_ELEMENT_NODE || (arx_html_tag_flags (next) & TAG_DROP))
                 && !(next->type == XML_TEXT_NODE && !arx_html_is_blank ((const char *)next->content)))
            next = next->next;
          if (e->emitted >= 2 && is_end_heading (text))
            {
              if (arx_html_debug ())
                g_printerr ("END HEADING: %s\n", text);
              arx_html_emit_flush (e);
              e->stopped = TRUE;
              continue;
            }
          /* a heading whose section was removed (a links box, a share bar) */
          if (next == NULL || (next->type == XML_ELEMENT_NODE && arx_html_skip_box (next)))
            continue;
        }
      block = (arx_html_tag_flags (c) & TAG_BLOCK);
      if (block)
        arx_html_emit_flush (e);
      arx_html_emit (c->children, e);
      if (block)
        arx_html_emit_flush (e);
      else if (arx_xml_is (c, "td") || arx_xml_is (c, "th"))
        g_string_append_c (e->buf, ' ');
    }
}

/* Every block of @node as a paragraph, no boilerplate removal (for clean sources); a first
 * block that repeats @title (nullable) is left out. */
void
arx_html_append_blocks (xmlNode    *node,
                        ArxArticle *article,
                        const char *title)
{
  g_autoptr(GString) buf = g_string_new (NULL);
  ArxHtmlEmit e = { article, buf, FALSE, title, 0 };

  arx_html_emit (node, &e);
  arx_html_emit_flush (&e);
}

