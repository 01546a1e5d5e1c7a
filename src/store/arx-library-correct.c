/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "arx-library"

#include "config.h"

#include <inttypes.h>
#include <glib/gi18n.h>

#include "arx-library-private.h"

/* Corrections live in their own table and are the source of truth for what the user changed.
 * The statements table keeps the machine columns (entity_id, speaker) untouched and carries
 * the effective state (eff_entity_id, eff_speaker, hidden, user-added rows with origin = 1),
 * which _arx_library_replay_corrections() rebuilds from the machine rows plus every correction
 * not undone. Statement corrections name a statement by its span, so they still apply after a
 * re-analysis renumbered everything. */

/* The article entity for a speaker name, created (origin = 1) when the analysis had none. */
static gboolean
speaker_entity (ArxLibrary  *self,
                gint64       article_id,
                const char  *name,
                gint64      *out_entity_id,
                GError     **error)
{
  g_autofree char *key = _arx_name_key (name);
  gboolean found;
  gint64 idx;

  if (!_arx_library_get_int64 (self, out_entity_id, &found, error,
                               "SELECT e.id FROM entities e WHERE e.article_id = ?1 AND e.origin != 2"
                               " AND (arx_name_key(e.name) = ?2 OR EXISTS (SELECT 1 FROM entity_aliases a"
                               "   WHERE a.entity_id = e.id AND arx_name_key(a.alias) = ?2))"
                               " ORDER BY arx_name_key(e.name) = ?2 DESC, e.origin, e.idx LIMIT 1",
                               "it", article_id, key))
    return FALSE;
  if (found)
    return TRUE;
  if (!_arx_library_get_int64 (self, &idx, NULL, error,
                               "SELECT COALESCE(MAX(idx), -1) + 1 FROM entities WHERE article_id = ?1",
                               "i", article_id) ||
      !_arx_library_run (self, error,
                         "INSERT INTO entities (article_id, idx, kind, name, origin)"
                         " VALUES (?1, ?2, ?3, ?4, 1)",
                         "iidt", article_id, idx, (int)ARX_ENTITY_PERSON, name))
    return FALSE;
  *out_entity_id = sqlite3_last_insert_rowid (self->db);
  return _arx_library_relink_article (self, article_id, error);
}

static gboolean
set_speaker (ArxLibrary  *self,
             gint64       article_id,
             gint64       statement_id,
             const char  *name,
             GError     **error)
{
  gint64 entity_id = 0;

  if (name == NULL || name[0] == '\0')
    return _arx_library_run (self, error,
                             "UPDATE statements SET eff_entity_id = NULL, eff_speaker = NULL,"
                             " hidden = 0 WHERE id = ?1",
                             "i", statement_id);
  if (!speaker_entity (self, article_id, name, &entity_id, error))
    return FALSE;
  return _arx_library_run (self, error,
                           "UPDATE statements SET eff_entity_id = ?2, eff_speaker = ?3, hidden = 0"
                           " WHERE id = ?1",
                           "iit", statement_id, entity_id, name);
}

static gboolean
find_statement (ArxLibrary  *self,
                gint64       article_id,
                gint64       start,
                gint64       end,
                gint64      *out_id,
                gboolean    *out_found,
                GError     **error)
{
  return _arx_library_get_int64 (self, out_id, out_found, error,
                                 "SELECT id FROM statements WHERE article_id = ?1"
                                 " AND span_start = ?2 AND span_end = ?3 ORDER BY origin, id LIMIT 1",
                                 "iii", article_id, start, end);
}

/* A statement the machine does not have (any more): the user's, with full confidence. */
static gboolean
insert_user_statement (ArxLibrary  *self,
                       gint64       article_id,
                       gint64       start,
                       gint64       end,
                       int          kind,
                       gint64      *out_id,
                       GError     **error)
{
  if (!_arx_library_run (self, error,
                         "INSERT INTO statements (article_id, kind, span_start, span_end, text,"
                         " confidence, rule, origin, hidden)"
                         " SELECT id, ?2, ?3, ?4,"
                         "  CAST(substr(CAST(text AS BLOB), ?3 + 1, ?4 - ?3) AS TEXT), 1.0, 'user', 1, 0"
                         " FROM articles WHERE id = ?1",
                         "idii", article_id, kind, start, end))
    return FALSE;
  *out_id = sqlite3_last_insert_rowid (self->db);
  return _arx_library_run (self, error,
                           "INSERT INTO statements_fts (rowid, eff_speaker, text)"
                           " SELECT id, eff_speaker, text FROM statements WHERE id = ?1",
                           "i", *out_id);
}

static gboolean
apply_correction (ArxLibrary    *self,
                  gint64         article_id,
                  const char    *kind,
                  gint64         start,
                  gint64         end,
                  int            statement_kind,
                  const char    *name,
                  GError       **error)
{
  gint64 statement_id = 0;
  gboolean found = FALSE;

  if (!find_statement (self, article_id, start, end, &statement_id, &found, error))
    return FALSE;

  if (g_str_equal (kind, "not-statement"))
    return _arx_library_run (self, error,
                             "UPDATE statements SET hidden = 1 WHERE article_id = ?1"
                             " AND span_start = ?2 AND span_end = ?3",
                             "iii", article_id, start, end);

  if (g_str_equal (kind, "speaker") || g_str_equal (kind, "add-statement"))
    {
      /* The statement is gone after a re-analysis: the user's word still stands. */
      if (!found && !insert_user_statement (self, article_id, start, end, statement_kind,
                                            &statement_id, error))
        return FALSE;
      if (g_str_equal (kind, "add-statement") && name == NULL)
        return _arx_library_run (self, error, "UPDATE statements SET hidden = 0 WHERE id = ?1",
                                 "i", statement_id);
      return set_speaker (self, article_id, statement_id, name, error);
    }
  return TRUE;   /* library-wide corrections do not touch statements */
}

gboolean
_arx_library_replay_corrections (ArxLibrary  *self,
                                 gint64       article_id,
                                 GError     **error)
{
  sqlite3_stmt *stmt;
  g_autoptr(GPtrArray) kinds = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) spans = g_array_new (FALSE, FALSE, sizeof (gint64));
  int rc;

  if (!_arx_library_run (self, error,
                         "DELETE FROM statements WHERE article_id = ?1 AND origin = 1", "i", article_id) ||
      !_arx_library_run (self, error,
                         "UPDATE statements SET hidden = 0, eff_entity_id = entity_id, eff_speaker = speaker"
                         " WHERE article_id = ?1 AND (hidden != 0 OR eff_entity_id IS NOT entity_id"
                         "  OR eff_speaker IS NOT speaker)",
                         "i", article_id) ||
      !_arx_library_run (self, error,
                         "DELETE FROM entities WHERE article_id = ?1 AND origin = 1", "i", article_id))
    return FALSE;

  stmt = _arx_library_stmt (self,
                            "SELECT kind, span_start, span_end, COALESCE(statement_kind, 0), name"
                            " FROM corrections WHERE article_id = ?1 AND undone = 0"
                            " AND kind IN ('speaker', 'not-statement', 'add-statement') ORDER BY id",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, article_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 values[3] = { sqlite3_column_int64 (stmt, 1), sqlite3_column_int64 (stmt, 2),
                           sqlite3_column_int64 (stmt, 3) };

      g_ptr_array_add (kinds, _arx_column_dup (stmt, 0));
      g_ptr_array_add (names, _arx_column_dup (stmt, 4));
      g_array_append_vals (spans, values, 3);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _arx_db_set_error (self->db, error);
      return FALSE;
    }
  for (guint i = 0; i < kinds->len; i++)
    if (!apply_correction (self, article_id, g_ptr_array_index (kinds, i),
                           g_array_index (spans, gint64, 3 * i),
                           g_array_index (spans, gint64, 3 * i + 1),
                           (int)g_array_index (spans, gint64, 3 * i + 2),
                           g_ptr_array_index (names, i), error))
      return FALSE;
  return TRUE;
}

static gboolean
is_char_boundary (const guchar *text,
                  gsize         length,
                  guint         offset)
{
  return offset == length || (offset < length && (text[offset] & 0xC0) != 0x80);
}

/* The span must lie in the text and cut it between characters (offsets are UTF-8 bytes). */
static gboolean
check_span (ArxLibrary  *self,
            gint64       article_id,
            guint        start,
            guint        end,
            GError     **error)
{
  sqlite3_stmt *stmt = _arx_library_stmt (self, "SELECT text FROM articles WHERE id = ?1", error);
  const guchar *text;
  gsize length;
  gboolean ok;
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, article_id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      if (rc == SQLITE_DONE)
        g_set_error (error, ARX_ERROR, ARX_ERROR_NOT_FOUND, _("no article %" PRId64), article_id);
      else
        _arx_db_set_error (self->db, error);
      sqlite3_reset (stmt);
      return FALSE;
    }
  text = sqlite3_column_blob (stmt, 0);
  length = sqlite3_column_bytes (stmt, 0);
  ok = start < end && end <= length && is_char_boundary (text, length, start) &&
       is_char_boundary (text, length, end);
  sqlite3_reset (stmt);
  if (!ok)
    g_set_error (error, ARX_ERROR, ARX_ERROR_FAILED,
                 _("span %u–%u is not a stretch of the article text (%zu bytes, UTF-8 offsets)"),
                 start, end, length);
  return ok;
}

static gint64
record_statement_correction (ArxLibrary        *self,
                             gint64             article_id,
                             const char        *kind,
                             guint              start,
                             guint              end,
                             int                statement_kind,
                             const char        *name,
                             GError           **error)
{
  g_autoptr(GArray) people = NULL;
  gint64 id = 0;
  gboolean ok = FALSE;

  g_mutex_lock (&self->lock);
  if (!_arx_library_begin (self, error))
    goto out;
  if (check_span (self, article_id, start, end, error))
    {
      gint64 existing = 0;
      gboolean found = FALSE;

      ok = find_statement (self, article_id, start, end, &existing, &found, error);
      if (ok && !found && !g_str_equal (kind, "add-statement"))
        {
          g_set_error (error, ARX_ERROR, ARX_ERROR_NOT_FOUND,
                       _("article %" PRId64 " has no statement at %u–%u"), article_id,
                       start, end);
          ok = FALSE;
        }
      /* Remember the statement's kind, for when a re-analysis no longer finds it. */
      if (ok && found && statement_kind < 0)
        {
          gint64 existing_kind = 0;

          ok = _arx_library_get_int64 (self, &existing_kind, NULL, error,
                                       "SELECT kind FROM statements WHERE id = ?1", "i", existing);
          statement_kind = existing_kind;
        }
      ok = ok &&
           _arx_library_run (self, error,
                             "INSERT INTO corrections (article_id, kind, span_start, span_end,"
                             " statement_kind, name, created) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                             "itiidti", article_id, kind, (gint64)start, (gint64)end,
                             MAX (statement_kind, 0), name,
                             (gint64)(g_get_real_time () / G_USEC_PER_SEC));
      id = sqlite3_last_insert_rowid (self->db);
      ok = ok && (people = _arx_library_people_of_article (self, article_id, error)) != NULL &&
           _arx_library_replay_corrections (self, article_id, error) &&
           _arx_library_prune_people (self, people, error) &&
           _arx_library_finish_identity (self, error) &&
           _arx_library_commit (self, error);
    }
  if (!ok)
    _arx_library_rollback (self);

out:
  g_mutex_unlock (&self->lock);
  return ok ? id : 0;
}

/**
 * arx_library_correct_speaker:
 * @speaker: (nullable): the right speaker's name, or %NULL for "no speaker"
 *
 * The statement at @start–@end of the article was said by @speaker (matched against the
 * article's entities and their aliases; a new entity when none matches).
 *
 * Returns: the correction id, or 0 with @error set.
 */
gint64
arx_library_correct_speaker (ArxLibrary  *self,
                             gint64       article_id,
                             guint        start,
                             guint        end,
                             const char  *speaker,
                             GError     **error)
{
  g_return_val_if_fail (ARX_IS_LIBRARY (self), 0);
  return record_statement_correction (self, article_id, "speaker", start, end, -1, speaker, error);
}

gint64
arx_library_correct_not_statement (ArxLibrary  *self,
                                   gint64       article_id,
                                   guint        start,
                                   guint        end,
                                   GError     **error)
{
  g_return_val_if_fail (ARX_IS_LIBRARY (self), 0);
  return record_statement_correction (self, article_id, "not-statement", start, end, -1, NULL,
                                      error);
}

gint64
arx_library_correct_add_statement (ArxLibrary        *self,
                                   gint64             article_id,
                                   guint              start,
                                   guint              end,
                                   ArxStatementKind   kind,
                                   const char        *speaker,
                                   GError           **error)
{
  g_return_val_if_fail (ARX_IS_LIBRARY (self), 0);
  g_return_val_if_fail (kind < ARX_N_STATEMENT_KINDS, 0);
  return record_statement_correction (self, article_id, "add-statement", start, end, kind,
                                      speaker, error);
}
