/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "arx-import"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "arx-import-private.h"

/* NewsML-G2: newsItem (or a newsMessage of them, or a bare contentSet). The body is NITF or
 * XHTML inside contentSet/inlineXML, or plain text in inlineData; headline, creator, dates and
 * language come from contentMeta / itemMeta, which beat what the body repeats. */

static char *
creator_names (xmlNode *content_meta)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (xmlNode *c = content_meta ? content_meta->children : NULL; c; c = c->next)
    if (arx_xml_is (c, "creator") || arx_xml_is (c, "contributor"))
      {
        g_autofree char *name = arx_xml_child_text (c, "name");
        g_autofree char *literal = arx_xml_prop (c, "literal");
        const char *n = name ? name : literal;

        if (arx_xml_is (c, "contributor") && out->len > 0)
          continue;
        if (n == NULL)
          continue;
        if (out->len > 0)
          g_string_append (out, ", ");
        g_string_append (out, n);
      }
  return out->len > 0 ? g_strdup (out->str) : NULL;
}

static ArxArticle *
article_from_content_set (xmlNode    *content_set,
                          const char *headline)
{
  for (xmlNode *c = content_set ? content_set->children : NULL; c; c = c->next)
    {
      g_autofree char *ctype = arx_xml_prop (c, "contenttype");

      if (arx_xml_is (c, "inlineXML"))
        {
          xmlNode *nitf = arx_xml_find (c, "nitf");
          xmlNode *html = nitf == NULL ? arx_xml_find (c, "body") : NULL;

          if (nitf != NULL)
            return arx_nitf_article_from_node (nitf);
          if (html != NULL || (ctype && strstr (ctype, "html")))
            {
              ArxArticle *article = arx_article_new ();
              xmlNode *title = arx_xml_find (c, "title");
              g_autofree char *t = title ? arx_xml_text (title) : NULL;

              arx_article_set_title (article, t);
              if (headline == NULL)
                headline = t;
              for (xmlNode *k = html ? html->children : c->children; k; k = k->next)
                if (k->type == XML_ELEMENT_NODE && !arx_xml_is (k, "head"))
                  {
                    xmlNode *next = k->next;

                    k->next = NULL;
                    arx_html_append_blocks (k, article, headline);
                    k->next = next;
                  }
              return article;
            }
        }
      else if (arx_xml_is (c, "inlineData") && (ctype == NULL || g_str_has_prefix (ctype, "text/")))
        {
          g_autofree char *text = arx_xml_raw_text (c);
          ArxArticle *article = arx_article_new ();

          arx_import_add_text (article, text, FALSE);
          return article;
        }
    }
  return NULL;
}

static ArxArticle *
read_item (xmlNode *item)
{
  xmlNode *item_meta = arx_xml_child (item, "itemMeta");
  xmlNode *content_meta = arx_xml_child (item, "contentMeta");
  xmlNode *content_set = arx_xml_is (item, "contentSet") ? item : arx_xml_child (item, "contentSet");
  g_autofree char *headline = arx_xml_child_text (content_meta, "headline");
  ArxArticle *article = article_from_content_set (content_set, headline);
  g_autofree char *creator = creator_names (content_meta);
  g_autofree char *lang = NULL;
  g_autofree char *date = NULL;
  static const char *const date_fields[] = { "contentCreated", "firstCreated", "versionCreated", NULL };

  if (article == NULL)
    return NULL;
  if (headline != NULL)
    arx_article_set_title (article, headline);
  if (creator != NULL)
    arx_article_set_byline (article, creator);
  for (guint i = 0; date_fields[i] && date == NULL; i++)
    {
      g_autofree char *t = arx_xml_child_text (content_meta, date_fields[i]);

      if (t == NULL)
        t = arx_xml_child_text (item_meta, date_fields[i]);
      date = arx_import_date_normalize (t);
    }
  if (date != NULL && arx_article_get_published (article) == NULL)
    arx_article_set_published (article, date);
  lang = arx_xml_prop (arx_xml_child (content_meta, "language"), "tag");
  if (lang == NULL)
    {
      xmlChar *l = xmlNodeGetLang (item);
      lang = l ? g_strdup ((char *)l) : NULL;
      xmlFree (l);
    }
  if (arx_article_get_language (article) == NULL)
    arx_import_set_language (article, lang);
  return article;
}

static void
collect_items (xmlNode   *node,
               GPtrArray *items)
{
  for (xmlNode *c = node; c; c = c->next)
    {
      if (c->type != XML_ELEMENT_NODE)
        continue;
      if (arx_xml_is (c, "newsItem") || (arx_xml_is (c, "contentSet") && items->len == 0))
        g_ptr_array_add (items, c);
      else if (!arx_xml_is (c, "packageItem"))
        collect_items (c->children, items);
    }
}

GPtrArray *
arx_newsml_reader_read (xmlDoc                 *doc,
                        const ArxImportContext *ctx,
                        GError                **error)
{
  xmlNode *root = xmlDocGetRootElement (doc);
  g_autoptr(GPtrArray) items = g_ptr_array_new ();
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func (g_object_unref);

  if (arx_xml_is (root, "newsItem") || arx_xml_is (root, "contentSet"))
    g_ptr_array_add (items, root);
  else
    collect_items (root->children, items);
  if (items->len > ctx->limits->max_items)
    {
      g_message ("%s: %u news items; reading the first %u", ctx->name, items->len, ctx->limits->max_items);
      g_ptr_array_set_size (items, ctx->limits->max_items);
    }
  for (guint i = 0; i < items->len; i++)
    {
      g_autoptr(ArxArticle) article = read_item (g_ptr_array_index (items, i));

      if (article == NULL || arx_article_get_text_length (article) == 0)
        continue;
      arx_article_set_source_uri (article, ctx->source_uri);
      arx_article_set_format (article, "newsml");
      g_ptr_array_add (out, g_steal_pointer (&article));
    }
  if (out->len == 0)
    {
      g_set_error (error, ARX_ERROR, ARX_ERROR_NOT_AN_ARTICLE,
                   arx_xml_is (root, "packageItem")
                     ? _("%s: a NewsML-G2 package only refers to other items; it holds no article text")
                     : _("%s: the NewsML-G2 document holds no article text"), ctx->name);
      return NULL;
    }
  return g_steal_pointer (&out);
}
