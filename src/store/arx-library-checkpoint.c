/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "arx-library"

#include "config.h"

#include "arx-library-private.h"

/* Checkpoints on a thread of their own, and fewer of them, during bulk writes (an import).
 *
 * In WAL mode every commit appends the pages it changed to the WAL, and SQLite's automatic
 * checkpoint (after any commit that leaves more than 1000 pages there) copies them back into
 * the database file, with an fsync before and after, on the thread that committed. During an
 * import that thread is the writer, the one thread everything waits for, and every batch
 * rewrites the same index and full-text pages, so a checkpoint every 4 MB copied most of
 * them again and again. Here a second connection checkpoints (PASSIVE: never waiting for
 * anyone) on a thread of its own, woken each time the WAL grew by WAKE_FRAMES; a checkpoint
 * needs no write lock, so the writer goes on meanwhile. The writer itself only bounds the
 * WAL: past WAL_LIMIT_FRAMES it backfills what is left (little: the background copied the
 * rest), and its next transaction starts the WAL from the beginning again. */

/* 32 MB of 4 KB pages between background checkpoints */
#define WAKE_FRAMES 8192
/* 64 MB */
#define WAL_LIMIT_FRAMES 16384
/* SQLITE_DEFAULT_WAL_AUTOCHECKPOINT, restored when bulk writes end */
#define AUTOCHECKPOINT_FRAMES 1000

static int wake_frames = WAKE_FRAMES;
static int limit_frames = WAL_LIMIT_FRAMES;

/* Test hook: other thresholds (0 for the defaults), before bulk writes start. */
void
_arx_library_set_bulk_checkpoint_frames (int wake,
                                         int limit)
{
  wake_frames = wake > 0 ? wake : WAKE_FRAMES;
  limit_frames = limit > 0 ? limit : WAL_LIMIT_FRAMES;
}

struct _ArxCheckpointer
{
  GThread *thread;
  sqlite3 *db;
  GMutex   lock;
  GCond    cond;
  gboolean wanted;
  gboolean stop;
  int      woken_at;   /* WAL frames at the last wake-up; the committing thread's alone */
};

static gpointer
checkpoint_thread (gpointer data)
{
  ArxCheckpointer *c = data;

  for (;;)
    {
      g_mutex_lock (&c->lock);
      while (!c->wanted && !c->stop)
        g_cond_wait (&c->cond, &c->lock);
      if (c->stop)
        {
          g_mutex_unlock (&c->lock);
          return NULL;
        }
      c->wanted = FALSE;
      g_mutex_unlock (&c->lock);
      /* SQLITE_BUSY (another checkpoint runs, or a reader holds old pages) only means
       * "later": the next commit wakes us again. */
      sqlite3_wal_checkpoint_v2 (c->db, "main", SQLITE_CHECKPOINT_PASSIVE, NULL, NULL);
    }
}

/* Runs on the committing thread, @lock of the library held (every commit is under it). */
static int
on_wal_commit (gpointer    data,
               sqlite3    *db,
               const char *name,
               int         n_frames)
{
  ArxCheckpointer *c = data;

  /* the WAL started over */
  if (n_frames < c->woken_at)
    c->woken_at = 0;
  if (n_frames >= limit_frames)
    {
      sqlite3_wal_checkpoint_v2 (db, name, SQLITE_CHECKPOINT_PASSIVE, NULL, NULL);
      c->woken_at = 0;
    }
  else if (n_frames - c->woken_at >= wake_frames)
    {
      c->woken_at = n_frames;
      g_mutex_lock (&c->lock);
      c->wanted = TRUE;
      g_cond_signal (&c->cond);
      g_mutex_unlock (&c->lock);
    }
  return SQLITE_OK;
}

static void
checkpointer_free (ArxCheckpointer *c)
{
  g_mutex_lock (&c->lock);
  c->stop = TRUE;
  g_cond_signal (&c->cond);
  g_mutex_unlock (&c->lock);
  g_thread_join (c->thread);
  sqlite3_close (c->db);
  g_mutex_clear (&c->lock);
  g_cond_clear (&c->cond);
  g_free (c);
}

/**
 * arx_library_set_bulk_writes:
 * @bulk: %TRUE before many writes in a row (an import), %FALSE after them
 *
 * While on, the library's WAL is copied back into the database file on a thread of its own
 * instead of by the thread that commits, so that a writer feeding many batches does not stop
 * for it. Calls may nest (each %TRUE needs its %FALSE). Nothing changes in what is stored;
 * when no second connection can be opened, the library checkpoints as usual.
 */
void
arx_library_set_bulk_writes (ArxLibrary *self,
                             gboolean    bulk)
{
  g_return_if_fail (ARX_IS_LIBRARY (self));

  g_mutex_lock (&self->lock);
  if (bulk && self->n_bulk_writers++ == 0)
    {
      ArxCheckpointer *c = g_new0 (ArxCheckpointer, 1);

      if (sqlite3_open_v2 (self->path, &c->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX,
                           NULL) != SQLITE_OK)
        {
          g_debug ("no checkpoint connection: %s", sqlite3_errmsg (c->db));
          sqlite3_close (c->db);
          g_free (c);
        }
      else
        {
          /* A connection learns that the file is in WAL mode from its first read; until then
           * a checkpoint on it does nothing at all. */
          sqlite3_exec (c->db, "SELECT count(*) FROM sqlite_schema", NULL, NULL, NULL);
          g_mutex_init (&c->lock);
          g_cond_init (&c->cond);
          c->thread = g_thread_new ("arx-checkpoint", checkpoint_thread, c);
          self->checkpointer = c;
          /* replaces the automatic checkpoint (one hook per connection) */
          sqlite3_wal_hook (self->db, on_wal_commit, c);
        }
    }
  else if (!bulk && self->n_bulk_writers > 0 && --self->n_bulk_writers == 0 &&
           self->checkpointer != NULL)
    {
      sqlite3_wal_autocheckpoint (self->db, AUTOCHECKPOINT_FRAMES);
      g_clear_pointer (&self->checkpointer, checkpointer_free);
      /* what the background had not copied yet; usually the last batch or two */
      sqlite3_wal_checkpoint_v2 (self->db, "main", SQLITE_CHECKPOINT_PASSIVE, NULL, NULL);
    }
  g_mutex_unlock (&self->lock);
}

/* Finalize: a library dropped with bulk writes still on. */
void
_arx_library_stop_checkpointer (ArxLibrary *self)
{
  if (self->checkpointer == NULL)
    return;
  sqlite3_wal_autocheckpoint (self->db, AUTOCHECKPOINT_FRAMES);
  g_clear_pointer (&self->checkpointer, checkpointer_free);
}
