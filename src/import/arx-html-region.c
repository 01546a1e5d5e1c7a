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

/* Whether a short text node under @node states a price. */
static gboolean
holds_price (xmlNode *node)
{
  for (xmlNode *c = node; c; c = c->next)
    {
      if ((c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) && c->content != NULL
          && strlen ((const char *)c->content) < 48 && arx_html_is_price ((const char *)c->content))
        return TRUE;
      if (c->type == XML_ELEMENT_NODE && holds_price (c->children))
        return TRUE;
    }
  return FALSE;
}

/* Whether @text names something (a product: several words). */
static gboolean
is_name (const char *text)
{
  g_autofree char *name = text != NULL ? arx_normalize_space (text, -1) : NULL;

  return name != NULL && g_utf8_strlen (name, -1) >= 15 && arx_import_count_words (name) >= 2;
}

/* Whether @node holds a link (to another page) and a name: the link's text or label, or a
 * heading (cards often lay an empty link over the whole card). */
static void
find_link_and_name (xmlNode  *node,
                    gboolean *link,
                    gboolean *name)
{
  for (xmlNode *c = node; c && !(*link && *name); c = c->next)
    {
      if (c->type != XML_ELEMENT_NODE)
        continue;
      if (arx_xml_is (c, "a") && xmlHasProp (c, (const xmlChar *)"href"))
        {
          g_autofree char *text = arx_xml_text (c);
          g_autofree char *label = arx_xml_prop (c, "aria-label");

          *link = TRUE;
          *name = *name || is_name (text) || is_name (label);
        }
      else if (arx_html_tag_flags (c) & TAG_HEADING)
        {
          g_autofree char *text = arx_xml_text (c);

          *name = *name || is_name (text);
        }
      if (!(*link && *name))
        find_link_and_name (c->children, link, name);
    }
}

/* A card of another product: a short block with a named link and a price. */
static gboolean
is_product_card (xmlNode *node)
{
  gboolean link = FALSE, name = FALSE;

  if (node->type != XML_ELEMENT_NODE || node->_private == NULL || INFO (node)->text < 15
      || INFO (node)->text > 600 || !holds_price (node->children))
    return FALSE;
  find_link_and_name (node->children, &link, &name);
  return link && name;
}

/* On a product's page, rows of cards of other products (with a name, a link and a price
 * each: "Customers also viewed", "Similar items", "Frequently bought together") are the
 * shop's furniture. Collects each such row together with its heading into @rows, unless the
 * row holds the page's headline or nearly all of its text. */
static void
find_other_products (xmlNode    *node,
                     xmlNode    *region,
                     GHashTable *rows)
{
  for (xmlNode *c = node->children; c; c = c->next)
    {
      guint cards = 0, cards_text = 0;

      if (c->type != XML_ELEMENT_NODE || c->_private == NULL || INFO (c)->text < 45)
        continue;
      for (xmlNode *k = c->children; k; k = k->next)
        if (is_product_card (k))
          {
            cards++;
            cards_text += INFO (k)->text;
          }
      if (cards >= 3 && cards_text * 10 >= INFO (c)->text * 6)
        {
          xmlNode *row = c;

          /* take the row's heading and "See all" link with it */
          while (row->parent != region && row->parent->_private != NULL
                 && INFO (row->parent)->text <= INFO (c)->text + 120)
            row = row->parent;
          if (arx_xml_find (row, "h1") == NULL && INFO (region)->text > INFO (row)->text + 100)
            {
              g_hash_table_add (rows, row);
              continue;
            }
        }
      find_other_products (c, region, rows);
    }
}

static gboolean
has_ancestor_in (xmlNode    *node,
                 GHashTable *set)
{
  for (xmlNode *p = node->parent; p != NULL; p = p->parent)
    if (g_hash_table_contains (set, p))
      return TRUE;
  return FALSE;
}

static void
drop_other_products (xmlNode *region)
{
  g_autoptr(GHashTable) rows = g_hash_table_new (NULL, NULL);
  g_autoptr(GPtrArray) outer = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer row;

  find_other_products (region, region, rows);
  /* a row's climb to its heading may have taken in a row found before */
  g_hash_table_iter_init (&iter, rows);
  while (g_hash_table_iter_next (&iter, &row, NULL))
    if (!has_ancestor_in (row, rows))
      g_ptr_array_add (outer, row);
  for (guint i = 0; i < outer->len; i++)
    {
      xmlNode *n = g_ptr_array_index (outer, i);

      if (arx_html_debug ())
        g_printerr ("other products: <%s> text %u\n", n->name, INFO (n)->text);
      xmlUnlinkNode (n);
      xmlFreeNode (n);
    }
}

/* The heading a link stands in, or the one it holds, or NULL. */
static xmlNode *
link_heading (xmlNode *a)
{
  for (xmlNode *p = a->parent; p != NULL && p->type == XML_ELEMENT_NODE; p = p->parent)
    if (arx_html_tag_flags (p) & TAG_HEADING)
      return p;
  for (xmlNode *c = a->children; c; c = c->next)
    if (c->type == XML_ELEMENT_NODE && (arx_html_tag_flags (c) & TAG_HEADING))
      return c;
  return NULL;
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
      xmlNode *heading;
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
      heading = link_heading (c);
      /* a heading inside the link is its title (the link may also hold a teaser) */
      text = arx_xml_text (heading != NULL && heading->parent == c ? heading : c);
      title = text != NULL ? arx_normalize_space (text, -1) : NULL;
      if (title == NULL || g_utf8_strlen (title, -1) < 12 || g_utf8_strlen (title, -1) > 300
          || (heading == NULL && arx_import_count_words (title) < 3))
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
  if (kind == ARX_PAGE_PRODUCT)
    drop_other_products (region);
  e->clean = FALSE;
  e->region = TRUE;
  saved_next = region->next;
  region->next = NULL;
  arx_html_emit (region, e);
  arx_html_emit_flush (e);
  region->next = saved_next;
}
