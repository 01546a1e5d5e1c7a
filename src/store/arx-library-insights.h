/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "arx-gender.h"
#include "arx-library.h"

G_BEGIN_DECLS

/* Who gets quoted: counts over a scope of the library, each speaker's gender, the speaker
 * profile, and where a quote came from (the same quote in several articles). */

/* A part of the library; every criterion that is set must hold (all unset: everything). */
typedef struct
{
  const gint64 *article_ids;   /* these articles only, or NULL */
  guint         n_article_ids;
  const char   *tag;           /* articles with this tag, or NULL */
  const char   *query;         /* articles matching this full-text query (FTS5), or NULL */
  const char   *from;          /* published on or after: "2019", "2019-07" or "2019-07-21" */
  const char   *to;            /* published on or before, same forms ("2019" is all of 2019) */
} ArxScope;

/* Statements without a speaker count under this speaker kind in the stats. */
#define ARX_SPEAKER_UNATTRIBUTED ARX_N_SPEAKER_KINDS

typedef struct
{
  gint64          person_id;   /* the library speaker, or 0 for a bare name */
  char           *name;
  ArxSpeakerKind  kind;
  ArxGender       gender;      /* unknown for anything but a person */
  guint           n_articles;
  guint           n_statements;
} ArxStatsSpeaker;

/* People quoted in one period (a year, or a month when the scope spans two years or less). */
typedef struct
{
  char  *period;                        /* "2019" or "2019-07" */
  guint  people[ARX_N_GENDERS];         /* distinct people by gender */
  guint  statements[ARX_N_GENDERS];
} ArxStatsPeriod;

typedef struct
{
  guint      n_articles;
  guint      n_statements;
  guint      by_kind[ARX_N_STATEMENT_KINDS];
  guint      by_speaker_kind[ARX_N_SPEAKER_KINDS + 1];   /* last: unattributed */
  GPtrArray *speakers;                  /* (element-type ArxStatsSpeaker) most statements first */
  guint      gender_people[ARX_N_GENDERS];
  guint      gender_statements[ARX_N_GENDERS];
  GPtrArray *periods;                   /* (element-type ArxStatsPeriod) oldest first */
  gboolean   by_month;
  guint      n_undated;                 /* statements of articles without a usable date */
} ArxStats;

/* Which statements of a scope a chart's bar stands for. */
typedef enum
{
  ARX_FACET_ALL,
  ARX_FACET_SPEAKER,        /* person_id, or name for a bare name */
  ARX_FACET_KIND,           /* value: ArxStatementKind */
  ARX_FACET_SPEAKER_KIND,   /* value: ArxSpeakerKind or ARX_SPEAKER_UNATTRIBUTED */
  ARX_FACET_GENDER,         /* value: ArxGender of a person speaker; period, when set, too */
} ArxFacetKind;

typedef struct
{
  ArxFacetKind  kind;
  int           value;
  gint64        person_id;
  const char   *name;
  const char   *period;     /* NULL: any date */
} ArxFacet;

typedef struct
{
  gint64  id;
  char   *title;
  char   *published;
  guint   n_statements;
} ArxProfileArticle;

typedef struct
{
  gint64  person_id;
  char   *name;
  guint   n_articles;       /* articles quoting both */
} ArxProfileCoSpeaker;

typedef struct
{
  gint64          person_id;
  char           *name;
  ArxEntityKind   entity_kind;
  ArxSpeakerKind  kind;
  GPtrArray      *aliases;            /* (element-type utf8) */
  ArxGender       gender;             /* the user's when set, else the inferred one */
  ArxGender       inferred_gender;
  gboolean        gender_corrected;
  char           *gender_evidence;    /* "first name Mary; 'she' ×2" */
  GPtrArray      *periods;            /* (element-type ArxStatsPeriod): statements over time */
  gboolean        by_month;
  GPtrArray      *articles;           /* (element-type ArxProfileArticle) newest first */
  GPtrArray      *co_speakers;        /* (element-type ArxProfileCoSpeaker) most shared first */
  GPtrArray      *statements;         /* (element-type ArxStatementRow) by article and position */
} ArxProfile;

/* One wording of a quote found in several articles. */
typedef struct
{
  gint64  article_id;
  char   *article_title;
  char   *date;                       /* the article's publication date, or NULL */
  gint64  statement_id;
  guint   start;
  guint   end;
  char   *speaker;                    /* NULL when no speaker */
  char   *text;
} ArxQuoteVersion;

typedef struct
{
  gint64     group_id;
  GPtrArray *versions;                /* (element-type ArxQuoteVersion) earliest article first */
} ArxQuoteGroup;

/* A statement of an article that other articles quote too. */
typedef struct
{
  gint64 statement_id;
  guint  start;
  guint  end;
  guint  n_other_articles;
} ArxQuoteSpread;

ArxStats          *arx_library_stats               (ArxLibrary        *self,
                                                    const ArxScope    *scope,
                                                    GError           **error);
GPtrArray         *arx_library_facet_statements    (ArxLibrary        *self,
                                                    const ArxScope    *scope,
                                                    const ArxFacet    *facet,
                                                    guint              limit,
                                                    GError           **error);

gboolean           arx_library_get_gender          (ArxLibrary        *self,
                                                    gint64             person_id,
                                                    ArxGender         *out_gender,
                                                    ArxGender         *out_inferred,
                                                    char             **out_evidence,
                                                    gboolean          *out_corrected,
                                                    GError           **error);
gint64             arx_library_correct_gender      (ArxLibrary        *self,
                                                    gint64             person_id,
                                                    int                gender,
                                                    GError           **error);

ArxProfile *arx_library_speaker_profile     (ArxLibrary        *self,
                                                    gint64             person_id,
                                                    GError           **error);

GPtrArray         *arx_library_list_provenance     (ArxLibrary        *self,
                                                    GError           **error);
ArxQuoteGroup     *arx_library_quote_versions      (ArxLibrary        *self,
                                                    gint64             article_id,
                                                    guint              start,
                                                    guint              end,
                                                    GError           **error);
GArray            *arx_library_quote_spread        (ArxLibrary        *self,
                                                    gint64             article_id,
                                                    GError           **error);
GArray            *arx_library_quote_spread_of     (ArxLibrary        *self,
                                                    const gint64      *ids,
                                                    guint              n_ids,
                                                    GError           **error);

void               arx_stats_free                  (ArxStats          *stats);
void               arx_profile_free        (ArxProfile *profile);
void               arx_quote_group_free            (ArxQuoteGroup     *group);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ArxStats, arx_stats_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ArxProfile, arx_profile_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ArxQuoteGroup, arx_quote_group_free)

G_END_DECLS
