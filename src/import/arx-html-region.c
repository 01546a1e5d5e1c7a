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
  e->clean = FALSE;
  saved_next = region->next;
  region->next = NULL;
  arx_html_emit (region, e);
  arx_html_emit_flush (e);
  region->next = saved_next;
}
