/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "arx-analyzer"

#include "config.h"

#include "arx-doc.h"
#include "arx-lexicon.h"

#include "arx-analyzer.h"

/* The analyzer holds no per-article state: everything of one run lives in an ArxDoc on the
 * caller's stack, and the lexicons are shared read-only, so one instance serves all threads. */

struct _ArxAnalyzer
{
  GObject           parent_instance;
  const ArxLexicon *lex;
};

G_DEFINE_FINAL_TYPE (ArxAnalyzer, arx_analyzer, G_TYPE_OBJECT)

static void
arx_analyzer_class_init (ArxAnalyzerClass *klass)
{
}

static void
arx_analyzer_init (ArxAnalyzer *self)
{
  self->lex = arx_lexicon_get_default ();
}

ArxAnalyzer *
arx_analyzer_get_default (void)
{
  static ArxAnalyzer *instance;

  if (g_once_init_enter (&instance))
    g_once_init_leave (&instance, g_object_new (ARX_TYPE_ANALYZER, NULL));
  return instance;
}

const char *
arx_analyzer_get_version (ArxAnalyzer *self)
{
  return ANALYZER_VERSION;
}

/**
 * arx_analyzer_analyze:
 *
 * Runs the pipeline: tokens → sentences → quotation spans → entity mentions → entity clusters
 * → statements → attribution.
 *
 * Returns: (transfer full): a new analysis whose offsets point into arx_article_get_text().
 */
ArxAnalysis *
arx_analyzer_analyze (ArxAnalyzer *self,
                      ArxArticle  *article)
{
  ArxAnalysis *analysis = arx_analysis_new ();
  const ArxSpan *paragraphs;
  guint n_paragraphs;
  ArxDoc doc = { 0 };

  g_return_val_if_fail (ARX_IS_ANALYZER (self), analysis);
  g_return_val_if_fail (ARX_IS_ARTICLE (article), analysis);

  paragraphs = arx_article_get_paragraphs (article, &n_paragraphs);
  arx_doc_init (&doc, self->lex, arx_article_get_text (article), arx_article_get_text_length (article),
                paragraphs, n_paragraphs);
  arx_doc_tokenize (&doc);
  arx_doc_split_sentences (&doc);
  arx_doc_find_quotes (&doc);
  arx_doc_find_entities (&doc, self->lex->ner);
  arx_doc_cluster_entities (&doc);
  arx_doc_emit_entities (&doc, analysis);
  arx_doc_find_statements (&doc, analysis);
  arx_analysis_sort_statements (analysis);
  arx_analysis_number (analysis);
  arx_doc_clear (&doc);

  return analysis;
}
