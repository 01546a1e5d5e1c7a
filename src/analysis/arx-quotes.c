/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "arx-analyzer"

#include "config.h"

#include "arx-doc.h"

typedef enum { ROLE_NONE, ROLE_OPEN, ROLE_CLOSE, ROLE_EITHER } Role;

typedef struct
{
  guint    tok;
  guint    start;
  gboolean dbl;
} Open;

static gunichar
char_at (const ArxDoc *doc, gssize pos)
{
  if (pos < 0 || (gsize) pos >= doc->len)
    return ' ';
  return g_utf8_get_char (doc->text + pos);
}

static gunichar
char_before (const ArxDoc *doc, guint pos)
{
  if (pos == 0)
    return ' ';
  return g_utf8_get_char (g_utf8_prev_char (doc->text + pos));
}

static gboolean
opens_context (gunichar c)
{
  return g_unichar_isspace (c) || c == '(' || c == '[' || c == '{' || c == 0x2014 || c == 0x2013 ||
         c == '-' || c == '/' || c == 0x201C || c == 0x2018 || c == '"' || c == ':';
}

static gboolean
closes_context (gunichar c)
{
  return g_unichar_isspace (c) || g_unichar_ispunct (c) || c == 0x201D || c == 0x2019;
}

/* What a mark can be, from the mark itself and the characters around it. */
static Role
mark_role (const ArxDoc *doc, const ArxToken *t, gboolean *dbl)
{
  gunichar c = char_at (doc, t->start);
  gunichar before = char_before (doc, t->start);
  gunichar after = char_at (doc, t->end);

  *dbl = TRUE;
  if (c == '\'' && t->end - t->start == 2)
    c = '"';
  switch (c)
    {
    case 0x201C: case 0x201E: case 0x00AB: case 0x201F:
      return ROLE_OPEN;
    case 0x201D: case 0x00BB:
      return ROLE_CLOSE;
    case 0x2018: case 0x2039: case 0x201B:
      *dbl = FALSE;
      return ROLE_OPEN;
    case 0x203A:
      *dbl = FALSE;
      return ROLE_CLOSE;
    case 0x2019:
      *dbl = FALSE;
      return g_unichar_isspace (before) ? ROLE_NONE : ROLE_CLOSE;
    case '"':
      if (opens_context (before) && !g_unichar_isspace (after))
        return ROLE_OPEN;
      if (closes_context (after) && !g_unichar_isspace (before))
        return ROLE_CLOSE;
      return ROLE_EITHER;
    case '\'':
      *dbl = FALSE;
      if (opens_context (before) && g_unichar_isalnum (after))
        return ROLE_OPEN;
      if (closes_context (after) && !g_unichar_isspace (before))
        return ROLE_CLOSE;
      return ROLE_NONE;
    default:
      return ROLE_NONE;
    }
}

static void
emit (ArxDoc *doc, guint start, guint end, guint depth, gboolean closed, gboolean dbl)
{
  ArxQuote q = { start, end, depth, closed, dbl };

  if (end > start + 2)
    g_array_append_val (doc->quotes, q);
}

static int
find_open (GArray *stack, gboolean dbl)
{
  for (int k = (int) stack->len - 1; k >= 0; k--)
    if (g_array_index (stack, Open, k).dbl == dbl)
      return k;
  return -1;
}

static int
compare_quotes (gconstpointer a, gconstpointer b)
{
  const ArxQuote *qa = a, *qb = b;

  if (qa->start != qb->start)
    return qa->start < qb->start ? -1 : 1;
  return qa->depth < qb->depth ? -1 : qa->depth > qb->depth;
}

/* Does paragraph @p open with a speaker label, as in transcripts ("PENCE: …")? */
static gboolean
opens_with_label (const ArxDoc *doc, guint tok)
{
  for (guint k = tok; k < doc->tokens->len && k < tok + 4; k++)
    {
      const ArxToken *t = ARX_DOC_TOK (doc, k);

      if (k > tok && char_at (doc, t->start) == ':')
        return k > tok + 1 || (ARX_DOC_TOK (doc, k - 1)->flags & ARX_TOK_UPPER);
      if (k > tok && !(t->flags & ARX_TOK_UPPER))
        return FALSE;
    }
  return FALSE;
}

void
arx_doc_find_quotes (ArxDoc *doc)
{
  g_autoptr(GArray) stack = g_array_new (FALSE, FALSE, sizeof (Open));
  guint n = doc->tokens->len;

  for (guint i = 0; i < n; i++)
    {
      ArxToken *t = ARX_DOC_TOK (doc, i);
      gboolean dbl;
      Role role;
      int k;

      /* end of paragraph: a quote left open continues only when the next paragraph opens one */
      if (i > 0 && t->paragraph != ARX_DOC_TOK (doc, i - 1)->paragraph)
        {
          guint para_end = ARX_DOC_TOK (doc, i - 1)->end;
          int kd = find_open (stack, TRUE);
          gboolean cont = FALSE;

          if (kd >= 0 && (t->flags & ARX_TOK_QUOTE))
            {
              gboolean d2;
              Role r2 = mark_role (doc, t, &d2);

              cont = d2 && (r2 == ROLE_OPEN || r2 == ROLE_EITHER) && !opens_with_label (doc, i);
            }
          if (cont)
            {
              g_array_set_size (stack, kd + 1);
              t->flags &= ~ARX_TOK_QUOTE;  /* the repeated opening mark is not a new quote */
              continue;
            }
          if (kd >= 0)
            {
              Open *o = &g_array_index (stack, Open, kd);

              emit (doc, o->start, para_end, kd, FALSE, TRUE);
            }
          g_array_set_size (stack, 0);
        }
      if (!(t->flags & ARX_TOK_QUOTE))
        continue;
      role = mark_role (doc, t, &dbl);
      if (role == ROLE_EITHER)
        role = find_open (stack, TRUE) >= 0 ? ROLE_CLOSE : ROLE_OPEN;
      if (role == ROLE_CLOSE && !dbl)
        {
          /* ’ closes a single quote only when one is open; otherwise it is an apostrophe */
          k = find_open (stack, FALSE);
          if (k < 0 || k != (int) stack->len - 1)
            {
              if (char_at (doc, t->start) == '\'' && k < 0 && g_unichar_isalnum (char_at (doc, t->end)))
                role = ROLE_OPEN;
              else
                {
                  t->flags &= ~ARX_TOK_QUOTE;
                  continue;
                }
            }
        }
      if (role == ROLE_NONE)
        {
          t->flags &= ~ARX_TOK_QUOTE;
          continue;
        }
      if (role == ROLE_OPEN)
        {
          Open o = { i, t->start, dbl };

          if (dbl && (k = find_open (stack, TRUE)) >= 0)
            {
              /* a second opening double mark: the first one was never closed; end it here */
              Open *prev = &g_array_index (stack, Open, k);
              guint end = ARX_DOC_TOK (doc, i - 1)->end;

              emit (doc, prev->start, end, k, FALSE, TRUE);
              g_array_set_size (stack, k);
            }
          g_array_append_val (stack, o);
          continue;
        }
      /* closing */
      k = find_open (stack, dbl);
      if (k < 0)
        {
          t->flags &= ~ARX_TOK_QUOTE;  /* stray closing mark */
          continue;
        }
      {
        Open *o = &g_array_index (stack, Open, k);

        /* inner quotes left open inside this one are dropped (“… a ‘Unit.”) */
        emit (doc, o->start, t->end, k, TRUE, dbl);
        g_array_set_size (stack, k);
      }
    }
  if (n > 0)
    {
      int kd = find_open (stack, TRUE);

      if (kd >= 0)
        emit (doc, g_array_index (stack, Open, kd).start, ARX_DOC_TOK (doc, n - 1)->end, kd, FALSE, TRUE);
    }
  g_array_sort (doc->quotes, compare_quotes);

  /* the words inside outermost quotes */
  for (guint q = 0; q < doc->quotes->len; q++)
    {
      const ArxQuote *qq = &g_array_index (doc->quotes, ArxQuote, q);

      if (qq->depth != 0)
        continue;
      for (guint i = arx_doc_token_at (doc, qq->start) + 1; i < n && ARX_DOC_TOK (doc, i)->end < qq->end; i++)
        ARX_DOC_TOK (doc, i)->flags |= ARX_TOK_IN_QUOTE;
    }
}
