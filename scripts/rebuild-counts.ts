/**
 * `npm run db:rebuild-counts [-- --check]`: recomputes the evaluation's per-session counts from
 * the anonymous responses, reports any difference from the stored counts and (unless --check)
 * replaces them. Exits 1 when the stored counts did not match, so drift is never silent.
 */
import { loadEnv } from "../app/lib/env.server";
import { createDb } from "../db/connection";
import { printRebuildProgress, rebuildFeedbackCounts } from "../db/feedback-counts";
import { migrateToLatest } from "../db/migrate";

const check = process.argv.includes("--check");
const env = loadEnv();
const db = createDb(env.DATABASE_URL);
await migrateToLatest(db);
const started = performance.now();
const result = await rebuildFeedbackCounts(db, {
  write: !check,
  onProgress: printRebuildProgress(),
});
await db.destroy();
const ms = Math.round(performance.now() - started);
console.log(
  `${result.responses} responses in ${result.sessions} sessions checked in ${ms} ms: ${
    result.differences === 0 ? "counts match" : `${result.differences} differences`
  }${check || result.differences === 0 ? "." : "; counts rebuilt."}`,
);
for (const line of result.mismatches) console.log(`  ${line}`);
if (result.differences > result.mismatches.length) {
  console.log(`  ... and ${result.differences - result.mismatches.length} more`);
}
process.exit(result.differences === 0 ? 0 : 1);
