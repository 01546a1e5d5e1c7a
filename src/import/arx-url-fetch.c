/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "arx-import"

#include "config.h"

#include <inttypes.h>
#include <libsoup/soup.h>
#include <glib/gi18n.h>

#include "arx-import-private.h"

/* Blocking http(s) fetch for a worker thread: one session per call (sessions are cheap and this
 * keeps the function thread-safe), a timeout for connect and for each read, and a size limit
 * enforced while reading, not only from Content-Length. */

static void
set_network_error (GError    **error,
                   const char *uri,
                   GError     *local,
                   guint       timeout)
{
  if (g_error_matches (local, G_IO_ERROR, G_IO_ERROR_TIMED_OUT))
    g_set_error (error, ARX_ERROR, ARX_ERROR_NETWORK, _("%s: no answer within %u seconds"), uri, timeout);
  else if (g_error_matches (local, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_set_error (error, ARX_ERROR, ARX_ERROR_NETWORK, _("%s: cancelled"), uri);
  else if (local != NULL && local->domain == G_RESOLVER_ERROR)
    g_set_error (error, ARX_ERROR, ARX_ERROR_NETWORK, _("%s: cannot resolve the host name; are you offline? (%s)"),
                 uri, local->message);
  else
    g_set_error (error, ARX_ERROR, ARX_ERROR_NETWORK, _("%s: could not download (%s)"), uri,
                 local ? local->message : _("unknown error"));
}

GBytes *
arx_url_fetch (const char            *uri,
               const ArxImportLimits *limits,
               GCancellable          *cancellable,
               char                 **content_type,
               GError               **error)
{
  g_autoptr(SoupSession) session = NULL;
  g_autoptr(SoupMessage) msg = NULL;
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(GByteArray) body = NULL;
  g_autoptr(GError) local = NULL;
  guint status;
  goffset declared;

  msg = soup_message_new (SOUP_METHOD_GET, uri);
  if (msg == NULL)
    {
      g_set_error (error, ARX_ERROR, ARX_ERROR_NETWORK, _("%s: not a valid URL"), uri);
      return NULL;
    }
  session = soup_session_new_with_options ("timeout", limits->fetch_timeout,
                                           "idle-timeout", limits->fetch_timeout,
                                           "user-agent", "ArticleExplorer/" PACKAGE_VERSION,
                                           NULL);
  stream = soup_session_send (session, msg, cancellable, &local);
  if (stream == NULL)
    {
      set_network_error (error, uri, local, limits->fetch_timeout);
      return NULL;
    }
  status = soup_message_get_status (msg);
  if (status < 200 || status >= 300)
    {
      g_set_error (error, ARX_ERROR, status == 404 || status == 410 ? ARX_ERROR_NOT_FOUND : ARX_ERROR_NETWORK,
                   _("%s: the server answered %u %s"), uri, status,
                   soup_message_get_reason_phrase (msg) ? soup_message_get_reason_phrase (msg) : "");
      return NULL;
    }
  declared = soup_message_headers_get_content_length (soup_message_get_response_headers (msg));
  if (declared > 0 && (guint64)declared > limits->max_bytes)
    {
      g_set_error (error, ARX_ERROR, ARX_ERROR_TOO_LARGE, _("%s: too large (%" PRId64 " bytes; the limit is %zu)"),
                   uri, (gint64)declared, limits->max_bytes);
      return NULL;
    }
  body = g_byte_array_new ();
  for (;;)
    {
      guint8 buf[16384];
      gssize n = g_input_stream_read (stream, buf, sizeof buf, cancellable, &local);

      if (n < 0)
        {
          set_network_error (error, uri, local, limits->fetch_timeout);
          return NULL;
        }
      if (n == 0)
        break;
      if (body->len + (gsize)n > limits->max_bytes)
        {
          g_set_error (error, ARX_ERROR, ARX_ERROR_TOO_LARGE, _("%s: too large (more than %zu bytes)"),
                       uri, limits->max_bytes);
          return NULL;
        }
      g_byte_array_append (body, buf, n);
    }
  g_input_stream_close (stream, NULL, NULL);
  if (content_type != NULL)
    *content_type = g_strdup (soup_message_headers_get_one (soup_message_get_response_headers (msg), "Content-Type"));
  return g_byte_array_free_to_bytes (g_steal_pointer (&body));
}
