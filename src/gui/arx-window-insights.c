/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "arx-window-insights"

#include "config.h"

#include <glib/gi18n.h>

#include "arx-quote-versions.h"
#include "arx-window-private.h"

/* The Insights page (the scope in the sidebar, the charts in the content area, a bar's
 * statements in the statements panel) and the speaker profile. */

#define MAX_BAR_STATEMENTS 1000

static gboolean
show_gender (ArxWindow *self)
{
  return self->settings == NULL || g_settings_get_boolean (self->settings, "show-gender");
}

/* The content area: "article", "insights" or "profile". */
static void
show_content (ArxWindow  *self,
              const char *page)
{
  gtk_stack_set_visible_child_name (self->content_stack, page);
}

/**
 * _arx_window_refresh_insights:
 *
 * Counts the chosen scope again when the Insights page is on show (the library changed, or the
 * scope did).
 */
void
_arx_window_refresh_insights (ArxWindow *self)
{
  g_autoptr(ArxStats) stats = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *note = NULL;
  ArxScope scope;

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->content_stack), "insights") != 0)
    return;
  if (!arx_insights_scope_get (self->insights_scope, &scope))
    {
      arx_insights_scope_set_note (self->insights_scope, _("Choose an article or a tag first."));
      return;
    }
  stats = arx_library_stats (self->library, &scope, &error);
  if (stats == NULL)
    {
      arx_insights_scope_set_note (self->insights_scope, error->message);
      return;
    }
  arx_insights_page_set_stats (self->insights_page, stats, show_gender (self));
  note = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u article counted", "%u articles counted",
                                       stats->n_articles), stats->n_articles);
  arx_insights_scope_set_note (self->insights_scope, note);
}

static void
on_insights_bar_activated_cb (ArxWindow            *self,
                              const ArxInsightsBar *bar)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *scope_name = arx_insights_scope_describe (self->insights_scope);
  g_autofree char *label = g_strdup_printf ("%s · %s", scope_name, bar->label);
  ArxScope scope;

  if (!arx_insights_scope_get (self->insights_scope, &scope))
    return;
  rows = arx_library_facet_statements (self->library, &scope, &bar->facet,
                                       MAX_BAR_STATEMENTS + 1, &error);
  if (rows == NULL)
    {
      _arx_window_show_toast (self, error->message);
      return;
    }
  /* the panel keeps these rows while articles open from them */
  g_free (self->speaker_scope);
  self->speaker_scope = g_strdup (label);
  if (rows->len > MAX_BAR_STATEMENTS)
    {
      g_autofree char *first = g_strdup_printf (_("%s (first %u)"), label, MAX_BAR_STATEMENTS);

      g_ptr_array_set_size (rows, MAX_BAR_STATEMENTS);
      arx_statement_panel_set_rows (self->statement_panel, rows, first);
      return;
    }
  arx_statement_panel_set_rows (self->statement_panel, rows, label);
}

static void
on_sidebar_page_changed_cb (ArxWindow *self)
{
  const char *page = gtk_stack_get_visible_child_name (self->sidebar_stack);

  if (g_strcmp0 (page, "insights") == 0)
    {
      g_autoptr(GPtrArray) tags = arx_library_list_tags (self->library, 0, NULL);

      if (tags != NULL)
        arx_insights_scope_set_tags (self->insights_scope, tags);
      arx_insights_scope_set_article (self->insights_scope, self->article_id);
      show_content (self, "insights");
      _arx_window_refresh_insights (self);
    }
  else
    show_content (self, "article");
}

/* A statement chosen in the panel opens in its article, whatever the content area showed. */
static void
on_statement_activated_cb (ArxWindow *self)
{
  show_content (self, "article");
}

/**
 * _arx_window_show_profile:
 *
 * Opens library speaker @person_id's profile in the content area.
 */
void
_arx_window_show_profile (ArxWindow *self,
                          gint64     person_id)
{
  g_autoptr(ArxProfile) profile = NULL;
  g_autoptr(GError) error = NULL;

  profile = arx_library_speaker_profile (self->library, person_id, &error);
  if (profile == NULL)
    {
      _arx_window_show_toast (self, error->message);
      return;
    }
  arx_speaker_profile_set_profile (self->speaker_profile, profile, show_gender (self));
  show_content (self, "profile");
}

static void
on_speaker_activated_cb (ArxWindow *self,
                         guint      position)
{
  g_autoptr(ArxSidebarItem) item = g_list_model_get_item (G_LIST_MODEL (self->speaker_selection),
                                                          position);

  if (item != NULL)
    _arx_window_show_profile (self, arx_sidebar_item_get_id (item));
}

static void
on_profile_back_cb (ArxWindow *self)
{
  const char *sidebar = gtk_stack_get_visible_child_name (self->sidebar_stack);

  show_content (self, g_strcmp0 (sidebar, "insights") == 0 ? "insights" : "article");
}

static void
on_profile_open_article_cb (ArxWindow *self,
                            gint64     article_id,
                            guint      start,
                            guint      end)
{
  show_content (self, "article");
  if (start < end)
    {
      self->pending_start = start;
      self->pending_end = end;
    }
  arx_window_select_article (self, article_id);
}

static void
on_profile_gender_chosen_cb (ArxWindow *self,
                             int        gender)
{
  gint64 person = arx_speaker_profile_get_person (self->speaker_profile);
  g_autoptr(GError) error = NULL;

  if (arx_library_correct_gender (self->library, person, gender, &error) == 0)
    {
      _arx_window_show_toast (self, error->message);
      return;
    }
  _arx_window_show_profile (self, person);
}

static void
on_show_gender_changed_cb (ArxWindow *self)
{
  gint64 person = arx_speaker_profile_get_person (self->speaker_profile);

  _arx_window_refresh_insights (self);
  if (person > 0 && g_strcmp0 (gtk_stack_get_visible_child_name (self->content_stack), "profile") == 0)
    _arx_window_show_profile (self, person);
}

/* "Also in N articles" on the statements the panel lists: one lookup per article. */
static void
on_panel_items_changed_cb (ArxWindow  *self,
                           guint       position,
                           guint       removed,
                           guint       added,
                           GListModel *model)
{
  g_autoptr(GHashTable) spreads = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                         (GDestroyNotify)g_array_unref);

  for (guint i = position; i < position + added; i++)
    {
      g_autoptr(ArxStatementItem) item = g_list_model_get_item (model, i);
      gint64 article = arx_statement_item_get_article_id (item);
      GArray *spread;
      guint n = 0;

      if (arx_statement_item_get_quote_known (item))
        continue;
      /* 0: the article on show */
      if (article <= 0)
        article = self->article_id;
      if (article <= 0)
        continue;
      if ((spread = g_hash_table_lookup (spreads, &article)) == NULL)
        {
          if ((spread = arx_library_quote_spread (self->library, article, NULL)) == NULL)
            return;
          g_hash_table_insert (spreads, g_memdup2 (&article, sizeof article), spread);
        }
      for (guint j = 0; j < spread->len; j++)
        {
          const ArxQuoteSpread *s = &g_array_index (spread, ArxQuoteSpread, j);

          if (s->start == arx_statement_item_get_start (item) &&
              s->end == arx_statement_item_get_end (item))
            n = s->n_other_articles;
        }
      arx_statement_item_set_quote_articles (item, n);
    }
}

static void
on_version_open_cb (ArxWindow        *self,
                    gint64            article_id,
                    guint             start,
                    guint             end,
                    ArxQuoteVersions *dialog)
{
  gtk_window_close (GTK_WINDOW (dialog));
  on_profile_open_article_cb (self, article_id, start, end);
}

static void
show_versions_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  ArxWindow *self = ARX_WINDOW (widget);
  g_autoptr(ArxQuoteGroup) group = NULL;
  g_autoptr(GError) error = NULL;
  ArxQuoteVersions *dialog;
  gint64 article_id;
  guint start, end;

  g_variant_get (parameter, "(xuu)", &article_id, &start, &end);
  if (article_id <= 0)
    article_id = self->article_id;
  group = arx_library_quote_versions (self->library, article_id, start, end, &error);
  if (group == NULL)
    {
      _arx_window_show_toast (self, error != NULL ? error->message
                                                  : _("No other article has this quote"));
      return;
    }
  dialog = arx_quote_versions_new (GTK_WINDOW (self), group);
  g_signal_connect_object (dialog, "open-statement", G_CALLBACK (on_version_open_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
_arx_window_class_insights_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback (widget_class, on_insights_bar_activated_cb);
  gtk_widget_class_install_action (widget_class, "win.show-versions", "(xuu)", show_versions_action);
}

void
_arx_window_insights_init (ArxWindow *self)
{
  g_signal_connect_object (self->sidebar_stack, "notify::visible-child-name",
                           G_CALLBACK (on_sidebar_page_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->insights_scope, "changed",
                           G_CALLBACK (_arx_window_refresh_insights), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->statement_panel, "statement-activated",
                           G_CALLBACK (on_statement_activated_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (arx_statement_panel_get_model (self->statement_panel), "items-changed",
                           G_CALLBACK (on_panel_items_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->speaker_view, "activate", G_CALLBACK (on_speaker_activated_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->speaker_profile, "back", G_CALLBACK (on_profile_back_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->speaker_profile, "open-article",
                           G_CALLBACK (on_profile_open_article_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->speaker_profile, "open-speaker",
                           G_CALLBACK (_arx_window_show_profile), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->speaker_profile, "gender-chosen",
                           G_CALLBACK (on_profile_gender_chosen_cb), self, G_CONNECT_SWAPPED);
  if (self->settings != NULL)
    g_signal_connect_object (self->settings, "changed::show-gender",
                             G_CALLBACK (on_show_gender_changed_cb), self, G_CONNECT_SWAPPED);
}
