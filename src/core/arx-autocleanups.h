/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* libxml2 and sqlite3 have no g_autoptr support of their own; declare it once, here. */

#include <glib.h>
#include <libxml/tree.h>
#include <libxml/xpath.h>
#include <sqlite3.h>

G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlDoc, xmlFreeDoc)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlXPathContext, xmlXPathFreeContext)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlXPathObject, xmlXPathFreeObject)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, sqlite3_finalize)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3, sqlite3_close)
