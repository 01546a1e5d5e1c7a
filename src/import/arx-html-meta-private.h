/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Shared between the HTML metadata files: what one scan of the page found (arx-html-meta.c),
 * JSON-LD (arx-html-ld.c) and the choice among the candidates (arx-html-meta-choose.c). */

#include "arx-html-extract-private.h"

G_BEGIN_DECLS

typedef struct
{
  guint pos;
  char *date;
} ArxNearDate;

struct _ArxHtmlMeta
{
  char *title, *og_title, *ld_title;
  char *author, *ld_author, *meta_author, *ld_org_author;
  char *date, *ld_date, *meta_date;
  char *site, *publisher, *language, *ld_body, *class_date, *text_author, *near_date;
  guint text_pos;             /* non-blank text nodes seen so far */
  guint h1_pos[8];            /* text position of each h1 in h1s */
  GArray *short_dates;        /* ArxNearDate: short date-only texts and where they stand */
  GPtrArray *h1s;
  char *chosen_title;
};

void        _arx_html_meta_set_once (char       **field,
                                     const char  *value);
void        _arx_html_ld_read       (xmlNode     *script,
                                     ArxHtmlMeta *m);
char       *_arx_html_choose_title  (ArxHtmlMeta *m);
const char *_arx_html_choose_author (ArxHtmlMeta *m);
const char *_arx_html_choose_date   (ArxHtmlMeta *m);
char       *_arx_html_near_date     (ArxHtmlMeta *m);

G_END_DECLS
