/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "arx-core.h"

G_BEGIN_DECLS

/* One row of the library listing. */
typedef struct
{
  gint64  id;
  char   *title;
  char   *site;
  char   *published;
  char   *source_uri;
  char   *format;
  guint   n_statements;
} ArxArticleRow;

/* One statement as stored, with its article and resolved speaker. */
typedef struct
{
  gint64            article_id;
  char             *article_title;
  gint64            statement_id;
  ArxStatementKind  kind;
  guint             start;
  guint             end;
  char             *text;
  char             *speaker;       /* NULL when no speaker */
  char             *cue;
  double            confidence;
} ArxStatementRow;

typedef struct
{
  const char *speaker;     /* substring of the speaker name or an alias, or NULL */
  gint64      article_id;  /* 0 for all articles */
  int         kind;        /* ArxStatementKind, or -1 for all */
  const char *query;       /* full-text query over statement text and speaker, or NULL */
} ArxStatementQuery;

#define ARX_TYPE_LIBRARY (arx_library_get_type ())

G_DECLARE_FINAL_TYPE (ArxLibrary, arx_library, ARX, LIBRARY, GObject)

char       *arx_library_default_path        (void);
ArxLibrary *arx_library_open                (const char         *path,
                                             GError            **error);
const char *arx_library_get_path            (ArxLibrary         *self);
gboolean    arx_library_add                 (ArxLibrary         *self,
                                             ArxArticle         *article,
                                             ArxAnalysis        *analysis,
                                             gint64             *out_id,
                                             gboolean           *out_duplicate,
                                             GError            **error);
GPtrArray  *arx_library_list_articles       (ArxLibrary         *self,
                                             GError            **error);
gboolean    arx_library_load_article        (ArxLibrary         *self,
                                             gint64              id,
                                             ArxArticle        **out_article,
                                             ArxAnalysis       **out_analysis,
                                             GError            **error);
GPtrArray  *arx_library_query_statements    (ArxLibrary         *self,
                                             const ArxStatementQuery *query,
                                             GError            **error);

void        arx_article_row_free            (ArxArticleRow      *row);
void        arx_statement_row_free          (ArxStatementRow    *row);

G_END_DECLS
