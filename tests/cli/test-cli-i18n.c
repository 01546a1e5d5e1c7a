/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>
#include <sys/wait.h>
#include <glib/gstdio.h>
#include <gio/gio.h>

/* The programs follow LANGUAGE: these tests run the built `arx` with the catalogues the build
 * compiled from po/ (ARX_LOCALEDIR points it at build/po, laid out as LANG/LC_MESSAGES), and
 * read the desktop file the build merged from the same catalogues. */

/* Runs arx with @language (NULL: no LANGUAGE at all) in the C.UTF-8 locale, which a fresh
 * Debian has; returns the exit status. */
static int
run_arx (const char  *language,
         const char **args,
         char       **out,
         char       **err)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_auto(GStrv) env = g_get_environ ();
  g_autoptr(GError) error = NULL;
  int status = -1;

  g_assert_nonnull (g_getenv ("ARX_PO_BUILDDIR"));
  env = g_environ_setenv (env, "ARX_LOCALEDIR", g_getenv ("ARX_PO_BUILDDIR"), TRUE);
  env = g_environ_setenv (env, "LC_ALL", "C.UTF-8", TRUE);
  env = g_environ_setenv (env, "LANG", "C.UTF-8", TRUE);
  env = language != NULL ? g_environ_setenv (env, "LANGUAGE", language, TRUE)
                         : g_environ_unsetenv (env, "LANGUAGE");

  g_ptr_array_add (argv, (gpointer)g_getenv ("ARX_BIN"));
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer)args[i]);
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (NULL, (char **)argv->pdata, env, G_SPAWN_DEFAULT, NULL, NULL, out, err,
                &status, &error);
  g_assert_no_error (error);
  return WIFEXITED (status) ? WEXITSTATUS (status) : -1;
}

static void
assert_contains (const char *haystack,
                 const char *needle)
{
  if (strstr (haystack, needle) == NULL)
    g_error ("“%s” not found in:\n%s", needle, haystack);
}

static void
test_help_english_without_language (void)
{
  const char *args[] = { "--help", NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (run_arx (NULL, args, &out, &err), ==, 0);
  assert_contains (out, "Usage: arx [--library PATH]");
  assert_contains (out, "list the articles in the library");
}

static void
test_help_german (void)
{
  const char *args[] = { "--help", NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (run_arx ("de", args, &out, &err), ==, 0);
  assert_contains (out, "Aufruf: arx [--library PFAD] [--json] BEFEHL");
  assert_contains (out, "die Artikel der Bibliothek auflisten");
  assert_contains (out, "Allgemeine Optionen");
  g_assert_null (strstr (out, "list the articles in the library"));
}

static void
test_subcommand_help_german (void)
{
  const char *stats[] = { "stats", "--help", NULL };
  const char *correct[] = { "correct", "--help", NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *out2 = NULL;
  g_autofree char *err2 = NULL;

  /* GOption help: the entries' descriptions and placeholders come from our catalogue. */
  g_assert_cmpint (run_arx ("de", stats, &out, &err), ==, 0);
  assert_contains (out, "--tag=SCHLAGWORT");
  assert_contains (out, "Nur die Artikel mit diesem Schlagwort");
  /* arx correct prints its own usage */
  g_assert_cmpint (run_arx ("de", correct, &out2, &err2), ==, 0);
  assert_contains (out2, "Aufruf: arx correct UNTERBEFEHL");
  assert_contains (out2, "die neueste Korrektur rückgängig machen");
}

static void
test_error_french (void)
{
  const char *args[] = { "frobnicate", NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (run_arx ("fr", args, &out, &err), ==, 2);
  /* French typography: a no-break space before the colon and inside the guillemets */
  assert_contains (err, "arx\u00a0: commande «\u00a0frobnicate\u00a0» inconnue");
}

/* A reader's message starts with the file's name; translated, it must still start with
 * "NAME: " so that arx names the file once (arx_error_message_for_file). */
static void
test_reader_error_german_names_file_once (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("arx-i18n-XXXXXX", &error);
  g_autofree char *empty = g_build_filename (dir, "empty.txt", NULL);
  g_autofree char *expected = g_strdup_printf ("arx: %s: die Datei ist leer\n", empty);
  const char *args[] = { "analyze", empty, NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_no_error (error);
  g_file_set_contents (empty, "", 0, &error);
  g_assert_no_error (error);
  g_assert_cmpint (run_arx ("de", args, &out, &err), !=, 0);
  g_assert_cmpstr (err, ==, expected);

  g_assert_cmpint (g_remove (empty), ==, 0);
  g_rmdir (dir);
}

/* Plural forms follow the language's rule: French counts 0 as singular, German as plural. */
static void
test_plural_forms (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("arx-i18n-XXXXXX", &error);
  g_autofree char *library = g_build_filename (dir, "library.db", NULL);
  const char *args[] = { "--library", library, "reanalyze", NULL };
  g_autofree char *out_fr = NULL;
  g_autofree char *out_de = NULL;
  g_autofree char *err = NULL;

  g_assert_no_error (error);
  g_assert_cmpint (run_arx ("fr", args, &out_fr, &err), ==, 0);
  g_assert_cmpstr (out_fr, ==, "0 article analysé à nouveau\n");
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_arx ("de", args, &out_de, &err), ==, 0);
  g_assert_cmpstr (out_de, ==, "0 Artikel erneut analysiert\n");

  g_assert_cmpint (g_remove (library), ==, 0);
  g_rmdir (dir);
}

/* A line of `arx import --analyses` nested too deep is refused in the user's language, with
 * the file and line named once. */
static void
test_nested_json_german (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("arx-i18n-XXXXXX", &error);
  g_autofree char *library = g_build_filename (dir, "library.db", NULL);
  g_autofree char *lines = g_build_filename (dir, "deep.jsonl", NULL);
  g_autoptr(GString) line = g_string_new ("{\"schema\": \"arx-analysis/1\", \"article\": ");
  const char *args[] = { "--library", library, "import", "--analyses", lines, NULL };
  g_autofree char *expected = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_no_error (error);
  for (guint i = 0; i < 100; i++)
    g_string_append_c (line, '[');
  for (guint i = 0; i < 100; i++)
    g_string_append_c (line, ']');
  g_string_append (line, "}\n");
  g_file_set_contents (lines, line->str, line->len, &error);
  g_assert_no_error (error);

  g_assert_cmpint (run_arx ("de", args, &out, &err), !=, 0);
  expected = g_strdup_printf ("%s:1: kein arx-analysis/1-Objekt: JSON mehr als 64 Ebenen tief "
                              "verschachtelt", lines);
  assert_contains (err, expected);

  g_remove (lines);
  g_remove (library);
  g_rmdir (dir);
}

static void
test_desktop_file_translated (void)
{
  const char *path = g_getenv ("ARX_DESKTOP_FILE");
  g_autoptr(GKeyFile) keys = g_key_file_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *name_de = NULL;
  g_autofree char *name_fr = NULL;

  g_assert_nonnull (path);
  g_key_file_load_from_file (keys, path, G_KEY_FILE_KEEP_TRANSLATIONS, &error);
  g_assert_no_error (error);
  name = g_key_file_get_string (keys, G_KEY_FILE_DESKTOP_GROUP, "Name", &error);
  g_assert_no_error (error);
  /* read the localised keys themselves, not a fallback to Name */
  name_de = g_key_file_get_string (keys, G_KEY_FILE_DESKTOP_GROUP, "Name[de]", &error);
  g_assert_no_error (error);
  name_fr = g_key_file_get_string (keys, G_KEY_FILE_DESKTOP_GROUP, "Name[fr]", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (name, ==, "Article Explorer");
  g_assert_cmpstr (name_de, ==, "Artikel-Explorer");
  g_assert_cmpstr (name_fr, ==, "Explorateur d’articles");
  g_assert_true (g_key_file_has_key (keys, G_KEY_FILE_DESKTOP_GROUP, "Comment[de]", NULL));
  g_assert_true (g_key_file_has_key (keys, G_KEY_FILE_DESKTOP_GROUP, "Comment[fr]", NULL));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/arx/cli/i18n/help-english-without-language", test_help_english_without_language);
  g_test_add_func ("/arx/cli/i18n/help-german", test_help_german);
  g_test_add_func ("/arx/cli/i18n/subcommand-help-german", test_subcommand_help_german);
  g_test_add_func ("/arx/cli/i18n/error-french", test_error_french);
  g_test_add_func ("/arx/cli/i18n/reader-error-german", test_reader_error_german_names_file_once);
  g_test_add_func ("/arx/cli/i18n/plural-forms", test_plural_forms);
  g_test_add_func ("/arx/cli/i18n/nested-json-german", test_nested_json_german);
  g_test_add_func ("/arx/cli/i18n/desktop-file", test_desktop_file_translated);

  return g_test_run ();
}
