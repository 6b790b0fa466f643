/**
 * `npm run gen:scale -- --answers N [--schools N --years N --facilitators N --seed S]`: adds
 * seeded, deterministic national-scale data (schools, leaders, facilitators, ten years of
 * requests and sessions, attendance, anonymous answers with their counts and rollups) to the
 * database at DATABASE_URL, with bulk writes. See db/generate/scale.ts. Example (the national
 * data set): `npm run gen:scale -- --schools 1100 --years 10 --answers 30000000`.
 */
import { parseArgs } from "node:util";
import { loadEnv } from "../app/lib/env.server";
import { createDb } from "../db/connection";
import { printRebuildProgress } from "../db/feedback-counts";
import { generateScaleData } from "../db/generate/scale";
import { migrateToLatest } from "../db/migrate";

const { values } = parseArgs({
  options: {
    answers: { type: "string", default: "100000" },
    schools: { type: "string", default: "70" },
    years: { type: "string", default: "1" },
    facilitators: { type: "string" },
    seed: { type: "string", default: "1" },
    quiet: { type: "boolean", default: false },
  },
});
const env = loadEnv();
const db = createDb(env.DATABASE_URL);
await migrateToLatest(db);
// SIGTERM/SIGINT (e.g. `timeout 60m npm run gen:scale ...`): stop after the month being written;
// the months written are complete (rows, counts, rollups), newest first.
let stopRequested = false;
for (const signal of ["SIGTERM", "SIGINT"] as const) {
  process.on(signal, () => {
    if (!stopRequested) console.log(`${signal}: stopping after the month being written...`);
    stopRequested = true;
  });
}
const started = performance.now();
const seconds = () => Math.round((performance.now() - started) / 1000);
const result = await generateScaleData(db, {
  answers: Number(values.answers),
  schools: Number(values.schools),
  years: Number(values.years),
  facilitators: values.facilitators === undefined ? undefined : Number(values.facilitators),
  seed: Number(values.seed),
  end: new Date(),
  stop: () => stopRequested,
  onRebuildProgress: values.quiet ? undefined : printRebuildProgress(),
  onRowsWritten: () =>
    console.log(`Rows written in ${seconds()} s; rebuilding counts and rollups from them...`),
  onProgress: values.quiet
    ? undefined
    : ({ month, answers, sessions }) =>
        console.log(`  ${month}: ${answers} answers, ${sessions} sessions, ${seconds()} s`),
});
await db.destroy();
if (stopRequested) console.log(`Stopped early: ${values.answers} answers were asked for.`);
console.log(
  `${result.answers} answers in ${result.sessions} sessions (${result.requests} requests) in ${seconds()} s.`,
);
