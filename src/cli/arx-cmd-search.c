/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "arx"

#include "config.h"

#include <stdio.h>
#include <unistd.h>

#include "arx-cli.h"

/* Marks the highlighted ranges of a snippet: bold on a terminal, [brackets] otherwise. */
static char *
render_snippet (const ArxSearchHit *hit,
                gboolean            tty)
{
  GString *out = g_string_new (NULL);
  guint pos = 0;

  for (guint i = 0; i < hit->highlights->len; i++)
    {
      const ArxSpan *span = &g_array_index (hit->highlights, ArxSpan, i);

      g_string_append_len (out, hit->snippet + pos, span->start - pos);
      g_string_append (out, tty ? "\033[1m" : "[");
      g_string_append_len (out, hit->snippet + span->start, span->end - span->start);
      g_string_append (out, tty ? "\033[0m" : "]");
      pos = span->end;
    }
  g_string_append (out, hit->snippet + pos);
  return g_string_free (out, FALSE);
}

int
arx_cmd_search (const ArxCliGlobals *globals,
                int                  argc,
                char               **argv)
{
  int limit = 20;
  gboolean plain = FALSE;
  GOptionEntry entries[] = {
    { "plain", 'p', 0, G_OPTION_ARG_NONE, &plain, N_("Words as typed, no FTS5 query syntax"), NULL },
    { "limit", 'n', 0, G_OPTION_ARG_INT, &limit, N_("At most N hits (default 20, 0 for all)"), N_("N") },
    { NULL }
  };
  g_autoptr(ArxLibrary) library = NULL;
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *query = NULL;
  gboolean tty = isatty (STDOUT_FILENO);

  if (!arx_cli_parse_options (_("QUERY"), entries, &argc, &argv))
    return 2;
  if (argc < 2)
    {
      g_printerr ("%s", _("arx search: no QUERY given\n"));
      return 2;
    }
  /* Several words on the command line are one query, as a search box would have them. */
  query = g_strjoinv (" ", argv + 1);
  if (plain)
    {
      char *safe = arx_library_plain_query (query);

      g_free (query);
      query = safe;
    }
  if ((library = arx_cli_open_library (globals)) == NULL)
    return 1;
  if ((hits = arx_library_search (library, query, MAX (limit, 0), &error)) == NULL)
    {
      arx_cli_report (query, error);
      return g_error_matches (error, ARX_ERROR, ARX_ERROR_INVALID_QUERY) ? 2 : 1;
    }

  for (guint i = 0; i < hits->len; i++)
    {
      const ArxSearchHit *hit = g_ptr_array_index (hits, i);

      if (globals->json)
        {
          g_autoptr(ArxJsonWriter) w = arx_json_writer_new (FALSE);

          arx_json_writer_begin_object (w);
          arx_json_writer_member_int (w, "id", hit->article_id);
          arx_json_writer_member_string (w, "title", hit->title);
          arx_json_writer_member_string (w, "snippet", hit->snippet);
          arx_json_writer_member (w, "highlights");
          arx_json_writer_begin_array_inline (w);
          for (guint j = 0; j < hit->highlights->len; j++)
            {
              const ArxSpan *span = &g_array_index (hit->highlights, ArxSpan, j);

              arx_json_writer_begin_array_inline (w);
              arx_json_writer_int (w, span->start);
              arx_json_writer_int (w, span->end);
              arx_json_writer_end_array (w);
            }
          arx_json_writer_end_array (w);
          arx_json_writer_member_double (w, "rank", hit->rank);
          arx_json_writer_end_object (w);
          arx_cli_print_json_line (g_steal_pointer (&w));
        }
      else
        {
          g_autofree char *snippet = render_snippet (hit, tty);

          g_print ("%5" G_GINT64_FORMAT "  %s\n       %s\n", hit->article_id,
                   hit->title != NULL ? hit->title : _("(untitled)"), snippet);
        }
    }
  return 0;
}

int
arx_cmd_speakers (const ArxCliGlobals *globals,
                  int                  argc,
                  char               **argv)
{
  gboolean all = FALSE;
  GOptionEntry entries[] = {
    { "all", 0, 0, G_OPTION_ARG_NONE, &all, N_("Also people and organisations without statements"), NULL },
    { NULL }
  };
  g_autoptr(ArxLibrary) library = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;

  if (!arx_cli_parse_options (_("[FILTER]"), entries, &argc, &argv))
    return 2;
  if ((library = arx_cli_open_library (globals)) == NULL)
    return 1;
  if ((rows = arx_library_list_speakers (library, argc > 1 ? argv[1] : NULL, &error)) == NULL)
    {
      arx_cli_report (arx_library_get_path (library), error);
      return 1;
    }

  for (guint i = 0; i < rows->len; i++)
    {
      const ArxSpeakerRow *row = g_ptr_array_index (rows, i);

      if (!all && row->n_statements == 0)
        continue;
      if (globals->json)
        {
          g_autoptr(ArxJsonWriter) w = arx_json_writer_new (FALSE);

          arx_json_writer_begin_object (w);
          arx_json_writer_member_int (w, "id", row->id);
          arx_json_writer_member_string (w, "name", row->name);
          arx_json_writer_member_string (w, "kind", arx_speaker_kind_to_string (row->speaker_kind));
          arx_json_writer_member (w, "aliases");
          arx_json_writer_begin_array_inline (w);
          for (guint j = 0; j < row->aliases->len; j++)
            arx_json_writer_string (w, g_ptr_array_index (row->aliases, j));
          arx_json_writer_end_array (w);
          arx_json_writer_member_int (w, "articles", row->n_articles);
          arx_json_writer_member_int (w, "statements", row->n_statements);
          /* A group or unnamed source is a speaker of its one article. */
          if (row->article_id > 0)
            arx_json_writer_member_int (w, "article", row->article_id);
          arx_json_writer_end_object (w);
          arx_cli_print_json_line (g_steal_pointer (&w));
        }
      else
        {
          g_autofree char *aliases = NULL;
          g_autofree char *statements =
            g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%4u statement", "%4u statements",
                                          row->n_statements), row->n_statements);
          g_autofree char *articles =
            g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "in %3u article", "in %3u articles",
                                          row->n_articles), row->n_articles);

          g_ptr_array_add (row->aliases, NULL);
          aliases = g_strjoinv (", ", (char **)row->aliases->pdata);
          g_ptr_array_set_size (row->aliases, row->aliases->len - 1);
          g_print ("%5" G_GINT64_FORMAT "  %-30s %-12s %s %s%s%s%s\n",
                   row->id, row->name, arx_speaker_kind_to_string (row->speaker_kind),
                   statements, articles,
                   aliases[0] != '\0' ? "  (" : "", aliases, aliases[0] != '\0' ? ")" : "");
        }
    }
  return 0;
}
