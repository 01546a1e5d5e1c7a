/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "arx-library-insights.h"
#include "arx-library-private.h"

G_BEGIN_DECLS

/* Quote provenance (arx-library-provenance.c); both expect the lock and a transaction.
 * _group_quotes groups the statements of @article_id, or with 0 of every article above
 * @after_id, with the stored quotes they repeat; _forget_quotes drops an article's
 * fingerprints before its statements go. */
gboolean   _arx_library_group_quotes   (ArxLibrary      *self,
                                        gint64           after_id,
                                        gint64           article_id,
                                        GError         **error);
gboolean   _arx_library_forget_quotes  (ArxLibrary      *self,
                                        gint64           article_id,
                                        GError         **error);
gboolean   _arx_library_group_all_quotes (ArxLibrary    *self,
                                          GError       **error);

/* Gender of many people at once (arx-library-gender.c), for the stats: person id (gint64 *)
 * → GINT_TO_POINTER (ArxGender). Expects the lock. */
GHashTable *_arx_library_genders        (ArxLibrary      *self,
                                         GError         **error);

/* Statement rows (arx-library-read.c) of the visible statements among @ids (element-type
 * gint64), by article and position, at most @limit (0: all). Expects the lock. */
GPtrArray  *_arx_library_statement_rows_by_ids (ArxLibrary *self,
                                                GArray     *ids,
                                                guint       limit,
                                                GError    **error);

/* Time periods (arx-library-stats.c): "2019" or "2019-07" of an article date, NULL when the
 * date is not one. */
char       *_arx_period_of_date         (const char      *date,
                                         gboolean         by_month);
gboolean    _arx_periods_by_month       (const char      *earliest,
                                         const char      *latest);
ArxStatsPeriod *_arx_stats_period_new   (const char      *period);
void        _arx_stats_period_free      (ArxStatsPeriod  *period);

G_END_DECLS
