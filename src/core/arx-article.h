/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* A half-open range of UTF-8 byte offsets into an article's text. */
typedef struct
{
  guint start;
  guint end;
} ArxSpan;

#define ARX_TYPE_ARTICLE (arx_article_get_type ())

G_DECLARE_FINAL_TYPE (ArxArticle, arx_article, ARX, ARTICLE, GObject)

ArxArticle    *arx_article_new               (void);
const char    *arx_article_get_title         (ArxArticle    *self);
void           arx_article_set_title         (ArxArticle    *self,
                                              const char    *title);
const char    *arx_article_get_byline        (ArxArticle    *self);
void           arx_article_set_byline        (ArxArticle    *self,
                                              const char    *byline);
const char    *arx_article_get_published     (ArxArticle    *self);
void           arx_article_set_published     (ArxArticle    *self,
                                              const char    *published);
const char    *arx_article_get_site          (ArxArticle    *self);
void           arx_article_set_site          (ArxArticle    *self,
                                              const char    *site);
const char    *arx_article_get_language      (ArxArticle    *self);
void           arx_article_set_language      (ArxArticle    *self,
                                              const char    *language);
const char    *arx_article_get_source_uri    (ArxArticle    *self);
void           arx_article_set_source_uri    (ArxArticle    *self,
                                              const char    *uri);
const char    *arx_article_get_format        (ArxArticle    *self);
void           arx_article_set_format        (ArxArticle    *self,
                                              const char    *format);
/* The page kind: "article", "forum", "product", "collection", "listing", "documentation" or
 * "service"; NULL until a reader decides (the analysis contract then says "article"). */
const char    *arx_article_get_kind          (ArxArticle    *self);
void           arx_article_set_kind          (ArxArticle    *self,
                                              const char    *kind);
const char    *arx_article_get_text          (ArxArticle    *self);
gsize          arx_article_get_text_length   (ArxArticle    *self);
const ArxSpan *arx_article_get_paragraphs    (ArxArticle    *self,
                                              guint         *n_paragraphs);
void           arx_article_add_paragraph     (ArxArticle    *self,
                                              const char    *text,
                                              gssize         length);
void           arx_article_set_text          (ArxArticle    *self,
                                              const char    *text,
                                              const ArxSpan *paragraphs,
                                              guint          n_paragraphs);
const char    *arx_article_get_content_hash  (ArxArticle    *self);
char          *arx_article_dup_content_hash  (ArxArticle    *self);
void           arx_article_add_link          (ArxArticle    *self,
                                              const char    *uri,
                                              const char    *title);
guint          arx_article_get_n_links       (ArxArticle    *self);
const char    *arx_article_get_link          (ArxArticle    *self,
                                              guint          index,
                                              const char   **title);

char          *arx_normalize_space           (const char    *text,
                                              gssize         length);

G_END_DECLS
