/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "arx-autocleanups.h"

#include "arx-library.h"

G_BEGIN_DECLS

/* "ARXL": tells our files apart from any other SQLite database. */
#define ARX_LIBRARY_APPLICATION_ID 0x4152584c

typedef struct _ArxCheckpointer ArxCheckpointer;

struct _ArxLibrary
{
  GObject     parent_instance;
  char       *path;
  /* One connection per library; every public call holds @lock for its whole duration, so
   * the GUI's main thread and an import worker never interleave inside a transaction. */
  sqlite3    *db;
  GMutex      lock;
  GHashTable *stmts;       /* SQL text (static string) -> cached sqlite3_stmt */
  /* The schema has speaker_counts (set once migrated): commits flush its dirty rows. */
  gboolean    has_speaker_counts;
  /* What the current transaction linked (arx-library-identity*.c): surnames to decide again
   * and people to name again before it commits. NULL when nothing. */
  GHashTable *touched_surnames;
  GHashTable *touched_people;
  GHashTable *renamed_people;    /* people with a new name form: named again */
  GHashTable *name_counts;       /* name forms seen again: counted, written at the end */
  GPtrArray  *article_counts;    /* the counts the batch's current article added to */
  /* Name key -> person id (gint64) of an article's entities before its re-analysis deleted
   * them: its names were counted for those people already. NULL outside a re-analysis. */
  GHashTable *previous_links;
  /* arx_library_set_bulk_writes() (arx-library-checkpoint.c): nesting depth, and the thread
   * that checkpoints meanwhile (NULL when off or when it could not start). */
  guint            n_bulk_writers;
  ArxCheckpointer *checkpointer;
};

/* One name of an article to link to a library person: an entity, or a speaker the analysis
 * named without one. */
typedef struct
{
  /* in */
  const char     *name;
  ArxEntityKind   entity_kind;
  int             speaker_kind;   /* of its statements, -1 when it does not speak */
  GPtrArray      *aliases;        /* (nullable) (element-type utf8) */
  guint           n_mentions;
  gboolean        linkable;       /* a person or organisation, or it speaks */
  gint64          counted_for;    /* the person its names counted for before this relink or
                                   * re-analysis (0: none; a new article) */
  /* out */
  gint64          person_id;      /* 0: nobody */
  int             link;           /* ArxLinkKind */
  char           *link_key;       /* (owned) */
  ArxSpeakerKind  kind;
} ArxLinkSlot;

/* The import job's largest batch (one transaction); the store bench writes batches this size. */
#define ARX_IMPORT_JOB_MAX_BATCH 128


void          _arx_library_stop_checkpointer (ArxLibrary *self);
/* Test hook (arx-library-checkpoint.c): WAL frames between background checkpoints, and the
 * writer's own limit; 0 for the defaults. */
void          _arx_library_set_bulk_checkpoint_frames (int wake,
                                                       int limit);

/* Recounts the speakers marked dirty in this transaction (schema 9 on). */
gboolean      _arx_library_flush_speaker_counts (ArxLibrary  *self,
                                                 GError     **error);

gboolean      _arx_library_count_new_articles (ArxLibrary  *self,
                                               gint64       after_id,
                                               GError     **error);
gboolean      _arx_library_mark_article_speakers (ArxLibrary  *self,
                                                  gint64       article_id,
                                                  GError     **error);

/* Test hook: create (or open) @path with the schema stopped at @version. */
gboolean      _arx_library_create_at_version (const char *path,
                                              int         version,
                                              GError    **error);

/* Helpers; all expect @lock held. */
void          _arx_db_set_error           (sqlite3      *db,
                                           GError      **error);
gboolean      _arx_db_exec                (sqlite3      *db,
                                           const char   *sql,
                                           GError      **error);
sqlite3_stmt *_arx_library_stmt           (ArxLibrary   *self,
                                           const char   *sql,
                                           GError      **error);
gboolean      _arx_library_step_done      (ArxLibrary   *self,
                                           sqlite3_stmt *stmt,
                                           GError      **error);
gboolean      _arx_library_begin          (ArxLibrary   *self,
                                           GError      **error);
gboolean      _arx_library_commit         (ArxLibrary   *self,
                                           GError      **error);
void          _arx_library_rollback       (ArxLibrary   *self);
/* Binds the variadic arguments by @types ('i' gint64, 'd' int, 't' const char *, NULL binds
 * NULL) and steps the cached statement to the end; _get_int64 returns the first column of
 * the first row in @out_value and whether there was a row. */
gboolean      _arx_library_run            (ArxLibrary   *self,
                                           GError      **error,
                                           const char   *sql,
                                           const char   *types,
                                           ...);
gboolean      _arx_library_get_int64      (ArxLibrary   *self,
                                           gint64       *out_value,
                                           gboolean     *out_found,
                                           GError      **error,
                                           const char   *sql,
                                           const char   *types,
                                           ...);
void          _arx_bind_text              (sqlite3_stmt *stmt,
                                           int           column,
                                           const char   *text);
char         *_arx_column_dup             (sqlite3_stmt *stmt,
                                           int           column);
char         *_arx_ids_json               (const gint64 *ids,
                                           guint         n_ids);

/* Library-wide speakers (arx-library-people.c, arx-library-identity*.c). */
char         *_arx_name_key               (const char   *name);
gboolean      _arx_library_link_slots     (ArxLibrary   *self,
                                           gint64        article_id,
                                           const char   *byline,
                                           ArxLinkSlot  *slots,
                                           guint         n_slots,
                                           gboolean      check_overrides,
                                           GError      **error);
void          _arx_link_slots_clear       (ArxLinkSlot  *slots,
                                           guint         n_slots);
gboolean      _arx_library_finish_identity (ArxLibrary  *self,
                                            GError     **error);
void          _arx_library_forget_identity (ArxLibrary  *self);
void          _arx_library_touch_person_names (ArxLibrary  *self,
                                               gint64       person_id);
gboolean      _arx_library_remember_links (ArxLibrary  *self,
                                           gint64       article_id,
                                           GError     **error);
void          _arx_library_keep_article_names (ArxLibrary *self);
void          _arx_library_forget_article_names (ArxLibrary *self);
gboolean      _arx_library_relink_article (ArxLibrary   *self,
                                           gint64        article_id,
                                           GError      **error);
gboolean      _arx_library_rebuild_identity (ArxLibrary *self,
                                             GError    **error);
GArray       *_arx_library_people_of_article (ArxLibrary *self,
                                              gint64      article_id,
                                              GError    **error);
gboolean      _arx_library_prune_people   (ArxLibrary   *self,
                                           GArray       *candidates,
                                           GError      **error);

/* Writing one analysis (arx-library-add.c). */
gboolean      _arx_library_insert_analysis (ArxLibrary  *self,
                                            gint64       article_id,
                                            ArxArticle  *article,
                                            ArxAnalysis *analysis,
                                            gboolean     new_article,
                                            GError     **error);

/* Full-text indexing of new rows (no insert triggers: see schema 7). Call before any UPDATE
 * of the rows' eff_speaker/text, whose triggers expect them indexed. */
gboolean      _arx_library_index_new_articles (ArxLibrary *self,
                                               gint64      after_id,
                                               GError    **error);
gboolean      _arx_library_index_statements (ArxLibrary  *self,
                                             gint64       article_id,
                                             GError     **error);

/* Re-analysis (arx-library-reanalyze.c): swap one article's machine analysis, keeping the
 * corrections; tests call it with hand-built analyses. */
gboolean      _arx_library_replace_analysis (ArxLibrary  *self,
                                             gint64       id,
                                             ArxArticle  *article,
                                             ArxAnalysis *analysis,
                                             const char  *version,
                                             GError     **error);

/* Corrections (arx-library-correct.c): rebuild the effective statements of one article from
 * the machine rows and the corrections that are not undone. */
gboolean      _arx_library_replay_corrections (ArxLibrary *self,
                                               gint64      article_id,
                                               GError    **error);

void        _arx_library_set_query_error     (ArxLibrary  *self,
                                              gboolean     has_user_query,
                                              GError     **error);
char       *_arx_library_resolve_speaker_ids (ArxLibrary  *self,
                                              const char  *speaker,
                                              GArray      *ids,
                                              GError     **error);

/* A statement as stored, with its article and effective speaker: the columns
 * _arx_statement_row_new() reads, over `statements s` joined by STATEMENT_JOINS. */
#define STATEMENT_COLUMNS \
  "SELECT s.article_id, a.title, s.id, s.kind, s.span_start, s.span_end, s.text," \
  " COALESCE(p.user_name, s.eff_speaker), s.cue, s.confidence"
#define STATEMENT_JOINS \
  " JOIN articles a ON a.id = s.article_id LEFT JOIN entities e ON e.id = s.eff_entity_id" \
  " LEFT JOIN people p ON p.id = e.person_id"

ArxStatementRow *_arx_statement_row_new      (sqlite3_stmt  *stmt);

gboolean    _arx_library_step_ids            (ArxLibrary    *self,
                                              sqlite3_stmt  *stmt,
                                              GArray        *ids,
                                              GError       **error);

G_END_DECLS
