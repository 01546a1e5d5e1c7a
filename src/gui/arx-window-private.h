/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "arx-article-view.h"
#include "arx-insights-page.h"
#include "arx-insights-scope.h"
#include "arx-sidebar-item.h"
#include "arx-speaker-profile.h"
#include "arx-statement-panel.h"
#include "arx-window.h"

G_BEGIN_DECLS

struct _ArxWindow
{
  AdwApplicationWindow  parent_instance;

  /* template children */
  AdwWindowTitle       *window_title;
  GtkRevealer          *progress_revealer;
  GtkLabel             *progress_label;
  GtkProgressBar       *progress_bar;
  AdwToastOverlay      *toast_overlay;
  GtkStack             *main_stack;
  GtkListView          *library_view;
  GtkSingleSelection   *library_selection;
  GListStore           *library_store;
  GtkSearchEntry       *library_search;
  GtkLabel             *library_placeholder;
  GtkStack             *sidebar_stack;
  GtkDropDown          *tag_filter;
  GtkStringList        *tag_filter_model;
  GtkWidget            *tag_bar;
  GtkFlowBox           *tag_flow;
  GtkEntry             *tag_entry;
  GtkSearchEntry       *speaker_search;
  GtkListView          *speaker_view;
  GtkSingleSelection   *speaker_selection;
  GListStore           *speaker_store;
  ArxArticleView       *article_view;
  ArxStatementPanel    *statement_panel;
  ArxInsightsScope     *insights_scope;
  GtkStack             *content_stack;
  ArxInsightsPage      *insights_page;
  ArxSpeakerProfile    *speaker_profile;

  ArxLibrary           *library;
  GCancellable         *cancellable;
  GCancellable         *import_cancellable;
  ArxLibrary           *insights_reader;      /* counts the Insights page's scope, or NULL */
  GCancellable         *insights_cancellable; /* of the count running, or NULL */
  GCancellable         *profile_cancellable;  /* of the profile being read, or NULL */
  GCancellable         *bar_cancellable;      /* of a chart bar's statements being read */
  GSettings            *settings;
  gint64                article_id;
  guint                 busy;          /* imports and loads in flight */
  gboolean              reloading;     /* sidebar rebuild: ignore its selection changes */
  gboolean              reloading_tags;
  gint64                library_oldest_id;  /* last article of the pages listed so far */
  gboolean              library_complete;   /* every page is listed */
  char                 *speaker_scope; /* the panel shows this speaker's library statements */
  int                   pending_start; /* statement to show once the loading article is in */
  int                   pending_end;
  gboolean              offer_links;   /* a drop just finished: offer a listing's links */
  gboolean              painted;       /* the first frame is drawn */
  gpointer              first_loaded;  /* (LoadedArticle) an article loaded before it, or NULL */
};

void _arx_window_class_actions_init (GtkWidgetClass *widget_class);
void _arx_window_class_corrections_init (GtkWidgetClass *widget_class);
void _arx_window_class_library_init (GtkWidgetClass *widget_class);
void _arx_window_class_speakers_init (GtkWidgetClass *widget_class);
void _arx_window_class_insights_init (GtkWidgetClass *widget_class);
void _arx_window_insights_init (ArxWindow  *self);
void _arx_window_refresh_insights (ArxWindow *self);
void _arx_window_show_profile  (ArxWindow  *self,
                                gint64      person_id);
void _arx_window_class_links_init (GtkWidgetClass *widget_class);
void _arx_window_offer_links   (ArxWindow  *self,
                                ArxArticle *article);
void _arx_window_dnd_init      (ArxWindow  *self);
void _arx_window_library_init  (ArxWindow  *self);
void _arx_window_speakers_init (ArxWindow  *self);
void _arx_window_tags_init     (ArxWindow  *self);
void _arx_window_refresh_tags  (ArxWindow  *self);
char *_arx_window_dup_tag_filter (ArxWindow *self);
void _arx_window_show_speaker  (ArxWindow  *self,
                                gint64      speaker_id,
                                const char *name);
guint _arx_window_find_library_position (ArxWindow *self,
                                         gint64     article_id);
void _arx_window_show_toast    (ArxWindow  *self,
                                const char *message);
void _arx_window_cancel_import (ArxWindow  *self);
void _arx_window_reanalyze_in_background (ArxWindow *self);
void _arx_window_import_text   (ArxWindow  *self,
                                const char *text);
void _arx_window_import_string (ArxWindow  *self,
                                const char *text);
void _arx_window_set_busy      (ArxWindow  *self,
                                gboolean    busy);
gboolean _arx_window_opens_maximized (GSettings *settings,
                                      int        screen_width,
                                      int        screen_height);

G_END_DECLS
