/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "arx-quote-match"

#include "config.h"

#include <string.h>

#include "arx-quote-match.h"

/* Is this the same quote as that one? Two wordings are compared as sequences of normalised
 * words (case, punctuation and quotation marks do not count; "don't" is "dont"), so a
 * changed comma is no difference at all and a changed, added or dropped word is one word of
 * difference. The shorter wording must be found in the longer one almost whole — by a local
 * alignment, so a quote cut to one of its sentences still matches its full version — while
 * two quotes that merely share a phrase do not.
 *
 * Finding candidates among thousands of stored quotes uses fingerprints: hashes of every run
 * of SHINGLE words, of which each quote keeps the smallest in every WINDOW consecutive runs
 * (winnowing). Two quotes sharing SHINGLE + WINDOW - 1 = 6 words in a row share a fingerprint
 * for certain, so a quote is only ever compared with the few that do. The hashes are stored
 * in libraries: changing how they are computed needs a migration that recomputes them. */

#define SHINGLE 3
#define WINDOW 4
/* Shorter wordings match only when identical: "a total disaster" is said by many. */
#define MIN_IDENTICAL_WORDS 4
#define MIN_WORDS (SHINGLE + WINDOW - 1)
/* The share of the shorter wording the best local alignment must score: one changed word
 * costs two points, a dropped or added word one. */
#define MIN_SCORE_SHARE 0.8
/* Alignment and diff cost grows with the product of the lengths: longer statements are
 * compared on their first words only. */
#define MAX_WORDS 600

static gboolean
is_apostrophe (gunichar c)
{
  return c == '\'' || c == 0x2019 || c == 0x2018 || c == 0x02BC;
}

static guint32
fnv_add (guint32  hash,
         gunichar c)
{
  if (c < 0x80)
    return (hash ^ c) * 16777619u;
  for (int shift = 0; shift < 32; shift += 8)
    {
      hash ^= (c >> shift) & 0xff;
      hash *= 16777619u;
    }
  return hash;
}

/**
 * arx_quote_words:
 *
 * Returns: (transfer full) (element-type ArxQuoteWord): the words of @text: runs of letters
 * and digits, joined over an apostrophe inside a word, hashed in lower case.
 */
GArray *
arx_quote_words (const char *text)
{
  GArray *words = g_array_new (FALSE, FALSE, sizeof (ArxQuoteWord));
  ArxQuoteWord word = { 0, 0, 2166136261u };
  gboolean in_word = FALSE;
  const char *p, *next;

  if (text == NULL)
    return words;
  for (p = text; *p != '\0'; p = next)
    {
      gunichar c;
      gboolean alnum;

      /* ASCII without the Unicode tables: most quotes are all ASCII */
      if ((guchar)*p < 0x80)
        {
          c = g_ascii_tolower (*p);
          alnum = g_ascii_isalnum (c);
          next = p + 1;
        }
      else
        {
          c = g_utf8_get_char_validated (p, -1);
          if (c == (gunichar)-1 || c == (gunichar)-2)
            break;
          alnum = g_unichar_isalnum (c);
          c = g_unichar_tolower (c);
          next = g_utf8_next_char (p);
        }
      if (alnum)
        {
          if (!in_word)
            {
              word.start = p - text;
              word.hash = 2166136261u;
              in_word = TRUE;
            }
          word.hash = fnv_add (word.hash, c);
          word.end = next - text;
          continue;
        }
      /* an apostrophe between letters stays inside the word */
      if (in_word && is_apostrophe (c) && *next != '\0' &&
          ((guchar)*next < 0x80 ? g_ascii_isalnum (*next)
                                : g_unichar_isalnum (g_utf8_get_char_validated (next, -1))))
        continue;
      if (in_word)
        g_array_append_val (words, word);
      in_word = FALSE;
    }
  if (in_word)
    g_array_append_val (words, word);
  return words;
}

static guint64
mix64 (guint64 x)
{
  x ^= x >> 30;
  x *= G_GUINT64_CONSTANT (0xbf58476d1ce4e5b9);
  x ^= x >> 27;
  x *= G_GUINT64_CONSTANT (0x94d049bb133111eb);
  x ^= x >> 31;
  return x;
}

static int
compare_int64 (gconstpointer a,
               gconstpointer b)
{
  gint64 x = *(const gint64 *)a, y = *(const gint64 *)b;

  return (x > y) - (x < y);
}

/**
 * arx_quote_prints:
 * @words: (element-type ArxQuoteWord): from arx_quote_words()
 *
 * Returns: (transfer full) (element-type gint64): the fingerprints of a quote, sorted, each
 * once; none for a quote too short to match anything.
 */
GArray *
arx_quote_prints (const GArray *words)
{
  GArray *prints = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree gint64 *shingles = NULL;
  guint n_shingles;
  guint last = G_MAXUINT;

  if (words->len < MIN_IDENTICAL_WORDS)
    return prints;
  n_shingles = MIN (words->len, MAX_WORDS) - SHINGLE + 1;
  shingles = g_new (gint64, n_shingles);
  for (guint i = 0; i < n_shingles; i++)
    {
      guint64 h = 0;

      for (guint j = 0; j < SHINGLE; j++)
        h = mix64 (h ^ g_array_index (words, ArxQuoteWord, i + j).hash);
      /* positive, so the numbers read the same in SQLite and here */
      shingles[i] = (gint64)(h >> 1);
    }

  if (n_shingles <= WINDOW)
    g_array_append_vals (prints, shingles, n_shingles);
  else
    for (guint w = 0; w + WINDOW <= n_shingles; w++)
      {
        guint min = w;

        /* the rightmost smallest, so sliding keeps the same pick while it stays inside */
        for (guint i = w + 1; i < w + WINDOW; i++)
          if (shingles[i] <= shingles[min])
            min = i;
        if (min != last)
          g_array_append_val (prints, shingles[min]);
        last = min;
      }

  g_array_sort (prints, compare_int64);
  for (guint i = 1; i < prints->len;)
    if (g_array_index (prints, gint64, i) == g_array_index (prints, gint64, i - 1))
      g_array_remove_index (prints, i);
    else
      i++;
  return prints;
}

static gboolean
identical (const GArray *a,
           const GArray *b)
{
  if (a->len != b->len)
    return FALSE;
  for (guint i = 0; i < a->len; i++)
    if (g_array_index (a, ArxQuoteWord, i).hash != g_array_index (b, ArxQuoteWord, i).hash)
      return FALSE;
  return TRUE;
}

/* Smith–Waterman over words: match +1, mismatch or gap −1; the best local score. */
static int
best_local_score (const GArray *a,
                  const GArray *b)
{
  guint na = MIN (a->len, MAX_WORDS), nb = MIN (b->len, MAX_WORDS);
  g_autofree int *prev = g_new0 (int, nb + 1);
  g_autofree int *cur = g_new0 (int, nb + 1);
  int best = 0;

  for (guint i = 1; i <= na; i++)
    {
      guint32 wa = g_array_index (a, ArxQuoteWord, i - 1).hash;
      int *swap;

      cur[0] = 0;
      for (guint j = 1; j <= nb; j++)
        {
          int diag = prev[j - 1] + (wa == g_array_index (b, ArxQuoteWord, j - 1).hash ? 1 : -1);
          int score = MAX (0, MAX (diag, MAX (prev[j], cur[j - 1]) - 1));

          cur[j] = score;
          best = MAX (best, score);
        }
      swap = prev;
      prev = cur;
      cur = swap;
    }
  return best;
}

/**
 * arx_quote_same:
 * @a: (element-type ArxQuoteWord): one wording
 * @b: (element-type ArxQuoteWord): another
 *
 * Returns: whether @a and @b are the same quote: identical (four words or more), or six
 * words or more of the shorter one found in the longer with at most about one word in ten
 * changed, added or dropped.
 */
gboolean
arx_quote_same (const GArray *a,
                const GArray *b)
{
  guint shorter = MIN (MIN (a->len, b->len), MAX_WORDS);

  if (shorter < MIN_IDENTICAL_WORDS)
    return FALSE;
  if (identical (a, b))
    return TRUE;
  if (shorter < MIN_WORDS)
    return FALSE;
  return best_local_score (a, b) >= MIN_SCORE_SHARE * shorter;
}

static void
add_part (GArray         *parts,
          ArxQuoteDiffOp  op,
          const ArxQuoteWord *word)
{
  ArxQuoteDiffPart *last = parts->len > 0
                           ? &g_array_index (parts, ArxQuoteDiffPart, parts->len - 1) : NULL;
  ArxQuoteDiffPart part = { op, word->start, word->end };

  if (last != NULL && last->op == op)
    last->end = word->end;
  else
    g_array_append_val (parts, part);
}

/**
 * arx_quote_diff:
 *
 * Returns: (transfer full) (element-type ArxQuoteDiffPart): the word differences from
 * @earlier to @later in the order of @later, removed words where they stood: runs of words
 * in both, added to @later, or removed from @earlier (a longest common subsequence of words).
 */
GArray *
arx_quote_diff (const char *earlier,
                const char *later)
{
  g_autoptr(GArray) a = arx_quote_words (earlier);
  g_autoptr(GArray) b = arx_quote_words (later);
  GArray *parts = g_array_new (FALSE, FALSE, sizeof (ArxQuoteDiffPart));
  guint na = MIN (a->len, MAX_WORDS), nb = MIN (b->len, MAX_WORDS);
  g_autofree guint16 *lcs = g_new0 (guint16, (gsize)(na + 1) * (nb + 1));
  guint i = 0, j = 0;

#define LCS(x, y) lcs[(gsize)(x) * (nb + 1) + (y)]
  /* suffix table: LCS(i, j) is the common length of a[i..] and b[j..] */
  for (guint x = na; x-- > 0;)
    for (guint y = nb; y-- > 0;)
      LCS (x, y) = g_array_index (a, ArxQuoteWord, x).hash == g_array_index (b, ArxQuoteWord, y).hash
                   ? LCS (x + 1, y + 1) + 1 : MAX (LCS (x + 1, y), LCS (x, y + 1));

  while (i < na || j < nb)
    {
      if (i < na && j < nb &&
          g_array_index (a, ArxQuoteWord, i).hash == g_array_index (b, ArxQuoteWord, j).hash)
        {
          add_part (parts, ARX_QUOTE_DIFF_SAME, &g_array_index (b, ArxQuoteWord, j));
          i++;
          j++;
        }
      else if (i < na && (j == nb || LCS (i + 1, j) >= LCS (i, j + 1)))
        add_part (parts, ARX_QUOTE_DIFF_REMOVED, &g_array_index (a, ArxQuoteWord, i++));
      else
        add_part (parts, ARX_QUOTE_DIFF_ADDED, &g_array_index (b, ArxQuoteWord, j++));
    }
#undef LCS
  /* words past the compared ones: the same, as far as we looked */
  for (; j < b->len; j++)
    add_part (parts, ARX_QUOTE_DIFF_SAME, &g_array_index (b, ArxQuoteWord, j));
  return parts;
}
