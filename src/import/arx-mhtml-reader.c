/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "arx-import"

#include "config.h"

#include <string.h>

#include "arx-import-private.h"

/* MHTML ("Save page as… single file", RFC 2557): a MIME multipart/related message whose first
 * text/html part is the page. Only that part is decoded; images and styles are ignored. */

typedef struct
{
  char *content_type;  /* as written, with parameters (the boundary is case-sensitive) */
  char *encoding;      /* Content-Transfer-Encoding, lower case */
  const char *body;
  gsize body_len;
} Part;

static void
part_clear (Part *p)
{
  g_free (p->content_type);
  g_free (p->encoding);
}

/* Parses headers at @data; sets the body pointer after the blank line. */
static void
parse_headers (const char *data,
               gsize       len,
               Part       *part)
{
  const char *p = data, *end = data + len;
  g_autoptr(GString) unfolded = g_string_new (NULL);

  while (p < end)
    {
      const char *eol = memchr (p, '\n', end - p);
      gsize line_len = (eol ? eol : end) - p;

      if (line_len > 0 && p[line_len - 1] == '\r')
        line_len--;
      if (line_len == 0)
        {
          p = eol ? eol + 1 : end;
          break;
        }
      if ((*p == ' ' || *p == '\t') && unfolded->len > 0)
        g_string_append_len (unfolded, p, line_len);
      else
        {
          g_string_append_c (unfolded, '\n');
          g_string_append_len (unfolded, p, line_len);
        }
      p = eol ? eol + 1 : end;
    }
  part->body = p;
  part->body_len = end - p;
  {
    g_auto(GStrv) lines = g_strsplit (unfolded->str, "\n", -1);

    for (guint i = 0; lines[i]; i++)
      {
        char *colon = strchr (lines[i], ':');

        if (colon == NULL)
          continue;
        *colon = '\0';
        if (g_ascii_strcasecmp (g_strstrip (lines[i]), "content-type") == 0)
          part->content_type = g_strdup (g_strstrip (colon + 1));
        else if (g_ascii_strcasecmp (lines[i], "content-transfer-encoding") == 0)
          part->encoding = g_ascii_strdown (g_strstrip (colon + 1), -1);
      }
  }
}

static char *
param (const char *content_type,
       const char *name)
{
  g_autofree char *key = g_strconcat (name, "=", NULL);
  g_autofree char *lower = content_type ? g_ascii_strdown (content_type, -1) : NULL;
  const char *p = lower ? strstr (lower, key) : NULL;
  const char *end;

  if (p == NULL)
    return NULL;
  p = content_type + (p - lower);
  p += strlen (key);
  if (*p == '"')
    {
      p++;
      end = strchr (p, '"');
    }
  else
    end = p + strcspn (p, "; \t");
  return end ? g_strndup (p, end - p) : g_strdup (p);
}

static GBytes *
decode (const Part *part)
{
  if (part->encoding != NULL && g_str_equal (part->encoding, "base64"))
    {
      g_autofree char *clean = g_malloc (part->body_len + 1);
      gsize n = 0, out_len = 0;
      guchar *out;

      for (gsize i = 0; i < part->body_len; i++)
        if (!g_ascii_isspace (part->body[i]))
          clean[n++] = part->body[i];
      clean[n] = '\0';
      out = g_base64_decode (clean, &out_len);
      return g_bytes_new_take (out, out_len);
    }
  if (part->encoding != NULL && g_str_equal (part->encoding, "quoted-printable"))
    {
      GByteArray *out = g_byte_array_sized_new (part->body_len);
      const char *p = part->body, *end = part->body + part->body_len;

      while (p < end)
        {
          if (*p == '=' && end - p >= 2 && (p[1] == '\n' || (p[1] == '\r' && end - p >= 3 && p[2] == '\n')))
            p += p[1] == '\n' ? 2 : 3;  /* soft line break */
          else if (*p == '=' && end - p >= 3 && g_ascii_isxdigit (p[1]) && g_ascii_isxdigit (p[2]))
            {
              guint8 b = g_ascii_xdigit_value (p[1]) * 16 + g_ascii_xdigit_value (p[2]);
              g_byte_array_append (out, &b, 1);
              p += 3;
            }
          else
            {
              g_byte_array_append (out, (const guint8 *)p, 1);
              p++;
            }
        }
      return g_byte_array_free_to_bytes (out);
    }
  return g_bytes_new (part->body, part->body_len);
}

GPtrArray *
arx_mhtml_reader_read (const char             *data,
                       gsize                   len,
                       const ArxImportContext *ctx,
                       GError                **error)
{
  Part top = { 0 };
  g_autofree char *boundary = NULL;
  g_autofree char *delim = NULL;
  GPtrArray *result = NULL;
  const char *p;

  parse_headers (data, len, &top);
  boundary = param (top.content_type, "boundary");
  if (top.content_type != NULL && g_ascii_strncasecmp (top.content_type, "text/html", 9) == 0)
    boundary = NULL;  /* a single-part message: the body is the page */
  else if (boundary == NULL)
    {
      part_clear (&top);
      g_set_error (error, ARX_ERROR, ARX_ERROR_PARSE, "%s: MHTML without a MIME boundary", ctx->name);
      return NULL;
    }

  delim = boundary ? g_strconcat ("--", boundary, NULL) : NULL;
  p = top.body;
  while (p != NULL && p < data + len)
    {
      Part part = { 0 };
      const char *start, *next;

      if (delim != NULL)
        {
          start = g_strstr_len (p, data + len - p, delim);
          if (start == NULL)
            break;
          start += strlen (delim);
          if (data + len - start >= 2 && start[0] == '-' && start[1] == '-')
            break;  /* closing delimiter */
          /* the part's headers start on the line after the delimiter */
          start = memchr (start, '\n', data + len - start);
          if (start == NULL)
            break;
          start++;
          next = g_strstr_len (start, data + len - start, delim);
          parse_headers (start, (next ? next : data + len) - start, &part);
        }
      else
        {
          part.content_type = g_strdup (top.content_type);
          part.encoding = g_strdup (top.encoding);
          part.body = top.body;
          part.body_len = top.body_len;
          next = NULL;
        }
      if (part.content_type != NULL && g_ascii_strncasecmp (part.content_type, "text/html", 9) == 0)
        {
          g_autoptr(GBytes) html = decode (&part);
          g_autofree char *charset = param (part.content_type, "charset");
          gsize html_len;
          const char *html_data = g_bytes_get_data (html, &html_len);
          ArxArticle *article = arx_html_reader_read (html_data ? html_data : "", html_len, charset, ctx, error);

          part_clear (&part);
          if (article != NULL)
            result = arx_import_single (article, ctx, "mhtml");
          part_clear (&top);
          return result;
        }
      part_clear (&part);
      p = next;
    }
  part_clear (&top);
  g_set_error (error, ARX_ERROR, ARX_ERROR_NOT_AN_ARTICLE, "%s: the MHTML archive holds no HTML page", ctx->name);
  return NULL;
}
