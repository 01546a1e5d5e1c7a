/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "arx-train-ner-corpus.h"

static guint8
parse_label (const char *tag, guint8 prev)
{
  static const char *types[] = { "PER", "ORG", "LOC", "MISC" };

  if (strlen (tag) < 3 || tag[1] != '-')
    return ARX_NER_O;
  for (guint t = 0; t < 4; t++)
    if (strcmp (tag + 2, types[t]) == 0)
      {
        guint8 b = 1 + 2 * t;

        /* IOB1 → BIO2: an I- that does not continue the same type begins an entity */
        if (tag[0] == 'B' || (prev != b && prev != b + 1))
          return b;
        return b + 1;
      }
  return ARX_NER_O;
}

static void
finish_sentence (Corpus *c, guint start, gboolean own_document, const ArxLexicon *lex)
{
  Sentence s = { start, c->words->len - start };
  ArxNerToken *toks;

  if (s.n == 0)
    return;
  if (own_document)
    {
      Document d = { c->sents->len, 0 };

      g_array_append_val (c->docs, d);
    }
  toks = c->toks + start;
  for (guint i = 0; i < s.n; i++)
    {
      toks[i].word = g_ptr_array_index (c->words, start + i);
      toks[i].len = strlen (toks[i].word);
    }
  arx_ner_mark_gazetteer (lex, toks, s.n);
  arx_ner_prepare (toks, s.n, c->prep + start);
  {
    g_autofree guint16 *masks = g_new (guint16, s.n);

    arx_ner_label_masks (toks, s.n, masks);
    arx_ner_mark_runs (toks, masks, s.n, c->prep + start);
  }
  c->max_sentence = MAX (c->max_sentence, s.n);
  g_array_append_val (c->sents, s);
}

static Corpus *
corpus_read (const char *path, const ArxLexicon *lex)
{
  g_autofree char *data = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;
  Corpus *c = g_new0 (Corpus, 1);
  guint start = 0, n_lines;
  guint8 prev = ARX_NER_O;
  gboolean has_docs;

  if (!g_file_get_contents (path, &data, NULL, &error))
    g_error ("%s", error->message);
  has_docs = strstr (data, "-DOCSTART-") != NULL;
  lines = g_strsplit (data, "\n", -1);
  n_lines = g_strv_length (lines);
  c->name = g_path_get_basename (path);
  c->weight = 1.0f;
  c->words = g_ptr_array_new_with_free_func (g_free);
  c->gold = g_array_new (FALSE, FALSE, 1);
  c->sents = g_array_new (FALSE, FALSE, sizeof (Sentence));
  c->prep = g_new0 (ArxNerPrep, n_lines);
  c->toks = g_new0 (ArxNerToken, n_lines);
  c->docs = g_array_new (FALSE, FALSE, sizeof (Document));
  for (guint i = 0; i < n_lines; i++)
    {
      g_auto(GStrv) cols = g_strsplit_set (g_strstrip (lines[i]), " \t", -1);
      guint n_cols = g_strv_length (cols);
      guint8 label;

      if (n_cols < 2 || strcmp (cols[0], "-DOCSTART-") == 0)
        {
          finish_sentence (c, start, !has_docs, lex);
          start = c->words->len;
          prev = ARX_NER_O;
          if (n_cols >= 1 && strcmp (cols[0], "-DOCSTART-") == 0)
            {
              Document d = { c->sents->len, 0 };

              g_array_append_val (c->docs, d);
            }
          continue;
        }
      label = parse_label (cols[n_cols - 1], prev);
      g_ptr_array_add (c->words, g_strdup (cols[0]));
      g_array_append_val (c->gold, label);
      prev = label;
    }
  finish_sentence (c, start, !has_docs, lex);
  for (guint d = 0; d < c->docs->len; d++)
    {
      Document *doc = &g_array_index (c->docs, Document, d);
      guint end = d + 1 < c->docs->len ? g_array_index (c->docs, Document, d + 1).first : c->sents->len;

      doc->n = end - doc->first;
      if (doc->n > 0)
        {
          Sentence *a = &g_array_index (c->sents, Sentence, doc->first);
          Sentence *b = &g_array_index (c->sents, Sentence, end - 1);

          /* capitalisation in context looks at the whole document, as in the analyzer */
          arx_ner_mark_lower_seen (c->toks + a->start, b->start + b->n - a->start);
          for (guint i = a->start; i < b->start + b->n; i++)
            c->prep[i].lc_seen = c->toks[i].lc_seen;
        }
    }
  return c;
}

Corpus *
corpus_read_spec (const char       *spec,
                  const ArxLexicon *lex)
{
  g_auto(GStrv) parts = g_strsplit (spec, ":", -1);
  Corpus *c = corpus_read (parts[0], lex);

  for (guint i = 1; parts[i]; i++)
    {
      if (strcmp (parts[i], "nomisc") == 0)
        c->no_misc = TRUE;
      else
        c->weight = (float) g_ascii_strtod (parts[i], NULL);
    }
  return c;
}
