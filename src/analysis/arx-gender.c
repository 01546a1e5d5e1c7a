/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "arx-gender"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "arx-lexicon.h"

#include "arx-gender.h"

/* A person's gender, inferred the way a reader would: from a first name whose bearers are
 * nearly all of one sex (the list in data/analysis/first-names.tsv marks a name F or M only
 * when at least 90% of US births with it were), from an honorific, and from the pronouns
 * the analysis resolved to the person. Each kind of evidence counts; when they disagree or
 * there is too little, the answer is "unknown" rather than a guess. */

/* A first name or an honorific weighs as much as two resolved pronouns: the analyzer
 * resolves "she" with the help of first names already, and a single pronoun may be wrong. */
#define NAME_WEIGHT 2
/* Less than this for the leading side, and nothing is said. */
#define MIN_SCORE 2
/* With evidence on both sides, the leading side must outweigh the other this many times. */
#define DOMINANCE 3

/* between the pieces of evidence: "first name Mary; 'she' ×2" */
#define EVIDENCE_SEPARATOR "; "

typedef struct
{
  const char *word;
  ArxGender   gender;
} Honorific;

static const Honorific honorifics[] = {
  { "mr", ARX_GENDER_MALE },
  { "sir", ARX_GENDER_MALE },
  { "lord", ARX_GENDER_MALE },
  { "mrs", ARX_GENDER_FEMALE },
  { "ms", ARX_GENDER_FEMALE },
  { "miss", ARX_GENDER_FEMALE },
  { "mme", ARX_GENDER_FEMALE },
  { "madam", ARX_GENDER_FEMALE },
  { "dame", ARX_GENDER_FEMALE },
  { "lady", ARX_GENDER_FEMALE },
};

/* Lower case, without a final period: "Mrs." → "mrs". */
static char *
word_key (const char *word)
{
  g_autofree char *lower = g_utf8_strdown (word, -1);
  gsize len = strlen (lower);

  while (len > 0 && (lower[len - 1] == '.' || lower[len - 1] == ','))
    lower[--len] = '\0';
  return g_steal_pointer (&lower);
}

static const Honorific *
find_honorific (const char *key)
{
  for (guint i = 0; i < G_N_ELEMENTS (honorifics); i++)
    if (g_str_equal (honorifics[i].word, key))
      return &honorifics[i];
  return NULL;
}

/* "J." or "J" is an initial, not a first name. */
static gboolean
is_initial (const char *key)
{
  return g_utf8_strlen (key, -1) <= 1;
}

static char
first_name_sex (const char *key)
{
  const ArxLexicon *lex = arx_lexicon_get_default ();
  char sex = arx_lexicon_lookup_char (lex->first_names, key, strlen (key));
  const char *hyphen;

  /* "Jean-Pierre" may only be listed as "Jean" */
  if (sex == 0 && (hyphen = strchr (key, '-')) != NULL)
    sex = arx_lexicon_lookup_char (lex->first_names, key, hyphen - key);
  return sex;
}

void
arx_gender_evidence_clear (ArxGenderEvidence *evidence)
{
  g_clear_pointer (&evidence->first_name, g_free);
  g_clear_pointer (&evidence->honorific, g_free);
  memset (evidence, 0, sizeof *evidence);
}

/**
 * arx_gender_evidence_add_name:
 * @name: a name of the person: the canonical one first, then the aliases
 *
 * Takes the honorific and the first name from @name. A one-word name is a surname ("Bossert"),
 * not a first name; the first name found first is kept unless the list knows only a later one.
 */
void
arx_gender_evidence_add_name (ArxGenderEvidence *evidence,
                              const char        *name)
{
  const ArxLexicon *lex = arx_lexicon_get_default ();
  g_auto(GStrv) words = NULL;
  guint n = 0, i = 0;

  g_return_if_fail (evidence != NULL);
  if (name == NULL)
    return;
  words = g_strsplit_set (name, " \t\n", -1);
  for (guint j = 0; words[j] != NULL; j++)
    if (words[j][0] != '\0')
      words[n++] = words[j];
    else
      g_free (words[j]);
  words[n] = NULL;

  for (; i < n; i++)
    {
      g_autofree char *key = word_key (words[i]);
      const Honorific *honorific = find_honorific (key);

      if (honorific != NULL)
        {
          if (evidence->honorific == NULL)
            {
              evidence->honorific = g_strdup (words[i]);
              evidence->honorific_gender = honorific->gender;
            }
          continue;
        }
      if (!g_hash_table_contains (lex->titles, key))
        break;
    }
  /* the first name needs a surname after it */
  if (i + 1 < n)
    {
      g_autofree char *key = word_key (words[i]);
      char sex;

      if (is_initial (key))
        return;
      sex = first_name_sex (key);
      if (evidence->first_name == NULL || (evidence->first_name_sex == 0 && sex != 0))
        {
          g_free (evidence->first_name);
          evidence->first_name = g_strdup (words[i]);
          evidence->first_name_sex = sex;
        }
    }
}

/**
 * arx_gender_evidence_add_pronoun:
 * @word: the words naming the person at one of their statements
 *
 * Counts @word when it is a gendered third-person pronoun.
 *
 * Returns: whether it was one
 */
gboolean
arx_gender_evidence_add_pronoun (ArxGenderEvidence *evidence,
                                 const char        *word,
                                 gssize             length)
{
  static const char *female[] = { "she", "her", "hers", "herself", NULL };
  static const char *male[] = { "he", "him", "his", "himself", NULL };
  g_autofree char *key = NULL;

  g_return_val_if_fail (evidence != NULL, FALSE);
  if (word == NULL)
    return FALSE;
  if (length < 0)
    length = strlen (word);
  /* longer is no pronoun, and the copy stays small */
  if (length == 0 || length > 16)
    return FALSE;
  key = g_ascii_strdown (word, length);
  g_strstrip (key);
  if (g_strv_contains (female, key))
    evidence->n_she++;
  else if (g_strv_contains (male, key))
    evidence->n_he++;
  else
    return FALSE;
  return TRUE;
}

static void
scores (const ArxGenderEvidence *evidence,
        guint                   *female,
        guint                   *male)
{
  *female = evidence->n_she;
  *male = evidence->n_he;
  if (evidence->first_name_sex == 'F')
    *female += NAME_WEIGHT;
  else if (evidence->first_name_sex == 'M')
    *male += NAME_WEIGHT;
  if (evidence->honorific_gender == ARX_GENDER_FEMALE)
    *female += NAME_WEIGHT;
  else if (evidence->honorific_gender == ARX_GENDER_MALE)
    *male += NAME_WEIGHT;
}

/**
 * arx_gender_infer:
 *
 * Returns: female or male when the evidence is strong enough (a first name of one sex, an
 * honorific, or two pronouns) and not contradicted (the other side, if any, outweighed three
 * times); unknown otherwise.
 */
ArxGender
arx_gender_infer (const ArxGenderEvidence *evidence)
{
  guint female, male, high, low;

  g_return_val_if_fail (evidence != NULL, ARX_GENDER_UNKNOWN);
  scores (evidence, &female, &male);
  high = MAX (female, male);
  low = MIN (female, male);
  if (female == male || high < MIN_SCORE || (low > 0 && high < DOMINANCE * low))
    return ARX_GENDER_UNKNOWN;
  return female > male ? ARX_GENDER_FEMALE : ARX_GENDER_MALE;
}

/**
 * arx_gender_describe:
 *
 * Returns: (transfer full): what the inference rests on, for people: "first name Mary;
 * 'she' ×2", with why it says unknown when it does.
 */
char *
arx_gender_describe (const ArxGenderEvidence *evidence)
{
  GString *out = g_string_new (NULL);
  guint female, male;

  g_return_val_if_fail (evidence != NULL, NULL);
  if (evidence->first_name != NULL && evidence->first_name_sex != 0)
    {
      if (evidence->first_name_sex == 'U')
        /* Translators: a first name given to girls and boys alike */
        g_string_append_printf (out, _("first name %s (used for both)"), evidence->first_name);
      else
        g_string_append_printf (out, _("first name %s"), evidence->first_name);
    }
  if (evidence->honorific != NULL)
    {
      g_string_append (out, out->len > 0 ? EVIDENCE_SEPARATOR : "");
      /* Translators: a title before the name, "title Mrs." */
      g_string_append_printf (out, _("title %s"), evidence->honorific);
    }
  if (evidence->n_she > 0)
    {
      g_string_append (out, out->len > 0 ? EVIDENCE_SEPARATOR : "");
      /* Translators: the English pronoun 'she' was seen %u times for the person (the
       * articles are English: keep the word she) */
      g_string_append_printf (out, _("'she' ×%u"), evidence->n_she);
    }
  if (evidence->n_he > 0)
    {
      g_string_append (out, out->len > 0 ? EVIDENCE_SEPARATOR : "");
      /* Translators: the English pronoun 'he' was seen %u times for the person (keep he) */
      g_string_append_printf (out, _("'he' ×%u"), evidence->n_he);
    }

  if (out->len == 0)
    g_string_append (out, _("no known first name, title or pronoun"));
  else if (arx_gender_infer (evidence) == ARX_GENDER_UNKNOWN)
    {
      scores (evidence, &female, &male);
      g_string_append_printf (out, " (%s)", female > 0 && male > 0 ? _("conflicting")
                                                                   : _("too little evidence"));
    }
  return g_string_free (out, FALSE);
}

const char *
arx_gender_to_string (ArxGender gender)
{
  switch (gender)
    {
    case ARX_GENDER_FEMALE:
      return "female";
    case ARX_GENDER_MALE:
      return "male";
    case ARX_GENDER_UNKNOWN:
    case ARX_N_GENDERS:
    default:
      return "unknown";
    }
}

gboolean
arx_gender_from_string (const char *str,
                        ArxGender  *gender)
{
  for (ArxGender g = ARX_GENDER_UNKNOWN; g < ARX_N_GENDERS; g++)
    if (g_strcmp0 (str, arx_gender_to_string (g)) == 0)
      {
        *gender = g;
        return TRUE;
      }
  return FALSE;
}
