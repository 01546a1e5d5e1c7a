/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>
#include <json-glib/json-glib.h>

#include "arx-core.h"

static void
test_escaping (void)
{
  g_autoptr(ArxJsonWriter) w = arx_json_writer_new (FALSE);
  g_autofree char *out = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *obj;

  arx_json_writer_begin_object (w);
  arx_json_writer_member_string (w, "q", "say \"hi\"\\\n\t\x01 “curly” ✓");
  arx_json_writer_member_string_len (w, "bad", "ok\xff\xfe", 4);
  arx_json_writer_member_int (w, "n", -42);
  arx_json_writer_member_double (w, "d", 0.25);
  arx_json_writer_member (w, "none");
  arx_json_writer_null (w);
  arx_json_writer_end_object (w);
  out = arx_json_writer_free_to_string (g_steal_pointer (&w));

  g_assert_null (strchr (out, '\n'));
  json_parser_load_from_data (parser, out, -1, &error);
  g_assert_no_error (error);
  obj = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (obj, "q"), ==,
                   "say \"hi\"\\\n\t\x01 “curly” ✓");
  g_assert_true (g_utf8_validate (json_object_get_string_member (obj, "bad"), -1, NULL));
  g_assert_cmpint (json_object_get_int_member (obj, "n"), ==, -42);
  g_assert_cmpfloat (json_object_get_double_member (obj, "d"), ==, 0.25);
  g_assert_true (json_object_get_null_member (obj, "none"));
}

/* Strings are checked and escaped eight bytes at a time: valid text comes back as it went
 * in, broken text as g_utf8_make_valid () repairs it, wherever the bad bytes fall */
static void
test_long_strings (void)
{
  static const struct { const char *s; gssize len; } cases[] = {
    { "plain ascii words, long enough for the eight-byte steps", -1 },
    { "quote \" and backslash \\ and tab\t and bell\x07 near the end\"", -1 },
    { "curly “quotes” and an ellipsis… in valid UTF-8, ✓ and 𝄞 too", -1 },
    { "abcdefg\xc3", -1 },                     /* truncated at the very end */
    { "abcdefgh\xed\xa0\x80 surrogate", -1 },   /* an encoded surrogate */
    { "abcdefghijk\xc0\xaf overlong", -1 },
    { "abcdefghijklmno\x80 lone continuation", -1 },
    { "abcdefghij\0klmnopq", 18 },             /* a NUL inside the length */
    { "\xf8\x88\x80\x80\x80 five bytes, then more text", -1 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(ArxJsonWriter) w = arx_json_writer_new (FALSE);
      g_autoptr(JsonParser) parser = json_parser_new ();
      g_autoptr(GError) error = NULL;
      g_autofree char *out = NULL, *want = NULL;

      arx_json_writer_string_len (w, cases[i].s, cases[i].len);
      out = arx_json_writer_free_to_string (g_steal_pointer (&w));
      json_parser_load_from_data (parser, out, -1, &error);
      g_assert_no_error (error);
      want = g_utf8_make_valid (cases[i].s, cases[i].len);
      g_assert_cmpstr (json_node_get_string (json_parser_get_root (parser)), ==, want);
    }
}

/* integers are written digit by digit: the edges of the range, zero, one digit and many */
static void
test_integers (void)
{
  g_autoptr(ArxJsonWriter) w = arx_json_writer_new (FALSE);
  g_autofree char *out = NULL;

  arx_json_writer_begin_array (w);
  arx_json_writer_int (w, 0);
  arx_json_writer_int (w, 7);
  arx_json_writer_int (w, -7);
  arx_json_writer_int (w, 1234567890123);
  arx_json_writer_int (w, G_MAXINT64);
  arx_json_writer_int (w, G_MININT64);
  arx_json_writer_end_array (w);
  out = arx_json_writer_free_to_string (g_steal_pointer (&w));

  g_assert_cmpstr (out, ==, "[0,7,-7,1234567890123,9223372036854775807,-9223372036854775808]");
}

static void
test_pretty (void)
{
  g_autoptr(ArxJsonWriter) w = arx_json_writer_new (TRUE);
  g_autofree char *out = NULL;

  arx_json_writer_begin_object (w);
  arx_json_writer_member (w, "a");
  arx_json_writer_begin_array (w);
  arx_json_writer_begin_object_inline (w);
  arx_json_writer_member_int (w, "start", 1);
  arx_json_writer_member_int (w, "end", 2);
  arx_json_writer_end_object (w);
  arx_json_writer_end_array (w);
  arx_json_writer_member (w, "empty");
  arx_json_writer_begin_array (w);
  arx_json_writer_end_array (w);
  arx_json_writer_end_object (w);
  out = arx_json_writer_free_to_string (g_steal_pointer (&w));

  g_assert_cmpstr (out, ==, "{\n  \"a\": [\n    {\"start\": 1, \"end\": 2}\n  ],\n  \"empty\": []\n}");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/arx/json-writer/escaping", test_escaping);
  g_test_add_func ("/arx/json-writer/integers", test_integers);
  g_test_add_func ("/arx/json-writer/long-strings", test_long_strings);
  g_test_add_func ("/arx/json-writer/pretty", test_pretty);
  return g_test_run ();
}
