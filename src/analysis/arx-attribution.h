/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Internal: statements found in one document and the speaker sieve's result. */

#include "arx-doc.h"

G_BEGIN_DECLS

typedef struct
{
  int         entity;      /* doc entity index, or -1 */
  char       *name;        /* owned; resolved name or the words naming the speaker */
  int         m_start;     /* byte span of the words naming the speaker here, or -1 */
  int         m_end;
  const char *rule;        /* static string */
  double      confidence;
} ArxSpeaker;

/* (name is NULL for a pronoun that names no one we know: the mention stays, the speaker is
 * unknown) */

typedef struct
{
  ArxStatementKind kind;
  guint            start;
  guint            end;
  int              cue_start;
  int              cue_end;
  guint            paragraph;
  ArxSpeaker       speaker;
} ArxFound;

typedef struct
{
  ArxDoc *doc;
  GArray *found;   /* ArxFound, in the order found */
  guint   excl_start; /* bytes of the content being attributed: a person named there is not */
  guint   excl_end;   /* who a pronoun speaker means ("he said Smith was wrong") */
} ArxAttribution;

/* State of one run of the statement finder (arx-attribution.c, arx-attribution-rules.c). */
typedef struct
{
  ArxAttribution  base;
  int            *qopen;    /* token → depth-0 quote opened there, or -1 */
  int            *qclose;   /* token → depth-0 quote closed there, or -1 */
  guint          *qtok;     /* quote → [open token, close token] pairs */
  gboolean       *used;     /* quote → covered by a statement */
  guint8         *covered;  /* text byte → inside a found statement (no scan per token) */
  guint          *qmaxend;  /* quote → largest end of the depth-0 quotes up to it */
  guint8         *furniture; /* paragraph → page furniture ("READ MORE: …", a byline) */
  guint           n_paragraphs;
} ArxAttrCtx;

extern const char *const arx_attr_tell_objects[];

/* arx-attribution.c: token tests, emitting statements, finding a cue's subject */
gboolean arx_attr_token_in_list   (const ArxDoc *doc, guint i, const char *const *list);
gboolean arx_attr_is_tell_verb    (const ArxDoc *doc, guint i);
gboolean arx_attr_tok_char        (const ArxDoc *doc, guint i, char c);
gboolean arx_attr_is_end_punct    (const ArxDoc *doc, guint i);
char     arx_attr_cue_class       (const ArxDoc *doc, guint i);
gboolean arx_attr_is_verb_form    (const ArxDoc *doc, guint i);
void     arx_attr_cover           (ArxAttrCtx *ctx, guint start, guint end);
guint    arx_attr_first_quote_from (const ArxDoc *doc, guint byte);
gboolean arx_attr_quote_is_noun_phrase (ArxAttrCtx *ctx, guint q, gboolean as_title);
void     arx_attr_add_found       (ArxAttrCtx *ctx, ArxStatementKind kind, guint start, guint end,
                                   guint cue_a, guint cue_b, ArxSpeaker *speaker);
gboolean arx_attr_emit_content    (ArxAttrCtx *ctx, guint a, guint b, guint cue_a, guint cue_b,
                                   ArxSpeaker *speaker, gboolean allow_indirect);
guint    arx_attr_clause_start    (ArxAttrCtx *ctx, guint s0, guint i);
guint    arx_attr_skip_brackets_back (const ArxDoc *doc, guint a, guint b);
gboolean arx_attr_clause_subject  (ArxAttrCtx *ctx, guint L, guint cue, ArxSpeaker *out);
gboolean arx_attr_speaker_before  (ArxAttrCtx *ctx, guint s0, guint cue, ArxSpeaker *out);

/* arx-attribution-subject.c: the subject noun phrase of a clause */
guint    arx_attr_skip_dateline   (const ArxDoc *doc, guint i, guint limit);
gboolean arx_attr_in_dateline     (const ArxDoc *doc, guint i);
gboolean arx_attr_is_aside_dash   (const ArxDoc *doc, guint i);
gboolean arx_attr_is_ly_adverb    (const ArxDoc *doc, guint i);
gboolean arx_attr_is_adjunct_opener (const ArxDoc *doc, guint i);
gboolean arx_attr_is_subordinator (const ArxDoc *doc, guint i);
gboolean arx_attr_ends_subject    (const ArxDoc *doc, guint i);
gboolean arx_attr_is_fronted_adverbial (const ArxDoc *doc, guint a, guint comma);
gboolean arx_attr_subject_np      (const ArxDoc *doc, guint s0, guint limit, guint *np_a, guint *np_b);

/* arx-attribution-furniture.c: paragraphs that are page furniture, not article */
void     arx_attr_find_furniture  (ArxAttrCtx *ctx);
gboolean arx_attr_is_furniture    (ArxAttrCtx *ctx, guint tok);

/* arx-attribution-discourse.c: attributions read from the layout around a quotation */
void     arx_attr_find_signatures (ArxAttrCtx *ctx);
void     arx_attr_find_interview  (ArxAttrCtx *ctx);
gboolean arx_attr_speaker_next_sentence (ArxAttrCtx *ctx, guint q, ArxSpeaker *out, guint *cue_out);

/* arx-attribution-rules.c: the patterns */
gboolean arx_attr_try_trailing    (ArxAttrCtx *ctx, guint s0, guint s1, guint cue);
gboolean arx_attr_try_leading     (ArxAttrCtx *ctx, guint s0, guint s1, guint cue, char cls);
gboolean arx_attr_try_according   (ArxAttrCtx *ctx, guint s0, guint s1, guint i);
gboolean arx_attr_try_noun_cue    (ArxAttrCtx *ctx, guint s0, guint s1, guint i);
void     arx_attr_find_labels     (ArxAttrCtx *ctx);
gboolean arx_attr_inside_found    (ArxAttrCtx *ctx, guint byte);
void     arx_attr_leftover_quotes (ArxAttrCtx *ctx);

void     arx_speaker_clear        (ArxSpeaker           *speaker);

/* arx-speakers-resolve.c: what pronouns and descriptions refer to */
ArxSpeakerKind arx_speaker_kind   (const ArxDoc         *doc,
                                   const ArxSpeaker     *speaker);
int      arx_head_noun_kind       (const ArxDoc         *doc,
                                   guint                 i);
gboolean arx_sentences_apart      (const ArxDoc         *doc,
                                   guint                 earlier_tok,
                                   guint                 at);
int      arx_resolve_pronoun      (ArxAttribution       *ctx,
                                   guint                 at,
                                   char                  gender,
                                   double               *confidence);
int      arx_resolve_it           (ArxAttribution       *ctx,
                                   guint                 at);
int      arx_resolve_they         (ArxAttribution       *ctx,
                                   guint                 at,
                                   guint                *ga,
                                   guint                *gb);
int      arx_person_by_name_part  (const ArxDoc         *doc,
                                   guint                 i);

gboolean arx_speaker_from_np      (ArxAttribution       *ctx,
                                   guint                 a,
                                   guint                 b,
                                   ArxSpeaker           *out);
gboolean arx_speaker_after_cue    (ArxAttribution       *ctx,
                                   guint                 cue_end_tok,
                                   guint                 limit,
                                   ArxSpeaker           *out);
gboolean arx_token_is_skip_word   (const ArxDoc         *doc,
                                   guint                 i);
gboolean arx_token_is_preposition (const ArxDoc         *doc,
                                   guint                 i);
gboolean arx_token_is_clause_verb (const ArxDoc         *doc,
                                   guint                 i);
const ArxMention *arx_person_after_premodifiers (const ArxDoc *doc,
                                                 guint         a,
                                                 guint         limit);

G_END_DECLS
