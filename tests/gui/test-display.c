/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>
#include <glib.h>

#include "arx-display.h"
#include "arx-statement-item.h"

static void
test_title_fallbacks (void)
{
  g_autofree char *own = arx_display_title ("Own title", "file:///tmp/a.txt");
  g_autofree char *file = arx_display_title (NULL, "file:///tmp/seed%20article.txt");
  g_autofree char *empty = arx_display_title ("", NULL);

  g_assert_cmpstr (own, ==, "Own title");
  g_assert_cmpstr (file, ==, "seed article.txt");
  g_assert_cmpstr (empty, ==, "Untitled Article");
}

static void
test_page_kinds (void)
{
  /* a story says nothing about its kind; other pages are named, and lists offer their links */
  g_assert_null (arx_display_kind (NULL));
  g_assert_null (arx_display_kind ("article"));
  g_assert_cmpstr (arx_display_kind ("forum"), ==, "Forum thread");
  g_assert_cmpstr (arx_display_kind ("listing"), ==, "List of articles");
  g_assert_null (arx_display_kind ("something-new"));
  g_assert_true (arx_display_kind_lists_articles ("listing"));
  g_assert_true (arx_display_kind_lists_articles ("collection"));
  g_assert_false (arx_display_kind_lists_articles ("product"));
  g_assert_false (arx_display_kind_lists_articles (NULL));
}

static void
test_dates (void)
{
  g_autofree char *day = arx_display_date ("2021-11-12");
  g_autofree char *stamp = arx_display_date ("2021-11-12T23:30:00-05:00");
  g_autofree char *other = arx_display_date ("Spring 2020");

  /* a timestamp shows as the day the publisher dated it */
  g_assert_cmpstr (day, ==, "2021-11-12");
  g_assert_cmpstr (stamp, ==, "2021-11-12");
  g_assert_cmpstr (other, ==, "Spring 2020");
  g_assert_null (arx_display_date (NULL));
}

static void
test_statement_item_labels (void)
{
  const char *text = "“We will,” Ann Lee said.";
  ArxStatement statement = { 0 };
  g_autoptr(ArxStatementItem) item = NULL;
  g_autofree char *label = NULL;
  g_autofree char *why = NULL;
  g_autofree char *nobody = NULL;

  statement.kind = ARX_STATEMENT_DIRECT;
  statement.start = 0;
  statement.end = strlen ("“We will,”");
  statement.speaker = 0;
  statement.speaker_name = (char *)"Ann Lee";
  statement.mention_start = statement.end + 1;
  statement.mention_end = statement.mention_start + strlen ("Ann Lee");
  statement.cue_start = statement.mention_end + 1;
  statement.cue_end = statement.cue_start + strlen ("said");
  statement.rule = (char *)"inverted";
  statement.confidence = 0.9;

  item = arx_statement_item_new (&statement, text, 0);
  label = arx_statement_item_dup_row_label (item);
  why = arx_statement_item_dup_explanation (item);
  g_assert_cmpstr (label, ==, "Ann Lee: “We will,”");
  g_assert_cmpstr (why, ==, "direct · “said” · inverted · 90%");

  g_clear_object (&item);
  statement.speaker_name = NULL;
  statement.rule = NULL;
  statement.cue_start = statement.cue_end = -1;
  statement.mention_start = statement.mention_end = -1;
  item = arx_statement_item_new (&statement, text, G_MAXUINT);
  nobody = arx_statement_item_dup_row_label (item);
  g_assert_cmpstr (nobody, ==, "No speaker: “We will,”");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/arx/display/title-fallbacks", test_title_fallbacks);
  g_test_add_func ("/arx/display/statement-item-labels", test_statement_item_labels);
  g_test_add_func ("/arx/display/page-kinds", test_page_kinds);
  g_test_add_func ("/arx/display/dates", test_dates);
  return g_test_run ();
}
