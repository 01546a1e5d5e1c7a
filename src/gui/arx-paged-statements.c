/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "arx-paged-statements"

#include "config.h"

#include <glib/gi18n.h>

#include "arx-library-insights.h"
#include "arx-statement-item.h"

#include "arx-paged-statements.h"

/* A GListModel of ArxStatementItem over statements of the library (a speaker's, nobody's,
 * everybody's), however many: it holds their ids in list order (8 bytes a statement) and
 * where each article's run of them starts, and makes items only for the pages a view asks
 * for, reading their rows by id; a few pages stay cached.
 *
 * The ids come from a scan (arx_library_scan_statements()) on a connection of the list's
 * own, in a worker thread: at a million statements, or for a common word's matches, it takes
 * longer than a frame. A filter keystroke only starts a new scan (cancelling the one before)
 * and the list keeps showing the last result until the new one is complete: then it is
 * replaced (two items-changed in a row: emptied, filled). (Growing the list in parts as the scan went on made GTK 4.8's
 * list widgets lose track of their rows.) Pages are read on the main thread from another
 * connection of the list's own, so neither a scan nor an import's transaction on the
 * window's connection holds up scrolling. */

#define PAGE_SIZE 128
#define MAX_PAGES 16

struct _ArxPagedStatements
{
  GObject             parent_instance;

  ArxLibrary         *pages_reader;
  ArxLibrary         *scan_reader;
  ArxStatementFilter  filter;        /* its query is @query */
  char               *query;
  GArray             *ids;           /* (element-type gint64): the list */
  GArray             *runs;          /* (element-type ArxArticleRun): its articles */
  guint               total;         /* of the list without kind and words; 0 until known */
  GCancellable       *scan_cancellable; /* of the scan running, or NULL */
  GHashTable         *pages;         /* page number -> GPtrArray of ArxStatementItem */
  GQueue              order;         /* page numbers, most recently read first */
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (ArxPagedStatements, arx_paged_statements, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum {
  PROP_0,
  PROP_LOADING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* What a scan reads (its task data) and what it found (its result). */
typedef struct
{
  ArxLibrary         *reader;
  ArxStatementFilter  filter;
  char               *query;
} ScanInput;

typedef struct
{
  GArray *ids;
  GArray *runs;
} ScanResult;

static void
scan_input_free (ScanInput *input)
{
  g_object_unref (input->reader);
  g_free (input->query);
  g_free (input);
}

static void
scan_result_free (ScanResult *result)
{
  g_array_unref (result->ids);
  g_array_unref (result->runs);
  g_free (result);
}

static void
drop_pages (ArxPagedStatements *self)
{
  g_hash_table_remove_all (self->pages);
  g_queue_clear (&self->order);
}

static void
scan_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  ScanInput *input = task_data;
  ScanResult *result = g_new0 (ScanResult, 1);
  GError *error = NULL;

  result->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  result->runs = g_array_new (FALSE, FALSE, sizeof (ArxArticleRun));
  if (!arx_library_scan_statements (input->reader, &input->filter, result->ids, result->runs,
                                    cancellable, &error))
    {
      scan_result_free (result);
      g_task_return_error (task, error);
      return;
    }
  g_task_return_pointer (task, result, (GDestroyNotify)scan_result_free);
}

/* Main thread: the list takes the result of its latest scan. */
static void
scan_done_cb (GObject      *object,
              GAsyncResult *res,
              gpointer      user_data)
{
  GWeakRef *list = user_data;
  g_autoptr(ArxPagedStatements) self = g_weak_ref_get (list);
  g_autoptr(GError) error = NULL;
  ScanResult *result = g_task_propagate_pointer (G_TASK (res), &error);
  guint old;

  g_weak_ref_clear (list);
  g_free (list);
  /* Gone, or overtaken by a newer scan (even one that finished before it saw the cancel). */
  if (self == NULL || g_task_get_cancellable (G_TASK (res)) != self->scan_cancellable)
    {
      g_clear_pointer (&result, scan_result_free);
      return;
    }
  g_clear_object (&self->scan_cancellable);
  if (result == NULL)
    g_warning ("reading statements: %s", error->message);
  else
    {
      /* Emptied, then filled: told as one change, GTK 4.8 asks for every new item to find
       * where the rows it kept went (a million page reads for a million statements). */
      old = self->ids->len;
      g_array_set_size (self->ids, 0);
      g_array_set_size (self->runs, 0);
      drop_pages (self);
      if (old > 0)
        g_list_model_items_changed (G_LIST_MODEL (self), 0, old, 0);
      g_array_unref (self->ids);
      g_array_unref (self->runs);
      self->ids = g_array_ref (result->ids);
      self->runs = g_array_ref (result->runs);
      scan_result_free (result);
      if (self->total == 0 && self->filter.kind < 0 && self->query == NULL)
        self->total = self->ids->len;
      if (self->ids->len > 0)
        g_list_model_items_changed (G_LIST_MODEL (self), 0, 0, self->ids->len);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

static void
start_scan (ArxPagedStatements *self)
{
  g_autoptr(GTask) task = NULL;
  ScanInput *input = g_new0 (ScanInput, 1);
  GWeakRef *list = g_new0 (GWeakRef, 1);
  gboolean was_loading = self->scan_cancellable != NULL;

  if (self->scan_cancellable != NULL)
    g_cancellable_cancel (self->scan_cancellable);
  g_set_object (&self->scan_cancellable, NULL);
  self->scan_cancellable = g_cancellable_new ();

  input->reader = g_object_ref (self->scan_reader);
  input->filter = self->filter;
  input->query = g_strdup (self->query);
  input->filter.query = input->query;
  g_weak_ref_init (list, self);

  task = g_task_new (NULL, self->scan_cancellable, scan_done_cb, list);
  g_task_set_source_tag (task, start_scan);
  g_task_set_task_data (task, input, (GDestroyNotify)scan_input_free);
  g_task_run_in_thread (task, scan_thread);
  if (!was_loading)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

/* "Also in N articles" on a page's statements: one query by the quote group index. */
static void
read_quote_spread (ArxPagedStatements *self,
                   const gint64       *ids,
                   GPtrArray          *items)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) spread = arx_library_quote_spread_of (self->pages_reader, ids, items->len,
                                                          &error);
  g_autoptr(GHashTable) others = NULL;

  if (spread == NULL)
    {
      g_warning ("reading where quotes recur: %s", error->message);
      return;
    }
  others = g_hash_table_new (g_int64_hash, g_int64_equal);
  for (guint i = 0; i < spread->len; i++)
    {
      ArxQuoteSpread *s = &g_array_index (spread, ArxQuoteSpread, i);

      g_hash_table_insert (others, &s->statement_id, GUINT_TO_POINTER (s->n_other_articles));
    }
  for (guint i = 0; i < items->len; i++)
    arx_statement_item_set_quote_articles (g_ptr_array_index (items, i),
                                           GPOINTER_TO_UINT (g_hash_table_lookup (others, &ids[i])));
}

static GPtrArray *
read_page (ArxPagedStatements *self,
           guint               page)
{
  guint first = page * PAGE_SIZE;
  guint n = MIN (PAGE_SIZE, self->ids->len - first);
  const gint64 *ids = &g_array_index (self->ids, gint64, first);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = arx_library_read_statements (self->pages_reader, ids, n, &error);
  GPtrArray *items = g_ptr_array_new_with_free_func (g_object_unref);
  guint next = 0;

  if (rows == NULL)
    g_warning ("reading statements: %s", error->message);
  /* A view must get an item at every position it was told of: a statement deleted since
   * the scan (or unreadable) shows as gone until the list is made or filtered again. */
  for (guint i = 0; i < n; i++)
    {
      const ArxStatementRow *row = rows != NULL && next < rows->len
                                   ? g_ptr_array_index (rows, next) : NULL;

      if (row != NULL && row->statement_id == ids[i])
        {
          g_ptr_array_add (items, arx_statement_item_new_from_row (row, 0));
          next++;
        }
      else
        {
          ArxStatementRow gone = { .statement_id = ids[i], .text = _("(no longer in the library)") };

          g_ptr_array_add (items, arx_statement_item_new_from_row (&gone, 0));
        }
    }
  read_quote_spread (self, ids, items);
  return items;
}

static GPtrArray *
get_page (ArxPagedStatements *self,
          guint               page)
{
  GPtrArray *items = g_hash_table_lookup (self->pages, GUINT_TO_POINTER (page));

  if (items != NULL)
    {
      g_queue_remove (&self->order, GUINT_TO_POINTER (page));
      g_queue_push_head (&self->order, GUINT_TO_POINTER (page));
      return items;
    }
  if (g_queue_get_length (&self->order) >= MAX_PAGES)
    g_hash_table_remove (self->pages, g_queue_pop_tail (&self->order));
  items = read_page (self, page);
  g_hash_table_insert (self->pages, GUINT_TO_POINTER (page), items);
  g_queue_push_head (&self->order, GUINT_TO_POINTER (page));
  return items;
}

/* GListModel */

static GType
get_item_type (GListModel *model)
{
  return ARX_TYPE_STATEMENT_ITEM;
}

static guint
get_n_items (GListModel *model)
{
  return ARX_PAGED_STATEMENTS (model)->ids->len;
}

static gpointer
get_item (GListModel *model,
          guint       position)
{
  ArxPagedStatements *self = ARX_PAGED_STATEMENTS (model);
  GPtrArray *items;

  if (position >= self->ids->len)
    return NULL;
  items = get_page (self, position / PAGE_SIZE);
  return g_object_ref (g_ptr_array_index (items, position % PAGE_SIZE));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = get_item_type;
  iface->get_n_items = get_n_items;
  iface->get_item = get_item;
}

/* GObject */

static void
arx_paged_statements_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  ArxPagedStatements *self = ARX_PAGED_STATEMENTS (object);

  switch (prop_id)
    {
    case PROP_LOADING:
      g_value_set_boolean (value, arx_paged_statements_get_loading (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
arx_paged_statements_finalize (GObject *object)
{
  ArxPagedStatements *self = (ArxPagedStatements *)object;

  if (self->scan_cancellable != NULL)
    g_cancellable_cancel (self->scan_cancellable);
  g_clear_object (&self->scan_cancellable);
  g_clear_object (&self->pages_reader);
  g_clear_object (&self->scan_reader);
  g_clear_pointer (&self->query, g_free);
  g_clear_pointer (&self->ids, g_array_unref);
  g_clear_pointer (&self->runs, g_array_unref);
  g_clear_pointer (&self->pages, g_hash_table_unref);
  g_queue_clear (&self->order);

  G_OBJECT_CLASS (arx_paged_statements_parent_class)->finalize (object);
}

static void
arx_paged_statements_class_init (ArxPagedStatementsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = arx_paged_statements_finalize;
  object_class->get_property = arx_paged_statements_get_property;

  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
arx_paged_statements_init (ArxPagedStatements *self)
{
  self->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->runs = g_array_new (FALSE, FALSE, sizeof (ArxArticleRun));
  self->pages = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify)g_ptr_array_unref);
  g_queue_init (&self->order);
}

/* Public API */

/**
 * arx_paged_statements_new:
 * @filter: which statements (copied)
 *
 * Starts reading the list in the background (#ArxPagedStatements:loading); it tells of what
 * it found with items-changed on the thread-default main context of the caller.
 *
 * Returns: (transfer full): the list, empty for now; or %NULL with @error set when the
 * library could not be opened again for reading.
 */
ArxPagedStatements *
arx_paged_statements_new (ArxLibrary                *library,
                          const ArxStatementFilter  *filter,
                          GError                   **error)
{
  g_autoptr(ArxPagedStatements) self = g_object_new (ARX_TYPE_PAGED_STATEMENTS, NULL);

  g_return_val_if_fail (ARX_IS_LIBRARY (library), NULL);
  g_return_val_if_fail (filter != NULL, NULL);

  self->pages_reader = arx_library_open_reader (library, error);
  if (self->pages_reader == NULL)
    return NULL;
  self->scan_reader = arx_library_open_reader (library, error);
  if (self->scan_reader == NULL)
    return NULL;
  self->filter = *filter;
  self->query = filter->query != NULL && filter->query[0] != '\0' ? g_strdup (filter->query)
                                                                   : NULL;
  self->filter.query = self->query;
  start_scan (self);
  return g_steal_pointer (&self);
}

/* What a user types, as a full-text query: every word required, and the last one a prefix
 * while it is being typed (no space after it yet). */
static char *
dup_typed_query (const char *text)
{
  g_autofree char *query = arx_library_plain_query (text);
  gsize len = strlen (text);

  if (query[0] == '\0')
    return NULL;
  if (!g_ascii_isspace (text[len - 1]) && g_str_has_suffix (query, "\""))
    return g_strconcat (query, "*", NULL);
  return g_steal_pointer (&query);
}

/**
 * arx_paged_statements_set_filter:
 * @kind: an ArxStatementKind, or -1 for all
 * @text: (nullable): words the statements or their speaker must have, as typed: plain words,
 *   not the full-text syntax; the last is a prefix unless a space follows it
 *
 * Narrows the list to one kind and the statements with @text. Returns at once: the list
 * changes (one items-changed) when the library has found them all.
 */
void
arx_paged_statements_set_filter (ArxPagedStatements *self,
                                 int                 kind,
                                 const char         *text)
{
  g_autofree char *query = text != NULL ? dup_typed_query (text) : NULL;

  g_return_if_fail (ARX_IS_PAGED_STATEMENTS (self));

  if (kind == self->filter.kind && g_strcmp0 (query, self->query) == 0)
    return;
  g_free (self->query);
  self->query = g_steal_pointer (&query);
  self->filter.query = self->query;
  self->filter.kind = kind;
  start_scan (self);
}

/**
 * arx_paged_statements_get_loading:
 *
 * Returns: whether the list is still being read (it may grow or be replaced).
 */
gboolean
arx_paged_statements_get_loading (ArxPagedStatements *self)
{
  g_return_val_if_fail (ARX_IS_PAGED_STATEMENTS (self), FALSE);
  return self->scan_cancellable != NULL;
}

/* How many statements the list has without kind and words; 0 until the first reading of it
 * is complete. */
guint
arx_paged_statements_get_total (ArxPagedStatements *self)
{
  g_return_val_if_fail (ARX_IS_PAGED_STATEMENTS (self), 0);
  return self->total;
}

/**
 * arx_paged_statements_count_in_article:
 *
 * Returns: how many of the list's statements (as filtered now) are of @article_id, for a
 * heading; 0 when it has none.
 */
guint
arx_paged_statements_count_in_article (ArxPagedStatements *self,
                                       gint64              article_id)
{
  const ArxArticleRun *runs;
  guint low = 0, high;

  g_return_val_if_fail (ARX_IS_PAGED_STATEMENTS (self), 0);

  /* The list is in article order: its runs are sorted by article id. */
  runs = (const ArxArticleRun *)self->runs->data;
  high = self->runs->len;
  while (low < high)
    {
      guint mid = low + (high - low) / 2;

      if (runs[mid].article_id < article_id)
        low = mid + 1;
      else
        high = mid;
    }
  if (low == self->runs->len || runs[low].article_id != article_id)
    return 0;
  return (low + 1 < self->runs->len ? runs[low + 1].start : self->ids->len) - runs[low].start;
}
