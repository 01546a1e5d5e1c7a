/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The statements panel on a big library (run under Xvfb, by hand; not a test):
 *   xvfb-run -a build/bench/gui/bench-filter LIBRARY.db [WORDS]
 * Lists all statements of the library in the panel, then types WORDS (default "tax cuts")
 * into its filter a key at a time, 150 ms apart as a quick typist does, and scrolls.
 * Prints for each keystroke the time the main thread spent in it and when the list showed
 * the new result (or that the next key overtook it); the longest the main thread was ever
 * busy at once (a 1 ms heartbeat's longest gap, in wall time and in the main thread's CPU
 * time); and the frame times of smooth scrolling and of jumps through the list. Run it with
 * GSK_RENDERER=cairo: Xvfb has no GPU, and GL through llvmpipe measures the software
 * renderer. */
#include "config.h"

#include <time.h>

#include <adwaita.h>

#include "arx-library.h"
#include "arx-paged-statements.h"
#include "arx-window.h"
#include "window-fixture.h"          /* find_named() */

#define KEY_INTERVAL_MS 150

static GMainLoop *loop;
static gint64 last_beat, longest_gap, last_beat_cpu, longest_gap_cpu;

/* CPU time of the calling thread, in microseconds: the machine is shared, and wall time
 * there also counts the other jobs. */
static gint64
thread_cpu_time (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * G_USEC_PER_SEC + ts.tv_nsec / 1000;
}

static gboolean
on_heartbeat (gpointer data)
{
  gint64 now = g_get_monotonic_time ();
  gint64 cpu = thread_cpu_time ();

  if (last_beat > 0 && now - last_beat > longest_gap)
    longest_gap = now - last_beat;
  if (last_beat > 0 && cpu - last_beat_cpu > longest_gap_cpu)
    longest_gap_cpu = cpu - last_beat_cpu;
  last_beat = now;
  last_beat_cpu = cpu;
  return G_SOURCE_CONTINUE;
}

static void
reset_heartbeat (void)
{
  last_beat = 0;
  longest_gap = 0;
  longest_gap_cpu = 0;
}

static GListModel *
shown_list (GtkWidget *list_view)
{
  GtkSelectionModel *selection = gtk_grid_view_get_model (GTK_GRID_VIEW (list_view));

  return gtk_single_selection_get_model (GTK_SINGLE_SELECTION (selection));
}

/* Runs the main loop for @ms milliseconds, or until @until returns TRUE. */
static void
run_for (guint      ms,
         gboolean (*until) (gpointer),
         gpointer   data)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end && (until == NULL || !until (data)))
    g_main_context_iteration (NULL, FALSE);
}

static gboolean
is_loaded (gpointer list_view)
{
  GListModel *model = shown_list (list_view);

  return ARX_IS_PAGED_STATEMENTS (model) &&
         !arx_paged_statements_get_loading (ARX_PAGED_STATEMENTS (model));
}

typedef struct
{
  gint64 typed;
  gint64 first_rows;
  double handler_ms;
  double handler_cpu_ms;
} Key;

static Key *current_key;

static void
on_items_changed (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  gpointer    data)
{
  if (current_key != NULL && current_key->first_rows == 0 && position == 0)
    current_key->first_rows = g_get_monotonic_time ();
}

/* Frame times: from the frame clock's before-paint to its after-paint. */
static gint64 frame_start;
static GArray *frame_times;

static void
on_before_paint (GdkFrameClock *clock)
{
  frame_start = g_get_monotonic_time ();
}

static void
on_after_paint (GdkFrameClock *clock)
{
  double ms = (g_get_monotonic_time () - frame_start) / 1000.0;

  if (frame_times != NULL && frame_start > 0)
    g_array_append_val (frame_times, ms);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *)a, y = *(const double *)b;

  return x < y ? -1 : x > y;
}

static void
print_frames (const char *what)
{
  double *t = (double *)frame_times->data;
  guint n = frame_times->len;

  g_array_sort (frame_times, compare_doubles);
  if (n == 0)
    g_print ("%s: no frames\n", what);
  else
    g_print ("%s: %u frames, median %.1f ms, p95 %.1f ms, longest %.1f ms; main thread busy at "
             "most %.1f ms at once (%.1f ms of its CPU)\n", what, n, t[n / 2], t[(n * 95) / 100],
             t[n - 1], longest_gap / 1000.0, longest_gap_cpu / 1000.0);
  g_array_set_size (frame_times, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(ArxLibrary) library = NULL;
  g_autoptr(GError) error = NULL;
  const char *words = argc > 2 ? argv[2] : "tax cuts";
  GtkWidget *window, *entry, *list_view;
  GtkAdjustment *adjustment;
  GdkFrameClock *clock;
  gint64 start;
  guint n_all;
  g_autofree Key *keys = NULL;
  guint n_keys = strlen (words);

  if (argc < 2)
    {
      g_printerr ("usage: bench-filter LIBRARY.db [WORDS]\n");
      return 2;
    }
  adw_init ();
  loop = g_main_loop_new (NULL, FALSE);
  library = arx_library_open (argv[1], &error);
  if (library == NULL)
    g_error ("%s", error->message);
  window = GTK_WIDGET (arx_window_new (NULL, library));
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  entry = find_named (window, "statements-filter");
  list_view = find_named (window, "statements-list");
  run_for (2000, NULL, NULL);
  clock = gtk_widget_get_frame_clock (window);
  g_signal_connect (clock, "before-paint", G_CALLBACK (on_before_paint), NULL);
  g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), NULL);
  frame_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_timeout_add (1, on_heartbeat, NULL);

  /* Every statement of the library in the panel. */
  reset_heartbeat ();
  start = g_get_monotonic_time ();
  gtk_widget_activate_action (window, "win.show-speaker", "x", (gint64)ARX_SPEAKER_ANYONE);
  run_for (120000, is_loaded, list_view);
  n_all = g_list_model_get_n_items (shown_list (list_view));
  g_print ("all statements: %u listed in %.0f ms (scan in a worker thread)\n", n_all,
           (g_get_monotonic_time () - start) / 1000.0);
  print_frames ("  while listing");
  g_signal_connect (shown_list (list_view), "items-changed", G_CALLBACK (on_items_changed), NULL);

  /* Typing, a key every KEY_INTERVAL_MS. */
  keys = g_new0 (Key, n_keys);
  reset_heartbeat ();
  for (guint i = 0; i < n_keys; i++)
    {
      g_autofree char *text = g_strndup (words, i + 1);
      gint64 t0 = g_get_monotonic_time ();
      gint64 cpu0 = thread_cpu_time ();

      current_key = &keys[i];
      keys[i].typed = t0;
      /* What a key press does: the entry's text, then its search-changed (GtkSearchEntry
       * sends it after its own 150 ms pause; a test drives it at once). */
      gtk_editable_set_text (GTK_EDITABLE (entry), text);
      g_signal_emit_by_name (entry, "search-changed");
      keys[i].handler_ms = (g_get_monotonic_time () - t0) / 1000.0;
      keys[i].handler_cpu_ms = (thread_cpu_time () - cpu0) / 1000.0;
      run_for (KEY_INTERVAL_MS, i + 1 == n_keys ? is_loaded : NULL, list_view);
    }
  run_for (120000, is_loaded, list_view);
  for (guint i = 0; i < n_keys; i++)
    {
      g_autofree char *text = g_strndup (words, i + 1);
      g_autofree char *first = keys[i].first_rows > 0
        ? g_strdup_printf ("%.1f ms", (keys[i].first_rows - keys[i].typed) / 1000.0)
        : g_strdup ("- (overtaken by the next key)");

      g_print ("key %-12s main thread %.2f ms (%.2f ms CPU); rows after %s\n", text,
               keys[i].handler_ms, keys[i].handler_cpu_ms, first);
    }
  g_print ("'%s': %u of %u statements, all in %.0f ms after the last key\n", words,
           g_list_model_get_n_items (shown_list (list_view)), n_all,
           (g_get_monotonic_time () - keys[n_keys - 1].typed) / 1000.0);
  print_frames ("  while typing");
  current_key = NULL;

  /* Back to everything, then scrolling: 300 px a frame, and jumps to random places (a
   * scrollbar dragged). */
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
  g_signal_emit_by_name (entry, "search-changed");
  run_for (120000, is_loaded, list_view);
  adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (list_view));
  reset_heartbeat ();
  for (guint i = 0; i < 200; i++)
    {
      gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) + 300);
      run_for (17, NULL, NULL);
    }
  print_frames ("scrolling 300 px a frame");
  reset_heartbeat ();
  for (guint i = 0; i < 50; i++)
    {
      double upper = gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment);

      gtk_adjustment_set_value (adjustment, upper * g_random_double ());
      run_for (50, NULL, NULL);
    }
  print_frames ("jumping to 50 random places");

  gtk_window_destroy (GTK_WINDOW (window));
  return 0;
}
