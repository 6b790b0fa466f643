/**
 * Bulk writes for generated data: the statements come from db/dialect.ts (bulkInsertQueries, the
 * one place that knows how each database loads many rows fast); this runs them in order on the
 * caller's connection or transaction.
 */
import type { DB } from "../connection";
import { type BulkColumn, bulkInsertQueries } from "../dialect";

export async function insertRows(
  db: DB,
  table: string,
  columns: readonly BulkColumn[],
  rows: readonly (readonly unknown[])[],
  options: { addOnConflict?: { key: readonly string[]; columns: readonly string[] } } = {},
): Promise<void> {
  for (const query of bulkInsertQueries(db, table, columns, rows, options)) {
    await db.executeQuery(query);
  }
}
