/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Statements and speakers: one short text per attribution rule, and the seed article. */
#include "config.h"

#include <string.h>

#include "arx-analyzer.h"
#include "attribution-testlib.h"

static void
test_subject (void)
{
  const char *p[] = { "Labour leader Jane Holloway said on Tuesday that the budget would hurt families.", NULL };

  expect (p, "the budget would hurt families", ARX_STATEMENT_INDIRECT, "Jane Holloway", "Jane Holloway", "subject");
}

static void
test_trailing (void)
{
  const char *p[] = { "“We will not back down from this fight,” Holloway said.", NULL };

  expect (p, "We will not back down", ARX_STATEMENT_DIRECT, "Holloway", "Holloway", "subject");
}

static void
test_inverted (void)
{
  const char *p[] = { "Michael Grant ran the campaign for six years.",
                      "“It was a long night for all of us,” said Grant, who declined to say more.", NULL };

  expect (p, "It was a long night", ARX_STATEMENT_DIRECT, "Michael Grant", "Grant", "inverted");
}

static void
test_apposition (void)
{
  const char *p[] = { "Susan Miller, a spokeswoman for the city, said the road will reopen on Friday.", NULL };

  expect (p, "the road will reopen on Friday", ARX_STATEMENT_INDIRECT, "Susan Miller", "Susan Miller", NULL);
}

static void
test_description (void)
{
  const char *p[] = {
    "Sen. Marco Rubio met voters in Miami on Monday.",
    "Later, the senator told reporters that he would run again.", NULL
  };

  expect (p, "he would run again", ARX_STATEMENT_INDIRECT, "Marco Rubio", "the senator", "description");
}

/* the latest person the role described, not the possessor, not one described only later */
static void
test_description_latest (void)
{
  const char *p[] = {
    "Sen. Marco Rubio met Sen. Ted Ortiz and Governor Lena Park in Miami on Monday.",
    "Ortiz’s fellow senator later said that the bill would pass easily.",
    "The governor told reporters that the state would sue. Sen. Ann Blake and Governor Tom Reyes arrived later.",
    NULL
  };

  expect (p, "the bill would pass easily", ARX_STATEMENT_INDIRECT, "Marco Rubio", "Ortiz’s fellow senator",
          "description");
  expect (p, "the state would sue", ARX_STATEMENT_INDIRECT, "Lena Park", "The governor", "description");
}

static void
test_pronoun (void)
{
  const char *p[] = {
    "“The vote is a disgrace,” Mary Collins said after the session.",
    "She added that the party would appeal the ruling.", NULL
  };

  expect (p, "the party would appeal the ruling", ARX_STATEMENT_INDIRECT, "Mary Collins", "She", "pronoun");
}

static void
test_continuation (void)
{
  const char *p[] = {
    "Mary Collins said the vote was a “disgrace” and a “scandal” after the session.",
    "“We will appeal, and we will win.”", NULL
  };

  expect (p, "We will appeal", ARX_STATEMENT_DIRECT, "Mary Collins", "Mary Collins", "continuation");
}

/* “…,” she said. “…”: every quotation is a statement of its own; the second one, with no cue
 * in its sentence, continues the speaker of the first */
static void
test_interrupted (void)
{
  const char *p[] = { "“The vote is a disgrace,” Mary Collins said. “We will appeal, and we will win.”", NULL };
  ArxArticle *article = NULL;
  g_autoptr(ArxAnalysis) analysis = analyze (&article, p);

  g_assert_cmpuint (analysis->statements->len, ==, 2);
  g_assert_true (statement_with (analysis, article, "The vote is a disgrace") !=
                 statement_with (analysis, article, "we will win"));
  g_object_unref (article);
  expect (p, "The vote is a disgrace", ARX_STATEMENT_DIRECT, "Mary Collins", "Mary Collins", "subject");
  expect (p, "we will win", ARX_STATEMENT_DIRECT, "Mary Collins", "Mary Collins", "continuation");
}

/* a role and a name after the cue: the name speaks, not the qualifying name before it */
static void
test_inverted_description (void)
{
  const char *p[] = { "“October gave her a second wind,” said former Obama adviser David Axelrod.", NULL };

  expect (p, "October gave her", ARX_STATEMENT_DIRECT, "David Axelrod", "David Axelrod", "inverted");
}

/* a participle clause after the cue ends the attribution; the quotation keeps its speaker */
static void
test_trailing_participle (void)
{
  const char *p[] = { "“We have to find a place,” Ruth Law said, noting that donors feel tired.", NULL };

  expect (p, "We have to find a place", ARX_STATEMENT_DIRECT, "Ruth Law", "Ruth Law", "subject");
}

/* present-tense cues of feature writing ("notes", "muses") */
static void
test_present_cues (void)
{
  const char *p[] = { "Richard Viguerie has raised money for decades.",
                      "“The number one thing is money,” Viguerie notes.", NULL };

  expect (p, "The number one thing", ARX_STATEMENT_DIRECT, "Richard Viguerie", "Viguerie", "subject");
}

/* a role word then a name then a place: the first person after the role speaks */
static void
test_inverted_role_place (void)
{
  const char *p[] = { "“I like him,” said undecided Republican voter Stephanie Hooton of Derry, N.H., before the rally.", NULL };

  expect (p, "I like him", ARX_STATEMENT_DIRECT, "Stephanie Hooton", "Stephanie Hooton", "inverted");
}

/* a verb we do not list between a quotation ending in a comma and its speaker */
static void
test_unknown_verb (void)
{
  const char *p[] = { "Senator Pat Toomey spoke to reporters.", "“It is broken,” Toomey fumed on Tuesday.", NULL };

  expect (p, "It is broken", ARX_STATEMENT_DIRECT, "Pat Toomey", "Toomey", "subject");
}

/* the same with an adjective before the name, and not the previous paragraph's speaker */
static void
test_unknown_verb_adjective (void)
{
  const char *p[] = { "“We will see,” Paul Manafort said.",
                      "President Francois Hollande was asked about it. “France will always be France,” an angry Hollande retaliated.", NULL };

  expect (p, "France will always", ARX_STATEMENT_DIRECT, "Francois Hollande", "Hollande", "subject");
}

/* confidence follows each rule's measured precision: a quotation's own attribution is surer
 * than a continuation's, a direct quotation surer than reported speech by the same rule */
static void
test_confidence (void)
{
  const char *p[] = {
    "“The vote is a disgrace,” Mary Collins said after the session. Collins said the party would appeal.",
    "“We will appeal, and we will win.”", NULL
  };
  ArxArticle *article = NULL;
  g_autoptr(ArxAnalysis) analysis = analyze (&article, p);
  ArxStatement *own = statement_with (analysis, article, "The vote is a disgrace");
  ArxStatement *reported = statement_with (analysis, article, "the party would appeal");
  ArxStatement *cont = statement_with (analysis, article, "we will win");

  g_assert_nonnull (own);
  g_assert_nonnull (reported);
  g_assert_nonnull (cont);
  g_assert_cmpstr (cont->rule, ==, "continuation");
  g_assert_cmpfloat (own->confidence, >, reported->confidence);
  g_assert_cmpfloat (reported->confidence, >, cont->confidence);
  g_assert_cmpfloat (cont->confidence, >, 0.0);
  g_object_unref (article);
}

/* words after the cue that run into an auxiliary are a reported clause, not the speaker */
static void
test_inverted_not_clause (void)
{
  const char *p[] = { "Paul Manafort, citing “the unique magic of Trump,” said the candidate could win Pennsylvania.", NULL };
  ArxArticle *article = NULL;
  g_autoptr(ArxAnalysis) analysis = analyze (&article, p);

  for (guint i = 0; i < analysis->statements->len; i++)
    {
      ArxStatement *s = g_ptr_array_index (analysis->statements, i);

      g_assert_null (s->speaker_name != NULL ? strstr (s->speaker_name, "could") : NULL);
    }
  g_object_unref (article);
}

/* a relative pronoun speaks for the person right before it */
static void
test_relative_who (void)
{
  const char *p[] = { "The plan drew fire from Senator Mary Collins, who said it would fail.", NULL };

  expect (p, "it would fail", ARX_STATEMENT_INDIRECT, "Mary Collins", "who", "pronoun");
}

/* "and he’s said": neither the conjunction nor the contraction is part of the speaker */
static void
test_pronoun_contraction (void)
{
  const char *p[] = { "John Smith has worked at the plant for years, and he’s said the plant will close.", NULL };

  expect (p, "the plant will close", ARX_STATEMENT_INDIRECT, "John Smith", "he", "pronoun");
}

/* a bare time adjunct between the cue and the clause: "said Tuesday the country would …" */
static void
test_time_adjunct (void)
{
  const char *p[] = { "OTTAWA — Health Minister Patty Hajdu said Tuesday the country would buy more vaccines.", NULL };

  expect (p, "the country would buy", ARX_STATEMENT_INDIRECT, "Patty Hajdu", "Patty Hajdu", "subject");
}

/* "the 45-year-old" refers back to the latest person named */
static void
test_age_description (void)
{
  const char *p[] = { "Dr. Theresa Tam spoke on Monday.",
                      "The 45-year-old, who has led the agency since 2017, said the risk remained high.", NULL };

  expect (p, "the risk remained high", ARX_STATEMENT_INDIRECT, "Theresa Tam", "The 45-year-old", "description");
}

/* a new subject with its own cue ends the reported clause before it */
static void
test_second_speaker (void)
{
  const char *p[] = { "James Comey has said that he regularly makes recommendations on cases, Corey Lewandowski said he does not do them publicly.", NULL };
  ArxArticle *article = NULL;
  g_autoptr(ArxAnalysis) analysis = analyze (&article, p);
  ArxStatement *first = statement_with (analysis, article, "recommendations on cases");
  ArxStatement *second = statement_with (analysis, article, "does not do them publicly");

  g_assert_nonnull (first);
  g_assert_nonnull (second);
  g_assert_true (first != second);
  g_assert_cmpstr (second->speaker_name, ==, "Corey Lewandowski");
  g_object_unref (article);
}

/* "he said, according to CBC News": one statement, the person's, not the outlet's */
static void
test_nested_source (void)
{
  const char *p[] = { "Doug Ford was less upbeat. “I am not happy,” he said, according to CBC News.", NULL };
  ArxArticle *article = NULL;
  g_autoptr(ArxAnalysis) analysis = analyze (&article, p);

  g_assert_cmpuint (analysis->statements->len, ==, 1);
  g_object_unref (article);
  expect (p, "I am not happy", ARX_STATEMENT_DIRECT, "Doug Ford", "he", "pronoun");
}

/* the word after "told" is who was told, so a name before it with no quotation is the speaker */
static void
test_told_addressee (void)
{
  const char *p[] = { "Sophie Grégoire Trudeau, his wife, told CTV the family was fine.", NULL };

  expect (p, "the family was fine", ARX_STATEMENT_INDIRECT, "Sophie Grégoire Trudeau", "Sophie Grégoire Trudeau", "subject");
}

/* "the bank" is the organisation named just before */
static void
test_org_description (void)
{
  const char *p[] = { "Royal Bank of Canada reported record profits on Friday. The bank said it would hire 500 people.", NULL };

  expect (p, "it would hire 500 people", ARX_STATEMENT_INDIRECT, "Royal Bank of Canada", "The bank", "description");
}

/* a description, then the name between commas, then the cue, after a quotation */
static void
test_description_then_name (void)
{
  const char *p[] = { "“The pope said what he said,” the Vatican spokesman, Federico Lombardi, said on Friday.", NULL };

  expect (p, "The pope said what", ARX_STATEMENT_DIRECT, "Federico Lombardi", "Federico Lombardi", "subject");
}

/* a programme title in quotation marks after the cue does not break the attribution */
static void
test_title_in_tail (void)
{
  const char *p[] = { "Ben Carson met voters.", "“I expect to be vetted,” Carson said on “Meet the Press.”", NULL };

  expect (p, "I expect to be vetted", ARX_STATEMENT_DIRECT, "Ben Carson", "Carson", "subject");
}

/* "former" before a title and name after the cue */
static void
test_inverted_former (void)
{
  const char *p[] = { "“It was opposed,” said former Sen. Evan Bayh, a moderate Indiana Democrat.", NULL };

  expect (p, "It was opposed", ARX_STATEMENT_DIRECT, "Evan Bayh", "Evan Bayh", "inverted");
}

static void
test_according_to (void)
{
  const char *p[] = { "The plant will close next year, according to Peter Olsen, the company’s director.", NULL };

  expect (p, "The plant will close next year", ARX_STATEMENT_INDIRECT, "Peter Olsen", "Peter Olsen", "according-to");
}

static void
test_colon (void)
{
  const char *p[] = { "Governor Ann Reyes wrote on Twitter: “Our state is open for business.”", NULL };

  expect (p, "Our state is open", ARX_STATEMENT_DIRECT, "Ann Reyes", "Ann Reyes", "subject");
}

/* a long quotation with no attribution is still a (partial) statement */
static void
test_partial (void)
{
  const char *p[] = { "The crowd cheered. “We are going to build something here that nobody has ever seen before.”", NULL };

  expect (p, "We are going to build", ARX_STATEMENT_PARTIAL, NULL, NULL, NULL);
}

/* a short quoted fragment with no cue and no speaker is a scare quote, not a statement */
static void
test_scare_quote (void)
{
  const char *p[] = { "The plan, a “reckless gamble with our future” to some, passed the House on Tuesday.", NULL };
  ArxArticle *article = NULL;
  g_autoptr(ArxAnalysis) analysis = analyze (&article, p);

  g_assert_null (statement_with (analysis, article, "reckless gamble"));
  g_object_unref (article);
}

static void
test_weak_cue (void)
{
  const char *p[] = { "Critics have called the plan a “reckless gamble with our future” in recent weeks.", NULL };

  expect (p, "reckless gamble", ARX_STATEMENT_MIXED, "Critics", "Critics", "description");
}

static void
test_group (void)
{
  const char *p[] = { "The U.S. intelligence community charges that hackers tried to damage the campaign.", NULL };

  expect (p, "hackers tried to damage", ARX_STATEMENT_INDIRECT, "The U.S. intelligence community",
          "The U.S. intelligence community", "description");
}

/* The seed article: all 22 quotation spans and the 12 reported clauses, each with its speaker
 * (NULL: the quotation is a nickname, not anyone's words here). */
static void
test_seed (void)
{
  static const struct { const char *words; const char *speaker; } want[] = {
    /* quotation spans, in text order */
    { "“broached”", "Tom Bossert" },
    { "“a dialogue”", "Tom Bossert" },
    { "an opportunity to continue a dialogue", "Tom Bossert" },
    { "I’d like those same rules", "Tom Bossert" },
    { "forming and impenetrable Cyber Security unit", "Donald Trump" },
    { "The fact that President Putin and I discussed", "Donald Trump" },
    { "“partnership”", "Tom Bossert" },
    { "trusted relationship", "Tom Bossert" },
    { "I don’t believe that the United States", "Tom Bossert" },
    { "“right”", "Tom Bossert" },
    { "friction or disagreements", "Tom Bossert" },
    { "“a positive result.”", "Tom Bossert" },
    { "pointedly and exactingly telling", "Tom Bossert" },
    { "that we will not have our elections messed with", "Tom Bossert" },
    { "people and other countries", "Donald Trump" },
    { "Partnering with Putin", "Marco Rubio" },
    { "“nonbinding”", "Tom Bossert" },
    { "And that’s something that we would expect", "Tom Bossert" },
    { "The United States is very serious about that", "Tom Bossert" },
    { "“trend analysis”", "Tom Bossert" },
    { "I believe that they have the resolve", "Tom Bossert" },
    /* reported clauses */
    { "at the G20 Summit earlier this month", "Tom Bossert" },
    { "the two leaders discussed", "Tom Bossert" },
    { "the two of them talked about", "Donald Trump" },
    { "will have to wait until there is", "Tom Bossert" },
    { "A dialogue is a starting point", "Tom Bossert" },
    { "Trump is “right” in wanting to have dialogue", "Tom Bossert" },
    { "he will work with other key senior leaders", "Tom Bossert" },
    { "Trump began his conversation with Putin", "Tom Bossert" },
    { "Vladimir Putin ordered a campaign", "The U.S. intelligence community" },
    { "Russia may have interfered in the U.S. elections", "Donald Trump" },
    { "the agreements with China on the rules of the road", "Tom Bossert" },
    { "he has no “trend analysis”", "Tom Bossert" },
  };
  g_autofree char *path = g_build_filename (g_getenv ("ARX_FIXTURES") ? g_getenv ("ARX_FIXTURES") : ".",
                                            "seed-article.txt", NULL);
  g_autofree char *data = NULL;
  g_auto(GStrv) paras = NULL;
  g_autoptr(GError) error = NULL;
  ArxArticle *article = NULL;
  g_autoptr(ArxAnalysis) analysis = NULL;
  gboolean bossert_aliases = FALSE;

  g_file_get_contents (path, &data, NULL, &error);
  g_assert_no_error (error);
  paras = g_strsplit (data, "\n\n", -1);
  analysis = analyze (&article, (const char *const *) paras);
  for (guint i = 0; i < G_N_ELEMENTS (want); i++)
    {
      ArxStatement *s = statement_with (analysis, article, want[i].words);

      if (s == NULL)
        g_error ("no statement holds “%s”", want[i].words);
      if (g_strcmp0 (s->speaker_name, want[i].speaker) != 0)
        g_error ("“%s”: speaker %s, want %s", want[i].words, s->speaker_name, want[i].speaker);
      g_assert_cmpint (s->speaker_kind, ==, strcmp (want[i].speaker, "The U.S. intelligence community") == 0
                                            ? ARX_SPEAKER_ORGANIZATION : ARX_SPEAKER_PERSON);
    }
  /* “Wild West” is what the place is called, not anyone's words here */
  g_assert_null (statement_with (analysis, article, "“Wild West”"));
  /* the nested ‘Cyber Security Unit’ is part of Rubio's statement, not one of its own */
  {
    ArxStatement *s = statement_with (analysis, article, "‘Cyber Security Unit’");

    g_assert_nonnull (s);
    g_assert_cmpstr (s->speaker_name, ==, "Marco Rubio");
  }
  for (guint i = 0; i < analysis->entities->len; i++)
    {
      ArxEntity *e = g_ptr_array_index (analysis->entities, i);
      static const char *const people[] = { "Tom Bossert", "Donald Trump", "Vladimir Putin", "Marco Rubio" };

      for (guint k = 0; k < G_N_ELEMENTS (people); k++)
        if (strcmp (e->name, people[k]) == 0)
          g_assert_cmpint (e->kind, ==, ARX_ENTITY_PERSON);
      if (strcmp (e->name, "Tom Bossert") == 0)
        {
          gboolean thomas = FALSE, surname = FALSE;

          for (guint a = 0; a < e->aliases->len; a++)
            {
              thomas |= strcmp (g_ptr_array_index (e->aliases, a), "Thomas Bossert") == 0;
              surname |= strcmp (g_ptr_array_index (e->aliases, a), "Bossert") == 0;
            }
          bossert_aliases = thomas && surname;
        }
    }
  g_assert_true (bossert_aliases);
  g_object_unref (article);
}

/* Hardening finding 1: a cue whose subject starts the text left the clause separator at token 0,
 * and the rule looked at the token before it. */
static void
test_cue_at_text_start (void)
{
  const char *p[] = { "x a b c d e f g h Ns said U,A f a", NULL };
  ArxArticle *article = NULL;
  g_autoptr(ArxAnalysis) analysis = analyze (&article, p);

  g_assert_nonnull (analysis);
  g_assert_cmpuint (analysis->statements->len, <=, 1);
  g_object_unref (article);
}

static gpointer
analyze_in_thread (gpointer data)
{
  return arx_analyzer_analyze (arx_analyzer_get_default (), data);
}

/* One shared analyzer serves several threads at once, with the same results. */
static void
test_threads (void)
{
  const char *p[] = {
    "“The vote is a disgrace,” Mary Collins said after the session in Denver.",
    "Sen. Marco Rubio said the party would appeal, according to his office.", NULL
  };
  ArxArticle *article = NULL;
  g_autoptr(ArxAnalysis) reference = analyze (&article, p);
  GThread *threads[4];

  for (guint t = 0; t < G_N_ELEMENTS (threads); t++)
    threads[t] = g_thread_new ("analyze", analyze_in_thread, article);
  for (guint t = 0; t < G_N_ELEMENTS (threads); t++)
    {
      g_autoptr(ArxAnalysis) a = g_thread_join (threads[t]);

      g_assert_cmpuint (a->statements->len, ==, reference->statements->len);
      g_assert_cmpuint (a->entities->len, ==, reference->entities->len);
      for (guint i = 0; i < a->statements->len; i++)
        {
          ArxStatement *x = g_ptr_array_index (a->statements, i);
          ArxStatement *y = g_ptr_array_index (reference->statements, i);

          g_assert_cmpuint (x->start, ==, y->start);
          g_assert_cmpstr (x->speaker_name, ==, y->speaker_name);
        }
    }
  g_assert_cmpuint (reference->statements->len, ==, 2);
  g_object_unref (article);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/arx/analysis/attribution/subject", test_subject);
  g_test_add_func ("/arx/analysis/attribution/cue-at-text-start", test_cue_at_text_start);
  g_test_add_func ("/arx/analysis/attribution/trailing", test_trailing);
  g_test_add_func ("/arx/analysis/attribution/inverted", test_inverted);
  g_test_add_func ("/arx/analysis/attribution/apposition", test_apposition);
  g_test_add_func ("/arx/analysis/attribution/description", test_description);
  g_test_add_func ("/arx/analysis/attribution/description/latest", test_description_latest);
  g_test_add_func ("/arx/analysis/attribution/pronoun", test_pronoun);
  g_test_add_func ("/arx/analysis/attribution/continuation", test_continuation);
  g_test_add_func ("/arx/analysis/attribution/interrupted", test_interrupted);
  g_test_add_func ("/arx/analysis/attribution/inverted-description", test_inverted_description);
  g_test_add_func ("/arx/analysis/attribution/trailing-participle", test_trailing_participle);
  g_test_add_func ("/arx/analysis/attribution/present-cues", test_present_cues);
  g_test_add_func ("/arx/analysis/attribution/inverted-role-place", test_inverted_role_place);
  g_test_add_func ("/arx/analysis/attribution/unknown-verb", test_unknown_verb);
  g_test_add_func ("/arx/analysis/attribution/unknown-verb-adjective", test_unknown_verb_adjective);
  g_test_add_func ("/arx/analysis/attribution/confidence", test_confidence);
  g_test_add_func ("/arx/analysis/attribution/inverted-not-clause", test_inverted_not_clause);
  g_test_add_func ("/arx/analysis/attribution/relative-who", test_relative_who);
  g_test_add_func ("/arx/analysis/attribution/pronoun-contraction", test_pronoun_contraction);
  g_test_add_func ("/arx/analysis/attribution/time-adjunct", test_time_adjunct);
  g_test_add_func ("/arx/analysis/attribution/age-description", test_age_description);
  g_test_add_func ("/arx/analysis/attribution/second-speaker", test_second_speaker);
  g_test_add_func ("/arx/analysis/attribution/nested-source", test_nested_source);
  g_test_add_func ("/arx/analysis/attribution/told-addressee", test_told_addressee);
  g_test_add_func ("/arx/analysis/attribution/org-description", test_org_description);
  g_test_add_func ("/arx/analysis/attribution/description-then-name", test_description_then_name);
  g_test_add_func ("/arx/analysis/attribution/title-in-tail", test_title_in_tail);
  g_test_add_func ("/arx/analysis/attribution/inverted-former", test_inverted_former);
  g_test_add_func ("/arx/analysis/attribution/according-to", test_according_to);
  g_test_add_func ("/arx/analysis/attribution/colon", test_colon);
  g_test_add_func ("/arx/analysis/attribution/partial", test_partial);
  g_test_add_func ("/arx/analysis/attribution/scare-quote", test_scare_quote);
  g_test_add_func ("/arx/analysis/attribution/weak-cue", test_weak_cue);
  g_test_add_func ("/arx/analysis/attribution/group", test_group);
  g_test_add_func ("/arx/analysis/seed", test_seed);
  g_test_add_func ("/arx/analysis/threads", test_threads);
  return g_test_run ();
}
