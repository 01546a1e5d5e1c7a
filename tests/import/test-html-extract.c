/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Main-content extraction from web pages that trip up a reader: broken markup, page builders.
 * All pages are made up for these tests. */
#include "config.h"

#include <string.h>

#include "arx-core.h"
#include "arx-import.h"

static ArxArticle *
import_html (const char *html)
{
  g_autoptr(GBytes) bytes = g_bytes_new (html, strlen (html));
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) articles = arx_import_bytes (bytes, "page.html", NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (articles);
  g_assert_cmpuint (articles->len, ==, 1);
  return g_object_ref (g_ptr_array_index (articles, 0));
}

static void
assert_has (ArxArticle *a,
            const char *needle)
{
  if (strstr (arx_article_get_text (a), needle) == NULL)
    g_error ("missing \"%s\" in:\n%s", needle, arx_article_get_text (a));
}

static void
assert_lacks (ArxArticle *a,
              const char *needle)
{
  if (strstr (arx_article_get_text (a), needle) != NULL)
    g_error ("unexpected \"%s\" in:\n%s", needle, arx_article_get_text (a));
}

/* Navigation and footer every kind of page has around its content. */
#define NAV "<header><nav><ul><li><a href=\"/\">Home</a></li><li><a href=\"/shop\">Shop</a></li>" \
            "<li><a href=\"/about\">About us</a></li></ul></nav></header>"
#define FOOTER "<footer><p>© 2025 Example Ltd. All rights reserved.</p><ul><li><a href=\"/privacy\">Privacy</a>" \
               "</li><li><a href=\"/terms\">Terms</a></li></ul></footer>"

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

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  arx_import_init ();
  g_test_add_func ("/arx/import/html/stray-body-end", test_stray_body_end);
  g_test_add_func ("/arx/import/html/page-builder-blocks", test_page_builder_blocks);
  return g_test_run ();
}
