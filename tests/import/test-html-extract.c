/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Main-content extraction from web pages that trip up a reader: broken markup, page builders.
 * All pages are made up for these tests. */
#include "config.h"

#include <string.h>

#include "html-page.h"

/* A stray </body></html> after the site's header: browsers read on, and so must we. */
static void
test_stray_body_end (void)
{
  g_autoptr(ArxArticle) a = import_html (
    "<html><head><title>Six kinds of outsourcing</title>"
    "<meta property=\"og:type\" content=\"article\"></head><body>" NAV "</body></html>"
    "<div class=\"page\"><article><h1>Six kinds of outsourcing</h1>"
    "<p>Small firms hand their payroll to a partner more often than any other task, a survey of two "
    "hundred owners found this spring.</p>"
    "<p>Recruiting comes second, followed by training and the handling of benefits.</p></article></div>"
    FOOTER "</body></html>");

  assert_has (a, "Small firms hand their payroll");
  assert_has (a, "Recruiting comes second");
}

/* Page builders wrap every block of the story in a "widget" class: the story, not a sidebar. */
static void
test_page_builder_blocks (void)
{
  g_autoptr(GString) html = g_string_new (
    "<html><head><title>Twelve money habits for your twenties</title>"
    "<meta property=\"og:type\" content=\"article\"></head><body>" NAV
    "<div class=\"builder-section\"><h1>Twelve money habits for your twenties</h1>"
    "<div class=\"builder-text\"><p>Your twenties are when habits form, and the ones about money are the "
    "hardest to change later. None of the twelve below needs a big salary; each needs a little attention "
    "every month, and together they leave you with savings, no expensive debt and a plan for the years "
    "ahead of you.</p></div>");
  g_autoptr(ArxArticle) a = NULL;

  for (guint i = 1; i <= 12; i++)
    g_string_append_printf (html, "<div class=\"builder-widget-wrap\"><h2>Habit %u</h2><p>Habit number %u is "
                                  "simple to start and pays off over the years, as long as you keep to it every "
                                  "month.</p></div>", i, i);
  g_string_append (html, "</div><div class=\"sidebar-widget\"><h3>Popular</h3><ul><li><a href=\"/a\">Ten "
                         "ways to save on groceries</a></li><li><a href=\"/b\">Budget apps compared</a></li>"
                         "</ul></div>" FOOTER "</body></html>");
  a = import_html (html->str);
  assert_has (a, "Habit number 1 is simple");
  assert_has (a, "Habit number 12 is simple");
  assert_lacks (a, "Budget apps compared");
}

/* A menu button whose icon markup was stripped on saving leaves a <div> open before </button>:
 * libxml2 then nests the rest of the page in the button, which a browser closes there. */
static void
test_button_left_open (void)
{
  g_autoptr(ArxArticle) a = import_html (
    "<html><head><title>Ferns for a dark hallway</title>"
    "<meta property=\"og:type\" content=\"article\"></head><body>"
    "<header><div class=\"menu\"><button class=\"menu-button\"><span>Menu</span>"
    "<div class=\"menu-button-inner\"><div></button></div></header>"
    "<main><article><h1>Ferns for a dark hallway</h1>"
    "<p>A hallway without a window still suits a fern, as long as the air stays damp and the pot "
    "never dries out completely between two waterings.</p>"
    "<p>The bird's nest fern copes best with little light and grows slowly enough to stay on a "
    "narrow shelf for years.</p>"
    "<p>Mist the leaves once a week in winter, when the heating dries the air of most flats.</p>"
    "</article></main>" FOOTER "</body></html>");

  assert_has (a, "A hallway without a window still suits a fern");
  assert_has (a, "Mist the leaves once a week");
}

/* A page stored as UTF-8 by a tool that had read its UTF-8 as Windows-1252 or Latin-1: the
 * quotes and accents come back. One odd sequence alone ("Ã©" in a text about encodings) is
 * left as it is. */
static void
test_double_encoded_utf8 (void)
{
  g_autoptr(ArxArticle) a = import_html (
    "<html><head><meta charset=\"utf-8\"><title>The mayorâ\xc2\x80\xc2\x99" "s cafÃ© plan</title>"
    "<meta property=\"og:type\" content=\"article\"></head><body><article>"
    "<h1>The mayorâ\xc2\x80\xc2\x99" "s cafÃ© plan</h1>"
    "<p>The mayorâ€™s plan for a cafÃ© in the old station was approved on Monday, after a "
    "debate that ran late into the evening and ended with a narrow vote.</p>"
    "<p>â€œWe waited long enough,â€\xc2\x9d" " said a neighbour who has lived by the station for forty "
    "years.</p></article></body></html>");
  g_autoptr(ArxArticle) b = import_html (
    "<html><head><meta charset=\"utf-8\"><title>Why cafÃ© shows up in your spreadsheet</title>"
    "<meta property=\"og:type\" content=\"article\"></head><body><article>"
    "<h1>Why cafÃ© shows up in your spreadsheet</h1>"
    "<p>When a file written in UTF-8 is opened as Latin-1, the word café turns into cafÃ©, and a "
    "spreadsheet then saves the damage for good unless someone notices it in time.</p>"
    "<p>Opening the file with the right encoding shows the accents as they were written.</p>"
    "</article></body></html>");

  g_assert_cmpstr (arx_article_get_title (a), ==, "The mayor’s café plan");
  assert_has (a, "The mayor’s plan for a café in the old station");
  assert_has (a, "“We waited long enough,” said a neighbour");
  g_assert_cmpstr (arx_article_get_title (b), ==, "Why cafÃ© shows up in your spreadsheet");
  assert_has (b, "the word café turns into cafÃ©");
}

static guint
count_of (ArxArticle *article,
          const char *needle)
{
  guint n = 0;

  for (const char *p = arx_article_get_text (article); (p = strstr (p, needle)) != NULL; p++)
    n++;
  return n;
}

/* A reply that quotes the opening post in full repeats two paragraphs the reader has just read:
 * they appear once. A short line the page repeats on purpose (a recipe's "Stir well.") stays. */
static void
test_repeated_runs (void)
{
#define OPENING_POST \
  "<p>Our allotment's tomatoes have had brown spots on the lower leaves since the wet weeks of July, and " \
  "the spots now spread upwards to the young shoots. The fruit itself still looks healthy and ripens.</p>" \
  "<p>We water at the roots in the morning, the plants stand a metre apart and we removed every leaf " \
  "below the first truss in June. Is this blight, and should we pull the plants before it reaches the " \
  "neighbours' beds?</p>"
  g_autoptr(ArxArticle) thread = import_html (
    "<html><head><title>Brown spots on tomato leaves - Allotment Forum</title>"
    "<script type=\"application/ld+json\">{\"@context\": \"https://schema.org\", \"@type\": "
    "\"DiscussionForumPosting\", \"headline\": \"Brown spots on tomato leaves\"}</script></head><body>"
    NAV "<div class=\"thread\"><h1>Brown spots on tomato leaves</h1>"
    "<div class=\"message\"><div class=\"user\">greenrow</div><div class=\"message-body\">" OPENING_POST
    "</div></div>"
    "<div class=\"message\"><div class=\"user\">hortensia</div><div class=\"message-body\">"
    "<blockquote class=\"quote\">" OPENING_POST "</blockquote>"
    "<p>That is early blight rather than the late kind: late blight turns the fruit brown within days. "
    "Pick off the spotted leaves, burn them, and mulch the soil so that rain does not splash spores up.</p>"
    "</div></div>"
    "<div class=\"message\"><div class=\"user\">plot14</div><div class=\"message-body\">"
    "<p>Agreed, and rotate the bed next year: the spores winter in the soil and the old stems.</p>"
    "</div></div></div>" FOOTER "</body></html>");
  g_autoptr(GString) recipe = g_string_new (
    "<html><head><title>Three soups for a cold week</title>"
    "<meta property=\"og:type\" content=\"article\"></head><body>" NAV
    "<article><h1>Three soups for a cold week</h1>"
    "<p>Each of these soups takes half an hour and keeps for three days in the fridge, which makes a "
    "pot on Sunday enough for most of the week's lunches.</p>");

  for (guint i = 0; i < 3; i++)
    g_string_append_printf (recipe, "<h2>Soup %u</h2><p>Soften an onion in butter, add the vegetables of "
                                    "soup number %u with a litre of stock and simmer until tender.</p>"
                                    "<p>Stir well.</p><p>Season to taste.</p>", i + 1, i + 1);
  g_string_append (recipe, "</article>" FOOTER "</body></html>");

  g_assert_cmpstr (arx_article_get_kind (thread), ==, "forum");
  g_assert_cmpuint (count_of (thread, "brown spots on the lower leaves"), ==, 1);
  g_assert_cmpuint (count_of (thread, "should we pull the plants"), ==, 1);
  assert_has (thread, "That is early blight rather than the late kind");
  assert_has (thread, "rotate the bed next year");
  {
    g_autoptr(ArxArticle) a = import_html (recipe->str);

    g_assert_cmpuint (count_of (a, "Stir well."), ==, 3);
    g_assert_cmpuint (count_of (a, "Season to taste."), ==, 3);
  }
#undef OPENING_POST
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  arx_import_init ();
  g_test_add_func ("/arx/import/html/stray-body-end", test_stray_body_end);
  g_test_add_func ("/arx/import/html/page-builder-blocks", test_page_builder_blocks);
  g_test_add_func ("/arx/import/html/button-left-open", test_button_left_open);
  g_test_add_func ("/arx/import/html/double-encoded-utf8", test_double_encoded_utf8);
  g_test_add_func ("/arx/import/html/repeated-runs", test_repeated_runs);
  return g_test_run ();
}
