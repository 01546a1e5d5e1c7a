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
  return g_test_run ();
}
