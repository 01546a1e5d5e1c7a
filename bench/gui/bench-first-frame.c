/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Time to the first frame of the main window on a library (run under Xvfb, by hand):
 *   xvfb-run -a build/bench/gui/bench-first-frame LIBRARY.db
 * Prints the time from the start of the process to the window's first painted frame, and
 * the part of it spent from creating the window to that frame. Not a test. */
#include "config.h"

#include <adwaita.h>

#include "arx-library.h"
#include "arx-window.h"

static gint64 process_start, window_start;

static void
on_after_paint (GdkFrameClock *clock,
                GMainLoop     *loop)
{
  gint64 now = g_get_monotonic_time ();

  g_print ("first frame %.1f ms after start (window %.1f ms)\n",
           (now - process_start) / 1000.0, (now - window_start) / 1000.0);
  g_signal_handlers_disconnect_by_func (clock, on_after_paint, loop);
  g_main_loop_quit (loop);
}

static void
on_map (GtkWidget *window,
        GMainLoop *loop)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (window);

  g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), loop);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  g_autoptr(ArxLibrary) library = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *window;

  process_start = g_get_monotonic_time ();
  if (argc != 2)
    {
      g_printerr ("usage: bench-first-frame LIBRARY.db\n");
      return 2;
    }
  adw_init ();
  library = arx_library_open (argv[1], &error);
  if (library == NULL)
    g_error ("%s", error->message);
  window_start = g_get_monotonic_time ();
  window = GTK_WIDGET (arx_window_new (NULL, library));
  g_signal_connect (window, "map", G_CALLBACK (on_map), loop);
  gtk_window_present (GTK_WINDOW (window));
  g_main_loop_run (loop);
  gtk_window_destroy (GTK_WINDOW (window));
  return 0;
}
