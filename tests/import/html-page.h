/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Made-up web pages through the real import, for the HTML reader's tests. */

#include "arx-core.h"
#include "arx-import.h"

G_BEGIN_DECLS

/* Navigation and footer every kind of page has around its content. */
#define NAV "<header><nav><ul><li><a href=\"/\">Home</a></li><li><a href=\"/shop\">Shop</a></li>" \
            "<li><a href=\"/about\">About us</a></li></ul></nav></header>"
#define FOOTER "<footer><p>© 2025 Example Ltd. All rights reserved.</p><ul><li><a href=\"/privacy\">Privacy</a>" \
               "</li><li><a href=\"/terms\">Terms</a></li></ul></footer>"

ArxArticle *import_html  (const char *html);
void        assert_has   (ArxArticle *article,
                          const char *needle);
void        assert_lacks (ArxArticle *article,
                          const char *needle);

G_END_DECLS
