/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "arx-core.h"

/* every kind of white space folds into one space, ends trimmed, soft hyphens dropped; letters
 * outside ASCII, a length that stops early and broken UTF-8 */
static void
test_normalize_space (void)
{
  static const struct { const char *in; gssize len; const char *out; } cases[] = {
    { "  a\t\tb\n c\xc2\xa0" "d\xe2\x80\x8b" "e\xef\xbb\xbf" "f\xe2\x80\x83g\x01h\x7fi  ", -1,
      "a b c d e f g h i" },
    { "Çé\r\nü  Łódź", -1, "Çé ü Łódź" },
    { "ab cd ef", 5, "ab cd" },
    { "a\xff b", -1, "a\xef\xbf\xbd b" },
    { " \t\xc2\xa0 ", -1, "" },
    { "", -1, "" },
    { "x\0y z", 5, "x\xef\xbf\xbdy z" },
    /* soft hyphens go: "Mes-sen-ger-diens-te" is one word */
    { "Mes\xc2\xadsen\xc2\xadger\xc2\xad diens\xc2\xadte \xc2\xad", -1, "Messenger dienste" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *out = arx_normalize_space (cases[i].in, cases[i].len);

      g_assert_cmpstr (out, ==, cases[i].out);
    }
}

static void
test_paragraphs (void)
{
  g_autoptr(ArxArticle) article = arx_article_new ();
  const ArxSpan *spans;
  guint n;
  const char *text;

  arx_article_add_paragraph (article, "  First\n line\u00a0here. ", -1);
  arx_article_add_paragraph (article, " \n\t ", -1);
  arx_article_add_paragraph (article, "Second “quoted” \xff paragraph", -1);

  text = arx_article_get_text (article);
  spans = arx_article_get_paragraphs (article, &n);
  g_assert_cmpuint (n, ==, 2);
  g_assert_true (g_utf8_validate (text, -1, NULL));
  g_assert_cmpstr (text, ==, "First line here.\n\nSecond “quoted” \xef\xbf\xbd paragraph");
  g_assert_cmpuint (spans[0].start, ==, 0);
  g_assert_cmpuint (spans[0].end, ==, strlen ("First line here."));
  g_assert_cmpuint (spans[1].start, ==, spans[0].end + 2);
  g_assert_cmpuint (spans[1].end, ==, strlen (text));
}

static void
test_metadata_and_hash (void)
{
  g_autoptr(ArxArticle) a = arx_article_new ();
  g_autoptr(ArxArticle) b = arx_article_new ();
  g_autofree char *ha = NULL;
  g_autofree char *hb = NULL;
  g_autofree char *hb2 = NULL;

  arx_article_set_title (a, "  A\ntitle ");
  g_assert_cmpstr (arx_article_get_title (a), ==, "A title");
  arx_article_set_title (a, "   ");
  g_assert_null (arx_article_get_title (a));

  arx_article_add_paragraph (a, "Same text.", -1);
  arx_article_add_paragraph (b, "Same text.", -1);
  ha = arx_article_dup_content_hash (a);
  hb = arx_article_dup_content_hash (b);
  g_assert_cmpstr (ha, ==, hb);
  arx_article_add_paragraph (b, "More.", -1);
  hb2 = arx_article_dup_content_hash (b);
  g_assert_cmpstr (ha, !=, hb2);
  g_assert_finalize_object (g_steal_pointer (&a));
}

static void
test_analysis_json (void)
{
  g_autoptr(ArxArticle) article = arx_article_new ();
  g_autoptr(ArxAnalysis) analysis = arx_analysis_new ();
  g_autofree char *json = NULL;
  ArxEntity *entity;
  ArxStatement *statement;

  arx_article_add_paragraph (article, "“Hi,” Ann said.", -1);
  entity = arx_analysis_add_entity (analysis, ARX_ENTITY_PERSON, "Ann Lee");
  arx_entity_add_alias (entity, "Ann");
  arx_entity_add_alias (entity, "Ann");
  arx_entity_add_alias (entity, "Ann Lee");
  arx_entity_add_mention (entity, 10, 13);
  g_assert_cmpuint (entity->aliases->len, ==, 1);
  statement = arx_analysis_add_statement (analysis, ARX_STATEMENT_DIRECT, 0, 9);
  arx_statement_set_speaker (statement, 0, "Ann Lee");
  statement->mention_start = 10;
  statement->mention_end = 13;
  statement->cue_start = 14;
  statement->cue_end = 18;
  arx_analysis_number (analysis);

  json = arx_analysis_to_json (analysis, article, FALSE);
  g_assert_nonnull (strstr (json, "\"schema\":\"arx-analysis/1\""));
  g_assert_nonnull (strstr (json, "\"text\":\"“Hi,”\""));
  g_assert_nonnull (strstr (json, "\"cue\":{\"text\":\"said\",\"start\":14,\"end\":18}"));
  g_assert_nonnull (strstr (json, "\"entity\":\"e1\",\"name\":\"Ann Lee\""));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/arx/article/normalize-space", test_normalize_space);
  g_test_add_func ("/arx/article/paragraphs", test_paragraphs);
  g_test_add_func ("/arx/article/metadata-and-hash", test_metadata_and_hash);
  g_test_add_func ("/arx/analysis/json", test_analysis_json);
  return g_test_run ();
}
