/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Shared between the HTML extraction files: per-element statistics, tag classes, boilerplate
 * tests (arx-html-boilerplate.c) and paragraph output (arx-html-emit.c). */

#include "arx-import-private.h"

G_BEGIN_DECLS

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
} ArxHtmlInfo;

#define INFO(n) ((ArxHtmlInfo *)(n)->_private)

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

/* How much preclean removes besides scripts, navigation, footers and hidden elements: class
 * and id hints of page furniture (cookie banners, menus, share bars) for any page, or also
 * those of a story's surroundings (related links, bylines, captions, teasers). */
typedef enum
{
  ARX_CLEAN_TAGS,
  ARX_CLEAN_FURNITURE,
  ARX_CLEAN_ALL,
  ARX_CLEAN_THREAD,   /* ARX_CLEAN_ALL, but comments and replies are a thread's content */
} ArxHtmlClean;

typedef struct
{
  ArxArticle *article;
  GString    *buf;
  gboolean    clean;
  const char *title;
  guint       emitted;
  gboolean    stopped;   /* reached a "related articles" / comments heading */
  const char *base_uri;  /* (nullable) the page's address, for its links */
  gboolean    region;    /* a page's whole region: headline and furniture lines left out even when not cleaning */
} ArxHtmlEmit;

gboolean  arx_html_debug         (void);
guint     arx_html_tag_flags     (xmlNode    *node);
gboolean  arx_html_class_and_id  (xmlNode    *node,
                                  char       *buf,
                                  gsize       size);
gint      arx_html_class_weight  (xmlNode    *node);
gboolean  arx_html_contains_any  (const char        *hay,
                                  const char *const *words);
gboolean  arx_html_attr_equals   (xmlNode    *node,
                                  const char *name,
                                  const char *value);
void      arx_html_preclean      (xmlNode     *body,
                                  ArxHtmlClean clean);
double    arx_html_link_density  (xmlNode    *node);
gboolean  arx_html_skip_box      (xmlNode    *node);
gboolean  arx_html_is_blank      (const char *s);
void      arx_html_emit          (xmlNode     *node,
                                  ArxHtmlEmit *e);
void      arx_html_emit_flush    (ArxHtmlEmit *e);

/* arx-html-meta.c */
typedef struct _ArxHtmlMeta ArxHtmlMeta;

/* arx-html-kind.c: the kinds of page of the analysis contract's article.kind */
typedef enum
{
  ARX_PAGE_ARTICLE,
  ARX_PAGE_FORUM,
  ARX_PAGE_PRODUCT,
  ARX_PAGE_COLLECTION,
  ARX_PAGE_LISTING,
  ARX_PAGE_DOCUMENTATION,
  ARX_PAGE_SERVICE,
} ArxPageKind;

const char  *arx_page_kind_name    (ArxPageKind  kind);
gboolean     arx_html_is_price     (const char  *s);
gboolean     arx_page_kind_is_story (ArxPageKind kind);
ArxPageKind  arx_html_kind_detect  (xmlDoc      *doc,
                                    ArxHtmlMeta *m,
                                    ArxPageKind *if_no_story);

/* arx-html-extract.c */
guint        arx_html_extract_content (xmlDoc      *doc,
                                       ArxArticle  *article,
                                       const char  *title,
                                       const char  *base_uri,
                                       gboolean     use_classes,
                                       ArxPageKind *kind,
                                       ArxPageKind  if_no_story);

/* arx-html-region.c */
xmlNode     *arx_html_find_region  (xmlNode     *body);
void         arx_html_emit_region  (xmlNode     *region,
                                    xmlNode     *top,
                                    ArxHtmlEmit *e,
                                    ArxPageKind  kind);

ArxHtmlMeta *arx_html_meta_scan    (xmlDoc      *doc,
                                    const char  *data,
                                    gsize        len,
                                    const char  *source_uri);
const char  *arx_html_meta_title   (ArxHtmlMeta *m);
const char  *arx_html_meta_url     (ArxHtmlMeta *m);
const char  *arx_html_meta_ld_body (ArxHtmlMeta *m);
void         arx_html_meta_set_kind (ArxHtmlMeta *m,
                                    ArxPageKind  kind);
void         arx_html_meta_apply   (ArxHtmlMeta *m,
                                    ArxArticle  *article,
                                    xmlDoc      *doc,
                                    ArxPageKind  kind);
void         arx_html_meta_free    (ArxHtmlMeta *m);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ArxHtmlMeta, arx_html_meta_free)

G_END_DECLS
