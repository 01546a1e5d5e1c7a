/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "arx-identity"

#include "config.h"

#include <string.h>

#include "arx-identity-private.h"

/* Who each name of one article is across the library.
 *
 * Within the article: full names that can be one person are one ("Donald J. Trump", "Donald
 * Trump"); a surname or first name alone joins the one full name of the article it belongs
 * to, and stays a speaker of this article when two people of the article share it. Across
 * the library: a full name joins the person known by that name or, through a middle name or
 * initial, the one person it fits; a surname alone joins the person best known by it (the
 * store decides again as the library grows, see arx_identity_pick_surname()); a first name
 * alone never leaves its article, nor do groups and unnamed sources. */

struct _ArxIdentityArticle
{
  GPtrArray *items;      /* (element-type ArxIdentityItem) */
  ArxName   *byline;     /* the article's author, who reports and does not speak */
};

static void
item_free (gpointer data)
{
  ArxIdentityItem *item = data;

  g_free (item->surface);
  g_clear_pointer (&item->aliases, g_ptr_array_unref);
  g_clear_pointer (&item->name, arx_name_free);
  g_free (item->key);
  g_free (item->display);
  g_clear_pointer (&item->names, g_ptr_array_unref);
  g_clear_pointer (&item->alias_names, g_ptr_array_unref);
  g_free (item);
}

/**
 * arx_identity_article_new:
 * @byline: (nullable): the article's byline; its author is no speaker of it
 */
ArxIdentityArticle *
arx_identity_article_new (const char *byline)
{
  ArxIdentityArticle *self = g_new0 (ArxIdentityArticle, 1);

  self->items = g_ptr_array_new_with_free_func (item_free);
  if (byline != NULL)
    {
      const char *by = byline;

      if (g_ascii_strncasecmp (by, "by ", 3) == 0)
        by += 3;
      self->byline = arx_name_parse (by, ARX_ENTITY_PERSON);
      if (self->byline->klass != ARX_NAME_PERSON || self->byline->first == NULL)
        g_clear_pointer (&self->byline, arx_name_free);
    }
  return self;
}

void
arx_identity_article_free (ArxIdentityArticle *self)
{
  if (self == NULL)
    return;
  g_ptr_array_unref (self->items);
  g_clear_pointer (&self->byline, arx_name_free);
  g_free (self);
}

/**
 * arx_identity_article_add:
 * @speaker_kind: the speaker kind the analysis gave this name's statements, or -1
 * @aliases: (nullable) (element-type utf8): the analysis' other forms of the name
 *
 * Returns: the index of the new item.
 */
guint
arx_identity_article_add (ArxIdentityArticle *self,
                          const char         *surface,
                          ArxEntityKind       entity_kind,
                          int                 speaker_kind,
                          GPtrArray          *aliases,
                          guint               n_mentions)
{
  ArxIdentityItem *item = g_new0 (ArxIdentityItem, 1);

  item->surface = g_strdup (surface != NULL ? surface : "");
  item->entity_kind = entity_kind;
  item->speaker_kind = speaker_kind;
  item->aliases = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; aliases != NULL && i < aliases->len; i++)
    g_ptr_array_add (item->aliases, g_strdup (g_ptr_array_index (aliases, i)));
  item->n_mentions = n_mentions;
  item->same_as = -1;
  item->names = g_ptr_array_new_with_free_func (_arx_identity_alias_free);
  g_ptr_array_add (self->items, item);
  return self->items->len - 1;
}

guint
arx_identity_article_get_n_items (ArxIdentityArticle *self)
{
  return self->items->len;
}

ArxIdentityItem *
arx_identity_article_get_item (ArxIdentityArticle *self,
                               guint               index)
{
  g_return_val_if_fail (index < self->items->len, NULL);
  return g_ptr_array_index (self->items, index);
}

/* The item whose identity item @index shares (itself when it shares none). */
const ArxIdentityItem *
arx_identity_article_get_root (ArxIdentityArticle *self,
                               guint               index)
{
  ArxIdentityItem *item = arx_identity_article_get_item (self, index);

  while (item->same_as >= 0)
    item = g_ptr_array_index (self->items, item->same_as);
  return item;
}

static int
root_index (ArxIdentityArticle *self,
            int                 index)
{
  while (((ArxIdentityItem *)g_ptr_array_index (self->items, index))->same_as >= 0)
    index = ((ArxIdentityItem *)g_ptr_array_index (self->items, index))->same_as;
  return index;
}

/* Resolution */

static ArxSpeakerKind
kind_of_class (ArxNameClass klass)
{
  switch (klass)
    {
    case ARX_NAME_PERSON:
      return ARX_SPEAKER_PERSON;
    case ARX_NAME_ORGANIZATION:
      return ARX_SPEAKER_ORGANIZATION;
    case ARX_NAME_GROUP:
      return ARX_SPEAKER_GROUP;
    case ARX_NAME_UNNAMED:
    case ARX_NAME_NOBODY:
    default:
      return ARX_SPEAKER_OTHER;
    }
}

const ArxName *
_arx_identity_item_alias (ArxIdentityItem *item,
                          guint            index)
{
  if (item->alias_names == NULL)
    {
      item->alias_names = g_ptr_array_new_with_free_func ((GDestroyNotify)arx_name_free);
      for (guint i = 0; i < item->aliases->len; i++)
        g_ptr_array_add (item->alias_names,
                         arx_name_parse (g_ptr_array_index (item->aliases, i), item->entity_kind));
    }
  return g_ptr_array_index (item->alias_names, index);
}

/* Reads the name, and takes a fuller form of it from the aliases: an entity the analysis
 * named by a headline fragment or a surname may also carry the full name. */
static void
parse_item (ArxIdentityArticle *self,
            ArxIdentityItem    *item)
{
  item->name = arx_name_parse (item->surface, item->entity_kind);
  if (item->name->klass == ARX_NAME_PERSON || item->name->klass == ARX_NAME_NOBODY)
    for (guint i = 0; i < item->aliases->len; i++)
      {
        const ArxName *a = _arx_identity_item_alias (item, i);
        gboolean fuller = FALSE;

        if (!_arx_name_is_full_person (a))
          continue;
        if (item->name->klass == ARX_NAME_NOBODY)
          fuller = TRUE;
        else if (item->name->first == NULL)
          fuller = g_strcmp0 (a->last, item->name->last) == 0;
        else
          fuller = arx_name_compatible (a, item->name) && a->n_words > item->name->n_words;
        if (fuller)
          {
            arx_name_free (item->name);
            item->name = arx_name_parse (g_ptr_array_index (item->aliases, i), item->entity_kind);
          }
      }
  /* The analysis knows a group when it sees one ("the protesters" it read as one). */
  if (item->speaker_kind == ARX_SPEAKER_GROUP && item->name->klass == ARX_NAME_UNNAMED)
    item->name->klass = ARX_NAME_GROUP;
  if (self->byline != NULL && _arx_name_is_full_person (item->name) &&
      arx_name_compatible (item->name, self->byline))
    item->name->klass = ARX_NAME_NOBODY;
  item->kind = kind_of_class (item->name->klass);
}

static gboolean
is_single_person (const ArxName *name)
{
  return (name->klass == ARX_NAME_PERSON && name->first == NULL) ||
         (name->klass == ARX_NAME_ORGANIZATION && name->weak_org && name->n_words == 1);
}

static void
join (ArxIdentityArticle *self,
      ArxIdentityItem    *item,
      int                 root)
{
  ArxIdentityItem *r = g_ptr_array_index (self->items, root);

  item->same_as = root;
  item->kind = r->kind;
}

/* The mentions of an item and of every item that joined it. */
static guint
mentions_of_root (ArxIdentityArticle *self,
                  guint               root)
{
  guint n = 0;

  for (guint i = 0; i < self->items->len; i++)
    {
      ArxIdentityItem *item = g_ptr_array_index (self->items, i);

      if (i == root || item->same_as == (int)root)
        n += MAX (item->n_mentions, 1);
    }
  return n;
}

static gboolean
is_person_or_org (const ArxName *name)
{
  return name->klass == ARX_NAME_PERSON || name->klass == ARX_NAME_ORGANIZATION;
}

/* Same-article joins of full names and of organisations, groups and unnamed sources that
 * have the same key. */
static void
join_by_name (ArxIdentityArticle *self)
{
  for (guint i = 0; i < self->items->len; i++)
    {
      ArxIdentityItem *item = g_ptr_array_index (self->items, i);
      const ArxName *name = item->name;

      if (name->klass == ARX_NAME_NOBODY || is_single_person (name))
        continue;
      for (guint j = 0; j < i; j++)
        {
          ArxIdentityItem *other = g_ptr_array_index (self->items, j);

          if (other->same_as >= 0 || is_single_person (other->name))
            continue;
          /* "Ivanka Trump" tagged once as an organisation and once as a person is one:
           * the person. */
          if (other->name->klass != name->klass && is_person_or_org (name) &&
              is_person_or_org (other->name) && g_strcmp0 (name->key, other->name->key) == 0)
            {
              if (name->klass == ARX_NAME_PERSON)
                {
                  join (self, other, i);
                  continue;
                }
              join (self, item, j);
              break;
            }
          if (other->name->klass != name->klass)
            continue;
          if ((name->klass == ARX_NAME_PERSON && arx_name_compatible (name, other->name)) ||
              (name->klass != ARX_NAME_PERSON && g_strcmp0 (name->key, other->name->key) == 0))
            {
              join (self, item, j);
              /* The fuller form names the new speaker. */
              if (name->n_words > other->name->n_words)
                {
                  g_free (other->display);
                  other->display = g_strdup (name->name);
                }
              break;
            }
        }
    }
}

static const char *
last_word (const char *key)
{
  const char *space = strrchr (key, ' ');

  return space != NULL ? space + 1 : key;
}

/* Joins root @i to the only other root @accepts takes, if there is exactly one. */
static void
join_unique (ArxIdentityArticle *self,
             guint               i,
             gboolean          (*accepts) (const ArxIdentityItem *item,
                                           const ArxIdentityItem *other))
{
  ArxIdentityItem *item = g_ptr_array_index (self->items, i);
  int found = -1;

  for (guint j = 0; j < self->items->len; j++)
    {
      ArxIdentityItem *other = g_ptr_array_index (self->items, j);

      if (j == i || other->same_as >= 0 || !accepts (item, other))
        continue;
      if (found >= 0)
        return;
      found = j;
    }
  if (found >= 0 && root_index (self, found) != (int)i)
    join (self, item, found);
}

/* "Eriksson Ek" is the end of "Joel Eriksson Ek". */
static gboolean
is_tail_of (const ArxIdentityItem *item,
            const ArxIdentityItem *other)
{
  const char *key = item->name->key, *full = other->name->key;
  gsize len, full_len;

  /* @other may be nobody (a pronoun): no key */
  if (!_arx_name_is_full_person (other->name))
    return FALSE;
  len = strlen (key);
  full_len = strlen (full);
  return full_len > len + 1 && strcmp (full + full_len - len, key) == 0 &&
         full[full_len - len - 1] == ' ';
}

/* "the expert" after "one legal expert", "The report" after "a report in the Argus Leader". */
static gboolean
is_antecedent (const ArxIdentityItem *item,
               const ArxIdentityItem *other)
{
  return (other->name->klass == ARX_NAME_UNNAMED || other->name->klass == ARX_NAME_GROUP) &&
         other->name->klass == item->name->klass &&
         strcmp (last_word (other->name->key), last_word (item->name->key)) == 0;
}

/* Joins what an article names in a shorter way to the one fuller form it has. */
static void
join_short_forms (ArxIdentityArticle *self)
{
  for (guint i = 0; i < self->items->len; i++)
    {
      ArxIdentityItem *item = g_ptr_array_index (self->items, i);
      const ArxName *name = item->name;

      if (item->same_as >= 0)
        continue;
      if (_arx_name_is_full_person (name) && !_arx_name_is_first_name (name->first))
        join_unique (self, i, is_tail_of);
      else if ((name->klass == ARX_NAME_UNNAMED || name->klass == ARX_NAME_GROUP) &&
               g_str_has_prefix (name->key, "the "))
        join_unique (self, i, is_antecedent);
    }
}

/* The full-name root of this article whose surname (or else first name) is @word: -1 for
 * none, -2 for several, with @out_by_mentions the one of them named far more often than the
 * others in this article (or -1). */
static int
find_in_article (ArxIdentityArticle *self,
                 const char         *word,
                 int                *out_by_mentions)
{
  *out_by_mentions = -1;
  for (int pass = 0; pass < 2; pass++)
    {
      int best = -1;
      guint best_n = 0, second_n = 0, found = 0;

      for (guint j = 0; j < self->items->len; j++)
        {
          ArxIdentityItem *other = g_ptr_array_index (self->items, j);
          const ArxName *name = other->name;
          guint n = mentions_of_root (self, j);

          if (other->same_as >= 0 || !_arx_name_is_full_person (name))
            continue;
          if (g_strcmp0 (pass == 0 ? name->last : name->first, word) != 0)
            continue;
          found++;
          if (best < 0 || n > best_n)
            {
              second_n = best < 0 ? second_n : best_n;
              best = j;
              best_n = n;
            }
          else
            second_n = MAX (second_n, n);
        }
      if (found == 1)
        return best;
      if (found > 1)
        {
          if (best_n >= ARX_IDENTITY_DOMINANCE * MAX (second_n, 1))
            *out_by_mentions = best;
          return -2;
        }
    }
  return -1;
}

/* Of the article's full names with surname @word, the one of the person the library names far
 * more often than any other with that surname, or -1. Only when the library knows each of
 * them: a Lopez it has never seen may be the one meant. */
static gboolean
find_known_in_article (ArxIdentityArticle       *self,
                       const char               *word,
                       const ArxIdentityLookup  *lookup,
                       int                      *out_index,
                       GError                  **error)
{
  g_autoptr(GArray) found = NULL;
  gboolean famous = FALSE;
  gint64 known;
  int index = -1;

  *out_index = -1;
  if (!_arx_identity_find (lookup->find_surname, lookup->data, word, &found, error))
    return FALSE;
  known = arx_identity_pick_surname ((ArxIdentityCandidate *)(gpointer)found->data, found->len);
  if (known == 0)
    return TRUE;
  for (guint i = 0; i < found->len; i++)
    if (g_array_index (found, ArxIdentityCandidate, i).id == known)
      famous = famous || g_array_index (found, ArxIdentityCandidate, i).n_named >= ARX_IDENTITY_FAMOUS;
  for (guint j = 0; j < self->items->len; j++)
    {
      ArxIdentityItem *other = g_ptr_array_index (self->items, j);

      if (other->same_as >= 0 || !_arx_name_is_full_person (other->name) ||
          g_strcmp0 (other->name->last, word) != 0)
        continue;
      /* A Lopez the library has never seen may be the one meant; a Trump it has never seen
       * beside the Trump it names in dozens of articles is not. */
      if (!_arx_identity_fits_any (other->name, found, 0) && !famous)
        return TRUE;
      if (index < 0 && _arx_identity_fits_any (other->name, found, known))
        index = j;
    }
  *out_index = index;
  return TRUE;
}

/* Two people of the article with one surname ("Carly Fiorina", "Frank Fiorina"): the
 * analysis ties a "Fiorina" and the descriptions around it to either, and often the wrong
 * one, so neither takes descriptions from this article. */
static void
mark_shared_surnames (ArxIdentityArticle *self)
{
  for (guint i = 0; i < self->items->len; i++)
    {
      ArxIdentityItem *a = g_ptr_array_index (self->items, i);

      if (a->same_as >= 0 || !_arx_name_is_full_person (a->name))
        continue;
      for (guint j = i + 1; j < self->items->len; j++)
        {
          ArxIdentityItem *b = g_ptr_array_index (self->items, j);

          if (b->same_as >= 0 || !_arx_name_is_full_person (b->name) ||
              g_strcmp0 (a->name->last, b->name->last) != 0)
            continue;
          a->shares_surname = TRUE;
          b->shares_surname = TRUE;
        }
    }
}

/**
 * arx_identity_article_resolve:
 * @lookup: how to find library people by key
 *
 * Decides who every item of the article is. Items that share an identity point at one root
 * (arx_identity_article_get_root()); each root says how it links to the library and, for
 * ARX_LINK_NAME, which library person it is (0: a new one, named @display).
 */
gboolean
arx_identity_article_resolve (ArxIdentityArticle       *self,
                              const ArxIdentityLookup  *lookup,
                              GError                  **error)
{
  for (guint i = 0; i < self->items->len; i++)
    parse_item (self, g_ptr_array_index (self->items, i));
  join_by_name (self);
  join_short_forms (self);

  /* One word: the article's full name it belongs to, or an earlier same word. */
  for (guint i = 0; i < self->items->len; i++)
    {
      ArxIdentityItem *item = g_ptr_array_index (self->items, i);
      const char *word;
      int in_article, by_mentions;

      if (!is_single_person (item->name))
        continue;
      word = item->name->last != NULL ? item->name->last : item->name->key;
      in_article = find_in_article (self, word, &by_mentions);
      if (in_article >= 0)
        {
          join (self, item, in_article);
          continue;
        }
      if (in_article == -2)
        {
          /* Two people of the article have it: the one the library knows far better
           * ("Trump" beside Donald and Ivanka Trump), else the one this article names far
           * more often, else "Lopez" stays here, unresolved. */
          if (!find_known_in_article (self, word, lookup, &in_article, error))
            return FALSE;
          if (in_article < 0)
            in_article = by_mentions;
          if (in_article >= 0)
            {
              join (self, item, in_article);
              continue;
            }
          item->link = ARX_LINK_LOCAL;
          item->kind = ARX_SPEAKER_PERSON;
          item->key = g_strdup (word);
          continue;
        }
      for (guint j = 0; j < i; j++)
        {
          ArxIdentityItem *other = g_ptr_array_index (self->items, j);

          if (other->same_as < 0 && is_single_person (other->name) &&
              g_strcmp0 (other->name->key, item->name->key) == 0)
            {
              join (self, item, j);
              break;
            }
        }
    }

  for (guint i = 0; i < self->items->len; i++)
    {
      ArxIdentityItem *item = g_ptr_array_index (self->items, i);
      const ArxName *name = item->name;

      if (item->same_as >= 0)
        continue;
      if (item->link == ARX_LINK_NONE)
        switch (name->klass)
          {
          case ARX_NAME_NOBODY:
            break;
          case ARX_NAME_GROUP:
          case ARX_NAME_UNNAMED:
            item->link = ARX_LINK_LOCAL;
            item->key = g_strdup (name->key);
            break;
          case ARX_NAME_PERSON:
          case ARX_NAME_ORGANIZATION:
          default:
            if (!is_single_person (name))
              {
                item->link = ARX_LINK_NAME;
                item->key = g_strdup (name->key);
              }
            else if (!_arx_identity_resolve_single (item, lookup, error))
              return FALSE;
            break;
          }
      if (item->display == NULL && name->name != NULL)
        item->display = g_strdup (name->name);
      if (item->display == NULL && item->link != ARX_LINK_NONE)
        item->display = g_strdup (item->surface);
    }

  mark_shared_surnames (self);
  /* Names and aliases go to the roots; then full names look for their library person. */
  for (guint i = 0; i < self->items->len; i++)
    {
      ArxIdentityItem *item = g_ptr_array_index (self->items, i);
      ArxIdentityItem *root = g_ptr_array_index (self->items, root_index (self, i));

      _arx_identity_collect_names (root, item);
      if (item->same_as >= 0)
        item->kind = root->kind;
    }
  for (guint i = 0; i < self->items->len; i++)
    {
      ArxIdentityItem *item = g_ptr_array_index (self->items, i);

      if (item->same_as >= 0 || item->link != ARX_LINK_NAME || item->person_id != 0)
        continue;
      if (_arx_name_is_full_person (item->name))
        {
          if (!_arx_identity_resolve_full_name (item, lookup, error))
            return FALSE;
        }
      else if (item->name->klass == ARX_NAME_ORGANIZATION)
        {
          g_autoptr(GArray) found = NULL;

          if (!_arx_identity_find (lookup->find_key, lookup->data, item->key, &found, error))
            return FALSE;
          item->person_id = _arx_identity_pick_best ((ArxIdentityCandidate *)(gpointer)found->data, found->len, FALSE);
        }
    }
  return TRUE;
}

