/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Plain text, HTML, MHTML, sniffing and safety tests for src/import. */
#include "config.h"

#include <string.h>

#include <libxml/parser.h>

#include "arx-core.h"
#include "arx-import.h"

static GFile *
fixture (const char *name)
{
  const char *dir = g_getenv ("ARX_FIXTURES");
  g_autofree char *path = g_build_filename (dir ? dir : "tests/fixtures", "import", name, NULL);

  return g_file_new_for_path (path);
}

static GPtrArray *
import_fixture (const char *name,
                GError    **error)
{
  g_autoptr(GFile) file = fixture (name);

  return arx_import_file (file, NULL, NULL, error);
}

static ArxArticle *
single (GPtrArray *articles)
{
  g_assert_nonnull (articles);
  g_assert_cmpuint (articles->len, ==, 1);
  return g_ptr_array_index (articles, 0);
}

static char *
paragraph (ArxArticle *article,
           int         index)
{
  guint n;
  const ArxSpan *spans = arx_article_get_paragraphs (article, &n);
  guint i = index < 0 ? n + index : (guint)index;

  g_assert_cmpuint (i, <, n);
  return g_strndup (arx_article_get_text (article) + spans[i].start, spans[i].end - spans[i].start);
}

static guint
n_paragraphs (ArxArticle *article)
{
  guint n;

  arx_article_get_paragraphs (article, &n);
  return n;
}

static void
assert_paragraph (ArxArticle *article,
                  int         index,
                  const char *expected)
{
  g_autofree char *p = paragraph (article, index);

  g_assert_cmpstr (p, ==, expected);
}

/* One table row per line beside hard-wrapped prose: a row whose next word would have fitted on
 * it was broken by the writer, not by the wrapping, and stays its own paragraph. */
static void
test_text_rows (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) articles = import_fixture ("text/rows.txt", &error);
  ArxArticle *a;

  g_assert_no_error (error);
  a = single (articles);
  assert_paragraph (a, 1, "Houston 4 Pittsburgh 2, St Louis 6 Chicago 5");
  assert_paragraph (a, 2, "San Francisco 7 New York 3, Cincinnati 2 Montreal 1");
  assert_paragraph (a, 3, "Los Angeles 5 Philadelphia 1, Colorado 9 Atlanta 8");
  assert_paragraph (a, 4, "The league said on Friday that the game in Denver would be replayed next month. "
                    "Both teams agreed to the new date after a meeting with league officials in New York "
                    "on Thursday, a spokesman said.");
  g_assert_cmpuint (n_paragraphs (a), ==, 5);
}

static void
test_text_wrapped (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) articles = import_fixture ("text/wrapped.txt", &error);
  ArxArticle *a;

  g_assert_no_error (error);
  a = single (articles);
  g_assert_cmpstr (arx_article_get_title (a), ==, "Council Approves New Harbour Bridge");
  g_assert_cmpstr (arx_article_get_byline (a), ==, "Maria Okafor");
  g_assert_cmpstr (arx_article_get_published (a), ==, "2025-03-12");
  g_assert_cmpstr (arx_article_get_format (a), ==, "text");
  g_assert_true (g_str_has_prefix (arx_article_get_source_uri (a), "file://"));
  /* title, byline and date are metadata and stay in the text: it holds every word of the file */
  assert_paragraph (a, 0, "Council Approves New Harbour Bridge");
  assert_paragraph (a, 1, "By Maria Okafor");
  assert_paragraph (a, 2, "12 March 2025");
  assert_paragraph (a, 3, "The city council voted on Tuesday to approve the long-debated harbour bridge, "
                    "ending a decade of argument over the crossing. The vote was seven to two.");
  /* a short heading line stays its own paragraph */
  assert_paragraph (a, 5, "Opposition");
  /* a short closing line ends its paragraph even without a blank line */
  assert_paragraph (a, -1, "Construction is expected to begin next spring.");
  g_assert_cmpuint (n_paragraphs (a), ==, 8);
}

static void
test_text_windows_1252 (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) articles = import_fixture ("text/windows-1252.txt", &error);
  ArxArticle *a;

  g_assert_no_error (error);
  a = single (articles);
  g_assert_cmpstr (arx_article_get_title (a), ==, "Café owners “welcome” the new rules");
  assert_paragraph (a, 1, "The owners of the Café Central said the rules cost €200 a month, "
                    "a price they called “fair”.");
}

static void
test_text_bom_crlf (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) articles = import_fixture ("text/bom-crlf.txt", &error);
  ArxArticle *a;

  g_assert_no_error (error);
  a = single (articles);
  g_assert_cmpstr (arx_article_get_title (a), ==, "BOM Title Line");
  assert_paragraph (a, 0, "BOM Title Line");
  assert_paragraph (a, 1, "First paragraph with CRLF line ends, wrapped over two lines.");
  assert_paragraph (a, -1, "Second paragraph.");
}

static void
test_text_bad_utf8 (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) articles = import_fixture ("text/bad-utf8.txt", &error);
  ArxArticle *a;
  const char *text;

  g_assert_no_error (error);
  a = single (articles);
  text = arx_article_get_text (a);
  g_assert_true (g_utf8_validate (text, -1, NULL));
  /* repaired, not re-decoded as Latin-1: the valid UTF-8 survives */
  g_assert_nonnull (strstr (text, "été"));
  g_assert_nonnull (strstr (text, "\xef\xbf\xbd"));
}

static void
test_text_utf16 (void)
{
  const char *text = "Überschrift\n\nEin Absatz mit Umlauten: äöü.\n";
  gsize len = 0;
  g_autofree char *utf16 = g_convert (text, -1, "UTF-16LE", "UTF-8", NULL, &len, NULL);
  g_autoptr(GByteArray) data = g_byte_array_new ();
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) articles = NULL;
  ArxArticle *a;

  g_byte_array_append (data, (const guint8 *)"\xff\xfe", 2);
  g_byte_array_append (data, (const guint8 *)utf16, len);
  bytes = g_byte_array_free_to_bytes (g_steal_pointer (&data));
  articles = arx_import_bytes (bytes, "file:///tmp/unicode.txt", NULL, &error);
  g_assert_no_error (error);
  a = single (articles);
  g_assert_cmpstr (arx_article_get_title (a), ==, "Überschrift");
  g_assert_cmpstr (arx_article_get_text (a), ==, "Überschrift\n\nEin Absatz mit Umlauten: äöü.");
}

/* Date lines in several languages and notations become the published date. */
static void
test_text_date_lines (void)
{
  static const struct { const char *line; const char *date; } cases[] = {
    { "12 March 2025", "2025-03-12" },
    { "March 12, 2025", "2025-03-12" },
    { "Tuesday 12 March 2025 10.15 GMT", "2025-03-12" },
    { "Published: 2025-03-12T09:30:00Z", "2025-03-12" },
    { "12.03.2025, 10:15 Uhr", "2025-03-12" },
    { "12. März 2025", "2025-03-12" },
    { "mardi 12 mars 2025", "2025-03-12" },
    { "12 de marzo de 2025", "2025-03-12" },
    { "quarta-feira, 12 de março de 2025 às 10:15", "2025-03-12" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = g_strdup_printf ("Harbour news\n\n%s\n\nThe council met today.\n", cases[i].line);
      g_autofree char *expected = g_strdup_printf ("Harbour news\n\n%s\n\nThe council met today.", cases[i].line);
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) articles = arx_import_pasted_text (text, -1, &error);
      ArxArticle *a;

      g_assert_no_error (error);
      a = single (articles);
      g_assert_cmpstr (arx_article_get_published (a), ==, cases[i].date);
      g_assert_cmpstr (arx_article_get_text (a), ==, expected);
    }
}

static void
test_pasted_text (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) articles = arx_import_pasted_text ("Short headline\n\nBy Jo Bloggs\n\nOne paragraph\nover two lines.\n", -1, &error);
  ArxArticle *a;

  g_assert_no_error (error);
  a = single (articles);
  g_assert_cmpstr (arx_article_get_title (a), ==, "Short headline");
  g_assert_cmpstr (arx_article_get_byline (a), ==, "Jo Bloggs");
  g_assert_cmpstr (arx_article_get_text (a), ==, "Short headline\n\nBy Jo Bloggs\n\nOne paragraph over two lines.");
  g_assert_null (arx_article_get_source_uri (a));
  g_assert_cmpstr (arx_article_get_format (a), ==, "text");
  g_clear_pointer (&articles, g_ptr_array_unref);

  articles = arx_import_pasted_text (" \n\t\n", -1, &error);
  g_assert_null (articles);
  g_assert_error (error, ARX_ERROR, ARX_ERROR_NOT_AN_ARTICLE);
}

/* Blank lines at the start, at the end and in runs separate paragraphs and add none; a text
 * with no line break at all is one paragraph. */
static void
test_text_blank_lines (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) articles = arx_import_pasted_text (
    "\n\n\nThe ferry to the island will run twice a day from Monday, the port said.\n\n\n\n"
    "Tickets cost the same as last year.\n\n", -1, &error);
  ArxArticle *a;

  g_assert_no_error (error);
  a = single (articles);
  g_assert_cmpuint (n_paragraphs (a), ==, 2);
  assert_paragraph (a, 0, "The ferry to the island will run twice a day from Monday, the port said.");
  assert_paragraph (a, 1, "Tickets cost the same as last year.");
  g_clear_pointer (&articles, g_ptr_array_unref);

  articles = arx_import_pasted_text ("One line without any break at its end.", -1, &error);
  g_assert_no_error (error);
  a = single (articles);
  g_assert_cmpuint (n_paragraphs (a), ==, 1);
  assert_paragraph (a, 0, "One line without any break at its end.");
}

/* A text file's first line is its headline, however the site ends it; a lead paragraph or a
 * line leading into the text is not. */
static void
test_text_headline (void)
{
  static const struct { const char *first; gboolean title; } cases[] = {
    { "Ferry service returns to the island", TRUE },
    { "Poll: Island Voters Back New Ferry Contract by Wide Margin, Council Says.", TRUE },
    { "Will the ferry run again this winter?", TRUE },
    { "Ferry returns to Skerry Island after two years.", TRUE },
    { "\u201cWe waited two winters,\u201d islanders say", TRUE },
    { "The ferry between Port Aveline and Skerry Island will run again from Monday, the county "
      "council said on Tuesday, ending two winters in which islanders relied on a fishing boat.", FALSE },
    { "The county council made the following announcement on Tuesday:", FALSE },
    /* 13 and 14 words, set apart by a blank line: still headlines */
    { "Islanders cheer as the first ferry in two winters docks at Skerry Island!", TRUE },
    { "Will the ferry to Skerry Island run again before the storms of the winter come?", TRUE },
    { "After two winters without a boat, the ferry returns to Skerry Island on Monday.", TRUE },
    /* a lead sentence of 18 words is text */
    { "The ferry between Port Aveline and Skerry Island will run again from Monday after two "
      "winters without service.", FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = g_strdup_printf ("%s\n\nThe first boat leaves Port Aveline at seven, "
                                               "Marta Quill said.\n", cases[i].first);
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) articles = arx_import_pasted_text (text, -1, &error);
      ArxArticle *a;

      g_assert_no_error (error);
      a = single (articles);
      g_assert_cmpstr (arx_article_get_title (a), ==, cases[i].title ? cases[i].first : NULL);
      /* the headline stays in the text */
      g_assert_true (g_str_has_prefix (arx_article_get_text (a), cases[i].first));
    }

  /* A 14-word first sentence with the text right under it, no blank line, is the lead. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(GPtrArray) articles = arx_import_pasted_text (
        "After two winters without a boat, the ferry returns to Skerry Island on Monday.\n"
        "The first boat leaves Port Aveline at seven, Marta Quill said.\n", -1, &error);

    g_assert_no_error (error);
    g_assert_null (arx_article_get_title (single (articles)));
  }
}

static void
check_news_page (ArxArticle *a)
{
  const char *text = arx_article_get_text (a);

  g_assert_cmpstr (arx_article_get_title (a), ==, "Harbour bridge approved after decade of debate");
  g_assert_cmpstr (arx_article_get_byline (a), ==, "Maria Okafor");
  g_assert_cmpstr (arx_article_get_published (a), ==, "2025-03-12");
  g_assert_cmpstr (arx_article_get_site (a), ==, "The Coastal Times");
  g_assert_cmpstr (arx_article_get_language (a), ==, "en");
  assert_paragraph (a, 0, "The city council voted on Tuesday to approve the long-debated harbour bridge, "
                    "ending a decade of argument over the crossing, which will link the old town with the ferry terminal.");
  assert_paragraph (a, -1, "Construction is expected to begin next spring, and the bridge should open to "
                    "traffic in 2029, according to the council's own timetable.");
  /* kept: subheading and blockquote */
  g_assert_nonnull (strstr (text, "\n\nCost concerns\n\n"));
  g_assert_nonnull (strstr (text, "We are mortgaging our children's future"));
  /* an embedded tweet is a quotation, even in a "social" box; its attribution line stays */
  g_assert_nonnull (strstr (text, "\n\nSeven votes to two. The harbour deserved a referendum."));
  g_assert_nonnull (strstr (text, "\n\n— Anna Lind (@annalind) March 11, 2025\n\n"));
  /* dropped: navigation, share bar, caption, related links, newsletter, comments, footer, cookies */
  g_assert_null (strstr (text, "Sport"));
  g_assert_null (strstr (text, "Share on"));
  g_assert_null (strstr (text, "artist's impression"));
  g_assert_null (strstr (text, "Ferry fares"));
  g_assert_null (strstr (text, "newsletter"));
  g_assert_null (strstr (text, "waste of money"));
  g_assert_null (strstr (text, "All rights reserved"));
  g_assert_null (strstr (text, "cookies"));
  g_assert_null (strstr (text, "By Maria"));
  g_assert_cmpuint (n_paragraphs (a), ==, 9);
}

static void
test_html_news_page (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) articles = import_fixture ("html/news-page.html", &error);
  ArxArticle *a;

  g_assert_no_error (error);
  a = single (articles);
  g_assert_cmpstr (arx_article_get_format (a), ==, "html");
  check_news_page (a);
}

static void
test_html_without_metadata (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) articles = import_fixture ("html/no-metadata.html", &error);
  ArxArticle *a;

  g_assert_no_error (error);
  a = single (articles);
  /* visible headline, "By" line and date line stand in for missing metadata */
  g_assert_cmpstr (arx_article_get_title (a), ==, "Lighthouse keeper retires after 40 years");
  g_assert_cmpstr (arx_article_get_byline (a), ==, "Tom Hale");
  g_assert_cmpstr (arx_article_get_published (a), ==, "2024-03-05");
  assert_paragraph (a, 0, "After four decades of climbing the 112 steps of the north lighthouse every evening, "
                    "Ida Marsh handed over the keys on Friday, to a crowd of neighbours and former colleagues.");
  /* the story ends at the "Related articles" heading */
  assert_paragraph (a, -1, "The harbour authority said the building would open to visitors in the summer, "
                    "with a small exhibition about the keepers who lived there.");
}

static void
test_html_saved_from_url (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) articles = import_fixture ("html/saved-from-url.html", &error);
  ArxArticle *a;

  g_assert_no_error (error);
  a = single (articles);
  g_assert_cmpstr (arx_article_get_title (a), ==, "Heatwave hits harbour");
  /* no date in the page: the one in the URL the browser saved it from */
  g_assert_cmpstr (arx_article_get_published (a), ==, "2023-07-14");
  /* no <html lang>: og:locale */
  g_assert_cmpstr (arx_article_get_language (a), ==, "en");
  assert_paragraph (a, -1, "The city opened three cooling centres and asked residents to check on elderly "
                    "neighbours during the afternoon.");
}

/* libxml2's HTML parser keeps "<noscript><div></noscript>" open: the whole page is inside. */
static void
test_html_misnested (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) articles = import_fixture ("html/misnested.html", &error);
  ArxArticle *a;

  g_assert_no_error (error);
  a = single (articles);
  g_assert_cmpstr (arx_article_get_title (a), ==, "Orso marsicano: un anno da record");
  g_assert_cmpstr (arx_article_get_language (a), ==, "it");
  assert_paragraph (a, 0, "Il 2019 è stato un anno da record per l'orso marsicano, con sedici nuovi cuccioli "
                    "osservati nel parco, secondo il censimento pubblicato martedì.");
  assert_paragraph (a, -1, "«È il risultato di anni di lavoro», ha detto il direttore del parco, che ha "
                    "ringraziato i volontari e le guardie.");
}

static void
test_html_charset (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) articles = import_fixture ("html/windows-1252-meta.html", &error);
  ArxArticle *a;

  g_assert_no_error (error);
  a = single (articles);
  g_assert_cmpstr (arx_article_get_title (a), ==, "Café rules");
  assert_paragraph (a, 0, "The owners of the Café Central said the new rules cost €200 a month, a price they "
                    "called “fair” in an interview on Monday.");
}

static void
test_xhtml_meta (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) articles = import_fixture ("html/og-meta.xhtml", &error);
  ArxArticle *a;

  g_assert_no_error (error);
  a = single (articles);
  /* the site suffix is stripped; the h1 agrees */
  g_assert_cmpstr (arx_article_get_title (a), ==, "Neue Brücke für den Hafen");
  g_assert_cmpstr (arx_article_get_byline (a), ==, "Jana Weber");
  g_assert_cmpstr (arx_article_get_published (a), ==, "2024-11-05T08:00:00Z");
  g_assert_cmpstr (arx_article_get_language (a), ==, "de");
  assert_paragraph (a, 0, "Der Stadtrat hat am Dienstag den Bau einer neuen Brücke über den Hafen beschlossen, "
                    "nach jahrelangen Diskussionen und mehreren Gutachten.");
  assert_paragraph (a, -1, "Die Kosten werden auf 240 Millionen Euro geschätzt, der Bau soll im Frühjahr beginnen.");
  g_assert_null (strstr (arx_article_get_text (a), "Impressum"));
  g_assert_null (strstr (arx_article_get_text (a), "Lokales"));
}

static void
test_mhtml (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) articles = import_fixture ("mhtml/news-page.mhtml", &error);
  ArxArticle *a;

  g_assert_no_error (error);
  a = single (articles);
  g_assert_cmpstr (arx_article_get_format (a), ==, "mhtml");
  check_news_page (a);
}

static void
test_html_forum_thread (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) articles = import_fixture ("html/forum-thread.html", &error);
  ArxArticle *a;

  g_assert_no_error (error);
  a = single (articles);
  g_assert_cmpstr (arx_article_get_title (a), ==, "Router drops connection");
  /* every post (short ones too), without the profile boxes and signatures */
  g_assert_cmpuint (n_paragraphs (a), ==, 5);
  assert_paragraph (a, 0, "Has anyone tried the new firmware on the router? Mine keeps dropping the connection every hour.");
  assert_paragraph (a, -1, "Rolled back, stable for two days now. Thanks everyone!");
  g_assert_null (strstr (arx_article_get_text (a), "sent from my phone"));
  g_assert_null (strstr (arx_article_get_text (a), "Posts:"));
}

static void
test_html_lead_container (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) articles = import_fixture ("html/lead-container.html", &error);
  ArxArticle *a;

  g_assert_no_error (error);
  a = single (articles);
  g_assert_cmpstr (arx_article_get_title (a), ==, "Town votes to keep its library open");
  /* the lead stands in the story's <header>, apart from the body container */
  assert_paragraph (a, 0, "The town council voted late on Monday to keep the public library open for at least five "
                    "more years, overturning a plan to close it at the end of the summer.");
  assert_paragraph (a, 1, "The decision followed a petition signed by more than four thousand residents, many of "
                    "whom crowded into the council chamber for the vote, which passed by seven votes to four.");
  g_assert_cmpuint (n_paragraphs (a), ==, 6);
  g_assert_null (strstr (arx_article_get_text (a), "Bridge repairs"));
}

static void
test_html_listing (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) articles = import_fixture ("html/product-listing.html", &error);
  const char *text;

  /* no paragraph anywhere: the listing's items are the page's text, not only the prices */
  g_assert_no_error (error);
  text = arx_article_get_text (single (articles));
  g_assert_nonnull (strstr (text, "Blue enamel kettle 1.5 litres"));
  g_assert_nonnull (strstr (text, "Matt black designer kettle"));
  g_assert_nonnull (strstr (text, "53,90 €"));
}

static void
test_mhtml_root_part (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) articles = import_fixture ("mhtml/frame-first.mhtml", &error);
  ArxArticle *a;
  static const char shell[] =
    "MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=\"b1\"\r\n\r\n"
    "--b1\r\nContent-Type: text/html\r\n\r\n"
    "<html><head><title>Shell</title></head><body><iframe src=\"x\"></iframe></body></html>\r\n"
    "--b1\r\nContent-Type: text/html\r\nContent-Location: x\r\n\r\n"
    "<html><body><h1>Lock gates replaced</h1><p>The old lock gates on the canal were lifted out on "
    "Monday and replaced with new oak gates, built over two years in the boatyard next door.</p>"
    "<p>Boats can pass again from Friday.</p></body></html>\r\n--b1--\r\n";
  g_autoptr(GBytes) bytes = g_bytes_new_static (shell, sizeof shell - 1);

  /* the ad frame saved first is not the page: Snapshot-Content-Location names it */
  g_assert_no_error (error);
  a = single (articles);
  g_assert_cmpstr (arx_article_get_title (a), ==, "New ferry timetable from May");
  g_assert_true (g_str_has_prefix (arx_article_get_text (a), "The island ferry will sail"));
  g_assert_null (strstr (arx_article_get_text (a), "cruise"));
  g_clear_pointer (&articles, g_ptr_array_unref);

  /* a root page without text (a frame shell): the frame that holds the story */
  articles = arx_import_bytes (bytes, "file:///tmp/saved.mhtml", NULL, &error);
  g_assert_no_error (error);
  a = single (articles);
  g_assert_cmpstr (arx_article_get_format (a), ==, "mhtml");
  g_assert_true (g_str_has_prefix (arx_article_get_text (a), "The old lock gates"));
}

/* Hardening finding 4: a header given twice keeps its first value (and the second is not leaked). */
static void
test_mhtml_repeated_headers (void)
{
  static const char page[] =
    "MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=\"b1\"\r\n\r\n"
    "--b1\r\nContent-Type: text/html\r\nContent-Type: image/png\r\n"
    "Content-Transfer-Encoding: 8bit\r\nContent-Transfer-Encoding: base64\r\n\r\n"
    "<html><body><h1>Harbour wall repaired</h1><p>The harbour wall that the winter storms broke "
    "was rebuilt in six weeks by a crew of twelve, and the fishing boats are back at their "
    "moorings.</p></body></html>\r\n--b1--\r\n";
  g_autoptr(GBytes) bytes = g_bytes_new_static (page, sizeof page - 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) articles = arx_import_bytes (bytes, "file:///tmp/twice.mhtml", NULL, &error);

  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (arx_article_get_text (single (articles)), "The harbour wall"));
}

static void
test_sniff_ignores_extension (void)
{
  g_autoptr(GFile) src = fixture ("html/news-page.html");
  g_autoptr(GBytes) bytes = g_file_load_bytes (src, NULL, NULL, NULL);
  g_autoptr(GError) error = NULL;
  /* an HTML page saved as ".txt" is still read as HTML */
  g_autoptr(GPtrArray) articles = arx_import_bytes (bytes, "file:///tmp/saved-page.txt", NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (arx_article_get_format (single (articles)), ==, "html");
  g_clear_pointer (&articles, g_ptr_array_unref);
  g_clear_pointer (&bytes, g_bytes_unref);
  g_clear_object (&src);

  /* a feed named .txt is a feed, plain text named .html is text */
  src = fixture ("samples/rss/rss2sample.xml");
  bytes = g_file_load_bytes (src, NULL, NULL, NULL);
  articles = arx_import_bytes (bytes, "file:///tmp/notes.txt", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (articles->len, ==, 4);
  g_assert_cmpstr (arx_article_get_format (g_ptr_array_index (articles, 0)), ==, "rss");
  g_clear_pointer (&articles, g_ptr_array_unref);
  g_clear_pointer (&bytes, g_bytes_unref);
  g_clear_object (&src);

  src = fixture ("text/wrapped.txt");
  bytes = g_file_load_bytes (src, NULL, NULL, NULL);
  articles = arx_import_bytes (bytes, "file:///tmp/page.html", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (arx_article_get_format (single (articles)), ==, "text");
}

static void
test_refuse_empty_and_binary (void)
{
  const char *names[] = { "safety/empty.txt", "safety/binary.bin" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) articles = import_fixture (names[i], &error);
      g_autofree char *base = g_path_get_basename (names[i]);

      g_assert_null (articles);
      g_assert_error (error, ARX_ERROR, ARX_ERROR_NOT_AN_ARTICLE);
      /* the message names the file */
      g_assert_nonnull (strstr (error->message, base));
    }
}

static void
test_refuse_oversized (void)
{
  g_autoptr(GFile) file = fixture ("html/news-page.html");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) articles = NULL;
  g_autoptr(GBytes) bytes = g_bytes_new_static ("Some text that is long enough.", 30);
  ArxImportLimits limits;

  arx_import_limits_init (&limits);
  g_assert_cmpuint (limits.max_bytes, ==, 50 * 1024 * 1024);
  limits.max_bytes = 1000;
  articles = arx_import_file (file, &limits, NULL, &error);
  g_assert_null (articles);
  g_assert_error (error, ARX_ERROR, ARX_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "news-page.html"));
  g_clear_error (&error);

  limits.max_bytes = 10;
  articles = arx_import_bytes (bytes, "file:///tmp/x.txt", &limits, &error);
  g_assert_null (articles);
  g_assert_error (error, ARX_ERROR, ARX_ERROR_TOO_LARGE);
}

static void
test_billion_laughs (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) articles = import_fixture ("safety/billion-laughs.xml", &error);

  g_assert_null (articles);
  g_assert_error (error, ARX_ERROR, ARX_ERROR_UNSAFE);
  g_assert_nonnull (strstr (error->message, "billion-laughs.xml"));
}

static void
test_external_entity (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) articles = import_fixture ("safety/external-entity.xml", &error);
  ArxArticle *a;

  /* read (the DTD is neither fetched nor needed), with the external entity left unexpanded */
  g_assert_no_error (error);
  a = single (articles);
  g_assert_cmpstr (arx_article_get_title (a), ==, "Entity test");
  g_assert_cmpstr (arx_article_get_text (a), ==, "Before the entity.\n\nAfter the entity.");
  g_assert_null (strstr (arx_article_get_text (a), "root:"));
}

static void
test_dtd_not_loaded (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) articles = import_fixture ("safety/local-dtd.xml", &error);
  ArxArticle *a;

  g_assert_no_error (error);
  a = single (articles);
  g_assert_cmpstr (arx_article_get_title (a), ==, "DTD test");
  g_assert_cmpstr (arx_article_get_text (a), ==, "Body text before.\n\nBody text after.");
}

/* The second line of defence: libxml2 2.9.14 itself stops nested entity expansion, even without
 * XML_PARSE_NOENT, with "Detected an entity reference loop". */
static void
test_libxml2_entity_loop (void)
{
  g_autoptr(GFile) file = fixture ("safety/billion-laughs.xml");
  g_autoptr(GBytes) bytes = g_file_load_bytes (file, NULL, NULL, NULL);
  gsize len;
  const char *data = g_bytes_get_data (bytes, &len);
  xmlParserCtxtPtr parser = xmlNewParserCtxt ();
  xmlDoc *doc = xmlCtxtReadMemory (parser, data, (int)len, NULL, NULL,
                                   XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);

  g_assert_true (doc == NULL || !parser->wellFormed);
  g_assert_cmpint (parser->lastError.code, ==, XML_ERR_ENTITY_LOOP);
  if (doc != NULL)
    xmlFreeDoc (doc);
  xmlFreeParserCtxt (parser);
}

static void
test_nesting_limit (void)
{
  g_autoptr(GString) xml = g_string_new ("<?xml version=\"1.0\"?><nitf><body><body.content>");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) articles = NULL;
  ArxImportLimits limits;

  for (guint i = 0; i < 100; i++)
    g_string_append (xml, "<div>");
  g_string_append (xml, "<p>Deep text.</p>");
  for (guint i = 0; i < 100; i++)
    g_string_append (xml, "</div>");
  g_string_append (xml, "</body.content></body></nitf>");
  bytes = g_bytes_new (xml->str, xml->len);
  arx_import_limits_init (&limits);
  limits.max_depth = 50;
  articles = arx_import_bytes (bytes, "file:///tmp/deep.xml", &limits, &error);
  g_assert_null (articles);
  g_assert_error (error, ARX_ERROR, ARX_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "deep.xml"));
  g_clear_error (&error);

  limits.max_depth = 256;
  articles = arx_import_bytes (bytes, "file:///tmp/deep.xml", &limits, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (arx_article_get_text (single (articles)), ==, "Deep text.");
}

/* Hostile nesting inside places that are parsed a second time (JSON-LD, feed item HTML). */
static void
test_nested_embedded (void)
{
  g_autoptr(GString) html = g_string_new ("<html><head><script type=\"application/ld+json\">");
  g_autoptr(GString) rss = g_string_new ("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel>"
                                         "<item><title>Deep</title><description>");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) articles = NULL;

  for (guint i = 0; i < 100000; i++)
    g_string_append_c (html, '[');
  g_string_append (html, "</script></head><body><p>A normal paragraph of text, long enough to count, "
                   "with a comma or two, and a full stop.</p></body></html>");
  bytes = g_bytes_new (html->str, html->len);
  articles = arx_import_bytes (bytes, "file:///tmp/deep-json.html", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (arx_article_get_text (single (articles)), ==,
                   "A normal paragraph of text, long enough to count, with a comma or two, and a full stop.");
  g_clear_pointer (&articles, g_ptr_array_unref);
  g_clear_pointer (&bytes, g_bytes_unref);

  for (guint i = 0; i < 50000; i++)
    g_string_append (rss, "&lt;div&gt;");
  g_string_append (rss, "hidden</description></item><item><title>Fine</title>"
                   "<description>Fine text.</description></item></channel></rss>");
  bytes = g_bytes_new (rss->str, rss->len);
  articles = arx_import_bytes (bytes, "file:///tmp/deep.rss", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (arx_article_get_text (single (articles)), ==, "Fine text.");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  arx_import_init ();

  g_test_add_func ("/arx/import/text/wrapped", test_text_wrapped);
  g_test_add_func ("/arx/import/text/rows", test_text_rows);
  g_test_add_func ("/arx/import/text/windows-1252", test_text_windows_1252);
  g_test_add_func ("/arx/import/text/bom-crlf", test_text_bom_crlf);
  g_test_add_func ("/arx/import/text/bad-utf8", test_text_bad_utf8);
  g_test_add_func ("/arx/import/text/utf-16", test_text_utf16);
  g_test_add_func ("/arx/import/text/date-lines", test_text_date_lines);
  g_test_add_func ("/arx/import/text/pasted", test_pasted_text);
  g_test_add_func ("/arx/import/text/blank-lines", test_text_blank_lines);
  g_test_add_func ("/arx/import/text/headline", test_text_headline);
  g_test_add_func ("/arx/import/html/news-page", test_html_news_page);
  g_test_add_func ("/arx/import/html/without-metadata", test_html_without_metadata);
  g_test_add_func ("/arx/import/html/saved-from-url", test_html_saved_from_url);
  g_test_add_func ("/arx/import/html/misnested", test_html_misnested);
  g_test_add_func ("/arx/import/html/forum-thread", test_html_forum_thread);
  g_test_add_func ("/arx/import/html/listing", test_html_listing);
  g_test_add_func ("/arx/import/html/lead-container", test_html_lead_container);
  g_test_add_func ("/arx/import/html/charset", test_html_charset);
  g_test_add_func ("/arx/import/html/xhtml-meta", test_xhtml_meta);
  g_test_add_func ("/arx/import/mhtml", test_mhtml);
  g_test_add_func ("/arx/import/mhtml/root-part", test_mhtml_root_part);
  g_test_add_func ("/arx/import/mhtml/repeated-headers", test_mhtml_repeated_headers);
  g_test_add_func ("/arx/import/sniff/ignores-extension", test_sniff_ignores_extension);
  g_test_add_func ("/arx/import/safety/empty-and-binary", test_refuse_empty_and_binary);
  g_test_add_func ("/arx/import/safety/oversized", test_refuse_oversized);
  g_test_add_func ("/arx/import/safety/billion-laughs", test_billion_laughs);
  g_test_add_func ("/arx/import/safety/external-entity", test_external_entity);
  g_test_add_func ("/arx/import/safety/dtd-not-loaded", test_dtd_not_loaded);
  g_test_add_func ("/arx/import/safety/libxml2-entity-loop", test_libxml2_entity_loop);
  g_test_add_func ("/arx/import/safety/nesting", test_nesting_limit);
  g_test_add_func ("/arx/import/safety/nested-embedded", test_nested_embedded);

  return g_test_run ();
}
