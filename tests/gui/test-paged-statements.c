/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "../store/store-fixtures.h"
#include "arx-paged-statements.h"
#include "arx-statement-item.h"

/* ArxPagedStatements over a real library file: more statements than its page cache holds,
 * read in parts by a scan in another thread. Every items-changed is replayed on a mirror of
 * the list, so each one must describe the change exactly; the items must be the library's
 * statements in article and text order. The articles are made up. */

#define ARTICLES 60
#define PER_ARTICLE 50      /* 3000 statements: 24 pages of 128, more than the 16 it keeps */

typedef struct
{
  char       *dir;
  ArxLibrary *library;
  gint64      first_article;
  gint64      speaker_id;
} Fixture;

/* Article @number: Ada Quill says most things; every fifth statement mentions the walrus; every
 * tenth has no speaker; the first of each article is a quotation. */
static void
add_article (ArxLibrary *library,
             guint       number,
             gint64     *out_id)
{
  g_autoptr(ArxArticle) article = arx_article_new ();
  g_autoptr(ArxAnalysis) analysis = arx_analysis_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *title = g_strdup_printf ("Pier report %02u", number);

  arx_article_set_title (article, title);
  for (guint i = 0; i < PER_ARTICLE; i++)
    {
      g_autofree char *span = g_strdup_printf (i % 10 == 9 ? "gate %u.%u stays shut"
                                               : i % 5 == 0 ? "gate %u.%u opens for the walrus"
                                               : "gate %u.%u opens", number, i);
      g_autofree char *sentence = g_strdup_printf ("%s said that %s.",
                                                   i % 10 == 9 ? "Somebody" : "Ada Quill", span);

      arx_article_add_paragraph (article, sentence, -1);
    }
  add_entity_at (analysis, article, ARX_ENTITY_PERSON, "Ada Quill",
                 (const char *[]){ "Ada Quill", NULL });
  for (guint i = 0; i < PER_ARTICLE; i++)
    {
      g_autofree char *span = g_strdup_printf (i % 10 == 9 ? "gate %u.%u stays shut"
                                               : i % 5 == 0 ? "gate %u.%u opens for the walrus"
                                               : "gate %u.%u opens", number, i);

      add_statement_at (analysis, article,
                        i == 0 ? ARX_STATEMENT_DIRECT : ARX_STATEMENT_INDIRECT, span,
                        i % 10 == 9 ? -1 : 0, NULL, NULL);
    }
  arx_analysis_sort_statements (analysis);
  arx_analysis_number (analysis);
  g_assert_true (arx_library_add (library, article, analysis, out_id, NULL, &error));
  g_assert_no_error (error);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GPtrArray) speakers = NULL;

  fixture->dir = g_dir_make_tmp ("arx-paged-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (fixture->dir, "library.db", NULL);
  fixture->library = arx_library_open (path, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < ARTICLES; i++)
    {
      gint64 id;

      add_article (fixture->library, i, &id);
      if (i == 0)
        fixture->first_article = id;
    }
  speakers = arx_library_list_speakers (fixture->library, "Ada Quill", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (speakers->len, ==, 1);
  fixture->speaker_id = ((ArxSpeakerRow *)g_ptr_array_index (speakers, 0))->id;
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "library.db", NULL);
  const char *suffixes[] = { "", "-wal", "-shm" };

  g_clear_object (&fixture->library);
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);

      g_remove (file);
    }
  g_rmdir (fixture->dir);
  g_free (fixture->dir);
}

/* A copy of the list kept only from its items-changed signals: slots are the positions' items
 * read when they were added (NULL until then is not allowed: each added item is read). */
typedef struct
{
  GPtrArray *items;
  guint      n_signals;
} Mirror;

static void
on_items_changed (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Mirror     *mirror)
{
  g_assert_cmpuint (position + removed, <=, mirror->items->len);
  g_ptr_array_remove_range (mirror->items, position, removed);
  for (guint i = 0; i < added; i++)
    g_ptr_array_insert (mirror->items, position + i, g_list_model_get_item (model, position + i));
  g_assert_cmpuint (mirror->items->len, ==, g_list_model_get_n_items (model));
  mirror->n_signals++;
}

static void
wait_loaded (ArxPagedStatements *list)
{
  gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

  while (arx_paged_statements_get_loading (list))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
}

static ArxPagedStatements *
make_list (Fixture *fixture,
           gint64   speaker_id,
           Mirror  *mirror)
{
  ArxStatementFilter filter = { speaker_id, 0, -1, NULL };
  g_autoptr(GError) error = NULL;
  ArxPagedStatements *list = arx_paged_statements_new (fixture->library, &filter, &error);

  g_assert_no_error (error);
  mirror->items = g_ptr_array_new_with_free_func (g_object_unref);
  g_signal_connect (list, "items-changed", G_CALLBACK (on_items_changed), mirror);
  return list;
}

/* The library's own answer for the same statements, in article and text order. */
static GPtrArray *
expected_rows (Fixture    *fixture,
               const char *speaker,
               const char *query)
{
  ArxStatementQuery q = { speaker, 0, -1, query, 0 };
  g_autoptr(GError) error = NULL;
  GPtrArray *rows = arx_library_query_statements (fixture->library, &q, &error);

  g_assert_no_error (error);
  return rows;
}

/* The list and its mirror hold @rows, in order; read from the last position back, so pages
 * are read again after the cache dropped them. */
static void
assert_list_is (ArxPagedStatements *list,
                Mirror             *mirror,
                GPtrArray          *rows)
{
  GListModel *model = G_LIST_MODEL (list);

  g_assert_cmpuint (g_list_model_get_n_items (model), ==, rows->len);
  g_assert_cmpuint (mirror->items->len, ==, rows->len);
  for (guint i = rows->len; i-- > 0;)
    {
      const ArxStatementRow *row = g_ptr_array_index (rows, i);
      g_autoptr(ArxStatementItem) item = g_list_model_get_item (model, i);
      ArxStatementItem *seen = g_ptr_array_index (mirror->items, i);

      g_assert_nonnull (item);
      g_assert_cmpint (arx_statement_item_get_article_id (item), ==, row->article_id);
      g_assert_cmpuint (arx_statement_item_get_start (item), ==, row->start);
      g_assert_cmpstr (arx_statement_item_get_text (item), ==, row->text);
      g_assert_cmpuint (arx_statement_item_get_start (seen), ==, row->start);
      g_assert_cmpint (arx_statement_item_get_article_id (seen), ==, row->article_id);
    }
  g_assert_null (g_list_model_get_item (model, rows->len));
}

static void
test_everything (Fixture       *fixture,
                 gconstpointer  data)
{
  Mirror mirror = { 0 };
  g_autoptr(ArxPagedStatements) list = make_list (fixture, ARX_SPEAKER_ANYONE, &mirror);
  g_autoptr(GPtrArray) rows = expected_rows (fixture, NULL, NULL);

  /* Nothing is read on the caller's thread: the list starts empty and fills from the scan. */
  g_assert_true (arx_paged_statements_get_loading (list));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 0);
  wait_loaded (list);
  g_assert_cmpuint (rows->len, ==, ARTICLES * PER_ARTICLE);
  assert_list_is (list, &mirror, rows);
  g_assert_cmpuint (mirror.n_signals, >=, 1);
  g_assert_cmpuint (arx_paged_statements_get_total (list), ==, rows->len);
  /* A heading's count is its article's share. */
  g_assert_cmpuint (arx_paged_statements_count_in_article (list, fixture->first_article), ==,
                    PER_ARTICLE);
  g_ptr_array_unref (mirror.items);
}

static void
test_speaker_and_nobody (Fixture       *fixture,
                         gconstpointer  data)
{
  Mirror mirror = { 0 }, nobody_mirror = { 0 };
  g_autoptr(ArxPagedStatements) list = make_list (fixture, fixture->speaker_id, &mirror);
  g_autoptr(ArxPagedStatements) nobody = make_list (fixture, ARX_SPEAKER_NOBODY, &nobody_mirror);
  g_autoptr(GPtrArray) rows = expected_rows (fixture, "Ada Quill", NULL);
  g_autoptr(GPtrArray) all = expected_rows (fixture, NULL, NULL);
  g_autoptr(GPtrArray) unattributed = g_ptr_array_new ();

  for (guint i = 0; i < all->len; i++)
    if (((ArxStatementRow *)g_ptr_array_index (all, i))->speaker == NULL)
      g_ptr_array_add (unattributed, g_ptr_array_index (all, i));
  wait_loaded (list);
  wait_loaded (nobody);
  g_assert_cmpuint (rows->len, ==, ARTICLES * (PER_ARTICLE - PER_ARTICLE / 10));
  assert_list_is (list, &mirror, rows);
  g_assert_cmpuint (unattributed->len, ==, ARTICLES * PER_ARTICLE / 10);
  assert_list_is (nobody, &nobody_mirror, unattributed);
  g_assert_cmpuint (arx_paged_statements_count_in_article (nobody, fixture->first_article), ==,
                    PER_ARTICLE / 10);
  g_ptr_array_unref (mirror.items);
  g_ptr_array_unref (nobody_mirror.items);
}

static void
test_filter (Fixture       *fixture,
             gconstpointer  data)
{
  Mirror mirror = { 0 };
  g_autoptr(ArxPagedStatements) list = make_list (fixture, fixture->speaker_id, &mirror);
  g_autoptr(GPtrArray) all = expected_rows (fixture, "Ada Quill", NULL);
  g_autoptr(GPtrArray) walrus = expected_rows (fixture, "Ada Quill", "walrus");
  g_autoptr(GPtrArray) direct = g_ptr_array_new ();
  guint before;

  wait_loaded (list);
  g_assert_cmpuint (walrus->len, ==, ARTICLES * PER_ARTICLE / 5);

  /* A keystroke returns before the library is asked: the list still shows the last result. */
  before = mirror.n_signals;
  arx_paged_statements_set_filter (list, -1, "walr");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, all->len);
  g_assert_cmpuint (mirror.n_signals, ==, before);
  wait_loaded (list);
  /* The last word is a prefix while it is typed. */
  assert_list_is (list, &mirror, walrus);
  g_assert_cmpuint (arx_paged_statements_count_in_article (list, fixture->first_article), ==,
                    PER_ARTICLE / 5);

  /* Followed by a space it is a whole word; a filter overtaken by the next one leaves no
   * trace. */
  arx_paged_statements_set_filter (list, -1, "walr ");
  arx_paged_statements_set_filter (list, -1, "walrus ");
  wait_loaded (list);
  assert_list_is (list, &mirror, walrus);

  for (guint i = 0; i < all->len; i++)
    if (((ArxStatementRow *)g_ptr_array_index (all, i))->kind == ARX_STATEMENT_DIRECT)
      g_ptr_array_add (direct, g_ptr_array_index (all, i));
  arx_paged_statements_set_filter (list, ARX_STATEMENT_DIRECT, NULL);
  wait_loaded (list);
  g_assert_cmpuint (direct->len, ==, ARTICLES);
  assert_list_is (list, &mirror, direct);

  arx_paged_statements_set_filter (list, -1, "nothing-like-this");
  wait_loaded (list);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 0);
  g_assert_cmpuint (mirror.items->len, ==, 0);

  arx_paged_statements_set_filter (list, -1, "");
  wait_loaded (list);
  assert_list_is (list, &mirror, all);
  g_assert_cmpuint (arx_paged_statements_get_total (list), ==, all->len);
  g_ptr_array_unref (mirror.items);
}

/* Statements deleted after the scan still have an item at their position (a view must get
 * one), which says they are gone; the others are read as before. */
static void
test_deleted_since (Fixture       *fixture,
                    gconstpointer  data)
{
  Mirror mirror = { 0 };
  g_autoptr(ArxPagedStatements) list = make_list (fixture, ARX_SPEAKER_ANYONE, &mirror);
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *model = G_LIST_MODEL (list);

  wait_loaded (list);
  g_assert_true (arx_library_delete_article (fixture->library, fixture->first_article, &error));
  g_assert_no_error (error);
  rows = expected_rows (fixture, NULL, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, rows->len + PER_ARTICLE);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(ArxStatementItem) item = g_list_model_get_item (model, i);

      g_assert_nonnull (item);
      if (i < PER_ARTICLE)
        g_assert_cmpint (arx_statement_item_get_article_id (item), ==, 0);
      else
        g_assert_cmpstr (arx_statement_item_get_text (item), ==,
                         ((ArxStatementRow *)g_ptr_array_index (rows, i - PER_ARTICLE))->text);
    }
  g_ptr_array_unref (mirror.items);
}

/* A list dropped while its scan runs is finalized; the scan's late parts go nowhere. */
static void
test_dropped_while_loading (Fixture       *fixture,
                            gconstpointer  data)
{
  ArxStatementFilter filter = { ARX_SPEAKER_ANYONE, 0, -1, NULL };
  g_autoptr(GError) error = NULL;
  ArxPagedStatements *list = arx_paged_statements_new (fixture->library, &filter, &error);
  gint64 deadline = g_get_monotonic_time () + G_USEC_PER_SEC / 2;

  g_assert_no_error (error);
  g_assert_finalize_object (list);
  while (g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE);
}

/* An article quoting Ada Quill's pier quote, worded as @quote. */
static void
add_quoting_article (ArxLibrary *library,
                     const char *title,
                     const char *quote)
{
  g_autoptr(ArxArticle) article = arx_article_new ();
  g_autoptr(ArxAnalysis) analysis = arx_analysis_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *paragraph = g_strdup_printf ("%s Ada Quill said at the quay.", quote);

  arx_article_set_title (article, title);
  arx_article_set_published (article, "2021-06-01");
  arx_article_add_paragraph (article, paragraph, -1);
  add_entity_at (analysis, article, ARX_ENTITY_PERSON, "Ada Quill",
                 (const char *[]){ "Ada Quill", NULL });
  add_statement_at (analysis, article, ARX_STATEMENT_DIRECT, quote, 0, "Ada Quill", "said");
  arx_analysis_sort_statements (analysis);
  arx_analysis_number (analysis);
  g_assert_true (arx_library_add (library, article, analysis, NULL, NULL, &error));
  g_assert_no_error (error);
}

/* "Also in N articles" on a library-wide list, which pages from SQLite: the pier quote, in
 * three articles with a comma and a word changed, says "also in 2" on each; every statement of
 * the fixture's articles, quoted nowhere else, says none, whatever page it is on. */
static void
test_quote_spread (Fixture       *fixture,
                   gconstpointer  data)
{
  Mirror mirror = { 0 };
  g_autoptr(ArxPagedStatements) list = NULL;
  guint n_spread = 0;

  add_quoting_article (fixture->library, "Pier wall 1",
                       "“The old pier wall will be rebuilt in stone before the autumn tides, and the boats can stay,”");
  add_quoting_article (fixture->library, "Pier wall 2",
                       "“The old pier wall will be rebuilt in stone before the autumn tides and the boats can stay,”");
  add_quoting_article (fixture->library, "Pier wall 3",
                       "“The old pier wall will be rebuilt in stone before the autumn tides, so the boats can stay,”");
  list = make_list (fixture, ARX_SPEAKER_ANYONE, &mirror);
  wait_loaded (list);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, ARTICLES * PER_ARTICLE + 3);
  for (guint i = g_list_model_get_n_items (G_LIST_MODEL (list)); i-- > 0;)
    {
      g_autoptr(ArxStatementItem) item = g_list_model_get_item (G_LIST_MODEL (list), i);
      gboolean pier = g_str_has_prefix (arx_statement_item_get_text (item), "“The old pier wall");

      g_assert_true (arx_statement_item_get_quote_known (item));
      g_assert_cmpuint (arx_statement_item_get_quote_articles (item), ==, pier ? 2 : 0);
      n_spread += pier;
    }
  g_assert_cmpuint (n_spread, ==, 3);
  g_ptr_array_unref (mirror.items);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) g_test_add (name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/arx/paged-statements/everything", test_everything);
  ADD ("/arx/paged-statements/speaker-and-nobody", test_speaker_and_nobody);
  ADD ("/arx/paged-statements/filter", test_filter);
  ADD ("/arx/paged-statements/deleted-since", test_deleted_since);
  ADD ("/arx/paged-statements/dropped-while-loading", test_dropped_while_loading);
  ADD ("/arx/paged-statements/quote-spread", test_quote_spread);
#undef ADD

  return g_test_run ();
}
