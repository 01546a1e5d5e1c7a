/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The window test fixture: a real window on a real library file in a temporary folder, the
 * window's own drop handler, and waiting for the work it does off the main thread. */
#include "config.h"

#include <glib/gstdio.h>

#include "arx-sidebar-item.h"

#include "window-fixture.h"

GtkWidget *
find_named (GtkWidget  *root,
            const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (root), name) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_named (child, name);

      if (found != NULL)
        return found;
    }
  return NULL;
}

guint
count_rows (GtkWidget *list_box)
{
  guint n = 0;

  while (gtk_list_box_get_row_at_index (GTK_LIST_BOX (list_box), n) != NULL)
    n++;
  return n;
}

/* The model of a list or grid view (the sidebar's lists, the statements panel). */
static GtkSelectionModel *
view_model (GtkWidget *view)
{
  GtkSelectionModel *model = NULL;

  g_object_get (view, "model", &model, NULL);
  g_object_unref (model);    /* the view keeps it */
  return model;
}

guint
count_items (GtkWidget *list_view)
{
  return g_list_model_get_n_items (G_LIST_MODEL (view_model (list_view)));
}

/* The statement at @position of the list as shown (owned by the list's model). */
ArxStatementItem *
statement_at (GtkWidget *list_view,
              guint      position)
{
  ArxStatementItem *item = g_list_model_get_item (G_LIST_MODEL (view_model (list_view)), position);

  g_object_unref (item);
  return item;
}

/* What a click on a statement row does: select it. */
void
select_statement (GtkWidget *list_view,
                  guint      position)
{
  gtk_selection_model_select_item (view_model (list_view), position, TRUE);
}

gboolean
wait_for (Fixture   *fixture,
          Condition  condition)
{
  gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

  while (!condition (fixture))
    {
      if (g_get_monotonic_time () > deadline)
        return FALSE;
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  /* let pending idle work (row creation, headers) settle */
  while (g_main_context_iteration (NULL, FALSE))
    ;
  return TRUE;
}

gboolean
window_idle (Fixture *fixture)
{
  return !arx_window_get_busy (fixture->window);
}

/* The window is idle and a library list in the statements panel is read to its end. */
gboolean
statements_loaded (Fixture *fixture)
{
  GtkWidget *list = find_named (GTK_WIDGET (fixture->window), "statements-list");
  GListModel *model = gtk_single_selection_get_model (GTK_SINGLE_SELECTION (view_model (list)));

  return window_idle (fixture) &&
         !(ARX_IS_PAGED_STATEMENTS (model) && arx_paged_statements_get_loading (ARX_PAGED_STATEMENTS (model)));
}

gboolean
has_statements (Fixture *fixture)
{
  GtkWidget *list = find_named (GTK_WIDGET (fixture->window), "statements-list");

  return window_idle (fixture) && count_items (list) > 0;
}

void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  fixture->dir = g_dir_make_tmp ("arx-gui-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (fixture->dir, "library.db", NULL);
  fixture->library = arx_library_open (path, &error);
  g_assert_no_error (error);
  fixture->window = arx_window_new (NULL, fixture->library);
  gtk_window_present (GTK_WINDOW (fixture->window));
  g_assert_true (wait_for (fixture, window_idle));
}

void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *db = g_build_filename (fixture->dir, "library.db", NULL);
  g_autofree char *wal = g_strconcat (db, "-wal", NULL);
  g_autofree char *shm = g_strconcat (db, "-shm", NULL);

  gtk_window_destroy (GTK_WINDOW (fixture->window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_clear_object (&fixture->library);
  g_unlink (wal);
  g_unlink (shm);
  g_unlink (db);
  g_rmdir (fixture->dir);
  g_free (fixture->dir);
}

char *
fixture_path (const char *name)
{
  return g_build_filename (g_getenv ("ARX_FIXTURES"), name, NULL);
}

/* The GtkDropTarget the window installed: the tests drop through its real handler. */
GtkDropTarget *
find_drop_target (Fixture *fixture)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (fixture->window));

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_DROP_TARGET (controller))
        return GTK_DROP_TARGET (controller);
    }
  g_assert_not_reached ();
}

void
drop_string (Fixture    *fixture,
             const char *text)
{
  GValue value = G_VALUE_INIT;
  gboolean handled = FALSE;

  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, text);
  g_signal_emit_by_name (find_drop_target (fixture), "drop", &value, 10.0, 10.0, &handled);
  g_value_unset (&value);
  g_assert_true (handled);
}

/* Drops files given by absolute path through the window's drop handler. */
void
drop_paths (Fixture     *fixture,
            const char **paths)
{
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
  GtkDropTarget *target = find_drop_target (fixture);
  GValue value = G_VALUE_INIT;
  gboolean handled = FALSE;

  for (guint i = 0; paths[i] != NULL; i++)
    g_ptr_array_add (files, g_file_new_for_path (paths[i]));
  g_value_init (&value, GDK_TYPE_FILE_LIST);
  g_value_take_boxed (&value, gdk_file_list_new_from_array ((GFile **)files->pdata, files->len));
  g_signal_emit_by_name (target, "drop", &value, 10.0, 10.0, &handled);
  g_value_unset (&value);
  g_assert_true (handled);
}

/* Drops fixture files (names under tests/fixtures). */
void
drop_files (Fixture     *fixture,
            const char **names)
{
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; names[i] != NULL; i++)
    g_ptr_array_add (paths, fixture_path (names[i]));
  g_ptr_array_add (paths, NULL);
  drop_paths (fixture, (const char **)paths->pdata);
}

/* Shows the Speakers page and chooses the speaker named @name (FALSE when it is not listed). */
gboolean
select_speaker (Fixture    *fixture,
                GtkWidget  *speakers,
                const char *name)
{
  GtkSingleSelection *selection = GTK_SINGLE_SELECTION (gtk_list_view_get_model (GTK_LIST_VIEW (speakers)));
  guint found = GTK_INVALID_LIST_POSITION;

  gtk_stack_set_visible_child_name (GTK_STACK (gtk_widget_get_ancestor (speakers, GTK_TYPE_STACK)),
                                    "speakers");
  while (g_main_context_iteration (NULL, FALSE))
    ;
  for (guint i = 0; i < count_items (speakers); i++)
    {
      g_autoptr(ArxSidebarItem) speaker = g_list_model_get_item (G_LIST_MODEL (selection), i);

      if (!arx_sidebar_item_is_heading (speaker) &&
          g_strcmp0 (arx_sidebar_item_get_title (speaker), name) == 0)
        found = i;
    }
  if (found == GTK_INVALID_LIST_POSITION)
    return FALSE;
  gtk_single_selection_set_selected (selection, found);
  return wait_for (fixture, statements_loaded);
}

/* A web server on 127.0.0.1 answering every path with @handler; its address goes to @base
 * ("http://127.0.0.1:PORT/"). */
SoupServer *
serve_locally (SoupServerCallback   handler,
               char               **base)
{
  SoupServer *server = soup_server_new (NULL, NULL);
  g_autoptr(GError) error = NULL;
  GSList *uris;

  soup_server_add_handler (server, NULL, handler, NULL, NULL);
  soup_server_listen_local (server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error);
  g_assert_no_error (error);
  uris = soup_server_get_uris (server);
  *base = g_uri_to_string (uris->data);
  g_slist_free_full (uris, (GDestroyNotify)g_uri_unref);
  return server;
}
