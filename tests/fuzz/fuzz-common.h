/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Shared set-up of the libFuzzer targets (tests/fuzz/README.md). Each target is one small file
 * that feeds the bytes to one entry point and drops the result: a finding is a crash, a
 * sanitizer report, a g_critical (made fatal here), a leak or a time-out. */

#include <glib.h>

#include "arx-import-private.h"

int LLVMFuzzerInitialize   (int            *argc,
                            char         ***argv);
int LLVMFuzzerTestOneInput (const guint8   *data,
                            size_t          size);

/* The context every reader gets: the default limits and a made-up file name. */
static inline const ArxImportContext *
fuzz_context (void)
{
  static ArxImportLimits limits;
  static ArxImportContext ctx = { "fuzz-input", "file:///fuzz-input", &limits };

  arx_import_limits_init (&limits);
  return &ctx;
}

/* What every reader promises: valid UTF-8 text and fields, paragraphs inside the text, in
 * order. */
static inline void
fuzz_check_article (ArxArticle *article)
{
  const char *text = arx_article_get_text (article);
  gsize len = arx_article_get_text_length (article);
  const char *title = arx_article_get_title (article);
  const ArxSpan *paragraphs;
  guint n;
  gsize last_end = 0;

  g_assert (g_utf8_validate (text, len, NULL));
  g_assert (title == NULL || g_utf8_validate (title, -1, NULL));
  paragraphs = arx_article_get_paragraphs (article, &n);
  for (guint i = 0; i < n; i++)
    {
      g_assert_cmpuint (paragraphs[i].start, >=, last_end);
      g_assert_cmpuint (paragraphs[i].start, <=, paragraphs[i].end);
      g_assert_cmpuint (paragraphs[i].end, <=, len);
      last_end = paragraphs[i].end;
    }
}

static inline void
fuzz_check_articles (GPtrArray *articles)
{
  g_assert (articles->len > 0);
  for (guint i = 0; i < articles->len; i++)
    fuzz_check_article (g_ptr_array_index (articles, i));
}

/* Once per process: libxml2's globals, and criticals (our programming errors) abort. */
static inline void
fuzz_init (void)
{
  g_autofree char *type = NULL;

  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_ERROR);
  arx_import_init ();
  /* GIO loads its MIME tables on the first guess and keeps them: load them before the
   * leak checker starts counting */
  type = g_content_type_guess ("a.txt", (const guchar *)"a", 1, NULL);
}
