/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Prints the analysis of plain-text files in the arx-analysis/1 contract, one JSON line per file,
 * with the whole file as the article text (paragraphs at blank lines, nothing taken out as a
 * title or byline). Measures the analyzer alone, whatever the import stage makes of a file:
 *
 *   python3 score_ner.py GOLD --cmd 'build/bench/analysis/arx-analyze-plain {files}'
 *
 * Run by hand; see bench/analysis/README.md. */
#include "config.h"

#include <stdio.h>

#include "arx-analyzer.h"

int
main (int argc, char **argv)
{
  ArxAnalyzer *analyzer = arx_analyzer_get_default ();

  for (int i = 1; i < argc; i++)
    {
      g_autofree char *data = NULL, *json = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(ArxArticle) article = arx_article_new ();
      g_autoptr(ArxAnalysis) analysis = NULL;
      g_auto(GStrv) paras = NULL;

      if (!g_file_get_contents (argv[i], &data, NULL, &error))
        {
          fprintf (stderr, "%s\n", error->message);
          return 1;
        }
      paras = g_regex_split_simple ("\\n\\s*\\n", data, 0, 0);
      for (guint p = 0; paras[p]; p++)
        arx_article_add_paragraph (article, paras[p], -1);
      analysis = arx_analyzer_analyze (analyzer, article);
      json = arx_analysis_to_json (analysis, article, FALSE);
      printf ("%s\n", json);
    }
  return 0;
}
