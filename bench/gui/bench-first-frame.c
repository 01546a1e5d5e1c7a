/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Time to the first frame of Article Explorer on a library (run under Xvfb, by hand):
 *   xvfb-run -a build/bench/gui/bench-first-frame LIBRARY.db
 * Starts the application itself (ArxApplication, as `article-explorer --library LIBRARY.db`
 * starts) in a new process and prints the time from just before that process was executed
 * (loading the libraries included) to the main window's first painted frame, the same from
 * the process's main(), and the CPU time the process used until then. Not a test. */
#include "config.h"

#include <locale.h>
#include <sys/resource.h>
#include <unistd.h>

#include <glib/gi18n.h>
#include <adwaita.h>

#include "arx-application.h"
#include "arx-window.h"

static gint64 exec_time, main_time;

static void
on_after_paint (GdkFrameClock  *clock,
                GApplication   *app)
{
  gint64 now = g_get_monotonic_time ();
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  g_print ("first frame %.1f ms after exec, %.1f ms after main; %.1f ms of CPU\n",
           (now - exec_time) / 1000.0, (now - main_time) / 1000.0,
           (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1000.0 +
           (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1000.0);
  g_signal_handlers_disconnect_by_func (clock, on_after_paint, app);
  g_application_quit (app);
}

static void
on_map (GtkWidget    *window,
        GApplication *app)
{
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint",
                    G_CALLBACK (on_after_paint), app);
}

static void
on_window_added (GtkApplication *app,
                 GtkWindow      *window)
{
  if (ARX_IS_WINDOW (window))
    g_signal_connect (window, "map", G_CALLBACK (on_map), app);
}

int
main (int   argc,
      char *argv[])
{
  const char *t0 = g_getenv ("ARX_BENCH_EXEC_TIME");
  g_autoptr(ArxApplication) app = NULL;
  char *app_argv[] = { "article-explorer", "--library", NULL, NULL };

  main_time = g_get_monotonic_time ();
  if (argc != 2)
    {
      g_printerr ("usage: bench-first-frame LIBRARY.db\n");
      return 2;
    }
  /* First run: note the time and start the measured process. */
  if (t0 == NULL)
    {
      g_autofree char *now = g_strdup_printf ("%" G_GINT64_FORMAT, g_get_monotonic_time ());

      g_setenv ("ARX_BENCH_EXEC_TIME", now, TRUE);
      execv ("/proc/self/exe", argv);
      g_error ("cannot run myself again: %s", g_strerror (errno));
    }
  exec_time = g_ascii_strtoll (t0, NULL, 10);
  /* What main.c does before the application runs. */
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  app_argv[2] = argv[1];
  app = arx_application_new ();
  g_signal_connect (app, "window-added", G_CALLBACK (on_window_added), NULL);
  return g_application_run (G_APPLICATION (app), 3, app_argv);
}
