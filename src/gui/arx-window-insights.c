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

/* The Insights page's counts and the speaker profiles are read in a worker thread, on a read
 * connection of the window's own: at 10k articles a count takes 100 ms of CPU or more (several
 * frames), and the window's connection may be held by an import. A read started anew cancels
 * the one before of its kind: only the newest is shown. */
typedef gpointer (*ReadFunc) (ArxLibrary  *reader,
                              gpointer     input,
                              GError     **error);

typedef struct
{
  ArxLibrary     *reader;
  ReadFunc        read;
  gpointer        input;
  GDestroyNotify  input_free;
  GDestroyNotify  result_free;
} ReadJob;

static void
read_job_free (ReadJob *job)
{
  g_object_unref (job->reader);
  if (job->input_free != NULL)
    job->input_free (job->input);
  g_free (job);
}

static void
read_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  ReadJob *job = task_data;
  GError *error = NULL;
  gpointer result = job->read (job->reader, job->input, &error);

  if (result == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, result, job->result_free);
}

/* Runs @read on the reader in a worker thread, then @done on this thread; @input is the read's
 * own (copied from anything the user may change meanwhile). */
static void
read_in_thread (ArxWindow            *self,
                GCancellable        **cancellable,
                ReadFunc              read,
                gpointer              input,
                GDestroyNotify        input_free,
                GDestroyNotify        result_free,
                GAsyncReadyCallback   done)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  ReadJob *job;

  if (self->insights_reader == NULL &&
      (self->insights_reader = arx_library_open_reader (self->library, &error)) == NULL)
    {
      _arx_window_show_toast (self, error->message);
      if (input_free != NULL)
        input_free (input);
      return;
    }
  g_cancellable_cancel (*cancellable);
  g_clear_object (cancellable);
  *cancellable = g_cancellable_new ();
  job = g_new0 (ReadJob, 1);
  job->reader = g_object_ref (self->insights_reader);
  job->read = read;
  job->input = input;
  job->input_free = input_free;
  job->result_free = result_free;
  _arx_window_set_busy (self, TRUE);
  task = g_task_new (self, *cancellable, done, NULL);
  g_task_set_source_tag (task, read_in_thread);
  g_task_set_task_data (task, job, (GDestroyNotify)read_job_free);
  g_task_run_in_thread (task, read_thread);
}

/* The result of a read_in_thread(), or NULL when a newer read replaced it or the window closed
 * (or with @error set). */
static gpointer
read_finish (ArxWindow     *self,
             GAsyncResult  *result,
             GError       **error)
{
  _arx_window_set_busy (self, FALSE);
  if (g_cancellable_is_cancelled (g_task_get_cancellable (G_TASK (result))))
    return NULL;
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* The scope to count (and a bar's facet, for its statements), copied: the sidebar's may change
 * while the read runs, and the bar goes with the next count. */
typedef struct
{
  GArray   *article_ids;   /* (element-type gint64), or NULL: no such criterion */
  char     *tag;
  char     *query;
  char     *from;
  char     *to;
  ArxFacet  facet;         /* its name and period are owned */
  char     *label;         /* what the statements panel says it lists */
} ScopeInput;

static void
scope_input_free (ScopeInput *input)
{
  g_clear_pointer (&input->article_ids, g_array_unref);
  g_free (input->tag);
  g_free (input->query);
  g_free (input->from);
  g_free (input->to);
  g_free ((char *)input->facet.name);
  g_free ((char *)input->facet.period);
  g_free (input->label);
  g_free (input);
}

/* The chosen scope, copied; NULL (and a note) when none is chosen yet. */
static ScopeInput *
scope_input_new (ArxWindow *self)
{
  ScopeInput *input;
  ArxScope scope;

  if (!arx_insights_scope_get (self->insights_scope, &scope))
    {
      arx_insights_scope_set_note (self->insights_scope, _("Choose an article or a tag first."));
      return NULL;
    }
  input = g_new0 (ScopeInput, 1);
  if (scope.article_ids != NULL)
    {
      input->article_ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), scope.n_article_ids);
      g_array_append_vals (input->article_ids, scope.article_ids, scope.n_article_ids);
    }
  input->tag = g_strdup (scope.tag);
  input->query = g_strdup (scope.query);
  input->from = g_strdup (scope.from);
  input->to = g_strdup (scope.to);
  return input;
}

static ArxScope
scope_of_input (const ScopeInput *input)
{
  return (ArxScope){
    input->article_ids != NULL ? (const gint64 *)(gpointer)input->article_ids->data : NULL,
    input->article_ids != NULL ? input->article_ids->len : 0,
    input->tag, input->query, input->from, input->to
  };
}

static gpointer
read_count (ArxLibrary  *reader,
            gpointer     data,
            GError     **error)
{
  ArxScope scope = scope_of_input (data);

  return arx_library_stats (reader, &scope, error);
}

static void
count_done_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  ArxWindow *self = ARX_WINDOW (object);
  g_autoptr(GError) error = NULL;
  g_autoptr(ArxStats) stats = read_finish (self, result, &error);
  g_autofree char *note = NULL;

  if (stats == NULL)
    {
      if (error != NULL)
        arx_insights_scope_set_note (self->insights_scope, error->message);
      return;
    }
  arx_insights_page_set_stats (self->insights_page, stats, show_gender (self));
  note = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u article counted", "%u articles counted",
                                       stats->n_articles), stats->n_articles);
  arx_insights_scope_set_note (self->insights_scope, note);
}

/**
 * _arx_window_refresh_insights:
 *
 * Counts the chosen scope again when the Insights page is on show (the library changed, or the
 * scope did), off the main thread; the page shows the last count until the new one is in.
 */
void
_arx_window_refresh_insights (ArxWindow *self)
{
  ScopeInput *input;

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->content_stack), "insights") != 0)
    return;
  if ((input = scope_input_new (self)) == NULL)
    return;
  arx_insights_scope_set_note (self->insights_scope, _("Counting…"));
  read_in_thread (self, &self->insights_cancellable, read_count, input,
                  (GDestroyNotify)scope_input_free, (GDestroyNotify)arx_stats_free, count_done_cb);
}

/* A bar's statements: the first MAX_BAR_STATEMENTS, and one more to tell there are more. */
typedef struct
{
  GPtrArray *rows;
  char      *label;
} BarRows;

static void
bar_rows_free (BarRows *bar)
{
  g_ptr_array_unref (bar->rows);
  g_free (bar->label);
  g_free (bar);
}

static gpointer
read_bar (ArxLibrary  *reader,
          gpointer     data,
          GError     **error)
{
  ScopeInput *input = data;
  ArxScope scope = scope_of_input (input);
  GPtrArray *rows = arx_library_facet_statements (reader, &scope, &input->facet,
                                                  MAX_BAR_STATEMENTS + 1, error);
  BarRows *bar;

  if (rows == NULL)
    return NULL;
  bar = g_new0 (BarRows, 1);
  bar->rows = rows;
  bar->label = g_strdup (input->label);
  return bar;
}

static void
bar_done_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  ArxWindow *self = ARX_WINDOW (object);
  g_autoptr(GError) error = NULL;
  BarRows *bar = read_finish (self, result, &error);

  if (bar == NULL)
    {
      if (error != NULL)
        _arx_window_show_toast (self, error->message);
      return;
    }
  /* the panel keeps these rows while articles open from them */
  g_free (self->speaker_scope);
  self->speaker_scope = g_strdup (bar->label);
  if (bar->rows->len > MAX_BAR_STATEMENTS)
    {
      g_autofree char *first = g_strdup_printf (_("%s (first %u)"), bar->label, MAX_BAR_STATEMENTS);

      g_ptr_array_set_size (bar->rows, MAX_BAR_STATEMENTS);
      arx_statement_panel_set_rows (self->statement_panel, bar->rows, first);
    }
  else
    arx_statement_panel_set_rows (self->statement_panel, bar->rows, bar->label);
  bar_rows_free (bar);
}

static void
on_insights_bar_activated_cb (ArxWindow            *self,
                              const ArxInsightsBar *bar)
{
  g_autofree char *scope_name = arx_insights_scope_describe (self->insights_scope);
  ScopeInput *input = scope_input_new (self);

  if (input == NULL)
    return;
  input->facet = bar->facet;
  input->facet.name = g_strdup (bar->facet.name);
  input->facet.period = g_strdup (bar->facet.period);
  input->label = g_strdup_printf ("%s · %s", scope_name, bar->label);
  read_in_thread (self, &self->bar_cancellable, read_bar, input,
                  (GDestroyNotify)scope_input_free, (GDestroyNotify)bar_rows_free, bar_done_cb);
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

static gpointer
read_profile (ArxLibrary  *reader,
              gpointer     data,
              GError     **error)
{
  return arx_library_speaker_profile (reader, *(gint64 *)data, error);
}

static void
profile_done_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  ArxWindow *self = ARX_WINDOW (object);
  g_autoptr(GError) error = NULL;
  g_autoptr(ArxProfile) profile = read_finish (self, result, &error);

  if (profile == NULL)
    {
      if (error != NULL)
        _arx_window_show_toast (self, error->message);
      return;
    }
  arx_speaker_profile_set_profile (self->speaker_profile, profile, show_gender (self));
  show_content (self, "profile");
}

/**
 * _arx_window_show_profile:
 *
 * Opens library speaker @person_id's profile in the content area, once it is read (in a worker
 * thread: the most quoted speaker of a big library has thousands of statements).
 */
void
_arx_window_show_profile (ArxWindow *self,
                          gint64     person_id)
{
  read_in_thread (self, &self->profile_cancellable, read_profile,
                  g_memdup2 (&person_id, sizeof person_id), g_free,
                  (GDestroyNotify)arx_profile_free, profile_done_cb);
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
