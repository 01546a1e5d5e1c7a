/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Shared between the HTML metadata files: what one scan of the page found (arx-html-meta.c),
 * JSON-LD (arx-html-ld.c) and the choice among the candidates (arx-html-meta-choose.c). */

#include "arx-html-extract-private.h"

G_BEGIN_DECLS

typedef struct
{
  guint    pos;
  char    *date;
  gboolean updated;   /* labelled as the date of an update ("Updated: …") */
} ArxNearDate;

/* Families of schema.org types a page declares (JSON-LD @type or microdata itemtype); they
 * tell the kind of page (arx-html-kind.c). */
enum
{
  ARX_LD_ARTICLE = 1 << 0,     /* Article, NewsArticle, BlogPosting, … */
  ARX_LD_PRODUCT = 1 << 1,     /* Product, ProductGroup */
  ARX_LD_OFFER = 1 << 2,
  ARX_LD_AGGREGATE_OFFER = 1 << 3,
  ARX_LD_ITEM_LIST = 1 << 4,
  ARX_LD_COLLECTION = 1 << 5,  /* CollectionPage, SearchResultsPage, OfferCatalog */
  ARX_LD_FORUM = 1 << 6,       /* DiscussionForumPosting, QAPage */
  ARX_LD_TECH = 1 << 7,        /* TechArticle, APIReference */
  ARX_LD_SERVICE = 1 << 8,     /* Service and its kinds */
  ARX_LD_NEWS = 1 << 9,        /* a news story proper: NewsArticle, ReportageNewsArticle, … */
  ARX_LD_COMMENT = 1 << 10,    /* Comment, Answer */
};

struct _ArxHtmlMeta
{
  char *title, *og_title, *ld_title;
  char *author, *ld_author, *meta_author, *ld_org_author;
  char *date, *ld_date, *meta_date;
  char *site, *publisher, *language, *ld_body, *class_date, *text_author, *near_date;
  gboolean near_updated;      /* the date line next to the headline is an update's */
  guint text_pos;             /* non-blank text nodes seen so far */
  guint h1_pos[8];            /* text position of each h1 in h1s */
  GArray *short_dates;        /* ArxNearDate: short date-only texts and where they stand */
  GPtrArray *h1s;
  char *chosen_title;
  /* for the kind of page */
  guint ld_types;             /* ARX_LD_* */
  guint ld_products;          /* Product objects in JSON-LD */
  char *og_type, *url, *generator;
  char twitter_author_slot;   /* "1" when twitter:label1 says "Written by" */
  char *poster;               /* the first user name on the page: a thread's opener */
  char *dated_author;         /* a name on a date line: "11.12.2019 - Jane Doe" */
};

void        _arx_html_meta_set_once (char       **field,
                                     const char  *value);
void        _arx_html_ld_read       (xmlNode     *script,
                                     ArxHtmlMeta *m);
char       *_arx_html_choose_title  (ArxHtmlMeta *m);
void        _arx_html_retitle_page  (ArxHtmlMeta *m);
const char *_arx_html_choose_author (ArxHtmlMeta *m,
                                     ArxPageKind  kind);
const char *_arx_html_choose_date   (ArxHtmlMeta *m,
                                     ArxPageKind  kind);
char       *_arx_html_near_date     (ArxHtmlMeta *m);
guint       _arx_html_ld_type_flag  (const char  *type,
                                     gsize        len);

G_END_DECLS
