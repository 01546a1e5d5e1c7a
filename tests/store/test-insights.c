/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Stats over scopes, gender per person with the user's correction, the speaker profile and
 * quote provenance, on a library of three made-up articles with hand-built analyses: two quote
 * Mary Okonkwo (the second with one of her quotes slightly reworded), the third John
 * Halvorsen. */
#include "config.h"

#include <glib/gstdio.h>

#include "arx-library-insights-private.h"
#include "store-fixtures.h"

typedef struct
{
  char        *dir;
  ArxLibrary  *library;
  gint64       ids[3];
  ArxArticle  *articles[3];
  ArxAnalysis *analyses[3];
} Fixture;

static const char *bridge_quote =
  "“We will rebuild the harbour bridge before the winter storms arrive,”";
static const char *bridge_reworded =
  "“We will rebuild the harbour bridge before winter storms arrive,”";

static ArxArticle *
new_article (const char         *title,
             const char         *date,
             const char * const *paragraphs)
{
  ArxArticle *article = arx_article_new ();

  arx_article_set_title (article, title);
  arx_article_set_published (article, date);
  arx_article_set_format (article, "text");
  for (guint i = 0; paragraphs[i] != NULL; i++)
    arx_article_add_paragraph (article, paragraphs[i], -1);
  return article;
}

static void
build_articles (Fixture *f)
{
  const char *a[] = {
    "“We will rebuild the harbour bridge before the winter storms arrive,” said Mary Okonkwo.",
    "“Every family in this town depends on that crossing,” she said.",
    "The Port Authority said the ferries would keep running.",
    NULL
  };
  const char *b[] = {
    "“We will rebuild the harbour bridge before winter storms arrive,” Mary Okonkwo told "
    "reporters.",
    "“Nobody will be stranded,” Okonkwo said, while “the works start in June”.",
    NULL
  };
  const char *c[] = {
    "“Fishing quotas will not change this year,” said John Halvorsen.",
    NULL
  };
  ArxStatement *s;

  f->articles[0] = new_article ("Harbour bridge to be rebuilt", "2019-03-04", a);
  f->analyses[0] = arx_analysis_new ();
  add_entity_at (f->analyses[0], f->articles[0], ARX_ENTITY_PERSON, "Mary Okonkwo",
                 (const char *[]){ "Mary Okonkwo", NULL });
  add_entity_at (f->analyses[0], f->articles[0], ARX_ENTITY_ORGANIZATION, "Port Authority",
                 (const char *[]){ "Port Authority", NULL });
  add_statement_at (f->analyses[0], f->articles[0], ARX_STATEMENT_DIRECT, bridge_quote, 0,
                    "Mary Okonkwo", "said");
  s = add_statement_at (f->analyses[0], f->articles[0], ARX_STATEMENT_DIRECT,
                        "“Every family in this town depends on that crossing,”", 0, "she", "said");
  g_free (s->rule);
  s->rule = g_strdup ("pronoun");
  s = add_statement_at (f->analyses[0], f->articles[0], ARX_STATEMENT_INDIRECT,
                        "the ferries would keep running", 1, "The Port Authority", "said");
  s->speaker_kind = ARX_SPEAKER_ORGANIZATION;

  f->articles[1] = new_article ("Harbour works begin", "2019-05-10", b);
  f->analyses[1] = arx_analysis_new ();
  add_entity_at (f->analyses[1], f->articles[1], ARX_ENTITY_PERSON, "Mary Okonkwo",
                 (const char *[]){ "Mary Okonkwo", "Okonkwo", NULL });
  add_statement_at (f->analyses[1], f->articles[1], ARX_STATEMENT_DIRECT, bridge_reworded, 0,
                    "Mary Okonkwo", "told");
  add_statement_at (f->analyses[1], f->articles[1], ARX_STATEMENT_DIRECT,
                    "“Nobody will be stranded,”", 0, "Okonkwo", "said");
  /* a fragment nobody is named for */
  add_statement_at (f->analyses[1], f->articles[1], ARX_STATEMENT_PARTIAL,
                    "“the works start in June”", -1, NULL, NULL);

  f->articles[2] = new_article ("Quotas stay", "2020-01-15", c);
  f->analyses[2] = arx_analysis_new ();
  add_entity_at (f->analyses[2], f->articles[2], ARX_ENTITY_PERSON, "John Halvorsen",
                 (const char *[]){ "John Halvorsen", NULL });
  add_statement_at (f->analyses[2], f->articles[2], ARX_STATEMENT_DIRECT,
                    "“Fishing quotas will not change this year,”", 0, "John Halvorsen", "said");

  for (guint i = 0; i < 3; i++)
    {
      arx_analysis_sort_statements (f->analyses[i]);
      arx_analysis_number (f->analyses[i]);
    }
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  f->dir = g_dir_make_tmp ("arx-insights-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (f->dir, "library.db", NULL);
  f->library = arx_library_open (path, &error);
  g_assert_no_error (error);
  build_articles (f);
  for (guint i = 0; i < 3; i++)
    {
      g_assert_true (arx_library_add (f->library, f->articles[i], f->analyses[i], &f->ids[i],
                                      NULL, &error));
      g_assert_no_error (error);
    }
  g_assert_true (arx_library_tag_article (f->library, f->ids[0], "harbour", &error));
  g_assert_true (arx_library_tag_article (f->library, f->ids[1], "harbour", &error));
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GDir) dir = g_dir_open (f->dir, 0, NULL);
  const char *name;

  g_clear_object (&f->library);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (f->dir, name, NULL);

      g_remove (child);
    }
  g_rmdir (f->dir);
  g_free (f->dir);
  for (guint i = 0; i < 3; i++)
    {
      g_clear_object (&f->articles[i]);
      g_clear_pointer (&f->analyses[i], arx_analysis_unref);
    }
}

static ArxStats *
stats_of (Fixture        *f,
          const ArxScope *scope)
{
  g_autoptr(GError) error = NULL;
  ArxStats *stats = arx_library_stats (f->library, scope, &error);

  g_assert_no_error (error);
  g_assert_nonnull (stats);
  return stats;
}

static const ArxStatsSpeaker *
speaker_at (ArxStats *stats,
            guint     i)
{
  g_assert_cmpuint (i, <, stats->speakers->len);
  return g_ptr_array_index (stats->speakers, i);
}

static gint64
person_named (Fixture    *f,
              const char *name)
{
  g_autoptr(GPtrArray) speakers = arx_library_list_speakers (f->library, name, NULL);

  g_assert_nonnull (speakers);
  g_assert_cmpuint (speakers->len, ==, 1);
  return ((ArxSpeakerRow *)g_ptr_array_index (speakers, 0))->id;
}

static void
test_stats_library (Fixture       *f,
                    gconstpointer  data)
{
  ArxScope all = { 0, };
  g_autoptr(ArxStats) stats = stats_of (f, &all);
  const ArxStatsPeriod *period;

  g_assert_cmpuint (stats->n_articles, ==, 3);
  g_assert_cmpuint (stats->n_statements, ==, 7);
  g_assert_cmpuint (stats->by_kind[ARX_STATEMENT_DIRECT], ==, 5);
  g_assert_cmpuint (stats->by_kind[ARX_STATEMENT_INDIRECT], ==, 1);
  g_assert_cmpuint (stats->by_kind[ARX_STATEMENT_PARTIAL], ==, 1);
  g_assert_cmpuint (stats->by_kind[ARX_STATEMENT_MIXED], ==, 0);
  g_assert_cmpuint (stats->by_speaker_kind[ARX_SPEAKER_PERSON], ==, 5);
  g_assert_cmpuint (stats->by_speaker_kind[ARX_SPEAKER_ORGANIZATION], ==, 1);
  g_assert_cmpuint (stats->by_speaker_kind[ARX_SPEAKER_UNATTRIBUTED], ==, 1);

  g_assert_cmpuint (stats->speakers->len, ==, 3);
  g_assert_cmpstr (speaker_at (stats, 0)->name, ==, "Mary Okonkwo");
  g_assert_cmpuint (speaker_at (stats, 0)->n_statements, ==, 4);
  g_assert_cmpuint (speaker_at (stats, 0)->n_articles, ==, 2);
  g_assert_cmpint (speaker_at (stats, 0)->gender, ==, ARX_GENDER_FEMALE);
  g_assert_cmpint (speaker_at (stats, 0)->kind, ==, ARX_SPEAKER_PERSON);
  /* one statement each: more articles first, then by name */
  g_assert_cmpstr (speaker_at (stats, 1)->name, ==, "John Halvorsen");
  g_assert_cmpint (speaker_at (stats, 1)->gender, ==, ARX_GENDER_MALE);
  g_assert_cmpstr (speaker_at (stats, 2)->name, ==, "Port Authority");
  g_assert_cmpint (speaker_at (stats, 2)->kind, ==, ARX_SPEAKER_ORGANIZATION);
  g_assert_cmpint (speaker_at (stats, 2)->gender, ==, ARX_GENDER_UNKNOWN);

  g_assert_cmpuint (stats->gender_people[ARX_GENDER_FEMALE], ==, 1);
  g_assert_cmpuint (stats->gender_people[ARX_GENDER_MALE], ==, 1);
  g_assert_cmpuint (stats->gender_people[ARX_GENDER_UNKNOWN], ==, 0);
  g_assert_cmpuint (stats->gender_statements[ARX_GENDER_FEMALE], ==, 4);
  g_assert_cmpuint (stats->gender_statements[ARX_GENDER_MALE], ==, 1);

  /* March 2019 to January 2020: months */
  g_assert_true (stats->by_month);
  g_assert_cmpuint (stats->periods->len, ==, 3);
  period = g_ptr_array_index (stats->periods, 0);
  g_assert_cmpstr (period->period, ==, "2019-03");
  g_assert_cmpuint (period->people[ARX_GENDER_FEMALE], ==, 1);
  g_assert_cmpuint (period->statements[ARX_GENDER_FEMALE], ==, 2);
  period = g_ptr_array_index (stats->periods, 2);
  g_assert_cmpstr (period->period, ==, "2020-01");
  g_assert_cmpuint (period->people[ARX_GENDER_MALE], ==, 1);
  g_assert_cmpuint (period->people[ARX_GENDER_FEMALE], ==, 0);
}

static void
test_stats_scopes (Fixture       *f,
                   gconstpointer  data)
{
  ArxScope tag = { .tag = "harbour" };
  ArxScope dates = { .from = "2019-05", .to = "2020" };
  ArxScope query = { .query = "quotas" };
  ArxScope one = { .article_ids = &f->ids[1], .n_article_ids = 1 };
  ArxScope both = { .article_ids = f->ids, .n_article_ids = 3, .to = "2019" };
  ArxScope bad = { .query = "\"unbalanced" };
  g_autoptr(ArxStats) by_tag = stats_of (f, &tag);
  g_autoptr(ArxStats) by_dates = stats_of (f, &dates);
  g_autoptr(ArxStats) by_query = stats_of (f, &query);
  g_autoptr(ArxStats) by_article = stats_of (f, &one);
  g_autoptr(ArxStats) combined = stats_of (f, &both);
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (by_tag->n_articles, ==, 2);
  g_assert_cmpuint (by_tag->n_statements, ==, 6);
  g_assert_cmpuint (by_tag->speakers->len, ==, 2);
  g_assert_cmpuint (by_tag->gender_people[ARX_GENDER_MALE], ==, 0);

  g_assert_cmpuint (by_dates->n_articles, ==, 2);
  g_assert_cmpuint (by_dates->n_statements, ==, 4);

  g_assert_cmpuint (by_query->n_articles, ==, 1);
  g_assert_cmpuint (by_query->n_statements, ==, 1);
  g_assert_cmpstr (speaker_at (by_query, 0)->name, ==, "John Halvorsen");

  g_assert_cmpuint (by_article->n_articles, ==, 1);
  g_assert_cmpuint (by_article->n_statements, ==, 3);
  g_assert_cmpuint (by_article->by_speaker_kind[ARX_SPEAKER_UNATTRIBUTED], ==, 1);
  g_assert_cmpuint (by_article->gender_statements[ARX_GENDER_FEMALE], ==, 2);

  /* criteria add up: the listed articles of 2019 */
  g_assert_cmpuint (combined->n_articles, ==, 2);
  g_assert_cmpuint (combined->n_statements, ==, 6);

  g_assert_null (arx_library_stats (f->library, &bad, &error));
  g_assert_error (error, ARX_ERROR, ARX_ERROR_INVALID_QUERY);
}

static guint
facet_count (Fixture        *f,
             const ArxScope *scope,
             const ArxFacet *facet,
             const char     *first_text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = arx_library_facet_statements (f->library, scope, facet, 0, &error);

  g_assert_no_error (error);
  if (first_text != NULL)
    g_assert_cmpstr (((ArxStatementRow *)g_ptr_array_index (rows, 0))->text, ==, first_text);
  return rows->len;
}

/* Each number of the stats has exactly its statements behind it. */
static void
test_facets (Fixture       *f,
             gconstpointer  data)
{
  ArxScope all = { 0, };
  ArxScope tag = { .tag = "harbour" };
  gint64 mary = person_named (f, "Okonkwo");
  ArxFacet female = { ARX_FACET_GENDER, ARX_GENDER_FEMALE };
  ArxFacet female_may = { ARX_FACET_GENDER, ARX_GENDER_FEMALE, .period = "2019-05" };
  ArxFacet org = { ARX_FACET_SPEAKER_KIND, ARX_SPEAKER_ORGANIZATION };
  ArxFacet nobody = { ARX_FACET_SPEAKER_KIND, ARX_SPEAKER_UNATTRIBUTED };
  ArxFacet partial = { ARX_FACET_KIND, ARX_STATEMENT_PARTIAL };
  ArxFacet speaker = { ARX_FACET_SPEAKER, .person_id = mary };
  ArxFacet everything = { ARX_FACET_ALL };
  g_autoptr(GPtrArray) limited = NULL;

  g_assert_cmpuint (facet_count (f, &all, &female, bridge_quote), ==, 4);
  g_assert_cmpuint (facet_count (f, &all, &female_may, bridge_reworded), ==, 2);
  g_assert_cmpuint (facet_count (f, &all, &org, "the ferries would keep running"), ==, 1);
  g_assert_cmpuint (facet_count (f, &all, &nobody, "“the works start in June”"), ==, 1);
  g_assert_cmpuint (facet_count (f, &all, &partial, NULL), ==, 1);
  g_assert_cmpuint (facet_count (f, &all, &speaker, bridge_quote), ==, 4);
  g_assert_cmpuint (facet_count (f, &tag, &everything, NULL), ==, 6);

  limited = arx_library_facet_statements (f->library, &all, &everything, 2, NULL);
  g_assert_cmpuint (limited->len, ==, 2);
}

static void
test_gender_correction (Fixture       *f,
                        gconstpointer  data)
{
  ArxScope all = { 0, };
  gint64 mary = person_named (f, "Okonkwo");
  gint64 john = person_named (f, "Halvorsen");
  g_autoptr(GError) error = NULL;
  g_autofree char *evidence = NULL;
  g_autofree char *undone = NULL;
  ArxGender gender, inferred;
  gboolean corrected;

  g_assert_true (arx_library_get_gender (f->library, mary, &gender, &inferred, &evidence,
                                         &corrected, &error));
  g_assert_no_error (error);
  g_assert_cmpint (gender, ==, ARX_GENDER_FEMALE);
  g_assert_false (corrected);
  g_assert_cmpstr (evidence, ==, "first name Mary; 'she' ×1");

  /* the user knows better */
  g_assert_cmpint (arx_library_correct_gender (f->library, john, ARX_GENDER_UNKNOWN, &error), >, 0);
  g_assert_no_error (error);
  g_assert_true (arx_library_get_gender (f->library, john, &gender, &inferred, NULL, &corrected,
                                         &error));
  g_assert_cmpint (gender, ==, ARX_GENDER_UNKNOWN);
  g_assert_cmpint (inferred, ==, ARX_GENDER_MALE);
  g_assert_true (corrected);

  /* and it stays so after re-analyses that drop John's row and make a new one */
  {
    g_autoptr(ArxAnalysis) empty = arx_analysis_new ();

    g_autoptr(GPtrArray) gone = NULL;

    g_assert_true (_arx_library_replace_analysis (f->library, f->ids[2], f->articles[2], empty,
                                                  "test-2", &error));
    gone = arx_library_list_speakers (f->library, "Halvorsen", &error);
    g_assert_cmpuint (gone->len, ==, 0);
    g_assert_true (_arx_library_replace_analysis (f->library, f->ids[2], f->articles[2],
                                                  f->analyses[2], "test-3", &error));
    g_assert_no_error (error);
  }
  {
    g_autoptr(ArxStats) stats = stats_of (f, &all);

    g_assert_cmpuint (stats->gender_people[ARX_GENDER_MALE], ==, 0);
    g_assert_cmpuint (stats->gender_people[ARX_GENDER_UNKNOWN], ==, 1);
  }

  /* undo brings the inference back */
  g_assert_true (arx_library_undo_correction (f->library, &undone, &error));
  g_assert_no_error (error);
  {
    g_autoptr(ArxStats) stats = stats_of (f, &all);

    g_assert_cmpuint (stats->gender_people[ARX_GENDER_MALE], ==, 1);
  }
  g_assert_cmpint (arx_library_correct_gender (f->library, 999999, ARX_GENDER_MALE, &error), ==, 0);
  g_assert_error (error, ARX_ERROR, ARX_ERROR_NOT_FOUND);
}

static void
test_profile (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 mary = person_named (f, "Okonkwo");
  g_autoptr(ArxProfile) profile = arx_library_speaker_profile (f->library, mary, &error);
  const ArxProfileArticle *newest;
  const ArxProfileCoSpeaker *co;

  g_assert_no_error (error);
  g_assert_cmpstr (profile->name, ==, "Mary Okonkwo");
  g_assert_cmpint (profile->kind, ==, ARX_SPEAKER_PERSON);
  g_assert_true (g_ptr_array_find_with_equal_func (profile->aliases, "Okonkwo", g_str_equal, NULL));
  g_assert_cmpint (profile->gender, ==, ARX_GENDER_FEMALE);
  g_assert_cmpstr (profile->gender_evidence, ==, "first name Mary; 'she' ×1");
  g_assert_cmpuint (profile->articles->len, ==, 2);
  newest = g_ptr_array_index (profile->articles, 0);
  g_assert_cmpstr (newest->title, ==, "Harbour works begin");
  g_assert_cmpuint (newest->n_statements, ==, 2);
  g_assert_cmpuint (profile->periods->len, ==, 2);
  g_assert_cmpstr (((ArxStatsPeriod *)g_ptr_array_index (profile->periods, 0))->period, ==, "2019-03");
  g_assert_cmpuint (profile->co_speakers->len, ==, 1);
  co = g_ptr_array_index (profile->co_speakers, 0);
  g_assert_cmpstr (co->name, ==, "Port Authority");
  g_assert_cmpuint (co->n_articles, ==, 1);
  g_assert_cmpuint (profile->statements->len, ==, 4);
  g_assert_cmpstr (((ArxStatementRow *)g_ptr_array_index (profile->statements, 0))->text, ==,
                   bridge_quote);

  g_assert_null (arx_library_speaker_profile (f->library, 999999, &error));
  g_assert_error (error, ARX_ERROR, ARX_ERROR_NOT_FOUND);
}

static void
assert_one_group (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) groups = arx_library_list_provenance (f->library, &error);
  ArxQuoteGroup *group;
  ArxQuoteVersion *first, *second;

  g_assert_no_error (error);
  g_assert_cmpuint (groups->len, ==, 1);
  group = g_ptr_array_index (groups, 0);
  g_assert_cmpuint (group->versions->len, ==, 2);
  first = g_ptr_array_index (group->versions, 0);
  second = g_ptr_array_index (group->versions, 1);
  /* earliest article first */
  g_assert_cmpstr (first->text, ==, bridge_quote);
  g_assert_cmpstr (first->date, ==, "2019-03-04");
  g_assert_cmpint (first->article_id, ==, f->ids[0]);
  g_assert_cmpstr (first->speaker, ==, "Mary Okonkwo");
  g_assert_cmpstr (second->text, ==, bridge_reworded);
  g_assert_cmpint (second->article_id, ==, f->ids[1]);
}

static void
test_provenance (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) spread = NULL;
  g_autoptr(GArray) none = NULL;
  g_autoptr(ArxQuoteGroup) versions = NULL;
  g_autoptr(ArxQuoteGroup) alone = NULL;
  guint start = offset_of (f->articles[1], bridge_reworded);

  assert_one_group (f);

  spread = arx_library_quote_spread (f->library, f->ids[0], &error);
  g_assert_no_error (error);
  g_assert_cmpuint (spread->len, ==, 1);
  g_assert_cmpuint (g_array_index (spread, ArxQuoteSpread, 0).start, ==,
                    offset_of (f->articles[0], bridge_quote));
  g_assert_cmpuint (g_array_index (spread, ArxQuoteSpread, 0).n_other_articles, ==, 1);
  none = arx_library_quote_spread (f->library, f->ids[2], &error);
  g_assert_cmpuint (none->len, ==, 0);

  versions = arx_library_quote_versions (f->library, f->ids[1], start,
                                         start + strlen (bridge_reworded), &error);
  g_assert_no_error (error);
  g_assert_nonnull (versions);
  g_assert_cmpuint (versions->versions->len, ==, 2);
  alone = arx_library_quote_versions (f->library, f->ids[2], 0, 10, &error);
  g_assert_no_error (error);
  g_assert_null (alone);

  /* re-analysis regroups the article's new statements */
  g_assert_true (_arx_library_replace_analysis (f->library, f->ids[0], f->articles[0],
                                                f->analyses[0], "test-2", &error));
  g_assert_no_error (error);
  assert_one_group (f);

  /* a deleted article leaves a group of one article: no provenance */
  g_assert_true (arx_library_delete_article (f->library, f->ids[1], &error));
  g_assert_no_error (error);
  {
    g_autoptr(GPtrArray) groups = arx_library_list_provenance (f->library, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (groups->len, ==, 0);
  }
  /* and adding it again finds the group again */
  g_assert_true (arx_library_add (f->library, f->articles[1], f->analyses[1], &f->ids[1], NULL,
                                  &error));
  g_assert_no_error (error);
  assert_one_group (f);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
#define ADD(name, func) g_test_add ("/arx/insights/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("stats/library", test_stats_library);
  ADD ("stats/scopes", test_stats_scopes);
  ADD ("stats/facets", test_facets);
  ADD ("gender/correction", test_gender_correction);
  ADD ("profile", test_profile);
  ADD ("provenance", test_provenance);
#undef ADD
  return g_test_run ();
}
