/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "arx-import"

/* JSON-LD: the headline, authors, date, publisher and body of the story object, wherever it
 * stands (a list, an @graph, one object). */

#include "config.h"

#include <string.h>
#include <json-glib/json-glib.h>

#include "arx-import-private.h"
#include "arx-html-meta-private.h"

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

/* The ARX_LD_* family of a schema.org type name (@type "Product", itemtype
 * "https://schema.org/Product"), 0 for the others. */
guint
_arx_html_ld_type_flag (const char *type,
                        gsize       len)
{
  static const struct { const char *name; guint flags; } families[] = {
    { "Article", ARX_LD_ARTICLE }, { "BlogPosting", ARX_LD_ARTICLE }, { "Report", ARX_LD_ARTICLE },
    { "NewsArticle", ARX_LD_ARTICLE | ARX_LD_NEWS }, { "ReportageNewsArticle", ARX_LD_ARTICLE | ARX_LD_NEWS },
    { "AnalysisNewsArticle", ARX_LD_ARTICLE | ARX_LD_NEWS }, { "OpinionNewsArticle", ARX_LD_ARTICLE | ARX_LD_NEWS },
    { "ReviewNewsArticle", ARX_LD_ARTICLE | ARX_LD_NEWS }, { "BackgroundNewsArticle", ARX_LD_ARTICLE | ARX_LD_NEWS },
    { "LiveBlogPosting", ARX_LD_ARTICLE | ARX_LD_NEWS }, { "ScholarlyArticle", ARX_LD_ARTICLE },
    { "TechArticle", ARX_LD_TECH }, { "APIReference", ARX_LD_TECH },
    { "Product", ARX_LD_PRODUCT }, { "ProductGroup", ARX_LD_PRODUCT }, { "IndividualProduct", ARX_LD_PRODUCT },
    { "Offer", ARX_LD_OFFER }, { "AggregateOffer", ARX_LD_AGGREGATE_OFFER }, { "ItemList", ARX_LD_ITEM_LIST },
    { "CollectionPage", ARX_LD_COLLECTION }, { "SearchResultsPage", ARX_LD_COLLECTION },
    { "OfferCatalog", ARX_LD_COLLECTION }, { "DiscussionForumPosting", ARX_LD_FORUM }, { "QAPage", ARX_LD_FORUM },
    { "Comment", ARX_LD_COMMENT }, { "Answer", ARX_LD_COMMENT },
    { "Service", ARX_LD_SERVICE }, { "ProfessionalService", ARX_LD_SERVICE },
    { "FinancialService", ARX_LD_SERVICE }, { "FinancialProduct", ARX_LD_SERVICE },
  };
  const char *slash;

  /* "https://schema.org/Product" */
  slash = g_strrstr_len (type, len, "/");
  if (slash != NULL)
    {
      len -= slash + 1 - type;
      type = slash + 1;
    }
  for (guint i = 0; i < G_N_ELEMENTS (families); i++)
    if (strlen (families[i].name) == len && strncmp (families[i].name, type, len) == 0)
      return families[i].flags;
  return 0;
}

/* Story objects: an article of any kind, a forum thread's opening post, a Q&A page's
 * question (not the questions of a FAQ). A WebPage only lends its date: its name is usually
 * the <title>. */
static guint
ld_object_types (JsonObject  *o,
                 ArxHtmlMeta *m,
                 gboolean     question_is_story,
                 gboolean    *story,
                 gboolean    *page,
                 gboolean    *qa_page)
{
  static const char *const stories[] = { "Article", "NewsArticle", "BlogPosting", "ReportageNewsArticle",
                                          "AnalysisNewsArticle", "OpinionNewsArticle", "ReviewNewsArticle",
                                          "BackgroundNewsArticle", "LiveBlogPosting", "ScholarlyArticle",
                                          "TechArticle", "Report", "SocialMediaPosting",
                                          "DiscussionForumPosting", NULL };
  JsonNode *t = json_object_get_member (o, "@type");
  g_autoptr(GList) values = NULL;
  guint flags = 0;

  if (t == NULL)
    return 0;
  if (JSON_NODE_HOLDS_ARRAY (t))
    values = json_array_get_elements (json_node_get_array (t));
  else
    values = g_list_prepend (values, t);
  for (GList *l = values; l; l = l->next)
    {
      const char *s = JSON_NODE_HOLDS_VALUE (l->data) && json_node_get_value_type (l->data) == G_TYPE_STRING
                      ? json_node_get_string (l->data) : NULL;
      guint flag;

      if (s == NULL)
        continue;
      flag = _arx_html_ld_type_flag (s, strlen (s));
      if ((flag & ARX_LD_PRODUCT) && l == values)
        m->ld_products++;
      flags |= flag;
      for (guint i = 0; stories[i]; i++)
        if (g_str_equal (s, stories[i]))
          *story = TRUE;
      if (g_str_equal (s, "WebPage"))
        *page = TRUE;
      if (g_str_equal (s, "QAPage"))
        *qa_page = TRUE;
      if (question_is_story && g_str_equal (s, "Question"))
        *story = TRUE;
    }
  return flags;
}

/* The headline, authors, body and publisher of a story object; the first object to give one
 * keeps it. */
static void
ld_read_story (JsonObject  *o,
               ArxHtmlMeta *m)
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
  _arx_html_meta_set_once (&m->language, ld_string (o, "inLanguage"));
  if (pub != NULL && JSON_NODE_HOLDS_OBJECT (pub))
    {
      _arx_html_meta_set_once (&m->site, ld_string (json_node_get_object (pub), "name"));
      _arx_html_meta_set_once (&m->publisher, ld_string (json_node_get_object (pub), "name"));
    }
}

/* Walks the data once: every @type, nested ones included (a Product in an ItemList), counts
 * for the kind of page; the page's own objects (the top level, an @graph, a list, the
 * mainEntity of a Q&A page) give the story's metadata, not the items they mention. */
static void
ld_walk (JsonNode    *node,
         ArxHtmlMeta *m,
         guint        depth,
         gboolean     own,
         gboolean     qa)
{
  if (node == NULL || depth > 12)
    return;
  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *a = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (a); i++)
        ld_walk (json_array_get_element (a, i), m, depth + 1, own, qa);
      return;
    }
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return;
  {
    JsonObject *o = json_node_get_object (node);
    gboolean story = FALSE, page = FALSE, qa_page = FALSE;
    g_autoptr(GList) names = json_object_get_members (o);

    m->ld_types |= ld_object_types (o, m, qa, &story, &page, &qa_page);
    if (own && story && !page)
      ld_read_story (o, m);
    if (own && (story || page))
      {
        const char *date = ld_string (o, "datePublished");
        g_autofree char *d = arx_import_timestamp_normalize (date != NULL ? date : ld_string (o, "dateCreated"));

        _arx_html_meta_set_once (&m->ld_date, d);
      }
    for (GList *l = names; l; l = l->next)
      {
        JsonNode *member = json_object_get_member (o, l->data);

        gboolean main = g_str_equal (l->data, "mainEntity");

        if (!JSON_NODE_HOLDS_VALUE (member))
          ld_walk (member, m, depth + 1, own && (main || g_str_equal (l->data, "@graph")), main && qa_page);
      }
  }
}

void
_arx_html_ld_read (xmlNode     *script,
                   ArxHtmlMeta *m)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GString) text = g_string_new (NULL);
  guint n_values;

  for (xmlNode *c = script->children; c; c = c->next)
    if (c->content != NULL)
      g_string_append (text, (const char *)c->content);
  /* metadata is shallow; do not hand absurdly nested JSON to a recursive parser */
  if (arx_json_depth (text->str, text->len, &n_values) > ARX_JSON_MAX_DEPTH || n_values != 1)
    return;
  if (json_parser_load_from_data (parser, text->str, text->len, NULL))
    ld_walk (json_parser_get_root (parser), m, 0, TRUE, FALSE);
}
