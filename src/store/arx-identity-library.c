/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "arx-identity"

#include "config.h"

#include <string.h>

#include "arx-given-names.h"
#include "arx-identity-private.h"

/* The unit's questions to the library: which library person a full name, a surname or an
 * organisation's name is, from the candidates the lookup finds. */

void
arx_identity_candidate_clear (gpointer data)
{
  ArxIdentityCandidate *candidate = data;

  g_clear_pointer (&candidate->key, g_free);
}

gboolean
_arx_identity_find (ArxIdentityFind   find,
                 gpointer          data,
                 const char       *key,
                 GArray          **out,
                 GError          **error)
{
  *out = g_array_new (FALSE, TRUE, sizeof (ArxIdentityCandidate));
  g_array_set_clear_func (*out, arx_identity_candidate_clear);
  return find == NULL || find (data, key, *out, error);
}

/* The best-known candidate; @dominant asks that it be well ahead of any other person. */
gint64
_arx_identity_pick_best (const ArxIdentityCandidate *candidates,
           guint                       n,
           gboolean                    dominant)
{
  const ArxIdentityCandidate *best = NULL, *second = NULL;

  for (guint i = 0; i < n; i++)
    {
      const ArxIdentityCandidate *c = &candidates[i];

      if (best != NULL && c->id == best->id)
        continue;
      if (best == NULL || c->n_named > best->n_named ||
          (c->n_named == best->n_named && c->id < best->id))
        {
          if (best != NULL && best->id != c->id)
            second = best;
          best = c;
        }
      else if (second == NULL || c->n_named > second->n_named)
        second = c;
    }
  if (best == NULL)
    return 0;
  if (dominant && second != NULL && second->id != best->id &&
      (best->n_named < ARX_IDENTITY_DOMINANCE * second->n_named || best->n_named < second->n_named + 2))
    return 0;
  return best->id;
}

/**
 * arx_identity_pick_surname:
 *
 * The person a surname alone stands for across the library: the only full-name person with
 * that surname, or the one named far more often than any other (Donald Trump, not Eric
 * Trump); 0 when none is clearly meant.
 */
gint64
arx_identity_pick_surname (const ArxIdentityCandidate *candidates,
                           guint                       n_candidates)
{
  return _arx_identity_pick_best (candidates, n_candidates, TRUE);
}

/**
 * arx_identity_keep_surname:
 * @current: the person the surname was decided for before, or 0
 *
 * The person a surname alone stands for now that the library knows @candidates, given whom
 * it stood for: the one clearly meant (arx_identity_pick_surname()), else still @current
 * while no other person with the surname is well known ("Lopez" stays Maria's when an Ana
 * Lopez is named once). Two well-known people with it ("Bush": Jeb and George W.), neither
 * far ahead, and it is nobody's: the answer must not hang on which was imported first.
 *
 * Returns: the person, or 0 when the surname alone is ambiguous
 */
gint64
arx_identity_keep_surname (const ArxIdentityCandidate *candidates,
                           guint                       n_candidates,
                           gint64                      current)
{
  gint64 picked = arx_identity_pick_surname (candidates, n_candidates);
  gboolean has_current = FALSE;

  if (picked != 0 || current == 0)
    return picked;
  for (guint i = 0; i < n_candidates; i++)
    {
      if (candidates[i].id == current)
        has_current = TRUE;
      else if (candidates[i].n_named >= ARX_IDENTITY_FAMOUS)
        return 0;
    }
  return has_current ? current : 0;
}

/* A person's name key ("donald j trump") read as a name: keys are folded, each word gets its
 * capital again. */
static ArxName *
parse_key (const char *key)
{
  g_autofree char *title_case = NULL;
  g_auto(GStrv) words = g_strsplit (key, " ", -1);
  GString *s = g_string_new (NULL);

  for (guint i = 0; words[i] != NULL; i++)
    {
      if (i > 0)
        g_string_append_c (s, ' ');
      g_string_append_unichar (s, g_unichar_toupper (g_utf8_get_char (words[i])));
      g_string_append (s, g_utf8_next_char (words[i]));
    }
  title_case = g_string_free (s, FALSE);
  return arx_name_parse (title_case, ARX_ENTITY_PERSON);
}

/* Whether a person's name key ("donald j trump") fits @name. */
gboolean
_arx_identity_key_fits (const ArxName *name,
          const char    *key)
{
  g_autoptr(ArxName) other = parse_key (key);

  return arx_name_compatible (name, other);
}

/* Whether person @id has a full name among @candidates that cannot be @name: "George P.
 * Bush" fits the "George Bush" of a person who is also "George W. Bush", and is not him. */
static gboolean
contradicts (const ArxName *name,
             GArray        *candidates,
             gint64         id)
{
  for (guint i = 0; i < candidates->len; i++)
    {
      const ArxIdentityCandidate *c = &g_array_index (candidates, ArxIdentityCandidate, i);

      if (c->id == id && !_arx_identity_key_fits (name, c->key))
        return TRUE;
    }
  return FALSE;
}

/* "Ben Rhodes" is the library's Benjamin J. Rhodes, "Stanley B. Greenberg" its Stan
 * Greenberg: the same name with the other usual form of the given name, when exactly one
 * person (or one far better known) has it and none of that person's full names contradicts. */
static gboolean
resolve_given_name_forms (ArxIdentityItem          *item,
                          const ArxIdentityLookup  *lookup,
                          GError                  **error)
{
  const char *forms[8];
  const char *rest = strchr (item->name->key, ' ');
  g_autoptr(GArray) fitting = g_array_new (FALSE, TRUE, sizeof (ArxIdentityCandidate));
  g_autoptr(GPtrArray) kept = g_ptr_array_new_with_free_func ((GDestroyNotify)g_array_unref);
  guint n;

  if (rest == NULL || item->name->first == NULL || item->name->loose == NULL)
    return TRUE;
  n = arx_given_name_forms (item->name->first, forms, G_N_ELEMENTS (forms));
  for (guint f = 0; f < n; f++)
    {
      g_autofree char *key = g_strconcat (forms[f], rest, NULL);
      g_autofree char *loose = g_strconcat (forms[f], strchr (item->name->loose, ' '), NULL);
      g_autoptr(ArxName) variant = parse_key (key);
      GArray *found = NULL;

      if (!_arx_name_is_full_person (variant) ||
          !_arx_identity_find (lookup->find_loose, lookup->data, loose, &found, error))
        {
          g_clear_pointer (&found, g_array_unref);
          if (error != NULL && *error != NULL)
            return FALSE;
          continue;
        }
      g_ptr_array_add (kept, found);
      for (guint i = 0; i < found->len; i++)
        {
          const ArxIdentityCandidate *c = &g_array_index (found, ArxIdentityCandidate, i);

          if (_arx_identity_key_fits (variant, c->key) && !contradicts (variant, found, c->id))
            g_array_append_val (fitting, *c);
        }
    }
  if (fitting->len > 0)
    item->person_id = _arx_identity_pick_best ((ArxIdentityCandidate *)(gpointer)fitting->data,
                                               fitting->len, TRUE);
  return TRUE;
}

/* A full name across the library: its own key, then a middle name or initial more or less,
 * then the full names among its aliases. */
gboolean
_arx_identity_resolve_full_name (ArxIdentityItem          *item,
                   const ArxIdentityLookup  *lookup,
                   GError                  **error)
{
  g_autoptr(GArray) found = NULL;
  g_autoptr(GArray) fitting = NULL;

  if (!_arx_identity_find (lookup->find_key, lookup->data, item->name->key, &found, error))
    return FALSE;
  if (found->len > 0)
    {
      item->person_id = _arx_identity_pick_best ((ArxIdentityCandidate *)(gpointer)found->data, found->len, FALSE);
      return TRUE;
    }
  g_clear_pointer (&found, g_array_unref);
  if (!_arx_identity_find (lookup->find_loose, lookup->data, item->name->loose, &found, error))
    return FALSE;
  fitting = g_array_new (FALSE, TRUE, sizeof (ArxIdentityCandidate));
  for (guint i = 0; i < found->len; i++)
    {
      const ArxIdentityCandidate *c = &g_array_index (found, ArxIdentityCandidate, i);

      if (_arx_identity_key_fits (item->name, c->key) && !contradicts (item->name, found, c->id))
        g_array_append_val (fitting, *c);
    }
  if (fitting->len > 0)
    {
      item->person_id = _arx_identity_pick_best ((ArxIdentityCandidate *)(gpointer)fitting->data, fitting->len, TRUE);
      return TRUE;
    }
  if (!resolve_given_name_forms (item, lookup, error))
    return FALSE;
  if (item->person_id != 0)
    return TRUE;
  /* "Thomas Bossert" as an alias of "Tom Bossert" finds Thomas. */
  for (guint i = 0; i < item->names->len && item->person_id == 0; i++)
    {
      const ArxIdentityAlias *alias = g_ptr_array_index (item->names, i);
      g_autoptr(GArray) by_alias = NULL;

      if (!alias->strong || alias->surname == NULL || strcmp (alias->key, item->name->key) == 0)
        continue;
      if (!_arx_identity_find (lookup->find_key, lookup->data, alias->key, &by_alias, error))
        return FALSE;
      item->person_id = _arx_identity_pick_best ((ArxIdentityCandidate *)(gpointer)by_alias->data, by_alias->len, FALSE);
    }
  return TRUE;
}

/* One word naming a person, with nobody of the article to join. */
gboolean
_arx_identity_resolve_single (ArxIdentityItem          *item,
                const ArxIdentityLookup  *lookup,
                GError                  **error)
{
  g_autoptr(GArray) found = NULL;
  ArxName *name = item->name;

  if (!_arx_identity_find (lookup->find_surname, lookup->data, name->last != NULL ? name->last : name->key,
                        &found, error))
    return FALSE;
  /* An organisation by the analysis' word only ("Reuters", or "Trump" tagged as one): by
   * that word like a surname, so that once the library clearly knows a person by it, the
   * word is theirs (the store moves it only to somebody named in many articles). */
  if (name->klass == ARX_NAME_ORGANIZATION && found->len == 0)
    {
      item->key = g_strdup (name->key);
      item->link = ARX_LINK_SURNAME;
      return TRUE;
    }
  if (name->klass == ARX_NAME_ORGANIZATION)
    {
      name->klass = ARX_NAME_PERSON;
      name->last = g_strdup (name->key);
      item->kind = ARX_SPEAKER_PERSON;
    }
  item->key = g_strdup (name->last);
  item->link = found->len == 0 && name->first_name_only ? ARX_LINK_UNDECIDED : ARX_LINK_SURNAME;
  return TRUE;
}

gboolean
_arx_identity_fits_any (const ArxName *name,
          GArray        *candidates,
          gint64         id)
{
  for (guint i = 0; i < candidates->len; i++)
    {
      const ArxIdentityCandidate *c = &g_array_index (candidates, ArxIdentityCandidate, i);

      if ((id == 0 || c->id == id) && _arx_identity_key_fits (name, c->key))
        return TRUE;
    }
  return FALSE;
}

