/**
 * `npm run gen:scale -- --answers N [--schools N --years N --seed S]`: adds seeded, deterministic
 * scale data (schools, sessions with attendance, anonymous answers and their counts) to the
 * database at DATABASE_URL. See db/generate/scale.ts.
 */
import { parseArgs } from "node:util";
import { loadEnv } from "../app/lib/env.server";
import { createDb } from "../db/connection";
import { generateScaleData } from "../db/generate/scale";
import { migrateToLatest } from "../db/migrate";

const { values } = parseArgs({
  options: {
    answers: { type: "string", default: "100000" },
    schools: { type: "string", default: "70" },
    years: { type: "string", default: "1" },
    seed: { type: "string", default: "1" },
  },
});
const env = loadEnv();
const db = createDb(env.DATABASE_URL);
await migrateToLatest(db);
const started = performance.now();
const result = await generateScaleData(db, {
  answers: Number(values.answers),
  schools: Number(values.schools),
  years: Number(values.years),
  seed: Number(values.seed),
  end: new Date(),
});
await db.destroy();
console.log(
  `${result.answers} answers in ${result.sessions} sessions in ${Math.round((performance.now() - started) / 1000)} s.`,
);
