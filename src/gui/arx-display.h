/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *arx_display_title (const char *title,
                         const char *source_uri);

G_END_DECLS
