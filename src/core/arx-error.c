/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "arx-error"

#include "config.h"

#include <string.h>

#include "arx-error.h"

G_DEFINE_QUARK (arx-error-quark, arx_error)

/**
 * arx_error_message_for_file:
 * @name: the file's name as shown to the user
 * @message: an error message about that file
 *
 * Readers already start their messages with the file's name; other layers do not.
 *
 * Returns: (transfer full): "@name: @message", or @message alone when it already starts with
 * @name, so that the name is said once.
 */
char *
arx_error_message_for_file (const char *name,
                            const char *message)
{
  gsize n = strlen (name);

  if (strncmp (message, name, n) == 0 && message[n] == ':')
    return g_strdup (message);
  return g_strdup_printf ("%s: %s", name, message);
}
