/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "html-page.h"

/* The one article of @html, read as a web page named page.html. */
ArxArticle *
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

void
assert_has (ArxArticle *article,
            const char *needle)
{
  if (strstr (arx_article_get_text (article), needle) == NULL)
    g_error ("missing \"%s\" in:\n%s", needle, arx_article_get_text (article));
}

void
assert_lacks (ArxArticle *article,
              const char *needle)
{
  if (strstr (arx_article_get_text (article), needle) != NULL)
    g_error ("unexpected \"%s\" in:\n%s", needle, arx_article_get_text (article));
}
