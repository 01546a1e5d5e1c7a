/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>
#include <glib/gi18n.h>

#include "arx-i18n.h"

/**
 * arx_i18n_init:
 *
 * Sets the locale from the environment and binds the article-explorer text domain, so that
 * both programs (the app and `arx`) follow LANG, LC_ALL and LANGUAGE.
 *
 * The catalogues are read from the installed LOCALEDIR, or from `$ARX_LOCALEDIR` when it is
 * set: the build tree lays them out as `po/LANG/LC_MESSAGES/article-explorer.mo`, and the test
 * suite points the uninstalled programs there (tests/README.md).
 */
void
arx_i18n_init (void)
{
  const char *localedir = g_getenv ("ARX_LOCALEDIR");

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL && *localedir != '\0' ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}
