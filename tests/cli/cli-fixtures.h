/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* What the tests of the library commands share: a temporary library, the built `arx`
 * (ARX_BIN) and the fixtures (ARX_FIXTURES). */

#include <glib/gstdio.h>
#include <gio/gio.h>

typedef struct
{
  char *dir;
  char *library;
} Fixture;

static inline void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("arx-cli-XXXXXX", &error);
  g_assert_no_error (error);
  f->library = g_build_filename (f->dir, "library.db", NULL);
}

static inline void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GDir) dir = g_dir_open (f->dir, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (f->dir, name, NULL);

      g_remove (child);
    }
  g_rmdir (f->dir);
  g_free (f->dir);
  g_free (f->library);
}

static inline const char *
arx_bin (void)
{
  const char *bin = g_getenv ("ARX_BIN");

  g_assert_nonnull (bin);
  return bin;
}

static inline char *
fixture_path (const char *name)
{
  return g_build_filename (g_getenv ("ARX_FIXTURES"), name, NULL);
}

/* Runs arx with --library and @args; returns the exit status. */
static inline int
run_arx (Fixture     *f,
         char       **out_stdout,
         char       **out_stderr,
         const char  *first_arg,
         ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocess) proc = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  va_list args;

  g_ptr_array_add (argv, (char *)arx_bin ());
  g_ptr_array_add (argv, "--library");
  g_ptr_array_add (argv, f->library);
  va_start (args, first_arg);
  for (const char *arg = first_arg; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (char *)arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  proc = g_subprocess_newv ((const char * const *)argv->pdata,
                            G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_communicate_utf8 (proc, NULL, NULL, &out, &err, &error));
  g_assert_no_error (error);
  if (out_stdout != NULL)
    *out_stdout = g_steal_pointer (&out);
  if (out_stderr != NULL)
    *out_stderr = g_steal_pointer (&err);
  return g_subprocess_get_exit_status (proc);
}
