/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "arx-display"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>
#include <gio/gio.h>

#include "arx-display.h"

/**
 * arx_display_title:
 * @title: (nullable): the article's own title
 * @source_uri: (nullable): where it came from
 *
 * Returns: (transfer full): what to call an article on screen: its title, else the name of the
 * file it came from (a plain text file often has no title line), else "Untitled Article".
 */
char *
arx_display_title (const char *title,
                   const char *source_uri)
{
  if (title != NULL && title[0] != '\0')
    return g_strdup (title);
  if (source_uri != NULL && source_uri[0] != '\0')
    {
      g_autoptr(GFile) file = g_file_new_for_uri (source_uri);
      g_autofree char *name = g_file_get_basename (file);

      if (name != NULL && name[0] != '\0' && g_strcmp0 (name, "/") != 0)
        return g_steal_pointer (&name);
    }
  return g_strdup (_("Untitled Article"));
}

/**
 * arx_display_kind:
 * @kind: (nullable): an article's kind (article.kind of the analysis contract)
 *
 * Returns: (nullable) (transfer none): what to call a page of @kind in the article's header,
 * or NULL for a story (nothing to say).
 */
const char *
arx_display_kind (const char *kind)
{
  static const struct { const char *kind, *name; } names[] = {
    { "forum", N_("Forum thread") },
    { "product", N_("Product page") },
    { "collection", N_("Shop category") },
    { "listing", N_("List of articles") },
    { "documentation", N_("Documentation") },
    { "service", N_("Service page") },
  };

  for (guint i = 0; kind != NULL && i < G_N_ELEMENTS (names); i++)
    if (g_str_equal (kind, names[i].kind))
      return _(names[i].name);
  return NULL;
}

/**
 * arx_display_kind_lists_articles:
 *
 * Whether a page of @kind lists other pages the user may want to import (a listing, a hub).
 */
gboolean
arx_display_kind_lists_articles (const char *kind)
{
  return g_strcmp0 (kind, "listing") == 0 || g_strcmp0 (kind, "collection") == 0;
}

/**
 * arx_display_date:
 * @published: (nullable): an article's date, ISO 8601 ("2021-11-12" or
 *   "2021-11-12T23:30:00-05:00")
 *
 * Returns: (nullable) (transfer full): the day to show: the date part of a timestamp (the day
 * as the publisher's own clock had it), or @published as it is when it is not ISO 8601.
 */
char *
arx_display_date (const char *published)
{
  if (published == NULL)
    return NULL;
  if (strlen (published) > 10 && published[10] == 'T' && g_ascii_isdigit (published[0]))
    return g_strndup (published, 10);
  return g_strdup (published);
}

/**
 * arx_display_statement_kind:
 * @kind: a statement's kind
 *
 * Returns: (transfer none): the kind as the statement rows and the speaker profile show it; in
 * English the contract's own word ("direct", "partial", "indirect", "mixed").
 */
const char *
arx_display_statement_kind (ArxStatementKind kind)
{
  switch (kind)
    {
    case ARX_STATEMENT_DIRECT:
      return C_("statement kind", "direct");
    case ARX_STATEMENT_PARTIAL:
      return C_("statement kind", "partial");
    case ARX_STATEMENT_INDIRECT:
      return C_("statement kind", "indirect");
    case ARX_STATEMENT_MIXED:
      return C_("statement kind", "mixed");
    default:
      return arx_statement_kind_to_string (kind);
    }
}

/**
 * arx_display_rule:
 * @rule: (nullable): the attribution rule of a statement (speaker.rule of the contract)
 *
 * Returns: (nullable) (transfer none): the rule as the "why" of a statement shows it; in
 * English the contract's own word; a rule this build does not know as it is.
 */
const char *
arx_display_rule (const char *rule)
{
  /* how the analyzer found who made the statement: "direct · “said” · subject · 90%" */
  static const struct { const char *rule, *name; } names[] = {
    /* Translators: the speaker is the subject of the cue verb ("Lee said") */
    { "subject", NC_("attribution rule", "subject") },
    /* Translators: the cue verb comes before the speaker ("said Lee") */
    { "inverted", NC_("attribution rule", "inverted") },
    /* Translators: "Lee, the harbour master, said" */
    { "apposition", NC_("attribution rule", "apposition") },
    /* Translators: "according to Lee" */
    { "according-to", NC_("attribution rule", "according-to") },
    /* Translators: the speaker is named by a description ("the harbour master said") */
    { "description", NC_("attribution rule", "description") },
    /* Translators: the speaker is a pronoun ("she said") */
    { "pronoun", NC_("attribution rule", "pronoun") },
    /* Translators: "Lee's statement", "in Lee's words" */
    { "possessive", NC_("attribution rule", "possessive") },
    /* Translators: a speaker label before a colon ("LEE: We will.") */
    { "label", NC_("attribution rule", "label") },
    /* Translators: "Lee: “We will.”" */
    { "colon", NC_("attribution rule", "colon") },
    /* Translators: the quotation goes on from the speaker's previous one */
    { "continuation", NC_("attribution rule", "continuation") },
    /* Translators: the speaker is named in the next sentence */
    { "next-sentence", NC_("attribution rule", "next-sentence") },
    /* Translators: a question and answer interview */
    { "interview", NC_("attribution rule", "interview") },
    /* Translators: the author's signature under a letter or column */
    { "signature", NC_("attribution rule", "signature") },
  };

  for (guint i = 0; rule != NULL && i < G_N_ELEMENTS (names); i++)
    if (g_str_equal (rule, names[i].rule))
      return g_dpgettext2 (GETTEXT_PACKAGE, "attribution rule", names[i].name);
  return rule;
}
