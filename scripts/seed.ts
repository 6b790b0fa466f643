import { loadEnv } from "../app/lib/env.server";
import { createDb } from "../db/connection";
import { migrateToLatest } from "../db/migrate";
import { seedDemoData } from "../db/seed";
import { seedEvaluationDemo } from "../db/seed-evaluation";
import { seedDemoFeedback, seedFeedbackForms } from "../db/seed-feedback";
import { seedDemoReports } from "../db/seed-reports";
import { seedDemoSessions } from "../db/seed-sessions";
import { seedDemoTracks } from "../db/seed-tracks";

const env = loadEnv();
const db = createDb(env.DATABASE_URL);
await migrateToLatest(db);
const now = new Date();
// Invite UIDs take this installation's domain (INVITE_UID_DOMAIN or MAIL_FROM's), not APP_URL's host.
const host = env.inviteUidDomain;
const { created } = await seedDemoData(db, now);
console.log(created ? `Demo data: ${created} rows created.` : "Demo data already present.");
const demoSessions = await seedDemoSessions(db, now, { host });
console.log(
  `Demo requests and sessions: ${demoSessions.requests} requests, ${demoSessions.sessions} sessions created.`,
);
// Feedback forms; pilot tracks (with their own answers); then demo answers for the other past
// delivered sessions (keep the answers seed last: it skips sessions that have answers).
await seedFeedbackForms(db);
const tracks = await seedDemoTracks(db, now, { host });
console.log(
  `Demo pilot tracks: ${tracks.tracks} tracks, ${tracks.sessions} sessions, ${tracks.responses} answers.`,
);
const feedback = await seedDemoFeedback(db, now);
console.log(`Demo feedback: ${feedback.responses} answers for ${feedback.sessions} sessions.`);
// Evaluation history since January 2024 (keep last: it books around every other seed's sessions).
const evaluation = await seedEvaluationDemo(db, now);
console.log(`Demo evaluation: ${evaluation.responses} answers in ${evaluation.sessions} sessions.`);
// Annual reports last: a final report freezes the numbers of every seed above.
const reports = await seedDemoReports(db, now);
console.log(`Demo annual reports: ${reports.reports} reports, ${reports.finals} final.`);
await db.destroy();
