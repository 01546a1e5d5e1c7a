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
  g_clear_pointer (&e->descriptors, g_hash_table_unref);
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
  doc->words = arx_word_cache_begin (lex);
  doc->text = text;
  doc->len = len;
  doc->paragraphs = paragraphs;
  doc->n_paragraphs = n_paragraphs;
  doc->tokens = arx_word_cache_take_array (doc->words, ARX_SCRATCH_TOKENS, sizeof (ArxToken));
  doc->sentences = arx_word_cache_take_array (doc->words, ARX_SCRATCH_SENTENCES, sizeof (ArxSentence));
  doc->quotes = arx_word_cache_take_array (doc->words, ARX_SCRATCH_QUOTES, sizeof (ArxQuote));
  doc->mentions = arx_word_cache_take_array (doc->words, ARX_SCRATCH_MENTIONS, sizeof (ArxMention));
  doc->entities = g_ptr_array_new_with_free_func (doc_entity_free);
}

void
arx_doc_clear (ArxDoc *doc)
{
  if (doc->tokens != NULL)
    arx_word_cache_give_array (doc->words, ARX_SCRATCH_TOKENS, g_steal_pointer (&doc->tokens),
                               doc->len / 5 + 16);
  if (doc->sentences != NULL)
    arx_word_cache_give_array (doc->words, ARX_SCRATCH_SENTENCES, g_steal_pointer (&doc->sentences), 0);
  if (doc->quotes != NULL)
    arx_word_cache_give_array (doc->words, ARX_SCRATCH_QUOTES, g_steal_pointer (&doc->quotes), 0);
  if (doc->mentions != NULL)
    arx_word_cache_give_array (doc->words, ARX_SCRATCH_MENTIONS, g_steal_pointer (&doc->mentions), 0);
  g_clear_pointer (&doc->entities, g_ptr_array_unref);
  g_clear_pointer (&doc->described, g_hash_table_unref);
}
