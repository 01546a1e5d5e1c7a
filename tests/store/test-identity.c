/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "arx-identity.h"

/* The identity unit alone: no library, no SQL. The library it asks is a small table of
 * people kept in this file. Every name and sentence here is made up. */

typedef struct
{
  gint64      id;
  const char *key;       /* a strong name key */
  const char *loose;
  const char *surname;
  guint       n_named;
} KnownName;

static gboolean
find_in (const KnownName *known,
         const char      *key,
         int              field,
         GArray          *out)
{
  for (guint i = 0; known[i].id != 0; i++)
    {
      const char *value = field == 0 ? known[i].key : field == 1 ? known[i].loose : known[i].surname;

      if (g_strcmp0 (value, key) == 0)
        {
          ArxIdentityCandidate c = { known[i].id, g_strdup (known[i].key), ARX_SPEAKER_PERSON,
                                     known[i].n_named };

          g_array_append_val (out, c);
        }
    }
  return TRUE;
}

static gboolean
find_key (gpointer data, const char *key, GArray *out, GError **error)
{
  return find_in (data, key, 0, out);
}

static gboolean
find_loose (gpointer data, const char *key, GArray *out, GError **error)
{
  return find_in (data, key, 1, out);
}

static gboolean
find_surname (gpointer data, const char *key, GArray *out, GError **error)
{
  return find_in (data, key, 2, out);
}

static const KnownName library[] = {
  { 1, "maria lopez", "maria lopez", "lopez", 5 },
  { 2, "daniel k okafor", "daniel okafor", "okafor", 40 },
  { 3, "ruth okafor", "ruth okafor", "okafor", 2 },
  { 4, "peter vance", "peter vance", "vance", 3 },
  { 5, "helen vance", "helen vance", "vance", 4 },
  { 0 }
};

static const ArxIdentityLookup lookup = { find_key, find_loose, find_surname, (gpointer)library };

/* Names */

typedef struct
{
  const char   *surface;
  ArxEntityKind hint;
  ArxNameClass  klass;
  const char   *name;     /* NULL: not checked */
} NameCase;

static const NameCase name_cases[] = {
  { "Maria Lopez", ARX_ENTITY_PERSON, ARX_NAME_PERSON, "Maria Lopez" },
  { "Sen. Maria Lopez", ARX_ENTITY_PERSON, ARX_NAME_PERSON, "Maria Lopez" },
  { "Deputy Harbour Commissioner Tom A. Reyes", ARX_ENTITY_PERSON, ARX_NAME_PERSON, "Tom A. Reyes" },
  { "Representative Ann B. Kerr of Ohio", ARX_ENTITY_MISC, ARX_NAME_PERSON, "Ann B. Kerr" },
  { "Lopez", ARX_ENTITY_PERSON, ARX_NAME_PERSON, "Lopez" },
  { "Had Lopez", ARX_ENTITY_MISC, ARX_NAME_PERSON, "Lopez" },
  { "Lopez Says Tax Will Rise", ARX_ENTITY_PERSON, ARX_NAME_PERSON, "Lopez" },
  { "Mayor Reyes Warns Bridge Tolls Could Double", ARX_ENTITY_PERSON, ARX_NAME_PERSON, "Reyes" },
  { "Harbour Chief Reyes And Mayor Vance Clash Over Tolls", ARX_ENTITY_PERSON, ARX_NAME_NOBODY, NULL },
  { "Even if Lopez can’t win over the valley towns", ARX_ENTITY_MISC, ARX_NAME_PERSON, "Lopez" },
  { "They", ARX_ENTITY_MISC, ARX_NAME_NOBODY, NULL },
  { "who", ARX_ENTITY_MISC, ARX_NAME_NOBODY, NULL },
  { "It", ARX_ENTITY_MISC, ARX_NAME_NOBODY, NULL },
  { "And then she", ARX_ENTITY_MISC, ARX_NAME_NOBODY, NULL },
  { "his campaign sent out a letter", ARX_ENTITY_MISC, ARX_NAME_UNNAMED, "his campaign" },
  { "officials", ARX_ENTITY_MISC, ARX_NAME_GROUP, "officials" },
  { "Officials", ARX_ENTITY_MISC, ARX_NAME_GROUP, "Officials" },
  { "harbour residents who came to the meeting", ARX_ENTITY_MISC, ARX_NAME_GROUP, "harbour residents" },
  { "Farmers", ARX_ENTITY_MISC, ARX_NAME_GROUP, NULL },
  { "Libertarians", ARX_ENTITY_MISC, ARX_NAME_GROUP, NULL },
  { "a senior aide", ARX_ENTITY_MISC, ARX_NAME_UNNAMED, "a senior aide" },
  { "the port authority report", ARX_ENTITY_MISC, ARX_NAME_UNNAMED, NULL },
  { "The Lopez campaign", ARX_ENTITY_PERSON, ARX_NAME_ORGANIZATION, "Lopez campaign" },
  { "Maria Lopez’s campaign", ARX_ENTITY_MISC, ARX_NAME_ORGANIZATION, "Lopez campaign" },
  { "Harbour Department", ARX_ENTITY_PERSON, ARX_NAME_ORGANIZATION, "Harbour Department" },
  { "The Valley Courier", ARX_ENTITY_MISC, ARX_NAME_ORGANIZATION, "The Valley Courier" },
  { "RIVERTON ― Maria Lopez", ARX_ENTITY_MISC, ARX_NAME_PERSON, "Maria Lopez" },
  { "Tom Reyes — a ferry captain from Riverton —", ARX_ENTITY_MISC, ARX_NAME_PERSON, "Tom Reyes" },
  /* Papers and channels whose first word is also a first name, when tagged organisations. */
  { "Florence Gazette", ARX_ENTITY_ORGANIZATION, ARX_NAME_ORGANIZATION, "Florence Gazette" },
  { "Carmen News", ARX_ENTITY_ORGANIZATION, ARX_NAME_ORGANIZATION, "Carmen News" },
  { "Vice News", ARX_ENTITY_ORGANIZATION, ARX_NAME_ORGANIZATION, "Vice News" },
  { "House Select Committee on Harbour Tolls", ARX_ENTITY_ORGANIZATION, ARX_NAME_ORGANIZATION, NULL },
  { "Harbourside Orlando Tribune", ARX_ENTITY_ORGANIZATION, ARX_NAME_ORGANIZATION, "Harbourside Orlando Tribune" },
  { "Jamal Post", ARX_ENTITY_PERSON, ARX_NAME_PERSON, "Jamal Post" },
  { "Carmen Reyes", ARX_ENTITY_ORGANIZATION, ARX_NAME_PERSON, "Carmen Reyes" },
  { "De Soto", ARX_ENTITY_PERSON, ARX_NAME_PERSON, "De Soto" },
  { "Reyes and his aides", ARX_ENTITY_MISC, ARX_NAME_GROUP, "Reyes and his aides" },
  { "current and former harbour officials", ARX_ENTITY_MISC, ARX_NAME_GROUP, "current and former harbour officials" },
  { "Lopez let Vance", ARX_ENTITY_MISC, ARX_NAME_PERSON, "Lopez" },
  /* A capitalised compound of a lower-case word is a title, not a first name. */
  { "Oscar-winner Vance", ARX_ENTITY_PERSON, ARX_NAME_PERSON, "Vance" },
  { "Anne-Marie Vance", ARX_ENTITY_PERSON, ARX_NAME_PERSON, "Anne-Marie Vance" },
  { "Ren Ji-woo", ARX_ENTITY_PERSON, ARX_NAME_PERSON, "Ren Ji-woo" },
};

static void
test_names (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (name_cases); i++)
    {
      const NameCase *c = &name_cases[i];
      g_autoptr(ArxName) name = arx_name_parse (c->surface, c->hint);

      g_test_message ("%s", c->surface);
      g_assert_cmpint (name->klass, ==, c->klass);
      if (c->name != NULL)
        g_assert_cmpstr (name->name, ==, c->name);
    }
}

static void
test_keys (void)
{
  g_autoptr(ArxName) full = arx_name_parse ("Daniel K. Okafor", ARX_ENTITY_PERSON);
  g_autoptr(ArxName) plain = arx_name_parse ("Daniel Okafor", ARX_ENTITY_PERSON);
  g_autoptr(ArxName) other = arx_name_parse ("Ruth Okafor", ARX_ENTITY_PERSON);
  g_autoptr(ArxName) w = arx_name_parse ("John W. Hale", ARX_ENTITY_PERSON);
  g_autoptr(ArxName) hw = arx_name_parse ("John H. W. Hale", ARX_ENTITY_PERSON);
  g_autoptr(ArxName) junior = arx_name_parse ("Daniel Okafor Jr.", ARX_ENTITY_PERSON);

  g_assert_cmpstr (full->key, ==, "daniel k okafor");
  g_assert_cmpstr (full->loose, ==, "daniel okafor");
  g_assert_cmpstr (full->last, ==, "okafor");
  g_assert_true (arx_name_compatible (full, plain));
  g_assert_false (arx_name_compatible (plain, other));
  g_assert_false (arx_name_compatible (w, hw));
  g_assert_false (arx_name_compatible (plain, junior));
  g_assert_cmpstr (junior->loose, ==, "daniel okafor jr");

  /* A no-break space parts words; the letters whose UTF-8 shares one of its bytes (à is
   * C3 A0, Š is C5 A0) do not. */
  {
    g_autoptr(ArxName) grave = arx_name_parse ("In\u00e8s Gonz\u00e0lez", ARX_ENTITY_PERSON);
    g_autoptr(ArxName) caron = arx_name_parse ("Ana\u00a0\u0160imek", ARX_ENTITY_PERSON);

    g_assert_cmpstr (grave->name, ==, "In\u00e8s Gonz\u00e0lez");
    g_assert_cmpuint (grave->n_words, ==, 2);
    g_assert_cmpstr (grave->last, ==, "gonzalez");
    g_assert_cmpstr (caron->name, ==, "Ana \u0160imek");
    g_assert_cmpstr (caron->last, ==, "simek");
  }

  /* A capitalised particle and a word: the surname alone of an "Ana de Soto". */
  {
    g_autoptr(ArxName) ana = arx_name_parse ("Ana de Soto", ARX_ENTITY_PERSON);
    g_autoptr(ArxName) surname = arx_name_parse ("De Soto", ARX_ENTITY_PERSON);
    g_autoptr(ArxName) al = arx_name_parse ("Al Reyes", ARX_ENTITY_PERSON);

    g_assert_cmpstr (ana->last, ==, "soto");
    g_assert_null (surname->first);
    g_assert_cmpstr (surname->last, ==, "soto");
    g_assert_cmpstr (al->first, ==, "al");
  }
}

/* Plain ASCII takes a shorter path than other text: both must give the same keys. */
static void
test_fold_paths (void)
{
  g_autofree char *ascii = arx_name_fold ("  Sen.  Ana\tMaria  O'Neill, Jr. ");
  g_autofree char *wide = arx_name_fold ("  Sen.  Ana\tMaria  O\u2019Neill, Jr.\u00a0");
  g_autofree char *accent = arx_name_fold ("Zo\u00eb  \u00c9LISE");
  g_autofree char *tab = arx_name_fold ("Ana\vLopez");
  g_autofree char *tab_wide = arx_name_fold ("Ana\vL\u00f3pez");
  g_autofree char *greek = arx_name_fold ("\u0386\u03bd\u03bd\u03b1");
  g_autofree char *hindi = arx_name_fold ("\u0905\u0928\u093f\u0932");

  g_assert_cmpstr (ascii, ==, "sen ana maria o'neill jr");
  g_assert_cmpstr (wide, ==, ascii);
  /* Accents go: the news writes a name with and without them. */
  g_assert_cmpstr (accent, ==, "zoe elise");
  /* A vertical tab is no space to either path. */
  g_assert_cmpstr (tab, ==, "ana\vlopez");
  g_assert_cmpstr (tab_wide, ==, "ana\vlopez");
  g_assert_cmpstr (greek, ==, "\u03b1\u03bd\u03bd\u03b1");
  /* Other scripts' marks are vowels: they stay. */
  g_assert_cmpstr (hindi, ==, "\u0905\u0928\u093f\u0932");
}

/* Keys of plain ASCII (folded without Unicode tables) and of other text agree in form. */
static void
test_fold (void)
{
  g_autofree char *ascii = arx_name_fold ("  Sen.  Marta  O'Rourke,  Jr. ");
  g_autofree char *curly = arx_name_fold ("Marta O’Rourke");
  g_autofree char *accents = arx_name_fold ("Élodie  Brisset-Lamy, PARIS");
  g_autofree char *empty = arx_name_fold (NULL);

  g_assert_cmpstr (ascii, ==, "sen marta o'rourke jr");
  g_assert_cmpstr (curly, ==, "marta o'rourke");
  g_assert_cmpstr (accents, ==, "elodie brisset-lamy paris");
  g_assert_cmpstr (empty, ==, "");
}

/* A name parsed again (kept from the first time) is an equal copy of its own, for either
 * kind hint, and from any thread. */
static gpointer
parse_in_thread (gpointer data)
{
  return arx_name_parse ("Councillor Ines Varga", ARX_ENTITY_PERSON);
}

static void
test_parse_again (void)
{
  ArxName *first = arx_name_parse ("Councillor Ines Varga", ARX_ENTITY_PERSON);
  g_autoptr(ArxName) again = arx_name_parse ("Councillor Ines Varga", ARX_ENTITY_PERSON);
  g_autoptr(ArxName) org = arx_name_parse ("Varga Holdings", ARX_ENTITY_ORGANIZATION);
  g_autoptr(ArxName) threaded = g_thread_join (g_thread_new ("parse", parse_in_thread, NULL));

  g_assert_true (first != again && first->key != again->key && first->middles != again->middles);
  g_assert_cmpint (again->klass, ==, ARX_NAME_PERSON);
  g_assert_cmpstr (again->name, ==, first->name);
  g_assert_cmpstr (again->key, ==, "ines varga");
  g_assert_true (again->titled);
  arx_name_free (first);
  g_assert_cmpstr (again->last, ==, "varga");
  g_assert_cmpstr (threaded->loose, ==, "ines varga");
  g_assert_cmpint (org->klass, ==, ARX_NAME_ORGANIZATION);
}

static void
test_pick_surname (void)
{
  ArxIdentityCandidate known[] = { { 2, NULL, 0, 40 }, { 3, NULL, 0, 2 } };
  ArxIdentityCandidate even[] = { { 4, NULL, 0, 3 }, { 5, NULL, 0, 4 } };
  ArxIdentityCandidate one[] = { { 9, NULL, 0, 1 } };

  /* Far better known: the surname is his. */
  g_assert_cmpint (arx_identity_pick_surname (known, 2), ==, 2);
  /* Two about as well known: nobody. */
  g_assert_cmpint (arx_identity_pick_surname (even, 2), ==, 0);
  g_assert_cmpint (arx_identity_pick_surname (one, 1), ==, 9);
  g_assert_cmpint (arx_identity_pick_surname (NULL, 0), ==, 0);
}

/* A surname decided for one person stays theirs beside a namesake named once or twice, and
 * is nobody's once two of them are well known. */
static void
test_keep_surname (void)
{
  ArxIdentityCandidate newcomer[] = { { 4, NULL, 0, 3 }, { 5, NULL, 0, 2 } };
  ArxIdentityCandidate rivals[] = { { 4, NULL, 0, 30 }, { 5, NULL, 0, 20 } };
  ArxIdentityCandidate far_ahead[] = { { 4, NULL, 0, 3 }, { 5, NULL, 0, 40 } };

  g_assert_cmpint (arx_identity_keep_surname (newcomer, 2, 4), ==, 4);
  g_assert_cmpint (arx_identity_keep_surname (newcomer, 2, 0), ==, 0);
  g_assert_cmpint (arx_identity_keep_surname (rivals, 2, 4), ==, 0);
  g_assert_cmpint (arx_identity_keep_surname (rivals, 2, 5), ==, 0);
  g_assert_cmpint (arx_identity_keep_surname (far_ahead, 2, 4), ==, 5);
  /* Decided for somebody who no longer has it (a merge took the name away). */
  g_assert_cmpint (arx_identity_keep_surname (newcomer, 2, 7), ==, 0);
}

static void
test_display_name (void)
{
  ArxIdentityForm forms[] = {
    { "Daniel Okafor", 200 }, { "Daniel K. Okafor", 30 }, { "Okafor", 400 },
    { "Daniel Kwame Tobi Okafor", 1 },
  };

  /* The fullest form seen often enough; a one-off slip does not win. */
  g_assert_cmpstr (arx_identity_display_name (forms, G_N_ELEMENTS (forms)), ==, "Daniel K. Okafor");
  g_assert_null (arx_identity_display_name (NULL, 0));
}

static ArxIdentityArticle *
resolve (const char *const *names,
         const guint       *mentions)
{
  ArxIdentityArticle *article = arx_identity_article_new (NULL);
  g_autoptr(GError) error = NULL;

  for (guint i = 0; names[i] != NULL; i++)
    arx_identity_article_add (article, names[i], ARX_ENTITY_PERSON, ARX_SPEAKER_PERSON, NULL,
                              mentions != NULL ? mentions[i] : 1);
  g_assert_true (arx_identity_article_resolve (article, &lookup, &error));
  g_assert_no_error (error);
  return article;
}

static void
test_article_joins (void)
{
  const char *one[] = { "Maria Lopez", "Lopez", "Maria", NULL };
  const char *two[] = { "Maria Lopez", "Ana Lopez", "Lopez", NULL };
  const char *alone[] = { "Lopez", "Okafor", "Vance", "Maria", NULL };
  const char *middle[] = { "Daniel K. Okafor", "Daniel Okafor", NULL };
  g_autoptr(ArxIdentityArticle) a = resolve (one, NULL);
  g_autoptr(ArxIdentityArticle) b = resolve (two, NULL);
  g_autoptr(ArxIdentityArticle) c = resolve (alone, NULL);
  g_autoptr(ArxIdentityArticle) d = resolve (middle, NULL);
  const ArxIdentityItem *root;

  /* The surname and first name join the article's one Maria Lopez, who is the library's. */
  root = arx_identity_article_get_root (a, 1);
  g_assert_true (root == arx_identity_article_get_root (a, 0));
  g_assert_true (root == arx_identity_article_get_root (a, 2));
  g_assert_cmpint (root->link, ==, ARX_LINK_NAME);
  g_assert_cmpint (root->person_id, ==, 1);

  /* Two Lopezes here: "Lopez" stays a speaker of this article. */
  root = arx_identity_article_get_root (b, 2);
  g_assert_cmpint (root->link, ==, ARX_LINK_LOCAL);
  g_assert_true (root != arx_identity_article_get_root (b, 0));
  g_assert_cmpint (arx_identity_article_get_root (b, 1)->person_id, ==, 0);

  /* Alone: a surname goes by the library, a first name stays here. */
  g_assert_cmpint (arx_identity_article_get_root (c, 0)->link, ==, ARX_LINK_SURNAME);
  g_assert_cmpstr (arx_identity_article_get_root (c, 0)->key, ==, "lopez");
  g_assert_cmpint (arx_identity_article_get_root (c, 3)->link, ==, ARX_LINK_UNDECIDED);

  /* A middle initial more or less is the same person. */
  g_assert_true (arx_identity_article_get_root (d, 0) == arx_identity_article_get_root (d, 1));
  g_assert_cmpint (arx_identity_article_get_root (d, 0)->person_id, ==, 2);
  g_assert_cmpstr (arx_identity_article_get_root (d, 0)->display, ==, "Daniel K. Okafor");
}

static void
test_library_links (void)
{
  const char *names[] = { "Daniel Okafor", "Helen M. Vance", "Peter Vance", "Ruth Okafor",
                          "Okafor", NULL };
  const guint mentions[] = { 2, 1, 1, 9, 1 };
  const char *dominant[] = { "Daniel Okafor", "Ruth Okafor", "Okafor", NULL };
  const guint few[] = { 2, 2, 1 };
  const char *famous[] = { "Kemi Okafor", "Daniel Okafor", "Okafor", NULL };
  const guint kemi_more[] = { 4, 1, 12 };
  const char *vances[] = { "Helen Vance", "Peter Vance", "Vance", NULL };
  const guint helen_more[] = { 9, 1, 3 };
  g_autoptr(ArxIdentityArticle) c = resolve (famous, kemi_more);
  g_autoptr(ArxIdentityArticle) d = resolve (vances, helen_more);
  g_autoptr(ArxIdentityArticle) a = resolve (names, mentions);
  g_autoptr(ArxIdentityArticle) b = resolve (dominant, few);

  g_assert_cmpint (arx_identity_article_get_root (a, 0)->person_id, ==, 2);
  /* The loose key finds Helen Vance with her initial; Peter is another person. */
  g_assert_cmpint (arx_identity_article_get_root (a, 1)->person_id, ==, 5);
  g_assert_cmpint (arx_identity_article_get_root (a, 2)->person_id, ==, 4);
  /* "Okafor" here is Daniel, whom the library names in forty articles, though the article
   * names Ruth more often. */
  g_assert_true (arx_identity_article_get_root (a, 4) == arx_identity_article_get_root (a, 0));
  /* Mentions alike: the one the library names far more often. */
  g_assert_true (arx_identity_article_get_root (b, 2) == arx_identity_article_get_root (b, 0));
  /* Beside a namesake the library has never seen, the one it names in forty articles. */
  g_assert_true (arx_identity_article_get_root (c, 2) == arx_identity_article_get_root (c, 1));
  /* Two the library knows about as well: the one this article names far more often. */
  g_assert_true (arx_identity_article_get_root (d, 2) == arx_identity_article_get_root (d, 0));
}

static void
test_groups_and_nobody (void)
{
  g_autoptr(ArxIdentityArticle) article = arx_identity_article_new ("By Tom Reyes");
  g_autoptr(GError) error = NULL;

  arx_identity_article_add (article, "officials", ARX_ENTITY_MISC, ARX_SPEAKER_GROUP, NULL, 0);
  arx_identity_article_add (article, "They", ARX_ENTITY_MISC, ARX_SPEAKER_OTHER, NULL, 0);
  arx_identity_article_add (article, "Tom Reyes", ARX_ENTITY_PERSON, ARX_SPEAKER_PERSON, NULL, 1);
  arx_identity_article_add (article, "one harbour official", ARX_ENTITY_MISC, ARX_SPEAKER_PERSON, NULL, 0);
  arx_identity_article_add (article, "the official", ARX_ENTITY_MISC, ARX_SPEAKER_PERSON, NULL, 0);
  g_assert_true (arx_identity_article_resolve (article, &lookup, &error));
  g_assert_no_error (error);

  g_assert_cmpint (arx_identity_article_get_root (article, 0)->link, ==, ARX_LINK_LOCAL);
  g_assert_cmpint (arx_identity_article_get_root (article, 0)->kind, ==, ARX_SPEAKER_GROUP);
  g_assert_cmpint (arx_identity_article_get_root (article, 1)->link, ==, ARX_LINK_NONE);
  /* The author reports; she does not speak in her own article. */
  g_assert_cmpint (arx_identity_article_get_root (article, 2)->link, ==, ARX_LINK_NONE);
  /* "the official" is the one harbour official named before. */
  g_assert_true (arx_identity_article_get_root (article, 4) == arx_identity_article_get_root (article, 3));
  g_assert_cmpint (arx_identity_article_get_root (article, 3)->kind, ==, ARX_SPEAKER_OTHER);
}

/* Fuzz finding (fuzz-library): a full name whose first word is no known first name was
 * compared, as the fuller form of a shorter one, with a pronoun, which has no key (strlen of
 * NULL). */
static void
test_full_name_beside_pronoun (void)
{
  g_autoptr(ArxIdentityArticle) article = arx_identity_article_new (NULL);
  g_autoptr(GError) error = NULL;

  arx_identity_article_add (article, "They", ARX_ENTITY_PERSON, ARX_SPEAKER_PERSON, NULL, 0);
  arx_identity_article_add (article, "Quorin Vastel", ARX_ENTITY_PERSON, ARX_SPEAKER_PERSON, NULL, 1);
  arx_identity_article_add (article, "Vastel", ARX_ENTITY_PERSON, ARX_SPEAKER_PERSON, NULL, 0);
  g_assert_true (arx_identity_article_resolve (article, &lookup, &error));
  g_assert_no_error (error);

  g_assert_cmpint (arx_identity_article_get_root (article, 0)->link, ==, ARX_LINK_NONE);
  g_assert_true (arx_identity_article_get_root (article, 2) == arx_identity_article_get_root (article, 1));
}

static gboolean
has_name (const ArxIdentityItem *item,
          const char            *text,
          ArxAliasForm           form)
{
  for (guint i = 0; i < item->names->len; i++)
    {
      const ArxIdentityAlias *alias = g_ptr_array_index (item->names, i);

      if (strcmp (alias->text, text) == 0 && alias->form == form)
        return TRUE;
    }
  return FALSE;
}

static void
test_aliases (void)
{
  g_autoptr(ArxIdentityArticle) article = arx_identity_article_new (NULL);
  g_autoptr(GPtrArray) aliases = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  const ArxIdentityItem *root;
  const char *forms[] = { "Lopez", "Sen. Lopez", "Maria", "Mr. Lopez", "the harbour senator",
                          "a senior aide", "the Democratic candidate Ana Vance boldly",
                          "Lopez has blasted the toll plan", "Ana Vance", NULL };

  for (guint i = 0; forms[i] != NULL; i++)
    g_ptr_array_add (aliases, (gpointer)forms[i]);
  arx_identity_article_add (article, "Maria Lopez", ARX_ENTITY_PERSON, ARX_SPEAKER_PERSON, aliases, 9);
  g_assert_true (arx_identity_article_resolve (article, &lookup, &error));
  g_assert_no_error (error);
  root = arx_identity_article_get_root (article, 0);

  g_assert_true (has_name (root, "Maria Lopez", ARX_ALIAS_NAME));
  g_assert_true (has_name (root, "Lopez", ARX_ALIAS_NAME));
  g_assert_true (has_name (root, "Maria", ARX_ALIAS_NAME));
  g_assert_true (has_name (root, "Sen. Lopez", ARX_ALIAS_TITLED));
  g_assert_true (has_name (root, "the harbour senator", ARX_ALIAS_DESCRIPTION));
  /* Never another person's name or description, a wrong title, or a clause. */
  g_assert_false (has_name (root, "Mr. Lopez", ARX_ALIAS_TITLED));
  g_assert_false (has_name (root, "a senior aide", ARX_ALIAS_DESCRIPTION));
  g_assert_false (has_name (root, "Ana Vance", ARX_ALIAS_NAME));
  for (guint i = 0; i < root->names->len; i++)
    {
      const ArxIdentityAlias *alias = g_ptr_array_index (root->names, i);

      g_assert_null (strstr (alias->text, "boldly"));
      g_assert_null (strstr (alias->text, "blasted"));
    }
}

/* Two people of one surname in an article: the descriptions the analysis tied to either may
 * be the other's, so neither takes them; alone, the same person does. */
static void
test_shared_surname_descriptions (void)
{
  g_autoptr(GPtrArray) aliases = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;

  g_ptr_array_add (aliases, (gpointer)"Okafor");
  g_ptr_array_add (aliases, (gpointer)"the former harbour executive");
  for (guint alone = 0; alone < 2; alone++)
    {
      g_autoptr(ArxIdentityArticle) article = arx_identity_article_new (NULL);
      const ArxIdentityItem *root;

      if (!alone)
        arx_identity_article_add (article, "Adaeze Okafor", ARX_ENTITY_PERSON, ARX_SPEAKER_PERSON, NULL, 6);
      arx_identity_article_add (article, "Emeka Okafor", ARX_ENTITY_PERSON, ARX_SPEAKER_PERSON, aliases, 9);
      g_assert_true (arx_identity_article_resolve (article, &lookup, &error));
      g_assert_no_error (error);
      root = arx_identity_article_get_root (article, alone ? 0 : 1);
      g_assert_true (has_name (root, "Emeka Okafor", ARX_ALIAS_NAME));
      g_assert_true (has_name (root, "the former harbour executive", ARX_ALIAS_DESCRIPTION) == (alone != 0));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/arx/identity/names", test_names);
  g_test_add_func ("/arx/identity/keys", test_keys);
  g_test_add_func ("/arx/identity/fold", test_fold);
  g_test_add_func ("/arx/identity/fold-paths", test_fold_paths);
  g_test_add_func ("/arx/identity/parse-again", test_parse_again);
  g_test_add_func ("/arx/identity/pick-surname", test_pick_surname);
  g_test_add_func ("/arx/identity/keep-surname", test_keep_surname);
  g_test_add_func ("/arx/identity/display-name", test_display_name);
  g_test_add_func ("/arx/identity/article-joins", test_article_joins);
  g_test_add_func ("/arx/identity/library-links", test_library_links);
  g_test_add_func ("/arx/identity/groups-and-nobody", test_groups_and_nobody);
  g_test_add_func ("/arx/identity/aliases", test_aliases);
  g_test_add_func ("/arx/identity/shared-surname-descriptions", test_shared_surname_descriptions);
  g_test_add_func ("/arx/identity/full-name-beside-pronoun", test_full_name_beside_pronoun);

  return g_test_run ();
}
