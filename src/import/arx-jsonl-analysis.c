/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "arx-import"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include <json-glib/json-glib.h>

#include "arx-import-private.h"

#include "arx-jsonl.h"

/* Reading back an `arx-analysis/1` object (what `arx analyze` wrote, maybe on another
 * machine): every span is checked against the text, so a damaged line is refused whole
 * instead of storing offsets that point nowhere. */

static gboolean
fail (GError **error, const char *what)
{
  /* json-glib's messages quote the bytes it stopped at, which need not be UTF-8 */
  g_autofree char *valid = g_utf8_make_valid (what, -1);

  g_set_error (error, ARX_ERROR, ARX_ERROR_PARSE, _("not an arx-analysis/1 object: %s"), valid);
  return FALSE;
}

static JsonObject *
object_member (JsonObject *object, const char *key)
{
  JsonNode *node = json_object_get_member (object, key);

  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

static JsonArray *
array_member (JsonObject *object, const char *key)
{
  JsonNode *node = json_object_get_member (object, key);

  return node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
}

static gboolean
int_member (JsonObject *object, const char *key, gint64 *out)
{
  JsonNode *node = json_object_get_member (object, key);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    return FALSE;
  *out = json_node_get_int (node);
  return TRUE;
}

static gboolean
on_boundary (const char *text, gsize len, gint64 offset)
{
  return offset == 0 || (gsize) offset == len || ((guchar) text[offset] & 0xC0) != 0x80;
}

/* [start, end) from the members @start_key and @end_key, inside the text and on characters. */
static gboolean
read_span (JsonObject *object,
           const char *start_key,
           const char *end_key,
           const char *text,
           gsize       len,
           guint      *out_start,
           guint      *out_end)
{
  gint64 start, end;

  if (!int_member (object, start_key, &start) || !int_member (object, end_key, &end) ||
      start < 0 || end < start || (guint64) end > len || !on_boundary (text, len, start) ||
      !on_boundary (text, len, end))
    return FALSE;
  *out_start = start;
  *out_end = end;
  return TRUE;
}

static ArxArticle *
read_article (JsonObject *root, GError **error)
{
  JsonObject *in = object_member (root, "article"), *source = object_member (root, "source");
  JsonArray *paragraphs;
  g_autoptr(ArxArticle) article = arx_article_new ();
  g_autoptr(GArray) spans = g_array_new (FALSE, FALSE, sizeof (ArxSpan));
  const char *text;
  gsize len;

  if (in == NULL || (text = _arx_jsonl_string (in, "text")) == NULL)
    {
      fail (error, _("no article text"));
      return NULL;
    }
  len = strlen (text);
  if ((paragraphs = array_member (in, "paragraphs")) != NULL)
    for (guint i = 0; i < json_array_get_length (paragraphs); i++)
      {
        JsonNode *node = json_array_get_element (paragraphs, i);
        ArxSpan span;

        if (!JSON_NODE_HOLDS_OBJECT (node) ||
            !read_span (json_node_get_object (node), "start", "end", text, len, &span.start, &span.end) ||
            (spans->len > 0 && span.start < g_array_index (spans, ArxSpan, spans->len - 1).end))
          {
            fail (error, _("a paragraph outside the text"));
            return NULL;
          }
        g_array_append_val (spans, span);
      }
  arx_article_set_text (article, text, (const ArxSpan *) spans->data, spans->len);
  arx_article_set_title (article, _arx_jsonl_string (in, "title"));
  arx_article_set_byline (article, _arx_jsonl_string (in, "byline"));
  arx_article_set_published (article, _arx_jsonl_string (in, "published"));
  arx_article_set_site (article, _arx_jsonl_string (in, "site"));
  arx_article_set_language (article, _arx_jsonl_string (in, "language"));
  if (g_strcmp0 (_arx_jsonl_string (in, "kind"), "article") != 0)
    arx_article_set_kind (article, _arx_jsonl_string (in, "kind"));
  arx_article_set_source_uri (article, _arx_jsonl_string (source, "uri"));
  arx_article_set_format (article, _arx_jsonl_string (source, "format"));
  return g_steal_pointer (&article);
}

static gboolean
read_entities (JsonObject  *root,
               const char  *text,
               gsize        len,
               ArxAnalysis *analysis,
               GHashTable  *ids,
               GError     **error)
{
  JsonArray *entities = array_member (root, "entities");

  for (guint i = 0; entities != NULL && i < json_array_get_length (entities); i++)
    {
      JsonNode *node = json_array_get_element (entities, i);
      JsonObject *in;
      JsonArray *aliases, *mentions;
      ArxEntityKind kind;
      ArxEntity *entity;
      const char *id, *name;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        return fail (error, _("an entity that is not an object"));
      in = json_node_get_object (node);
      if ((id = _arx_jsonl_string (in, "id")) == NULL || (name = _arx_jsonl_string (in, "name")) == NULL ||
          !arx_entity_kind_from_string (_arx_jsonl_string (in, "kind"), &kind))
        return fail (error, _("an entity without id, name or kind"));
      entity = arx_analysis_add_entity (analysis, kind, name);
      g_hash_table_insert (ids, (gpointer) id, GUINT_TO_POINTER (analysis->entities->len));
      if ((aliases = array_member (in, "aliases")) != NULL)
        for (guint j = 0; j < json_array_get_length (aliases); j++)
          {
            const char *alias = json_array_get_string_element (aliases, j);

            if (alias != NULL)
              arx_entity_add_alias (entity, alias);
          }
      if ((mentions = array_member (in, "mentions")) != NULL)
        for (guint j = 0; j < json_array_get_length (mentions); j++)
          {
            JsonNode *m = json_array_get_element (mentions, j);
            guint start, end;

            if (!JSON_NODE_HOLDS_OBJECT (m) ||
                !read_span (json_node_get_object (m), "start", "end", text, len, &start, &end))
              return fail (error, _("a mention outside the text"));
            arx_entity_add_mention (entity, start, end);
          }
    }
  return TRUE;
}

static gboolean
read_speaker (JsonObject   *in,
              const char   *text,
              gsize         len,
              GHashTable   *ids,
              ArxStatement *statement,
              GError      **error)
{
  JsonNode *node = json_object_get_member (in, "speaker");
  JsonObject *speaker;
  const char *entity, *name;
  guint index = 0, start, end;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_OBJECT (node) || (name = _arx_jsonl_string (json_node_get_object (node), "name")) == NULL)
    return fail (error, _("a speaker without a name"));
  speaker = json_node_get_object (node);
  if ((entity = _arx_jsonl_string (speaker, "entity")) != NULL &&
      (index = GPOINTER_TO_UINT (g_hash_table_lookup (ids, entity))) == 0)
    return fail (error, _("a speaker naming no entity of the article"));
  arx_statement_set_speaker (statement, (int) index - 1, name);
  if (!arx_speaker_kind_from_string (_arx_jsonl_string (speaker, "kind"), &statement->speaker_kind))
    statement->speaker_kind = ARX_SPEAKER_OTHER;
  if (json_object_has_member (speaker, "mention_start"))
    {
      if (!read_span (speaker, "mention_start", "mention_end", text, len, &start, &end))
        return fail (error, _("a speaker mention outside the text"));
      statement->mention_start = start;
      statement->mention_end = end;
    }
  statement->rule = g_strdup (_arx_jsonl_string (speaker, "rule"));
  return TRUE;
}

static gboolean
read_statements (JsonObject  *root,
                 const char  *text,
                 gsize        len,
                 ArxAnalysis *analysis,
                 GHashTable  *ids,
                 GError     **error)
{
  JsonArray *statements = array_member (root, "statements");

  for (guint i = 0; statements != NULL && i < json_array_get_length (statements); i++)
    {
      JsonNode *node = json_array_get_element (statements, i), *confidence;
      JsonObject *in, *cue;
      ArxStatementKind kind;
      ArxStatement *statement;
      guint start, end;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        return fail (error, _("a statement that is not an object"));
      in = json_node_get_object (node);
      if (!arx_statement_kind_from_string (_arx_jsonl_string (in, "kind"), &kind) ||
          !read_span (in, "start", "end", text, len, &start, &end) || start == end)
        return fail (error, _("a statement without kind or span"));
      statement = arx_analysis_add_statement (analysis, kind, start, end);
      if (!read_speaker (in, text, len, ids, statement, error))
        return FALSE;
      if ((cue = object_member (in, "cue")) != NULL)
        {
          if (!read_span (cue, "start", "end", text, len, &start, &end))
            return fail (error, _("a cue outside the text"));
          statement->cue_start = start;
          statement->cue_end = end;
        }
      confidence = json_object_get_member (in, "confidence");
      if (confidence != NULL && JSON_NODE_HOLDS_VALUE (confidence))
        statement->confidence = CLAMP (json_node_get_double (confidence), 0.0, 1.0);
    }
  return TRUE;
}

/**
 * arx_jsonl_read_analysis:
 * @out_analyzer: (out) (transfer full) (optional): the "analyzer" member, or NULL
 *
 * Reads one line of `arx analyze` output (plain or `--jsonl`) back into an article and its
 * analysis. An error line of `--jsonl` ({"id": …, "error": …}) fails with its message.
 */
gboolean
arx_jsonl_read_analysis (const char   *line,
                         gsize         len,
                         ArxArticle  **out_article,
                         ArxAnalysis **out_analysis,
                         char        **out_analyzer,
                         GError      **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GError) local = NULL;
  g_autoptr(ArxArticle) article = NULL;
  g_autoptr(ArxAnalysis) analysis = arx_analysis_new ();
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);  /* id → index + 1 */
  JsonNode *root_node;
  JsonObject *root;
  const char *text;
  guint n_values;

  if (arx_json_depth (line, len, &n_values) > ARX_JSON_MAX_DEPTH)
    {
      g_autofree char *what = g_strdup_printf (_("JSON nested more than %d deep"), ARX_JSON_MAX_DEPTH);

      return fail (error, what);
    }
  if (n_values > 1)
    return fail (error, _("more than one JSON value on the line"));
  if (arx_json_has_bad_escape (line, len))
    return fail (error, "a bad escape in a string (\\u without four hex digits, a high surrogate without its low one, or an unknown escape)");
  if (!json_parser_load_from_data (parser, line, len, &local))
    return fail (error, local->message);
  root_node = json_parser_get_root (parser);
  if (root_node == NULL || !JSON_NODE_HOLDS_OBJECT (root_node))
    return fail (error, _("not a JSON object"));
  root = json_node_get_object (root_node);
  if (_arx_jsonl_string (root, "error") != NULL)
    {
      g_set_error (error, ARX_ERROR, ARX_ERROR_NOT_AN_ARTICLE, _("an error line: %s"), _arx_jsonl_string (root, "error"));
      return FALSE;
    }
  if (g_strcmp0 (_arx_jsonl_string (root, "schema"), "arx-analysis/1") != 0)
    return fail (error, _("no \"schema\": \"arx-analysis/1\""));
  if ((article = read_article (root, error)) == NULL)
    return FALSE;
  text = arx_article_get_text (article);
  if (!read_entities (root, text, arx_article_get_text_length (article), analysis, ids, error) ||
      !read_statements (root, text, arx_article_get_text_length (article), analysis, ids, error))
    return FALSE;
  arx_analysis_sort_statements (analysis);
  arx_analysis_number (analysis);
  if (out_analyzer != NULL)
    *out_analyzer = g_strdup (_arx_jsonl_string (root, "analyzer"));
  *out_article = g_steal_pointer (&article);
  *out_analysis = g_steal_pointer (&analysis);
  return TRUE;
}
