/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "arx-identity.h"
#include "arx-library-private.h"

G_BEGIN_DECLS

/* Shared by the three files that write down the identity unit's decisions:
 * arx-library-identity.c (linking one article), arx-library-identity-names.c (what a
 * transaction touched, name forms and their counts) and arx-library-identity-finish.c (the
 * end of a transaction). */

/* Linking */
gboolean _arx_library_create_person      (ArxLibrary             *self,
                                          ArxSpeakerKind          kind,
                                          const char             *name,
                                          gint64                  article_id,
                                          gint64                 *out_id,
                                          GError                **error);
gboolean _arx_library_find_surname       (ArxLibrary             *self,
                                          const char             *surname,
                                          GArray                 *out,
                                          GError                **error);
gboolean _arx_library_surname_person     (ArxLibrary             *self,
                                          const char             *surname,
                                          const char             *display,
                                          ArxSpeakerKind          kind,
                                          gboolean                create,
                                          gint64                 *out_id,
                                          GError                **error);

/* What a transaction touched */
void     _arx_library_touch_surname      (ArxLibrary             *self,
                                          const char             *surname);
void     _arx_library_touch_person       (ArxLibrary             *self,
                                          gint64                  id);

/* Name forms */
gboolean _arx_library_record_name        (ArxLibrary             *self,
                                          gint64                  person_id,
                                          const ArxIdentityAlias *alias,
                                          GError                **error);
gboolean _arx_library_record_names       (ArxLibrary             *self,
                                          gint64                  person_id,
                                          const ArxIdentityItem  *root,
                                          GError                **error);
gboolean _arx_library_uncount_names      (ArxLibrary             *self,
                                          gint64                  person_id,
                                          const ArxIdentityItem  *root,
                                          GError                **error);
gboolean _arx_library_write_name_counts  (ArxLibrary             *self,
                                          GError                **error);
gboolean _arx_library_rename_from_forms  (ArxLibrary             *self,
                                          gint64                  id,
                                          GError                **error);

G_END_DECLS
