/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define ARX_TYPE_APPLICATION (arx_application_get_type ())

G_DECLARE_FINAL_TYPE (ArxApplication, arx_application, ARX, APPLICATION, AdwApplication)

ArxApplication *arx_application_new (void);

G_END_DECLS
