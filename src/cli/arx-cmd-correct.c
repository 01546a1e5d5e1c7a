/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "arx"

#include "config.h"

#include <inttypes.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "arx-library-insights.h"

#include "arx-cli.h"

static const char correct_usage[] =
  N_("Usage: arx correct SUBCOMMAND …\n\n"
  "Statements are named by article id and byte span (see `arx statements --json`):\n"
  "  speaker ARTICLE START END NAME   the statement was said by NAME (\"\" for nobody)\n"
  "  not-statement ARTICLE START END  the span is not a statement\n"
  "  add ARTICLE START END [--kind KIND] [--speaker NAME]\n"
  "                                   the span is a statement the analysis missed\n"
  "Library speakers are named by id (see `arx speakers --json`):\n"
  "  rename SPEAKER NAME              show SPEAKER as NAME\n"
  "  merge FROM INTO                  FROM and INTO are the same person\n"
  "  split ARTICLE NAME               NAME in ARTICLE is somebody else\n"
  "  gender SPEAKER GENDER            female, male, unknown, or inferred (the library's guess)\n"
  "  undo                             undo the newest correction\n"
  "  list                             list the corrections, newest first\n");

static gboolean
parse_id (const char *text,
          gint64     *out)
{
  guint64 value;

  if (!g_ascii_string_to_unsigned (text, 10, 1, G_MAXINT64, &value, NULL))
    {
      g_printerr (_("arx correct: “%s” is not an id\n"), text);
      return FALSE;
    }
  *out = value;
  return TRUE;
}

static gboolean
parse_offset (const char *text,
              guint      *out)
{
  guint64 value;

  if (!g_ascii_string_to_unsigned (text, 10, 0, G_MAXUINT32, &value, NULL))
    {
      g_printerr (_("arx correct: “%s” is not a byte offset\n"), text);
      return FALSE;
    }
  *out = value;
  return TRUE;
}

static int
report_done (const ArxCliGlobals *globals,
             const char          *what,
             gint64               correction)
{
  if (globals->json)
    {
      g_autoptr(ArxJsonWriter) w = arx_json_writer_new (FALSE);

      arx_json_writer_begin_object (w);
      arx_json_writer_member_int (w, "correction", correction);
      arx_json_writer_member_string (w, "kind", what);
      arx_json_writer_end_object (w);
      arx_cli_print_json_line (g_steal_pointer (&w));
    }
  else
    g_print (_("correction %" PRId64 " (%s) saved\n"), correction, what);
  return 0;
}

static int
list_corrections (const ArxCliGlobals *globals,
                  ArxLibrary          *library)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = arx_library_list_corrections (library, &error);

  if (rows == NULL)
    {
      arx_cli_report (arx_library_get_path (library), error);
      return 1;
    }
  for (guint i = 0; i < rows->len; i++)
    {
      const ArxCorrectionRow *row = g_ptr_array_index (rows, i);

      if (globals->json)
        {
          g_autoptr(ArxJsonWriter) w = arx_json_writer_new (FALSE);

          arx_json_writer_begin_object (w);
          arx_json_writer_member_int (w, "correction", row->id);
          arx_json_writer_member_string (w, "kind", row->kind);
          if (row->article_id > 0)
            arx_json_writer_member_int (w, "article", row->article_id);
          arx_json_writer_member_string (w, "description", row->description);
          arx_json_writer_member_int (w, "created", row->created);
          arx_json_writer_end_object (w);
          arx_cli_print_json_line (g_steal_pointer (&w));
        }
      else if (row->article_id > 0)
        g_print (_("%5" PRId64 "  article %" PRId64 ": %s\n"), row->id,
                 row->article_id, row->description);
      else
        g_print ("%5" G_GINT64_FORMAT "  %s\n", row->id, row->description);
    }
  return 0;
}

int
arx_cmd_correct (const ArxCliGlobals *globals,
                 int                  argc,
                 char               **argv)
{
  g_autofree char *kind_name = NULL;
  g_autofree char *speaker = NULL;
  GOptionEntry entries[] = {
    { "kind", 'k', 0, G_OPTION_ARG_STRING, &kind_name, N_("add: direct, partial, indirect or mixed (default direct)"), N_("KIND") },
    { "speaker", 's', 0, G_OPTION_ARG_STRING, &speaker, N_("add: who said it"), N_("NAME") },
    { NULL }
  };
  g_autoptr(ArxLibrary) library = NULL;
  g_autoptr(GError) error = NULL;
  const char *sub;
  gint64 id = 0, other = 0, correction = 0;
  ArxGender gender = ARX_GENDER_UNKNOWN;
  guint start = 0, end = 0;
  int n_args;

  if (argc >= 2 && (strcmp (argv[1], "--help") == 0 || strcmp (argv[1], "-h") == 0))
    {
      fputs (_(correct_usage), stdout);
      return 0;
    }
  if (!arx_cli_parse_options (_("SUBCOMMAND …"), entries, &argc, &argv))
    return 2;
  if (argc < 2)
    {
      fputs (_(correct_usage), stderr);
      return 2;
    }
  sub = argv[1];
  n_args = argc - 2;

#define NEED(n) G_STMT_START { if (n_args != (n)) { \
      g_printerr (_("arx correct %s: expects %d arguments; see arx correct --help\n"), sub, (n)); \
      return 2; } } G_STMT_END

  if (strcmp (sub, "speaker") == 0 || strcmp (sub, "not-statement") == 0 || strcmp (sub, "add") == 0)
    {
      NEED (strcmp (sub, "speaker") == 0 ? 4 : 3);
      if (!parse_id (argv[2], &id) || !parse_offset (argv[3], &start) || !parse_offset (argv[4], &end))
        return 2;
    }
  else if (strcmp (sub, "rename") == 0 || strcmp (sub, "split") == 0)
    {
      NEED (2);
      if (!parse_id (argv[2], &id))
        return 2;
    }
  else if (strcmp (sub, "gender") == 0)
    {
      NEED (2);
      if (!parse_id (argv[2], &id))
        return 2;
      if (strcmp (argv[3], "inferred") != 0 && !arx_gender_from_string (argv[3], &gender))
        {
          g_printerr (_("arx correct gender: “%s” is not female, male, unknown or inferred\n"), argv[3]);
          return 2;
        }
    }
  else if (strcmp (sub, "merge") == 0)
    {
      NEED (2);
      if (!parse_id (argv[2], &id) || !parse_id (argv[3], &other))
        return 2;
    }
  else if (strcmp (sub, "undo") == 0 || strcmp (sub, "list") == 0)
    NEED (0);
  else
    {
      g_printerr (_("arx correct: unknown subcommand “%s”; see arx correct --help\n"), sub);
      return 2;
    }
#undef NEED

  if ((library = arx_cli_open_library (globals)) == NULL)
    return 1;

  if (strcmp (sub, "speaker") == 0)
    correction = arx_library_correct_speaker (library, id, start, end,
                                              argv[5][0] != '\0' ? argv[5] : NULL, &error);
  else if (strcmp (sub, "not-statement") == 0)
    correction = arx_library_correct_not_statement (library, id, start, end, &error);
  else if (strcmp (sub, "add") == 0)
    {
      ArxStatementKind kind = ARX_STATEMENT_DIRECT;

      if (kind_name != NULL && !arx_statement_kind_from_string (kind_name, &kind))
        {
          g_printerr (_("arx correct add: unknown kind “%s”\n"), kind_name);
          return 2;
        }
      correction = arx_library_correct_add_statement (library, id, start, end, kind, speaker, &error);
    }
  else if (strcmp (sub, "rename") == 0)
    correction = arx_library_rename_speaker (library, id, argv[3], &error);
  else if (strcmp (sub, "merge") == 0)
    correction = arx_library_merge_speakers (library, id, other, &error);
  else if (strcmp (sub, "split") == 0)
    correction = arx_library_split_speaker (library, id, argv[3], &error);
  else if (strcmp (sub, "gender") == 0)
    correction = arx_library_correct_gender (library, id, strcmp (argv[3], "inferred") == 0 ? -1
                                                          : (int)gender, &error);
  else if (strcmp (sub, "list") == 0)
    return list_corrections (globals, library);
  else
    {
      g_autofree char *what = NULL;

      if (!arx_library_undo_correction (library, &what, &error))
        {
          arx_cli_report ("undo", error);
          return 1;
        }
      g_print (_("undone: %s\n"), what);
      return 0;
    }

  if (correction <= 0)
    {
      arx_cli_report (sub, error);
      return 1;
    }
  return report_done (globals, sub, correction);
}

static void
print_progress (guint    done,
                guint    total,
                gpointer user_data)
{
  g_printerr ("\r");
  g_printerr (_("re-analysing %u/%u"), done, total);
  if (done == total)
    g_printerr ("\n");
}

int
arx_cmd_reanalyze (const ArxCliGlobals *globals,
                   int                  argc,
                   char               **argv)
{
  gboolean all = FALSE;
  GOptionEntry entries[] = {
    { "all", 0, 0, G_OPTION_ARG_NONE, &all, N_("Every article, not only those of an older analyzer"), NULL },
    { NULL }
  };
  g_autoptr(ArxLibrary) library = NULL;
  g_autoptr(GError) error = NULL;
  int n;

  if (!arx_cli_parse_options (NULL, entries, &argc, &argv))
    return 2;
  if ((library = arx_cli_open_library (globals)) == NULL)
    return 1;
  if ((n = arx_library_reanalyze_full (library, all, NULL,
                                       isatty (STDERR_FILENO) ? print_progress : NULL, NULL,
                                       &error)) < 0)
    {
      arx_cli_report (arx_library_get_path (library), error);
      return 1;
    }
  if (globals->json)
    g_print ("{\"reanalyzed\":%d}\n", n);
  else
    g_print (g_dngettext (GETTEXT_PACKAGE, "re-analysed %d article\n", "re-analysed %d articles\n", n), n);
  return 0;
}
