/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "arx-library-insights.h"

G_BEGIN_DECLS

typedef enum
{
  ARX_INSIGHTS_SCOPE_LIBRARY,
  ARX_INSIGHTS_SCOPE_ARTICLE,
  ARX_INSIGHTS_SCOPE_TAG,
  ARX_INSIGHTS_SCOPE_SEARCH,
  ARX_INSIGHTS_SCOPE_DATES,
} ArxInsightsScopeKind;

#define ARX_TYPE_INSIGHTS_SCOPE (arx_insights_scope_get_type ())

G_DECLARE_FINAL_TYPE (ArxInsightsScope, arx_insights_scope, ARX, INSIGHTS_SCOPE, GtkWidget)

void      arx_insights_scope_set_kind      (ArxInsightsScope     *self,
                                            ArxInsightsScopeKind  kind);
void      arx_insights_scope_set_article   (ArxInsightsScope     *self,
                                            gint64                article_id);
void      arx_insights_scope_set_tags      (ArxInsightsScope     *self,
                                            GPtrArray            *tags);
void      arx_insights_scope_set_note      (ArxInsightsScope     *self,
                                            const char           *note);
gboolean  arx_insights_scope_get           (ArxInsightsScope     *self,
                                            ArxScope             *scope);
char     *arx_insights_scope_describe      (ArxInsightsScope     *self);

G_END_DECLS
