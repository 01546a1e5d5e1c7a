/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "arx-import"

#include "config.h"

#include <string.h>

#include "arx-html-extract-private.h"

/* Boilerplate recognition: which tags, classes and ids mark page furniture rather than the
 * story, and the Readability-style "conditional cleaning" of link-heavy boxes. */


/* Substrings of class/id that mark boilerplate even inside the article container. */
static const char *const strong_negative[] = {
  "comment", "cookie", "consent", "newsletter", "share", "sharing", "social", "related",
  "recommend", "outbrain", "taboola", "promo", "advert", "caption", "credit", "byline",
  "disqus", "popup", "modal", "subscribe", "signup", "breadcrumb", "trending", "most-read",
  "mostread", "most-popular", "read-more", "readmore", "further-reading", "author-bio",
  "tag-list", "taglist", "article-tags", "skip-link", "sponsored", "teaser-list", "paywall-prompt",
  NULL
};
/* Substrings that mark boilerplate unless a content hint is present too (Readability's list). */
static const char *const unlikely[] = {
  "-ad-", "ad-break", "adbox", "agegate", "ai2html", "banner", "combx", "community", "cover-wrap",
  "extra", "footer", "gdpr", "header", "legends", "menu", "remark", "replies", "rss",
  "shoutbox", "sidebar", "skyscraper", "sponsor", "supplemental", "pagination", "pager",
  "yom-remote", "author", "toolbar", "tags", "widget", "nav", "masthead", "meta", "dateline",
  NULL
};
/* Substrings of class/id that mark furniture on any kind of page, also where links and short
 * blocks are the content (a shop's grid, a list of teasers, a service's sections). */
static const char *const furniture[] = {
  "cookie", "consent", "gdpr", "newsletter", "subscribe", "signup", "popup", "modal", "sharing",
  "share-", "social", "breadcrumb", "skip-link", "skiplink", "disqus", "navbar", "navigation", "menu",
  "footer", "sidebar", "masthead", "pagination", "pager", "toolbar", "outbrain", "taboola", "advert",
  "facet", "filter", "refinement",
  NULL
};
static const char *const maybe[] = {
  "and", "article", "body", "column", "content", "main", "shadow", "story", "text", "post",
  "entry", "blog", NULL
};
static const char *const positive[] = {
  "article", "body", "content", "entry", "hentry", "h-entry", "main", "page", "post", "text",
  "blog", "story", "prose", "rich-text", NULL
};
static const char *const negative[] = {
  "hidden", "banner", "combx", "comment", "com-", "contact", "foot", "footnote", "gdpr",
  "masthead", "media", "meta", "outbrain", "promo", "related", "scroll", "share", "shoutbox",
  "sidebar", "skyscraper", "sponsor", "shopping", "tags", "tool", "widget", "byline", "author",
  "caption", "credit", "teaser", "list", NULL
};
/* Class tokens that hide an element from sighted readers. */
static const char *const hidden_tokens[] = {
  "sr-only", "visually-hidden", "visuallyhidden", "screen-reader-text", "screenreader",
  "hidden", "hide", "d-none", "offscreen", "element-invisible", NULL
};

/* Elements that never hold article text. */
static const char *const drop_tags[] = {
  "script", "style", "template", "iframe", "svg", "canvas", "button", "input",
  "select", "textarea", "option", "object", "embed", "video", "audio", "picture", "img", "map",
  "link", "meta", "head", "title", "source", "track", "math", NULL
};
/* Page furniture: dropped unless it swallowed most of the page (libxml2's HTML 4 parser
 * sometimes leaves an HTML5 <header> open, so that the story ends up inside it). */
static const char *const furniture_tags[] = {
  "nav", "aside", "footer", "header", "label", "dialog", "menu", "figcaption", "noscript", NULL
};
static const char *const block_tags[] = {
  "p", "div", "section", "article", "main", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li",
  "blockquote", "pre", "table", "tr", "td", "th", "dl", "dd", "dt", "hr", "figure", "address",
  "center", "details", "summary", "tbody", "thead", "body", "html", "form", "fieldset", "header",
  "footer", "aside", "nav", "br", NULL
};

static const char *const para_tags[] = { "p", "pre", "td", "dd", "blockquote", NULL };
static const char *const divlike_tags[] = { "div", "section", "article", "span", "font", "center", NULL };
static const char *const heading_tags[] = { "h2", "h3", "h4", "h5", "h6", NULL };
static const char *const box_tags[] = { "div", "section", "ul", "ol", "table", "dl", "aside", "header", "span", "p", NULL };

/* ARX_EXTRACT_DEBUG=1 explains extraction decisions on stderr (used with bench/import). */
gboolean
arx_html_debug (void)
{
  static gsize init;
  static gboolean enabled;

  if (g_once_init_enter (&init))
    {
      enabled = g_getenv ("ARX_EXTRACT_DEBUG") != NULL;
      g_once_init_leave (&init, 1);
    }
  return enabled;
}

/* Tag classes by name, looked up once per element instead of scanning lists. */
guint
arx_html_tag_flags (xmlNode *node)
{
  static GHashTable *table;
  static gsize init;
  char lower[32];
  guint flags;

  if (g_once_init_enter (&init))
    {
      const struct { const char *const *names; guint flag; } lists[] = {
        { drop_tags, TAG_DROP }, { furniture_tags, TAG_FURNITURE }, { block_tags, TAG_BLOCK },
        { para_tags, TAG_PARA }, { divlike_tags, TAG_DIVLIKE }, { box_tags, TAG_BOX },
        { heading_tags, TAG_HEADING },
      };

      table = g_hash_table_new (g_str_hash, g_str_equal);
      for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
        for (guint i = 0; lists[l].names[i]; i++)
          g_hash_table_insert (table, (gpointer)lists[l].names[i],
                               GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (table, lists[l].names[i]))
                                                 | lists[l].flag));
      g_once_init_leave (&init, 1);
    }
  if (node->name == NULL)
    return 0;
  flags = GPOINTER_TO_UINT (g_hash_table_lookup (table, node->name));
  if (flags == 0 && strlen ((const char *)node->name) < sizeof lower)
    {
      /* XHTML parsed as XML keeps the case it was written in */
      for (guint i = 0; i < sizeof lower; i++)
        if ((lower[i] = g_ascii_tolower (node->name[i])) == '\0')
          break;
      flags = GPOINTER_TO_UINT (g_hash_table_lookup (table, lower));
    }
  return flags;
}

/* Whether @hay contains one of @words (NULL-terminated). */
gboolean
arx_html_contains_any (const char        *hay,
                       const char *const *words)
{
  for (guint i = 0; words[i]; i++)
    if (strstr (hay, words[i]) != NULL)
      return TRUE;
  return FALSE;
}

/* Whether a white-space separated word of @hay equals one of @tokens. */
static gboolean
has_token (const char        *hay,
           const char *const *tokens)
{
  const char *p = hay;

  while (*p)
    {
      gsize n;

      while (*p == ' ' || *p == '\t' || *p == '\n')
        p++;
      n = strcspn (p, " \t\n");
      for (guint j = 0; n > 0 && tokens[j]; j++)
        if (strlen (tokens[j]) == n && memcmp (p, tokens[j], n) == 0)
          return TRUE;
      p += n;
    }
  return FALSE;
}

/* An attribute's value without copying it, or NULL. */
static const char *
attr_text (xmlNode    *node,
           const char *name)
{
  xmlAttr *a = xmlHasProp (node, (const xmlChar *)name);

  if (a == NULL || a->type != XML_ATTRIBUTE_NODE || a->children == NULL
      || a->children->type != XML_TEXT_NODE || a->children->next != NULL)
    return NULL;
  return (const char *)a->children->content;
}

/* "class id" in lower case into @buf; FALSE when the element has neither. */
gboolean
arx_html_class_and_id (xmlNode *node,
              char    *buf,
              gsize    size)
{
  const char *cls = attr_text (node, "class");
  const char *id = attr_text (node, "id");
  gsize n = 0;

  if (cls == NULL && id == NULL)
    return FALSE;
  for (const char *p = cls; p && *p && n + 2 < size; p++)
    buf[n++] = g_ascii_tolower (*p);
  buf[n++] = ' ';
  for (const char *p = id; p && *p && n + 1 < size; p++)
    buf[n++] = g_ascii_tolower (*p);
  buf[n] = '\0';
  return TRUE;
}

gint
arx_html_class_weight (xmlNode *node)
{
  char ci[512];
  gint w = 0;

  if (!arx_html_class_and_id (node, ci, sizeof ci))
    return 0;
  if (arx_html_contains_any (ci, negative))
    w -= 25;
  if (arx_html_contains_any (ci, positive))
    w += 25;
  return w;
}

gboolean
arx_html_attr_equals (xmlNode    *node,
             const char *name,
             const char *value)
{
  const char *v = attr_text (node, name);

  return v != NULL && g_ascii_strcasecmp (v, value) == 0;
}

static gboolean
has_descendant (xmlNode    *node,
                const char *name)
{
  for (xmlNode *c = node->children; c; c = c->next)
    if (c->type == XML_ELEMENT_NODE && (arx_xml_is (c, name) || has_descendant (c, name)))
      return TRUE;
  return FALSE;
}

static gboolean
in_story_element (xmlNode *node)
{
  for (xmlNode *p = node->parent; p != NULL && p->type == XML_ELEMENT_NODE; p = p->parent)
    if (arx_xml_is (p, "article") || arx_xml_is (p, "main"))
      return TRUE;
  return FALSE;
}

/* An embedded post (a tweet) is a quotation in the story, whatever its box is called. */
static gboolean
is_embedded_post (xmlNode    *node,
                  const char *ci)
{
  return (strstr (ci, "embed") != NULL || strstr (ci, "tweet") != NULL) && has_descendant (node, "blockquote");
}

typedef struct
{
  ArxHtmlClean clean;
  guint        body_text;
  GHashTable  *class_text;   /* class attribute -> text of all elements that have it */
} Preclean;

/* Text under each class attribute value, to tell a page's layout classes from its furniture. */
static void
sum_class_text (xmlNode    *node,
                GHashTable *table)
{
  for (xmlNode *c = node; c; c = c->next)
    {
      const char *cls;

      if (c->type != XML_ELEMENT_NODE || c->_private == NULL)
        continue;
      cls = attr_text (c, "class");
      if (cls != NULL && INFO (c)->text > 0)
        {
          gpointer old = g_hash_table_lookup (table, cls);

          g_hash_table_insert (table, g_strdup (cls), GUINT_TO_POINTER (GPOINTER_TO_UINT (old) + INFO (c)->text));
        }
      sum_class_text (c->children, table);
    }
}

/* In a thread the comments and replies are the content: their class words ("Comment",
 * "CommentsWrap", "replies", "community") are blanked out of @ci before the boilerplate lists
 * are consulted. */
static void
mask_thread_words (char *ci)
{
  static const char *const words[] = { "comment", "replies", "reply", "community", NULL };

  for (guint i = 0; words[i]; i++)
    for (char *at = strstr (ci, words[i]); at != NULL; at = strstr (at, words[i]))
      memset (at, '_', strlen (words[i]));
}

static gboolean
should_drop (xmlNode  *node,
             Preclean *p)
{
  ArxHtmlClean clean = p->clean;
  guint body_text = p->body_text;

  static const char *const roles[] = { "navigation", "banner", "contentinfo", "complementary",
                                       "dialog", "alertdialog", "search", "menu", "menubar",
                                       "toolbar", "alert", NULL };
  const char *role, *style;

  if ((arx_html_tag_flags (node) & TAG_DROP))
    return TRUE;
  if (arx_xml_is (node, "html") || arx_xml_is (node, "body"))
    return FALSE;
  if (node->_private != NULL && body_text > 200 && INFO (node)->text * 2 > body_text)
    return FALSE;
  /* A <header> holding several long text blocks is most likely content that libxml2 nested
   * into an unclosed header. */
  if (arx_xml_is (node, "header") && node->_private != NULL && INFO (node)->long_blocks >= 2)
    return FALSE;
  /* The story's own header (its h1, or inside <article>/<main>) often holds the lead
   * paragraph. */
  if (arx_xml_is (node, "header") && node->_private != NULL && INFO (node)->long_blocks >= 1
      && arx_html_link_density (node) < 0.3 && (has_descendant (node, "h1") || in_story_element (node)))
    return FALSE;
  if ((arx_html_tag_flags (node) & TAG_FURNITURE))
    return TRUE;
  if (arx_xml_is (node, "figure"))
    return !has_descendant (node, "blockquote");
  if (arx_xml_is (node, "form"))
    return !has_descendant (node, "p");
  if (xmlHasProp (node, (const xmlChar *)"hidden") || arx_html_attr_equals (node, "aria-hidden", "true"))
    return TRUE;
  role = attr_text (node, "role");
  if (role != NULL)
    for (guint i = 0; roles[i]; i++)
      if (g_ascii_strcasecmp (role, roles[i]) == 0)
        return TRUE;
  style = attr_text (node, "style");
  if (style != NULL && (strstr (style, "none") != NULL || strstr (style, "hidden") != NULL))
    {
      char compact[256];
      gsize n = 0;

      for (const char *q = style; *q && n + 1 < sizeof compact; q++)
        if (*q != ' ')
          compact[n++] = g_ascii_tolower (*q);
      compact[n] = '\0';
      if (strstr (compact, "display:none") != NULL || strstr (compact, "visibility:hidden") != NULL)
        return TRUE;
    }
  if (clean == ARX_CLEAN_FURNITURE)
    {
      char ci[512];

      if (arx_html_class_and_id (node, ci, sizeof ci)
          && (has_token (ci, hidden_tokens) || (arx_html_contains_any (ci, furniture) && !arx_xml_is (node, "main"))))
        return TRUE;
    }
  else if (clean == ARX_CLEAN_ALL || clean == ARX_CLEAN_THREAD)
    {
      char ci[512];

      if (arx_html_class_and_id (node, ci, sizeof ci))
        {
          gboolean storylike;

          if (clean == ARX_CLEAN_THREAD)
            mask_thread_words (ci);
          /* Several long text blocks look like the story: a layout class such as
           * "entry share" or "sidebar-layout" must not remove it. Comments stay out. */
          storylike = node->_private != NULL && INFO (node)->long_blocks >= 3
                               && strstr (ci, "comment") == NULL && strstr (ci, "disqus") == NULL
                               && strstr (ci, "related") == NULL && strstr (ci, "recommend") == NULL
                               && strstr (ci, "teaser") == NULL && strstr (ci, "outbrain") == NULL
                               && strstr (ci, "taboola") == NULL;

          if (has_token (ci, hidden_tokens))
            return TRUE;
          if (is_embedded_post (node, ci))
            return FALSE;

          if (arx_html_contains_any (ci, strong_negative) && !arx_xml_is (node, "main")
              && !storylike)
            return TRUE;
          if (arx_html_contains_any (ci, unlikely) && !arx_html_contains_any (ci, maybe) && !storylike
              && !arx_xml_is (node, "article") && !arx_xml_is (node, "main") && !arx_xml_is (node, "a"))
            {
              /* a page builder's block class ("elementor-widget-wrap") that holds most of the
               * text is layout, not a sidebar */
              const char *cls = attr_text (node, "class");
              guint share = cls != NULL ? GPOINTER_TO_UINT (g_hash_table_lookup (p->class_text, cls)) : 0;

              return share * 3 < body_text;
            }
        }
    }
  return FALSE;
}

static void
preclean_walk (xmlNode  *node,
               Preclean *p)
{
  xmlNode *c = node->children;

  while (c != NULL)
    {
      xmlNode *next = c->next;

      if (c->type == XML_COMMENT_NODE || c->type == XML_PI_NODE
          || (c->type == XML_ELEMENT_NODE && should_drop (c, p)))
        {
          if (c->type == XML_ELEMENT_NODE && c->_private && INFO (c)->text > 150 && arx_html_debug ())
            {
              char ci[512] = "";
              arx_html_class_and_id (c, ci, sizeof ci);
              g_printerr ("dropped <%s %s> text %u of %u\n", c->name, ci, INFO (c)->text, p->body_text);
            }
          xmlUnlinkNode (c);
          xmlFreeNode (c);
        }
      else if (c->type == XML_ELEMENT_NODE)
        preclean_walk (c, p);
      c = next;
    }
}

/* Removes what is certainly not content from under @body (whose element statistics are
 * computed): scripts, navigation, hidden elements, and by class what @clean says. */
void
arx_html_preclean (xmlNode      *body,
                   ArxHtmlClean  clean)
{
  Preclean p = { clean, INFO (body)->text, g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL) };

  if (clean == ARX_CLEAN_ALL || clean == ARX_CLEAN_THREAD)
    sum_class_text (body->children, p.class_text);
  preclean_walk (body, &p);
  g_hash_table_unref (p.class_text);
}

double
arx_html_link_density (xmlNode *node)
{
  ArxHtmlInfo *i = INFO (node);

  return i->text > 0 ? (double)i->links / i->text : 0.0;
}

gboolean
arx_html_skip_box (xmlNode *node)
{
  ArxHtmlInfo *i = INFO (node);
  char ci[512];
  double ld;
  gint weight;

  if (i == NULL || !(arx_html_tag_flags (node) & TAG_BOX))
    return FALSE;
  ld = arx_html_link_density (node);
  if (i->text == 0)
    return FALSE;
  if (arx_html_class_and_id (node, ci, sizeof ci) && is_embedded_post (node, ci))
    return FALSE;
  /* A paragraph is only dropped when it is essentially a link line ("Read more: …"); long
   * ones may just carry many links or hover cards. */
  if (arx_xml_is (node, "p") || arx_xml_is (node, "span"))
    return ld > 0.5 && i->text < 150;
  if (ld > 0.5 && i->commas < 10)
    return TRUE;
  if (i->commas >= 10 || i->text > 1000)
    return FALSE;
  weight = arx_html_class_weight (node);
  if (weight < 0 && i->text < 300)
    return TRUE;
  if (weight < 25 && ld > 0.33 && !arx_xml_is (node, "p"))
    return TRUE;
  if ((arx_xml_is (node, "ul") || arx_xml_is (node, "ol")) && ld > 0.2)
    return TRUE;
  return FALSE;
}

