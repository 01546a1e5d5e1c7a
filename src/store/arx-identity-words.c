/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "arx-identity"

#include "config.h"

#include <string.h>

#include "arx-lexicon.h"

#include "arx-identity-private.h"

/* The closed word lists that reading a speaker's name needs (written for this project, in
 * lower case, without dots): what no name is made of, what ends one, and the nouns that make a
 * description a group, a thing or an organisation. The open lists (first names, titles, roles,
 * organisation endings) are the analyzer's lexicons. */

static const char *const pronouns[] = {
  "i", "me", "we", "us", "you", "he", "him", "she", "her", "they", "them", "it", "who", "whom",
  "which", "that", "this", "these", "those", "one", "someone", "somebody", "anyone", "anybody",
  "everyone", "everybody", "nobody", "none", "some", "many", "several", "both", "others",
  "most", "all", "each", "either", "neither", "another", "few", "there", "here", "what",
  "whoever", "something", "anything", "everything", "nothing", "such", "any", "other",
  "himself", "herself", "themselves", "itself", "myself", "ourselves", "yourself", "his",
  "hers", "their", "theirs", "its", "our", "ours", "my", "mine", "your", "yours", "y'all",
  NULL
};

static const char *const subject_pronouns[] = {
  "i", "we", "you", "he", "she", "they", "it", NULL
};

/* Words a sentence starts with before its subject ("Had Sanders", "Even if Clinton"). */
static const char *const leading_noise[] = {
  "and", "but", "so", "or", "nor", "as", "if", "even", "when", "while", "then", "also", "now",
  "still", "meanwhile", "instead", "though", "although", "because", "since", "yet", "just",
  "only", "had", "has", "have", "was", "were", "is", "are", "did", "does", "do", "according",
  "which", "who", "whom", "that",
  "plus", "why", "how", "where", "whether", "once", "after", "before", "until", "unless",
  "indeed", "however", "moreover", "later", "earlier", "today", "yesterday", "here", "there",
  "well", "said", "says", "asked", NULL
};

/* Words that end a name wherever they stand after its first word. */
static const char *const clause_words[] = {
  "is", "are", "was", "were", "be", "been", "being", "am", "has", "have", "had", "having",
  "will", "would", "shall", "should", "can", "could", "may", "might", "must", "do", "does",
  "did", "not", "no", "never", "also", "too", "who", "whom", "whose", "which", "that", "when",
  "where", "while", "because", "although", "though", "if", "unless", "than", "as", "to", "in",
  "on", "at", "from", "with", "by", "about", "over", "under", "into", "onto", "after",
  "before", "during", "since", "without", "against", "toward", "towards", "through",
  "between", "among", "via", "per", "like", "until", "upon", "within", "across", "behind",
  "inside", "outside", "near", "around", "beyond", "including", "whether", "what", "how",
  "why",
  "familiar", "close", "briefed", "involved", "knowledgeable", "speaking", "aware", "said",
  "says", "say", "told", "tells", "added", "adds", "wrote", "writes", "noted", "notes",
  "argued", "argues", "insisted", "insists", "went", "goes", "got", "gets", "made", "makes",
  "took", "takes", "gave", "gives", "sent", "sends", "called", "calls", "stopped", "distanced",
  "let", "lets",
  "later", "then", "now", "again", "still", "just", "only", "even", "yet", "so", "and", "or",
  "but", "nor", "for", "of", "it", "he", "she", "they", "we", "i", "you", "his", "her",
  "their", "its", "our", "my", "your", "this", "these", "those", "there", "here", NULL
};

/* Capitalised, these end a title-case run: a headline ("Obama Says Museum Will Tell"). */
static const char *const headline_words[] = {
  "says", "said", "say", "wants", "want", "will", "would", "won't", "is", "are", "was", "were",
  "has", "have", "had", "to", "can", "can't", "could", "should", "may", "might", "must",
  "does", "did", "do", "not", "no", "if", "as", "but", "or", "it", "its", "this", "that",
  "these", "those", "who", "what", "why", "how", "when", "where", "which", "than", "then",
  "just", "only", "also", "still", "again", "now", "here", "there", "over", "after",
  "before", "with", "from", "in", "on", "at", "by", "about", "against", "into", "up", "out",
  "off", "down", "amid", "vs", "versus", "calls", "takes", "gets", "makes", "hits", "slams",
  "blasts", "defends", "urges", "warns", "vows", "plans", "asks", "tells", "claims", "admits",
  "denies", "rejects", "backs", "leads", "wins", "loses", "drops", "quits", "fires",
  "reveals", "responds", "attacks", "accuses", "praises", "insists", "explains",
  "announces", "launches", "endorses", "mocks", "doubles", "knocks", "rips", "pushes",
  "touts", "pitches", "talks", "meets", "visits", "returns", "gives", "sees", "goes", "comes",
  "lays", "sets", "puts", "keeps", "tries", "needs", "thinks", "knows", "likes", "loves",
  "hates", "fears", "hopes", "expects", "predicts", "suggests", "signals", "sends", "hints",
  "shows", "finds", "faces", "holds", "turns", "stands", "moves", "brings", "looks", "opens",
  "joins", "beats", "tops", "trails", "nears", "eyes", "seeks", "slips", "surges", "soars",
  "falls", "rises", "struggles", "blames", "questions", "challenges", "demands", "cites",
  "refuses", "agrees", "says", "miss", "misses", "like", "likes", "clash", "clashes", NULL
};

static const char *const determiners[] = {
  "the", "a", "an", "one", "his", "her", "their", "its", "our", "my", "your", "some", "many",
  "several", "both", "most", "all", "few", "other", "another", "those", "these", "this",
  "that", "each", "every", "any", "no", "two", "three", "four", "five", "six", "seven",
  "eight", "nine", "ten", "dozens", "hundreds", "thousands", "millions", "various", "numerous",
  "certain", "multiple", "more", "fewer", "such", NULL
};

static const char *const particles[] = {
  "de", "da", "di", "du", "del", "della", "der", "den", "van", "von", "la", "le", "al", "el",
  "bin", "ibn", "ben", "st", "dos", "das", "ter", "ten", "mac", NULL
};

/* The particles that are no first name too ("al", "ben", "van", "del" are). */
static const char *const surname_particles[] = {
  "de", "da", "di", "du", "della", "der", "den", "von", "la", "le", "dos", "das", "ter", "ten",
  NULL
};

static const char *const suffixes[] = { "jr", "sr", "ii", "iii", "iv", NULL };

/* Words before a name that are no part of it: political labels and offices the title list
 * does not have. */
static const char *const title_words[] = {
  "republican", "democratic", "democrat", "gop", "former", "then", "acting", "vice", "deputy",
  "assistant", "senior", "chief", "top", "us", "u s", "state", "house", "senate",
  "minority", "majority", "presidential", "interim", "incoming", "outgoing", "retired",
  "late", "labor", "labour", "leader", "whip", "spokesman", "spokeswoman", "spokesperson",
  "candidate", "nominee", "hopeful", "contender", "rival", "challenger", "incumbent",
  "ex", "independent", "libertarian", "conservative", "liberal", "progressive",
  "businessman", "businesswoman", "billionaire", "mogul", "host", "anchor", "columnist",
  "commentator", "strategist", "pollster", "adviser", "advisor", "aide", "director",
  "sec", "atty", "supt", "msgr", "amb", "sens", "reps", "govs", "pres", "vp", "supervisor",
  "recorder", "advocate", "treasurer", "secretary-treasurer", "clerk", "auditor",
  "comptroller", "administrator", "coordinator", "attorney", "counsel", "councilmember",
  "assemblyman", "assemblywoman", "delegate", "chairwoman", "co-founder", "founder",
  "president-elect", "ceo", "cfo", "coo", "cto", NULL
};

/* Plural nouns for people that do not end in -s. */
static const char *const irregular_groups[] = {
  "people", "men", "women", "police", "staff", "children", "folks", "personnel", "clergy",
  "crew", "public", "electorate", "youth", "military", "press", "media", NULL
};

/* Nouns for people, in the singular, that speak in the plural as a group. */
static const char *const group_nouns[] = {
  "source", "observer", "insider", "ally", "opponent", "critic", "resident", "voter", "fan",
  "user", "consumer", "customer", "employee", "parent", "neighbor", "neighbour", "friend",
  "relative", "colleague", "witness", "victim", "protester", "demonstrator", "participant",
  "attendee", "viewer", "reader", "listener", "lawmaker", "legislator", "regulator",
  "official", "expert", "analyst", "aide", "adviser", "advisor", "investor", "economist",
  "scientist", "researcher", "doctor", "lawyer", "prosecutor", "officer", "leader", "member",
  "supporter", "activist", "student", "teacher", "worker", "owner", "executive", "diplomat",
  "negotiator", "organizer", "organiser", "volunteer", "farmer", "shopper", "driver",
  "passenger", "patient", "family", "local", "other", "republican", "democrat", NULL
};

/* Plural nouns for things: what they "say" is a document's, not a group's. */
static const char *const thing_plurals[] = {
  "polls", "results", "documents", "records", "reports", "figures", "data", "numbers",
  "emails", "statements", "filings", "texts", "notes", "papers", "studies", "surveys",
  "estimates", "projections", "minutes", "transcripts", "files", "rules", "laws", "news",
  "comments", "remarks", "messages", "letters", "tweets", "posts", NULL
};

/* Heads of an organisation described by a name: "the Clinton campaign". */
static const char *const org_heads[] = {
  "campaign", "administration", "government", "department", "ministry", "agency",
  "committee", "commission", "council", "office", "party", "company", "firm", "board",
  "team", "network", "newspaper", "magazine", "foundation", "court", "union", "university",
  "hospital", "bank", "military", "army", "navy", "embassy", "organization", "organisation",
  "group", "camp", "family", "white house", "cabinet", "caucus", "delegation", "spokesman",
  "regime", "police", "corporation", "institute", "center", "centre", "school", "club",
  "station", "program", "programme", "service", "bureau", "fund", "trust", "coalition",
  "movement", "church", "league", "association", "authority", "website", "paper", "channel",
  "show", "blog", "outlet", "press", "studio", "brand", NULL
};

static const char *const party_members[] = {
  "republican", "democrat", "conservative", "liberal", "progressive", "evangelical",
  "independent", "libertarian", "socialist", "moderate", "tory", "labourite", "catholic",
  "protestant", "muslim", "christian", "jew", "millennial", "boomer", NULL
};

/* Last words of newspapers' and channels' names, whose first word is often a first name too
 * ("Washington Post", "Fox News", "Houston Chronicle"). */
static const char *const mastheads[] = {
  "news", "post", "times", "journal", "tribune", "herald", "gazette", "chronicle", "globe",
  "sentinel", "inquirer", "examiner", "dispatch", "telegraph", "observer", "courier",
  "register", "bulletin", "daily", "weekly", NULL
};

static const char *const *const lists[] = {
  [ARX_WORDS_PRONOUNS] = pronouns,
  [ARX_WORDS_SUBJECT_PRONOUNS] = subject_pronouns,
  [ARX_WORDS_LEADING_NOISE] = leading_noise,
  [ARX_WORDS_CLAUSE_WORDS] = clause_words,
  [ARX_WORDS_HEADLINE_WORDS] = headline_words,
  [ARX_WORDS_DETERMINERS] = determiners,
  [ARX_WORDS_PARTICLES] = particles,
  [ARX_WORDS_SUFFIXES] = suffixes,
  [ARX_WORDS_TITLE_WORDS] = title_words,
  [ARX_WORDS_IRREGULAR_GROUPS] = irregular_groups,
  [ARX_WORDS_GROUP_NOUNS] = group_nouns,
  [ARX_WORDS_THING_PLURALS] = thing_plurals,
  [ARX_WORDS_ORG_HEADS] = org_heads,
  [ARX_WORDS_PARTY_MEMBERS] = party_members,
  [ARX_WORDS_MASTHEADS] = mastheads,
  [ARX_WORDS_SURNAME_PARTICLES] = surname_particles,
};

/* word -> the lists it is in, one bit each: every name parsed asks several lists about
 * each of its words. */
static GHashTable *
list_index (void)
{
  static GHashTable *index;

  if (g_once_init_enter (&index))
    {
      GHashTable *table = g_hash_table_new (g_str_hash, g_str_equal);

      G_STATIC_ASSERT (G_N_ELEMENTS (lists) <= 32);
      for (guint list = 0; list < G_N_ELEMENTS (lists); list++)
        for (const char *const *p = lists[list]; *p != NULL; p++)
          g_hash_table_insert (table, (gpointer)*p,
                               GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (table, *p)) |
                                                 1u << list));
      g_once_init_leave (&index, table);
    }
  return index;
}

gboolean
_arx_words_in (ArxWordList  list,
               const char  *word)
{
  return (GPOINTER_TO_UINT (g_hash_table_lookup (list_index (), word)) >> list) & 1;
}

/* With the analyzer's lexicons */

gboolean
_arx_words_is_cue (const char *fold)
{
  const ArxLexicon *lex = arx_lexicon_get_default ();

  return arx_lexicon_lookup_char (lex->cues, fold, strlen (fold)) != 0;
}

gboolean
_arx_words_is_title_word (const char *fold)
{
  const ArxLexicon *lex = arx_lexicon_get_default ();
  char role;

  if (_arx_words_in (ARX_WORDS_TITLE_WORDS, fold) || g_hash_table_contains (lex->titles, fold))
    return TRUE;
  role = arx_lexicon_lookup_char (lex->roles, fold, strlen (fold));
  return role == 'P';
}

gboolean
_arx_words_is_first_name (const char *fold)
{
  const ArxLexicon *lex = arx_lexicon_get_default ();

  return g_hash_table_contains (lex->first_names, fold);
}

guint
_arx_words_gazetteer_bits (const char *fold)
{
  static GHashTable *bare;

  /* The gazetteer by keys without accents, as names are read ("montreal" finds Montréal). */
  if (g_once_init_enter (&bare))
    {
      const ArxLexicon *lex = arx_lexicon_get_default ();
      GHashTable *table = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      GHashTableIter it;
      gpointer place, bits;

      g_hash_table_iter_init (&it, lex->gazetteer);
      while (g_hash_table_iter_next (&it, &place, &bits))
        {
          /* Plain ASCII keys as they are, as before. */
          char *key = g_str_is_ascii (place) ? g_strdup (place) : arx_name_fold (place);

          g_hash_table_insert (table, key,
                               GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (table, key)) |
                                                 GPOINTER_TO_UINT (bits)));
        }
      g_once_init_leave (&bare, table);
    }
  return GPOINTER_TO_UINT (g_hash_table_lookup (bare, fold)) & ~ARX_GAZ_PREFIX;
}

gboolean
_arx_words_is_org_suffix (const char *word)
{
  const ArxLexicon *lex = arx_lexicon_get_default ();

  return g_hash_table_contains (lex->org_suffixes, word);
}

char *
_arx_words_singular (const char *fold)
{
  gsize len = strlen (fold);

  if (len > 3 && g_str_has_suffix (fold, "ies"))
    return g_strdup_printf ("%.*sy", (int)(len - 3), fold);
  if (len > 4 && (g_str_has_suffix (fold, "sses") || g_str_has_suffix (fold, "xes") ||
                  g_str_has_suffix (fold, "ches") || g_str_has_suffix (fold, "shes")))
    return g_strndup (fold, len - 2);
  if (len > 2 && fold[len - 1] == 's' && fold[len - 2] != 's' && fold[len - 2] != 'u' &&
      fold[len - 2] != 'i')
    return g_strndup (fold, len - 1);
  return NULL;
}

/* "officials", "critics", "people": a plural noun for people. Written lower case, any
 * plural of a noun for a doer counts ("neo-banks" does not); capitalised ("Sanders") only
 * the listed nouns do. */
gboolean
_arx_words_is_group_head (const char *fold,
               gboolean    lower_case)
{
  const ArxLexicon *lex = arx_lexicon_get_default ();
  g_autofree char *one = NULL;

  if (_arx_words_in (ARX_WORDS_IRREGULAR_GROUPS, fold))
    return TRUE;
  if (_arx_words_in (ARX_WORDS_THING_PLURALS, fold) || (one = _arx_words_singular (fold)) == NULL)
    return FALSE;
  if (_arx_words_in (ARX_WORDS_GROUP_NOUNS, one) || arx_lexicon_lookup_char (lex->roles, one, strlen (one)) != 0)
    return TRUE;
  return lower_case && (g_str_has_suffix (fold, "ers") || g_str_has_suffix (fold, "ors") ||
         g_str_has_suffix (fold, "ists") || g_str_has_suffix (fold, "ans") ||
         g_str_has_suffix (fold, "ants") || g_str_has_suffix (fold, "ents") ||
         g_str_has_suffix (fold, "ians") || g_str_has_suffix (fold, "als") ||
         g_str_has_suffix (fold, "ives") || g_str_has_suffix (fold, "ics"));
}

gboolean
_arx_words_is_org_head (const char *fold)
{
  const ArxLexicon *lex = arx_lexicon_get_default ();

  return _arx_words_in (ARX_WORDS_ORG_HEADS, fold) || arx_lexicon_lookup_char (lex->roles, fold, strlen (fold)) == 'G';
}

gboolean
_arx_name_is_first_name (const char *word_key)
{
  return _arx_words_is_first_name (word_key);
}

/* 'F', 'M' or 'U' for a known first name, else 0. */
char
_arx_name_first_name_sex (const char *word_key)
{
  const ArxLexicon *lex = arx_lexicon_get_default ();

  return arx_lexicon_lookup_char (lex->first_names, word_key, strlen (word_key));
}
