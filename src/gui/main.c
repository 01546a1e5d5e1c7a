/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "article-explorer"

#include "config.h"

#include "arx-application.h"
#include "arx-i18n.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(ArxApplication) app = NULL;

  arx_i18n_init ();

  app = arx_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
