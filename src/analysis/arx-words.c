/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "arx-analyzer"

#include "config.h"

#include <string.h>

#include "arx-words.h"

/* A cache that holds more words than this is emptied when the next document begins (never
 * during one: tokens point at its words). News vocabulary of a few thousand articles fits. */
#define MAX_WORDS (1u << 15)
#define BLOCK_WORDS 1024
#define FIRST_SLOTS 4096
#define LIST_SLOTS 64
#define MAX_SPARE_ELEMENTS (1u << 16)

/* The table holds only a word's hash and number, 8 bytes a slot, so that its tens of thousands
 * of slots stay in the core's cache: a look-up per token was mostly waiting for memory when a
 * slot was 24 bytes and the key lay elsewhere. A word's bytes are compared in its entry, which
 * the token reads next anyway; most words fit in the entry's head. */
typedef struct
{
  guint32 hash;
  guint32 number;    /* the word's entry + 1; 0: an empty slot */
} Slot;

#define HEAD_BYTES 12

typedef struct
{
  guint32     len;
  char        head[HEAD_BYTES]; /* the first bytes of the word, zero-padded */
  const char *key;              /* all of it (not NUL-terminated), for a longer word */
  ArxWord     word;
} Entry;

struct _ArxWordCache
{
  const ArxLexicon *lex;
  Slot             *slots;
  guint32           mask;
  guint             n;
  GStringChunk     *keys;
  GPtrArray        *blocks;    /* Entry[BLOCK_WORDS] each */
  GArray           *spare[ARX_SCRATCH_N]; /* a document's arrays, kept for the next one */
  gconstpointer     lists[LIST_SLOTS];     /* word lists seen, by address */
  guint32           list_bits[LIST_SLOTS]; /* … and their bits in ArxWord.lists_known */
  guint             n_lists;
};

static void
cache_reset (ArxWordCache *cache, const ArxLexicon *lex)
{
  cache->lex = lex;
  g_free (cache->slots);
  cache->slots = g_new0 (Slot, FIRST_SLOTS);
  cache->mask = FIRST_SLOTS - 1;
  cache->n = 0;
  g_clear_pointer (&cache->keys, g_string_chunk_free);
  cache->keys = g_string_chunk_new (16 * 1024);
  g_ptr_array_set_size (cache->blocks, 0);
  memset (cache->lists, 0, sizeof cache->lists);
  cache->n_lists = 0;
}

static void
cache_free (gpointer data)
{
  ArxWordCache *cache = data;

  g_free (cache->slots);
  g_clear_pointer (&cache->keys, g_string_chunk_free);
  g_ptr_array_unref (cache->blocks);
  for (guint i = 0; i < ARX_SCRATCH_N; i++)
    g_clear_pointer (&cache->spare[i], g_array_unref);
  g_free (cache);
}

static GPrivate cache_key = G_PRIVATE_INIT (cache_free);

/**
 * arx_word_cache_begin:
 *
 * The calling thread's cache, to be used for one document by that thread only; emptied first
 * when it has grown past its bound or was filled from another lexicon.
 */
ArxWordCache *
arx_word_cache_begin (const ArxLexicon *lex)
{
  ArxWordCache *cache = g_private_get (&cache_key);

  if (cache == NULL)
    {
      cache = g_new0 (ArxWordCache, 1);
      cache->blocks = g_ptr_array_new_with_free_func (g_free);
      cache_reset (cache, lex);
      g_private_set (&cache_key, cache);
    }
  else if (cache->lex != lex || cache->n > MAX_WORDS)
    cache_reset (cache, lex);
  return cache;
}

static inline guint32
hash_bytes (const char *s, gsize len)
{
  guint32 h = 2166136261u;

  for (gsize i = 0; i < len; i++)
    h = (h ^ (guint8) s[i]) * 16777619u;
  return h;
}

static inline Entry *
entry_at (ArxWordCache *cache, guint32 number)
{
  return (Entry *) g_ptr_array_index (cache->blocks, number / BLOCK_WORDS) + number % BLOCK_WORDS;
}

/* @word (@len bytes) is the word of @entry, whose head matches @head */
static inline gboolean
entry_is (const Entry *entry, const char *head, const char *word, gsize len)
{
  if (entry->len != len || memcmp (entry->head, head, HEAD_BYTES) != 0)
    return FALSE;
  for (gsize i = HEAD_BYTES; i < len; i++)
    if (entry->key[i] != word[i])
      return FALSE;
  return TRUE;
}

static void
cache_grow (ArxWordCache *cache)
{
  guint32 size = (cache->mask + 1) * 2;
  Slot *slots = g_new0 (Slot, size);

  for (guint32 i = 0; i <= cache->mask; i++)
    if (cache->slots[i].number != 0)
      {
        guint32 j = cache->slots[i].hash & (size - 1);

        while (slots[j].number != 0)
          j = (j + 1) & (size - 1);
        slots[j] = cache->slots[i];
      }
  g_free (cache->slots);
  cache->slots = slots;
  cache->mask = size - 1;
}

static guint8
word_letters (const char *w, gsize len)
{
  const char *p = w, *e = w + len;
  guint upper = 0, lower = 0;
  guint8 letters = 0;
  gunichar first;

  if (len == 0)
    return ARX_WORD_NO_LETTERS;
  while (p < e)
    {
      if ((guchar) *p < 128)
        {
          upper += *p >= 'A' && *p <= 'Z';
          lower += *p >= 'a' && *p <= 'z';
          p++;
        }
      else
        {
          gunichar c = g_utf8_get_char (p);

          upper += g_unichar_isupper (c);
          lower += g_unichar_islower (c);
          p = g_utf8_next_char (p);
        }
    }
  first = (guchar) w[0] < 128 ? (guchar) w[0] : g_utf8_get_char (w);
  if (first < 128 ? (first >= 'A' && first <= 'Z') : g_unichar_isupper (first))
    letters |= ARX_WORD_CAP;
  if (upper >= 2 && lower == 0)
    letters |= ARX_WORD_UPPER;
  if (upper == 0 && lower == 0)
    letters |= ARX_WORD_NO_LETTERS;
  return letters;
}

static void
word_init (const ArxLexicon *lex, const char *w, gsize len, ArxWord *word)
{
  char low[32];

  word->letters = word_letters (w, len);
  arx_ner_word_init (lex, w, len, &word->ner);
  word->cue = 0;
  if (len < sizeof low)
    {
      for (gsize k = 0; k < len; k++)
        low[k] = g_ascii_tolower (w[k]);
      word->cue = arx_lexicon_lookup_char (lex->cues, low, len);
    }
}

/* The data of @word (@len bytes, not NUL-terminated), computed on first sight. */
ArxWord *
arx_word_cache_lookup (ArxWordCache *cache,
                       const char   *word,
                       gsize         len)
{
  guint32 h = hash_bytes (word, len);
  guint32 i = h & cache->mask;
  char head[HEAD_BYTES] = { 0 };
  guint32 number;
  Entry *entry;

  memcpy (head, word, MIN (len, HEAD_BYTES));
  for (;; i = (i + 1) & cache->mask)
    {
      const Slot *slot = &cache->slots[i];

      if (slot->number == 0)
        break;
      if (slot->hash == h)
        {
          entry = entry_at (cache, slot->number - 1);
          if (entry_is (entry, head, word, len))
            return &entry->word;
        }
    }
  if ((cache->n + 1) * 2 > cache->mask + 1)
    {
      cache_grow (cache);
      for (i = h & cache->mask; cache->slots[i].number != 0; i = (i + 1) & cache->mask)
        ;
    }
  number = cache->n++;
  if (number / BLOCK_WORDS == cache->blocks->len)
    g_ptr_array_add (cache->blocks, g_new (Entry, BLOCK_WORDS));
  cache->slots[i].hash = h;
  cache->slots[i].number = number + 1;
  entry = entry_at (cache, number);
  entry->len = len;
  memcpy (entry->head, head, HEAD_BYTES);
  entry->key = len > HEAD_BYTES ? g_string_chunk_insert_len (cache->keys, word, len) : NULL;
  word_init (cache->lex, word, len, &entry->word);
  entry->word.lists_known = entry->word.lists_in = 0;
  entry->word.role = ARX_WORD_ROLE_UNKNOWN;
  return &entry->word;
}

/**
 * arx_word_cache_take_array:
 *
 * The array of kind @which that the last document gave back, emptied; else a new one. A fresh
 * array per document cost an allocation of several times the text's size, and its pages.
 */
GArray *
arx_word_cache_take_array (ArxWordCache *cache,
                           ArxScratch    which,
                           guint         element_size)
{
  GArray *array = g_steal_pointer (&cache->spare[which]);

  if (array == NULL)
    return g_array_new (FALSE, FALSE, element_size);
  g_assert (g_array_get_element_size (array) == element_size);
  g_array_set_size (array, 0);
  return array;
}

/* @reserved: the most elements the array was ever sized for. A very long document's array is
 * not kept: memory stays flat. */
void
arx_word_cache_give_array (ArxWordCache *cache,
                           ArxScratch    which,
                           GArray       *array,
                           gsize         reserved)
{
  if (cache->spare[which] == NULL && MAX (array->len, reserved) < MAX_SPARE_ELEMENTS)
    cache->spare[which] = array;
  else
    g_array_unref (array);
}

/**
 * arx_word_cache_list_bit:
 * @list: a word list that lives as long as the program (a static array), with one meaning
 *   per address (arx_token_in and arx_token_in_ci pass the list's address + 0 and + 1)
 *
 * The bit of ArxWord.lists_known and lists_in that stands for @list, or 0 once 32 lists have
 * bits (those are not remembered).
 */
guint32
arx_word_cache_list_bit (ArxWordCache  *cache,
                         gconstpointer  list)
{
  guint i = (guint) (((guintptr) list >> 3) ^ ((guintptr) list >> 11)) % LIST_SLOTS;

  for (;; i = (i + 1) % LIST_SLOTS)
    {
      if (cache->lists[i] == list)
        return cache->list_bits[i];
      if (cache->lists[i] == NULL)
        break;
    }
  if (cache->n_lists == 32)
    return 0;
  cache->lists[i] = list;
  cache->list_bits[i] = 1u << cache->n_lists++;
  return cache->list_bits[i];
}
