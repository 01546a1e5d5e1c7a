/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <glib/gstdio.h>
#include <sys/resource.h>

#include "arx-analyzer.h"
#include "arx-import.h"
#include "arx-jsonl.h"
#include "arx-library.h"
#include "hostile-inputs.h"

/* Times each hostile input (tests/hostile/hostile-inputs.c) through import, analysis and the
 * library, each in its own process so that the peak memory is its own:
 *   bench-hostile            every input, one line each
 *   bench-hostile NAME       one input */

static double
seconds_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1e6;
}

static double
cpu_seconds (const struct rusage *usage)
{
  return usage->ru_utime.tv_sec + usage->ru_stime.tv_sec
         + (usage->ru_utime.tv_usec + usage->ru_stime.tv_usec) / 1e6;
}

static int
run_one (const ArxHostileInput *input)
{
  g_autofree char *dir = g_dir_make_tmp ("arx-bench-hostile-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, input->file_name, NULL);
  g_autofree char *library_path = g_build_filename (dir, "library.db", NULL);
  g_autoptr(GBytes) bytes = input->make ();
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GPtrArray) articles = NULL;
  g_autoptr(GPtrArray) analyses = g_ptr_array_new_with_free_func ((GDestroyNotify) arx_analysis_unref);
  g_autoptr(ArxLibrary) library = NULL;
  g_autoptr(GError) error = NULL;
  double import_s, analyze_s = 0, store_s = 0;
  struct rusage usage;
  gint64 start;
  gsize len;
  const char *data = g_bytes_get_data (bytes, &len);

  g_file_set_contents (path, data, len, &error);
  g_assert_no_error (error);

  start = g_get_monotonic_time ();
  articles = arx_import_file (file, NULL, NULL, &error);
  import_s = seconds_since (start);
  if (articles != NULL)
    {
      start = g_get_monotonic_time ();
      for (guint i = 0; i < articles->len; i++)
        g_ptr_array_add (analyses, arx_analyzer_analyze (arx_analyzer_get_default (),
                                                         g_ptr_array_index (articles, i)));
      analyze_s = seconds_since (start);

      library = arx_library_open (library_path, &error);
      g_assert_no_error (error);
      start = g_get_monotonic_time ();
      for (guint i = 0; i < articles->len; i++)
        if (!arx_library_add (library, g_ptr_array_index (articles, i), g_ptr_array_index (analyses, i),
                              NULL, NULL, &error))
          g_error ("%s: %s", input->name, error->message);
      store_s = seconds_since (start);
    }
  getrusage (RUSAGE_SELF, &usage);
  printf ("%-17s %6.1f %5u %7.2f %7.2f %7.2f %7.1f %7.0f  %s\n", input->name, len / 1e6,
          articles != NULL ? articles->len : 0, import_s, analyze_s, store_s, cpu_seconds (&usage),
          usage.ru_maxrss / 1024.0, articles != NULL ? "read" : error->message);

  g_clear_object (&library);
  for (guint i = 0; i < 3; i++)
    {
      static const char *const suffixes[] = { "", "-wal", "-shm" };
      g_autofree char *p = g_strconcat (library_path, suffixes[i], NULL);

      g_unlink (p);
    }
  g_unlink (path);
  g_rmdir (dir);
  return 0;
}

static void
print_usage_line (const char *name,
                  gsize       len,
                  double      import_s,
                  const char *outcome)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  printf ("%-17s %6.1f %5u %7.2f %7.2f %7.2f %7.1f %7.0f  %s\n", name, len / 1e6, 0, import_s, 0.0, 0.0,
          cpu_seconds (&usage), usage.ru_maxrss / 1024.0, outcome);
}

/* The JSON line goes to the JSON Lines reader of `arx analyze --jsonl`, not to a file. */
static int
run_json_line (void)
{
  g_autoptr(GBytes) line = arx_hostile_nested_json_line ();
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  g_autoptr(ArxArticle) article = NULL;
  ArxImportLimits limits;
  gint64 start = g_get_monotonic_time ();
  gsize len;
  const char *data = g_bytes_get_data (line, &len);

  arx_import_limits_init (&limits);
  article = arx_jsonl_read_request (data, len, &limits, &id, &error);
  print_usage_line ("nested-json-line", len, seconds_since (start), article ? "read" : error->message);
  return 0;
}

int
main (int    argc,
      char **argv)
{
  const ArxHostileInput *inputs;
  guint n_inputs;

  arx_import_init ();
  if (argc == 2 && strcmp (argv[1], "nested-json-line") == 0)
    return run_json_line ();
  if (argc == 2)
    {
      const ArxHostileInput *input = arx_hostile_input_find (argv[1]);

      if (input == NULL)
        {
          g_printerr ("bench-hostile: no input named %s\n", argv[1]);
          return 2;
        }
      return run_one (input);
    }

  /* wall-clock seconds per stage; CPU seconds of the whole process (including making the
   * input), which a busy machine does not inflate */
  printf ("%-17s %6s %5s %7s %7s %7s %7s %7s  %s\n", "input", "MB", "arts", "import", "analyze", "store",
          "CPU s", "peak MB", "outcome");
  fflush (stdout);
  inputs = arx_hostile_inputs (&n_inputs);
  for (guint i = 0; i <= n_inputs; i++)
    {
      const char *name = i < n_inputs ? inputs[i].name : "nested-json-line";
      const char *child_argv[] = { argv[0], name, NULL };
      g_autoptr(GError) error = NULL;
      int status;

      if (!g_spawn_sync (NULL, (char **)child_argv, NULL, G_SPAWN_CHILD_INHERITS_STDIN, NULL, NULL,
                         NULL, NULL, &status, &error) || !g_spawn_check_wait_status (status, NULL))
        printf ("%-17s crashed or failed%s%s\n", name, error ? ": " : "", error ? error->message : "");
      fflush (stdout);
    }
  return 0;
}
