/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "arx-analysis"

#include "config.h"

#include <string.h>

#include "arx-json-writer.h"

#include "arx-analysis.h"

G_DEFINE_BOXED_TYPE (ArxAnalysis, arx_analysis, arx_analysis_ref, arx_analysis_unref)

static const char *entity_kind_names[ARX_N_ENTITY_KINDS] = {
  "person", "organization", "location", "event", "work", "date", "misc",
};

static const char *statement_kind_names[ARX_N_STATEMENT_KINDS] = {
  "direct", "partial", "indirect", "mixed",
};

static const char *speaker_kind_names[ARX_N_SPEAKER_KINDS] = {
  "person", "organization", "group", "other",
};

static void
entity_free (gpointer data)
{
  ArxEntity *entity = data;

  g_free (entity->id);
  g_free (entity->name);
  g_ptr_array_unref (entity->aliases);
  g_array_unref (entity->mentions);
  g_free (entity);
}

static void
statement_free (gpointer data)
{
  ArxStatement *statement = data;

  g_free (statement->id);
  g_free (statement->speaker_name);
  g_free (statement->rule);
  g_free (statement);
}

static int
compare_statements (gconstpointer a,
                    gconstpointer b)
{
  const ArxStatement *sa = *(ArxStatement * const *)a;
  const ArxStatement *sb = *(ArxStatement * const *)b;

  if (sa->start != sb->start)
    return sa->start < sb->start ? -1 : 1;
  if (sa->end != sb->end)
    return sa->end < sb->end ? -1 : 1;
  return 0;
}

/**
 * arx_analysis_new:
 *
 * Returns: (transfer full): an empty analysis. Build it on one thread; once built it is
 * read-only and may be shared.
 */
ArxAnalysis *
arx_analysis_new (void)
{
  ArxAnalysis *self = g_new0 (ArxAnalysis, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->entities = g_ptr_array_new_with_free_func (entity_free);
  self->statements = g_ptr_array_new_with_free_func (statement_free);

  return self;
}

ArxAnalysis *
arx_analysis_ref (ArxAnalysis *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
arx_analysis_unref (ArxAnalysis *self)
{
  g_return_if_fail (self != NULL);

  if (g_atomic_ref_count_dec (&self->ref_count))
    {
      g_ptr_array_unref (self->entities);
      g_ptr_array_unref (self->statements);
      g_free (self);
    }
}

/**
 * arx_analysis_add_entity:
 *
 * Returns: (transfer none): the new entity, owned by @self; its id is set by
 * arx_analysis_number().
 */
/* "e12", "s3": as g_strdup_printf ("%c%u") without the format parser, which cost more than the
 * rest of numbering an analysis */
static char *
numbered_id (char  prefix,
             guint n)
{
  char buf[16], *p = buf + sizeof buf;

  *--p = '\0';
  do
    *--p = '0' + n % 10;
  while ((n /= 10) > 0);
  *--p = prefix;
  return g_strdup (p);
}

ArxEntity *
arx_analysis_add_entity (ArxAnalysis   *self,
                         ArxEntityKind  kind,
                         const char    *name)
{
  ArxEntity *entity = g_new0 (ArxEntity, 1);

  entity->kind = kind;
  entity->name = g_strdup (name);
  entity->aliases = g_ptr_array_new_with_free_func (g_free);
  entity->mentions = g_array_new (FALSE, FALSE, sizeof (ArxSpan));
  g_ptr_array_add (self->entities, entity);
  entity->id = numbered_id ('e', self->entities->len);

  return entity;
}

/* Aliases are the other surface forms: never the canonical name, never twice. */
void
arx_entity_add_alias (ArxEntity  *entity,
                      const char *alias)
{
  if (alias == NULL || alias[0] == '\0' || g_strcmp0 (alias, entity->name) == 0)
    return;
  for (guint i = 0; i < entity->aliases->len; i++)
    if (strcmp (g_ptr_array_index (entity->aliases, i), alias) == 0)
      return;
  g_ptr_array_add (entity->aliases, g_strdup (alias));
}

void
arx_entity_add_mention (ArxEntity *entity,
                        guint      start,
                        guint      end)
{
  ArxSpan span = { start, end };
  guint i = entity->mentions->len;

  /* Keep text order; mentions usually arrive in order, so this is a tail insert. */
  while (i > 0 && g_array_index (entity->mentions, ArxSpan, i - 1).start > start)
    i--;
  if (i > 0 && g_array_index (entity->mentions, ArxSpan, i - 1).start == start)
    return;
  g_array_insert_val (entity->mentions, i, span);
}

/**
 * arx_analysis_add_statement:
 *
 * Returns: (transfer none): the new statement with no speaker and no cue.
 */
ArxStatement *
arx_analysis_add_statement (ArxAnalysis      *self,
                            ArxStatementKind  kind,
                            guint             start,
                            guint             end)
{
  ArxStatement *statement = g_new0 (ArxStatement, 1);

  statement->kind = kind;
  statement->start = start;
  statement->end = end;
  statement->speaker = -1;
  statement->mention_start = statement->mention_end = -1;
  statement->cue_start = statement->cue_end = -1;
  statement->confidence = 0.5;
  g_ptr_array_add (self->statements, statement);

  return statement;
}

void
arx_statement_set_speaker (ArxStatement *statement,
                           int           entity_index,
                           const char   *name)
{
  statement->speaker = entity_index;
  g_free (statement->speaker_name);
  statement->speaker_name = g_strdup (name);
}

void
arx_analysis_sort_statements (ArxAnalysis *self)
{
  g_ptr_array_sort (self->statements, compare_statements);
}

/* Give entities and statements their public ids in array order. */
void
arx_analysis_number (ArxAnalysis *self)
{
  for (guint i = 0; i < self->entities->len; i++)
    {
      ArxEntity *entity = g_ptr_array_index (self->entities, i);

      g_free (entity->id);
      entity->id = numbered_id ('e', i + 1);
    }
  for (guint i = 0; i < self->statements->len; i++)
    {
      ArxStatement *statement = g_ptr_array_index (self->statements, i);

      g_free (statement->id);
      statement->id = numbered_id ('s', i + 1);
    }
}

const char *
arx_entity_kind_to_string (ArxEntityKind kind)
{
  g_return_val_if_fail (kind < ARX_N_ENTITY_KINDS, "misc");
  return entity_kind_names[kind];
}

static gboolean
find_name (const char * const *names,
           guint               n_names,
           const char         *str,
           guint              *index)
{
  for (guint i = 0; i < n_names; i++)
    if (g_strcmp0 (str, names[i]) == 0)
      {
        *index = i;
        return TRUE;
      }
  return FALSE;
}

gboolean
arx_entity_kind_from_string (const char    *str,
                             ArxEntityKind *kind)
{
  guint i;

  if (!find_name (entity_kind_names, ARX_N_ENTITY_KINDS, str, &i))
    return FALSE;
  *kind = i;
  return TRUE;
}

const char *
arx_statement_kind_to_string (ArxStatementKind kind)
{
  g_return_val_if_fail (kind < ARX_N_STATEMENT_KINDS, "partial");
  return statement_kind_names[kind];
}

gboolean
arx_statement_kind_from_string (const char       *str,
                                ArxStatementKind *kind)
{
  guint i;

  if (!find_name (statement_kind_names, ARX_N_STATEMENT_KINDS, str, &i))
    return FALSE;
  *kind = i;
  return TRUE;
}

const char *
arx_speaker_kind_to_string (ArxSpeakerKind kind)
{
  g_return_val_if_fail (kind < ARX_N_SPEAKER_KINDS, "other");
  return speaker_kind_names[kind];
}

gboolean
arx_speaker_kind_from_string (const char     *str,
                              ArxSpeakerKind *kind)
{
  guint i;

  if (!find_name (speaker_kind_names, ARX_N_SPEAKER_KINDS, str, &i))
    return FALSE;
  *kind = i;
  return TRUE;
}

/* The speaker kind an entity of this kind gives when nothing else is known. */
ArxSpeakerKind
arx_speaker_kind_for_entity (ArxEntityKind kind)
{
  switch (kind)
    {
    case ARX_ENTITY_PERSON:
      return ARX_SPEAKER_PERSON;
    case ARX_ENTITY_ORGANIZATION:
      return ARX_SPEAKER_ORGANIZATION;
    default:
      return ARX_SPEAKER_OTHER;
    }
}

static void
write_span_member (ArxJsonWriter *w,
                   const char    *text,
                   const char    *key,
                   int            start,
                   int            end)
{
  arx_json_writer_member (w, key);
  if (start < 0)
    {
      arx_json_writer_null (w);
      return;
    }
  arx_json_writer_begin_object (w);
  arx_json_writer_member_string_len (w, "text", text + start, end - start);
  arx_json_writer_member_int (w, "start", start);
  arx_json_writer_member_int (w, "end", end);
  arx_json_writer_end_object (w);
}

static void
write_article (ArxJsonWriter *w,
               ArxArticle    *article)
{
  const ArxSpan *paragraphs;
  guint n_paragraphs;

  arx_json_writer_member (w, "article");
  arx_json_writer_begin_object (w);
  arx_json_writer_member_string (w, "title", arx_article_get_title (article));
  arx_json_writer_member_string (w, "byline", arx_article_get_byline (article));
  arx_json_writer_member_string (w, "published", arx_article_get_published (article));
  arx_json_writer_member_string (w, "site", arx_article_get_site (article));
  arx_json_writer_member_string (w, "language", arx_article_get_language (article));
  arx_json_writer_member_string (w, "kind", arx_article_get_kind (article) ? arx_article_get_kind (article)
                                                                           : "article");
  arx_json_writer_member_string (w, "text", arx_article_get_text (article));
  arx_json_writer_member (w, "paragraphs");
  arx_json_writer_begin_array (w);
  paragraphs = arx_article_get_paragraphs (article, &n_paragraphs);
  for (guint i = 0; i < n_paragraphs; i++)
    {
      arx_json_writer_begin_object_inline (w);
      arx_json_writer_member_int (w, "start", paragraphs[i].start);
      arx_json_writer_member_int (w, "end", paragraphs[i].end);
      arx_json_writer_end_object (w);
    }
  arx_json_writer_end_array (w);
  arx_json_writer_end_object (w);
}

static void
write_entity (ArxJsonWriter   *w,
              const ArxEntity *entity)
{
  arx_json_writer_begin_object (w);
  arx_json_writer_member_string (w, "id", entity->id);
  arx_json_writer_member_string (w, "kind", arx_entity_kind_to_string (entity->kind));
  arx_json_writer_member_string (w, "name", entity->name);
  arx_json_writer_member (w, "aliases");
  arx_json_writer_begin_array_inline (w);
  for (guint j = 0; j < entity->aliases->len; j++)
    arx_json_writer_string (w, g_ptr_array_index (entity->aliases, j));
  arx_json_writer_end_array (w);
  arx_json_writer_member (w, "mentions");
  arx_json_writer_begin_array_inline (w);
  for (guint j = 0; j < entity->mentions->len; j++)
    {
      const ArxSpan *span = &g_array_index (entity->mentions, ArxSpan, j);

      arx_json_writer_begin_object_inline (w);
      arx_json_writer_member_int (w, "start", span->start);
      arx_json_writer_member_int (w, "end", span->end);
      arx_json_writer_end_object (w);
    }
  arx_json_writer_end_array (w);
  arx_json_writer_end_object (w);
}

static void
write_statement (ArxJsonWriter      *w,
                 ArxAnalysis        *self,
                 const char         *text,
                 const ArxStatement *statement)
{
  arx_json_writer_begin_object (w);
  arx_json_writer_member_string (w, "id", statement->id);
  arx_json_writer_member_string (w, "kind", arx_statement_kind_to_string (statement->kind));
  arx_json_writer_member_int (w, "start", statement->start);
  arx_json_writer_member_int (w, "end", statement->end);
  arx_json_writer_member_string_len (w, "text", text + statement->start,
                                     statement->end - statement->start);
  arx_json_writer_member (w, "speaker");
  if (statement->speaker_name == NULL)
    {
      arx_json_writer_null (w);
      /* additive: a pronoun that names no one the article names ("he", "they"): who is meant
       * is unknown, but the words and the rule that found them are kept */
      if (statement->mention_start >= 0)
        {
          arx_json_writer_member (w, "unresolved_speaker");
          arx_json_writer_begin_object (w);
          arx_json_writer_member_string_len (w, "mention", text + statement->mention_start,
                                             statement->mention_end - statement->mention_start);
          arx_json_writer_member_int (w, "mention_start", statement->mention_start);
          arx_json_writer_member_int (w, "mention_end", statement->mention_end);
          arx_json_writer_member_string (w, "kind", arx_speaker_kind_to_string (statement->speaker_kind));
          arx_json_writer_member_string (w, "rule", statement->rule);
          arx_json_writer_end_object (w);
        }
    }
  else
    {
      const ArxEntity *entity = statement->speaker >= 0
        ? g_ptr_array_index (self->entities, statement->speaker) : NULL;

      arx_json_writer_begin_object (w);
      arx_json_writer_member_string (w, "entity", entity != NULL ? entity->id : NULL);
      arx_json_writer_member_string (w, "name", statement->speaker_name);
      arx_json_writer_member_string (w, "kind", arx_speaker_kind_to_string (statement->speaker_kind));
      if (statement->mention_start >= 0)
        {
          arx_json_writer_member_int (w, "mention_start", statement->mention_start);
          arx_json_writer_member_int (w, "mention_end", statement->mention_end);
          arx_json_writer_member_string_len (w, "mention", text + statement->mention_start,
                                             statement->mention_end - statement->mention_start);
        }
      arx_json_writer_member_string (w, "rule", statement->rule);
      arx_json_writer_end_object (w);
    }
  write_span_member (w, text, "cue", statement->cue_start, statement->cue_end);
  arx_json_writer_member_double (w, "confidence", statement->confidence);
  arx_json_writer_end_object (w);
}

static char *
analysis_to_json (ArxAnalysis *self,
                  ArxArticle  *article,
                  gboolean     pretty,
                  const char  *id_json,
                  const char  *analyzer)
{
  g_autoptr(ArxJsonWriter) w = arx_json_writer_new (pretty);
  const char *text = arx_article_get_text (article);

  arx_json_writer_begin_object (w);
  if (id_json != NULL)
    {
      arx_json_writer_member (w, "id");
      arx_json_writer_raw (w, id_json);
    }
  arx_json_writer_member_string (w, "schema", "arx-analysis/1");
  if (analyzer != NULL)
    arx_json_writer_member_string (w, "analyzer", analyzer);
  arx_json_writer_member (w, "source");
  arx_json_writer_begin_object_inline (w);
  arx_json_writer_member_string (w, "uri", arx_article_get_source_uri (article));
  arx_json_writer_member_string (w, "format", arx_article_get_format (article));
  arx_json_writer_end_object (w);
  write_article (w, article);

  arx_json_writer_member (w, "entities");
  arx_json_writer_begin_array (w);
  for (guint i = 0; i < self->entities->len; i++)
    write_entity (w, g_ptr_array_index (self->entities, i));
  arx_json_writer_end_array (w);

  arx_json_writer_member (w, "statements");
  arx_json_writer_begin_array (w);
  for (guint i = 0; i < self->statements->len; i++)
    write_statement (w, self, text, g_ptr_array_index (self->statements, i));
  arx_json_writer_end_array (w);
  arx_json_writer_end_object (w);

  return arx_json_writer_free_to_string (g_steal_pointer (&w));
}

/**
 * arx_analysis_to_json:
 * @pretty: indent for people instead of one compact line
 *
 * Writes the `arx-analysis/1` contract of DESIGN.md for one article.
 *
 * Returns: (transfer full): the JSON text, without a trailing newline.
 */
char *
arx_analysis_to_json (ArxAnalysis *self,
                      ArxArticle  *article,
                      gboolean     pretty)
{
  return analysis_to_json (self, article, pretty, NULL, NULL);
}

/**
 * arx_analysis_to_json_line:
 * @id_json: one JSON value (the caller's id for the article, already JSON text)
 * @analyzer: the version of the analyzer that made it
 *
 * The compact `arx-analysis/1` object of arx_analysis_to_json() with two more members
 * first: "id" (echoed as given) and "analyzer", as `arx analyze --jsonl` writes them.
 *
 * Returns: (transfer full): the JSON text, without a trailing newline.
 */
char *
arx_analysis_to_json_line (ArxAnalysis *self,
                           ArxArticle  *article,
                           const char  *id_json,
                           const char  *analyzer)
{
  g_return_val_if_fail (id_json != NULL, NULL);

  return analysis_to_json (self, article, FALSE, id_json, analyzer);
}
