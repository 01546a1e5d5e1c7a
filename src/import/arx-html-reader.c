/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "arx-import"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "arx-import-private.h"
#include "arx-html-extract-private.h"

/* The charset a browser would use: BOM, then <meta charset> / http-equiv in the head. Only
 * <meta> tags count: <script charset="utf-8"> names the script's encoding, not the page's. */
static char *
sniff_charset (const char *data,
               gsize       len)
{
  gsize n = MIN (len, 8192);
  g_autofree char *head = g_ascii_strdown (data, n);
  const char *tag = head;

  while ((tag = strstr (tag, "<meta")) != NULL)
    {
      const char *end = strchr (tag, '>');
      const char *p = tag;

      if (end == NULL)
        break;
      while ((p = strstr (p, "charset")) != NULL && p < end)
        {
          const char *start;
          const char *q = p + 7;

          p = q;
          while (*q == ' ' || *q == '\t')
            q++;
          if (*q != '=')
            continue;
          q++;
          while (*q == ' ' || *q == '"' || *q == '\'')
            q++;
          start = q;
          while (g_ascii_isalnum (*q) || *q == '-' || *q == '_' || *q == ':' || *q == '.')
            q++;
          if (q > start)
            {
              /* browsers decode GB2312 labels as GBK; GB18030 is a superset of both */
              if (q - start == 6 && strncmp (start, "gb2312", 6) == 0)
                return g_strdup ("GB18030");
              return g_strndup (start, q - start);
            }
        }
      tag = end;
    }
  return NULL;
}

/* libxml2 ends the body at a stray </body> or </html> (some pages have them in the middle) and
 * puts what follows beside the body or beside <html>; a browser keeps reading it into the body,
 * and so do we. */
static void
move_into_body (xmlNode *html)
{
  xmlNode *body = NULL;

  for (xmlNode *c = html->children; c != NULL && body == NULL; c = c->next)
    if (c->type == XML_ELEMENT_NODE && arx_xml_is (c, "body"))
      body = c;
  if (body == NULL)
    return;
  while (body->next != NULL || html->next != NULL)
    {
      xmlNode *stray = body->next != NULL ? body->next : html->next;

      xmlUnlinkNode (stray);
      xmlAddChild (body, stray);
    }
}

/* Whether @node holds a page's content rather than a control's label: a <main>, an <article>, a
 * headline or several paragraphs. */
static gboolean
holds_page_content (xmlNode *node)
{
  guint paras = 0;

  for (xmlNode *n = node->children; n != NULL && n != node; )
    {
      if (n->type == XML_ELEMENT_NODE)
        {
          if (arx_xml_is (n, "main") || arx_xml_is (n, "article") || arx_xml_is (n, "h1"))
            return TRUE;
          if (arx_xml_is (n, "p") && ++paras >= 3)
            return TRUE;
        }
      if (n->children != NULL && n->type == XML_ELEMENT_NODE)
        n = n->children;
      else
        {
          while (n != node && n->next == NULL)
            n = n->parent;
          if (n != node)
            n = n->next;
        }
    }
  return FALSE;
}

/* A browser closes a <button> at its end tag, whatever is still open inside it; libxml2's HTML 4
 * parser leaves it open when a <div> inside was not closed (an icon's markup stripped when the
 * page was saved), and the rest of the page ends up inside the button, which extraction drops.
 * Such a button is replaced by its children. */
static void
unwrap_swallowing_buttons (xmlNode *root)
{
  for (xmlNode *n = root; n != NULL; )
    {
      if (n->type == XML_ELEMENT_NODE && arx_xml_is (n, "button") && holds_page_content (n))
        {
          xmlNode *button = n;
          xmlNode *at = button;

          while (button->children != NULL)
            {
              xmlNode *c = button->children;

              xmlUnlinkNode (c);
              at = xmlAddNextSibling (at, c);
            }
          /* walk on from its first child, now its next sibling */
          n = button->next;
          xmlUnlinkNode (button);
          xmlFreeNode (button);
          continue;
        }
      if (n->children != NULL && n->type == XML_ELEMENT_NODE)
        {
          n = n->children;
          continue;
        }
      while (n != NULL && n != root && n->next == NULL)
        n = n->parent;
      n = (n == NULL || n == root) ? NULL : n->next;
    }
}

htmlDocPtr
arx_html_parse (const char             *data,
                gsize                   len,
                const char             *charset,
                const ArxImportContext *ctx,
                GError                **error)
{
  g_autofree char *sniffed = charset == NULL ? sniff_charset (data, len) : NULL;
  const char *cs = charset != NULL ? charset : sniffed;
  g_autofree char *utf8 = NULL;
  htmlParserCtxtPtr parser;
  htmlDocPtr doc;
  gboolean depth_ok;

  if (len > G_MAXINT)
    {
      g_set_error (error, ARX_ERROR, ARX_ERROR_TOO_LARGE, _("%s: the file is too large"), ctx->name);
      return NULL;
    }
  /* Browsers read Latin-1 and ASCII labels as Windows-1252; so do we. */
  if (cs != NULL && (g_ascii_strcasecmp (cs, "iso-8859-1") == 0 || g_ascii_strcasecmp (cs, "latin1") == 0
                     || g_ascii_strcasecmp (cs, "us-ascii") == 0 || g_ascii_strcasecmp (cs, "ascii") == 0))
    cs = "WINDOWS-1252";
  /* Decode ourselves (libxml2 would switch a whole page to Latin-1 on one bad byte), then tell
   * the parser to ignore in-document charset declarations. */
  utf8 = arx_text_decode (data, len, cs);
  parser = htmlNewParserCtxt ();
  if (parser == NULL)
    {
      g_set_error (error, ARX_ERROR, ARX_ERROR_FAILED, _("%s: out of memory"), ctx->name);
      return NULL;
    }
  doc = htmlCtxtReadMemory (parser, utf8, strlen (utf8), ctx->source_uri, "UTF-8",
                            HTML_PARSE_RECOVER | HTML_PARSE_NONET | HTML_PARSE_NOERROR
                            | HTML_PARSE_NOWARNING | HTML_PARSE_IGNORE_ENC
                            | HTML_PARSE_COMPACT);
  depth_ok = arx_xml_check_parser_depth (parser, ctx, error);
  htmlFreeParserCtxt (parser);
  if (!depth_ok)
    {
      g_clear_pointer (&doc, xmlFreeDoc);
      return NULL;
    }
  if (doc == NULL || xmlDocGetRootElement (doc) == NULL)
    {
      g_clear_pointer (&doc, xmlFreeDoc);
      g_set_error (error, ARX_ERROR, ARX_ERROR_PARSE, _("%s: could not parse the HTML"), ctx->name);
      return NULL;
    }
  move_into_body (xmlDocGetRootElement (doc));
  unwrap_swallowing_buttons (xmlDocGetRootElement (doc));
  return doc;
}

/* The URL in the comment browsers put at the top of a saved page. */

ArxArticle *
arx_html_reader_read (const char             *data,
                      gsize                   len,
                      const char             *charset,
                      const ArxImportContext *ctx,
                      GError                **error)
{
  g_autoptr(xmlDoc) doc = arx_html_parse (data, len, charset, ctx, error);
  g_autoptr(ArxArticle) article = NULL;
  g_autoptr(ArxHtmlMeta) m = NULL;
  const char *title;
  ArxPageKind kind, detected, if_no_story;
  guint length;

  if (doc == NULL)
    return NULL;
  if (!arx_xml_check_depth (xmlDocGetRootElement (doc), ctx, error))
    return NULL;
  article = arx_article_new ();
  m = arx_html_meta_scan (doc, data, len, ctx->source_uri);
  title = arx_html_meta_title (m);
  kind = detected = arx_html_kind_detect (doc, m, &if_no_story);
  /* Class-based removal occasionally hits the story itself; then parse again and retry
   * without it (rare, so cheaper than copying every tree up front). */
  length = arx_html_extract_content (doc, article, title, arx_html_meta_url (m), TRUE, &kind, if_no_story);
  if (kind != detected)
    {
      /* not one story after all: read the page again for its main region, without removing
       * what surrounds a story (teasers, promotions) */
      g_autoptr(xmlDoc) again = arx_html_parse (data, len, charset, ctx, NULL);

      if (again != NULL)
        length = arx_html_extract_content (again, article, title, arx_html_meta_url (m), TRUE, &kind, kind);
      detected = kind;
    }
  if (length < 250)
    {
      g_autoptr(xmlDoc) again = arx_html_parse (data, len, charset, ctx, NULL);
      g_autoptr(ArxArticle) second = arx_article_new ();
      ArxPageKind second_kind = detected;

      if (again != NULL
          && arx_html_extract_content (again, second, title, arx_html_meta_url (m), FALSE, &second_kind,
                                       if_no_story)
             > arx_article_get_text_length (article))
        {
          guint n;
          const ArxSpan *spans = arx_article_get_paragraphs (second, &n);

          arx_article_set_text (article, arx_article_get_text (second), spans, n);
          kind = second_kind;
        }
    }
  arx_import_drop_repeated_runs (article);
  /* (the metadata after the text: extraction settles the kind of page, and with it the title) */
  arx_html_meta_set_kind (m, kind);
  arx_html_meta_apply (m, article, doc, kind);
  /* Readers that hide the body in scripts still state it in JSON-LD. */
  if (arx_html_meta_ld_body (m) != NULL
      && arx_article_get_text_length (article) < strlen (arx_html_meta_ld_body (m)) / 3)
    {
      g_autoptr(ArxArticle) fallback = arx_article_new ();
      arx_import_add_text (fallback, arx_html_meta_ld_body (m), TRUE);
      arx_html_meta_apply (m, fallback, doc, kind);
      g_set_object (&article, fallback);
    }
  arx_article_set_kind (article, arx_page_kind_name (kind));
  if (arx_article_get_text_length (article) == 0)
    {
      g_set_error (error, ARX_ERROR, ARX_ERROR_NOT_AN_ARTICLE, _("%s: the page holds no article text"), ctx->name);
      return NULL;
    }
  return g_steal_pointer (&article);
}

/* HTML snippets from feeds: no boilerplate to remove, keep every block. */
void
arx_html_fragment_append (ArxArticle *article,
                          const char *html,
                          gsize       len)
{
  g_autofree char *wrapped = g_strdup_printf ("<html><head><meta charset=\"utf-8\"></head><body>%.*s</body></html>",
                                              (int)MIN (len, (gsize)G_MAXINT / 2), html);
  g_autoptr(xmlDoc) doc = htmlReadMemory (wrapped, strlen (wrapped), NULL, "UTF-8",
                                          HTML_PARSE_RECOVER | HTML_PARSE_NONET | HTML_PARSE_NOERROR
                                          | HTML_PARSE_NOWARNING | HTML_PARSE_IGNORE_ENC);

  ArxImportLimits limits;
  ArxImportContext ctx = { "feed item", NULL, &limits };

  arx_import_limits_init (&limits);
  /* the walk below recurses: refuse absurd nesting in untrusted item HTML */
  if (doc != NULL && arx_xml_check_depth (xmlDocGetRootElement (doc), &ctx, NULL))
    arx_html_append_blocks (xmlDocGetRootElement (doc), article, NULL);
}
