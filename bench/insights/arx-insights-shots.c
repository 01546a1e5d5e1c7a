/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Screenshots of the Insights page and of the top speaker's profile, light and dark, from a
 * real window on a real library (run under Xvfb, by hand; see bench/insights/README.md). The
 * window is rendered through its own renderer, so what the PNG shows is what GTK drew. */
#include "config.h"

#include <adwaita.h>

#include "arx-import.h"
#include "arx-window-private.h"

static char *library_path = NULL;
static char *out_prefix = NULL;

static GOptionEntry entries[] = {
  { "library", 'l', 0, G_OPTION_ARG_FILENAME, &library_path, "The library to show", "PATH" },
  { "out", 'o', 0, G_OPTION_ARG_FILENAME, &out_prefix, "File name prefix of the PNGs", "PREFIX" },
  { NULL }
};

static void
settle (guint ms)
{
  gint64 until = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < until)
    {
      while (g_main_context_iteration (NULL, FALSE))
        ;
      g_usleep (5000);
    }
}

static void
wait_idle (ArxWindow *window)
{
  gint64 deadline = g_get_monotonic_time () + 120 * G_USEC_PER_SEC;

  while (arx_window_get_busy (window) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  settle (300);
}

/* @widget as drawn, over the window's background colour (a page inside a scrolled window is
 * drawn whole, not only the part on show) */
static void
save_png (GtkWidget  *widget,
          const char *suffix)
{
  g_autofree char *path = g_strconcat (out_prefix, suffix, ".png", NULL);
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  int width = gtk_widget_get_width (widget), height = gtk_widget_get_height (widget);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  GdkRGBA background;

  if (width <= 0 || height <= 0)
    {
      g_print ("%s: not on show, no picture\n", suffix);
      return;
    }

  gdk_rgba_parse (&background, adw_style_manager_get_dark (adw_style_manager_get_default ())
                               ? "#242424" : "#fafafa");
  gtk_snapshot_append_color (snapshot, &background, &GRAPHENE_RECT_INIT (0, 0, width, height));
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)),
                                         node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  if (!gdk_texture_save_to_png (texture, path))
    g_error ("could not write %s", path);
  g_print ("%s\n", path);
}

static void
shoot (ArxWindow  *window,
       const char *scheme)
{
  AdwStyleManager *style = adw_style_manager_get_default ();
  g_autofree char *insights = g_strconcat ("-insights-", scheme, NULL);
  g_autofree char *profile = g_strconcat ("-profile-", scheme, NULL);
  g_autofree char *page = g_strconcat ("-insights-page-", scheme, NULL);
  GtkWidget *scrolled = gtk_widget_get_first_child (GTK_WIDGET (window->insights_page));
  g_autoptr(GPtrArray) speakers = arx_library_list_speakers (window->library, NULL, NULL);

  adw_style_manager_set_color_scheme (style, g_str_equal (scheme, "dark")
                                             ? ADW_COLOR_SCHEME_FORCE_DARK
                                             : ADW_COLOR_SCHEME_FORCE_LIGHT);
  gtk_stack_set_visible_child_name (window->sidebar_stack, "insights");
  wait_idle (window);   /* the count of the library, in another thread */
  settle (500);
  save_png (GTK_WIDGET (window), insights);
  /* the scrolled window's viewport's box: every chart, at its natural height */
  save_png (gtk_viewport_get_child (GTK_VIEWPORT (gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scrolled)))),
            page);

  if (speakers != NULL && speakers->len > 0)
    {
      const ArxSpeakerRow *top = g_ptr_array_index (speakers, 0);

      for (guint i = 1; i < speakers->len; i++)
        if (((ArxSpeakerRow *)g_ptr_array_index (speakers, i))->n_statements > top->n_statements)
          top = g_ptr_array_index (speakers, i);
      _arx_window_show_profile (window, top->id);
      wait_idle (window);   /* the profile is read in another thread */
      save_png (GTK_WIDGET (window), profile);
    }
  gtk_stack_set_visible_child_name (window->sidebar_stack, "articles");
}

int
main (int argc, char **argv)
{
  g_autoptr(GOptionContext) options = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(ArxLibrary) library = NULL;
  ArxWindow *window;

  g_option_context_add_main_entries (options, entries, NULL);
  if (!g_option_context_parse (options, &argc, &argv, &error) || library_path == NULL ||
      out_prefix == NULL)
    {
      g_printerr ("usage: arx-insights-shots --library PATH --out PREFIX\n");
      return 2;
    }
  gtk_init ();
  adw_init ();
  arx_import_init ();
  /* what the application loads by itself from its resource path */
  {
    g_autoptr(GtkCssProvider) css = gtk_css_provider_new ();

    gtk_css_provider_load_from_resource (css, "/io/github/arx/ArticleExplorer/style.css");
    gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css),
                                                GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  }
  if ((library = arx_library_open (library_path, &error)) == NULL)
    g_error ("%s", error->message);
  window = arx_window_new (NULL, library);
  gtk_window_set_default_size (GTK_WINDOW (window), 1400, 900);
  gtk_window_present (GTK_WINDOW (window));
  wait_idle (window);
  shoot (window, "light");
  shoot (window, "dark");
  gtk_window_destroy (GTK_WINDOW (window));
  settle (100);
  return 0;
}
