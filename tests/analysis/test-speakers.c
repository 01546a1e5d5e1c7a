/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Who the speaker is (issue 11, speaker side): made-up sentences for the head of the subject,
 * datelines, description speakers and pronouns, each checking the statement's span, its
 * speaker's name and the speaker's kind. */
#include "config.h"

#include <string.h>

#include "attribution-testlib.h"

/* the head of the cue's subject, not the name in the relative clause */
static void
test_subject_before_relative_clause (void)
{
  const char *p[] = { "Mayor Lisa Smith, who met Governor Tom Jones on Friday, said the bridge would reopen in May.", NULL };

  expect_statement (p, "the bridge would reopen in May", ARX_STATEMENT_INDIRECT, "Lisa Smith", ARX_SPEAKER_PERSON, NULL);
}

/* the person a role and a party describe, not the party nor another name, with a participle cue */
static void
test_subject_premodified_participle (void)
{
  const char *p[] = {
    "Green campaign manager Corey Lindqvist, who was hired in June, defended the decision on Tuesday, "
    "saying the party had to change.", NULL
  };

  expect_statement (p, "the party had to change", ARX_STATEMENT_INDIRECT, "Corey Lindqvist", ARX_SPEAKER_PERSON, NULL);
}

/* a dateline in title case is no part of the subject: its commas are not an apposition's */
static void
test_title_case_dateline (void)
{
  const char *p[] = { "Portland, Ore. – Ana Ruiz, the city's mayor, said the bridge was safe.", NULL };

  expect_statement (p, "the bridge was safe", ARX_STATEMENT_INDIRECT, "Ana Ruiz", ARX_SPEAKER_PERSON, NULL);
}

/* the agency in a dateline is not the organisation "the company" means */
static void
test_dateline_agency_not_antecedent (void)
{
  const char *p[] = {
    "Northwind Energy said on Monday it would build a plant in Kent.",
    "LONDON (AP) — The company said it would cut 300 jobs.", NULL
  };

  expect_statement (p, "it would cut 300 jobs", ARX_STATEMENT_INDIRECT, "Northwind Energy", ARX_SPEAKER_ORGANIZATION, NULL);
}

/* "The suspect, Daniel Okafor,": a description before the name describes them */
static void
test_description_before_name (void)
{
  const char *p[] = { "The suspect, Daniel Okafor, was held overnight. The suspect said he needed a lawyer.", NULL };

  expect_statement (p, "he needed a lawyer", ARX_STATEMENT_INDIRECT, "Daniel Okafor", ARX_SPEAKER_PERSON, "description");
}

/* "the British royal": a person the article named with a royal title */
static void
test_description_royal (void)
{
  const char *p[] = {
    "Prince Edward spoke to reporters outside the palace.",
    "The British royal said he had never met the businessman.", NULL
  };

  expect_statement (p, "he had never met the businessman", ARX_STATEMENT_INDIRECT, "Edward", ARX_SPEAKER_PERSON,
                    "description");
}

/* a description the article never ties to a name stays a description, never a wrong person;
 * "he" right after it means that speaker */
static void
test_unnamed_person_then_pronoun (void)
{
  const char *p[] = {
    "Mayor Tom Baker opened the meeting on the new highway. “We are ready to build,” Baker said.",
    "A local farmer said the road would cut his fields in half. He said he would take the city to court.", NULL
  };

  expect_statement (p, "the road would cut his fields in half", ARX_STATEMENT_INDIRECT, "A local farmer",
                    ARX_SPEAKER_PERSON, "description");
  expect_statement (p, "he would take the city to court", ARX_STATEMENT_INDIRECT, "A local farmer",
                    ARX_SPEAKER_PERSON, "pronoun");
}

/* a document or a body speaks as a description; "it" after such a body is that body */
static void
test_document_and_body_speakers (void)
{
  const char *p[] = {
    "“The count was fair,” said the ruling.",
    "The city's mayor, Jim Watson, met union leaders. Watson said talks went well, but the union said no deal "
    "was close. It said members would vote next week.", NULL
  };

  expect_statement (p, "“The count was fair,”", ARX_STATEMENT_DIRECT, "the ruling", ARX_SPEAKER_OTHER, NULL);
  expect_statement (p, "talks went well", ARX_STATEMENT_INDIRECT, "Jim Watson", ARX_SPEAKER_PERSON, NULL);
  expect_statement (p, "members would vote next week", ARX_STATEMENT_INDIRECT, "the union", ARX_SPEAKER_ORGANIZATION,
                    "pronoun");
}

/* a body's name before a plural group head: the group speaks, not the body */
static void
test_body_name_modifies_group (void)
{
  const char *p[] = {
    "Northwind Energy engineers said the turbine had cracked in the storm.",
    "Northwind Energy said the repairs would take a month.", NULL
  };

  expect_statement (p, "the turbine had cracked in the storm", ARX_STATEMENT_INDIRECT, "Northwind Energy engineers",
                    ARX_SPEAKER_GROUP, "description");
  expect_statement (p, "the repairs would take a month", ARX_STATEMENT_INDIRECT, "Northwind Energy",
                    ARX_SPEAKER_ORGANIZATION, NULL);
}

/* a description with the person's name beside it, then two verbs: the named person speaks */
static void
test_apposition_before_second_verb (void)
{
  const char *p[] = {
    "The spokesperson for the water board, Helen Marsh, declined to give figures but said the reservoir was full.",
    NULL
  };

  expect_statement (p, "the reservoir was full", ARX_STATEMENT_INDIRECT, "Helen Marsh", ARX_SPEAKER_PERSON, "apposition");
}

/* "she" is the woman who spoke, not the man named in between */
static void
test_pronoun_gender_between (void)
{
  const char *p[] = {
    "Health Minister Christine Elliott, who joined Premier Doug Ford at the podium, said the province had hired "
    "500 nurses. She added that more were coming.", NULL
  };

  expect_statement (p, "the province had hired 500 nurses", ARX_STATEMENT_INDIRECT, "Christine Elliott",
                    ARX_SPEAKER_PERSON, NULL);
  expect_statement (p, "more were coming", ARX_STATEMENT_INDIRECT, "Christine Elliott", ARX_SPEAKER_PERSON, "pronoun");
}

/* "a spokesperson for the ministry": the spokesperson speaks, not the body named after "for";
 * a person qualified by where they work is that person */
static void
test_spokesperson_for_body (void)
{
  const char *p[] = {
    "A spokesperson for the Ministry of Transport said the ferry would run on Sunday.",
    "Jane Okoro of the University of Halifax said the survey was small.", NULL
  };

  expect_statement (p, "the ferry would run on Sunday", ARX_STATEMENT_INDIRECT,
                    "A spokesperson for the Ministry of Transport", ARX_SPEAKER_PERSON, "description");
  expect_statement (p, "the survey was small", ARX_STATEMENT_INDIRECT, "Jane Okoro", ARX_SPEAKER_PERSON, NULL);
}

/* an organisation named in apposition after its description speaks */
static void
test_organisation_in_apposition (void)
{
  const char *p[] = { "The union representing the drivers, Unifor, said it would strike on Friday.", NULL };

  expect_statement (p, "it would strike on Friday", ARX_STATEMENT_INDIRECT, "Unifor", ARX_SPEAKER_ORGANIZATION,
                    "apposition");
}

/* the dateline is not part of what a trailing cue reports; an irregular past is a verb */
static void
test_dateline_not_content (void)
{
  const char *p[] = {
    "HALIFAX — The province will hire 200 nurses, Health Minister Ruth Abara announced Tuesday.",
    "Statistics Norway said the jobless rate fell to four per cent in June.", NULL
  };

  expect_statement (p, "The province will hire 200 nurses", ARX_STATEMENT_INDIRECT, "Ruth Abara", ARX_SPEAKER_PERSON,
                    NULL);
  expect_statement (p, "the jobless rate fell to four per cent in June", ARX_STATEMENT_INDIRECT, "Statistics Norway",
                    ARX_SPEAKER_ORGANIZATION, NULL);
}

/* a new man as the subject of the sentence before takes "he" from the man who spoke last */
static void
test_pronoun_topic_shift (void)
{
  const char *p[] = {
    "Premier Doug Ford met Mayor Olivia Chow on Monday. Ford said he would consider the request.",
    "John Tory arrived after Kathleen Wynne had left the stage. He said the election was about jobs.", NULL
  };

  expect_statement (p, "the election was about jobs", ARX_STATEMENT_INDIRECT, "John Tory", ARX_SPEAKER_PERSON,
                    "pronoun");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/arx/analysis/speakers/subject-before-relative-clause", test_subject_before_relative_clause);
  g_test_add_func ("/arx/analysis/speakers/subject-premodified-participle", test_subject_premodified_participle);
  g_test_add_func ("/arx/analysis/speakers/title-case-dateline", test_title_case_dateline);
  g_test_add_func ("/arx/analysis/speakers/dateline-agency-not-antecedent", test_dateline_agency_not_antecedent);
  g_test_add_func ("/arx/analysis/speakers/description-before-name", test_description_before_name);
  g_test_add_func ("/arx/analysis/speakers/description-royal", test_description_royal);
  g_test_add_func ("/arx/analysis/speakers/unnamed-person-then-pronoun", test_unnamed_person_then_pronoun);
  g_test_add_func ("/arx/analysis/speakers/document-and-body-speakers", test_document_and_body_speakers);
  g_test_add_func ("/arx/analysis/speakers/pronoun-gender-between", test_pronoun_gender_between);
  g_test_add_func ("/arx/analysis/speakers/spokesperson-for-body", test_spokesperson_for_body);
  g_test_add_func ("/arx/analysis/speakers/organisation-in-apposition", test_organisation_in_apposition);
  g_test_add_func ("/arx/analysis/speakers/dateline-not-content", test_dateline_not_content);
  g_test_add_func ("/arx/analysis/speakers/pronoun-topic-shift", test_pronoun_topic_shift);
  g_test_add_func ("/arx/analysis/speakers/body-name-modifies-group", test_body_name_modifies_group);
  g_test_add_func ("/arx/analysis/speakers/apposition-before-second-verb", test_apposition_before_second_verb);
  return g_test_run ();
}
