/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "arx-core.h"

G_BEGIN_DECLS

/* Every summary walks the same way: metadata, entities by kind, then the statements grouped by
 * speaker, speakers in the order of their first statement. */
const char *_arx_summary_speaker_of    (const ArxStatement *statement);
GPtrArray  *_arx_summary_speakers      (ArxAnalysis        *analysis);
gboolean    _arx_summary_write_pdf     (ArxArticle         *article,
                                        ArxAnalysis        *analysis,
                                        GFile              *file,
                                        GError            **error);

G_END_DECLS
