/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "arx"

#include "config.h"

#include <stdio.h>
#include <string.h>
#include <glib/gi18n.h>
#include <gio/gio.h>

#include "arx-i18n.h"
#include "arx-import.h"

#include "arx-cli.h"

typedef struct
{
  const char    *name;
  ArxCliCommand  run;
  const char    *summary;
} Command;

static const Command commands[] = {
  { "analyze", arx_cmd_analyze, N_("FILE|URL|-…  print the analysis of each article as JSON Lines") },
  { "import", arx_cmd_import, N_("FILE… | --analyses FILE  add articles (analysed, or analyses made elsewhere)") },
  { "list", arx_cmd_list, N_("list the articles in the library") },
  { "statements", arx_cmd_statements, N_("[--speaker NAME] [--article ID] [--kind K] [--query Q]  list statements") },
  { "search", arx_cmd_search, N_("QUERY  full-text search over article titles and texts") },
  { "speakers", arx_cmd_speakers, N_("[FILTER] [--all]  speakers across the library") },
  { "correct", arx_cmd_correct, N_("speaker|not-statement|add|rename|merge|split|undo|list …  corrections") },
  { "tag", arx_cmd_tag, N_("ARTICLE TAG…  add the article to collections") },
  { "untag", arx_cmd_untag, N_("ARTICLE TAG…  take the article out of collections") },
  { "tags", arx_cmd_tags, N_("[ARTICLE]  list the collections (of one article)") },
  { "stats", arx_cmd_stats, N_("[--article ID] [--tag T] [--query Q] [--from D] [--to D]  who gets quoted") },
  { "provenance", arx_cmd_provenance, N_("quotes found in two or more articles, earliest first") },
  { "reanalyze", arx_cmd_reanalyze, N_("[--all]  re-analyse articles of an older analyzer, keeping corrections") },
  { "export", arx_cmd_export, N_("--article ID [--format F] [-o FILE]  summary: md, html, csv, json, pdf") },
};

static void
print_usage (FILE *stream)
{
  fprintf (stream, "%s",
           _("Usage: arx [--library PATH] [--json] COMMAND [ARGS…]\n\n"
             "Article Explorer from the command line: who said what in news articles.\n\n"
             "Commands:\n"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    fprintf (stream, "  %-11s %s\n", commands[i].name, _(commands[i].summary));
  fprintf (stream, "%s",
           _("\nGlobal options (anywhere on the line):\n"
             "  --library PATH  library file (default: $ARX_LIBRARY or "
             "$XDG_DATA_HOME/article-explorer/library.db)\n"
             "  --json          JSON Lines output\n"
             "  --help, -h      show this help; COMMAND --help shows a command's options\n"
             "  --version       show the version\n"));
}

/* Readers' errors already name the file (the GUI shows them as they are); name it only once. */
void
arx_cli_report (const char   *what,
                const GError *error)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (what);
  g_autofree char *path = g_file_get_parse_name (file);
  g_autofree char *message = g_str_has_prefix (error->message, what)
                            ? g_strdup (error->message)
                            : arx_error_message_for_file (path, error->message);

  g_printerr ("arx: %s\n", message);
}

/* Takes the global options out of argv wherever they stand, so that `arx --json list` and
 * `arx list --json` mean the same. */
static gboolean
take_globals (int           *argc,
              char         **argv,
              ArxCliGlobals *globals)
{
  int out = 1;

  for (int i = 1; i < *argc; i++)
    {
      if (strcmp (argv[i], "--json") == 0)
        globals->json = TRUE;
      else if (strcmp (argv[i], "--library") == 0)
        {
          if (i + 1 >= *argc)
            {
              g_printerr (_("arx: --library needs a PATH\n"));
              return FALSE;
            }
          g_free (globals->library_path);
          globals->library_path = g_strdup (argv[++i]);
        }
      else if (g_str_has_prefix (argv[i], "--library="))
        {
          g_free (globals->library_path);
          globals->library_path = g_strdup (argv[i] + strlen ("--library="));
        }
      else
        argv[out++] = argv[i];
    }
  argv[out] = NULL;
  *argc = out;
  return TRUE;
}

int
main (int   argc,
      char *argv[])
{
  ArxCliGlobals globals = { NULL, FALSE };
  int status = 2;

  arx_i18n_init ();
  arx_import_init ();

  if (!take_globals (&argc, argv, &globals))
    goto out;

  if (argc < 2 || strcmp (argv[1], "--help") == 0 || strcmp (argv[1], "-h") == 0 ||
      strcmp (argv[1], "help") == 0)
    {
      print_usage (argc < 2 ? stderr : stdout);
      status = argc < 2 ? 2 : 0;
      goto out;
    }
  if (strcmp (argv[1], "--version") == 0)
    {
      g_print ("arx %s\n", PACKAGE_VERSION);
      status = 0;
      goto out;
    }

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (strcmp (argv[1], commands[i].name) == 0)
      {
        status = commands[i].run (&globals, argc - 1, argv + 1);
        goto out;
      }

  g_printerr (_("arx: unknown command “%s”; try arx --help\n"), argv[1]);

out:
  g_free (globals.library_path);
  return status;
}
