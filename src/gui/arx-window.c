/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "arx-window"

#include "config.h"

#include <glib/gi18n.h>

#include "arx-display.h"
#include "arx-window-private.h"

G_DEFINE_FINAL_TYPE (ArxWindow, arx_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_LIBRARY,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef struct
{
  gint64       id;
  ArxArticle  *article;
  ArxAnalysis *analysis;
} LoadedArticle;

static void
loaded_article_free (gpointer data)
{
  LoadedArticle *loaded = data;

  g_clear_object (&loaded->article);
  g_clear_pointer (&loaded->analysis, arx_analysis_unref);
  g_free (loaded);
}

static void
load_article_thread (GTask        *task,
                     gpointer      source_object,
                     gpointer      task_data,
                     GCancellable *cancellable)
{
  ArxLibrary *library = source_object;
  gint64 id = *(gint64 *)task_data;
  LoadedArticle *loaded = g_new0 (LoadedArticle, 1);
  GError *error = NULL;

  loaded->id = id;
  if (!arx_library_load_article (library, id, &loaded->article, &loaded->analysis, &error))
    {
      loaded_article_free (loaded);
      g_task_return_error (task, error);
      return;
    }
  g_task_return_pointer (task, loaded, loaded_article_free);
}

static void show_loaded (ArxWindow     *self,
                         LoadedArticle *loaded);

/* After the window's first frame: the article loaded meanwhile goes in now. */
static gboolean
show_first_loaded (gpointer data)
{
  ArxWindow *self = data;
  LoadedArticle *loaded = g_steal_pointer (&self->first_loaded);

  self->painted = TRUE;
  if (loaded != NULL)
    {
      _arx_window_set_busy (self, FALSE);
      /* A later selection wins over a slow earlier load. */
      if (loaded->id == self->article_id)
        show_loaded (self, loaded);
      else
        loaded_article_free (loaded);
    }
  return G_SOURCE_REMOVE;
}

static void
on_first_paint_cb (GdkFrameClock *clock,
                   ArxWindow     *self)
{
  g_signal_handlers_disconnect_by_func (clock, on_first_paint_cb, self);
  /* once the frame is over: not inside its paint */
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, show_first_loaded, g_object_ref (self), g_object_unref);
}

static void
on_map_cb (ArxWindow *self)
{
  if (!self->painted)
    g_signal_connect_object (gtk_widget_get_frame_clock (GTK_WIDGET (self)), "after-paint",
                             G_CALLBACK (on_first_paint_cb), self, 0);
}

static void
load_article_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(ArxWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  LoadedArticle *loaded = g_task_propagate_pointer (G_TASK (result), &error);
  gint64 id = *(gint64 *)g_task_get_task_data (G_TASK (result));

  if (loaded == NULL)
    {
      _arx_window_set_busy (self, FALSE);
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        _arx_window_show_toast (self, error->message);
      return;
    }
  /* A later selection wins over a slow earlier load. */
  if (id != self->article_id)
    {
      _arx_window_set_busy (self, FALSE);
      loaded_article_free (loaded);
      return;
    }
  /* The first frame shows the window and its library; the article (its text laid out, a
   * row for each statement on screen) was most of that frame's work: it comes in the next. */
  if (gtk_widget_get_mapped (GTK_WIDGET (self)) && !self->painted)
    {
      if (self->first_loaded != NULL)
        {
          _arx_window_set_busy (self, FALSE);
          loaded_article_free (self->first_loaded);
        }
      self->first_loaded = loaded;
      return;
    }
  _arx_window_set_busy (self, FALSE);
  show_loaded (self, loaded);
}

static void
show_loaded (ArxWindow     *self,
             LoadedArticle *loaded)
{
  arx_article_view_set_article (self->article_view, loaded->article, loaded->analysis);
  if (self->offer_links)
    {
      self->offer_links = FALSE;
      _arx_window_offer_links (self, loaded->article);
    }
  /* While a speaker's library statements are listed, the panel keeps them. */
  if (self->speaker_scope == NULL)
    arx_statement_panel_set_analysis (self->statement_panel, loaded->analysis,
                                      arx_article_get_text (loaded->article));
  _arx_window_refresh_tags (self);
  if (self->pending_start >= 0)
    {
      arx_article_view_show_span (self->article_view, self->pending_start, self->pending_end);
      self->pending_start = self->pending_end = -1;
    }
  {
    g_autofree char *title = arx_display_title (arx_article_get_title (loaded->article),
                                                arx_article_get_source_uri (loaded->article));

    adw_window_title_set_subtitle (self->window_title, title);
  }
  loaded_article_free (loaded);
}

static void
on_statement_panel_statement_activated_cb (ArxWindow         *self,
                                           ArxStatementItem  *item,
                                           ArxStatementPanel *panel)
{
  gint64 article_id = arx_statement_item_get_article_id (item);

  /* A statement from another article (a speaker's library list) opens that article first. */
  if (article_id > 0 && article_id != self->article_id)
    {
      self->pending_start = arx_statement_item_get_start (item);
      self->pending_end = arx_statement_item_get_end (item);
      arx_window_select_article (self, article_id);
      return;
    }
  arx_article_view_show_span (self->article_view,
                              arx_statement_item_get_start (item),
                              arx_statement_item_get_end (item));
}

static void
arx_window_dispose (GObject *object)
{
  ArxWindow *self = (ArxWindow *)object;

  g_cancellable_cancel (self->cancellable);
  g_cancellable_cancel (self->import_cancellable);
  g_cancellable_cancel (self->insights_cancellable);
  g_cancellable_cancel (self->profile_cancellable);
  g_cancellable_cancel (self->bar_cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), ARX_TYPE_WINDOW);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->import_cancellable);
  g_clear_object (&self->insights_cancellable);
  g_clear_object (&self->profile_cancellable);
  g_clear_object (&self->bar_cancellable);
  g_clear_object (&self->insights_reader);
  g_clear_object (&self->library);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->speaker_scope, g_free);
  g_clear_pointer (&self->first_loaded, loaded_article_free);

  G_OBJECT_CLASS (arx_window_parent_class)->dispose (object);
}

static void
arx_window_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  ArxWindow *self = ARX_WINDOW (object);

  switch (prop_id)
    {
    case PROP_LIBRARY:
      g_value_set_object (value, self->library);
      break;
    case PROP_BUSY:
      g_value_set_boolean (value, self->busy > 0);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
arx_window_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  ArxWindow *self = ARX_WINDOW (object);

  switch (prop_id)
    {
    case PROP_LIBRARY:
      self->library = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
arx_window_constructed (GObject *object)
{
  ArxWindow *self = (ArxWindow *)object;

  G_OBJECT_CLASS (arx_window_parent_class)->constructed (object);
  _arx_window_tags_init (self);
  arx_window_reload_library (self);
  _arx_window_reanalyze_in_background (self);
}

static void
arx_window_class_init (ArxWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = arx_window_dispose;
  object_class->get_property = arx_window_get_property;
  object_class->set_property = arx_window_set_property;
  object_class->constructed = arx_window_constructed;

  properties[PROP_LIBRARY] =
    g_param_spec_object ("library", NULL, NULL, ARX_TYPE_LIBRARY,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (ARX_TYPE_ARTICLE_VIEW);
  g_type_ensure (ARX_TYPE_SIDEBAR_ITEM);
  g_type_ensure (ARX_TYPE_STATEMENT_PANEL);
  g_type_ensure (ARX_TYPE_INSIGHTS_SCOPE);
  g_type_ensure (ARX_TYPE_INSIGHTS_PAGE);
  g_type_ensure (ARX_TYPE_SPEAKER_PROFILE);

  gtk_widget_class_set_template_from_resource (widget_class,
    "/io/github/arx/ArticleExplorer/ui/arx-window.ui");
  gtk_widget_class_bind_template_child (widget_class, ArxWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, ArxWindow, progress_revealer);
  gtk_widget_class_bind_template_child (widget_class, ArxWindow, progress_label);
  gtk_widget_class_bind_template_child (widget_class, ArxWindow, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, ArxWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, ArxWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, ArxWindow, library_view);
  gtk_widget_class_bind_template_child (widget_class, ArxWindow, library_selection);
  gtk_widget_class_bind_template_child (widget_class, ArxWindow, library_store);
  gtk_widget_class_bind_template_child (widget_class, ArxWindow, library_search);
  gtk_widget_class_bind_template_child (widget_class, ArxWindow, library_placeholder);
  gtk_widget_class_bind_template_child (widget_class, ArxWindow, sidebar_stack);
  gtk_widget_class_bind_template_child (widget_class, ArxWindow, tag_filter);
  gtk_widget_class_bind_template_child (widget_class, ArxWindow, tag_filter_model);
  gtk_widget_class_bind_template_child (widget_class, ArxWindow, tag_bar);
  gtk_widget_class_bind_template_child (widget_class, ArxWindow, tag_flow);
  gtk_widget_class_bind_template_child (widget_class, ArxWindow, tag_entry);
  gtk_widget_class_bind_template_child (widget_class, ArxWindow, speaker_search);
  gtk_widget_class_bind_template_child (widget_class, ArxWindow, speaker_view);
  gtk_widget_class_bind_template_child (widget_class, ArxWindow, speaker_selection);
  gtk_widget_class_bind_template_child (widget_class, ArxWindow, speaker_store);
  gtk_widget_class_bind_template_child (widget_class, ArxWindow, article_view);
  gtk_widget_class_bind_template_child (widget_class, ArxWindow, statement_panel);
  gtk_widget_class_bind_template_child (widget_class, ArxWindow, insights_scope);
  gtk_widget_class_bind_template_child (widget_class, ArxWindow, content_stack);
  gtk_widget_class_bind_template_child (widget_class, ArxWindow, insights_page);
  gtk_widget_class_bind_template_child (widget_class, ArxWindow, speaker_profile);
  gtk_widget_class_bind_template_callback (widget_class,
                                           on_statement_panel_statement_activated_cb);

  _arx_window_class_actions_init (widget_class);
  _arx_window_class_corrections_init (widget_class);
  _arx_window_class_library_init (widget_class);
  _arx_window_class_speakers_init (widget_class);
  _arx_window_class_insights_init (widget_class);
  _arx_window_class_links_init (widget_class);
}

/* Before the window has a surface its monitor is unknown; the first one is where a new
 * window opens on a one-screen laptop, the case this is for. */
static gboolean
opens_maximized (ArxWindow *self)
{
  GListModel *monitors = gdk_display_get_monitors (gtk_widget_get_display (GTK_WIDGET (self)));
  g_autoptr(GdkMonitor) monitor = g_list_model_get_item (monitors, 0);
  GdkRectangle geometry;

  if (monitor == NULL)
    return FALSE;
  gdk_monitor_get_geometry (monitor, &geometry);
  return _arx_window_opens_maximized (self->settings, geometry.width, geometry.height);
}

static void
arx_window_init (ArxWindow *self)
{
  g_autoptr(GSettingsSchema) schema = NULL;
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();

  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();

  /* Window size is remembered when the schema is installed (always, except when run
   * uninstalled without GSETTINGS_SCHEMA_DIR). */
  if (source != NULL &&
      (schema = g_settings_schema_source_lookup (source, APPLICATION_ID, TRUE)) != NULL)
    {
      self->settings = g_settings_new (APPLICATION_ID);
      g_settings_bind (self->settings, "window-width", self, "default-width", G_SETTINGS_BIND_DEFAULT);
      g_settings_bind (self->settings, "window-height", self, "default-height", G_SETTINGS_BIND_DEFAULT);
      g_settings_bind (self->settings, "window-maximized", self, "maximized", G_SETTINGS_BIND_DEFAULT);
      /* on a small screen the default size would hide under the panels: start maximised
       * once; from then on the user's own choice is remembered */
      if (opens_maximized (self))
        gtk_window_maximize (GTK_WINDOW (self));
      g_settings_bind (self->settings, "highlight-entities", self->article_view,
                       "highlight-entities", G_SETTINGS_BIND_DEFAULT);
      {
        g_autoptr(GAction) action = g_settings_create_action (self->settings,
                                                              "highlight-entities");
        g_autoptr(GAction) gender = g_settings_create_action (self->settings, "show-gender");
        g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();

        g_action_map_add_action (G_ACTION_MAP (group), action);
        g_action_map_add_action (G_ACTION_MAP (group), gender);
        gtk_widget_insert_action_group (GTK_WIDGET (self), "settings", G_ACTION_GROUP (group));
      }
    }

  g_signal_connect (self, "map", G_CALLBACK (on_map_cb), NULL);
  _arx_window_dnd_init (self);
  _arx_window_library_init (self);
  _arx_window_speakers_init (self);
  _arx_window_insights_init (self);
  self->pending_start = self->pending_end = -1;
}

ArxWindow *
arx_window_new (GtkApplication *application,
                ArxLibrary     *library)
{
  g_return_val_if_fail (ARX_IS_LIBRARY (library), NULL);

  return g_object_new (ARX_TYPE_WINDOW,
                       "application", application,
                       "library", library,
                       NULL);
}

ArxLibrary *
arx_window_get_library (ArxWindow *self)
{
  g_return_val_if_fail (ARX_IS_WINDOW (self), NULL);
  return self->library;
}

gint64
arx_window_get_article_id (ArxWindow *self)
{
  g_return_val_if_fail (ARX_IS_WINDOW (self), 0);
  return self->article_id;
}

gboolean
arx_window_get_busy (ArxWindow *self)
{
  g_return_val_if_fail (ARX_IS_WINDOW (self), FALSE);
  return self->busy > 0;
}

void
_arx_window_set_busy (ArxWindow *self,
                      gboolean   busy)
{
  g_assert (ARX_IS_WINDOW (self));
  g_assert (busy || self->busy > 0);

  self->busy += busy ? 1 : -1;
  if (self->busy == (busy ? 1u : 0u))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

void
_arx_window_show_toast (ArxWindow  *self,
                        const char *message)
{
  AdwToast *toast = adw_toast_new (message);

  adw_toast_set_timeout (toast, 8);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/**
 * arx_window_select_article:
 *
 * Shows the article @article_id; it is loaded from the library off the main thread.
 */
void
arx_window_select_article (ArxWindow *self,
                           gint64     article_id)
{
  g_autoptr(GTask) task = NULL;
  guint position;

  g_return_if_fail (ARX_IS_WINDOW (self));

  self->article_id = article_id;
  arx_insights_scope_set_article (self->insights_scope, article_id);
  position = _arx_window_find_library_position (self, article_id);
  if (position != GTK_INVALID_LIST_POSITION &&
      gtk_single_selection_get_selected (self->library_selection) != position)
    {
      self->reloading = TRUE;
      gtk_single_selection_set_selected (self->library_selection, position);
      self->reloading = FALSE;
    }

  _arx_window_set_busy (self, TRUE);
  task = g_task_new (self->library, self->cancellable, load_article_cb, g_object_ref (self));
  g_task_set_source_tag (task, arx_window_select_article);
  g_task_set_task_data (task, g_memdup2 (&article_id, sizeof article_id), g_free);
  g_task_run_in_thread (task, load_article_thread);
}

/* Nothing stored yet: no window of the app was ever resized or maximised on this account. */
static gboolean
is_first_start (GSettings *settings)
{
  static const char *const keys[] = { "window-width", "window-height", "window-maximized" };

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      g_autoptr(GVariant) value = g_settings_get_user_value (settings, keys[i]);

      if (value != NULL)
        return FALSE;
    }
  return TRUE;
}

/**
 * _arx_window_opens_maximized:
 * @settings: the app's settings
 *
 * Returns: whether a new window should open maximised on a screen of this size: on the first
 * start only, when the default size does not fit beside the desktop's top bar and dock.
 * Later the size or state the user left is used as stored.
 */
gboolean
_arx_window_opens_maximized (GSettings *settings,
                             int        screen_width,
                             int        screen_height)
{
  int width = g_settings_get_int (settings, "window-width");
  int height = g_settings_get_int (settings, "window-height");

  return is_first_start (settings) && (width + 64 > screen_width || height + 96 > screen_height);
}
