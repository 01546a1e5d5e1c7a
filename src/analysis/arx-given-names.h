/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean arx_given_names_are_forms (const char  *a,
                                    const char  *b);
guint    arx_given_name_forms      (const char  *given,
                                    const char **out,
                                    guint        max);

G_END_DECLS
