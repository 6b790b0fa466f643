/** Deleting feedback comments after the retention period (see app/domain/retention.ts). */
import type { DB } from "../connection";

/** Removes the free-text comment of responses of sessions dated before `cutoffDate`. */
export async function clearCommentsBefore(db: DB, cutoffDate: string): Promise<number> {
  const result = await db
    .updateTable("feedback_responses")
    .set({ comment: null })
    .where("session_date", "<", cutoffDate)
    .where("comment", "is not", null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
