/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>
#include <gio/gio.h>
#include <json-glib/json-glib.h>

/* `arx analyze` is the project's public contract (arx-analysis/1): these tests run the built
 * binary and check its output the way another program reading it would. */

static char *
fixture (const char *name)
{
  return g_build_filename (g_getenv ("ARX_FIXTURES"), name, NULL);
}

static gboolean
run_arx (const char **args,
         char       **out,
         char       **err,
         int         *status)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  gboolean ok;

  g_ptr_array_add (argv, (gpointer)g_getenv ("ARX_BIN"));
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer)args[i]);
  g_ptr_array_add (argv, NULL);

  ok = g_spawn_sync (NULL, (char **)argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                     out, err, status, &error);
  g_assert_no_error (error);
  return ok;
}

static gboolean
on_char_boundary (const char *text,
                  gint64      offset)
{
  return offset == 0 || offset == (gint64)strlen (text) ||
         ((guchar)text[offset] & 0xC0) != 0x80;
}

static void
check_span (const char *text,
            JsonObject *span_owner,
            const char *start_key,
            const char *end_key)
{
  gint64 start = json_object_get_int_member (span_owner, start_key);
  gint64 end = json_object_get_int_member (span_owner, end_key);

  g_assert_cmpint (start, >=, 0);
  g_assert_cmpint (start, <, end);
  g_assert_cmpint (end, <=, (gint64)strlen (text));
  g_assert_true (on_char_boundary (text, start));
  g_assert_true (on_char_boundary (text, end));
}

/* Checks one article object against the contract; returns its statements count. */
static guint
check_contract (JsonObject *root)
{
  JsonObject *article = json_object_get_object_member (root, "article");
  const char *text = json_object_get_string_member (article, "text");
  JsonArray *paragraphs = json_object_get_array_member (article, "paragraphs");
  JsonArray *entities = json_object_get_array_member (root, "entities");
  JsonArray *statements = json_object_get_array_member (root, "statements");
  g_autoptr(GHashTable) entity_ids = g_hash_table_new (g_str_hash, g_str_equal);

  g_assert_cmpstr (json_object_get_string_member (root, "schema"), ==, "arx-analysis/1");
  g_assert_true (json_object_has_member (json_object_get_object_member (root, "source"), "format"));
  g_assert_true (json_object_has_member (article, "title"));
  g_assert_true (json_object_has_member (article, "byline"));
  g_assert_true (json_object_has_member (article, "published"));
  g_assert_true (g_strv_contains ((const char *[]) { "article", "forum", "product", "collection",
                                                     "listing", "documentation", "service", NULL },
                                  json_object_get_string_member (article, "kind")));
  g_assert_true (g_utf8_validate (text, -1, NULL));
  g_assert_cmpuint (json_array_get_length (paragraphs), >, 0);
  for (guint i = 0; i < json_array_get_length (paragraphs); i++)
    check_span (text, json_array_get_object_element (paragraphs, i), "start", "end");

  for (guint i = 0; i < json_array_get_length (entities); i++)
    {
      JsonObject *entity = json_array_get_object_element (entities, i);
      JsonArray *mentions = json_object_get_array_member (entity, "mentions");
      const char *kind = json_object_get_string_member (entity, "kind");

      g_assert_true (g_strv_contains ((const char *[]) { "person", "organization", "location",
                                                         "event", "work", "date", "misc", NULL },
                                      kind));
      g_assert_nonnull (json_object_get_string_member (entity, "name"));
      g_assert_true (JSON_NODE_HOLDS_ARRAY (json_object_get_member (entity, "aliases")));
      g_hash_table_add (entity_ids, (gpointer)json_object_get_string_member (entity, "id"));
      for (guint j = 0; j < json_array_get_length (mentions); j++)
        check_span (text, json_array_get_object_element (mentions, j), "start", "end");
    }

  for (guint i = 0; i < json_array_get_length (statements); i++)
    {
      JsonObject *statement = json_array_get_object_element (statements, i);
      const char *kind = json_object_get_string_member (statement, "kind");
      gint64 start = json_object_get_int_member (statement, "start");
      gint64 end = json_object_get_int_member (statement, "end");
      JsonNode *speaker = json_object_get_member (statement, "speaker");
      JsonNode *cue = json_object_get_member (statement, "cue");
      double confidence = json_object_get_double_member (statement, "confidence");

      g_assert_true (g_strv_contains ((const char *[]) { "direct", "partial", "indirect",
                                                         "mixed", NULL }, kind));
      check_span (text, statement, "start", "end");
      /* text[start:end] is the statement's text */
      g_assert_cmpint (strlen (json_object_get_string_member (statement, "text")), ==, end - start);
      g_assert_true (strncmp (text + start, json_object_get_string_member (statement, "text"),
                              end - start) == 0);
      g_assert_cmpfloat (confidence, >=, 0.0);
      g_assert_cmpfloat (confidence, <=, 1.0);
      g_assert_nonnull (speaker);
      if (!JSON_NODE_HOLDS_NULL (speaker))
        {
          JsonObject *who = json_node_get_object (speaker);
          JsonNode *entity = json_object_get_member (who, "entity");

          g_assert_nonnull (json_object_get_string_member (who, "name"));
          g_assert_true (g_strv_contains ((const char *[]) { "person", "organization", "group",
                                                             "other", NULL },
                                          json_object_get_string_member (who, "kind")));
          if (entity != NULL && !JSON_NODE_HOLDS_NULL (entity))
            g_assert_true (g_hash_table_contains (entity_ids, json_node_get_string (entity)));
          if (json_object_has_member (who, "mention_start"))
            check_span (text, who, "mention_start", "mention_end");
        }
      g_assert_nonnull (cue);
      if (!JSON_NODE_HOLDS_NULL (cue))
        check_span (text, json_node_get_object (cue), "start", "end");
    }
  return json_array_get_length (statements);
}

static JsonObject *
parse_line (JsonParser *parser,
            const char *line)
{
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, line, -1, &error);
  g_assert_no_error (error);
  return json_node_get_object (json_parser_get_root (parser));
}

static void
test_seed_article (void)
{
  g_autofree char *path = fixture ("seed-article.txt");
  const char *args[] = { "analyze", path, NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *root;
  JsonArray *entities;
  gboolean found_bossert = FALSE;
  int status;

  g_assert_true (run_arx (args, &out, &err, &status));
  g_assert_cmpint (status, ==, 0);
  lines = g_strsplit (out, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 2);   /* one line + the empty tail */
  g_assert_cmpstr (lines[1], ==, "");

  root = parse_line (parser, lines[0]);
  g_assert_cmpuint (check_contract (root), >=, 10);

  entities = json_object_get_array_member (root, "entities");
  for (guint i = 0; i < json_array_get_length (entities); i++)
    {
      JsonObject *entity = json_array_get_object_element (entities, i);

      if (g_strcmp0 (json_object_get_string_member (entity, "name"), "Tom Bossert") == 0)
        {
          JsonArray *aliases = json_object_get_array_member (entity, "aliases");
          gboolean has_surname = FALSE;

          found_bossert = TRUE;
          g_assert_cmpstr (json_object_get_string_member (entity, "kind"), ==, "person");
          for (guint j = 0; j < json_array_get_length (aliases); j++)
            has_surname |= g_strcmp0 (json_array_get_string_element (aliases, j), "Bossert") == 0;
          g_assert_true (has_surname);
        }
    }
  g_assert_true (found_bossert);
}

static void
test_pretty_and_many_files (void)
{
  g_autofree char *seed = fixture ("seed-article.txt");
  g_autofree char *feed = fixture ("import/samples/rss/rss2sample.xml");
  const char *compact_args[] = { "analyze", seed, feed, NULL };
  const char *pretty_args[] = { "analyze", "--pretty", seed, NULL };
  g_autofree char *compact = NULL;
  g_autofree char *pretty = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_auto(GStrv) lines = NULL;
  int status;

  g_assert_true (run_arx (compact_args, &compact, NULL, &status));
  g_assert_cmpint (status, ==, 0);
  lines = g_strsplit (compact, "\n", -1);
  /* the seed article, then one object per feed item */
  g_assert_cmpuint (g_strv_length (lines), >, 3);
  for (guint i = 0; lines[i] != NULL && lines[i][0] != '\0'; i++)
    check_contract (parse_line (parser, lines[i]));

  g_assert_true (run_arx (pretty_args, &pretty, NULL, &status));
  g_assert_cmpint (status, ==, 0);
  g_assert_true (g_str_has_prefix (pretty, "{\n  \"schema\": \"arx-analysis/1\""));
  check_contract (parse_line (parser, pretty));
}

static void
test_unreadable_file_is_named (void)
{
  g_autofree char *seed = fixture ("seed-article.txt");
  g_autofree char *binary = fixture ("import/safety/binary.bin");
  const char *args[] = { "analyze", "/nonexistent/missing.txt", seed, binary, NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_auto(GStrv) out_lines = NULL;
  g_auto(GStrv) err_lines = NULL;
  int status;

  g_assert_true (run_arx (args, &out, &err, &status));
  g_assert_false (g_spawn_check_wait_status (status, NULL));
  out_lines = g_strsplit (out, "\n", -1);
  g_assert_cmpuint (g_strv_length (out_lines), ==, 2);   /* the seed article still analysed */
  err_lines = g_strsplit (err, "\n", -1);
  g_assert_cmpuint (g_strv_length (err_lines), ==, 3);   /* one line per bad file */
  g_assert_true (g_str_has_prefix (err_lines[0], "arx: /nonexistent/missing.txt: "));
  g_assert_true (g_str_has_prefix (err_lines[1], "arx: "));
  g_assert_nonnull (strstr (err_lines[1], "binary.bin"));
}

static void
test_help_and_version (void)
{
  const char *help[] = { "analyze", "--help", NULL };
  const char *version[] = { "--version", NULL };
  g_autofree char *help_out = NULL;
  g_autofree char *version_out = NULL;
  int status;

  g_assert_true (run_arx (help, &help_out, NULL, &status));
  g_assert_cmpint (status, ==, 0);
  g_assert_nonnull (strstr (help_out, "--pretty"));
  g_assert_true (run_arx (version, &version_out, NULL, &status));
  g_assert_cmpint (status, ==, 0);
  g_assert_cmpstr (version_out, ==, "arx " PACKAGE_VERSION "\n");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/arx/cli/analyze/seed-article", test_seed_article);
  g_test_add_func ("/arx/cli/analyze/pretty-and-many-files", test_pretty_and_many_files);
  g_test_add_func ("/arx/cli/analyze/unreadable-file-is-named", test_unreadable_file_is_named);
  g_test_add_func ("/arx/cli/analyze/help-and-version", test_help_and_version);
  return g_test_run ();
}
