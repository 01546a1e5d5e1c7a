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
    g_string_append (w->out, "  ");
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
      const char *esc = NULL;
      char buf[8];

      if (c >= 0x20 && c != '"' && c != '\\')
        continue;
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
      g_string_append_len (out, run, p - run);
      g_string_append (out, esc);
      run = p + 1;
    }
  g_string_append_len (out, run, end - run);
  g_string_append_c (out, '"');
}

void
arx_json_writer_member (ArxJsonWriter *w,
                        const char    *key)
{
  before_item (w);
  append_escaped (w->out, key, -1);
  g_string_append (w->out, w->pretty ? ": " : ":");
  w->after_key = TRUE;
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
      g_string_append (w->out, "null");
      return;
    }
  if (!g_utf8_validate_len (value, length < 0 ? strlen (value) : (gsize)length, NULL))
    {
      g_autofree char *valid = g_utf8_make_valid (value, length);

      append_escaped (w->out, valid, -1);
      return;
    }
  append_escaped (w->out, value, length);
}

/* @json must be one valid JSON value already (an id echoed from the input, say). */
void
arx_json_writer_raw (ArxJsonWriter *w,
                     const char    *json)
{
  before_item (w);
  g_string_append (w->out, json);
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
  before_item (w);
  g_string_append_printf (w->out, "%" G_GINT64_FORMAT, value);
}

void
arx_json_writer_double (ArxJsonWriter *w,
                        double         value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  before_item (w);
  if (!isfinite (value))
    {
      g_string_append (w->out, "null");
      return;
    }
  g_string_append (w->out, g_ascii_formatd (buf, sizeof buf, "%.3g", value));
}

void
arx_json_writer_boolean (ArxJsonWriter *w,
                         gboolean       value)
{
  before_item (w);
  g_string_append (w->out, value ? "true" : "false");
}

void
arx_json_writer_null (ArxJsonWriter *w)
{
  before_item (w);
  g_string_append (w->out, "null");
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
