/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Speaker identity: who, across the whole library, each name of an article stands for.
 *
 * Name evidence in (the speakers and entities of one article), person keys out (which
 * library person each one is, by name, by surname, only in this article, or nobody). The
 * unit knows no SQL: it asks a lookup for the library people a key belongs to, and the store
 * writes down what it decided. */

#include <glib.h>

#include "arx-analysis.h"

G_BEGIN_DECLS

/* What a name of an article is. */
typedef enum
{
  ARX_NAME_NOBODY,        /* a pronoun, a clause fragment, a headline */
  ARX_NAME_PERSON,        /* "Donald J. Trump", "Sen. Sanders", "Trump" */
  ARX_NAME_ORGANIZATION,  /* "Associated Press", "the Clinton campaign" */
  ARX_NAME_GROUP,         /* "officials", "Republican activists" */
  ARX_NAME_UNNAMED,       /* someone or something not named: "a top aide", "the report" */
} ArxNameClass;

typedef struct
{
  ArxNameClass  klass;
  char         *surface;  /* the words read, titles kept: "Sen. Bernie Sanders" */
  char         *name;     /* the name without titles and clauses: "Donald J. Trump", "Sanders" */
  char         *key;      /* lookup key: case-folded words without dots ("donald j trump") */
  /* People only. */
  char         *first;    /* first word's key, NULL for a single word */
  char         *last;     /* surname's key ("trump"); the only word of a single word */
  char         *suffix;   /* "jr", "iii" or NULL */
  char         *loose;    /* first + surname (+ suffix): "donald trump"; NULL for a single word */
  GPtrArray    *middles;  /* (element-type utf8) keys of the middle names and initials */
  guint         n_words;
  gboolean      titled;   /* a title stood before the name ("Sen.", "Labor Secretary") */
  char          honorific; /* 'M' after "Mr.", 'F' after "Mrs.", "Ms.", "Miss", else 0 */
  gboolean      first_name_only; /* one word that is a known first name and no surname */
  gboolean      weak_org; /* an organisation only because the analysis said so (or "the") */
} ArxName;

ArxName  *arx_name_parse          (const char          *surface,
                                   ArxEntityKind        kind_hint);
void      arx_name_free           (ArxName             *name);
char     *arx_name_fold           (const char          *text);
gboolean  arx_name_compatible     (const ArxName       *a,
                                   const ArxName       *b);
gboolean  arx_name_is_pronoun     (const char          *surface);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ArxName, arx_name_free)

/* How an alias relates to the person it was recorded for. */
typedef enum
{
  ARX_ALIAS_REJECT = -1,   /* a fragment, another person's name or description */
  ARX_ALIAS_NAME = 0,      /* a name: "Trump", "Donald Trump" */
  ARX_ALIAS_TITLED = 1,    /* a title with a name: "Sen. Sanders" */
  ARX_ALIAS_DESCRIPTION = 2, /* a definite description: "the Vermont senator" */
} ArxAliasForm;

typedef struct
{
  ArxAliasForm  form;
  char         *text;      /* as written */
  char         *key;       /* arx_name_fold() of the text */
  char         *loose;     /* full person names: the loose key, else NULL */
  char         *surname;   /* full person names: the surname key, else NULL */
  gboolean      strong;    /* the key alone identifies its owner (full names, organisations) */
} ArxIdentityAlias;

/* How one name of an article is linked to the library. */
typedef enum
{
  ARX_LINK_NONE = 0,      /* nobody: the statements are unattributed */
  ARX_LINK_NAME = 1,      /* a library person or organisation, by its full name */
  ARX_LINK_SURNAME = 2,   /* a library person by surname alone: re-decided as the library grows */
  ARX_LINK_LOCAL = 3,     /* a speaker of this article only */
  ARX_LINK_OVERRIDE = 4,  /* the user's merge or split decided (set by the store) */
  ARX_LINK_UNDECIDED = 5, /* one word the library cannot tell yet: a speaker of this article
                           * until one person clearly owns it as a surname (a first name
                           * nobody has as a surname, a surname several known people share) */
} ArxLinkKind;

/* A library person a key may belong to, as the lookup reports it. */
typedef struct
{
  gint64          id;
  char           *key;       /* the key of the name form that matched */
  ArxSpeakerKind  kind;
  guint           n_named;   /* articles that name it in full: how well known it is */
} ArxIdentityCandidate;

void      arx_identity_candidate_clear (gpointer candidate);

typedef gboolean (*ArxIdentityFind) (gpointer     data,
                                     const char  *key,
                                     GArray      *out,      /* (element-type ArxIdentityCandidate) */
                                     GError     **error);

typedef struct
{
  ArxIdentityFind  find_key;      /* people with a strong name form of this key */
  ArxIdentityFind  find_loose;    /* people with a full name of this loose key */
  ArxIdentityFind  find_surname;  /* people with a full name of this surname */
  gpointer         data;
} ArxIdentityLookup;

/* One name of an article and what was decided for it. */
typedef struct
{
  /* in */
  char             *surface;
  ArxEntityKind     entity_kind;
  int               speaker_kind;    /* what the analysis said of its statements, -1: nothing */
  GPtrArray        *aliases;         /* (element-type utf8) the analysis' other forms */
  guint             n_mentions;
  /* out */
  ArxName          *name;
  ArxLinkKind       link;
  ArxSpeakerKind    kind;
  int               same_as;         /* the item of this article whose identity it shares, or -1 */
  char             *key;             /* NAME: the name key; SURNAME: the surname; LOCAL: the local key */
  char             *display;         /* the name to show for a new speaker */
  gint64            person_id;       /* NAME: the library person, 0 for a new one */
  GPtrArray        *names;           /* (element-type ArxIdentityAlias) forms to record for it */
  /*< private >*/
  GPtrArray        *alias_names;     /* (element-type ArxName) @aliases read, or NULL */
  gboolean          shares_surname;  /* another person of the article has its surname */
} ArxIdentityItem;

typedef struct _ArxIdentityArticle ArxIdentityArticle;

ArxIdentityArticle *arx_identity_article_new     (const char               *byline);
void                arx_identity_article_free    (ArxIdentityArticle       *self);
guint               arx_identity_article_add     (ArxIdentityArticle       *self,
                                                  const char               *surface,
                                                  ArxEntityKind             entity_kind,
                                                  int                       speaker_kind,
                                                  GPtrArray                *aliases,
                                                  guint                     n_mentions);
guint               arx_identity_article_get_n_items (ArxIdentityArticle   *self);
ArxIdentityItem    *arx_identity_article_get_item (ArxIdentityArticle      *self,
                                                  guint                     index);
const ArxIdentityItem *arx_identity_article_get_root (ArxIdentityArticle   *self,
                                                  guint                     index);
gboolean            arx_identity_article_resolve (ArxIdentityArticle       *self,
                                                  const ArxIdentityLookup  *lookup,
                                                  GError                  **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ArxIdentityArticle, arx_identity_article_free)

/* Library-wide choices. */
gint64    arx_identity_pick_surname  (const ArxIdentityCandidate *candidates,
                                      guint                       n_candidates);
gint64    arx_identity_keep_surname  (const ArxIdentityCandidate *candidates,
                                      guint                       n_candidates,
                                      gint64                      current);

/* One recorded name form of a person and how many names of articles used it. */
typedef struct
{
  const char *text;
  guint       n;
} ArxIdentityForm;

const char *arx_identity_display_name (const ArxIdentityForm *forms,
                                       guint                  n_forms);

G_END_DECLS
