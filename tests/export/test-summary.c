/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>
#include <glib/gstdio.h>
#include <poppler.h>

#include "arx-summary.h"

/* A small hand-made analysis, so these tests do not depend on the analyzer's output. */
static void
build (ArxArticle  **out_article,
       ArxAnalysis **out_analysis)
{
  ArxArticle *article = arx_article_new ();
  ArxAnalysis *analysis = arx_analysis_new ();
  const char *text;
  ArxStatement *st;
  ArxEntity *ann;

  arx_article_set_title (article, "Bridge <plans> & \"costs\"");
  arx_article_set_site (article, "Example News");
  arx_article_add_paragraph (article, "“We will rebuild it, \"soon\",” Ann Lee said.", -1);
  arx_article_add_paragraph (article, "Critics said the plan is too costly.", -1);
  text = arx_article_get_text (article);

  ann = arx_analysis_add_entity (analysis, ARX_ENTITY_PERSON, "Ann Lee");
  arx_entity_add_mention (ann, strstr (text, "Ann") - text, strstr (text, " said") - text);
  st = arx_analysis_add_statement (analysis, ARX_STATEMENT_DIRECT, 0, strstr (text, " Ann") - text);
  arx_statement_set_speaker (st, 0, "Ann Lee");
  st->cue_start = strstr (text, "said") - text;
  st->cue_end = st->cue_start + 4;
  st->confidence = 0.9;
  arx_analysis_add_statement (analysis, ARX_STATEMENT_INDIRECT,
                              strstr (text, "the plan") - text, strlen (text) - 1);
  arx_analysis_number (analysis);

  *out_article = article;
  *out_analysis = analysis;
}

static void
test_markdown (void)
{
  g_autoptr(ArxArticle) article = NULL;
  g_autoptr(ArxAnalysis) analysis = NULL;
  g_autofree char *md = NULL;

  build (&article, &analysis);
  md = arx_summary_markdown (article, analysis);
  g_assert_cmpstr (md, ==,
                   "# Bridge <plans> & \"costs\"\n\n"
                   "- Site: Example News\n\n"
                   "## Entities\n\n- person: Ann Lee\n\n"
                   "## Statements\n\n"
                   "### Ann Lee\n\n- (direct) “We will rebuild it, \"soon\",”\n\n"
                   "### (no speaker)\n\n- (indirect) the plan is too costly\n");
}

static void
test_html_escapes (void)
{
  g_autoptr(ArxArticle) article = NULL;
  g_autoptr(ArxAnalysis) analysis = NULL;
  g_autofree char *html = NULL;

  build (&article, &analysis);
  html = arx_summary_html (article, analysis);
  g_assert_nonnull (strstr (html, "<h1>Bridge &lt;plans&gt; &amp; &quot;costs&quot;</h1>"));
  g_assert_nonnull (strstr (html, "<h3>Ann Lee</h3>"));
  g_assert_null (strstr (html, "<plans>"));
  /* the charts, drawn inline, with their numbers in a table */
  g_assert_nonnull (strstr (html, "<figure class=\"chart\">\n<svg"));
  g_assert_nonnull (strstr (html, "<caption>Statements by speaker</caption>"));
  g_assert_nonnull (strstr (html, "<tr><td>Ann Lee</td><td>1</td></tr>"));
  g_assert_nonnull (strstr (html, "<tr><td>no speaker</td><td>1</td></tr>"));
}

static void
test_csv_quotes (void)
{
  g_autoptr(ArxArticle) article = NULL;
  g_autoptr(ArxAnalysis) analysis = NULL;
  g_autofree char *csv = NULL;
  g_auto(GStrv) rows = NULL;

  build (&article, &analysis);
  csv = arx_summary_csv (article, analysis);
  rows = g_strsplit (csv, "\r\n", -1);
  g_assert_cmpuint (g_strv_length (rows), ==, 4);   /* header, 2 rows, empty tail */
  g_assert_cmpstr (rows[0], ==, "speaker,kind,text,cue,mention,rule,confidence,start,end");
  g_assert_true (g_str_has_prefix (rows[1],
                                   "\"Ann Lee\",\"direct\",\"“We will rebuild it, \"\"soon\"\",”\",\"said\""));
  g_assert_true (g_str_has_prefix (rows[2], "\"\",\"indirect\",\"the plan is too costly\""));
}

static void
test_formats_by_name (void)
{
  ArxSummaryFormat format;

  g_assert_true (arx_summary_format_from_name ("report.PDF", &format));
  g_assert_cmpint (format, ==, ARX_SUMMARY_PDF);
  g_assert_true (arx_summary_format_from_name ("csv", &format));
  g_assert_cmpint (format, ==, ARX_SUMMARY_CSV);
  g_assert_false (arx_summary_format_from_name ("notes.txt", &format));
}

/* The PDF is read back with poppler: the speaker and the quote are on page 1, the charts on
 * page 2. */
static void
test_pdf (void)
{
  g_autoptr(ArxArticle) article = NULL;
  g_autoptr(ArxAnalysis) analysis = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("arx-export-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "summary.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *uri = g_file_get_uri (file);
  PopplerDocument *document;
  PopplerPage *page;
  g_autofree char *text = NULL;

  build (&article, &analysis);
  g_assert_true (arx_summary_save (article, analysis, ARX_SUMMARY_PDF, file, &error));
  g_assert_no_error (error);

  document = poppler_document_new_from_file (uri, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (poppler_document_get_n_pages (document), ==, 2);
  page = poppler_document_get_page (document, 0);
  text = poppler_page_get_text (page);
  g_assert_nonnull (strstr (text, "Ann Lee"));
  g_assert_nonnull (strstr (text, "rebuild it"));
  g_assert_nonnull (strstr (text, "Statements (2)"));
  g_object_unref (page);
  g_clear_pointer (&text, g_free);
  page = poppler_document_get_page (document, 1);
  text = poppler_page_get_text (page);
  g_assert_nonnull (strstr (text, "Statements by speaker"));
  g_assert_nonnull (strstr (text, "Statements by kind"));
  g_assert_nonnull (strstr (text, "Who speaks"));
  g_assert_nonnull (strstr (text, "Ann Lee"));
  g_object_unref (page);
  g_object_unref (document);

  g_unlink (path);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/arx/summary/markdown", test_markdown);
  g_test_add_func ("/arx/summary/html-escapes", test_html_escapes);
  g_test_add_func ("/arx/summary/csv-quotes", test_csv_quotes);
  g_test_add_func ("/arx/summary/formats-by-name", test_formats_by_name);
  g_test_add_func ("/arx/summary/pdf", test_pdf);
  return g_test_run ();
}
