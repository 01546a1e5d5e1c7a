/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <adwaita.h>

#include "arx-display.h"
#include "arx-i18n.h"
#include "arx-library.h"
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
  return g_test_run ();
}
