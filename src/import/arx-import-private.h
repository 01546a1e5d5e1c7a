/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Internal interface between the import dispatcher and the per-format readers. */

#include <libxml/tree.h>
#include <libxml/HTMLparser.h>

#include "arx-import.h"
#include "arx-autocleanups.h"

G_BEGIN_DECLS

typedef struct
{
  const char            *name;       /* shown in error messages: file name or URI */
  const char            *source_uri; /* may be NULL (pasted text) */
  const ArxImportLimits *limits;     /* never NULL */
} ArxImportContext;

/* arx-import-date.c: dates in metadata and date lines */
char       *arx_import_date_normalize   (const char *text);
char       *arx_import_timestamp_normalize (const char *text);
char       *arx_import_leading_date     (const char *text);
gboolean    arx_import_is_date_line     (const char *text,
                                         char      **date);

/* arx-import-byline.c: bylines */
char       *arx_import_clean_byline     (const char *text);
gboolean    arx_import_looks_like_byline (const char *text);

/* arx-import-util.c: small text helpers shared by readers */
char       *arx_import_clean_title      (const char *title,
                                         const char *site);
char       *arx_import_decode_entities  (const char *text);
void        arx_import_set_language     (ArxArticle *article,
                                         const char *tag);
guint       arx_import_count_words      (const char *text);
char      **arx_import_split_lines      (const char *text);
void        arx_import_add_text         (ArxArticle *article,
                                         const char *text,
                                         gboolean    every_line);
gboolean    arx_import_looks_binary     (const char *data,
                                         gsize       len);
/* JSON is checked by its brackets before json-glib parses it: its parser recurses once per
 * level (a line nested 100,000 deep overflows the stack), and it leaks a second value after
 * the first ("{…}{…}"). Real JSON-LD and JSON Lines nest a few levels. */
#define ARX_JSON_MAX_DEPTH 64
guint       arx_json_depth              (const char *text,
                                         gsize       len,
                                         guint      *n_values);
gboolean    arx_json_has_bad_escape     (const char *text,
                                         gsize       len);
GPtrArray  *arx_import_single           (ArxArticle             *article,
                                         const ArxImportContext *ctx,
                                         const char             *format);

/* arx-text-reader.c */
char       *arx_text_decode             (const char *data,
                                         gsize       len,
                                         const char *charset);
/* arx-text-mojibake.c */
char       *arx_text_repair_mojibake    (char       *text);
ArxArticle *arx_text_reader_read        (const char             *data,
                                         gsize                   len,
                                         const ArxImportContext *ctx,
                                         GError                **error);

/* arx-xml-util.c */
xmlDoc     *arx_xml_parse               (const char             *data,
                                         gsize                   len,
                                         const ArxImportContext *ctx,
                                         GError                **error);
gboolean    arx_xml_check_depth         (xmlNode                *root,
                                         const ArxImportContext *ctx,
                                         GError                **error);
gboolean    arx_xml_check_parser_depth  (xmlParserCtxt          *parser,
                                         const ArxImportContext *ctx,
                                         GError                **error);
char       *arx_xml_text                (xmlNode *node);
char       *arx_xml_spaced_text         (xmlNode *node);
char       *arx_xml_raw_text            (xmlNode *node);
gboolean    arx_xml_is                  (xmlNode    *node,
                                         const char *local_name);
xmlNode    *arx_xml_child               (xmlNode    *parent,
                                         const char *local_name);
xmlNode    *arx_xml_find                (xmlNode    *root,
                                         const char *local_name);
char       *arx_xml_child_text          (xmlNode    *parent,
                                         const char *local_name);
char       *arx_xml_prop                (xmlNode    *node,
                                         const char *name);
char       *arx_xml_root_name           (const char *data,
                                         gsize       len);

/* arx-html-reader.c */
htmlDocPtr  arx_html_parse              (const char             *data,
                                         gsize                   len,
                                         const char             *charset,
                                         const ArxImportContext *ctx,
                                         GError                **error);
ArxArticle *arx_html_reader_read        (const char             *data,
                                         gsize                   len,
                                         const char             *charset,
                                         const ArxImportContext *ctx,
                                         GError                **error);
void        arx_html_fragment_append    (ArxArticle *article,
                                         const char *html,
                                         gsize       len);

/* arx-html-extract.c */
void        arx_html_append_blocks      (xmlNode    *node,
                                         ArxArticle *article,
                                         const char *title);

/* XML formats */
GPtrArray  *arx_nitf_reader_read        (xmlDoc *doc, const ArxImportContext *ctx, GError **error);
ArxArticle *arx_nitf_article_from_node  (xmlNode *nitf);
GPtrArray  *arx_newsml_reader_read      (xmlDoc *doc, const ArxImportContext *ctx, GError **error);
GPtrArray  *arx_feed_reader_read        (xmlDoc *doc, const ArxImportContext *ctx, GError **error);
GPtrArray  *arx_jats_reader_read        (xmlDoc *doc, const ArxImportContext *ctx, GError **error);

/* other */
GPtrArray  *arx_pdf_reader_read         (GBytes *bytes, const ArxImportContext *ctx, GError **error);
GPtrArray  *arx_mhtml_reader_read       (const char *data, gsize len, const ArxImportContext *ctx, GError **error);
GBytes     *arx_url_fetch               (const char             *uri,
                                         const ArxImportLimits  *limits,
                                         GCancellable           *cancellable,
                                         char                  **content_type,
                                         GError                **error);

char        *arx_import_saved_from_url   (const char *data,
                                         gsize       len);
double       arx_import_shared_words     (const char *a,
                                         const char *b);
char        *arx_import_squash           (const char *s);
gboolean     arx_import_same_name        (const char *a,
                                         const char *b);
void         arx_import_drop_repeated_runs (ArxArticle *article);

G_END_DECLS
