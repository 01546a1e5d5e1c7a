/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "arx"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include <gio/gunixinputstream.h>

#include "arx-analyzer.h"
#include "arx-import.h"

#include "arx-cli.h"

static gboolean
looks_like_url (const char *arg)
{
  return g_str_has_prefix (arg, "http://") || g_str_has_prefix (arg, "https://");
}

/* Reads one command-line argument: a path, a URL, or "-" for standard input. */
static GPtrArray *
read_articles (const char             *arg,
               const ArxImportLimits  *limits,
               GError                **error)
{
  if (strcmp (arg, "-") == 0)
    {
      g_autoptr(GInputStream) in = g_unix_input_stream_new (0, FALSE);
      g_autoptr(GOutputStream) mem = g_memory_output_stream_new_resizable ();
      g_autoptr(GBytes) bytes = NULL;

      if (g_output_stream_splice (mem, in, G_OUTPUT_STREAM_SPLICE_CLOSE_TARGET, NULL, error) < 0)
        return NULL;
      bytes = g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (mem));
      return arx_import_bytes (bytes, NULL, limits, error);
    }
  if (looks_like_url (arg))
    return arx_import_uri (arg, limits, NULL, error);
  else
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (arg);

      return arx_import_file (file, limits, NULL, error);
    }
}

int
arx_cmd_analyze (const ArxCliGlobals *globals,
                 int                  argc,
                 char               **argv)
{
  gboolean pretty = FALSE, jsonl = FALSE;
  const GOptionEntry entries[] = {
    { "pretty", 'p', 0, G_OPTION_ARG_NONE, &pretty, N_("Indent the JSON for people"), NULL },
    { "jsonl", 0, 0, G_OPTION_ARG_NONE, &jsonl,
      N_("Read JSON Lines on standard input ({\"id\": …, \"text\": …} or \"html\"; optional \"title\", "
         "\"date\", \"url\") and write one analysis per line, in the same order, each with its \"id\""), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("FILE|URL|-…"));
  g_autoptr(GError) error = NULL;
  ArxImportLimits limits;
  ArxAnalyzer *analyzer;
  int status = 0;

  g_option_context_set_summary (context,
    _("Print the analysis of each article (entities, statements, speakers) as JSON Lines,\n"
      "one object per article, in the arx-analysis/1 contract."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("arx analyze: %s\n", error->message);
      return 2;
    }
  if (jsonl)
    {
      if (argc > 1 || pretty)
        {
          g_printerr (_("arx analyze: --jsonl reads standard input and writes one line per article; "
                        "no FILE and no --pretty\n"));
          return 2;
        }
      return arx_cli_analyze_jsonl ();
    }
  if (argc < 2)
    {
      g_printerr (_("arx analyze: no FILE given; try arx analyze --help\n"));
      return 2;
    }

  arx_import_limits_init (&limits);
  analyzer = arx_analyzer_get_default ();

  for (int i = 1; i < argc; i++)
    {
      g_autoptr(GPtrArray) articles = NULL;

      g_clear_error (&error);
      articles = read_articles (argv[i], &limits, &error);
      if (articles == NULL)
        {
          arx_cli_report (argv[i], error);
          status = 1;
          continue;
        }

      for (guint j = 0; j < articles->len; j++)
        {
          ArxArticle *article = g_ptr_array_index (articles, j);
          g_autoptr(ArxAnalysis) analysis = arx_analyzer_analyze (analyzer, article);
          g_autofree char *json = arx_analysis_to_json (analysis, article, pretty);

          fputs (json, stdout);
          fputc ('\n', stdout);
        }
    }

  if (fflush (stdout) != 0)
    status = 1;
  return status;
}
