/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <gtk/gtk.h>

#include "arx-import.h"
#include "arx-library.h"
#include "arx-window.h"
#include "arx-window-private.h"

/* The window's size and maximised state live in GSettings (the memory backend here): a new
 * window opens the size the last one was left, and a first start on a small screen opens
 * maximised. (Xvfb has no window manager, so the maximised state itself cannot be seen
 * here.) */

typedef struct
{
  char       *dir;
  ArxLibrary *library;
  GSettings  *settings;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  f->dir = g_dir_make_tmp ("arx-gui-state-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (f->dir, "library.db", NULL);
  f->library = arx_library_open (path, &error);
  g_assert_no_error (error);
  f->settings = g_settings_new (APPLICATION_ID);
  g_settings_reset (f->settings, "window-width");
  g_settings_reset (f->settings, "window-height");
  g_settings_reset (f->settings, "window-maximized");
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GDir) dir = g_dir_open (f->dir, 0, NULL);
  const char *name;

  g_clear_object (&f->settings);
  g_clear_object (&f->library);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (f->dir, name, NULL);

      g_unlink (child);
    }
  g_rmdir (f->dir);
  g_free (f->dir);
}

static void
close_window (ArxWindow *window)
{
  gtk_window_destroy (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* The default size is 1200 × 780. */
static void
test_first_start_small_screen (Fixture       *f,
                               gconstpointer  data)
{
  g_assert_false (_arx_window_opens_maximized (f->settings, 1920, 1080));
  g_assert_false (_arx_window_opens_maximized (f->settings, 1400, 900));
  g_assert_true (_arx_window_opens_maximized (f->settings, 1366, 768));
  g_assert_true (_arx_window_opens_maximized (f->settings, 1280, 800));
  g_assert_true (_arx_window_opens_maximized (f->settings, 1024, 1366));

  /* once the user left a window at some size, that size is used, even on a small screen */
  g_settings_set_int (f->settings, "window-width", 1000);
  g_assert_false (_arx_window_opens_maximized (f->settings, 1366, 768));
  g_settings_reset (f->settings, "window-width");
  g_settings_set_boolean (f->settings, "window-maximized", FALSE);
  g_assert_false (_arx_window_opens_maximized (f->settings, 1366, 768));
}

static void
test_size_remembered (Fixture       *f,
                      gconstpointer  data)
{
  ArxWindow *window = arx_window_new (NULL, f->library);
  int width = 0, height = 0;

  gtk_window_present (GTK_WINDOW (window));
  gtk_window_set_default_size (GTK_WINDOW (window), 900, 640);
  close_window (window);
  g_assert_cmpint (g_settings_get_int (f->settings, "window-width"), ==, 900);
  g_assert_cmpint (g_settings_get_int (f->settings, "window-height"), ==, 640);

  window = arx_window_new (NULL, f->library);
  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
  g_assert_cmpint (width, ==, 900);
  g_assert_cmpint (height, ==, 640);
  close_window (window);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  arx_import_init ();

  g_test_add ("/arx/window/state/first-start-small-screen", Fixture, NULL, fixture_set_up,
              test_first_start_small_screen, fixture_tear_down);
  g_test_add ("/arx/window/state/size-remembered", Fixture, NULL, fixture_set_up,
              test_size_remembered, fixture_tear_down);
  return g_test_run ();
}
