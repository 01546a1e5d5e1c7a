/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "arx-analyzer"

#include "config.h"

#include <string.h>

#include "arx-given-names.h"

/* Given names and their usual short forms ("Ben" and "Benjamin"), lower case; both directions
 * are looked up. Used to join the mentions of one article (arx-cluster.c) and the names of
 * one person across a library (the store's identity unit). */
static const char *const nicknames[][2] = {
  { "tom", "thomas" }, { "tommy", "thomas" }, { "bill", "william" }, { "will", "william" },
  { "billy", "william" }, { "bob", "robert" }, { "rob", "robert" }, { "bobby", "robert" },
  { "mike", "michael" }, { "jim", "james" }, { "jimmy", "james" }, { "joe", "joseph" },
  { "dick", "richard" }, { "rick", "richard" }, { "chris", "christopher" }, { "dave", "david" },
  { "dan", "daniel" }, { "danny", "daniel" }, { "steve", "steven" }, { "steve", "stephen" },
  { "tony", "anthony" }, { "ted", "edward" }, { "ted", "theodore" }, { "ed", "edward" },
  { "liz", "elizabeth" }, { "beth", "elizabeth" }, { "betsy", "elizabeth" }, { "kate", "katherine" },
  { "kathy", "kathleen" }, { "jen", "jennifer" }, { "jenny", "jennifer" }, { "sam", "samuel" },
  { "ben", "benjamin" }, { "nick", "nicholas" }, { "alex", "alexander" }, { "andy", "andrew" },
  { "pat", "patrick" }, { "pat", "patricia" }, { "chuck", "charles" }, { "charlie", "charles" },
  { "hank", "henry" }, { "jack", "john" }, { "jon", "jonathan" }, { "matt", "matthew" },
  { "nate", "nathan" }, { "pete", "peter" }, { "ron", "ronald" }, { "tim", "timothy" },
  { "larry", "lawrence" }, { "jerry", "gerald" }, { "greg", "gregory" }, { "jeff", "jeffrey" },
  { "ken", "kenneth" }, { "don", "donald" }, { "fred", "frederick" }, { "al", "albert" },
  { "sue", "susan" }, { "peggy", "margaret" }, { "maggie", "margaret" }, { "vicky", "victoria" },
  { "becky", "rebecca" }, { "mitch", "mitchell" }, { "newt", "newton" }, { "bernie", "bernard" },
  { "rudy", "rudolph" }, { "mitt", "willard" }, { "jeb", "john" }, { "abe", "abraham" },
  { "stan", "stanley" }, { "geoff", "geoffrey" }, { "doug", "douglas" }, { "phil", "philip" },
  { "phil", "phillip" }, { "josh", "joshua" }, { "zach", "zachary" }, { "jake", "jacob" },
  { "ray", "raymond" }, { "gene", "eugene" }, { "vince", "vincent" }, { "len", "leonard" },
  { "marty", "martin" }, { "terry", "terrence" }, { "walt", "walter" }, { "herb", "herbert" },
  { "cathy", "catherine" }, { "debbie", "deborah" }, { "barb", "barbara" }, { "pam", "pamela" },
};

/**
 * arx_given_names_are_forms:
 * @a: a given name, lower case
 * @b: another, lower case
 *
 * Whether one is a usual short form of the other ("tom" and "thomas"); not whether they are
 * equal.
 */
gboolean
arx_given_names_are_forms (const char *a,
                           const char *b)
{
  for (guint i = 0; i < G_N_ELEMENTS (nicknames); i++)
    if ((strcmp (a, nicknames[i][0]) == 0 && strcmp (b, nicknames[i][1]) == 0) ||
        (strcmp (b, nicknames[i][0]) == 0 && strcmp (a, nicknames[i][1]) == 0))
      return TRUE;
  return FALSE;
}

/**
 * arx_given_name_forms:
 * @given: a given name, lower case
 * @out: (out caller-allocates) (array length=max): the other forms of it
 *
 * Returns: how many forms were written to @out.
 */
guint
arx_given_name_forms (const char  *given,
                      const char **out,
                      guint        max)
{
  guint n = 0;

  for (guint i = 0; i < G_N_ELEMENTS (nicknames) && n < max; i++)
    if (strcmp (given, nicknames[i][0]) == 0)
      out[n++] = nicknames[i][1];
    else if (strcmp (given, nicknames[i][1]) == 0)
      out[n++] = nicknames[i][0];
  return n;
}
