/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "arx-import"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "arx-import-private.h"

/* MHTML ("Save page as… single file", RFC 2557): a MIME multipart/related message. The page is
 * the root part: the one the "start" parameter names, or the one at the saved page's address
 * (Snapshot-Content-Location), else the first text/html part; later text/html parts are frames
 * (ads, embeds, comment widgets). A root part without article text yields to the frame with
 * the most text. Images and styles are ignored. */

typedef struct
{
  char *content_type;  /* as written, with parameters (the boundary is case-sensitive) */
  char *encoding;      /* Content-Transfer-Encoding, lower case */
  char *id;            /* Content-ID without <> */
  char *location;      /* Content-Location, or the top's Snapshot-Content-Location */
  const char *body;
  gsize body_len;
} Part;

static void
part_clear (Part *p)
{
  g_free (p->content_type);
  g_free (p->encoding);
  g_free (p->id);
  g_free (p->location);
}

static void
part_free (Part *p)
{
  part_clear (p);
  g_free (p);
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
    g_auto(GStrv) lines = arx_import_split_lines (unfolded->str);

    for (guint i = 0; lines[i]; i++)
      {
        char *colon = strchr (lines[i], ':');

        if (colon == NULL)
          continue;
        *colon = '\0';
        /* a header given twice keeps its first value, as the other headers here do */
        if (g_ascii_strcasecmp (g_strstrip (lines[i]), "content-type") == 0)
          {
            if (part->content_type == NULL)
              part->content_type = g_strdup (g_strstrip (colon + 1));
          }
        else if (g_ascii_strcasecmp (lines[i], "content-transfer-encoding") == 0)
          {
            if (part->encoding == NULL)
              part->encoding = g_ascii_strdown (g_strstrip (colon + 1), -1);
          }
        else if (g_ascii_strcasecmp (lines[i], "content-id") == 0 && part->id == NULL)
          {
            char *v = g_strstrip (colon + 1);
            gsize n = strlen (v);

            part->id = n >= 2 && v[0] == '<' && v[n - 1] == '>' ? g_strndup (v + 1, n - 2) : g_strdup (v);
          }
        else if ((g_ascii_strcasecmp (lines[i], "content-location") == 0
                  || g_ascii_strcasecmp (lines[i], "snapshot-content-location") == 0) && part->location == NULL)
          part->location = g_strdup (g_strstrip (colon + 1));
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

static ArxArticle *
read_part (const Part             *part,
           const ArxImportContext *ctx,
           GError                **error)
{
  g_autoptr(GBytes) html = decode (part);
  g_autofree char *charset = param (part->content_type, "charset");
  gsize html_len;
  const char *html_data = g_bytes_get_data (html, &html_len);

  return arx_html_reader_read (html_data ? html_data : "", html_len, charset, ctx, error);
}

/* Index in @parts of the root page. */
static guint
root_part (GPtrArray  *parts,
           const Part *top)
{
  g_autofree char *start = param (top->content_type, "start");

  if (start != NULL)
    {
      const char *id = start[0] == '<' ? start + 1 : start;
      gsize n = strlen (id) - (start[0] == '<' && g_str_has_suffix (start, ">") ? 1 : 0);

      for (guint i = 0; i < parts->len; i++)
        {
          Part *p = g_ptr_array_index (parts, i);
          if (p->id != NULL && strlen (p->id) == n && strncmp (p->id, id, n) == 0)
            return i;
        }
    }
  if (top->location != NULL)
    for (guint i = 0; i < parts->len; i++)
      {
        Part *p = g_ptr_array_index (parts, i);
        if (g_strcmp0 (p->location, top->location) == 0)
          return i;
      }
  return 0;
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
  g_autoptr(GPtrArray) pages = g_ptr_array_new_with_free_func ((GDestroyNotify)part_free);
  g_autoptr(ArxArticle) article = NULL;
  g_autoptr(GError) root_error = NULL;
  const char *p;
  guint root;

  parse_headers (data, len, &top);
  boundary = param (top.content_type, "boundary");
  if (top.content_type != NULL && g_ascii_strncasecmp (top.content_type, "text/html", 9) == 0)
    g_clear_pointer (&boundary, g_free);  /* a single-part message: the body is the page */
  else if (boundary == NULL)
    {
      part_clear (&top);
      g_set_error (error, ARX_ERROR, ARX_ERROR_PARSE, _("%s: MHTML without a MIME boundary"), ctx->name);
      return NULL;
    }

  delim = boundary ? g_strconcat ("--", boundary, NULL) : NULL;
  p = top.body;
  /* the text/html parts (a handful at most: the page and its frames) */
  while (p != NULL && p < data + len && pages->len < 32)
    {
      Part *part = g_new0 (Part, 1);
      const char *start, *next;

      if (delim != NULL)
        {
          start = g_strstr_len (p, data + len - p, delim);
          if (start == NULL)
            {
              part_free (part);
              break;
            }
          start += strlen (delim);
          if (data + len - start >= 2 && start[0] == '-' && start[1] == '-')
            {
              part_free (part);
              break;  /* closing delimiter */
            }
          /* the part's headers start on the line after the delimiter */
          start = memchr (start, '\n', data + len - start);
          if (start == NULL)
            {
              part_free (part);
              break;
            }
          start++;
          next = g_strstr_len (start, data + len - start, delim);
          parse_headers (start, (next ? next : data + len) - start, part);
        }
      else
        {
          part->content_type = g_strdup (top.content_type);
          part->encoding = g_strdup (top.encoding);
          part->body = top.body;
          part->body_len = top.body_len;
          next = NULL;
        }
      if (part->content_type != NULL && g_ascii_strncasecmp (part->content_type, "text/html", 9) == 0)
        g_ptr_array_add (pages, part);
      else
        part_free (part);
      p = next;
    }
  if (pages->len == 0)
    {
      part_clear (&top);
      g_set_error (error, ARX_ERROR, ARX_ERROR_NOT_AN_ARTICLE, _("%s: the MHTML archive holds no HTML page"), ctx->name);
      return NULL;
    }
  root = root_part (pages, &top);
  part_clear (&top);
  article = read_part (g_ptr_array_index (pages, root), ctx, &root_error);
  /* a root page without article text (a frameset, a script shell): the frame with the most */
  if (article == NULL || arx_article_get_text_length (article) < 200)
    for (guint i = 0; i < pages->len; i++)
      {
        g_autoptr(ArxArticle) frame = i != root ? read_part (g_ptr_array_index (pages, i), ctx, NULL) : NULL;

        if (frame != NULL && arx_article_get_text_length (frame)
                             > (article != NULL ? arx_article_get_text_length (article) : 0))
          g_set_object (&article, frame);
      }
  if (article == NULL)
    {
      g_propagate_error (error, g_steal_pointer (&root_error));
      return NULL;
    }
  return arx_import_single (g_steal_pointer (&article), ctx, "mhtml");
}
