/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>

#include "arx-library-private.h"
#include "store-fixtures.h"

typedef struct
{
  char        *dir;
  ArxLibrary  *library;
  gint64       id;
  ArxArticle  *article;
  ArxAnalysis *analysis;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  f->dir = g_dir_make_tmp ("arx-correct-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (f->dir, "library.db", NULL);
  f->library = arx_library_open (path, &error);
  g_assert_no_error (error);
  make_article ("Cyber talks", "Tom Bossert", &f->article, &f->analysis);
  g_assert_true (arx_library_add (f->library, f->article, f->analysis, &f->id, NULL, &error));
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GDir) dir = g_dir_open (f->dir, 0, NULL);
  const char *name;

  g_clear_object (&f->library);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (f->dir, name, NULL);

      g_remove (child);
    }
  g_rmdir (f->dir);
  g_free (f->dir);
  g_clear_object (&f->article);
  g_clear_pointer (&f->analysis, arx_analysis_unref);
}

static void
assert_fts_consistent (Fixture *f)
{
  g_autofree char *path = g_build_filename (f->dir, "library.db", NULL);
  g_autoptr(sqlite3) db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db,
                                 "INSERT INTO articles_fts (articles_fts) VALUES ('integrity-check');"
                                 "INSERT INTO statements_fts (statements_fts) VALUES ('integrity-check');",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  /* The check above does not compare with the content tables: every row must be indexed
   * (docsize holds one row per indexed document). */
  {
    g_autoptr(sqlite3_stmt) stmt = NULL;

    g_assert_cmpint (sqlite3_prepare_v2 (db,
                                         "SELECT (SELECT count(*) FROM statements) = (SELECT count(*) FROM statements_fts_docsize)"
                                         " AND (SELECT count(*) FROM articles) = (SELECT count(*) FROM articles_fts_docsize)",
                                         -1, &stmt, NULL), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 1);
  }
  assert_speaker_counts_live (path);
}

static ArxAnalysis *
load (Fixture *f,
      gint64   id)
{
  g_autoptr(GError) error = NULL;
  ArxAnalysis *analysis = NULL;

  g_assert_true (arx_library_load_article (f->library, id, NULL, &analysis, &error));
  g_assert_no_error (error);
  return analysis;
}

static const ArxStatement *
statement_at (ArxAnalysis *analysis,
              guint        start)
{
  for (guint i = 0; i < analysis->statements->len; i++)
    {
      const ArxStatement *statement = g_ptr_array_index (analysis->statements, i);

      if (statement->start == start)
        return statement;
    }
  return NULL;
}

static guint
count_by (ArxLibrary *library,
          const char *speaker)
{
  ArxStatementQuery query = { speaker, 0, -1, NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = arx_library_query_statements (library, &query, &error);

  g_assert_no_error (error);
  return rows->len;
}

/* A re-analysis that lost the first statement and found the others again. */
static void
reanalyze_without_first (Fixture *f,
                         gint64   id)
{
  g_autoptr(ArxArticle) article = NULL;
  g_autoptr(ArxAnalysis) analysis = NULL;
  g_autoptr(GError) error = NULL;

  make_article ("Cyber talks", "Tom Bossert", &article, &analysis);
  g_ptr_array_remove_index (analysis->statements, 0);
  g_assert_true (_arx_library_replace_analysis (f->library, id, article, analysis, "test-2", &error));
  g_assert_no_error (error);
}

static void
test_statement_corrections (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ArxAnalysis) a = NULL;
  const ArxStatement *s;
  guint fine = offset_of (f->article, "“it is fine”");
  guint fine_end = fine + strlen ("“it is fine”");
  guint trusted = offset_of (f->article, "“We have");
  guint trusted_end = trusted + strlen ("“We have a trusted relationship,”");
  guint disagreed = offset_of (f->article, "John Smith disagreed");
  guint talks = offset_of (f->article, "the talks");
  gint64 c1, c2, c3, c4;
  g_autofree char *what = NULL;
  g_autofree char *expected = NULL;

  g_assert_cmpuint (count_by (f->library, "John Smith"), ==, 0);

  /* Reassign Jane Smith's quote to John Smith. */
  c1 = arx_library_correct_speaker (f->library, f->id, fine, fine_end, "John Smith", &error);
  g_assert_no_error (error);
  g_assert_cmpint (c1, >, 0);
  a = load (f, f->id);
  s = statement_at (a, fine);
  g_assert_cmpstr (s->speaker_name, ==, "John Smith");
  g_assert_cmpint (s->speaker, ==, 3);
  g_assert_cmpuint (count_by (f->library, "John Smith"), ==, 1);
  g_assert_cmpuint (count_by (f->library, "Jane Smith"), ==, 0);
  g_clear_pointer (&a, arx_analysis_unref);

  /* The first quote is not a statement; a new one is added with a speaker nobody knew. */
  c2 = arx_library_correct_not_statement (f->library, f->id, trusted, trusted_end, &error);
  g_assert_no_error (error);
  c3 = arx_library_correct_add_statement (f->library, f->id, disagreed, disagreed + strlen ("John Smith disagreed"),
                                          ARX_STATEMENT_INDIRECT, "Mary Major", &error);
  g_assert_no_error (error);
  g_assert_cmpint (c3, >, c2);
  a = load (f, f->id);
  g_assert_cmpuint (a->statements->len, ==, 3);
  g_assert_null (statement_at (a, trusted));
  s = statement_at (a, disagreed);
  g_assert_cmpstr (s->speaker_name, ==, "Mary Major");
  g_assert_cmpint (s->kind, ==, ARX_STATEMENT_INDIRECT);
  g_assert_cmpstr (((ArxEntity *)g_ptr_array_index (a->entities, s->speaker))->name, ==, "Mary Major");
  g_assert_cmpuint (count_by (f->library, "Mary Major"), ==, 1);
  g_clear_pointer (&a, arx_analysis_unref);

  /* Bad input is refused, nothing recorded. */
  g_assert_cmpint (arx_library_correct_speaker (f->library, f->id, 3, 5, "X Y", &error), ==, 0);
  g_assert_error (error, ARX_ERROR, ARX_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpint (arx_library_correct_not_statement (f->library, f->id + 5, 1, 2, &error), ==, 0);
  g_assert_error (error, ARX_ERROR, ARX_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpint (arx_library_correct_add_statement (f->library, f->id, 5, 1000000, 0, NULL, &error), ==, 0);
  g_assert_error (error, ARX_ERROR, ARX_ERROR_FAILED);
  g_clear_error (&error);
  /* Inside the three bytes of “. */
  g_assert_cmpint (arx_library_correct_add_statement (f->library, f->id, trusted + 1, trusted + 8, 0, NULL, &error), ==, 0);
  g_assert_error (error, ARX_ERROR, ARX_ERROR_FAILED);
  g_clear_error (&error);

  /* A re-analysis loses the first statement and the reassignment target's entity rows are
   * new: every correction still holds. */
  reanalyze_without_first (f, f->id);
  a = load (f, f->id);
  g_assert_cmpuint (a->statements->len, ==, 3);
  g_assert_cmpstr (statement_at (a, fine)->speaker_name, ==, "John Smith");
  g_assert_cmpstr (statement_at (a, disagreed)->speaker_name, ==, "Mary Major");
  g_assert_nonnull (statement_at (a, talks));
  g_clear_pointer (&a, arx_analysis_unref);

  /* A reassigned statement the re-analysis no longer finds comes back as the user's. */
  c4 = arx_library_correct_speaker (f->library, f->id, talks, talks + strlen ("the talks with Reuters would continue"),
                                    "Reuters", &error);
  g_assert_no_error (error);
  g_assert_cmpint (c4, >, c3);
  {
    /* This time the analyzer finds nothing at all. */
    g_autoptr(ArxAnalysis) empty = arx_analysis_new ();

    g_assert_true (_arx_library_replace_analysis (f->library, f->id, f->article, empty, "test-3", &error));
    g_assert_no_error (error);
  }
  a = load (f, f->id);
  g_assert_cmpuint (a->statements->len, ==, 3);
  g_assert_cmpstr (statement_at (a, talks)->speaker_name, ==, "Reuters");
  g_assert_cmpint (statement_at (a, talks)->kind, ==, ARX_STATEMENT_INDIRECT);
  g_assert_cmpstr (statement_at (a, fine)->speaker_name, ==, "John Smith");
  g_clear_pointer (&a, arx_analysis_unref);

  /* The history says in words what each correction did, newest first. */
  {
    g_autoptr(GPtrArray) rows = arx_library_list_corrections (f->library, &error);
    g_autofree char *c2_words = g_strdup_printf ("%u–%u marked as not a statement", trusted,
                                                 trusted_end);
    g_autofree char *c3_words = g_strdup_printf ("statement %u–%zu added, said by Mary Major",
                                                 disagreed, disagreed + strlen ("John Smith disagreed"));

    g_assert_no_error (error);
    g_assert_cmpuint (rows->len, ==, 4);
    g_assert_cmpstr (((ArxCorrectionRow *)g_ptr_array_index (rows, 1))->kind, ==, "add-statement");
    g_assert_cmpstr (((ArxCorrectionRow *)g_ptr_array_index (rows, 1))->description, ==, c3_words);
    g_assert_cmpstr (((ArxCorrectionRow *)g_ptr_array_index (rows, 2))->description, ==, c2_words);
  }

  /* Undo goes back one correction at a time. */
  g_assert_true (arx_library_undo_correction (f->library, &what, &error));
  g_assert_no_error (error);
  expected = g_strdup_printf ("speaker of %u–%zu set to Reuters", talks,
                              talks + strlen ("the talks with Reuters would continue"));
  g_assert_cmpstr (what, ==, expected);
  a = load (f, f->id);
  g_assert_null (statement_at (a, talks));
  g_clear_pointer (&a, arx_analysis_unref);
  g_assert_true (arx_library_undo_correction (f->library, NULL, &error));
  g_assert_true (arx_library_undo_correction (f->library, NULL, &error));
  g_assert_no_error (error);
  a = load (f, f->id);
  g_assert_cmpuint (a->statements->len, ==, 1);
  g_assert_cmpstr (statement_at (a, fine)->speaker_name, ==, "John Smith");
  g_clear_pointer (&a, arx_analysis_unref);
  g_assert_true (arx_library_undo_correction (f->library, NULL, &error));
  a = load (f, f->id);
  g_assert_cmpuint (a->statements->len, ==, 0);
  g_clear_pointer (&a, arx_analysis_unref);
  g_assert_false (arx_library_undo_correction (f->library, NULL, &error));
  g_assert_error (error, ARX_ERROR, ARX_ERROR_NOT_FOUND);
  assert_fts_consistent (f);
}

static gint64
speaker_id (ArxLibrary *library,
            const char *name)
{
  g_autoptr(GPtrArray) rows = arx_library_list_speakers (library, NULL, NULL);

  for (guint i = 0; i < rows->len; i++)
    {
      ArxSpeakerRow *row = g_ptr_array_index (rows, i);

      if (g_strcmp0 (row->name, name) == 0)
        return row->id;
    }
  return 0;
}

static void
test_rename (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ArxAnalysis) a = NULL;
  gint64 tom = speaker_id (f->library, "Tom Bossert");

  g_assert_cmpint (arx_library_rename_speaker (f->library, tom, "Thomas P. Bossert", &error), >, 0);
  g_assert_no_error (error);
  g_assert_cmpint (speaker_id (f->library, "Thomas P. Bossert"), ==, tom);
  g_assert_cmpuint (count_by (f->library, "Thomas P. Bossert"), ==, 2);
  a = load (f, f->id);
  g_assert_cmpstr (((ArxStatement *)g_ptr_array_index (a->statements, 0))->speaker_name, ==, "Thomas P. Bossert");
  g_assert_cmpstr (((ArxEntity *)g_ptr_array_index (a->entities, 0))->name, ==, "Thomas P. Bossert");

  g_assert_cmpint (arx_library_rename_speaker (f->library, tom + 100, "X", &error), ==, 0);
  g_assert_error (error, ARX_ERROR, ARX_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_true (arx_library_undo_correction (f->library, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (speaker_id (f->library, "Tom Bossert"), ==, tom);
}

static void
test_merge_split (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(ArxArticle) article = NULL;
  g_autoptr(ArxAnalysis) analysis = NULL;
  g_autoptr(GError) error = NULL;
  gint64 other_id, tom, thomas;

  make_article ("Other talks", "Tomas Bossert", &article, &analysis);
  g_assert_true (arx_library_add (f->library, article, analysis, &other_id, NULL, &error));
  g_assert_no_error (error);
  tom = speaker_id (f->library, "Tom Bossert");
  thomas = speaker_id (f->library, "Tomas Bossert");
  g_assert_cmpint (tom, !=, thomas);
  g_assert_cmpuint (count_by (f->library, "Tom Bossert"), ==, 2);

  g_assert_cmpint (arx_library_merge_speakers (f->library, thomas, tom, &error), >, 0);
  g_assert_no_error (error);
  g_assert_cmpint (speaker_id (f->library, "Tomas Bossert"), ==, 0);
  g_assert_cmpuint (count_by (f->library, "Tom Bossert"), ==, 4);
  g_assert_cmpuint (count_by (f->library, "Tomas Bossert"), ==, 4);
  assert_fts_consistent (f);

  /* Re-analysing the merged article keeps it merged. */
  g_assert_true (_arx_library_replace_analysis (f->library, other_id, article, analysis, "test-2", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_by (f->library, "Tom Bossert"), ==, 4);

  /* Split it off again in that one article. */
  g_assert_cmpint (arx_library_split_speaker (f->library, other_id, "Tomas Bossert", &error), >, 0);
  g_assert_no_error (error);
  g_assert_cmpuint (count_by (f->library, "Tom Bossert"), ==, 2);
  assert_fts_consistent (f);
  g_assert_true (_arx_library_replace_analysis (f->library, other_id, article, analysis, "test-3", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_by (f->library, "Tom Bossert"), ==, 2);
  g_assert_cmpint (speaker_id (f->library, "Tomas Bossert"), >, 0);

  /* Undo the split, then the merge. */
  g_assert_true (arx_library_undo_correction (f->library, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_by (f->library, "Tom Bossert"), ==, 4);
  g_assert_true (arx_library_undo_correction (f->library, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (speaker_id (f->library, "Tomas Bossert"), ==, thomas);
  g_assert_cmpuint (count_by (f->library, "Tom Bossert"), ==, 2);
  g_assert_cmpuint (count_by (f->library, "Tomas Bossert"), ==, 2);

  g_assert_cmpint (arx_library_merge_speakers (f->library, tom, tom, &error), ==, 0);
  g_assert_error (error, ARX_ERROR, ARX_ERROR_FAILED);
  assert_fts_consistent (f);
}

/* How many articles gave @person_id the name form @key (0: not its form). */
static gint64
form_count (Fixture    *f,
            gint64      person_id,
            const char *key)
{
  g_autofree char *path = g_build_filename (f->dir, "library.db", NULL);
  g_autoptr(sqlite3) db = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db,
                                       "SELECT COALESCE((SELECT n FROM people_aliases"
                                       " WHERE person_id = ?1 AND alias_key = ?2), 0)",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_int64 (stmt, 1, person_id);
  sqlite3_bind_text (stmt, 2, key, -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return sqlite3_column_int64 (stmt, 0);
}

static gboolean
goes_by (ArxLibrary *library,
         gint64      id,
         const char *alias)
{
  g_autoptr(GPtrArray) rows = arx_library_list_speakers (library, NULL, NULL);

  for (guint i = 0; i < rows->len; i++)
    {
      ArxSpeakerRow *row = g_ptr_array_index (rows, i);

      if (row->id == id)
        return g_ptr_array_find_with_equal_func (row->aliases, alias, g_str_equal, NULL);
    }
  return FALSE;
}

static void
reanalyze_same (Fixture     *f,
                gint64       id,
                ArxArticle  *article,
                ArxAnalysis *analysis)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (_arx_library_replace_analysis (f->library, id, article, analysis, "test-n", &error));
  g_assert_no_error (error);
}

/* The name forms each speaker is counted under follow merges, splits, undo, a speaker
 * correction and re-analysis: the Speakers page's names and aliases come from them. */
static void
test_name_counts (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(ArxArticle) article = NULL;
  g_autoptr(ArxAnalysis) analysis = NULL;
  g_autoptr(GError) error = NULL;
  guint disagreed = offset_of (f->article, "John Smith disagreed");
  gint64 other_id, tom, thomas, split;

  make_article ("Other talks", "Tomas Bossert", &article, &analysis);
  g_assert_true (arx_library_add (f->library, article, analysis, &other_id, NULL, &error));
  g_assert_no_error (error);
  tom = speaker_id (f->library, "Tom Bossert");
  thomas = speaker_id (f->library, "Tomas Bossert");
  g_assert_cmpint (form_count (f, tom, "tom bossert"), ==, 1);
  g_assert_cmpint (form_count (f, thomas, "tomas bossert"), ==, 1);

  /* Re-analysing an article or correcting a speaker in it counts its names once, not again. */
  reanalyze_same (f, f->id, f->article, f->analysis);
  reanalyze_same (f, f->id, f->article, f->analysis);
  g_assert_cmpint (arx_library_correct_speaker (f->library, f->id, disagreed,
                                                disagreed + strlen ("John Smith disagreed"),
                                                "John Smith", &error), ==, 0);
  g_clear_error (&error);
  g_assert_cmpint (arx_library_correct_add_statement (f->library, f->id, disagreed,
                                                      disagreed + strlen ("John Smith disagreed"),
                                                      ARX_STATEMENT_INDIRECT, "Jane Smith", &error), >, 0);
  g_assert_no_error (error);
  g_assert_cmpint (form_count (f, tom, "tom bossert"), ==, 1);
  g_assert_cmpint (form_count (f, speaker_id (f->library, "Jane Smith"), "jane smith"), ==, 2);

  /* Merged: the forms of both, each counted once; the name merged into stays. */
  g_assert_cmpint (arx_library_merge_speakers (f->library, thomas, tom, &error), >, 0);
  g_assert_no_error (error);
  g_assert_cmpint (form_count (f, tom, "tom bossert"), ==, 1);
  g_assert_cmpint (form_count (f, tom, "tomas bossert"), ==, 1);
  g_assert_cmpint (speaker_id (f->library, "Tom Bossert"), ==, tom);
  g_assert_true (goes_by (f->library, tom, "Tomas Bossert"));
  reanalyze_same (f, other_id, article, analysis);
  reanalyze_same (f, f->id, f->article, f->analysis);
  g_assert_cmpint (form_count (f, tom, "tomas bossert"), ==, 1);
  g_assert_cmpint (form_count (f, tom, "tom bossert"), ==, 1);

  /* Split off again: the form is the new speaker's, Tom Bossert no longer goes by it. */
  g_assert_cmpint (arx_library_split_speaker (f->library, other_id, "Tomas Bossert", &error), >, 0);
  g_assert_no_error (error);
  split = speaker_id (f->library, "Tomas Bossert");
  g_assert_cmpint (split, >, 0);
  g_assert_cmpint (form_count (f, tom, "tomas bossert"), ==, 0);
  g_assert_cmpint (form_count (f, split, "tomas bossert"), ==, 1);
  reanalyze_same (f, other_id, article, analysis);
  g_assert_cmpint (form_count (f, split, "tomas bossert"), ==, 1);
  g_assert_cmpint (form_count (f, tom, "tomas bossert"), ==, 0);
  g_assert_cmpint (speaker_id (f->library, "Tom Bossert"), ==, tom);
  g_assert_false (goes_by (f->library, tom, "Tomas Bossert"));

  /* Undone: back to the merge's counts. */
  g_assert_true (arx_library_undo_correction (f->library, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (form_count (f, tom, "tomas bossert"), ==, 1);
  g_assert_cmpint (form_count (f, tom, "tom bossert"), ==, 1);

  /* A merge undone before any re-analysis gives each their own counts back. */
  g_assert_cmpint (arx_library_merge_speakers (f->library, speaker_id (f->library, "Jane Smith"),
                                               speaker_id (f->library, "John Smith"), &error), >, 0);
  g_assert_no_error (error);
  g_assert_cmpint (form_count (f, speaker_id (f->library, "John Smith"), "jane smith"), ==, 2);
  g_assert_true (arx_library_undo_correction (f->library, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (form_count (f, speaker_id (f->library, "John Smith"), "jane smith"), ==, 0);
  g_assert_cmpint (form_count (f, speaker_id (f->library, "Jane Smith"), "jane smith"), ==, 2);
  g_assert_cmpint (form_count (f, speaker_id (f->library, "John Smith"), "john smith"), ==, 2);
  assert_fts_consistent (f);
}

static void
test_reanalyze (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(ArxAnalysis) a = NULL;
  guint disagreed = offset_of (f->article, "John Smith disagreed");
  g_autoptr(GPtrArray) corrections = NULL;

  g_assert_cmpint (arx_library_correct_add_statement (f->library, f->id, disagreed,
                                                      disagreed + strlen ("John Smith disagreed"),
                                                      ARX_STATEMENT_INDIRECT, "John Smith", &error), >, 0);
  g_assert_no_error (error);
  /* Same analyzer version: nothing to do unless forced. */
  g_assert_cmpint (arx_library_reanalyze (f->library, FALSE, &error), ==, 0);
  g_assert_no_error (error);
  g_assert_cmpint (arx_library_reanalyze (f->library, TRUE, &error), ==, 1);
  g_assert_no_error (error);
  /* Whatever the analyzer found, the user's statement is there with the user's speaker. */
  a = load (f, f->id);
  g_assert_cmpstr (statement_at (a, disagreed)->speaker_name, ==, "John Smith");
  corrections = arx_library_list_corrections (f->library, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (corrections->len, ==, 1);
  g_assert_cmpstr (((ArxCorrectionRow *)g_ptr_array_index (corrections, 0))->kind, ==, "add-statement");
  assert_fts_consistent (f);
}

typedef struct
{
  guint         calls;
  guint         last_done;
  GCancellable *cancel_at_3;
} Progress;

static void
on_progress (guint    done,
             guint    total,
             gpointer user_data)
{
  Progress *p = user_data;

  g_assert_cmpuint (done, ==, p->last_done + 1);
  g_assert_cmpuint (done, <=, total);
  p->last_done = done;
  p->calls++;
  if (done == 3 && p->cancel_at_3 != NULL)
    g_cancellable_cancel (p->cancel_at_3);
}

static void
test_reanalyze_progress (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  Progress progress = { 0, 0, NULL };
  char title[32];
  int n;

  for (guint i = 0; i < 11; i++)
    {
      g_autoptr(ArxArticle) article = NULL;
      g_autoptr(ArxAnalysis) analysis = NULL;

      g_snprintf (title, sizeof title, "Copy %u", i);
      make_article (title, "Tom Bossert", &article, &analysis);
      g_assert_true (arx_library_add (f->library, article, analysis, NULL, NULL, &error));
    }
  n = arx_library_reanalyze_full (f->library, TRUE, NULL, on_progress, &progress, &error);
  g_assert_no_error (error);
  g_assert_cmpint (n, ==, 12);
  g_assert_cmpuint (progress.calls, ==, 12);

  /* Cancelled after the third: stops between articles, the rest stays as it was. */
  progress = (Progress) { 0, 0, cancellable };
  n = arx_library_reanalyze_full (f->library, TRUE, cancellable, on_progress, &progress, &error);
  g_assert_cmpint (n, ==, -1);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (progress.calls, >=, 3);
  g_assert_cmpuint (progress.calls, <, 12);
  assert_fts_consistent (f);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) g_test_add ("/arx/corrections/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("statements", test_statement_corrections);
  ADD ("rename", test_rename);
  ADD ("merge-split", test_merge_split);
  ADD ("name-counts", test_name_counts);
  ADD ("reanalyze", test_reanalyze);
  ADD ("reanalyze-progress", test_reanalyze_progress);
#undef ADD

  return g_test_run ();
}
