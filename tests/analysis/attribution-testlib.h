/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "arx-analyzer.h"

G_BEGIN_DECLS

ArxAnalysis  *analyze             (ArxArticle        **article,
                                   const char *const  *paragraphs);
ArxStatement *statement_with      (ArxAnalysis        *analysis,
                                   ArxArticle         *article,
                                   const char         *needle);
char         *mention_text        (ArxStatement       *s,
                                   ArxArticle         *article);
void          expect              (const char *const  *paragraphs,
                                   const char         *needle,
                                   ArxStatementKind    kind,
                                   const char         *speaker,
                                   const char         *mention,
                                   const char         *rule);
/* for expect_statement: a test of the span and the speaker's name only */
#define ANY_SPEAKER_KIND ARX_N_SPEAKER_KINDS

void          expect_statement    (const char *const  *paragraphs,
                                   const char         *span,
                                   ArxStatementKind    kind,
                                   const char         *speaker,
                                   ArxSpeakerKind      speaker_kind,
                                   const char         *rule);
void          expect_no_statement (const char *const  *paragraphs,
                                   const char         *needle);

G_END_DECLS
