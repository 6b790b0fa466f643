import type { DB } from "../../db/connection";
import { deleteExpiredAuthSessions, deleteExpiredSignInTokens } from "../../db/queries/auth";
import { clearCommentsBefore } from "../../db/queries/retention";
import { writeTransaction } from "../../db/write-transaction";
import { commentCutoffDate } from "../domain/retention";
import { todayInCopenhagen } from "../domain/time";

export interface RetentionResult {
  cutoffDate: string;
  commentsDeleted: number;
  signInTokensDeleted: number;
  sessionsDeleted: number;
}

/**
 * One retention pass: comments of sessions dated before today minus `commentMonths` (Copenhagen
 * calendar) are deleted, and expired sign-in links and sessions. Idempotent; one transaction.
 */
export function runRetention(
  db: DB,
  options: { now: Date; commentMonths: number },
): Promise<RetentionResult> {
  const cutoffDate = commentCutoffDate(todayInCopenhagen(options.now), options.commentMonths);
  const nowIso = options.now.toISOString();
  return writeTransaction(db, async (trx) => ({
    cutoffDate,
    commentsDeleted: await clearCommentsBefore(trx, cutoffDate),
    signInTokensDeleted: await deleteExpiredSignInTokens(trx, nowIso),
    sessionsDeleted: await deleteExpiredAuthSessions(trx, nowIso),
  }));
}

/** Runs the retention pass at start-up and then every `intervalMs` (default 6 hours), in process. */
export function startRetentionWorker(
  db: DB,
  commentMonths: number,
  intervalMs = 6 * 60 * 60 * 1000,
) {
  const tick = async () => {
    try {
      await runRetention(db, { now: new Date(), commentMonths });
    } catch (error) {
      console.error("[retention] pass failed", error);
    }
  };
  const first = setTimeout(tick, 5_000);
  const timer = setInterval(tick, intervalMs);
  first.unref();
  timer.unref();
  return () => {
    clearTimeout(first);
    clearInterval(timer);
  };
}
