/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "arx-import"

/* The main region of a page that is not one story: a service's own page (its sections one
 * after another), a list of stories (title and teaser of each), a shop's category (its items)
 * or a product (name, description, specifications). There the content is not one container
 * of paragraphs but most of the page between its header and its footer, links included. */

#include "config.h"

#include <string.h>

#include "arx-html-extract-private.h"

/* The element marked as the page's main content, if it holds a fair share of the text. */
static xmlNode *
find_main (xmlNode *node,
           guint    body_text)
{
  for (xmlNode *c = node; c; c = c->next)
    {
      xmlNode *found;

      if (c->type != XML_ELEMENT_NODE || c->_private == NULL)
        continue;
      if ((arx_xml_is (c, "main") || arx_html_attr_equals (c, "role", "main")) && INFO (c)->text * 3 >= body_text)
        return c;
      found = find_main (c->children, body_text);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The page between its header and its footer: <main>, or the whole body. */
xmlNode *
arx_html_find_region (xmlNode *body)
{
  xmlNode *region = find_main (body->children, INFO (body)->text);

  return region != NULL ? region : body;
}

/* The text of a heading inside or around the link, else the link's own text. */
static char *
link_title (xmlNode *a)
{
  for (xmlNode *p = a->parent; p != NULL && p->type == XML_ELEMENT_NODE; p = p->parent)
    if (arx_html_tag_flags (p) & TAG_HEADING)
      return arx_xml_text (a);
  for (xmlNode *c = a->children; c; c = c->next)
    if (c->type == XML_ELEMENT_NODE && (arx_html_tag_flags (c) & TAG_HEADING))
      return arx_xml_text (c);
  return arx_xml_text (a);
}

static gboolean
in_heading (xmlNode *a)
{
  for (xmlNode *p = a->parent; p != NULL && p->type == XML_ELEMENT_NODE; p = p->parent)
    if (arx_html_tag_flags (p) & TAG_HEADING)
      return TRUE;
  for (xmlNode *c = a->children; c; c = c->next)
    if (c->type == XML_ELEMENT_NODE && (arx_html_tag_flags (c) & TAG_HEADING))
      return TRUE;
  return FALSE;
}

/* The items of a listing or hub: links whose text is a title (a heading's, or several words),
 * to other pages, once each, in page order. */
static void
collect_links (xmlNode     *node,
               ArxHtmlEmit *e,
               GHashTable  *seen)
{
  for (xmlNode *c = node; c; c = c->next)
    {
      g_autofree char *href = NULL;
      g_autofree char *text = NULL;
      g_autofree char *title = NULL;
      g_autofree char *uri = NULL;
      char *hash;

      if (c->type != XML_ELEMENT_NODE)
        continue;
      if (!arx_xml_is (c, "a"))
        {
          collect_links (c->children, e, seen);
          continue;
        }
      if (g_hash_table_size (seen) >= 500 || (href = arx_xml_prop (c, "href")) == NULL)
        continue;
      text = link_title (c);
      title = text != NULL ? arx_normalize_space (text, -1) : NULL;
      if (title == NULL || g_utf8_strlen (title, -1) < 12 || g_utf8_strlen (title, -1) > 300
          || (!in_heading (c) && arx_import_count_words (title) < 3))
        continue;
      uri = g_uri_resolve_relative (e->base_uri, g_strstrip (href), G_URI_FLAGS_NONE, NULL);
      if (uri == NULL || !(g_str_has_prefix (uri, "http://") || g_str_has_prefix (uri, "https://")))
        continue;
      if ((hash = strchr (uri, '#')) != NULL)
        *hash = '\0';
      if (g_strcmp0 (uri, e->base_uri) == 0 || g_hash_table_contains (seen, uri))
        continue;
      arx_article_add_link (e->article, uri, title);
      g_hash_table_add (seen, g_steal_pointer (&uri));
    }
}

void
arx_html_emit_region (xmlNode     *region,
                      xmlNode     *top,
                      ArxHtmlEmit *e,
                      ArxPageKind  kind)
{
  xmlNode *saved_next;

  if (arx_html_debug ())
    {
      char ci[512] = "";
      arx_html_class_and_id (region, ci, sizeof ci);
      g_printerr ("region <%s %s> text %u\n", region->name, ci, INFO (region)->text);
    }
  if (kind == ARX_PAGE_LISTING || kind == ARX_PAGE_COLLECTION)
    {
      g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

      collect_links (region->children, e, seen);
    }
  e->clean = FALSE;
  e->skip_h1 = TRUE;
  saved_next = region->next;
  region->next = NULL;
  arx_html_emit (region, e);
  arx_html_emit_flush (e);
  region->next = saved_next;
}
