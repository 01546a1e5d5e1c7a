/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "arx-import"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include <json-glib/json-glib.h>

#include "arx-import-private.h"

#include "arx-jsonl.h"

/* An id longer than this at the start of a broken line is not looked for. */
#define MAX_PEEKED_ID 4096

static const char *
skip_space (const char *p, const char *end)
{
  while (p < end && (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n'))
    p++;
  return p;
}

/* An id as JSON text, or NULL when it would not be UTF-8: it is echoed into the output line,
 * and json-glib turns an escaped lone surrogate ("\ud800") into bytes that are not UTF-8. */
static char *
id_text (JsonNode *id)
{
  g_autofree char *json = json_to_string (id, FALSE);

  return g_utf8_validate (json, -1, NULL) ? g_steal_pointer (&json) : NULL;
}

/* One JSON scalar as canonical JSON text, or NULL when @text is not one. */
static char *
canonical_scalar (const char *text, gsize len)
{
  g_autofree char *copy = g_strndup (text, len);
  g_autoptr(JsonNode) node = json_from_string (copy, NULL);

  if (node == NULL || (!JSON_NODE_HOLDS_VALUE (node) && !JSON_NODE_HOLDS_NULL (node)))
    return NULL;
  return id_text (node);
}

/**
 * arx_jsonl_peek_id:
 *
 * The id of a line that may not be valid JSON as a whole, read from its start:
 * `{"id": VALUE` where VALUE is a string, a number, true, false or null.
 *
 * Returns: (transfer full) (nullable): VALUE as JSON text, or NULL.
 */
char *
arx_jsonl_peek_id (const char *line,
                   gsize       len)
{
  const char *end = line + len, *p = line, *value;

  if (len >= 3 && memcmp (p, "\xEF\xBB\xBF", 3) == 0)
    p += 3;
  p = skip_space (p, end);
  if (p >= end || *p++ != '{')
    return NULL;
  p = skip_space (p, end);
  if (end - p < 4 || memcmp (p, "\"id\"", 4) != 0)
    return NULL;
  p = skip_space (p + 4, end);
  if (p >= end || *p++ != ':')
    return NULL;
  value = p = skip_space (p, end);
  if (p < end && *p == '"')
    {
      for (p++; p < end && *p != '"' && p - value < MAX_PEEKED_ID; p++)
        if (*p == '\\')
          p++;
      if (p >= end || *p != '"')
        return NULL;
      p++;
    }
  else
    while (p < end && p - value < MAX_PEEKED_ID && (g_ascii_isalnum (*p) || *p == '-' || *p == '+' || *p == '.'))
      p++;
  if (p == value)
    return NULL;
  return canonical_scalar (value, p - value);
}

/* The string member @key of @object, or NULL when absent, null or not a string. */
/**
 * _arx_jsonl_string:
 *
 * Returns: (nullable): the string member @key of @object (which may be NULL), or NULL when
 * it is missing, not a string, or not UTF-8 (escaped lone surrogates decode to such bytes).
 */
const char *
_arx_jsonl_string (JsonObject *object,
                          const char *key)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, key) : NULL;
  const char *value;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node)
      || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  value = json_node_get_string (node);
  return g_utf8_validate (value, -1, NULL) ? value : NULL;
}

static gboolean
is_blank (const char *s)
{
  for (; *s; s++)
    if (!g_ascii_isspace (*s))
      return FALSE;
  return TRUE;
}

/* Parses @line as one JSON object. */
static JsonParser *
parse_object (const char  *line,
              gsize        len,
              JsonObject **out_object,
              GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GError) local = NULL;
  JsonNode *root;
  guint n_values;

  if (arx_json_depth (line, len, &n_values) > ARX_JSON_MAX_DEPTH)
    {
      g_set_error (error, ARX_ERROR, ARX_ERROR_TOO_LARGE, _("JSON nested more than %d deep"),
                   ARX_JSON_MAX_DEPTH);
      return NULL;
    }
  if (n_values > 1)
    {
      g_set_error (error, ARX_ERROR, ARX_ERROR_PARSE, _("not valid JSON: more than one value on the line"));
      return NULL;
    }
  if (arx_json_has_bad_escape (line, len))
    {
      g_set_error (error, ARX_ERROR, ARX_ERROR_PARSE, _("not valid JSON: %s"),
                   "a bad escape in a string (\\u without four hex digits, a high surrogate without its low one, or an unknown escape)");
      return NULL;
    }
  if (!json_parser_load_from_data (parser, line, len, &local))
    {
      /* json-glib quotes the bytes it stopped at, which need not be UTF-8 */
      g_autofree char *message = g_utf8_make_valid (local->message, -1);

      g_set_error (error, ARX_ERROR, ARX_ERROR_PARSE, _("not valid JSON: %s"), message);
      return NULL;
    }
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error (error, ARX_ERROR, ARX_ERROR_PARSE, _("not a JSON object"));
      return NULL;
    }
  *out_object = json_node_get_object (root);
  return g_steal_pointer (&parser);
}

/**
 * arx_jsonl_read_request:
 * @out_id: (out) (transfer full): the line's "id" as JSON text ("null" when there is none);
 *   set on failure too, from the line's start when the line is not valid JSON
 *
 * Reads one request line of `arx analyze --jsonl`: a JSON object with "id" and "text", or
 * "html" instead of "text", and optionally "title", "date" and "url". The text goes through
 * the same reader as a text file (and the HTML through the page reader), so a text gives
 * the same analysis here as from a file.
 *
 * Returns: (transfer full) (nullable): the article, or NULL with @error set.
 */
ArxArticle *
arx_jsonl_read_request (const char             *line,
                        gsize                   len,
                        const ArxImportLimits  *limits,
                        char                  **out_id,
                        GError                **error)
{
  g_autoptr(JsonParser) parser = NULL;
  JsonObject *object;
  JsonNode *id;
  const char *text, *html, *title, *date, *url;
  ArxImportContext ctx = { NULL, NULL, limits };
  ArxArticle *article;

  g_return_val_if_fail (limits != NULL, NULL);
  g_return_val_if_fail (out_id != NULL, NULL);

  *out_id = NULL;
  if (len > limits->max_bytes)
    {
      *out_id = arx_jsonl_peek_id (line, len);
      g_set_error (error, ARX_ERROR, ARX_ERROR_TOO_LARGE, _("line too long (%zu bytes; the limit is %zu)"),
                   len, limits->max_bytes);
      return NULL;
    }
  if ((parser = parse_object (line, len, &object, error)) == NULL)
    {
      *out_id = arx_jsonl_peek_id (line, len);
      return NULL;
    }
  id = json_object_get_member (object, "id");
  *out_id = id != NULL ? id_text (id) : NULL;
  if (*out_id == NULL)
    *out_id = g_strdup ("null");

  text = _arx_jsonl_string (object, "text");
  html = _arx_jsonl_string (object, "html");
  title = _arx_jsonl_string (object, "title");
  date = _arx_jsonl_string (object, "date");
  url = _arx_jsonl_string (object, "url");
  if ((text == NULL || is_blank (text)) && (html == NULL || is_blank (html)))
    {
      g_set_error (error, ARX_ERROR, ARX_ERROR_NOT_AN_ARTICLE,
                   text == NULL && html == NULL ? _("no \"text\" (or \"html\") string") : _("the text is empty"));
      return NULL;
    }
  ctx.name = url != NULL ? url : "text";
  ctx.source_uri = url;
  if (text != NULL && !is_blank (text))
    article = arx_text_reader_read (text, strlen (text), &ctx, error);
  else
    article = arx_html_reader_read (html, strlen (html), "UTF-8", &ctx, error);
  if (article == NULL)
    return NULL;
  arx_article_set_source_uri (article, url);
  arx_article_set_format (article, text != NULL && !is_blank (text) ? "text" : "html");
  if (title != NULL)
    arx_article_set_title (article, title);
  if (date != NULL)
    {
      g_autofree char *normal = arx_import_date_normalize (date);

      arx_article_set_published (article, normal != NULL ? normal : date);
    }
  return article;
}
