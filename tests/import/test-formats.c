/* SPDX-License-Identifier: GPL-3.0-or-later */
/* NITF, NewsML-G2, RSS, Atom, JATS and PDF readers, on the permissive samples. */
#include "config.h"

#include <string.h>
#include <cairo.h>
#include <cairo-pdf.h>

#include "arx-core.h"
#include "arx-import.h"

static GPtrArray *
import_sample (const char *name,
               GError    **error)
{
  const char *dir = g_getenv ("ARX_FIXTURES");
  g_autofree char *path = g_build_filename (dir ? dir : "tests/fixtures", "import", "samples", name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  return arx_import_file (file, NULL, NULL, error);
}

/* fixtures written for these tests (not samples) */
static GPtrArray *
import_own (const char *name,
            GError    **error)
{
  const char *dir = g_getenv ("ARX_FIXTURES");
  g_autofree char *path = g_build_filename (dir ? dir : "tests/fixtures", "import", name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  return arx_import_file (file, NULL, NULL, error);
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

static void
assert_paragraph (ArxArticle *article,
                  int         index,
                  const char *expected)
{
  g_autofree char *p = paragraph (article, index);

  g_assert_cmpstr (p, ==, expected);
}

static void
assert_paragraph_prefix (ArxArticle *article,
                         int         index,
                         const char *prefix)
{
  g_autofree char *p = paragraph (article, index);

  if (!g_str_has_prefix (p, prefix))
    g_error ("paragraph %d is “%s”, expected it to start with “%s”", index, p, prefix);
}

static ArxArticle *
single (GPtrArray  *articles,
        const char *format)
{
  ArxArticle *a;

  g_assert_nonnull (articles);
  g_assert_cmpuint (articles->len, ==, 1);
  a = g_ptr_array_index (articles, 0);
  g_assert_cmpstr (arx_article_get_format (a), ==, format);
  g_assert_nonnull (arx_article_get_source_uri (a));
  return a;
}

static void
test_nitf_simple (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) articles = import_sample ("nitf/nitfr-simple_article.xml", &error);
  ArxArticle *a;

  /* the DOCTYPE names a remote DTD: it must be neither fetched nor needed */
  g_assert_no_error (error);
  a = single (articles, "nitf");
  g_assert_cmpstr (arx_article_get_title (a), ==, "Revolutionary Technology Changes Industry");
  g_assert_cmpstr (arx_article_get_byline (a), ==, "Jane Smith");
  g_assert_cmpstr (arx_article_get_published (a), ==, "2024-12-15");
  g_assert_cmpstr (arx_article_get_site (a), ==, "Example Times");
  assert_paragraph (a, 0, "A groundbreaking new technology unveiled today promises to revolutionize the way "
                    "companies handle their data operations, according to industry experts.");
  assert_paragraph (a, -1, "Industry analysts predict the technology could save businesses millions of dollars "
                    "annually. For more information, visit our website.");
}

static void
test_nitf_hedline_namespace (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) articles = import_sample ("nitf/iptc-listing2-nitf-extracted.xml", &error);
  ArxArticle *a;

  g_assert_no_error (error);
  a = single (articles, "nitf");
  g_assert_cmpstr (arx_article_get_title (a), ==, "Fed to halt QE to avert \"bubble\"");
  /* the byline title (byttl) is not part of the name */
  g_assert_cmpstr (arx_article_get_byline (a), ==, "Meredith Jameson");
  assert_paragraph_prefix (a, 0, "(New York, NY - October 21) Et, sent luptat luptat");
}

static void
test_nitf_unicode (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) articles = import_sample ("nitf/nitfr-unicode_content.xml", &error);
  ArxArticle *a;

  g_assert_no_error (error);
  a = single (articles, "nitf");
  g_assert_cmpstr (arx_article_get_title (a), ==, "日本語のヘッドライン");
  g_assert_cmpstr (arx_article_get_byline (a), ==, "François Müller");
  assert_paragraph (a, 0, "Это русский текст с кириллицей.");
  assert_paragraph (a, -1, "Emojis: 🎉 🚀 💻 🌍");
}

static void
test_newsml_nitf (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) articles = import_sample ("newsml-g2/LISTING_2_NewsML-G2_Text_Document.xml", &error);
  ArxArticle *a;

  g_assert_no_error (error);
  a = single (articles, "newsml");
  /* contentMeta wins over the body: creator name without the byline's title */
  g_assert_cmpstr (arx_article_get_title (a), ==, "Fed to halt QE to avert \"bubble\"");
  g_assert_cmpstr (arx_article_get_byline (a), ==, "Meredith Jameson");
  g_assert_cmpstr (arx_article_get_published (a), ==, "2016-11-21");
  g_assert_cmpstr (arx_article_get_language (a), ==, "en");
  assert_paragraph_prefix (a, 0, "(New York, NY - October 21) Et, sent luptat luptat");
}

static void
test_newsml_sports (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) articles = import_sample ("newsml-g2/LISTING_22_Sports_story_in_NewsML-G2NITF.xml", &error);
  ArxArticle *a;
  guint n;

  g_assert_no_error (error);
  a = single (articles, "newsml");
  g_assert_cmpstr (arx_article_get_title (a), ==,
                   "Preview: Arizona Diamondbacks (29-23) at Philadelphia Phillies (26-24), 7:05 p.m.");
  g_assert_cmpstr (arx_article_get_byline (a), ==, "The Sports Network");
  g_assert_cmpstr (arx_article_get_published (a), ==, "2016-10-19");
  arx_article_get_paragraphs (a, &n);
  g_assert_cmpuint (n, ==, 6);
  assert_paragraph_prefix (a, 0, "(Sports Network) - A pair of teams coming off big weekend sweeps");
  assert_paragraph_prefix (a, -1, "Right-hander Freddy Garcia takes the hill for the Phillies");
}

static void
test_newsml_fragment (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) articles =
    import_sample ("newsml-g2/LISTING_25_An_NITF_marked-up_article_conveyed_in_inlineXML.xml", &error);
  ArxArticle *a;

  g_assert_no_error (error);
  a = single (articles, "newsml");
  g_assert_cmpstr (arx_article_get_title (a), ==,
                   "Arizona Diamondbacks (29-23) at Philadelphia Phillies (26-24), 7:05p.m.");
  assert_paragraph_prefix (a, 0, "(Sports Network) - With the Philadelphia Phillies picking up momentum");
}

static void
test_newsml_without_text (void)
{
  const char *names[] = { "newsml-g2/LISTING_6_Simple_NewsML-G2_Package.xml",
                          "newsml-g2/LISTING_1_A_NewsML-G2_News_Item.xml" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) articles = import_sample (names[i], &error);

      g_assert_null (articles);
      g_assert_error (error, ARX_ERROR, ARX_ERROR_NOT_AN_ARTICLE);
      g_assert_nonnull (strstr (error->message, "LISTING_"));
    }
}

static void
test_newsml_xhtml (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) articles = import_own ("newsml/xhtml-item.xml", &error);
  ArxArticle *a;

  g_assert_no_error (error);
  a = single (articles, "newsml");
  g_assert_cmpstr (arx_article_get_title (a), ==, "Harbour bridge approved");
  g_assert_cmpstr (arx_article_get_byline (a), ==, "Maria Okafor");
  g_assert_cmpstr (arx_article_get_published (a), ==, "2025-03-12");
  g_assert_cmpstr (arx_article_get_language (a), ==, "en");
  /* the XHTML <h1> repeating the headline is not body text */
  g_assert_cmpstr (arx_article_get_text (a), ==,
                   "The city council voted on Tuesday to approve the harbour bridge.\n\n"
                   "“This is a day the harbour will remember,” said the mayor, Jonas Berg.");
}

static void
test_rss_dc_content (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) articles = import_own ("feeds/dc-creator.rss", &error);
  ArxArticle *a, *b;

  g_assert_no_error (error);
  g_assert_cmpuint (articles->len, ==, 2);
  a = g_ptr_array_index (articles, 0);
  g_assert_cmpstr (arx_article_get_title (a), ==, "Ferry fares to rise");
  /* from "jonas@example.org (Jonas Berg)" */
  g_assert_cmpstr (arx_article_get_byline (a), ==, "Jonas Berg");
  g_assert_cmpstr (arx_article_get_published (a), ==, "2025-02-01");
  g_assert_cmpstr (arx_article_get_language (a), ==, "en");
  /* content:encoded wins over the description; scripts are not text */
  g_assert_cmpstr (arx_article_get_text (a), ==, "Ferry fares will rise by ten percent from April.\n\n"
                   "“We had no choice,” said a spokesman. He gave no details.");
  b = g_ptr_array_index (articles, 1);
  /* markup in a CDATA title is stripped; dc:date is a date */
  g_assert_cmpstr (arx_article_get_title (b), ==, "Old town parking plan");
  g_assert_cmpstr (arx_article_get_published (b), ==, "2025-01-30");
  g_assert_cmpstr (arx_article_get_byline (b), ==, "Anna Lind");
  g_assert_cmpstr (arx_article_get_text (b), ==, "The council presented a new parking plan for the old town.");
}

static void
test_atom_html (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) articles = import_own ("feeds/html-content.atom", &error);
  ArxArticle *a;

  g_assert_no_error (error);
  a = single (articles, "atom");
  g_assert_cmpstr (arx_article_get_title (a), ==, "Neue Brücke für den Hafen");
  g_assert_cmpstr (arx_article_get_byline (a), ==, "Jana Weber");
  /* no <published>: <updated> */
  g_assert_cmpstr (arx_article_get_published (a), ==, "2024-11-06");
  g_assert_cmpstr (arx_article_get_language (a), ==, "de");
  g_assert_cmpstr (arx_article_get_text (a), ==, "Der Stadtrat hat den Bau beschlossen.\n\n"
                   "„Ein guter Tag“, sagte die Bürgermeisterin.");
}

static void
test_rss (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) articles = import_sample ("rss/rss2sample.xml", &error);
  ArxArticle *a, *b;

  g_assert_no_error (error);
  g_assert_cmpuint (articles->len, ==, 4);
  a = g_ptr_array_index (articles, 0);
  g_assert_cmpstr (arx_article_get_format (a), ==, "rss");
  g_assert_cmpstr (arx_article_get_title (a), ==, "Star City");
  g_assert_cmpstr (arx_article_get_published (a), ==, "2003-06-03");
  g_assert_cmpstr (arx_article_get_site (a), ==, "Liftoff News");
  g_assert_cmpstr (arx_article_get_language (a), ==, "en");
  g_assert_cmpstr (arx_article_get_source_uri (a), ==, "http://liftoff.msfc.nasa.gov/news/2003/news-starcity.asp");
  /* escaped markup in <description> is parsed as HTML, not shown as tags */
  g_assert_cmpstr (arx_article_get_text (a), ==,
                   "How do Americans get ready to work with Russians aboard the International Space Station? "
                   "They take a crash course in culture, language and protocol at Russia's Star City.");
  /* the item without a title or link */
  b = g_ptr_array_index (articles, 1);
  g_assert_null (arx_article_get_title (b));
  g_assert_true (g_str_has_suffix (arx_article_get_source_uri (b), "rss2sample.xml"));
  g_assert_cmpstr (arx_article_get_published (b), ==, "2003-05-30");
  g_assert_cmpstr (arx_article_get_title (g_ptr_array_index (articles, 3)), ==, "Astronauts' Dirty Laundry");
}

static void
test_rss_content_encoded (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) articles = import_sample ("rss/rust-syndication-content-encoded.xml", &error);

  g_assert_no_error (error);
  g_assert_cmpstr (arx_article_get_text (single (articles, "rss")), ==, "An example link.");
}

static void
test_atom (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) articles = import_sample ("atom/rfc4287-1.1-extensive.atom", &error);
  ArxArticle *a;

  g_assert_no_error (error);
  a = single (articles, "atom");
  g_assert_cmpstr (arx_article_get_title (a), ==, "Atom draft-07 snapshot");
  g_assert_cmpstr (arx_article_get_byline (a), ==, "Mark Pilgrim");
  /* published, not updated */
  g_assert_cmpstr (arx_article_get_published (a), ==, "2003-12-13");
  g_assert_cmpstr (arx_article_get_site (a), ==, "dive into mark");
  g_assert_cmpstr (arx_article_get_source_uri (a), ==, "http://example.org/2005/04/02/atom");
  g_assert_cmpstr (arx_article_get_text (a), ==, "[Update: The Atom draft is finished.]");
}

static void
test_atom_entries (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) articles = import_sample ("atom/trafilatura-feed1.atom", &error);

  g_assert_no_error (error);
  g_assert_cmpuint (articles->len, ==, 2);
  g_assert_cmpstr (arx_article_get_title (g_ptr_array_index (articles, 0)), ==, "Atom-Powered Robots Run Amok");
  g_assert_cmpstr (arx_article_get_title (g_ptr_array_index (articles, 1)), ==, "Self-referenced link");
  g_assert_cmpstr (arx_article_get_text (g_ptr_array_index (articles, 1)), ==, "Some text.");
}

static void
test_feed_item_limit (void)
{
  g_autoptr(GString) xml = g_string_new ("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Many</title>");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) articles = NULL;
  ArxImportLimits limits;

  for (guint i = 0; i < 30; i++)
    g_string_append_printf (xml, "<item><title>Item %u</title><description>Text of item %u.</description></item>", i, i);
  g_string_append (xml, "</channel></rss>");
  bytes = g_bytes_new (xml->str, xml->len);
  arx_import_limits_init (&limits);
  articles = arx_import_bytes (bytes, "https://example.org/feed", &limits, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (articles->len, ==, 30);
  g_assert_cmpstr (arx_article_get_text (g_ptr_array_index (articles, 29)), ==, "Text of item 29.");
  g_clear_pointer (&articles, g_ptr_array_unref);

  /* over the limit: the first items, and a message saying so */
  limits.max_items = 20;
  g_test_expect_message ("arx-import", G_LOG_LEVEL_MESSAGE, "*has 30 items; reading the first 20*");
  articles = arx_import_bytes (bytes, "https://example.org/feed", &limits, &error);
  g_test_assert_expected_messages ();
  g_assert_no_error (error);
  g_assert_cmpuint (articles->len, ==, 20);
  g_assert_cmpstr (arx_article_get_text (g_ptr_array_index (articles, 0)), ==, "Text of item 0.");
  g_assert_cmpstr (arx_article_get_text (g_ptr_array_index (articles, 19)), ==, "Text of item 19.");
}

static void
test_jats (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) articles = import_sample ("jats/elife-00777.xml", &error);
  ArxArticle *a;
  const char *text;

  g_assert_no_error (error);
  a = single (articles, "jats");
  text = arx_article_get_text (a);
  g_assert_cmpstr (arx_article_get_title (a), ==, "Selecting against accidental RNA interactions");
  g_assert_true (g_str_has_prefix (arx_article_get_byline (a), "Meredith Corley, Alain Laderach"));
  g_assert_cmpstr (arx_article_get_published (a), ==, "2016-09-20");
  g_assert_cmpstr (arx_article_get_site (a), ==, "eLife");
  assert_paragraph (a, 0, "Feature content is different to the research content because it is \"magazine\"-style "
                    "and is commissioned. There are distinct categories of eLife research content with different requirements.");
  assert_paragraph (a, -1, "Any footnotes for Feature content are treated as plain text and are not crosslinked "
                    "anywhere with a sympol.");
  /* the "related research article" box and the reference list are not running text */
  g_assert_null (strstr (text, "Related research article"));
}

static cairo_status_t
append_bytes (void                *closure,
              const unsigned char *data,
              unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/* A two-page PDF with a running header and page numbers, drawn with cairo. */
static GBytes *
make_pdf (void)
{
  static const char *page_lines[2][7] = {
    { "Harbour bridge approved",
      "The city council voted on Tuesday to approve the long-debated harbour",
      "bridge, ending a decade of argument over the crossing to the old town.",
      "Critics said the cost was too high for a city of this size and that the",
      "money would be better spent on schools and on the ferry service, which",
      "has lost passengers.", NULL },
    { "\"This is a day the harbour will remember,\" said the mayor, Jonas Berg,",
      "speaking after the session, which lasted more than six hours in the",
      "town hall. Construction is expected to begin next spring after a final",
      "review of the plans by the regional govern-",
      "ment and the port authority.", NULL, NULL },
  };
  GByteArray *out = g_byte_array_new ();
  cairo_surface_t *surface = cairo_pdf_surface_create_for_stream (append_bytes, out, 595, 842);
  cairo_t *cr = cairo_create (surface);

  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_AUTHOR, "Maria Okafor");
  cairo_select_font_face (cr, "Sans", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
  for (guint page = 0; page < 2; page++)
    {
      g_autofree char *number = g_strdup_printf ("%u", page + 1);
      double y = 120;

      cairo_set_font_size (cr, 9);
      cairo_move_to (cr, 60, 50);
      cairo_show_text (cr, "The Harbour Gazette - Local news");
      cairo_set_font_size (cr, 11);
      for (guint i = 0; page_lines[page][i] != NULL; i++)
        {
          /* a gap after the headline */
          if (page == 0 && i == 1)
            y += 20;
          cairo_move_to (cr, 60, y);
          cairo_show_text (cr, page_lines[page][i]);
          y += 16;
        }
      cairo_set_font_size (cr, 9);
      cairo_move_to (cr, 290, 800);
      cairo_show_text (cr, number);
      cairo_show_page (cr);
    }
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  cairo_surface_destroy (surface);
  return g_byte_array_free_to_bytes (out);
}

static void
test_pdf (void)
{
  g_autoptr(GBytes) bytes = make_pdf ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) articles = arx_import_bytes (bytes, "file:///tmp/bridge.pdf", NULL, &error);
  ArxArticle *a;
  const char *text;

  g_assert_no_error (error);
  a = single (articles, "pdf");
  text = arx_article_get_text (a);
  g_assert_cmpstr (arx_article_get_title (a), ==, "Harbour bridge approved");
  g_assert_cmpstr (arx_article_get_byline (a), ==, "Maria Okafor");
  /* running header and page numbers dropped, lines joined, hyphenation undone */
  g_assert_null (strstr (text, "Harbour Gazette"));
  /* like a text file's, the title line stays in the text */
  assert_paragraph (a, 0, "Harbour bridge approved");
  assert_paragraph (a, 1, "The city council voted on Tuesday to approve the long-debated harbour bridge, "
                    "ending a decade of argument over the crossing to the old town. Critics said the cost was "
                    "too high for a city of this size and that the money would be better spent on schools and "
                    "on the ferry service, which has lost passengers.");
  assert_paragraph (a, -1, "\"This is a day the harbour will remember,\" said the mayor, Jonas Berg, speaking after "
                    "the session, which lasted more than six hours in the town hall. Construction is expected to "
                    "begin next spring after a final review of the plans by the regional government and the port "
                    "authority.");
}

/* A one-page, two-column PDF: a full-width headline, then columns 12 pt apart whose lines
 * stand side by side (a sentence runs from the foot of the left column to the right one). */
static GBytes *
make_two_column_pdf (void)
{
  static const char *left[] = {
    "The ferry company will add an", "evening crossing on Fridays and", "Saturdays from the first of May,",
    "after a winter of complaints about", "long waits at the harbour. The", "last boat back will leave the",
    NULL };
  static const char *right[] = {
    "mainland at eleven at night, the", "operator said on Tuesday.", "", "Fares stay the same for island",
    "residents, while day visitors will", "pay a little more in summer.", NULL };
  GByteArray *out = g_byte_array_new ();
  cairo_surface_t *surface = cairo_pdf_surface_create_for_stream (append_bytes, out, 595, 842);
  cairo_t *cr = cairo_create (surface);

  cairo_select_font_face (cr, "Sans", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_BOLD);
  cairo_set_font_size (cr, 18);
  cairo_move_to (cr, 60, 80);
  cairo_show_text (cr, "Evening ferries from May");
  cairo_select_font_face (cr, "Sans", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
  cairo_set_font_size (cr, 10);
  for (guint i = 0; left[i] != NULL; i++)
    {
      cairo_move_to (cr, 60, 120 + 14 * i);
      cairo_show_text (cr, left[i]);
      cairo_move_to (cr, 60 + 170 + 12, 120 + 14 * i);
      cairo_show_text (cr, right[i]);
    }
  cairo_show_page (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  cairo_surface_destroy (surface);
  return g_byte_array_free_to_bytes (out);
}

static void
test_pdf_two_columns (void)
{
  g_autoptr(GBytes) bytes = make_two_column_pdf ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) articles = arx_import_bytes (bytes, "file:///tmp/ferries.pdf", NULL, &error);
  ArxArticle *a;

  g_assert_no_error (error);
  a = single (articles, "pdf");
  g_assert_cmpstr (arx_article_get_title (a), ==, "Evening ferries from May");
  /* the headline stays in the text (as in a text file); then the left column, then the right
   * one: not line by line across the page */
  assert_paragraph (a, 0, "Evening ferries from May");
  assert_paragraph (a, 1, "The ferry company will add an evening crossing on Fridays and Saturdays from the first "
                    "of May, after a winter of complaints about long waits at the harbour. The last boat back "
                    "will leave the mainland at eleven at night, the operator said on Tuesday.");
  assert_paragraph (a, -1, "Fares stay the same for island residents, while day visitors will pay a little more "
                    "in summer.");
}

static void
test_pdf_broken (void)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static ("%PDF-1.4\nthis is not really a PDF\n", 33);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) articles = arx_import_bytes (bytes, "file:///tmp/broken.pdf", NULL, &error);

  g_assert_null (articles);
  g_assert_error (error, ARX_ERROR, ARX_ERROR_PARSE);
  g_assert_nonnull (strstr (error->message, "broken.pdf"));
}

/* A feed with a stray "&" is recovered; every cut of the XML samples is an error or
 * articles, never a crash (under -Db_sanitize=address this also checks for leaks on the
 * recovery path). */
static void
test_xml_broken (void)
{
  static const char *const samples[] = {
    "rss/rss2sample.xml", "atom/rfc4287-1.1-extensive.atom", "nitf/nitfr-simple_article.xml",
    "newsml-g2/LISTING_2_NewsML-G2_Text_Document.xml", "jats/elife-00777.xml",
  };
  const char *stray = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>T</title>"
                      "<item><title>Cats & dogs</title><description>Rain fell all day.</description>"
                      "</item></channel></rss>";
  const char *dir = g_getenv ("ARX_FIXTURES");
  g_autoptr(GBytes) bytes = g_bytes_new_static (stray, strlen (stray));
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) articles = arx_import_bytes (bytes, "https://example.org/feed", NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (articles->len, ==, 1);
  g_assert_cmpstr (arx_article_get_text (g_ptr_array_index (articles, 0)), ==, "Rain fell all day.");

  for (guint i = 0; i < G_N_ELEMENTS (samples); i++)
    {
      g_autofree char *path = g_build_filename (dir ? dir : "tests/fixtures", "import", "samples",
                                                samples[i], NULL);
      g_autofree char *data = NULL;
      gsize len;

      g_assert_true (g_file_get_contents (path, &data, &len, NULL));
      for (guint cut = 1; cut < 8; cut++)
        {
          g_autoptr(GBytes) part = g_bytes_new (data, len * cut / 8);
          g_autoptr(GError) part_error = NULL;
          g_autoptr(GPtrArray) part_articles = arx_import_bytes (part, samples[i], NULL, &part_error);

          g_assert_true ((part_articles == NULL) != (part_error == NULL));
        }
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  arx_import_init ();

  g_test_add_func ("/arx/import/nitf/simple", test_nitf_simple);
  g_test_add_func ("/arx/import/nitf/hedline-namespace", test_nitf_hedline_namespace);
  g_test_add_func ("/arx/import/nitf/unicode", test_nitf_unicode);
  g_test_add_func ("/arx/import/newsml/nitf", test_newsml_nitf);
  g_test_add_func ("/arx/import/newsml/sports", test_newsml_sports);
  g_test_add_func ("/arx/import/newsml/fragment", test_newsml_fragment);
  g_test_add_func ("/arx/import/newsml/without-text", test_newsml_without_text);
  g_test_add_func ("/arx/import/newsml/xhtml", test_newsml_xhtml);
  g_test_add_func ("/arx/import/feed/rss", test_rss);
  g_test_add_func ("/arx/import/feed/rss-dc-content", test_rss_dc_content);
  g_test_add_func ("/arx/import/feed/atom-html", test_atom_html);
  g_test_add_func ("/arx/import/feed/rss-content-encoded", test_rss_content_encoded);
  g_test_add_func ("/arx/import/feed/atom", test_atom);
  g_test_add_func ("/arx/import/feed/atom-entries", test_atom_entries);
  g_test_add_func ("/arx/import/feed/item-limit", test_feed_item_limit);
  g_test_add_func ("/arx/import/jats", test_jats);
  g_test_add_func ("/arx/import/xml-broken", test_xml_broken);
  g_test_add_func ("/arx/import/pdf/text", test_pdf);
  g_test_add_func ("/arx/import/pdf/two-columns", test_pdf_two_columns);
  g_test_add_func ("/arx/import/pdf/broken", test_pdf_broken);

  return g_test_run ();
}
