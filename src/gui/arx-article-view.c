/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "arx-article-view"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>
#include <adwaita.h>

#include "arx-display.h"
#include "arx-statement-item.h"

#include "arx-article-view.h"

/* The article text with one tag per entity kind, quotations tinted and underlined, and the
 * statement chosen in the panel highlighted. Analysis offsets are UTF-8 bytes; the buffer wants
 * characters, so a byte → character table is built once per article. */
#define N_QUOTE_COLORS 6

struct _ArxArticleView
{
  GtkWidget       parent_instance;

  GtkScrolledWindow *scroller;
  GtkLabel       *title_label;
  GtkLabel       *meta_label;
  GtkWidget      *kind_box;
  GtkLabel       *kind_label;
  GtkWidget      *links_button;
  GtkTextView    *text_view;

  ArxArticle     *article;
  ArxAnalysis    *analysis;
  guint          *char_at_byte;     /* text length + 1 entries */
  GtkTextTag     *entity_tags[ARX_N_ENTITY_KINDS];
  GtkTextTag     *quote_tags[N_QUOTE_COLORS + 1];    /* one per speaker colour, last: no speaker */
  GtkTextTag     *reported_tags[N_QUOTE_COLORS + 1]; /* reported speech: underline only */
  GtkTextTag     *selected_tag;
  GtkTextMark    *selected_mark;
  gboolean        highlight_entities;
};

G_DEFINE_FINAL_TYPE (ArxArticleView, arx_article_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_HIGHLIGHT_ENTITIES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef struct
{
  const char *light;
  const char *dark;
} TagColors;

/* Background tints that keep black (light) or white (dark) text readable. */
static const TagColors entity_colors[ARX_N_ENTITY_KINDS] = {
  [ARX_ENTITY_PERSON]       = { "#cce4ff", "#1c4a7a" },
  [ARX_ENTITY_ORGANIZATION] = { "#ffe0b3", "#7a4b12" },
  [ARX_ENTITY_LOCATION]     = { "#d4f0cc", "#2d5e25" },
  [ARX_ENTITY_EVENT]        = { "#f4d6f2", "#6b2f68" },
  [ARX_ENTITY_WORK]         = { "#f4d6f2", "#6b2f68" },
  [ARX_ENTITY_DATE]         = { "#e8e8e8", "#4a4a4a" },
  [ARX_ENTITY_MISC]         = { "#f0e6c8", "#5e5330" },
};

/* Quotations are coloured per speaker (in order of first statement), so a reader sees at a
 * glance which quotes belong together; a quote with no speaker is grey. */
static const TagColors quote_colors[N_QUOTE_COLORS + 1] = {
  { "#1a5fb4", "#99c1f1" },
  { "#c64600", "#ffbe6f" },
  { "#26a269", "#8ff0a4" },
  { "#813d9c", "#dc8add" },
  { "#a51d2d", "#f66151" },
  { "#986a44", "#cdab8f" },
  { "#77767b", "#9a9996" },
};

static void
apply_colors (ArxArticleView *self)
{
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());

  for (guint i = 0; i < ARX_N_ENTITY_KINDS; i++)
    g_object_set (self->entity_tags[i],
                  "background", dark ? entity_colors[i].dark : entity_colors[i].light,
                  "background-set", self->highlight_entities,
                  NULL);
  for (guint i = 0; i <= N_QUOTE_COLORS; i++)
    {
      GdkRGBA rgba;

      gdk_rgba_parse (&rgba, dark ? quote_colors[i].dark : quote_colors[i].light);
      g_object_set (self->quote_tags[i], "foreground-rgba", &rgba, "underline-rgba", &rgba, NULL);
      g_object_set (self->reported_tags[i], "underline-rgba", &rgba, NULL);
    }
  g_object_set (self->selected_tag, "background", dark ? "#9a7d00" : "#fff08a", NULL);
}

static void
on_dark_changed_cb (ArxArticleView *self)
{
  apply_colors (self);
}

static void
create_tags (ArxArticleView *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);

  for (guint i = 0; i < ARX_N_ENTITY_KINDS; i++)
    {
      g_autofree char *name = g_strdup_printf ("entity-%s", arx_entity_kind_to_string (i));

      self->entity_tags[i] = gtk_text_buffer_create_tag (buffer, name, NULL);
    }
  for (guint i = 0; i <= N_QUOTE_COLORS; i++)
    {
      g_autofree char *name = g_strdup_printf ("quotation-%u", i);

      g_autofree char *reported = g_strdup_printf ("reported-speech-%u", i);

      self->quote_tags[i] = gtk_text_buffer_create_tag (buffer, name,
                                                        "underline", PANGO_UNDERLINE_SINGLE,
                                                        NULL);
      self->reported_tags[i] = gtk_text_buffer_create_tag (buffer, reported,
                                                           "underline", PANGO_UNDERLINE_SINGLE,
                                                           NULL);
    }
  self->selected_tag = gtk_text_buffer_create_tag (buffer, "selected-statement", NULL);
  /* The selection must win over entity and quotation tints. */
  gtk_text_tag_set_priority (self->selected_tag,
                             gtk_text_tag_table_get_size (gtk_text_buffer_get_tag_table (buffer)) - 1);
  apply_colors (self);
}

/* char_at_byte[i] = number of characters that start before byte i (lead bytes before i). */
static void
build_char_table (ArxArticleView *self,
                  const char     *text)
{
  gsize len = strlen (text);
  guint chars = 0;

  g_clear_pointer (&self->char_at_byte, g_free);
  self->char_at_byte = g_new (guint, len + 1);
  for (gsize i = 0; i <= len; i++)
    {
      self->char_at_byte[i] = chars;
      if (i < len && ((guchar)text[i] & 0xC0) != 0x80)
        chars++;
    }
}

static void
iter_at_byte (ArxArticleView *self,
              GtkTextIter    *iter,
              guint           byte)
{
  gsize len = arx_article_get_text_length (self->article);

  gtk_text_buffer_get_iter_at_offset (gtk_text_view_get_buffer (self->text_view), iter,
                                      self->char_at_byte[MIN (byte, len)]);
}

static void
tag_span (ArxArticleView *self,
          GtkTextTag     *tag,
          guint           start,
          guint           end)
{
  GtkTextIter a, b;

  iter_at_byte (self, &a, start);
  iter_at_byte (self, &b, end);
  gtk_text_buffer_apply_tag (gtk_text_view_get_buffer (self->text_view), tag, &a, &b);
}

static void
highlight (ArxArticleView *self)
{
  g_autoptr(GHashTable) speaker_colors = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < self->analysis->entities->len; i++)
    {
      const ArxEntity *entity = g_ptr_array_index (self->analysis->entities, i);

      for (guint j = 0; j < entity->mentions->len; j++)
        {
          const ArxSpan *span = &g_array_index (entity->mentions, ArxSpan, j);

          tag_span (self, self->entity_tags[entity->kind], span->start, span->end);
        }
    }
  for (guint i = 0; i < self->analysis->statements->len; i++)
    {
      const ArxStatement *statement = g_ptr_array_index (self->analysis->statements, i);
      gpointer color = GUINT_TO_POINTER (N_QUOTE_COLORS);

      gboolean quoted = statement->kind == ARX_STATEMENT_DIRECT ||
                        statement->kind == ARX_STATEMENT_PARTIAL;

      if (statement->speaker_name != NULL &&
          !g_hash_table_lookup_extended (speaker_colors, statement->speaker_name, NULL, &color))
        {
          color = GUINT_TO_POINTER (g_hash_table_size (speaker_colors) % N_QUOTE_COLORS);
          g_hash_table_insert (speaker_colors, statement->speaker_name, color);
        }
      tag_span (self, (quoted ? self->quote_tags : self->reported_tags)[GPOINTER_TO_UINT (color)],
                statement->start, statement->end);
    }
}

static gboolean
starts_with_title (ArxArticle *article)
{
  const char *title = arx_article_get_title (article);
  const ArxSpan *paragraphs;
  guint n;

  paragraphs = arx_article_get_paragraphs (article, &n);
  return title != NULL && n > 0 && paragraphs[0].end - paragraphs[0].start == strlen (title) &&
         strncmp (arx_article_get_text (article), title, strlen (title)) == 0;
}

static char *
format_meta (ArxArticle *article)
{
  g_autofree char *date = arx_display_date (arx_article_get_published (article));
  const char *parts[] = {
    arx_article_get_byline (article),
    arx_article_get_site (article),
    date,
  };
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) strv = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    if (parts[i] != NULL)
      g_strv_builder_add (builder, parts[i]);
  strv = g_strv_builder_end (builder);
  return g_strjoinv (" · ", strv);
}

static void
show_kind (ArxArticleView *self,
           ArxArticle     *article)
{
  const char *kind = article != NULL ? arx_article_get_kind (article) : NULL;
  const char *name = arx_display_kind (kind);

  gtk_label_set_label (self->kind_label, name != NULL ? name : "");
  gtk_widget_set_visible (self->links_button, arx_display_kind_lists_articles (kind));
  gtk_widget_set_visible (self->kind_box, name != NULL);
}

/* Hovering a quotation tells who said it and why the analyzer thinks so. */
static gboolean
on_text_view_query_tooltip_cb (ArxArticleView *self,
                               int             x,
                               int             y,
                               gboolean        keyboard,
                               GtkTooltip     *tooltip,
                               GtkTextView    *text_view)
{
  GtkTextIter iter;
  int bx, by;
  guint byte;
  const char *text;

  if (self->analysis == NULL)
    return FALSE;

  gtk_text_view_window_to_buffer_coords (text_view, GTK_TEXT_WINDOW_WIDGET, x, y, &bx, &by);
  if (!gtk_text_view_get_iter_at_location (text_view, &iter, bx, by))
    return FALSE;

  text = arx_article_get_text (self->article);
  byte = g_utf8_offset_to_pointer (text, gtk_text_iter_get_offset (&iter)) - text;

  for (guint i = 0; i < self->analysis->statements->len; i++)
    {
      const ArxStatement *statement = g_ptr_array_index (self->analysis->statements, i);
      g_autoptr(ArxStatementItem) item = NULL;
      g_autofree char *why = NULL;
      g_autofree char *markup = NULL;

      if (byte < statement->start || byte >= statement->end)
        continue;
      item = arx_statement_item_new (statement, text, 0);
      why = arx_statement_item_dup_explanation (item);
      markup = g_markup_printf_escaped ("<b>%s</b>\n%s",
                                        statement->speaker_name ? statement->speaker_name
                                                                : _("No speaker found"),
                                        why);
      gtk_tooltip_set_markup (tooltip, markup);
      return TRUE;
    }
  return FALSE;
}

static void
arx_article_view_dispose (GObject *object)
{
  ArxArticleView *self = (ArxArticleView *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), ARX_TYPE_ARTICLE_VIEW);
  /* the template's unnamed root box is not a bound child: unparent it ourselves */
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL;)
    gtk_widget_unparent (child);
  g_clear_object (&self->article);
  g_clear_pointer (&self->analysis, arx_analysis_unref);
  g_clear_pointer (&self->char_at_byte, g_free);

  G_OBJECT_CLASS (arx_article_view_parent_class)->dispose (object);
}

static void
arx_article_view_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  ArxArticleView *self = ARX_ARTICLE_VIEW (object);

  switch (prop_id)
    {
    case PROP_HIGHLIGHT_ENTITIES:
      g_value_set_boolean (value, self->highlight_entities);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
arx_article_view_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  ArxArticleView *self = ARX_ARTICLE_VIEW (object);

  switch (prop_id)
    {
    case PROP_HIGHLIGHT_ENTITIES:
      if (self->highlight_entities != g_value_get_boolean (value))
        {
          self->highlight_entities = g_value_get_boolean (value);
          apply_colors (self);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
arx_article_view_class_init (ArxArticleViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = arx_article_view_dispose;
  object_class->get_property = arx_article_view_get_property;
  object_class->set_property = arx_article_view_set_property;

  properties[PROP_HIGHLIGHT_ENTITIES] =
    g_param_spec_boolean ("highlight-entities", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
    "/io/github/arx/ArticleExplorer/ui/arx-article-view.ui");
  gtk_widget_class_bind_template_child (widget_class, ArxArticleView, scroller);
  gtk_widget_class_bind_template_child (widget_class, ArxArticleView, title_label);
  gtk_widget_class_bind_template_child (widget_class, ArxArticleView, meta_label);
  gtk_widget_class_bind_template_child (widget_class, ArxArticleView, kind_box);
  gtk_widget_class_bind_template_child (widget_class, ArxArticleView, kind_label);
  gtk_widget_class_bind_template_child (widget_class, ArxArticleView, links_button);
  gtk_widget_class_bind_template_child (widget_class, ArxArticleView, text_view);
  gtk_widget_class_bind_template_callback (widget_class, on_text_view_query_tooltip_cb);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "articleview");
}

static void
arx_article_view_init (ArxArticleView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->highlight_entities = TRUE;
  create_tags (self);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (on_dark_changed_cb), self, G_CONNECT_SWAPPED);
}

/**
 * arx_article_view_set_article:
 * @article: (nullable): the article, or NULL to clear the view
 * @analysis: (nullable): its analysis
 */
void
arx_article_view_set_article (ArxArticleView *self,
                              ArxArticle     *article,
                              ArxAnalysis    *analysis)
{
  GtkTextBuffer *buffer;
  g_autofree char *meta = NULL;
  g_autofree char *title = NULL;
  GtkTextIter start;

  g_return_if_fail (ARX_IS_ARTICLE_VIEW (self));

  buffer = gtk_text_view_get_buffer (self->text_view);
  g_set_object (&self->article, article);
  g_clear_pointer (&self->analysis, arx_analysis_unref);
  if (analysis != NULL)
    self->analysis = arx_analysis_ref (analysis);

  if (article == NULL)
    {
      gtk_text_buffer_set_text (buffer, "", 0);
      gtk_label_set_label (self->title_label, "");
      gtk_label_set_label (self->meta_label, "");
      show_kind (self, NULL);
      return;
    }

  title = arx_display_title (arx_article_get_title (article),
                             arx_article_get_source_uri (article));
  gtk_label_set_label (self->title_label, title);
  /* A plain-text file keeps its title line in the text: don't show it twice. */
  gtk_widget_set_visible (GTK_WIDGET (self->title_label),
                          !starts_with_title (article));
  meta = format_meta (article);
  gtk_label_set_label (self->meta_label, meta);
  gtk_widget_set_visible (GTK_WIDGET (self->meta_label), meta[0] != '\0');
  show_kind (self, article);

  gtk_text_buffer_set_text (buffer, arx_article_get_text (article), -1);
  build_char_table (self, arx_article_get_text (article));
  if (self->analysis != NULL)
    highlight (self);

  gtk_text_buffer_get_start_iter (buffer, &start);
  gtk_text_buffer_place_cursor (buffer, &start);
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
}

ArxArticle *
arx_article_view_get_article (ArxArticleView *self)
{
  g_return_val_if_fail (ARX_IS_ARTICLE_VIEW (self), NULL);
  return self->article;
}

ArxAnalysis *
arx_article_view_get_analysis (ArxArticleView *self)
{
  g_return_val_if_fail (ARX_IS_ARTICLE_VIEW (self), NULL);
  return self->analysis;
}

/**
 * arx_article_view_show_span:
 *
 * Highlights the byte span @start..@end (a statement) and scrolls it into view.
 */
void
arx_article_view_show_span (ArxArticleView *self,
                            guint           start,
                            guint           end)
{
  GtkTextBuffer *buffer;
  GtkTextIter a, b;

  g_return_if_fail (ARX_IS_ARTICLE_VIEW (self));

  if (self->article == NULL)
    return;

  buffer = gtk_text_view_get_buffer (self->text_view);
  gtk_text_buffer_get_bounds (buffer, &a, &b);
  gtk_text_buffer_remove_tag (buffer, self->selected_tag, &a, &b);

  iter_at_byte (self, &a, start);
  iter_at_byte (self, &b, end);
  gtk_text_buffer_apply_tag (buffer, self->selected_tag, &a, &b);
  gtk_text_buffer_select_range (buffer, &a, &a);

  if (self->selected_mark == NULL)
    self->selected_mark = gtk_text_buffer_create_mark (buffer, "selected-statement", &a, TRUE);
  else
    gtk_text_buffer_move_mark (buffer, self->selected_mark, &a);
  gtk_text_view_scroll_to_mark (self->text_view, self->selected_mark, 0.05, TRUE, 0.0, 0.2);
}

GtkTextView *
arx_article_view_get_text_view (ArxArticleView *self)
{
  g_return_val_if_fail (ARX_IS_ARTICLE_VIEW (self), NULL);
  return self->text_view;
}
