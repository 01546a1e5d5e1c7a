/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "arx-library"

#include "config.h"

#include <inttypes.h>
#include <glib/gi18n.h>

#include "arx-analyzer.h"

#include "arx-library-insights-private.h"

/* Spans stored as little-endian uint32 start,end pairs (paragraphs, mentions). */
static GBytes *
pack_span_array (const ArxSpan *spans,
                 guint          n)
{
  guint32 *packed = g_new (guint32, 2 * (gsize)n + 1);

  for (guint i = 0; i < n; i++)
    {
      packed[2 * i] = GUINT32_TO_LE (spans[i].start);
      packed[2 * i + 1] = GUINT32_TO_LE (spans[i].end);
    }
  return g_bytes_new_take (packed, 2 * (gsize)n * sizeof (guint32));
}

static GBytes *
pack_spans (GArray *spans)
{
  return pack_span_array ((const ArxSpan *)(gpointer)spans->data, spans->len);
}

static GBytes *
pack_paragraphs (ArxArticle *article)
{
  guint n;
  const ArxSpan *paragraphs = arx_article_get_paragraphs (article, &n);

  return pack_span_array (paragraphs, n);
}

static gboolean
check_span (gsize        text_len,
            gint64       start,
            gint64       end,
            const char  *what,
            GError     **error)
{
  if (start < 0 || end < start || (gsize)end > text_len)
    {
      g_set_error (error, ARX_ERROR, ARX_ERROR_FAILED,
                   _("%s span %" PRId64 "–%" PRId64
                     " lies outside the article text (%zu bytes)"),
                   what, start, end, text_len);
      return FALSE;
    }
  return TRUE;
}

static void
bind_optional_span (sqlite3_stmt *stmt,
                    int           column,
                    int           start,
                    int           end)
{
  if (start < 0)
    {
      sqlite3_bind_null (stmt, column);
      sqlite3_bind_null (stmt, column + 1);
    }
  else
    {
      sqlite3_bind_int (stmt, column, start);
      sqlite3_bind_int (stmt, column + 1, end);
    }
}

static gboolean
insert_entity (ArxLibrary         *self,
               gint64              article_id,
               guint               idx,
               ArxEntityKind       kind,
               const char         *name,
               int                 origin,
               GArray             *mention_spans,
               GPtrArray          *aliases,
               const ArxLinkSlot  *slot,
               gint64             *out_id,
               GError            **error)
{
  g_autoptr(GBytes) mentions = mention_spans != NULL ? pack_spans (mention_spans) : NULL;
  sqlite3_stmt *stmt;
  gint64 entity_id;

  stmt = _arx_library_stmt (self,
                            "INSERT INTO entities (article_id, idx, kind, name, origin, person_id,"
                            " mention_spans, link, link_key, sk)"
                            " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, article_id);
  sqlite3_bind_int (stmt, 2, idx);
  sqlite3_bind_int (stmt, 3, kind);
  _arx_bind_text (stmt, 4, name != NULL ? name : "");
  sqlite3_bind_int (stmt, 5, origin);
  if (slot->person_id > 0)
    sqlite3_bind_int64 (stmt, 6, slot->person_id);
  else
    sqlite3_bind_null (stmt, 6);
  if (mentions != NULL)
    sqlite3_bind_blob (stmt, 7, g_bytes_get_data (mentions, NULL), g_bytes_get_size (mentions),
                       SQLITE_STATIC);
  else
    sqlite3_bind_null (stmt, 7);
  sqlite3_bind_int (stmt, 8, slot->link);
  _arx_bind_text (stmt, 9, slot->link_key);
  if (slot->linkable)
    sqlite3_bind_int (stmt, 10, slot->kind);
  else
    sqlite3_bind_null (stmt, 10);
  if (!_arx_library_step_done (self, stmt, error))
    return FALSE;
  entity_id = sqlite3_last_insert_rowid (self->db);

  for (guint j = 0; aliases != NULL && j < aliases->len; j++)
    {
      stmt = _arx_library_stmt (self,
                                "INSERT INTO entity_aliases (entity_id, pos, alias) VALUES (?1, ?2, ?3)",
                                error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, entity_id);
      sqlite3_bind_int (stmt, 2, j);
      _arx_bind_text (stmt, 3, g_ptr_array_index (aliases, j));
      if (!_arx_library_step_done (self, stmt, error))
        return FALSE;
    }
  *out_id = entity_id;
  return TRUE;
}

/* The link slots of an analysis: its entities, then every speaker it names without an entity
 * (in order of first use). Those become implicit entities (origin 2, no mentions) that
 * arx_library_load_article() leaves out, so the loaded analysis is what was stored while
 * --speaker and `arx speakers` see their statements. */
static GArray *
analysis_slots (ArxAnalysis *analysis,
                GPtrArray   *implicit_names)
{
  GArray *slots = g_array_new (FALSE, TRUE, sizeof (ArxLinkSlot));
  g_autoptr(GHashTable) implicit = g_hash_table_new (g_str_hash, g_str_equal);

  g_array_set_size (slots, analysis->entities->len);
  for (guint i = 0; i < analysis->entities->len; i++)
    {
      const ArxEntity *entity = g_ptr_array_index (analysis->entities, i);
      ArxLinkSlot *slot = &g_array_index (slots, ArxLinkSlot, i);

      slot->name = entity->name;
      slot->entity_kind = entity->kind;
      slot->speaker_kind = -1;
      slot->aliases = entity->aliases;
      slot->n_mentions = entity->mentions->len;
    }
  for (guint i = 0; i < analysis->statements->len; i++)
    {
      const ArxStatement *statement = g_ptr_array_index (analysis->statements, i);

      if (statement->speaker_name == NULL)
        continue;
      if (statement->speaker >= 0 && (guint)statement->speaker < analysis->entities->len)
        {
          ArxLinkSlot *slot = &g_array_index (slots, ArxLinkSlot, statement->speaker);

          if (slot->speaker_kind < 0)
            slot->speaker_kind = statement->speaker_kind;
        }
      else if (!g_hash_table_contains (implicit, statement->speaker_name))
        {
          ArxLinkSlot slot = { 0, };

          slot.name = statement->speaker_name;
          slot.entity_kind = ARX_ENTITY_MISC;
          slot.speaker_kind = statement->speaker_kind;
          g_hash_table_add (implicit, statement->speaker_name);
          g_ptr_array_add (implicit_names, statement->speaker_name);
          g_array_append_val (slots, slot);
        }
    }
  for (guint i = 0; i < slots->len; i++)
    {
      ArxLinkSlot *slot = &g_array_index (slots, ArxLinkSlot, i);

      slot->linkable = slot->speaker_kind >= 0 || slot->entity_kind == ARX_ENTITY_PERSON ||
                       slot->entity_kind == ARX_ENTITY_ORGANIZATION;
    }
  return slots;
}

/* Writes the machine analysis of one article (entities, mentions, statements); the caller
 * holds the transaction and removed any earlier analysis of the article. */
gboolean
_arx_library_insert_analysis (ArxLibrary   *self,
                              gint64        article_id,
                              ArxArticle   *article,
                              ArxAnalysis  *analysis,
                              gboolean      new_article,
                              GError      **error)
{
  const char *text = arx_article_get_text (article);
  gsize text_len = arx_article_get_text_length (article);
  g_autoptr(GPtrArray) implicit_names = g_ptr_array_new ();
  g_autoptr(GArray) slots = NULL;
  g_autofree gint64 *entity_ids = NULL;
  g_autoptr(GHashTable) implicit = g_hash_table_new (g_str_hash, g_str_equal);
  guint n_entities = analysis->entities->len;
  gboolean ok = TRUE;

  for (guint i = 0; i < n_entities; i++)
    {
      const ArxEntity *entity = g_ptr_array_index (analysis->entities, i);

      for (guint j = 0; j < entity->mentions->len; j++)
        {
          const ArxSpan *span = &g_array_index (entity->mentions, ArxSpan, j);

          if (!check_span (text_len, span->start, span->end, "mention", error))
            return FALSE;
        }
    }
  for (guint i = 0; i < analysis->statements->len; i++)
    {
      const ArxStatement *statement = g_ptr_array_index (analysis->statements, i);

      if (!check_span (text_len, statement->start, statement->end, "statement", error) ||
          (statement->mention_start >= 0 &&
           !check_span (text_len, statement->mention_start, statement->mention_end,
                        "speaker mention", error)) ||
          (statement->cue_start >= 0 &&
           !check_span (text_len, statement->cue_start, statement->cue_end, "cue", error)))
        return FALSE;
    }

  /* Who everyone is first, so each entity row is written once, complete. */
  slots = analysis_slots (analysis, implicit_names);
  entity_ids = g_new0 (gint64, slots->len + 1);
  if (!_arx_library_link_slots (self, article_id, arx_article_get_byline (article),
                                (ArxLinkSlot *)(gpointer)slots->data, slots->len, !new_article, error))
    ok = FALSE;
  for (guint i = 0; ok && i < slots->len; i++)
    {
      const ArxLinkSlot *slot = &g_array_index (slots, ArxLinkSlot, i);

      if (i < n_entities)
        {
          const ArxEntity *entity = g_ptr_array_index (analysis->entities, i);

          ok = insert_entity (self, article_id, i, entity->kind, entity->name, 0, entity->mentions,
                              entity->aliases, slot, &entity_ids[i], error);
        }
      else
        {
          ok = insert_entity (self, article_id, i, ARX_ENTITY_PERSON, slot->name, 2, NULL, NULL,
                              slot, &entity_ids[i], error);
          g_hash_table_insert (implicit, (gpointer)slot->name, GUINT_TO_POINTER (i));
        }
    }

  for (guint i = 0; ok && i < analysis->statements->len; i++)
    {
      const ArxStatement *statement = g_ptr_array_index (analysis->statements, i);
      const ArxLinkSlot *slot = NULL;
      gint64 entity_id = 0;
      sqlite3_stmt *stmt;

      if (statement->speaker >= 0 && (guint)statement->speaker < n_entities)
        {
          entity_id = entity_ids[statement->speaker];
          slot = &g_array_index (slots, ArxLinkSlot, statement->speaker);
        }
      else if (statement->speaker_name != NULL)
        {
          guint index = GPOINTER_TO_UINT (g_hash_table_lookup (implicit, statement->speaker_name));

          entity_id = entity_ids[index];
          slot = &g_array_index (slots, ArxLinkSlot, index);
        }

      stmt = _arx_library_stmt (self,
                                "INSERT INTO statements (article_id, kind, span_start, span_end, text,"
                                " entity_id, speaker, mention_start, mention_end, cue_start, cue_end,"
                                " cue, confidence, rule, origin, hidden, eff_entity_id, eff_speaker,"
                                " eff_person_id, speaker_kind)"
                                " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14,"
                                " 0, 0, ?6, ?7, ?15, ?16)",
                                error);
      if (stmt == NULL)
        {
          ok = FALSE;
          break;
        }
      sqlite3_bind_int64 (stmt, 1, article_id);
      sqlite3_bind_int (stmt, 2, statement->kind);
      sqlite3_bind_int (stmt, 3, statement->start);
      sqlite3_bind_int (stmt, 4, statement->end);
      sqlite3_bind_text (stmt, 5, text + statement->start, statement->end - statement->start,
                         SQLITE_TRANSIENT);
      if (entity_id > 0)
        sqlite3_bind_int64 (stmt, 6, entity_id);
      else
        sqlite3_bind_null (stmt, 6);
      _arx_bind_text (stmt, 7, statement->speaker_name);
      bind_optional_span (stmt, 8, statement->mention_start, statement->mention_end);
      bind_optional_span (stmt, 10, statement->cue_start, statement->cue_end);
      if (statement->cue_start >= 0)
        sqlite3_bind_text (stmt, 12, text + statement->cue_start,
                           statement->cue_end - statement->cue_start, SQLITE_TRANSIENT);
      sqlite3_bind_double (stmt, 13, statement->confidence);
      _arx_bind_text (stmt, 14, statement->rule);
      if (slot != NULL && slot->person_id > 0)
        sqlite3_bind_int64 (stmt, 15, slot->person_id);
      else
        sqlite3_bind_null (stmt, 15);
      if (statement->speaker_name != NULL)
        sqlite3_bind_int (stmt, 16, statement->speaker_kind);
      else
        sqlite3_bind_null (stmt, 16);
      ok = _arx_library_step_done (self, stmt, error);
    }
  _arx_link_slots_clear ((ArxLinkSlot *)(gpointer)slots->data, slots->len);
  if (!ok)
    return FALSE;
  /* A new article's counts are added per batch; a rewritten one's people are recounted. */
  return new_article || !self->has_speaker_counts ||
         _arx_library_mark_article_speakers (self, article_id, error);
}

static gboolean
add_one (ArxLibrary  *self,
         ArxAddItem  *item,
         GError     **error)
{
  ArxArticle *article = item->article;
  const char *hash = arx_article_get_content_hash (article);
  g_autoptr(GBytes) paragraphs = pack_paragraphs (article);
  sqlite3_stmt *stmt;
  int rc;

  stmt = _arx_library_stmt (self, "SELECT id FROM articles WHERE content_hash = ?1", error);
  if (stmt == NULL)
    return FALSE;
  _arx_bind_text (stmt, 1, hash);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      item->id = sqlite3_column_int64 (stmt, 0);
      item->duplicate = TRUE;
      sqlite3_reset (stmt);
      return TRUE;
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _arx_db_set_error (self->db, error);
      return FALSE;
    }

  stmt = _arx_library_stmt (self,
                            "INSERT INTO articles (content_hash, source_uri, format, title, byline,"
                            " published, site, language, text, paragraphs, analyzer_version, imported,"
                            " kind)"
                            " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
                            error);
  if (stmt == NULL)
    return FALSE;
  _arx_bind_text (stmt, 1, hash);
  _arx_bind_text (stmt, 2, arx_article_get_source_uri (article));
  _arx_bind_text (stmt, 3, arx_article_get_format (article));
  _arx_bind_text (stmt, 4, arx_article_get_title (article));
  _arx_bind_text (stmt, 5, arx_article_get_byline (article));
  _arx_bind_text (stmt, 6, arx_article_get_published (article));
  _arx_bind_text (stmt, 7, arx_article_get_site (article));
  _arx_bind_text (stmt, 8, arx_article_get_language (article));
  sqlite3_bind_text (stmt, 9, arx_article_get_text (article),
                     arx_article_get_text_length (article), SQLITE_STATIC);
  sqlite3_bind_blob (stmt, 10, g_bytes_get_data (paragraphs, NULL),
                     g_bytes_get_size (paragraphs), SQLITE_STATIC);
  _arx_bind_text (stmt, 11, item->analyzer_version != NULL ? item->analyzer_version
                                                         : arx_analyzer_get_version (arx_analyzer_get_default ()));
  sqlite3_bind_int64 (stmt, 12, g_get_real_time () / G_USEC_PER_SEC);
  _arx_bind_text (stmt, 13, arx_article_get_kind (article));
  if (!_arx_library_step_done (self, stmt, error))
    return FALSE;
  item->id = sqlite3_last_insert_rowid (self->db);
  item->duplicate = FALSE;

  /* The import job skips analysing articles it found already stored; if one was deleted
   * since, analyse it now. */
  if (item->analysis == NULL)
    {
      g_autoptr(ArxAnalysis) analysis = arx_analyzer_analyze (arx_analyzer_get_default (), article);

      return _arx_library_insert_analysis (self, item->id, article, analysis, TRUE, error);
    }
  return _arx_library_insert_analysis (self, item->id, article, item->analysis, TRUE, error);
}

/* Full-text indexes every article (and its statements) with an id above @after_id. */
gboolean
_arx_library_index_new_articles (ArxLibrary  *self,
                                 gint64       after_id,
                                 GError     **error)
{
  return _arx_library_run (self, error,
                           "INSERT INTO articles_fts (rowid, title, text)"
                           " SELECT id, title, text FROM articles WHERE id > ?1",
                           "i", after_id) &&
         _arx_library_run (self, error,
                           "INSERT INTO statements_fts (rowid, eff_speaker, text)"
                           " SELECT id, eff_speaker, text FROM statements WHERE article_id > ?1",
                           "i", after_id);
}

/* Full-text indexes the statements of one article (after a re-analysis wrote them). */
gboolean
_arx_library_index_statements (ArxLibrary  *self,
                               gint64       article_id,
                               GError     **error)
{
  return _arx_library_run (self, error,
                           "INSERT INTO statements_fts (rowid, eff_speaker, text)"
                           " SELECT id, eff_speaker, text FROM statements WHERE article_id = ?1",
                           "i", article_id);
}

/**
 * arx_library_add_many:
 *
 * Adds several analysed articles in one transaction (the import job's batches); each article
 * sits in its own savepoint, so a bad one is reported in its item and the rest still commit.
 *
 * Returns: FALSE only when the transaction itself failed: then nothing was added.
 */
gboolean
arx_library_add_many (ArxLibrary  *self,
                      ArxAddItem  *items,
                      guint        n_items,
                      GError     **error)
{
  gint64 last_id = 0;
  gboolean ok = FALSE;

  g_return_val_if_fail (ARX_IS_LIBRARY (self), FALSE);

  g_mutex_lock (&self->lock);
  if (!_arx_library_begin (self, error))
    goto out;
  /* We hold the write lock: every article above this id is one of ours. */
  if (!_arx_library_get_int64 (self, &last_id, NULL, error,
                               "SELECT COALESCE(MAX(id), 0) FROM articles", ""))
    {
      _arx_library_rollback (self);
      goto out;
    }
  for (guint i = 0; i < n_items; i++)
    {
      ArxAddItem *item = &items[i];

      g_clear_error (&item->error);
      item->id = 0;
      item->duplicate = FALSE;
      if (!_arx_db_exec (self->db, "SAVEPOINT add_article", error))
        {
          _arx_library_rollback (self);
          goto out;
        }
      if (!add_one (self, item, &item->error))
        {
          item->id = 0;
          sqlite3_exec (self->db, "ROLLBACK TO add_article", NULL, NULL, NULL);
          _arx_library_forget_article_names (self);
        }
      _arx_library_keep_article_names (self);
      if (!_arx_db_exec (self->db, "RELEASE add_article", error))
        {
          _arx_library_rollback (self);
          goto out;
        }
    }
  ok = _arx_library_group_quotes (self, last_id, 0, error) &&
       _arx_library_index_new_articles (self, last_id, error) &&
       (!self->has_speaker_counts || _arx_library_count_new_articles (self, last_id, error)) &&
       _arx_library_finish_identity (self, error) &&
       _arx_library_commit (self, error);
  if (!ok)
    _arx_library_rollback (self);

out:
  g_mutex_unlock (&self->lock);
  return ok;
}

/**
 * arx_library_add:
 * @out_id: (out) (optional): the new article's id, or the existing one for a duplicate
 * @out_duplicate: (out) (optional): %TRUE when an article with the same title and text was
 *   already in the library; nothing is written then
 *
 * Stores the article and its analysis in one transaction.
 */
gboolean
arx_library_add (ArxLibrary   *self,
                 ArxArticle   *article,
                 ArxAnalysis  *analysis,
                 gint64       *out_id,
                 gboolean     *out_duplicate,
                 GError      **error)
{
  ArxAddItem item = { article, analysis, 0, FALSE, NULL, NULL };

  g_return_val_if_fail (ARX_IS_LIBRARY (self), FALSE);
  g_return_val_if_fail (ARX_IS_ARTICLE (article), FALSE);
  g_return_val_if_fail (analysis != NULL, FALSE);

  if (!arx_library_add_many (self, &item, 1, error))
    return FALSE;
  if (item.error != NULL)
    {
      g_propagate_error (error, item.error);
      return FALSE;
    }
  if (out_id != NULL)
    *out_id = item.id;
  if (out_duplicate != NULL)
    *out_duplicate = item.duplicate;
  return TRUE;
}

gboolean
arx_library_delete_article (ArxLibrary  *self,
                            gint64       id,
                            GError     **error)
{
  g_autoptr(GArray) people = NULL;
  sqlite3_stmt *stmt;
  gboolean ok = FALSE;

  g_return_val_if_fail (ARX_IS_LIBRARY (self), FALSE);

  g_mutex_lock (&self->lock);
  if (!_arx_library_begin (self, error))
    goto out;
  if ((people = _arx_library_people_of_article (self, id, error)) == NULL ||
      !_arx_library_forget_quotes (self, id, error))
    {
      _arx_library_rollback (self);
      goto out;
    }
  stmt = _arx_library_stmt (self, "DELETE FROM articles WHERE id = ?1", error);
  if (stmt == NULL)
    {
      _arx_library_rollback (self);
      goto out;
    }
  sqlite3_bind_int64 (stmt, 1, id);
  if (!_arx_library_step_done (self, stmt, error))
    {
      _arx_library_rollback (self);
      goto out;
    }
  if (sqlite3_changes (self->db) == 0)
    {
      _arx_library_rollback (self);
      g_set_error (error, ARX_ERROR, ARX_ERROR_NOT_FOUND, _("no article %" PRId64), id);
      goto out;
    }
  /* People left without any entity are no speakers any more. */
  ok = _arx_library_prune_people (self, people, error) && _arx_library_commit (self, error);
  if (!ok)
    _arx_library_rollback (self);

out:
  g_mutex_unlock (&self->lock);
  return ok;
}

/**
 * arx_library_find_duplicate:
 * @out_id: (out): the stored article's id
 *
 * Whether an article with the same title and text is already in the library (cheap: one
 * indexed lookup), so importers can skip analysing it.
 */
gboolean
arx_library_find_duplicate (ArxLibrary  *self,
                            ArxArticle  *article,
                            gint64      *out_id)
{
  const char *hash = arx_article_get_content_hash (article);
  gboolean found = FALSE;
  gint64 id = 0;

  g_return_val_if_fail (ARX_IS_LIBRARY (self), FALSE);

  g_mutex_lock (&self->lock);
  if (!_arx_library_get_int64 (self, &id, &found, NULL,
                               "SELECT id FROM articles WHERE content_hash = ?1", "t", hash))
    found = FALSE;
  g_mutex_unlock (&self->lock);
  if (out_id != NULL)
    *out_id = found ? id : 0;
  return found;
}
