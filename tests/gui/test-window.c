/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <gtk/gtk.h>
#include <libsoup/soup.h>

#include "arx-autocleanups.h"
#include "arx-import.h"
#include "arx-library.h"
#include "arx-sidebar-item.h"
#include "arx-statement-item.h"
#include "arx-window.h"
#include "window-fixture.h"

static void
test_empty_library (Fixture       *fixture,
                    gconstpointer  data)
{
  GtkWidget *library_list = find_named (GTK_WIDGET (fixture->window), "library-list");

  GtkWidget *empty = find_named (GTK_WIDGET (fixture->window), "empty-library");

  g_assert_nonnull (library_list);
  g_assert_nonnull (empty);
  g_assert_true (gtk_widget_get_mapped (empty));
  g_assert_false (gtk_widget_get_mapped (library_list));
  g_assert_cmpuint (count_items (library_list), ==, 0);
}

/* Does a visible image under @root show @icon_name? */
static gboolean
shows_icon (GtkWidget  *root,
            const char *icon_name)
{
  if (GTK_IS_IMAGE (root) && gtk_widget_get_visible (root) &&
      g_strcmp0 (gtk_image_get_icon_name (GTK_IMAGE (root)), icon_name) == 0)
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    if (shows_icon (child, icon_name))
      return TRUE;
  return FALSE;
}

static void
test_drop_imports_and_filters (Fixture       *fixture,
                               gconstpointer  data)
{
  const char *names[] = { "seed-article.txt", NULL };
  GtkWidget *root = GTK_WIDGET (fixture->window);
  GtkWidget *library_list = find_named (root, "library-list");
  GtkWidget *statements = find_named (root, "statements-list");
  GtkWidget *filter = find_named (root, "statements-filter");
  GtkWidget *text_view = find_named (root, "article-text");
  g_autofree char *text = NULL;
  GtkTextIter start, end;
  guint all, narrowed;

  g_assert_nonnull (statements);
  g_assert_nonnull (filter);
  g_assert_nonnull (text_view);

  drop_files (fixture, names);
  g_assert_true (wait_for (fixture, has_statements));

  g_assert_cmpuint (count_items (library_list), ==, 1);
  g_assert_true (gtk_widget_get_mapped (statements));
  g_assert_false (gtk_widget_get_mapped (find_named (root, "empty-library")));
  gtk_text_buffer_get_bounds (gtk_text_view_get_buffer (GTK_TEXT_VIEW (text_view)), &start, &end);
  text = gtk_text_iter_get_text (&start, &end);
  g_assert_nonnull (strstr (text, "Tom Bossert"));

  all = count_items (statements);
  g_assert_cmpuint (all, >=, 5);

  gtk_editable_set_text (GTK_EDITABLE (filter), "Rubio");
  g_signal_emit_by_name (filter, "search-changed");
  while (g_main_context_iteration (NULL, FALSE))
    ;
  narrowed = count_items (statements);
  g_assert_cmpuint (narrowed, >=, 1);
  g_assert_cmpuint (narrowed, <, all);
  for (guint i = 0; i < narrowed; i++)
    {
      ArxStatementItem *item = statement_at (statements, i);
      g_autofree char *label = arx_statement_item_dup_row_label (item);
      g_autofree char *folded = g_utf8_casefold (label, -1);

      g_assert_nonnull (strstr (folded, "rubio"));
      g_assert_cmpstr (arx_statement_item_get_speaker_icon_name (item), ==, "arx-speaker-person-symbolic");
    }
  /* a senator speaks: his rows show the person icon, which the app's icons provide */
  g_assert_true (shows_icon (statements, "arx-speaker-person-symbolic"));
  g_assert_true (gtk_icon_theme_has_icon (gtk_icon_theme_get_for_display (gtk_widget_get_display (statements)),
                                          "arx-speaker-person-symbolic"));

  gtk_editable_set_text (GTK_EDITABLE (filter), "");
  g_signal_emit_by_name (filter, "search-changed");
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_cmpuint (count_items (statements), ==, all);

  /* the kind drop-down keeps only direct quotes */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (find_named (root, "statements-kind")),
                              1 + ARX_STATEMENT_DIRECT);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  narrowed = count_items (statements);
  g_assert_cmpuint (narrowed, >=, 1);
  g_assert_cmpuint (narrowed, <, all);
  for (guint i = 0; i < narrowed; i++)
    {
      ArxStatementItem *item = statement_at (statements, i);

      g_assert_cmpint (arx_statement_item_get_kind (item), ==, ARX_STATEMENT_DIRECT);
    }
}

static void
test_drop_same_file_twice_is_duplicate (Fixture       *fixture,
                                        gconstpointer  data)
{
  const char *names[] = { "seed-article.txt", NULL };
  GtkWidget *library_list = find_named (GTK_WIDGET (fixture->window), "library-list");

  drop_files (fixture, names);
  g_assert_true (wait_for (fixture, has_statements));
  drop_files (fixture, names);
  g_assert_true (wait_for (fixture, window_idle));
  g_assert_cmpuint (count_items (library_list), ==, 1);
}

static void
test_selecting_statement_scrolls_article (Fixture       *fixture,
                                          gconstpointer  data)
{
  const char *names[] = { "seed-article.txt", NULL };
  GtkWidget *root = GTK_WIDGET (fixture->window);
  GtkWidget *statements = find_named (root, "statements-list");
  GtkWidget *text_view = find_named (root, "article-text");
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (text_view));
  GtkTextTag *selected;
  guint row;
  ArxStatementItem *item;
  GtkTextIter iter;
  guint last;

  drop_files (fixture, names);
  g_assert_true (wait_for (fixture, has_statements));

  last = count_items (statements) - 1;
  row = last;
  item = statement_at (statements, row);
  select_statement (statements, row);
  while (g_main_context_iteration (NULL, FALSE))
    ;

  selected = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer),
                                        "selected-statement");
  g_assert_nonnull (selected);
  gtk_text_buffer_get_iter_at_mark (buffer, &iter, gtk_text_buffer_get_insert (buffer));
  g_assert_true (gtk_text_iter_has_tag (&iter, selected));
  {
    g_autofree char *text = NULL;
    GtkTextIter end = iter;

    gtk_text_iter_forward_to_tag_toggle (&end, selected);
    text = gtk_text_iter_get_text (&iter, &end);
    g_assert_cmpstr (text, ==, arx_statement_item_get_text (item));
  }
}

static void
test_bad_file_keeps_library (Fixture       *fixture,
                             gconstpointer  data)
{
  const char *names[] = { "does-not-exist.txt", "seed-article.txt", NULL };
  GtkWidget *library_list = find_named (GTK_WIDGET (fixture->window), "library-list");

  drop_files (fixture, names);
  g_assert_true (wait_for (fixture, has_statements));
  g_assert_cmpuint (count_items (library_list), ==, 1);
}

static void
search_library (GtkWidget  *entry,
                const char *query)
{
  gtk_editable_set_text (GTK_EDITABLE (entry), query);
  g_signal_emit_by_name (entry, "search-changed");
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static void
test_library_search (Fixture       *fixture,
                     gconstpointer  data)
{
  const char *names[] = { "seed-article.txt", "import/text/wrapped.txt", NULL };
  GtkWidget *root = GTK_WIDGET (fixture->window);
  GtkWidget *library_list = find_named (root, "library-list");
  GtkWidget *search = find_named (root, "library-search");

  g_assert_nonnull (search);
  drop_files (fixture, names);
  g_assert_true (wait_for (fixture, has_statements));
  g_assert_cmpuint (count_items (library_list), ==, 2);

  search_library (search, "Bossert");
  g_assert_cmpuint (count_items (library_list), ==, 1);
  search_library (search, "zzqqxxnotaword");
  g_assert_cmpuint (count_items (library_list), ==, 0);
  /* text that is not FTS5 syntax is searched as plain words, never an error or a crash */
  search_library (search, "\"unbalanced AND");
  g_assert_cmpuint (count_items (library_list), ==, 0);
  search_library (search, "Trump's adviser");
  g_assert_cmpuint (count_items (library_list), ==, 1);
  search_library (search, "");
  g_assert_cmpuint (count_items (library_list), ==, 2);

  /* choosing the other article in the sidebar shows it */
  {
    GtkSingleSelection *selection = GTK_SINGLE_SELECTION (
      gtk_list_view_get_model (GTK_LIST_VIEW (library_list)));
    guint other = gtk_single_selection_get_selected (selection) == 0 ? 1 : 0;
    g_autoptr(ArxSidebarItem) item = g_list_model_get_item (G_LIST_MODEL (selection), other);

    gtk_single_selection_set_selected (selection, other);
    g_assert_true (wait_for (fixture, window_idle));
    g_assert_cmpint (arx_window_get_article_id (fixture->window), ==,
                     arx_sidebar_item_get_id (item));
  }
}

static void
test_correction_and_undo (Fixture       *fixture,
                          gconstpointer  data)
{
  const char *names[] = { "seed-article.txt", NULL };
  GtkWidget *statements = find_named (GTK_WIDGET (fixture->window), "statements-list");
  ArxStatementItem *item;
  guint all, start, end;

  drop_files (fixture, names);
  g_assert_true (wait_for (fixture, has_statements));
  all = count_items (statements);
  item = statement_at (statements, 0);
  start = arx_statement_item_get_start (item);
  end = arx_statement_item_get_end (item);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.not-a-statement",
                                             "(xuu)", (gint64)0, start, end));
  g_assert_true (wait_for (fixture, has_statements));
  g_assert_cmpuint (count_items (statements), ==, all - 1);
  for (guint i = 0; i < all - 1; i++)
    {
      ArxStatementItem *other = statement_at (statements, i);

      g_assert_false (arx_statement_item_get_start (other) == start &&
                      arx_statement_item_get_end (other) == end);
    }

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL));
  g_assert_true (wait_for (fixture, has_statements));
  g_assert_cmpuint (count_items (statements), ==, all);
}

static void
test_drop_text (Fixture       *fixture,
                gconstpointer  data)
{
  GtkWidget *statements = find_named (GTK_WIDGET (fixture->window), "statements-list");
  guint row;
  ArxStatementItem *item;

  drop_string (fixture, "The mayor spoke on Monday.\n\n"
                        "“We will rebuild the bridge by spring,” Mayor Jane Doe said.");
  g_assert_true (wait_for (fixture, has_statements));
  row = 0;
  item = statement_at (statements, row);
  g_assert_cmpstr (arx_statement_item_get_text (item), ==,
                   "“We will rebuild the bridge by spring,”");
  g_assert_nonnull (strstr (arx_statement_item_get_speaker (item), "Doe"));
}

static void
serve_page_cb (SoupServer        *server,
               SoupServerMessage *msg,
               const char        *path,
               GHashTable        *query,
               gpointer           user_data)
{
  static const char page[] =
    "<html><head><title>Council votes</title></head><body><article>"
    "<h1>Council votes on the budget</h1>"
    "<p>The city council approved the budget on Tuesday after a long debate.</p>"
    "<p>“This budget keeps every library open,” council member Ana Ruiz said.</p>"
    "</article></body></html>";

  soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
  soup_server_message_set_response (msg, "text/html; charset=utf-8", SOUP_MEMORY_STATIC,
                                    page, strlen (page));
}

static void
test_drop_link (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *base = NULL;
  g_autoptr(SoupServer) server = serve_locally (serve_page_cb, &base);
  g_autofree char *link = g_strconcat (base, "articles/council.html", NULL);
  GtkWidget *statements = find_named (GTK_WIDGET (fixture->window), "statements-list");
  guint row;
  ArxStatementItem *item;


  drop_string (fixture, link);
  g_assert_true (wait_for (fixture, has_statements));
  row = 0;
  item = statement_at (statements, row);
  g_assert_cmpstr (arx_statement_item_get_text (item), ==,
                   "“This budget keeps every library open,”");
  g_assert_nonnull (strstr (arx_statement_item_get_speaker (item), "Ruiz"));
}

static void
test_speaker_across_library (Fixture       *fixture,
                             gconstpointer  data)
{
  const char *names[] = { "seed-article.txt", "gui/bossert-follow-up.txt", NULL };
  GtkWidget *root = GTK_WIDGET (fixture->window);
  GtkWidget *statements = find_named (root, "statements-list");
  GtkWidget *speakers = find_named (root, "speaker-list");
  GtkWidget *text_view = find_named (root, "article-text");
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (text_view));
  GHashTable *articles = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  guint row = 0;
  ArxStatementItem *item = NULL;
  GtkTextIter iter;
  guint n;

  drop_files (fixture, names);
  g_assert_true (wait_for (fixture, has_statements));

  gtk_stack_set_visible_child_name (GTK_STACK (gtk_widget_get_ancestor (speakers, GTK_TYPE_STACK)),
                                    "speakers");
  while (g_main_context_iteration (NULL, FALSE))
    ;
  {
    GtkSingleSelection *selection = GTK_SINGLE_SELECTION (gtk_list_view_get_model (GTK_LIST_VIEW (speakers)));
    guint found = GTK_INVALID_LIST_POSITION;

    for (guint i = 0; i < count_items (speakers); i++)
      {
        g_autoptr(ArxSidebarItem) speaker = g_list_model_get_item (G_LIST_MODEL (selection), i);

        if (g_strcmp0 (arx_sidebar_item_get_title (speaker), "Tom Bossert") == 0)
          found = i;
      }
    g_assert_cmpuint (found, !=, GTK_INVALID_LIST_POSITION);
    gtk_single_selection_set_selected (selection, found);
  }
  g_assert_true (wait_for (fixture, statements_loaded));

  /* his statements from both articles, and only his */
  n = count_items (statements);
  g_assert_cmpuint (n, >=, 2);
  for (guint i = 0; i < n; i++)
    {
      gint64 id;

      item = statement_at (statements, i);
      g_assert_cmpstr (arx_statement_item_get_speaker (item), ==, "Tom Bossert");
      id = arx_statement_item_get_article_id (item);
      g_assert_cmpint (id, >, 0);
      g_hash_table_add (articles, g_memdup2 (&id, sizeof id));
    }
  g_assert_cmpuint (g_hash_table_size (articles), ==, 2);
  g_hash_table_unref (articles);

  /* choosing a statement of the other article opens it at that statement */
  for (guint i = 0; i < n; i++)
    {
      row = i;
      item = statement_at (statements, row);
      if (arx_statement_item_get_article_id (item) != arx_window_get_article_id (fixture->window))
        break;
    }
  select_statement (statements, row);
  g_assert_true (wait_for (fixture, window_idle));
  g_assert_cmpint (arx_window_get_article_id (fixture->window), ==,
                   arx_statement_item_get_article_id (item));
  gtk_text_buffer_get_iter_at_mark (buffer, &iter, gtk_text_buffer_get_insert (buffer));
  g_assert_true (gtk_text_iter_has_tag (&iter, gtk_text_tag_table_lookup (
    gtk_text_buffer_get_tag_table (buffer), "selected-statement")));
  /* the panel still lists the speaker's statements */
  g_assert_cmpuint (count_items (statements), ==, n);
}

/* The names screen readers announce (and end-to-end tools look for). */
static void
test_accessible_names (Fixture       *fixture,
                       gconstpointer  data)
{
  const char *names[] = { "seed-article.txt", NULL };
  GtkWidget *root = GTK_WIDGET (fixture->window);
  GtkWidget *statements = find_named (root, "statements-list");
  guint row;
  ArxStatementItem *item;
  g_autofree char *label = NULL;

  drop_files (fixture, names);
  g_assert_true (wait_for (fixture, has_statements));

  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (find_named (root, "statements-filter")),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "Filter statements");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (statements),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "Statements");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (find_named (root, "article-text")),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "Article text");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (find_named (root, "library-list")),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "Library");

  row = 0;
  item = statement_at (statements, row);
  label = g_strdup_printf ("%s: %s", arx_statement_item_get_speaker (item),
                           arx_statement_item_get_text (item));
  /* the list view's first row widget (at the top, position 0) holds our row */
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (gtk_widget_get_first_child (
                                         gtk_widget_get_first_child (statements))),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, label);
}

/* An article stored by an older analyzer is analysed again when a window opens on the
 * library, and the user's correction survives it. */
static void
test_reanalysis_on_open (Fixture       *fixture,
                         gconstpointer  data)
{
  const char *names[] = { "seed-article.txt", NULL };
  GtkWidget *statements;
  g_autofree char *path = g_build_filename (fixture->dir, "library.db", NULL);
  g_autoptr(sqlite3) db = NULL;
  ArxStatementItem *item;
  guint all, start, end;

  drop_files (fixture, names);
  g_assert_true (wait_for (fixture, has_statements));
  statements = find_named (GTK_WIDGET (fixture->window), "statements-list");
  all = count_items (statements);
  item = statement_at (statements, 0);
  start = arx_statement_item_get_start (item);
  end = arx_statement_item_get_end (item);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.not-a-statement",
                                             "(xuu)", (gint64)0, start, end));
  g_assert_true (wait_for (fixture, has_statements));

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "UPDATE articles SET analyzer_version = 'old'", NULL, NULL,
                                 NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_changes (db), ==, 1);

  gtk_window_destroy (GTK_WINDOW (fixture->window));
  fixture->window = arx_window_new (NULL, fixture->library);
  gtk_window_present (GTK_WINDOW (fixture->window));
  g_assert_true (wait_for (fixture, has_statements));

  statements = find_named (GTK_WIDGET (fixture->window), "statements-list");
  g_assert_cmpuint (count_items (statements), ==, all - 1);
  {
    g_autoptr(sqlite3_stmt) stmt = NULL;

    g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT analyzer_version FROM articles", -1, &stmt,
                                         NULL), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    g_assert_cmpstr ((const char *)sqlite3_column_text (stmt, 0), !=, "old");
  }
}

static void
test_highlight_toggle (Fixture       *fixture,
                       gconstpointer  data)
{
  GtkWidget *text_view = find_named (GTK_WIDGET (fixture->window), "article-text");
  GtkTextTagTable *tags = gtk_text_buffer_get_tag_table (
    gtk_text_view_get_buffer (GTK_TEXT_VIEW (text_view)));
  GtkTextTag *person = gtk_text_tag_table_lookup (tags, "entity-person");
  gboolean set = FALSE;

  g_assert_nonnull (person);
  g_object_get (person, "background-set", &set, NULL);
  g_assert_true (set);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window),
                                             "settings.highlight-entities", NULL));
  g_object_get (person, "background-set", &set, NULL);
  g_assert_false (set);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window),
                                             "settings.highlight-entities", NULL));
  g_object_get (person, "background-set", &set, NULL);
  g_assert_true (set);
}

static void
test_tags (Fixture       *fixture,
           gconstpointer  data)
{
  const char *names[] = { "seed-article.txt", "gui/bossert-follow-up.txt", NULL };
  GtkWidget *root = GTK_WIDGET (fixture->window);
  GtkWidget *library_list = find_named (root, "library-list");
  GtkWidget *flow = find_named (root, "article-tags");
  GtkWidget *entry = find_named (root, "tag-entry");
  GtkDropDown *filter = GTK_DROP_DOWN (find_named (root, "tag-filter"));
  GListModel *tags = gtk_drop_down_get_model (filter);
  gint64 tagged_id;

  drop_files (fixture, names);
  g_assert_true (wait_for (fixture, has_statements));
  g_assert_cmpuint (count_items (library_list), ==, 2);
  tagged_id = arx_window_get_article_id (fixture->window);

  gtk_editable_set_text (GTK_EDITABLE (entry), "  cyber norms ");
  g_signal_emit_by_name (entry, "activate");
  g_assert_nonnull (gtk_widget_get_first_child (flow));
  g_assert_null (gtk_widget_get_next_sibling (gtk_widget_get_first_child (flow)));
  g_assert_cmpuint (g_list_model_get_n_items (tags), ==, 2);   /* "All articles", the tag */
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (tags), 1), ==, "cyber norms");

  gtk_drop_down_set_selected (filter, 1);
  g_assert_true (wait_for (fixture, window_idle));
  g_assert_cmpuint (count_items (library_list), ==, 1);
  g_assert_cmpint (arx_window_get_article_id (fixture->window), ==, tagged_id);

  /* removing the tag from the article (its pill's button) empties the collection */
  g_signal_emit_by_name (gtk_flow_box_child_get_child (
                           GTK_FLOW_BOX_CHILD (gtk_widget_get_first_child (flow))), "clicked");
  g_assert_null (gtk_widget_get_first_child (flow));
  gtk_drop_down_set_selected (filter, 0);
  g_assert_true (wait_for (fixture, window_idle));
  g_assert_cmpuint (count_items (library_list), ==, 2);
}

/* A large library is listed a page at a time, newest first; scrolling to the end loads more. */
static void
test_library_pages (Fixture       *fixture,
                    gconstpointer  data)
{
  GtkWidget *library_list = find_named (GTK_WIDGET (fixture->window), "library-list");
  GtkAdjustment *adjustment;
  g_autoptr(ArxSidebarItem) first = NULL;
  guint n;

  for (guint i = 0; i < 520; i++)
    {
      g_autoptr(ArxArticle) article = arx_article_new ();
      g_autoptr(ArxAnalysis) analysis = arx_analysis_new ();
      g_autofree char *title = g_strdup_printf ("Story %u", i);
      g_autoptr(GError) error = NULL;
      gboolean duplicate;
      gint64 id;

      arx_article_set_title (article, title);
      arx_article_add_paragraph (article, title, -1);
      g_assert_true (arx_library_add (fixture->library, article, analysis, &id, &duplicate, &error));
      g_assert_no_error (error);
    }
  arx_window_reload_library (fixture->window);
  g_assert_true (wait_for (fixture, window_idle));

  n = count_items (library_list);
  g_assert_cmpuint (n, >=, 40);   /* the first page fills a tall window */
  g_assert_cmpuint (n, <, 520);
  first = g_list_model_get_item (G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (library_list))), 0);
  g_assert_cmpstr (arx_sidebar_item_get_title (first), ==, "Story 519");

  adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (library_list));
  /* the list must be laid out (a frame drawn) before it can scroll */
  {
    gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

    while (gtk_adjustment_get_upper (adjustment) <= gtk_adjustment_get_page_size (adjustment) &&
           g_get_monotonic_time () < deadline)
      g_main_context_iteration (NULL, TRUE);
  }
  g_assert_cmpfloat (gtk_adjustment_get_upper (adjustment), >, gtk_adjustment_get_page_size (adjustment));
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_cmpuint (count_items (library_list), ==, 520);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  arx_import_init ();

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/arx/window/empty-library", test_empty_library);
  ADD ("/arx/window/drop-imports-and-filters", test_drop_imports_and_filters);
  ADD ("/arx/window/drop-duplicate", test_drop_same_file_twice_is_duplicate);
  ADD ("/arx/window/select-statement", test_selecting_statement_scrolls_article);
  ADD ("/arx/window/bad-file-in-batch", test_bad_file_keeps_library);
  ADD ("/arx/window/library-search", test_library_search);
  ADD ("/arx/window/correction-and-undo", test_correction_and_undo);
  ADD ("/arx/window/drop-text", test_drop_text);
  ADD ("/arx/window/drop-link", test_drop_link);
  ADD ("/arx/window/speaker-across-library", test_speaker_across_library);
  ADD ("/arx/window/accessible-names", test_accessible_names);
  ADD ("/arx/window/reanalysis-on-open", test_reanalysis_on_open);
  ADD ("/arx/window/highlight-toggle", test_highlight_toggle);
  ADD ("/arx/window/tags", test_tags);
  ADD ("/arx/window/library-pages", test_library_pages);
#undef ADD

  return g_test_run ();
}
