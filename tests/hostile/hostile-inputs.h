/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Inputs a user may drop that are built to hurt, generated on the fly (never committed):
 * shared by tests/hostile (each must give a result or a clear error) and bench/hostile
 * (which times them). */
typedef struct
{
  const char *name;       /* test case and bench row */
  const char *file_name;  /* what the input is saved as */
  const char *what;       /* one line for people */
  const char *refusal;    /* words of the error the input must get, or NULL when it is read */
  GBytes   *(*make)     (void);
} ArxHostileInput;

const ArxHostileInput *arx_hostile_inputs      (guint *n_inputs);
/* One JSON line, `arx analyze --jsonl` request or `arx import --analyses` line, with a member
 * nested 100,000 deep between valid members (not a file: those commands read lines). */
GBytes                *arx_hostile_nested_json_line (void);
const ArxHostileInput *arx_hostile_input_find  (const char *name);

G_END_DECLS
