/* SPDX-License-Identifier: GPL-3.0-or-later */
/* arx_import_uri against a SoupServer on 127.0.0.1 (never the internet). */
#include "config.h"

#include <string.h>
#include <libsoup/soup.h>

#include "arx-core.h"
#include "arx-import.h"

static const char page[] =
  "<!DOCTYPE html><html lang=\"en\"><head><title>Ferry fares rise - Harbour News</title>"
  "<meta property=\"article:published_time\" content=\"2025-02-01T10:00:00Z\"></head>"
  "<body><nav><a href=\"/\">Home</a> <a href=\"/news\">News</a></nav>"
  "<article><h1>Ferry fares rise</h1>"
  "<p>Ferry fares will rise by ten percent from April, the operator said on Saturday, blaming fuel costs.</p>"
  "<p>\xe2\x80\x9cWe had no choice,\xe2\x80\x9d said a spokesman for the company, which carries two million people a year.</p>"
  "</article><footer>Contact us</footer></body></html>";

typedef struct
{
  GThread *thread;
  GMainContext *context;
  GMainLoop *loop;
  SoupServer *server;
  char *base;
  GMutex lock;
  GCond ready;
} Server;

static void
handle (SoupServer        *server,
        SoupServerMessage *msg,
        const char        *path,
        GHashTable        *query,
        gpointer           user_data)
{
  if (g_str_equal (path, "/article"))
    {
      soup_server_message_set_status (msg, 200, NULL);
      soup_server_message_set_response (msg, "text/html; charset=utf-8", SOUP_MEMORY_STATIC, page, strlen (page));
    }
  else if (g_str_equal (path, "/latin1"))
    {
      static const char latin1[] = "<html><body><p>Caf\xe9 owners said the rules were fair, in an interview on Monday morning.</p></body></html>";

      soup_server_message_set_status (msg, 200, NULL);
      soup_server_message_set_response (msg, "text/html; charset=\"ISO-8859-1\"", SOUP_MEMORY_STATIC, latin1, strlen (latin1));
    }
  else if (g_str_equal (path, "/big"))
    {
      char *body = g_malloc (200 * 1024);

      memset (body, 'a', 200 * 1024);
      soup_server_message_set_status (msg, 200, NULL);
      soup_server_message_set_response (msg, "text/plain", SOUP_MEMORY_TAKE, body, 200 * 1024);
    }
  else if (g_str_equal (path, "/big-chunked"))
    {
      /* no Content-Length: the limit must hold while reading */
      SoupMessageBody *body = soup_server_message_get_response_body (msg);

      soup_server_message_set_status (msg, 200, NULL);
      soup_message_headers_set_encoding (soup_server_message_get_response_headers (msg), SOUP_ENCODING_CHUNKED);
      soup_message_headers_set_content_type (soup_server_message_get_response_headers (msg), "text/plain", NULL);
      for (guint i = 0; i < 20; i++)
        {
          char chunk[10240];

          memset (chunk, 'b', sizeof chunk);
          soup_message_body_append (body, SOUP_MEMORY_COPY, chunk, sizeof chunk);
        }
      soup_message_body_complete (body);
    }
  else if (g_str_equal (path, "/slow"))
    soup_server_message_pause (msg);  /* never answers */
  else
    soup_server_message_set_status (msg, 404, NULL);
}

static gpointer
server_thread (gpointer data)
{
  Server *s = data;
  g_autoptr(GError) error = NULL;
  GSList *uris;

  g_main_context_push_thread_default (s->context);
  s->server = soup_server_new (NULL, NULL);
  soup_server_add_handler (s->server, NULL, handle, NULL, NULL);
  if (!soup_server_listen_local (s->server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error))
    g_error ("cannot listen on 127.0.0.1: %s", error->message);
  uris = soup_server_get_uris (s->server);
  g_mutex_lock (&s->lock);
  s->base = g_uri_to_string (uris->data);
  g_cond_signal (&s->ready);
  g_mutex_unlock (&s->lock);
  g_slist_free_full (uris, (GDestroyNotify)g_uri_unref);

  g_main_loop_run (s->loop);
  soup_server_disconnect (s->server);
  g_clear_object (&s->server);
  g_main_context_pop_thread_default (s->context);
  return NULL;
}

static Server *
server_start (void)
{
  Server *s = g_new0 (Server, 1);

  g_mutex_init (&s->lock);
  g_cond_init (&s->ready);
  s->context = g_main_context_new ();
  s->loop = g_main_loop_new (s->context, FALSE);
  g_mutex_lock (&s->lock);
  s->thread = g_thread_new ("soup-server", server_thread, s);
  while (s->base == NULL)
    g_cond_wait (&s->ready, &s->lock);
  g_mutex_unlock (&s->lock);
  return s;
}

static gboolean
quit_loop (gpointer data)
{
  g_main_loop_quit (data);
  return G_SOURCE_REMOVE;
}

static void
server_stop (Server *s)
{
  g_main_context_invoke (s->context, quit_loop, s->loop);
  g_thread_join (s->thread);
  g_main_loop_unref (s->loop);
  g_main_context_unref (s->context);
  g_mutex_clear (&s->lock);
  g_cond_clear (&s->ready);
  g_free (s->base);
  g_free (s);
}

static char *
url (Server     *s,
     const char *path)
{
  /* base ends with "/" */
  return g_strconcat (s->base, path + 1, NULL);
}

static void
test_fetch_article (void)
{
  Server *s = server_start ();
  g_autofree char *u = url (s, "/article");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) articles = arx_import_uri (u, NULL, NULL, &error);
  ArxArticle *a;

  g_assert_no_error (error);
  g_assert_cmpuint (articles->len, ==, 1);
  a = g_ptr_array_index (articles, 0);
  g_assert_cmpstr (arx_article_get_source_uri (a), ==, u);
  g_assert_cmpstr (arx_article_get_format (a), ==, "html");
  g_assert_cmpstr (arx_article_get_title (a), ==, "Ferry fares rise");
  g_assert_cmpstr (arx_article_get_published (a), ==, "2025-02-01T10:00:00Z");
  g_assert_cmpstr (arx_article_get_text (a), ==,
                   "Ferry fares will rise by ten percent from April, the operator said on Saturday, blaming fuel costs."
                   "\n\n“We had no choice,” said a spokesman for the company, which carries two million people a year.");
  server_stop (s);
}

static void
test_fetch_charset_header (void)
{
  Server *s = server_start ();
  g_autofree char *u = url (s, "/latin1");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) articles = arx_import_uri (u, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (arx_article_get_text (g_ptr_array_index (articles, 0)), ==,
                   "Café owners said the rules were fair, in an interview on Monday morning.");
  server_stop (s);
}

static void
test_fetch_404 (void)
{
  Server *s = server_start ();
  g_autofree char *u = url (s, "/missing");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) articles = arx_import_uri (u, NULL, NULL, &error);

  g_assert_null (articles);
  g_assert_error (error, ARX_ERROR, ARX_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, u));
  g_assert_nonnull (strstr (error->message, "404"));
  server_stop (s);
}

static void
test_fetch_size_limit (void)
{
  Server *s = server_start ();
  const char *paths[] = { "/big", "/big-chunked" };
  ArxImportLimits limits;

  arx_import_limits_init (&limits);
  limits.max_bytes = 100 * 1024;
  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      g_autofree char *u = url (s, paths[i]);
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) articles = arx_import_uri (u, &limits, NULL, &error);

      g_assert_null (articles);
      g_assert_error (error, ARX_ERROR, ARX_ERROR_TOO_LARGE);
      g_assert_nonnull (strstr (error->message, u));
    }
  server_stop (s);
}

static void
test_fetch_timeout (void)
{
  Server *s = server_start ();
  g_autofree char *u = url (s, "/slow");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) articles = NULL;
  ArxImportLimits limits;

  arx_import_limits_init (&limits);
  limits.fetch_timeout = 1;
  articles = arx_import_uri (u, &limits, NULL, &error);
  g_assert_null (articles);
  g_assert_error (error, ARX_ERROR, ARX_ERROR_NETWORK);
  g_assert_nonnull (strstr (error->message, "1 seconds"));
  server_stop (s);
}

static void
test_fetch_unreachable (void)
{
  /* port 1 on loopback: nothing listens there, as when offline */
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) articles = arx_import_uri ("http://127.0.0.1:1/article", NULL, NULL, &error);

  g_assert_null (articles);
  g_assert_error (error, ARX_ERROR, ARX_ERROR_NETWORK);
  g_assert_nonnull (strstr (error->message, "http://127.0.0.1:1/article"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  arx_import_init ();

  g_test_add_func ("/arx/import/fetch/article", test_fetch_article);
  g_test_add_func ("/arx/import/fetch/charset-header", test_fetch_charset_header);
  g_test_add_func ("/arx/import/fetch/404", test_fetch_404);
  g_test_add_func ("/arx/import/fetch/size-limit", test_fetch_size_limit);
  g_test_add_func ("/arx/import/fetch/timeout", test_fetch_timeout);
  g_test_add_func ("/arx/import/fetch/unreachable", test_fetch_unreachable);

  return g_test_run ();
}
