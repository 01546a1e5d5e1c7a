/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "arx-library-private.h"
#include "store-fixtures.h"

typedef LibraryFixture Fixture;

static gint64
add_article (ArxLibrary *library,
             const char *title,
             const char *person)
{
  g_autoptr(ArxArticle) article = NULL;
  g_autoptr(ArxAnalysis) analysis = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = 0;
  gboolean duplicate = TRUE;

  make_article (title, person, &article, &analysis);
  g_assert_true (arx_library_add (library, article, analysis, &id, &duplicate, &error));
  g_assert_no_error (error);
  g_assert_false (duplicate);
  g_assert_cmpint (id, >, 0);
  return id;
}

static char *
run_sql_text (const char *path,
              const char *sql)
{
  g_autoptr(sqlite3) db = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return g_strdup ((const char *)sqlite3_column_text (stmt, 0));
}

/* FTS5's own check that the external-content indexes match their tables. */
static void
assert_fts_consistent (const char *path)
{
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
}

static void
test_open_creates (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *nested = g_build_filename (f->dir, "a", "b", "library.db", NULL);
  g_autoptr(ArxLibrary) library = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *mode = NULL;
  g_autofree char *check = NULL;
  g_autofree char *version = NULL;

  library = arx_library_open (nested, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_test (nested, G_FILE_TEST_IS_REGULAR));
  g_clear_object (&library);

  mode = run_sql_text (f->path, "PRAGMA journal_mode");
  g_assert_cmpstr (mode, ==, "wal");
  check = run_sql_text (f->path, "PRAGMA integrity_check");
  g_assert_cmpstr (check, ==, "ok");
  version = run_sql_text (f->path, "PRAGMA user_version");
  g_assert_cmpint (atoi (version), ==, arx_library_get_schema_version ());

  g_remove (nested);
  {
    g_autofree char *b = g_path_get_dirname (nested);
    g_autofree char *a = g_path_get_dirname (b);
    g_autofree char *wal = g_strconcat (nested, "-wal", NULL);
    g_autofree char *shm = g_strconcat (nested, "-shm", NULL);

    g_remove (wal);
    g_remove (shm);
    g_rmdir (b);
    g_rmdir (a);
  }
}

static void
test_default_path (void)
{
  g_autofree char *path = NULL;

  g_setenv ("ARX_LIBRARY", "/tmp/elsewhere.db", TRUE);
  path = arx_library_default_path ();
  g_assert_cmpstr (path, ==, "/tmp/elsewhere.db");
  g_free (path);
  g_unsetenv ("ARX_LIBRARY");
  path = arx_library_default_path ();
  g_assert_true (g_str_has_suffix (path, "/article-explorer/library.db"));
}

static void
test_add_duplicate (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(ArxArticle) article = NULL;
  g_autoptr(ArxAnalysis) analysis = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  gint64 first, again = 0;
  gboolean duplicate = FALSE;
  const ArxArticleRow *row;

  first = add_article (f->library, "Cyber talks", "Tom Bossert");
  make_article ("Cyber talks", "Tom Bossert", &article, &analysis);
  g_assert_true (arx_library_add (f->library, article, analysis, &again, &duplicate, &error));
  g_assert_no_error (error);
  g_assert_true (duplicate);
  g_assert_cmpint (again, ==, first);
  add_article (f->library, "Cyber talks, day two", "Tom Bossert");

  rows = arx_library_list_articles (f->library, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 2);
  row = g_ptr_array_index (rows, 0);
  g_assert_cmpint (row->id, ==, first);
  g_assert_cmpstr (row->title, ==, "Cyber talks");
  g_assert_cmpstr (row->site, ==, "example.org");
  g_assert_cmpstr (row->published, ==, "2017-07-21");
  g_assert_cmpstr (row->format, ==, "text");
  g_assert_cmpuint (row->n_statements, ==, 3);
}

static void
test_round_trip (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(ArxArticle) article = NULL;
  g_autoptr(ArxAnalysis) analysis = NULL;
  g_autoptr(ArxArticle) loaded = NULL;
  g_autoptr(ArxAnalysis) loaded_analysis = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;
  g_autofree char *loaded_json = NULL;
  gint64 id;

  make_article ("Round trip", "Tom Bossert", &article, &analysis);
  /* A speaker named without an entity. */
  {
    ArxStatement *statement = add_statement_at (analysis, article, ARX_STATEMENT_INDIRECT,
                                                "John Smith disagreed", -1, NULL, NULL);

    arx_statement_set_speaker (statement, -1, "Mr. Smith");
    /* kinds that no entity gives: the stored ones come back */
    statement->speaker_kind = ARX_SPEAKER_GROUP;
    arx_article_set_kind (article, "forum");
    arx_analysis_sort_statements (analysis);
    arx_analysis_number (analysis);
  }
  g_assert_true (arx_library_add (f->library, article, analysis, &id, NULL, &error));
  g_assert_no_error (error);

  g_assert_true (arx_library_load_article (f->library, id, &loaded, &loaded_analysis, &error));
  g_assert_no_error (error);
  /* The public JSON covers every field of article, entities and statements. */
  json = arx_analysis_to_json (analysis, article, TRUE);
  loaded_json = arx_analysis_to_json (loaded_analysis, loaded, TRUE);
  g_assert_cmpstr (loaded_json, ==, json);

  /* ... and it is a library speaker all the same. */
  {
    ArxStatementQuery query = { "Mr. Smith", 0, -1, NULL, 0 };
    g_autoptr(GPtrArray) rows = arx_library_query_statements (f->library, &query, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (rows->len, ==, 1);
    g_assert_cmpstr (((ArxStatementRow *)g_ptr_array_index (rows, 0))->speaker, ==, "Mr. Smith");
  }

  g_assert_false (arx_library_load_article (f->library, id + 100, NULL, NULL, &error));
  g_assert_error (error, ARX_ERROR, ARX_ERROR_NOT_FOUND);
}

static void
test_bad_span (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(ArxArticle) article = NULL;
  g_autoptr(ArxAnalysis) analysis = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;

  make_article ("Bad span", "Tom Bossert", &article, &analysis);
  arx_analysis_add_statement (analysis, ARX_STATEMENT_DIRECT, 10, 100000);
  g_assert_false (arx_library_add (f->library, article, analysis, NULL, NULL, &error));
  g_assert_error (error, ARX_ERROR, ARX_ERROR_FAILED);
  /* Nothing of the failed article was kept. */
  rows = arx_library_list_articles (f->library, NULL);
  g_assert_cmpuint (rows->len, ==, 0);
}

static guint
count_statements (ArxLibrary  *library,
                  const char  *speaker,
                  gint64       article_id,
                  int          kind,
                  const char  *text_query)
{
  ArxStatementQuery query = { speaker, article_id, kind, text_query };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = arx_library_query_statements (library, &query, &error);

  g_assert_no_error (error);
  return rows->len;
}

static void
test_query_statements (Fixture       *f,
                       gconstpointer  data)
{
  gint64 a = add_article (f->library, "One", "Tom Bossert");
  gint64 b = add_article (f->library, "Two", "Tom Bossert");
  ArxStatementQuery query = { "Bossert", 0, -1, NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  const ArxStatementRow *row;

  add_article (f->library, "Three", "Anna Keller");
  g_assert_cmpuint (count_statements (f->library, NULL, 0, -1, NULL), ==, 9);
  g_assert_cmpuint (count_statements (f->library, "Bossert", 0, -1, NULL), ==, 4);
  g_assert_cmpuint (count_statements (f->library, "tom bossert", 0, -1, NULL), ==, 4);
  g_assert_cmpuint (count_statements (f->library, "Bossert", a, -1, NULL), ==, 2);
  g_assert_cmpuint (count_statements (f->library, NULL, b, ARX_STATEMENT_DIRECT, NULL), ==, 1);
  g_assert_cmpuint (count_statements (f->library, "Jane Smith", 0, -1, NULL), ==, 3);
  g_assert_cmpuint (count_statements (f->library, "Nobody Atall", 0, -1, NULL), ==, 0);
  g_assert_cmpuint (count_statements (f->library, NULL, 0, -1, "trusted"), ==, 3);
  g_assert_cmpuint (count_statements (f->library, NULL, 0, -1, "keller"), ==, 2);
  g_assert_cmpuint (count_statements (f->library, NULL, 0, -1, "trusted relationship"), ==, 3);
  g_assert_cmpuint (count_statements (f->library, "Keller", 0, -1, "talks"), ==, 1);

  rows = arx_library_query_statements (f->library, &query, &error);
  g_assert_no_error (error);
  row = g_ptr_array_index (rows, 0);
  g_assert_cmpint (row->article_id, ==, a);
  g_assert_cmpstr (row->article_title, ==, "One");
  g_assert_cmpstr (row->speaker, ==, "Tom Bossert");
  g_assert_cmpstr (row->text, ==, "“We have a trusted relationship,”");
  g_assert_cmpstr (row->cue, ==, "said");
  g_assert_cmpint (row->kind, ==, ARX_STATEMENT_DIRECT);
  g_assert_cmpfloat (row->confidence, ==, 0.75);
}

/* A limit over several matching people gives the first rows of the full, ordered list. */
static void
test_query_limit (Fixture       *f,
                  gconstpointer  data)
{
  ArxStatementQuery all = { "Bossert", 0, -1, NULL, 0 };
  ArxStatementQuery page = { "Bossert", 0, -1, NULL, 3 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) full = NULL;
  g_autoptr(GPtrArray) first = NULL;

  add_article (f->library, "One", "Tom Bossert");
  add_article (f->library, "Two", "Thomas Bossert");
  add_article (f->library, "Three", "Tom Bossert");
  full = arx_library_query_statements (f->library, &all, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (full->len, ==, 6);
  first = arx_library_query_statements (f->library, &page, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (first->len, ==, 3);
  for (guint i = 0; i < first->len; i++)
    g_assert_cmpint (((ArxStatementRow *)g_ptr_array_index (first, i))->statement_id, ==,
                     ((ArxStatementRow *)g_ptr_array_index (full, i))->statement_id);
  g_assert_cmpstr (((ArxStatementRow *)g_ptr_array_index (first, 2))->speaker, ==, "Thomas Bossert");
  assert_fts_consistent (f->path);
  assert_speaker_counts_live (f->path);
}

static void
test_fts_errors (Fixture       *f,
                 gconstpointer  data)
{
  const char *bad[] = { "\"unterminated", "AND", "nosuchcolumn: word", "(", "a NEAR(", "*", NULL };

  add_article (f->library, "One", "Tom Bossert");
  for (guint i = 0; bad[i] != NULL; i++)
    {
      ArxStatementQuery query = { NULL, 0, -1, bad[i] };
      g_autoptr(GError) error = NULL;
      g_autoptr(GError) error2 = NULL;
      g_autoptr(GPtrArray) rows = arx_library_query_statements (f->library, &query, &error);
      g_autoptr(GPtrArray) hits = arx_library_search (f->library, bad[i], 10, &error2);

      g_assert_null (rows);
      g_assert_error (error, ARX_ERROR, ARX_ERROR_INVALID_QUERY);
      g_assert_null (hits);
      g_assert_error (error2, ARX_ERROR, ARX_ERROR_INVALID_QUERY);
    }
  /* Free text made safe: each bad query above, as plain words, is no error. */
  for (guint i = 0; bad[i] != NULL; i++)
    {
      g_autofree char *plain = arx_library_plain_query (bad[i]);
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) hits = arx_library_search (f->library, plain, 10, &error);

      g_assert_no_error (error);
      g_assert_nonnull (hits);
    }
  {
    g_autofree char *plain = arx_library_plain_query (" O'Neill  said \"trust* ");
    g_autoptr(GError) error = NULL;
    g_autoptr(GPtrArray) hits = NULL;

    g_assert_cmpstr (plain, ==, "\"O'Neill\" \"said\" \"\"\"trust\"*");
    g_free (plain);
    plain = arx_library_plain_query ("relation* BOSSERT");
    hits = arx_library_search (f->library, plain, 10, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (hits->len, ==, 1);
  }

  /* The library still works after the errors. */
  g_assert_cmpuint (count_statements (f->library, NULL, 0, -1, "trusted"), ==, 1);
}

static void
test_search (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) hits = NULL;
  const ArxSearchHit *hit;
  const ArxSpan *span;
  gint64 a;

  a = add_article (f->library, "Cyber norms", "Tom Bossert");
  add_article (f->library, "Budget", "Anna Keller");
  hits = arx_library_search (f->library, "bossert", 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, ==, 1);
  hit = g_ptr_array_index (hits, 0);
  g_assert_cmpint (hit->article_id, ==, a);
  g_assert_cmpstr (hit->title, ==, "Cyber norms");
  g_assert_cmpuint (hit->highlights->len, >=, 1);
  span = &g_array_index (hit->highlights, ArxSpan, 0);
  g_assert_cmpint (g_ascii_strncasecmp (hit->snippet + span->start, "Bossert", span->end - span->start), ==, 0);
  g_assert_null (strchr (hit->snippet, '\x02'));
  g_clear_pointer (&hits, g_ptr_array_unref);

  hits = arx_library_search (f->library, "trusted relationship", 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, ==, 2);
  g_clear_pointer (&hits, g_ptr_array_unref);
  hits = arx_library_search (f->library, "title:budget", 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, ==, 1);
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
test_speakers_merge_guard (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  ArxSpeakerRow *top;

  add_article (f->library, "One", "Tom Bossert");
  add_article (f->library, "Two", "Tom Bossert");
  add_article (f->library, "Three", "Paul Smith");

  rows = arx_library_list_speakers (f->library, NULL, &error);
  g_assert_no_error (error);
  /* Tom Bossert is one speaker across both articles. */
  top = g_ptr_array_index (rows, 0);
  g_assert_cmpstr (top->name, ==, "Tom Bossert");
  g_assert_cmpuint (top->n_articles, ==, 2);
  g_assert_cmpuint (top->n_statements, ==, 4);
  g_assert_true (g_ptr_array_find_with_equal_func (top->aliases, "Bossert", g_str_equal, NULL));

  /* Jane, John and Paul Smith stay three people; none of them absorbed another. */
  g_assert_cmpint (speaker_id (f->library, "Jane Smith"), >, 0);
  g_assert_cmpint (speaker_id (f->library, "John Smith"), >, 0);
  g_assert_cmpint (speaker_id (f->library, "Paul Smith"), >, 0);
  g_assert_cmpint (speaker_id (f->library, "Jane Smith"), !=, speaker_id (f->library, "John Smith"));
  g_assert_cmpuint (count_statements (f->library, "Paul Smith", 0, -1, NULL), ==, 2);
  g_assert_cmpuint (count_statements (f->library, "Jane Smith", 0, -1, NULL), ==, 3);
  /* Reuters, an organisation, is one speaker too; the White House (a place) is none. */
  g_assert_cmpint (speaker_id (f->library, "Reuters"), >, 0);
  g_assert_cmpint (speaker_id (f->library, "White House"), ==, 0);
}

static void
test_surname_only (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(ArxArticle) article = arx_article_new ();
  g_autoptr(ArxAnalysis) analysis = arx_analysis_new ();
  g_autoptr(GError) error = NULL;
  const char *m[] = { "Smith", NULL };
  gint64 smith;

  add_article (f->library, "One", "Tom Bossert");   /* brings Jane and John Smith */
  arx_article_add_paragraph (article, "Smith said “no” and Bossert agreed.", -1);
  add_entity_at (analysis, article, ARX_ENTITY_PERSON, "Smith", m);
  add_entity_at (analysis, article, ARX_ENTITY_PERSON, "Bossert", (const char *[]){ "Bossert", NULL });
  add_statement_at (analysis, article, ARX_STATEMENT_DIRECT, "“no”", 0, "Smith", "said");
  add_statement_at (analysis, article, ARX_STATEMENT_INDIRECT, "agreed", 1, "Bossert", NULL);
  arx_analysis_number (analysis);
  g_assert_true (arx_library_add (f->library, article, analysis, NULL, NULL, &error));
  g_assert_no_error (error);

  /* "Smith" is ambiguous between Jane and John: a speaker of its own. "Bossert" is not. */
  smith = speaker_id (f->library, "Smith");
  g_assert_cmpint (smith, >, 0);
  g_assert_cmpuint (count_statements (f->library, "Jane Smith", 0, -1, NULL), ==, 1);
  g_assert_cmpuint (count_statements (f->library, "Tom Bossert", 0, -1, NULL), ==, 3);
  g_assert_cmpint (speaker_id (f->library, "Bossert"), ==, 0);
}

static void
assert_refused (const char *path,
                int         code)
{
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gsize before_len, after_len;
  g_autoptr(GError) error = NULL;
  g_autoptr(ArxLibrary) library = NULL;

  g_assert_true (g_file_get_contents (path, &before, &before_len, NULL));
  library = arx_library_open (path, &error);
  g_assert_null (library);
  g_assert_error (error, ARX_ERROR, code);
  g_assert_true (g_file_get_contents (path, &after, &after_len, NULL));
  g_assert_cmpuint (before_len, ==, after_len);
  g_assert_true (memcmp (before, after, before_len) == 0);
}

static void
test_refuses_foreign (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *text = g_build_filename (f->dir, "notes.txt", NULL);
  g_autofree char *other = g_build_filename (f->dir, "other.db", NULL);
  g_autofree char *newer = g_build_filename (f->dir, "newer.db", NULL);
  g_autofree char *corrupt = g_build_filename (f->dir, "corrupt.db", NULL);
  g_autofree char *sql = NULL;
  g_autoptr(sqlite3) db = NULL;
  g_autofree char *contents = NULL;
  gsize len;

  g_assert_true (g_file_set_contents (text, "Just some notes.\n", -1, NULL));
  assert_refused (text, ARX_ERROR_NOT_A_LIBRARY);

  g_assert_cmpint (sqlite3_open (other, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE t (x); INSERT INTO t VALUES (1);", NULL, NULL, NULL), ==, SQLITE_OK);
  g_clear_pointer (&db, sqlite3_close);
  assert_refused (other, ARX_ERROR_NOT_A_LIBRARY);

  add_article (f->library, "One", "Tom Bossert");
  g_clear_object (&f->library);
  g_assert_cmpint (sqlite3_open (f->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA journal_mode=DELETE", NULL, NULL, NULL), ==, SQLITE_OK);
  sql = g_strdup_printf ("VACUUM INTO '%s'", newer);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  g_clear_pointer (&db, sqlite3_close);
  g_assert_cmpint (sqlite3_open (newer, &db), ==, SQLITE_OK);
  g_free (sql);
  sql = g_strdup_printf ("PRAGMA user_version = %d", arx_library_get_schema_version () + 1);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  g_clear_pointer (&db, sqlite3_close);
  assert_refused (newer, ARX_ERROR_NEWER_LIBRARY);

  /* A library whose pages after the header were overwritten. */
  g_assert_true (g_file_get_contents (newer, &contents, &len, NULL));
  g_assert_cmpuint (len, >, 4096);
  memset (contents + 100, 0x5a, len - 100);
  g_assert_true (g_file_set_contents (corrupt, contents, len, NULL));
  assert_refused (corrupt, ARX_ERROR_NOT_A_LIBRARY);
}

/* Builds a library at every earlier schema version, puts data in with plain SQL of that
 * version, and opens it with the current code. */
static void
test_migrations (Fixture       *f,
                 gconstpointer  data)
{
  for (int version = 0; version < arx_library_get_schema_version (); version++)
    {
      g_autofree char *path = g_strdup_printf ("%s/v%d.db", f->dir, version);
      g_autoptr(GError) error = NULL;
      g_autoptr(ArxLibrary) library = NULL;
      g_autoptr(sqlite3) db = NULL;
      g_autoptr(GPtrArray) rows = NULL;
      g_autoptr(ArxArticle) article = NULL;
      g_autoptr(ArxAnalysis) analysis = NULL;
      g_autofree char *check = NULL;
      g_autofree char *user_version = NULL;

      g_assert_true (_arx_library_create_at_version (path, version, &error));
      g_assert_no_error (error);
      if (version >= 1)
        {
          g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
          g_assert_cmpint (sqlite3_exec (db,
                                         "INSERT INTO articles (id, content_hash, title, text, paragraphs, imported)"
                                         " VALUES (7, 'h', 'Old', 'Ann Lee said “yes”.', NULL, 0);"
                                         "INSERT INTO entities (id, article_id, idx, kind, name) VALUES (3, 7, 0, 0, 'Ann Lee');"
                                         "INSERT INTO statements (article_id, kind, span_start, span_end, text,"
                                         " entity_id, speaker, confidence) VALUES (7, 0, 13, 22, '“yes”', 3, 'Ann Lee', 0.9);",
                                         NULL, NULL, NULL), ==, SQLITE_OK);
          /* From version 7 on, the writer indexes new rows itself (no insert triggers). */
          if (version >= 7)
            g_assert_cmpint (sqlite3_exec (db,
                                           "INSERT INTO articles_fts (rowid, title, text) SELECT id, title, text FROM articles;"
                                           "INSERT INTO statements_fts (rowid, eff_speaker, text)"
                                           " SELECT id, eff_speaker, text FROM statements;",
                                           NULL, NULL, NULL), ==, SQLITE_OK);
          /* Mentions had a table up to version 5, then a packed column of their entity. */
          g_assert_cmpint (sqlite3_exec (db, version < 6 ? "INSERT INTO mentions VALUES (3, 0, 7);"
                                             : "UPDATE entities SET mention_spans = X'0000000007000000';",
                                         NULL, NULL, NULL), ==, SQLITE_OK);
          if (version >= 2)
            g_assert_cmpint (sqlite3_exec (db,
                                           "INSERT INTO people (id, kind, name, name_key) VALUES (1, 0, 'Ann Lee', 'ann lee');"
                                           "INSERT INTO people_aliases (alias_key, person_id, alias, strong)"
                                           " VALUES ('ann lee', 1, 'Ann Lee', 1);"
                                           "UPDATE entities SET person_id = 1;",
                                           NULL, NULL, NULL), ==, SQLITE_OK);
          /* From version 3 on, what the user sees is in the eff_ columns. */
          if (version >= 3)
            g_assert_cmpint (sqlite3_exec (db,
                                           "UPDATE statements SET eff_entity_id = entity_id, eff_speaker = speaker;",
                                           NULL, NULL, NULL), ==, SQLITE_OK);
          /* From version 3 on, a merge of a person 2 into Ann Lee, pinned in the article, that
           * remembered the entity it moved (by its id, up to version 14). */
          if (version >= 3)
            g_assert_cmpint (sqlite3_exec (db,
                                           "INSERT INTO corrections (id, kind, person_id, other_id, name, created)"
                                           " VALUES (5, 'merge', 2, 1, 'A. Lee', 0);"
                                           "INSERT INTO merge_undo_entities VALUES (5, 3);"
                                           "INSERT INTO person_overrides VALUES (7, 'ann lee', 1);",
                                           NULL, NULL, NULL), ==, SQLITE_OK);
          /* From version 9 on, an import writes its speakers' counts itself. */
          if (version >= 9)
            g_assert_cmpint (sqlite3_exec (db,
                                           "UPDATE statements SET eff_person_id = 1;"
                                           "INSERT INTO speaker_counts (person_id, n_articles, n_statements)"
                                           " VALUES (1, 1, 1);"
                                           "DELETE FROM speaker_counts_dirty;",
                                           NULL, NULL, NULL), ==, SQLITE_OK);
          g_clear_pointer (&db, sqlite3_close);
        }

      library = arx_library_open (path, &error);
      g_assert_no_error (error);
      g_clear_object (&library);
      check = run_sql_text (path, "PRAGMA integrity_check");
      g_assert_cmpstr (check, ==, "ok");
      assert_fts_consistent (path);
      assert_speaker_counts_live (path);
      user_version = run_sql_text (path, "PRAGMA user_version");
      g_assert_cmpint (atoi (user_version), ==, arx_library_get_schema_version ());
      /* The merge's undo knows the names it moved (schema 15). */
      if (version >= 3)
        {
          g_autofree char *moved = run_sql_text (path, "SELECT article_id || ':' || name_key"
                                                       " FROM merge_undo_names WHERE correction_id = 5");

          g_assert_cmpstr (moved, ==, "7:ann lee");
        }

      library = arx_library_open (path, &error);
      g_assert_no_error (error);
      rows = arx_library_list_articles (library, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (rows->len, ==, version >= 1 ? 1 : 0);
      if (version >= 1)
        {
          g_assert_true (arx_library_load_article (library, 7, &article, &analysis, &error));
          g_assert_no_error (error);
          g_assert_cmpuint (analysis->statements->len, ==, 1);
          g_assert_cmpuint (analysis->entities->len, ==, 1);
          g_assert_cmpuint (((ArxEntity *)g_ptr_array_index (analysis->entities, 0))->mentions->len, ==, 1);
          g_assert_cmpuint (g_array_index (((ArxEntity *)g_ptr_array_index (analysis->entities, 0))->mentions, ArxSpan, 0).end, ==, 7);
          g_assert_cmpstr (((ArxStatement *)g_ptr_array_index (analysis->statements, 0))->speaker_name, ==, "Ann Lee");
          g_assert_cmpuint (count_statements (library, "Ann Lee", 0, -1, NULL), ==, 1);
          g_assert_cmpuint (count_statements (library, NULL, 0, -1, "yes"), ==, 1);
          g_clear_pointer (&rows, g_ptr_array_unref);
          rows = arx_library_search (library, "said", 5, &error);
          g_assert_no_error (error);
          g_assert_cmpuint (rows->len, ==, 1);
        }
      /* And the migrated library takes new articles. */
      add_article (library, "New", "Tom Bossert");
    }
}

static void
test_delete (Fixture       *f,
             gconstpointer  data)
{
  gint64 a = add_article (f->library, "One", "Tom Bossert");
  g_autoptr(GError) error = NULL;
  g_autofree char *check = NULL;

  add_article (f->library, "Two", "Anna Keller");
  g_assert_true (arx_library_delete_article (f->library, a, &error));
  g_assert_no_error (error);
  g_assert_cmpint (speaker_id (f->library, "Tom Bossert"), ==, 0);
  g_assert_cmpuint (count_statements (f->library, NULL, 0, -1, "trusted"), ==, 1);
  g_assert_false (arx_library_delete_article (f->library, a, &error));
  g_assert_error (error, ARX_ERROR, ARX_ERROR_NOT_FOUND);
  check = run_sql_text (f->path, "SELECT count(*) FROM statements_fts WHERE statements_fts MATCH 'bossert'");
  g_assert_cmpstr (check, ==, "0");
  assert_fts_consistent (f->path);
  assert_speaker_counts_live (f->path);
}

static void
test_tags (Fixture       *f,
           gconstpointer  data)
{
  gint64 a = add_article (f->library, "One", "Tom Bossert");
  gint64 b = add_article (f->library, "Two", "Anna Keller");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) tags = NULL;
  g_autoptr(GArray) tagged = NULL;

  g_assert_true (arx_library_tag_article (f->library, a, "cyber", &error));
  g_assert_true (arx_library_tag_article (f->library, b, "cyber", &error));
  g_assert_true (arx_library_tag_article (f->library, b, "budget", &error));
  g_assert_true (arx_library_tag_article (f->library, b, "budget", &error));
  g_assert_no_error (error);
  g_assert_false (arx_library_tag_article (f->library, b + 10, "x", &error));
  g_assert_error (error, ARX_ERROR, ARX_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (arx_library_tag_article (f->library, a, "", &error));
  g_assert_error (error, ARX_ERROR, ARX_ERROR_FAILED);
  g_clear_error (&error);

  tags = arx_library_list_tags (f->library, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (tags->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (tags, 0), ==, "budget");
  g_clear_pointer (&tags, g_ptr_array_unref);
  tags = arx_library_list_tags (f->library, a, &error);
  g_assert_cmpuint (tags->len, ==, 1);
  tagged = arx_library_list_tagged (f->library, "cyber", &error);
  g_assert_cmpuint (tagged->len, ==, 2);
  g_assert_cmpint (g_array_index (tagged, gint64, 0), ==, a);

  g_assert_true (arx_library_untag_article (f->library, b, "budget", &error));
  g_clear_pointer (&tags, g_ptr_array_unref);
  tags = arx_library_list_tags (f->library, 0, &error);
  g_assert_cmpuint (tags->len, ==, 1);
  /* Deleting an article drops its tags with it. */
  g_assert_true (arx_library_delete_article (f->library, a, &error));
  g_clear_pointer (&tagged, g_array_unref);
  tagged = arx_library_list_tagged (f->library, "cyber", &error);
  g_assert_cmpuint (tagged->len, ==, 1);
}

static void
test_paging (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) page = NULL;
  char title[32];
  gint64 last;

  for (guint i = 0; i < 7; i++)
    {
      g_snprintf (title, sizeof title, "Article %u", i);
      last = add_article (f->library, title, "Tom Bossert");
    }
  g_assert_cmpint (arx_library_count_articles (f->library, &error), ==, 7);
  page = arx_library_list_articles_page (f->library, 0, 3, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (page->len, ==, 3);
  g_assert_cmpint (((ArxArticleRow *)g_ptr_array_index (page, 0))->id, ==, last);
  last = ((ArxArticleRow *)g_ptr_array_index (page, 2))->id;
  g_clear_pointer (&page, g_ptr_array_unref);
  page = arx_library_list_articles_page (f->library, last, 10, &error);
  g_assert_cmpuint (page->len, ==, 4);
  g_assert_cmpint (((ArxArticleRow *)g_ptr_array_index (page, 0))->id, ==, last - 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) g_test_add ("/arx/library/" name, Fixture, NULL, library_fixture_set_up, func, library_fixture_tear_down)
  ADD ("open-creates", test_open_creates);
  g_test_add_func ("/arx/library/default-path", test_default_path);
  ADD ("add-duplicate", test_add_duplicate);
  ADD ("round-trip", test_round_trip);
  ADD ("bad-span", test_bad_span);
  ADD ("query-statements", test_query_statements);
  ADD ("query-limit", test_query_limit);
  ADD ("fts-errors", test_fts_errors);
  ADD ("search", test_search);
  ADD ("speakers-merge-guard", test_speakers_merge_guard);
  ADD ("surname-only", test_surname_only);
  ADD ("refuses-foreign", test_refuses_foreign);
  ADD ("migrations", test_migrations);
  ADD ("delete", test_delete);
  ADD ("tags", test_tags);
  ADD ("paging", test_paging);
#undef ADD

  return g_test_run ();
}
