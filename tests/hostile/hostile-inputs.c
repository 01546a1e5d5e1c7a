/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>
#include <cairo.h>
#include <cairo-pdf.h>

#include "hostile-inputs.h"

static const char *const first_names[] = {
  "Anna", "Tom", "Eli", "Ruth", "Marta", "Lena", "Igor", "Sami", "Noor", "Pablo", "Kenji", "Ada",
};
static const char *const surnames[] = {
  "Berg", "Reyes", "Quill", "Ortiz", "Nakamura", "Okafor", "Lind", "Haddad", "Costa", "Novak",
};

static GBytes *
take_string (GString *s)
{
  gsize len = s->len;

  return g_bytes_new_take (g_string_free (s, FALSE), len);
}

/* A made-up name for the @i-th person: twelve first names, so first names repeat and
 * surnames (with a number) rarely do. */
static void
append_person (GString *s,
               guint    i)
{
  g_string_append_printf (s, "%s %s%u", first_names[i % G_N_ELEMENTS (first_names)],
                          surnames[(i / G_N_ELEMENTS (first_names)) % G_N_ELEMENTS (surnames)],
                          i % 977);
}

/* One news paragraph: a person, a quotation, reported speech. */
static void
append_news_paragraph (GString *s,
                       guint    i)
{
  append_person (s, i);
  g_string_append (s, ", a spokesperson for the Harbour Authority, said on Tuesday that the ferry "
                      "would run again. \xe2\x80\x9cWe have waited two winters for this,\xe2\x80\x9d ");
  g_string_append (s, first_names[i % G_N_ELEMENTS (first_names)]);
  g_string_append (s, " said. The council said it would publish the timetable this week.");
}

static GBytes *
make_nested_divs (void)
{
  GString *s = g_string_new ("<!DOCTYPE html><html><head><title>Deep</title></head><body>");

  for (guint i = 0; i < 100000; i++)
    g_string_append (s, "<div>");
  g_string_append (s, "<p>The mayor said the bridge would open on Monday after years of delay.</p>");
  for (guint i = 0; i < 100000; i++)
    g_string_append (s, "</div>");
  g_string_append (s, "</body></html>\n");
  return take_string (s);
}

static GBytes *
make_quotation_marks (void)
{
  GString *s = g_string_new ("Quotation marks everywhere\n\n");

  /* straight, curly, guillemets and primes, opening and closing in no order */
  for (guint i = 0; i < 100000; i++)
    g_string_append (s, (i % 4 == 0) ? "\"" : (i % 4 == 1) ? "\xe2\x80\x9c" : (i % 4 == 2) ? "\xe2\x80\x9d" : "\xc2\xab");
  g_string_append (s, "\n\nThe mayor said \"yes\".\n");
  return take_string (s);
}

static GBytes *
make_big_text (void)
{
  GString *s = g_string_sized_new (20 * 1024 * 1024 + 1024);

  g_string_append (s, "Harbour news\n\n");
  for (guint i = 0; s->len < 20 * 1000 * 1000; i++)
    {
      append_news_paragraph (s, i);
      g_string_append (s, "\n\n");
    }
  return take_string (s);
}

static GBytes *
make_nul_and_invalid_utf8 (void)
{
  static const char chunk[] = "The council met on Tuesday.\0\0 It voted \xff\xfe on the \xc3 bridge\xe2\x80.\0\n\n"
                              "Marta Quill said \xed\xa0\x80 \"yes\" \xf4\x90\x80\x80.\n\n";
  GString *s = g_string_new ("Harbour news\n\n");

  for (guint i = 0; i < 200; i++)
    g_string_append_len (s, chunk, sizeof chunk - 1);
  return take_string (s);
}

static GBytes *
make_big_feed (void)
{
  GString *s = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel>"
                             "<title>Harbour</title><link>https://example.org/</link>");

  for (guint i = 0; i < 20000; i++)
    {
      g_string_append_printf (s, "<item><title>Ferry news %u</title><link>https://example.org/%u</link>"
                                 "<description>", i, i);
      append_news_paragraph (s, i);
      g_string_append (s, "</description></item>\n");
    }
  g_string_append (s, "</channel></rss>\n");
  return take_string (s);
}

static GBytes *
make_one_line (void)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; s->len < 1000 * 1000; i++)
    {
      append_news_paragraph (s, i);
      g_string_append_c (s, ' ');
    }
  return take_string (s);
}

/* A small page and a 30 MB image part: most of the file is base64 the reader must skip or
 * decode within the size limit. */
static GBytes *
make_base64_mhtml (void)
{
  GString *s = g_string_new ("From: <Saved by Blink>\r\nSubject: Ferry\r\nMIME-Version: 1.0\r\n"
                             "Content-Type: multipart/related; type=\"text/html\"; boundary=\"----B\"\r\n\r\n"
                             "------B\r\nContent-Type: text/html\r\nContent-Transfer-Encoding: quoted-printable\r\n"
                             "Content-Location: https://example.org/ferry\r\n\r\n"
                             "<html><head><title>Ferry returns</title></head><body><article><h1>Ferry returns</h1>"
                             "<p>The ferry to Skerry Island runs again from Monday, the council said on Tuesday.</p>"
                             "<p>=E2=80=9CWe have waited two winters,=E2=80=9D said Marta Quill.</p>"
                             "</article></body></html>\r\n"
                             "------B\r\nContent-Type: image/png\r\nContent-Transfer-Encoding: base64\r\n"
                             "Content-Location: https://example.org/huge.png\r\n\r\n");

  for (guint line = 0; line < 30 * 1000 * 1000 / 76; line++)
    g_string_append (s, "QUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFB\r\n");
  g_string_append (s, "------B--\r\n");
  return take_string (s);
}

static cairo_status_t
append_bytes (void                *closure,
              const unsigned char *data,
              unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

static GBytes *
make_many_pages_pdf (void)
{
  GByteArray *out = g_byte_array_new ();
  cairo_surface_t *surface = cairo_pdf_surface_create_for_stream (append_bytes, out, 595, 842);
  cairo_t *cr = cairo_create (surface);
  g_autoptr(GString) line = g_string_new (NULL);

  cairo_select_font_face (cr, "sans-serif", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
  cairo_set_font_size (cr, 11);
  for (guint page = 0; page < 3000; page++)
    {
      g_string_truncate (line, 0);
      append_person (line, page);
      g_string_append (line, " said the ferry would run again.");
      cairo_move_to (cr, 72, 72);
      cairo_show_text (cr, "Harbour Gazette");
      cairo_move_to (cr, 72, 110);
      cairo_show_text (cr, line->str);
      cairo_show_page (cr);
    }
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  cairo_surface_destroy (surface);
  return g_byte_array_free_to_bytes (out);
}

/* A page whose JSON-LD nests 100,000 arrays and objects deep. */
static GBytes *
make_nested_json (void)
{
  GString *s = g_string_new ("<!DOCTYPE html><html><head><title>Ferry returns</title>"
                             "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"about\":");

  for (guint i = 0; i < 100000; i++)
    g_string_append (s, i % 2 ? "[" : "{\"a\":");
  g_string_append (s, "1");
  for (guint i = 100000; i > 0; i--)
    g_string_append (s, (i - 1) % 2 ? "]" : "}");
  g_string_append (s, "}</script></head><body><article><h1>Ferry returns</h1>"
                      "<p>The ferry to Skerry Island runs again from Monday, the council said on "
                      "Tuesday, ending two winters without a boat.</p></article></body></html>\n");
  return take_string (s);
}

GBytes *
arx_hostile_nested_json_line (void)
{
  GString *s = g_string_new ("{\"id\": 7, \"schema\": \"arx-analysis/1\", \"deep\": ");

  for (guint i = 0; i < 100000; i++)
    g_string_append (s, i % 2 ? "[" : "{\"a\": ");
  g_string_append (s, "1");
  for (guint i = 100000; i > 0; i--)
    g_string_append (s, (i - 1) % 2 ? "]" : "}");
  g_string_append (s, ", \"text\": \"The mayor said the bridge opens on Monday.\"}");
  return take_string (s);
}

/* Hardening finding 2: one sentence start, then 100,000 stops. */
static GBytes *
make_many_stops (void)
{
  GString *s = g_string_new ("The mayor said ");

  for (guint i = 0; i < 100000; i++)
    g_string_append (s, ". ");
  g_string_append (s, "x\n");
  return take_string (s);
}

/* Hardening finding 3: 600 KB of statements by different people. */
static GBytes *
make_distinct_people (void)
{
  GString *s = g_string_new ("Who said yes\n\n");

  for (guint i = 0; s->len < 600 * 1000; i++)
    {
      g_string_append (s, "Mr. ");
      g_string_append (s, first_names[i % G_N_ELEMENTS (first_names)]);
      g_string_append_printf (s, " %c%c%c%u said \"yes\". ", 'A' + i % 26, 'a' + (i / 26) % 26,
                              'a' + (i / 676) % 26, i);
      if (i % 20 == 19)
        g_string_append (s, "\n\n");
    }
  return take_string (s);
}

static const ArxHostileInput inputs[] = {
  { "nested-divs", "deep.html", "100,000 nested <div> around one paragraph",
    "nested more than 256 deep", make_nested_divs },
  { "quotation-marks", "quotes.txt", "100,000 quotation marks of four kinds",
    NULL, make_quotation_marks },
  { "big-text", "big.txt", "20 MB of news text, 90,000 people",
    NULL, make_big_text },
  { "nul-invalid-utf8", "broken.txt", "NUL bytes, stray and overlong UTF-8, surrogates",
    NULL, make_nul_and_invalid_utf8 },
  { "big-feed", "feed.rss", "an RSS feed of 20,000 items",
    NULL, make_big_feed },
  { "one-line", "one-line.txt", "1 MB of text on one line",
    NULL, make_one_line },
  { "base64-mhtml", "page.mhtml", "MHTML with a 30 MB base64 part",
    NULL, make_base64_mhtml },
  { "many-pages-pdf", "pages.pdf", "a PDF of 3,000 pages",
    NULL, make_many_pages_pdf },
  { "nested-json", "json.html", "a page whose JSON-LD nests 100,000 deep",
    NULL, make_nested_json },
  { "many-stops", "stops.txt", "'The mayor said ' and 100,000 '. ' (finding 2)",
    NULL, make_many_stops },
  { "distinct-people", "people.txt", "600 KB of statements by distinct people (finding 3)",
    NULL, make_distinct_people },
};

const ArxHostileInput *
arx_hostile_inputs (guint *n_inputs)
{
  *n_inputs = G_N_ELEMENTS (inputs);
  return inputs;
}

const ArxHostileInput *
arx_hostile_input_find (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (inputs); i++)
    if (strcmp (inputs[i].name, name) == 0)
      return &inputs[i];
  return NULL;
}
