/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Trains the analyzer's entity tagger (a greedy averaged perceptron over hashed features)
 * on CoNLL-2003-style data and writes the quantised model that data/analysis/ ships.
 *
 *   arx-train-ner TRAIN.conll OUT.model [--dev DEV.conll] [--epochs N] [--buckets 2^k] [--dump FILE]
 *
 * Run by hand; see bench/analysis/README.md. */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "arx-lexicon.h"
#include "arx-ner.h"

typedef struct
{
  guint        start;  /* into the corpus token arrays */
  guint        n;
  gboolean     all_caps;
} Sentence;

typedef struct
{
  guint first;         /* sentence index */
  guint n;
} Document;

typedef struct
{
  GPtrArray   *words;  /* char* */
  GArray      *gold;   /* guint8 */
  GArray      *sents;  /* Sentence */
  GArray      *docs;   /* Document */
  ArxNerPrep  *prep;
  ArxNerToken *toks;
} Corpus;

static guint8
parse_label (const char *tag, guint8 prev)
{
  static const char *types[] = { "PER", "ORG", "LOC", "MISC" };

  if (strcmp (tag, "O") == 0)
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

static gboolean
sentence_all_caps (ArxNerToken *toks, guint n)
{
  guint letters = 0, upper = 0;

  for (guint i = 0; i < n; i++)
    {
      gboolean has_lower = FALSE, has_alpha = FALSE;

      for (guint j = 0; j < toks[i].len; j++)
        {
          has_alpha |= g_ascii_isalpha (toks[i].word[j]);
          has_lower |= g_ascii_islower (toks[i].word[j]);
        }
      if (has_alpha)
        {
          letters++;
          upper += !has_lower;
        }
    }
  return letters >= 3 && upper * 10 >= letters * 8;
}

static void
finish_sentence (Corpus *c, guint start, const ArxLexicon *lex)
{
  Sentence s = { start, c->words->len - start, FALSE };
  ArxNerToken *toks;

  if (s.n == 0)
    return;
  toks = c->toks + start;
  for (guint i = 0; i < s.n; i++)
    {
      toks[i].word = g_ptr_array_index (c->words, start + i);
      toks[i].len = strlen (toks[i].word);
    }
  arx_ner_mark_gazetteer (lex, toks, s.n);
  s.all_caps = sentence_all_caps (toks, s.n);
  arx_ner_prepare (toks, s.n, c->prep + start);
  g_array_append_val (c->sents, s);
}

static Corpus *
read_corpus (const char *path, const ArxLexicon *lex)
{
  g_autofree char *data = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;
  Corpus *c = g_new0 (Corpus, 1);
  guint start = 0, n_lines;
  guint8 prev = ARX_NER_O;

  if (!g_file_get_contents (path, &data, NULL, &error))
    g_error ("%s", error->message);
  lines = g_strsplit (data, "\n", -1);
  n_lines = g_strv_length (lines);
  c->words = g_ptr_array_new_with_free_func (g_free);
  c->gold = g_array_new (FALSE, FALSE, 1);
  c->sents = g_array_new (FALSE, FALSE, sizeof (Sentence));
  c->prep = g_new0 (ArxNerPrep, n_lines);
  c->toks = g_new0 (ArxNerToken, n_lines);
  c->docs = g_array_new (FALSE, FALSE, sizeof (Document));
  for (guint i = 0; i < n_lines; i++)
    {
      g_auto(GStrv) cols = g_strsplit (g_strstrip (lines[i]), " ", -1);
      guint n_cols = g_strv_length (cols);
      guint8 label;

      if (n_cols < 2 || strcmp (cols[0], "-DOCSTART-") == 0)
        {
          finish_sentence (c, start, lex);
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
  finish_sentence (c, start, lex);
  if (c->docs->len == 0)
    {
      Document d = { 0, 0 };

      g_array_append_val (c->docs, d);
    }
  for (guint d = 0; d < c->docs->len; d++)
    {
      Document *doc = &g_array_index (c->docs, Document, d);
      guint end = d + 1 < c->docs->len ? g_array_index (c->docs, Document, d + 1).first : c->sents->len;

      doc->n = end - doc->first;
      if (doc->n > 0)
        {
          Sentence *a = &g_array_index (c->sents, Sentence, doc->first);
          Sentence *b = &g_array_index (c->sents, Sentence, end - 1);

          arx_ner_mark_lower_seen (c->toks + a->start, b->start + b->n - a->start);
          for (guint i = a->start; i < b->start + b->n; i++)
            c->prep[i].lc_seen = c->toks[i].lc_seen;
        }
    }
  return c;
}

typedef struct
{
  guint32 n_buckets;
  float  *w;
  double *total;
  guint  *stamp;
  guint   now;
} Trainer;

static void
update (Trainer *t, guint32 f, guint l, float delta)
{
  gsize k = (gsize) f * ARX_NER_N_LABELS + l;

  t->total[k] += (double) (t->now - t->stamp[k]) * t->w[k];
  t->stamp[k] = t->now;
  t->w[k] += delta;
}

static guint8
predict (const float *w, const guint32 *feats, guint k, guint8 prev)
{
  float scores[ARX_NER_N_LABELS] = { 0 };
  int best = -1;

  for (guint f = 0; f < k; f++)
    for (guint l = 0; l < ARX_NER_N_LABELS; l++)
      scores[l] += w[(gsize) feats[f] * ARX_NER_N_LABELS + l];
  for (guint l = 0; l < ARX_NER_N_LABELS; l++)
    if (arx_ner_label_allowed (prev, l) && (best < 0 || scores[l] > scores[best]))
      best = l;
  return best;
}

static gboolean
G_GNUC_UNUSED doc_starts (const Corpus *c, guint s)
{
  for (guint d = 0; d < c->docs->len; d++)
    if (g_array_index (c->docs, Document, d).first == s)
      return TRUE;
  return FALSE;
}

static void
tag_sentence (const Corpus *c, const Sentence *sent, const float *w, guint32 n_buckets, guint8 *pred)
{
  guint32 feats[ARX_NER_MAX_FEATURES];

  for (guint i = 0; i < sent->n; i++)
    {
      guint k = arx_ner_features (c->prep + sent->start, sent->n, i, pred, sent->all_caps, n_buckets, feats);

      pred[i] = predict (w, feats, k, i ? pred[i - 1] : 0);
    }
}

/* --dump FILE: the dev predictions, "word label" per line, "#DOC" before each document, for
 * comparing the tagger alone with the analyzer's output (error analysis). */
static const char *dump_path;

/* Exact-match span F1 over PER, ORG, LOC (and all four types). */
static void
evaluate (const Corpus *c, const float *w, guint32 n_buckets, const char *name)
{
  guint tp = 0, np = 0, ng = 0, tp3 = 0, np3 = 0, ng3 = 0;
  g_autofree guint8 *all = g_new0 (guint8, c->words->len + 1);
  gboolean two = g_getenv ("TWOPASS") != NULL;

  for (guint d = 0; d < c->docs->len; d++)
    {
      const Document *doc = &g_array_index (c->docs, Document, d);
      g_autoptr(GHashTable) history = arx_ner_history_new ();

      for (guint s = doc->first; s < doc->first + doc->n; s++)
        {
          Sentence *sent = &g_array_index (c->sents, Sentence, s);

          arx_ner_history_fill (history, c->toks + sent->start, sent->n, c->prep + sent->start);
          tag_sentence (c, sent, w, n_buckets, all + sent->start);
          arx_ner_history_update (history, c->toks + sent->start, sent->n, all + sent->start);
        }
      if (two)
        for (guint s = doc->first; s < doc->first + doc->n; s++)
          {
            Sentence *sent = &g_array_index (c->sents, Sentence, s);

            arx_ner_history_fill (history, c->toks + sent->start, sent->n, c->prep + sent->start);
            tag_sentence (c, sent, w, n_buckets, all + sent->start);
          }
    }
  if (dump_path)
    {
      FILE *f = fopen (dump_path, "w");

      if (f == NULL)
        g_error ("cannot write %s", dump_path);

      for (guint d = 0; d < c->docs->len; d++)
        {
          const Document *doc = &g_array_index (c->docs, Document, d);

          fprintf (f, "#DOC\n");
          for (guint s = doc->first; s < doc->first + doc->n; s++)
            {
              Sentence *sent = &g_array_index (c->sents, Sentence, s);

              for (guint i = 0; i < sent->n; i++)
                fprintf (f, "%s %d\n", (char *) g_ptr_array_index (c->words, sent->start + i), all[sent->start + i]);
            }
        }
      fclose (f);
    }
  for (guint s = 0; s < c->sents->len; s++)
    {
      Sentence *sent = &g_array_index (c->sents, Sentence, s);
      const guint8 *pred = all + sent->start;
      const guint8 *gold = (const guint8 *) c->gold->data + sent->start;

      for (guint i = 0; i < sent->n; i++)
        {
          gboolean gb = gold[i] & 1, pb = pred[i] & 1;

          ng += gb; np += pb;
          ng3 += gb && gold[i] != ARX_NER_B_MISC;
          np3 += pb && pred[i] != ARX_NER_B_MISC;
          if (gb && pb && gold[i] == pred[i])
            {
              guint j = i + 1;

              while (j < sent->n && gold[j] == gold[i] + 1 && pred[j] == gold[i] + 1)
                j++;
              if ((j == sent->n || gold[j] != gold[i] + 1) && (j == sent->n || pred[j] != gold[i] + 1))
                {
                  tp++;
                  tp3 += gold[i] != ARX_NER_B_MISC;
                }
            }
        }
    }
  {
    double p = np ? (double) tp / np : 0, r = ng ? (double) tp / ng : 0;
    double p3 = np3 ? (double) tp3 / np3 : 0, r3 = ng3 ? (double) tp3 / ng3 : 0;

    printf ("%s: all P %.4f R %.4f F1 %.4f | PER+ORG+LOC F1 %.4f\n", name, p, r,
            p + r ? 2 * p * r / (p + r) : 0, p3 + r3 ? 2 * p3 * r3 / (p3 + r3) : 0);
  }
}

int
main (int argc, char **argv)
{
  const char *dev_path = NULL;
  int epochs = 12;
  guint32 n_buckets = ARX_NER_DEFAULT_BUCKETS;
  const ArxLexicon *lex;
  Corpus *train, *dev = NULL;
  Trainer t = { 0 };
  g_autofree guint *order = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (20171);
  g_autofree float *avg = NULL;
  gsize n_params;
  guint32 feats[ARX_NER_MAX_FEATURES];
  g_autoptr(GHashTable) history = arx_ner_history_new ();

  for (int i = 3; i + 1 < argc; i += 2)
    {
      if (strcmp (argv[i], "--dev") == 0)
        dev_path = argv[i + 1];
      else if (strcmp (argv[i], "--epochs") == 0)
        epochs = atoi (argv[i + 1]);
      else if (strcmp (argv[i], "--dump") == 0)
        dump_path = argv[i + 1];
      else if (strcmp (argv[i], "--buckets") == 0)
        n_buckets = (guint32) atol (argv[i + 1]);
    }
  if (argc < 3)
    {
      fprintf (stderr, "usage: %s TRAIN.conll OUT.model [--dev DEV.conll] [--epochs N] [--buckets N] [--dump FILE]\n", argv[0]);
      return 2;
    }
  lex = arx_lexicon_get_default ();
  train = read_corpus (argv[1], lex);
  if (dev_path)
    dev = read_corpus (dev_path, lex);
  printf ("train: %u sentences, %u tokens\n", train->sents->len, train->words->len);

  n_params = (gsize) n_buckets * ARX_NER_N_LABELS;
  t.n_buckets = n_buckets;
  t.w = g_new0 (float, n_params);
  t.total = g_new0 (double, n_params);
  t.stamp = g_new0 (guint, n_params);
  avg = g_new0 (float, n_params);
  /* documents are shuffled, sentences stay in order within them (the history feature) */
  order = g_new (guint, train->docs->len);
  for (guint d = 0; d < train->docs->len; d++)
    order[d] = d;

  for (int e = 0; e < epochs; e++)
    {
      guint errors = 0;

      for (guint d = train->docs->len; d > 1; d--)
        {
          guint j = g_rand_int_range (rand, 0, d), tmp = order[d - 1];

          order[d - 1] = order[j];
          order[j] = tmp;
        }
      for (guint d = 0; d < train->docs->len; d++)
        for (guint s = g_array_index (train->docs, Document, order[d]).first,
             s_end = s + g_array_index (train->docs, Document, order[d]).n; s < s_end; s++)
        {
          Sentence *sent = &g_array_index (train->sents, Sentence, s);
          g_autofree guint8 *pred = g_new0 (guint8, sent->n + 1);
          const guint8 *gold = (const guint8 *) train->gold->data + sent->start;

          if (s == g_array_index (train->docs, Document, order[d]).first)
            g_hash_table_remove_all (history);
          arx_ner_history_fill (history, train->toks + sent->start, sent->n, train->prep + sent->start);

          for (guint i = 0; i < sent->n; i++)
            {
              guint k = arx_ner_features (train->prep + sent->start, sent->n, i, pred, sent->all_caps, n_buckets, feats);
              guint8 guess = predict (t.w, feats, k, i ? pred[i - 1] : 0);

              t.now++;
              if (guess != gold[i])
                {
                  errors++;
                  for (guint f = 0; f < k; f++)
                    {
                      update (&t, feats[f], gold[i], 1.0f);
                      update (&t, feats[f], guess, -1.0f);
                    }
                }
              /* follow the model's own history, as at run time */
              pred[i] = guess;
            }
          arx_ner_history_update (history, train->toks + sent->start, sent->n, pred);
        }
      printf ("epoch %d: %u token errors\n", e + 1, errors);
      fflush (stdout);
    }

  {
    float maxabs = 0;

    for (gsize k = 0; k < n_params; k++)
      {
        double total = t.total[k] + (double) (t.now - t.stamp[k]) * t.w[k];

        avg[k] = (float) (total / t.now);
        maxabs = MAX (maxabs, fabsf (avg[k]));
      }
    if (dev)
      evaluate (dev, avg, n_buckets, "dev (float)");
    {
      float scale = maxabs / 32767.0f;
      g_autofree gint16 *q = g_new (gint16, n_params);
      g_autofree float *back = g_new (float, n_params);
      guint32 labels = ARX_NER_N_LABELS;
      FILE *out = fopen (argv[2], "wb");

      for (gsize k = 0; k < n_params; k++)
        {
          q[k] = (gint16) lrintf (avg[k] / scale);
          back[k] = q[k];
        }
      if (dev)
        evaluate (dev, back, n_buckets, "dev (quantised)");
      if (out == NULL)
        g_error ("cannot write %s", argv[2]);
      fwrite ("ARXNER01", 1, 8, out);
      fwrite (&n_buckets, 4, 1, out);
      fwrite (&labels, 4, 1, out);
      fwrite (&scale, 4, 1, out);
      fwrite (q, sizeof (gint16), n_params, out);
      fclose (out);
      printf ("wrote %s\n", argv[2]);
    }
  }
  return 0;
}
