/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>
#include <gio/gio.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

/* The streaming mode for clusters: `arx analyze --jsonl` and `arx import --analyses`, run as
 * a user runs them (the built binary, pipes, GNU parallel where installed). */

static const char *const first_names[] = { "Jane", "Omar", "Lena", "Tom", "Aiko", "Pedro", "Nadia", "Sam" };
static const char *const surnames[] = { "Holloway", "Brisk", "Quint", "Fenwick", "Okafor", "Lindqvist", "Marsh" };
static const char *const places[] = { "Toledo", "Leeds", "Porto", "Halifax", "Nagoya" };

/* A made-up news article, different for each @i. */
static char *
make_article (guint i)
{
  const char *first = first_names[i % G_N_ELEMENTS (first_names)];
  const char *surname = surnames[(i / 3) % G_N_ELEMENTS (surnames)];
  const char *place = places[(i / 7) % G_N_ELEMENTS (places)];

  return g_strdup_printf ("Mayor %s %s of %s said on Tuesday that the budget would cut %u jobs.\n\n"
                          "“We will not give up on the harbour,” %s said. Council member Ruth Adeyemi "
                          "told reporters that the vote was close.\n\n"
                          "The council meets again in %u days, according to a statement.",
                          first, surname, place, 10 + i, surname, 2 + i % 9);
}

static char *
request_line (const char *id_json, const char *text)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonGenerator) gen = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(JsonNode) id = json_from_string (id_json, NULL);

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "id");
  json_builder_add_value (b, g_steal_pointer (&id));
  json_builder_set_member_name (b, "text");
  json_builder_add_string_value (b, text);
  json_builder_end_object (b);
  root = json_builder_get_root (b);
  json_generator_set_root (gen, root);
  return json_generator_to_data (gen, NULL);
}

/* Runs @argv with @input on its standard input; returns its standard output. */
static char *
run_with_input (const char *const *argv,
                const char        *input,
                int               *status)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocess) proc = g_subprocess_newv (argv, G_SUBPROCESS_FLAGS_STDIN_PIPE |
                                                   G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error);
  char *out = NULL;

  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (proc, input, NULL, &out, NULL, &error);
  g_assert_no_error (error);
  *status = g_subprocess_get_exit_status (proc);
  return out;
}

static char *
analyze_jsonl (const char *input)
{
  const char *argv[] = { g_getenv ("ARX_BIN"), "analyze", "--jsonl", NULL };
  int status;
  char *out = run_with_input (argv, input, &status);

  g_assert_cmpint (status, ==, 0);
  return out;
}

static JsonObject *
parse_object (JsonParser *parser, const char *line)
{
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, line, -1, &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)));
  return json_node_get_object (json_parser_get_root (parser));
}

static char *
make_stream (guint n)
{
  GString *input = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *text = make_article (i);
      g_autofree char *id = g_strdup_printf ("\"doc-%u\"", i);
      g_autofree char *line = request_line (id, text);

      g_string_append (input, line);
      g_string_append_c (input, '\n');
    }
  return g_string_free (input, FALSE);
}

/* Every line answered in order with its id; GNU parallel splitting the stream into chunks of
 * 50 lines over several processes gives byte for byte the output of one sequential run. */
static void
test_parallel_same_as_sequential (void)
{
  g_autofree char *input = make_stream (130);
  g_autofree char *sequential = analyze_jsonl (input);
  g_autofree char *parallel = g_find_program_in_path ("parallel");
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_auto(GStrv) lines = g_strsplit (sequential, "\n", -1);
  g_autofree char *split = NULL;
  guint with_statements = 0;
  int status;

  g_assert_cmpuint (g_strv_length (lines), ==, 131);
  for (guint i = 0; i < 130; i++)
    {
      JsonObject *o = parse_object (parser, lines[i]);
      g_autofree char *id = g_strdup_printf ("doc-%u", i);

      g_assert_cmpstr (json_object_get_string_member (o, "id"), ==, id);
      g_assert_cmpstr (json_object_get_string_member (o, "schema"), ==, "arx-analysis/1");
      with_statements += json_array_get_length (json_object_get_array_member (o, "statements")) >= 2;
    }
  g_assert_cmpuint (with_statements, ==, 130);

  if (parallel == NULL)
    {
      g_test_skip ("GNU parallel is not installed");
      return;
    }
  {
    const char *argv[] = { parallel, "--will-cite", "--pipe", "-N", "50", "-k", g_getenv ("ARX_BIN"),
                           "analyze", "--jsonl", NULL };

    split = run_with_input (argv, input, &status);
  }
  g_assert_cmpint (status, ==, 0);
  g_assert_cmpstr (split, ==, sequential);
}

/* A bad line gives an error line with the id read from the line's start where there is one,
 * and the stream goes on; the exit status stays 0. */
static void
test_error_lines (void)
{
  g_autofree char *good = request_line ("7", "Mayor Jane Holloway said on Tuesday that the budget would "
                                             "hurt families.");
  g_autofree char *input = g_strconcat ("{\"id\": \"broken-1\", \"text\": \"unfinished\n",
                                        "not json at all\n",
                                        "{\"id\": 42, \"title\": \"no text\"}\n",
                                        "[1, 2]\n",
                                        "{\"id\": {\"nested\": true} \n",
                                        good, "\n",
                                        "{\"id\": \"last\", \"text\": \"   \"}", NULL);
  g_autofree char *out = analyze_jsonl (input);
  g_auto(GStrv) lines = g_strsplit (out, "\n", -1);
  g_autoptr(JsonParser) parser = json_parser_new ();
  const char *const ids[] = { "\"broken-1\"", "null", "42", "null", "null", "7", "\"last\"" };

  g_assert_cmpuint (g_strv_length (lines), ==, G_N_ELEMENTS (ids) + 1);
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      JsonObject *o = parse_object (parser, lines[i]);
      g_autofree char *id = json_to_string (json_object_get_member (o, "id"), FALSE);

      g_assert_cmpstr (id, ==, ids[i]);
      if (i == 5)
        {
          g_assert_false (json_object_has_member (o, "error"));
          g_assert_cmpuint (json_array_get_length (json_object_get_array_member (o, "statements")), ==, 1);
        }
      else
        g_assert_nonnull (json_object_get_string_member (o, "error"));
    }
}

static void
check_finishes (const char *text, guint min_statements)
{
  g_autofree char *line = request_line ("\"long\"", text);
  g_autofree char *out = analyze_jsonl (line);
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *o;

  g_assert_true (g_str_has_suffix (out, "\n"));
  out[strlen (out) - 1] = '\0';
  g_assert_null (strchr (out, '\n'));
  o = parse_object (parser, out);
  g_assert_cmpstr (json_object_get_string_member (o, "id"), ==, "long");
  g_assert_cmpuint (strlen (json_object_get_string_member (json_object_get_object_member (o, "article"), "text")),
                    >=, strlen (text) * 9 / 10);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (o, "statements")), >=, min_statements);
}

/* Long input finishes (the times are in bench/; here only that it ends with the whole answer):
 * a 1 MB text on a single line, and a 20 MB text. */
static void
test_long_texts (void)
{
  GString *one_line = g_string_new (NULL);
  GString *big = g_string_new (NULL);
  g_autofree char *one = NULL, *twenty = NULL;

  for (guint i = 0; one_line->len < 1000000; i++)
    {
      g_autofree char *text = make_article (i);

      g_strdelimit (text, "\n", ' ');
      g_string_append (one_line, text);
      g_string_append_c (one_line, ' ');
    }
  for (guint i = 0; big->len < 20000000; i++)
    {
      g_autofree char *text = make_article (i);

      g_string_append (big, text);
      g_string_append (big, "\n\n");
    }
  one = g_string_free (one_line, FALSE);
  twenty = g_string_free (big, FALSE);
  check_finishes (one, 1000);
  check_finishes (twenty, 20000);
}

static void
remove_dir (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (dir);
}

static char *
run_arx (const char *library, const char *const *args, int *status)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  char *out = NULL;

  g_ptr_array_add (argv, (gpointer) g_getenv ("ARX_BIN"));
  g_ptr_array_add (argv, (gpointer) "--library");
  g_ptr_array_add (argv, (gpointer) library);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);
  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &out, NULL,
                status, &error);
  g_assert_no_error (error);
  return out;
}

/* Analyses made by --jsonl (elsewhere, say on a cluster) and stored with --analyses give the
 * same library as importing the texts themselves; error lines are skipped with a warning. */
static void
test_import_analyses (void)
{
  g_autofree char *dir = g_dir_make_tmp ("arx-jsonl-XXXXXX", NULL);
  g_autofree char *streamed = g_build_filename (dir, "streamed.db", NULL);
  g_autofree char *direct = g_build_filename (dir, "direct.db", NULL);
  g_autofree char *analyses = g_build_filename (dir, "analyses.jsonl", NULL);
  g_autofree char *damaged = g_build_filename (dir, "damaged.jsonl", NULL);
  g_autofree char *input = make_stream (40);
  g_autofree char *out = analyze_jsonl (input);
  g_autofree char *with_error = g_strconcat (out, "{\"id\": \"x\", \"error\": \"not valid JSON\"}\n", NULL);
  g_autoptr(GPtrArray) import_args = g_ptr_array_new_with_free_func (g_free);
  const char *load[] = { "import", "--analyses", analyses, NULL };
  const char *load_damaged[] = { "import", "--analyses", damaged, NULL };
  const char *statements[] = { "--json", "statements", NULL };
  const char *speakers[] = { "--json", "speakers", NULL };
  g_autofree char *st_streamed = NULL, *st_direct = NULL, *sp_streamed = NULL, *sp_direct = NULL;
  g_autofree char *loaded = NULL, *ignored = NULL;
  g_auto(GStrv) loaded_lines = NULL;
  int status;

  g_assert_true (g_file_set_contents (analyses, with_error, -1, NULL));
  g_assert_true (g_file_set_contents (damaged, "{\"schema\": \"arx-analysis/1\", \"article\": {\"text\": \"ab\"},"
                                      " \"statements\": [{\"kind\": \"direct\", \"start\": 0, \"end\": 9}]}\n",
                                      -1, NULL));
  g_ptr_array_add (import_args, g_strdup ("import"));
  for (guint i = 0; i < 40; i++)
    {
      g_autofree char *text = make_article (i);
      char *path = g_strdup_printf ("%s/doc-%02u.txt", dir, i);

      g_assert_true (g_file_set_contents (path, text, -1, NULL));
      g_ptr_array_add (import_args, path);
    }
  g_ptr_array_add (import_args, NULL);

  loaded = run_arx (streamed, load, &status);
  g_assert_cmpint (status, ==, 0);
  loaded_lines = g_strsplit (loaded, "\n", -1);
  g_assert_cmpuint (g_strv_length (loaded_lines), ==, 41);
  g_free (run_arx (direct, (const char *const *) import_args->pdata, &status));
  g_assert_cmpint (status, ==, 0);

  st_streamed = run_arx (streamed, statements, &status);
  st_direct = run_arx (direct, statements, &status);
  g_assert_cmpuint (strlen (st_streamed), >, 1000);
  g_assert_cmpstr (st_streamed, ==, st_direct);
  sp_streamed = run_arx (streamed, speakers, &status);
  sp_direct = run_arx (direct, speakers, &status);
  g_assert_cmpstr (sp_streamed, ==, sp_direct);

  /* a statement past the end of its text: refused, named, status 1 */
  ignored = run_arx (streamed, load_damaged, &status);
  g_assert_cmpint (status, !=, 0);
  g_assert_cmpstr (ignored, ==, "");
  remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/arx/cli/jsonl/parallel-same-as-sequential", test_parallel_same_as_sequential);
  g_test_add_func ("/arx/cli/jsonl/error-lines", test_error_lines);
  g_test_add_func ("/arx/cli/jsonl/import-analyses", test_import_analyses);
  g_test_add_func ("/arx/cli/jsonl/long-texts", test_long_texts);
  return g_test_run ();
}
