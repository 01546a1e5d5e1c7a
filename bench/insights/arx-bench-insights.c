/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Insights benchmark, run by hand (not a test): on an existing library (bench-store builds
 * one of 10k articles), times the stats of the whole library, a tag-free date range and one
 * article, the speaker profile of the top speaker, the provenance listing, and drawing each
 * Insights chart (median of --runs), wall time and the CPU time of this thread (the machine
 * may be loaded). See bench/insights/README.md. */
#include "config.h"

#include <stdio.h>
#include <time.h>

#include "arx-autocleanups.h"
#include "arx-insights-charts.h"
#include "arx-library-insights.h"

static char *library_path = NULL;
static int n_runs = 20;

static GOptionEntry entries[] = {
  { "library", 'l', 0, G_OPTION_ARG_FILENAME, &library_path, "The library to read", "PATH" },
  { "runs", 'r', 0, G_OPTION_ARG_INT, &n_runs, "Runs per measure (default 20)", "N" },
  { NULL }
};

static int
compare_double (gconstpointer a,
                gconstpointer b)
{
  double x = *(const double *)a, y = *(const double *)b;

  return (x > y) - (x < y);
}

/* A measure's times: wall and CPU, in ms. */
typedef struct
{
  GArray *wall;
  GArray *cpu;
} Times;

static void
times_init (Times *times)
{
  times->wall = g_array_new (FALSE, FALSE, sizeof (double));
  times->cpu = g_array_new (FALSE, FALSE, sizeof (double));
}

static double
cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

static double
now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

/* What a measure started at: pass to times_add() when it ends. */
typedef struct
{
  double wall;
  double cpu;
} Start;

static Start
start_timing (void)
{
  return (Start){ now_ms (), cpu_ms () };
}

static void
times_add (Times *times,
           Start  start)
{
  double wall = now_ms () - start.wall, cpu = cpu_ms () - start.cpu;

  g_array_append_val (times->wall, wall);
  g_array_append_val (times->cpu, cpu);
}

static double
percentile (GArray *values,
            guint   percent)
{
  g_array_sort (values, compare_double);
  return g_array_index (values, double, MIN (values->len - 1, values->len * percent / 100));
}

static void
report (const char *what,
        Times      *times,
        const char *detail)
{
  printf ("  %-34s median %8.2f ms  p95 %8.2f ms  CPU median %8.2f ms  %s\n", what,
          percentile (times->wall, 50), percentile (times->wall, 95),
          percentile (times->cpu, 50), detail);
  g_array_set_size (times->wall, 0);
  g_array_set_size (times->cpu, 0);
}

static void
times_clear (Times *times)
{
  g_array_unref (times->wall);
  g_array_unref (times->cpu);
}

static void
time_stats (ArxLibrary     *library,
            const char     *what,
            const ArxScope *scope)
{
  g_autofree char *detail = NULL;
  Times times;

  times_init (&times);
  for (int i = 0; i < n_runs; i++)
    {
      g_autoptr(GError) error = NULL;
      Start start = start_timing ();
      g_autoptr(ArxStats) stats = arx_library_stats (library, scope, &error);

      times_add (&times, start);
      if (stats == NULL)
        g_error ("%s: %s", what, error->message);
      if (detail == NULL)
        detail = g_strdup_printf ("%u articles, %u statements, %u speakers", stats->n_articles,
                                  stats->n_statements, stats->speakers->len);
    }
  report (what, &times, detail);
  times_clear (&times);
}

static void
time_charts (ArxLibrary *library)
{
  static const char *names[ARX_N_INSIGHTS_CHARTS] = {
    "top speakers", "statements by kind", "speaker kinds", "organisations", "gender over time"
  };
  ArxScope all = { 0, };
  g_autoptr(ArxStats) stats = arx_library_stats (library, &all, NULL);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 800, 600);
  cairo_t *cr = cairo_create (surface);
  PangoContext *context = pango_cairo_create_context (cr);
  ArxChartColors colors;
  Times times;

  times_init (&times);
  arx_chart_colors_init (&colors, FALSE);
  for (ArxInsightsChart c = 0; c < ARX_N_INSIGHTS_CHARTS; c++)
    {
      g_autoptr(GArray) bars = arx_insights_bars_new ();
      g_autofree char *label = g_strdup_printf ("draw chart: %s", names[c]);
      g_autofree char *detail = NULL;

      for (int i = 0; i < n_runs; i++)
        {
          Start start = start_timing ();
          g_autoptr(ArxChartData) data = arx_insights_chart_build (c, stats, bars);
          g_autoptr(GArray) drawn = arx_chart_draw (data, cr, context, &colors, 800,
                                                    arx_chart_natural_height (data), -1);

          cairo_surface_flush (surface);
          times_add (&times, start);
          if (detail == NULL)
            detail = g_strdup_printf ("%u bars (build + draw)", drawn->len);
        }
      report (label, &times, detail);

      /* a click on the chart's first bar: its statements for the panel (the window asks for
       * one more than the 1000 it shows) */
      if (bars->len > 0)
        {
          const ArxInsightsBar *bar = &g_array_index (bars, ArxInsightsBar, 0);
          g_autofree char *click = g_strdup_printf ("click first bar: %s", names[c]);
          guint n = 0;

          for (int i = 0; i < n_runs; i++)
            {
              Start start = start_timing ();
              g_autoptr(GPtrArray) rows = arx_library_facet_statements (library, &all, &bar->facet,
                                                                        1001, NULL);

              times_add (&times, start);
              n = rows != NULL ? rows->len : 0;
            }
          g_free (detail);
          detail = g_strdup_printf ("%s: %u statements listed", bar->label, n);
          report (click, &times, detail);
        }
    }
  times_clear (&times);
  g_object_unref (context);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

int
main (int argc, char **argv)
{
  g_autoptr(GOptionContext) options = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(ArxLibrary) library = NULL;
  g_autoptr(GPtrArray) speakers = NULL;
  Times times;
  gint64 first = 0;
  ArxScope all = { 0, };
  ArxScope year = { .from = "2016", .to = "2016" };
  ArxScope one = { .article_ids = &first, .n_article_ids = 1 };
  guint n_groups = 0;

  times_init (&times);
  g_option_context_add_main_entries (options, entries, NULL);
  if (!g_option_context_parse (options, &argc, &argv, &error) || library_path == NULL)
    {
      g_printerr ("usage: arx-bench-insights --library PATH [--runs N]\n");
      return 2;
    }
  if ((library = arx_library_open (library_path, &error)) == NULL)
    g_error ("%s", error->message);
  printf ("library %s: %" G_GINT64_FORMAT " articles\n", library_path,
          arx_library_count_articles (library, NULL));
  {
    g_autoptr(GPtrArray) rows = arx_library_list_articles_page (library, 0, 1, NULL);

    first = rows->len > 0 ? ((ArxArticleRow *)g_ptr_array_index (rows, 0))->id : 0;
  }

  time_stats (library, "stats: whole library", &all);
  time_stats (library, "stats: one year (2016)", &year);
  time_stats (library, "stats: one article", &one);
  time_charts (library);

  speakers = arx_library_list_speakers (library, NULL, NULL);
  if (speakers != NULL && speakers->len > 0)
    {
      const ArxSpeakerRow *top = g_ptr_array_index (speakers, 0);
      g_autofree char *detail = NULL;

      for (guint i = 1; i < speakers->len; i++)
        if (((ArxSpeakerRow *)g_ptr_array_index (speakers, i))->n_statements > top->n_statements)
          top = g_ptr_array_index (speakers, i);
      for (int i = 0; i < n_runs; i++)
        {
          Start start = start_timing ();
          g_autoptr(ArxProfile) profile = arx_library_speaker_profile (library, top->id, NULL);

          times_add (&times, start);
        }
      detail = g_strdup_printf ("%s, %u statements", top->name, top->n_statements);
      report ("speaker profile (top speaker)", &times, detail);
    }

  for (int i = 0; i < MAX (1, n_runs / 5); i++)
    {
      Start start = start_timing ();
      g_autoptr(GPtrArray) groups = arx_library_list_provenance (library, NULL);

      times_add (&times, start);
      n_groups = groups != NULL ? groups->len : 0;
    }
  {
    g_autofree char *detail = g_strdup_printf ("%u quotes in two or more articles", n_groups);

    report ("provenance (all groups)", &times, detail);
  }
  times_clear (&times);
  return 0;
}
