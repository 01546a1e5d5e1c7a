/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "arx-paged-statements"

#include "config.h"

#include "arx-statement-item.h"

#include "arx-paged-statements.h"

/* A GListModel of ArxStatementItem over statements of the library, read from SQLite a page at
 * a time as a view asks for them: its size is one count, and a speaker with 85,000 statements
 * costs the few pages on screen (arx_library_page_statements() reads a page by offset into one
 * ordered index range). A few pages stay cached; the rest are read again when scrolled back
 * to. The list holds what was there when it was made or filtered: a view that wants newer
 * rows makes a new one. */

#define PAGE_SIZE 128
#define MAX_PAGES 16

struct _ArxPagedStatements
{
  GObject             parent_instance;

  ArxLibrary         *library;
  ArxStatementFilter  filter;       /* its query is @query */
  char               *query;
  guint               n_items;      /* matching the filter */
  guint               total;        /* of the speaker (or of the filter without kind and text) */
  GHashTable         *pages;        /* page number -> GPtrArray of ArxStatementItem */
  GQueue              order;        /* page numbers, most recently read first */
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (ArxPagedStatements, arx_paged_statements, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static GPtrArray *
read_page (ArxPagedStatements *self,
           guint               page)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = arx_library_page_statements (self->library, &self->filter,
                                                           page * PAGE_SIZE, PAGE_SIZE, &error);
  GPtrArray *items = g_ptr_array_new_with_free_func (g_object_unref);

  /* A library changed since the count (or unreadable) gives fewer rows: the view shows what
   * there is and the rest stays empty until the list is made again. */
  if (rows == NULL)
    g_warning ("reading statements: %s", error->message);
  for (guint i = 0; rows != NULL && i < rows->len; i++)
    {
      const ArxStatementRow *row = g_ptr_array_index (rows, i);

      g_ptr_array_add (items, arx_statement_item_new_from_row (row, 0));
    }
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
  return ARX_PAGED_STATEMENTS (model)->n_items;
}

static gpointer
get_item (GListModel *model,
          guint       position)
{
  ArxPagedStatements *self = ARX_PAGED_STATEMENTS (model);
  GPtrArray *items;

  if (position >= self->n_items)
    return NULL;
  items = get_page (self, position / PAGE_SIZE);
  if (position % PAGE_SIZE >= items->len)
    return NULL;
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
arx_paged_statements_finalize (GObject *object)
{
  ArxPagedStatements *self = (ArxPagedStatements *)object;

  g_clear_object (&self->library);
  g_clear_pointer (&self->query, g_free);
  g_clear_pointer (&self->pages, g_hash_table_unref);
  g_queue_clear (&self->order);

  G_OBJECT_CLASS (arx_paged_statements_parent_class)->finalize (object);
}

static void
arx_paged_statements_class_init (ArxPagedStatementsClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = arx_paged_statements_finalize;
}

static void
arx_paged_statements_init (ArxPagedStatements *self)
{
  self->pages = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify)g_ptr_array_unref);
  g_queue_init (&self->order);
}

/* Public API */

/**
 * arx_paged_statements_new:
 * @filter: which statements (copied)
 *
 * Returns: (transfer full): the list, or %NULL with @error set when the library could not
 * count them (ARX_ERROR_INVALID_QUERY for a bad full-text query).
 */
ArxPagedStatements *
arx_paged_statements_new (ArxLibrary                *library,
                          const ArxStatementFilter  *filter,
                          GError                   **error)
{
  g_autoptr(ArxPagedStatements) self = g_object_new (ARX_TYPE_PAGED_STATEMENTS, NULL);
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (ARX_IS_LIBRARY (library), NULL);
  g_return_val_if_fail (filter != NULL, NULL);

  self->library = g_object_ref (library);
  self->filter = *filter;
  self->query = g_strdup (filter->query);
  self->filter.query = self->query;
  self->n_items = arx_library_count_statements (library, &self->filter, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  self->total = self->n_items;
  return g_steal_pointer (&self);
}

/**
 * arx_paged_statements_set_filter:
 * @kind: an ArxStatementKind, or -1 for all
 * @text: (nullable): words the statements or their speaker must have
 *
 * Narrows the list to one kind and the statements with @text (plain words, not the full-text
 * syntax), and says so with one items-changed.
 */
gboolean
arx_paged_statements_set_filter (ArxPagedStatements  *self,
                                 int                  kind,
                                 const char          *text,
                                 GError             **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *query = text != NULL && text[0] != '\0' ? arx_library_plain_query (text) : NULL;
  guint old = self->n_items;

  g_return_val_if_fail (ARX_IS_PAGED_STATEMENTS (self), FALSE);

  g_free (self->query);
  self->query = g_steal_pointer (&query);
  self->filter.query = self->query;
  self->filter.kind = kind;
  g_hash_table_remove_all (self->pages);
  g_queue_clear (&self->order);
  self->n_items = arx_library_count_statements (self->library, &self->filter, &local_error);
  g_list_model_items_changed (G_LIST_MODEL (self), 0, old, self->n_items);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return TRUE;
}

/* How many statements the list had before any filter. */
guint
arx_paged_statements_get_total (ArxPagedStatements *self)
{
  g_return_val_if_fail (ARX_IS_PAGED_STATEMENTS (self), 0);
  return self->total;
}
