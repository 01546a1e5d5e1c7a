/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "arx-import"

#include "config.h"

#include <string.h>
#include <poppler.h>
#include <glib/gi18n.h>

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

typedef struct
{
  GString *text;
  double left, top, bottom;
} Line;

static int
compare_double (gconstpointer a,
                gconstpointer b)
{
  double x = *(const double *)a, y = *(const double *)b;

  return x < y ? -1 : x > y;
}

/* The page's lines in poppler's reading order (columns one after the other), with an empty
 * line where the layout shows a paragraph break that the text alone does not: a vertical gap
 * larger than the usual line pitch, or a change of font size (headline to body). */
static GStrv
page_lines (PopplerPage *page)
{
  g_autofree char *text = poppler_page_get_text (page);
  g_autofree PopplerRectangle *rects = NULL;
  guint n_rects = 0;
  g_autoptr(GArray) lines = g_array_new (FALSE, TRUE, sizeof (Line));
  g_autoptr(GArray) pitches = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GStrvBuilder) out = g_strv_builder_new ();
  const char *p;
  guint i;
  double pitch = 0;

  if (text == NULL)
    return g_new0 (char *, 1);
  if (!poppler_page_get_text_layout (page, &rects, &n_rects) || n_rects != (guint)g_utf8_strlen (text, -1))
    return arx_import_split_lines (text);
  {
    Line line = { g_string_new (NULL), G_MAXDOUBLE, G_MAXDOUBLE, -G_MAXDOUBLE };

    for (p = text, i = 0; *p; p = g_utf8_next_char (p), i++)
      {
        gunichar c = g_utf8_get_char (p);

        if (c == '\n')
          {
            g_array_append_val (lines, line);
            line = (Line){ g_string_new (NULL), G_MAXDOUBLE, G_MAXDOUBLE, -G_MAXDOUBLE };
            continue;
          }
        g_string_append_unichar (line.text, c);
        if (!g_unichar_isspace (c))
          {
            line.left = MIN (line.left, rects[i].x1);
            line.top = MIN (line.top, rects[i].y1);
            line.bottom = MAX (line.bottom, rects[i].y2);
          }
      }
    g_array_append_val (lines, line);
  }
  /* the usual distance between the tops of consecutive lines going down a column */
  for (i = 1; i < lines->len; i++)
    {
      Line *a = &g_array_index (lines, Line, i - 1), *b = &g_array_index (lines, Line, i);
      double d = b->top - a->top;

      if (a->bottom > a->top && b->bottom > b->top && d > 0)
        g_array_append_val (pitches, d);
    }
  if (pitches->len >= 2)
    {
      g_array_sort (pitches, compare_double);
      pitch = g_array_index (pitches, double, pitches->len / 2);
    }
  for (i = 0; i < lines->len; i++)
    {
      Line *b = &g_array_index (lines, Line, i);

      if (i > 0 && pitch > 0 && b->bottom > b->top)
        {
          Line *a = &g_array_index (lines, Line, i - 1);
          double ha = a->bottom - a->top, hb = b->bottom - b->top;
          double d = b->top - a->top;

          /* (a line higher up than the one before starts a new column: no break there) */
          if (a->bottom > a->top && d > 0 && (d > pitch * 1.5 || ABS (ha - hb) > 0.25 * MAX (ha, hb)))
            g_strv_builder_add (out, "");
        }
      g_strv_builder_add (out, b->text->str);
      g_string_free (b->text, TRUE);
    }
  return g_strv_builder_end (out);
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
        g_set_error (error, ARX_ERROR, ARX_ERROR_UNSUPPORTED_FORMAT, _("%s: the PDF is password-protected"), ctx->name);
      else
        g_set_error (error, ARX_ERROR, ARX_ERROR_PARSE, _("%s: not a readable PDF (%s)"), ctx->name,
                     local ? local->message : _("unknown error"));
      return NULL;
    }
  n_pages = poppler_document_get_n_pages (doc);
  for (int i = 0; i < n_pages; i++)
    {
      g_autoptr(PopplerPage) page = poppler_document_get_page (doc, i);
      GStrv lines = page ? page_lines (page) : g_new0 (char *, 1);
      guint n = g_strv_length (lines);
      g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

      for (guint j = 0; j < n; j++)
        if (j < EDGE || j + EDGE >= n)
          {
            char *key = line_key (lines[j]);

            if (*key == '\0')
              {
                g_free (key);
                continue;
              }
            if (!g_hash_table_add (seen, key))
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
                   _("%s: the PDF has no text layer (a scanned document?)"), ctx->name);
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
