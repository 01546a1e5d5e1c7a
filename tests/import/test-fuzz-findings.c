/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What the fuzz targets (tests/fuzz) found in the readers, one case per finding, each
 * reduced to its shape by hand. Run them in the sanitizer build too: some findings are
 * reads past the input that only AddressSanitizer sees. */
#include "config.h"

#include <string.h>

#include "arx-core.h"
#include "arx-import.h"
#include "arx-jsonl.h"

/* @text's bytes with more bytes after them that are not part of the input: readers must stop
 * at the length, not at a NUL. */
static GPtrArray *
import_exact (const char  *text,
              const char  *beyond,
              const char  *uri,
              GError     **error)
{
  gsize len = strlen (text);
  g_autofree char *buffer = g_strconcat (text, beyond, NULL);
  g_autoptr(GBytes) whole = g_bytes_new_take (g_steal_pointer (&buffer), len + strlen (beyond));
  g_autoptr(GBytes) bytes = g_bytes_new_from_bytes (whole, 0, len);

  return arx_import_bytes (bytes, uri, NULL, error);
}

static ArxArticle *
single (GPtrArray    *articles,
        const GError *error)
{
  g_assert_no_error (error);
  g_assert_nonnull (articles);
  g_assert_cmpuint (articles->len, ==, 1);
  return g_ptr_array_index (articles, 0);
}

/* fuzz-newsml: text/plain inlineData with bytes that are not UTF-8 (the document is then
 * recovered and keeps them) crashed in the paragraph split (GRegex returns NULL). */
static void
test_newsml_invalid_utf8 (void)
{
  static const char xml[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<newsItem xmlns=\"http://iptc.org/std/nar/2006-10-01/\">\n"
    "<contentMeta><headline>Ferry returns</headline></contentMeta>\n"
    "<contentSet><inlineData contenttype=\"text/plain\">The ferry \xff\xfe runs again.\n\n"
    "It leaves at nine.</inlineData></contentSet>\n"
    "</newsItem>\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) articles = import_exact (xml, "", "file:///tmp/ferry.xml", &error);
  ArxArticle *a = single (articles, error);
  guint n;

  g_assert_cmpstr (arx_article_get_title (a), ==, "Ferry returns");
  g_assert_true (g_utf8_validate (arx_article_get_text (a), -1, NULL));
  g_assert_nonnull (strstr (arx_article_get_text (a), "It leaves at nine."));
  arx_article_get_paragraphs (a, &n);
  g_assert_cmpuint (n, ==, 2);
}

/* fuzz-feed: the same in an Atom entry's plain-text content. */
static void
test_atom_invalid_utf8 (void)
{
  static const char xml[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>Harbour</title>"
    "<entry><title>Ferry returns</title><content type=\"text\">The ferry \xff runs again.\n\n"
    "It leaves at nine.</content></entry></feed>\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) articles = import_exact (xml, "", "file:///tmp/ferry.atom", &error);
  ArxArticle *a = single (articles, error);

  g_assert_true (g_utf8_validate (arx_article_get_text (a), -1, NULL));
  g_assert_nonnull (strstr (arx_article_get_text (a), "It leaves at nine."));
}

/* fuzz-nitf: bytes that are not UTF-8 in a recovered document's attribute reached GRegex
 * (the date parser), whose JIT in GLib 2.74 crashes on invalid UTF-8. */
static void
test_nitf_invalid_utf8_attribute (void)
{
  g_autoptr(GString) xml = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                                         "<nitf><head><title>Harbour bridge \xc3 opens</title>"
                                         "<docdata><date.issue norm=\"2");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) articles = NULL;
  ArxArticle *a;

  /* the shape the fuzzer found: runs of bytes that never start a UTF-8 character */
  for (guint i = 0; i < 67; i++)
    g_string_append_c (xml, '\xff');
  for (guint i = 0; i < 127; i++)
    g_string_append_c (xml, '\xdb');
  for (guint i = 0; i < 60; i++)
    g_string_append_c (xml, '\xff');
  g_string_append (xml, "0241215\"/></docdata></head>"
                   "<body><body.head><hedline><hl1>Harbour bridge opens</hl1></hedline></body.head>"
                   "<body.content><p>The bridge \xff opened on Monday, the council said.</p>"
                   "</body.content></body></nitf>\n");
  articles = import_exact (xml->str, "", "file:///tmp/bridge.xml", &error);
  a = single (articles, error);
  g_assert_cmpstr (arx_article_get_title (a), ==, "Harbour bridge opens");
  g_assert_true (g_utf8_validate (arx_article_get_text (a), -1, NULL));
  g_assert_nonnull (strstr (arx_article_get_text (a), "opened on Monday"));
}

/* fuzz-html: a "saved from url=(" comment looked for its ")" and the comment's end past the
 * input's last byte. */
static void
test_html_saved_from_at_end (void)
{
  static const char page[] =
    "<html><body><p>The harbour bridge opened on a grey morning, and the first cars crossed "
    "it before seven.</p></body></html>\n<!-- saved from url=(0042)https://example.org/2021/05/06/bridge";
  static const char cut[] =
    "<html><body><p>The harbour bridge opened on a grey morning, and the first cars crossed "
    "it before seven.</p></body></html>\n<!-- saved from url=(0042";
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) articles = import_exact (page, "-->", "file:///tmp/bridge.html", &error);
  g_autoptr(GPtrArray) cut_articles = NULL;
  ArxArticle *a = single (articles, error);

  /* the address runs to the last byte: all of it, nothing after it */
  g_assert_cmpstr (arx_article_get_published (a), ==, "2021-05-06");

  /* the ")" exists only after the input: no address at all */
  cut_articles = import_exact (cut, ")https://example.org/2021/05/06/bridge -->",
                               "file:///tmp/bridge.html", &error);
  a = single (cut_articles, error);
  g_assert_null (arx_article_get_published (a));
}

/* fuzz-jsonl: an escaped lone surrogate decodes to bytes that are not UTF-8. As the id of a
 * broken line it was echoed into the output line, and json-glib quotes such bytes in its
 * error message, which the output line carries too. Both stay UTF-8 now. */
static void
test_jsonl_surrogate_id (void)
{
  /* json-glib reads "\ud800b" as three bytes that are not UTF-8, and refuses "\ud800" */
  static const char line[] = "{\"id\": \"a\\ud800b\", \"text\": \"The ferry runs again, the council said.\"}";
  static const char bad[] = "{\"id\": \"a\\ud800\", \"text\": \"The ferry runs again.\"}";
  static const char broken[] = "{\"id\": \"b\\ud800b\", \"text\": ";
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  g_autofree char *bad_id = NULL;
  g_autofree char *peeked = NULL;
  g_autoptr(ArxArticle) article = NULL;
  g_autoptr(ArxArticle) bad_article = NULL;
  ArxImportLimits limits;

  arx_import_limits_init (&limits);
  article = arx_jsonl_read_request (line, strlen (line), &limits, &id, &error);
  g_assert_no_error (error);
  g_assert_nonnull (article);
  g_assert_cmpstr (id, ==, "null");

  bad_article = arx_jsonl_read_request (bad, strlen (bad), &limits, &bad_id, &error);
  g_assert_null (bad_article);
  g_assert_error (error, ARX_ERROR, ARX_ERROR_PARSE);
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
  g_assert_true (bad_id == NULL || g_utf8_validate (bad_id, -1, NULL));

  peeked = arx_jsonl_peek_id (broken, strlen (broken));
  g_assert_null (peeked);
}

/* fuzz-library: two objects on one line made json-glib leak the second, and an escaped
 * surrogate in the text must not reach arx_article_set_text (UTF-8 only). Both lines are
 * refused with a reason. */
static void
test_jsonl_analysis_refused (void)
{
  static const char *const lines[] = {
    "{\"schema\": \"arx-analysis/1\", \"article\": {\"text\": \"Ferry \\ud800b returns\"}, "
    "\"entities\": [], \"statements\": []}",
    "{\"schema\": \"arx-analysis/1\", \"article\": {\"text\": \"Ferry returns\"}, "
    "\"entities\": [], \"statements\": []}{\"a\": {\"b\": [1]}}",
  };

  for (guint i = 0; i < G_N_ELEMENTS (lines); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(ArxArticle) article = NULL;
      g_autoptr(ArxAnalysis) analysis = NULL;

      g_assert_false (arx_jsonl_read_analysis (lines[i], strlen (lines[i]), &article, &analysis, NULL,
                                               &error));
      g_assert_error (error, ARX_ERROR, ARX_ERROR_PARSE);
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
      g_assert_null (article);
    }
}

/* fuzz-jsonl: a number right before an object ("1e3{…}") is two values too, which json-glib
 * parses and leaks; it was counted as one because the object followed the number without a
 * space. Refused like any other line of two values. */
static void
test_jsonl_scalar_then_object (void)
{
  static const char *const lines[] = {
    "1e3{\"id\": 1, \"text\": \"The ferry waited until noon.\"}",
    "true[\"The ferry waited.\"]",
    "{\"id\": 2, \"text\": \"The ferry waited.\"}7",
    "null\"The ferry\"",
  };
  ArxImportLimits limits;

  arx_import_limits_init (&limits);
  for (guint i = 0; i < G_N_ELEMENTS (lines); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *id = NULL;
      g_autoptr(ArxArticle) article = NULL;

      article = arx_jsonl_read_request (lines[i], strlen (lines[i]), &limits, &id, &error);
      g_assert_null (article);
      g_assert_error (error, ARX_ERROR, ARX_ERROR_PARSE);
      g_assert_nonnull (strstr (error->message, "more than one value"));
    }
}

/* fuzz-jsonl: an escaped high surrogate followed by an escape that is no low surrogate
 * ("\ud800\ud800") made json-glib leak its string buffer. Such lines are refused before
 * parsing; a real pair (an emoji) still reads. */
static void
test_jsonl_broken_surrogate_pair (void)
{
  static const char request[] = "{\"id\": 3, \"text\": \"The ferry \\ud800\\ud800 waited.\"}";
  static const char analysis_line[] = "{\"schema\": \"arx-analysis/1\", \"article\": {\"text\": "
                                      "\"Ferry \\udbff\\u0041 returns\"}, \"entities\": [], \"statements\": []}";
  static const char pair[] = "{\"id\": 4, \"text\": \"The ferry \\ud83d\\ude00 waited, the council said.\"}";
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) analysis_error = NULL;
  g_autofree char *id = NULL;
  g_autofree char *pair_id = NULL;
  g_autoptr(ArxArticle) article = NULL;
  g_autoptr(ArxArticle) pair_article = NULL;
  g_autoptr(ArxArticle) analysed = NULL;
  g_autoptr(ArxAnalysis) analysis = NULL;
  ArxImportLimits limits;

  arx_import_limits_init (&limits);
  article = arx_jsonl_read_request (request, strlen (request), &limits, &id, &error);
  g_assert_null (article);
  g_assert_error (error, ARX_ERROR, ARX_ERROR_PARSE);
  g_assert_nonnull (strstr (error->message, "surrogate"));

  g_assert_false (arx_jsonl_read_analysis (analysis_line, strlen (analysis_line), &analysed, &analysis, NULL,
                                           &analysis_error));
  g_assert_error (analysis_error, ARX_ERROR, ARX_ERROR_PARSE);
  g_assert_nonnull (strstr (analysis_error->message, "surrogate"));

  pair_article = arx_jsonl_read_request (pair, strlen (pair), &limits, &pair_id, NULL);
  g_assert_nonnull (pair_article);
  g_assert_nonnull (strstr (arx_article_get_text (pair_article), "\xf0\x9f\x98\x80"));
}

/* fuzz-mhtml: a single-part message (Content-Type text/html) with a boundary parameter leaked
 * the boundary (seen by LeakSanitizer in the sanitizer build); its body is the page. */
static void
test_mhtml_single_part_with_boundary (void)
{
  static const char message[] =
    "MIME-Version: 1.0\r\nContent-Type: text/html; charset=utf-8; boundary=\"----x\"\r\n\r\n"
    "<html><head><title>Ferry returns</title></head><body><article><p>The ferry runs again from "
    "Monday, the council said on Friday after repairs to the pier.</p></article></body></html>\r\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) articles = import_exact (message, "------x--", "saved.mhtml", &error);
  ArxArticle *article = single (articles, error);

  g_assert_nonnull (strstr (arx_article_get_text (article), "The ferry runs again"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  arx_import_init ();
  g_test_add_func ("/arx/import/fuzz/newsml-invalid-utf8", test_newsml_invalid_utf8);
  g_test_add_func ("/arx/import/fuzz/atom-invalid-utf8", test_atom_invalid_utf8);
  g_test_add_func ("/arx/import/fuzz/nitf-invalid-utf8-attribute", test_nitf_invalid_utf8_attribute);
  g_test_add_func ("/arx/import/fuzz/html-saved-from-at-end", test_html_saved_from_at_end);
  g_test_add_func ("/arx/import/fuzz/jsonl-surrogate-id", test_jsonl_surrogate_id);
  g_test_add_func ("/arx/import/fuzz/jsonl-analysis-refused", test_jsonl_analysis_refused);
  g_test_add_func ("/arx/import/fuzz/jsonl-scalar-then-object", test_jsonl_scalar_then_object);
  g_test_add_func ("/arx/import/fuzz/jsonl-broken-surrogate-pair", test_jsonl_broken_surrogate_pair);
  g_test_add_func ("/arx/import/fuzz/mhtml-single-part-with-boundary", test_mhtml_single_part_with_boundary);
  return g_test_run ();
}
