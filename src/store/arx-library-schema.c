/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "arx-library"

#include "config.h"

#include <glib/gi18n.h>

#include "arx-library-insights-private.h"
#include "arx-library-schema.h"

/* The schema only ever moves forward: version N is reached from N-1 by migrations[N-1], each in
 * its own transaction together with its `user_version`, so a crash leaves either version. Never
 * edit a released step; add one. */

/* 1: articles and the machine analysis of each. */
static const char schema_v1[] =
  "CREATE TABLE articles ("
  "  id INTEGER PRIMARY KEY,"
  "  content_hash TEXT NOT NULL UNIQUE,"
  "  source_uri TEXT, format TEXT, title TEXT, byline TEXT, published TEXT, site TEXT,"
  "  language TEXT,"
  "  text TEXT NOT NULL,"
  "  paragraphs BLOB,"            /* little-endian uint32 start,end pairs */
  "  analyzer_version TEXT,"
  "  imported INTEGER NOT NULL);"
  "CREATE TABLE entities ("
  "  id INTEGER PRIMARY KEY,"
  "  article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,"
  "  idx INTEGER NOT NULL,"
  "  kind INTEGER NOT NULL,"
  "  name TEXT NOT NULL,"
  "  UNIQUE (article_id, idx));"
  "CREATE TABLE entity_aliases ("
  "  entity_id INTEGER NOT NULL REFERENCES entities(id) ON DELETE CASCADE,"
  "  pos INTEGER NOT NULL,"
  "  alias TEXT NOT NULL,"
  "  PRIMARY KEY (entity_id, pos)) WITHOUT ROWID;"
  "CREATE TABLE mentions ("
  "  entity_id INTEGER NOT NULL REFERENCES entities(id) ON DELETE CASCADE,"
  "  span_start INTEGER NOT NULL,"
  "  span_end INTEGER NOT NULL,"
  "  PRIMARY KEY (entity_id, span_start)) WITHOUT ROWID;"
  "CREATE TABLE statements ("
  "  id INTEGER PRIMARY KEY,"
  "  article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,"
  "  kind INTEGER NOT NULL,"
  "  span_start INTEGER NOT NULL,"
  "  span_end INTEGER NOT NULL,"
  "  text TEXT NOT NULL,"
  "  entity_id INTEGER REFERENCES entities(id) ON DELETE SET NULL,"
  "  speaker TEXT,"
  "  mention_start INTEGER, mention_end INTEGER,"
  "  cue_start INTEGER, cue_end INTEGER, cue TEXT,"
  "  confidence REAL NOT NULL,"
  "  rule TEXT);"
  "CREATE INDEX statements_article ON statements(article_id, span_start);"
  "CREATE INDEX statements_entity ON statements(entity_id);"
  "CREATE INDEX entities_article ON entities(article_id);";

/* 2: library-wide speakers. An article's person/organisation entity points at one `people`
 * row; `people_aliases` holds normalised keys of every name form seen, `strong` for multi-word
 * forms (a full name identifies a person, a surname alone does not). `person_overrides` are
 * the user's splits: in this article, this name is that person. */
static const char schema_v2[] =
  "CREATE TABLE people ("
  "  id INTEGER PRIMARY KEY,"
  "  kind INTEGER NOT NULL,"
  "  name TEXT NOT NULL,"
  "  name_key TEXT NOT NULL);"
  "CREATE INDEX people_name_key ON people(name_key);"
  "CREATE TABLE people_aliases ("
  "  alias_key TEXT NOT NULL,"
  "  person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,"
  "  alias TEXT NOT NULL,"
  "  strong INTEGER NOT NULL,"
  "  PRIMARY KEY (alias_key, person_id)) WITHOUT ROWID;"
  "CREATE INDEX people_aliases_person ON people_aliases(person_id);"
  "CREATE TABLE person_overrides ("
  "  article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,"
  "  name_key TEXT NOT NULL,"
  "  person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,"
  "  PRIMARY KEY (article_id, name_key)) WITHOUT ROWID;"
  "ALTER TABLE entities ADD COLUMN person_id INTEGER REFERENCES people(id) ON DELETE SET NULL;"
  "CREATE INDEX entities_person ON entities(person_id);";

/* 3: corrections (machine columns stay as analysed, eff_* and hidden are what the user sees),
 * tags, and full-text search kept in sync by triggers. */
static const char schema_v3[] =
  "ALTER TABLE statements ADD COLUMN origin INTEGER NOT NULL DEFAULT 0;"
  "ALTER TABLE statements ADD COLUMN hidden INTEGER NOT NULL DEFAULT 0;"
  "ALTER TABLE statements ADD COLUMN eff_entity_id INTEGER REFERENCES entities(id) ON DELETE SET NULL;"
  "ALTER TABLE statements ADD COLUMN eff_speaker TEXT;"
  "UPDATE statements SET eff_entity_id = entity_id, eff_speaker = speaker;"
  "CREATE INDEX statements_eff_entity ON statements(eff_entity_id);"
  "ALTER TABLE entities ADD COLUMN origin INTEGER NOT NULL DEFAULT 0;"
  "ALTER TABLE people ADD COLUMN user_name TEXT;"
  "CREATE TABLE corrections ("
  "  id INTEGER PRIMARY KEY,"
  "  article_id INTEGER REFERENCES articles(id) ON DELETE CASCADE,"
  "  kind TEXT NOT NULL,"
  "  span_start INTEGER, span_end INTEGER,"
  "  statement_kind INTEGER,"
  "  name TEXT,"
  "  person_id INTEGER, other_id INTEGER,"
  "  undo_data TEXT,"
  "  created INTEGER NOT NULL,"
  "  undone INTEGER NOT NULL DEFAULT 0);"
  "CREATE INDEX corrections_article ON corrections(article_id);"
  /* What undoing a merge needs: the merged person's entities and aliases. */
  "CREATE TABLE merge_undo_entities ("
  "  correction_id INTEGER NOT NULL REFERENCES corrections(id) ON DELETE CASCADE,"
  "  entity_id INTEGER NOT NULL,"
  "  PRIMARY KEY (correction_id, entity_id)) WITHOUT ROWID;"
  "CREATE TABLE merge_undo_aliases ("
  "  correction_id INTEGER NOT NULL REFERENCES corrections(id) ON DELETE CASCADE,"
  "  alias_key TEXT NOT NULL,"
  "  alias TEXT NOT NULL,"
  "  strong INTEGER NOT NULL,"
  "  added INTEGER NOT NULL,"
  "  PRIMARY KEY (correction_id, alias_key)) WITHOUT ROWID;"
  "CREATE TABLE tags (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE);"
  "CREATE TABLE article_tags ("
  "  article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,"
  "  tag_id INTEGER NOT NULL REFERENCES tags(id) ON DELETE CASCADE,"
  "  PRIMARY KEY (article_id, tag_id)) WITHOUT ROWID;"
  "CREATE VIRTUAL TABLE articles_fts USING fts5(title, text, content='articles',"
  "  content_rowid='id', tokenize='unicode61 remove_diacritics 2');"
  "CREATE TRIGGER articles_fts_ai AFTER INSERT ON articles BEGIN"
  "  INSERT INTO articles_fts(rowid, title, text) VALUES (new.id, new.title, new.text); END;"
  "CREATE TRIGGER articles_fts_ad AFTER DELETE ON articles BEGIN"
  "  INSERT INTO articles_fts(articles_fts, rowid, title, text)"
  "    VALUES ('delete', old.id, old.title, old.text); END;"
  "CREATE TRIGGER articles_fts_au AFTER UPDATE OF title, text ON articles BEGIN"
  "  INSERT INTO articles_fts(articles_fts, rowid, title, text)"
  "    VALUES ('delete', old.id, old.title, old.text);"
  "  INSERT INTO articles_fts(rowid, title, text) VALUES (new.id, new.title, new.text); END;"
  "INSERT INTO articles_fts(articles_fts) VALUES ('rebuild');"
  "CREATE VIRTUAL TABLE statements_fts USING fts5(eff_speaker, text, content='statements',"
  "  content_rowid='id', tokenize='unicode61 remove_diacritics 2');"
  "CREATE TRIGGER statements_fts_ai AFTER INSERT ON statements BEGIN"
  "  INSERT INTO statements_fts(rowid, eff_speaker, text) VALUES (new.id, new.eff_speaker, new.text); END;"
  "CREATE TRIGGER statements_fts_ad AFTER DELETE ON statements BEGIN"
  "  INSERT INTO statements_fts(statements_fts, rowid, eff_speaker, text)"
  "    VALUES ('delete', old.id, old.eff_speaker, old.text); END;"
  "CREATE TRIGGER statements_fts_au AFTER UPDATE OF eff_speaker, text ON statements BEGIN"
  "  INSERT INTO statements_fts(statements_fts, rowid, eff_speaker, text)"
  "    VALUES ('delete', old.id, old.eff_speaker, old.text);"
  "  INSERT INTO statements_fts(rowid, eff_speaker, text) VALUES (new.id, new.eff_speaker, new.text); END;"
  "INSERT INTO statements_fts(statements_fts) VALUES ('rebuild');";

/* 4: the effective speaker's library person on each statement, kept by triggers, so "every
 * statement of this speaker" is one index range in text order (a join through entities had
 * to collect and sort them all: 50 ms for a frequent speaker at 10k articles). */
static const char schema_v4[] =
  "ALTER TABLE statements ADD COLUMN eff_person_id INTEGER;"
  "UPDATE statements SET eff_person_id ="
  "  (SELECT person_id FROM entities e WHERE e.id = statements.eff_entity_id)"
  "  WHERE eff_entity_id IS NOT NULL;"
  "CREATE INDEX statements_person ON statements(eff_person_id, article_id, span_start)"
  "  WHERE eff_person_id IS NOT NULL;"
  "CREATE TRIGGER statements_person_au AFTER UPDATE OF eff_entity_id ON statements BEGIN"
  "  UPDATE statements SET eff_person_id ="
  "    (SELECT person_id FROM entities e WHERE e.id = new.eff_entity_id) WHERE id = new.id; END;"
  "CREATE TRIGGER entities_person_au AFTER UPDATE OF person_id ON entities BEGIN"
  "  UPDATE statements SET eff_person_id = new.person_id WHERE eff_entity_id = new.id; END;";

/* 5: covering indexes for what the sidebar and speaker lists count (statements of an article
 * or a person that are not hidden, articles of a person): at 100k articles listing every
 * article took 1.1 s, almost all of it row lookups for `hidden`. */
static const char schema_v5[] =
  "DROP INDEX statements_article;"
  "CREATE INDEX statements_article ON statements(article_id, hidden, span_start);"
  "DROP INDEX statements_person;"
  "CREATE INDEX statements_person ON statements(eff_person_id, hidden, article_id, span_start)"
  "  WHERE eff_person_id IS NOT NULL;"
  "DROP INDEX entities_person;"
  "CREATE INDEX entities_person ON entities(person_id, article_id);";

/* 6: mentions as one packed column of their entity (little-endian uint32 start,end pairs):
 * they are only ever read with their entity, and one row per mention was a third of all the
 * rows an import writes. The rows move over in pack_mentions(). */
static const char schema_v6[] =
  "ALTER TABLE entities ADD COLUMN mention_spans BLOB;";

static gboolean
pack_mentions (ArxLibrary  *self,
               GError     **error)
{
  g_autoptr(sqlite3_stmt) select = NULL;
  g_autoptr(sqlite3_stmt) update = NULL;
  g_autoptr(GByteArray) packed = g_byte_array_new ();
  gint64 entity = -1;
  int rc;

  if (sqlite3_prepare_v2 (self->db,
                          "SELECT entity_id, span_start, span_end FROM mentions"
                          " ORDER BY entity_id, span_start", -1, &select, NULL) != SQLITE_OK ||
      sqlite3_prepare_v2 (self->db, "UPDATE entities SET mention_spans = ?2 WHERE id = ?1", -1,
                          &update, NULL) != SQLITE_OK)
    {
      _arx_db_set_error (self->db, error);
      return FALSE;
    }
  do
    {
      rc = sqlite3_step (select);
      if ((rc != SQLITE_ROW || sqlite3_column_int64 (select, 0) != entity) && packed->len > 0)
        {
          sqlite3_bind_int64 (update, 1, entity);
          sqlite3_bind_blob (update, 2, packed->data, packed->len, SQLITE_STATIC);
          if (sqlite3_step (update) != SQLITE_DONE)
            {
              rc = SQLITE_ERROR;
              break;
            }
          sqlite3_reset (update);
          g_byte_array_set_size (packed, 0);
        }
      if (rc == SQLITE_ROW)
        {
          guint32 pair[2] = { GUINT32_TO_LE (sqlite3_column_int (select, 1)),
                              GUINT32_TO_LE (sqlite3_column_int (select, 2)) };

          entity = sqlite3_column_int64 (select, 0);
          g_byte_array_append (packed, (const guint8 *)pair, sizeof pair);
        }
    }
  while (rc == SQLITE_ROW);
  if (rc != SQLITE_DONE)
    {
      _arx_db_set_error (self->db, error);
      return FALSE;
    }
  g_clear_pointer (&select, sqlite3_finalize);
  return _arx_db_exec (self->db, "DROP TABLE mentions", error);
}

/* 7: new rows reach the full-text indexes by explicit INSERT … SELECT, once per import batch
 * (or per re-analysed article), instead of a trigger per row: FTS5 flushes its pending terms
 * at every statement-level savepoint, which made each statement row cost a segment write
 * (60 µs each, 40% of the writer's time). Updates and deletes keep their triggers. */
static const char schema_v7[] =
  "DROP TRIGGER articles_fts_ai;"
  "DROP TRIGGER statements_fts_ai;";

/* 8: entities_article duplicated the leading column of the UNIQUE (article_id, idx) index, which
 * serves every lookup by article: one index fewer to update per entity row (a third of all
 * rows an import writes). */
static const char schema_v8[] =
  "DROP INDEX entities_article;";

/* 9: statement and article counts per speaker, so listing every speaker reads one row each
 * instead of counting (400 ms at 100k articles). An import adds its batch's counts (its rows
 * are new, so sums are exact); any other change to a statement's speaker or visibility, to an
 * entity's person, or a deletion marks the people involved dirty by trigger, and
 * _arx_library_commit() recounts them. Inserts have no trigger: nothing to pay per imported
 * row; re-analysis marks its article's people itself. */
static const char schema_v9[] =
  "CREATE TABLE speaker_counts ("
  "  person_id INTEGER PRIMARY KEY,"
  "  n_articles INTEGER NOT NULL,"
  "  n_statements INTEGER NOT NULL);"
  "CREATE TABLE speaker_counts_dirty (person_id INTEGER PRIMARY KEY);"
  "CREATE TRIGGER statements_counts_ad AFTER DELETE ON statements"
  "  WHEN old.eff_person_id IS NOT NULL BEGIN"
  "  INSERT OR IGNORE INTO speaker_counts_dirty VALUES (old.eff_person_id); END;"
  "CREATE TRIGGER statements_counts_au AFTER UPDATE OF eff_person_id, hidden ON statements BEGIN"
  "  INSERT OR IGNORE INTO speaker_counts_dirty"
  "    SELECT old.eff_person_id WHERE old.eff_person_id IS NOT NULL;"
  "  INSERT OR IGNORE INTO speaker_counts_dirty"
  "    SELECT new.eff_person_id WHERE new.eff_person_id IS NOT NULL; END;"
  "CREATE TRIGGER entities_counts_ad AFTER DELETE ON entities"
  "  WHEN old.person_id IS NOT NULL BEGIN"
  "  INSERT OR IGNORE INTO speaker_counts_dirty VALUES (old.person_id); END;"
  "CREATE TRIGGER entities_counts_au AFTER UPDATE OF person_id ON entities BEGIN"
  "  INSERT OR IGNORE INTO speaker_counts_dirty"
  "    SELECT old.person_id WHERE old.person_id IS NOT NULL;"
  "  INSERT OR IGNORE INTO speaker_counts_dirty"
  "    SELECT new.person_id WHERE new.person_id IS NOT NULL; END;"
  /* Row ids of deleted people can come back: no stale counts for the next one. */
  "CREATE TRIGGER people_counts_ad AFTER DELETE ON people BEGIN"
  "  DELETE FROM speaker_counts WHERE person_id = old.id; END;"
  "INSERT INTO speaker_counts_dirty SELECT id FROM people;";

/* 10: the page kind of an article (article, forum, listing, …) and the kind of each
 * statement's speaker (person, organisation, group, other), both from the analysis contract.
 * NULL for rows written before: readers fall back to "article" and to the entity's kind. */
static const char schema_v10[] =
  "ALTER TABLE articles ADD COLUMN kind TEXT;"
  "ALTER TABLE statements ADD COLUMN speaker_kind INTEGER;";

/* 11: speaker identity as its own unit (arx-identity.c). People get the kind of speaker they
 * are (a group or an unnamed source too) and, when they are speakers of one article only, that
 * article; name forms get their form (name, title with name, description), the loose key and
 * surname of full names, and how often they were seen; entities record how they were linked
 * (by name, by surname, only here) and the kind they were taken for; speaker counts keep the
 * votes on a person's kind and how many articles name it in full; `surname_links` says whom a
 * surname alone stands for now. Every library is linked again (_arx_library_rebuild_identity),
 * keeping the user's people. */
static const char schema_v11[] =
  "ALTER TABLE people ADD COLUMN speaker_kind INTEGER NOT NULL DEFAULT 0;"
  "UPDATE people SET speaker_kind = 1 WHERE kind = 1;"
  "ALTER TABLE people ADD COLUMN article_id INTEGER REFERENCES articles(id) ON DELETE CASCADE;"
  "CREATE INDEX people_article ON people(article_id) WHERE article_id IS NOT NULL;"
  "ALTER TABLE people_aliases ADD COLUMN form INTEGER NOT NULL DEFAULT 0;"
  "ALTER TABLE people_aliases ADD COLUMN loose TEXT;"
  "ALTER TABLE people_aliases ADD COLUMN surname TEXT;"
  "ALTER TABLE people_aliases ADD COLUMN n INTEGER NOT NULL DEFAULT 1;"
  "CREATE INDEX people_aliases_loose ON people_aliases(loose) WHERE loose IS NOT NULL;"
  "CREATE INDEX people_aliases_surname ON people_aliases(surname) WHERE surname IS NOT NULL;"
  "ALTER TABLE entities ADD COLUMN link INTEGER NOT NULL DEFAULT 0;"
  "ALTER TABLE entities ADD COLUMN link_key TEXT;"
  "ALTER TABLE entities ADD COLUMN sk INTEGER;"
  "CREATE INDEX entities_link ON entities(link_key, link) WHERE link_key IS NOT NULL;"
  "ALTER TABLE speaker_counts ADD COLUMN n_named INTEGER NOT NULL DEFAULT 0;"
  "ALTER TABLE speaker_counts ADD COLUMN m_person INTEGER NOT NULL DEFAULT 0;"
  "ALTER TABLE speaker_counts ADD COLUMN m_org INTEGER NOT NULL DEFAULT 0;"
  "ALTER TABLE merge_undo_aliases ADD COLUMN form INTEGER NOT NULL DEFAULT 0;"
  "ALTER TABLE merge_undo_aliases ADD COLUMN loose TEXT;"
  "ALTER TABLE merge_undo_aliases ADD COLUMN surname TEXT;"
  "ALTER TABLE merge_undo_aliases ADD COLUMN n INTEGER NOT NULL DEFAULT 1;"
  "CREATE INDEX statements_unattributed ON statements(article_id, span_start)"
  "  WHERE eff_person_id IS NULL AND hidden = 0;"
  "CREATE TABLE surname_links ("
  "  surname TEXT PRIMARY KEY,"
  "  person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE) WITHOUT ROWID;";

/* 12: which articles an older analyzer wrote, from an index: the check at every start read
 * every article's row (its text included: the whole file, 0.1 s at 10k articles). */
static const char schema_v12[] =
  "CREATE INDEX articles_analyzer ON articles(analyzer_version);";

/* Schema 9's first count, with the columns of schema 9. */
static gboolean
count_speakers_v9 (ArxLibrary  *self,
                   GError     **error)
{
  return _arx_db_exec (self->db,
                       "INSERT OR REPLACE INTO speaker_counts (person_id, n_articles, n_statements)"
                       " SELECT d.person_id,"
                       "  (SELECT count(DISTINCT e.article_id) FROM entities e WHERE e.person_id = d.person_id),"
                       "  (SELECT count(*) FROM statements s WHERE s.eff_person_id = d.person_id AND s.hidden = 0)"
                       " FROM speaker_counts_dirty d CROSS JOIN people p ON p.id = d.person_id;"
                       "DELETE FROM speaker_counts_dirty;", error);
}
/* 13: quote provenance. Statements of different articles that carry the same quote (the same
 * words, or nearly: arx-quote-match.c) share a `quote_group`, whose ids come from an
 * AUTOINCREMENT table so that none is handed out twice. `quote_prints` holds each statement's
 * fingerprints (and their number), so a new statement finds the stored ones it may repeat
 * with a few index probes. The existing statements are grouped in the same step, oldest first. */
static const char schema_v13[] =
  "ALTER TABLE statements ADD COLUMN quote_group INTEGER;"
  "CREATE INDEX statements_quote_group ON statements(quote_group, article_id)"
  "  WHERE quote_group IS NOT NULL;"
  "CREATE TABLE quote_groups (id INTEGER PRIMARY KEY AUTOINCREMENT);"
  "CREATE TABLE quote_prints ("
  "  print INTEGER NOT NULL,"
  "  statement_id INTEGER NOT NULL,"
  "  n_prints INTEGER NOT NULL,"      /* how many the statement has: rules out most candidates */
  "  PRIMARY KEY (print, statement_id)) WITHOUT ROWID;";

/* 14: name keys without accents (arx_name_fold()): every speaker decided again. */
static const char schema_v14[] = "";

/* 15: a merge remembers which names of which articles it moved, not their entity rows: a
 * re-analysis replaces an article's entities (new ids), and undoing the merge after it moved
 * nothing back. The names of merges made before are read from the entities they still have;
 * an entity id reused by another entity since counts only where the merge's pin (the
 * override) is still on that name. */
static const char schema_v15[] =
  "CREATE TABLE merge_undo_names ("
  "  correction_id INTEGER NOT NULL REFERENCES corrections(id) ON DELETE CASCADE,"
  "  article_id INTEGER NOT NULL,"
  "  name_key TEXT NOT NULL,"
  "  PRIMARY KEY (correction_id, article_id, name_key)) WITHOUT ROWID;"
  "INSERT OR IGNORE INTO merge_undo_names (correction_id, article_id, name_key)"
  "  SELECT u.correction_id, e.article_id, arx_name_key(e.name)"
  "  FROM merge_undo_entities u JOIN entities e ON e.id = u.entity_id"
  "  WHERE EXISTS (SELECT 1 FROM person_overrides o"
  "    WHERE o.article_id = e.article_id AND o.name_key = arx_name_key(e.name));"
  "DROP TABLE merge_undo_entities;";

typedef struct
{
  const char *sql;
  gboolean  (*fixup) (ArxLibrary *self, GError **error);
} Migration;

static const Migration migrations[] = {
  { schema_v1, NULL },
  /* Linking waits for schema 11, which links every library again. */
  { schema_v2, NULL },
  { schema_v3, NULL },
  { schema_v4, NULL },
  { schema_v5, NULL },
  { schema_v6, pack_mentions },
  { schema_v7, NULL },
  { schema_v8, NULL },
  { schema_v9, count_speakers_v9 },
  { schema_v10, NULL },
  { schema_v11, _arx_library_rebuild_identity },
  { schema_v12, NULL },
  { schema_v13, _arx_library_group_all_quotes },
  { schema_v14, _arx_library_rebuild_identity },
  { schema_v15, NULL },
};

int
_arx_schema_latest (void)
{
  return G_N_ELEMENTS (migrations);
}

static int
read_version (ArxLibrary *self)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (sqlite3_prepare_v2 (self->db, "PRAGMA user_version", -1, &stmt, NULL) != SQLITE_OK ||
      sqlite3_step (stmt) != SQLITE_ROW)
    return -1;
  return sqlite3_column_int (stmt, 0);
}

gboolean
_arx_schema_migrate (ArxLibrary  *self,
                     int          target_version,
                     GError     **error)
{
  g_return_val_if_fail (target_version <= _arx_schema_latest (), FALSE);

  if (read_version (self) >= target_version)
    return TRUE;

  for (int version = 1; version <= target_version; version++)
    {
      const Migration *step = &migrations[version - 1];
      g_autofree char *set_version = NULL;

      if (!_arx_library_begin (self, error))
        return FALSE;
      /* Another process may have migrated while we waited for the lock. */
      if (read_version (self) >= version)
        {
          _arx_library_rollback (self);
          continue;
        }
      set_version = g_strdup_printf ("PRAGMA user_version = %d;"
                                     "PRAGMA application_id = %d;",
                                     version, ARX_LIBRARY_APPLICATION_ID);
      if (!_arx_db_exec (self->db, step->sql, error) ||
          (step->fixup != NULL && !step->fixup (self, error)) ||
          !_arx_db_exec (self->db, set_version, error) ||
          !_arx_library_commit (self, error))
        {
          _arx_library_rollback (self);
          g_prefix_error (error, _("upgrading the library to version %d: "), version);
          return FALSE;
        }
    }
  return TRUE;
}
