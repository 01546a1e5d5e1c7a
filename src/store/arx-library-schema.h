/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "arx-library-private.h"

G_BEGIN_DECLS

int      _arx_schema_latest  (void);
gboolean _arx_schema_migrate (ArxLibrary  *self,
                              int          target_version,
                              GError     **error);

G_END_DECLS
