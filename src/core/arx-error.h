/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define ARX_ERROR (arx_error_quark ())

typedef enum
{
  ARX_ERROR_FAILED,
  ARX_ERROR_PARSE,
  ARX_ERROR_DB,
  ARX_ERROR_UNSUPPORTED_FORMAT,
  ARX_ERROR_NOT_AN_ARTICLE,
  ARX_ERROR_TOO_LARGE,
  ARX_ERROR_UNSAFE,
  ARX_ERROR_NOT_A_LIBRARY,
  ARX_ERROR_NEWER_LIBRARY,
  ARX_ERROR_NOT_FOUND,
  ARX_ERROR_INVALID_QUERY,
  ARX_ERROR_NETWORK,
} ArxError;

GQuark arx_error_quark            (void);
char  *arx_error_message_for_file (const char *name,
                                   const char *message);

G_END_DECLS
