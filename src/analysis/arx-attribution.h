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
} ArxAttribution;

void     arx_speaker_clear        (ArxSpeaker           *speaker);
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

G_END_DECLS
