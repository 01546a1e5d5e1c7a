/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "arx-import"

/* HTML metadata: title, byline, date, site and language from JSON-LD, <meta>, classes and the
 * visible header, gathered in one pass before extraction removes the page furniture. */

#include "config.h"

#include <stdio.h>
#include <string.h>
#include <json-glib/json-glib.h>

#include "arx-import-private.h"
#include "arx-html-extract-private.h"

typedef struct
{
  guint pos;
  char *date;
} NearDate;

struct _ArxHtmlMeta
{
  char *title, *og_title, *ld_title;
  char *author, *ld_author, *meta_author, *ld_org_author;
  char *date, *ld_date, *meta_date;
  char *site, *publisher, *language, *ld_body, *class_date, *text_author, *near_date;
  guint text_pos;             /* non-blank text nodes seen so far */
  guint h1_pos[8];            /* text position of each h1 in h1s */
  GArray *short_dates;        /* NearDate: short date-only texts and where they stand */
  GPtrArray *h1s;
  char *chosen_title;
};

typedef ArxHtmlMeta HtmlMeta;

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
  g_free (m->near_date);
  g_ptr_array_unref (m->h1s);
  for (guint i = 0; i < m->short_dates->len; i++)
    g_free (g_array_index (m->short_dates, NearDate, i).date);
  g_array_unref (m->short_dates);
  g_free (m);
}

static void
set_once (char      **field,
          const char *value)
{
  if (*field == NULL && value != NULL && *value != '\0')
    *field = arx_normalize_space (value, -1);
}

/* A string member, or NULL when missing or of another type (no critical warnings). */
static const char *
ld_string (JsonObject *obj,
           const char *name)
{
  JsonNode *n = json_object_get_member (obj, name);

  if (n == NULL || !JSON_NODE_HOLDS_VALUE (n) || json_node_get_value_type (n) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (n);
}

static gboolean
ld_type_is_article (JsonObject *obj)
{
  static const char *types[] = { "Article", "NewsArticle", "BlogPosting", "ReportageNewsArticle",
                                 "AnalysisNewsArticle", "OpinionNewsArticle", "ReviewNewsArticle",
                                 "BackgroundNewsArticle", "LiveBlogPosting", "ScholarlyArticle",
                                 "TechArticle", "Report", "SocialMediaPosting", "WebPage" };
  JsonNode *t = json_object_get_member (obj, "@type");
  g_autoptr(GList) values = NULL;

  if (t == NULL)
    return FALSE;
  if (JSON_NODE_HOLDS_ARRAY (t))
    values = json_array_get_elements (json_node_get_array (t));
  else
    values = g_list_prepend (values, t);
  for (GList *l = values; l; l = l->next)
    {
      const char *s = JSON_NODE_HOLDS_VALUE (l->data) ? json_node_get_string (l->data) : NULL;

      for (guint i = 0; s != NULL && i < G_N_ELEMENTS (types); i++)
        if (g_strcmp0 (s, types[i]) == 0)
          return TRUE;
    }
  return FALSE;
}

/* The names of the people in an author value; organisations (the publisher or an agency)
 * only when @organisations is set. */
static char *
ld_names (JsonNode *node,
          gboolean  organisations)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GList) items = NULL;

  if (node == NULL)
    return NULL;
  if (JSON_NODE_HOLDS_ARRAY (node))
    items = json_array_get_elements (json_node_get_array (node));
  else
    items = g_list_prepend (items, node);
  for (GList *l = items; l; l = l->next)
    {
      JsonNode *n = l->data;
      const char *name = NULL;

      if (JSON_NODE_HOLDS_VALUE (n) && json_node_get_value_type (n) == G_TYPE_STRING)
        name = json_node_get_string (n);
      else if (JSON_NODE_HOLDS_OBJECT (n))
        {
          /* an organisation as "author" is the publisher, not a byline */
          if ((g_strcmp0 (ld_string (json_node_get_object (n), "@type"), "Organization") == 0
               || g_strcmp0 (ld_string (json_node_get_object (n), "@type"), "NewsMediaOrganization") == 0)
              != organisations)
            continue;
          name = ld_string (json_node_get_object (n), "name");
        }
      if (name == NULL || *name == '\0' || g_str_has_prefix (name, "http"))
        continue;
      if (out->len > 0)
        g_string_append (out, ", ");
      g_string_append (out, name);
    }
  return out->len > 0 ? g_strdup (out->str) : NULL;
}

static void
ld_visit (JsonNode *node,
          HtmlMeta *m,
          guint     depth)
{
  if (node == NULL || depth > 6)
    return;
  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *a = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (a); i++)
        ld_visit (json_array_get_element (a, i), m, depth + 1);
      return;
    }
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return;
  {
    JsonObject *o = json_node_get_object (node);
    gboolean is_page = FALSE;

    if (json_object_has_member (o, "@graph"))
      ld_visit (json_object_get_member (o, "@graph"), m, depth + 1);
    if (!ld_type_is_article (o))
      return;
    {
      JsonNode *t = json_object_get_member (o, "@type");
      is_page = JSON_NODE_HOLDS_VALUE (t) && g_strcmp0 (json_node_get_string (t), "WebPage") == 0;
    }
    /* a WebPage only lends its date; its name is usually the <title> */
    if (!is_page)
      {
        const char *headline = ld_string (o, "headline");
        g_autofree char *author = ld_names (json_object_get_member (o, "author"), FALSE);
        g_autofree char *agency = ld_names (json_object_get_member (o, "author"), TRUE);
        const char *body = ld_string (o, "articleBody");
        JsonNode *pub = json_object_get_member (o, "publisher");

        if (headline == NULL)
          headline = ld_string (o, "name");
        if (headline != NULL && m->ld_title == NULL)
          m->ld_title = arx_import_decode_entities (headline);
        if (author != NULL && m->ld_author == NULL)
          {
            g_autofree char *decoded = arx_import_decode_entities (author);
            m->ld_author = arx_import_clean_byline (decoded);
          }
        if (agency != NULL && m->ld_org_author == NULL)
          {
            g_autofree char *decoded = arx_import_decode_entities (agency);
            m->ld_org_author = arx_import_clean_byline (decoded);
          }
        if (body != NULL && m->ld_body == NULL)
          m->ld_body = g_strdup (body);
        set_once (&m->language, ld_string (o, "inLanguage"));
        if (pub != NULL && JSON_NODE_HOLDS_OBJECT (pub))
          {
            set_once (&m->site, ld_string (json_node_get_object (pub), "name"));
            set_once (&m->publisher, ld_string (json_node_get_object (pub), "name"));
          }
      }
    if (json_object_has_member (o, "datePublished")
        && JSON_NODE_HOLDS_VALUE (json_object_get_member (o, "datePublished")))
      {
        g_autofree char *d = arx_import_date_normalize (ld_string (o, "datePublished"));
        set_once (&m->ld_date, d);
      }
  }
}

static void
read_json_ld (xmlNode  *script,
              HtmlMeta *m)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GString) text = g_string_new (NULL);

  int depth = 0, max_depth = 0;

  for (xmlNode *c = script->children; c; c = c->next)
    if (c->content != NULL)
      g_string_append (text, (const char *)c->content);
  /* metadata is shallow; do not hand absurdly nested JSON to a recursive parser */
  for (const char *p = text->str; *p; p++)
    {
      if (*p == '{' || *p == '[')
        max_depth = MAX (max_depth, ++depth);
      else if (*p == '}' || *p == ']')
        depth--;
    }
  if (max_depth > 64)
    return;
  if (json_parser_load_from_data (parser, text->str, text->len, NULL))
    ld_visit (json_parser_get_root (parser), m, 0);
}

static void
read_meta (xmlNode  *meta,
           HtmlMeta *m)
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
  if (g_str_equal (lower, "og:title") || g_str_equal (lower, "twitter:title"))
    set_once (&m->og_title, content);
  else if (g_str_equal (lower, "og:site_name") || g_str_equal (lower, "application-name"))
    set_once (&m->site, content);
  else if (g_str_equal (lower, "og:locale") || g_str_equal (lower, "content-language")
           || g_str_equal (lower, "language") || g_str_equal (lower, "dc.language"))
    set_once (&m->language, content);
  else if ((g_str_equal (lower, "author") || g_str_equal (lower, "article:author")
            || g_str_equal (lower, "byl") || g_str_equal (lower, "dc.creator")
            || g_str_equal (lower, "dcterms.creator") || g_str_equal (lower, "parsely-author")
            || g_str_equal (lower, "sailthru.author") || g_str_equal (lower, "twitter:creator"))
           && !g_str_has_prefix (content, "http") && content[0] != '@')
    {
      g_autofree char *clean = arx_import_clean_byline (content);
      set_once (&m->meta_author, clean);
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
      g_autofree char *d = arx_import_date_normalize (content);
      set_once (&m->meta_date, d);
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

/* One pass over the tree for metadata the extractor may later delete (head, header, bylines). */
static void
scan_meta (xmlNode  *node,
           HtmlMeta *m,
           gboolean  in_form)
{
  for (xmlNode *c = node; c; c = c->next)
    {
      char hints[256];

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
              if (d != NULL)
                {
                  NearDate nd = { m->text_pos, g_steal_pointer (&d) };
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
            read_json_ld (c, m);
          continue;
        }
      if (arx_xml_is (c, "style"))
        continue;
      if (arx_xml_is (c, "h1"))
        {
          if (m->h1s->len < G_N_ELEMENTS (m->h1_pos))
            {
              m->h1_pos[m->h1s->len] = m->text_pos;
              g_ptr_array_add (m->h1s, arx_xml_text (c));
            }
          /* (some pages put the date line or a <time> inside the h1) */
          scan_meta (c->children, m, in_form);
          continue;
        }
      if (arx_xml_is (c, "time") && m->date == NULL)
        {
          g_autofree char *dt = arx_xml_prop (c, "datetime");
          g_autofree char *d = arx_import_date_normalize (dt);
          set_once (&m->date, d);
        }
      hints_of (c, hints, sizeof hints);
      /* comment sections and comment forms have "author" fields of their own */
      if (strstr (hints, "comment") != NULL || arx_xml_is (c, "form") || arx_xml_is (c, "label"))
        in_form = TRUE;
      if (!in_form && hints[0] != '\0')
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
                  g_autofree char *clean = arx_import_clean_byline (t);
                  g_autofree char *left = clean != NULL ? arx_import_date_normalize (clean) : NULL;

                  if (left == NULL)
                    set_once (&m->author, clean);
                }
              if (date_hint && d != NULL)
                set_once (&m->class_date, d);
            }
        }
      /* a visible "By Jane Doe" / "Von Max Muster" line */
      if (!in_form && m->text_author == NULL && byline_element (c))
        {
          xmlNode *first = c->children;

          while (first && first->type == XML_TEXT_NODE && arx_html_is_blank ((const char *)first->content))
            first = first->next;
          if (first && first->type == XML_TEXT_NODE && arx_import_looks_like_byline ((const char *)first->content))
            {
              g_autofree char *t = arx_xml_text (c);
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
      scan_meta (c->children, m, in_form);
    }
}

static char *
choose_title (HtmlMeta *m)
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

      if (len < 8 || (m->site != NULL && g_ascii_strcasecmp (h1, m->site) == 0))
        continue;
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
        if (metas[j] != NULL && strstr (metas[j], h1) != NULL && len * 2 >= strlen (best))
          return g_strdup (h1);
      /* a reworded headline (the metadata title is often written for search engines) */
      if (len >= 20 && arx_import_shared_words (h1, best) >= 0.4)
        return g_strdup (h1);
    }
  if (best == NULL && m->h1s->len > 0)
    return g_strdup (g_ptr_array_index (m->h1s, 0));
  return g_steal_pointer (&best);
}

/* Whether @author is the publication itself (many sites put their name in the author
 * metadata): same as the site name, or the title's " | Site" part. */
static gboolean
author_is_site (const char *author,
                HtmlMeta   *m)
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

static const char *
choose_author (HtmlMeta *m)
{
  /* JSON-LD persons, then a visible "By …" line (author meta tags often hold a handle or the
   * site), class-marked bylines, and an agency named as the JSON-LD author last */
  const char *candidates[] = { m->ld_author, m->text_author, m->meta_author, m->author, m->ld_org_author };
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
static const char *
choose_date (HtmlMeta *m)
{
  const char *structured = m->ld_date ? m->ld_date : m->meta_date;

  if (m->near_date != NULL && structured != NULL)
    {
      g_autoptr(GDate) near = parse_day (m->near_date);
      g_autoptr(GDate) meta = parse_day (structured);

      if (near != NULL && meta != NULL && g_date_days_between (near, meta) > 365)
        return structured;
    }
  if (m->near_date != NULL)
    return m->near_date;
  return structured ? structured : m->date ? m->date : m->class_date;
}

void
arx_html_meta_apply (ArxHtmlMeta *m,
                     ArxArticle  *article,
                     xmlDoc      *doc)
{
  const char *title = m->chosen_title;
  xmlNode *root = xmlDocGetRootElement (doc);
  g_autofree char *lang = arx_xml_prop (root, "lang");
  const char *author = choose_author (m);
  const char *date = choose_date (m);

  if (arx_html_debug ())
    {
      g_printerr ("title: ld=%s og=%s title=%s site=%s", m->ld_title, m->og_title, m->title, m->site);
      for (guint i = 0; i < m->h1s->len; i++)
        g_printerr (" h1=%s", (char *)g_ptr_array_index (m->h1s, i));
      g_printerr ("\n");
    }
  if (arx_html_debug ())
    g_printerr ("meta: author ld=%s meta=%s class=%s text=%s site=%s; date ld=%s meta=%s time=%s class=%s near=%s\n",
                m->ld_author, m->meta_author, m->author, m->text_author, m->site,
                m->ld_date, m->meta_date, m->date, m->class_date, m->near_date);
  arx_article_set_title (article, title);
  arx_article_set_byline (article, author);
  arx_article_set_published (article, date);
  arx_article_set_site (article, m->site);
  /* <html lang>, else what the metadata says (og:locale "de_DE", content-language, JSON-LD) */
  arx_import_set_language (article, lang != NULL && *lang != '\0' ? lang : m->language);
}

/* The date line next to the headline: the nearest short date text within a few lines after
 * the h1 that gave the title (or before it: many sites print the date above the headline). */
static char *
near_date (HtmlMeta *m)
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
  for (guint i = 0; i < m->short_dates->len; i++)
    {
      NearDate *nd = &g_array_index (m->short_dates, NearDate, i);
      guint distance = nd->pos > h1 ? nd->pos - h1 : (h1 - nd->pos + 1) * 2;

      if (distance <= 30 && distance < best)
        {
          best = distance;
          date = nd->date;
        }
    }
  return g_strdup (date);
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
  m->short_dates = g_array_new (FALSE, FALSE, sizeof (NearDate));
  scan_meta (xmlDocGetRootElement (doc), m, FALSE);
  m->chosen_title = choose_title (m);
  m->near_date = near_date (m);
  /* news URLs often carry the date (/2019/11/19/); a browser-saved page names its URL in a
   * "saved from url=(0042)https://…" comment */
  if (m->date == NULL && m->class_date == NULL && m->near_date == NULL)
    {
      g_autofree char *saved_from = arx_import_saved_from_url (data, len);
      const char *url = saved_from != NULL ? saved_from : source_uri;

      if (url != NULL && g_regex_match_simple ("/(19|20)\\d\\d[/-]\\d\\d?[/-]\\d\\d?(/|$|-|_)", url, 0, 0))
        m->date = arx_import_date_normalize (url);
    }
  return m;
}

const char *
arx_html_meta_title (ArxHtmlMeta *m)
{
  return m->chosen_title;
}

const char *
arx_html_meta_ld_body (ArxHtmlMeta *m)
{
  return m->ld_body;
}
