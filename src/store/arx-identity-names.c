/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "arx-identity"

#include "config.h"

#include <string.h>

#include "arx-identity-private.h"

#define in_list(list, word) _arx_words_in (ARX_WORDS_##list, word)

/* ArxName's public functions: the parse (cached; arx-identity-name-read.c reads a name),
 * copy and free, and whether two names can be one person. */

static ArxName *
copy_name (const ArxName *name)
{
  ArxName *copy = g_memdup2 (name, sizeof *name);

  copy->surface = g_strdup (name->surface);
  copy->name = g_strdup (name->name);
  copy->key = g_strdup (name->key);
  copy->first = g_strdup (name->first);
  copy->last = g_strdup (name->last);
  copy->suffix = g_strdup (name->suffix);
  copy->loose = g_strdup (name->loose);
  copy->middles = g_ptr_array_new_full (name->middles->len, g_free);
  for (guint i = 0; i < name->middles->len; i++)
    g_ptr_array_add (copy->middles, g_strdup (g_ptr_array_index (name->middles, i)));
  return copy;
}

/* Parsing is a pure function of the name and the hint, and a library's articles name the
 * same people again and again: the names parsed last are kept (a third of the import's
 * writer went into parsing the same names). */
#define MAX_PARSED 8192

G_LOCK_DEFINE_STATIC (parsed);
static GHashTable *parsed;   /* "<kind hint>:<surface>" -> ArxName */

/**
 * arx_name_parse:
 * @surface: a speaker or entity name as an analysis wrote it
 * @kind_hint: what the analysis took it for
 *
 * Thread-safe.
 *
 * Returns: (transfer full): what the name is and its keys.
 */
ArxName *
arx_name_parse (const char    *surface,
                ArxEntityKind  kind_hint)
{
  char *key = g_strdup_printf ("%d:%s", kind_hint, surface != NULL ? surface : "");
  ArxName *name;

  G_LOCK (parsed);
  if (parsed == NULL)
    parsed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify)arx_name_free);
  name = g_hash_table_lookup (parsed, key);
  if (name != NULL)
    {
      name = copy_name (name);
      G_UNLOCK (parsed);
      g_free (key);
      return name;
    }
  G_UNLOCK (parsed);

  name = _arx_name_read (surface, kind_hint);
  G_LOCK (parsed);
  if (g_hash_table_size (parsed) >= MAX_PARSED)
    g_hash_table_remove_all (parsed);
  g_hash_table_replace (parsed, key, copy_name (name));
  G_UNLOCK (parsed);
  return name;
}

void
arx_name_free (ArxName *name)
{
  if (name == NULL)
    return;
  g_free (name->surface);
  g_free (name->name);
  g_free (name->key);
  g_free (name->first);
  g_free (name->last);
  g_free (name->suffix);
  g_free (name->loose);
  g_ptr_array_unref (name->middles);
  g_free (name);
}

/* "Tom" and "Thomas", "Don" and "Donald": one first name is the start of the other. */
static gboolean
first_names_agree (const char *a,
                   const char *b)
{
  if (a == NULL || b == NULL)
    return TRUE;
  if (strlen (a) == 1 || strlen (b) == 1)
    return a[0] == b[0];
  return g_str_has_prefix (a, b) || g_str_has_prefix (b, a);
}

/**
 * arx_name_compatible:
 *
 * Whether two person names can be one person: the same surname and suffix, first names that
 * agree, and middle names that agree where both have them ("Donald J. Trump" and "Donald
 * Trump"; not "George W. Bush" and "George H. W. Bush").
 */
gboolean
arx_name_compatible (const ArxName *a,
                     const ArxName *b)
{
  if (a->klass != ARX_NAME_PERSON || b->klass != ARX_NAME_PERSON)
    return FALSE;
  if (g_strcmp0 (a->last, b->last) != 0 || g_strcmp0 (a->suffix, b->suffix) != 0)
    return FALSE;
  if (a->first == NULL || b->first == NULL)
    return FALSE;
  if (g_strcmp0 (a->first, b->first) != 0)
    return FALSE;
  return _arx_name_middles_agree (a, b);
}

/* Middle names and initials agree where both names have them ("George W. Bush" and "George
 * Bush"; not "George W. Bush" and "George H.W. Bush"). */
gboolean
_arx_name_middles_agree (const ArxName *a,
                         const ArxName *b)
{
  if (a->middles->len == 0 || b->middles->len == 0)
    return TRUE;
  if (a->middles->len != b->middles->len)
    return FALSE;
  for (guint i = 0; i < a->middles->len; i++)
    if (!first_names_agree (g_ptr_array_index (a->middles, i), g_ptr_array_index (b->middles, i)))
      return FALSE;
  return TRUE;
}

gboolean
arx_name_is_pronoun (const char *surface)
{
  g_autofree char *key = arx_name_fold (surface);

  return in_list (PRONOUNS, key);
}

/* Used by the alias rules: a nickname-tolerant first-name match. */
gboolean
_arx_name_first_names_agree (const char *a,
                             const char *b)
{
  return first_names_agree (a, b);
}
