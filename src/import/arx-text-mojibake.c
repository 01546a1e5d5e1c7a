/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "arx-import"

#include "config.h"

#include <string.h>

#include "arx-import-private.h"

/* Text encoded to UTF-8 twice ("Investorâ€™s" for "Investor’s"): a page stored as UTF-8 by
 * a tool that had read it as Windows-1252 or Latin-1. Every byte of the original's multi-byte
 * characters became a character of its own, which this file maps back to the byte. */

/* Windows-1252 characters at bytes 0x80-0x9F (0 where the code page has none: those bytes
 * came through as C1 controls). */
static const gunichar cp1252_high[32] = {
  0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039,
  0x0152, 0, 0x017D, 0, 0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC,
  0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
};

/* The byte @c stood for when it is a mis-decoded UTF-8 continuation byte, else -1. */
static int
continuation_byte (gunichar c)
{
  if (c >= 0x80 && c <= 0xBF)
    return c;
  for (guint i = 0; i < G_N_ELEMENTS (cp1252_high); i++)
    if (cp1252_high[i] != 0 && cp1252_high[i] == c)
      return 0x80 + i;
  return -1;
}

/* Reads one double-encoded character at @p: its lead character (U+00C2-U+00F4) and the
 * continuation characters the lead asks for. Returns the bytes' length in @p (0 if none),
 * the repaired character in @out (its UTF-8 bytes) and in @certain whether one of the bytes
 * was 0x80-0x9F, which no Latin text shows as a character ("â€" or a C1 control). */
static gsize
read_double_encoded (const char *p,
                     char        out[4],
                     guint      *out_len,
                     gboolean   *certain)
{
  gunichar lead = g_utf8_get_char (p);
  const char *q = g_utf8_next_char (p);
  guint need;

  if (lead < 0xC2 || lead > 0xF4)
    return 0;
  need = lead < 0xE0 ? 1 : lead < 0xF0 ? 2 : 3;
  out[0] = (char)lead;
  *certain = FALSE;
  for (guint i = 1; i <= need; i++)
    {
      int b;

      if (*q == '\0')
        return 0;
      b = continuation_byte (g_utf8_get_char (q));
      if (b < 0)
        return 0;
      out[i] = (char)b;
      if (b < 0xA0)
        *certain = TRUE;
      q = g_utf8_next_char (q);
    }
  *out_len = need + 1;
  if (!g_utf8_validate_len (out, *out_len, NULL))
    return 0;
  return q - p;
}

/**
 * arx_text_repair_mojibake:
 * @text: (transfer full): valid UTF-8
 *
 * Undoes a second UTF-8 encoding when the text shows it beyond doubt: two or more characters
 * whose bytes include 0x80-0x9F ("â€™", "Ã\u0083"). Then every double-encoded character is
 * repaired, "Ã©" too. Text with one such sequence or none is returned as it is.
 * Returns: (transfer full): the repaired text (maybe @text itself).
 */
char *
arx_text_repair_mojibake (char *text)
{
  guint certain_found = 0;
  GString *out;

  /* a lead character U+00C2-U+00F4 is encoded C3 82 to C3 B4 */
  for (const char *p = text; (p = strchr (p, 0xC3)) != NULL && certain_found < 2; p++)
    {
      char bytes[4];
      guint n;
      gboolean certain;

      if ((guchar)p[1] >= 0x82 && (guchar)p[1] <= 0xB4 && read_double_encoded (p, bytes, &n, &certain) > 0
          && certain)
        certain_found++;
    }
  if (certain_found < 2)
    return text;
  out = g_string_sized_new (strlen (text));
  for (const char *p = text; *p; )
    {
      char bytes[4];
      guint n;
      gboolean certain;
      gsize used = (guchar)*p == 0xC3 ? read_double_encoded (p, bytes, &n, &certain) : 0;

      if (used > 0)
        {
          g_string_append_len (out, bytes, n);
          p += used;
        }
      else
        {
          const char *next = g_utf8_next_char (p);

          g_string_append_len (out, p, next - p);
          p = next;
        }
    }
  g_free (text);
  return g_string_free (out, FALSE);
}
