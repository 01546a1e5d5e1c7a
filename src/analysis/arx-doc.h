/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Internal working state of one analysis: the article text cut into tokens, sentences,
 * quotation spans and entity mentions. Every offset is a UTF-8 byte offset into the text. */

#include <glib.h>

#include "arx-core.h"
#include "arx-lexicon.h"

G_BEGIN_DECLS

typedef enum
{
  ARX_TOK_WORD    = 1 << 0,  /* letters (maybe with digits, inner hyphens, inner periods) */
  ARX_TOK_NUMBER  = 1 << 1,
  ARX_TOK_PUNCT   = 1 << 2,
  ARX_TOK_QUOTE   = 1 << 3,  /* a quotation mark (direction in quote_open/quote_close) */
  ARX_TOK_CAP     = 1 << 4,  /* first letter upper case */
  ARX_TOK_UPPER   = 1 << 5,  /* all letters upper case, two or more letters */
  ARX_TOK_ABBREV  = 1 << 6,  /* ends with a period that is part of the word */
  ARX_TOK_POSS    = 1 << 7,  /* the possessive ’s / ' split off a word */
  ARX_TOK_SENT_START = 1 << 8,
  ARX_TOK_PARA_START = 1 << 9,
  ARX_TOK_IN_QUOTE   = 1 << 10, /* inside a quotation span (not the marks) */
} ArxTokFlags;

typedef struct
{
  guint   start;
  guint   end;
  guint   flags;
  guint   sentence;
  guint   paragraph;
  int     mention;   /* index into doc->mentions of the mention covering this token, or -1 */
  guint8  ner;       /* ArxNerLabel */
  guint8  gaz;       /* ArxGazBits of the longest gazetteer phrase covering the token */
  guint8  gaz_pos;   /* 1 = first word of that phrase, 2 = later word */
} ArxToken;

typedef struct
{
  guint tok_start;   /* token range, half-open */
  guint tok_end;
  guint paragraph;
  gboolean all_caps; /* a headline or shouted line: capitals carry no information */
} ArxSentence;

typedef struct
{
  guint    start;      /* byte offset of the opening mark */
  guint    end;        /* byte offset just after the closing mark (or the recovery point) */
  guint    depth;      /* 0 for outermost */
  gboolean closed;     /* FALSE when recovered from an unbalanced mark */
  gboolean double_mark;
} ArxQuote;

typedef struct
{
  guint         tok_start;
  guint         tok_end;
  ArxEntityKind kind;
  int           entity;      /* index into doc->entities, or -1 */
} ArxMention;

typedef struct
{
  ArxEntityKind kind;
  char         *name;        /* fullest form */
  GPtrArray    *forms;       /* (element-type utf8) surface forms seen */
  GArray       *mentions;    /* (element-type guint) indices into doc->mentions */
  GHashTable   *descriptors; /* lower-case role words: "adviser", "senator" */
  char          gender;      /* 'M', 'F' or 0 */
  int           out_index;   /* index in ArxAnalysis entities, or -1 when not emitted */
} ArxDocEntity;

typedef struct
{
  const ArxLexicon *lex;
  const char       *text;
  gsize             len;
  const ArxSpan    *paragraphs;
  guint             n_paragraphs;
  GArray           *tokens;      /* ArxToken */
  GArray           *sentences;   /* ArxSentence */
  GArray           *quotes;      /* ArxQuote, ordered by start */
  GArray           *mentions;    /* ArxMention, ordered by tok_start */
  GPtrArray        *entities;    /* ArxDocEntity */
  GHashTable       *described;   /* role word → GArray of guint: the mentions of persons it
                                  * describes, in text order (built on first use) */
} ArxDoc;

#define ARX_DOC_TOK(doc, i) (&g_array_index ((doc)->tokens, ArxToken, (i)))
#define ARX_DOC_SENT(doc, i) (&g_array_index ((doc)->sentences, ArxSentence, (i)))
#define ARX_DOC_MENTION(doc, i) (&g_array_index ((doc)->mentions, ArxMention, (i)))
#define ARX_DOC_ENTITY(doc, i) ((ArxDocEntity *) g_ptr_array_index ((doc)->entities, (i)))

void     arx_doc_init          (ArxDoc           *doc,
                                const ArxLexicon *lex,
                                const char       *text,
                                gsize             len,
                                const ArxSpan    *paragraphs,
                                guint             n_paragraphs);
void     arx_doc_clear         (ArxDoc           *doc);

/* arx-tokenizer.c */
void     arx_doc_tokenize      (ArxDoc           *doc);
void     arx_doc_split_sentences (ArxDoc         *doc);
gboolean arx_token_is          (const ArxDoc     *doc,
                                guint             i,
                                const char       *word);
gboolean arx_token_is_ci       (const ArxDoc     *doc,
                                guint             i,
                                const char       *word);
char    *arx_token_dup_lower   (const ArxDoc     *doc,
                                guint             i);
int      arx_doc_token_at      (const ArxDoc     *doc,
                                guint             offset);

/* arx-quotes.c */
void     arx_doc_find_quotes   (ArxDoc           *doc);

/* arx-entities.c */
void     arx_doc_find_entities (ArxDoc           *doc,
                                const ArxNerModel *model);
void     arx_doc_cluster_entities (ArxDoc        *doc);
int      arx_doc_mention_entity_at_end (const ArxDoc *doc,
                                        guint         tok_end);
gsize    arx_doc_initials      (const ArxDoc     *doc,
                                guint             tok_start,
                                guint             tok_end,
                                char             *out,
                                gsize             size);
int      arx_doc_latest_described (ArxDoc     *doc,
                                   const char *role,
                                   guint       tok_before,
                                   int         except_entity);
void     arx_doc_emit_entities (ArxDoc           *doc,
                                ArxAnalysis      *analysis);

/* arx-attribution.c */
void     arx_doc_find_statements (ArxDoc         *doc,
                                  ArxAnalysis    *analysis);

G_END_DECLS
