/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "arx"

#include "config.h"

#include <inttypes.h>
#include <stdio.h>

#include "arx-analyzer.h"
#include "arx-import.h"
#include "arx-import-job.h"
#include "arx-library.h"

#include "arx-cli.h"

ArxLibrary *
arx_cli_open_library (const ArxCliGlobals *globals)
{
  g_autofree char *path = globals->library_path != NULL
    ? g_strdup (globals->library_path) : arx_library_default_path ();
  g_autoptr(GError) error = NULL;
  ArxLibrary *library = arx_library_open (path, &error);

  if (library == NULL)
    arx_cli_report (path, error);
  return library;
}

gboolean
arx_cli_parse_options (const char   *usage,
               GOptionEntry *entries,
               int          *argc,
               char       ***argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (usage);
  g_autoptr(GError) error = NULL;

  if (entries != NULL)
    g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, argc, argv, &error))
    {
      g_printerr ("arx: %s\n", error->message);
      return FALSE;
    }
  return TRUE;
}

void
arx_cli_print_json_line (ArxJsonWriter *w)
{
  g_autofree char *line = arx_json_writer_free_to_string (w);

  fputs (line, stdout);
  fputc ('\n', stdout);
  fflush (stdout);
}

typedef struct
{
  const ArxCliGlobals *globals;
  int                  status;
} ImportState;

/* Lines are flushed one by one: a line on stdout promises the article is committed, which is
 * what a caller (or a test that kills us) relies on. */
static void
on_article_added (ArxImportJob *job,
                  gint64        id,
                  gboolean      duplicate,
                  const char   *file,
                  const char   *title,
                  ImportState  *state)
{
  if (state->globals->json)
    {
      g_autoptr(ArxJsonWriter) w = arx_json_writer_new (FALSE);

      arx_json_writer_begin_object (w);
      arx_json_writer_member_int (w, "id", id);
      arx_json_writer_member_string (w, "file", file);
      arx_json_writer_member_string (w, "title", title);
      arx_json_writer_member (w, "duplicate");
      arx_json_writer_boolean (w, duplicate);
      arx_json_writer_end_object (w);
      arx_cli_print_json_line (g_steal_pointer (&w));
    }
  else
    g_print (duplicate ? _("duplicate %" PRId64 " %s%s%s\n") : _("imported %" PRId64 " %s%s%s\n"), id, file,
             title != NULL ? " — " : "", title != NULL ? title : "");
  fflush (stdout);
}

static void
on_file_failed (ArxImportJob *job,
                const char   *file,
                const GError *error,
                ImportState  *state)
{
  /* The job's messages already start with the file name. */
  g_printerr ("arx: %s\n", error->message);
  state->status = 1;
}

int
arx_cmd_import (const ArxCliGlobals *globals,
                int                  argc,
                char               **argv)
{
  g_autoptr(ArxLibrary) library = NULL;
  g_autoptr(ArxImportJob) job = NULL;
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  ImportState state = { globals, 0 };
  g_autofree char *analyses = NULL;
  GOptionEntry entries[] = {
    { "analyses", 0, 0, G_OPTION_ARG_FILENAME, &analyses,
      N_("Store the analyses in FILE (output of arx analyze [--jsonl]; - for standard input) "
         "without analysing again"), N_("FILE") },
    { NULL }
  };

  if (!arx_cli_parse_options (_("FILE… | --analyses FILE"), entries, &argc, &argv))
    return 2;
  if (analyses != NULL ? argc > 1 : argc < 2)
    {
      g_printerr ("%s", analyses != NULL ? _("arx import: --analyses FILE takes no other FILE\n")
                                         : _("arx import: no FILE given\n"));
      return 2;
    }
  if ((library = arx_cli_open_library (globals)) == NULL)
    return 1;
  if (analyses != NULL)
    return arx_cli_import_analyses (globals, library, analyses);

  for (int i = 1; i < argc; i++)
    g_ptr_array_add (files, g_file_new_for_commandline_arg (argv[i]));
  job = arx_import_job_new (library, (GFile **)files->pdata, files->len);
  g_signal_connect (job, "article-added", G_CALLBACK (on_article_added), &state);
  g_signal_connect (job, "file-failed", G_CALLBACK (on_file_failed), &state);
  if (!arx_import_job_run_sync (job, NULL, &error))
    {
      arx_cli_report (arx_library_get_path (library), error);
      return 1;
    }
  return state.status;
}

int
arx_cmd_list (const ArxCliGlobals *globals,
              int                  argc,
              char               **argv)
{
  g_autofree char *tag = NULL;
  GOptionEntry entries[] = {
    { "tag", 't', 0, G_OPTION_ARG_STRING, &tag, N_("Only articles tagged TAG"), N_("TAG") },
    { NULL }
  };
  g_autoptr(ArxLibrary) library = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GArray) tagged = NULL;
  g_autoptr(GError) error = NULL;
  guint next_tagged = 0;

  if (!arx_cli_parse_options (NULL, entries, &argc, &argv))
    return 2;
  if ((library = arx_cli_open_library (globals)) == NULL)
    return 1;
  if ((rows = arx_library_list_articles (library, &error)) == NULL ||
      (tag != NULL && (tagged = arx_library_list_tagged (library, tag, &error)) == NULL))
    {
      arx_cli_report (arx_library_get_path (library), error);
      return 1;
    }

  for (guint i = 0; i < rows->len; i++)
    {
      const ArxArticleRow *row = g_ptr_array_index (rows, i);

      /* Both lists are in id order. */
      if (tagged != NULL)
        {
          while (next_tagged < tagged->len && g_array_index (tagged, gint64, next_tagged) < row->id)
            next_tagged++;
          if (next_tagged >= tagged->len || g_array_index (tagged, gint64, next_tagged) != row->id)
            continue;
        }

      if (globals->json)
        {
          g_autoptr(ArxJsonWriter) w = arx_json_writer_new (FALSE);

          arx_json_writer_begin_object (w);
          arx_json_writer_member_int (w, "id", row->id);
          arx_json_writer_member_string (w, "title", row->title);
          arx_json_writer_member_string (w, "site", row->site);
          arx_json_writer_member_string (w, "published", row->published);
          arx_json_writer_member_string (w, "source", row->source_uri);
          arx_json_writer_member_string (w, "format", row->format);
          arx_json_writer_member_int (w, "statements", row->n_statements);
          arx_json_writer_end_object (w);
          arx_cli_print_json_line (g_steal_pointer (&w));
        }
      else
        g_print (g_dngettext (GETTEXT_PACKAGE, "%5" PRId64 "  %-60s  %3u statement\n",
                              "%5" PRId64 "  %-60s  %3u statements\n", row->n_statements),
                 row->id, row->title ? row->title : _("(untitled)"), row->n_statements);
    }
  return 0;
}

int
arx_cmd_statements (const ArxCliGlobals *globals,
                    int                  argc,
                    char               **argv)
{
  g_autofree char *speaker = NULL;
  g_autofree char *kind = NULL;
  g_autofree char *query_text = NULL;
  gint64 article_id = 0;
  int limit = 0;
  GOptionEntry entries[] = {
    { "speaker", 's', 0, G_OPTION_ARG_STRING, &speaker, N_("Only statements by NAME"), N_("NAME") },
    { "article", 'a', 0, G_OPTION_ARG_INT64, &article_id, N_("Only statements of article ID"), N_("ID") },
    { "kind", 'k', 0, G_OPTION_ARG_STRING, &kind, N_("direct, partial, indirect or mixed"), N_("KIND") },
    { "query", 'q', 0, G_OPTION_ARG_STRING, &query_text, N_("Full-text query"), N_("Q") },
    { "limit", 'n', 0, G_OPTION_ARG_INT, &limit, N_("At most N statements"), N_("N") },
    { NULL }
  };
  ArxStatementQuery query = { NULL, 0, -1, NULL, 0 };
  g_autoptr(ArxLibrary) library = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;

  if (!arx_cli_parse_options (NULL, entries, &argc, &argv))
    return 2;
  if (kind != NULL)
    {
      ArxStatementKind k;

      if (!arx_statement_kind_from_string (kind, &k))
        {
          g_printerr (_("arx statements: unknown kind “%s”\n"), kind);
          return 2;
        }
      query.kind = k;
    }
  query.speaker = speaker;
  query.article_id = article_id;
  query.query = query_text;
  query.limit = MAX (limit, 0);

  if ((library = arx_cli_open_library (globals)) == NULL)
    return 1;
  if ((rows = arx_library_query_statements (library, &query, &error)) == NULL)
    {
      arx_cli_report (arx_library_get_path (library), error);
      return g_error_matches (error, ARX_ERROR, ARX_ERROR_INVALID_QUERY) ? 2 : 1;
    }

  for (guint i = 0; i < rows->len; i++)
    {
      const ArxStatementRow *row = g_ptr_array_index (rows, i);

      if (globals->json)
        {
          g_autoptr(ArxJsonWriter) w = arx_json_writer_new (FALSE);

          arx_json_writer_begin_object (w);
          arx_json_writer_member_int (w, "id", row->statement_id);
          arx_json_writer_member_int (w, "article", row->article_id);
          arx_json_writer_member_string (w, "kind", arx_statement_kind_to_string (row->kind));
          arx_json_writer_member_string (w, "speaker", row->speaker);
          arx_json_writer_member_string (w, "text", row->text);
          arx_json_writer_member_string (w, "cue", row->cue);
          arx_json_writer_member_int (w, "start", row->start);
          arx_json_writer_member_int (w, "end", row->end);
          arx_json_writer_member_double (w, "confidence", row->confidence);
          arx_json_writer_end_object (w);
          arx_cli_print_json_line (g_steal_pointer (&w));
        }
      else
        g_print ("[%" G_GINT64_FORMAT "] %s (%s): %s\n", row->article_id,
                 row->speaker ? row->speaker : _("(no speaker)"),
                 arx_statement_kind_to_string (row->kind), row->text);
    }
  return 0;
}
