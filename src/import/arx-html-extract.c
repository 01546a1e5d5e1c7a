/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "arx-import"

#include "config.h"

#include <string.h>

#include "arx-import-private.h"

/* Main-content extraction in the spirit of Readability: remove what is certainly not the story
 * (scripts, navigation, share bars, comments, captions…), score text blocks by length, commas
 * and link density, credit their ancestors, pick the best-scoring container plus related
 * siblings, and emit its blocks as paragraphs while skipping link-heavy lists and boxes. */

typedef struct
{
  guint text;    /* characters of text, white space excluded */
  guint links;   /* of which inside <a> */
  guint commas;
  guint paras;   /* <p> descendants */
  guint own_text;   /* text in direct text nodes and inline children: a paragraph without <p> */
  guint own_commas;
  guint long_blocks; /* descendants holding 120+ characters of their own text */
  gint weight;   /* class/id hint */
  gboolean block_child;
  gboolean scored;
  double score;
} Info;

#define INFO(n) ((Info *)(n)->_private)

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
  "script", "style", "noscript", "template", "iframe", "svg", "canvas", "button", "input",
  "select", "textarea", "option", "object", "embed", "video", "audio", "picture", "img", "map",
  "link", "meta", "head", "title", "source", "track", "math", NULL
};
/* Page furniture: dropped unless it swallowed most of the page (libxml2's HTML 4 parser
 * sometimes leaves an HTML5 <header> open, so that the story ends up inside it). */
static const char *const furniture_tags[] = {
  "nav", "aside", "footer", "header", "label", "dialog", "menu", "figcaption", NULL
};
static const char *const block_tags[] = {
  "p", "div", "section", "article", "main", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li",
  "blockquote", "pre", "table", "tr", "td", "th", "dl", "dd", "dt", "hr", "figure", "address",
  "center", "details", "summary", "tbody", "thead", "body", "html", "form", "fieldset", "header",
  "footer", "aside", "nav", "br", NULL
};

enum
{
  TAG_DROP = 1 << 0,
  TAG_FURNITURE = 1 << 1,
  TAG_BLOCK = 1 << 2,
  TAG_PARA = 1 << 3,    /* scored as a paragraph */
  TAG_DIVLIKE = 1 << 4, /* scored as a paragraph when it has no block children */
  TAG_BOX = 1 << 5,     /* subject to conditional cleaning */
  TAG_HEADING = 1 << 6,
};

static const char *const para_tags[] = { "p", "pre", "td", "dd", "blockquote", NULL };
static const char *const divlike_tags[] = { "div", "section", "article", "span", "font", "center", NULL };
static const char *const heading_tags[] = { "h2", "h3", "h4", "h5", "h6", NULL };
static const char *const box_tags[] = { "div", "section", "ul", "ol", "table", "dl", "aside", "span", "p", "header", NULL };

/* Tag classes by name, looked up once per element instead of scanning lists. */
static guint
tag_flags (xmlNode *node)
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

static gboolean
contains_any (const char        *hay,
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
static gboolean
class_and_id (xmlNode *node,
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

static gint
class_weight (xmlNode *node)
{
  char ci[512];
  gint w = 0;

  if (!class_and_id (node, ci, sizeof ci))
    return 0;
  if (contains_any (ci, negative))
    w -= 25;
  if (contains_any (ci, positive))
    w += 25;
  return w;
}

static gboolean
attr_equals (xmlNode    *node,
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
should_drop (xmlNode  *node,
             gboolean  use_classes,
             guint     body_text)
{
  static const char *const roles[] = { "navigation", "banner", "contentinfo", "complementary",
                                       "dialog", "alertdialog", "search", "menu", "menubar",
                                       "toolbar", "alert", NULL };
  const char *role, *style;

  if ((tag_flags (node) & TAG_DROP))
    return TRUE;
  if (arx_xml_is (node, "html") || arx_xml_is (node, "body"))
    return FALSE;
  if (node->_private != NULL && body_text > 500 && INFO (node)->text * 2 > body_text)
    return FALSE;
  /* A <header> holding several long text blocks is most likely content that libxml2 nested
   * into an unclosed header. */
  if (arx_xml_is (node, "header") && node->_private != NULL && INFO (node)->long_blocks >= 2)
    return FALSE;
  if ((tag_flags (node) & TAG_FURNITURE))
    return TRUE;
  if (arx_xml_is (node, "figure"))
    return !has_descendant (node, "blockquote");
  if (arx_xml_is (node, "form"))
    return !has_descendant (node, "p");
  if (xmlHasProp (node, (const xmlChar *)"hidden") || attr_equals (node, "aria-hidden", "true"))
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

      for (const char *p = style; *p && n + 1 < sizeof compact; p++)
        if (*p != ' ')
          compact[n++] = g_ascii_tolower (*p);
      compact[n] = '\0';
      if (strstr (compact, "display:none") != NULL || strstr (compact, "visibility:hidden") != NULL)
        return TRUE;
    }
  if (use_classes)
    {
      char ci[512];

      if (class_and_id (node, ci, sizeof ci))
        {
          if (has_token (ci, hidden_tokens))
            return TRUE;
          if (contains_any (ci, strong_negative) && !arx_xml_is (node, "main"))
            return TRUE;
          if (contains_any (ci, unlikely) && !contains_any (ci, maybe)
              && !arx_xml_is (node, "article") && !arx_xml_is (node, "main") && !arx_xml_is (node, "a"))
            return TRUE;
        }
    }
  return FALSE;
}

static void
preclean (xmlNode  *node,
          gboolean  use_classes,
          guint     body_text)
{
  xmlNode *c = node->children;

  while (c != NULL)
    {
      xmlNode *next = c->next;

      if (c->type == XML_COMMENT_NODE || c->type == XML_PI_NODE
          || (c->type == XML_ELEMENT_NODE && should_drop (c, use_classes, body_text)))
        {
          if (c->type == XML_ELEMENT_NODE && c->_private && INFO (c)->text > 150 && g_getenv ("ARX_EXTRACT_DEBUG"))
            {
              char ci[512] = "";
              class_and_id (c, ci, sizeof ci);
              g_printerr ("dropped <%s %s> text %u of %u\n", c->name, ci, INFO (c)->text, body_text);
            }
          xmlUnlinkNode (c);
          xmlFreeNode (c);
        }
      else if (c->type == XML_ELEMENT_NODE)
        preclean (c, use_classes, body_text);
      c = next;
    }
}

static guint
count_elements (xmlNode *node)
{
  guint n = 0;

  for (xmlNode *c = node; c; c = c->next)
    if (c->type == XML_ELEMENT_NODE)
      n += 1 + count_elements (c->children);
  return n;
}

static void
text_stats (const char *s,
            guint      *chars,
            guint      *commas)
{
  for (const guchar *p = (const guchar *)s; *p; p++)
    {
      if (*p <= ' ' || (*p >= 0x80 && *p < 0xC0))
        continue;
      (*chars)++;
      if (*p == ',' || (*p == 0xEF && p[1] == 0xBC && p[2] == 0x8C) /* ， */
          || (*p == 0xE3 && p[1] == 0x80 && p[2] == 0x81) /* 、 */)
        (*commas)++;
    }
}

/* Post-order pass: text, link text, commas per element; node->_private points at its Info. */
static void
compute_info (xmlNode *node,
              Info    *pool,
              guint   *used,
              gboolean in_link)
{
  for (xmlNode *c = node; c; c = c->next)
    {
      Info *info;

      if (c->type != XML_ELEMENT_NODE)
        continue;
      info = &pool[(*used)++];
      memset (info, 0, sizeof *info);
      c->_private = info;
      for (xmlNode *k = c->children; k; k = k->next)
        if ((k->type == XML_TEXT_NODE || k->type == XML_CDATA_SECTION_NODE) && k->content)
          {
            guint chars = 0;

            text_stats ((const char *)k->content, &chars, &info->commas);
            info->text += chars;
            if (in_link || arx_xml_is (c, "a"))
              info->links += chars;
          }
      compute_info (c->children, pool, used, in_link || arx_xml_is (c, "a"));
      info->own_text = info->text;
      info->own_commas = info->commas;
      for (xmlNode *k = c->children; k; k = k->next)
        if (k->type == XML_ELEMENT_NODE)
          {
            Info *ki = INFO (k);

            /* scripts and styles are not text a reader sees */
            if ((tag_flags (k) & TAG_DROP))
              continue;
            info->text += ki->text;
            info->links += ki->links;
            info->commas += ki->commas;
            info->paras += ki->paras + (arx_xml_is (k, "p") ? 1 : 0);
            info->long_blocks += ki->long_blocks + (ki->own_text >= 120 ? 1 : 0);
            if ((tag_flags (k) & TAG_BLOCK) && !arx_xml_is (k, "br"))
              info->block_child = TRUE;
            else
              {
                info->own_text += ki->text;
                info->own_commas += ki->commas;
              }
          }
    }
}

static double
link_density (xmlNode *node)
{
  Info *i = INFO (node);

  return i->text > 0 ? (double)i->links / i->text : 0.0;
}

static void
init_candidate (xmlNode *node)
{
  Info *i = INFO (node);
  const char *n = (const char *)node->name;

  if (i->scored)
    return;
  i->scored = TRUE;
  i->weight = class_weight (node);
  i->score = i->weight;
  if (g_str_equal (n, "div") || g_str_equal (n, "article") || g_str_equal (n, "main"))
    i->score += 5;
  else if (g_str_equal (n, "pre") || g_str_equal (n, "td") || g_str_equal (n, "blockquote"))
    i->score += 3;
  else if (strchr ("oudl", n[0]) != NULL && (g_str_equal (n, "ol") || g_str_equal (n, "ul")
                                            || g_str_equal (n, "dl") || g_str_equal (n, "dd")
                                            || g_str_equal (n, "dt") || g_str_equal (n, "li")))
    i->score -= 3;
  else if ((n[0] == 'h' && n[1] >= '1' && n[1] <= '6' && n[2] == '\0') || g_str_equal (n, "th"))
    i->score -= 5;
  if (g_str_equal (n, "article") || attr_equals (node, "itemprop", "articleBody"))
    i->score += 10;
}

static gboolean
is_scorable (xmlNode *node)
{
  guint flags = tag_flags (node);

  if (flags & TAG_PARA)
    return TRUE;
  /* a div holding only inline content is a paragraph in all but name */
  return (flags & TAG_DIVLIKE) && !INFO (node)->block_child;
}

static void
score_blocks (xmlNode   *node,
              GPtrArray *candidates)
{
  for (xmlNode *c = node; c; c = c->next)
    {
      Info *info;

      if (c->type != XML_ELEMENT_NODE)
        continue;
      info = INFO (c);
      if ((is_scorable (c) && info->text >= 25) || (info->block_child && info->own_text >= 25))
        {
          /* A container's own loose text (Blogger-style "text<br><br>text") counts as
           * paragraphs of the container itself, as Readability does by wrapping it in <p>. */
          gboolean loose = !is_scorable (c);
          guint len = loose ? info->own_text : info->text;
          guint segments = loose ? MAX (1, len / 200) : 1;
          double s = segments + (loose ? info->own_commas : info->commas) + MIN (len / 100, 3 * segments);
          xmlNode *a = loose ? c : c->parent;

          for (guint level = 0; a != NULL && a->type == XML_ELEMENT_NODE && a->_private && level < 5;
               level++, a = a->parent)
            {
              if (!INFO (a)->scored)
                {
                  init_candidate (a);
                  g_ptr_array_add (candidates, a);
                }
              INFO (a)->score += level == 0 ? s : level == 1 ? s / 2 : s / (level * 3);
            }
          if (!loose && !arx_xml_is (c, "div") && !arx_xml_is (c, "section"))
            continue;
        }
      score_blocks (c->children, candidates);
    }
}

static gboolean
is_ancestor (xmlNode *a,
             xmlNode *n)
{
  for (; n != NULL; n = n->parent)
    if (n == a)
      return TRUE;
  return FALSE;
}

static xmlNode *
choose_top (GPtrArray *candidates,
            xmlNode   *body)
{
  xmlNode *top = NULL, *alt[5] = { NULL };
  double best[5] = { 0 };
  double last;

  for (guint k = 0; k < candidates->len; k++)
    {
      xmlNode *c = g_ptr_array_index (candidates, k);
      Info *i = INFO (c);

      i->score *= 1.0 - link_density (c);
      for (guint j = 0; j < 5; j++)
        if (alt[j] == NULL || i->score > best[j])
          {
            memmove (alt + j + 1, alt + j, (4 - j) * sizeof alt[0]);
            memmove (best + j + 1, best + j, (4 - j) * sizeof best[0]);
            alt[j] = c;
            best[j] = i->score;
            break;
          }
    }
  top = alt[0];
  if (top == NULL || arx_xml_is (top, "body") || arx_xml_is (top, "html"))
    return body;

  /* Several strong candidates under one ancestor: the story is split into blocks. */
  {
    guint close = 0;

    for (guint j = 1; j < 5; j++)
      if (alt[j] != NULL && best[j] >= best[0] * 0.75)
        close++;
    if (close >= 2)
      {
        for (xmlNode *p = top->parent; p != NULL && p != body && p->type == XML_ELEMENT_NODE; p = p->parent)
          {
            guint inside = 0;

            for (guint j = 1; j < 5; j++)
              if (alt[j] != NULL && best[j] >= best[0] * 0.75 && is_ancestor (p, alt[j]))
                inside++;
            if (inside >= MIN (close, 3u))
              {
                top = p;
                break;
              }
          }
      }
  }
  if (!INFO (top)->scored)
    init_candidate (top);
  /* Climb while the parent scores better: the story container rather than one section. */
  last = INFO (top)->score;
  for (xmlNode *p = top->parent; p != NULL && p != body && p->type == XML_ELEMENT_NODE; p = p->parent)
    {
      if (!INFO (p)->scored)
        continue;
      if (INFO (p)->score < last / 3)
        break;
      if (INFO (p)->score > last)
        {
          top = p;
          break;
        }
      last = INFO (p)->score;
    }
  while (top->parent != NULL && top->parent != body && top->parent->type == XML_ELEMENT_NODE
         && xmlChildElementCount (top->parent) == 1)
    top = top->parent;
  return top;
}

static gboolean
ends_with_sentence (xmlNode *node)
{
  g_autofree char *t = arx_xml_text (node);
  gsize n = t ? strlen (t) : 0;

  return n > 0 && strchr (".!?\"”»", t[n - 1]) != NULL;
}

static void
select_siblings (xmlNode   *top,
                 GPtrArray *out)
{
  xmlNode *parent = top->parent;
  double threshold = MAX (10.0, INFO (top)->score * 0.2);
  g_autofree char *top_class = arx_xml_prop (top, "class");

  if (parent == NULL || parent->type != XML_ELEMENT_NODE || arx_xml_is (top, "body"))
    {
      g_ptr_array_add (out, top);
      return;
    }
  for (xmlNode *s = parent->children; s; s = s->next)
    {
      Info *i;
      double bonus = 0;

      if (s->type != XML_ELEMENT_NODE)
        continue;
      if (s == top)
        {
          g_ptr_array_add (out, s);
          continue;
        }
      i = INFO (s);
      if (top_class != NULL && *top_class != '\0')
        {
          g_autofree char *cls = arx_xml_prop (s, "class");

          if (g_strcmp0 (cls, top_class) == 0)
            bonus = INFO (top)->score * 0.2;
        }
      if (i->scored && i->score + bonus >= threshold)
        g_ptr_array_add (out, s);
      else if (arx_xml_is (s, "p") || (arx_xml_is (s, "div") && !i->block_child))
        {
          double ld = link_density (s);

          if ((i->text > 80 && ld < 0.25) || (i->text > 0 && i->text <= 80 && ld == 0 && ends_with_sentence (s)))
            g_ptr_array_add (out, s);
        }
    }
}

/* Readability's conditional cleaning: link-heavy or form-like boxes inside the story. */
static gboolean
skip_box (xmlNode *node)
{
  Info *i = INFO (node);
  double ld;
  gint weight;

  if (i == NULL || !(tag_flags (node) & TAG_BOX))
    return FALSE;
  ld = link_density (node);
  if (i->text == 0)
    return FALSE;
  if (ld > 0.5 && i->commas < 10)
    return TRUE;
  if (i->commas >= 10 || i->text > 1000)
    return FALSE;
  weight = class_weight (node);
  if (weight < 0 && i->text < 300)
    return TRUE;
  if (weight < 25 && ld > 0.33 && !arx_xml_is (node, "p"))
    return TRUE;
  if ((arx_xml_is (node, "ul") || arx_xml_is (node, "ol")) && ld > 0.2)
    return TRUE;
  return FALSE;
}

typedef struct
{
  ArxArticle *article;
  GString    *buf;
  gboolean    clean;
  const char *title;
  guint       emitted;
  gboolean    stopped;   /* reached a "related articles" / comments heading */
} Emit;

/* Headings that start the page's furniture after the story: nothing after them is article. */
static gboolean
is_end_heading (const char *text)
{
  static const char *const starts[] = {
    "related", "more from", "more on this", "more stories", "read next", "you may also like",
    "you might also like", "recommended", "most popular", "most read", "trending", "about the author",
    "comments", "leave a reply", "leave a comment", "über den autor", "über die autorin", "das könnte",
    "interessante artikel", "weitere artikel", "weitere beiträge", "mehr zum thema", "mehr aus",
    "meistgelesen", "ähnliche artikel", "verwandte artikel", "kommentare", "schreibe einen kommentar",
    "hinterlasse einen kommentar", "wie bewerten sie", "articles similaires", "à lire aussi",
    "sur le même sujet", "commentaires", "te puede interesar", "noticias relacionadas",
    "artículos relacionados", "comentarios", "leggi anche", "articoli correlati", "commenti", NULL
  };
  g_autofree char *lower = NULL;

  if (strlen (text) > 80)
    return FALSE;
  lower = g_utf8_strdown (text, -1);
  g_strchomp (lower);
  for (guint i = 0; starts[i]; i++)
    if (g_str_has_prefix (lower, starts[i]))
      {
        const char *rest = lower + strlen (starts[i]);
        const char *colon = strchr (rest, ':');

        /* "Related articles" ends the story; "Related post: <a link>" inside it does not */
        if (strlen (rest) <= 20 && (colon == NULL || colon[1] == '\0'))
          return TRUE;
      }
  return FALSE;
}

/* Short lines that are page furniture wherever they appear: ad labels, share prompts, and
 * date lines (the date is metadata). */
static gboolean
is_boilerplate_line (const char *p)
{
  static const char *const lines[] = {
    "advertisement", "advertisements", "anzeige", "werbung", "publicité", "publicidad", "pubblicità",
    "sponsored", "share", "share this", "share this article", "share this story", "tweet", "email",
    "print", "read more", "continue reading", "weiterlesen", "mehr lesen", "mehr zum thema",
    "click here", "related", "related articles", "related stories", "loading", "loading...",
    "loading…", "comments", "kommentare", "skip to content", "back to top", NULL
  };
  gsize len = strlen (p);
  g_autofree char *lower = NULL;
  g_autofree char *date = NULL;
  guint words = 0;

  if (len > 60)
    return FALSE;
  lower = g_utf8_strdown (p, len);
  g_strchomp (lower);
  while (len > 0 && strchr (":.", lower[strlen (lower) - 1]) != NULL && strlen (lower) > 1)
    lower[strlen (lower) - 1] = '\0';
  for (guint i = 0; lines[i]; i++)
    if (g_str_equal (lower, lines[i]))
      return TRUE;
  date = arx_import_date_normalize (p);
  if (date == NULL)
    return FALSE;
  /* "October 12, 2017", "Updated: 12.10.2017, 10:15 Uhr" */
  for (const char *q = p; *q; q++)
    if (g_ascii_isalpha (*q) && (q == p || !g_ascii_isalpha (q[-1])))
      words++;
  return words <= 4;
}

static void
flush (Emit *e)
{
  g_autofree char *p = NULL;

  if (e->buf->len == 0)
    return;
  p = arx_normalize_space (e->buf->str, e->buf->len);
  g_string_truncate (e->buf, 0);
  if (*p == '\0')
    return;
  /* the headline repeated at the top of the body */
  if (e->title != NULL && e->emitted == 0 && g_str_equal (p, e->title))
    return;
  if (e->clean && is_boilerplate_line (p))
    return;
  if (e->stopped)
    return;
  arx_article_add_paragraph (e->article, p, -1);
  e->emitted++;
}

static gboolean
is_blank (const char *s)
{
  for (; s && *s; s++)
    if (!g_ascii_isspace (*s))
      return FALSE;
  return TRUE;
}

static void
emit (xmlNode *node,
      Emit    *e)
{
  for (xmlNode *c = node; c; c = c->next)
    {
      gboolean block;

      if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE)
        {
          if (c->content)
            g_string_append (e->buf, (const char *)c->content);
          continue;
        }
      if (c->type != XML_ELEMENT_NODE)
        continue;
      if (arx_xml_is (c, "br"))
        {
          xmlNode *n = c->next;

          /* <br><br> (with only white space between) separates paragraphs */
          while (n && n->type == XML_TEXT_NODE && is_blank ((const char *)n->content))
            n = n->next;
          if (n && arx_xml_is (n, "br"))
            flush (e);
          else
            g_string_append_c (e->buf, ' ');
          continue;
        }
      if ((tag_flags (c) & TAG_DROP))
        continue;
      if (e->clean && (skip_box (c) || arx_xml_is (c, "h1")))
        continue;
      if (e->clean && (tag_flags (c) & TAG_HEADING))
        {
          g_autofree char *text = arx_xml_text (c);
          xmlNode *next = c->next;

          while (next != NULL && (next->type != XML_ELEMENT_NODE || (tag_flags (next) & TAG_DROP))
                 && !(next->type == XML_TEXT_NODE && !is_blank ((const char *)next->content)))
            next = next->next;
          if (e->emitted >= 2 && is_end_heading (text))
            {
              if (g_getenv ("ARX_EXTRACT_DEBUG"))
                g_printerr ("END HEADING: %s\n", text);
              flush (e);
              e->stopped = TRUE;
              continue;
            }
          /* a heading whose section was removed (a links box, a share bar) */
          if (next == NULL || (next->type == XML_ELEMENT_NODE && skip_box (next)))
            continue;
        }
      block = (tag_flags (c) & TAG_BLOCK);
      if (block)
        flush (e);
      emit (c->children, e);
      if (block)
        flush (e);
      else if (arx_xml_is (c, "td") || arx_xml_is (c, "th"))
        g_string_append_c (e->buf, ' ');
    }
}

/* Every block of @node as a paragraph, no boilerplate removal (for clean sources). */
void
arx_html_append_blocks (xmlNode    *node,
                        ArxArticle *article)
{
  g_autoptr(GString) buf = g_string_new (NULL);
  Emit e = { article, buf, FALSE, NULL, 0 };

  emit (node, &e);
  flush (&e);
}

static guint
extract_once (xmlDoc     *doc,
              ArxArticle *article,
              const char *title,
              gboolean    use_classes)
{
  xmlNode *root = xmlDocGetRootElement (doc);
  xmlNode *body = root ? arx_xml_find (root, "body") : NULL;
  g_autoptr(GPtrArray) candidates = g_ptr_array_new ();
  g_autoptr(GPtrArray) chosen = g_ptr_array_new ();
  g_autoptr(GString) buf = g_string_new (NULL);
  g_autofree Info *pool = NULL;
  guint used = 0;
  Emit e = { article, buf, TRUE, title, 0 };
  xmlNode *top;

  if (body == NULL)
    body = root;
  if (body == NULL)
    return 0;
  {
    xmlNode *saved_next = body->next;

    /* compute_info walks siblings; start at body alone. Once to protect big containers from
     * preclean, once more for scoring what is left. */
    body->next = NULL;
    pool = g_new (Info, count_elements (body) + 1);
    compute_info (body, pool, &used, FALSE);
    preclean (body, use_classes, INFO (body)->text);
    used = 0;
    compute_info (body, pool, &used, FALSE);
    body->next = saved_next;
  }
  score_blocks (body->children, candidates);
  top = choose_top (candidates, body);
  select_siblings (top, chosen);
  if (g_getenv ("ARX_EXTRACT_DEBUG") != NULL)
    {
      char ci[512] = "";
      class_and_id (top, ci, sizeof ci);
      g_printerr ("top <%s %s> score %.1f text %u, %u chosen, %u candidates\n", top->name, ci,
                  INFO (top) ? INFO (top)->score : -1.0, INFO (top) ? INFO (top)->text : 0, chosen->len,
                  candidates->len);
    }
  for (guint i = 0; i < chosen->len; i++)
    {
      xmlNode *n = g_ptr_array_index (chosen, i);
      xmlNode *saved_next = n->next;

      /* emit() walks sibling lists; emit this node alone */
      n->next = NULL;
      if (!(e.clean && skip_box (n) && n != top))
        {
          flush (&e);
          emit (n, &e);
        }
      n->next = saved_next;
      flush (&e);
    }
  /* Everything in the chosen container looked like links or boxes (link round-ups, short
   * posts): better its plain text than nothing. */
  if (arx_article_get_text_length (article) < 100)
    {
      g_autoptr(ArxArticle) plain = arx_article_new ();

      for (guint i = 0; i < chosen->len; i++)
        {
          xmlNode *n = g_ptr_array_index (chosen, i);
          xmlNode *saved_next = n->next;

          n->next = NULL;
          arx_html_append_blocks (n, plain);
          n->next = saved_next;
        }
      if (arx_article_get_text_length (plain) > arx_article_get_text_length (article))
        {
          guint n;
          const ArxSpan *spans = arx_article_get_paragraphs (plain, &n);

          arx_article_set_text (article, arx_article_get_text (plain), spans, n);
        }
    }
  /* clear pointers into the pool, which dies here */
  {
    xmlNode *n = body;
    while (n != NULL)
      {
        if (n->type == XML_ELEMENT_NODE)
          n->_private = NULL;
        if (n->children && n->type == XML_ELEMENT_NODE)
          n = n->children;
        else
          {
            while (n != NULL && n != body && n->next == NULL)
              n = n->parent;
            if (n == NULL || n == body)
              break;
            n = n->next;
          }
      }
  }
  return (guint)arx_article_get_text_length (article);
}

/**
 * arx_html_extract_content:
 * @doc: parsed page; modified (boilerplate is unlinked)
 * @use_classes: whether class/id hints may remove elements before scoring
 *
 * Adds the main text of @doc to @article as paragraphs.
 * Returns: the length of the text added.
 */
guint
arx_html_extract_content (xmlDoc     *doc,
                          ArxArticle *article,
                          const char *title,
                          gboolean    use_classes)
{
  return extract_once (doc, article, title, use_classes);
}
