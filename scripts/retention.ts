/** `npm run db:retention`: one retention pass now (the server also runs it every 6 hours). */

import { loadEnv } from "../app/lib/env.server";
import { runRetention } from "../app/lib/retention.server";
import { createDb, databasePathFromUrl } from "../db/connection";
import { migrateToLatest } from "../db/migrate";

const env = loadEnv();
const db = createDb(databasePathFromUrl(env.DATABASE_URL));
await migrateToLatest(db);
const result = await runRetention(db, {
  now: new Date(),
  commentMonths: env.FEEDBACK_COMMENT_RETENTION_MONTHS,
});
console.log(
  `Retention: ${result.commentsDeleted} comments of sessions before ${result.cutoffDate} deleted; ${result.signInTokensDeleted} expired sign-in links and ${result.sessionsDeleted} expired sessions deleted.`,
);
await db.destroy();
