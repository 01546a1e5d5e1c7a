/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "arx-library-private.h"
#include "store-fixtures.h"

/* Speakers across a real library file: who is one person, who is nobody, who is a group, and
 * what the user's merges keep. Every article here is made up. */

typedef LibraryFixture Fixture;

static ArxAnalysis *
build (ArxArticle        **out_article,
       const char         *title,
       const char *const  *sentences,
       const char *const  *people,
       ArxEntityKind       kind,
       ArxSpeakerKind      implicit_kind)
{
  ArxArticle *article = arx_article_new ();
  ArxAnalysis *analysis = arx_analysis_new ();

  arx_article_set_title (article, title);
  for (guint i = 0; sentences[i] != NULL; i++)
    arx_article_add_paragraph (article, sentences[i], -1);
  for (guint i = 0; people[i] != NULL; i++)
    add_entity_at (analysis, article, kind, people[i], (const char *[]){ people[i], NULL });
  for (guint i = 0; sentences[i] != NULL; i++)
    {
      const char *sentence = sentences[i];
      const char *cue = strstr (sentence, " said ") ? " said " : strstr (sentence, " told ") ? " told " : NULL;
      g_autofree char *subject = NULL;
      ArxStatement *statement;
      int speaker = -1;

      if (cue == NULL)
        continue;
      subject = g_strndup (sentence, strstr (sentence, cue) - sentence);
      for (guint j = 0; people[j] != NULL; j++)
        if (g_str_equal (subject, people[j]))
          speaker = j;
      statement = add_statement_at (analysis, article, ARX_STATEMENT_INDIRECT,
                                    strstr (sentence, cue) + strlen (cue), speaker, subject,
                                    NULL);
      if (speaker < 0)
        {
          arx_statement_set_speaker (statement, -1, subject);
          statement->speaker_kind = implicit_kind;
        }
    }
  arx_analysis_sort_statements (analysis);
  arx_analysis_number (analysis);
  *out_article = article;
  return analysis;
}

/* Adds an article whose @people the analysis tagged @kind. */
static gint64
add_tagged (Fixture            *f,
            const char         *title,
            const char *const  *sentences,
            const char *const  *people,
            ArxEntityKind       kind,
            ArxSpeakerKind      implicit_kind)
{
  g_autoptr(ArxArticle) article = NULL;
  g_autoptr(ArxAnalysis) analysis = build (&article, title, sentences, people, kind, implicit_kind);
  g_autoptr(GError) error = NULL;
  gint64 id = 0;

  g_assert_true (arx_library_add (f->library, article, analysis, &id, NULL, &error));
  g_assert_no_error (error);
  return id;
}

static gint64
add (Fixture            *f,
     const char         *title,
     const char *const  *sentences,
     const char *const  *people)
{
  return add_tagged (f, title, sentences, people, ARX_ENTITY_PERSON, ARX_SPEAKER_OTHER);
}

#define S(...) ((const char *const[]){ __VA_ARGS__, NULL })
#define NOBODY ((const char *const[]){ NULL })

static const ArxSpeakerRow *
find_speaker (GPtrArray  *rows,
              const char *name)
{
  for (guint i = 0; i < rows->len; i++)
    {
      const ArxSpeakerRow *row = g_ptr_array_index (rows, i);

      if (g_strcmp0 (row->name, name) == 0 && row->n_statements > 0)
        return row;
    }
  return NULL;
}

static GPtrArray *
speakers (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *rows = arx_library_list_speakers (f->library, NULL, &error);

  g_assert_no_error (error);
  return rows;
}

static guint
count_named (GPtrArray  *rows,
             const char *name)
{
  guint n = 0;

  for (guint i = 0; i < rows->len; i++)
    n += g_strcmp0 (((ArxSpeakerRow *)g_ptr_array_index (rows, i))->name, name) == 0 &&
         ((ArxSpeakerRow *)g_ptr_array_index (rows, i))->n_statements > 0;
  return n;
}

static void
test_surname_links (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GPtrArray) rows = NULL;
  const ArxSpeakerRow *maria, *local;
  gint64 third;

  add (f, "Harbour tax", S ("Maria Lopez said the harbour tax would rise in March."), S ("Maria Lopez"));
  add (f, "Council vote", S ("Lopez told reporters the vote had been close."), S ("Lopez"));
  third = add (f, "Two Lopezes",
               S ("Maria Lopez and Ana Lopez met the ferry workers on Tuesday.",
                  "Lopez said the plan was dead."),
               S ("Maria Lopez", "Ana Lopez", "Lopez"));
  add (f, "Lopez Says Tax Will Rise",
       S ("Lopez Says Tax Will Rise", "Lopez Says Tax Will Rise said it would, at last."),
       S ("Lopez Says Tax Will Rise"));

  rows = speakers (f);
  /* The first two articles are one Maria Lopez. */
  maria = find_speaker (rows, "Maria Lopez");
  g_assert_nonnull (maria);
  g_assert_cmpint (maria->speaker_kind, ==, ARX_SPEAKER_PERSON);
  g_assert_cmpuint (maria->n_statements, >=, 2);
  g_assert_cmpuint (maria->n_articles, >=, 2);
  /* In the third, "Lopez" may be either: a speaker of that article only. */
  local = find_speaker (rows, "Lopez");
  g_assert_nonnull (local);
  g_assert_cmpint (local->article_id, ==, third);
  g_assert_cmpuint (local->n_statements, ==, 1);
  g_assert_cmpuint (count_named (rows, "Lopez"), ==, 1);
  /* A headline is nobody's name. */
  for (guint i = 0; i < rows->len; i++)
    g_assert_null (strstr (((ArxSpeakerRow *)g_ptr_array_index (rows, i))->name, "Says"));
}

static void
test_groups (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  guint n_groups = 0, unattributed = 0, articles = 0;
  gint64 one, two;

  one = add (f, "Bridge", S ("Officials said the bridge would close for a week.",
                             "They said the detour was short."), NOBODY);
  two = add (f, "Ferry", S ("officials said the ferry would run twice an hour."), NOBODY);

  rows = speakers (f);
  /* Each article's officials are a group of that article, not one speaker. */
  for (guint i = 0; i < rows->len; i++)
    {
      const ArxSpeakerRow *row = g_ptr_array_index (rows, i);

      if (row->n_statements == 0)
        continue;
      g_assert_cmpint (row->speaker_kind, ==, ARX_SPEAKER_GROUP);
      g_assert_true (row->article_id == one || row->article_id == two);
      g_assert_cmpuint (row->n_statements, ==, 1);
      n_groups++;
    }
  g_assert_cmpuint (n_groups, ==, 2);
  /* "They" is nobody: the statement is unattributed. */
  g_assert_true (arx_library_count_unattributed (f->library, &unattributed, &articles, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (unattributed, ==, 1);
  g_assert_cmpuint (articles, ==, 1);
}

static void
test_surname_redecided (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GPtrArray) rows = NULL;
  const ArxSpeakerRow *daniel;

  /* "Okafor" comes first, when the library knows only Ruth Okafor... */
  add (f, "Ruth", S ("Ruth Okafor said the school would reopen."), S ("Ruth Okafor"));
  add (f, "Early", S ("Okafor said the budget was final."), S ("Okafor"));
  /* ...then Daniel Okafor is the one every article names. */
  for (guint i = 0; i < 6; i++)
    {
      g_autofree char *title = g_strdup_printf ("Budget %u", i);

      add (f, title, S ("Daniel Okafor said the budget would pass."), S ("Daniel Okafor"));
    }
  add (f, "Kemi", S ("Kemi Okafor said the ferry was late."), S ("Kemi Okafor"));
  add (f, "Late", S ("Okafor said the vote was Friday."), S ("Okafor"));

  rows = speakers (f);
  daniel = find_speaker (rows, "Daniel Okafor");
  g_assert_nonnull (daniel);
  /* Both "Okafor" articles are his now; Ruth and Kemi are other people. */
  g_assert_cmpuint (daniel->n_statements, ==, 8);
  g_assert_nonnull (find_speaker (rows, "Ruth Okafor"));
  g_assert_nonnull (find_speaker (rows, "Kemi Okafor"));
  g_assert_null (find_speaker (rows, "Okafor"));
}

static void
test_two_known (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GPtrArray) rows = NULL;

  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *a = g_strdup_printf ("Bill %u", i);
      g_autofree char *b = g_strdup_printf ("Hillary %u", i);

      add (f, a, S ("Bill Hale said the mill would stay open."), S ("Bill Hale"));
      add (f, b, S ("Hillary Hale said the mill would close."), S ("Hillary Hale"));
    }
  add (f, "Which Hale", S ("Hale said the mill was sold."), S ("Hale"));

  rows = speakers (f);
  /* Bill and Hillary Hale stay apart, and "Hale" alone is neither of them. */
  g_assert_cmpuint (find_speaker (rows, "Bill Hale")->n_statements, ==, 3);
  g_assert_cmpuint (find_speaker (rows, "Hillary Hale")->n_statements, ==, 3);
  g_assert_cmpuint (find_speaker (rows, "Hale")->n_statements, ==, 1);
}

/* Two people of one surname the library names often: "Vance" alone is a speaker of its
 * article, whichever of them came first; a middle initial keeps father and son apart. */
static void
test_two_famous_namesakes (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GPtrArray) rows = NULL;
  const ArxSpeakerRow *row;
  gint64 late;
  guint n_local = 0;

  /* "Vance" comes first, when the library knows only Carl Vance. */
  add (f, "Mill", S ("Carl Vance said the mill would stay open."), S ("Carl Vance"));
  add (f, "Early", S ("Vance said the mill was sold."), S ("Vance"));
  add (f, "Harbour", S ("Nora B. Vance said the harbour was full."), S ("Nora B. Vance"));
  add (f, "Quay", S ("Nora Vance said the quay was full."), S ("Nora Vance"));
  for (guint i = 0; i < 11; i++)
    {
      g_autofree char *a = g_strdup_printf ("Port %u", i);
      g_autofree char *b = g_strdup_printf ("Dock %u", i);

      add (f, a, S ("Carl Vance said the port would grow."), S ("Carl Vance"));
      add (f, b, S ("Nora B. Vance said the dock would close."), S ("Nora B. Vance"));
    }
  add (f, "Elder", S ("Nora T. Vance said the dock had been her idea."), S ("Nora T. Vance"));
  late = add (f, "Late", S ("Vance said the vote was Friday."), S ("Vance"));

  rows = speakers (f);
  g_assert_cmpuint (find_speaker (rows, "Carl Vance")->n_statements, ==, 12);
  g_assert_cmpuint (find_speaker (rows, "Nora B. Vance")->n_statements, ==, 13);
  row = find_speaker (rows, "Nora T. Vance");
  g_assert_nonnull (row);
  g_assert_cmpuint (row->n_statements, ==, 1);
  /* Each "Vance" alone stays in its article, the early one too: two speakers, one
   * statement each. */
  g_assert_cmpuint (count_named (rows, "Vance"), ==, 2);
  for (guint i = 0; i < rows->len; i++)
    {
      row = g_ptr_array_index (rows, i);
      if (g_strcmp0 (row->name, "Vance") == 0 && row->n_statements > 0)
        {
          g_assert_cmpint (row->article_id, !=, 0);
          g_assert_cmpuint (row->n_statements, ==, 1);
          n_local += row->article_id == late;
        }
    }
  g_assert_cmpuint (n_local, ==, 1);
}

/* "Ben Okoro" and "Benjamin A. Okoro" are one person: the usual short form of a given name,
 * across articles; "Bernard Okoro" is somebody else. */
static void
test_given_name_forms (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GPtrArray) rows = NULL;
  const ArxSpeakerRow *row;

  add (f, "Budget", S ("Ben Okoro said the budget would pass."), S ("Ben Okoro"));
  add (f, "Budget again", S ("Benjamin A. Okoro said the budget had passed."), S ("Benjamin A. Okoro"));
  add (f, "Rates", S ("Ben Okoro said the rates would hold."), S ("Ben Okoro"));
  add (f, "Farm", S ("Bernard Okoro said the farm was sold."), S ("Bernard Okoro"));

  rows = speakers (f);
  row = find_speaker (rows, "Benjamin A. Okoro");
  if (row == NULL)
    row = find_speaker (rows, "Ben Okoro");
  g_assert_nonnull (row);
  g_assert_cmpuint (row->n_statements, ==, 3);
  g_assert_cmpuint (row->n_articles, ==, 3);
  g_assert_cmpuint (find_speaker (rows, "Bernard Okoro")->n_statements, ==, 1);
}

static void
test_middle_initial_and_kind (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(GPtrArray) rows = NULL;
  const ArxSpeakerRow *row;

  add (f, "One", S ("Daniel Okafor said the budget would pass."), S ("Daniel Okafor"));
  add (f, "Two", S ("Daniel K. Okafor said the budget had passed."), S ("Daniel K. Okafor"));
  add (f, "Three", S ("Daniel Okafor said the budget was fine."), S ("Daniel Okafor"));
  /* One article tags him as an organisation: the vote of all his mentions decides. */
  add_tagged (f, "Four", S ("Okafor said the budget was late."), S ("Okafor"),
              ARX_ENTITY_ORGANIZATION, ARX_SPEAKER_ORGANIZATION);

  rows = speakers (f);
  row = find_speaker (rows, "Daniel K. Okafor");
  g_assert_nonnull (row);
  g_assert_cmpuint (row->n_statements, ==, 4);
  g_assert_cmpint (row->speaker_kind, ==, ARX_SPEAKER_PERSON);
  g_assert_cmpint (row->kind, ==, ARX_ENTITY_PERSON);
}

/* A name first tagged a person, then an organisation in more articles: the vote of its
 * mentions makes it an organisation, whichever way the articles linked to it. */
static void
test_kind_vote_by_word (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GPtrArray) rows = NULL;
  const ArxSpeakerRow *row;

  add (f, "Ferry blog", S ("Harbourwatch said the ferry was late again."), S ("Harbourwatch"));
  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *title = g_strdup_printf ("Ferry report %u", i);

      add_tagged (f, title, S ("Harbourwatch said the fares went up."), S ("Harbourwatch"),
                  ARX_ENTITY_ORGANIZATION, ARX_SPEAKER_ORGANIZATION);
    }
  rows = speakers (f);
  g_assert_cmpuint (count_named (rows, "Harbourwatch"), ==, 1);
  row = find_speaker (rows, "Harbourwatch");
  g_assert_cmpuint (row->n_statements, ==, 4);
  g_assert_cmpint (row->speaker_kind, ==, ARX_SPEAKER_ORGANIZATION);
}

/* One name with and without its accents is one person. */
static void
test_accents (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GPtrArray) rows = NULL;
  const ArxSpeakerRow *row;

  add (f, "Port", S ("Fran\u00e7ois Lemaître said the port would grow."), S ("Fran\u00e7ois Lemaître"));
  add (f, "Port again", S ("Francois Lemaitre said the port had grown."), S ("Francois Lemaitre"));
  add (f, "Quay", S ("Lemaitre said the quay was full."), S ("Lemaitre"));
  rows = speakers (f);
  row = find_speaker (rows, "Fran\u00e7ois Lemaître");
  if (row == NULL)
    row = find_speaker (rows, "Francois Lemaitre");
  g_assert_nonnull (row);
  g_assert_cmpuint (row->n_statements, ==, 3);
  g_assert_cmpuint (row->n_articles, ==, 3);
}

/* "De Soto" alone is the surname of the library's one Ana de Soto. */
static void
test_particle_surname (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GPtrArray) rows = NULL;
  const ArxSpeakerRow *row;

  add (f, "Tolls", S ("Ana de Soto said the tolls would fall."), S ("Ana de Soto"));
  add (f, "Bridge", S ("De Soto said the bridge would reopen."), S ("De Soto"));
  rows = speakers (f);
  row = find_speaker (rows, "Ana de Soto");
  g_assert_nonnull (row);
  g_assert_cmpuint (row->n_statements, ==, 2);
  g_assert_null (find_speaker (rows, "De Soto"));
}

/* A description tied once to somebody of several articles is not listed as their alias; one
 * tied in two articles is. */
static void
test_description_aliases (Fixture       *f,
                          gconstpointer  data)
{
  const char *once[] = { "Ruth Okafor", "the 43-year-old", NULL };
  const char *twice[] = { "Ruth Okafor", "the harbour commissioner", NULL };
  const char *const *mentions[] = { once, twice, twice, NULL };
  g_autoptr(GPtrArray) rows = NULL;
  const ArxSpeakerRow *row;

  for (guint i = 0; mentions[i] != NULL; i++)
    {
      g_autoptr(ArxArticle) article = arx_article_new ();
      g_autoptr(ArxAnalysis) analysis = arx_analysis_new ();
      g_autofree char *title = g_strdup_printf ("Harbour %u", i);
      g_autofree char *text = g_strdup_printf ("Ruth Okafor said the harbour would open. %s "
                                               "was in Riverton on day %u.", mentions[i][1], i);
      g_autoptr(GError) error = NULL;

      arx_article_set_title (article, title);
      arx_article_add_paragraph (article, text, -1);
      add_entity_at (analysis, article, ARX_ENTITY_PERSON, "Ruth Okafor", mentions[i]);
      add_statement_at (analysis, article, ARX_STATEMENT_INDIRECT, "the harbour would open", 0,
                        "Ruth Okafor", NULL);
      arx_analysis_sort_statements (analysis);
      arx_analysis_number (analysis);
      g_assert_true (arx_library_add (f->library, article, analysis, NULL, NULL, &error));
      g_assert_no_error (error);
    }
  rows = speakers (f);
  row = find_speaker (rows, "Ruth Okafor");
  g_assert_nonnull (row);
  g_assert_cmpuint (row->n_articles, ==, 3);
  g_assert_true (g_ptr_array_find_with_equal_func (row->aliases, "the harbour commissioner",
                                                   g_str_equal, NULL));
  g_assert_false (g_ptr_array_find_with_equal_func (row->aliases, "the 43-year-old",
                                                    g_str_equal, NULL));
}

static guint
statements_of (Fixture *f,
               gint64   id)
{
  g_autoptr(GPtrArray) rows = speakers (f);

  for (guint i = 0; i < rows->len; i++)
    if (((ArxSpeakerRow *)g_ptr_array_index (rows, i))->id == id)
      return ((ArxSpeakerRow *)g_ptr_array_index (rows, i))->n_statements;
  return 0;
}

static void
test_merge_survives (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(ArxArticle) article = NULL;
  g_autoptr(ArxAnalysis) analysis = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  gint64 second, tom, thomas;

  add (f, "Ferry", S ("Tom Reyes said the ferry would run."), S ("Tom Reyes"));
  analysis = build (&article, "Ferry again", S ("Tomas Reyes said the ferry was late."),
                    S ("Tomas Reyes"), ARX_ENTITY_PERSON, ARX_SPEAKER_OTHER);
  g_assert_true (arx_library_add (f->library, article, analysis, &second, NULL, &error));
  g_assert_no_error (error);
  rows = speakers (f);
  tom = find_speaker (rows, "Tom Reyes")->id;
  thomas = find_speaker (rows, "Tomas Reyes")->id;
  g_assert_cmpint (tom, !=, thomas);

  g_assert_cmpint (arx_library_merge_speakers (f->library, thomas, tom, &error), >, 0);
  g_assert_no_error (error);
  g_assert_cmpuint (statements_of (f, tom), ==, 2);

  /* The merge holds when the article is analysed again... */
  g_assert_true (_arx_library_replace_analysis (f->library, second, article, analysis, "next", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (statements_of (f, tom), ==, 2);
  /* ...and when later articles make the library decide "Reyes" again. */
  add (f, "Reyes", S ("Reyes said the fares would not change."), S ("Reyes"));
  add (f, "Ana", S ("Ana Reyes said the fares would change."), S ("Ana Reyes"));
  g_assert_true (_arx_library_replace_analysis (f->library, second, article, analysis, "again", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (statements_of (f, tom), >=, 2);
  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = speakers (f);
  g_assert_null (find_speaker (rows, "Tomas Reyes"));
}

static void
reanalyze (Fixture     *f,
           gint64       id,
           ArxArticle  *article,
           ArxAnalysis *analysis)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (_arx_library_replace_analysis (f->library, id, article, analysis, "next", &error));
  g_assert_no_error (error);
}

static void
undo (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  arx_library_undo_correction (f->library, NULL, &error);
  g_assert_no_error (error);
}

/* Undoing a merge after the merged article was analysed again (its entities are new rows,
 * with new ids) gives the merged speaker its statements back, and they stay its own. */
static void
test_undo_merge_after_reanalysis (Fixture       *f,
                                  gconstpointer  data)
{
  g_autoptr(ArxArticle) article = NULL;
  g_autoptr(ArxAnalysis) analysis = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  gint64 second, carl, charles;

  add (f, "Ferry", S ("Carl Vance said the ferry would run."), S ("Carl Vance"));
  analysis = build (&article, "Dock", S ("Charles Vance said the dock was full."),
                    S ("Charles Vance"), ARX_ENTITY_PERSON, ARX_SPEAKER_OTHER);
  g_assert_true (arx_library_add (f->library, article, analysis, &second, NULL, &error));
  g_assert_no_error (error);
  rows = speakers (f);
  carl = find_speaker (rows, "Carl Vance")->id;
  charles = find_speaker (rows, "Charles Vance")->id;
  g_assert_cmpint (carl, !=, charles);
  /* Another article takes the next entity ids: the re-analysis gets other ones. */
  add (f, "Quay", S ("Nora Quill said the quay was full."), S ("Nora Quill"));
  g_assert_cmpint (arx_library_merge_speakers (f->library, charles, carl, &error), >, 0);
  g_assert_no_error (error);
  reanalyze (f, second, article, analysis);
  g_assert_cmpuint (statements_of (f, carl), ==, 2);

  undo (f);
  g_assert_cmpuint (statements_of (f, carl), ==, 1);
  g_assert_cmpuint (statements_of (f, charles), ==, 1);
  reanalyze (f, second, article, analysis);
  g_assert_cmpuint (statements_of (f, carl), ==, 1);
  g_assert_cmpuint (statements_of (f, charles), ==, 1);
}

/* The id of a merged speaker is free once the merge deleted it, and a speaker created since
 * may have it: the undo brings the merged one back under another. */
static void
test_undo_merge_id_taken (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  gint64 carl, charles;
  const ArxSpeakerRow *row;

  add (f, "Ferry", S ("Carl Vance said the ferry would run."), S ("Carl Vance"));
  add (f, "Dock", S ("Charles Vance said the dock was full."), S ("Charles Vance"));
  rows = speakers (f);
  carl = find_speaker (rows, "Carl Vance")->id;
  charles = find_speaker (rows, "Charles Vance")->id;
  g_assert_cmpint (arx_library_merge_speakers (f->library, charles, carl, &error), >, 0);
  g_assert_no_error (error);
  add (f, "Quay", S ("Nora Quill said the quay was full."), S ("Nora Quill"));

  undo (f);
  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = speakers (f);
  g_assert_cmpuint (find_speaker (rows, "Carl Vance")->n_statements, ==, 1);
  g_assert_cmpuint (find_speaker (rows, "Nora Quill")->n_statements, ==, 1);
  row = find_speaker (rows, "Charles Vance");
  g_assert_nonnull (row);
  g_assert_cmpuint (row->n_statements, ==, 1);
}

/* A merge pins the merged names of each article to the person merged into; splitting one
 * of them off and undoing the split puts that pin back, so the next re-analysis keeps the
 * merge even for a name that would not link there by itself. */
static void
test_undo_split_keeps_merge (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(ArxArticle) article = NULL;
  g_autoptr(ArxAnalysis) analysis = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  gint64 second, carl, master = 0;

  add (f, "Ferry", S ("Carl Vance said the ferry would run."), S ("Carl Vance"));
  analysis = build (&article, "Dock", S ("The harbour master said the dock was full."),
                    NOBODY, ARX_ENTITY_PERSON, ARX_SPEAKER_OTHER);
  g_assert_true (arx_library_add (f->library, article, analysis, &second, NULL, &error));
  g_assert_no_error (error);
  rows = speakers (f);
  carl = find_speaker (rows, "Carl Vance")->id;
  for (guint i = 0; i < rows->len; i++)
    if (((ArxSpeakerRow *)g_ptr_array_index (rows, i))->article_id == second)
      master = ((ArxSpeakerRow *)g_ptr_array_index (rows, i))->id;
  g_assert_cmpint (master, >, 0);

  /* The user knows the harbour master is Carl Vance. */
  g_assert_cmpint (arx_library_merge_speakers (f->library, master, carl, &error), >, 0);
  g_assert_no_error (error);
  g_assert_cmpuint (statements_of (f, carl), ==, 2);
  g_assert_cmpint (arx_library_split_speaker (f->library, second, "The harbour master", &error), >, 0);
  g_assert_no_error (error);
  g_assert_cmpuint (statements_of (f, carl), ==, 1);
  undo (f);
  g_assert_cmpuint (statements_of (f, carl), ==, 2);

  add (f, "Quay", S ("Nora Quill said the quay was full."), S ("Nora Quill"));
  reanalyze (f, second, article, analysis);
  g_assert_cmpuint (statements_of (f, carl), ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) g_test_add ("/arx/speakers/" name, Fixture, NULL, library_fixture_set_up, func, library_fixture_tear_down)
  ADD ("surname-links", test_surname_links);
  ADD ("groups", test_groups);
  ADD ("surname-redecided", test_surname_redecided);
  ADD ("two-famous-namesakes", test_two_famous_namesakes);
  ADD ("two-known", test_two_known);
  ADD ("given-name-forms", test_given_name_forms);
  ADD ("middle-initial-and-kind", test_middle_initial_and_kind);
  ADD ("merge-survives", test_merge_survives);
  ADD ("undo-merge-after-reanalysis", test_undo_merge_after_reanalysis);
  ADD ("undo-merge-id-taken", test_undo_merge_id_taken);
  ADD ("undo-split-keeps-merge", test_undo_split_keeps_merge);
  ADD ("kind-vote-by-word", test_kind_vote_by_word);
  ADD ("particle-surname", test_particle_surname);
  ADD ("accents", test_accents);
  ADD ("description-aliases", test_description_aliases);
#undef ADD

  return g_test_run ();
}
