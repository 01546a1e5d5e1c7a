/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib/gstdio.h>
#include <gtk/gtk.h>

#include "arx-autocleanups.h"
#include "arx-library.h"
#include "arx-sidebar-item.h"
#include "arx-statement-item.h"
#include "arx-window.h"

/* Real window, real library file, real drop handler: the tests drive the app the way a user's
 * drop does and read what the widgets show. */

typedef struct
{
  char       *dir;
  ArxLibrary *library;
  ArxWindow  *window;
} Fixture;

static inline GtkWidget *
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

static inline guint
count_rows (GtkWidget *list_box)
{
  guint n = 0;

  while (gtk_list_box_get_row_at_index (GTK_LIST_BOX (list_box), n) != NULL)
    n++;
  return n;
}

/* The sidebar lists are GtkListViews: count their model's items. */
static inline guint
count_items (GtkWidget *list_view)
{
  return g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (list_view))));
}

typedef gboolean (*Condition) (Fixture *fixture);

static inline gboolean
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

static inline gboolean
window_idle (Fixture *fixture)
{
  return !arx_window_get_busy (fixture->window);
}

static inline gboolean
has_statements (Fixture *fixture)
{
  GtkWidget *list = find_named (GTK_WIDGET (fixture->window), "statements-list");

  return window_idle (fixture) && count_rows (list) > 0;
}

static inline void
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

static inline void
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

/* Shows the Speakers page and chooses the speaker named @name (FALSE when it is not listed). */
static inline gboolean
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
  while (g_main_context_iteration (NULL, FALSE))
    ;
  return TRUE;
}
