/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Near-duplicate quotes: what groups, what does not, fingerprints, word differences. All
 * quotes are made up. */
#include "config.h"

#include "arx-quote-match.h"

typedef struct
{
  const char *a;
  const char *b;
  gboolean    same;
} Pair;

static const Pair pairs[] = {
  /* the same words, punctuation and quotation marks aside */
  { "“We will rebuild the harbour bridge before the winter storms arrive,”",
    "\"We will rebuild the harbour bridge before the winter storms arrive.\"", TRUE },
  /* a comma changed, an "and" dropped */
  { "“The council listened, and we will rebuild the harbour bridge before winter.”",
    "“The council listened we will rebuild the harbour bridge before winter.”", TRUE },
  /* "and" changed to "but" */
  { "“Prices rose sharply this spring and families felt it at every checkout.”",
    "“Prices rose sharply this spring but families felt it at every checkout.”", TRUE },
  /* a sentence cut */
  { "“We will rebuild the harbour bridge before the winter storms arrive. The money is "
    "already set aside and the engineers have started.”",
    "“We will rebuild the harbour bridge before the winter storms arrive.”", TRUE },
  /* case and curly apostrophes do not count */
  { "“I don’t think the ferry schedule can change this year.”",
    "“i DON'T think the ferry schedule can change this year”", TRUE },
  /* two different quotes sharing a few words */
  { "“We will rebuild the harbour bridge because the town depends on it.”",
    "“We will rebuild the old library once the budget allows it.”", FALSE },
  { "“The economy is doing very well and everyone can see it.”",
    "“The economy is doing very badly and nobody wants to admit it.”", FALSE },
  /* a short phrase inside a long quote is not that quote */
  { "“a total disaster”",
    "“What happened at the port was a total disaster for the fishermen and their families.”",
    FALSE },
  /* short identical quotes group, shorter ones never */
  { "“a very fine harbour master”", "“A very fine harbour master.”", TRUE },
  { "“fake news”", "“fake news”", FALSE },
  /* a long quote sharing one sentence with another long quote */
  { "“The schools reopen on Monday. Buses will run on the winter timetable and the canteen "
    "stays closed until the inspectors have been through every kitchen.”",
    "“The schools reopen on Monday. Parents should expect delays at the gates because the "
    "new security checks take time and volunteers are still being trained.”", FALSE },
};

static void
test_same (gconstpointer data)
{
  const Pair *pair = data;
  g_autoptr(GArray) a = arx_quote_words (pair->a);
  g_autoptr(GArray) b = arx_quote_words (pair->b);
  g_autoptr(GArray) prints_a = arx_quote_prints (a);
  g_autoptr(GArray) prints_b = arx_quote_prints (b);
  gboolean shared = FALSE;

  g_assert_cmpint (arx_quote_same (a, b), ==, pair->same);
  g_assert_cmpint (arx_quote_same (b, a), ==, pair->same);

  /* whatever matches shares a fingerprint, or it would never be compared */
  for (guint i = 0; i < prints_a->len && !shared; i++)
    for (guint j = 0; j < prints_b->len && !shared; j++)
      shared = g_array_index (prints_a, gint64, i) == g_array_index (prints_b, gint64, j);
  if (pair->same)
    g_assert_true (shared);
}

static void
test_words (void)
{
  const char *text = "“Don’t stop,” she said — twice-over 42.";
  g_autoptr(GArray) words = arx_quote_words (text);
  g_autoptr(GArray) again = arx_quote_words ("dont STOP she said twice over 42");
  const char *expected[] = { "Don’t", "stop", "she", "said", "twice", "over", "42" };

  g_assert_cmpuint (words->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < words->len; i++)
    {
      const ArxQuoteWord *w = &g_array_index (words, ArxQuoteWord, i);
      g_autofree char *surface = g_strndup (text + w->start, w->end - w->start);

      g_assert_cmpstr (surface, ==, expected[i]);
    }
  /* "Don’t" hashes as "dont" */
  g_assert_cmpuint (g_array_index (words, ArxQuoteWord, 0).hash, ==,
                    g_array_index (again, ArxQuoteWord, 0).hash);
}

static void
test_prints (void)
{
  g_autoptr(GArray) short_words = arx_quote_words ("fake news");
  g_autoptr(GArray) long_words = arx_quote_words (
    "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen twenty");
  g_autoptr(GArray) none = arx_quote_prints (short_words);
  g_autoptr(GArray) some = arx_quote_prints (long_words);

  g_assert_cmpuint (none->len, ==, 0);
  /* winnowing keeps a fraction of the 18 runs of three words, and at least one per window */
  g_assert_cmpuint (some->len, >=, 18 / 4);
  g_assert_cmpuint (some->len, <, 18);
  for (guint i = 1; i < some->len; i++)
    g_assert_cmpint (g_array_index (some, gint64, i - 1), <, g_array_index (some, gint64, i));
  for (guint i = 0; i < some->len; i++)
    g_assert_cmpint (g_array_index (some, gint64, i), >=, 0);
}

/* The diff as text: [+added] [-removed], the rest as is. */
static char *
diff_text (const char *earlier,
           const char *later)
{
  g_autoptr(GArray) parts = arx_quote_diff (earlier, later);
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < parts->len; i++)
    {
      const ArxQuoteDiffPart *part = &g_array_index (parts, ArxQuoteDiffPart, i);
      const char *source = part->op == ARX_QUOTE_DIFF_REMOVED ? earlier : later;
      const char *mark = part->op == ARX_QUOTE_DIFF_ADDED ? "+"
                         : part->op == ARX_QUOTE_DIFF_REMOVED ? "-" : "";

      if (out->len > 0)
        g_string_append_c (out, ' ');
      g_string_append_printf (out, "%s%s%.*s%s", *mark ? "[" : "", mark,
                              (int)(part->end - part->start), source + part->start,
                              *mark ? "]" : "");
    }
  return g_string_free (out, FALSE);
}

static void
test_diff (void)
{
  g_autofree char *changed = diff_text ("Prices rose and families felt it.",
                                        "Prices rose, but families felt it.");
  g_autofree char *cut = diff_text ("We start today. Then we rest.", "We start today.");
  g_autofree char *same = diff_text ("Same words here", "“Same words,” here");

  g_assert_cmpstr (changed, ==, "Prices rose [-and] [+but] families felt it");
  g_assert_cmpstr (cut, ==, "We start today [-Then we rest]");
  g_assert_cmpstr (same, ==, "Same words,” here");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (pairs); i++)
    {
      g_autofree char *path = g_strdup_printf ("/arx/quote-match/same/%u", i);

      g_test_add_data_func (path, &pairs[i], test_same);
    }
  g_test_add_func ("/arx/quote-match/words", test_words);
  g_test_add_func ("/arx/quote-match/prints", test_prints);
  g_test_add_func ("/arx/quote-match/diff", test_diff);
  return g_test_run ();
}
