/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "arx-summary"

#include "config.h"

#include <string.h>

#include "arx-summary.h"

static const char *
speaker_of (const ArxStatement *statement)
{
  return statement->speaker_name != NULL ? statement->speaker_name : "(no speaker)";
}

/* Speakers in order of their first statement, so the summary follows the article. */
static GPtrArray *
collect_speakers (ArxAnalysis *analysis)
{
  GPtrArray *speakers = g_ptr_array_new ();

  for (guint i = 0; i < analysis->statements->len; i++)
    {
      const char *name = speaker_of (g_ptr_array_index (analysis->statements, i));

      if (!g_ptr_array_find_with_equal_func (speakers, name, g_str_equal, NULL))
        g_ptr_array_add (speakers, (gpointer)name);
    }
  return speakers;
}

static void
append_metadata (GString    *out,
                 const char *label,
                 const char *value)
{
  if (value != NULL)
    g_string_append_printf (out, "- %s: %s\n", label, value);
}

/**
 * arx_summary_markdown:
 *
 * Returns: (transfer full): a Markdown summary: title, metadata, the entities by kind, and the
 * statements grouped by speaker in article order.
 */
char *
arx_summary_markdown (ArxArticle  *article,
                      ArxAnalysis *analysis)
{
  GString *out = g_string_new (NULL);
  const char *text = arx_article_get_text (article);
  g_autoptr(GPtrArray) speakers = collect_speakers (analysis);

  g_string_append_printf (out, "# %s\n\n",
                          arx_article_get_title (article) ? arx_article_get_title (article)
                                                          : "Untitled article");
  append_metadata (out, "By", arx_article_get_byline (article));
  append_metadata (out, "Published", arx_article_get_published (article));
  append_metadata (out, "Site", arx_article_get_site (article));
  append_metadata (out, "Source", arx_article_get_source_uri (article));

  g_string_append (out, "\n## Entities\n\n");
  for (guint kind = 0; kind < ARX_N_ENTITY_KINDS; kind++)
    {
      gboolean first = TRUE;

      for (guint i = 0; i < analysis->entities->len; i++)
        {
          const ArxEntity *entity = g_ptr_array_index (analysis->entities, i);

          if (entity->kind != kind)
            continue;
          if (first)
            g_string_append_printf (out, "- %s: ", arx_entity_kind_to_string (kind));
          else
            g_string_append (out, ", ");
          g_string_append (out, entity->name);
          first = FALSE;
        }
      if (!first)
        g_string_append_c (out, '\n');
    }

  g_string_append (out, "\n## Statements\n");
  for (guint s = 0; s < speakers->len; s++)
    {
      const char *name = g_ptr_array_index (speakers, s);

      g_string_append_printf (out, "\n### %s\n\n", name);
      for (guint i = 0; i < analysis->statements->len; i++)
        {
          const ArxStatement *statement = g_ptr_array_index (analysis->statements, i);

          if (strcmp (speaker_of (statement), name) != 0)
            continue;
          g_string_append_printf (out, "- (%s) ", arx_statement_kind_to_string (statement->kind));
          g_string_append_len (out, text + statement->start, statement->end - statement->start);
          g_string_append_c (out, '\n');
        }
    }

  return g_string_free (out, FALSE);
}
