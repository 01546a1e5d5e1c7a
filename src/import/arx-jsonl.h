/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* JSON Lines for clusters: the request lines `arx analyze --jsonl` reads and the analysis
 * lines `arx import --analyses` loads. Each function takes one line in a buffer (no newline,
 * not NUL-terminated, any bytes), so a fuzzer can call it directly. */

#include <json-glib/json-glib.h>

#include "arx-import.h"

G_BEGIN_DECLS

char       *arx_jsonl_peek_id          (const char             *line,
                                        gsize                   len);
ArxArticle *arx_jsonl_read_request     (const char             *line,
                                        gsize                   len,
                                        const ArxImportLimits  *limits,
                                        char                  **out_id,
                                        GError                **error);
gboolean    arx_jsonl_read_analysis    (const char             *line,
                                        gsize                   len,
                                        ArxArticle            **out_article,
                                        ArxAnalysis           **out_analysis,
                                        char                  **out_analyzer,
                                        GError                **error);

/* shared by the two readers */
const char *_arx_jsonl_string          (JsonObject             *object,
                                        const char             *key);

G_END_DECLS
