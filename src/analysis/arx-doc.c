/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "arx-analyzer"

#include "config.h"

#include "arx-doc.h"

static void
doc_entity_free (gpointer data)
{
  ArxDocEntity *e = data;

  g_free (e->name);
  g_ptr_array_unref (e->forms);
  g_array_unref (e->mentions);
  g_hash_table_unref (e->descriptors);
  g_free (e);
}

void
arx_doc_init (ArxDoc           *doc,
              const ArxLexicon *lex,
              const char       *text,
              gsize             len,
              const ArxSpan    *paragraphs,
              guint             n_paragraphs)
{
  doc->lex = lex;
  doc->text = text;
  doc->len = len;
  doc->paragraphs = paragraphs;
  doc->n_paragraphs = n_paragraphs;
  doc->tokens = g_array_sized_new (FALSE, FALSE, sizeof (ArxToken), len / 5 + 16);
  doc->sentences = g_array_new (FALSE, FALSE, sizeof (ArxSentence));
  doc->quotes = g_array_new (FALSE, FALSE, sizeof (ArxQuote));
  doc->mentions = g_array_new (FALSE, FALSE, sizeof (ArxMention));
  doc->entities = g_ptr_array_new_with_free_func (doc_entity_free);
}

void
arx_doc_clear (ArxDoc *doc)
{
  g_clear_pointer (&doc->tokens, g_array_unref);
  g_clear_pointer (&doc->sentences, g_array_unref);
  g_clear_pointer (&doc->quotes, g_array_unref);
  g_clear_pointer (&doc->mentions, g_array_unref);
  g_clear_pointer (&doc->entities, g_ptr_array_unref);
  g_clear_pointer (&doc->described, g_hash_table_unref);
}
