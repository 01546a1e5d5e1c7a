/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Gender inference from first names, honorifics and resolved pronouns (made-up people). */
#include "config.h"

#include "arx-gender.h"

typedef struct
{
  const char *names;      /* canonical name first, aliases after, separated by "|" */
  guint       n_she;
  guint       n_he;
  ArxGender   expected;
  const char *evidence;
} Case;

static const Case cases[] = {
  /* a first name of one sex is enough on its own */
  { "Mary Okonkwo|Okonkwo", 0, 0, ARX_GENDER_FEMALE, "first name Mary" },
  { "Mary Okonkwo", 2, 0, ARX_GENDER_FEMALE, "first name Mary; 'she' ×2" },
  { "John Halvorsen", 0, 0, ARX_GENDER_MALE, "first name John" },
  /* titles before the first name are skipped; honorifics count */
  { "Sen. Priya Raman", 0, 0, ARX_GENDER_FEMALE, "first name Priya" },
  { "Halvorsen|Mrs. Halvorsen", 0, 0, ARX_GENDER_FEMALE, "title Mrs." },
  /* a surname alone, an initial, or a name used for both say nothing */
  { "Halvorsen", 0, 0, ARX_GENDER_UNKNOWN, "no known first name, title or pronoun" },
  { "J. Halvorsen", 0, 0, ARX_GENDER_UNKNOWN, "no known first name, title or pronoun" },
  { "Jordan Ellery", 0, 0, ARX_GENDER_UNKNOWN,
    "first name Jordan (used for both) (too little evidence)" },
  /* one pronoun is too little, two are enough, a name used for both gives way to them */
  { "Okonkwo", 1, 0, ARX_GENDER_UNKNOWN, "'she' ×1 (too little evidence)" },
  { "Okonkwo", 0, 2, ARX_GENDER_MALE, "'he' ×2" },
  { "Jordan Ellery", 3, 0, ARX_GENDER_FEMALE, "first name Jordan (used for both); 'she' ×3" },
  /* conflicting evidence stays unknown unless one side clearly outweighs the other */
  { "Mary Okonkwo", 0, 2, ARX_GENDER_UNKNOWN, "first name Mary; 'he' ×2 (conflicting)" },
  { "Mary Okonkwo", 2, 1, ARX_GENDER_FEMALE, "first name Mary; 'she' ×2; 'he' ×1" },
  { "Mr. John Halvorsen", 0, 3, ARX_GENDER_MALE, "first name John; title Mr.; 'he' ×3" },
};

static void
test_infer (gconstpointer data)
{
  const Case *c = data;
  ArxGenderEvidence evidence = { 0, };
  g_auto(GStrv) names = g_strsplit (c->names, "|", -1);
  g_autofree char *described = NULL;

  for (guint i = 0; names[i] != NULL; i++)
    arx_gender_evidence_add_name (&evidence, names[i]);
  for (guint i = 0; i < c->n_she; i++)
    g_assert_true (arx_gender_evidence_add_pronoun (&evidence, i % 2 ? "She" : "she", -1));
  for (guint i = 0; i < c->n_he; i++)
    g_assert_true (arx_gender_evidence_add_pronoun (&evidence, "he said", 2));

  g_assert_cmpstr (arx_gender_to_string (arx_gender_infer (&evidence)), ==,
                   arx_gender_to_string (c->expected));
  described = arx_gender_describe (&evidence);
  g_assert_cmpstr (described, ==, c->evidence);
  arx_gender_evidence_clear (&evidence);
}

static void
test_not_pronouns (void)
{
  ArxGenderEvidence evidence = { 0, };

  g_assert_false (arx_gender_evidence_add_pronoun (&evidence, "the minister", -1));
  g_assert_false (arx_gender_evidence_add_pronoun (&evidence, "they", -1));
  g_assert_false (arx_gender_evidence_add_pronoun (&evidence, "", -1));
  g_assert_cmpuint (evidence.n_she + evidence.n_he, ==, 0);
}

static void
test_strings (void)
{
  ArxGender gender = ARX_GENDER_UNKNOWN;

  for (ArxGender g = ARX_GENDER_UNKNOWN; g < ARX_N_GENDERS; g++)
    {
      g_assert_true (arx_gender_from_string (arx_gender_to_string (g), &gender));
      g_assert_cmpint (gender, ==, g);
    }
  g_assert_false (arx_gender_from_string ("other", &gender));
  g_assert_false (arx_gender_from_string (NULL, &gender));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/arx/gender/infer/%u", i);

      g_test_add_data_func (path, &cases[i], test_infer);
    }
  g_test_add_func ("/arx/gender/not-pronouns", test_not_pronouns);
  g_test_add_func ("/arx/gender/strings", test_strings);
  return g_test_run ();
}
