/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "arx-import"

#include "config.h"

#include <string.h>

#include "arx-html-extract-private.h"

/* Main-content extraction in the spirit of Readability: remove what is certainly not the story
 * (scripts, navigation, share bars, comments, captions…), score text blocks by length, commas
 * and link density, credit their ancestors, pick the best-scoring container plus related
 * siblings, and emit its blocks as paragraphs while skipping link-heavy lists and boxes. */

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

/* Post-order pass: text, link text, commas per element; node->_private points at its ArxHtmlInfo. */
static void
compute_info (xmlNode *node,
              ArxHtmlInfo    *pool,
              guint   *used,
              gboolean in_link)
{
  for (xmlNode *c = node; c; c = c->next)
    {
      ArxHtmlInfo *info;

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
            ArxHtmlInfo *ki = INFO (k);

            /* scripts and styles are not text a reader sees */
            if ((arx_html_tag_flags (k) & TAG_DROP))
              continue;
            info->text += ki->text;
            info->links += ki->links;
            info->commas += ki->commas;
            info->paras += ki->paras + (arx_xml_is (k, "p") ? 1 : 0);
            info->long_blocks += ki->long_blocks + (ki->own_text >= 120 ? 1 : 0);
            if ((arx_html_tag_flags (k) & TAG_BLOCK) && !arx_xml_is (k, "br"))
              info->block_child = TRUE;
            else
              {
                info->own_text += ki->text;
                info->own_commas += ki->commas;
              }
          }
    }
}

static void
init_candidate (xmlNode *node)
{
  ArxHtmlInfo *i = INFO (node);
  const char *n = (const char *)node->name;

  if (i->scored)
    return;
  i->scored = TRUE;
  i->weight = arx_html_class_weight (node);
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
  if (g_str_equal (n, "article") || arx_html_attr_equals (node, "itemprop", "articleBody"))
    i->score += 10;
}

static gboolean
is_scorable (xmlNode *node)
{
  guint flags = arx_html_tag_flags (node);

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
      ArxHtmlInfo *info;

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
            xmlNode   *body,
            xmlNode  **best_block)
{
  xmlNode *top = NULL, *alt[5] = { NULL };
  double best[5] = { 0 };
  double last;

  for (guint k = 0; k < candidates->len; k++)
    {
      xmlNode *c = g_ptr_array_index (candidates, k);
      ArxHtmlInfo *i = INFO (c);

      i->score *= 1.0 - arx_html_link_density (c);
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
  *best_block = top;
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

/* Whether @a and @b are blocks of one repeated kind: same element, same non-empty class. */
static gboolean
same_kind (xmlNode    *a,
           const char *a_class,
           xmlNode    *b)
{
  g_autofree char *cls = NULL;

  if (b == a || b->type != XML_ELEMENT_NODE || !xmlStrEqual (a->name, b->name))
    return FALSE;
  cls = arx_xml_prop (b, "class");
  return g_strcmp0 (cls, a_class) == 0;
}

/* The first element under @node (itself included) of the same kind as @like. */
static xmlNode *
find_kind (xmlNode    *node,
           xmlNode    *like,
           const char *like_class)
{
  if (node == like || (node->type == XML_ELEMENT_NODE && same_kind (like, like_class, node)))
    return node;
  for (xmlNode *c = node->children; c; c = c->next)
    if (c->type == XML_ELEMENT_NODE)
      {
        xmlNode *found = find_kind (c, like, like_class);
        if (found != NULL)
          return found;
      }
  return NULL;
}

/* A forum thread or comment-style page: the best block is one post among several of the same
 * kind. Returns the post (its siblings are gathered by select_siblings), or NULL. */
static xmlNode *
repeated_block (xmlNode *top,
                xmlNode *body)
{
  xmlNode *a = top;

  for (guint level = 0; level < 3 && a != NULL && a != body && a->type == XML_ELEMENT_NODE; level++, a = a->parent)
    {
      g_autofree char *cls = arx_xml_prop (a, "class");
      guint similar = 0;

      if (cls == NULL || *cls == '\0' || a->parent == NULL)
        continue;
      for (xmlNode *s = a->parent->children; s; s = s->next)
        if (same_kind (a, cls, s) && INFO (s) != NULL && INFO (s)->text >= 30 && arx_html_link_density (s) < 0.3)
          similar++;
      if (similar >= 2)
        return a;
    }
  return NULL;
}

/* Whether @b is an element like @a with at least @a's class tokens: "post" and "post
 * post-first", not "post-sig". */
static gboolean
has_classes_of (xmlNode    *a,
                const char *a_class,
                xmlNode    *b)
{
  g_autofree char *cls = NULL;
  g_auto(GStrv) wanted = NULL;
  g_auto(GStrv) have = NULL;

  if (b->type != XML_ELEMENT_NODE || !xmlStrEqual (a->name, b->name))
    return FALSE;
  cls = arx_xml_prop (b, "class");
  if (cls == NULL)
    return FALSE;
  if (g_str_equal (cls, a_class))
    return TRUE;
  wanted = g_strsplit_set (a_class, " \t\n", -1);
  have = g_strsplit_set (cls, " \t\n", -1);
  for (guint i = 0; wanted[i]; i++)
    if (*wanted[i] != '\0' && !g_strv_contains ((const char *const *)have, wanted[i]))
      return FALSE;
  return TRUE;
}

/* Every post of a thread, wherever the forum's markup puts it: the elements of @body with the
 * tag and class of @like that read as text (not link lists), outermost only, in page order.
 * Forum software nests each post a few levels deep, in wrappers that differ between the opening
 * post and the replies, so the siblings of one post do not find the others. */
static void
collect_posts (xmlNode    *body,
               xmlNode    *like,
               const char *like_class,
               GPtrArray  *out)
{
  for (xmlNode *n = body->children; n != NULL && n != body; )
    {
      gboolean post = n->type == XML_ELEMENT_NODE && INFO (n) != NULL
                      && (n == like || has_classes_of (like, like_class, n))
                      && INFO (n)->text >= 30 && arx_html_link_density (n) < 0.3;

      if (post)
        g_ptr_array_add (out, n);
      if (!post && n->type == XML_ELEMENT_NODE && n->children != NULL)
        n = n->children;
      else
        {
          while (n != body && n->next == NULL)
            n = n->parent;
          if (n != body)
            n = n->next;
        }
    }
}

static gboolean
ends_with_sentence (xmlNode *node)
{
  g_autofree char *t = arx_xml_text (node);
  gsize n = t ? strlen (t) : 0;

  return n > 0 && strchr (".!?\"”»", t[n - 1]) != NULL;
}

/* Text of the largest paragraph-like block under @node: a lead container is mostly its lead,
 * not kicker labels and date lines. */
static guint
largest_block (xmlNode *node)
{
  guint best = 0;

  if (node->type != XML_ELEMENT_NODE || INFO (node) == NULL)
    return 0;
  if ((arx_html_tag_flags (node) & TAG_PARA) || !INFO (node)->block_child)
    return INFO (node)->text;
  for (xmlNode *c = node->children; c; c = c->next)
    best = MAX (best, largest_block (c));
  return best;
}

static void
count_headings (xmlNode *node,
                guint   *headings,
                guint   *linked)
{
  for (xmlNode *c = node; c; c = c->next)
    {
      if (c->type != XML_ELEMENT_NODE)
        continue;
      if (arx_html_tag_flags (c) & TAG_HEADING)
        {
          (*headings)++;
          if (arx_xml_find (c, "a") != NULL || (c->parent != NULL && arx_xml_is (c->parent, "a")))
            (*linked)++;
          continue;
        }
      count_headings (c->children, headings, linked);
    }
}

/* A container of teasers rather than a story: most of its headings are links, and no block of
 * text is as long as a story's paragraphs. */
static gboolean
is_teaser_list (xmlNode *top)
{
  guint headings = 0, linked = 0;

  count_headings (top->children, &headings, &linked);
  return linked >= 3 && linked * 2 >= headings && largest_block (top) < 400;
}

static void
select_siblings (xmlNode   *top,
                 gboolean   repeated,
                 GPtrArray *out)
{
  xmlNode *parent = top->parent;
  double threshold = MAX (10.0, INFO (top)->score * 0.2);
  g_autofree char *top_class = arx_xml_prop (top, "class");
  xmlNode *lead[3] = { NULL };

  if (parent == NULL || parent->type != XML_ELEMENT_NODE || arx_xml_is (top, "body"))
    {
      g_ptr_array_add (out, top);
      return;
    }
  /* the lead paragraph often stands in its own container (or the story's header) just
   * before the body: one of the three elements before it, short and without links */
  {
    guint k = 0;

    for (xmlNode *s = top->prev; s != NULL && k < G_N_ELEMENTS (lead); s = s->prev)
      if (s->type == XML_ELEMENT_NODE)
        lead[k++] = s;
  }
  for (xmlNode *s = parent->children; s; s = s->next)
    {
      ArxHtmlInfo *i;
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
          /* the other posts of a thread */
          if (repeated && same_kind (top, top_class, s) && i->text >= 30 && arx_html_link_density (s) < 0.3)
            {
              g_ptr_array_add (out, s);
              continue;
            }
        }
      if (i->scored && i->score + bonus >= threshold)
        g_ptr_array_add (out, s);
      else if ((s == lead[0] || s == lead[1] || s == lead[2]) && i->text >= 80 && i->paras <= 2
               && arx_html_link_density (s) < 0.2 && largest_block (s) * 4 >= i->text * 3
               && !arx_html_skip_box (s))
        g_ptr_array_add (out, s);
      else if (arx_xml_is (s, "p") || (arx_xml_is (s, "div") && !i->block_child))
        {
          double ld = arx_html_link_density (s);

          if ((i->text > 80 && ld < 0.25) || (i->text > 0 && i->text <= 80 && ld == 0 && ends_with_sentence (s)))
            g_ptr_array_add (out, s);
        }
    }
}

/**
 * arx_html_extract_content:
 * @doc: parsed page; modified (boilerplate is unlinked)
 * @base_uri: (nullable): the page's address, to resolve the links of a listing
 * @use_classes: whether class/id hints may remove elements before scoring
 * @kind: (inout): the kind of page, which decides the strategy: the story's container for
 *   articles, documentation and threads; the page's main region for the other kinds
 * @if_no_story: what an article is when no container holds most of the text
 *
 * Adds the main text of @doc to @article as paragraphs.
 * Returns: the length of the text added.
 */
guint
arx_html_extract_content (xmlDoc      *doc,
                          ArxArticle  *article,
                          const char  *title,
                          const char  *base_uri,
                          gboolean     use_classes,
                          ArxPageKind *kind,
                          ArxPageKind  if_no_story)
{
  xmlNode *root = xmlDocGetRootElement (doc);
  xmlNode *body = root ? arx_xml_find (root, "body") : NULL;
  g_autoptr(GPtrArray) candidates = g_ptr_array_new ();
  g_autoptr(GPtrArray) chosen = g_ptr_array_new ();
  g_autoptr(GString) buf = g_string_new (NULL);
  g_autofree ArxHtmlInfo *pool = NULL;
  guint used = 0;
  ArxHtmlEmit e = { article, buf, TRUE, title, 0, FALSE, base_uri };
  xmlNode *top, *best = NULL;

  if (body == NULL)
    body = root;
  if (body == NULL)
    return 0;
  {
    xmlNode *saved_next = body->next;

    /* compute_info walks siblings; start at body alone. Once to protect big containers from
     * preclean, once more for scoring what is left. */
    body->next = NULL;
    pool = g_new (ArxHtmlInfo, count_elements (body) + 1);
    compute_info (body, pool, &used, FALSE);
    arx_html_preclean (body, !use_classes ? ARX_CLEAN_TAGS : *kind == ARX_PAGE_FORUM ? ARX_CLEAN_THREAD
                             : arx_page_kind_is_story (*kind) ? ARX_CLEAN_ALL : ARX_CLEAN_FURNITURE);
    used = 0;
    compute_info (body, pool, &used, FALSE);
    body->next = saved_next;
  }
  score_blocks (body->children, candidates);
  top = choose_top (candidates, body, &best);
  {
    xmlNode *region = arx_html_find_region (body);

    /* A page that does not declare a story is one when the best container holds most of its
     * text; a list of teasers or a page of sections spreads its text over many. */
    if (*kind == ARX_PAGE_ARTICLE && if_no_story != ARX_PAGE_ARTICLE
        && (INFO (top)->text < INFO (region)->text * 0.4
            || (if_no_story == ARX_PAGE_LISTING && is_teaser_list (top))))
      {
        /* this tree lost what the region keeps; the caller reads the page again */
        *kind = if_no_story;
        goto done;
      }
    if (!arx_page_kind_is_story (*kind))
      {
        arx_html_emit_region (region, top, &e, *kind);
        goto done;
      }
  }
  {
    /* the best block is one post of a thread (within the chosen container) */
    xmlNode *post = best != NULL && best != top && is_ancestor (top, best) ? repeated_block (best, body) : NULL;
    xmlNode *inner = best;

    /* narrow the container to the posts only when they are nearly all of it */
    if (post != NULL && post->parent != NULL)
      {
        g_autofree char *cls = arx_xml_prop (post, "class");
        guint posts_text = 0;

        for (xmlNode *s = post->parent->children; s; s = s->next)
          if ((s == post || same_kind (post, cls, s)) && INFO (s) != NULL)
            posts_text += INFO (s)->text;
        if (posts_text < INFO (top)->text * 0.8)
          post = NULL;
      }
    if (post == NULL)
      {
        post = repeated_block (top, body);
        inner = top;
      }

    if (post != NULL && INFO (post) != NULL)
      top = post;
    select_siblings (top, post != NULL, chosen);
    /* each post's own text block (the one like the best-scoring block), without the poster's
     * profile box and signature */
    if (post != NULL && inner != post)
      {
        g_autofree char *inner_class = arx_xml_prop (inner, "class");

        for (guint i = 0; inner_class != NULL && *inner_class != '\0' && i < chosen->len; i++)
          {
            xmlNode *content = find_kind (g_ptr_array_index (chosen, i), inner, inner_class);

            if (content != NULL)
              g_ptr_array_index (chosen, i) = content;
          }
      }
  }
  /* a thread whose chosen container holds only some of its posts: take the posts from the
   * whole page when they add text (the replies sit outside the opening post's container) */
  if (*kind == ARX_PAGE_FORUM && best != NULL && INFO (best) != NULL)
    {
      g_autofree char *best_class = arx_xml_prop (best, "class");
      g_autoptr(GPtrArray) posts = g_ptr_array_new ();
      guint chosen_text = 0, posts_text = 0;

      if (best_class != NULL && *best_class != '\0')
        collect_posts (body, best, best_class, posts);
      for (guint i = 0; i < chosen->len; i++)
        chosen_text += INFO ((xmlNode *)g_ptr_array_index (chosen, i))->text;
      for (guint i = 0; i < posts->len; i++)
        posts_text += INFO ((xmlNode *)g_ptr_array_index (posts, i))->text;
      if (arx_html_debug ())
        g_printerr ("forum: %u posts like the best block, text %u (chosen %u)\n", posts->len, posts_text,
                    chosen_text);
      if (posts->len >= 2 && posts_text > chosen_text * 1.2)
        {
          g_ptr_array_set_size (chosen, 0);
          for (guint i = 0; i < posts->len; i++)
            g_ptr_array_add (chosen, g_ptr_array_index (posts, i));
        }
    }
  if (arx_html_debug ())
    {
      char ci[512] = "";
      arx_html_class_and_id (top, ci, sizeof ci);
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
      if (!(e.clean && arx_html_skip_box (n) && n != top))
        {
          arx_html_emit_flush (&e);
          arx_html_emit (n, &e);
        }
      n->next = saved_next;
      arx_html_emit_flush (&e);
    }
  /* Everything in the chosen container looked like links or boxes (link round-ups, short
   * posts), or no container stood out (a listing: items are links): better the plain text
   * of its blocks than nothing or the prices alone. */
  if (arx_article_get_text_length (article) < 100 || top == body)
    {
      g_autoptr(ArxArticle) plain = arx_article_new ();

      for (guint i = 0; i < chosen->len; i++)
        {
          xmlNode *n = g_ptr_array_index (chosen, i);
          xmlNode *saved_next = n->next;

          n->next = NULL;
          arx_html_append_blocks (n, plain, title);
          n->next = saved_next;
        }
      if (arx_article_get_text_length (plain) > arx_article_get_text_length (article))
        {
          guint n;
          const ArxSpan *spans = arx_article_get_paragraphs (plain, &n);

          arx_article_set_text (article, arx_article_get_text (plain), spans, n);
        }
    }
done:
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
