/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "arx-import"

#include "config.h"

#include <string.h>
#include <libxml/parser.h>
#include <libxml/entities.h>
#include <libxml/parserInternals.h>
#include <glib/gi18n.h>

#include "arx-import-private.h"

/* Safe parse options for untrusted XML: never touch the network, never load a DTD, never
 * substitute entities (so external entities such as file:///etc/passwd stay unexpanded), and
 * keep libxml2's built-in size and depth limits (no XML_PARSE_HUGE). */
#define ARX_XML_OPTIONS (XML_PARSE_NONET | XML_PARSE_NOWARNING | XML_PARSE_NOERROR | XML_PARSE_NOCDATA)

/* Entity declarations whose value references other entities are the billion-laughs pattern;
 * no news format needs them. libxml2 2.9.14 also stops such documents itself (entity
 * amplification check), but refusing before parsing is quicker and gives a clearer error. */
static gboolean
has_nested_entities (const char *data,
                     gsize       len)
{
  const char *end = data + MIN (len, (gsize)1024 * 1024);
  const char *p = data;
  guint count = 0;

  while ((p = g_strstr_len (p, end - p, "<!ENTITY")) != NULL)
    {
      const char *close = memchr (p, '>', end - p);

      if (close == NULL)
        return TRUE;
      if (memchr (p, '&', close - p) != NULL || memchr (p, '%', close - p) != NULL)
        count += 100;
      count++;
      p = close;
    }
  return count >= 100;
}

static void
make_text_valid (xmlNode *node)
{
  if (node->content != NULL && !g_utf8_validate ((const char *)node->content, -1, NULL))
    {
      g_autofree char *valid = g_utf8_make_valid ((const char *)node->content, -1);

      /* for text, CDATA and comment nodes this copies the string as it is */
      xmlNodeSetContent (node, (const xmlChar *)valid);
    }
}

/* A recovered document keeps bytes that are not UTF-8 in its text and attributes (a
 * well-formed one cannot hold them). Readers pass that text to GRegex, which crashes on
 * invalid UTF-8 in GLib 2.74 (PCRE2's JIT reads past the string), so make it valid once. */
static void
make_document_valid (xmlNode *root)
{
  xmlNode *node = root;

  /* iterative, like the depth check: the same tree */
  while (node != NULL)
    {
      if (node->type == XML_ELEMENT_NODE)
        for (xmlAttr *a = node->properties; a != NULL; a = a->next)
          for (xmlNode *v = a->children; v != NULL; v = v->next)
            make_text_valid (v);
      else if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE
               || node->type == XML_COMMENT_NODE)
        make_text_valid (node);
      if (node->type == XML_ELEMENT_NODE && node->children != NULL)
        {
          node = node->children;
          continue;
        }
      while (node != NULL && node->next == NULL && node != root)
        node = node->parent;
      if (node == NULL || node == root)
        break;
      node = node->next;
    }
}

/* libxml2 stops reading at its own nesting limit (256 elements without XML_PARSE_HUGE) and
 * keeps the part it read: what lies deeper (often the whole article) is lost, so say why
 * instead of "no text". It reports this only as a message. */
gboolean
arx_xml_check_parser_depth (xmlParserCtxt          *parser,
                            const ArxImportContext *ctx,
                            GError                **error)
{
  const char *msg = parser->lastError.message;

  if (msg != NULL && strstr (msg, "Excessive depth") != NULL)
    {
      g_set_error (error, ARX_ERROR, ARX_ERROR_TOO_LARGE, _("%s: elements are nested more than %u deep"),
                   ctx->name, MIN (ctx->limits->max_depth, (guint)xmlParserMaxDepth));
      return FALSE;
    }
  return TRUE;
}

xmlDoc *
arx_xml_parse (const char             *data,
               gsize                   len,
               const ArxImportContext *ctx,
               GError                **error)
{
  xmlParserCtxtPtr parser;
  xmlDoc *doc;
  int err_code = 0;
  gboolean recovered = FALSE;

  if (len > G_MAXINT)
    {
      g_set_error (error, ARX_ERROR, ARX_ERROR_TOO_LARGE, _("%s: the file is too large"), ctx->name);
      return NULL;
    }
  if (has_nested_entities (data, len))
    {
      g_set_error (error, ARX_ERROR, ARX_ERROR_UNSAFE,
                   _("%s: refused: the document declares nested or parameter entities "
                    "(an entity expansion attack such as “billion laughs”)"), ctx->name);
      return NULL;
    }

  parser = xmlNewParserCtxt ();
  if (parser == NULL)
    {
      g_set_error (error, ARX_ERROR, ARX_ERROR_FAILED, _("%s: out of memory"), ctx->name);
      return NULL;
    }
  doc = xmlCtxtReadMemory (parser, data, (int)len, ctx->source_uri, NULL, ARX_XML_OPTIONS);
  if (!arx_xml_check_parser_depth (parser, ctx, error))
    {
      g_clear_pointer (&doc, xmlFreeDoc);
      xmlFreeParserCtxt (parser);
      return NULL;
    }
  if (doc == NULL || !parser->wellFormed)
    err_code = parser->lastError.code;
  if (err_code == XML_ERR_ENTITY_LOOP || err_code == XML_ERR_ENTITY_BOUNDARY)
    {
      g_clear_pointer (&doc, xmlFreeDoc);
      g_set_error (error, ARX_ERROR, ARX_ERROR_UNSAFE,
                   _("%s: refused: entity expansion or resource limit exceeded"), ctx->name);
      xmlFreeParserCtxt (parser);
      return NULL;
    }
  if (doc == NULL || !parser->wellFormed)
    {
      /* Real-world feeds are often slightly broken (stray "&", bad bytes); recover them. */
      const char *msg = parser->lastError.message;
      g_autofree char *reason = msg != NULL ? g_strchomp (g_strdup (msg)) : g_strdup ("malformed XML");
      int line = parser->lastError.line;

      g_clear_pointer (&doc, xmlFreeDoc);
      recovered = TRUE;
      doc = xmlCtxtReadMemory (parser, data, (int)len, ctx->source_uri, NULL,
                               ARX_XML_OPTIONS | XML_PARSE_RECOVER);
      if (doc == NULL || xmlDocGetRootElement (doc) == NULL)
        {
          g_clear_pointer (&doc, xmlFreeDoc);
          g_set_error (error, ARX_ERROR, ARX_ERROR_PARSE, _("%s: not well-formed XML (line %d: %s)"),
                       ctx->name, line, reason);
        }
    }
  xmlFreeParserCtxt (parser);
  if (doc != NULL && !arx_xml_check_depth (xmlDocGetRootElement (doc), ctx, error))
    g_clear_pointer (&doc, xmlFreeDoc);
  if (doc != NULL && recovered)
    make_document_valid (xmlDocGetRootElement (doc));
  return doc;
}

gboolean
arx_xml_check_depth (xmlNode                *root,
                     const ArxImportContext *ctx,
                     GError                **error)
{
  guint depth = 0, max_depth = 0;
  xmlNode *node = root;

  /* iterative walk: recursion on hostile input is what we are guarding against */
  while (node != NULL)
    {
      if (node->type == XML_ELEMENT_NODE && node->children != NULL)
        {
          node = node->children;
          depth++;
          max_depth = MAX (max_depth, depth);
          if (max_depth > ctx->limits->max_depth)
            {
              g_set_error (error, ARX_ERROR, ARX_ERROR_TOO_LARGE,
                           _("%s: elements are nested more than %u deep"), ctx->name,
                           ctx->limits->max_depth);
              return FALSE;
            }
          continue;
        }
      while (node != NULL && node->next == NULL && node != root)
        {
          node = node->parent;
          depth--;
        }
      if (node == NULL || node == root)
        break;
      node = node->next;
    }
  return TRUE;
}

static void
collect_text (xmlNode  *node,
              GString  *out,
              gboolean  spaced)
{
  for (xmlNode *c = node; c != NULL; c = c->next)
    {
      switch (c->type)
        {
        case XML_TEXT_NODE:
        case XML_CDATA_SECTION_NODE:
          if (c->content != NULL)
            g_string_append (out, (const char *)c->content);
          break;
        case XML_ENTITY_REF_NODE:
          /* Only small internal entities are expanded; external ones never are. */
          {
            xmlEntity *ent = (xmlEntity *)c->children;

            if (ent != NULL && ent->etype == XML_INTERNAL_GENERAL_ENTITY && ent->content != NULL
                && strlen ((const char *)ent->content) < 256 && strchr ((const char *)ent->content, '&') == NULL)
              g_string_append (out, (const char *)ent->content);
          }
          break;
        case XML_ELEMENT_NODE:
          if (spaced || arx_xml_is (c, "br"))
            g_string_append_c (out, ' ');
          collect_text (c->children, out, spaced);
          if (spaced)
            g_string_append_c (out, ' ');
          break;
        default:
          break;
        }
    }
}

/* All text below @node (not entity-expanding), with white space normalised. */
static char *
node_text (xmlNode  *node,
           gboolean  spaced)
{
  g_autoptr(GString) out = g_string_new (NULL);

  if (node == NULL)
    return NULL;
  if (node->type == XML_ELEMENT_NODE)
    collect_text (node->children, out, spaced);
  else
    {
      /* this node alone, not its following siblings */
      xmlNode *next = node->next;

      node->next = NULL;
      collect_text (node, out, spaced);
      node->next = next;
    }
  return arx_normalize_space (out->str, out->len);
}

char *
arx_xml_text (xmlNode *node)
{
  return node_text (node, FALSE);
}

/* The text with a space between elements: labels set apart by layout rather than by white
 * space ("<span>Jane Doe</span><span>Last updated</span>") stay apart. */
char *
arx_xml_spaced_text (xmlNode *node)
{
  return node_text (node, TRUE);
}

/* The character content of @node itself (text and CDATA children, no markup), unescaped
 * once by the XML parser: feeds keep escaped HTML there. */
char *
arx_xml_raw_text (xmlNode *node)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (xmlNode *c = node ? node->children : NULL; c; c = c->next)
    if (c->content != NULL && (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE))
      g_string_append (out, (const char *)c->content);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

gboolean
arx_xml_is (xmlNode    *node,
            const char *local_name)
{
  return node != NULL && node->type == XML_ELEMENT_NODE && node->name != NULL
         && g_ascii_strcasecmp ((const char *)node->name, local_name) == 0;
}

xmlNode *
arx_xml_child (xmlNode    *parent,
               const char *local_name)
{
  if (parent == NULL)
    return NULL;
  for (xmlNode *c = parent->children; c != NULL; c = c->next)
    if (arx_xml_is (c, local_name))
      return c;
  return NULL;
}

/* First descendant (document order) named @local_name, or @root itself. */
xmlNode *
arx_xml_find (xmlNode    *root,
              const char *local_name)
{
  if (root == NULL)
    return NULL;
  if (arx_xml_is (root, local_name))
    return root;
  for (xmlNode *c = root->children; c != NULL; c = c->next)
    {
      xmlNode *found;

      if (c->type != XML_ELEMENT_NODE)
        continue;
      found = arx_xml_find (c, local_name);
      if (found != NULL)
        return found;
    }
  return NULL;
}

char *
arx_xml_child_text (xmlNode    *parent,
                    const char *local_name)
{
  xmlNode *c = arx_xml_child (parent, local_name);
  char *text = c != NULL ? arx_xml_text (c) : NULL;

  if (text != NULL && *text == '\0')
    g_clear_pointer (&text, g_free);
  return text;
}

char *
arx_xml_prop (xmlNode    *node,
              const char *name)
{
  xmlChar *v;
  char *out;

  if (node == NULL)
    return NULL;
  v = xmlGetProp (node, (const xmlChar *)name);
  if (v == NULL)
    return NULL;
  out = g_strdup ((const char *)v);
  xmlFree (v);
  return out;
}

/**
 * arx_xml_root_name:
 *
 * Returns: (nullable): the local name of the root element of @data when it looks like XML
 * (after a BOM, XML declaration, comments, processing instructions and a DOCTYPE).
 */
char *
arx_xml_root_name (const char *data,
                   gsize       len)
{
  const char *p = data, *end = data + MIN (len, (gsize)65536);

  if (len >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    p += 3;
  while (p < end)
    {
      while (p < end && g_ascii_isspace (*p))
        p++;
      if (p >= end || *p != '<')
        return NULL;
      if (end - p >= 4 && memcmp (p, "<!--", 4) == 0)
        {
          const char *close = g_strstr_len (p, end - p, "-->");
          if (close == NULL)
            return NULL;
          p = close + 3;
        }
      else if (end - p >= 2 && (p[1] == '?' || p[1] == '!'))
        {
          int brackets = 0;

          for (p++; p < end; p++)
            {
              if (*p == '[')
                brackets++;
              else if (*p == ']')
                brackets--;
              else if (*p == '>' && brackets <= 0)
                break;
            }
          p++;
        }
      else
        {
          const char *start = ++p, *colon = NULL;

          while (p < end && (g_ascii_isalnum (*p) || *p == ':' || *p == '-' || *p == '_' || *p == '.'))
            {
              if (*p == ':')
                colon = p;
              p++;
            }
          if (colon != NULL)
            start = colon + 1;
          return p > start ? g_ascii_strdown (start, p - start) : NULL;
        }
    }
  return NULL;
}
