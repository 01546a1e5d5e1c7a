/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>
#include <glib/gstdio.h>
#include <adwaita.h>

#include "arx-display.h"
#include "arx-gender.h"
#include "arx-i18n.h"
#include "arx-library.h"
#include "arx-statement-item.h"
#include "arx-window.h"

/* The app follows LANGUAGE: with the catalogues the build compiled from po/ (ARX_LOCALEDIR,
 * see tests/README.md) and LANGUAGE=de, the window's templates and the labels made in C are
 * German. main() sets the environment and binds the text domain as the app's main() does. */

static AdwStatusPage *
find_status_page (GtkWidget *widget)
{
  if (ADW_IS_STATUS_PAGE (widget))
    return ADW_STATUS_PAGE (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      AdwStatusPage *found = find_status_page (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
test_window_german (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("arx-gui-i18n-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "library.db", NULL);
  g_autoptr(ArxLibrary) library = NULL;
  ArxWindow *window;
  AdwStatusPage *empty;

  g_assert_no_error (error);
  library = arx_library_open (path, &error);
  g_assert_no_error (error);
  window = arx_window_new (NULL, library);
  gtk_window_present (GTK_WINDOW (window));

  /* an empty library shows the status page of ui/arx-window.ui */
  empty = find_status_page (GTK_WIDGET (window));
  g_assert_nonnull (empty);
  g_assert_cmpstr (adw_status_page_get_title (empty), ==, "Noch keine Artikel");

  gtk_window_destroy (GTK_WINDOW (window));
  g_clear_object (&library);
  g_remove (path);
  g_rmdir (dir);
}

static void
test_labels_german (void)
{
  g_autofree char *untitled = arx_display_title (NULL, NULL);

  g_assert_cmpstr (untitled, ==, "Artikel ohne Titel");
  g_assert_cmpstr (arx_display_kind ("forum"), ==, "Forumsbeitrag");
  g_assert_cmpstr (arx_display_statement_kind (ARX_STATEMENT_DIRECT), ==, "direktes Zitat");
  g_assert_cmpstr (arx_display_statement_kind (ARX_STATEMENT_INDIRECT), ==, "indirekte Rede");
  g_assert_cmpstr (g_dngettext (GETTEXT_PACKAGE, "%u statement", "%u statements", 1), ==,
                   "%u Aussage");
  g_assert_cmpstr (g_dngettext (GETTEXT_PACKAGE, "%u statement", "%u statements", 2), ==,
                   "%u Aussagen");
}

/* What the app says about one statement and one person is German too, down to the rule that
 * found the speaker, the evidence for a gender and what a correction did. */
static void
test_explanations_german (void)
{
  const char *text = "“We will,” said Ann Lee, and she left.";
  ArxStatement statement = { 0 };
  ArxGenderEvidence evidence = { 0 };
  g_autoptr(ArxStatementItem) item = NULL;
  g_autofree char *why = NULL;
  g_autofree char *because = NULL;

  statement.kind = ARX_STATEMENT_DIRECT;
  statement.start = 0;
  statement.end = strlen ("“We will,”");
  statement.speaker = 0;
  statement.speaker_name = (char *)"Ann Lee";
  statement.cue_start = statement.end + 1;
  statement.cue_end = statement.cue_start + strlen ("said");
  statement.mention_start = statement.cue_end + 1;
  statement.mention_end = statement.mention_start + strlen ("Ann Lee");
  statement.rule = (char *)"inverted";
  statement.confidence = 0.9;
  item = arx_statement_item_new (&statement, text, 0);
  why = arx_statement_item_dup_explanation (item);
  g_assert_cmpstr (why, ==, "direktes Zitat · “said” · nachgestellt · 90%");
  g_assert_cmpstr (arx_display_rule ("according-to"), ==, "„laut“");
  /* a rule this build does not know shows as it is */
  g_assert_cmpstr (arx_display_rule ("new-rule"), ==, "new-rule");

  arx_gender_evidence_add_name (&evidence, "Mary Lee");
  g_assert_true (arx_gender_evidence_add_pronoun (&evidence, "she", -1));
  g_assert_true (arx_gender_evidence_add_pronoun (&evidence, "she", -1));
  because = arx_gender_describe (&evidence);
  g_assert_cmpstr (because, ==, "Vorname Mary; „she“ ×2");
  arx_gender_evidence_clear (&evidence);
}

static void
test_corrections_german (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("arx-gui-i18n-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "library.db", NULL);
  g_autoptr(ArxLibrary) library = NULL;
  g_autoptr(ArxArticle) article = arx_article_new ();
  g_autoptr(ArxAnalysis) analysis = arx_analysis_new ();  /* the analyzer found nothing */
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *undone = NULL;
  gint64 id = 0;

  g_assert_no_error (error);
  library = arx_library_open (path, &error);
  g_assert_no_error (error);
  arx_article_set_title (article, "Ferry");
  arx_article_add_paragraph (article, "The harbour master said the ferry would run again on Monday.", -1);
  g_assert_true (arx_library_add (library, article, analysis, &id, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (arx_library_correct_add_statement (library, id, 4, 32, ARX_STATEMENT_INDIRECT,
                                                      "Tove Lund", &error), >, 0);
  g_assert_no_error (error);

  rows = arx_library_list_corrections (library, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 1);
  g_assert_cmpstr (((ArxCorrectionRow *)g_ptr_array_index (rows, 0))->kind, ==, "add-statement");
  g_assert_cmpstr (((ArxCorrectionRow *)g_ptr_array_index (rows, 0))->description, ==,
                   "Aussage 4–32 hinzugefügt, von Tove Lund");
  g_assert_true (arx_library_undo_correction (library, &undone, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (undone, ==, "Aussage 4–32 hinzugefügt, von Tove Lund");

  g_clear_object (&library);
  g_remove (path);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_assert_nonnull (g_getenv ("ARX_PO_BUILDDIR"));
  g_setenv ("ARX_LOCALEDIR", g_getenv ("ARX_PO_BUILDDIR"), TRUE);
  g_setenv ("LANGUAGE", "de", TRUE);
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  /* after gtk_test_init, which sets its own locale */
  arx_i18n_init ();

  g_test_add_func ("/arx/gui/i18n/window-german", test_window_german);
  g_test_add_func ("/arx/gui/i18n/labels-german", test_labels_german);
  g_test_add_func ("/arx/gui/i18n/explanations-german", test_explanations_german);
  g_test_add_func ("/arx/gui/i18n/corrections-german", test_corrections_german);
  return g_test_run ();
}
