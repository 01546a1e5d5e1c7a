/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "../store/store-fixtures.h"
#include "arx-sidebar-item.h"
#include "arx-statement-item.h"
#include "window-fixture.h"

/* The Speakers page of a real window over a real library: its sections, a speaker with more
 * statements than any list of rows could hold, and the statements nobody is known to have
 * said. The articles are made up and written through the store, as an import writes them. */

#define PER_ARTICLE 100
#define ARTICLES 12

/* One article: Maria Lopez says PER_ARTICLE things, the harbour department one, officials one,
 * and "they" one. */
static void
add_article (ArxLibrary *library,
             guint       number)
{
  g_autoptr(ArxArticle) article = arx_article_new ();
  g_autoptr(ArxAnalysis) analysis = arx_analysis_new ();
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *title = g_strdup_printf ("Harbour tolls, part %u", number);
  ArxStatement *statement;

  arx_article_set_title (article, title);
  for (guint i = 0; i < PER_ARTICLE; i++)
    {
      g_autofree char *sentence = g_strdup_printf ("Maria Lopez said the toll on pier %u would "
                                                   "rise by w%u percent.", i, i);

      arx_article_add_paragraph (article, sentence, -1);
    }
  arx_article_add_paragraph (article, "The Harbour Department said the piers would stay open.", -1);
  arx_article_add_paragraph (article, "Officials said the ferries were full.", -1);
  arx_article_add_paragraph (article, "They said nothing would change before spring.", -1);

  add_entity_at (analysis, article, ARX_ENTITY_PERSON, "Maria Lopez", (const char *[]){ "Maria Lopez", NULL });
  add_entity_at (analysis, article, ARX_ENTITY_ORGANIZATION, "Harbour Department",
                 (const char *[]){ "Harbour Department", NULL });
  for (guint i = 0; i < PER_ARTICLE; i++)
    {
      g_autofree char *span = g_strdup_printf ("the toll on pier %u would rise by w%u percent", i, i);

      add_statement_at (analysis, article, ARX_STATEMENT_INDIRECT, span, 0, NULL, NULL);
    }
  add_statement_at (analysis, article, ARX_STATEMENT_INDIRECT, "the piers would stay open", 1, NULL, NULL);
  statement = add_statement_at (analysis, article, ARX_STATEMENT_INDIRECT, "the ferries were full",
                                -1, NULL, NULL);
  arx_statement_set_speaker (statement, -1, "Officials");
  statement->speaker_kind = ARX_SPEAKER_GROUP;
  statement = add_statement_at (analysis, article, ARX_STATEMENT_INDIRECT,
                                "nothing would change before spring", -1, NULL, NULL);
  arx_statement_set_speaker (statement, -1, "They");
  statement->speaker_kind = ARX_SPEAKER_OTHER;
  arx_analysis_sort_statements (analysis);
  arx_analysis_number (analysis);
  g_assert_true (arx_library_add (library, article, analysis, NULL, NULL, &error));
  g_assert_no_error (error);
}

static GListModel *
library_statements (GtkWidget *root)
{
  GtkWidget *list = find_named (root, "statements-list");

  g_assert_true (gtk_widget_get_mapped (list));
  return G_LIST_MODEL (gtk_grid_view_get_model (GTK_GRID_VIEW (list)));
}

static void
test_sections (Fixture       *fixture,
               gconstpointer  data)
{
  GtkWidget *root = GTK_WIDGET (fixture->window);
  GtkWidget *speakers = find_named (root, "speaker-list");
  GListModel *model = G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (speakers)));
  const char *expected[] = { "All Statements", "People", "Maria Lopez", "Organisations",
                             "Harbour Department", "Groups and Unnamed Sources", "Officials" };
  g_autoptr(ArxStatementItem) last = NULL;
  guint n;

  for (guint i = 0; i < ARTICLES; i++)
    add_article (fixture->library, i);
  arx_window_reload_library (fixture->window);
  g_assert_true (wait_for (fixture, window_idle));
  g_assert_true (select_speaker (fixture, speakers, "Maria Lopez"));

  /* The sections in order, each speaker under its own, each article's officials apart. */
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, G_N_ELEMENTS (expected) + ARTICLES - 1 + 2);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(ArxSidebarItem) item = g_list_model_get_item (model, i);
      const char *title = arx_sidebar_item_get_title (item);

      g_assert_cmpstr (title, ==, i < G_N_ELEMENTS (expected) ? expected[i]
                                  : i < G_N_ELEMENTS (expected) + ARTICLES - 1 ? "Officials"
                                  : i == G_N_ELEMENTS (expected) + ARTICLES - 1 ? "Unattributed"
                                  : "Statements without a known speaker");
      g_assert_cmpint (arx_sidebar_item_is_heading (item), ==,
                       i == 1 || i == 3 || i == 5 || g_str_equal (title, "Unattributed"));
    }
  {
    g_autoptr(ArxSidebarItem) maria = g_list_model_get_item (model, 2);

    g_assert_cmpstr (arx_sidebar_item_get_details (maria), ==, "1200 statements in 12 articles");
  }

  /* Every one of her statements is in the list, the last one too. */
  n = g_list_model_get_n_items (library_statements (root));
  g_assert_cmpuint (n, ==, ARTICLES * PER_ARTICLE);
  gtk_widget_activate_action (find_named (root, "statements-list"), "list.scroll-to-item",
                              "u", n - 1);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  last = g_list_model_get_item (library_statements (root), n - 1);
  g_assert_cmpstr (arx_statement_item_get_speaker (last), ==, "Maria Lopez");
  g_assert_nonnull (strstr (arx_statement_item_get_text (last), "pier 99 "));

  /* The panel's filter narrows them through the library's index. */
  gtk_editable_set_text (GTK_EDITABLE (find_named (root, "statements-filter")), "w42");
  g_signal_emit_by_name (find_named (root, "statements-filter"), "search-changed");
  g_assert_true (wait_for (fixture, statements_loaded));
  g_assert_cmpuint (g_list_model_get_n_items (library_statements (root)), ==, ARTICLES);
  gtk_editable_set_text (GTK_EDITABLE (find_named (root, "statements-filter")), "");
  g_signal_emit_by_name (find_named (root, "statements-filter"), "search-changed");
  g_assert_true (wait_for (fixture, statements_loaded));
  g_assert_cmpuint (g_list_model_get_n_items (library_statements (root)), ==, n);

  /* "They" is nobody: its statements are the unattributed ones. */
  g_assert_true (select_speaker (fixture, speakers, "Statements without a known speaker"));
  g_assert_cmpuint (g_list_model_get_n_items (library_statements (root)), ==, ARTICLES);
}

/* Other views show a speaker through the window's action, by library id. */
static void
test_show_speaker_action (Fixture       *fixture,
                          gconstpointer  data)
{
  GtkWidget *root = GTK_WIDGET (fixture->window);
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  gint64 department = 0;

  add_article (fixture->library, 7);
  arx_window_reload_library (fixture->window);
  g_assert_true (wait_for (fixture, window_idle));
  rows = arx_library_list_speakers (fixture->library, "Harbour Department", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 1);
  department = ((ArxSpeakerRow *)g_ptr_array_index (rows, 0))->id;

  g_assert_true (gtk_widget_activate_action (root, "win.show-speaker", "x", department));
  g_assert_true (wait_for (fixture, statements_loaded));
  g_assert_cmpuint (g_list_model_get_n_items (library_statements (root)), ==, 1);
  {
    g_autoptr(ArxStatementItem) item = g_list_model_get_item (library_statements (root), 0);

    g_assert_cmpstr (arx_statement_item_get_speaker (item), ==, "Harbour Department");
  }
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);

#define ADD(name, func) g_test_add (name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/arx/speakers-page/sections", test_sections);
  ADD ("/arx/speakers-page/show-speaker-action", test_show_speaker_action);
#undef ADD

  return g_test_run ();
}
