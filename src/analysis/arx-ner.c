/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "arx-analyzer"

#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <glib/gi18n.h>

#include "arx-error.h"

#include "arx-ner-private.h"

/* Model file: "ARXNER02", guint32 buckets, guint32 labels, float scale, then
 * buckets × labels little-endian gint16 weights (quantised averaged structured-perceptron
 * weights; the label transitions are hashed features among them). */
#define MODEL_MAGIC "ARXNER02"
#define MODEL_HEADER 20

ArxNerModel *
arx_ner_model_load (GBytes  *bytes,
                    GError **error)
{
  gsize size;
  const guint8 *data = g_bytes_get_data (bytes, &size);
  guint32 buckets, labels;
  float scale;
  ArxNerModel *model;

  if (size < MODEL_HEADER || memcmp (data, MODEL_MAGIC, 8) != 0)
    {
      g_set_error (error, ARX_ERROR, ARX_ERROR_FAILED, _("not an entity model"));
      return NULL;
    }
  memcpy (&buckets, data + 8, 4);
  memcpy (&labels, data + 12, 4);
  memcpy (&scale, data + 16, 4);
  if (labels != ARX_NER_N_LABELS || buckets == 0 ||
      size != MODEL_HEADER + (gsize) buckets * labels * sizeof (gint16))
    {
      g_set_error (error, ARX_ERROR, ARX_ERROR_FAILED, _("entity model has the wrong size"));
      return NULL;
    }
  model = g_new0 (ArxNerModel, 1);
  model->n_buckets = buckets;
  model->scale = scale;
  model->bytes = g_bytes_ref (bytes);
  model->weights = (const gint16 *) (data + MODEL_HEADER);
  for (guint p = 0; p <= ARX_NER_N_LABELS; p++)
    {
      guint32 f = arx_ner_transition_feature (p, buckets);

      for (guint y = 0; y < ARX_NER_N_LABELS; y++)
        model->trans[p][y] = model->weights[(gsize) f * ARX_NER_N_LABELS + y];
    }
  return model;
}

GHashTable *
arx_ner_history_new (void)
{
  return g_hash_table_new (g_direct_hash, g_direct_equal);
}

void
arx_ner_history_fill (GHashTable        *history,
                      const ArxNerToken *toks,
                      guint              n,
                      ArxNerPrep        *prep)
{
  gboolean empty = g_hash_table_size (history) == 0;

  for (guint i = 0; i < n; i++)
    {
      prep[i].hist = 0;
      if (!empty && toks[i].len > 1 && g_ascii_isupper (toks[i].word[0]))
        prep[i].hist = GPOINTER_TO_UINT (g_hash_table_lookup (history, history_key (&toks[i])));
    }
}

void
arx_ner_history_update (GHashTable        *history,
                        const ArxNerToken *toks,
                        guint              n,
                        const guint8      *labels)
{
  for (guint i = 0; i < n; i++)
    if (labels[i] != ARX_NER_O && toks[i].len > 1 && g_ascii_isupper (toks[i].word[0]))
      g_hash_table_insert (history, history_key (&toks[i]), GUINT_TO_POINTER ((labels[i] + 1) / 2));
}

/* The emission scores of one token: the sum of its features' weight rows. Built twice, for
 * processors with AVX2 (eight 16-bit weights widened in one instruction) and for any x86-64;
 * integer sums, so both give the same scores. */
#if defined(__x86_64__) && defined(__GNUC__) && !defined(__clang__)
__attribute__ ((target_clones ("avx2", "default")))
#endif
static void
sum_rows (const gint16  *weights,
          const guint32 *feats,
          guint          k,
          float         *e)
{
  /* eight labels in one vector, the ninth apart: rows are 18 bytes, unaligned */
  typedef gint16 v8h __attribute__ ((vector_size (16)));
  typedef gint32 v8i __attribute__ ((vector_size (32)));
  v8i acc = { 0 };
  int last = 0;

  /* the rows are scattered over a few megabytes: ask for all of them before adding */
  for (guint f = 0; f < k; f++)
    __builtin_prefetch (weights + (gsize) feats[f] * ARX_NER_N_LABELS);
  for (guint f = 0; f < k; f++)
    {
      const gint16 *w = weights + (gsize) feats[f] * ARX_NER_N_LABELS;
      v8h row;

      memcpy (&row, w, sizeof row);
      acc += __builtin_convertvector (row, v8i);
      last += w[8];
    }
  for (guint l = 0; l < 8; l++)
    e[l] = acc[l];
  e[8] = last;
}

/* Tags one sentence; @history (may be NULL) carries what earlier sentences of the document were
 * tagged with and is updated with this one. */
void
arx_ner_tag (const ArxNerModel *model,
             const ArxNerToken *toks,
             guint              n,
             GHashTable        *history,
             guint8            *labels)
{
  ArxNerPrep prep_stack[128];
  guint8 ready_stack[128] = { 0 };
  guint16 mask_stack[128];
  float emit_stack[128 * ARX_NER_N_LABELS];
  gboolean big = n > 128;
  g_autofree ArxNerPrep *prep_heap = big ? g_new (ArxNerPrep, n) : NULL;
  g_autofree guint8 *ready_heap = big ? g_new0 (guint8, n) : NULL;
  g_autofree guint16 *mask_heap = big ? g_new (guint16, n) : NULL;
  g_autofree float *emit_heap = big ? g_new (float, (gsize) n * ARX_NER_N_LABELS) : NULL;
  ArxNerPrep *prep = big ? prep_heap : prep_stack;
  guint8 *ready = big ? ready_heap : ready_stack;
  guint16 *masks = big ? mask_heap : mask_stack;
  float *emit = big ? emit_heap : emit_stack;
  guint32 feats[ARX_NER_MAX_FEATURES];
  gboolean no_history = history == NULL || g_hash_table_size (history) == 0;

  G_STATIC_ASSERT (ARX_NER_N_LABELS == 9);
  arx_ner_label_masks (toks, n, masks);
  /* the per-word hashes are made only for scored words and the ±3 words they look at (most
   * words are never scored, nor next to one) */
  for (guint i = 0; i < n; i++)
    if (masks[i] != MASK_O)
      for (guint j = i >= 3 ? i - 3 : 0; j < n && j <= i + 3; j++)
        if (!ready[j])
          {
            prepare_one (&toks[j], &prep[j]);
            prep[j].hist = 0;
            if (!no_history && toks[j].len > 1 && g_ascii_isupper (toks[j].word[0]))
              prep[j].hist = GPOINTER_TO_UINT (g_hash_table_lookup (history, history_key (&toks[j])));
            ready[j] = 1;
          }
  arx_ner_mark_runs (toks, masks, n, prep);
  for (guint i = 0; i < n; i++)
    {
      guint k;

      if (masks[i] == MASK_O)
        continue;
      k = arx_ner_features (prep, n, i, model->n_buckets, feats);

      sum_rows (model->weights, feats, k, emit + (gsize) i * ARX_NER_N_LABELS);
    }
  arx_ner_viterbi (emit, model->trans, masks, n, labels);
  if (history)
    arx_ner_history_update (history, toks, n, labels);
}
