/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "arx-library-insights.h"

G_BEGIN_DECLS

#define ARX_TYPE_SPEAKER_PROFILE (arx_speaker_profile_get_type ())

G_DECLARE_FINAL_TYPE (ArxSpeakerProfile, arx_speaker_profile, ARX, SPEAKER_PROFILE, GtkWidget)

void    arx_speaker_profile_set_profile  (ArxSpeakerProfile *self,
                                          const ArxProfile  *profile,
                                          gboolean           show_gender);
gint64  arx_speaker_profile_get_person   (ArxSpeakerProfile *self);

G_END_DECLS
