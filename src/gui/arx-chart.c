/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "arx-chart"

#include "config.h"

#include <glib/gi18n.h>
#include <adwaita.h>

#include "arx-chart.h"

/* One bar chart: a title, the bars drawn with cairo (arx-chart-render.c), a table of the same
 * numbers for screen readers and keyboards, and export to PNG, SVG and CSV. Clicking a bar,
 * pressing Enter on the focused one or activating its table row emits ::bar-activated; the
 * arrow keys move between bars. */

#define EXPORT_WIDTH 720.0
/* A bar is hit a little outside its edges: thin bars are hard to click otherwise. */
#define HIT_SLACK 3.0

struct _ArxChart
{
  GtkWidget        parent_instance;

  GtkLabel        *title_label;
  GtkToggleButton *table_button;
  GtkStack        *stack;
  GtkDrawingArea  *canvas;
  GtkListBox      *table;

  ArxChartData    *data;
  GArray          *bars;     /* (element-type ArxChartBar) of the last drawing */
  int              focus;    /* index into @bars, -1 for none */
};

G_DEFINE_FINAL_TYPE (ArxChart, arx_chart, GTK_TYPE_WIDGET)

enum {
  BAR_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static int
bar_at (ArxChart *self,
        double    x,
        double    y)
{
  for (guint i = 0; self->bars != NULL && i < self->bars->len; i++)
    {
      const ArxChartBar *bar = &g_array_index (self->bars, ArxChartBar, i);

      if (x >= bar->x - HIT_SLACK && x <= bar->x + bar->width + HIT_SLACK &&
          y >= bar->y - HIT_SLACK && y <= bar->y + bar->height + HIT_SLACK)
        return i;
    }
  return -1;
}

static const ArxChartBar *
focused_bar (ArxChart *self)
{
  if (self->bars == NULL || self->focus < 0 || (guint)self->focus >= self->bars->len)
    return NULL;
  return &g_array_index (self->bars, ArxChartBar, self->focus);
}

static void
emit_bar (ArxChart          *self,
          const ArxChartBar *bar)
{
  g_signal_emit (self, signals[BAR_ACTIVATED], 0, bar->category, bar->series);
}

/* Screen readers hear the focused bar's numbers. */
static void
update_description (ArxChart *self)
{
  const ArxChartBar *bar = focused_bar (self);
  g_autofree char *text = NULL;

  if (bar != NULL && self->data != NULL)
    text = arx_chart_data_describe (self->data, bar->category, bar->series);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->canvas),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text != NULL ? text : "",
                                  -1);
}

static void
set_focus (ArxChart *self,
           int       focus)
{
  self->focus = focus;
  update_description (self);
  gtk_widget_queue_draw (GTK_WIDGET (self->canvas));
}

static void
draw_cb (GtkDrawingArea *area,
         cairo_t        *cr,
         int             width,
         int             height,
         gpointer        user_data)
{
  ArxChart *self = user_data;
  ArxChartColors colors;
  gboolean focused = gtk_widget_has_focus (GTK_WIDGET (area));

  g_clear_pointer (&self->bars, g_array_unref);
  if (self->data == NULL)
    return;
  arx_chart_colors_init (&colors, adw_style_manager_get_dark (adw_style_manager_get_default ()));
  self->bars = arx_chart_draw (self->data, cr, gtk_widget_get_pango_context (GTK_WIDGET (area)),
                               &colors, width, height, focused ? self->focus : -1);
}

static gboolean
on_canvas_query_tooltip_cb (GtkWidget  *canvas,
                            int         x,
                            int         y,
                            gboolean    keyboard_mode,
                            GtkTooltip *tooltip,
                            ArxChart   *self)
{
  int index = keyboard_mode ? self->focus : bar_at (self, x, y);
  const ArxChartBar *bar;
  g_autofree char *text = NULL;
  g_autofree char *full = NULL;

  if (self->data == NULL || self->bars == NULL || index < 0 || (guint)index >= self->bars->len)
    return FALSE;
  bar = &g_array_index (self->bars, ArxChartBar, index);
  text = arx_chart_data_describe (self->data, bar->category, bar->series);
  full = g_strdup_printf ("%s\n%s", text, _("Click to list these statements"));
  gtk_tooltip_set_text (tooltip, full);
  return TRUE;
}

static void
on_canvas_released_cb (GtkGestureClick *gesture,
                       int              n_press,
                       double           x,
                       double           y,
                       ArxChart        *self)
{
  int index = bar_at (self, x, y);

  if (index < 0)
    return;
  gtk_widget_grab_focus (GTK_WIDGET (self->canvas));
  set_focus (self, index);
  emit_bar (self, focused_bar (self));
}

static gboolean
on_canvas_key_pressed_cb (GtkEventControllerKey *controller,
                          guint                  keyval,
                          guint                  keycode,
                          GdkModifierType        state,
                          ArxChart              *self)
{
  int n = self->bars != NULL ? (int)self->bars->len : 0;

  if (n == 0)
    return FALSE;
  switch (keyval)
    {
    case GDK_KEY_Left:
    case GDK_KEY_Up:
      set_focus (self, MAX (0, self->focus - 1));
      return TRUE;
    case GDK_KEY_Right:
    case GDK_KEY_Down:
      set_focus (self, MIN (n - 1, self->focus + 1));
      return TRUE;
    case GDK_KEY_Home:
      set_focus (self, 0);
      return TRUE;
    case GDK_KEY_End:
      set_focus (self, n - 1);
      return TRUE;
    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_space:
      if (focused_bar (self) == NULL)
        return FALSE;
      emit_bar (self, focused_bar (self));
      return TRUE;
    default:
      return FALSE;
    }
}

static void
on_canvas_focus_changed_cb (ArxChart *self)
{
  if (gtk_widget_has_focus (GTK_WIDGET (self->canvas)) && self->focus < 0)
    self->focus = 0;
  update_description (self);
  gtk_widget_queue_draw (GTK_WIDGET (self->canvas));
}

static void
on_table_row_activated_cb (ArxChart      *self,
                           GtkListBoxRow *row)
{
  guint category = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "arx-category"));
  guint series = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "arx-series"));

  g_signal_emit (self, signals[BAR_ACTIVATED], 0, category, series);
}

static void
on_table_button_toggled_cb (ArxChart *self)
{
  gtk_stack_set_visible_child_name (self->stack,
                                    gtk_toggle_button_get_active (self->table_button) ? "table" : "chart");
}

static void
on_dark_changed_cb (ArxChart *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self->canvas));
}

static GtkWidget *
create_table_row (ArxChart *self,
                  guint     category,
                  guint     series)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  g_autofree char *name = NULL;
  g_autofree char *value = g_strdup_printf ("%g", arx_chart_data_get_value (self->data, category, series));
  g_autofree char *description = arx_chart_data_describe (self->data, category, series);
  GtkWidget *name_label, *value_label;

  if (arx_chart_data_get_n_series (self->data) > 1)
    name = g_strdup_printf ("%s · %s", arx_chart_data_get_category (self->data, category),
                            arx_chart_data_get_series_name (self->data, series));
  else
    name = g_strdup (arx_chart_data_get_category (self->data, category));
  name_label = gtk_label_new (name);
  value_label = gtk_label_new (value);
  gtk_label_set_xalign (GTK_LABEL (name_label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (name_label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (name_label, TRUE);
  gtk_widget_add_css_class (value_label, "numeric");
  gtk_box_append (GTK_BOX (box), name_label);
  gtk_box_append (GTK_BOX (box), value_label);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_widget_set_tooltip_text (row, description);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, description, -1);
  g_object_set_data (G_OBJECT (row), "arx-category", GUINT_TO_POINTER (category));
  g_object_set_data (G_OBJECT (row), "arx-series", GUINT_TO_POINTER (series));
  return row;
}

static void
rebuild_table (ArxChart *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->table))) != NULL)
    gtk_list_box_remove (self->table, child);
  if (self->data == NULL)
    return;
  for (guint c = 0; c < arx_chart_data_get_n_categories (self->data); c++)
    for (guint s = 0; s < arx_chart_data_get_n_series (self->data); s++)
      /* zeros of a stacked chart are no bars either */
      if (arx_chart_data_get_n_series (self->data) == 1 ||
          arx_chart_data_get_value (self->data, c, s) > 0)
        gtk_list_box_append (self->table, create_table_row (self, c, s));
}

typedef struct
{
  ArxChart *chart;
  char     *format;
} ExportRequest;

static void
export_request_free (ExportRequest *request)
{
  g_object_unref (request->chart);
  g_free (request->format);
  g_free (request);
}

static void
show_toast (ArxChart   *self,
            const char *message)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (message));
  else
    g_message ("%s", message);
}

static void
on_export_response_cb (GtkNativeDialog *dialog,
                       int              response,
                       gpointer         user_data)
{
  ExportRequest *request = user_data;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT &&
      (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog))) != NULL)
    {
      g_autofree char *name = g_file_get_basename (file);
      g_autofree char *message = NULL;

      if (arx_chart_export (request->chart, request->format, file, &error))
        message = g_strdup_printf (_("Saved “%s”"), name);
      else
        message = g_strdup_printf (_("Could not save “%s”: %s"), name, error->message);
      show_toast (request->chart, message);
    }
  export_request_free (request);
  g_object_unref (dialog);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  ArxChart *self = ARX_CHART (widget);
  const char *format = g_variant_get_string (parameter, NULL);
  GtkNative *native = gtk_widget_get_native (widget);
  GtkFileChooserNative *dialog;
  ExportRequest *request;
  g_autofree char *name = NULL;

  if (self->data == NULL)
    return;
  dialog = gtk_file_chooser_native_new (_("Export Chart"), GTK_IS_WINDOW (native) ? GTK_WINDOW (native) : NULL,
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  name = g_strdup_printf ("%s.%s", arx_chart_data_get_title (self->data), format);
  g_strdelimit (name, "/\\:", '-');
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  request = g_new0 (ExportRequest, 1);
  request->chart = g_object_ref (self);
  request->format = g_strdup (format);
  g_signal_connect (dialog, "response", G_CALLBACK (on_export_response_cb), request);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
arx_chart_dispose (GObject *object)
{
  ArxChart *self = (ArxChart *)object;
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), ARX_TYPE_CHART);
  /* the template's unbound top-level children */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  G_OBJECT_CLASS (arx_chart_parent_class)->dispose (object);
}

static void
arx_chart_finalize (GObject *object)
{
  ArxChart *self = (ArxChart *)object;

  g_clear_pointer (&self->data, arx_chart_data_unref);
  g_clear_pointer (&self->bars, g_array_unref);
  G_OBJECT_CLASS (arx_chart_parent_class)->finalize (object);
}

static void
arx_chart_class_init (ArxChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = arx_chart_dispose;
  object_class->finalize = arx_chart_finalize;

  /**
   * ArxChart::bar-activated:
   * @category: the bar's category (row or column)
   * @series: the series within it
   */
  signals[BAR_ACTIVATED] = g_signal_new ("bar-activated", G_TYPE_FROM_CLASS (klass),
                                         G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 2,
                                         G_TYPE_UINT, G_TYPE_UINT);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/arx/ArticleExplorer/ui/arx-chart.ui");
  gtk_widget_class_bind_template_child (widget_class, ArxChart, title_label);
  gtk_widget_class_bind_template_child (widget_class, ArxChart, table_button);
  gtk_widget_class_bind_template_child (widget_class, ArxChart, stack);
  gtk_widget_class_bind_template_child (widget_class, ArxChart, canvas);
  gtk_widget_class_bind_template_child (widget_class, ArxChart, table);
  gtk_widget_class_install_action (widget_class, "chart.export", "s", export_action);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "chart");
}

static void
arx_chart_init (ArxChart *self)
{
  GtkGesture *click = gtk_gesture_click_new ();
  GtkEventController *keys = gtk_event_controller_key_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  self->focus = -1;
  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                                  GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (gtk_widget_get_layout_manager (GTK_WIDGET (self))), 6);
  gtk_drawing_area_set_draw_func (self->canvas, draw_cb, self, NULL);

  g_signal_connect_object (click, "released", G_CALLBACK (on_canvas_released_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self->canvas), GTK_EVENT_CONTROLLER (click));
  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (on_canvas_key_pressed_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self->canvas), keys);
  g_signal_connect_object (self->canvas, "query-tooltip", G_CALLBACK (on_canvas_query_tooltip_cb),
                           self, 0);
  g_signal_connect_object (self->canvas, "notify::has-focus", G_CALLBACK (on_canvas_focus_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->table, "row-activated", G_CALLBACK (on_table_row_activated_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->table_button, "toggled", G_CALLBACK (on_table_button_toggled_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (on_dark_changed_cb), self, G_CONNECT_SWAPPED);
}

ArxChart *
arx_chart_new (void)
{
  return g_object_new (ARX_TYPE_CHART, NULL);
}

/**
 * arx_chart_set_data:
 * @data: (nullable) (transfer none): what to draw
 */
void
arx_chart_set_data (ArxChart     *self,
                    ArxChartData *data)
{
  g_return_if_fail (ARX_IS_CHART (self));

  if (data != NULL)
    arx_chart_data_ref (data);
  g_clear_pointer (&self->data, arx_chart_data_unref);
  self->data = data;
  self->focus = -1;
  g_clear_pointer (&self->bars, g_array_unref);
  gtk_label_set_label (self->title_label, data != NULL ? arx_chart_data_get_title (data) : "");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->canvas), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  data != NULL ? arx_chart_data_get_title (data) : "", -1);
  gtk_drawing_area_set_content_height (self->canvas,
                                       data != NULL ? (int)arx_chart_natural_height (data) : 0);
  rebuild_table (self);
  update_description (self);
  gtk_widget_queue_draw (GTK_WIDGET (self->canvas));
}

ArxChartData *
arx_chart_get_data (ArxChart *self)
{
  g_return_val_if_fail (ARX_IS_CHART (self), NULL);
  return self->data;
}

/**
 * arx_chart_get_table:
 *
 * Returns: (transfer none): the table of the chart's numbers, one activatable row per bar
 */
GtkListBox *
arx_chart_get_table (ArxChart *self)
{
  g_return_val_if_fail (ARX_IS_CHART (self), NULL);
  return self->table;
}

/**
 * arx_chart_get_bar_area:
 * @area: (out): where the bar was last drawn, in the coordinates of the chart's drawing area
 *
 * Returns: whether that bar was drawn (a zero is no bar)
 */
gboolean
arx_chart_get_bar_area (ArxChart        *self,
                        guint            category,
                        guint            series,
                        graphene_rect_t *area)
{
  g_return_val_if_fail (ARX_IS_CHART (self), FALSE);

  for (guint i = 0; self->bars != NULL && i < self->bars->len; i++)
    {
      const ArxChartBar *bar = &g_array_index (self->bars, ArxChartBar, i);

      if (bar->category == category && bar->series == series)
        {
          graphene_rect_init (area, bar->x, bar->y, bar->width, bar->height);
          return TRUE;
        }
    }
  return FALSE;
}

/**
 * arx_chart_export:
 * @format: "png", "svg" or "csv"
 *
 * Writes the chart (with its title, in light colours) or its numbers to @file.
 */
gboolean
arx_chart_export (ArxChart    *self,
                  const char  *format,
                  GFile       *file,
                  GError     **error)
{
  g_autofree char *path = NULL;

  g_return_val_if_fail (ARX_IS_CHART (self), FALSE);
  if (self->data == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("the chart is empty"));
      return FALSE;
    }
  if ((path = g_file_get_path (file)) == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, _("not a local file"));
      return FALSE;
    }
  if (g_strcmp0 (format, "png") == 0)
    return arx_chart_write_png (self->data, path, EXPORT_WIDTH, error);
  if (g_strcmp0 (format, "svg") == 0)
    return arx_chart_write_svg (self->data, path, EXPORT_WIDTH, error);
  if (g_strcmp0 (format, "csv") == 0)
    return arx_chart_write_csv (self->data, path, error);
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT, _("unknown format “%s”"), format);
  return FALSE;
}
