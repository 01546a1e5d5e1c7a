/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "arx-analyzer"

#include "config.h"

#include "arx-analyzer.h"

/* PLACEHOLDER: replaced by the analysis stage. */

struct _ArxAnalyzer
{
  GObject parent_instance;
};

G_DEFINE_FINAL_TYPE (ArxAnalyzer, arx_analyzer, G_TYPE_OBJECT)

static void
arx_analyzer_class_init (ArxAnalyzerClass *klass)
{
}

static void
arx_analyzer_init (ArxAnalyzer *self)
{
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

ArxAnalysis *
arx_analyzer_analyze (ArxAnalyzer *self,
                      ArxArticle  *article)
{
  return arx_analysis_new ();
}
