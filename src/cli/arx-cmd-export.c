/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "arx"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include "arx-library.h"
#include "arx-summary.h"

#include "arx-cli.h"

int
arx_cmd_export (const ArxCliGlobals *globals,
                int                  argc,
                char               **argv)
{
  gint64 article_id = 0;
  g_autofree char *format_name = NULL;
  g_autofree char *output = NULL;
  GOptionEntry entries[] = {
    { "article", 'a', 0, G_OPTION_ARG_INT64, &article_id, N_("Article to summarise"), N_("ID") },
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format_name,
      N_("md, html, csv, json or pdf (default: from the --output name, else md)"), N_("FORMAT") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Write to FILE instead of standard output (needed for pdf)"), N_("FILE") },
    { NULL }
  };
  ArxSummaryFormat format = ARX_SUMMARY_MARKDOWN;
  g_autoptr(ArxLibrary) library = NULL;
  g_autoptr(ArxArticle) article = NULL;
  g_autoptr(ArxAnalysis) analysis = NULL;
  g_autoptr(GError) error = NULL;

  if (!arx_cli_parse_options (NULL, entries, &argc, &argv))
    return 2;
  if (article_id <= 0)
    {
      g_printerr ("%s", _("arx export: --article ID is required\n"));
      return 2;
    }
  if (format_name != NULL ? !arx_summary_format_from_name (format_name, &format)
                          : output != NULL && !arx_summary_format_from_name (output, &format))
    {
      g_printerr (_("arx export: unknown format “%s”; use md, html, csv, json or pdf\n"),
                  format_name ? format_name : output);
      return 2;
    }
  if (format == ARX_SUMMARY_PDF && output == NULL)
    {
      g_printerr ("%s", _("arx export: a PDF needs --output FILE\n"));
      return 2;
    }
  if ((library = arx_cli_open_library (globals)) == NULL)
    return 1;
  if (!arx_library_load_article (library, article_id, &article, &analysis, &error))
    {
      arx_cli_report (arx_library_get_path (library), error);
      return 1;
    }

  if (output != NULL)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (output);

      if (!arx_summary_save (article, analysis, format, file, &error))
        {
          arx_cli_report (output, error);
          return 1;
        }
      return 0;
    }
  else
    {
      g_autofree char *text = arx_summary_render (article, analysis, format);

      fputs (text, stdout);
      return fflush (stdout) == 0 ? 0 : 1;
    }
}
