/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "arx-analyzer"

#include "config.h"

#include <string.h>

#include "arx-doc.h"

/* Far above any real sentence (news sentences rarely pass 100 tokens). */
#define ARX_MAX_SENTENCE_TOKENS 500

/* Characters that may be quotation marks. ’ and ' are also apostrophes: the tokenizer keeps
 * them inside words (don’t, O’Brien, ’90s), splits the possessive ’s, and leaves the rest as
 * QUOTE tokens for the quotation finder to decide. */
static gboolean
is_quote_char (gunichar c)
{
  switch (c)
    {
    case '"': case '\'': case 0x201C: case 0x201D: case 0x2018: case 0x2019:
    case 0x00AB: case 0x00BB: case 0x201E: case 0x2039: case 0x203A: case 0x201F: case 0x201B:
      return TRUE;
    default:
      return FALSE;
    }
}

static inline gunichar
char_at (const ArxDoc *doc, gsize pos)
{
  if (pos >= doc->len)
    return 0;
  if ((guchar) doc->text[pos] < 128)
    return (guchar) doc->text[pos];
  return g_utf8_get_char (doc->text + pos);
}

static inline gsize
next_pos (const ArxDoc *doc, gsize pos)
{
  return g_utf8_next_char (doc->text + pos) - doc->text;
}

static inline gunichar
char_before (const ArxDoc *doc, gsize pos)
{
  if (pos == 0)
    return 0;
  return g_utf8_get_char (g_utf8_prev_char (doc->text + pos));
}

static inline gboolean
is_word_char (gunichar c)
{
  if (c < 128)
    return g_ascii_isalnum (c);
  return g_unichar_isalnum (c);
}

/* Appends a token. The token array is grown in steps by the tokenizer (arx_doc_tokenize sets
 * its size to the end at the close), so a token costs no call. */
static void
push (ArxDoc *doc, guint *n_tokens, gsize start, gsize end, guint flags, guint paragraph)
{
  ArxToken *t;

  if (*n_tokens == doc->tokens->len)
    g_array_set_size (doc->tokens, doc->tokens->len * 2 + 64);
  t = ARX_DOC_TOK (doc, (*n_tokens)++);
  memset (t, 0, sizeof *t);
  t->start = start;
  t->end = end;
  t->paragraph = paragraph;
  t->mention = -1;
  t->word = arx_word_cache_lookup (doc->words, doc->text + start, end - start);
  if (flags & ARX_TOK_WORD)
    {
      /* capitals and letters, counted once per word (arx-words.c) */
      guint letters = t->word->letters;

      if (letters & ARX_WORD_CAP)
        flags |= ARX_TOK_CAP;
      if (letters & ARX_WORD_UPPER)
        flags |= ARX_TOK_UPPER;
      if (letters & ARX_WORD_NO_LETTERS)
        flags = (flags & ~ARX_TOK_WORD) | ARX_TOK_NUMBER;
    }
  t->flags = flags;
}

/* ASCII letters and digits (g_ascii_isalnum) and the ASCII punctuation that may continue a
 * word (scan_word), by byte: the inner loops test every byte of the text */
enum { ALNUM = 1, WORD_PUNCT = 2, SPACE = 4 };
static const guint8 ascii_class[128] = {
  /* (as g_ascii_isspace: no vertical tab) */
  ['\t'] = SPACE, ['\n'] = SPACE, ['\f'] = SPACE, ['\r'] = SPACE, [' '] = SPACE,
  ['-'] = WORD_PUNCT, ['&'] = WORD_PUNCT, ['\''] = WORD_PUNCT, ['.'] = WORD_PUNCT, [','] = WORD_PUNCT,
  [':'] = WORD_PUNCT,
  ['0'] = ALNUM, ['1'] = ALNUM, ['2'] = ALNUM, ['3'] = ALNUM, ['4'] = ALNUM, ['5'] = ALNUM,
  ['6'] = ALNUM, ['7'] = ALNUM, ['8'] = ALNUM, ['9'] = ALNUM,
  ['A'] = ALNUM, ['B'] = ALNUM, ['C'] = ALNUM, ['D'] = ALNUM, ['E'] = ALNUM, ['F'] = ALNUM,
  ['G'] = ALNUM, ['H'] = ALNUM, ['I'] = ALNUM, ['J'] = ALNUM, ['K'] = ALNUM, ['L'] = ALNUM,
  ['M'] = ALNUM, ['N'] = ALNUM, ['O'] = ALNUM, ['P'] = ALNUM, ['Q'] = ALNUM, ['R'] = ALNUM,
  ['S'] = ALNUM, ['T'] = ALNUM, ['U'] = ALNUM, ['V'] = ALNUM, ['W'] = ALNUM, ['X'] = ALNUM,
  ['Y'] = ALNUM, ['Z'] = ALNUM,
  ['a'] = ALNUM, ['b'] = ALNUM, ['c'] = ALNUM, ['d'] = ALNUM, ['e'] = ALNUM, ['f'] = ALNUM,
  ['g'] = ALNUM, ['h'] = ALNUM, ['i'] = ALNUM, ['j'] = ALNUM, ['k'] = ALNUM, ['l'] = ALNUM,
  ['m'] = ALNUM, ['n'] = ALNUM, ['o'] = ALNUM, ['p'] = ALNUM, ['q'] = ALNUM, ['r'] = ALNUM,
  ['s'] = ALNUM, ['t'] = ALNUM, ['u'] = ALNUM, ['v'] = ALNUM, ['w'] = ALNUM, ['x'] = ALNUM,
  ['y'] = ALNUM, ['z'] = ALNUM,
};

/* Scans one word from @pos; returns its end. Keeps inner hyphens, apostrophes and periods
 * (U.S., cyber-enabled, don’t, 1,000.5) and an abbreviation's final period. */
static gsize
scan_word (ArxDoc *doc, gsize pos, guint *flags)
{
  gsize start = pos, end;
  gboolean dotted = FALSE;
  const guchar *text = (const guchar *) doc->text;
  const gsize text_len = doc->len;

  while (pos < text_len)
    {
      gunichar c, n;
      gsize np;

      /* the common case: a run of ASCII letters and digits, ended by a space or by ASCII
       * punctuation that never continues a word */
      if (text[pos] < 128)
        {
          guint cls = ascii_class[text[pos]];

          if (cls & ALNUM)
            {
              pos++;
              while (pos < text_len && text[pos] < 128 && (ascii_class[text[pos]] & ALNUM))
                pos++;
              continue;
            }
          if (!(cls & WORD_PUNCT))
            break;
        }
      c = char_at (doc, pos);
      np = next_pos (doc, pos);
      n = char_at (doc, np);
      if (is_word_char (c))
        {
          pos = np;
          continue;
        }
      if ((c == '-' || c == 0x2011 || c == '&') && is_word_char (n))
        {
          pos = np;
          continue;
        }
      if ((c == '\'' || c == 0x2019) && g_unichar_isalpha (n))
        {
          /* possessive ’s is its own token; other apostrophes stay in the word */
          gunichar nn = char_at (doc, next_pos (doc, np));

          if ((n == 's' || n == 'S') && !is_word_char (nn))
            break;
          pos = np;
          continue;
        }
      if ((c == '.' || c == ',' || c == ':') && g_unichar_isdigit (char_before (doc, pos)) && g_unichar_isdigit (n))
        {
          pos = np;
          continue;
        }
      if (c == '.' && g_unichar_isalpha (n) && g_unichar_isalpha (char_before (doc, pos)))
        {
          /* U.S., a.m., D.C.: single letters between periods */
          gsize seg = pos;

          while (seg > start && g_unichar_isalpha (char_before (doc, seg)))
            seg = g_utf8_prev_char (doc->text + seg) - doc->text;
          if (pos - seg <= 2 && !is_word_char (char_at (doc, next_pos (doc, np))))
            {
              dotted = TRUE;
              pos = np;
              continue;
            }
        }
      break;
    }
  end = pos;
  if (char_at (doc, end) == '.')
    {
      gsize len = end - start;
      gboolean abbrev = dotted;

      if (!abbrev && len == 1 && g_unichar_isupper (char_at (doc, start)))
        abbrev = TRUE;  /* an initial: "George W. Bush" */
      if (!abbrev && arx_lexicon_lookup_char (doc->lex->abbrevs, doc->text + start, len))
        abbrev = TRUE;
      if (!abbrev)
        {
          /* the part after a hyphen: "R-Fla." */
          const char *w = doc->text + start;
          const char *dash = g_strrstr_len (w, len, "-");
          gsize from = dash ? (gsize) (dash + 1 - w) : 0;
          char buf[8];

          if (len - from <= 5)
            {
              for (gsize i = from; i < len; i++)
                buf[i - from] = g_ascii_tolower (w[i]);
              abbrev = arx_lexicon_lookup_char (doc->lex->abbrevs, buf, len - from) != 0;
            }
        }
      if (abbrev)
        {
          end++;
          *flags |= ARX_TOK_ABBREV;
        }
    }
  return end;
}

void
arx_doc_tokenize (ArxDoc *doc)
{
  guint para = 0, n_tokens = 0;
  gsize pos = 0;
  gboolean para_start = TRUE;

  const guchar *text = (const guchar *) doc->text;
  const gsize len = doc->len;

  g_array_set_size (doc->tokens, MAX (doc->tokens->len, doc->len / 5 + 16));
  while (pos < len)
    {
      gunichar c;
      gsize np;

      if (text[pos] == ' ')
        {
          pos++;
          continue;
        }
      while (para + 1 < doc->n_paragraphs && pos >= doc->paragraphs[para + 1].start)
        {
          para++;
          para_start = TRUE;
        }
      if (text[pos] < 128 && (ascii_class[text[pos]] & (ALNUM | SPACE)))
        {
          /* the common cases without decoding: an ASCII letter or digit starts a word */
          if (ascii_class[text[pos]] & SPACE)
            {
              pos++;
              continue;
            }
          {
            guint flags = ARX_TOK_WORD;
            gsize end = scan_word (doc, pos, &flags);

            push (doc, &n_tokens, pos, end, flags | (para_start ? ARX_TOK_PARA_START : 0), para);
            pos = end;
            para_start = FALSE;
            continue;
          }
        }
      c = char_at (doc, pos);
      np = next_pos (doc, pos);
      if ((c < 128 ? g_ascii_isspace (c) : g_unichar_isspace (c)) || c == 0x200B || c == 0xFEFF)
        {
          pos = np;
          continue;
        }
      if (is_word_char (c) || ((c == 0x2019 || c == '\'') && g_unichar_isdigit (char_at (doc, np))
                               && !is_word_char (char_before (doc, pos))))
        {
          guint flags = ARX_TOK_WORD;
          gsize end = scan_word (doc, (c == 0x2019 || c == '\'') ? np : pos, &flags);

          push (doc, &n_tokens, pos, end, flags | (para_start ? ARX_TOK_PARA_START : 0), para);
          pos = end;
        }
      else if (c == '\'' && char_at (doc, np) == '\'')
        {
          /* '' as a double quotation mark (The New York Times' archive style) */
          push (doc, &n_tokens, pos, np + 1, ARX_TOK_QUOTE | (para_start ? ARX_TOK_PARA_START : 0), para);
          pos = np + 1;
        }
      else if ((c == '\'' || c == 0x2019) && (char_at (doc, np) == 's' || char_at (doc, np) == 'S')
               && !is_word_char (char_at (doc, np + 1))
               && (is_word_char (char_before (doc, pos)) ||
                   /* pre-tokenised text: "Trump 's" */
                   (char_before (doc, pos) == ' ' && pos >= 2 && is_word_char (char_before (doc, pos - 1)) &&
                    char_at (doc, np + 1) == ' ')))
        {
          push (doc, &n_tokens, pos, np + 1, ARX_TOK_WORD | ARX_TOK_POSS, para);
          pos = np + 1;
        }
      else
        {
          push (doc, &n_tokens, pos, np, (is_quote_char (c) ? ARX_TOK_QUOTE : ARX_TOK_PUNCT) |
                (para_start ? ARX_TOK_PARA_START : 0), para);
          pos = np;
        }
      para_start = FALSE;
    }
  g_array_set_size (doc->tokens, n_tokens);
}

/* Is token @i one of the words of the NULL-terminated @list (exactly; ASCII letters in any
 * case for the _ci form)? The first letter is compared before anything else: most words of a
 * list differ from the token there. */
static gboolean
in_list (const char *p, gsize len, const char *const *list)
{
  for (guint k = 0; list[k]; k++)
    if (list[k][0] == p[0] && strncmp (list[k], p, len) == 0 && list[k][len] == '\0')
      return TRUE;
  return FALSE;
}

static gboolean
in_list_ci (const char *p, gsize len, const char *const *list)
{
  char first = arx_ascii_lower (p[0]);

  for (guint k = 0; list[k]; k++)
    {
      const char *w = list[k];
      gsize n;

      if (arx_ascii_lower (w[0]) != first)
        continue;
      for (n = 1; n < len && w[n] && arx_ascii_lower (w[n]) == arx_ascii_lower (p[n]); n++)
        ;
      if (n == len && w[n] == '\0')
        return TRUE;
    }
  return FALSE;
}

/* The answer depends on the word's bytes only, so it is kept with the word (ArxWord.lists_in):
 * the attribution asks the same few lists about the same words again and again. */
static gboolean
token_in_list (const ArxDoc *doc, guint i, const char *const *list, gboolean ci)
{
  const ArxToken *t = ARX_DOC_TOK (doc, i);
  const char *p = doc->text + t->start;
  gsize len = t->end - t->start;
  guint32 bit;
  gboolean in;

  if (len == 0)
    return FALSE;
  bit = arx_word_cache_list_bit (doc->words, (const char *) list + ci);
  if (t->word->lists_known & bit)
    return (t->word->lists_in & bit) != 0;
  in = ci ? in_list_ci (p, len, list) : in_list (p, len, list);
  t->word->lists_known |= bit;
  if (in)
    t->word->lists_in |= bit;
  return in;
}

/* Is token @i one of the words of the NULL-terminated @list (exactly; ASCII letters in any
 * case for the _ci form)? @list must be a static array: its address names it. */
gboolean
arx_token_in (const ArxDoc      *doc,
              guint              i,
              const char *const *list)
{
  return token_in_list (doc, i, list, FALSE);
}

gboolean
arx_token_in_ci (const ArxDoc      *doc,
                 guint              i,
                 const char *const *list)
{
  return token_in_list (doc, i, list, TRUE);
}

char *
arx_token_dup_lower (const ArxDoc *doc,
                     guint         i)
{
  const ArxToken *t = ARX_DOC_TOK (doc, i);

  return g_ascii_strdown (doc->text + t->start, t->end - t->start);
}

/* Index of the token that contains or follows byte @offset, or the number of tokens. */
int
arx_doc_token_at (const ArxDoc *doc,
                  guint         offset)
{
  guint lo = 0, hi = doc->tokens->len;

  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;

      if (ARX_DOC_TOK (doc, mid)->end <= offset)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

static const char *const starters[] = {
  "The", "He", "She", "It", "They", "We", "I", "But", "And", "In", "A", "An", "This", "That",
  "There", "His", "Her", "Their", "Its", "Our", "On", "At", "As", "If", "When", "While", "After",
  "Some", "Many", "Most", "Mr.", "Mrs.", "Ms.", "Dr.", "For", "So", "Yet", "Still", "Now", "Meanwhile",
  NULL
};

static gboolean
starts_sentence (const ArxDoc *doc, guint i)
{
  const ArxToken *t = ARX_DOC_TOK (doc, i);

  if (t->flags & ARX_TOK_QUOTE)
    return TRUE;
  return arx_token_in (doc, i, starters);
}

static gboolean
is_closing_char (const ArxDoc *doc, guint i)
{
  const ArxToken *t = ARX_DOC_TOK (doc, i);
  gunichar c = char_at (doc, t->start);

  if (t->end - t->start == 2 && c == '\'')
    return !is_word_char (char_at (doc, t->end));
  return c == ')' || c == ']' || c == 0x201D || c == 0x2019 || c == 0x00BB ||
         ((c == '"' || c == '\'') && !is_word_char (char_at (doc, t->end)));
}

/* Do the next words read "Trump said", "the senator added" or "said Trump"? */
static gboolean
attribution_follows (const ArxDoc *doc, guint i)
{
  guint n = doc->tokens->len;

  for (guint k = i; k < n && k < i + 5; k++)
    {
      const ArxToken *t = ARX_DOC_TOK (doc, k);
      char buf[24];
      gsize len = t->end - t->start;

      if (!(t->flags & ARX_TOK_WORD) || len >= sizeof buf)
        return FALSE;
      for (gsize c = 0; c < len; c++)
        buf[c] = g_ascii_tolower (doc->text[t->start + c]);
      if (arx_lexicon_lookup_char (doc->lex->cues, buf, len) == 'S')
        return k + 1 >= n || !(ARX_DOC_TOK (doc, k + 1)->flags & ARX_TOK_WORD) ||
               !g_unichar_islower (g_utf8_get_char (doc->text + ARX_DOC_TOK (doc, k + 1)->start)) ||
               k > i;
    }
  return FALSE;
}

static void
add_sentence (ArxDoc *doc, guint start, guint end)
{
  ArxSentence s = { start, end, ARX_DOC_TOK (doc, start)->paragraph, FALSE };
  guint words = 0, upper = 0;

  for (guint i = start; i < end; i++)
    {
      ArxToken *t = ARX_DOC_TOK (doc, i);

      t->sentence = doc->sentences->len;
      if (t->flags & ARX_TOK_WORD)
        {
          words++;
          upper += (t->flags & ARX_TOK_UPPER) != 0 || ((t->flags & ARX_TOK_CAP) && t->end - t->start == 1);
        }
    }
  ARX_DOC_TOK (doc, start)->flags |= ARX_TOK_SENT_START;
  s.all_caps = words >= 3 && upper * 10 >= words * 8;
  g_array_append_val (doc->sentences, s);
}

void
arx_doc_split_sentences (ArxDoc *doc)
{
  guint n = doc->tokens->len, start = 0;
  /* the run of stops last scanned (". . . ." or "?!"): a stop inside it that did not end the
   * sentence reaches the same end, so it is not scanned again (". " × 100,000 was quadratic) */
  guint run_from = 0, run_end = 0, run_paragraph = 0;

  for (guint i = 0; i < n; i++)
    {
      ArxToken *t = ARX_DOC_TOK (doc, i);
      gunichar c = char_at (doc, t->start);
      gboolean boundary = FALSE;
      guint end = i + 1;

      if (i + 1 < n && ARX_DOC_TOK (doc, i + 1)->paragraph != t->paragraph)
        boundary = TRUE;
      else if (i + 1 == n)
        boundary = TRUE;
      /* hostile or broken text (a list without stops, one huge run-on): the attribution
       * passes scan back and forth within a sentence, so an unbounded one is quadratic */
      else if (i + 1 - start >= ARX_MAX_SENTENCE_TOKENS)
        boundary = TRUE;
      else if ((t->flags & ARX_TOK_PUNCT) && c == '.' && i >= 1 && i - 1 == start &&
               (ARX_DOC_TOK (doc, i - 1)->flags & ARX_TOK_NUMBER) && (ARX_DOC_TOK (doc, i - 1)->flags & ARX_TOK_PARA_START) &&
               ARX_DOC_TOK (doc, i - 1)->end == t->start && ARX_DOC_TOK (doc, i - 1)->end - ARX_DOC_TOK (doc, i - 1)->start <= 2)
        /* "8. Eleuterio Anguita (Spain)": the number of a list item opens its sentence */
        boundary = FALSE;
      else if ((t->flags & ARX_TOK_PUNCT) && (c == '.' || c == '!' || c == '?' || c == 0x2026))
        {
          /* closing marks glued to the period belong to this sentence */
          while (end < n && ARX_DOC_TOK (doc, end)->start == ARX_DOC_TOK (doc, end - 1)->end &&
                 ARX_DOC_TOK (doc, end)->paragraph == t->paragraph && is_closing_char (doc, end))
            end++;
          if (end >= run_from && end <= run_end && run_paragraph == t->paragraph)
            end = run_end;
          else
            {
              run_from = end;
              while (end < n && (ARX_DOC_TOK (doc, end)->flags & ARX_TOK_PUNCT) &&
                     ARX_DOC_TOK (doc, end)->paragraph == t->paragraph &&
                     (char_at (doc, ARX_DOC_TOK (doc, end)->start) == '.' ||
                      char_at (doc, ARX_DOC_TOK (doc, end)->start) == '!' ||
                      char_at (doc, ARX_DOC_TOK (doc, end)->start) == '?'))
                end++;
              run_end = end;
              run_paragraph = t->paragraph;
            }
          if (end >= n || ARX_DOC_TOK (doc, end)->paragraph != t->paragraph)
            boundary = TRUE;
          else
            {
              const ArxToken *next = ARX_DOC_TOK (doc, end);
              gunichar nc = char_at (doc, next->start);

              /* “Why?” he asked. — a lower-case word or a comma continues the sentence */
              boundary = !(g_unichar_islower (nc) || nc == ',' || nc == ';');
              /* “Who do they think they are?” Trump said. — the attribution after a closing
               * mark belongs to the quotation's sentence */
              if (boundary && end > i + 1 && c != '.' && is_closing_char (doc, end - 1) && attribution_follows (doc, end))
                boundary = FALSE;
            }
        }
      else if ((t->flags & ARX_TOK_ABBREV) && i + 1 < n)
        {
          const char *w = doc->text + t->start;
          char kind = arx_lexicon_lookup_char (doc->lex->abbrevs, w, t->end - t->start - 1);

          if (kind == 0)
            {
              g_autofree char *low = g_ascii_strdown (w, t->end - t->start - 1);

              kind = arx_lexicon_lookup_char (doc->lex->abbrevs, low, strlen (low));
            }
          /* titles and months go on; "U.S." or "Inc." end a sentence when one plainly starts */
          if (kind != 'T' && kind != 'M' && t->end - t->start > 2)
            boundary = starts_sentence (doc, i + 1);
        }
      if (boundary)
        {
          add_sentence (doc, start, end);
          start = end;
          i = end - 1;
        }
    }
  if (start < n)
    add_sentence (doc, start, n);
}
