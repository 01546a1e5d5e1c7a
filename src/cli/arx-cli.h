/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Options that every subcommand accepts, parsed once by arx.c. */
typedef struct
{
  char     *library_path;  /* --library, or NULL for the default */
  gboolean  json;          /* --json: JSON Lines output */
} ArxCliGlobals;

typedef int (*ArxCliCommand) (const ArxCliGlobals *globals,
                              int                  argc,
                              char               **argv);

int  arx_cmd_analyze    (const ArxCliGlobals *globals, int argc, char **argv);
int  arx_cmd_import     (const ArxCliGlobals *globals, int argc, char **argv);
int  arx_cmd_list       (const ArxCliGlobals *globals, int argc, char **argv);
int  arx_cmd_statements (const ArxCliGlobals *globals, int argc, char **argv);
int  arx_cmd_export     (const ArxCliGlobals *globals, int argc, char **argv);

/* Prints "arx: FILE: reason" on stderr, the one format every command uses for a bad input. */
void arx_cli_report     (const char          *what,
                         const GError        *error);

G_END_DECLS
