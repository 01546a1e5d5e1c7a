/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "arx-analyzer"

#include "config.h"

#include <string.h>

#include "arx-attribution.h"

/* Page furniture that survives extraction: "READ MORE: …", "WATCH: …", "Click here …",
 * "Related: …", bylines, photo credits and captions, "(Reporting by …)", "© …". Nothing in such a
 * paragraph is a statement: a linked headline says "Trump says …" without anyone saying it
 * here, and "READ MORE:" is no transcript label. */

/* Labels that open a furniture line when a colon, a bar or a dash follows, or when written in
 * capitals ("READ MORE Trump …"). */
static const char *const labels[] = {
  "read more", "read also", "also read", "more", "related", "related content", "related stories",
  "related articles", "related coverage", "related video", "related link", "related links", "watch",
  "listen", "see also", "see", "photos", "photo", "video", "gallery", "advertisement", "sponsored",
  "trending", "recommended", "up next", "top stories", "most read", "most popular", "editor's note",
  "editor’s note", "editors' note", "correction", "clarification", "credit", "credits", "image",
  "images", "source", "file photo", "caption", "share", "share this", "tags", "filed under",
  "posted in", "advertisement", "subscribe", "newsletter", "follow", "more coverage", "more on this",
  "in photos", "in pictures", "must read", "don't miss", "don’t miss", "latest", "breaking", NULL
};

/* Phrases that open furniture whatever follows them. */
static const char *const openers[] = {
  "click here", "tap here", "sign up", "subscribe to", "subscribe now", "follow us", "follow me",
  "photo by", "photo courtesy", "photos by", "image courtesy", "image by", "photo credit",
  "image credit", "(photo", "(image", "(ap photo", "(reuters", "(reporting by", "reporting by",
  "additional reporting", "writing by", "editing by", "with files from", "— with files from",
  "- with files from", "copyright", "©", "all rights reserved", "this story has been updated",
  "this article has been updated", "this article was originally published", "this story was originally published",
  "story continues below", "continue reading", "article continues below", "share this", "share on",
  "get the latest", "download the", "sign in", "log in", "advertisement", NULL
};

/* Credit lines that end a photo caption. */
static const char *const credit_ends[] = {
  "the canadian press", "getty images", "ap photo", "afp", "reuters", "file photo", "afp via getty images",
  "bloomberg", "the associated press", "shutterstock", "handout", NULL
};

/* @low: the paragraph's first bytes in lower case, @len of them. */
static gboolean
text_starts (const char *low, gsize len, const char *prefix)
{
  gsize n;

  if (low[0] != prefix[0])
    return FALSE;
  n = strlen (prefix);
  return len >= n && memcmp (low, prefix, n) == 0 &&
         (len == n || !g_ascii_isalnum (low[n]) || !g_ascii_isalnum (prefix[n - 1]));
}

static gboolean
is_furniture (const ArxDoc *doc, guint a, guint b, gboolean first)
{
  const char *p = doc->text + ARX_DOC_TOK (doc, a)->start;
  gsize len = ARX_DOC_TOK (doc, b - 1)->end - ARX_DOC_TOK (doc, a)->start;
  guint words = 0, caps = 0;
  char low[64];
  gsize n = MIN (len, sizeof low - 1);

  /* (the labels are short: the first bytes in lower case, once) */
  for (gsize k = 0; k < n; k++)
    low[k] = g_ascii_tolower (p[k]);
  low[n] = 0;
  for (guint k = 0; openers[k]; k++)
    if (text_starts (low, n, openers[k]))
      {
        gsize ol = strlen (openers[k]);

        /* "(Reuters) — The attorney general is …": the agency's dateline opens the story */
        if (openers[k][0] == '(' && ol + 3 < n && low[ol] == ')' &&
            (g_str_has_prefix (low + ol + 1, " —") || g_str_has_prefix (low + ol + 1, " –") ||
             g_str_has_prefix (low + ol + 1, " -")))
          continue;
        return TRUE;
      }
  for (guint k = 0; labels[k]; k++)
    if (text_starts (low, n, labels[k]))
      {
        const char *after = p + strlen (labels[k]);
        gboolean capitals = TRUE;

        while (after < p + len && *after == ' ')
          after++;
        for (const char *c = p; c < p + strlen (labels[k]); c++)
          if (g_ascii_islower (*c))
            capitals = FALSE;
        if (after < p + len && (*after == ':' || *after == '|' || g_str_has_prefix (after, "—") ||
                                g_str_has_prefix (after, "–") || (capitals && strlen (labels[k]) > 3)))
          return TRUE;
      }
  /* a byline: "By Jane Doe", "By Jane Doe and John Roe | Reuters" */
  if (b - a <= 16 && arx_token_is (doc, a, "By") && a + 1 < b && (ARX_DOC_TOK (doc, a + 1)->flags & ARX_TOK_CAP))
    {
      gboolean verb = FALSE;

      for (guint i = a + 1; i < b && !verb; i++)
        verb = arx_attr_cue_class (doc, i) || arx_token_is_clause_verb (doc, i);
      if (!verb)
        return TRUE;
    }
  /* a caption that ends with its credit: "… in Ottawa on Tuesday. THE CANADIAN PRESS/Sean Kilpatrick" */
  if (b - a <= 80)
    {
      /* (only the last 60 bytes can hold it) */
      gsize from = len > 60 ? len - 60 : 0;
      g_autofree char *tail = g_ascii_strdown (p + from, len - from);

      for (guint k = 0; credit_ends[k]; k++)
        {
          const char *hit = strstr (tail, credit_ends[k]);
          char after = hit != NULL ? hit[strlen (credit_ends[k])] : 0;

          if (hit != NULL && (after == '/' || after == ')' ||
                              (after == 0 && hit > tail && (hit[-1] == '/' || hit[-1] == '(' || hit[-1] == '|'))))
            return TRUE;
        }
    }
  /* a linked headline between paragraphs: title case, no full stop, not the article's own */
  if (!first && b - a <= 25 && !arx_attr_is_end_punct (doc, b - 1) && !(ARX_DOC_TOK (doc, b - 1)->flags & ARX_TOK_QUOTE))
    {
      for (guint i = a; i < b; i++)
        if ((ARX_DOC_TOK (doc, i)->flags & ARX_TOK_WORD) && ARX_DOC_TOK (doc, i)->end - ARX_DOC_TOK (doc, i)->start > 3)
          {
            words++;
            caps += (ARX_DOC_TOK (doc, i)->flags & ARX_TOK_CAP) != 0;
          }
      if (words >= 4 && caps * 4 >= words * 3)
        return TRUE;
    }
  return FALSE;
}

/* Marks the furniture paragraphs: ctx->furniture[paragraph] is TRUE for each. */
void
arx_attr_find_furniture (ArxAttrCtx *ctx)
{
  ArxDoc *doc = ctx->base.doc;
  guint n = doc->tokens->len;

  ctx->n_paragraphs = n > 0 ? ARX_DOC_TOK (doc, n - 1)->paragraph + 1 : 0;
  ctx->furniture = g_new0 (guint8, ctx->n_paragraphs + 1);
  for (guint a = 0; a < n;)
    {
      guint para = ARX_DOC_TOK (doc, a)->paragraph, b = a;

      while (b < n && ARX_DOC_TOK (doc, b)->paragraph == para)
        b++;
      ctx->furniture[para] = is_furniture (doc, a, b, a == 0);
      a = b;
    }
}

gboolean
arx_attr_is_furniture (ArxAttrCtx *ctx, guint tok)
{
  guint para = ARX_DOC_TOK (ctx->base.doc, tok)->paragraph;

  return para < ctx->n_paragraphs && ctx->furniture[para];
}
