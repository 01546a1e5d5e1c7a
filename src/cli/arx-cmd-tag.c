/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "arx"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include "arx-cli.h"

/* arx tag ARTICLE TAG…, arx untag ARTICLE TAG…, arx tags [ARTICLE] */
static int
tag_or_untag (const ArxCliGlobals *globals,
              int                  argc,
              char               **argv,
              gboolean             add)
{
  g_autoptr(ArxLibrary) library = NULL;
  guint64 id;
  int status = 0;

  if (!arx_cli_parse_options (_("ARTICLE TAG…"), NULL, &argc, &argv))
    return 2;
  if (argc < 3 || !g_ascii_string_to_unsigned (argv[1], 10, 1, G_MAXINT64, &id, NULL))
    {
      g_printerr (_("arx %s: needs an ARTICLE id and at least one TAG\n"), add ? "tag" : "untag");
      return 2;
    }
  if ((library = arx_cli_open_library (globals)) == NULL)
    return 1;
  for (int i = 2; i < argc; i++)
    {
      g_autoptr(GError) error = NULL;
      gboolean ok = add ? arx_library_tag_article (library, id, argv[i], &error)
                        : arx_library_untag_article (library, id, argv[i], &error);

      if (!ok)
        {
          arx_cli_report (argv[i], error);
          status = 1;
        }
    }
  return status;
}

int
arx_cmd_tag (const ArxCliGlobals *globals,
             int                  argc,
             char               **argv)
{
  return tag_or_untag (globals, argc, argv, TRUE);
}

int
arx_cmd_untag (const ArxCliGlobals *globals,
               int                  argc,
               char               **argv)
{
  return tag_or_untag (globals, argc, argv, FALSE);
}

int
arx_cmd_tags (const ArxCliGlobals *globals,
              int                  argc,
              char               **argv)
{
  g_autoptr(ArxLibrary) library = NULL;
  g_autoptr(GPtrArray) tags = NULL;
  g_autoptr(GError) error = NULL;
  guint64 id = 0;

  if (!arx_cli_parse_options (_("[ARTICLE]"), NULL, &argc, &argv))
    return 2;
  if (argc > 1 && !g_ascii_string_to_unsigned (argv[1], 10, 1, G_MAXINT64, &id, NULL))
    {
      g_printerr (_("arx tags: “%s” is not an article id\n"), argv[1]);
      return 2;
    }
  if ((library = arx_cli_open_library (globals)) == NULL)
    return 1;
  if ((tags = arx_library_list_tags (library, id, &error)) == NULL)
    {
      arx_cli_report (arx_library_get_path (library), error);
      return 1;
    }
  for (guint i = 0; i < tags->len; i++)
    {
      if (globals->json)
        {
          g_autoptr(ArxJsonWriter) w = arx_json_writer_new (FALSE);

          arx_json_writer_begin_object (w);
          arx_json_writer_member_string (w, "tag", g_ptr_array_index (tags, i));
          arx_json_writer_end_object (w);
          arx_cli_print_json_line (g_steal_pointer (&w));
        }
      else
        g_print ("%s\n", (const char *)g_ptr_array_index (tags, i));
    }
  return 0;
}
