import { loadEnv } from "../app/lib/env.server";
import { createDb, databasePathFromUrl } from "../db/connection";
import { migrateToLatest } from "../db/migrate";
import { seedDemoData } from "../db/seed";
import { seedDemoFeedback, seedFeedbackForms } from "../db/seed-feedback";
import { seedDemoSessions } from "../db/seed-sessions";

const env = loadEnv();
const db = createDb(databasePathFromUrl(env.DATABASE_URL));
await migrateToLatest(db);
const { created } = await seedDemoData(db);
console.log(created ? `Demo data: ${created} rows created.` : "Demo data already present.");
const demoSessions = await seedDemoSessions(db, new Date(), { host: new URL(env.appUrl).hostname });
console.log(
  `Demo requests and sessions: ${demoSessions.requests} requests, ${demoSessions.sessions} sessions created.`,
);
// Feedback forms, then demo answers for past delivered sessions (keep after the sessions seed).
await seedFeedbackForms(db);
const feedback = await seedDemoFeedback(db);
console.log(`Demo feedback: ${feedback.responses} answers for ${feedback.sessions} sessions.`);
await db.destroy();
