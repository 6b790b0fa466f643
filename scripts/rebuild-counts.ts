/**
 * `npm run db:rebuild-counts [-- --check]`: recomputes the evaluation's per-session counts from
 * the anonymous responses, reports any difference from the stored counts and (unless --check)
 * replaces them. Exits 1 when the stored counts did not match, so drift is never silent.
 */
import { loadEnv } from "../app/lib/env.server";
import { createDb } from "../db/connection";
import { rebuildFeedbackCounts } from "../db/feedback-counts";
import { migrateToLatest } from "../db/migrate";

const check = process.argv.includes("--check");
const env = loadEnv();
const db = createDb(env.DATABASE_URL);
await migrateToLatest(db);
const started = performance.now();
const result = await rebuildFeedbackCounts(db, { write: !check });
await db.destroy();
const ms = Math.round(performance.now() - started);
console.log(
  `${result.responses} responses in ${result.sessions} sessions checked in ${ms} ms: ${
    result.mismatches.length === 0 ? "counts match" : `${result.mismatches.length} differences`
  }${check || result.mismatches.length === 0 ? "." : "; counts rebuilt."}`,
);
for (const line of result.mismatches.slice(0, 50)) console.log(`  ${line}`);
if (result.mismatches.length > 50) console.log(`  ... and ${result.mismatches.length - 50} more`);
process.exit(result.mismatches.length === 0 ? 0 : 1);
