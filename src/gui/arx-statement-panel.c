/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "arx-statement-panel"

#include "config.h"

#include <glib/gi18n.h>

#include "arx-statement-panel.h"

/* The statements of one article grouped by speaker: a GListStore of ArxStatementItem, filtered
 * by the search entry, sorted by speaker (in order of first appearance) and position, shown in
 * a GtkListBox whose header function starts a group whenever the speaker changes (GTK 4.8 has
 * no list sections). */
struct _ArxStatementPanel
{
  GtkWidget           parent_instance;

  GtkSearchEntry     *filter_entry;
  GtkDropDown        *kind_dropdown;
  GtkLabel           *count_label;
  GtkListBox         *list_box;

  GListStore         *store;
  GtkStringFilter    *filter;
  GtkCustomFilter    *kind_filter;
  GtkFilterListModel *filtered;
  GtkSortListModel   *sorted;
  GHashTable         *group_counts;     /* group label (speaker or article) → count */
  char               *scope;            /* what the list holds, for the count line, or NULL */
};

G_DEFINE_FINAL_TYPE (ArxStatementPanel, arx_statement_panel, GTK_TYPE_WIDGET)

enum {
  STATEMENT_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static ArxStatementItem *
item_of_row (GtkListBoxRow *row)
{
  return row != NULL ? g_object_get_data (G_OBJECT (row), "arx-item") : NULL;
}

static void
update_count (ArxStatementPanel *self)
{
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->filtered));
  guint total = g_list_model_get_n_items (G_LIST_MODEL (self->store));
  g_autofree char *text = NULL;

  if (shown == total)
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u statement", "%u statements", total),
                            total);
  else
    text = g_strdup_printf (_("%u of %u statements"), shown, total);
  if (self->scope != NULL)
    {
      g_autofree char *scoped = g_strdup_printf ("%s · %s", self->scope, text);

      gtk_label_set_label (self->count_label, scoped);
      return;
    }
  gtk_label_set_label (self->count_label, text);
}

/* The corrections a reader can make to one statement; the window carries them out. */
static GtkWidget *
create_correction_button (ArxStatementItem *statement)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  /* article 0 means the article on show */
  GVariant *span = g_variant_new ("(xuu)", arx_statement_item_get_article_id (statement),
                                  arx_statement_item_get_start (statement),
                                  arx_statement_item_get_end (statement));
  g_autoptr(GMenuItem) change = g_menu_item_new (_("Change _Speaker…"), NULL);
  g_autoptr(GMenuItem) remove = g_menu_item_new (_("_Not a Statement"), NULL);
  GtkWidget *button = gtk_menu_button_new ();

  g_variant_ref_sink (span);
  g_menu_item_set_action_and_target_value (change, "win.change-speaker", span);
  g_menu_item_set_action_and_target_value (remove, "win.not-a-statement", span);
  g_variant_unref (span);
  g_menu_append_item (menu, change);
  g_menu_append_item (menu, remove);

  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "view-more-symbolic");
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (button), G_MENU_MODEL (menu));
  gtk_widget_set_valign (button, GTK_ALIGN_START);
  gtk_widget_set_tooltip_text (button, _("Correct this statement"));
  gtk_widget_add_css_class (button, "flat");
  return button;
}

static gboolean
quote_articles_to_label (GBinding     *binding,
                         const GValue *from,
                         GValue       *to,
                         gpointer      user_data)
{
  guint n = g_value_get_uint (from);

  g_value_take_string (to, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Also in %u article",
                                                         "Also in %u articles", n), n));
  return TRUE;
}

static gboolean
quote_articles_to_visible (GBinding     *binding,
                           const GValue *from,
                           GValue       *to,
                           gpointer      user_data)
{
  g_value_set_boolean (to, g_value_get_uint (from) > 0);
  return TRUE;
}

/* "Also in N articles": opens the versions of the quote (the window's win.show-versions). */
static GtkWidget *
create_quote_button (ArxStatementItem *statement)
{
  GtkWidget *button = gtk_button_new ();

  gtk_widget_add_css_class (button, "flat");
  gtk_widget_add_css_class (button, "caption");
  gtk_widget_add_css_class (button, "quote-spread");
  gtk_widget_set_halign (button, GTK_ALIGN_START);
  gtk_widget_set_tooltip_text (button, _("Show where else this quote appears, earliest first"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.show-versions");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "(xuu)",
                                    arx_statement_item_get_article_id (statement),
                                    arx_statement_item_get_start (statement),
                                    arx_statement_item_get_end (statement));
  g_object_bind_property_full (statement, "quote-articles", button, "label", G_BINDING_SYNC_CREATE,
                               quote_articles_to_label, NULL, NULL, NULL);
  g_object_bind_property_full (statement, "quote-articles", button, "visible",
                               G_BINDING_SYNC_CREATE, quote_articles_to_visible, NULL, NULL, NULL);
  return button;
}

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  ArxStatementItem *statement = item;
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *outer = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *text = gtk_label_new (arx_statement_item_get_text (statement));
  g_autofree char *explanation = arx_statement_item_dup_explanation (statement);
  g_autofree char *label = arx_statement_item_dup_row_label (statement);
  GtkWidget *meta = gtk_label_new (explanation);

  gtk_label_set_wrap (GTK_LABEL (text), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (text), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_lines (GTK_LABEL (text), 6);
  gtk_label_set_ellipsize (GTK_LABEL (text), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (text), 0);
  gtk_label_set_xalign (GTK_LABEL (meta), 0);
  gtk_label_set_ellipsize (GTK_LABEL (meta), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (meta, "dim-label");
  gtk_widget_add_css_class (meta, "statement-meta");
  gtk_widget_add_css_class (box, "statement-row");
  gtk_box_append (GTK_BOX (box), text);
  gtk_box_append (GTK_BOX (box), meta);
  gtk_box_append (GTK_BOX (box), create_quote_button (statement));
  gtk_widget_set_hexpand (box, TRUE);
  gtk_box_append (GTK_BOX (outer), box);
  gtk_box_append (GTK_BOX (outer), create_correction_button (statement));
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), outer);
  gtk_widget_set_tooltip_text (row, explanation);

  /* Screen readers (and the UI tests) read a row as "<speaker>: <statement text>". */
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  g_object_set_data_full (G_OBJECT (row), "arx-item", g_object_ref (statement), g_object_unref);

  return row;
}

static void
update_header (GtkListBoxRow *row,
               GtkListBoxRow *before,
               gpointer       user_data)
{
  ArxStatementPanel *self = user_data;
  ArxStatementItem *item = item_of_row (row);
  ArxStatementItem *previous = item_of_row (before);
  const char *group = arx_statement_item_get_group (item);
  g_autofree char *title = NULL;
  GtkWidget *header;
  guint count;

  if (previous != NULL && g_strcmp0 (group, arx_statement_item_get_group (previous)) == 0)
    {
      gtk_list_box_row_set_header (row, NULL);
      return;
    }

  count = GPOINTER_TO_UINT (g_hash_table_lookup (self->group_counts, group));
  title = g_strdup_printf ("%s (%u)", group, count);
  header = gtk_label_new (title);
  gtk_label_set_xalign (GTK_LABEL (header), 0);
  gtk_label_set_wrap (GTK_LABEL (header), TRUE);
  gtk_widget_add_css_class (header, "statement-header");
  gtk_widget_add_css_class (header, "heading");
  gtk_list_box_row_set_header (row, header);
}

static void
on_filter_entry_search_changed_cb (ArxStatementPanel *self,
                                   GtkSearchEntry    *entry)
{
  gtk_string_filter_set_search (self->filter, gtk_editable_get_text (GTK_EDITABLE (entry)));
}

/* The drop-down lists "all" first, then the kinds in ArxStatementKind order. */
static gboolean
match_kind (gpointer item,
            gpointer user_data)
{
  ArxStatementPanel *self = user_data;
  guint selected = gtk_drop_down_get_selected (self->kind_dropdown);

  return selected == 0 || selected == GTK_INVALID_LIST_POSITION ||
         arx_statement_item_get_kind (item) == selected - 1;
}

static void
on_kind_dropdown_selected_cb (ArxStatementPanel *self)
{
  gtk_filter_changed (GTK_FILTER (self->kind_filter), GTK_FILTER_CHANGE_DIFFERENT);
}

static void
on_list_box_row_selected_cb (ArxStatementPanel *self,
                             GtkListBoxRow     *row,
                             GtkListBox        *list_box)
{
  ArxStatementItem *item = item_of_row (row);

  if (item != NULL)
    g_signal_emit (self, signals[STATEMENT_ACTIVATED], 0, item);
}

static void
on_list_box_row_activated_cb (ArxStatementPanel *self,
                              GtkListBoxRow     *row,
                              GtkListBox        *list_box)
{
  on_list_box_row_selected_cb (self, row, list_box);
}

static void
on_items_changed_cb (ArxStatementPanel *self)
{
  update_count (self);
}

static void
arx_statement_panel_dispose (GObject *object)
{
  ArxStatementPanel *self = (ArxStatementPanel *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), ARX_TYPE_STATEMENT_PANEL);
  /* the template's unnamed root box is not a bound child: unparent it ourselves */
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL;)
    gtk_widget_unparent (child);
  g_clear_object (&self->sorted);
  g_clear_object (&self->filtered);
  g_clear_object (&self->store);
  g_clear_pointer (&self->group_counts, g_hash_table_unref);
  g_clear_pointer (&self->scope, g_free);

  G_OBJECT_CLASS (arx_statement_panel_parent_class)->dispose (object);
}

static void
arx_statement_panel_class_init (ArxStatementPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = arx_statement_panel_dispose;

  signals[STATEMENT_ACTIVATED] =
    g_signal_new ("statement-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, ARX_TYPE_STATEMENT_ITEM);

  gtk_widget_class_set_template_from_resource (widget_class,
    "/io/github/arx/ArticleExplorer/ui/arx-statement-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, ArxStatementPanel, filter_entry);
  gtk_widget_class_bind_template_child (widget_class, ArxStatementPanel, kind_dropdown);
  gtk_widget_class_bind_template_child (widget_class, ArxStatementPanel, count_label);
  gtk_widget_class_bind_template_child (widget_class, ArxStatementPanel, list_box);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_entry_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_kind_dropdown_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_list_box_row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_list_box_row_activated_cb);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "statementpanel");
}

static void
arx_statement_panel_init (ArxStatementPanel *self)
{
  GtkMultiSorter *sorter;
  GtkEveryFilter *every;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->group_counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->store = g_list_store_new (ARX_TYPE_STATEMENT_ITEM);

  self->filter = gtk_string_filter_new (
    gtk_property_expression_new (ARX_TYPE_STATEMENT_ITEM, NULL, "search-text"));
  gtk_string_filter_set_ignore_case (self->filter, TRUE);
  gtk_string_filter_set_match_mode (self->filter, GTK_STRING_FILTER_MATCH_MODE_SUBSTRING);
  self->kind_filter = gtk_custom_filter_new (match_kind, self, NULL);
  every = gtk_every_filter_new ();
  gtk_multi_filter_append (GTK_MULTI_FILTER (every), GTK_FILTER (self->filter));
  gtk_multi_filter_append (GTK_MULTI_FILTER (every), GTK_FILTER (self->kind_filter));
  self->filtered = gtk_filter_list_model_new (G_LIST_MODEL (g_object_ref (self->store)),
                                              GTK_FILTER (every));

  sorter = gtk_multi_sorter_new ();
  gtk_multi_sorter_append (sorter, GTK_SORTER (gtk_numeric_sorter_new (
    gtk_property_expression_new (ARX_TYPE_STATEMENT_ITEM, NULL, "group-rank"))));
  gtk_multi_sorter_append (sorter, GTK_SORTER (gtk_numeric_sorter_new (
    gtk_property_expression_new (ARX_TYPE_STATEMENT_ITEM, NULL, "start"))));
  self->sorted = gtk_sort_list_model_new (G_LIST_MODEL (g_object_ref (self->filtered)),
                                          GTK_SORTER (sorter));

  g_signal_connect_object (self->filtered, "items-changed",
                           G_CALLBACK (on_items_changed_cb), self, G_CONNECT_SWAPPED);
  gtk_list_box_bind_model (self->list_box, G_LIST_MODEL (self->sorted),
                           create_row, self, NULL);
  gtk_list_box_set_header_func (self->list_box, update_header, self, NULL);
  update_count (self);
}

static void
count_in_group (ArxStatementPanel *self,
                ArxStatementItem  *item)
{
  const char *group = arx_statement_item_get_group (item);
  guint count = GPOINTER_TO_UINT (g_hash_table_lookup (self->group_counts, group));

  g_hash_table_replace (self->group_counts, g_strdup (group), GUINT_TO_POINTER (count + 1));
}

static void
replace_items (ArxStatementPanel *self,
               GPtrArray         *items,
               const char        *scope)
{
  g_free (self->scope);
  self->scope = g_strdup (scope);
  g_list_store_splice (self->store, 0, g_list_model_get_n_items (G_LIST_MODEL (self->store)),
                       items->pdata, items->len);
  update_count (self);
}

/**
 * arx_statement_panel_set_analysis:
 * @analysis: (nullable): the statements to show, or NULL to clear
 *
 * Shows the statements of one article, grouped by speaker.
 */
void
arx_statement_panel_set_analysis (ArxStatementPanel *self,
                                  ArxAnalysis       *analysis,
                                  const char        *article_text)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) ranks = g_hash_table_new (g_str_hash, g_str_equal);

  g_return_if_fail (ARX_IS_STATEMENT_PANEL (self));

  g_hash_table_remove_all (self->group_counts);
  for (guint i = 0; analysis != NULL && i < analysis->statements->len; i++)
    {
      const ArxStatement *statement = g_ptr_array_index (analysis->statements, i);
      const char *speaker = statement->speaker_name;
      gpointer rank = NULL;

      /* Speakers in order of their first statement; the "no speaker" group goes last. */
      if (speaker != NULL && !g_hash_table_lookup_extended (ranks, speaker, NULL, &rank))
        {
          rank = GUINT_TO_POINTER (g_hash_table_size (ranks));
          g_hash_table_insert (ranks, (gpointer)speaker, rank);
        }
      g_ptr_array_add (items, arx_statement_item_new (statement, article_text,
                                                      speaker ? GPOINTER_TO_UINT (rank)
                                                              : G_MAXUINT));
      count_in_group (self, g_ptr_array_index (items, items->len - 1));
    }
  replace_items (self, items, NULL);
}

/**
 * arx_statement_panel_set_rows:
 * @rows: (element-type ArxStatementRow): statements from the library, in the order to show
 *   their articles
 * @scope: what they are ("Tom Bossert"), shown above the list
 *
 * Shows statements from across the library, grouped by article.
 */
void
arx_statement_panel_set_rows (ArxStatementPanel *self,
                              GPtrArray         *rows,
                              const char        *scope)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) ranks = g_hash_table_new (g_int64_hash, g_int64_equal);

  g_return_if_fail (ARX_IS_STATEMENT_PANEL (self));

  g_hash_table_remove_all (self->group_counts);
  for (guint i = 0; i < rows->len; i++)
    {
      ArxStatementRow *row = g_ptr_array_index (rows, i);
      gpointer rank = NULL;

      if (!g_hash_table_lookup_extended (ranks, &row->article_id, NULL, &rank))
        {
          rank = GUINT_TO_POINTER (g_hash_table_size (ranks));
          g_hash_table_insert (ranks, &row->article_id, rank);
        }
      g_ptr_array_add (items, arx_statement_item_new_from_row (row, GPOINTER_TO_UINT (rank)));
      count_in_group (self, g_ptr_array_index (items, items->len - 1));
    }
  replace_items (self, items, scope);
}

/**
 * arx_statement_panel_get_model:
 *
 * Returns: (transfer none): the statements as shown: filtered and grouped.
 */
GListModel *
arx_statement_panel_get_model (ArxStatementPanel *self)
{
  g_return_val_if_fail (ARX_IS_STATEMENT_PANEL (self), NULL);
  return G_LIST_MODEL (self->sorted);
}

void
arx_statement_panel_focus_filter (ArxStatementPanel *self)
{
  g_return_if_fail (ARX_IS_STATEMENT_PANEL (self));
  gtk_widget_grab_focus (GTK_WIDGET (self->filter_entry));
}
