/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Throughput of the analyzer on one core: loads every .txt file of the given directories into
 * ArxArticles (paragraphs split at blank lines), then times arx_analyzer_analyze over them.
 *
 *   arx-bench-analyze DIR... [--rounds N]
 *
 * Run by hand; see bench/analysis/README.md. */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <sys/resource.h>

#include "arx-analyzer.h"

static void
load_dir (const char *path, GPtrArray *articles, gsize *bytes)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir == NULL)
    return;
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *file = NULL, *data = NULL;
      g_auto(GStrv) paras = NULL;
      ArxArticle *article;

      if (!g_str_has_suffix (name, ".txt"))
        continue;
      file = g_build_filename (path, name, NULL);
      if (!g_file_get_contents (file, &data, NULL, NULL))
        continue;
      article = arx_article_new ();
      paras = g_regex_split_simple ("\\n\\s*\\n", data, 0, 0);
      for (guint i = 0; paras[i]; i++)
        arx_article_add_paragraph (article, paras[i], -1);
      *bytes += arx_article_get_text_length (article);
      g_ptr_array_add (articles, article);
    }
}

int
main (int argc, char **argv)
{
  g_autoptr(GPtrArray) articles = g_ptr_array_new_with_free_func (g_object_unref);
  ArxAnalyzer *analyzer;
  gsize bytes = 0;
  guint rounds = 3, statements = 0, entities = 0;
  gint64 t0, t1, c0, c1;
  struct rusage ru;

  for (int i = 1; i < argc; i++)
    {
      if (strcmp (argv[i], "--rounds") == 0 && i + 1 < argc)
        rounds = atoi (argv[++i]);
      else
        load_dir (argv[i], articles, &bytes);
    }
  if (articles->len == 0)
    {
      fprintf (stderr, "usage: %s DIR... [--rounds N]\n", argv[0]);
      return 2;
    }
  t0 = g_get_monotonic_time ();
  analyzer = arx_analyzer_get_default ();
  t1 = g_get_monotonic_time ();
  printf ("model and lexicons loaded in %.1f ms\n", (t1 - t0) / 1000.0);

  getrusage (RUSAGE_SELF, &ru);
  c0 = ru.ru_utime.tv_sec * G_USEC_PER_SEC + ru.ru_utime.tv_usec + ru.ru_stime.tv_sec * G_USEC_PER_SEC + ru.ru_stime.tv_usec;
  t0 = g_get_monotonic_time ();
  for (guint r = 0; r < rounds; r++)
    for (guint i = 0; i < articles->len; i++)
      {
        g_autoptr(ArxAnalysis) a = arx_analyzer_analyze (analyzer, g_ptr_array_index (articles, i));

        statements += a->statements->len;
        entities += a->entities->len;
      }
  t1 = g_get_monotonic_time ();
  getrusage (RUSAGE_SELF, &ru);
  c1 = ru.ru_utime.tv_sec * G_USEC_PER_SEC + ru.ru_utime.tv_usec + ru.ru_stime.tv_sec * G_USEC_PER_SEC + ru.ru_stime.tv_usec;
  printf ("%u articles, %.2f MB of text, %u rounds\n", articles->len, bytes / 1e6, rounds);
  /* CPU time of this single thread, so that other load on the machine does not count */
  printf ("%.2f MB/s of CPU time (%.2f MB/s wall), %.0f articles/s, %u statements and %u entities per round\n",
          bytes * (double) rounds / 1e6 / ((c1 - c0) / 1e6), bytes * (double) rounds / 1e6 / ((t1 - t0) / 1e6),
          articles->len * (double) rounds / ((t1 - t0) / 1e6), statements / rounds, entities / rounds);
  printf ("peak RSS %.1f MB\n", ru.ru_maxrss / 1024.0);
  return 0;
}
