/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Tokens, sentences, quotation spans and entities of the analyzer. */
#include "config.h"

#include <string.h>

#include "arx-analyzer.h"
#include "arx-doc.h"
#include "arx-lexicon.h"

typedef struct
{
  ArxArticle *article;
  ArxDoc      doc;
} Fixture;

static void
fixture_load (Fixture *f, const char *const *paragraphs)
{
  const ArxSpan *spans;
  guint n;

  f->article = arx_article_new ();
  for (guint i = 0; paragraphs[i]; i++)
    arx_article_add_paragraph (f->article, paragraphs[i], -1);
  spans = arx_article_get_paragraphs (f->article, &n);
  memset (&f->doc, 0, sizeof f->doc);
  arx_doc_init (&f->doc, arx_lexicon_get_default (), arx_article_get_text (f->article),
                arx_article_get_text_length (f->article), spans, n);
  arx_doc_tokenize (&f->doc);
  arx_doc_split_sentences (&f->doc);
  arx_doc_find_quotes (&f->doc);
}

static void
fixture_clear (Fixture *f)
{
  arx_doc_clear (&f->doc);
  g_object_unref (f->article);
}

static char *
token_text (Fixture *f, guint i)
{
  const ArxToken *t = ARX_DOC_TOK (&f->doc, i);

  return g_strndup (f->doc.text + t->start, t->end - t->start);
}

/* Text of every quotation span of depth 0, joined by "|". */
static char *
quotes_text (Fixture *f)
{
  GString *s = g_string_new (NULL);

  for (guint q = 0; q < f->doc.quotes->len; q++)
    {
      const ArxQuote *qq = &g_array_index (f->doc.quotes, ArxQuote, q);

      if (qq->depth != 0)
        continue;
      if (s->len)
        g_string_append_c (s, '|');
      g_string_append_len (s, f->doc.text + qq->start, qq->end - qq->start);
    }
  return g_string_free (s, FALSE);
}

static void
test_tokens (void)
{
  const char *paras[] = { "Trump’s aides don’t like the ’90s, said Sen. Rubio (R-Fla.) at 3.5 p.m. in the U.S.", NULL };
  const char *want[] = { "Trump", "’s", "aides", "don’t", "like", "the", "’90s", ",", "said", "Sen.", "Rubio",
                         "(", "R-Fla.", ")", "at", "3.5", "p.m.", "in", "the", "U.S.", NULL };
  Fixture f;
  guint i;

  fixture_load (&f, paras);
  for (i = 0; want[i]; i++)
    {
      g_autofree char *tok = NULL;

      g_assert_cmpuint (i, <, f.doc.tokens->len);
      tok = token_text (&f, i);
      g_assert_cmpstr (tok, ==, want[i]);
    }
  g_assert_cmpuint (f.doc.tokens->len, ==, i);
  g_assert_true (ARX_DOC_TOK (&f.doc, 1)->flags & ARX_TOK_POSS);
  fixture_clear (&f);
}

/* Capitals, numbers and word lists on letters outside ASCII too */
static void
test_token_words (void)
{
  const char *paras[] = { "Élodie Brűck of NATO met ÖBB chiefs in 2019, saying ÉTÉ and Über.", NULL };
  static const char *const people[] = { "élodie", "Brűck", "nato", NULL };
  static const char *const exact[] = { "NAT", "NATOS", "Über", NULL };
  Fixture f;

  fixture_load (&f, paras);
  /* Élodie Brűck of NATO met ÖBB chiefs in 2019 , saying ÉTÉ and Über . */
  g_assert_cmpuint (f.doc.tokens->len, ==, 15);
  g_assert_true (ARX_DOC_TOK (&f.doc, 0)->flags & ARX_TOK_CAP);
  g_assert_false (ARX_DOC_TOK (&f.doc, 0)->flags & ARX_TOK_UPPER);
  g_assert_true (ARX_DOC_TOK (&f.doc, 3)->flags & ARX_TOK_UPPER);
  g_assert_true (ARX_DOC_TOK (&f.doc, 5)->flags & ARX_TOK_UPPER);
  g_assert_false (ARX_DOC_TOK (&f.doc, 6)->flags & (ARX_TOK_CAP | ARX_TOK_UPPER));
  g_assert_true (ARX_DOC_TOK (&f.doc, 8)->flags & ARX_TOK_NUMBER);
  g_assert_false (ARX_DOC_TOK (&f.doc, 8)->flags & ARX_TOK_WORD);
  g_assert_true (ARX_DOC_TOK (&f.doc, 11)->flags & ARX_TOK_UPPER);
  g_assert_true (ARX_DOC_TOK (&f.doc, 13)->flags & ARX_TOK_CAP);
  /* case folds ASCII letters only: "élodie" is not "Élodie" */
  g_assert_false (arx_token_in_ci (&f.doc, 0, people));
  g_assert_true (arx_token_in_ci (&f.doc, 1, people));
  g_assert_true (arx_token_in_ci (&f.doc, 3, people));
  g_assert_false (arx_token_in (&f.doc, 3, people));
  g_assert_false (arx_token_in (&f.doc, 3, exact));
  g_assert_true (arx_token_in (&f.doc, 13, exact));
  g_assert_false (arx_token_in_ci (&f.doc, 2, exact));
  g_assert_true (arx_token_is_ci (&f.doc, 2, "OF"));
  g_assert_false (arx_token_is (&f.doc, 2, "OF"));
  fixture_clear (&f);
}

static void
test_sentences (void)
{
  const char *paras[] = {
    "Sen. Marco Rubio spoke in Sept. 2015 to Mr. Smith of Acme Inc. in Washington. He left the U.S. The trip "
    "ended early. “Why?” he asked. Nobody knew!",
    "A second paragraph",
    "8. Eleuterio Anguita (Spain) came eighth. 2. Nobody else.",
    NULL
  };
  /* a list item's number opens its sentence; inside a paragraph "2." ends one */
  const char *starts[] = { "Sen.", "He", "The", "“", "Nobody", "A", "8", "2", "Nobody", NULL };
  Fixture f;

  fixture_load (&f, paras);
  g_assert_cmpuint (f.doc.sentences->len, ==, g_strv_length ((char **) starts));
  for (guint s = 0; starts[s]; s++)
    {
      g_autofree char *first = token_text (&f, ARX_DOC_SENT (&f.doc, s)->tok_start);

      g_assert_cmpstr (first, ==, starts[s]);
    }
  g_assert_cmpuint (ARX_DOC_SENT (&f.doc, 5)->paragraph, ==, 1);
  fixture_clear (&f);
}

static void
check_quotes (const char *const *paras, const char *want)
{
  Fixture f;
  g_autofree char *got = NULL;

  fixture_load (&f, paras);
  got = quotes_text (&f);
  g_assert_cmpstr (got, ==, want);
  fixture_clear (&f);
}

static void
test_quotes_basic (void)
{
  const char *p1[] = { "He said “yes” and \"no\" and «peut-être» and 'maybe' today.", NULL };
  const char *p2[] = { "“Partnering on a ‘Cyber Unit’ is akin to a ‘Chemical Unit,” he wrote.", NULL };
  const char *p3[] = { "Trump’s aides don’t talk about the ’90s or the voters’ anger, Jones’ staff said.", NULL };

  check_quotes (p1, "“yes”|\"no\"|«peut-être»|'maybe'");
  /* the inner quotes are nested in the outer one; the unclosed ‘Chemical closes with it */
  check_quotes (p2, "“Partnering on a ‘Cyber Unit’ is akin to a ‘Chemical Unit,”");
  check_quotes (p3, "");
}

static void
test_quotes_paragraphs (void)
{
  const char *run_on[] = {
    "“The first part of the quote goes on,",
    "“and the second paragraph ends it,” she said.",
    "Then the story continues.",
    NULL
  };
  const char *unbalanced[] = {
    "The mayor said “we will never close this road, and then left.",
    "Nothing here is quoted at all.",
    "“A new quote,” he said.",
    NULL
  };

  check_quotes (run_on, "“The first part of the quote goes on,\n\n“and the second paragraph ends it,”");
  /* an unclosed mark stops at its paragraph's end */
  check_quotes (unbalanced, "“we will never close this road, and then left.|“A new quote,”");
}

static void
test_entities (void)
{
  g_autoptr(ArxArticle) article = arx_article_new ();
  g_autoptr(ArxAnalysis) analysis = NULL;
  gboolean rubio = FALSE, senate = FALSE, afn = FALSE, us = FALSE;

  arx_article_add_paragraph (article, "Sen. Marco Rubio of Florida met German Chancellor Angela Merkel in "
                             "Berlin on Monday, and the Assembly of First Nations (AFN) sent a letter to the "
                             "United States Senate.", -1);
  arx_article_add_paragraph (article, "Rubio said the AFN letter was welcome. Mr. Rubio travels to the U.S. "
                             "capital next week.", -1);
  analysis = arx_analyzer_analyze (arx_analyzer_get_default (), article);
  for (guint i = 0; i < analysis->entities->len; i++)
    {
      ArxEntity *e = g_ptr_array_index (analysis->entities, i);

      if (strcmp (e->name, "Marco Rubio") == 0)
        {
          rubio = TRUE;
          g_assert_cmpint (e->kind, ==, ARX_ENTITY_PERSON);
          g_assert_cmpuint (e->mentions->len, ==, 3);
        }
      if (g_str_has_suffix (e->name, "Senate"))
        senate = e->kind == ARX_ENTITY_ORGANIZATION;
      if (strcmp (e->name, "Assembly of First Nations") == 0)
        {
          afn = TRUE;
          g_assert_cmpuint (e->mentions->len, >=, 2);
        }
      if (strcmp (e->name, "Berlin") == 0)
        g_assert_cmpint (e->kind, ==, ARX_ENTITY_LOCATION);
      if (strcmp (e->name, "Angela Merkel") == 0)
        g_assert_cmpint (e->kind, ==, ARX_ENTITY_PERSON);
      if (strcmp (e->name, "Florida") == 0)
        us = TRUE;
    }
  g_assert_true (rubio);
  g_assert_true (senate);
  g_assert_true (afn);
  g_assert_true (us);
}

/* Hostile or broken text: the analysis must stay in bounds and finish (a run-on
 * "sentence" of 20 000 cues took minutes before sentences were capped; 100 000 stops took
 * 7 s, 20 000 people 5 s and 20 000 descriptions in one paragraph 6 s before the sentence
 * splitter, the person clusters and the look-backs were linear). */
static void
test_hostile (void)
{
  g_autoptr(GString) said = g_string_new (NULL);
  g_autoptr(GString) word = g_string_new (NULL);
  g_autoptr(GString) lone = g_string_new (NULL);
  g_autoptr(GString) runon = g_string_new (NULL);
  g_autoptr(GString) stops = g_string_new ("The mayor said ");
  g_autoptr(GString) names = g_string_new (NULL);
  g_autoptr(GString) described = g_string_new (NULL);
  const char *texts[9];

  for (guint i = 0; i < 20000; i++)
    g_string_append (said, "said ");
  for (guint i = 0; i < 1 << 20; i++)
    g_string_append_c (word, 'a');
  for (guint i = 0; i < 3000; i++)
    g_string_append (lone, "\xe2\x80\x9c \" ' \xe2\x80\x9d \xc2\xab");
  for (guint i = 0; i < 5000; i++)
    g_string_append (runon, "Smith said that the plan \"works well,\" he said. ");
  /* a stop scanned again for every stop before it; every name compared with every earlier one */
  for (guint i = 0; i < 100000; i++)
    g_string_append (stops, ". ");
  g_string_append (stops, "x");
  /* one paragraph: every description and pronoun looked back over all of it */
  for (guint i = 0; i < 20000; i++)
    g_string_append (described, "Abel Quint visited Toledo. The senator said the plan works. She said so too. ");
  for (guint i = 0; i < 20000; i++)
    g_string_append_printf (names, "Mr. Abel Q%c%c%cint said \"yes\". ", 'a' + i % 26, 'a' + i / 26 % 26,
                            'a' + i / 676 % 26);
  texts[0] = said->str;
  texts[1] = word->str;
  texts[2] = lone->str;
  texts[3] = runon->str;
  texts[4] = "\"";
  texts[5] = "\xe2\x80\x9d said Smith.";
  texts[6] = stops->str;
  texts[7] = names->str;
  texts[8] = described->str;
  for (guint t = 0; t < G_N_ELEMENTS (texts); t++)
    {
      g_autoptr(ArxArticle) article = arx_article_new ();
      g_autoptr(ArxAnalysis) analysis = NULL;
      gsize len;

      arx_article_add_paragraph (article, texts[t], -1);
      len = arx_article_get_text_length (article);
      analysis = arx_analyzer_analyze (arx_analyzer_get_default (), article);
      for (guint i = 0; i < analysis->statements->len; i++)
        {
          const ArxStatement *st = g_ptr_array_index (analysis->statements, i);

          g_assert_cmpuint (st->start, <, st->end);
          g_assert_cmpuint (st->end, <=, len);
        }
    }
}

/* The entity of the person mention whose text starts at byte @start. */
static const ArxEntity *
entity_mentioned_at (const ArxAnalysis *analysis, guint start)
{
  for (guint i = 0; i < analysis->entities->len; i++)
    {
      const ArxEntity *e = g_ptr_array_index (analysis->entities, i);

      for (guint j = 0; j < e->mentions->len; j++)
        if (g_array_index (e->mentions, ArxSpan, j).start == start)
          return e;
    }
  return NULL;
}

/* Which earlier person a name joins: the latest that can take it, one of the stated sex first,
 * a first name alone, a nickname, a fuller form. */
static void
test_entities_people (void)
{
  /* the mention is the text after @before, inside the unique phrase @phrase */
  static const struct { const char *phrase; const char *before; const char *entity; } want[] = {
    { "Mrs. Fenwick said", "Mrs. ", "Ivana Fenwick" },
    { "Mr. Fenwick agreed", "Mr. ", "Donald Fenwick" },
    { "Later Fenwick", "Later ", "Ivana Fenwick" },
    { "and Hillary", "and ", "Hillary Corden" },
    { "Thomas Bossart", "", "Tom Bossart" },
    { "and Bossart", "and ", "Tom Bossart" },
    { "Laura Brisk", "", "Laura Brisk" },
  };
  g_autoptr(ArxArticle) article = arx_article_new ();
  g_autoptr(ArxAnalysis) analysis = NULL;
  const char *text;

  arx_article_add_paragraph (article, "Donald Fenwick met Ivana Fenwick and Laura Brisk in Toledo on "
                             "Monday.", -1);
  arx_article_add_paragraph (article, "Mrs. Fenwick said the talks went well. Mr. Fenwick agreed with her. "
                             "Later Fenwick left.", -1);
  arx_article_add_paragraph (article, "Hillary Corden arrived late, and Hillary said nothing.", -1);
  arx_article_add_paragraph (article, "Tom Bossart spoke first. Thomas Bossart later wrote a letter, and "
                             "Bossart signed it.", -1);
  analysis = arx_analyzer_analyze (arx_analyzer_get_default (), article);
  text = arx_article_get_text (article);
  for (guint i = 0; i < G_N_ELEMENTS (want); i++)
    {
      const char *phrase = strstr (text, want[i].phrase);
      const ArxEntity *e;

      g_assert_nonnull (phrase);
      e = entity_mentioned_at (analysis, phrase + strlen (want[i].before) - text);
      g_assert_nonnull (e);
      g_assert_cmpstr (e->name, ==, want[i].entity);
    }
}

/* Noise seen in real articles: brackets with party and state, a name particle, symbols,
 * common words in capitals, a seat of government. */
static void
test_entities_noise (void)
{
  g_autoptr(ArxArticle) article = arx_article_new ();
  g_autoptr(ArxAnalysis) analysis = NULL;
  gboolean assad = FALSE, white_house = FALSE;

  arx_article_add_paragraph (article, "Sen. Marco Rubio (R-Fla.) said a Cyber Security unit was a bad idea "
                             "and that cyber security belongs to the agencies.", -1);
  arx_article_add_paragraph (article, "Syrian President Bashar al-Assad met the press & left. The White House "
                             "said on Monday that “nothing” had changed. Assad did not comment.", -1);
  analysis = arx_analyzer_analyze (arx_analyzer_get_default (), article);
  for (guint i = 0; i < analysis->entities->len; i++)
    {
      ArxEntity *e = g_ptr_array_index (analysis->entities, i);

      g_assert_cmpstr (e->name, !=, "R-Fla.");
      g_assert_cmpstr (e->name, !=, "&");
      g_assert_cmpstr (e->name, !=, "al-Assad");
      g_assert_cmpstr (e->name, !=, "“");
      if (strcmp (e->name, "Cyber Security") == 0)
        g_assert_cmpint (e->kind, !=, ARX_ENTITY_PERSON);
      g_assert_cmpstr (e->name, !=, "Assad");
      if (strcmp (e->name, "Bashar al-Assad") == 0)
        assad = e->kind == ARX_ENTITY_PERSON && e->mentions->len == 2;
      if (strcmp (e->name, "White House") == 0)
        white_house = e->kind == ARX_ENTITY_ORGANIZATION;
    }
  g_assert_true (assad);
  g_assert_true (white_house);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/arx/analysis/tokens", test_tokens);
  g_test_add_func ("/arx/analysis/tokens/words", test_token_words);
  g_test_add_func ("/arx/analysis/sentences", test_sentences);
  g_test_add_func ("/arx/analysis/quotes/basic", test_quotes_basic);
  g_test_add_func ("/arx/analysis/quotes/paragraphs", test_quotes_paragraphs);
  g_test_add_func ("/arx/analysis/entities", test_entities);
  g_test_add_func ("/arx/analysis/hostile", test_hostile);
  g_test_add_func ("/arx/analysis/entities/noise", test_entities_noise);
  g_test_add_func ("/arx/analysis/entities/people", test_entities_people);
  return g_test_run ();
}
