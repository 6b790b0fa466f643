/** Deleting feedback comments after the retention period (see app/domain/retention.ts). */
import { sql } from "kysely";
import type { DB } from "../connection";
import { withSessionRollups } from "./feedback-rollup";

/**
 * Removes the free-text comment of responses of sessions dated before `cutoffDate`. The
 * evaluation's comment counts (per session, and in the monthly rollups) go down with them, in the
 * same transaction: call inside a write transaction.
 */
export async function clearCommentsBefore(db: DB, cutoffDate: string): Promise<number> {
  const groups = await db
    .selectFrom("feedback_responses")
    .select([
      "session_id",
      "audience",
      "form_version",
      // The counts count non-empty comments only (app/domain/feedback-counts.ts).
      sql<number>`sum(CASE WHEN comment <> '' THEN 1 ELSE 0 END)`.as("counted"),
    ])
    .where("session_date", "<", cutoffDate)
    .where("comment", "is not", null)
    .groupBy(["session_id", "audience", "form_version"])
    .execute();
  const sessionIds = [...new Set(groups.map((g) => g.session_id))];
  let cleared = 0;
  for (let i = 0; i < sessionIds.length; i += 200) {
    const ids = sessionIds.slice(i, i + 200);
    const inChunk = new Set(ids);
    await withSessionRollups(db, ids, async () => {
      const result = await db
        .updateTable("feedback_responses")
        .set({ comment: null })
        .where("session_date", "<", cutoffDate)
        .where("comment", "is not", null)
        .where("session_id", "in", ids)
        .executeTakeFirst();
      cleared += Number(result.numUpdatedRows);
      for (const group of groups) {
        const counted = Number(group.counted);
        if (!inChunk.has(group.session_id) || counted === 0) continue;
        await db
          .updateTable("feedback_session_counts")
          .set((eb) => ({ comments: eb("comments", "-", counted) }))
          .where("session_id", "=", group.session_id)
          .where("audience", "=", group.audience)
          .where("form_version", "=", group.form_version)
          .execute();
      }
    });
  }
  return cleared;
}
