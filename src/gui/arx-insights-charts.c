/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "arx-insights"

#include "config.h"

#include <glib/gi18n.h>

#include "arx-insights-charts.h"

/* Plain data for each Insights chart, and which statements each of its bars stands for. */

static void
bar_clear (gpointer data)
{
  ArxInsightsBar *bar = data;

  g_free (bar->name);
  g_free (bar->period);
  g_free (bar->label);
}

GArray *
arx_insights_bars_new (void)
{
  GArray *bars = g_array_new (FALSE, TRUE, sizeof (ArxInsightsBar));

  g_array_set_clear_func (bars, bar_clear);
  return bars;
}

static void
add_bar (GArray         *bars,
         guint           category,
         guint           series,
         ArxFacetKind    kind,
         int             value,
         gint64          person_id,
         const char     *name,
         const char     *period,
         char           *label)
{
  ArxInsightsBar *bar;

  g_array_set_size (bars, bars->len + 1);
  bar = &g_array_index (bars, ArxInsightsBar, bars->len - 1);
  bar->category = category;
  bar->series = series;
  bar->name = g_strdup (name);
  bar->period = g_strdup (period);
  bar->label = label;
  bar->facet.kind = kind;
  bar->facet.value = value;
  bar->facet.person_id = person_id;
  bar->facet.name = bar->name;
  bar->facet.period = bar->period;
}

const char *
arx_speaker_kind_label (int kind)
{
  switch (kind)
    {
    case ARX_SPEAKER_PERSON:
      return _("people");
    case ARX_SPEAKER_ORGANIZATION:
      return _("organisations");
    case ARX_SPEAKER_GROUP:
      return _("groups");
    case ARX_SPEAKER_OTHER:
      return _("other sources");
    case ARX_SPEAKER_UNATTRIBUTED:
    default:
      return _("no speaker");
    }
}

static const char *
statement_kind_label (ArxStatementKind kind)
{
  switch (kind)
    {
    case ARX_STATEMENT_DIRECT:
      return _("direct quotes");
    case ARX_STATEMENT_PARTIAL:
      return _("partial quotes");
    case ARX_STATEMENT_INDIRECT:
      return _("reported speech");
    case ARX_STATEMENT_MIXED:
    case ARX_N_STATEMENT_KINDS:
    default:
      return _("mixed");
    }
}

static const char *
gender_label (ArxGender gender)
{
  switch (gender)
    {
    case ARX_GENDER_FEMALE:
      return _("women");
    case ARX_GENDER_MALE:
      return _("men");
    case ARX_GENDER_UNKNOWN:
    case ARX_N_GENDERS:
    default:
      return _("gender unknown");
    }
}

static ArxChartData *
top_speakers (const ArxStats *stats,
              GArray         *bars,
              gboolean        organizations)
{
  const char *series[] = { _("statements"), NULL };
  ArxChartData *data = arx_chart_data_new (ARX_CHART_BARS,
                                           organizations ? _("Organisations quoted")
                                                         : _("Top speakers"),
                                           _("statements"), series);
  guint n = 0;

  for (guint i = 0; i < stats->speakers->len && n < ARX_INSIGHTS_TOP; i++)
    {
      const ArxStatsSpeaker *s = g_ptr_array_index (stats->speakers, i);
      double value = s->n_statements;

      if (organizations && s->kind != ARX_SPEAKER_ORGANIZATION)
        continue;
      arx_chart_data_add (data, s->name, &value);
      add_bar (bars, n++, 0, ARX_FACET_SPEAKER, 0, s->person_id, s->name, NULL, g_strdup (s->name));
    }
  return data;
}

static ArxChartData *
kinds (const ArxStats *stats,
       GArray         *bars)
{
  const char *series[] = { _("statements"), NULL };
  ArxChartData *data = arx_chart_data_new (ARX_CHART_BARS, _("Statements by kind"),
                                           _("statements"), series);

  for (ArxStatementKind k = 0; k < ARX_N_STATEMENT_KINDS; k++)
    {
      double value = stats->by_kind[k];

      arx_chart_data_add (data, statement_kind_label (k), &value);
      add_bar (bars, k, 0, ARX_FACET_KIND, k, 0, NULL, NULL, g_strdup (statement_kind_label (k)));
    }
  return data;
}

static ArxChartData *
speaker_kinds (const ArxStats *stats,
               GArray         *bars)
{
  const char *series[] = { _("statements"), NULL };
  ArxChartData *data = arx_chart_data_new (ARX_CHART_BARS, _("Who speaks"), _("statements"),
                                           series);

  for (int k = 0; k <= ARX_SPEAKER_UNATTRIBUTED; k++)
    {
      double value = stats->by_speaker_kind[k];

      arx_chart_data_add (data, arx_speaker_kind_label (k), &value);
      /* Translators: the statements panel lists "statements by organisations" */
      add_bar (bars, k, 0, ARX_FACET_SPEAKER_KIND, k, 0, NULL, NULL,
               k == ARX_SPEAKER_UNATTRIBUTED ? g_strdup (_("statements without a speaker"))
                                             : g_strdup_printf (_("statements by %s"),
                                                                arx_speaker_kind_label (k)));
    }
  return data;
}

static ArxChartData *
gender (const ArxStats *stats,
        GArray         *bars)
{
  static const ArxGender order[] = { ARX_GENDER_FEMALE, ARX_GENDER_MALE, ARX_GENDER_UNKNOWN };
  const char *series[] = { gender_label (order[0]), gender_label (order[1]),
                           gender_label (order[2]), NULL };
  ArxChartData *data = arx_chart_data_new (ARX_CHART_COLUMNS,
                                           stats->by_month ? _("People quoted by gender, per month")
                                                           : _("People quoted by gender, per year"),
                                           _("people"), series);

  for (guint i = 0; i < stats->periods->len; i++)
    {
      const ArxStatsPeriod *p = g_ptr_array_index (stats->periods, i);
      double values[G_N_ELEMENTS (order)];

      for (guint s = 0; s < G_N_ELEMENTS (order); s++)
        {
          values[s] = p->people[order[s]];
          /* Translators: "statements by women, 2019" */
          add_bar (bars, i, s, ARX_FACET_GENDER, order[s], 0, NULL, p->period,
                   g_strdup_printf (_("statements by %s, %s"), gender_label (order[s]), p->period));
        }
      arx_chart_data_add (data, p->period, values);
    }
  return data;
}

/**
 * arx_insights_chart_build:
 * @bars: (element-type ArxInsightsBar): from arx_insights_bars_new(), filled with the facets
 *
 * Returns: (transfer full): the chart's data
 */
ArxChartData *
arx_insights_chart_build (ArxInsightsChart  which,
                          const ArxStats   *stats,
                          GArray           *bars)
{
  g_array_set_size (bars, 0);
  switch (which)
    {
    case ARX_INSIGHTS_SPEAKERS:
      return top_speakers (stats, bars, FALSE);
    case ARX_INSIGHTS_ORGANIZATIONS:
      return top_speakers (stats, bars, TRUE);
    case ARX_INSIGHTS_KINDS:
      return kinds (stats, bars);
    case ARX_INSIGHTS_SPEAKER_KINDS:
      return speaker_kinds (stats, bars);
    case ARX_INSIGHTS_GENDER:
    case ARX_N_INSIGHTS_CHARTS:
    default:
      return gender (stats, bars);
    }
}

const ArxInsightsBar *
arx_insights_bars_find (GArray *bars,
                        guint   category,
                        guint   series)
{
  for (guint i = 0; i < bars->len; i++)
    {
      const ArxInsightsBar *bar = &g_array_index (bars, ArxInsightsBar, i);

      if (bar->category == category && bar->series == series)
        return bar;
    }
  return NULL;
}
