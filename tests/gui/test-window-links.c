/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A dropped listing page: the header says what kind of page it is, and the window offers the
 * articles it links to; the ones the user keeps checked are fetched from a loopback server
 * through the URL import. */
#include "config.h"

#include <string.h>
#include <glib/gstdio.h>
#include <adwaita.h>
#include <libsoup/soup.h>

#include "arx-import.h"
#include "window-fixture.h"

static const char *const stories[][2] = {
  { "harbour-market", "Harbour market moves into the old fish hall" },
  { "robotics-prize", "School wins the regional robotics prize" },
  { "cycle-path", "A new cycle path along the dunes is approved" },
};

/* Each story page names its own path, so that every fetched page is a different article. */
static void
serve_story_cb (SoupServer        *server,
                SoupServerMessage *msg,
                const char        *path,
                GHashTable        *query,
                gpointer           user_data)
{
  char *page = g_strdup_printf ("<html><head><title>%s</title></head><body><article><h1>%s</h1>"
                                "<p>The story at %s was reported on Monday by our coastal desk, "
                                "with comments from people who live nearby.</p>"
                                "<p>“We waited a long time for this,” said Ana Ruiz, a resident.</p>"
                                "</article></body></html>", path, path, path);

  soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
  soup_server_message_set_response (msg, "text/html; charset=utf-8", SOUP_MEMORY_TAKE, page, strlen (page));
}

/* A section front of a local paper, saved to a file, its links pointing at @base. */
static char *
write_listing (Fixture    *fixture,
               const char *base)
{
  g_autoptr(GString) html = g_string_new (NULL);
  g_autofree char *path = g_build_filename (fixture->dir, "coast.html", NULL);
  g_autoptr(GError) error = NULL;

  g_string_append_printf (html, "<html><head><title>Coast – The Coastal Times</title>"
                                "<link rel=\"canonical\" href=\"%s\"></head><body>"
                                "<nav><a href=\"/\">Home</a> <a href=\"/sport\">Sport</a></nav><main>"
                                "<h1>Coast</h1>", base);
  for (guint i = 0; i < G_N_ELEMENTS (stories); i++)
    g_string_append_printf (html, "<div class=\"teaser\"><h2><a href=\"/news/%s\">%s</a></h2>"
                                  "<p>Read how the town on the coast took the news this week.</p></div>",
                            stories[i][0], stories[i][1]);
  g_string_append (html, "</main><footer>© The Coastal Times</footer></body></html>");
  g_file_set_contents (path, html->str, -1, &error);
  g_assert_no_error (error);
  return g_steal_pointer (&path);
}

static AdwMessageDialog *
find_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return ADW_MESSAGE_DIALOG (window);
    }
  return NULL;
}

static gboolean
has_dialog (Fixture *fixture)
{
  return find_dialog () != NULL;
}

static gboolean
has_three_articles (Fixture *fixture)
{
  return window_idle (fixture)
         && count_items (find_named (GTK_WIDGET (fixture->window), "library-list")) == 3;
}

static void
test_listing_offers_links (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(SoupServer) server = soup_server_new (NULL, NULL);
  g_autoptr(GError) error = NULL;
  GSList *uris;
  g_autofree char *base = NULL;
  g_autofree char *path = NULL;
  const char *paths[2] = { NULL, NULL };
  GtkWidget *root = GTK_WIDGET (fixture->window);
  GtkWidget *kind, *button, *list;
  AdwMessageDialog *dialog;
  GtkListBoxRow *row;

  soup_server_add_handler (server, NULL, serve_story_cb, NULL, NULL);
  soup_server_listen_local (server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error);
  g_assert_no_error (error);
  uris = soup_server_get_uris (server);
  base = g_uri_to_string (uris->data);
  g_slist_free_full (uris, (GDestroyNotify)g_uri_unref);

  path = write_listing (fixture, base);
  paths[0] = path;
  drop_paths (fixture, paths);
  g_assert_true (wait_for (fixture, window_idle));

  /* the header names the kind of page and offers its links */
  kind = find_named (root, "article-kind");
  button = find_named (root, "import-linked-button");
  g_assert_true (gtk_widget_get_mapped (kind));
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (kind)), ==, "List of articles");
  g_assert_true (gtk_widget_get_mapped (button));

  gtk_widget_activate (button);
  g_assert_true (wait_for (fixture, has_dialog));
  dialog = find_dialog ();
  list = find_named (GTK_WIDGET (dialog), "linked-articles-list");
  g_assert_nonnull (list);
  g_assert_cmpuint (count_rows (list), ==, G_N_ELEMENTS (stories));

  /* the user leaves out the second story */
  row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 1);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, stories[1][1]);
  gtk_check_button_set_active (g_object_get_data (G_OBJECT (row), "arx-check"), FALSE);
  adw_message_dialog_response (dialog, "import");
  gtk_window_destroy (GTK_WINDOW (dialog));

  /* the listing and the two stories kept */
  g_assert_true (wait_for (fixture, has_three_articles));
  g_unlink (path);
}

/* A story has no links to offer and says nothing about its kind. */
static void
test_story_has_no_offer (Fixture       *fixture,
                         gconstpointer  data)
{
  const char *names[] = { "seed-article.txt", NULL };

  drop_files (fixture, names);
  g_assert_true (wait_for (fixture, has_statements));
  g_assert_false (gtk_widget_get_mapped (find_named (GTK_WIDGET (fixture->window), "article-kind")));
  g_assert_false (gtk_widget_get_mapped (find_named (GTK_WIDGET (fixture->window), "import-linked-button")));
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  arx_import_init ();

  g_test_add ("/arx/window/listing-offers-links", Fixture, NULL, fixture_set_up, test_listing_offers_links,
              fixture_tear_down);
  g_test_add ("/arx/window/story-has-no-offer", Fixture, NULL, fixture_set_up, test_story_has_no_offer,
              fixture_tear_down);
  return g_test_run ();
}
