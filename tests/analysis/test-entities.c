/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Entities of the analyzer on sentences written for these tests: the tagger, the document
 * consistency pass and the alias clusters, through arx_analyzer_analyze. */
#include "config.h"

#include <string.h>

#include "arx-analyzer.h"
#include "arx-lexicon.h"
#include "arx-ner.h"

static ArxAnalysis *
analyze (ArxArticle **article_out, const char *const *paragraphs)
{
  ArxArticle *article = arx_article_new ();

  for (guint i = 0; paragraphs[i]; i++)
    arx_article_add_paragraph (article, paragraphs[i], -1);
  *article_out = article;
  return arx_analyzer_analyze (arx_analyzer_get_default (), article);
}

/* The entity with this name or alias, or NULL. */
static const ArxEntity *
find_entity (const ArxAnalysis *analysis, const char *name)
{
  for (guint i = 0; i < analysis->entities->len; i++)
    {
      const ArxEntity *e = g_ptr_array_index (analysis->entities, i);

      if (strcmp (e->name, name) == 0)
        return e;
      for (guint a = 0; a < e->aliases->len; a++)
        if (strcmp (g_ptr_array_index (e->aliases, a), name) == 0)
          return e;
    }
  return NULL;
}

/* The entity one of whose mentions covers exactly the first occurrence of @words at or after
 * byte @from, or NULL. */
static const ArxEntity *
entity_at (const ArxAnalysis *analysis, ArxArticle *article, const char *words, gsize from)
{
  const char *text = arx_article_get_text (article);
  const char *at = strstr (text + from, words);
  gsize start, end;

  g_assert_nonnull (at);
  start = at - text;
  end = start + strlen (words);
  for (guint i = 0; i < analysis->entities->len; i++)
    {
      const ArxEntity *e = g_ptr_array_index (analysis->entities, i);

      for (guint m = 0; m < e->mentions->len; m++)
        {
          const ArxSpan *s = &g_array_index (e->mentions, ArxSpan, m);

          if (s->start == start && s->end == end)
            return e;
        }
    }
  return NULL;
}

/* Whether any entity mention overlaps bytes [start, end). */
static gboolean
any_mention_in (const ArxAnalysis *analysis, gsize start, gsize end)
{
  for (guint i = 0; i < analysis->entities->len; i++)
    {
      const ArxEntity *e = g_ptr_array_index (analysis->entities, i);

      for (guint m = 0; m < e->mentions->len; m++)
        {
          const ArxSpan *s = &g_array_index (e->mentions, ArxSpan, m);

          if (s->start < end && start < s->end)
            return TRUE;
        }
    }
  return FALSE;
}

/* A two-word company, then its initials: one organisation. */
static void
test_company_acronym (void)
{
  const char *p[] = {
    "Shares of Corvane Logistics fell 8 percent on Thursday after the freight company cut its "
    "forecast for the second time this year.",
    "Analysts had expected CL to raise prices, but the company said demand from retailers was weak.",
    NULL
  };
  g_autoptr(ArxArticle) article = NULL;
  g_autoptr(ArxAnalysis) analysis = analyze (&article, p);
  const ArxEntity *company = find_entity (analysis, "Corvane Logistics");

  g_assert_nonnull (company);
  g_assert_cmpint (company->kind, ==, ARX_ENTITY_ORGANIZATION);
  g_assert_true (entity_at (analysis, article, "CL", 0) == company);
}

/* A place inside an organisation's name is part of the name, not a place of its own. */
static void
test_place_in_organisation (void)
{
  const char *p[] = {
    "The Bank of Canada left its key interest rate unchanged on Wednesday, saying inflation "
    "was cooling faster than it had expected.",
    "Economists in Toronto said the central bank could cut rates in the spring.",
    NULL
  };
  g_autoptr(ArxArticle) article = NULL;
  g_autoptr(ArxAnalysis) analysis = analyze (&article, p);
  const ArxEntity *bank = entity_at (analysis, article, "Bank of Canada", 0);
  const ArxEntity *toronto = entity_at (analysis, article, "Toronto", 0);

  g_assert_nonnull (bank);
  g_assert_cmpint (bank->kind, ==, ARX_ENTITY_ORGANIZATION);
  g_assert_null (find_entity (analysis, "Canada"));
  g_assert_nonnull (toronto);
  g_assert_cmpint (toronto->kind, ==, ARX_ENTITY_LOCATION);
}

/* A person whose surname is a city: the later "London" is the writer. */
static void
test_surname_is_a_place (void)
{
  const char *p[] = {
    "Jack London wrote most of the novel in a rented cabin, his daughter told the museum's "
    "visitors on Saturday.",
    "London later bought a ranch in the hills and planted thousands of trees there.",
    NULL
  };
  g_autoptr(ArxArticle) article = NULL;
  g_autoptr(ArxAnalysis) analysis = analyze (&article, p);
  const ArxEntity *jack = find_entity (analysis, "Jack London");
  const char *text = arx_article_get_text (article);

  g_assert_nonnull (jack);
  g_assert_cmpint (jack->kind, ==, ARX_ENTITY_PERSON);
  g_assert_true (entity_at (analysis, article, "London", strstr (text, "London later") - text) == jack);
}

/* A headline in title case has capitals on every word and no name among them. */
static void
test_headline_without_names (void)
{
  const char *p[] = {
    "Heat Wave Pushes Power Demand To Record As Families Turn Up Air Conditioning",
    "Electricity use reached a new high on Monday as temperatures stayed above 40 degrees for a "
    "fifth day, and the grid operator asked households to save power in the evening.",
    NULL
  };
  g_autoptr(ArxArticle) article = NULL;
  g_autoptr(ArxAnalysis) analysis = analyze (&article, p);

  g_assert_false (any_mention_in (analysis, 0, strlen (p[0])));
}

/* Unknown one-word names that the text defines: "… is a village", ", a ride-hailing company,";
 * every mention of the name takes the kind. */
static void
test_defined_names (void)
{
  const char *p[] = {
    "Brimscombe is a village on the edge of the moor, about ten miles from the coast. Brimscombe "
    "had 412 residents at the last census, and its school closed in 1998.",
    "Farvolo, a ride-hailing company founded in Lisbon in 2016, said on Monday it would cut 300 "
    "jobs. Farvolo has lost money in every quarter since it began.",
    NULL
  };
  g_autoptr(ArxArticle) article = NULL;
  g_autoptr(ArxAnalysis) analysis = analyze (&article, p);
  const ArxEntity *village = find_entity (analysis, "Brimscombe");
  const ArxEntity *company = find_entity (analysis, "Farvolo");
  const char *text = arx_article_get_text (article);

  g_assert_nonnull (village);
  g_assert_cmpint (village->kind, ==, ARX_ENTITY_LOCATION);
  g_assert_true (entity_at (analysis, article, "Brimscombe", strstr (text, "Brimscombe had") - text) == village);
  g_assert_nonnull (company);
  g_assert_cmpint (company->kind, ==, ARX_ENTITY_ORGANIZATION);
  g_assert_true (entity_at (analysis, article, "Farvolo", strstr (text, "Farvolo has") - text) == company);
}

/* The noun before a name says what it is: "the town of …", "the band …". */
static void
test_named_after_noun (void)
{
  const char *p[] = {
    "Flooding cut off the town of Pemberley for three days, and residents of Pemberley were taken "
    "out by boat.",
    "The band Velvetine will play two shows in Dublin next month, and Velvetine said tickets sold "
    "out in an hour.",
    NULL
  };
  g_autoptr(ArxArticle) article = NULL;
  g_autoptr(ArxAnalysis) analysis = analyze (&article, p);
  const ArxEntity *town = find_entity (analysis, "Pemberley");
  const ArxEntity *band = find_entity (analysis, "Velvetine");

  g_assert_nonnull (town);
  g_assert_cmpint (town->kind, ==, ARX_ENTITY_LOCATION);
  g_assert_cmpuint (town->mentions->len, ==, 2);
  g_assert_nonnull (band);
  g_assert_cmpint (band->kind, ==, ARX_ENTITY_ORGANIZATION);
  g_assert_cmpuint (band->mentions->len, ==, 2);
}

/* The words of a name decide against its context: a name ending in a kind of place is a place,
 * and a place followed by words that name no place is something named after it (a newspaper, a
 * team), while "Kansas City" stays a place. */
static void
test_name_words (void)
{
  const char *p[] = {
    "Volunteers rebuilt the footbridge over Garrow Brook after the spring floods, and the path "
    "beside Garrow Brook reopened on Saturday.",
    "A reporter for the Tulsa Beacon said the Tulsa Beacon would print a correction about the "
    "flooding in Kansas City.",
    NULL
  };
  g_autoptr(ArxArticle) article = NULL;
  g_autoptr(ArxAnalysis) analysis = analyze (&article, p);
  const ArxEntity *brook = find_entity (analysis, "Garrow Brook");
  const ArxEntity *paper = find_entity (analysis, "Tulsa Beacon");
  const ArxEntity *city = entity_at (analysis, article, "Kansas City", 0);

  g_assert_nonnull (brook);
  g_assert_cmpint (brook->kind, ==, ARX_ENTITY_LOCATION);
  g_assert_nonnull (paper);
  g_assert_cmpint (paper->kind, ==, ARX_ENTITY_ORGANIZATION);
  g_assert_nonnull (city);
  g_assert_cmpint (city->kind, ==, ARX_ENTITY_LOCATION);
}

/* What only an organisation does: it is founded, has shares, signs artists. Every mention of
 * the name follows; a place that "was founded" stays a place. */
static void
test_organisation_context (void)
{
  const char *p[] = {
    "Venmark was founded in 1994 by two engineers. Shares of Venmark rose 4 percent after Venmark "
    "said sales grew.",
    "Singer Ada Moss signed to Brightwater last year, and Brightwater will release her album in May.",
    "Chicago was founded in 1833 on the shore of the lake.",
    NULL
  };
  g_autoptr(ArxArticle) article = NULL;
  g_autoptr(ArxAnalysis) analysis = analyze (&article, p);
  const ArxEntity *company = find_entity (analysis, "Venmark");
  const ArxEntity *label = find_entity (analysis, "Brightwater");
  const ArxEntity *city = find_entity (analysis, "Chicago");

  g_assert_nonnull (company);
  g_assert_cmpint (company->kind, ==, ARX_ENTITY_ORGANIZATION);
  g_assert_cmpuint (company->mentions->len, ==, 3);
  g_assert_nonnull (label);
  g_assert_cmpint (label->kind, ==, ARX_ENTITY_ORGANIZATION);
  g_assert_nonnull (city);
  g_assert_cmpint (city->kind, ==, ARX_ENTITY_LOCATION);
}

/* "of" and a town after a full name: the person and the place. */
static void
test_person_of_place (void)
{
  const char *p[] = { "“We will rebuild,” said Maria Delgado of Santa Fe, whose bakery burned down in May.", NULL };
  g_autoptr(ArxArticle) article = NULL;
  g_autoptr(ArxAnalysis) analysis = analyze (&article, p);
  const ArxEntity *maria = entity_at (analysis, article, "Maria Delgado", 0);
  const ArxEntity *town = entity_at (analysis, article, "Santa Fe", 0);

  g_assert_nonnull (maria);
  g_assert_cmpint (maria->kind, ==, ARX_ENTITY_PERSON);
  g_assert_nonnull (town);
  g_assert_cmpint (town->kind, ==, ARX_ENTITY_LOCATION);
}

/* Accounts and hashtags in a quoted post; an e-mail address is no account. */
static void
test_accounts_and_hashtags (void)
{
  const char *p[] = {
    "Flooding closed the coast road on Sunday. “Stay away from #Riverton tonight,” "
    "@megan_ortiz wrote, sharing a warning from @CountyAlerts.",
    "Readers can send photos to desk@example.org.",
    NULL
  };
  g_autoptr(ArxArticle) article = NULL;
  g_autoptr(ArxAnalysis) analysis = analyze (&article, p);
  const ArxEntity *megan = entity_at (analysis, article, "megan_ortiz", 0);
  const ArxEntity *alerts = entity_at (analysis, article, "CountyAlerts", 0);
  const ArxEntity *town = entity_at (analysis, article, "#Riverton", 0);

  g_assert_nonnull (megan);
  g_assert_cmpint (megan->kind, ==, ARX_ENTITY_PERSON);
  g_assert_nonnull (alerts);
  g_assert_cmpint (alerts->kind, ==, ARX_ENTITY_ORGANIZATION);
  g_assert_nonnull (town);
  g_assert_cmpstr (town->name, ==, "#Riverton");
  g_assert_null (entity_at (analysis, article, "example.org", 0));
}

/* The tagger sees the whole stretch of words that the decoder could make one name: every word
 * of "Harrow Lane Records in Leeds" knows the stretch's last word and the words before and after
 * it; a comma ends a stretch ("Leeds, Ohio" are two), and a run of lower-case words too. */
static void
test_name_runs (void)
{
  const char *words[] = { "signed", "to", "Harrow", "Lane", "Records", "in", "Leeds", ",", "Ohio",
                          "and", "then", "the", "Bank", "of", "Wessex", "." };
  guint n = G_N_ELEMENTS (words);
  ArxNerToken toks[G_N_ELEMENTS (words)] = { { 0 } };
  ArxNerPrep prep[G_N_ELEMENTS (words)];
  guint16 masks[G_N_ELEMENTS (words)];

  for (guint i = 0; i < n; i++)
    {
      toks[i].word = words[i];
      toks[i].len = strlen (words[i]);
    }
  arx_ner_mark_gazetteer (arx_lexicon_get_default (), toks, n);
  arx_ner_prepare (toks, n, prep);
  arx_ner_label_masks (toks, n, masks);
  arx_ner_mark_runs (toks, masks, n, prep);

  /* "Harrow … Leeds": one run of five (length counted up to four), first / inside / last, with
   * one head and one context */
  g_assert_cmpuint (prep[2].run_where, ==, 2 | 4 << 3);
  for (guint i = 3; i <= 5; i++)
    g_assert_cmpuint (prep[i].run_where, ==, 3 | 4 << 3);
  g_assert_cmpuint (prep[6].run_where, ==, 4 | 4 << 3);
  for (guint i = 2; i <= 5; i++)
    {
      g_assert_cmpuint (prep[i].run_head, ==, prep[6].run_head);
      g_assert_cmpuint (prep[i].run_before, ==, prep[6].run_before);
      g_assert_cmpuint (prep[i].run_before2, ==, prep[6].run_before2);
      g_assert_cmpuint (prep[i].run_after, ==, prep[6].run_after);
    }
  g_assert_cmpuint (prep[2].run_head, !=, prep[2].run_before);
  g_assert_cmpuint (prep[2].run_before, !=, prep[2].run_before2);
  /* "to" before it is outside any run, and so is the comma after it */
  g_assert_cmpuint (prep[1].run_where, ==, 0);
  g_assert_cmpuint (prep[7].run_where, ==, 0);
  /* "Ohio" alone: the comma splits it from "Leeds", and "and then the" (three lower-case
   * words) from "Bank" */
  g_assert_cmpuint (prep[8].run_where, ==, 1 | 1 << 3);
  g_assert_cmpuint (prep[8].run_head, !=, prep[6].run_head);
  for (guint i = 9; i <= 11; i++)
    g_assert_cmpuint (prep[i].run_where, ==, 0);
  /* "Bank of Wessex": "of" inside, the full stop after it outside */
  g_assert_cmpuint (prep[12].run_where, ==, 2 | 3 << 3);
  g_assert_cmpuint (prep[13].run_where, ==, 3 | 3 << 3);
  g_assert_cmpuint (prep[14].run_where, ==, 4 | 3 << 3);
  g_assert_cmpuint (prep[12].run_head, ==, prep[14].run_head);
  g_assert_cmpuint (prep[15].run_where, ==, 0);
}

/* A first name or a place that opens an organisation's name is part of it. */
static void
test_name_opens_organisation (void)
{
  const char *p[] = {
    "Nurses at George Mason University Hospital walked out on Monday after talks over staffing "
    "broke down.",
    "The Georgia Department of Law Enforcement opened an inquiry into the shooting.",
    NULL
  };
  g_autoptr(ArxArticle) article = NULL;
  g_autoptr(ArxAnalysis) analysis = analyze (&article, p);
  const ArxEntity *hospital = entity_at (analysis, article, "George Mason University Hospital", 0);
  const ArxEntity *department = entity_at (analysis, article, "Georgia Department of Law Enforcement", 0);

  g_assert_nonnull (hospital);
  g_assert_cmpint (hospital->kind, ==, ARX_ENTITY_ORGANIZATION);
  g_assert_null (find_entity (analysis, "George"));
  g_assert_nonnull (department);
  g_assert_cmpint (department->kind, ==, ARX_ENTITY_ORGANIZATION);
  g_assert_null (find_entity (analysis, "Georgia"));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/arx/analysis/entities/company-acronym", test_company_acronym);
  g_test_add_func ("/arx/analysis/entities/place-in-organisation", test_place_in_organisation);
  g_test_add_func ("/arx/analysis/entities/surname-is-a-place", test_surname_is_a_place);
  g_test_add_func ("/arx/analysis/entities/headline-without-names", test_headline_without_names);
  g_test_add_func ("/arx/analysis/entities/person-of-place", test_person_of_place);
  g_test_add_func ("/arx/analysis/entities/name-words", test_name_words);
  g_test_add_func ("/arx/analysis/entities/organisation-context", test_organisation_context);
  g_test_add_func ("/arx/analysis/entities/defined-names", test_defined_names);
  g_test_add_func ("/arx/analysis/entities/named-after-noun", test_named_after_noun);
  g_test_add_func ("/arx/analysis/entities/accounts-and-hashtags", test_accounts_and_hashtags);
  g_test_add_func ("/arx/analysis/entities/name-runs", test_name_runs);
  g_test_add_func ("/arx/analysis/entities/name-opens-organisation", test_name_opens_organisation);
  return g_test_run ();
}
