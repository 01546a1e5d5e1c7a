/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "arx-import"

/* What kind of page this is: a story, a forum thread, a product, a shop's category, a list of
 * stories, documentation or a service's own page. It comes from what the page declares
 * (schema.org types, Open Graph, its own address, the software that made it) and from its
 * structure (code blocks, prices, buy buttons, teasers, posts). The extraction strategy
 * follows the kind (arx-html-extract.c). */

#include "config.h"

#include <string.h>

#include "arx-import-private.h"
#include "arx-html-meta-private.h"

typedef struct
{
  guint pre, code;          /* <pre> blocks; <code> outside them */
  guint articles;           /* <article> elements */
  guint prices;             /* short texts that are a price */
  guint buy_buttons;        /* "Add to cart" and the like */
  guint teasers;            /* h2–h4 headings that are links */
  guint headings;           /* h2–h4 */
  guint para_text;          /* characters in <p> */
  guint microdata;          /* ARX_LD_* from itemtype */
  guint microdata_products;
  guint posts;              /* elements marked as one post of a thread */
  guint comments;           /* blocks of class "comment": a comment system's entries */
  gsize comment_text;       /* bytes of text in them (outermost ones only) */
  guint story_text;         /* bytes of text in <p> outside them */
} PageCounts;

static const char *const kind_names[] = {
  "article", "forum", "product", "collection", "listing", "documentation", "service",
};

const char *
arx_page_kind_name (ArxPageKind kind)
{
  g_return_val_if_fail (kind < G_N_ELEMENTS (kind_names), "article");
  return kind_names[kind];
}

/* Whether the page's content is one story-like container of text (a story, a thread, a page
 * of documentation) rather than the page's main region. */
gboolean
arx_page_kind_is_story (ArxPageKind kind)
{
  return kind == ARX_PAGE_ARTICLE || kind == ARX_PAGE_FORUM || kind == ARX_PAGE_DOCUMENTATION;
}

/* A short text that states a price: "$24.99", "149,00 €", "EUR 163.12", "£5". */
gboolean
arx_html_is_price (const char *s)
{
  static const char *const signs[] = { "$", "€", "£", "¥", "₹", "USD", "EUR", "GBP", "CHF", "лв", "zł", "kr", NULL };
  gsize len = strlen (s);

  if (len > 40)
    return FALSE;
  for (guint i = 0; signs[i]; i++)
    {
      const char *p = strstr (s, signs[i]);

      if (p == NULL)
        continue;
      /* a digit right after the sign (a space allowed) or right before it */
      {
        const char *after = p + strlen (signs[i]);

        while (*after == ' ' || (guchar)*after == 0xC2)   /* (U+00A0 starts with C2) */
          after += (*after == ' ') ? 1 : 2;
        if (g_ascii_isdigit (*after))
          return TRUE;
        while (p > s && (p[-1] == ' ' || (guchar)p[-1] == 0xA0))
          p--;
        if (p > s && g_ascii_isdigit (p[-1]))
          return TRUE;
      }
    }
  return FALSE;
}

/* "Add to cart", "In den Warenkorb", … on a button or link. */
static gboolean
is_buy_label (const char *text)
{
  static const char *const labels[] = {
    "add to cart", "add to bag", "add to basket", "add to trolley", "buy now", "buy it now",
    "in den warenkorb", "ajouter au panier", "añadir al carrito", "aggiungi al carrello",
    "in winkelwagen", "adicionar ao carrinho", "add to wishlist", NULL
  };
  g_autofree char *lower = NULL;

  if (text == NULL || strlen (text) > 60)
    return FALSE;
  lower = g_utf8_strdown (text, -1);
  for (guint i = 0; labels[i]; i++)
    if (strstr (lower, labels[i]) != NULL)
      return TRUE;
  return FALSE;
}

/* Whether the class attribute @cls holds the token @token. */
static gboolean
has_class_token (const char *cls,
                 const char *token)
{
  g_auto(GStrv) words = NULL;

  if (cls == NULL)
    return FALSE;
  words = g_strsplit_set (cls, " \t\n", -1);
  for (guint i = 0; words[i]; i++)
    if (g_ascii_strcasecmp (words[i], token) == 0)
      return TRUE;
  return FALSE;
}

/* Class tokens of one post in a thread (forum software and comment systems). */
static gboolean
is_post_class (const char *cls)
{
  static const char *const tokens[] = {
    "post", "message", "topic-post", "postbody", "post-body", "message-body", "messagebody",
    "comment-body", "forum-post", "answer", "reply", "cpost", "ipsComment", NULL
  };
  g_auto(GStrv) words = NULL;

  if (cls == NULL)
    return FALSE;
  words = g_strsplit_set (cls, " \t\n", -1);
  for (guint i = 0; words[i]; i++)
    for (guint j = 0; tokens[j]; j++)
      if (g_ascii_strcasecmp (words[i], tokens[j]) == 0)
        return TRUE;
  return FALSE;
}

static void
count_page (xmlNode    *node,
            PageCounts *c,
            gboolean    in_pre,
            gboolean    in_p,
            gboolean    in_comment)
{
  for (xmlNode *n = node; n; n = n->next)
    {
      const char *name;
      gboolean inside = in_comment;

      if ((n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) && n->content != NULL)
        {
          const char *t = (const char *)n->content;

          if (in_p)
            {
              c->para_text += strlen (t);
              if (!in_comment)
                c->story_text += strlen (t);
            }
          else if (strlen (t) < 48 && arx_html_is_price (t))
            c->prices++;
          continue;
        }
      if (n->type != XML_ELEMENT_NODE)
        continue;
      name = (const char *)n->name;
      if ((arx_html_tag_flags (n) & TAG_DROP) && !arx_xml_is (n, "button") && !arx_xml_is (n, "input"))
        continue;
      {
        g_autofree char *itemtype = arx_xml_prop (n, "itemtype");
        g_autofree char *cls = arx_xml_prop (n, "class");

        if (itemtype != NULL)
          {
            guint flag = _arx_html_ld_type_flag (itemtype, strlen (itemtype));

            c->microdata |= flag;
            if (flag & ARX_LD_PRODUCT)
              c->microdata_products++;
            if (flag & (ARX_LD_FORUM | ARX_LD_COMMENT))
              c->posts++;
          }
        else if (is_post_class (cls))
          c->posts++;
        /* (an entry, not the "comment" spans of highlighted code) */
        if (has_class_token (cls, "comment") && (g_str_equal (name, "div") || g_str_equal (name, "li")
                                                 || g_str_equal (name, "article")))
          {
            c->comments++;
            if (!inside)
              {
                g_autofree char *text = arx_xml_text (n);

                c->comment_text += text != NULL ? strlen (text) : 0;
                inside = TRUE;
              }
          }
      }
      if (g_str_equal (name, "pre"))
        {
          c->pre++;
          count_page (n->children, c, TRUE, in_p, inside);
          continue;
        }
      if (g_str_equal (name, "code") && !in_pre)
        c->code++;
      else if (g_str_equal (name, "article"))
        c->articles++;
      else if (name[0] == 'h' && name[1] >= '2' && name[1] <= '4' && name[2] == '\0')
        {
          c->headings++;
          if (arx_xml_find (n, "a") != NULL || (n->parent != NULL && arx_xml_is (n->parent, "a")))
            c->teasers++;
        }
      else if (g_str_equal (name, "button") || g_str_equal (name, "a") || g_str_equal (name, "input"))
        {
          g_autofree char *label = g_str_equal (name, "input") ? arx_xml_prop (n, "value") : arx_xml_text (n);

          if (is_buy_label (label))
            c->buy_buttons++;
          if (!g_str_equal (name, "a"))
            continue;
        }
      count_page (n->children, c, in_pre, in_p || g_str_equal (name, "p"), inside);
    }
}

static gboolean
has_prefix_any (const char        *s,
                const char *const *prefixes)
{
  for (guint i = 0; prefixes[i]; i++)
    if (g_str_has_prefix (s, prefixes[i]))
      return TRUE;
  return FALSE;
}

/* The kind the page's own address suggests, or -1. Conventions of the web at large (forum
 * software, shop systems, documentation hosts), not of particular sites. */
static int
kind_from_url (const char *url,
               gboolean   *home)
{
  static const char *const forum_hosts[] = { "forum.", "forums.", "community.", "discuss.", "bbs.", "board.", NULL };
  static const char *const forum_paths[] = { "/t/", "/threads/", "/thread/", "/topic/", "/topics/", "/viewtopic",
                                             "/showthread", "/questions/", "/comments/", "/discussion/",
                                             "/discussions/", "/forum/", "/forums/", NULL };
  static const char *const doc_hosts[] = { "docs.", "doc.", "developer.", "developers.", "wiki.", "learn.", NULL };
  static const char *const doc_paths[] = { "/docs/", "/doc/", "/documentation/", "/reference/", "/manual/",
                                           "/wiki/", "/man/", "/api/", "/library/", "/howto/", "/handbook/",
                                           "/guide/", "/guides/", "/tutorial/", "/learn/", NULL };
  static const char *const product_paths[] = { "/product/", "/products/", "/p/", "/dp/", "/itm/", "/item/",
                                               "/listing/", "/ip/", "/app/", NULL };
  static const char *const collection_paths[] = { "/collections/", "/collection/", "/c/", "/cat/", "/category/",
                                                  "/categories/", "/browse/", "/shop/", "/l/", NULL };
  g_autofree char *lower = NULL;
  const char *host, *path;
  g_autofree char *host_only = NULL;
  g_autofree char *rooted = NULL;

  *home = FALSE;
  if (url == NULL)
    return -1;
  lower = g_ascii_strdown (url, -1);
  host = strstr (lower, "//");
  if (host == NULL)
    {
      /* a relative canonical address ("viewtopic.php?id=298271"): its path alone speaks */
      if (*lower == '\0' || strchr (lower, ':') != NULL)
        return -1;
      rooted = *lower == '/' ? g_strdup (lower) : g_strconcat ("/", lower, NULL);
      path = rooted;
      host_only = g_strdup ("");
    }
  else
    {
      host += 2;
      if (g_str_has_prefix (host, "www."))
        host += 4;
      path = strchr (host, '/');
      host_only = path != NULL ? g_strndup (host, path - host) : g_strdup (host);
    }
  if (path == NULL || path[strspn (path, "/")] == '\0' || path[strspn (path, "/")] == '?'
      || path[strspn (path, "/")] == '#')
    *home = TRUE;
  if (path == NULL)
    path = "/";
  if (has_prefix_any (host_only, forum_hosts) || arx_html_contains_any (path, forum_paths))
    return ARX_PAGE_FORUM;
  if (has_prefix_any (host_only, doc_hosts) || arx_html_contains_any (path, doc_paths))
    return ARX_PAGE_DOCUMENTATION;
  if (arx_html_contains_any (path, product_paths))
    return ARX_PAGE_PRODUCT;
  if (arx_html_contains_any (path, collection_paths))
    return ARX_PAGE_COLLECTION;
  /* a story's address: a news or blog section with a slug after it, or a date */
  if (g_regex_match_simple ("/(news|article|articles|story|stories|blog|blogs|post|posts|noticias?|nachrichten|"
                            "aktuelles|actualites|notizie|[12]\\d{3}/[01]?\\d)/([^?#]*/)?[^/?#]*[a-z]+-[a-z]+-",
                            path, 0, 0))
    return ARX_PAGE_ARTICLE;
  return -1;
}

static gboolean
generator_is (const char        *generator,
              const char *const *names)
{
  g_autofree char *lower = generator != NULL ? g_ascii_strdown (generator, -1) : NULL;

  if (lower == NULL)
    return FALSE;
  for (guint i = 0; names[i]; i++)
    if (strstr (lower, names[i]) != NULL)
      return TRUE;
  return FALSE;
}

/**
 * arx_html_kind_detect:
 * @doc: the parsed page, before extraction changes it
 * @m: its metadata
 * @if_no_story: (out): the kind of page unless extraction finds one story that holds most of
 *   the page's text: a listing or a service page for pages that do not declare a story
 *
 * Returns: the kind of page.
 */
ArxPageKind
arx_html_kind_detect (xmlDoc      *doc,
                      ArxHtmlMeta *m,
                      ArxPageKind *if_no_story)
{
  static const char *const forum_software[] = { "discourse", "xenforo", "phpbb", "vbulletin", "invision",
                                                "vanilla", "mybb", "simple machines", "nodebb", "flarum",
                                                "fluxbb", "punbb", "lemmy", NULL };
  static const char *const doc_software[] = { "sphinx", "docutils", "mkdocs", "docusaurus", "rustdoc",
                                              "mediawiki", "gitbook", "bookdown", "vitepress", "antora",
                                              "docfx", "hugo-book", "jsdoc", "doxygen", "mdbook", NULL };
  PageCounts c = { 0 };
  guint types;
  gboolean home = FALSE;
  int from_url = kind_from_url (m->url, &home);
  g_autofree char *og = m->og_type != NULL ? g_ascii_strdown (m->og_type, -1) : NULL;
  ArxPageKind kind = ARX_PAGE_ARTICLE, unless_story = ARX_PAGE_ARTICLE;
  gboolean story, product;

  count_page (xmlDocGetRootElement (doc), &c, FALSE, FALSE, FALSE);
  /* for measuring the strategies apart from the detection (bench/import) */
  if (g_getenv ("ARX_EXTRACT_KIND") != NULL)
    for (guint i = 0; i < G_N_ELEMENTS (kind_names); i++)
      if (g_str_equal (g_getenv ("ARX_EXTRACT_KIND"), kind_names[i]))
        {
          *if_no_story = i;
          return i;
        }
  types = m->ld_types | c.microdata;

  /* a story says so in its metadata, or carries a date and a byline */
  story = (types & ARX_LD_ARTICLE) || from_url == ARX_PAGE_ARTICLE
          || ((m->near_date != NULL || m->ld_date != NULL || m->meta_date != NULL || m->date != NULL
               || m->class_date != NULL)
              && (g_strcmp0 (og, "article") == 0 || m->text_author != NULL || m->ld_author != NULL
                  || m->meta_author != NULL || m->author != NULL));
  /* (news sites declare their paywall as a "Product" the story is part of) */
  product = ((types & ARX_LD_PRODUCT) && (!story || c.buy_buttons > 0))
            || (og != NULL && strstr (og, "product") != NULL && g_strcmp0 (og, "product.group") != 0)
            || (from_url == ARX_PAGE_PRODUCT && !story && (c.prices >= 1 || c.buy_buttons >= 1));

  /* A thread is marked as one (JSON-LD, forum software), or has a thread's address and its
   * posts' markup, or is a page of comments that is no story: link aggregators and federated
   * boards (reddit, lemmy) mark each entry as a "comment", and their entries are the page,
   * where a story's comment section comes below a story that its metadata declares, that
   * carries a date and a byline, or whose paragraphs outside the comments hold half as much
   * text as the comments or more. */
  if ((types & ARX_LD_FORUM) || generator_is (m->generator, forum_software)
      || (from_url == ARX_PAGE_FORUM && c.posts >= 2 && !(types & ARX_LD_NEWS))
      || (c.comments >= 5 && c.story_text * 2 < c.comment_text && !story && !(types & ARX_LD_NEWS)))
    kind = ARX_PAGE_FORUM;
  else if ((types & ARX_LD_COLLECTION && c.prices >= 6) || g_strcmp0 (og, "product.group") == 0
           || (from_url == ARX_PAGE_COLLECTION && c.prices >= 6)
           || (c.prices >= 12 && (c.buy_buttons >= 4 || m->ld_products > 1 || c.microdata_products > 1)))
    kind = ARX_PAGE_COLLECTION;
  else if (product)
    kind = ARX_PAGE_PRODUCT;
  else if ((types & ARX_LD_TECH) || generator_is (m->generator, doc_software)
           || (from_url == ARX_PAGE_DOCUMENTATION && !story)
           || (c.pre >= 8 && !story))
    kind = ARX_PAGE_DOCUMENTATION;
  else if ((!story && ((types & (ARX_LD_ITEM_LIST | ARX_LD_COLLECTION)) || c.articles >= 6 || c.teasers >= 6
                      || (c.teasers >= 3 && c.teasers * 2 >= c.headings)))
           /* a date and a byline may be the first teaser's: many teasers make a listing unless
            * the page declares a story (extraction still finds one that holds most text) */
           || (!(types & ARX_LD_ARTICLE) && from_url != ARX_PAGE_ARTICLE
               && (g_strcmp0 (og, "article") != 0 || (types & (ARX_LD_ITEM_LIST | ARX_LD_COLLECTION)))
               && (c.articles >= 6 || c.teasers >= 6)))
    unless_story = ARX_PAGE_LISTING;
  else if (!story)
    unless_story = ARX_PAGE_SERVICE;
  /* a home page is never one story */
  if (home && kind == ARX_PAGE_ARTICLE && unless_story != ARX_PAGE_ARTICLE)
    kind = unless_story;
  if (kind != ARX_PAGE_ARTICLE)
    unless_story = kind;
  *if_no_story = unless_story;

  if (arx_html_debug ())
    g_printerr ("kind: %s/%s url=%s og=%s gen=%s ld=%#x products=%u pre=%u code=%u articles=%u prices=%u buy=%u "
                "teasers=%u headings=%u para=%u posts=%u comments=%u (%zu, story %u) home=%d from_url=%d dated=%d byline=%d\n",
                kind_names[kind], kind_names[unless_story], m->url, m->og_type, m->generator, types, m->ld_products, c.pre, c.code,
                c.articles, c.prices, c.buy_buttons, c.teasers, c.headings, c.para_text, c.posts, c.comments, c.comment_text, c.story_text, home,
                from_url, (m->ld_date ? 1 : 0) | (m->meta_date ? 2 : 0) | (m->date ? 4 : 0) | (m->class_date ? 8 : 0) | (m->near_date ? 16 : 0),
                (m->ld_author ? 1 : 0) | (m->meta_author ? 2 : 0) | (m->author ? 4 : 0) | (m->text_author ? 8 : 0));
  return kind;
}
