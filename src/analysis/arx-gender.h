/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  ARX_GENDER_UNKNOWN,
  ARX_GENDER_FEMALE,
  ARX_GENDER_MALE,
  ARX_N_GENDERS
} ArxGender;

/* What is known about one person: the first name of their fullest name and the sex the
 * first-name list gives it, an honorific ("Mrs.", "Mr."), and the pronouns the analysis
 * resolved to them. Collected by the caller, weighed by arx_gender_infer(). */
typedef struct
{
  char      *first_name;     /* as written, or NULL */
  char       first_name_sex; /* 'F', 'M', 'U' (both), or 0 when the list lacks it */
  char      *honorific;      /* as written, or NULL */
  ArxGender  honorific_gender;
  guint      n_she;
  guint      n_he;
} ArxGenderEvidence;

void         arx_gender_evidence_clear        (ArxGenderEvidence       *evidence);
void         arx_gender_evidence_add_name     (ArxGenderEvidence       *evidence,
                                               const char              *name);
gboolean     arx_gender_evidence_add_pronoun  (ArxGenderEvidence       *evidence,
                                               const char              *word,
                                               gssize                   length);
ArxGender    arx_gender_infer                 (const ArxGenderEvidence *evidence);
char        *arx_gender_describe              (const ArxGenderEvidence *evidence);

const char  *arx_gender_to_string             (ArxGender                gender);
gboolean     arx_gender_from_string           (const char              *str,
                                               ArxGender               *gender);

G_END_DECLS
