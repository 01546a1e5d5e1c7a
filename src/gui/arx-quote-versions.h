/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "arx-library-insights.h"

G_BEGIN_DECLS

#define ARX_TYPE_QUOTE_VERSIONS (arx_quote_versions_get_type ())

G_DECLARE_FINAL_TYPE (ArxQuoteVersions, arx_quote_versions, ARX, QUOTE_VERSIONS, AdwWindow)

ArxQuoteVersions *arx_quote_versions_new          (GtkWindow           *parent,
                                                   const ArxQuoteGroup *group);
GtkListBox       *arx_quote_versions_get_list     (ArxQuoteVersions    *self);
char             *arx_quote_diff_markup           (const char          *earlier,
                                                   const char          *later);

G_END_DECLS
