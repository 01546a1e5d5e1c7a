/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "arx-article"

#include "config.h"

#include <string.h>

#include "arx-article.h"

struct _ArxArticle
{
  GObject  parent_instance;

  char    *title;
  char    *byline;
  char    *published;
  char    *site;
  char    *language;
  char    *source_uri;
  char    *format;
  char    *kind;

  GString *text;
  GArray  *paragraphs;
  GPtrArray *link_uris;    /* (nullable) links of a listing page, in page order */
  GPtrArray *link_titles;
  char    *content_hash;       /* cached; NULL until asked for, and after a change */
};

G_DEFINE_FINAL_TYPE (ArxArticle, arx_article, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_TITLE,
  PROP_BYLINE,
  PROP_PUBLISHED,
  PROP_SITE,
  PROP_LANGUAGE,
  PROP_SOURCE_URI,
  PROP_FORMAT,
  PROP_KIND,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static char **
field_for_prop (ArxArticle *self,
                guint       prop_id)
{
  switch (prop_id)
    {
    case PROP_TITLE: return &self->title;
    case PROP_BYLINE: return &self->byline;
    case PROP_PUBLISHED: return &self->published;
    case PROP_SITE: return &self->site;
    case PROP_LANGUAGE: return &self->language;
    case PROP_SOURCE_URI: return &self->source_uri;
    case PROP_FORMAT: return &self->format;
    case PROP_KIND: return &self->kind;
    default: return NULL;
    }
}

/* Metadata comes from untrusted files: keep it valid UTF-8 on one line. */
static void
set_field (ArxArticle *self,
           guint       prop_id,
           const char *value)
{
  char **field = field_for_prop (self, prop_id);
  g_autofree char *clean = value != NULL ? arx_normalize_space (value, -1) : NULL;

  if (clean != NULL && clean[0] == '\0')
    g_clear_pointer (&clean, g_free);

  if (g_strcmp0 (*field, clean) == 0)
    return;

  g_free (*field);
  *field = g_steal_pointer (&clean);
  if (prop_id == PROP_TITLE)
    g_clear_pointer (&self->content_hash, g_free);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

static void
arx_article_finalize (GObject *object)
{
  ArxArticle *self = (ArxArticle *)object;

  for (guint i = PROP_TITLE; i < N_PROPS; i++)
    g_clear_pointer (field_for_prop (self, i), g_free);
  g_string_free (self->text, TRUE);
  g_array_unref (self->paragraphs);
  g_clear_pointer (&self->link_uris, g_ptr_array_unref);
  g_clear_pointer (&self->link_titles, g_ptr_array_unref);
  g_free (self->content_hash);

  G_OBJECT_CLASS (arx_article_parent_class)->finalize (object);
}

static void
arx_article_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  ArxArticle *self = ARX_ARTICLE (object);
  char **field = field_for_prop (self, prop_id);

  if (field == NULL)
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
  else
    g_value_set_string (value, *field);
}

static void
arx_article_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  ArxArticle *self = ARX_ARTICLE (object);

  if (field_for_prop (self, prop_id) == NULL)
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
  else
    set_field (self, prop_id, g_value_get_string (value));
}

static void
arx_article_class_init (ArxArticleClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  static const char *names[N_PROPS] = {
    NULL, "title", "byline", "published", "site", "language", "source-uri", "format", "kind",
  };

  object_class->finalize = arx_article_finalize;
  object_class->get_property = arx_article_get_property;
  object_class->set_property = arx_article_set_property;

  for (guint i = PROP_TITLE; i < N_PROPS; i++)
    properties[i] = g_param_spec_string (names[i], NULL, NULL, NULL,
                                         (G_PARAM_READWRITE |
                                          G_PARAM_EXPLICIT_NOTIFY |
                                          G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
arx_article_init (ArxArticle *self)
{
  self->text = g_string_new (NULL);
  self->paragraphs = g_array_new (FALSE, FALSE, sizeof (ArxSpan));
}

/**
 * arx_normalize_space:
 * @text: text, not necessarily valid UTF-8
 * @length: byte length or -1 if nul-terminated
 *
 * Returns: (transfer full): @text as valid UTF-8 with every run of white space (including
 * no-break space and line breaks) folded into one ASCII space, soft hyphens removed and the
 * ends trimmed.
 * Thread-safe.
 */
char *
arx_normalize_space (const char *text,
                     gssize      length)
{
  gsize len = length < 0 ? strlen (text) : (gsize) length;
  g_autofree char *repaired = NULL;
  const char *p, *end;
  char *out;
  gsize o = 0;
  gboolean pending_space = FALSE;

  /* (valid text, nearly all of it, is not copied first) */
  if (!g_utf8_validate_len (text, len, NULL))
    {
      repaired = g_utf8_make_valid (text, length);
      text = repaired;
      len = strlen (repaired);
    }
  /* the result is never longer than the text: runs are copied straight into it */
  out = g_malloc (len + 1);
  for (p = text, end = text + len; p < end;)
    {
      const char *next;
      gunichar c;

      if ((guchar) *p < 0x80)
        {
          const char *run = p;

          /* ASCII: controls and the space are white space; other bytes are copied in runs */
          if ((guchar) *p <= 0x20 || *p == 0x7F)
            {
              pending_space = o > 0;
              p++;
              continue;
            }
          while (p < end && (guchar) *p > 0x20 && (guchar) *p < 0x7F)
            p++;
          if (pending_space)
            out[o++] = ' ';
          pending_space = FALSE;
          memcpy (out + o, run, p - run);
          o += p - run;
          continue;
        }
      c = g_utf8_get_char (p);
      next = g_utf8_next_char (p);
      if (g_unichar_isspace (c) || c == 0x00A0 || c == 0x200B || c == 0xFEFF)
        {
          pending_space = o > 0;
          p = next;
          continue;
        }
      /* a soft hyphen only marks where a browser may break a word ("Messenger\u00ADdienste"):
       * invisible, and it splits the word for search and comparison */
      if (c == 0x00AD)
        {
          p = next;
          continue;
        }
      if (pending_space)
        out[o++] = ' ';
      pending_space = FALSE;
      memcpy (out + o, p, next - p);
      o += next - p;
      p = next;
    }
  out[o] = '\0';
  return out;
}

/**
 * arx_article_new:
 *
 * Returns: (transfer full): an empty article. Not thread-safe while being built; once built
 * it is only read and may be shared between threads.
 */
ArxArticle *
arx_article_new (void)
{
  return g_object_new (ARX_TYPE_ARTICLE, NULL);
}

#define DEFINE_STRING_ACCESSORS(field, PROP)                               \
  const char *arx_article_get_##field (ArxArticle *self)                  \
  {                                                                        \
    g_return_val_if_fail (ARX_IS_ARTICLE (self), NULL);                    \
    return self->field;                                                    \
  }                                                                        \
  void arx_article_set_##field (ArxArticle *self, const char *value)      \
  {                                                                        \
    g_return_if_fail (ARX_IS_ARTICLE (self));                              \
    set_field (self, PROP, value);                                         \
  }

DEFINE_STRING_ACCESSORS (title, PROP_TITLE)
DEFINE_STRING_ACCESSORS (byline, PROP_BYLINE)
DEFINE_STRING_ACCESSORS (published, PROP_PUBLISHED)
DEFINE_STRING_ACCESSORS (site, PROP_SITE)
DEFINE_STRING_ACCESSORS (language, PROP_LANGUAGE)
DEFINE_STRING_ACCESSORS (source_uri, PROP_SOURCE_URI)
DEFINE_STRING_ACCESSORS (format, PROP_FORMAT)
DEFINE_STRING_ACCESSORS (kind, PROP_KIND)

/**
 * arx_article_get_text:
 *
 * Returns: (transfer none): the plain text, paragraphs separated by a blank line; valid UTF-8.
 */
const char *
arx_article_get_text (ArxArticle *self)
{
  g_return_val_if_fail (ARX_IS_ARTICLE (self), NULL);
  return self->text->str;
}

gsize
arx_article_get_text_length (ArxArticle *self)
{
  g_return_val_if_fail (ARX_IS_ARTICLE (self), 0);
  return self->text->len;
}

/**
 * arx_article_get_paragraphs:
 * @n_paragraphs: (out): number of paragraphs
 *
 * Returns: (transfer none): the paragraph spans, in order.
 */
const ArxSpan *
arx_article_get_paragraphs (ArxArticle *self,
                            guint      *n_paragraphs)
{
  g_return_val_if_fail (ARX_IS_ARTICLE (self), NULL);
  *n_paragraphs = self->paragraphs->len;
  return (const ArxSpan *)(gpointer)self->paragraphs->data;
}

/**
 * arx_article_add_paragraph:
 * @text: paragraph text, any white space, not necessarily valid UTF-8
 *
 * Appends one paragraph with its white space folded; empty paragraphs are skipped.
 */
void
arx_article_add_paragraph (ArxArticle *self,
                           const char *text,
                           gssize      length)
{
  g_autofree char *clean = NULL;
  ArxSpan span;

  g_return_if_fail (ARX_IS_ARTICLE (self));
  g_return_if_fail (text != NULL);

  clean = arx_normalize_space (text, length);
  if (clean[0] == '\0')
    return;

  if (self->text->len > 0)
    g_string_append (self->text, "\n\n");
  span.start = self->text->len;
  g_string_append (self->text, clean);
  g_clear_pointer (&self->content_hash, g_free);
  span.end = self->text->len;
  g_array_append_val (self->paragraphs, span);
}

/**
 * arx_article_set_text:
 * @text: valid UTF-8 text, as stored earlier from arx_article_get_text()
 *
 * Replaces the text and paragraph spans wholesale (used when loading from the library).
 */
void
arx_article_set_text (ArxArticle    *self,
                      const char    *text,
                      const ArxSpan *paragraphs,
                      guint          n_paragraphs)
{
  g_return_if_fail (ARX_IS_ARTICLE (self));
  g_return_if_fail (g_utf8_validate (text, -1, NULL));

  g_string_assign (self->text, text);
  g_clear_pointer (&self->content_hash, g_free);
  g_array_set_size (self->paragraphs, 0);
  if (n_paragraphs > 0)
    g_array_append_vals (self->paragraphs, paragraphs, n_paragraphs);
}

/**
 * arx_article_get_content_hash:
 *
 * Computed once and kept until the title or text changes: an import's reader threads ask
 * for it, so the library's single writer does not hash every text again. Like the rest of
 * the article, not to be called from two threads at once.
 *
 * Returns: (transfer none): SHA-256 hex of the text and title, used to detect duplicate
 * imports.
 */
const char *
arx_article_get_content_hash (ArxArticle *self)
{
  g_autoptr(GChecksum) sum = NULL;

  g_return_val_if_fail (ARX_IS_ARTICLE (self), NULL);

  if (self->content_hash != NULL)
    return self->content_hash;
  sum = g_checksum_new (G_CHECKSUM_SHA256);
  if (self->title != NULL)
    g_checksum_update (sum, (const guchar *)self->title, -1);
  g_checksum_update (sum, (const guchar *)"\n", 1);
  g_checksum_update (sum, (const guchar *)self->text->str, self->text->len);
  self->content_hash = g_strdup (g_checksum_get_string (sum));
  return self->content_hash;
}

/**
 * arx_article_dup_content_hash:
 *
 * Returns: (transfer full): arx_article_get_content_hash(), a copy.
 */
char *
arx_article_dup_content_hash (ArxArticle *self)
{
  g_return_val_if_fail (ARX_IS_ARTICLE (self), NULL);
  return g_strdup (arx_article_get_content_hash (self));
}

/**
 * arx_article_add_link:
 * @uri: an absolute URI
 * @title: the link's text as the page shows it
 *
 * Adds a page the article links to as one of its items: the stories of a listing, the pages
 * of a hub. A reader sets them; they are not stored in the library.
 */
void
arx_article_add_link (ArxArticle *self,
                      const char *uri,
                      const char *title)
{
  g_return_if_fail (ARX_IS_ARTICLE (self));
  g_return_if_fail (uri != NULL && title != NULL);

  if (self->link_uris == NULL)
    {
      self->link_uris = g_ptr_array_new_with_free_func (g_free);
      self->link_titles = g_ptr_array_new_with_free_func (g_free);
    }
  g_ptr_array_add (self->link_uris, g_strdup (uri));
  g_ptr_array_add (self->link_titles, g_strdup (title));
}

guint
arx_article_get_n_links (ArxArticle *self)
{
  g_return_val_if_fail (ARX_IS_ARTICLE (self), 0);
  return self->link_uris != NULL ? self->link_uris->len : 0;
}

/**
 * arx_article_get_link:
 * @index: below arx_article_get_n_links()
 * @title: (out) (optional) (transfer none): the link's text
 *
 * Returns: (transfer none): the URI of link @index.
 */
const char *
arx_article_get_link (ArxArticle  *self,
                      guint        index,
                      const char **title)
{
  g_return_val_if_fail (ARX_IS_ARTICLE (self), NULL);
  g_return_val_if_fail (index < arx_article_get_n_links (self), NULL);

  if (title != NULL)
    *title = g_ptr_array_index (self->link_titles, index);
  return g_ptr_array_index (self->link_uris, index);
}
