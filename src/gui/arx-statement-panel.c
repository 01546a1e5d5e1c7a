/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "arx-statement-panel"

#include "config.h"

#include <glib/gi18n.h>

#include "arx-statement-panel.h"

/* The statements of one article grouped by speaker: a GListStore of ArxStatementItem, filtered
 * by the search entry, sorted by speaker (in order of first appearance) and position, shown in
 * a GtkGridView of one column: rows are made only around what is on screen, and a grid keeps
 * 30 of them where GTK 4.8's GtkListView keeps 200, each bound, measured and laid out again
 * whenever the list changes or jumps (200 wrapped statements took most of a second at a
 * million statements). GTK 4.8 has no list sections, so a row shows its group's heading
 * itself when the row before it is of another group.
 *
 * A speaker's statements across the library, however many, come as an ArxPagedStatements
 * instead (read from the library a page at a time, grouped by article); then the filter and
 * the kind go to the library's full-text index. */
struct _ArxStatementPanel
{
  GtkWidget           parent_instance;

  GtkSearchEntry     *filter_entry;
  GtkDropDown        *kind_dropdown;
  GtkLabel           *count_label;
  GtkGridView        *list_view;        /* of one column: see the note above */
  GtkWidget          *placeholder_label;

  GListStore         *store;
  GtkStringFilter    *filter;
  GtkCustomFilter    *kind_filter;
  GtkFilterListModel *filtered;
  GtkSortListModel   *sorted;
  GtkSingleSelection *selection;
  ArxPagedStatements *paged;            /* the library list on show, or NULL */
  GtkSingleSelection *paged_selection;
  GHashTable         *bound;            /* GtkListItem shown now (set of) */
  GHashTable         *group_counts;     /* group label (speaker or article) → count */
  char               *scope;            /* what the list holds, for the count line, or NULL */
};

G_DEFINE_FINAL_TYPE (ArxStatementPanel, arx_statement_panel, GTK_TYPE_WIDGET)

enum {
  STATEMENT_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* What the list view shows: the article's statements or the library list. */
static GListModel *
shown_model (ArxStatementPanel *self)
{
  return self->paged != NULL ? G_LIST_MODEL (self->paged) : G_LIST_MODEL (self->sorted);
}

static void
update_count (ArxStatementPanel *self)
{
  guint shown = g_list_model_get_n_items (self->paged != NULL ? G_LIST_MODEL (self->paged)
                                                               : G_LIST_MODEL (self->filtered));
  guint total = self->paged != NULL ? arx_paged_statements_get_total (self->paged)
                                    : g_list_model_get_n_items (G_LIST_MODEL (self->store));
  gboolean loading = self->paged != NULL && arx_paged_statements_get_loading (self->paged);
  g_autofree char *text = NULL;

  /* A library list shows its last result while it is read again; the first time there is
   * none yet. Filtered before its whole length was known, it has no total. */
  if (loading && shown == 0)
    text = g_strdup (_("Reading statements…"));
  else if (self->paged != NULL && total == 0)
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u statement", "%u statements", shown),
                            shown);
  else if (shown == total)
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u statement", "%u statements", total),
                            total);
  else
    text = g_strdup_printf (_("%u of %u statements"), shown, total);
  gtk_widget_set_visible (self->placeholder_label, shown == 0 && !loading);
  if (self->scope != NULL)
    {
      g_autofree char *scoped = g_strdup_printf ("%s · %s", self->scope, text);

      gtk_label_set_label (self->count_label, scoped);
      return;
    }
  gtk_label_set_label (self->count_label, text);
}

/* The corrections a reader can make to one statement; the window carries them out. */
static GMenuModel *
create_correction_menu (ArxStatementItem *statement)
{
  GMenu *menu = g_menu_new ();
  /* article 0 means the article on show */
  GVariant *span = g_variant_new ("(xuu)", arx_statement_item_get_article_id (statement),
                                  arx_statement_item_get_start (statement),
                                  arx_statement_item_get_end (statement));
  g_autoptr(GMenuItem) change = g_menu_item_new (_("Change _Speaker…"), NULL);
  g_autoptr(GMenuItem) remove = g_menu_item_new (_("_Not a Statement"), NULL);

  g_variant_ref_sink (span);
  g_menu_item_set_action_and_target_value (change, "win.change-speaker", span);
  g_menu_item_set_action_and_target_value (remove, "win.not-a-statement", span);
  g_variant_unref (span);
  g_menu_append_item (menu, change);
  g_menu_append_item (menu, remove);
  return G_MENU_MODEL (menu);
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

/* "Also in N articles": opens the versions of the quote (the window's win.show-versions). The
 * row's statement is set when it is bound (bind_quote_button). */
static GtkWidget *
create_quote_button (void)
{
  GtkWidget *button = gtk_button_new ();

  gtk_widget_add_css_class (button, "flat");
  gtk_widget_add_css_class (button, "caption");
  gtk_widget_add_css_class (button, "quote-spread");
  gtk_widget_set_halign (button, GTK_ALIGN_START);
  gtk_widget_set_visible (button, FALSE);
  gtk_widget_set_tooltip_text (button, _("Show where else this quote appears, earliest first"));
  return button;
}

static void
bind_quote_button (GtkWidget        *button,
                   ArxStatementItem *statement)
{
  GBinding *label, *visible;

  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "(xuu)",
                                    arx_statement_item_get_article_id (statement),
                                    arx_statement_item_get_start (statement),
                                    arx_statement_item_get_end (statement));
  /* named once it has a target: the action takes one */
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.show-versions");
  label = g_object_bind_property_full (statement, "quote-articles", button, "label",
                                       G_BINDING_SYNC_CREATE, quote_articles_to_label,
                                       NULL, NULL, NULL);
  visible = g_object_bind_property_full (statement, "quote-articles", button, "visible",
                                         G_BINDING_SYNC_CREATE, quote_articles_to_visible,
                                         NULL, NULL, NULL);
  g_object_set_data (G_OBJECT (button), "arx-label-binding", label);
  g_object_set_data (G_OBJECT (button), "arx-visible-binding", visible);
}

static void
unbind_quote_button (GtkWidget *button)
{
  const char *names[] = { "arx-label-binding", "arx-visible-binding" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      GBinding *binding = g_object_steal_data (G_OBJECT (button), names[i]);

      if (binding != NULL)
        g_binding_unbind (binding);
    }
  gtk_widget_set_visible (button, FALSE);
}

/* Shows the group heading above @list_item's row when the row before it is of another group. */
static void
update_header (ArxStatementPanel *self,
               GtkListItem       *list_item)
{
  GtkWidget *row = gtk_list_item_get_child (list_item);
  GtkLabel *header = g_object_get_data (G_OBJECT (row), "arx-header");
  ArxStatementItem *item = gtk_list_item_get_item (list_item);
  guint position = gtk_list_item_get_position (list_item);
  g_autoptr(ArxStatementItem) previous = NULL;
  g_autofree char *title = NULL;
  const char *group;

  if (item == NULL || position == GTK_INVALID_LIST_POSITION)
    {
      gtk_widget_set_visible (GTK_WIDGET (header), FALSE);
      return;
    }
  group = arx_statement_item_get_group (item);
  if (position > 0)
    previous = g_list_model_get_item (shown_model (self), position - 1);
  if (previous != NULL && g_strcmp0 (group, arx_statement_item_get_group (previous)) == 0)
    {
      gtk_widget_set_visible (GTK_WIDGET (header), FALSE);
      return;
    }
  /* A library list holds only the pages read: its article counts come from the library. */
  if (self->paged != NULL)
    title = g_strdup_printf ("%s (%u)", group, arx_paged_statements_count_in_article (
                               self->paged, arx_statement_item_get_article_id (item)));
  else
    title = g_strdup_printf ("%s (%u)", group,
                             GPOINTER_TO_UINT (g_hash_table_lookup (self->group_counts, group)));
  gtk_label_set_label (header, title);
  gtk_widget_set_visible (GTK_WIDGET (header), TRUE);
}

static void
on_list_item_position_cb (GtkListItem       *list_item,
                          GParamSpec        *pspec,
                          ArxStatementPanel *self)
{
  if (gtk_list_item_get_child (list_item) != NULL)
    update_header (self, list_item);
}

/* The correction menu is made when the button is first pressed: making one for every row
 * bound (a popover each) cost more than the rest of the row. */
static void
create_correction_popup_cb (GtkMenuButton *button,
                            gpointer       user_data)
{
  GtkListItem *list_item = user_data;
  ArxStatementItem *statement = gtk_list_item_get_item (list_item);
  g_autoptr(GMenuModel) menu = statement != NULL ? create_correction_menu (statement) : NULL;

  gtk_menu_button_set_menu_model (button, menu);
}

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              ArxStatementPanel        *self)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = gtk_label_new (NULL);
  GtkWidget *outer = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *text = gtk_inscription_new (NULL);
  GtkWidget *meta = gtk_inscription_new (NULL);
  GtkWidget *button = gtk_menu_button_new ();
  GtkWidget *icon = gtk_image_new ();
  GtkWidget *quote;

  gtk_label_set_xalign (GTK_LABEL (header), 0);
  gtk_label_set_wrap (GTK_LABEL (header), TRUE);
  gtk_widget_add_css_class (header, "statement-header");
  gtk_widget_add_css_class (header, "heading");
  gtk_widget_set_visible (header, FALSE);
  /* An inscription's size does not depend on its text: measuring a row lays out nothing (a
   * wrapping label laid out its text several times to find its height). Three lines show
   * most statements whole; the article shows the rest. */
  gtk_inscription_set_wrap_mode (GTK_INSCRIPTION (text), PANGO_WRAP_WORD_CHAR);
  gtk_inscription_set_min_lines (GTK_INSCRIPTION (text), 3);
  gtk_inscription_set_nat_lines (GTK_INSCRIPTION (text), 3);
  gtk_inscription_set_text_overflow (GTK_INSCRIPTION (text), GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_END);
  gtk_inscription_set_xalign (GTK_INSCRIPTION (text), 0);
  gtk_inscription_set_xalign (GTK_INSCRIPTION (meta), 0);
  gtk_inscription_set_text_overflow (GTK_INSCRIPTION (meta), GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_END);
  gtk_widget_add_css_class (meta, "dim-label");
  gtk_widget_add_css_class (meta, "statement-meta");
  gtk_widget_add_css_class (box, "statement-row");
  gtk_box_append (GTK_BOX (box), text);
  gtk_box_append (GTK_BOX (box), meta);
  quote = create_quote_button ();
  gtk_box_append (GTK_BOX (box), quote);
  gtk_widget_set_hexpand (box, TRUE);
  /* who speaks at a glance: a person, an organisation, a group, a document (set when bound) */
  gtk_widget_set_valign (icon, GTK_ALIGN_START);
  gtk_widget_add_css_class (icon, "statement-speaker-kind");
  gtk_widget_set_visible (icon, FALSE);
  gtk_box_append (GTK_BOX (outer), icon);
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "view-more-symbolic");
  gtk_widget_set_valign (button, GTK_ALIGN_START);
  gtk_widget_set_tooltip_text (button, _("Correct this statement"));
  gtk_widget_add_css_class (button, "flat");
  gtk_menu_button_set_create_popup_func (GTK_MENU_BUTTON (button), create_correction_popup_cb,
                                         list_item, NULL);
  gtk_box_append (GTK_BOX (outer), box);
  gtk_box_append (GTK_BOX (outer), button);
  gtk_box_append (GTK_BOX (row), header);
  gtk_box_append (GTK_BOX (row), outer);
  g_object_set_data (G_OBJECT (row), "arx-header", header);
  g_object_set_data (G_OBJECT (row), "arx-text", text);
  g_object_set_data (G_OBJECT (row), "arx-meta", meta);
  g_object_set_data (G_OBJECT (row), "arx-button", button);
  g_object_set_data (G_OBJECT (row), "arx-icon", icon);
  g_object_set_data (G_OBJECT (row), "arx-quote", quote);
  gtk_list_item_set_child (list_item, row);
  g_signal_connect_object (list_item, "notify::position", G_CALLBACK (on_list_item_position_cb), self, 0);
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *list_item,
             ArxStatementPanel        *self)
{
  ArxStatementItem *statement = gtk_list_item_get_item (list_item);
  GtkWidget *row = gtk_list_item_get_child (list_item);
  g_autofree char *explanation = arx_statement_item_dup_explanation (statement);
  g_autofree char *label = arx_statement_item_dup_row_label (statement);

  gtk_inscription_set_text (g_object_get_data (G_OBJECT (row), "arx-text"),
                            arx_statement_item_get_text (statement));
  gtk_inscription_set_text (g_object_get_data (G_OBJECT (row), "arx-meta"), explanation);
  /* a menu made for the row's former statement goes; the next press makes this one's */
  gtk_menu_button_set_menu_model (g_object_get_data (G_OBJECT (row), "arx-button"), NULL);
  {
    GtkWidget *icon = g_object_get_data (G_OBJECT (row), "arx-icon");
    const char *icon_name = arx_statement_item_get_speaker_icon_name (statement);
    const char *kind = arx_statement_item_get_speaker_kind_label (statement);

    gtk_image_set_from_icon_name (GTK_IMAGE (icon), icon_name);
    gtk_widget_set_visible (icon, icon_name != NULL);
    gtk_widget_set_tooltip_text (icon, kind);
    if (kind != NULL)
      gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, kind, -1);
  }
  gtk_widget_set_tooltip_text (row, explanation);
  /* Screen readers read a row as "<speaker>: <statement text>". */
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  bind_quote_button (g_object_get_data (G_OBJECT (row), "arx-quote"), statement);
  g_hash_table_add (self->bound, list_item);
  update_header (self, list_item);
}

static void
unbind_row_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               ArxStatementPanel        *self)
{
  GtkWidget *row = gtk_list_item_get_child (list_item);

  unbind_quote_button (g_object_get_data (G_OBJECT (row), "arx-quote"));
  g_hash_table_remove (self->bound, list_item);
}

/* A change before a row can give it another neighbour without moving it: check every row on
 * screen (a few dozen) for its heading. */
static void
on_sorted_items_changed_cb (ArxStatementPanel *self)
{
  GHashTableIter iter;
  gpointer list_item;

  g_hash_table_iter_init (&iter, self->bound);
  while (g_hash_table_iter_next (&iter, &list_item, NULL))
    update_header (self, list_item);
}

/* A library list is filtered by the library (its full-text index), an article's in memory. */
static void
filter_paged (ArxStatementPanel *self)
{
  guint selected = gtk_drop_down_get_selected (self->kind_dropdown);

  arx_paged_statements_set_filter (self->paged,
                                   selected == 0 || selected == GTK_INVALID_LIST_POSITION
                                   ? -1 : (int)selected - 1,
                                   gtk_editable_get_text (GTK_EDITABLE (self->filter_entry)));
  update_count (self);
}

static void
on_filter_entry_search_changed_cb (ArxStatementPanel *self,
                                   GtkSearchEntry    *entry)
{
  if (self->paged != NULL)
    filter_paged (self);
  else
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
  if (self->paged != NULL)
    filter_paged (self);
  else
    gtk_filter_changed (GTK_FILTER (self->kind_filter), GTK_FILTER_CHANGE_DIFFERENT);
}

static void
emit_activated (ArxStatementPanel *self,
                guint              position)
{
  g_autoptr(ArxStatementItem) item = NULL;

  if (position != GTK_INVALID_LIST_POSITION)
    item = g_list_model_get_item (shown_model (self), position);
  if (item != NULL)
    g_signal_emit (self, signals[STATEMENT_ACTIVATED], 0, item);
}

static void
on_selection_selected_cb (ArxStatementPanel *self)
{
  emit_activated (self, gtk_single_selection_get_selected (self->selection));
}

static void
on_paged_selection_selected_cb (ArxStatementPanel *self)
{
  emit_activated (self, gtk_single_selection_get_selected (self->paged_selection));
}

static void
on_list_view_activate_cb (ArxStatementPanel *self,
                          guint              position,
                          GtkGridView       *list_view)
{
  emit_activated (self, position);
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
  g_clear_object (&self->selection);
  g_clear_object (&self->paged_selection);
  g_clear_object (&self->paged);
  g_clear_object (&self->sorted);
  g_clear_object (&self->filtered);
  g_clear_pointer (&self->bound, g_hash_table_unref);
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
  gtk_widget_class_bind_template_child (widget_class, ArxStatementPanel, list_view);
  gtk_widget_class_bind_template_child (widget_class, ArxStatementPanel, placeholder_label);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_entry_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_kind_dropdown_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_list_view_activate_cb);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "statementpanel");
}

static void
arx_statement_panel_init (ArxStatementPanel *self)
{
  GtkMultiSorter *sorter;
  GtkEveryFilter *every;
  g_autoptr(GtkListItemFactory) factory = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));
  /* the speaker-kind icons are ours: the application adds its icon path, but a panel made
   * without it (a window outside an application) needs them too. Asked for its paths, not
   * for an icon: that would read the whole icon theme before the first frame. */
  {
    static const char path[] = "/io/github/arx/ArticleExplorer/icons";
    GtkIconTheme *theme = gtk_icon_theme_get_for_display (gtk_widget_get_display (GTK_WIDGET (self)));
    g_auto(GStrv) paths = gtk_icon_theme_get_resource_path (theme);

    if (paths == NULL || !g_strv_contains ((const char *const *)paths, path))
      gtk_icon_theme_add_resource_path (theme, path);
  }

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
  g_signal_connect_object (self->sorted, "items-changed",
                           G_CALLBACK (on_sorted_items_changed_cb), self, G_CONNECT_SWAPPED);

  self->bound = g_hash_table_new (NULL, NULL);
  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect_object (factory, "setup", G_CALLBACK (setup_row_cb), self, 0);
  g_signal_connect_object (factory, "bind", G_CALLBACK (bind_row_cb), self, 0);
  g_signal_connect_object (factory, "unbind", G_CALLBACK (unbind_row_cb), self, 0);
  gtk_grid_view_set_factory (self->list_view, factory);
  self->selection = gtk_single_selection_new (G_LIST_MODEL (g_object_ref (self->sorted)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  g_signal_connect_object (self->selection, "notify::selected",
                           G_CALLBACK (on_selection_selected_cb), self, G_CONNECT_SWAPPED);
  gtk_grid_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));
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

/* Shows @paged (filtered as the entry and drop-down say), or the article list for NULL. */
static void
show_library_list (ArxStatementPanel  *self,
                   ArxPagedStatements *paged)
{
  if (paged == NULL && self->paged == NULL)
    return;
  if (self->paged_selection != NULL)
    g_signal_handlers_disconnect_by_data (self->paged_selection, self);
  if (self->paged != NULL)
    g_signal_handlers_disconnect_by_data (self->paged, self);
  g_clear_object (&self->paged_selection);
  g_set_object (&self->paged, paged);
  if (paged == NULL)
    {
      gtk_grid_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));
      return;
    }
  self->paged_selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (paged)));
  gtk_single_selection_set_autoselect (self->paged_selection, FALSE);
  gtk_single_selection_set_can_unselect (self->paged_selection, TRUE);
  gtk_single_selection_set_selected (self->paged_selection, GTK_INVALID_LIST_POSITION);
  g_signal_connect_object (self->paged_selection, "notify::selected",
                           G_CALLBACK (on_paged_selection_selected_cb), self, G_CONNECT_SWAPPED);
  /* Its changes replace every row or add rows at the end: each row's neighbour before it
   * changes only with its own item, and binding the item sets the heading. */
  g_signal_connect_object (paged, "items-changed",
                           G_CALLBACK (update_count), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (paged, "notify::loading",
                           G_CALLBACK (update_count), self, G_CONNECT_SWAPPED);
  gtk_grid_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->paged_selection));
  if (gtk_drop_down_get_selected (self->kind_dropdown) > 0 ||
      gtk_editable_get_text (GTK_EDITABLE (self->filter_entry))[0] != '\0')
    filter_paged (self);
}

static void
replace_items (ArxStatementPanel *self,
               GPtrArray         *items,
               const char        *scope)
{
  g_free (self->scope);
  self->scope = g_strdup (scope);
  show_library_list (self, NULL);
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
 *   their articles (a chart's bar: a bounded list, held in memory)
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
 * arx_statement_panel_set_library_list:
 * @statements: statements from across the library, in article order
 * @scope: what they are ("Tom Bossert"), shown above the list
 *
 * Shows every statement of @statements, however many, reading only the pages on screen.
 */
void
arx_statement_panel_set_library_list (ArxStatementPanel  *self,
                                      ArxPagedStatements *statements,
                                      const char         *scope)
{
  g_return_if_fail (ARX_IS_STATEMENT_PANEL (self));
  g_return_if_fail (ARX_IS_PAGED_STATEMENTS (statements));

  g_free (self->scope);
  self->scope = g_strdup (scope);
  show_library_list (self, statements);
  update_count (self);
}

/**
 * arx_statement_panel_get_model:
 *
 * Returns: (transfer none): the statements as shown: filtered and grouped, or the library
 * list.
 */
GListModel *
arx_statement_panel_get_model (ArxStatementPanel *self)
{
  g_return_val_if_fail (ARX_IS_STATEMENT_PANEL (self), NULL);
  return shown_model (self);
}

void
arx_statement_panel_focus_filter (ArxStatementPanel *self)
{
  g_return_if_fail (ARX_IS_STATEMENT_PANEL (self));
  gtk_widget_grab_focus (GTK_WIDGET (self->filter_entry));
}
