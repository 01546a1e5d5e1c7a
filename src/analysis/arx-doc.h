/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Internal working state of one analysis: the article text cut into tokens, sentences,
 * quotation spans and entity mentions. Every offset is a UTF-8 byte offset into the text. */

#include <glib.h>
#include <string.h>

#include "arx-core.h"
#include "arx-lexicon.h"
#include "arx-words.h"

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
  ArxWord *word;      /* what the word says by itself (arx-words.h; its list bits fill in as
                       * they are asked for) */
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
  GHashTable   *descriptors; /* lower-case role words: "adviser", "senator"; NULL when none */
  char          gender;      /* 'M', 'F' or 0 */
  int           out_index;   /* index in ArxAnalysis entities, or -1 when not emitted */
} ArxDocEntity;

typedef struct
{
  const ArxLexicon *lex;
  ArxWordCache     *words;       /* this thread's, for this document */
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
gboolean arx_token_in          (const ArxDoc     *doc,
                                guint             i,
                                const char *const *list);
gboolean arx_token_in_ci       (const ArxDoc     *doc,
                                guint             i,
                                const char *const *list);
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
/* arx-entities-described.c */
void     arx_doc_kind_described (ArxDoc          *doc);
void     arx_doc_possessive_names (ArxDoc        *doc);
ArxEntityKind arx_doc_name_words_kind (const ArxDoc  *doc,
                                       guint          a,
                                       guint          b,
                                       ArxEntityKind  kind);
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

/* g_ascii_tolower () without the call: the analysis folds case byte by byte in its inner loops */
static inline char
arx_ascii_lower (char c)
{
  return c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c;
}

/* Is token @i exactly @word (case-insensitively for ASCII letters in the _ci form)? Inline:
 * they run for nearly every token, and with a literal @word the length is a constant. */
static inline gboolean
arx_token_is (const ArxDoc *doc,
              guint         i,
              const char   *word)
{
  const ArxToken *t = ARX_DOC_TOK (doc, i);
  gsize len = strlen (word);

  return t->end - t->start == len && memcmp (doc->text + t->start, word, len) == 0;
}

static inline gboolean
arx_token_is_ci (const ArxDoc *doc,
                 guint         i,
                 const char   *word)
{
  const ArxToken *t = ARX_DOC_TOK (doc, i);
  gsize len = strlen (word);
  const char *p = doc->text + t->start;

  if (t->end - t->start != len)
    return FALSE;
  for (gsize k = 0; k < len; k++)
    if (arx_ascii_lower (p[k]) != arx_ascii_lower (word[k]))
      return FALSE;
  return TRUE;
}

G_END_DECLS
