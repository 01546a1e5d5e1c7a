/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "arx-core.h"
#include "arx-library.h"

G_BEGIN_DECLS

#define ARX_TYPE_STATEMENT_ITEM (arx_statement_item_get_type ())

G_DECLARE_FINAL_TYPE (ArxStatementItem, arx_statement_item, ARX, STATEMENT_ITEM, GObject)

ArxStatementItem *arx_statement_item_new             (const ArxStatement *statement,
                                                      const char         *article_text,
                                                      guint               group_rank);
ArxStatementItem *arx_statement_item_new_from_row    (const ArxStatementRow *row,
                                                      guint               group_rank);
const char       *arx_statement_item_get_speaker     (ArxStatementItem   *self);
const char       *arx_statement_item_get_text        (ArxStatementItem   *self);
const char       *arx_statement_item_get_cue         (ArxStatementItem   *self);
const char       *arx_statement_item_get_mention     (ArxStatementItem   *self);
const char       *arx_statement_item_get_rule        (ArxStatementItem   *self);
ArxStatementKind  arx_statement_item_get_kind        (ArxStatementItem   *self);
guint             arx_statement_item_get_start       (ArxStatementItem   *self);
guint             arx_statement_item_get_end         (ArxStatementItem   *self);
guint             arx_statement_item_get_group_rank  (ArxStatementItem   *self);
const char       *arx_statement_item_get_group       (ArxStatementItem   *self);
gint64            arx_statement_item_get_article_id  (ArxStatementItem   *self);
double            arx_statement_item_get_confidence  (ArxStatementItem   *self);
const char       *arx_statement_item_get_speaker_icon_name (ArxStatementItem *self);
const char       *arx_statement_item_get_speaker_kind_label (ArxStatementItem *self);
void              arx_statement_item_set_quote_articles (ArxStatementItem *self,
                                                         guint             n);
guint             arx_statement_item_get_quote_articles (ArxStatementItem *self);
gboolean          arx_statement_item_get_quote_known (ArxStatementItem  *self);
char             *arx_statement_item_dup_row_label   (ArxStatementItem   *self);
char             *arx_statement_item_dup_explanation (ArxStatementItem   *self);

G_END_DECLS
