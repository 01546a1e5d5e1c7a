/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>
#include <libsoup/soup.h>

#include "arx-library.h"
#include "arx-paged-statements.h"
#include "arx-statement-item.h"
#include "arx-window.h"

G_BEGIN_DECLS

/* Real window, real library file, real drop handler: the tests drive the app the way a user's
 * drop does and read what the widgets show. */

typedef struct
{
  char       *dir;
  ArxLibrary *library;
  ArxWindow  *window;
} Fixture;

typedef gboolean (*Condition) (Fixture *fixture);

GtkWidget     *find_named         (GtkWidget   *root,
                                   const char  *name);
guint          count_rows         (GtkWidget   *list_box);
guint          count_items        (GtkWidget   *list_view);
ArxStatementItem *statement_at    (GtkWidget   *list_view,
                                   guint        position);
void           select_statement   (GtkWidget   *list_view,
                                   guint        position);
gboolean       wait_for           (Fixture     *fixture,
                                   Condition    condition);
gboolean       window_idle        (Fixture     *fixture);
gboolean       has_statements     (Fixture     *fixture);
gboolean       statements_loaded  (Fixture     *fixture);
void           fixture_set_up     (Fixture       *fixture,
                                   gconstpointer  data);
void           fixture_tear_down  (Fixture       *fixture,
                                   gconstpointer  data);
char          *fixture_path       (const char  *name);
GtkDropTarget *find_drop_target   (Fixture     *fixture);
void           drop_string        (Fixture     *fixture,
                                   const char  *text);
void           drop_paths         (Fixture     *fixture,
                                   const char **paths);
void           drop_files         (Fixture     *fixture,
                                   const char **names);
gboolean       select_speaker     (Fixture     *fixture,
                                   GtkWidget   *speakers,
                                   const char  *name);
SoupServer    *serve_locally      (SoupServerCallback   handler,
                                   char               **base);

G_END_DECLS
