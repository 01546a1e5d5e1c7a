/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "arx-application"

#include "config.h"

#include <glib/gi18n.h>

#include "arx-import.h"
#include "arx-library.h"
#include "arx-window.h"

#include "arx-application.h"

struct _ArxApplication
{
  AdwApplication  parent_instance;

  char           *library_path;
  ArxLibrary     *library;
};

G_DEFINE_FINAL_TYPE (ArxApplication, arx_application, ADW_TYPE_APPLICATION)

/* Opens the library on first use; a library that cannot be opened is a blocking problem,
 * shown in a dialog that names the file, and the file is left untouched. */
static ArxLibrary *
ensure_library (ArxApplication *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  if (self->library != NULL)
    return self->library;

  path = self->library_path ? g_strdup (self->library_path) : arx_library_default_path ();
  self->library = arx_library_open (path, &error);
  if (self->library == NULL)
    {
      GtkWidget *dialog = adw_message_dialog_new (NULL, _("Cannot Open the Library"), NULL);

      adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog), "%s: %s", path,
                                      error->message);
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_application_add_window (GTK_APPLICATION (self), GTK_WINDOW (dialog));
      gtk_window_present (GTK_WINDOW (dialog));
    }
  return self->library;
}

static GtkWindow *
ensure_window (ArxApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (window != NULL && ARX_IS_WINDOW (window))
    return window;
  if (ensure_library (self) == NULL)
    return NULL;
  return GTK_WINDOW (arx_window_new (GTK_APPLICATION (self), self->library));
}

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  g_application_quit (G_APPLICATION (user_data));
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  GtkApplication *app = user_data;
  static const char *developers[] = { "Article Explorer developers", NULL };
  GtkWidget *about = adw_about_window_new ();

  g_object_set (about,
                "transient-for", gtk_application_get_active_window (app),
                "application-name", _("Article Explorer"),
                "application-icon", APPLICATION_ID,
                "version", PACKAGE_VERSION,
                "developers", developers,
                "license-type", GTK_LICENSE_GPL_3_0,
                "comments", _("Read news articles and see who said what."),
                NULL);
  gtk_window_present (GTK_WINDOW (about));
}

static const GActionEntry app_actions[] = {
  { "quit", quit_action },
  { "about", about_action },
};

static int
arx_application_handle_local_options (GApplication *app,
                                      GVariantDict *options)
{
  ArxApplication *self = ARX_APPLICATION (app);
  const char *path = NULL;

  if (g_variant_dict_lookup (options, "version", "b", NULL))
    {
      g_print ("article-explorer %s\n", PACKAGE_VERSION);
      return 0;
    }
  if (g_variant_dict_lookup (options, "library", "^&ay", &path))
    self->library_path = g_strdup (path);

  return -1;
}

static void
arx_application_startup (GApplication *app)
{
  static const char *quit_accels[] = { "<Control>q", NULL };

  G_APPLICATION_CLASS (arx_application_parent_class)->startup (app);

  arx_import_init ();
  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions,
                                   G_N_ELEMENTS (app_actions), app);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit", quit_accels);
}

static void
arx_application_activate (GApplication *app)
{
  GtkWindow *window = ensure_window (ARX_APPLICATION (app));

  if (window != NULL)
    gtk_window_present (window);
}

static void
arx_application_open (GApplication  *app,
                      GFile        **files,
                      int            n_files,
                      const char    *hint)
{
  GtkWindow *window = ensure_window (ARX_APPLICATION (app));

  if (window == NULL)
    return;
  gtk_window_present (window);
  arx_window_import_files (ARX_WINDOW (window), files, n_files);
}

static void
arx_application_finalize (GObject *object)
{
  ArxApplication *self = (ArxApplication *)object;

  g_clear_object (&self->library);
  g_free (self->library_path);

  G_OBJECT_CLASS (arx_application_parent_class)->finalize (object);
}

static void
arx_application_class_init (ArxApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = arx_application_finalize;
  app_class->handle_local_options = arx_application_handle_local_options;
  app_class->startup = arx_application_startup;
  app_class->activate = arx_application_activate;
  app_class->open = arx_application_open;
}

static void
arx_application_init (ArxApplication *self)
{
  static const GOptionEntry entries[] = {
    { "library", 'l', 0, G_OPTION_ARG_FILENAME, NULL,
      N_("Library file (default: $ARX_LIBRARY or ~/.local/share/article-explorer/library.db)"),
      N_("PATH") },
    { "version", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Show the version"), NULL },
    { NULL }
  };

  g_application_add_main_option_entries (G_APPLICATION (self), entries);
}

ArxApplication *
arx_application_new (void)
{
  /* Non-unique: each instance may be opened on its own library file (--library), and the
   * app works without a session bus. */
  return g_object_new (ARX_TYPE_APPLICATION,
                       "application-id", APPLICATION_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE,
                       "resource-base-path", "/io/github/arx/ArticleExplorer",
                       NULL);
}
