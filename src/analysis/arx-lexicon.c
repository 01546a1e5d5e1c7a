/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "arx-analyzer"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include "arx-analysis-resources.h"
#include "arx-ner.h"

#include "arx-lexicon.h"

#define RESOURCE_DIR "/io/github/arx/ArticleExplorer/analysis/"

static GBytes *
lookup (const char *name)
{
  g_autofree char *path = g_strconcat (RESOURCE_DIR, name, NULL);
  g_autoptr(GError) error = NULL;
  GBytes *bytes;

  bytes = g_resource_lookup_data (arx_analysis_data_get_resource (), path,
                                  G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  if (bytes == NULL)
    g_critical ("analysis resource %s: %s", path, error->message);
  return bytes;
}

/* Calls @func for each non-comment line of a resource, with the first and second TAB-separated
 * fields (the second may be NULL). */
static void
each_line (const char *name,
           void      (*func) (GHashTable *table, const char *key, const char *value),
           GHashTable *table)
{
  g_autoptr(GBytes) bytes = lookup (name);
  gsize size;
  const char *data, *end, *line;

  if (bytes == NULL)
    return;
  data = g_bytes_get_data (bytes, &size);
  end = data + size;
  for (line = data; line < end;)
    {
      const char *nl = memchr (line, '\n', end - line);
      const char *eol = nl ? nl : end;
      const char *tab = memchr (line, '\t', eol - line);

      if (eol > line && line[0] != '#')
        {
          g_autofree char *key = g_strndup (line, (tab ? tab : eol) - line);
          g_autofree char *value = tab ? g_strndup (tab + 1, eol - tab - 1) : NULL;

          func (table, key, value);
        }
      line = eol + 1;
    }
}

static void
add_char (GHashTable *table, const char *key, const char *value)
{
  g_hash_table_insert (table, g_strdup (key), GINT_TO_POINTER (value && value[0] ? value[0] : '1'));
}

static void
add_title (GHashTable *table, const char *key, const char *value)
{
  gsize len = strlen (key);

  /* "sen." and "sen" are the same title; tokens are looked up without the final period */
  if (len > 1 && key[len - 1] == '.')
    len--;
  g_hash_table_insert (table, g_strndup (key, len), GINT_TO_POINTER ('1'));
}

static guint max_words;

static void
add_gazetteer (GHashTable *table, const char *key, const char *value)
{
  guint bits = 0, words = 1;
  g_auto(GStrv) kinds = g_strsplit (value ? value : "", ",", -1);

  for (guint i = 0; kinds[i]; i++)
    {
      if (strcmp (kinds[i], "LOC") == 0)
        bits |= ARX_GAZ_LOC;
      else if (strcmp (kinds[i], "ORG") == 0)
        bits |= ARX_GAZ_ORG;
      else if (strcmp (kinds[i], "MISC") == 0)
        bits |= ARX_GAZ_MISC;
    }
  for (const char *p = key; *p; p++)
    {
      if (*p != ' ')
        continue;
      words++;
      /* every word-prefix of a phrase is marked, so matching stops as soon as none goes on */
      {
        g_autofree char *prefix = g_strndup (key, p - key);
        guint old = GPOINTER_TO_UINT (g_hash_table_lookup (table, prefix));

        g_hash_table_insert (table, g_steal_pointer (&prefix), GUINT_TO_POINTER (old | ARX_GAZ_PREFIX));
      }
    }
  max_words = MAX (max_words, words);
  bits |= GPOINTER_TO_UINT (g_hash_table_lookup (table, key)) & ARX_GAZ_PREFIX;
  g_hash_table_insert (table, g_strdup (key), GUINT_TO_POINTER (bits));
}

/* "word<TAB>class<TAB>class[<TAB>percent]": the classes at the two granularities and, for a
 * word in lower case, how often its uses are in lower case; packed as ArxLexicon.clusters says */
static void
add_clusters (GHashTable *table, const char *key, const char *value)
{
  guint small = 0, big = 0, percent = 0, share = 0;
  int n;

  if (value == NULL || (n = sscanf (value, "%u\t%u\t%u", &small, &big, &percent)) < 2 || small > 254 || big > 4094)
    return;
  if (n == 3)
    share = percent < 10 ? 1 : percent < 50 ? 2 : percent < 90 ? 3 : 4;
  g_hash_table_insert (table, g_strdup (key), GUINT_TO_POINTER ((small + 1) | (big + 1) << 8 | share << 20));
}

static GHashTable *
new_table (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

static ArxLexicon *
lexicon_load (void)
{
  ArxLexicon *lex = g_new0 (ArxLexicon, 1);
  g_autoptr(GBytes) model = NULL;
  g_autoptr(GError) error = NULL;

  lex->gazetteer = new_table ();
  each_line ("gazetteer.tsv", add_gazetteer, lex->gazetteer);
  lex->gaz_max_words = max_words;
  lex->first_names = new_table ();
  each_line ("first-names.tsv", add_char, lex->first_names);
  lex->titles = new_table ();
  each_line ("titles.txt", add_title, lex->titles);
  {
    GHashTableIter it;
    gpointer key;

    g_hash_table_iter_init (&it, lex->titles);
    while (g_hash_table_iter_next (&it, &key, NULL))
      {
        const char *k = key;

        if (k[0] >= 'a' && k[0] <= 'z')
          lex->title_lens[k[0] - 'a'] |= 1u << MIN (strlen (k), 31);
      }
  }
  lex->org_suffixes = new_table ();
  each_line ("org-suffixes.txt", add_char, lex->org_suffixes);
  lex->abbrevs = new_table ();
  each_line ("abbreviations.txt", add_char, lex->abbrevs);
  lex->cues = new_table ();
  each_line ("cues.tsv", add_char, lex->cues);
  lex->roles = new_table ();
  each_line ("roles.tsv", add_char, lex->roles);
  lex->clusters = new_table ();
  each_line ("word-clusters.tsv", add_clusters, lex->clusters);
  lex->speaker_nouns = new_table ();
  each_line ("speaker-nouns.tsv", add_char, lex->speaker_nouns);
  lex->cue_nouns = new_table ();
  each_line ("cue-nouns.txt", add_char, lex->cue_nouns);

  model = lookup ("ner.model");
  if (model != NULL && g_bytes_get_size (model) > 0)
    {
      lex->ner = arx_ner_model_load (model, &error);
      if (lex->ner == NULL)
        g_critical ("entity model: %s", error->message);
    }
  return lex;
}

/* The lexicons never change once loaded, so every thread shares one copy. */
const ArxLexicon *
arx_lexicon_get_default (void)
{
  static ArxLexicon *lex;

  if (g_once_init_enter (&lex))
    g_once_init_leave (&lex, lexicon_load ());
  return lex;
}

/* Looks up a (not NUL-terminated) key; returns the stored character or 0. */
char
arx_lexicon_lookup_char (GHashTable *table,
                         const char *key,
                         gsize       len)
{
  char buf[128];

  if (len == 0 || len >= sizeof buf)
    return 0;
  memcpy (buf, key, len);
  buf[len] = '\0';
  return (char) GPOINTER_TO_INT (g_hash_table_lookup (table, buf));
}
