/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "arx-library"

#include "config.h"

#include "arx-autocleanups.h"

#include "arx-library.h"

/* PLACEHOLDER: replaced by the store stage. */

struct _ArxLibrary
{
  GObject  parent_instance;
  char    *path;
};

G_DEFINE_FINAL_TYPE (ArxLibrary, arx_library, G_TYPE_OBJECT)

static void
arx_library_finalize (GObject *object)
{
  ArxLibrary *self = (ArxLibrary *)object;

  g_free (self->path);
  G_OBJECT_CLASS (arx_library_parent_class)->finalize (object);
}

static void
arx_library_class_init (ArxLibraryClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = arx_library_finalize;
}

static void
arx_library_init (ArxLibrary *self)
{
}

char *
arx_library_default_path (void)
{
  const char *env = g_getenv ("ARX_LIBRARY");

  if (env != NULL && env[0] != '\0')
    return g_strdup (env);
  return g_build_filename (g_get_user_data_dir (), "article-explorer", "library.db", NULL);
}

ArxLibrary *
arx_library_open (const char  *path,
                  GError     **error)
{
  ArxLibrary *self = g_object_new (ARX_TYPE_LIBRARY, NULL);

  self->path = g_strdup (path);
  return self;
}

const char *
arx_library_get_path (ArxLibrary *self)
{
  return self->path;
}

gboolean
arx_library_add (ArxLibrary   *self,
                 ArxArticle   *article,
                 ArxAnalysis  *analysis,
                 gint64       *out_id,
                 gboolean     *out_duplicate,
                 GError      **error)
{
  g_set_error (error, ARX_ERROR, ARX_ERROR_DB, "not implemented");
  return FALSE;
}

GPtrArray *
arx_library_list_articles (ArxLibrary  *self,
                           GError     **error)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify)arx_article_row_free);
}

gboolean
arx_library_load_article (ArxLibrary   *self,
                          gint64        id,
                          ArxArticle  **out_article,
                          ArxAnalysis **out_analysis,
                          GError      **error)
{
  g_set_error (error, ARX_ERROR, ARX_ERROR_NOT_FOUND, "no article %" G_GINT64_FORMAT, id);
  return FALSE;
}

GPtrArray *
arx_library_query_statements (ArxLibrary              *self,
                              const ArxStatementQuery *query,
                              GError                 **error)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify)arx_statement_row_free);
}

void
arx_article_row_free (ArxArticleRow *row)
{
  g_free (row->title);
  g_free (row->site);
  g_free (row->published);
  g_free (row->source_uri);
  g_free (row->format);
  g_free (row);
}

void
arx_statement_row_free (ArxStatementRow *row)
{
  g_free (row->article_title);
  g_free (row->text);
  g_free (row->speaker);
  g_free (row->cue);
  g_free (row);
}
