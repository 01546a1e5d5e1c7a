/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "arx-import"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "arx-import-private.h"

/* JATS (Journal Article Tag Suite): metadata from front/article-meta, text from body. Figures,
 * tables, boxed "related article" panels, references and footnotes are not running text. */

static void
append_body (xmlNode    *node,
             ArxArticle *article)
{
  static const char *const skip[] = { "fig", "fig-group", "table-wrap", "table-wrap-group",
                                      "boxed-text", "supplementary-material", "media", "graphic",
                                      "ref-list", "fn-group", "label", "caption", "disp-formula",
                                      "object-id", "xref", NULL };

  for (xmlNode *c = node->children; c; c = c->next)
    {
      gboolean is_skip = FALSE;

      if (c->type != XML_ELEMENT_NODE)
        continue;
      for (guint i = 0; skip[i]; i++)
        is_skip |= arx_xml_is (c, skip[i]);
      if (is_skip)
        continue;
      if (arx_xml_is (c, "p") || arx_xml_is (c, "title"))
        {
          g_autofree char *text = NULL;
          g_autoptr(GString) own = g_string_new (NULL);
          gboolean nested = FALSE;

          /* a <p> may hold a list or quote: emit its own text, then the nested blocks */
          for (xmlNode *k = c->children; k; k = k->next)
            if (arx_xml_is (k, "list") || arx_xml_is (k, "disp-quote") || arx_xml_is (k, "fig")
                || arx_xml_is (k, "table-wrap"))
              nested = TRUE;
          if (!nested)
            {
              text = arx_xml_text (c);
              arx_article_add_paragraph (article, text, -1);
              continue;
            }
          for (xmlNode *k = c->children; k; k = k->next)
            {
              if (arx_xml_is (k, "list") || arx_xml_is (k, "disp-quote"))
                {
                  arx_article_add_paragraph (article, own->str, own->len);
                  g_string_truncate (own, 0);
                  append_body (k, article);
                }
              else if (k->type == XML_TEXT_NODE || (k->type == XML_ELEMENT_NODE && !arx_xml_is (k, "fig")
                                                    && !arx_xml_is (k, "table-wrap")))
                {
                  xmlNode *next = k->next;
                  g_autofree char *t = NULL;

                  k->next = NULL;
                  t = arx_xml_text (k);
                  k->next = next;
                  g_string_append_printf (own, "%s ", t);
                }
            }
          arx_article_add_paragraph (article, own->str, own->len);
        }
      else
        append_body (c, article);
    }
}

static char *
authors (xmlNode *meta)
{
  g_autoptr(GString) out = g_string_new (NULL);
  xmlNode *group = arx_xml_child (meta, "contrib-group");

  for (; group; group = group->next)
    {
      if (!arx_xml_is (group, "contrib-group"))
        continue;
      for (xmlNode *c = group->children; c; c = c->next)
        {
          g_autofree char *type = arx_xml_prop (c, "contrib-type");
          xmlNode *name = arx_xml_child (c, "name");
          g_autofree char *given = arx_xml_child_text (name, "given-names");
          g_autofree char *surname = arx_xml_child_text (name, "surname");
          g_autofree char *collab = arx_xml_child_text (c, "collab");

          if (!arx_xml_is (c, "contrib") || (type && !g_str_equal (type, "author")))
            continue;
          if (surname == NULL && collab == NULL)
            continue;
          if (out->len > 0)
            g_string_append (out, ", ");
          if (surname != NULL)
            g_string_append_printf (out, "%s%s%s", given ? given : "", given ? " " : "", surname);
          else
            g_string_append (out, collab);
        }
    }
  return out->len > 0 ? g_strdup (out->str) : NULL;
}

static char *
pub_date (xmlNode *meta)
{
  xmlNode *best = NULL;

  for (xmlNode *c = meta ? meta->children : NULL; c; c = c->next)
    if (arx_xml_is (c, "pub-date"))
      {
        g_autofree char *t1 = arx_xml_prop (c, "pub-type");
        g_autofree char *t2 = arx_xml_prop (c, "date-type");
        gboolean pub = g_strcmp0 (t1, "epub") == 0 || g_strcmp0 (t1, "ppub") == 0
                       || g_strcmp0 (t2, "pub") == 0;

        if (best == NULL || pub)
          best = c;
        if (pub)
          break;
      }
  if (best == NULL)
    return NULL;
  {
    g_autofree char *y = arx_xml_child_text (best, "year");
    g_autofree char *m = arx_xml_child_text (best, "month");
    g_autofree char *d = arx_xml_child_text (best, "day");
    g_autofree char *iso = arx_xml_prop (best, "iso-8601-date");

    if (iso != NULL)
      return arx_import_date_normalize (iso);
    if (y == NULL)
      return NULL;
    return g_strdup_printf ("%04d-%02d-%02d", atoi (y), m ? MAX (atoi (m), 1) : 1, d ? MAX (atoi (d), 1) : 1);
  }
}

GPtrArray *
arx_jats_reader_read (xmlDoc                 *doc,
                      const ArxImportContext *ctx,
                      GError                **error)
{
  xmlNode *root = xmlDocGetRootElement (doc);
  xmlNode *front = arx_xml_child (root, "front");
  xmlNode *meta = arx_xml_child (front, "article-meta");
  xmlNode *journal = arx_xml_find (arx_xml_child (front, "journal-meta"), "journal-title");
  xmlNode *title = arx_xml_find (arx_xml_child (meta, "title-group"), "article-title");
  xmlNode *body = arx_xml_child (root, "body");
  g_autoptr(ArxArticle) article = arx_article_new ();
  g_autofree char *t = title ? arx_xml_text (title) : NULL;
  g_autofree char *a = authors (meta);
  g_autofree char *d = pub_date (meta);
  g_autofree char *j = journal ? arx_xml_text (journal) : NULL;
  xmlChar *lang = xmlNodeGetLang (root);

  arx_article_set_title (article, t);
  arx_article_set_byline (article, a);
  arx_article_set_published (article, d);
  arx_article_set_site (article, j);
  arx_import_set_language (article, (const char *)lang);
  xmlFree (lang);
  if (body != NULL)
    append_body (body, article);
  if (arx_article_get_text_length (article) == 0)
    {
      xmlNode *abstract = arx_xml_child (meta, "abstract");

      if (abstract != NULL)
        append_body (abstract, article);
    }
  if (arx_article_get_text_length (article) == 0)
    {
      g_set_error (error, ARX_ERROR, ARX_ERROR_NOT_AN_ARTICLE, _("%s: the JATS article has no body text"), ctx->name);
      return NULL;
    }
  return arx_import_single (g_steal_pointer (&article), ctx, "jats");
}
