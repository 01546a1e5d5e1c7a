/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "arx-import"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "arx-import-private.h"

/* NITF (News Industry Text Format), with or without the 2006 namespace. Tolerant: accepts
 * <headline> where the DTD says <hedline>, and reads dates from norm attributes. */

static void
append_body (xmlNode    *node,
             ArxArticle *article)
{
  static const char *const skip[] = { "media", "media-caption", "media-producer", "credit",
                                      "tagline", "note", "fn", "table", NULL };
  static const char *const leaf[] = { "p", "hl2", "li", "pre", "dt", "dd", NULL };

  for (xmlNode *c = node->children; c; c = c->next)
    {
      gboolean is_skip = FALSE, is_leaf = FALSE;

      if (c->type != XML_ELEMENT_NODE)
        continue;
      for (guint i = 0; skip[i]; i++)
        is_skip |= arx_xml_is (c, skip[i]);
      for (guint i = 0; leaf[i]; i++)
        is_leaf |= arx_xml_is (c, leaf[i]);
      if (is_skip)
        continue;
      if (is_leaf)
        {
          g_autofree char *text = arx_xml_text (c);
          arx_article_add_paragraph (article, text, -1);
        }
      else
        append_body (c, article);
    }
}

static char *
norm_date (xmlNode    *root,
           const char *element)
{
  xmlNode *n = arx_xml_find (root, element);
  g_autofree char *norm = arx_xml_prop (n, "norm");

  return arx_import_date_normalize (norm);
}

static char *
read_byline (xmlNode *body_head)
{
  xmlNode *byline = arx_xml_find (body_head, "byline");
  g_autoptr(GString) names = g_string_new (NULL);

  if (byline == NULL)
    return NULL;
  /* prefer the marked-up names; a title (byttl) is not part of the byline proper */
  for (xmlNode *c = byline->children; c; c = c->next)
    if (arx_xml_is (c, "person"))
      {
        g_autofree char *t = arx_xml_text (c);

        if (names->len > 0)
          g_string_append (names, ", ");
        g_string_append (names, t);
      }
  if (names->len > 0)
    return g_strdup (names->str);
  {
    g_autoptr(GString) text = g_string_new (NULL);

    for (xmlNode *c = byline->children; c; c = c->next)
      if (!arx_xml_is (c, "byttl"))
        {
          g_autofree char *t = arx_xml_text (c);
          g_string_append_printf (text, "%s ", t);
        }
    return arx_import_clean_byline (text->str);
  }
}

/* One article from a <nitf> element (also used for NITF inside NewsML-G2). */
ArxArticle *
arx_nitf_article_from_node (xmlNode *nitf)
{
  ArxArticle *article = arx_article_new ();
  xmlNode *head = arx_xml_child (nitf, "head");
  xmlNode *body = arx_xml_child (nitf, "body");
  xmlNode *body_head = arx_xml_child (body, "body.head");
  xmlNode *content = arx_xml_child (body, "body.content");
  xmlNode *hed = arx_xml_find (body_head, "hedline");
  g_autofree char *title = NULL;
  g_autofree char *byline = NULL;
  g_autofree char *date = NULL;
  g_autofree char *lang = arx_xml_prop (nitf, "lang");
  g_autofree char *site = NULL;

  if (hed == NULL)
    hed = arx_xml_find (body_head, "headline");
  if (hed != NULL)
    {
      xmlNode *hl1 = arx_xml_child (hed, "hl1");
      title = arx_xml_text (hl1 != NULL ? hl1 : hed);
    }
  if (title == NULL || *title == '\0')
    {
      g_free (title);
      title = arx_xml_child_text (head, "title");
    }
  byline = read_byline (body_head);
  date = norm_date (head, "date.issue");
  if (date == NULL)
    date = norm_date (head, "date.release");
  if (date == NULL)
    {
      g_autofree char *pub = arx_xml_prop (arx_xml_child (head, "pubdata"), "date.publication");
      date = arx_import_date_normalize (pub);
    }
  if (date == NULL)
    date = norm_date (body_head, "story.date");
  if (lang == NULL)
    {
      xmlChar *l = xmlNodeGetLang (nitf);
      lang = l ? g_strdup ((char *)l) : NULL;
      xmlFree (l);
    }

  arx_article_set_title (article, title);
  arx_article_set_byline (article, byline);
  arx_article_set_published (article, date);
  site = arx_xml_prop (arx_xml_child (head, "pubdata"), "name");
  arx_article_set_site (article, site);
  arx_import_set_language (article, lang);
  if (content != NULL)
    append_body (content, article);
  return article;
}

GPtrArray *
arx_nitf_reader_read (xmlDoc                 *doc,
                      const ArxImportContext *ctx,
                      GError                **error)
{
  g_autoptr(ArxArticle) article = arx_nitf_article_from_node (xmlDocGetRootElement (doc));

  if (arx_article_get_text_length (article) == 0)
    {
      g_set_error (error, ARX_ERROR, ARX_ERROR_NOT_AN_ARTICLE, _("%s: the NITF document has no body text"), ctx->name);
      return NULL;
    }
  return arx_import_single (g_steal_pointer (&article), ctx, "nitf");
}
