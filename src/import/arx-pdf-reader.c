/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "arx-import"

#include "config.h"

#include <string.h>
#include <poppler.h>

#include "arx-import-private.h"

/* poppler-glib 22.x declares no autoptr cleanups */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerDocument, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerPage, g_object_unref)

/* PDF through poppler: page text in reading order, running headers/footers and page numbers
 * removed, words hyphenated across lines rejoined, then the plain-text paragraph rules. */

static gboolean
is_page_number (const char *line)
{
  static GRegex *re;
  static gsize init;

  if (g_once_init_enter (&init))
    {
      re = g_regex_new ("^\\s*(?:[-–—(\\[]\\s*)?(?:page|seite|p\\.)?\\s*\\d{1,4}\\s*(?:(?:/|of|von)\\s*\\d{1,4})?\\s*(?:[-–—)\\]])?\\s*$",
                        G_REGEX_CASELESS | G_REGEX_OPTIMIZE, 0, NULL);
      g_once_init_leave (&init, 1);
    }
  return g_regex_match (re, line, 0, NULL);
}

/* A line's identity for header detection: digits (page numbers, dates) do not count. */
static char *
line_key (const char *line)
{
  char *key = g_strstrip (g_strdup (line));

  for (char *p = key; *p; p++)
    if (g_ascii_isdigit (*p))
      *p = '#';
  return key;
}

#define EDGE 2 /* lines at the top and bottom of a page that may be running headers/footers */

GPtrArray *
arx_pdf_reader_read (GBytes                 *bytes,
                     const ArxImportContext *ctx,
                     GError                **error)
{
  g_autoptr(GError) local = NULL;
  g_autoptr(PopplerDocument) doc = poppler_document_new_from_bytes (bytes, NULL, &local);
  g_autoptr(GPtrArray) pages = g_ptr_array_new_with_free_func ((GDestroyNotify)g_strfreev);
  g_autoptr(GHashTable) edge_counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(ArxArticle) article = NULL;
  int n_pages;

  if (doc == NULL)
    {
      if (g_error_matches (local, POPPLER_ERROR, POPPLER_ERROR_ENCRYPTED))
        g_set_error (error, ARX_ERROR, ARX_ERROR_UNSUPPORTED_FORMAT, "%s: the PDF is password-protected", ctx->name);
      else
        g_set_error (error, ARX_ERROR, ARX_ERROR_PARSE, "%s: not a readable PDF (%s)", ctx->name,
                     local ? local->message : "unknown error");
      return NULL;
    }
  n_pages = poppler_document_get_n_pages (doc);
  for (int i = 0; i < n_pages; i++)
    {
      g_autoptr(PopplerPage) page = poppler_document_get_page (doc, i);
      g_autofree char *page_text = page ? poppler_page_get_text (page) : NULL;
      GStrv lines = g_strsplit (page_text ? page_text : "", "\n", -1);
      guint n = g_strv_length (lines);
      g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

      for (guint j = 0; j < n; j++)
        if (j < EDGE || j + EDGE >= n)
          {
            char *key = line_key (lines[j]);

            if (*key == '\0' || !g_hash_table_add (seen, key))
              continue;
            g_hash_table_insert (edge_counts, g_strdup (key),
                                 GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (edge_counts, key)) + 1));
          }
      g_ptr_array_add (pages, lines);
    }

  for (guint i = 0; i < pages->len; i++)
    {
      GStrv lines = g_ptr_array_index (pages, i);
      guint n = g_strv_length (lines);

      for (guint j = 0; j < n; j++)
        {
          g_autofree char *key = line_key (lines[j]);
          guint count = GPOINTER_TO_UINT (g_hash_table_lookup (edge_counts, key));
          gsize len = text->len;

          if (is_page_number (lines[j]))
            continue;
          /* the same edge line on at least half of the pages: a running header or footer */
          if ((j < EDGE || j + EDGE >= n) && n_pages >= 2 && count >= MAX (2u, (guint)n_pages / 2))
            continue;
          /* "exam-\nple" -> "example" */
          if (len >= 2 && text->str[len - 1] == '-' && g_ascii_isalpha (text->str[len - 2])
              && g_ascii_islower (lines[j][0]))
            {
              g_string_truncate (text, len - 1);
              g_string_append (text, lines[j]);
              continue;
            }
          if (text->len > 0)
            g_string_append_c (text, '\n');
          g_string_append (text, lines[j]);
        }
    }

  if (text->len == 0)
    {
      g_set_error (error, ARX_ERROR, ARX_ERROR_NOT_AN_ARTICLE,
                   "%s: the PDF has no text layer (a scanned document?)", ctx->name);
      return NULL;
    }
  article = arx_text_reader_read (text->str, text->len, ctx, error);
  if (article == NULL)
    return NULL;
  {
    g_autofree char *title = poppler_document_get_title (doc);
    g_autofree char *author = poppler_document_get_author (doc);
    g_autoptr(GDateTime) created = poppler_document_get_creation_date_time (doc);

    /* producer junk such as "Microsoft Word - draft3.docx" is not a title */
    if (title != NULL && g_strstrip (title)[0] != '\0' && !g_str_has_prefix (title, "Microsoft Word - ")
        && !g_str_has_suffix (title, ".doc") && !g_str_has_suffix (title, ".docx")
        && !g_str_has_suffix (title, ".pdf") && !g_str_has_suffix (title, ".indd")
        && !g_str_has_prefix (title, "untitled") && !g_str_has_prefix (title, "Untitled"))
      arx_article_set_title (article, title);
    if (author != NULL && g_strstrip (author)[0] != '\0' && arx_article_get_byline (article) == NULL)
      arx_article_set_byline (article, author);
    if (created != NULL && arx_article_get_published (article) == NULL)
      {
        g_autofree char *d = g_date_time_format (created, "%Y-%m-%d");
        arx_article_set_published (article, d);
      }
  }
  return arx_import_single (g_steal_pointer (&article), ctx, "pdf");
}
