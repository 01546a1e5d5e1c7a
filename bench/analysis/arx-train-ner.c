/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Trains the analyzer's entity tagger (an averaged structured perceptron over hashed features,
 * decoded with the analyzer's own Viterbi decoder) on CoNLL-style data and writes the quantised
 * model that data/analysis/ ships.
 *
 *   arx-train-ner OUT.model --train FILE[:WEIGHT[:nomisc]] ... [--dev FILE[:nomisc]] ...
 *                 [--epochs N] [--buckets N] [--seed N] [--runs N] [--dump FILE]
 *
 * WEIGHT scales the updates of one training file (entity-dense Wikipedia counts less than
 * news); "nomisc" marks a file without MISC annotation, whose O tokens may then be MISC (the
 * gold path is the best path that agrees with the annotation). Run by hand; see
 * data/analysis/README.md for the command that builds the shipped model. */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arx-lexicon.h"
#include "arx-ner.h"
#include "arx-train-ner-corpus.h"

typedef struct
{
  guint32 n_buckets;
  float  *w;
  double *total;
  guint  *stamp;
  guint   now;
} Trainer;

#define MASK_O    (1u << ARX_NER_O)
#define MASK_MISC ((1u << ARX_NER_O) | (1u << ARX_NER_B_MISC) | (1u << ARX_NER_I_MISC))

static void
update (Trainer *t, guint32 f, guint l, float delta)
{
  gsize k = (gsize) f * ARX_NER_N_LABELS + l;

  t->total[k] += (double) (t->now - t->stamp[k]) * t->w[k];
  t->stamp[k] = t->now;
  t->w[k] += delta;
}

static void
transitions (const float *w, guint32 n_buckets, float trans[ARX_NER_N_LABELS + 1][ARX_NER_N_LABELS])
{
  for (guint p = 0; p <= ARX_NER_N_LABELS; p++)
    {
      guint32 f = arx_ner_transition_feature (p, n_buckets);

      for (guint y = 0; y < ARX_NER_N_LABELS; y++)
        trans[p][y] = w[(gsize) f * ARX_NER_N_LABELS + y];
    }
}

/* Per sentence: the masks, the emission features of every token that is scored and their
 * scores under @w. */
typedef struct
{
  guint16 *masks;
  guint32 *feats;  /* n × ARX_NER_MAX_FEATURES */
  guint8  *n_feats;
  float   *emit;
} Lattice;

static void
lattice_fill (Lattice *lat, const Corpus *c, const Sentence *sent, const float *w, guint32 n_buckets)
{
  arx_ner_label_masks (c->toks + sent->start, sent->n, lat->masks);
  for (guint i = 0; i < sent->n; i++)
    {
      guint32 *feats = lat->feats + (gsize) i * ARX_NER_MAX_FEATURES;
      float *e = lat->emit + (gsize) i * ARX_NER_N_LABELS;
      guint k;

      lat->n_feats[i] = 0;
      if (lat->masks[i] == MASK_O)
        continue;
      k = arx_ner_features (c->prep + sent->start, sent->n, i, n_buckets, feats);
      lat->n_feats[i] = k;
      memset (e, 0, ARX_NER_N_LABELS * sizeof (float));
      for (guint f = 0; f < k; f++)
        for (guint l = 0; l < ARX_NER_N_LABELS; l++)
          e[l] += w[(gsize) feats[f] * ARX_NER_N_LABELS + l];
    }
}

static void
decode (const Lattice *lat, guint n, const float *w, guint32 n_buckets, guint8 *out)
{
  float trans[ARX_NER_N_LABELS + 1][ARX_NER_N_LABELS];

  transitions (w, n_buckets, trans);
  arx_ner_viterbi (lat->emit, trans, lat->masks, n, out);
}

/* The best path that agrees with the annotation: the gold labels where the tagger can produce
 * them (a name the masks rule out becomes O), and for a file without MISC, O or MISC where the
 * annotation says O. */
static guint
gold_path (const Lattice *lat, const Sentence *sent, const guint8 *gold, gboolean no_misc,
           const float *w, guint32 n_buckets, guint8 *out)
{
  g_autofree guint16 *gm = g_new (guint16, sent->n);
  guint8 prev = ARX_NER_O;
  guint lost = 0;

  for (guint i = 0; i < sent->n; i++)
    {
      guint8 g = gold[i];

      if (!(lat->masks[i] >> g & 1))
        g = ARX_NER_O, lost += gold[i] & 1;
      else if (g != ARX_NER_O && !(g & 1) && !arx_ner_label_allowed (prev, g))
        g = (lat->masks[i] >> (g - 1) & 1) ? g - 1 : ARX_NER_O;
      gm[i] = 1u << g;
      if (g == ARX_NER_O && no_misc)
        gm[i] = lat->masks[i] & MASK_MISC;
      prev = g;
    }
  {
    float trans[ARX_NER_N_LABELS + 1][ARX_NER_N_LABELS];

    transitions (w, n_buckets, trans);
    arx_ner_viterbi (lat->emit, trans, gm, sent->n, out);
  }
  return lost;
}

static guint
train_sentence (Trainer *t, Lattice *lat, const Corpus *c, const Sentence *sent, guint8 *pred)
{
  g_autofree guint8 *gold = g_new (guint8, sent->n);
  const guint8 *annot = (const guint8 *) c->gold->data + sent->start;
  float wt = c->weight;
  guint errors = 0;

  lattice_fill (lat, c, sent, t->w, t->n_buckets);
  decode (lat, sent->n, t->w, t->n_buckets, pred);
  gold_path (lat, sent, annot, c->no_misc, t->w, t->n_buckets, gold);
  t->now++;
  for (guint i = 0; i < sent->n; i++)
    {
      guint gp = i ? gold[i - 1] : ARX_NER_N_LABELS;
      guint pp = i ? pred[i - 1] : ARX_NER_N_LABELS;

      if (gold[i] != pred[i])
        {
          const guint32 *feats = lat->feats + (gsize) i * ARX_NER_MAX_FEATURES;

          errors++;
          for (guint f = 0; f < lat->n_feats[i]; f++)
            {
              update (t, feats[f], gold[i], wt);
              update (t, feats[f], pred[i], -wt);
            }
        }
      if (gold[i] != pred[i] || gp != pp)
        {
          update (t, arx_ner_transition_feature (gp, t->n_buckets), gold[i], wt);
          update (t, arx_ner_transition_feature (pp, t->n_buckets), pred[i], -wt);
        }
    }
  return errors;
}

static void
lattice_init (Lattice *lat, guint n)
{
  lat->masks = g_new (guint16, n);
  lat->feats = g_new (guint32, (gsize) n * ARX_NER_MAX_FEATURES);
  lat->n_feats = g_new (guint8, n);
  lat->emit = g_new (float, (gsize) n * ARX_NER_N_LABELS);
}

static void
lattice_clear (Lattice *lat)
{
  g_free (lat->masks);
  g_free (lat->feats);
  g_free (lat->n_feats);
  g_free (lat->emit);
}

/* --dump FILE: the dev predictions, "word label" per line, "#DOC" before each document, for
 * comparing the tagger alone with the analyzer's output (error analysis). */
static const char *dump_path;

static void
tag_corpus (const Corpus *c, const float *w, guint32 n_buckets, guint8 *all)
{
  Lattice lat;

  lattice_init (&lat, c->max_sentence + 1);
  for (guint d = 0; d < c->docs->len; d++)
    {
      const Document *doc = &g_array_index (c->docs, Document, d);
      g_autoptr(GHashTable) history = arx_ner_history_new ();

      for (guint s = doc->first; s < doc->first + doc->n; s++)
        {
          Sentence *sent = &g_array_index (c->sents, Sentence, s);

          arx_ner_history_fill (history, c->toks + sent->start, sent->n, c->prep + sent->start);
          lattice_fill (&lat, c, sent, w, n_buckets);
          decode (&lat, sent->n, w, n_buckets, all + sent->start);
          arx_ner_history_update (history, c->toks + sent->start, sent->n, all + sent->start);
        }
    }
  lattice_clear (&lat);
}

static void
dump (const Corpus *c, const guint8 *all)
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

/* Exact-match span F1 per type and over PER, ORG, LOC. */
static double
evaluate (const Corpus *c, const float *w, guint32 n_buckets, const char *name)
{
  guint tp[5] = { 0 }, np[5] = { 0 }, ng[5] = { 0 };
  g_autofree guint8 *all = g_new0 (guint8, c->words->len + 1);
  static const char *types[] = { "PER", "ORG", "LOC", "MISC" };
  double f3 = 0;

  tag_corpus (c, w, n_buckets, all);
  if (dump_path)
    dump (c, all);
  for (guint s = 0; s < c->sents->len; s++)
    {
      Sentence *sent = &g_array_index (c->sents, Sentence, s);
      const guint8 *pred = all + sent->start;
      const guint8 *gold = (const guint8 *) c->gold->data + sent->start;

      for (guint i = 0; i < sent->n; i++)
        {
          gboolean gb = gold[i] & 1, pb = pred[i] & 1;

          if (gb)
            ng[gold[i] / 2]++;
          if (pb)
            np[pred[i] / 2]++;
          if (gb && pb && gold[i] == pred[i])
            {
              guint j = i + 1;

              while (j < sent->n && gold[j] == gold[i] + 1 && pred[j] == gold[i] + 1)
                j++;
              if ((j == sent->n || gold[j] != gold[i] + 1) && (j == sent->n || pred[j] != gold[i] + 1))
                tp[gold[i] / 2]++;
            }
        }
    }
  printf ("%s:", name);
  for (guint t = 0; t <= 4; t++)
    {
      guint a = t < 4 ? tp[t] : tp[0] + tp[1] + tp[2];
      guint p = t < 4 ? np[t] : np[0] + np[1] + np[2];
      guint g = t < 4 ? ng[t] : ng[0] + ng[1] + ng[2];
      double pr = p ? (double) a / p : 0, rc = g ? (double) a / g : 0;
      double f = pr + rc ? 2 * pr * rc / (pr + rc) : 0;

      if (t == 3 && c->no_misc)
        continue;
      if (t < 4)
        printf (" %s %.3f", types[t], f);
      else
        printf (" | PER+ORG+LOC P %.4f R %.4f F1 %.4f\n", pr, rc, f), f3 = f;
    }
  fflush (stdout);
  return f3;
}

static void
train_run (Trainer *t, Lattice *lat, GPtrArray *train, GArray *order, GRand *rand, int epochs, guint n_tokens)
{
  g_autoptr(GHashTable) history = arx_ner_history_new ();
  guint max_sentence = 0;
  g_autofree guint8 *pred = NULL;

  for (guint c = 0; c < train->len; c++)
    max_sentence = MAX (max_sentence, ((Corpus *) g_ptr_array_index (train, c))->max_sentence);
  pred = g_new0 (guint8, max_sentence + 1);
  for (int e = 0; e < epochs; e++)
    {
      guint errors = 0;

      /* documents are shuffled, sentences stay in order within them (the history feature) */
      for (guint d = order->len; d > 1; d--)
        {
          guint j = g_rand_int_range (rand, 0, d);
          DocRef tmp = g_array_index (order, DocRef, d - 1);

          g_array_index (order, DocRef, d - 1) = g_array_index (order, DocRef, j);
          g_array_index (order, DocRef, j) = tmp;
        }
      for (guint d = 0; d < order->len; d++)
        {
          const DocRef *ref = &g_array_index (order, DocRef, d);
          const Corpus *c = g_ptr_array_index (train, ref->corpus);
          const Document *doc = &g_array_index (c->docs, Document, ref->doc);

          g_hash_table_remove_all (history);
          for (guint s = doc->first; s < doc->first + doc->n; s++)
            {
              Sentence *sent = &g_array_index (c->sents, Sentence, s);

              arx_ner_history_fill (history, c->toks + sent->start, sent->n, c->prep + sent->start);
              errors += train_sentence (t, lat, c, sent, pred);
              /* follow the model's own history, as at run time */
              arx_ner_history_update (history, c->toks + sent->start, sent->n, pred);
            }
        }
      printf ("epoch %d: %u token errors (%.2f %%)\n", e + 1, errors, 100.0 * errors / n_tokens);
      fflush (stdout);
    }
}

int
main (int argc, char **argv)
{
  g_autoptr(GPtrArray) train = g_ptr_array_new ();
  g_autoptr(GPtrArray) dev = g_ptr_array_new ();
  int epochs = 15;
  guint32 n_buckets = ARX_NER_DEFAULT_BUCKETS;
  guint32 seed = 20171;
  guint runs = 1;
  const ArxLexicon *lex;
  Trainer t = { 0 };
  g_autoptr(GArray) order = g_array_new (FALSE, FALSE, sizeof (DocRef));
  g_autofree float *avg = NULL;
  const char *out_path = argc > 1 ? argv[1] : NULL;
  guint max_sentence = 0, n_tokens = 0, lost = 0;
  gsize n_params;
  Lattice lat;

  lex = arx_lexicon_get_default ();
  for (int i = 2; i + 1 < argc; i += 2)
    {
      if (strcmp (argv[i], "--train") == 0)
        g_ptr_array_add (train, corpus_read_spec (argv[i + 1], lex));
      else if (strcmp (argv[i], "--dev") == 0)
        g_ptr_array_add (dev, corpus_read_spec (argv[i + 1], lex));
      else if (strcmp (argv[i], "--epochs") == 0)
        epochs = atoi (argv[i + 1]);
      else if (strcmp (argv[i], "--dump") == 0)
        dump_path = argv[i + 1];
      else if (strcmp (argv[i], "--buckets") == 0)
        n_buckets = (guint32) atol (argv[i + 1]);
      else if (strcmp (argv[i], "--seed") == 0)
        seed = (guint32) atol (argv[i + 1]);
      else if (strcmp (argv[i], "--runs") == 0)
        runs = (guint) atoi (argv[i + 1]);
      else
        g_error ("unknown option %s", argv[i]);
    }
  if (out_path == NULL || train->len == 0)
    {
      fprintf (stderr, "usage: %s OUT.model --train FILE[:WEIGHT[:nomisc]] ... [--dev FILE[:nomisc]] ... "
               "[--epochs N] [--buckets N] [--seed N] [--runs N] [--dump FILE]\n", argv[0]);
      return 2;
    }
  for (guint c = 0; c < train->len; c++)
    {
      Corpus *corpus = g_ptr_array_index (train, c);

      printf ("train %s: weight %.2f%s, %u documents, %u sentences, %u tokens\n", corpus->name,
              corpus->weight, corpus->no_misc ? ", no MISC" : "", corpus->docs->len, corpus->sents->len,
              corpus->words->len);
      max_sentence = MAX (max_sentence, corpus->max_sentence);
      n_tokens += corpus->words->len;
      for (guint d = 0; d < corpus->docs->len; d++)
        {
          DocRef ref = { c, d };

          g_array_append_val (order, ref);
        }
    }

  n_params = (gsize) n_buckets * ARX_NER_N_LABELS;
  t.n_buckets = n_buckets;
  t.w = g_new0 (float, n_params);
  t.total = g_new0 (double, n_params);
  t.stamp = g_new0 (guint, n_params);
  avg = g_new0 (float, n_params);
  lattice_init (&lat, max_sentence + 1);
  /* several runs over differently shuffled documents, their averaged weights averaged: one
   * run's model depends on its order by about a point on out-of-domain sets */
  for (guint r = 0; r < runs; r++)
    {
      g_autoptr(GRand) rand = g_rand_new_with_seed (seed + r);

      memset (t.w, 0, n_params * sizeof (float));
      memset (t.total, 0, n_params * sizeof (double));
      memset (t.stamp, 0, n_params * sizeof (guint));
      t.now = 0;
      train_run (&t, &lat, train, order, rand, epochs, n_tokens);
      for (gsize k = 0; k < n_params; k++)
        {
          double total = t.total[k] + (double) (t.now - t.stamp[k]) * t.w[k];

          avg[k] += (float) (total / t.now / runs);
        }
    }
  /* how many annotated names the label masks put out of reach */
  for (guint c = 0; c < train->len; c++)
    {
      const Corpus *corpus = g_ptr_array_index (train, c);
      g_autofree guint8 *gold = g_new0 (guint8, corpus->max_sentence + 1);

      for (guint s = 0; s < corpus->sents->len; s++)
        {
          const Sentence *sent = &g_array_index (corpus->sents, Sentence, s);

          lattice_fill (&lat, corpus, sent, avg, n_buckets);
          lost += gold_path (&lat, sent, (const guint8 *) corpus->gold->data + sent->start, corpus->no_misc,
                             avg, n_buckets, gold);
        }
    }
  printf ("names out of the tagger's reach in the training data: %u\n", lost);
  lattice_clear (&lat);

  {
    float maxabs = 0;
    float scale;
    g_autofree gint16 *q = g_new (gint16, n_params);
    g_autofree float *back = g_new (float, n_params);
    guint32 labels = ARX_NER_N_LABELS;
    FILE *out;

    for (gsize k = 0; k < n_params; k++)
      maxabs = MAX (maxabs, fabsf (avg[k]));
    scale = maxabs / 32767.0f;
    for (gsize k = 0; k < n_params; k++)
      {
        q[k] = (gint16) lrintf (avg[k] / scale);
        back[k] = q[k];
      }
    for (guint c = 0; c < dev->len; c++)
      {
        const Corpus *corpus = g_ptr_array_index (dev, c);

        evaluate (corpus, back, n_buckets, corpus->name);
      }
    out = fopen (out_path, "wb");
    if (out == NULL)
      g_error ("cannot write %s", out_path);
    fwrite ("ARXNER02", 1, 8, out);
    fwrite (&n_buckets, 4, 1, out);
    fwrite (&labels, 4, 1, out);
    fwrite (&scale, 4, 1, out);
    fwrite (q, sizeof (gint16), n_params, out);
    fclose (out);
    printf ("wrote %s\n", out_path);
  }
  return 0;
}
