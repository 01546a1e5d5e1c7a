/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "arx-window-speakers"

#include "config.h"

#include <glib/gi18n.h>

#include "arx-window-private.h"

/* The Speakers page of the sidebar, in sections: People, Organisations, Groups (and unnamed
 * sources, each a speaker of its one article) and the statements nobody is known to have said;
 * each section by statements, most first; above them, all statements. Choosing one activates win.show-speaker with its
 * library id (ARX_SPEAKER_NOBODY for the unattributed ones), which lists every statement in
 * the statements panel, paged from the library; choosing a statement there opens its article
 * at that statement. Other views (a speaker's profile) can activate the same action. */

typedef enum
{
  SECTION_PEOPLE,
  SECTION_ORGANIZATIONS,
  SECTION_GROUPS,
  N_SECTIONS
} Section;

static Section
section_of (const ArxSpeakerRow *speaker)
{
  switch (speaker->speaker_kind)
    {
    case ARX_SPEAKER_PERSON:
      return SECTION_PEOPLE;
    case ARX_SPEAKER_ORGANIZATION:
      return SECTION_ORGANIZATIONS;
    case ARX_SPEAKER_GROUP:
    case ARX_SPEAKER_OTHER:
    case ARX_N_SPEAKER_KINDS:
    default:
      return SECTION_GROUPS;
    }
}

static char *
dup_counts (guint n_statements,
            guint n_articles)
{
  g_autofree char *statements = g_strdup_printf (
    g_dngettext (GETTEXT_PACKAGE, "%u statement", "%u statements", n_statements), n_statements);
  g_autofree char *articles = g_strdup_printf (
    g_dngettext (GETTEXT_PACKAGE, "%u article", "%u articles", n_articles), n_articles);

  /* Translators: "3 statements in 2 articles" */
  return g_strdup_printf (_("%s in %s"), statements, articles);
}

static ArxSidebarItem *
create_speaker_item (const ArxSpeakerRow *speaker)
{
  g_autofree char *details = NULL;

  /* A speaker of one article (a group, somebody unnamed) says which. */
  if (speaker->article_id > 0)
    {
      g_autofree char *statements = g_strdup_printf (
        g_dngettext (GETTEXT_PACKAGE, "%u statement", "%u statements", speaker->n_statements),
        speaker->n_statements);

      /* Translators: "2 statements · in “Bridge to close for a week”" */
      details = g_strdup_printf (_("%s · in “%s”"), statements,
                                 speaker->article_title != NULL ? speaker->article_title
                                                                : _("an untitled article"));
    }
  else
    details = dup_counts (speaker->n_statements, speaker->n_articles);
  return arx_sidebar_item_new (speaker->id, speaker->name, details, FALSE);
}

static ArxSidebarItem *
create_heading (Section section,
                guint   n_speakers)
{
  const char *titles[N_SECTIONS] = { _("People"), _("Organisations"), _("Groups and Unnamed Sources") };
  g_autofree char *details = g_strdup_printf (
    g_dngettext (GETTEXT_PACKAGE, "%u speaker", "%u speakers", n_speakers), n_speakers);

  return arx_sidebar_item_new_heading (titles[section], details);
}

static void
reload_speakers (ArxWindow *self)
{
  const char *filter = gtk_editable_get_text (GTK_EDITABLE (self->speaker_search));
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  GPtrArray *sections[N_SECTIONS];
  g_autoptr(GPtrArray) speakers = NULL;
  g_autoptr(GError) error = NULL;
  guint unattributed = 0, unattributed_articles = 0;

  speakers = arx_library_list_speaking (self->library, filter[0] ? filter : NULL, &error);
  if (speakers == NULL ||
      (filter[0] == '\0' &&
       !arx_library_count_unattributed (self->library, &unattributed, &unattributed_articles, &error)))
    {
      _arx_window_show_toast (self, error->message);
      return;
    }
  for (guint i = 0; i < N_SECTIONS; i++)
    sections[i] = g_ptr_array_new_with_free_func (g_object_unref);
  /* The library lists them by statements already: each section keeps that order. */
  for (guint i = 0; i < speakers->len; i++)
    {
      const ArxSpeakerRow *speaker = g_ptr_array_index (speakers, i);

      g_ptr_array_add (sections[section_of (speaker)], create_speaker_item (speaker));
    }
  /* Every statement of the library, to search them all from the statements panel. */
  if (filter[0] == '\0' && speakers->len + unattributed > 0)
    g_ptr_array_add (items, arx_sidebar_item_new (ARX_SPEAKER_ANYONE, _("All Statements"),
                                                  _("Every statement of every article"), FALSE));
  for (guint i = 0; i < N_SECTIONS; i++)
    {
      if (sections[i]->len > 0)
        g_ptr_array_add (items, create_heading (i, sections[i]->len));
      g_ptr_array_extend_and_steal (items, sections[i]);
    }
  if (unattributed > 0)
    {
      g_autofree char *details = dup_counts (unattributed, unattributed_articles);

      g_ptr_array_add (items, arx_sidebar_item_new_heading (_("Unattributed"), NULL));
      g_ptr_array_add (items, arx_sidebar_item_new (ARX_SPEAKER_NOBODY,
                                                    _("Statements without a known speaker"),
                                                    details, FALSE));
    }
  self->reloading = TRUE;
  g_list_store_splice (self->speaker_store, 0,
                       g_list_model_get_n_items (G_LIST_MODEL (self->speaker_store)),
                       items->pdata, items->len);
  self->reloading = FALSE;
}

/**
 * _arx_window_show_speaker:
 * @speaker_id: a library speaker, ARX_SPEAKER_NOBODY for the statements nobody is known to
 *   have said, or 0 to go back to the article's statements
 * @name: (nullable): what to call them above the list
 */
void
_arx_window_show_speaker (ArxWindow  *self,
                          gint64      speaker_id,
                          const char *name)
{
  ArxStatementFilter filter = { speaker_id, 0, -1, NULL };
  g_autoptr(ArxPagedStatements) statements = NULL;
  g_autoptr(GError) error = NULL;
  ArxAnalysis *analysis;
  ArxArticle *article;

  g_clear_pointer (&self->speaker_scope, g_free);
  if (speaker_id == 0)
    {
      article = arx_article_view_get_article (self->article_view);
      analysis = arx_article_view_get_analysis (self->article_view);
      arx_statement_panel_set_analysis (self->statement_panel, analysis,
                                        article ? arx_article_get_text (article) : NULL);
      return;
    }
  statements = arx_paged_statements_new (self->library, &filter, &error);
  if (statements == NULL)
    {
      _arx_window_show_toast (self, error->message);
      return;
    }
  self->speaker_scope = g_strdup (name != NULL ? name : "");
  arx_statement_panel_set_library_list (self->statement_panel, statements, name);
}

static const char *
speaker_name (ArxWindow *self,
              gint64     id)
{
  GListModel *model = G_LIST_MODEL (self->speaker_store);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(ArxSidebarItem) item = g_list_model_get_item (model, i);

      if (!arx_sidebar_item_is_heading (item) && arx_sidebar_item_get_id (item) == id)
        return arx_sidebar_item_get_title (item);
    }
  return NULL;
}

/* win.show-speaker (x): the speaker's statements across the library in the panel. */
static void
show_speaker_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  ArxWindow *self = ARX_WINDOW (widget);
  gint64 id = g_variant_get_int64 (parameter);
  g_autofree char *name = g_strdup (speaker_name (self, id));
  g_autoptr(GPtrArray) rows = NULL;

  /* Activated from elsewhere, for a speaker this page does not list (filtered out). */
  if (name == NULL && id > 0 &&
      (rows = arx_library_list_speaking (self->library, NULL, NULL)) != NULL)
    for (guint i = 0; i < rows->len && name == NULL; i++)
      if (((ArxSpeakerRow *)g_ptr_array_index (rows, i))->id == id)
        name = g_strdup (((ArxSpeakerRow *)g_ptr_array_index (rows, i))->name);
  _arx_window_show_speaker (self, id, name);
}

static void
on_speaker_search_changed_cb (ArxWindow *self)
{
  reload_speakers (self);
}

static void
on_speaker_selected_cb (ArxWindow *self)
{
  ArxSidebarItem *item = gtk_single_selection_get_selected_item (self->speaker_selection);

  if (self->reloading || item == NULL || arx_sidebar_item_is_heading (item))
    return;
  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-speaker", "x",
                              arx_sidebar_item_get_id (item));
}

static void
on_sidebar_page_changed_cb (ArxWindow *self)
{
  const char *page = gtk_stack_get_visible_child_name (self->sidebar_stack);

  if (g_strcmp0 (page, "speakers") == 0)
    {
      reload_speakers (self);
      on_speaker_selected_cb (self);
    }
  else
    _arx_window_show_speaker (self, 0, NULL);
}

void
_arx_window_class_speakers_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.show-speaker", "x", show_speaker_action);
}

void
_arx_window_speakers_init (ArxWindow *self)
{
  g_autoptr(GtkListItemFactory) factory = arx_sidebar_item_factory_new ();

  gtk_list_view_set_factory (self->speaker_view, factory);
  g_signal_connect_object (self->speaker_search, "search-changed",
                           G_CALLBACK (on_speaker_search_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->speaker_selection, "notify::selected",
                           G_CALLBACK (on_speaker_selected_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->sidebar_stack, "notify::visible-child-name",
                           G_CALLBACK (on_sidebar_page_changed_cb), self, G_CONNECT_SWAPPED);
}
