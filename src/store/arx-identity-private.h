/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "arx-identity.h"

G_BEGIN_DECLS

typedef enum
{
  ARX_WORDS_PRONOUNS,
  ARX_WORDS_SUBJECT_PRONOUNS,
  ARX_WORDS_LEADING_NOISE,
  ARX_WORDS_CLAUSE_WORDS,
  ARX_WORDS_HEADLINE_WORDS,
  ARX_WORDS_DETERMINERS,
  ARX_WORDS_PARTICLES,
  ARX_WORDS_SUFFIXES,
  ARX_WORDS_TITLE_WORDS,
  ARX_WORDS_IRREGULAR_GROUPS,
  ARX_WORDS_GROUP_NOUNS,
  ARX_WORDS_THING_PLURALS,
  ARX_WORDS_ORG_HEADS,
  ARX_WORDS_PARTY_MEMBERS,
  ARX_WORDS_MASTHEADS,
  ARX_WORDS_SURNAME_PARTICLES,
} ArxWordList;

gboolean _arx_words_in               (ArxWordList  list,
                                      const char  *word);
gboolean _arx_words_is_cue           (const char  *fold);
gboolean _arx_words_is_title_word    (const char  *fold);
gboolean _arx_words_is_first_name    (const char  *fold);
guint    _arx_words_gazetteer_bits   (const char  *fold);
gboolean _arx_words_is_org_suffix    (const char  *word);
char    *_arx_words_singular         (const char  *fold);
gboolean _arx_words_is_group_head    (const char  *fold,
                                      gboolean     lower_case);
gboolean _arx_words_is_org_head      (const char  *fold);

/* arx-identity-name-words.c: one word of a name as written. */
typedef struct
{
  char     *text;        /* as written, without surrounding punctuation or a possessive 's */
  char     *fold;        /* case-folded, without dots, straight apostrophes */
  gboolean  cap;         /* starts with an upper-case letter */
  gboolean  allcaps;     /* two letters or more, all upper case */
  gboolean  initial;     /* one letter, with or without its period */
  gboolean  possessive;  /* was written with 's or s' */
} ArxNameWord;

GArray  *_arx_name_split_words       (const char        *surface);
char    *_arx_name_join_words        (GArray            *words,
                                      guint              from,
                                      guint              to,
                                      gboolean           fold);
gboolean _arx_name_is_name_word      (const ArxNameWord *w);
gboolean _arx_name_is_compound_role  (const ArxNameWord *w);

/* arx-identity-name-read.c: what a name is (arx_name_parse() without its cache). */
ArxName *_arx_name_read              (const char        *surface,
                                      ArxEntityKind      kind_hint);

/* Shared by the two halves of the identity unit (arx-identity-name*.c read names,
 * arx-identity.c decides). */
gboolean _arx_name_first_names_agree (const char *a,
                                      const char *b);
gboolean _arx_name_middles_agree     (const ArxName *a,
                                      const ArxName *b);
gboolean _arx_name_is_first_name     (const char *word_key);
char     _arx_name_first_name_sex    (const char *word_key);

/* One person leads another with this many times its count (of articles naming it in full
 * across the library, or of mentions in one article). */
#define ARX_IDENTITY_DOMINANCE 3
/* Articles naming a person in full that make it the one its surname means even beside a
 * namesake the library does not know yet. */
#define ARX_IDENTITY_FAMOUS 10

static inline gboolean
_arx_name_is_full_person (const ArxName *name)
{
  return name->klass == ARX_NAME_PERSON && name->first != NULL;
}

/* arx-identity.c: @item's alias @index, read once. */
const ArxName *_arx_identity_item_alias (ArxIdentityItem *item,
                                         guint            index);

/* arx-identity-aliases.c */
void     _arx_identity_alias_free    (gpointer                  data);
void     _arx_identity_collect_names (ArxIdentityItem          *root,
                                      ArxIdentityItem          *item);

/* arx-identity-library.c */
gboolean _arx_identity_find          (ArxIdentityFind           find,
                                      gpointer                  data,
                                      const char               *key,
                                      GArray                  **out,
                                      GError                  **error);
gint64   _arx_identity_pick_best     (const ArxIdentityCandidate *candidates,
                                      guint                     n,
                                      gboolean                  dominant);
gboolean _arx_identity_key_fits      (const ArxName            *name,
                                      const char               *key);
gboolean _arx_identity_fits_any      (const ArxName            *name,
                                      GArray                   *candidates,
                                      gint64                    id);
gboolean _arx_identity_resolve_full_name (ArxIdentityItem         *item,
                                      const ArxIdentityLookup  *lookup,
                                      GError                  **error);
gboolean _arx_identity_resolve_single (ArxIdentityItem         *item,
                                      const ArxIdentityLookup  *lookup,
                                      GError                  **error);

G_END_DECLS
