/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Who said what across sentences and paragraphs: one made-up text per failure class of issue 11
 * — (1) quotations with no cue in their own sentence, (2) page furniture, (3) the speaker is the
 * whole head of the subject, nothing more, (4) the subject of the cue, not the nearest name, and
 * pronouns by salience and gender, (5) a speaker named a sentence away — each checking the
 * statement's exact span, its kind, its speaker and the speaker's kind. */
#include "config.h"

#include <string.h>

#include "attribution-testlib.h"

/* 1. a second quotation in the same paragraph continues its speaker, as its own statement */
static void
test_follow_on_same_paragraph (void)
{
  const char *p[] = { "“The bridge is safe,” Mayor Ana Ruiz said on Monday. “We inspected every bolt.”", NULL };

  expect_statement (p, "“The bridge is safe,”", ARX_STATEMENT_DIRECT, "Ana Ruiz", ARX_SPEAKER_PERSON, "subject");
  expect_statement (p, "“We inspected every bolt.”", ARX_STATEMENT_DIRECT, "Ana Ruiz", ARX_SPEAKER_PERSON,
                    "continuation");
}

/* 1. a quotation that is a paragraph of its own continues the speaker of the paragraph before */
static void
test_follow_on_next_paragraph (void)
{
  const char *p[] = {
    "“The bridge is safe,” Mayor Ana Ruiz said on Monday.",
    "“We inspected every bolt, and we will do it again in the spring.”", NULL
  };

  expect_statement (p, "“We inspected every bolt, and we will do it again in the spring.”", ARX_STATEMENT_DIRECT,
                    "Ana Ruiz", ARX_SPEAKER_PERSON, "continuation");
}

/* 1. one sentence between whose subject is the same speaker keeps the quotation theirs; a
 * sentence about someone else does not */
static void
test_follow_on_same_subject (void)
{
  const char *same[] = {
    "“We have had floods before,” Peter Moreno said after meeting the governor. He did not promise new money. "
    "“Our goal is to rebuild the old bridge by the spring.”", NULL
  };
  const char *other[] = {
    "“We have had floods before,” Peter Moreno said after meeting the governor. Laura Kim did not promise new money. "
    "“Our goal is to rebuild the old bridge by the spring.”", NULL
  };
  ArxArticle *article = NULL;
  g_autoptr(ArxAnalysis) analysis = NULL;
  ArxStatement *s;

  expect_statement (same, "“Our goal is to rebuild the old bridge by the spring.”", ARX_STATEMENT_DIRECT,
                    "Peter Moreno", ARX_SPEAKER_PERSON, "continuation");
  analysis = analyze (&article, other);
  s = statement_with (analysis, article, "Our goal is to rebuild");
  g_assert_true (s == NULL || g_strcmp0 (s->speaker_name, "Peter Moreno") != 0);
  g_object_unref (article);
}

/* 1. "X continued:" introduces the quotation after it, not the one before */
static void
test_colon_points_forward (void)
{
  const char *p[] = {
    "“We will win this race,” said Carla Rivera. “The numbers are good.”",
    "Rivera continued:",
    "“The voters are tired of waiting, and they want a change on the council this year.”", NULL
  };

  expect_statement (p, "“The numbers are good.”", ARX_STATEMENT_DIRECT, "Carla Rivera", ARX_SPEAKER_PERSON,
                    "continuation");
  expect_statement (p, "“The voters are tired of waiting, and they want a change on the council this year.”",
                    ARX_STATEMENT_DIRECT, "Carla Rivera", ARX_SPEAKER_PERSON, "colon");
}

/* 4. "Said X: “…”": the cue opens the sentence, the speaker follows it (and is no "Said X") */
static void
test_inverted_sentence_start (void)
{
  const char *p[] = {
    "Anna Ellison has been the city treasurer since 2019.",
    "Said Ellison: “I do not think the council cares about the budget at all.”", NULL
  };

  expect_statement (p, "“I do not think the council cares about the budget at all.”", ARX_STATEMENT_DIRECT,
                    "Anna Ellison", ARX_SPEAKER_PERSON, "inverted");
}

/* 4. "said the company’s recently named chair Maria Lopez": the participle describes her */
static void
test_inverted_participle (void)
{
  const char *p[] = {
    "Job cuts will come later this week, said the company’s recently named chair Maria Lopez in a memo.", NULL
  };

  expect_statement (p, "Job cuts will come later this week", ARX_STATEMENT_INDIRECT, "Maria Lopez",
                    ARX_SPEAKER_PERSON, "inverted");
}

/* "deny" and "recall" report a clause ("that …", a gerund, a quotation), not a noun phrase */
static void
test_deny_recall_object (void)
{
  const char *np[] = { "Mayor Ana Ruiz denied the report on Tuesday. Her deputy recalled an incident at the old depot.", NULL };
  const char *clause[] = {
    "Mayor Ana Ruiz denied having met the developer. Her deputy, Tom Weller, recalled that the depot had flooded twice.", NULL
  };

  expect_no_statement (np, "the report on Tuesday");
  expect_no_statement (np, "an incident at the old depot");
  expect_statement (clause, "having met the developer", ARX_STATEMENT_INDIRECT, "Ana Ruiz", ARX_SPEAKER_PERSON, "subject");
  expect_statement (clause, "the depot had flooded twice", ARX_STATEMENT_INDIRECT, "Tom Weller", ARX_SPEAKER_PERSON, NULL);
}

/* 1. a colon introduction in the same sentence */
static void
test_colon_same_sentence (void)
{
  const char *p[] = { "Chef Paolo Conti told the crowd: “Cooking is patience, and patience is love.”", NULL };

  expect_statement (p, "“Cooking is patience, and patience is love.”", ARX_STATEMENT_DIRECT, "Paolo Conti",
                    ARX_SPEAKER_PERSON, NULL);
}

/* 1. a paragraph that ends with a colon introduces the quotation that opens the next one */
static void
test_colon_paragraph (void)
{
  const char *p[] = {
    "Paolo Conti, who has cooked in Turin for thirty years, put it simply:",
    "“Cooking is patience, and patience is love, and love takes time.”", NULL
  };

  expect_statement (p, "“Cooking is patience, and patience is love, and love takes time.”", ARX_STATEMENT_DIRECT,
                    "Paolo Conti", ARX_SPEAKER_PERSON, "colon");
}

/* 1. the quotation comes first, its speaker in the sentence after */
static void
test_speaker_next_sentence (void)
{
  const char *p[] = {
    "The door gave way after the third blow.",
    "“We found her. We found her.” Officer Dana Webb said later.", NULL
  };

  expect_statement (p, "“We found her. We found her.”", ARX_STATEMENT_DIRECT, "Dana Webb", ARX_SPEAKER_PERSON,
                    "next-sentence");
}

/* 1. a quoted phrase inside "according to" */
static void
test_according_to_quote (void)
{
  const char *p[] = { "The merger is “a dead end for workers,” according to Karen Olsen, the union’s president.", NULL };

  expect_statement (p, "The merger is “a dead end for workers,”", ARX_STATEMENT_MIXED, "Karen Olsen",
                    ARX_SPEAKER_PERSON, "according-to");
}

/* 1. an interview printed as questions and answers: the answers are the interviewee's */
static void
test_question_answer (void)
{
  const char *p[] = {
    "Marta Lindqvist has studied batteries in Uppsala since 2001. Lindqvist spoke to us last week.",
    "Q: Why batteries?",
    "A: Because storage is the bottleneck of every clean grid.",
    "Q: What comes next?",
    "A: Sodium. It is cheap and it does not catch fire.", NULL
  };

  expect_statement (p, "Sodium. It is cheap and it does not catch fire.", ARX_STATEMENT_DIRECT, "Marta Lindqvist",
                    ARX_SPEAKER_PERSON, "interview");
  expect_no_statement (p, "What comes next?");
}

/* 1. an embedded post signed under it */
static void
test_embedded_post (void)
{
  const char *p[] = {
    "Readers were quick to respond online.",
    "This is the best news our town has had in years: https://t.co/abc123",
    "— Jo Baxter (@jobaxter) March 3, 2021", NULL
  };

  expect_statement (p, "This is the best news our town has had in years", ARX_STATEMENT_DIRECT, "Jo Baxter",
                    ARX_SPEAKER_PERSON, "signature");
}

/* 1. a transcript quoted whole: each turn is one statement of the person labelled, without the
 * quotation marks, and the quotation around a turn is no second statement */
static void
test_quoted_transcript (void)
{
  const char *p[] = {
    "Senator Grace Okafor sat down with the host of a morning show on Sunday.",
    "\"RIVERA: Will you vote for the highway bill?",
    "\"OKAFOR: I will vote for it, because the roads in my state are falling apart.",
    "\"RIVERA: And the cost?",
    "\"OKAFOR: We can pay for it without new taxes.\"", NULL
  };
  ArxArticle *article = NULL;
  g_autoptr(ArxAnalysis) analysis = analyze (&article, p);
  const char *text = arx_article_get_text (article);
  guint a = strstr (text, "We can pay") - text, over = 0;

  expect_statement (p, "I will vote for it, because the roads in my state are falling apart.", ARX_STATEMENT_DIRECT,
                    "Grace Okafor", ARX_SPEAKER_PERSON, "label");
  expect_statement (p, "We can pay for it without new taxes.", ARX_STATEMENT_DIRECT, "Grace Okafor",
                    ARX_SPEAKER_PERSON, "label");
  for (guint i = 0; i < analysis->statements->len; i++)
    {
      ArxStatement *s = g_ptr_array_index (analysis->statements, i);

      over += s->start <= a && a < s->end;
    }
  g_assert_cmpuint (over, ==, 1);
  g_object_unref (article);
}

/* 1. a quotation that names a work — after a preposition or a possessive, or in title case
 * beside the noun it names — is no statement; the clause the cue reports is */
static void
test_title_not_speech (void)
{
  const char *p[] = {
    "On Sunday’s broadcast of “Meet the Voters,” Senator Grace Okafor said the highway bill would pass by spring.",
    "In his new book, “Roads to Nowhere,” the economist Paul Brandt argued that such bills waste money.", NULL
  };

  expect_statement (p, "the highway bill would pass by spring", ARX_STATEMENT_INDIRECT, "Grace Okafor",
                    ARX_SPEAKER_PERSON, "subject");
  expect_statement (p, "such bills waste money", ARX_STATEMENT_INDIRECT, "Paul Brandt", ARX_SPEAKER_PERSON,
                    "subject");
  expect_no_statement (p, "Meet the Voters");
  expect_no_statement (p, "Roads to Nowhere");
}

/* 3. "have long argued": the adverb before the verb is no part of the speaker */
static void
test_subject_long_adverb (void)
{
  const char *p[] = { "Local business owners have long argued that the council should meet at night.", NULL };

  expect_statement (p, "the council should meet at night", ARX_STATEMENT_INDIRECT, "Local business owners",
                    ARX_SPEAKER_GROUP, "description");
}

/* 2. page furniture never becomes a statement */
static void
test_furniture (void)
{
  const char *p[] = {
    "By Jane Doe and John Roe | The Daily Planet",
    "The finance minister, Marie Tremblay, said on Tuesday that the budget would be balanced by 2026.",
    "READ MORE: Opposition says budget is a fantasy and calls for a vote",
    "WATCH: Minister says the deficit will shrink next year",
    "Related: Economists say “the numbers do not add up,” warning of cuts",
    "Tremblay speaks to reporters in Ottawa on Tuesday. THE CANADIAN PRESS/Sean Kilpatrick",
    "Click here to sign up for our newsletter, which critics say is the best in the country.",
    "(Reporting by Anna Smith; Editing by Tom Brown)", NULL
  };

  expect_statement (p, "the budget would be balanced by 2026", ARX_STATEMENT_INDIRECT, "Marie Tremblay",
                    ARX_SPEAKER_PERSON, NULL);
  expect_no_statement (p, "budget is a fantasy");
  expect_no_statement (p, "the deficit will shrink");
  expect_no_statement (p, "the numbers do not add up");
  expect_no_statement (p, "is the best in the country");
  expect_no_statement (p, "Jane Doe");
}

/* 3. a dateline and a fronted adverbial are no part of the speaker; the head of the subject is */
static void
test_subject_head (void)
{
  const char *p[] = {
    "HALIFAX, N.S. — Hours before the vote on Tuesday, Green Party leader Ellen Marsh thanked her volunteers, "
    "saying the campaign had changed the province.", NULL
  };

  expect_statement (p, "the campaign had changed the province", ARX_STATEMENT_INDIRECT, "Ellen Marsh",
                    ARX_SPEAKER_PERSON, NULL);
}

/* 3. an adverb after the subject is no part of it: the speaker is "the former minister" */
static void
test_subject_adverb (void)
{
  const char *p[] = { "In the interview, the former minister flatly denied taking money from the developer.", NULL };
  ArxArticle *article = NULL;
  g_autoptr(ArxAnalysis) analysis = analyze (&article, p);
  ArxStatement *s = statement_with (analysis, article, "taking money from the developer");
  g_autofree char *mention = NULL;

  g_assert_nonnull (s);
  mention = mention_text (s, article);
  g_assert_cmpstr (mention, ==, "the former minister");
  g_assert_cmpint (s->speaker_kind, ==, ARX_SPEAKER_PERSON);
  g_object_unref (article);
}

/* 4. the subject of the cue, not the nearest name: a name in an apposition is not the speaker */
static void
test_subject_not_nearest (void)
{
  const char *p[] = {
    "Prince Edward, the younger brother of King Charles, has told friends that the visit was a success.", NULL
  };

  expect_statement (p, "the visit was a success", ARX_STATEMENT_INDIRECT, "Edward", ARX_SPEAKER_PERSON, NULL);
}

/* 4. a role and an organisation before a name: the name is the head */
static void
test_premodified_name (void)
{
  const char *p[] = {
    "“We were not ready for that storm,” said Hydro Quebec spokesman Louis Gagnon of the utility’s Montreal office.", NULL
  };

  expect_statement (p, "“We were not ready for that storm,”", ARX_STATEMENT_DIRECT, "Louis Gagnon",
                    ARX_SPEAKER_PERSON, "inverted");
}

/* 4. she is the woman who spoke, not the man named in between */
static void
test_pronoun_gender (void)
{
  const char *p[] = {
    "“The clinic will stay open,” said Dr. Amal Haddad, who has run it since 2015.",
    "Health Minister Robert Kline visited the clinic on Friday with two aides.",
    "“We need nurses more than we need money,” she said.", NULL
  };

  expect_statement (p, "“We need nurses more than we need money,”", ARX_STATEMENT_DIRECT, "Amal Haddad",
                    ARX_SPEAKER_PERSON, "pronoun");
}

/* 4. a pronoun that names no one in the article is no speaker's name */
static void
test_pronoun_unresolved (void)
{
  const char *p[] = { "The storm passed overnight. He said the roads would reopen by noon.", NULL };
  ArxArticle *article = NULL;
  g_autoptr(ArxAnalysis) analysis = analyze (&article, p);
  ArxStatement *s = statement_with (analysis, article, "the roads would reopen by noon");
  g_autofree char *mention = NULL;

  g_assert_nonnull (s);
  g_assert_null (s->speaker_name);
  mention = mention_text (s, article);
  g_assert_cmpstr (mention, ==, "He");
  g_assert_cmpstr (s->rule, ==, "pronoun");
  g_object_unref (article);
}

/* 5. the speaker named in the sentence before, by pronoun */
static void
test_pronoun_previous_sentence (void)
{
  const char *p[] = {
    "Ingrid Solberg has coached the team for nine seasons.",
    "She said the new players would need time.", NULL
  };

  expect_statement (p, "the new players would need time", ARX_STATEMENT_INDIRECT, "Ingrid Solberg",
                    ARX_SPEAKER_PERSON, "pronoun");
}

/* groups, organisations and documents speak too, and say what they are */
static void
test_speaker_kinds (void)
{
  const char *residents[] = { "Residents said the water tasted of metal for weeks.", NULL };
  const char *they[] = { "Nurses gathered outside the hospital on Monday.", "They said the wards were full.", NULL };
  const char *ministry[] = { "The ministry said the tests were safe.", NULL };
  const char *report[] = { "The report says the river has recovered since 2010.", NULL };

  expect_statement (residents, "the water tasted of metal for weeks", ARX_STATEMENT_INDIRECT, "Residents",
                    ARX_SPEAKER_GROUP, "description");
  expect_statement (they, "the wards were full", ARX_STATEMENT_INDIRECT, "Nurses", ARX_SPEAKER_GROUP, "pronoun");
  expect_statement (ministry, "the tests were safe", ARX_STATEMENT_INDIRECT, "The ministry", ARX_SPEAKER_ORGANIZATION,
                    "description");
  expect_statement (report, "the river has recovered since 2010", ARX_STATEMENT_INDIRECT, "The report",
                    ARX_SPEAKER_OTHER, "description");
}

/* nothing is said in "declined to say" */
static void
test_declined_to_say (void)
{
  const char *p[] = { "Coach Ingrid Solberg declined to say when the new players would arrive.", NULL };

  expect_no_statement (p, "when the new players would arrive");
}

/* nothing is said in an idiom built on a speech verb, nor by a participle used as an adjective */
static void
test_speech_idioms (void)
{
  const char *p[] = {
    "It goes without saying that the new stadium will cost more than planned.",
    "The most telling promise of the campaign was that taxes would not rise.",
    "Needless to say, the council was not amused.", NULL
  };

  expect_no_statement (p, "the new stadium will cost more than planned");
  expect_no_statement (p, "taxes would not rise");
  expect_no_statement (p, "the council was not amused");
}

/* "X, who …, said Y’s plan did not add up": the name owning a noun after "said" opens the
 * reported clause; the speaker is the subject before the cue */
static void
test_possessive_after_cue (void)
{
  const char *p[] = {
    "Economist Lena Park, who studies housing at the Maple Institute, said Mayor Ortiz’s plan did not add up.",
    NULL
  };

  expect_statement (p, "Mayor Ortiz’s plan did not add up", ARX_STATEMENT_INDIRECT, "Lena Park", ARX_SPEAKER_PERSON,
                    NULL);
  expect_no_statement (p, "who studies housing");
}

/* "Councillor Ruth Abara (D-Ward 4) told …": a bracketed aside is no part of the speaker */
static void
test_bracketed_aside (void)
{
  const char *p[] = {
    "The mayor would sign the contract once she is convinced that it’s a fair price, Councillor Ruth Abara "
    "(D-Ward 4) told The Harbour Gazette on Monday.",
    NULL
  };

  expect_statement (p, "The mayor would sign the contract once she is convinced that it’s a fair price",
                    ARX_STATEMENT_INDIRECT, "Ruth Abara", ARX_SPEAKER_PERSON, NULL);
  expect_no_statement (p, "The Harbour Gazette on Monday");
}

/* "said little about the contract at the meeting": after a cue that takes a clause, words
 * with no verb report nothing */
static void
test_verbless_object (void)
{
  const char *p[] = { "Councillor Ruth Abara said little about the ferry contract at the meeting on Monday.",
                      "Abara said the contract makes sense for the town.", NULL };

  expect_no_statement (p, "little about the ferry contract");
  expect_statement (p, "the contract makes sense for the town", ARX_STATEMENT_INDIRECT, "Ruth Abara",
                    ARX_SPEAKER_PERSON, NULL);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/arx/analysis/discourse/follow-on-same-paragraph", test_follow_on_same_paragraph);
  g_test_add_func ("/arx/analysis/discourse/follow-on-next-paragraph", test_follow_on_next_paragraph);
  g_test_add_func ("/arx/analysis/discourse/follow-on-same-subject", test_follow_on_same_subject);
  g_test_add_func ("/arx/analysis/discourse/colon-points-forward", test_colon_points_forward);
  g_test_add_func ("/arx/analysis/discourse/inverted-sentence-start", test_inverted_sentence_start);
  g_test_add_func ("/arx/analysis/discourse/inverted-participle", test_inverted_participle);
  g_test_add_func ("/arx/analysis/discourse/deny-recall-object", test_deny_recall_object);
  g_test_add_func ("/arx/analysis/discourse/colon-same-sentence", test_colon_same_sentence);
  g_test_add_func ("/arx/analysis/discourse/colon-paragraph", test_colon_paragraph);
  g_test_add_func ("/arx/analysis/discourse/speaker-next-sentence", test_speaker_next_sentence);
  g_test_add_func ("/arx/analysis/discourse/according-to-quote", test_according_to_quote);
  g_test_add_func ("/arx/analysis/discourse/question-answer", test_question_answer);
  g_test_add_func ("/arx/analysis/discourse/embedded-post", test_embedded_post);
  g_test_add_func ("/arx/analysis/discourse/quoted-transcript", test_quoted_transcript);
  g_test_add_func ("/arx/analysis/discourse/title-not-speech", test_title_not_speech);
  g_test_add_func ("/arx/analysis/discourse/furniture", test_furniture);
  g_test_add_func ("/arx/analysis/discourse/subject-head", test_subject_head);
  g_test_add_func ("/arx/analysis/discourse/subject-adverb", test_subject_adverb);
  g_test_add_func ("/arx/analysis/discourse/subject-long-adverb", test_subject_long_adverb);
  g_test_add_func ("/arx/analysis/discourse/subject-not-nearest", test_subject_not_nearest);
  g_test_add_func ("/arx/analysis/discourse/premodified-name", test_premodified_name);
  g_test_add_func ("/arx/analysis/discourse/pronoun-gender", test_pronoun_gender);
  g_test_add_func ("/arx/analysis/discourse/pronoun-unresolved", test_pronoun_unresolved);
  g_test_add_func ("/arx/analysis/discourse/pronoun-previous-sentence", test_pronoun_previous_sentence);
  g_test_add_func ("/arx/analysis/discourse/speaker-kinds", test_speaker_kinds);
  g_test_add_func ("/arx/analysis/discourse/declined-to-say", test_declined_to_say);
  g_test_add_func ("/arx/analysis/discourse/speech-idioms", test_speech_idioms);
  g_test_add_func ("/arx/analysis/discourse/possessive-after-cue", test_possessive_after_cue);
  g_test_add_func ("/arx/analysis/discourse/bracketed-aside", test_bracketed_aside);
  g_test_add_func ("/arx/analysis/discourse/verbless-object", test_verbless_object);
  return g_test_run ();
}
