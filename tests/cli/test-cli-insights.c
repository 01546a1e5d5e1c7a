/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>
#include <json-glib/json-glib.h>

#include "cli-fixtures.h"

/* `arx stats` and `arx provenance` on the insights test library: three made-up articles run
 * through the real readers and analyzer. Two quote Mary Okonkwo (the second rewords one of
 * her quotes), the third John Halvorsen. */

static const char *bridge_quote =
  "“We will rebuild the harbour bridge before the winter storms arrive,”";

static void
import_articles (Fixture *f)
{
  g_autofree char *a = fixture_path ("insights/harbour-bridge.txt");
  g_autofree char *b = fixture_path ("insights/harbour-works.txt");
  g_autofree char *c = fixture_path ("insights/fishing-quotas.txt");

  g_assert_cmpint (run_arx (f, NULL, NULL, "import", a, b, c, NULL), ==, 0);
}

static JsonObject *
parse_object (JsonParser *parser,
              const char *line)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (json_parser_load_from_data (parser, line, -1, &error));
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)));
  return json_node_get_object (json_parser_get_root (parser));
}

static gint64
member_int (JsonObject *object,
            const char *path)
{
  g_auto(GStrv) parts = g_strsplit (path, ".", -1);
  guint n = g_strv_length (parts);

  for (guint i = 0; i + 1 < n; i++)
    object = json_object_get_object_member (object, parts[i]);
  g_assert_true (json_object_has_member (object, parts[n - 1]));
  return json_object_get_int_member (object, parts[n - 1]);
}

static JsonObject *
stats_json (Fixture    *f,
            JsonParser *parser,
            const char *option,
            const char *value)
{
  g_autofree char *out = NULL;
  g_auto(GStrv) lines = NULL;

  g_assert_cmpint (run_arx (f, &out, NULL, "stats", "--json", option, value, NULL), ==, 0);
  lines = g_strsplit (out, "\n", -1);
  /* one object on one line */
  g_assert_cmpuint (g_strv_length (lines), ==, 2);
  return parse_object (parser, lines[0]);
}

static void
assert_speaker (JsonArray  *speakers,
                guint       i,
                const char *name,
                const char *gender,
                gint64      articles,
                gint64      statements)
{
  JsonObject *s = json_array_get_object_element (speakers, i);

  g_assert_cmpstr (json_object_get_string_member (s, "name"), ==, name);
  g_assert_cmpstr (json_object_get_string_member (s, "kind"), ==, "person");
  g_assert_cmpstr (json_object_get_string_member (s, "gender"), ==, gender);
  g_assert_cmpint (json_object_get_int_member (s, "articles"), ==, articles);
  g_assert_cmpint (json_object_get_int_member (s, "statements"), ==, statements);
}

static void
test_stats (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonParser) one_parser = json_parser_new ();
  g_autoptr(JsonParser) tag_parser = json_parser_new ();
  g_autofree char *table = NULL;
  JsonObject *all, *one, *tagged;
  JsonArray *speakers;

  import_articles (f);
  all = stats_json (f, parser, NULL, NULL);
  g_assert_cmpint (member_int (all, "articles"), ==, 3);
  g_assert_cmpint (member_int (all, "statements"), ==, 5);
  g_assert_cmpint (member_int (all, "by_kind.direct"), ==, 5);
  g_assert_cmpint (member_int (all, "by_kind.indirect"), ==, 0);
  g_assert_cmpint (member_int (all, "by_speaker_kind.person"), ==, 5);
  g_assert_cmpint (member_int (all, "by_speaker_kind.unattributed"), ==, 0);
  g_assert_cmpint (member_int (all, "gender.female"), ==, 1);
  g_assert_cmpint (member_int (all, "gender.male"), ==, 1);
  g_assert_cmpint (member_int (all, "gender.unknown"), ==, 0);
  g_assert_cmpint (member_int (all, "gender_statements.female"), ==, 4);
  g_assert_cmpint (member_int (all, "gender_statements.male"), ==, 1);
  speakers = json_object_get_array_member (all, "speakers");
  g_assert_cmpuint (json_array_get_length (speakers), ==, 2);
  assert_speaker (speakers, 0, "Mary Okonkwo", "female", 2, 4);
  assert_speaker (speakers, 1, "John Halvorsen", "male", 1, 1);

  /* one article (ids in import order, as `arx list --json` gives them) */
  one = stats_json (f, one_parser, "--article", "2");
  g_assert_cmpint (member_int (one, "articles"), ==, 1);
  g_assert_cmpint (member_int (one, "statements"), ==, 2);
  assert_speaker (json_object_get_array_member (one, "speakers"), 0, "Mary Okonkwo", "female", 1, 2);

  g_assert_cmpint (run_arx (f, NULL, NULL, "tag", "3", "fisheries", NULL), ==, 0);
  tagged = stats_json (f, tag_parser, "--tag", "fisheries");
  g_assert_cmpint (member_int (tagged, "statements"), ==, 1);
  g_assert_cmpint (member_int (tagged, "gender.female"), ==, 0);

  /* without --json, a table people read */
  g_assert_cmpint (run_arx (f, &table, NULL, "stats", NULL), ==, 0);
  g_assert_nonnull (strstr (table, "3 articles, 5 statements"));
  g_assert_true (g_regex_match_simple ("Mary Okonkwo +person +female +2 +4", table, 0, 0));
  g_assert_cmpint (run_arx (f, NULL, NULL, "stats", "--article", "x", NULL), ==, 2);
}

static void
test_gender_correction (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonParser) after = json_parser_new ();
  g_autofree char *speakers = NULL;
  g_autofree char *id = NULL;
  g_autoptr(GMatchInfo) match = NULL;
  JsonObject *stats;

  import_articles (f);
  g_assert_cmpint (run_arx (f, &speakers, NULL, "--json", "speakers", "Halvorsen", NULL), ==, 0);
  g_assert_true (g_regex_match_simple ("^\\{\"id\":[0-9]+,", speakers, 0, 0));
  id = g_strndup (speakers + strlen ("{\"id\":"), strcspn (speakers + strlen ("{\"id\":"), ","));

  g_assert_cmpint (run_arx (f, NULL, NULL, "correct", "gender", id, "unknown", NULL), ==, 0);
  /* re-analysis keeps the user's word */
  g_assert_cmpint (run_arx (f, NULL, NULL, "reanalyze", "--all", NULL), ==, 0);
  stats = stats_json (f, parser, NULL, NULL);
  g_assert_cmpint (member_int (stats, "gender.male"), ==, 0);
  g_assert_cmpint (member_int (stats, "gender.unknown"), ==, 1);

  g_assert_cmpint (run_arx (f, NULL, NULL, "correct", "gender", id, "inferred", NULL), ==, 0);
  stats = stats_json (f, after, NULL, NULL);
  g_assert_cmpint (member_int (stats, "gender.male"), ==, 1);
  g_assert_cmpint (run_arx (f, NULL, NULL, "correct", "gender", id, "neither", NULL), ==, 2);
}

static void
test_provenance (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *out = NULL;
  g_autofree char *table = NULL;
  g_auto(GStrv) lines = NULL;
  JsonObject *group, *first, *second;
  JsonArray *statements;

  import_articles (f);
  g_assert_cmpint (run_arx (f, &out, NULL, "provenance", "--json", NULL), ==, 0);
  lines = g_strsplit (out, "\n", -1);
  /* one quote in two articles, and nothing for the others */
  g_assert_cmpuint (g_strv_length (lines), ==, 2);
  group = parse_object (parser, lines[0]);
  g_assert_cmpstr (json_object_get_string_member (group, "text"), ==, bridge_quote);
  statements = json_object_get_array_member (group, "statements");
  g_assert_cmpuint (json_array_get_length (statements), ==, 2);
  first = json_array_get_object_element (statements, 0);
  second = json_array_get_object_element (statements, 1);
  g_assert_cmpint (json_object_get_int_member (first, "article"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (second, "article"), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (first, "date"), ==, "2019-03-04");
  g_assert_cmpstr (json_object_get_string_member (second, "date"), ==, "2019-05-10");
  g_assert_cmpstr (json_object_get_string_member (first, "speaker"), ==, "Mary Okonkwo");
  g_assert_cmpstr (json_object_get_string_member (first, "text"), ==, bridge_quote);
  g_assert_cmpstr (json_object_get_string_member (second, "text"), ==,
                   "“We will rebuild the harbour bridge before winter storms arrive,”");
  g_assert_true (json_object_get_int_member (first, "statement") > 0);

  g_assert_cmpint (run_arx (f, &table, NULL, "provenance", NULL), ==, 0);
  g_assert_true (g_str_has_prefix (table, bridge_quote));
  g_assert_nonnull (strstr (table, "2019-05-10"));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
#define ADD(name, func) g_test_add ("/arx/cli/insights/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("stats", test_stats);
  ADD ("gender-correction", test_gender_correction);
  ADD ("provenance", test_provenance);
#undef ADD
  return g_test_run ();
}
