/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "arx"

#include "config.h"

#include <inttypes.h>

#include "arx-library-insights.h"

#include "arx-cli.h"

/* `arx stats` and `arx provenance`: who gets quoted, and where a quote came from. */

static const char *speaker_kind_names[ARX_N_SPEAKER_KINDS + 1] = {
  "person", "organization", "group", "other", "unattributed"
};

/* People read "female, male, unknown" more easily than the enum's order. */
static const ArxGender gender_order[ARX_N_GENDERS] = {
  ARX_GENDER_FEMALE, ARX_GENDER_MALE, ARX_GENDER_UNKNOWN
};

static void
write_counts (ArxJsonWriter     *w,
              const char        *key,
              const guint       *counts,
              guint              n,
              const char *const *names)
{
  arx_json_writer_member (w, key);
  arx_json_writer_begin_object_inline (w);
  for (guint i = 0; i < n; i++)
    arx_json_writer_member_int (w, names[i], counts[i]);
  arx_json_writer_end_object (w);
}

static void
write_gender_counts (ArxJsonWriter *w,
                     const char    *key,
                     const guint   *counts)
{
  arx_json_writer_member (w, key);
  arx_json_writer_begin_object_inline (w);
  for (guint i = 0; i < ARX_N_GENDERS; i++)
    arx_json_writer_member_int (w, arx_gender_to_string (gender_order[i]), counts[gender_order[i]]);
  arx_json_writer_end_object (w);
}

static void
print_stats_json (const ArxStats *stats)
{
  g_autoptr(ArxJsonWriter) w = arx_json_writer_new (FALSE);
  const char *kinds[ARX_N_STATEMENT_KINDS];

  for (guint i = 0; i < ARX_N_STATEMENT_KINDS; i++)
    kinds[i] = arx_statement_kind_to_string (i);

  arx_json_writer_begin_object (w);
  arx_json_writer_member_int (w, "articles", stats->n_articles);
  arx_json_writer_member_int (w, "statements", stats->n_statements);
  write_counts (w, "by_kind", stats->by_kind, ARX_N_STATEMENT_KINDS, kinds);
  write_counts (w, "by_speaker_kind", stats->by_speaker_kind, ARX_N_SPEAKER_KINDS + 1,
                speaker_kind_names);
  arx_json_writer_member (w, "speakers");
  arx_json_writer_begin_array (w);
  for (guint i = 0; i < stats->speakers->len; i++)
    {
      const ArxStatsSpeaker *s = g_ptr_array_index (stats->speakers, i);

      arx_json_writer_begin_object_inline (w);
      if (s->person_id > 0)
        arx_json_writer_member_int (w, "id", s->person_id);
      arx_json_writer_member_string (w, "name", s->name);
      arx_json_writer_member_string (w, "kind", speaker_kind_names[s->kind]);
      arx_json_writer_member_string (w, "gender", arx_gender_to_string (s->gender));
      arx_json_writer_member_int (w, "articles", s->n_articles);
      arx_json_writer_member_int (w, "statements", s->n_statements);
      arx_json_writer_end_object (w);
    }
  arx_json_writer_end_array (w);
  write_gender_counts (w, "gender", stats->gender_people);
  write_gender_counts (w, "gender_statements", stats->gender_statements);
  arx_json_writer_member (w, "gender_by_period");
  arx_json_writer_begin_array (w);
  for (guint i = 0; i < stats->periods->len; i++)
    {
      const ArxStatsPeriod *p = g_ptr_array_index (stats->periods, i);

      arx_json_writer_begin_object_inline (w);
      arx_json_writer_member_string (w, "period", p->period);
      write_gender_counts (w, "people", p->people);
      write_gender_counts (w, "statements", p->statements);
      arx_json_writer_end_object (w);
    }
  arx_json_writer_end_array (w);
  arx_json_writer_end_object (w);
  arx_cli_print_json_line (g_steal_pointer (&w));
}

static void
print_stats_table (const ArxStats *stats)
{
  g_print (g_dngettext (GETTEXT_PACKAGE, "%u article, ", "%u articles, ", stats->n_articles),
           stats->n_articles);
  g_print (g_dngettext (GETTEXT_PACKAGE, "%u statement\n\n", "%u statements\n\n", stats->n_statements),
           stats->n_statements);
  g_print ("%s", _("Statements by kind:\n"));
  for (guint i = 0; i < ARX_N_STATEMENT_KINDS; i++)
    g_print ("  %-14s %6u\n", arx_statement_kind_to_string (i), stats->by_kind[i]);
  g_print ("%s", _("\nStatements by speaker kind:\n"));
  for (guint i = 0; i <= ARX_N_SPEAKER_KINDS; i++)
    g_print ("  %-14s %6u\n", speaker_kind_names[i], stats->by_speaker_kind[i]);
  g_print ("%s", _("\nPeople by gender (statements):\n"));
  for (guint i = 0; i < ARX_N_GENDERS; i++)
    g_print ("  %-14s %6u  (%u)\n", arx_gender_to_string (gender_order[i]),
             stats->gender_people[gender_order[i]], stats->gender_statements[gender_order[i]]);
  if (stats->periods->len > 0)
    {
      g_print ("%s", stats->by_month ? _("\nPeople by gender per month:\n")
                                     : _("\nPeople by gender per year:\n"));
      g_print ("  %-10s %7s %7s %7s\n", "", _("female"), _("male"), _("unknown"));
      for (guint i = 0; i < stats->periods->len; i++)
        {
          const ArxStatsPeriod *p = g_ptr_array_index (stats->periods, i);

          g_print ("  %-10s %7u %7u %7u\n", p->period, p->people[ARX_GENDER_FEMALE],
                   p->people[ARX_GENDER_MALE], p->people[ARX_GENDER_UNKNOWN]);
        }
    }
  g_print ("%s", _("\nSpeakers (most statements first):\n"));
  g_print ("  %-32s %-13s %-8s %8s %10s\n",
           _("name"), _("kind"), _("gender"), _("articles"), _("statements"));
  for (guint i = 0; i < stats->speakers->len; i++)
    {
      const ArxStatsSpeaker *s = g_ptr_array_index (stats->speakers, i);

      g_print ("  %-32s %-13s %-8s %8u %10u\n", s->name, speaker_kind_names[s->kind],
               s->kind == ARX_SPEAKER_PERSON ? arx_gender_to_string (s->gender) : "",
               s->n_articles, s->n_statements);
    }
}

int
arx_cmd_stats (const ArxCliGlobals *globals,
               int                  argc,
               char               **argv)
{
  g_auto(GStrv) article_args = NULL;
  g_autofree char *tag = NULL;
  g_autofree char *query = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  GOptionEntry entries[] = {
    { "article", 0, 0, G_OPTION_ARG_STRING_ARRAY, &article_args,
      N_("Only this article (as in arx list --json); repeat for several"), N_("ID") },
    { "tag", 0, 0, G_OPTION_ARG_STRING, &tag, N_("Only the articles with this tag"), N_("TAG") },
    { "query", 0, 0, G_OPTION_ARG_STRING, &query, N_("Only the articles matching a full-text query"), N_("Q") },
    { "from", 0, 0, G_OPTION_ARG_STRING, &from, N_("Only articles published on or after (2019, 2019-07, 2019-07-21)"), N_("DATE") },
    { "to", 0, 0, G_OPTION_ARG_STRING, &to, N_("Only articles published on or before"), N_("DATE") },
    { NULL }
  };
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(ArxLibrary) library = NULL;
  g_autoptr(ArxStats) stats = NULL;
  g_autoptr(GError) error = NULL;
  ArxScope scope = { 0, };

  if (!arx_cli_parse_options (NULL, entries, &argc, &argv))
    return 2;
  for (guint i = 0; article_args != NULL && article_args[i] != NULL; i++)
    {
      guint64 id;

      if (!g_ascii_string_to_unsigned (article_args[i], 10, 1, G_MAXINT64, &id, NULL))
        {
          g_printerr (_("arx stats: “%s” is not an article id\n"), article_args[i]);
          return 2;
        }
      g_array_append_val (ids, id);
    }
  if ((library = arx_cli_open_library (globals)) == NULL)
    return 1;

  if (ids->len > 0)
    {
      scope.article_ids = (const gint64 *)(gpointer)ids->data;
      scope.n_article_ids = ids->len;
    }
  scope.tag = tag;
  scope.query = query;
  scope.from = from;
  scope.to = to;
  if ((stats = arx_library_stats (library, &scope, &error)) == NULL)
    {
      arx_cli_report (arx_library_get_path (library), error);
      return 1;
    }
  if (globals->json)
    print_stats_json (stats);
  else
    print_stats_table (stats);
  return 0;
}

int
arx_cmd_provenance (const ArxCliGlobals *globals,
                    int                  argc,
                    char               **argv)
{
  g_autoptr(ArxLibrary) library = NULL;
  g_autoptr(GPtrArray) groups = NULL;
  g_autoptr(GError) error = NULL;

  if (!arx_cli_parse_options (NULL, NULL, &argc, &argv))
    return 2;
  if ((library = arx_cli_open_library (globals)) == NULL)
    return 1;
  if ((groups = arx_library_list_provenance (library, &error)) == NULL)
    {
      arx_cli_report (arx_library_get_path (library), error);
      return 1;
    }

  for (guint i = 0; i < groups->len; i++)
    {
      const ArxQuoteGroup *group = g_ptr_array_index (groups, i);
      const ArxQuoteVersion *earliest = g_ptr_array_index (group->versions, 0);

      if (globals->json)
        {
          g_autoptr(ArxJsonWriter) w = arx_json_writer_new (FALSE);

          arx_json_writer_begin_object (w);
          arx_json_writer_member_string (w, "text", earliest->text);
          arx_json_writer_member (w, "statements");
          arx_json_writer_begin_array (w);
          for (guint j = 0; j < group->versions->len; j++)
            {
              const ArxQuoteVersion *v = g_ptr_array_index (group->versions, j);

              arx_json_writer_begin_object_inline (w);
              arx_json_writer_member_int (w, "article", v->article_id);
              arx_json_writer_member_int (w, "statement", v->statement_id);
              arx_json_writer_member (w, "speaker");
              if (v->speaker != NULL)
                arx_json_writer_string (w, v->speaker);
              else
                arx_json_writer_null (w);
              arx_json_writer_member_string (w, "text", v->text);
              arx_json_writer_member (w, "date");
              if (v->date != NULL)
                arx_json_writer_string (w, v->date);
              else
                arx_json_writer_null (w);
              arx_json_writer_member_int (w, "start", v->start);
              arx_json_writer_member_int (w, "end", v->end);
              arx_json_writer_end_object (w);
            }
          arx_json_writer_end_array (w);
          arx_json_writer_end_object (w);
          arx_cli_print_json_line (g_steal_pointer (&w));
          continue;
        }

      g_print ("%s%s\n", i > 0 ? "\n" : "", earliest->text);
      for (guint j = 0; j < group->versions->len; j++)
        {
          const ArxQuoteVersion *v = g_ptr_array_index (group->versions, j);

          g_print (_("  %-10s  article %-5" PRId64 " %s%s%s\n"),
                   v->date != NULL ? v->date : _("(no date)"), v->article_id,
                   v->speaker != NULL ? v->speaker : _("(no speaker)"),
                   j > 0 ? ": " : "", j > 0 ? v->text : "");
        }
    }
  return 0;
}
