/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>
#include <glib/gi18n.h>

#include "arx-json-writer.h"
#include "arx-library.h"

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
int  arx_cmd_search     (const ArxCliGlobals *globals, int argc, char **argv);
int  arx_cmd_speakers   (const ArxCliGlobals *globals, int argc, char **argv);
int  arx_cmd_correct    (const ArxCliGlobals *globals, int argc, char **argv);
int  arx_cmd_reanalyze  (const ArxCliGlobals *globals, int argc, char **argv);
int  arx_cmd_tag        (const ArxCliGlobals *globals, int argc, char **argv);
int  arx_cmd_untag      (const ArxCliGlobals *globals, int argc, char **argv);
int  arx_cmd_tags       (const ArxCliGlobals *globals, int argc, char **argv);
int  arx_cmd_stats      (const ArxCliGlobals *globals, int argc, char **argv);
int  arx_cmd_provenance (const ArxCliGlobals *globals, int argc, char **argv);

/* arx analyze --jsonl, arx import --analyses; each returns the exit status */
int  arx_cli_analyze_jsonl   (void);
int  arx_cli_import_analyses (const ArxCliGlobals *globals,
                              ArxLibrary          *library,
                              const char          *path);

/* Shared by the library commands (arx-cmd-library.c). */
ArxLibrary *arx_cli_open_library    (const ArxCliGlobals *globals);
gboolean    arx_cli_parse_options   (const char          *usage,
                                     GOptionEntry        *entries,
                                     int                 *argc,
                                     char              ***argv);
/* Prints one JSON Lines record, frees @w, flushes stdout. */
void        arx_cli_print_json_line (ArxJsonWriter       *w);

/* Prints "arx: FILE: reason" on stderr, the one format every command uses for a bad input. */
void arx_cli_report     (const char          *what,
                         const GError        *error);

G_END_DECLS
