/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Helpers of the attribution tests: analyse made-up paragraphs, find the statement holding
 * some words, check its kind, speaker, mention and rule. */
#include "config.h"

#include <string.h>

#include "attribution-testlib.h"

ArxAnalysis *
analyze (ArxArticle **article, const char *const *paragraphs)
{
  *article = arx_article_new ();
  for (guint i = 0; paragraphs[i]; i++)
    arx_article_add_paragraph (*article, paragraphs[i], -1);
  return arx_analyzer_analyze (arx_analyzer_get_default (), *article);
}

/* The statement whose span holds @needle. */
ArxStatement *
statement_with (ArxAnalysis *analysis, ArxArticle *article, const char *needle)
{
  const char *text = arx_article_get_text (article);
  const char *hit = strstr (text, needle);
  guint at;

  g_assert_nonnull (hit);
  at = hit - text;
  for (guint i = 0; i < analysis->statements->len; i++)
    {
      ArxStatement *s = g_ptr_array_index (analysis->statements, i);

      if (s->start <= at && at + strlen (needle) <= s->end)
        return s;
    }
  return NULL;
}

char *
mention_text (ArxStatement *s, ArxArticle *article)
{
  if (s->mention_start < 0)
    return NULL;
  return g_strndup (arx_article_get_text (article) + s->mention_start, s->mention_end - s->mention_start);
}

void
expect (const char *const *paragraphs, const char *needle, ArxStatementKind kind,
        const char *speaker, const char *mention, const char *rule)
{
  ArxArticle *article = NULL;
  g_autoptr(ArxAnalysis) analysis = analyze (&article, paragraphs);
  ArxStatement *s = statement_with (analysis, article, needle);
  g_autofree char *m = NULL;

  if (s == NULL)
    g_error ("no statement holds “%s”", needle);
  g_assert_cmpint (s->kind, ==, kind);
  g_assert_cmpstr (s->speaker_name, ==, speaker);
  m = mention_text (s, article);
  g_assert_cmpstr (m, ==, mention);
  if (rule)
    g_assert_cmpstr (s->rule, ==, rule);
  g_assert_cmpfloat (s->confidence, >, 0.0);
  g_assert_cmpfloat (s->confidence, <=, 1.0);
  if (speaker && s->speaker >= 0)
    {
      ArxEntity *e = g_ptr_array_index (analysis->entities, s->speaker);

      g_assert_cmpstr (e->name, ==, speaker);
    }
  g_object_unref (article);
}

/* The statement whose text is exactly @span must exist, with this kind, speaker (NULL for
 * none), speaker kind (ANY_SPEAKER_KIND: any) and rule (NULL: any). */
void
expect_statement (const char *const *paragraphs, const char *span, ArxStatementKind kind,
                  const char *speaker, ArxSpeakerKind speaker_kind, const char *rule)
{
  ArxArticle *article = NULL;
  g_autoptr(ArxAnalysis) analysis = analyze (&article, paragraphs);
  ArxStatement *s = statement_with (analysis, article, span);
  g_autofree char *text = NULL;

  if (s == NULL)
    g_error ("no statement holds “%s”", span);
  text = g_strndup (arx_article_get_text (article) + s->start, s->end - s->start);
  g_assert_cmpstr (text, ==, span);
  g_assert_cmpint (s->kind, ==, kind);
  g_assert_cmpstr (s->speaker_name, ==, speaker);
  if (speaker != NULL && speaker_kind != ANY_SPEAKER_KIND)
    g_assert_cmpint (s->speaker_kind, ==, speaker_kind);
  if (rule)
    g_assert_cmpstr (s->rule, ==, rule);
  g_assert_cmpfloat (s->confidence, >, 0.0);
  g_assert_cmpfloat (s->confidence, <=, 1.0);
  g_object_unref (article);
}

/* No statement may overlap the words @needle. */
void
expect_no_statement (const char *const *paragraphs, const char *needle)
{
  ArxArticle *article = NULL;
  g_autoptr(ArxAnalysis) analysis = analyze (&article, paragraphs);
  const char *text = arx_article_get_text (article);
  const char *hit = strstr (text, needle);
  guint a, b;

  g_assert_nonnull (hit);
  a = hit - text;
  b = a + strlen (needle);
  for (guint i = 0; i < analysis->statements->len; i++)
    {
      ArxStatement *s = g_ptr_array_index (analysis->statements, i);

      if (s->start < b && a < s->end)
        g_error ("“%s” is in a statement: “%.*s”", needle, (int) (s->end - s->start), text + s->start);
    }
  g_object_unref (article);
}
