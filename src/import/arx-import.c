/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "arx-import"

#include "config.h"

#include <inttypes.h>
#include <string.h>
#include <libxml/parser.h>
#include <glib/gi18n.h>

#include "arx-import-private.h"

/* The dispatcher: checks limits, sniffs the format from the bytes (not the file name) and hands
 * the input to one reader. */

void
arx_import_limits_init (ArxImportLimits *limits)
{
  limits->max_bytes = 50 * 1024 * 1024;
  limits->max_depth = 256;
  limits->max_items = 1000;
  limits->fetch_timeout = 30;
}

void
arx_import_init (void)
{
  xmlInitParser ();
}

typedef enum
{
  FORMAT_UNKNOWN,
  FORMAT_TEXT,
  FORMAT_HTML,
  FORMAT_XHTML,
  FORMAT_MHTML,
  FORMAT_PDF,
  FORMAT_NITF,
  FORMAT_NEWSML,
  FORMAT_FEED,
  FORMAT_JATS,
  FORMAT_XML,
} Format;

static gboolean
head_contains (const char *data,
               gsize       len,
               const char *needle)
{
  gsize n = MIN (len, 4096);
  g_autofree char *head = g_ascii_strdown (data, n);

  return strstr (head, needle) != NULL;
}

static gboolean
is_mhtml (const char *data,
          gsize       len)
{
  gsize n = MIN (len, 4096);
  const char *blank = g_strstr_len (data, n, "\n\n");
  const char *crblank = g_strstr_len (data, n, "\r\n\r\n");
  gsize header_len = blank ? (gsize)(blank - data) : n;

  if (crblank != NULL && (gsize)(crblank - data) < header_len)
    header_len = crblank - data;
  /* MHTML starts with mail-style headers naming a multipart/related body */
  return head_contains (data, header_len, "mime-version:") && head_contains (data, header_len, "multipart/related");
}

static gboolean
has_markup (const char *data,
            gsize       len)
{
  gsize n = MIN (len, 4096);

  for (gsize i = 0; i + 1 < n; i++)
    if (data[i] == '<' && (g_ascii_isalpha (data[i + 1]) || data[i + 1] == '!' || data[i + 1] == '/'))
      return TRUE;
  return FALSE;
}

static Format
sniff (const char *data,
       gsize       len,
       const char *name,
       char      **ctype_out)
{
  g_autofree char *root = NULL;
  g_autofree char *ctype = NULL;
  /* the head of the file in lower case, for the markup checks below */
  g_autofree char *head = g_ascii_strdown (data, MIN (len, 4096));
  gboolean uncertain = FALSE;
  const char *p = data;

  while ((gsize)(p - data) < len && g_ascii_isspace (*p))
    p++;
  if (len - (p - data) >= 5 && memcmp (p, "%PDF-", 5) == 0)
    return FORMAT_PDF;
  if (is_mhtml (data, len))
    return FORMAT_MHTML;
  root = arx_xml_root_name (data, len);
  if (root != NULL)
    {
      if (g_str_equal (root, "html"))
        return strstr (head, "<?xml") ? FORMAT_XHTML : FORMAT_HTML;
      if (g_str_equal (root, "nitf"))
        return FORMAT_NITF;
      if (g_str_equal (root, "newsitem") || g_str_equal (root, "newsmessage")
          || g_str_equal (root, "packageitem") || g_str_equal (root, "contentset")
          || g_str_equal (root, "knowledgeitem"))
        return FORMAT_NEWSML;
      if (g_str_equal (root, "rss") || g_str_equal (root, "rdf") || g_str_equal (root, "feed"))
        return FORMAT_FEED;
      if (g_str_equal (root, "article") && (strstr (head, "jats") || strstr (head, "<front")
                                            || strstr (head, "dtd-version")))
        return FORMAT_JATS;
      /* Without an XML declaration, unknown markup is a page fragment (tag soup). */
      if (strstr (head, "<!doctype html") || strstr (head, "<html") || !head_contains (data, MIN (len, 256), "<?xml"))
        return FORMAT_HTML;
      return FORMAT_XML;
    }
  if (strstr (head, "<html") || strstr (head, "<!doctype html") || strstr (head, "<body") || strstr (head, "<p>"))
    return FORMAT_HTML;
  ctype = g_content_type_guess (name, (const guchar *)data, MIN (len, 4096), &uncertain);
  /* the name may say .html, but without any tag the bytes are plain text */
  if (g_content_type_is_a (ctype, "text/html") && has_markup (data, len))
    return FORMAT_HTML;
  if (g_content_type_is_a (ctype, "application/pdf"))
    return FORMAT_PDF;
  if (g_content_type_is_a (ctype, "text/plain") || !arx_import_looks_binary (data, len))
    return FORMAT_TEXT;
  *ctype_out = g_steal_pointer (&ctype);
  return FORMAT_UNKNOWN;
}

static gboolean
is_blank (const char *data,
          gsize       len)
{
  static const char bom[] = "\xEF\xBB\xBF";

  if (len >= 3 && memcmp (data, bom, 3) == 0)
    {
      data += 3;
      len -= 3;
    }
  for (gsize i = 0; i < len; i++)
    if (!g_ascii_isspace (data[i]))
      return FALSE;
  return TRUE;
}

static GPtrArray *
read_xml (const char             *data,
          gsize                   len,
          Format                  format,
          const ArxImportContext *ctx,
          GError                **error)
{
  g_autoptr(xmlDoc) doc = arx_xml_parse (data, len, ctx, error);

  if (doc == NULL)
    return NULL;
  switch (format)
    {
    case FORMAT_NITF:
      return arx_nitf_reader_read (doc, ctx, error);
    case FORMAT_NEWSML:
      return arx_newsml_reader_read (doc, ctx, error);
    case FORMAT_FEED:
      return arx_feed_reader_read (doc, ctx, error);
    case FORMAT_JATS:
      return arx_jats_reader_read (doc, ctx, error);
    default:
      g_set_error (error, ARX_ERROR, ARX_ERROR_UNSUPPORTED_FORMAT,
                   _("%s: unsupported XML format (root element <%s>)"), ctx->name,
                   xmlDocGetRootElement (doc)->name);
      return NULL;
    }
}

static GPtrArray *
import_data (GBytes                 *bytes,
             const ArxImportContext *ctx,
             const char             *charset,
             GError                **error)
{
  gsize len;
  const char *data = g_bytes_get_data (bytes, &len);
  ArxArticle *article = NULL;
  g_autofree char *ctype = NULL;
  Format format;

  if (len > ctx->limits->max_bytes)
    {
      g_set_error (error, ARX_ERROR, ARX_ERROR_TOO_LARGE, _("%s: too large (%zu bytes; the limit is %zu)"),
                   ctx->name, len, ctx->limits->max_bytes);
      return NULL;
    }
  if (data == NULL || is_blank (data, len))
    {
      g_set_error (error, ARX_ERROR, ARX_ERROR_NOT_AN_ARTICLE, _("%s: the file is empty"), ctx->name);
      return NULL;
    }
  /* UTF-16 (Windows "Unicode" text, some XML): convert once, then sniff the UTF-8 */
  if (len >= 2 && (((guchar)data[0] == 0xFF && (guchar)data[1] == 0xFE)
                   || ((guchar)data[0] == 0xFE && (guchar)data[1] == 0xFF)))
    {
      gsize out_len = 0;
      char *utf8 = g_convert (data + 2, len - 2, "UTF-8", (guchar)data[0] == 0xFF ? "UTF-16LE" : "UTF-16BE",
                              NULL, &out_len, NULL);
      g_autoptr(GBytes) converted = NULL;

      if (utf8 == NULL)
        {
          g_set_error (error, ARX_ERROR, ARX_ERROR_NOT_AN_ARTICLE, _("%s: invalid UTF-16 text"), ctx->name);
          return NULL;
        }
      converted = g_bytes_new_take (utf8, out_len);
      return import_data (converted, ctx, "UTF-8", error);
    }
  format = sniff (data, len, ctx->name, &ctype);
  switch (format)
    {
    case FORMAT_PDF:
      return arx_pdf_reader_read (bytes, ctx, error);
    case FORMAT_MHTML:
      return arx_mhtml_reader_read (data, len, ctx, error);
    case FORMAT_HTML:
    case FORMAT_XHTML:
      article = arx_html_reader_read (data, len, charset, ctx, error);
      return article ? arx_import_single (article, ctx, "html") : NULL;
    case FORMAT_TEXT:
      article = arx_text_reader_read (data, len, ctx, error);
      return article ? arx_import_single (article, ctx, "text") : NULL;
    case FORMAT_UNKNOWN:
      {
        /* say what it is when GIO knows ("PNG image", "Zip archive") */
        g_autofree char *what = ctype != NULL && !g_content_type_is_unknown (ctype)
                                ? g_content_type_get_description (ctype) : NULL;

        g_set_error (error, ARX_ERROR, ARX_ERROR_NOT_AN_ARTICLE, _("%s: not an article (%s)"), ctx->name,
                     what != NULL ? what : _("binary data of an unknown format"));
      }
      return NULL;
    default:
      return read_xml (data, len, format, ctx, error);
    }
}

/* GIO's messages name the file again ("Error opening file “/a/b.txt”: No such file or
 * directory"); the caller names it once, so say only the reason when it is a common one. */
static void
set_file_error (GError       **error,
                int            code,
                const char    *name,
                const GError  *io_error)
{
  const char *reason = io_error->message;

  if (g_error_matches (io_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    reason = "no such file";
  else if (g_error_matches (io_error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED))
    reason = "permission denied";
  else if (g_error_matches (io_error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY))
    reason = "a folder, not a file";
  g_set_error (error, ARX_ERROR, code, "%s: %s", name, reason);
}

static char *
display_name (const char *uri)
{
  g_autoptr(GFile) file = NULL;

  if (uri == NULL)
    return g_strdup ("unnamed document");
  if (!g_str_has_prefix (uri, "file:"))
    return g_strdup (uri);
  file = g_file_new_for_uri (uri);
  return g_file_get_parse_name (file);
}

GPtrArray *
arx_import_bytes (GBytes                *bytes,
                  const char            *source_uri,
                  const ArxImportLimits *limits,
                  GError               **error)
{
  ArxImportLimits defaults;
  g_autofree char *name = display_name (source_uri);
  ArxImportContext ctx = { name, source_uri, limits };

  g_return_val_if_fail (bytes != NULL, NULL);
  if (limits == NULL)
    {
      arx_import_limits_init (&defaults);
      ctx.limits = &defaults;
    }
  return import_data (bytes, &ctx, NULL, error);
}

GPtrArray *
arx_import_file (GFile                 *file,
                 const ArxImportLimits *limits,
                 GCancellable          *cancellable,
                 GError               **error)
{
  ArxImportLimits defaults;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *uri = g_file_get_uri (file);
  g_autofree char *name = g_file_get_parse_name (file);
  g_autoptr(GError) local = NULL;
  ArxImportContext ctx = { name, uri, limits };

  if (limits == NULL)
    {
      arx_import_limits_init (&defaults);
      ctx.limits = &defaults;
    }
  /* A link dragged from a browser arrives as a GFile too: fetch it with our own client. */
  if (g_file_has_uri_scheme (file, "http") || g_file_has_uri_scheme (file, "https"))
    return arx_import_uri (uri, ctx.limits, cancellable, error);
  /* check the size before reading a huge file into memory */
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE, cancellable, &local);
  if (info == NULL)
    {
      set_file_error (error, ARX_ERROR_NOT_FOUND, name, local);
      return NULL;
    }
  if ((guint64)g_file_info_get_size (info) > ctx.limits->max_bytes)
    {
      g_set_error (error, ARX_ERROR, ARX_ERROR_TOO_LARGE, _("%s: too large (%" PRId64 " bytes; the limit is %zu)"),
                   name, g_file_info_get_size (info), ctx.limits->max_bytes);
      return NULL;
    }
  bytes = g_file_load_bytes (file, cancellable, NULL, &local);
  if (bytes == NULL)
    {
      set_file_error (error, ARX_ERROR_FAILED, name, local);
      return NULL;
    }
  return import_data (bytes, &ctx, NULL, error);
}

GPtrArray *
arx_import_uri (const char            *uri,
                const ArxImportLimits *limits,
                GCancellable          *cancellable,
                GError               **error)
{
  ArxImportLimits defaults;
  g_autofree char *content_type = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *charset = NULL;
  ArxImportContext ctx = { uri, uri, limits };

  if (limits == NULL)
    {
      arx_import_limits_init (&defaults);
      ctx.limits = &defaults;
    }
  if (!g_str_has_prefix (uri, "http://") && !g_str_has_prefix (uri, "https://"))
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (uri);
      return arx_import_file (file, ctx.limits, cancellable, error);
    }
  bytes = arx_url_fetch (uri, ctx.limits, cancellable, &content_type, error);
  if (bytes == NULL)
    return NULL;
  /* the server's charset label beats a guess */
  if (content_type != NULL)
    {
      const char *cs = strstr (content_type, "charset=");

      if (cs != NULL)
        {
          cs += 8;
          while (*cs == '"' || *cs == '\'' || *cs == ' ')
            cs++;
          charset = g_strndup (cs, strcspn (cs, "\"'; "));
        }
    }
  return import_data (bytes, &ctx, charset, error);
}

GPtrArray *
arx_import_pasted_text (const char *text,
                        gssize      length,
                        GError    **error)
{
  ArxImportLimits limits;
  gsize len = length < 0 ? strlen (text) : (gsize)length;
  g_autoptr(GBytes) bytes = g_bytes_new (text, len);
  ArxImportContext ctx = { "pasted text", NULL, &limits };
  g_autofree char *root = arx_xml_root_name (text, len);

  arx_import_limits_init (&limits);
  /* Pasted text is text unless it is clearly markup (copied page source). */
  if (root != NULL || head_contains (text, len, "<html") || head_contains (text, len, "<body"))
    return import_data (bytes, &ctx, NULL, error);
  if (is_blank (text, len))
    {
      g_set_error (error, ARX_ERROR, ARX_ERROR_NOT_AN_ARTICLE, _("pasted text: nothing was pasted"));
      return NULL;
    }
  {
    ArxArticle *article = arx_text_reader_read (text, len, &ctx, error);
    return article ? arx_import_single (article, &ctx, "text") : NULL;
  }
}
