/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "arx-error"

#include "config.h"

#include "arx-error.h"

G_DEFINE_QUARK (arx-error-quark, arx_error)
