/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Learns word classes from unlabelled text for the entity tagger: the exchange algorithm
 * (Kneser & Ney 1993; Martin, Liermann & Ney 1998) that moves each word to the class which most
 * raises the likelihood of a class bigram model, run once per class count asked for.
 *
 *   arx-word-clusters OUT.tsv [--classes 64,512] [--min-count 3] [--iterations 15]
 *                     [--text FILE|DIR]... [--conll FILE]...
 *
 * --text reads plain text (a directory: its *.txt files, sorted), split into tokens like the
 * analyzer's; --conll reads the first column of CoNLL-style files. Bigrams never cross a line
 * or sentence break. Words seen fewer than --min-count times share one fixed class. Digits are
 * folded to 0, as the tagger looks words up. OUT has one line per word: the word, then its
 * class at each class count. Deterministic: the same input gives the same file. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <glib.h>

typedef struct
{
  GHashTable *ids;     /* word → id + 1 */
  GPtrArray  *words;
  GArray     *counts;  /* guint */
  GArray     *seq;     /* guint word ids, G_MAXUINT between sentences */
  GArray     *inner;   /* guint: how often each word occurs not first in its sentence */
} Text;

static void
add_token (Text *t, const char *w, gsize len)
{
  g_autofree char *word = g_strndup (w, len);
  guint id;

  for (char *p = word; *p; p++)
    if (*p >= '0' && *p <= '9')
      *p = '0';
  id = GPOINTER_TO_UINT (g_hash_table_lookup (t->ids, word));
  if (id == 0)
    {
      guint zero = 0;

      g_ptr_array_add (t->words, g_strdup (word));
      g_array_append_val (t->counts, zero);
      g_array_append_val (t->inner, zero);
      id = t->words->len;
      g_hash_table_insert (t->ids, g_strdup (word), GUINT_TO_POINTER (id));
    }
  id--;
  g_array_index (t->counts, guint, id)++;
  if (t->seq->len > 0 && g_array_index (t->seq, guint, t->seq->len - 1) != G_MAXUINT)
    g_array_index (t->inner, guint, id)++;
  g_array_append_val (t->seq, id);
}

static void
add_break (Text *t)
{
  guint brk = G_MAXUINT;

  if (t->seq->len > 0 && g_array_index (t->seq, guint, t->seq->len - 1) != G_MAXUINT)
    g_array_append_val (t->seq, brk);
}

/* Punctuation comes off both ends of a whitespace-separated word, and a possessive 's off its
 * end, as the analyzer's tokenizer does. */
static void
add_word (Text *t, const char *w, gsize len)
{
  gsize a = 0, b = len;
  gsize tail_start;

  while (a < b && g_ascii_ispunct (w[a]))
    add_token (t, w + a, 1), a++;
  tail_start = b;
  while (tail_start > a && g_ascii_ispunct (w[tail_start - 1]))
    tail_start--;
  /* curly quotes and apostrophes (3 bytes in UTF-8) at either end */
  if (b - a >= 3 && (guchar) w[a] == 0xE2 && (guchar) w[a + 1] == 0x80)
    add_token (t, w + a, 3), a += 3;
  if (tail_start >= a + 3 && (guchar) w[tail_start - 3] == 0xE2 && (guchar) w[tail_start - 2] == 0x80)
    tail_start -= 3;
  if (tail_start > a + 2 && (w[tail_start - 2] == '\'') && w[tail_start - 1] == 's')
    {
      add_token (t, w + a, tail_start - 2 - a);
      add_token (t, w + tail_start - 2, 2);
    }
  else if (tail_start > a + 4 && (guchar) w[tail_start - 4] == 0xE2 && (guchar) w[tail_start - 2] == 0x99 &&
           w[tail_start - 1] == 's')
    {
      add_token (t, w + a, tail_start - 4 - a);
      add_token (t, w + tail_start - 4, 4);
    }
  else if (tail_start > a)
    add_token (t, w + a, tail_start - a);
  for (gsize k = tail_start; k < b; k++)
    if ((guchar) w[k] < 0x80)
      add_token (t, w + k, 1);
    else if (k + 2 < b + 1 && (guchar) w[k] == 0xE2)
      add_token (t, w + k, 3), k += 2;
  /* a period after a word ends its sentence often enough */
  if (b > a && (w[b - 1] == '.' || w[b - 1] == '?' || w[b - 1] == '!'))
    add_break (t);
}

static void
read_text_file (Text *t, const char *path)
{
  g_autofree char *data = NULL;
  g_autoptr(GError) error = NULL;
  const char *p, *end;

  if (!g_file_get_contents (path, &data, NULL, &error))
    g_error ("%s", error->message);
  end = data + strlen (data);
  for (p = data; p < end;)
    {
      const char *q = p;

      if (*p == '\n')
        {
          add_break (t);
          p++;
          continue;
        }
      if (g_ascii_isspace (*p))
        {
          p++;
          continue;
        }
      while (q < end && !g_ascii_isspace (*q))
        q++;
      add_word (t, p, q - p);
      p = q;
    }
  add_break (t);
}

static int
compare_strings (gconstpointer a, gconstpointer b)
{
  return strcmp (*(char **) a, *(char **) b);
}

static void
read_text (Text *t, const char *path)
{
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GPtrArray) names = NULL;
  const char *name;

  if (!g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      read_text_file (t, path);
      return;
    }
  dir = g_dir_open (path, 0, NULL);
  names = g_ptr_array_new_with_free_func (g_free);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, ".txt"))
      g_ptr_array_add (names, g_build_filename (path, name, NULL));
  g_ptr_array_sort (names, compare_strings);
  for (guint i = 0; i < names->len; i++)
    read_text_file (t, g_ptr_array_index (names, i));
}

static void
read_conll (Text *t, const char *path)
{
  g_autofree char *data = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;

  if (!g_file_get_contents (path, &data, NULL, &error))
    g_error ("%s", error->message);
  lines = g_strsplit (data, "\n", -1);
  for (guint i = 0; lines[i]; i++)
    {
      gsize n = strcspn (lines[i], " \t\r");

      if (n == 0 || strncmp (lines[i], "-DOCSTART-", 10) == 0)
        add_break (t);
      else
        add_token (t, lines[i], n);
    }
  add_break (t);
}

/* Sparse neighbour counts of one word. */
typedef struct
{
  guint *word;
  guint *n;
  guint  len;
} Neighbours;

typedef struct
{
  guint       n_words;     /* clustered words; ids 0..n_words-1 by falling frequency */
  guint       n_classes;   /* movable classes; class n_classes holds the rare words */
  Neighbours *right, *left;
  guint      *self;        /* bigram count of the word with itself */
  guint      *nr, *nl;     /* how often the word is a bigram's left / right element */
  guint      *cls;         /* class of each word, n_words + 1 (the rare class last) */
  gint64     *big;         /* (n_classes + 1)² class bigram counts */
  gint64     *cl, *cr;     /* class counts as left / right element */
  double     *flog;        /* x log x for small x */
  gsize       flog_len;
} Model;

static inline double
xlogx (const Model *m, gint64 x)
{
  if (x < (gint64) m->flog_len)
    return m->flog[x];
  return x * log ((double) x);
}

#define BIG(m, a, b) ((m)->big[(gsize) (a) * ((m)->n_classes + 1) + (b)])

static void
move_word (Model *m, guint w, guint to, const guint *rc, const guint *rn, guint rlen, const guint *lc,
           const guint *ln, guint llen, int sign)
{
  for (guint k = 0; k < rlen; k++)
    BIG (m, to, rc[k]) += sign * (gint64) rn[k];
  for (guint k = 0; k < llen; k++)
    BIG (m, lc[k], to) += sign * (gint64) ln[k];
  BIG (m, to, to) += sign * (gint64) m->self[w];
  m->cl[to] += sign * (gint64) m->nr[w];
  m->cr[to] += sign * (gint64) m->nl[w];
}

/* Gathers the classes of w's neighbours (not w itself) into (class, count) lists. */
static guint
gather (const Model *m, const Neighbours *nb, guint w, guint *acc, guint *cls_out, guint *n_out)
{
  guint len = 0;

  for (guint k = 0; k < nb->len; k++)
    {
      guint c;

      if (nb->word[k] == w)
        continue;
      c = m->cls[nb->word[k]];
      if (acc[c] == 0)
        cls_out[len++] = c;
      acc[c] += nb->n[k];
    }
  for (guint k = 0; k < len; k++)
    {
      n_out[k] = acc[cls_out[k]];
      acc[cls_out[k]] = 0;
    }
  return len;
}

static guint
exchange_pass (Model *m)
{
  guint C = m->n_classes, moved = 0;
  g_autofree guint *acc = g_new0 (guint, C + 1);
  g_autofree guint *rc = g_new (guint, C + 1), *rn = g_new (guint, C + 1);
  g_autofree guint *lc = g_new (guint, C + 1), *ln = g_new (guint, C + 1);
  g_autofree guint *rpos = g_new (guint, C + 1), *lpos = g_new (guint, C + 1);

  for (guint c = 0; c <= C; c++)
    rpos[c] = lpos[c] = G_MAXUINT;
  for (guint w = 0; w < m->n_words; w++)
    {
      guint from = m->cls[w], best = from;
      guint rlen = gather (m, &m->right[w], w, acc, rc, rn);
      guint llen = gather (m, &m->left[w], w, acc, lc, ln);
      double best_delta = -INFINITY;

      move_word (m, w, from, rc, rn, rlen, lc, ln, llen, -1);
      for (guint k = 0; k < rlen; k++)
        rpos[rc[k]] = k;
      for (guint k = 0; k < llen; k++)
        lpos[lc[k]] = k;
      for (guint b = 0; b < C; b++)
        {
          double d = 0;
          gint64 diag = m->self[w];

          for (guint k = 0; k < rlen; k++)
            if (rc[k] != b)
              d += xlogx (m, BIG (m, b, rc[k]) + rn[k]) - xlogx (m, BIG (m, b, rc[k]));
          for (guint k = 0; k < llen; k++)
            if (lc[k] != b)
              d += xlogx (m, BIG (m, lc[k], b) + ln[k]) - xlogx (m, BIG (m, lc[k], b));
          if (rpos[b] != G_MAXUINT)
            diag += rn[rpos[b]];
          if (lpos[b] != G_MAXUINT)
            diag += ln[lpos[b]];
          d += xlogx (m, BIG (m, b, b) + diag) - xlogx (m, BIG (m, b, b));
          d -= xlogx (m, m->cl[b] + m->nr[w]) - xlogx (m, m->cl[b]);
          d -= xlogx (m, m->cr[b] + m->nl[w]) - xlogx (m, m->cr[b]);
          /* a move must gain clearly: ties keep the word where it is */
          if (d > best_delta + 1e-9 || (b == from && d >= best_delta - 1e-9))
            best = b, best_delta = d;
        }
      for (guint k = 0; k < rlen; k++)
        rpos[rc[k]] = G_MAXUINT;
      for (guint k = 0; k < llen; k++)
        lpos[lc[k]] = G_MAXUINT;
      move_word (m, w, best, rc, rn, rlen, lc, ln, llen, +1);
      if (best != from)
        {
          m->cls[w] = best;
          moved++;
        }
    }
  return moved;
}

static int
compare_pairs (const void *a, const void *b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

static void
build_neighbours (Model *m, const GArray *seq, const guint *rank)
{
  g_autoptr(GArray) keys = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) counts = g_array_new (FALSE, FALSE, sizeof (guint));
  guint n_pairs = 0;

  /* every bigram as (left rank, right rank), sorted, then counted by runs */
  for (guint i = 0; i + 1 < seq->len; i++)
    {
      guint a = g_array_index (seq, guint, i), b = g_array_index (seq, guint, i + 1);
      gint64 k;

      if (a == G_MAXUINT || b == G_MAXUINT)
        continue;
      k = (gint64) rank[a] << 32 | rank[b];
      g_array_append_val (keys, k);
    }
  qsort (keys->data, keys->len, sizeof (gint64), compare_pairs);
  for (guint i = 0; i < keys->len; i++)
    {
      if (n_pairs > 0 && g_array_index (keys, gint64, n_pairs - 1) == g_array_index (keys, gint64, i))
        g_array_index (counts, guint, n_pairs - 1)++;
      else
        {
          guint one = 1;

          g_array_index (keys, gint64, n_pairs++) = g_array_index (keys, gint64, i);
          g_array_append_val (counts, one);
        }
    }
  m->right = g_new0 (Neighbours, m->n_words + 1);
  m->left = g_new0 (Neighbours, m->n_words + 1);
  m->self = g_new0 (guint, m->n_words + 1);
  m->nr = g_new0 (guint, m->n_words + 1);
  m->nl = g_new0 (guint, m->n_words + 1);
  for (int pass = 0; pass < 2; pass++)
    {
      for (guint w = 0; w <= m->n_words; w++)
        m->right[w].len = m->left[w].len = 0;
      for (guint k = 0; k < n_pairs; k++)
        {
          gint64 key = g_array_index (keys, gint64, k);
          guint a = key >> 32, b = key & 0xffffffffu;
          guint n = g_array_index (counts, guint, k);
          Neighbours *r = &m->right[a], *l = &m->left[b];

          if (pass == 1)
            {
              r->word[r->len] = b, r->n[r->len] = n;
              l->word[l->len] = a, l->n[l->len] = n;
              m->nr[a] += n;
              m->nl[b] += n;
              if (a == b)
                m->self[a] += n;
            }
          r->len++;
          l->len++;
        }
      if (pass == 0)
        for (guint w = 0; w <= m->n_words; w++)
          {
            m->right[w].word = g_new (guint, m->right[w].len);
            m->right[w].n = g_new (guint, m->right[w].len);
            m->left[w].word = g_new (guint, m->left[w].len);
            m->left[w].n = g_new (guint, m->left[w].len);
          }
    }
}

static void
init_classes (Model *m)
{
  guint C = m->n_classes;

  m->big = g_new0 (gint64, (gsize) (C + 1) * (C + 1));
  m->cl = g_new0 (gint64, C + 1);
  m->cr = g_new0 (gint64, C + 1);
  /* frequent words spread over the classes in turn, the rare ones in their own class */
  for (guint w = 0; w < m->n_words; w++)
    m->cls[w] = w % C;
  m->cls[m->n_words] = C;
  for (guint a = 0; a <= m->n_words; a++)
    {
      for (guint k = 0; k < m->right[a].len; k++)
        BIG (m, m->cls[a], m->cls[m->right[a].word[k]]) += m->right[a].n[k];
      m->cl[m->cls[a]] += m->nr[a];
      m->cr[m->cls[a]] += m->nl[a];
    }
}

static int
compare_by_count (gconstpointer a, gconstpointer b, gpointer data)
{
  const guint *counts = data;
  guint x = *(const guint *) a, y = *(const guint *) b;

  if (counts[x] != counts[y])
    return counts[x] > counts[y] ? -1 : 1;
  return x < y ? -1 : x > y;
}

int
main (int argc, char **argv)
{
  Text t = { 0 };
  g_autoptr(GArray) class_counts = g_array_new (FALSE, FALSE, sizeof (guint));
  guint min_count = 3, iterations = 15, n_words = 0;
  g_autofree guint *order = NULL, *rank = NULL;
  g_autoptr(GPtrArray) results = g_ptr_array_new_with_free_func (g_free);
  FILE *out;

  if (argc < 2)
    {
      fprintf (stderr, "usage: %s OUT.tsv [--classes 64,512] [--min-count N] [--iterations N] "
               "[--text FILE|DIR]... [--conll FILE]...\n", argv[0]);
      return 2;
    }
  t.ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  t.words = g_ptr_array_new_with_free_func (g_free);
  t.counts = g_array_new (FALSE, FALSE, sizeof (guint));
  t.seq = g_array_new (FALSE, FALSE, sizeof (guint));
  t.inner = g_array_new (FALSE, FALSE, sizeof (guint));
  for (int i = 2; i + 1 < argc; i += 2)
    {
      if (strcmp (argv[i], "--text") == 0)
        read_text (&t, argv[i + 1]);
      else if (strcmp (argv[i], "--conll") == 0)
        read_conll (&t, argv[i + 1]);
      else if (strcmp (argv[i], "--min-count") == 0)
        min_count = atoi (argv[i + 1]);
      else if (strcmp (argv[i], "--iterations") == 0)
        iterations = atoi (argv[i + 1]);
      else if (strcmp (argv[i], "--classes") == 0)
        {
          g_auto(GStrv) parts = g_strsplit (argv[i + 1], ",", -1);

          for (guint k = 0; parts[k]; k++)
            {
              guint c = atoi (parts[k]);

              g_array_append_val (class_counts, c);
            }
        }
      else
        g_error ("unknown option %s", argv[i]);
    }
  if (class_counts->len == 0)
    {
      guint defaults[] = { 64, 512 };

      g_array_append_vals (class_counts, defaults, 2);
    }

  /* ids by falling frequency (ties by first appearance); rare words share the last rank */
  order = g_new (guint, t.words->len);
  rank = g_new (guint, t.words->len);
  for (guint w = 0; w < t.words->len; w++)
    order[w] = w;
  g_qsort_with_data (order, t.words->len, sizeof (guint), compare_by_count, t.counts->data);
  for (guint k = 0; k < t.words->len; k++)
    if (g_array_index (t.counts, guint, order[k]) >= min_count)
      n_words++;
  for (guint k = 0; k < t.words->len; k++)
    rank[order[k]] = k < n_words ? k : n_words;
  printf ("%u tokens, %u word types, %u seen at least %u times\n", t.seq->len, t.words->len, n_words, min_count);
  fflush (stdout);

  for (guint c = 0; c < class_counts->len; c++)
    {
      Model m = { 0 };
      gsize max_flog = 1 << 20;

      m.n_words = n_words;
      m.n_classes = g_array_index (class_counts, guint, c);
      m.flog_len = max_flog;
      m.flog = g_new (double, max_flog);
      m.flog[0] = 0;
      for (gsize x = 1; x < max_flog; x++)
        m.flog[x] = x * log ((double) x);
      m.cls = g_new (guint, n_words + 1);
      build_neighbours (&m, t.seq, rank);
      init_classes (&m);
      for (guint it = 0; it < iterations; it++)
        {
          guint moved = exchange_pass (&m);

          printf ("%u classes, pass %u: %u words moved\n", m.n_classes, it + 1, moved);
          fflush (stdout);
          if (moved * 1000 < n_words)
            break;
        }
      g_ptr_array_add (results, g_memdup2 (m.cls, sizeof (guint) * n_words));
    }

  out = fopen (argv[1], "w");
  if (out == NULL)
    g_error ("cannot write %s", argv[1]);
  fprintf (out, "# word classes of bench/analysis/arx-word-clusters (see data/analysis/README.md);\n"
           "# a word in lower case ends with the percentage of its uses inside a sentence, in any\n"
           "# case, that are in lower case\n");
  {
    /* uses inside a sentence (not first) of each word in any case, by its lower-case form */
    g_autoptr(GHashTable) folded = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

    for (guint w = 0; w < t.words->len; w++)
      {
        char *low = g_ascii_strdown (g_ptr_array_index (t.words, w), -1);
        guint n = GPOINTER_TO_UINT (g_hash_table_lookup (folded, low));

        g_hash_table_insert (folded, low, GUINT_TO_POINTER (n + g_array_index (t.inner, guint, w)));
      }
    for (guint k = 0; k < n_words; k++)
      {
        const char *word = g_ptr_array_index (t.words, order[k]);
        g_autofree char *low = g_ascii_strdown (word, -1);
        guint all = GPOINTER_TO_UINT (g_hash_table_lookup (folded, low));

        fprintf (out, "%s", word);
        for (guint c = 0; c < results->len; c++)
          fprintf (out, "\t%u", ((guint *) g_ptr_array_index (results, c))[k]);
        if (strcmp (word, low) == 0 && g_ascii_isalpha (word[0]) && all > 0)
          fprintf (out, "\t%u", 100 * g_array_index (t.inner, guint, order[k]) / all);
        fprintf (out, "\n");
      }
  }
  fclose (out);
  return 0;
}
