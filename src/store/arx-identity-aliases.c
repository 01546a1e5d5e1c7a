/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "arx-identity"

#include "config.h"

#include <string.h>

#include "arx-identity-private.h"

/* What an article's other forms of a name are to the person it names (a name, a title with
 * the name, a description of them, or nothing of theirs), and the name to show for a person
 * among all the forms recorded for them. */

void
_arx_identity_alias_free (gpointer data)
{
  ArxIdentityAlias *alias = data;

  g_free (alias->text);
  g_free (alias->key);
  g_free (alias->loose);
  g_free (alias->surname);
  g_free (alias);
}

/* A definite description of one person or body ("the Vermont senator", "the agency"), short,
 * naming nobody. Indefinite ones ("a top aide", "one Clinton aide") bring in somebody new. */
static gboolean
is_own_description (const char    *surface,
                    const ArxName *parsed)
{
  g_auto(GStrv) words = NULL;

  if (parsed->klass != ARX_NAME_UNNAMED || parsed->n_words > 5 || parsed->n_words < 2)
    return FALSE;
  words = g_strsplit (parsed->key, " ", -1);
  if (strcmp (words[0], "the") != 0)
    return FALSE;
  /* No other person's first name inside ("the Democratic candidate Hillary"). */
  {
    g_auto(GStrv) raw = g_strsplit (parsed->name, " ", -1);

    for (guint i = 1; raw[i] != NULL; i++)
      if (g_unichar_isupper (g_utf8_get_char (raw[i])) && _arx_name_is_first_name (words[i]))
        return FALSE;
  }
  return TRUE;
}

/* What the alias @a (as @alias reads) is to the person or organisation @owner. */
static ArxAliasForm
classify_alias (const char     *alias,
                const ArxName  *a,
                const ArxName  *owner)
{
  ArxAliasForm form = ARX_ALIAS_REJECT;

  if (owner->klass == ARX_NAME_PERSON)
    {
      /* "Mr. Clinton" is not Hillary Clinton. */
      if (a->honorific != 0 && owner->first != NULL)
        {
          char sex = _arx_name_first_name_sex (owner->first);

          if ((sex == 'F' || sex == 'M') && sex != a->honorific)
            return ARX_ALIAS_REJECT;
        }
      if (a->klass == ARX_NAME_PERSON && a->first == NULL)
        {
          if (g_strcmp0 (a->last, owner->last) == 0 || g_strcmp0 (a->last, owner->first) == 0)
            form = a->titled ? ARX_ALIAS_TITLED : ARX_ALIAS_NAME;
        }
      else if (a->klass == ARX_NAME_PERSON && owner->first != NULL)
        {
          /* "George H.W. Bush" is not George W. Bush, whatever the analysis joined. */
          if (g_strcmp0 (a->last, owner->last) == 0 && g_strcmp0 (a->suffix, owner->suffix) == 0 &&
              _arx_name_first_names_agree (a->first, owner->first) && _arx_name_middles_agree (a, owner))
            form = a->titled ? ARX_ALIAS_TITLED : ARX_ALIAS_NAME;
        }
      else if (is_own_description (alias, a))
        form = ARX_ALIAS_DESCRIPTION;
    }
  else if (owner->klass == ARX_NAME_ORGANIZATION)
    {
      if (a->klass == ARX_NAME_ORGANIZATION)
        form = ARX_ALIAS_NAME;
      else if (a->klass == ARX_NAME_PERSON && a->first == NULL && strstr (owner->key, a->key) != NULL)
        form = ARX_ALIAS_NAME;
      else if (is_own_description (alias, a))
        form = ARX_ALIAS_DESCRIPTION;
    }
  return form;
}

static void
add_name (ArxIdentityItem *root,
          ArxAliasForm     form,
          const char      *text,
          const ArxName   *parsed)
{
  ArxIdentityAlias *alias;
  g_autofree char *key = arx_name_fold (text);

  if (key[0] == '\0')
    return;
  for (guint i = 0; i < root->names->len; i++)
    if (strcmp (((ArxIdentityAlias *)g_ptr_array_index (root->names, i))->key, key) == 0)
      return;
  alias = g_new0 (ArxIdentityAlias, 1);
  alias->form = form;
  alias->text = g_strdup (text);
  alias->key = g_steal_pointer (&key);
  if (form == ARX_ALIAS_NAME && parsed != NULL)
    {
      if (_arx_name_is_full_person (parsed))
        {
          alias->loose = g_strdup (parsed->loose);
          alias->surname = g_strdup (parsed->last);
          alias->strong = TRUE;
        }
      else if (parsed->klass == ARX_NAME_ORGANIZATION)
        alias->strong = TRUE;
    }
  g_ptr_array_add (root->names, alias);
}

static guint
word_count (const char *text)
{
  guint n = 1;

  for (const char *p = text; *p != '\0'; p++)
    n += *p == ' ';
  return n;
}

/* Records @item's own name and its aliases on @root (the item itself or the one it joins). */
void
_arx_identity_collect_names (ArxIdentityItem *root,
                             ArxIdentityItem *item)
{
  const ArxName *owner = root->name;

  if (item->name->klass == ARX_NAME_PERSON || item->name->klass == ARX_NAME_ORGANIZATION)
    add_name (root, ARX_ALIAS_NAME, item->name->name, item->name);
  else if (root->link == ARX_LINK_LOCAL)
    add_name (root, ARX_ALIAS_NAME, item->name->name, NULL);
  if (root->link != ARX_LINK_NAME)
    return;
  for (guint i = 0; i < item->aliases->len; i++)
    {
      const char *text = g_ptr_array_index (item->aliases, i);
      const ArxName *parsed = _arx_identity_item_alias (item, i);
      ArxAliasForm form = classify_alias (text, parsed, owner);

      switch (form)
        {
        case ARX_ALIAS_NAME:
          add_name (root, form, parsed->name, parsed);
          break;
        case ARX_ALIAS_TITLED:
          /* The title and the name, without the sentence around them; a long title
           * ("Democratic presidential candidate") leaves the name alone. */
          if (word_count (parsed->surface) <= parsed->n_words + 2)
            add_name (root, form, parsed->surface, NULL);
          else
            add_name (root, ARX_ALIAS_NAME, parsed->name, parsed);
          break;
        case ARX_ALIAS_DESCRIPTION:
          if (!root->shares_surname)
            add_name (root, form, parsed->name, NULL);
          break;
        case ARX_ALIAS_REJECT:
        default:
          break;
        }
    }
}

/**
 * arx_identity_display_name:
 * @forms: (array length=n_forms): the name forms recorded for one person or organisation
 *
 * The name to show: the fullest form ("Donald J. Trump" over "Donald Trump") among those
 * used at least a tenth as often as the most used full name, so a slip seen once ("B. Hussein
 * Obama") does not name a person seen a thousand times.
 *
 * Returns: (nullable): one of the forms' texts, or NULL when there are none.
 */
const char *
arx_identity_display_name (const ArxIdentityForm *forms,
                           guint                  n_forms)
{
  const ArxIdentityForm *best = NULL;
  guint max_n = 0, best_words = 0;

  /* Against the most used full name: "Okafor" alone, used most, is no measure. */
  for (int pass = 0; pass < 2 && max_n == 0; pass++)
    for (guint i = 0; i < n_forms; i++)
      if (pass == 1 || word_count (forms[i].text) > 1)
        max_n = MAX (max_n, forms[i].n);
  for (guint i = 0; i < n_forms; i++)
    {
      const ArxIdentityForm *f = &forms[i];
      guint words = word_count (f->text);

      if ((guint64)f->n * 10 < max_n)
        continue;
      if (best == NULL || words > best_words ||
          (words == best_words && (f->n > best->n ||
                                   (f->n == best->n && strcmp (f->text, best->text) < 0))))
        {
          best = f;
          best_words = words;
        }
    }
  return best != NULL ? best->text : NULL;
}
