/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "arx-statement-item"

#include "config.h"

#include <inttypes.h>
#include <glib/gi18n.h>

#include "arx-display.h"
#include "arx-statement-item.h"

/* One statement as the statements panel shows it: immutable once made, so filters and sorters
 * never need to be told about changes; only "quote-articles" (how many other articles carry
 * the same quote) is filled in later, by the window, and no filter looks at it. */
struct _ArxStatementItem
{
  GObject           parent_instance;

  char             *speaker;
  char             *text;
  char             *cue;
  char             *mention;
  char             *rule;
  char             *search_text;
  char             *group;
  gint64            article_id;
  ArxStatementKind  kind;
  ArxSpeakerKind    speaker_kind;
  gboolean          has_speaker_kind; /* rows of the library's statement list do not carry it */
  guint             start;
  guint             end;
  guint             group_rank;
  double            confidence;
  guint             quote_articles;
  gboolean          quote_known;
};

G_DEFINE_FINAL_TYPE (ArxStatementItem, arx_statement_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_SPEAKER,
  PROP_TEXT,
  PROP_SEARCH_TEXT,
  PROP_START,
  PROP_GROUP_RANK,
  PROP_QUOTE_ARTICLES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static char *
dup_span (const char *text,
          int         start,
          int         end)
{
  if (start < 0 || end <= start)
    return NULL;
  return g_strndup (text + start, end - start);
}

static void
arx_statement_item_finalize (GObject *object)
{
  ArxStatementItem *self = (ArxStatementItem *)object;

  g_free (self->speaker);
  g_free (self->text);
  g_free (self->cue);
  g_free (self->mention);
  g_free (self->rule);
  g_free (self->search_text);
  g_free (self->group);

  G_OBJECT_CLASS (arx_statement_item_parent_class)->finalize (object);
}

static void
arx_statement_item_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  ArxStatementItem *self = ARX_STATEMENT_ITEM (object);

  switch (prop_id)
    {
    case PROP_SPEAKER:
      g_value_set_string (value, self->speaker);
      break;
    case PROP_TEXT:
      g_value_set_string (value, self->text);
      break;
    case PROP_SEARCH_TEXT:
      g_value_set_string (value, self->search_text);
      break;
    case PROP_START:
      g_value_set_uint (value, self->start);
      break;
    case PROP_GROUP_RANK:
      g_value_set_uint (value, self->group_rank);
      break;
    case PROP_QUOTE_ARTICLES:
      g_value_set_uint (value, self->quote_articles);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
arx_statement_item_class_init (ArxStatementItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = arx_statement_item_finalize;
  object_class->get_property = arx_statement_item_get_property;

  properties[PROP_SPEAKER] = g_param_spec_string ("speaker", NULL, NULL, NULL, flags);
  properties[PROP_TEXT] = g_param_spec_string ("text", NULL, NULL, NULL, flags);
  properties[PROP_SEARCH_TEXT] = g_param_spec_string ("search-text", NULL, NULL, NULL, flags);
  properties[PROP_START] = g_param_spec_uint ("start", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_GROUP_RANK] = g_param_spec_uint ("group-rank", NULL, NULL,
                                                     0, G_MAXUINT, 0, flags);
  properties[PROP_QUOTE_ARTICLES] = g_param_spec_uint ("quote-articles", NULL, NULL, 0, G_MAXUINT, 0,
                                                       flags | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
arx_statement_item_init (ArxStatementItem *self)
{
}

static void
set_search_text (ArxStatementItem *self)
{
  /* The filter matches the speaker as well as the words, so "Bossert" finds his statements. */
  self->search_text = g_strconcat (self->speaker ? self->speaker : "", "\n",
                                   self->text ? self->text : "", NULL);
}

/**
 * arx_statement_item_new:
 * @group_rank: order of the speaker's first statement in the article; groups sort by it
 *
 * A statement of the article on show, grouped by speaker.
 */
ArxStatementItem *
arx_statement_item_new (const ArxStatement *statement,
                        const char         *article_text,
                        guint               group_rank)
{
  ArxStatementItem *self = g_object_new (ARX_TYPE_STATEMENT_ITEM, NULL);

  self->speaker = g_strdup (statement->speaker_name);
  self->text = dup_span (article_text, statement->start, statement->end);
  self->cue = dup_span (article_text, statement->cue_start, statement->cue_end);
  self->mention = dup_span (article_text, statement->mention_start, statement->mention_end);
  self->rule = g_strdup (statement->rule);
  self->kind = statement->kind;
  self->speaker_kind = statement->speaker_kind;
  self->has_speaker_kind = statement->speaker_name != NULL;
  self->start = statement->start;
  self->end = statement->end;
  self->group_rank = group_rank;
  self->confidence = statement->confidence;
  self->group = g_strdup (self->speaker ? self->speaker : _("No speaker"));
  set_search_text (self);

  return self;
}

/**
 * arx_statement_item_new_from_row:
 * @group_rank: order of the row's article; groups sort by it
 *
 * A statement from anywhere in the library (a speaker's statements across articles), grouped
 * by article.
 */
ArxStatementItem *
arx_statement_item_new_from_row (const ArxStatementRow *row,
                                 guint                  group_rank)
{
  ArxStatementItem *self = g_object_new (ARX_TYPE_STATEMENT_ITEM, NULL);

  self->speaker = g_strdup (row->speaker);
  self->text = g_strdup (row->text);
  self->cue = g_strdup (row->cue);
  self->kind = row->kind;
  self->start = row->start;
  self->end = row->end;
  self->confidence = row->confidence;
  self->article_id = row->article_id;
  self->group_rank = group_rank;
  self->group = row->article_title != NULL
    ? g_strdup (row->article_title)
    : g_strdup_printf (_("Untitled article %" PRId64), row->article_id);
  set_search_text (self);

  return self;
}

const char *arx_statement_item_get_speaker (ArxStatementItem *self) { return self->speaker; }
const char *arx_statement_item_get_text (ArxStatementItem *self) { return self->text; }
const char *arx_statement_item_get_cue (ArxStatementItem *self) { return self->cue; }
const char *arx_statement_item_get_mention (ArxStatementItem *self) { return self->mention; }
const char *arx_statement_item_get_rule (ArxStatementItem *self) { return self->rule; }
ArxStatementKind arx_statement_item_get_kind (ArxStatementItem *self) { return self->kind; }
guint arx_statement_item_get_start (ArxStatementItem *self) { return self->start; }
guint arx_statement_item_get_end (ArxStatementItem *self) { return self->end; }
guint arx_statement_item_get_group_rank (ArxStatementItem *self) { return self->group_rank; }
const char *arx_statement_item_get_group (ArxStatementItem *self) { return self->group; }
gint64 arx_statement_item_get_article_id (ArxStatementItem *self) { return self->article_id; }
double arx_statement_item_get_confidence (ArxStatementItem *self) { return self->confidence; }

/**
 * arx_statement_item_get_speaker_icon_name:
 *
 * Returns: (nullable): the symbolic icon of the speaker's kind (a person, an organisation, a
 * group, anything else), or %NULL when the statement has no speaker or its kind is unknown.
 */
const char *
arx_statement_item_get_speaker_icon_name (ArxStatementItem *self)
{
  static const char *const icons[ARX_N_SPEAKER_KINDS] = {
    [ARX_SPEAKER_PERSON] = "arx-speaker-person-symbolic",
    [ARX_SPEAKER_ORGANIZATION] = "arx-speaker-organization-symbolic",
    [ARX_SPEAKER_GROUP] = "arx-speaker-group-symbolic",
    [ARX_SPEAKER_OTHER] = "arx-speaker-other-symbolic",
  };

  if (!self->has_speaker_kind || self->speaker_kind >= ARX_N_SPEAKER_KINDS)
    return NULL;
  return icons[self->speaker_kind];
}

/**
 * arx_statement_item_get_speaker_kind_label:
 *
 * Returns: (nullable): what the icon shows, for its tooltip and screen readers.
 */
const char *
arx_statement_item_get_speaker_kind_label (ArxStatementItem *self)
{
  if (!self->has_speaker_kind)
    return NULL;
  switch (self->speaker_kind)
    {
    case ARX_SPEAKER_PERSON:
      return _("Person");
    case ARX_SPEAKER_ORGANIZATION:
      return _("Organization");
    case ARX_SPEAKER_GROUP:
      return _("Group of people");
    default:
      return _("Other source");
    }
}

/**
 * arx_statement_item_set_quote_articles:
 * @n: how many other articles carry the same quote (see arx_library_quote_spread())
 */
void
arx_statement_item_set_quote_articles (ArxStatementItem *self,
                                       guint             n)
{
  g_return_if_fail (ARX_IS_STATEMENT_ITEM (self));

  self->quote_known = TRUE;
  if (self->quote_articles == n)
    return;
  self->quote_articles = n;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_QUOTE_ARTICLES]);
}

guint
arx_statement_item_get_quote_articles (ArxStatementItem *self)
{
  return self->quote_articles;
}

/* Whether the window has looked the quote up yet. */
gboolean
arx_statement_item_get_quote_known (ArxStatementItem *self)
{
  return self->quote_known;
}

/**
 * arx_statement_item_dup_row_label:
 *
 * Returns: (transfer full): "<speaker>: <statement text>", the row's accessible name.
 */
char *
arx_statement_item_dup_row_label (ArxStatementItem *self)
{
  return g_strdup_printf ("%s: %s", self->speaker ? self->speaker : _("No speaker"),
                          self->text ? self->text : "");
}

/**
 * arx_statement_item_dup_explanation:
 *
 * Returns: (transfer full): why the statement was attributed, for tooltips and row captions:
 * kind, cue, the words that name the speaker, the rule and the confidence.
 */
char *
arx_statement_item_dup_explanation (ArxStatementItem *self)
{
  GString *out = g_string_new (arx_display_statement_kind (self->kind));

  if (self->cue != NULL)
    g_string_append_printf (out, " · “%s”", self->cue);
  if (self->mention != NULL && g_strcmp0 (self->mention, self->speaker) != 0)
    g_string_append_printf (out, " · %s %s", _("via"), self->mention);
  if (self->rule != NULL)
    g_string_append_printf (out, " · %s", arx_display_rule (self->rule));
  if (self->speaker != NULL)
    g_string_append_printf (out, " · %.0f%%", self->confidence * 100.0);

  return g_string_free (out, FALSE);
}
