/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "arx-json-writer"

#include "config.h"

#include <math.h>
#include <string.h>

#include "arx-json-writer.h"

#define MAX_DEPTH 32

typedef struct
{
  guint8 first : 1;
  guint8 inline_ : 1;
} Level;

struct _ArxJsonWriter
{
  GString  *out;
  gboolean  pretty;
  gboolean  after_key;
  guint     depth;
  Level     levels[MAX_DEPTH];
};

/* g_string_append_len () without the call while there is room: the writer appends a few bytes
 * at a time, hundreds of thousands of times for a long article */
static inline void
put (GString    *out,
     const char *s,
     gsize       n)
{
  if (out->len + n < out->allocated_len)
    {
      memcpy (out->str + out->len, s, n);
      out->len += n;
      out->str[out->len] = '\0';
    }
  else
    g_string_append_len (out, s, n);
}

static inline void
put_str (GString    *out,
         const char *s)
{
  put (out, s, strlen (s));
}

ArxJsonWriter *
arx_json_writer_new (gboolean pretty)
{
  ArxJsonWriter *w = g_new0 (ArxJsonWriter, 1);

  w->out = g_string_sized_new (4096);
  w->pretty = pretty;

  return w;
}

void
arx_json_writer_free (ArxJsonWriter *w)
{
  g_string_free (w->out, TRUE);
  g_free (w);
}

char *
arx_json_writer_free_to_string (ArxJsonWriter *w)
{
  char *str = g_string_free (w->out, FALSE);

  g_free (w);
  return str;
}

static gboolean
is_inline (ArxJsonWriter *w)
{
  return !w->pretty || (w->depth > 0 && w->levels[w->depth - 1].inline_);
}

static void
newline (ArxJsonWriter *w)
{
  g_string_append_c (w->out, '\n');
  for (guint i = 0; i < w->depth; i++)
    put_str (w->out, "  ");
}

/* Separator and indentation before a value or a key. */
static void
before_item (ArxJsonWriter *w)
{
  Level *level;

  if (w->after_key)
    {
      w->after_key = FALSE;
      return;
    }
  if (w->depth == 0)
    return;

  level = &w->levels[w->depth - 1];
  if (!level->first)
    g_string_append_c (w->out, ',');
  if (!is_inline (w))
    newline (w);
  else if (w->pretty && !level->first)
    g_string_append_c (w->out, ' ');
  level->first = FALSE;
}

static void
open (ArxJsonWriter *w,
      char           c,
      gboolean       inline_)
{
  gboolean parent_inline = is_inline (w);

  before_item (w);
  g_string_append_c (w->out, c);
  g_assert (w->depth < MAX_DEPTH);
  w->levels[w->depth].first = TRUE;
  w->levels[w->depth].inline_ = inline_ || (w->depth > 0 && parent_inline);
  w->depth++;
}

static void
close (ArxJsonWriter *w,
       char           c)
{
  gboolean was_inline = is_inline (w);
  gboolean empty = w->levels[w->depth - 1].first;

  g_assert (w->depth > 0);
  w->depth--;
  if (!was_inline && !empty)
    newline (w);
  g_string_append_c (w->out, c);
}

void arx_json_writer_begin_object (ArxJsonWriter *w) { open (w, '{', FALSE); }
void arx_json_writer_begin_object_inline (ArxJsonWriter *w) { open (w, '{', TRUE); }
void arx_json_writer_end_object (ArxJsonWriter *w) { close (w, '}'); }
void arx_json_writer_begin_array (ArxJsonWriter *w) { open (w, '[', FALSE); }
void arx_json_writer_begin_array_inline (ArxJsonWriter *w) { open (w, '[', TRUE); }
void arx_json_writer_end_array (ArxJsonWriter *w) { close (w, ']'); }

/* The escape of an ASCII byte that cannot stand in a JSON string as it is */
static void
append_escape (GString *out,
               guchar   c)
{
  const char *esc;
  char buf[8];

  switch (c)
    {
    case '"': esc = "\\\""; break;
    case '\\': esc = "\\\\"; break;
    case '\n': esc = "\\n"; break;
    case '\r': esc = "\\r"; break;
    case '\t': esc = "\\t"; break;
    default:
      g_snprintf (buf, sizeof buf, "\\u%04x", c);
      esc = buf;
    }
  put_str (out, esc);
}

static void
append_escaped (GString    *out,
                const char *s,
                gssize      length)
{
  const char *end = s + (length < 0 ? (gssize)strlen (s) : length);
  const char *run = s;

  g_string_append_c (out, '"');
  for (const char *p = s; p < end; p++)
    {
      guchar c = (guchar)*p;

      if (c >= 0x20 && c != '"' && c != '\\')
        continue;
      put (out, run, p - run);
      append_escape (out, c);
      run = p + 1;
    }
  put (out, run, end - run);
  g_string_append_c (out, '"');
}

void
arx_json_writer_member (ArxJsonWriter *w,
                        const char    *key)
{
  before_item (w);
  append_escaped (w->out, key, -1);
  put_str (w->out, w->pretty ? ": " : ":");
  w->after_key = TRUE;
}

/* Eight bytes at a time: does @x hold a byte below 0x20, a '"', a '\\' or one of 0x80 and
 * above (all the bytes escaping or validation must look at)? */
static inline gboolean
needs_look (guint64 x)
{
  const guint64 ones = G_GUINT64_CONSTANT (0x0101010101010101);
  const guint64 highs = G_GUINT64_CONSTANT (0x8080808080808080);
  guint64 quote = x ^ (ones * '"'), backslash = x ^ (ones * '\\');

  return (((x - ones * 0x20) | x | ((quote - ones) & ~quote) | ((backslash - ones) & ~backslash)) & highs) != 0;
}

/* Appends @value (@length bytes) quoted and escaped, checking that it is valid UTF-8 on the
 * way (each sequence where it starts): FALSE, and @out as it was, when it is not. One pass
 * that copies runs of plain ASCII eight bytes at a time; a whole article's text goes through
 * here. */
static gboolean
append_valid_escaped (GString    *out,
                      const char *value,
                      gsize       length)
{
  const char *p = value, *end = value + length, *run = value;
  gsize was = out->len;

  g_string_append_c (out, '"');
  while (p < end)
    {
      guchar c;

      if (end - p >= 8)
        {
          guint64 x;

          memcpy (&x, p, 8);
          if (!needs_look (x))
            {
              p += 8;
              continue;
            }
        }
      c = (guchar) *p;
      if (c >= 0x80)
        {
          gsize n = g_utf8_skip[c];

          if ((gsize) (end - p) < n || !g_utf8_validate_len (p, n, NULL))
            {
              g_string_truncate (out, was);
              return FALSE;
            }
          p += n;
          continue;
        }
      if (c == 0)
        {
          /* (a NUL inside @length is invalid, as for g_utf8_validate_len) */
          g_string_truncate (out, was);
          return FALSE;
        }
      if (c >= 0x20 && c != '"' && c != '\\')
        {
          p++;
          continue;
        }
      put (out, run, p - run);
      append_escape (out, c);
      run = ++p;
    }
  put (out, run, end - run);
  g_string_append_c (out, '"');
  return TRUE;
}

/* Strings must be valid UTF-8 already; invalid input is repaired rather than passed on. */
void
arx_json_writer_string_len (ArxJsonWriter *w,
                            const char    *value,
                            gssize         length)
{
  before_item (w);
  if (value == NULL)
    {
      put_str (w->out, "null");
      return;
    }
  if (!append_valid_escaped (w->out, value, length < 0 ? strlen (value) : (gsize) length))
    {
      g_autofree char *valid = g_utf8_make_valid (value, length);

      append_escaped (w->out, valid, -1);
    }
}

/* @json must be one valid JSON value already (an id echoed from the input, say). */
void
arx_json_writer_raw (ArxJsonWriter *w,
                     const char    *json)
{
  before_item (w);
  put_str (w->out, json);
}

void
arx_json_writer_string (ArxJsonWriter *w,
                        const char    *value)
{
  arx_json_writer_string_len (w, value, -1);
}

void
arx_json_writer_int (ArxJsonWriter *w,
                     gint64         value)
{
  /* digits by hand: printf's format parsing was a tenth of `arx analyze`, which writes
   * several offsets per entity mention and statement */
  char buf[24], *p = buf + sizeof buf;
  guint64 magnitude = value < 0 ? -(guint64) value : (guint64) value;

  before_item (w);
  do
    *--p = '0' + magnitude % 10;
  while ((magnitude /= 10) > 0);
  if (value < 0)
    *--p = '-';
  put (w->out, p, buf + sizeof buf - p);
}

void
arx_json_writer_double (ArxJsonWriter *w,
                        double         value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  before_item (w);
  if (!isfinite (value))
    {
      put_str (w->out, "null");
      return;
    }
  put_str (w->out, g_ascii_formatd (buf, sizeof buf, "%.3g", value));
}

void
arx_json_writer_boolean (ArxJsonWriter *w,
                         gboolean       value)
{
  before_item (w);
  put_str (w->out, value ? "true" : "false");
}

void
arx_json_writer_null (ArxJsonWriter *w)
{
  before_item (w);
  put_str (w->out, "null");
}

void
arx_json_writer_member_string (ArxJsonWriter *w,
                               const char    *key,
                               const char    *value)
{
  arx_json_writer_member (w, key);
  arx_json_writer_string (w, value);
}

void
arx_json_writer_member_string_len (ArxJsonWriter *w,
                                   const char    *key,
                                   const char    *value,
                                   gssize         length)
{
  arx_json_writer_member (w, key);
  arx_json_writer_string_len (w, value, length);
}

void
arx_json_writer_member_int (ArxJsonWriter *w,
                            const char    *key,
                            gint64         value)
{
  arx_json_writer_member (w, key);
  arx_json_writer_int (w, value);
}

void
arx_json_writer_member_double (ArxJsonWriter *w,
                               const char    *key,
                               double         value)
{
  arx_json_writer_member (w, key);
  arx_json_writer_double (w, value);
}
