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
  guint       limit;       /* at most this many rows, 0 for all */
} ArxStatementQuery;

/* Which statements a library list shows (arx_library_scan_statements()). */
#define ARX_SPEAKER_NOBODY (-1)
#define ARX_SPEAKER_ANYONE (-2)
typedef struct
{
  gint64      speaker_id;  /* a library speaker; ARX_SPEAKER_NOBODY: statements of no known
                            * speaker; ARX_SPEAKER_ANYONE (or 0): all */
  gint64      article_id;  /* 0 for all articles */
  int         kind;        /* ArxStatementKind, or -1 for all */
  const char *query;       /* full-text query over statement text and speaker, or NULL */
} ArxStatementFilter;

/* Where one article's statements start in a list (arx_library_scan_statements()). */
typedef struct
{
  gint64 article_id;
  guint  start;
} ArxArticleRun;

/* One hit of arx_library_search(): the snippet is plain text and @highlights are the byte
 * ranges of the matched terms inside it, so callers escape it for markup themselves. */
typedef struct
{
  gint64  article_id;
  char   *title;
  char   *snippet;
  GArray *highlights;      /* (element-type ArxSpan) into @snippet */
  double  rank;            /* bm25: lower is better */
} ArxSearchHit;

/* A library speaker: the same person or organisation across articles, or a group or unnamed
 * source of one article. */
typedef struct
{
  gint64          id;
  ArxEntityKind   kind;
  char           *name;
  GPtrArray      *aliases;      /* (element-type utf8) */
  guint           n_articles;
  guint           n_statements;
  ArxSpeakerKind  speaker_kind; /* person, organization, group, other (unnamed) */
  gint64          article_id;   /* the one article of a speaker known only there, else 0 */
  char           *article_title; /* that article's title (nullable) */
} ArxSpeakerRow;

/* One user correction, newest first in arx_library_list_corrections(). */
typedef struct
{
  gint64  id;
  gint64  article_id;          /* 0 for library-wide (speaker) corrections */
  char   *kind;                /* "speaker", "not-statement", "add-statement", "rename", "merge", "split" */
  char   *description;
  gint64  created;             /* unix seconds */
} ArxCorrectionRow;

/* One article of arx_library_add_many(): in @article, @analysis (NULL: analyse only if it
 * turns out not to be a duplicate) and @analyzer_version (who made @analysis; NULL: this
 * analyzer), out the rest. */
typedef struct
{
  ArxArticle  *article;
  ArxAnalysis *analysis;
  gint64       id;
  gboolean     duplicate;
  GError      *error;
  const char  *analyzer_version;
} ArxAddItem;

#define ARX_TYPE_LIBRARY (arx_library_get_type ())

G_DECLARE_FINAL_TYPE (ArxLibrary, arx_library, ARX, LIBRARY, GObject)

char       *arx_library_default_path        (void);
ArxLibrary *arx_library_open                (const char         *path,
                                             GError            **error);
const char *arx_library_get_path            (ArxLibrary         *self);
ArxLibrary *arx_library_open_reader         (ArxLibrary         *self,
                                             GError            **error);
int         arx_library_get_schema_version  (void);
gboolean    arx_library_add                 (ArxLibrary         *self,
                                             ArxArticle         *article,
                                             ArxAnalysis        *analysis,
                                             gint64             *out_id,
                                             gboolean           *out_duplicate,
                                             GError            **error);
gboolean    arx_library_add_many            (ArxLibrary         *self,
                                             ArxAddItem         *items,
                                             guint               n_items,
                                             GError            **error);
void        arx_library_set_bulk_writes     (ArxLibrary         *self,
                                             gboolean            bulk);
gboolean    arx_library_find_duplicate      (ArxLibrary         *self,
                                             ArxArticle         *article,
                                             gint64             *out_id);
GPtrArray  *arx_library_list_articles       (ArxLibrary         *self,
                                             GError            **error);
GPtrArray  *arx_library_list_articles_page  (ArxLibrary         *self,
                                             gint64              before_id,
                                             guint               limit,
                                             GError            **error);
gint64      arx_library_count_articles      (ArxLibrary         *self,
                                             GError            **error);
gboolean    arx_library_load_article        (ArxLibrary         *self,
                                             gint64              id,
                                             ArxArticle        **out_article,
                                             ArxAnalysis       **out_analysis,
                                             GError            **error);
gboolean    arx_library_delete_article      (ArxLibrary         *self,
                                             gint64              id,
                                             GError            **error);
GPtrArray  *arx_library_query_statements    (ArxLibrary         *self,
                                             const ArxStatementQuery *query,
                                             GError            **error);
char       *arx_library_plain_query         (const char         *text);
GPtrArray  *arx_library_search              (ArxLibrary         *self,
                                             const char         *query,
                                             guint               limit,
                                             GError            **error);
GPtrArray  *arx_library_list_speakers       (ArxLibrary         *self,
                                             const char         *filter,
                                             GError            **error);
GPtrArray  *arx_library_list_speaking       (ArxLibrary         *self,
                                             const char         *filter,
                                             GError            **error);
gboolean    arx_library_scan_statements     (ArxLibrary         *self,
                                             const ArxStatementFilter *filter,
                                             GArray             *ids,
                                             GArray             *runs,
                                             GCancellable       *cancellable,
                                             GError            **error);
GPtrArray  *arx_library_read_statements     (ArxLibrary         *self,
                                             const gint64       *ids,
                                             guint               n_ids,
                                             GError            **error);
gboolean    arx_library_count_unattributed  (ArxLibrary         *self,
                                             guint              *out_statements,
                                             guint              *out_articles,
                                             GError            **error);

/* Corrections: kept apart from the machine analysis and replayed after every re-analysis.
 * Statement corrections name the statement by its span in the article text, so they survive
 * re-analysis even when statement ids change. Each returns the new correction's id (> 0). */
gint64      arx_library_correct_speaker     (ArxLibrary         *self,
                                             gint64              article_id,
                                             guint               start,
                                             guint               end,
                                             const char         *speaker,
                                             GError            **error);
gint64      arx_library_correct_not_statement (ArxLibrary       *self,
                                             gint64              article_id,
                                             guint               start,
                                             guint               end,
                                             GError            **error);
gint64      arx_library_correct_add_statement (ArxLibrary       *self,
                                             gint64              article_id,
                                             guint               start,
                                             guint               end,
                                             ArxStatementKind    kind,
                                             const char         *speaker,
                                             GError            **error);
gint64      arx_library_rename_speaker      (ArxLibrary         *self,
                                             gint64              speaker_id,
                                             const char         *new_name,
                                             GError            **error);
gint64      arx_library_merge_speakers      (ArxLibrary         *self,
                                             gint64              from_id,
                                             gint64              into_id,
                                             GError            **error);
gint64      arx_library_split_speaker       (ArxLibrary         *self,
                                             gint64              article_id,
                                             const char         *entity_name,
                                             GError            **error);
gboolean    arx_library_undo_correction     (ArxLibrary         *self,
                                             char              **out_description,
                                             GError            **error);
GPtrArray  *arx_library_list_corrections    (ArxLibrary         *self,
                                             GError            **error);

/* Tags (collections of articles). */
gboolean    arx_library_tag_article         (ArxLibrary         *self,
                                             gint64              article_id,
                                             const char         *tag,
                                             GError            **error);
gboolean    arx_library_untag_article       (ArxLibrary         *self,
                                             gint64              article_id,
                                             const char         *tag,
                                             GError            **error);
GPtrArray  *arx_library_list_tags           (ArxLibrary         *self,
                                             gint64              article_id,
                                             GError            **error);
GArray     *arx_library_list_tagged         (ArxLibrary         *self,
                                             const char         *tag,
                                             GError            **error);

/* Re-runs the default analyzer on articles analysed by another analyzer version (or all when
 * @force), keeping corrections. Returns the number of articles re-analysed, or -1. */
int         arx_library_reanalyze           (ArxLibrary         *self,
                                             gboolean            force,
                                             GError            **error);
typedef void (*ArxReanalyzeProgress) (guint    done,
                                      guint    total,
                                      gpointer user_data);
int         arx_library_reanalyze_full      (ArxLibrary         *self,
                                             gboolean            force,
                                             GCancellable       *cancellable,
                                             ArxReanalyzeProgress progress,
                                             gpointer            user_data,
                                             GError            **error);

void        arx_article_row_free            (ArxArticleRow      *row);
void        arx_statement_row_free          (ArxStatementRow    *row);
void        arx_search_hit_free             (ArxSearchHit       *hit);
void        arx_speaker_row_free            (ArxSpeakerRow      *row);
void        arx_correction_row_free         (ArxCorrectionRow   *row);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ArxArticleRow, arx_article_row_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ArxStatementRow, arx_statement_row_free)

G_END_DECLS
