/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>
#include <glib/gstdio.h>

#include "arx-chart.h"
#include "arx-import.h"
#include "arx-insights-page.h"
#include "arx-quote-versions.h"
#include "arx-sidebar-item.h"
#include "arx-speaker-profile.h"
#include "arx-statement-item.h"
#include "window-fixture.h"

/* The Insights page, the speaker profile and quote provenance through the real window: the
 * three made-up articles of tests/fixtures/insights are dropped in (two quote Mary Okonkwo,
 * the second rewording one of her quotes; the third quotes John Halvorsen), and the tests read
 * what the widgets show and activate them as a user would. */

static const char *articles[] = {
  "insights/harbour-bridge.txt", "insights/harbour-works.txt", "insights/fishing-quotas.txt", NULL
};

static void
settle (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static gboolean
three_articles (Fixture *fixture)
{
  GtkWidget *list = find_named (GTK_WIDGET (fixture->window), "library-list");

  return window_idle (fixture) && count_items (list) == 3 &&
         count_items (find_named (GTK_WIDGET (fixture->window), "statements-list")) > 0;
}

static void
import_articles (Fixture *fixture)
{
  drop_files (fixture, articles);
  g_assert_true (wait_for (fixture, three_articles));
}

/* Imports run in parallel: find an article by its title, not by the order of the drop. */
static gint64
article_titled (Fixture    *fixture,
                const char *title)
{
  g_autoptr(GPtrArray) rows = arx_library_list_articles (fixture->library, NULL);

  for (guint i = 0; i < rows->len; i++)
    if (g_strcmp0 (((ArxArticleRow *)g_ptr_array_index (rows, i))->title, title) == 0)
      return ((ArxArticleRow *)g_ptr_array_index (rows, i))->id;
  g_assert_not_reached ();
}

#define BRIDGE "Harbour bridge to be rebuilt"
#define WORKS "Harbour works begin"
#define QUOTAS "Fishing quotas stay the same"

static GtkStack *
sidebar_stack (Fixture *fixture)
{
  GtkWidget *speakers = find_named (GTK_WIDGET (fixture->window), "speaker-list");

  return GTK_STACK (gtk_widget_get_ancestor (speakers, GTK_TYPE_STACK));
}

/* The Insights page counts its scope in another thread: wait for the count to be in. */
static void
settle_counted (Fixture *fixture)
{
  settle ();
  g_assert_true (wait_for (fixture, window_idle));
}

static void
show_sidebar_page (Fixture    *fixture,
                   const char *page)
{
  gtk_stack_set_visible_child_name (sidebar_stack (fixture), page);
  settle_counted (fixture);
}

static ArxChart *
chart (Fixture          *fixture,
       ArxInsightsChart  which)
{
  GtkWidget *page = find_named (GTK_WIDGET (fixture->window), "insights-page");

  return arx_insights_page_get_chart (ARX_INSIGHTS_PAGE (page), which);
}

/* The statements panel's texts, in order, joined by "|". */
static char *
panel_texts (Fixture *fixture)
{
  GtkWidget *list = find_named (GTK_WIDGET (fixture->window), "statements-list");
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < count_items (list); i++)
    {
      ArxStatementItem *item = statement_at (list, i);

      g_string_append_printf (out, "%s%s", i > 0 ? "|" : "", arx_statement_item_get_text (item));
    }
  return g_string_free (out, FALSE);
}

static const char *
label_text (Fixture    *fixture,
            const char *name)
{
  return gtk_label_get_label (GTK_LABEL (find_named (GTK_WIDGET (fixture->window), name)));
}

static GtkListBoxRow *
table_row (ArxChart *chart,
           guint     index)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (arx_chart_get_table (chart), index);

  g_assert_nonnull (row);
  return row;
}

static void
test_stats_and_bars (Fixture       *fixture,
                     gconstpointer  data)
{
  ArxChart *speakers, *gender;
  ArxChartData *speakers_data;
  g_autofree char *mary = NULL;
  g_autofree char *men = NULL;
  GtkGesture *click = NULL;
  graphene_rect_t bar;

  import_articles (fixture);
  show_sidebar_page (fixture, "insights");
  g_assert_cmpstr (label_text (fixture, "insights-summary"), ==,
                   "3 articles · 5 statements · 2 speakers");
  g_assert_nonnull (strstr (label_text (fixture, "insights-gender"), "women: 1, men: 1, gender unknown: 0"));

  speakers = chart (fixture, ARX_INSIGHTS_SPEAKERS);
  speakers_data = arx_chart_get_data (speakers);
  g_assert_cmpuint (arx_chart_data_get_n_categories (speakers_data), ==, 2);
  g_assert_cmpstr (arx_chart_data_get_category (speakers_data, 0), ==, "Mary Okonkwo");
  g_assert_cmpfloat (arx_chart_data_get_value (speakers_data, 0, 0), ==, 4);
  g_assert_cmpfloat (arx_chart_data_get_value (speakers_data, 1, 0), ==, 1);

  /* clicking Mary's bar lists exactly her four statements */
  gtk_widget_queue_draw (GTK_WIDGET (speakers));
  g_assert_true (wait_for (fixture, window_idle));
  {
    GtkWidget *canvas = gtk_stack_get_child_by_name (GTK_STACK (gtk_widget_get_last_child (GTK_WIDGET (speakers))),
                                                     "chart");
    g_autoptr(GListModel) controllers = NULL;
    gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

    /* the bar exists once the chart was drawn */
    while (!arx_chart_get_bar_area (speakers, 0, 0, &bar) && g_get_monotonic_time () < deadline)
      g_main_context_iteration (NULL, TRUE);
    g_assert_true (arx_chart_get_bar_area (speakers, 0, 0, &bar));
    controllers = gtk_widget_observe_controllers (canvas);
    for (guint i = 0; i < g_list_model_get_n_items (controllers) && click == NULL; i++)
      {
        g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

        if (GTK_IS_GESTURE_CLICK (controller))
          click = GTK_GESTURE (controller);
      }
    g_assert_nonnull (click);
    g_signal_emit_by_name (click, "released", 1, (double)(bar.origin.x + bar.size.width / 2),
                           (double)(bar.origin.y + bar.size.height / 2));
  }
  settle_counted (fixture);
  mary = panel_texts (fixture);
  g_assert_cmpstr (mary, ==,
                   "“We will rebuild the harbour bridge before the winter storms arrive,”|"
                   "“Every family in this town depends on that crossing,”|"
                   "“We will rebuild the harbour bridge before winter storms arrive,”|"
                   "“Nobody will be stranded,”");

  /* the gender chart's table (the keyboard's way): men in January 2020 */
  gender = chart (fixture, ARX_INSIGHTS_GENDER);
  g_assert_cmpuint (arx_chart_data_get_n_categories (arx_chart_get_data (gender)), ==, 3);
  g_assert_cmpstr (arx_chart_data_get_category (arx_chart_get_data (gender), 2), ==, "2020-01");
  {
    GtkListBoxRow *row = table_row (gender, 2);

    g_assert_cmpstr (gtk_widget_get_tooltip_text (GTK_WIDGET (row)), ==,
                     "2020-01 · men: 1 people (of 1)");
    gtk_widget_activate (GTK_WIDGET (row));
  }
  settle_counted (fixture);
  men = panel_texts (fixture);
  g_assert_cmpstr (men, ==, "“Fishing quotas will not change this year,”");
}

static void
test_scope (Fixture       *fixture,
            gconstpointer  data)
{
  GtkWidget *scope;
  g_autoptr(GError) error = NULL;

  import_articles (fixture);
  g_assert_true (arx_library_tag_article (fixture->library, article_titled (fixture, BRIDGE),
                                          "harbour", &error));
  g_assert_true (arx_library_tag_article (fixture->library, article_titled (fixture, WORKS),
                                          "harbour", &error));
  g_assert_no_error (error);
  show_sidebar_page (fixture, "insights");
  scope = find_named (GTK_WIDGET (fixture->window), "insights-scope");

  /* a tag: the two harbour articles */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (scope), 2);
  settle_counted (fixture);
  g_assert_cmpstr (label_text (fixture, "insights-summary"), ==,
                   "2 articles · 4 statements · 1 speaker");

  /* a date range: 2020 only */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (scope), 4);
  gtk_editable_set_text (GTK_EDITABLE (find_named (GTK_WIDGET (fixture->window), "insights-from")), "2020");
  settle_counted (fixture);
  g_assert_cmpstr (label_text (fixture, "insights-summary"), ==,
                   "1 article · 1 statement · 1 speaker");
  /* half a date ("2020-1") is not counted yet */
  {
    GtkEditable *from = GTK_EDITABLE (find_named (GTK_WIDGET (fixture->window), "insights-from"));
    int position = -1;

    gtk_editable_insert_text (from, "-1", -1, &position);
    settle_counted (fixture);
    g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (from), "error"));
  }
  g_assert_cmpstr (label_text (fixture, "insights-summary"), ==,
                   "1 article · 1 statement · 1 speaker");

  /* the open article */
  arx_window_select_article (fixture->window, article_titled (fixture, QUOTAS));
  g_assert_true (wait_for (fixture, window_idle));
  gtk_drop_down_set_selected (GTK_DROP_DOWN (scope), 1);
  settle_counted (fixture);
  g_assert_cmpstr (label_text (fixture, "insights-summary"), ==,
                   "1 article · 1 statement · 1 speaker");

  /* a full-text search */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (scope), 3);
  gtk_editable_set_text (GTK_EDITABLE (find_named (GTK_WIDGET (fixture->window), "insights-query")),
                         "cranes");
  g_signal_emit_by_name (find_named (GTK_WIDGET (fixture->window), "insights-query"), "search-changed");
  settle_counted (fixture);
  g_assert_cmpstr (label_text (fixture, "insights-summary"), ==,
                   "1 article · 2 statements · 1 speaker");

  /* two scopes in a row, the first not yet counted when the second is chosen: the page shows
   * the count of the second, whichever thread ends first */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (scope), 2);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (scope), 0);
  settle_counted (fixture);
  g_assert_cmpstr (label_text (fixture, "insights-summary"), ==,
                   "3 articles · 5 statements · 2 speakers");
}

static gboolean
versions_open (Fixture *fixture)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (ARX_IS_QUOTE_VERSIONS (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return TRUE;
    }
  return FALSE;
}

static ArxQuoteVersions *
find_versions (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (ARX_IS_QUOTE_VERSIONS (window))
        return ARX_QUOTE_VERSIONS (window);
    }
  return NULL;
}

static void
test_provenance (Fixture       *fixture,
                 gconstpointer  data)
{
  GtkWidget *statements = find_named (GTK_WIDGET (fixture->window), "statements-list");
  ArxStatementItem *first = NULL, *second = NULL;
  ArxQuoteVersions *versions;
  GtkWidget *later;
  const char *markup;

  import_articles (fixture);
  /* the second harbour article: its reworded quote is also in one other article */
  arx_window_select_article (fixture->window, article_titled (fixture, WORKS));
  g_assert_true (wait_for (fixture, has_statements));
  for (guint i = 0; i < count_items (statements); i++)
    {
      ArxStatementItem *item = statement_at (statements, i);

      if (arx_statement_item_get_quote_articles (item) > 0)
        first = item;
      else
        second = item;
    }
  g_assert_nonnull (first);
  g_assert_nonnull (second);
  g_assert_cmpuint (arx_statement_item_get_quote_articles (first), ==, 1);
  g_assert_cmpstr (arx_statement_item_get_text (first), ==,
                   "“We will rebuild the harbour bridge before winter storms arrive,”");

  /* its versions, earliest first, the dropped word marked */
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-versions", "(xuu)",
                              (gint64)0, arx_statement_item_get_start (first),
                              arx_statement_item_get_end (first));
  g_assert_true (wait_for (fixture, versions_open));
  versions = find_versions ();
  g_assert_nonnull (gtk_list_box_get_row_at_index (arx_quote_versions_get_list (versions), 1));
  g_assert_null (gtk_list_box_get_row_at_index (arx_quote_versions_get_list (versions), 2));
  later = gtk_widget_get_last_child (gtk_list_box_row_get_child (
    gtk_list_box_get_row_at_index (arx_quote_versions_get_list (versions), 1)));
  markup = gtk_label_get_label (GTK_LABEL (later));
  g_assert_nonnull (strstr (markup, "before <s><span alpha=\"60%\">the</span></s> winter"));

  /* the earliest version opens its own article */
  gtk_widget_activate (GTK_WIDGET (gtk_list_box_get_row_at_index (arx_quote_versions_get_list (versions), 0)));
  g_assert_true (wait_for (fixture, window_idle));
  g_assert_cmpint (arx_window_get_article_id (fixture->window), ==, article_titled (fixture, BRIDGE));
  g_assert_false (versions_open (fixture));
}

static void
test_profile (Fixture       *fixture,
              gconstpointer  data)
{
  GtkWidget *root = GTK_WIDGET (fixture->window);
  GtkWidget *speakers = find_named (root, "speaker-list");
  GtkSingleSelection *selection = GTK_SINGLE_SELECTION (gtk_list_view_get_model (GTK_LIST_VIEW (speakers)));
  guint mary = GTK_INVALID_LIST_POSITION;
  GtkWidget *profile_articles;

  import_articles (fixture);
  show_sidebar_page (fixture, "speakers");
  for (guint i = 0; i < count_items (speakers); i++)
    {
      g_autoptr(ArxSidebarItem) speaker = g_list_model_get_item (G_LIST_MODEL (selection), i);

      if (g_strcmp0 (arx_sidebar_item_get_title (speaker), "Mary Okonkwo") == 0)
        mary = i;
    }
  g_assert_cmpuint (mary, !=, GTK_INVALID_LIST_POSITION);
  g_signal_emit_by_name (speakers, "activate", mary);
  settle_counted (fixture);

  g_assert_cmpstr (label_text (fixture, "profile-name"), ==, "Mary Okonkwo");
  g_assert_cmpstr (label_text (fixture, "profile-kind"), ==, "Person · 4 statements in 2 articles");
  g_assert_cmpstr (label_text (fixture, "profile-aliases"), ==, "Also named: Okonkwo");
  g_assert_cmpstr (label_text (fixture, "profile-gender"), ==,
                   "Woman — inferred from first name Mary; 'she' ×1");
  profile_articles = find_named (root, "profile-articles");
  g_assert_cmpuint (count_rows (profile_articles), ==, 2);
  g_assert_cmpuint (count_rows (find_named (root, "profile-statements")), ==, 4);

  /* the user's word on gender is kept, and re-analysis keeps it */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (find_named (root, "profile-gender-choice")), 3);
  settle_counted (fixture);
  g_assert_cmpstr (label_text (fixture, "profile-gender"), ==,
                   "Gender unknown — set by you (inferred: first name Mary; 'she' ×1)");
  g_assert_cmpint (arx_library_reanalyze (fixture->library, TRUE, NULL), ==, 3);
  show_sidebar_page (fixture, "insights");
  g_assert_nonnull (strstr (label_text (fixture, "insights-gender"), "women: 0, men: 1, gender unknown: 1"));

  /* an article of the profile opens in the article view */
  show_sidebar_page (fixture, "speakers");
  g_signal_emit_by_name (speakers, "activate", mary);
  settle_counted (fixture);
  gtk_widget_activate (GTK_WIDGET (gtk_list_box_get_row_at_index (GTK_LIST_BOX (profile_articles), 1)));
  g_assert_true (wait_for (fixture, window_idle));
  g_assert_cmpint (arx_window_get_article_id (fixture->window), ==, article_titled (fixture, BRIDGE));
}

static void
test_gender_preference_and_export (Fixture       *fixture,
                                   gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("arx-chart-export-XXXXXX", &error);
  ArxChart *speakers;

  import_articles (fixture);
  show_sidebar_page (fixture, "insights");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (chart (fixture, ARX_INSIGHTS_GENDER))));
  g_settings_set_boolean (settings, "show-gender", FALSE);
  settle_counted (fixture);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (chart (fixture, ARX_INSIGHTS_GENDER))));
  g_assert_false (gtk_widget_get_visible (find_named (GTK_WIDGET (fixture->window), "insights-gender")));
  g_settings_set_boolean (settings, "show-gender", TRUE);
  settle_counted (fixture);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (chart (fixture, ARX_INSIGHTS_GENDER))));

  /* each chart's files, read back by other parsers */
  speakers = chart (fixture, ARX_INSIGHTS_SPEAKERS);
  for (guint i = 0; i < 3; i++)
    {
      const char *formats[] = { "png", "svg", "csv" };
      g_autofree char *path = g_strdup_printf ("%s/speakers.%s", dir, formats[i]);
      g_autoptr(GFile) file = g_file_new_for_path (path);

      g_assert_true (arx_chart_export (speakers, formats[i], file, &error));
      g_assert_no_error (error);
      if (i < 2)
        {
          g_autoptr(GdkTexture) texture = gdk_texture_new_from_file (file, &error);

          g_assert_no_error (error);
          g_assert_cmpint (gdk_texture_get_width (texture), ==, 720);
        }
      else
        {
          g_autofree char *csv = NULL;

          g_assert_true (g_file_get_contents (path, &csv, NULL, &error));
          g_assert_cmpstr (csv, ==, "Top speakers,statements\r\nMary Okonkwo,4\r\nJohn Halvorsen,1\r\n");
        }
      g_remove (path);
    }
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  arx_import_init ();

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/arx/insights/stats-and-bars", test_stats_and_bars);
  ADD ("/arx/insights/scope", test_scope);
  ADD ("/arx/insights/provenance", test_provenance);
  ADD ("/arx/insights/profile", test_profile);
  ADD ("/arx/insights/gender-preference-and-export", test_gender_preference_and_export);
#undef ADD

  return g_test_run ();
}
