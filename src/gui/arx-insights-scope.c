/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "arx-insights"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "arx-insights-scope.h"

/* The Insights page of the sidebar: which part of the library the charts count. Emits
 * ::changed whenever the choice (or what it names) changes to something countable. */

struct _ArxInsightsScope
{
  GtkWidget       parent_instance;

  GtkDropDown    *kind_dropdown;
  GtkDropDown    *tag_dropdown;
  GtkStringList  *tag_model;
  GtkSearchEntry *query_entry;
  GtkWidget      *date_box;
  GtkEntry       *from_entry;
  GtkEntry       *to_entry;
  GtkLabel       *note_label;

  gint64          article_id;
  gboolean        setting_tags;
};

G_DEFINE_FINAL_TYPE (ArxInsightsScope, arx_insights_scope, GTK_TYPE_WIDGET)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static ArxInsightsScopeKind
get_kind (ArxInsightsScope *self)
{
  return gtk_drop_down_get_selected (self->kind_dropdown);
}

static const char *
selected_tag (ArxInsightsScope *self)
{
  guint i = gtk_drop_down_get_selected (self->tag_dropdown);

  if (i == GTK_INVALID_LIST_POSITION)
    return NULL;
  return gtk_string_list_get_string (self->tag_model, i);
}

/* Empty, or a year, year-month or date: what the library compares publication dates with. */
static gboolean
is_date_prefix (const char *text)
{
  return text[0] == '\0' ||
         g_regex_match_simple ("^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$", text, 0, 0);
}

static void
on_changed_cb (ArxInsightsScope *self)
{
  ArxInsightsScopeKind kind = get_kind (self);
  const char *from = gtk_editable_get_text (GTK_EDITABLE (self->from_entry));
  const char *to = gtk_editable_get_text (GTK_EDITABLE (self->to_entry));

  gtk_widget_set_visible (GTK_WIDGET (self->tag_dropdown), kind == ARX_INSIGHTS_SCOPE_TAG);
  gtk_widget_set_visible (GTK_WIDGET (self->query_entry), kind == ARX_INSIGHTS_SCOPE_SEARCH);
  gtk_widget_set_visible (self->date_box, kind == ARX_INSIGHTS_SCOPE_DATES);
  if (is_date_prefix (from))
    gtk_widget_remove_css_class (GTK_WIDGET (self->from_entry), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->from_entry), "error");
  if (is_date_prefix (to))
    gtk_widget_remove_css_class (GTK_WIDGET (self->to_entry), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->to_entry), "error");
  /* half-typed dates are not counted yet */
  if (self->setting_tags || (kind == ARX_INSIGHTS_SCOPE_DATES && (!is_date_prefix (from) ||
                                                                  !is_date_prefix (to))))
    return;
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
arx_insights_scope_dispose (GObject *object)
{
  ArxInsightsScope *self = (ArxInsightsScope *)object;
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), ARX_TYPE_INSIGHTS_SCOPE);
  /* the template's unbound top-level children */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  G_OBJECT_CLASS (arx_insights_scope_parent_class)->dispose (object);
}

static void
arx_insights_scope_class_init (ArxInsightsScopeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = arx_insights_scope_dispose;

  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/arx/ArticleExplorer/ui/arx-insights-scope.ui");
  gtk_widget_class_bind_template_child (widget_class, ArxInsightsScope, kind_dropdown);
  gtk_widget_class_bind_template_child (widget_class, ArxInsightsScope, tag_dropdown);
  gtk_widget_class_bind_template_child (widget_class, ArxInsightsScope, tag_model);
  gtk_widget_class_bind_template_child (widget_class, ArxInsightsScope, query_entry);
  gtk_widget_class_bind_template_child (widget_class, ArxInsightsScope, date_box);
  gtk_widget_class_bind_template_child (widget_class, ArxInsightsScope, from_entry);
  gtk_widget_class_bind_template_child (widget_class, ArxInsightsScope, to_entry);
  gtk_widget_class_bind_template_child (widget_class, ArxInsightsScope, note_label);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
arx_insights_scope_init (ArxInsightsScope *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect_object (self->kind_dropdown, "notify::selected", G_CALLBACK (on_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->tag_dropdown, "notify::selected", G_CALLBACK (on_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->query_entry, "search-changed", G_CALLBACK (on_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->from_entry, "changed", G_CALLBACK (on_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->to_entry, "changed", G_CALLBACK (on_changed_cb), self,
                           G_CONNECT_SWAPPED);
}

void
arx_insights_scope_set_kind (ArxInsightsScope     *self,
                             ArxInsightsScopeKind  kind)
{
  g_return_if_fail (ARX_IS_INSIGHTS_SCOPE (self));
  gtk_drop_down_set_selected (self->kind_dropdown, kind);
}

/**
 * arx_insights_scope_set_article:
 * @article_id: the open article, or 0
 */
void
arx_insights_scope_set_article (ArxInsightsScope *self,
                                gint64            article_id)
{
  g_return_if_fail (ARX_IS_INSIGHTS_SCOPE (self));

  if (self->article_id == article_id)
    return;
  self->article_id = article_id;
  if (get_kind (self) == ARX_INSIGHTS_SCOPE_ARTICLE)
    g_signal_emit (self, signals[CHANGED], 0);
}

/**
 * arx_insights_scope_set_tags:
 * @tags: (element-type utf8): the library's tags
 *
 * Keeps the chosen tag when it is still there.
 */
void
arx_insights_scope_set_tags (ArxInsightsScope *self,
                             GPtrArray        *tags)
{
  g_autofree char *chosen = NULL;
  guint position = GTK_INVALID_LIST_POSITION;

  g_return_if_fail (ARX_IS_INSIGHTS_SCOPE (self));

  chosen = g_strdup (selected_tag (self));
  self->setting_tags = TRUE;
  g_ptr_array_add (tags, NULL);
  gtk_string_list_splice (self->tag_model, 0,
                          g_list_model_get_n_items (G_LIST_MODEL (self->tag_model)),
                          (const char * const *)tags->pdata);
  g_ptr_array_set_size (tags, tags->len - 1);
  for (guint i = 0; chosen != NULL && i < tags->len; i++)
    if (g_str_equal (g_ptr_array_index (tags, i), chosen))
      position = i;
  gtk_drop_down_set_selected (self->tag_dropdown, position != GTK_INVALID_LIST_POSITION ? position : 0);
  self->setting_tags = FALSE;
  if (get_kind (self) == ARX_INSIGHTS_SCOPE_TAG && g_strcmp0 (chosen, selected_tag (self)) != 0)
    g_signal_emit (self, signals[CHANGED], 0);
}

/**
 * arx_insights_scope_set_note:
 *
 * A line under the choice, such as what the scope holds.
 */
void
arx_insights_scope_set_note (ArxInsightsScope *self,
                             const char       *note)
{
  g_return_if_fail (ARX_IS_INSIGHTS_SCOPE (self));
  gtk_label_set_label (self->note_label, note);
}

/**
 * arx_insights_scope_get:
 * @scope: (out caller-allocates): filled with strings and ids the widget owns, valid until
 *   it changes
 *
 * Returns: %FALSE when the choice names nothing yet (no open article, no tag): nothing to
 * count.
 */
gboolean
arx_insights_scope_get (ArxInsightsScope *self,
                        ArxScope         *scope)
{
  g_return_val_if_fail (ARX_IS_INSIGHTS_SCOPE (self), FALSE);

  memset (scope, 0, sizeof *scope);
  switch (get_kind (self))
    {
    case ARX_INSIGHTS_SCOPE_ARTICLE:
      scope->article_ids = &self->article_id;
      scope->n_article_ids = 1;
      return self->article_id > 0;
    case ARX_INSIGHTS_SCOPE_TAG:
      scope->tag = selected_tag (self);
      return scope->tag != NULL;
    case ARX_INSIGHTS_SCOPE_SEARCH:
      scope->query = gtk_editable_get_text (GTK_EDITABLE (self->query_entry));
      return TRUE;
    case ARX_INSIGHTS_SCOPE_DATES:
      scope->from = gtk_editable_get_text (GTK_EDITABLE (self->from_entry));
      scope->to = gtk_editable_get_text (GTK_EDITABLE (self->to_entry));
      return TRUE;
    case ARX_INSIGHTS_SCOPE_LIBRARY:
    default:
      return TRUE;
    }
}

/**
 * arx_insights_scope_describe:
 *
 * Returns: (transfer full): the scope in a few words, for the statements panel: "Tag
 * “harbour”"
 */
char *
arx_insights_scope_describe (ArxInsightsScope *self)
{
  const char *from = gtk_editable_get_text (GTK_EDITABLE (self->from_entry));
  const char *to = gtk_editable_get_text (GTK_EDITABLE (self->to_entry));

  switch (get_kind (self))
    {
    case ARX_INSIGHTS_SCOPE_ARTICLE:
      return g_strdup (_("This article"));
    case ARX_INSIGHTS_SCOPE_TAG:
      return g_strdup_printf (_("Tag “%s”"), selected_tag (self) ? selected_tag (self) : "");
    case ARX_INSIGHTS_SCOPE_SEARCH:
      return g_strdup_printf (_("Articles with “%s”"),
                              gtk_editable_get_text (GTK_EDITABLE (self->query_entry)));
    case ARX_INSIGHTS_SCOPE_DATES:
      /* Translators: a date range, "2019 – 2020-06"; either end may be empty */
      return g_strdup_printf (_("Published %s – %s"), from, to);
    case ARX_INSIGHTS_SCOPE_LIBRARY:
    default:
      return g_strdup (_("Library"));
    }
}
