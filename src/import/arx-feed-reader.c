/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "arx-import"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "arx-import-private.h"

/* RSS 2.0 (and RSS 1.0/RDF) and Atom: one article per item/entry. Item bodies are usually
 * HTML, escaped or in CDATA, so their text is parsed a second time as an HTML fragment. */

static void
append_html (ArxArticle *article,
             xmlNode    *node)
{
  g_autofree char *html = arx_xml_raw_text (node);

  arx_html_fragment_append (article, html, strlen (html));
}

static xmlNode *
child_ns (xmlNode    *parent,
          const char *local,
          const char *ns_fragment)
{
  for (xmlNode *c = parent->children; c; c = c->next)
    if (arx_xml_is (c, local) && (ns_fragment == NULL
                                  || (c->ns && c->ns->href && strstr ((const char *)c->ns->href, ns_fragment))))
      return c;
  return NULL;
}

static ArxArticle *
read_rss_item (xmlNode *item)
{
  ArxArticle *article = arx_article_new ();
  g_autofree char *title = arx_xml_child_text (item, "title");
  g_autofree char *author = NULL;
  g_autofree char *date_text = arx_xml_child_text (item, "pubDate");
  g_autofree char *date = NULL;
  g_autofree char *link = arx_xml_child_text (item, "link");
  xmlNode *body = child_ns (item, "encoded", "content");

  if (title != NULL && strchr (title, '<') != NULL)
    {
      /* some feeds put markup in titles; strip it */
      g_autoptr(ArxArticle) tmp = arx_article_new ();
      arx_html_fragment_append (tmp, title, strlen (title));
      g_free (title);
      title = g_strdup (arx_article_get_text (tmp));
    }
  author = arx_xml_child_text (item, "creator");
  if (author == NULL)
    author = arx_xml_child_text (item, "author");
  if (date_text == NULL)
    date_text = arx_xml_child_text (item, "date");
  date = arx_import_date_normalize (date_text);

  arx_article_set_title (article, title);
  if (author != NULL && strchr (author, '@') != NULL)
    {
      /* RSS <author> is "jane@example.org (Jane Doe)": the name, never the address */
      const char *open = strchr (author, '(');
      const char *close = open ? strchr (open, ')') : NULL;
      char *name = close ? g_strndup (open + 1, close - open - 1) : NULL;

      g_free (author);
      author = name;
    }
  if (author != NULL)
    {
      g_autofree char *clean = arx_import_clean_byline (author);
      arx_article_set_byline (article, clean);
    }
  arx_article_set_published (article, date);
  if (link != NULL)
    arx_article_set_source_uri (article, link);
  if (body != NULL)
    {
      g_autofree char *raw = arx_xml_raw_text (body);

      if (g_strstrip (raw)[0] == '\0')
        body = NULL;
    }
  if (body == NULL)
    body = arx_xml_child (item, "description");
  if (body != NULL)
    append_html (article, body);
  return article;
}

static void
append_atom_text (ArxArticle *article,
                  xmlNode    *node)
{
  g_autofree char *type = arx_xml_prop (node, "type");

  if (type == NULL || g_str_equal (type, "text"))
    {
      g_autofree char *raw = arx_xml_raw_text (node);

      arx_import_add_text (article, raw, FALSE);
    }
  else if (g_str_equal (type, "xhtml"))
    {
      xmlNode *div = arx_xml_child (node, "div");

      arx_html_append_blocks (div ? div : node->children, article, NULL);
    }
  else if (g_str_equal (type, "html") || strstr (type, "html") != NULL)
    append_html (article, node);
}

static char *
atom_title (xmlNode *entry)
{
  xmlNode *t = arx_xml_child (entry, "title");
  g_autofree char *type = arx_xml_prop (t, "type");

  if (t == NULL)
    return NULL;
  if (type != NULL && g_str_equal (type, "html"))
    {
      g_autoptr(ArxArticle) tmp = arx_article_new ();
      append_html (tmp, t);
      return g_strdup (arx_article_get_text (tmp));
    }
  return arx_xml_text (t);
}

static ArxArticle *
read_atom_entry (xmlNode *entry)
{
  ArxArticle *article = arx_article_new ();
  g_autofree char *title = atom_title (entry);
  g_autofree char *date_text = arx_xml_child_text (entry, "published");
  g_autofree char *date = NULL;
  g_autoptr(GString) authors = g_string_new (NULL);
  xmlNode *body = arx_xml_child (entry, "content");

  if (date_text == NULL)
    date_text = arx_xml_child_text (entry, "updated");
  date = arx_import_date_normalize (date_text);
  for (xmlNode *c = entry->children; c; c = c->next)
    if (arx_xml_is (c, "author"))
      {
        g_autofree char *name = arx_xml_child_text (c, "name");

        if (name == NULL)
          continue;
        if (authors->len > 0)
          g_string_append (authors, ", ");
        g_string_append (authors, name);
      }
    else if (arx_xml_is (c, "link"))
      {
        g_autofree char *rel = arx_xml_prop (c, "rel");
        g_autofree char *href = arx_xml_prop (c, "href");

        if ((rel == NULL || g_str_equal (rel, "alternate")) && href != NULL)
          arx_article_set_source_uri (article, href);
      }
  arx_article_set_title (article, title);
  arx_article_set_byline (article, authors->len ? authors->str : NULL);
  arx_article_set_published (article, date);
  /* out-of-line content (src=) is not fetched: fall back to the summary */
  if (body == NULL || xmlHasProp (body, (const xmlChar *)"src"))
    body = arx_xml_child (entry, "summary");
  if (body != NULL)
    append_atom_text (article, body);
  return article;
}

static void
collect (xmlNode   *node,
         const char *name,
         GPtrArray *out)
{
  for (xmlNode *c = node ? node->children : NULL; c; c = c->next)
    if (arx_xml_is (c, name))
      g_ptr_array_add (out, c);
}

GPtrArray *
arx_feed_reader_read (xmlDoc                 *doc,
                      const ArxImportContext *ctx,
                      GError                **error)
{
  xmlNode *root = xmlDocGetRootElement (doc);
  gboolean atom = arx_xml_is (root, "feed");
  xmlNode *channel = atom ? root : arx_xml_child (root, "channel");
  g_autoptr(GPtrArray) items = g_ptr_array_new ();
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *site = channel ? (atom ? atom_title (channel) : arx_xml_child_text (channel, "title")) : NULL;
  g_autofree char *lang = channel ? arx_xml_child_text (channel, "language") : NULL;

  if (atom)
    collect (root, "entry", items);
  else
    {
      collect (channel, "item", items);
      collect (root, "item", items);  /* RSS 1.0 keeps items beside the channel */
    }
  /* a long archive feed is still useful: read the first items (feeds list the newest first) */
  if (items->len > ctx->limits->max_items)
    {
      g_message ("%s: the feed has %u items; reading the first %u", ctx->name, items->len, ctx->limits->max_items);
      g_ptr_array_set_size (items, ctx->limits->max_items);
    }
  if (lang == NULL)
    {
      xmlChar *l = xmlNodeGetLang (root);
      lang = l ? g_strdup ((char *)l) : NULL;
      xmlFree (l);
    }
  for (guint i = 0; i < items->len; i++)
    {
      xmlNode *item = g_ptr_array_index (items, i);
      g_autoptr(ArxArticle) article = atom ? read_atom_entry (item) : read_rss_item (item);

      if (arx_article_get_text_length (article) == 0)
        continue;
      if (arx_article_get_source_uri (article) == NULL)
        arx_article_set_source_uri (article, ctx->source_uri);
      arx_article_set_site (article, site);
      arx_import_set_language (article, lang);
      arx_article_set_format (article, atom ? "atom" : "rss");
      g_ptr_array_add (out, g_steal_pointer (&article));
    }
  if (out->len == 0)
    {
      g_set_error (error, ARX_ERROR, ARX_ERROR_NOT_AN_ARTICLE, _("%s: the feed has no items with text"), ctx->name);
      return NULL;
    }
  return g_steal_pointer (&out);
}
