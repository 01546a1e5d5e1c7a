/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A small streaming JSON writer: the analysis output is on the hot path of batch analysis,
 * and building a json-glib tree for every token span costs more than the analysis itself. */
typedef struct _ArxJsonWriter ArxJsonWriter;

ArxJsonWriter *arx_json_writer_new                (gboolean       pretty);
void           arx_json_writer_free               (ArxJsonWriter *w);
char          *arx_json_writer_free_to_string     (ArxJsonWriter *w);
void           arx_json_writer_begin_object       (ArxJsonWriter *w);
void           arx_json_writer_begin_object_inline (ArxJsonWriter *w);
void           arx_json_writer_end_object         (ArxJsonWriter *w);
void           arx_json_writer_begin_array        (ArxJsonWriter *w);
void           arx_json_writer_begin_array_inline (ArxJsonWriter *w);
void           arx_json_writer_end_array          (ArxJsonWriter *w);
void           arx_json_writer_member             (ArxJsonWriter *w,
                                                   const char    *key);
void           arx_json_writer_string             (ArxJsonWriter *w,
                                                   const char    *value);
void           arx_json_writer_string_len         (ArxJsonWriter *w,
                                                   const char    *value,
                                                   gssize         length);
void           arx_json_writer_int                (ArxJsonWriter *w,
                                                   gint64         value);
void           arx_json_writer_double             (ArxJsonWriter *w,
                                                   double         value);
void           arx_json_writer_boolean            (ArxJsonWriter *w,
                                                   gboolean       value);
void           arx_json_writer_null               (ArxJsonWriter *w);
void           arx_json_writer_raw                (ArxJsonWriter *w,
                                                   const char    *json);
void           arx_json_writer_member_string      (ArxJsonWriter *w,
                                                   const char    *key,
                                                   const char    *value);
void           arx_json_writer_member_string_len  (ArxJsonWriter *w,
                                                   const char    *key,
                                                   const char    *value,
                                                   gssize         length);
void           arx_json_writer_member_int         (ArxJsonWriter *w,
                                                   const char    *key,
                                                   gint64         value);
void           arx_json_writer_member_double      (ArxJsonWriter *w,
                                                   const char    *key,
                                                   double         value);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ArxJsonWriter, arx_json_writer_free)

G_END_DECLS
