/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "arx-core.h"

G_BEGIN_DECLS

#define ARX_TYPE_ARTICLE_VIEW (arx_article_view_get_type ())

G_DECLARE_FINAL_TYPE (ArxArticleView, arx_article_view, ARX, ARTICLE_VIEW, GtkWidget)

void         arx_article_view_set_article     (ArxArticleView *self,
                                               ArxArticle     *article,
                                               ArxAnalysis    *analysis);
ArxArticle  *arx_article_view_get_article     (ArxArticleView *self);
ArxAnalysis *arx_article_view_get_analysis    (ArxArticleView *self);
void         arx_article_view_show_span       (ArxArticleView *self,
                                               guint           start,
                                               guint           end);
GtkTextView *arx_article_view_get_text_view   (ArxArticleView *self);

G_END_DECLS
