/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "arx-import"

/* HTML metadata: title, byline, date, site and language from JSON-LD, <meta>, classes and the
 * visible header, gathered in one pass before extraction removes the page furniture. */

#include "config.h"

#include <stdio.h>
#include <string.h>

#include "arx-import-private.h"
#include "arx-html-meta-private.h"



void
arx_html_meta_free (ArxHtmlMeta *m)
{
  if (m == NULL)
    return;
  g_free (m->chosen_title);
  g_free (m->title); g_free (m->og_title); g_free (m->ld_title);
  g_free (m->author); g_free (m->ld_author); g_free (m->meta_author); g_free (m->ld_org_author);
  g_free (m->date); g_free (m->ld_date); g_free (m->meta_date);
  g_free (m->site); g_free (m->publisher); g_free (m->language); g_free (m->ld_body); g_free (m->class_date); g_free (m->text_author);
  g_free (m->dated_author);
  g_free (m->near_date);
  g_free (m->og_type); g_free (m->url); g_free (m->generator); g_free (m->poster);
  g_ptr_array_unref (m->h1s);
  for (guint i = 0; i < m->short_dates->len; i++)
    g_free (g_array_index (m->short_dates, ArxNearDate, i).date);
  g_array_unref (m->short_dates);
  g_free (m);
}

void
_arx_html_meta_set_once (char       **field,
                         const char  *value)
{
  if (*field == NULL && value != NULL && *value != '\0')
    *field = arx_normalize_space (value, -1);
}


static void
read_meta (xmlNode     *meta,
           ArxHtmlMeta *m)
{
  g_autofree char *key = arx_xml_prop (meta, "property");
  g_autofree char *content = arx_xml_prop (meta, "content");
  g_autofree char *lower = NULL;

  if (key == NULL)
    key = arx_xml_prop (meta, "name");
  if (key == NULL)
    key = arx_xml_prop (meta, "itemprop");
  if (key == NULL)
    key = arx_xml_prop (meta, "http-equiv");
  if (key == NULL || content == NULL)
    return;
  lower = g_ascii_strdown (key, -1);
  if (strchr (content, '&') != NULL)
    {
      /* double-escaped in the page */
      char *decoded = arx_import_decode_entities (content);
      g_free (content);
      content = decoded;
    }
  /* Yoast and others: twitter:label1 "Written by" / "Verfasst von", twitter:data1 the name */
  if (g_str_has_prefix (lower, "twitter:label") && lower[13] != '\0' && lower[14] == '\0')
    {
      static const char *const labels[] = { "written by", "verfasst von", "geschrieben von", "author", "autor",
                                            "écrit par", "escrito por", "scritto da", "geschreven door", NULL };
      g_autofree char *label = g_utf8_strdown (content, -1);

      for (guint i = 0; labels[i]; i++)
        if (g_str_has_prefix (label, labels[i]))
          m->twitter_author_slot = lower[13];
    }
  else if (g_str_has_prefix (lower, "twitter:data") && lower[12] != '\0' && lower[13] == '\0'
           && lower[12] == m->twitter_author_slot)
    {
      g_autofree char *clean = arx_import_clean_byline (content);
      _arx_html_meta_set_once (&m->meta_author, clean);
    }
  else if (g_str_equal (lower, "og:type"))
    _arx_html_meta_set_once (&m->og_type, content);
  else if (g_str_equal (lower, "og:url"))
    _arx_html_meta_set_once (&m->url, content);
  else if (g_str_equal (lower, "generator"))
    _arx_html_meta_set_once (&m->generator, content);
  else if (g_str_equal (lower, "og:title") || g_str_equal (lower, "twitter:title"))
    _arx_html_meta_set_once (&m->og_title, content);
  else if (g_str_equal (lower, "og:site_name") || g_str_equal (lower, "application-name"))
    _arx_html_meta_set_once (&m->site, content);
  else if (g_str_equal (lower, "og:locale") || g_str_equal (lower, "content-language")
           || g_str_equal (lower, "language") || g_str_equal (lower, "dc.language"))
    _arx_html_meta_set_once (&m->language, content);
  else if ((g_str_equal (lower, "author") || g_str_equal (lower, "article:author")
            || g_str_equal (lower, "byl") || g_str_equal (lower, "dc.creator")
            || g_str_equal (lower, "dcterms.creator") || g_str_equal (lower, "parsely-author")
            || g_str_equal (lower, "sailthru.author") || g_str_equal (lower, "twitter:creator"))
           && !g_str_has_prefix (content, "http") && content[0] != '@')
    {
      g_autofree char *clean = arx_import_clean_byline (content);
      _arx_html_meta_set_once (&m->meta_author, clean);
    }
  else if (g_str_equal (lower, "article:published_time") || g_str_equal (lower, "og:published_time")
           || g_str_equal (lower, "datepublished") || g_str_equal (lower, "date")
           || g_str_equal (lower, "pubdate") || g_str_equal (lower, "publishdate")
           || g_str_equal (lower, "publish-date") || g_str_equal (lower, "dc.date")
           || g_str_equal (lower, "dc.date.issued") || g_str_equal (lower, "dcterms.created")
           || g_str_equal (lower, "dcterms.date") || g_str_equal (lower, "sailthru.date")
           || g_str_equal (lower, "parsely-pub-date") || g_str_equal (lower, "article.published")
           || g_str_equal (lower, "published_time") || g_str_equal (lower, "date_published"))
    {
      g_autofree char *d = arx_import_timestamp_normalize (content);
      _arx_html_meta_set_once (&m->meta_date, d);
    }
}

/* "class id rel itemprop" of @node in lower case, into @buf. */
static void
hints_of (xmlNode *node,
          char    *buf,
          gsize    size)
{
  static const char *const names[] = { "class", "id", "rel", "itemprop" };
  gsize n = 0;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      xmlAttr *a = xmlHasProp (node, (const xmlChar *)names[i]);
      const char *v;

      if (a == NULL || a->type != XML_ATTRIBUTE_NODE || a->children == NULL || a->children->content == NULL)
        continue;
      v = (const char *)a->children->content;
      for (; *v && n + 2 < size; v++)
        buf[n++] = g_ascii_tolower (*v);
      if (n + 1 < size)
        buf[n++] = ' ';
    }
  buf[n] = '\0';
}

/* Elements that hold visible "By …" lines or "Autor" labels. */
static gboolean
byline_element (xmlNode *node)
{
  static const char *const names[] = { "p", "div", "span", "small", "em", "i", "b", "strong", "address", "li",
                                       "h2", "h3", "h4", "h5", "h6", "dt" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (arx_xml_is (node, names[i]))
      return TRUE;
  return FALSE;
}

/* Whether the date in text node @t is labelled as an update: "Updated: …" in the text, in
 * its element or in the label just before it ("<span>Aktualisiert</span> <time>…"). */
static gboolean
says_updated (xmlNode *t)
{
  static const char *const words[] = { "updated", "update:", "aktualisiert", "modified", "geändert", "mis à jour",
                                       "actualizado", "aggiornato", "bijgewerkt", "last reviewed", "reviewed on",
                                       NULL };
  xmlNode *around[] = { t, t->parent, t->parent != NULL ? t->parent->prev : NULL,
                        t->parent != NULL && t->parent->prev != NULL ? t->parent->prev->prev : NULL };

  /* marked in the markup: itemprop="dateModified", hAtom's class "updated" (WordPress marks
   * an unmodified post's one date "published updated": that one is the publication) */
  if (t->parent != NULL && t->parent->type == XML_ELEMENT_NODE)
    {
      g_autofree char *itemprop = arx_xml_prop (t->parent, "itemprop");
      g_autofree char *cls = arx_xml_prop (t->parent, "class");
      g_autofree char *lower = cls != NULL ? g_ascii_strdown (cls, -1) : NULL;

      if (itemprop != NULL && g_ascii_strcasecmp (itemprop, "dateModified") == 0)
        return TRUE;
      if (lower != NULL && (strstr (lower, "updated") != NULL || strstr (lower, "modified") != NULL)
          && strstr (lower, "publish") == NULL)
        return TRUE;
    }

  for (guint i = 0; i < G_N_ELEMENTS (around); i++)
    {
      g_autofree char *text = NULL;
      g_autofree char *lower = NULL;

      if (around[i] == NULL || (i > 0 && around[i]->type != XML_ELEMENT_NODE && around[i]->type != XML_TEXT_NODE))
        continue;
      text = around[i]->type == XML_TEXT_NODE ? g_strdup ((const char *)around[i]->content) : arx_xml_text (around[i]);
      if (text == NULL || strlen (text) > 120)
        continue;
      lower = g_utf8_strdown (text, -1);
      if (arx_html_contains_any (lower, words))
        return TRUE;
    }
  return FALSE;
}

/* A user name as forum software marks it: a "username" class, microdata author, a data-author
 * attribute (the first one on a thread's page is the opener's). */
static char *
poster_name (xmlNode *node)
{
  static const char *const classes[] = { "username", "user-name", "user_name", "post-author", "postauthor",
                                         "poster", "creator", "topic-author", "author-name", NULL };
  static const char *const attributes[] = { "data-author", "data-author-username", "data-username", NULL };
  g_autofree char *cls = arx_xml_prop (node, "class");
  g_autofree char *itemprop = arx_xml_prop (node, "itemprop");
  g_autofree char *text = NULL;
  gboolean marked = FALSE;

  for (guint i = 0; attributes[i]; i++)
    {
      g_autofree char *value = arx_xml_prop (node, attributes[i]);

      if (value != NULL && *value != '\0' && g_utf8_strlen (value, -1) <= 40)
        return g_steal_pointer (&value);
    }
  if (cls != NULL)
    {
      g_auto(GStrv) words = g_strsplit_set (cls, " \t\n", -1);

      for (guint i = 0; words[i] && !marked; i++)
        for (guint j = 0; classes[j] && !marked; j++)
          marked = g_ascii_strcasecmp (words[i], classes[j]) == 0;
    }
  if (itemprop != NULL && g_ascii_strcasecmp (itemprop, "author") == 0)
    {
      xmlNode *name = NULL;

      /* <div itemprop="author"><span itemprop="name">…</span></div> */
      for (xmlNode *c = node->children; c != NULL && name == NULL; c = c->next)
        if (c->type == XML_ELEMENT_NODE && arx_html_attr_equals (c, "itemprop", "name"))
          name = c;
      text = arx_xml_text (name != NULL ? name : node);
      marked = TRUE;
    }
  if (!marked)
    return NULL;
  if (text == NULL)
    text = arx_xml_text (node);
  if (text != NULL)
    {
      char *paren;

      g_strstrip (text);
      /* "raoul (raoul)": display name and handle */
      if ((paren = strstr (text, " (")) != NULL)
        *paren = '\0';
    }
  if (text == NULL || *text == '\0' || g_utf8_strlen (text, -1) > 40 || arx_import_count_words (text) > 4)
    return NULL;
  return g_steal_pointer (&text);
}

static void
collect_heading (xmlNode *node,
                 GString *out)
{
  for (xmlNode *c = node; c; c = c->next)
    {
      if (c->type == XML_TEXT_NODE && c->content != NULL)
        g_string_append (out, (const char *)c->content);
      else if (c->type == XML_ELEMENT_NODE && !(arx_html_tag_flags (c) & TAG_DROP)
               && !xmlHasProp (c, (const xmlChar *)"hidden") && !arx_html_attr_equals (c, "aria-hidden", "true"))
        {
          /* parts set one under the other ("<span>Headline</span><span>Subhead</span>") */
          gboolean apart = (arx_html_tag_flags (c) & TAG_BLOCK) || arx_xml_is (c, "span");

          if (apart)
            g_string_append_c (out, ' ');
          collect_heading (c->children, out);
          if (apart)
            g_string_append_c (out, ' ');
        }
    }
}

/* A heading's text as readers see it: without buttons ("Copy item path"), hidden labels and the
 * anchor link documentation generators append ("json — JSON encoder and decoder¶"). */
static char *
heading_text (xmlNode *h)
{
  g_autoptr(GString) raw = g_string_new (NULL);
  char *text;
  gsize n;

  collect_heading (h->children, raw);
  text = arx_normalize_space (raw->str, raw->len);
  n = strlen (text);
  while (n > 0 && (text[n - 1] == '#' || text[n - 1] == ' '))
    n--;
  if (n >= 2 && (guchar)text[n - 2] == 0xC2 && (guchar)text[n - 1] == 0xB6)   /* ¶ */
    n -= 2;
  while (n > 0 && text[n - 1] == ' ')
    n--;
  text[n] = '\0';
  return text;
}

/* The name that a date line ends with: "11.12.2019 - Jane Doe", "04.02.2022 | 13:10 Uhr |
 * Jane Doe", "Posted on May 3, 2020 by Jane Doe", "06.11.2023 13:30 von Jane". After "by" or
 * "von" one word will do; after a bare separator it takes two to four words in name case (a
 * single one, or capitals throughout, is more often a section, a label or a place). */
static char *
name_after_date (const char *text)
{
  static const char *const seps[] = { " by ", " By ", " von ", " Von ", " | ", " - ", " – ", " — ", " · ", " • " };
  g_autofree char *line = arx_normalize_space (text, -1);
  const char *cut = NULL;
  gboolean named = FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (seps); i++)
    {
      const char *at = g_strrstr (line, seps[i]);

      if (at != NULL && (cut == NULL || at > cut))
        {
          cut = at + strlen (seps[i]);
          named = i < 4;
        }
    }
  if (cut == NULL || strpbrk (cut, "0123456789@/") != NULL)
    return NULL;
  {
    g_autofree char *head = g_strndup (line, cut - line);
    g_autofree char *date = arx_import_date_normalize (head);
    g_auto(GStrv) words = g_strsplit (cut, " ", -1);
    guint n = g_strv_length (words);

    if (date == NULL || n > 4 || (!named && n < 2))
      return NULL;
    for (guint i = 0; i < n; i++)
      if (!g_unichar_isupper (g_utf8_get_char_validated (words[i], -1))
          || (!named && g_unichar_isupper (g_utf8_get_char_validated (g_utf8_next_char (words[i]), -1))))
        return NULL;
    /* "12.01.2022 | Kommunikation Lieferketten": long capitalised nouns, not a given name */
    if (!named && g_utf8_strlen (words[0], -1) > 11)
      return NULL;
  }
  return arx_import_clean_byline (cut);
}

/* One pass over the tree for metadata the extractor may later delete (head, header, bylines). */
static void
scan_meta (xmlNode     *node,
           ArxHtmlMeta *m,
           gboolean     in_form)
{
  for (xmlNode *c = node; c; c = c->next)
    {
      char hints[256];
      gboolean in_comments = in_form;

      /* short date-only texts ("Bonn, 11.10.2021", "04.02.2022 | 13:10 Uhr"): the one next
       * to the headline is the article's date line (chosen once the headline is known) */
      if (c->type == XML_TEXT_NODE && c->content != NULL && !arx_html_is_blank ((const char *)c->content))
        {
          const char *t = (const char *)c->content;
          const char *start = t;
          gsize len = strlen (t);

          m->text_pos++;
          while (g_ascii_isspace (*start))
            start++;
          if (m->short_dates->len < 64 && (len < 80 || g_ascii_isdigit (*start)))
            {
              g_autofree char *d = len < 80 ? arx_import_date_normalize (t) : NULL;

              if (d != NULL && arx_import_count_words (t) > 8)
                g_clear_pointer (&d, g_free);
              /* a dateline opening the first paragraph: "29.11.2022 – Mehrfach und …" */
              if (d == NULL && len >= 80)
                d = arx_import_leading_date (start);
              if (d != NULL && m->dated_author == NULL && len < 80)
                m->dated_author = name_after_date (t);
              if (d != NULL)
                {
                  ArxNearDate nd = { m->text_pos, g_steal_pointer (&d), says_updated (c) };
                  g_array_append_val (m->short_dates, nd);
                }
            }
        }
      if (c->type != XML_ELEMENT_NODE)
        continue;
      if (arx_xml_is (c, "meta"))
        {
          read_meta (c, m);
          continue;
        }
      if (arx_xml_is (c, "title"))
        {
          if (m->title == NULL)
            m->title = arx_xml_text (c);
          continue;
        }
      if (arx_xml_is (c, "script"))
        {
          g_autofree char *type = arx_xml_prop (c, "type");

          if (type != NULL && g_ascii_strcasecmp (type, "application/ld+json") == 0)
            _arx_html_ld_read (c, m);
          continue;
        }
      if (arx_xml_is (c, "style"))
        continue;
      if (arx_xml_is (c, "link"))
        {
          /* the page's own address, for the kind of page */
          if (m->url == NULL && arx_html_attr_equals (c, "rel", "canonical"))
            m->url = arx_xml_prop (c, "href");
          continue;
        }
      if (arx_xml_is (c, "h1"))
        {
          if (m->h1s->len < G_N_ELEMENTS (m->h1_pos))
            {
              m->h1_pos[m->h1s->len] = m->text_pos;
              g_ptr_array_add (m->h1s, heading_text (c));
            }
          /* (some pages put the date line or a <time> inside the h1) */
          scan_meta (c->children, m, in_form);
          continue;
        }
      if (arx_xml_is (c, "time") && m->date == NULL)
        {
          g_autofree char *dt = arx_xml_prop (c, "datetime");
          g_autofree char *d = arx_import_timestamp_normalize (dt);
          _arx_html_meta_set_once (&m->date, d);
        }
      hints_of (c, hints, sizeof hints);
      if (m->poster == NULL)
        m->poster = poster_name (c);
      /* comment sections and comment forms have "author" fields of their own */
      if (strstr (hints, "comment") != NULL || arx_xml_is (c, "form") || arx_xml_is (c, "label"))
        in_comments = TRUE;
      if (!in_comments && hints[0] != '\0')
        {
          gboolean author_hint = strstr (hints, "byline") || strstr (hints, "author") || strstr (hints, "autor")
                                 || strstr (hints, "verfasser") || strstr (hints, "writer");
          gboolean date_hint = strstr (hints, "date") || strstr (hints, "time") || strstr (hints, "publish")
                               || strstr (hints, "posted") || strstr (hints, "updated");

          if ((author_hint && m->author == NULL) || (date_hint && m->class_date == NULL))
            {
              g_autofree char *t = arx_xml_text (c);
              glong chars = t ? g_utf8_strlen (t, -1) : 0;
              g_autofree char *d = chars > 0 && chars < 80 ? arx_import_date_normalize (t) : NULL;

              if (author_hint && m->author == NULL && chars > 3 && chars < 120)
                {
                  /* "Von Jane Doe am 19. Oktober 2019": the cleaning cuts the date off */
                  g_autofree char *spaced = arx_xml_spaced_text (c);
                  g_autofree char *clean = arx_import_clean_byline (spaced);
                  g_autofree char *left = clean != NULL ? arx_import_date_normalize (clean) : NULL;

                  if (left == NULL)
                    _arx_html_meta_set_once (&m->author, clean);
                }
              if (date_hint && d != NULL)
                _arx_html_meta_set_once (&m->class_date, d);
            }
        }
      /* a visible "By Jane Doe" / "Von Max Muster" line */
      if (!in_comments && m->text_author == NULL && byline_element (c))
        {
          xmlNode *first = c->children;

          while (first && first->type == XML_TEXT_NODE && arx_html_is_blank ((const char *)first->content))
            first = first->next;
          if (first && first->type == XML_TEXT_NODE && arx_import_looks_like_byline ((const char *)first->content))
            {
              g_autofree char *t = arx_xml_spaced_text (c);
              g_autofree char *clean = t != NULL && g_utf8_strlen (t, -1) < 120 ? arx_import_clean_byline (t) : NULL;
              g_autofree char *d = clean != NULL ? arx_import_date_normalize (clean) : NULL;

              /* "<span>By</span> <span>Jane Doe</span>": the name is in the next element */
              if (clean == NULL && t != NULL && arx_import_count_words (t) <= 2)
                {
                  xmlNode *next = c->next;

                  while (next != NULL && next->type != XML_ELEMENT_NODE)
                    next = next->next;
                  if (next != NULL)
                    {
                      g_autofree char *nt = arx_xml_text (next);

                      if (nt != NULL && g_utf8_strlen (nt, -1) < 80)
                        clean = arx_import_clean_byline (nt);
                      d = clean != NULL ? arx_import_date_normalize (clean) : NULL;
                    }
                }
              if (d == NULL)
                m->text_author = g_steal_pointer (&clean);
            }
        }
      scan_meta (c->children, m, in_comments);
    }
}


/* What the page is changes what names it: a shop's category, a product, a listing or a page
 * of documentation goes by its heading; a service's heading is more often a slogan. */
void
arx_html_meta_set_kind (ArxHtmlMeta *m,
                        ArxPageKind  kind)
{
  if (kind == ARX_PAGE_COLLECTION || kind == ARX_PAGE_PRODUCT || kind == ARX_PAGE_LISTING
      || kind == ARX_PAGE_DOCUMENTATION)
    _arx_html_retitle_page (m);
}

void
arx_html_meta_apply (ArxHtmlMeta *m,
                     ArxArticle  *article,
                     xmlDoc      *doc,
                     ArxPageKind  kind)
{
  const char *title = m->chosen_title;
  xmlNode *root = xmlDocGetRootElement (doc);
  g_autofree char *lang = arx_xml_prop (root, "lang");
  const char *author = _arx_html_choose_author (m, kind);
  const char *date = _arx_html_choose_date (m, kind);

  if (arx_html_debug ())
    {
      g_printerr ("title: ld=%s og=%s title=%s site=%s", m->ld_title, m->og_title, m->title, m->site);
      for (guint i = 0; i < m->h1s->len; i++)
        g_printerr (" h1=%s", (char *)g_ptr_array_index (m->h1s, i));
      g_printerr ("\n");
    }
  if (arx_html_debug ())
    g_printerr ("meta: author ld=%s meta=%s class=%s text=%s poster=%s dated=%s site=%s; date ld=%s meta=%s time=%s class=%s near=%s\n",
                m->ld_author, m->meta_author, m->author, m->text_author, m->poster, m->dated_author, m->site,
                m->ld_date, m->meta_date, m->date, m->class_date, m->near_date);
  if (arx_html_debug ())
    g_printerr ("near-updated: %d\n", m->near_updated);
  arx_article_set_title (article, title);
  arx_article_set_byline (article, author);
  arx_article_set_published (article, date);
  arx_article_set_site (article, m->site);
  /* <html lang>, else what the metadata says (og:locale "de_DE", content-language, JSON-LD) */
  arx_import_set_language (article, lang != NULL && *lang != '\0' ? lang : m->language);
}


/**
 * arx_html_meta_scan:
 * @data: the page bytes (for a browser's "saved from url" comment)
 * @source_uri: (nullable): where the page came from
 *
 * Reads the metadata of @doc; call before extraction changes the tree.
 */
ArxHtmlMeta *
arx_html_meta_scan (xmlDoc     *doc,
                    const char *data,
                    gsize       len,
                    const char *source_uri)
{
  ArxHtmlMeta *m = g_new0 (ArxHtmlMeta, 1);

  m->h1s = g_ptr_array_new_with_free_func (g_free);
  m->short_dates = g_array_new (FALSE, FALSE, sizeof (ArxNearDate));
  scan_meta (xmlDocGetRootElement (doc), m, FALSE);
  m->chosen_title = _arx_html_choose_title (m);
  m->near_date = _arx_html_near_date (m);
  /* a browser-saved page names its URL in a "saved from url=(0042)https://…" comment */
  {
    g_autofree char *saved_from = arx_import_saved_from_url (data, len);
    const char *url = saved_from != NULL ? saved_from : source_uri;

    /* news URLs often carry the date (/2019/11/19/) */
    if (m->date == NULL && m->class_date == NULL && m->near_date == NULL && url != NULL
        && g_regex_match_simple ("/(19|20)\\d\\d[/-]\\d\\d?[/-]\\d\\d?(/|$|-|_)", url, 0, 0))
      m->date = arx_import_date_normalize (url);
    if (m->url == NULL && url != NULL && g_str_has_prefix (url, "http"))
      m->url = g_strdup (url);
  }
  return m;
}

const char *
arx_html_meta_title (ArxHtmlMeta *m)
{
  return m->chosen_title;
}

/* The page's own address (canonical link, og:url, a browser's "saved from" note, or where it
 * was fetched from), or NULL. */
const char *
arx_html_meta_url (ArxHtmlMeta *m)
{
  return m->url;
}

const char *
arx_html_meta_ld_body (ArxHtmlMeta *m)
{
  return m->ld_body;
}
