/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Which spans are statements: reporting verbs in senses that report nothing, words that look
 * like a clause and are not, and the edges of what was said. Made-up sentences, one per case. */
#include "config.h"

#include "arx-analyzer.h"
#include "attribution-testlib.h"

/* "add X as Y" hires someone: no clause, nothing said */
static void
test_hiring_is_no_speech (void)
{
  const char *p[] = { "The startup is adding veteran engineer Paula Ortiz as its first chief technology officer.", NULL };

  expect_no_statement (p, "Paula Ortiz as its first");
}

/* "complained about X", "joked about X": X is the topic, not the words said */
static void
test_topic_after_about (void)
{
  const char *p[] = {
    "Gomez complained about the noise at the stadium after the game.",
    "Defender Luis Ortega, who joked about his teammate’s habit of changing boots, could see the strain on his face.",
    NULL
  };

  expect_no_statement (p, "the noise at the stadium");
  expect_no_statement (p, "could see the strain");
}

/* "demanded new rules that limited parking": a "that" followed by its verb is a relative
 * pronoun; "said that was not its view": a demonstrative subject */
static void
test_relative_that (void)
{
  const char *p[] = { "The mayor demanded new rules that limited parking downtown.", NULL };
  const char *q[] = { "The Transport Ministry opened an inquiry in March.", "The ministry said that was not its view.", NULL };

  expect_no_statement (p, "limited parking downtown");
  expect_statement (q, "that was not its view", ARX_STATEMENT_INDIRECT, "Transport Ministry", ARX_SPEAKER_ORGANIZATION, NULL);
}

/* "no choice but to", "not X but Y": one claim, not cut at "but" */
static void
test_but_inside_claim (void)
{
  const char *p[] = { "Coach Dana Whitfield said that her team had no choice but to attack after the early goal.", NULL };
  const char *q[] = { "Critics called the plan not a reform, but “a giveaway to landlords.”", NULL };
  ArxArticle *article = NULL;
  g_autoptr(ArxAnalysis) analysis = NULL;
  ArxStatement *s;

  expect_statement (p, "her team had no choice but to attack after the early goal", ARX_STATEMENT_INDIRECT,
                    "Dana Whitfield", ARX_SPEAKER_PERSON, "subject");
  analysis = analyze (&article, q);
  s = statement_with (analysis, article, "a giveaway to landlords");
  g_assert_nonnull (s);
  g_assert_nonnull (statement_with (analysis, article, "not a reform"));
  g_assert_true (statement_with (analysis, article, "not a reform") == s);
  g_object_unref (article);
}

/* "Citing a leaked memo, Adler accused …", "In a two-hour recorded interview with police, Hale
 * admitted …": what opens the sentence before the subject is no content */
static void
test_fronted_phrase_no_content (void)
{
  const char *p[] = { "Citing a leaked memo, Senator Ruth Adler accused the agency of hiding losses.", NULL };
  const char *q[] = { "In a two-hour recorded interview with police, Tom Hale admitted that he had taken the car.", NULL };

  expect_no_statement (p, "Citing a leaked memo");
  expect_no_statement (q, "recorded interview");
  expect_statement (q, "he had taken the car", ARX_STATEMENT_INDIRECT, "Tom Hale", ARX_SPEAKER_PERSON, "subject");
}

/* "is observed as" is a passive; "…, Ito will insist on …" has said nothing yet */
static void
test_passive_and_future_cues (void)
{
  const char *p[] = {
    "The festival is observed as a day of remembrance across the region.",
    "No matter the weather, no matter the crowd, Mayor Ken Ito will insist on speaking outdoors.", NULL
  };

  expect_no_statement (p, "a day of remembrance");
  expect_no_statement (p, "No matter the weather");
}

/* "will tell you …": "you" is the addressee, not part of what is said */
static void
test_tell_you (void)
{
  const char *p[] = { "Many drivers will tell you the roads have got worse every winter.", NULL };

  expect_statement (p, "the roads have got worse every winter", ARX_STATEMENT_INDIRECT, "Many drivers", ANY_SPEAKER_KIND, "description");
}

/* "(Reuters) — X is …, according to Y, adding to …": the agency's dateline opens the story and
 * is no furniture; neither it nor the comment after the source is part of what Y said */
static void
test_according_to_edges (void)
{
  const char *p[] = {
    "(Reuters) — The city auditor is examining the stadium deal, according to two people briefed on the review, "
    "adding to the mayor’s troubles.", NULL
  };
  const char *q[] = { "Over the next decade, according to the budget office, the deficit will double.", NULL };

  expect_statement (p, "The city auditor is examining the stadium deal", ARX_STATEMENT_INDIRECT,
                    "two people briefed on the review", ANY_SPEAKER_KIND, "according-to");
  expect_statement (q, "Over the next decade, according to the budget office, the deficit will double",
                    ARX_STATEMENT_INDIRECT, "the budget office", ANY_SPEAKER_KIND, "according-to");
}

/* the person told, with its determiner, is no part of what was said */
static void
test_tell_addressee (void)
{
  const char *p[] = {
    "Councillor Ruth Kane told the Courier the vote showed that people wanted restraint.",
    "Kane later told the crowd the city would pay for the repairs.", NULL
  };

  expect_statement (p, "the vote showed that people wanted restraint", ARX_STATEMENT_INDIRECT, "Ruth Kane", ANY_SPEAKER_KIND, NULL);
  expect_statement (p, "the city would pay for the repairs", ARX_STATEMENT_INDIRECT, "Ruth Kane", ANY_SPEAKER_KIND, NULL);
}

/* "… — a senior official said": a spaced dash ends what is reported as a comma would; a pair
 * of dashes sets off an aside. "X was quoted as saying": X is the speaker. */
static void
test_dash_and_quoted_as (void)
{
  const char *p[] = {
    "The harbour plan is dead — a senior official said on Monday.",
    "The bidders — old and new — must file their offers to the port board by Friday.", NULL
  };
  const char *q[] = { "Helena Brandt was widely quoted as saying that the ferry would be sold.", NULL };

  expect_statement (p, "The harbour plan is dead", ARX_STATEMENT_INDIRECT, "a senior official", ANY_SPEAKER_KIND, NULL);
  expect_no_statement (p, "The bidders");
  expect_statement (q, "the ferry would be sold", ARX_STATEMENT_INDIRECT, "Helena Brandt", ARX_SPEAKER_PERSON, NULL);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/arx/analysis/detection/hiring-is-no-speech", test_hiring_is_no_speech);
  g_test_add_func ("/arx/analysis/detection/topic-after-about", test_topic_after_about);
  g_test_add_func ("/arx/analysis/detection/relative-that", test_relative_that);
  g_test_add_func ("/arx/analysis/detection/but-inside-claim", test_but_inside_claim);
  g_test_add_func ("/arx/analysis/detection/fronted-phrase-no-content", test_fronted_phrase_no_content);
  g_test_add_func ("/arx/analysis/detection/passive-and-future-cues", test_passive_and_future_cues);
  g_test_add_func ("/arx/analysis/detection/tell-you", test_tell_you);
  g_test_add_func ("/arx/analysis/detection/according-to-edges", test_according_to_edges);
  g_test_add_func ("/arx/analysis/detection/tell-addressee", test_tell_addressee);
  g_test_add_func ("/arx/analysis/detection/dash-and-quoted-as", test_dash_and_quoted_as);
  return g_test_run ();
}
