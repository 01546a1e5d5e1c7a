/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "arx-article.h"

G_BEGIN_DECLS

typedef enum
{
  ARX_ENTITY_PERSON,
  ARX_ENTITY_ORGANIZATION,
  ARX_ENTITY_LOCATION,
  ARX_ENTITY_EVENT,
  ARX_ENTITY_WORK,
  ARX_ENTITY_DATE,
  ARX_ENTITY_MISC,
  ARX_N_ENTITY_KINDS
} ArxEntityKind;

typedef enum
{
  ARX_STATEMENT_DIRECT,
  ARX_STATEMENT_PARTIAL,
  ARX_STATEMENT_INDIRECT,
  ARX_STATEMENT_MIXED,
  ARX_N_STATEMENT_KINDS
} ArxStatementKind;

/* Who speaks: one person, an organisation, a group of people named by their own words
 * ("officials", "critics"), or anything else (a document, an unnamed source). */
typedef enum
{
  ARX_SPEAKER_PERSON,
  ARX_SPEAKER_ORGANIZATION,
  ARX_SPEAKER_GROUP,
  ARX_SPEAKER_OTHER,
  ARX_N_SPEAKER_KINDS
} ArxSpeakerKind;

/* An entity of one article: a cluster of mentions that name the same thing. */
typedef struct
{
  char          *id;         /* "e1", "e2", … */
  ArxEntityKind  kind;
  char          *name;       /* canonical (fullest) form */
  GPtrArray     *aliases;    /* (element-type utf8): other surface forms, no duplicates */
  GArray        *mentions;   /* (element-type ArxSpan), in text order */
} ArxEntity;

/* A statement: what was said (span), who said it (speaker), and why we think so. */
typedef struct
{
  char             *id;               /* "s1", … */
  ArxStatementKind  kind;
  guint             start;
  guint             end;
  int               speaker;          /* index into entities, or -1 */
  char             *speaker_name;     /* resolved name, or NULL when no speaker */
  ArxSpeakerKind    speaker_kind;     /* meaningful when speaker_name is set */
  int               mention_start;    /* span naming the speaker here, or -1 */
  int               mention_end;
  int               cue_start;        /* reporting expression, or -1 */
  int               cue_end;
  double            confidence;       /* [0, 1] */
  char             *rule;             /* attribution rule that chose the speaker, or NULL */
} ArxStatement;

typedef struct _ArxAnalysis ArxAnalysis;

struct _ArxAnalysis
{
  /*< public, read-only once built >*/
  GPtrArray *entities;     /* (element-type ArxEntity) */
  GPtrArray *statements;   /* (element-type ArxStatement), in text order */
  /*< private >*/
  gatomicrefcount ref_count;
};

#define ARX_TYPE_ANALYSIS (arx_analysis_get_type ())

GType         arx_analysis_get_type         (void) G_GNUC_CONST;
ArxAnalysis  *arx_analysis_new              (void);
ArxAnalysis  *arx_analysis_ref              (ArxAnalysis      *self);
void          arx_analysis_unref            (ArxAnalysis      *self);
ArxEntity    *arx_analysis_add_entity       (ArxAnalysis      *self,
                                             ArxEntityKind     kind,
                                             const char       *name);
void          arx_entity_add_alias          (ArxEntity        *entity,
                                             const char       *alias);
void          arx_entity_add_mention        (ArxEntity        *entity,
                                             guint             start,
                                             guint             end);
ArxStatement *arx_analysis_add_statement    (ArxAnalysis      *self,
                                             ArxStatementKind  kind,
                                             guint             start,
                                             guint             end);
void          arx_statement_set_speaker     (ArxStatement     *statement,
                                             int               entity_index,
                                             const char       *name);
void          arx_analysis_sort_statements  (ArxAnalysis      *self);
void          arx_analysis_number           (ArxAnalysis      *self);

const char   *arx_entity_kind_to_string     (ArxEntityKind     kind);
gboolean      arx_entity_kind_from_string   (const char       *str,
                                             ArxEntityKind    *kind);
const char   *arx_statement_kind_to_string  (ArxStatementKind  kind);
gboolean      arx_statement_kind_from_string (const char      *str,
                                             ArxStatementKind *kind);
const char   *arx_speaker_kind_to_string    (ArxSpeakerKind    kind);
gboolean      arx_speaker_kind_from_string  (const char       *str,
                                             ArxSpeakerKind   *kind);
ArxSpeakerKind arx_speaker_kind_for_entity  (ArxEntityKind     kind);

char         *arx_analysis_to_json          (ArxAnalysis      *self,
                                             ArxArticle       *article,
                                             gboolean          pretty);
char         *arx_analysis_to_json_line     (ArxAnalysis      *self,
                                             ArxArticle       *article,
                                             const char       *id_json,
                                             const char       *analyzer);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ArxAnalysis, arx_analysis_unref)

G_END_DECLS
