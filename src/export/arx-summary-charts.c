/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "arx-summary"

#include "config.h"

#include <glib/gi18n.h>

#include "arx-summary-private.h"

/* The charts of an article's summary (HTML, PDF, print): who speaks how often, statements by
 * kind, and who speaks by kind of speaker; drawn by arx-chart-render.c like the app's. */

#define MAX_SPEAKERS 10

static ArxChartData *
speakers_chart (ArxAnalysis *analysis)
{
  const char *series[] = { _("statements"), NULL };
  ArxChartData *data = arx_chart_data_new (ARX_CHART_BARS, _("Statements by speaker"),
                                           _("statements"), series);
  g_autoptr(GPtrArray) groups = _arx_summary_groups (analysis);

  /* most statements first; the summary's groups are in order of appearance */
  for (guint n = 0; n < MAX_SPEAKERS; n++)
    {
      const ArxSummaryGroup *best = NULL;
      guint at = 0;
      double value;

      for (guint g = 0; g < groups->len; g++)
        {
          const ArxSummaryGroup *group = g_ptr_array_index (groups, g);

          if (best == NULL || group->statements->len > best->statements->len)
            {
              best = group;
              at = g;
            }
        }
      if (best == NULL)
        break;
      value = best->statements->len;
      arx_chart_data_add (data, best->speaker, &value);
      g_ptr_array_remove_index (groups, at);
    }
  return data;
}

static ArxChartData *
kinds_chart (ArxAnalysis *analysis)
{
  const char *series[] = { _("statements"), NULL };
  ArxChartData *data = arx_chart_data_new (ARX_CHART_BARS, _("Statements by kind"),
                                           _("statements"), series);
  double counts[ARX_N_STATEMENT_KINDS] = { 0, };

  for (guint i = 0; i < analysis->statements->len; i++)
    counts[((ArxStatement *)g_ptr_array_index (analysis->statements, i))->kind]++;
  for (ArxStatementKind k = 0; k < ARX_N_STATEMENT_KINDS; k++)
    arx_chart_data_add (data, arx_statement_kind_to_string (k), &counts[k]);
  return data;
}

static ArxChartData *
speaker_kinds_chart (ArxAnalysis *analysis)
{
  const char *series[] = { _("statements"), NULL };
  ArxChartData *data = arx_chart_data_new (ARX_CHART_BARS, _("Who speaks"), _("statements"),
                                           series);
  double counts[ARX_N_SPEAKER_KINDS + 1] = { 0, };

  for (guint i = 0; i < analysis->statements->len; i++)
    {
      const ArxStatement *st = g_ptr_array_index (analysis->statements, i);

      counts[st->speaker_name != NULL ? (int)st->speaker_kind : ARX_N_SPEAKER_KINDS]++;
    }
  for (int k = 0; k < ARX_N_SPEAKER_KINDS; k++)
    arx_chart_data_add (data, arx_speaker_kind_to_string (k), &counts[k]);
  arx_chart_data_add (data, _("no speaker"), &counts[ARX_N_SPEAKER_KINDS]);
  return data;
}

/**
 * _arx_summary_charts:
 *
 * Returns: (transfer container) (element-type ArxChartData): the summary's charts; none for
 * an article without statements.
 */
GPtrArray *
_arx_summary_charts (ArxAnalysis *analysis)
{
  GPtrArray *charts = g_ptr_array_new_with_free_func ((GDestroyNotify)arx_chart_data_unref);

  if (analysis->statements->len == 0)
    return charts;
  g_ptr_array_add (charts, speakers_chart (analysis));
  g_ptr_array_add (charts, kinds_chart (analysis));
  g_ptr_array_add (charts, speaker_kinds_chart (analysis));
  return charts;
}
