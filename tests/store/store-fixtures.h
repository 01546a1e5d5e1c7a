/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Hand-built articles and analyses for the store tests, so they depend on neither the
 * readers nor the analyzer. */

#include <string.h>

#include <glib/gstdio.h>

#include "arx-autocleanups.h"
#include "arx-library.h"

/* Byte offset of @needle in the article text (it must be there). */
static inline guint
offset_of (ArxArticle *article,
           const char *needle)
{
  const char *text = arx_article_get_text (article);
  const char *hit = strstr (text, needle);

  g_assert_nonnull (hit);
  return hit - text;
}

static inline ArxEntity *
add_entity_at (ArxAnalysis   *analysis,
               ArxArticle    *article,
               ArxEntityKind  kind,
               const char    *name,
               const char    *const *mentions)
{
  ArxEntity *entity = arx_analysis_add_entity (analysis, kind, name);

  for (guint i = 0; mentions != NULL && mentions[i] != NULL; i++)
    {
      guint start = offset_of (article, mentions[i]);

      arx_entity_add_mention (entity, start, start + strlen (mentions[i]));
      arx_entity_add_alias (entity, mentions[i]);
    }
  return entity;
}

static inline ArxStatement *
add_statement_at (ArxAnalysis      *analysis,
                  ArxArticle       *article,
                  ArxStatementKind  kind,
                  const char       *span,
                  int               speaker,
                  const char       *mention,
                  const char       *cue)
{
  guint start = offset_of (article, span);
  ArxStatement *statement = arx_analysis_add_statement (analysis, kind, start, start + strlen (span));

  if (speaker >= 0)
    {
      ArxEntity *entity = g_ptr_array_index (analysis->entities, speaker);

      arx_statement_set_speaker (statement, speaker, entity->name);
    }
  if (mention != NULL)
    {
      statement->mention_start = offset_of (article, mention);
      statement->mention_end = statement->mention_start + strlen (mention);
    }
  if (cue != NULL)
    {
      statement->cue_start = offset_of (article, cue);
      statement->cue_end = statement->cue_start + strlen (cue);
    }
  statement->confidence = 0.75;
  statement->rule = g_strdup ("test-rule");
  return statement;
}

/* An article with two full-name people who share a surname, a surname-only mention and an
 * organisation; @variant changes the title so several distinct articles can be made. */
static inline void
make_article (const char   *title,
              const char   *person,
              ArxArticle  **out_article,
              ArxAnalysis **out_analysis)
{
  ArxArticle *article = arx_article_new ();
  ArxAnalysis *analysis = arx_analysis_new ();
  g_autofree char *p1 = g_strdup_printf ("“We have a trusted relationship,” %s said on Monday "
                                         "at the White House.", person);
  g_autofree char *surname = g_strdup (strrchr (person, ' ') + 1);
  g_autofree char *p2 = g_strdup_printf ("%s added that the talks with Reuters would continue.",
                                         surname);
  const char *p3 = "Jane Smith told reporters “it is fine” and John Smith disagreed.";
  const char *m1[] = { person, surname, NULL };
  const char *m2[] = { "Reuters", NULL };
  const char *m3[] = { "Jane Smith", NULL };
  const char *m4[] = { "John Smith", NULL };

  arx_article_set_title (article, title);
  arx_article_set_site (article, "example.org");
  arx_article_set_published (article, "2017-07-21");
  arx_article_set_language (article, "en");
  arx_article_set_source_uri (article, "file:///tmp/example.txt");
  arx_article_set_format (article, "text");
  arx_article_add_paragraph (article, p1, -1);
  arx_article_add_paragraph (article, p2, -1);
  arx_article_add_paragraph (article, p3, -1);

  add_entity_at (analysis, article, ARX_ENTITY_PERSON, person, m1);
  add_entity_at (analysis, article, ARX_ENTITY_ORGANIZATION, "Reuters", m2);
  add_entity_at (analysis, article, ARX_ENTITY_PERSON, "Jane Smith", m3);
  add_entity_at (analysis, article, ARX_ENTITY_PERSON, "John Smith", m4);
  add_entity_at (analysis, article, ARX_ENTITY_LOCATION, "White House", (const char *[]){ "White House", NULL });

  add_statement_at (analysis, article, ARX_STATEMENT_DIRECT, "“We have a trusted relationship,”",
                    0, person, "said");
  add_statement_at (analysis, article, ARX_STATEMENT_INDIRECT,
                    "the talks with Reuters would continue", 0, surname, "added");
  add_statement_at (analysis, article, ARX_STATEMENT_PARTIAL, "“it is fine”", 2, "Jane Smith",
                    "told");
  arx_analysis_sort_statements (analysis);
  arx_analysis_number (analysis);

  *out_article = article;
  *out_analysis = analysis;
}

/* The cached per-speaker counts (schema 9) equal a fresh count, and none is left dirty. */
static inline void
assert_speaker_counts_live (const char *path)
{
  g_autoptr(sqlite3) db = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db,
                                       "SELECT (SELECT count(*) FROM people p"
                                       "   LEFT JOIN speaker_counts c ON c.person_id = p.id"
                                       "   WHERE COALESCE(c.n_articles, 0) !="
                                       "     (SELECT count(DISTINCT article_id) FROM entities WHERE person_id = p.id)"
                                       "   OR COALESCE(c.n_statements, 0) !="
                                       "     (SELECT count(*) FROM statements WHERE eff_person_id = p.id AND hidden = 0)),"
                                       " (SELECT count(*) FROM speaker_counts_dirty),"
                                       " (SELECT count(*) FROM speaker_counts"
                                       "   WHERE person_id NOT IN (SELECT id FROM people))",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 0);
  g_assert_cmpint (sqlite3_column_int (stmt, 1), ==, 0);
  g_assert_cmpint (sqlite3_column_int (stmt, 2), ==, 0);
}

/* A new, empty library file in a temporary folder, removed after the test. */
typedef struct
{
  char       *dir;
  char       *path;
  ArxLibrary *library;
} LibraryFixture;

static inline void
library_fixture_set_up (LibraryFixture *f,
                        gconstpointer   data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("arx-store-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "library.db", NULL);
  f->library = arx_library_open (f->path, &error);
  g_assert_no_error (error);
}

static inline void
library_fixture_tear_down (LibraryFixture *f,
                           gconstpointer   data)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  g_clear_object (&f->library);
  dir = g_dir_open (f->dir, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (f->dir, name, NULL);

      g_remove (child);
    }
  g_rmdir (f->dir);
  g_free (f->path);
  g_free (f->dir);
}
