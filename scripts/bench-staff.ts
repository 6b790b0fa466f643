/**
 * `npm run bench:staff`: the staff pages' loader work on a database with national data, p50/p95
 * of BENCH_RUNS runs (default 30, after one warm-up) each:
 * - the coordinator's inbox (loadInbox): all requests oldest first (the default view), open ones
 *   (status=requested), newest first for one audience; goal p95 < 50 ms;
 * - the busiest facilitator's sessions (loadMySessions: upcoming and the first past page); goal
 *   p95 < 50 ms;
 * - the evaluation page (buildEvaluation: this calendar year, pupils and staff); goal p95 < 200 ms.
 *
 * BENCH_DATABASE_URL: measure a database that already holds the data (e.g. PostgreSQL after
 * `npm run gen:scale -- --schools 1100 --years 10 --answers 30000000`); it is only read. Without
 * it, a scratch SQLite file gets BENCH_STAFF_ANSWERS (default 200,000) answers over ten years at
 * 1,100 schools first. BENCH_JSON=<file> appends the figures as JSON lines (bench-json.ts).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { parseInboxQuery } from "../app/domain/request-actions";
import { currentUserFromRow } from "../app/lib/guards.server";
import { buildEvaluation } from "../app/services/evaluation.server";
import { loadMySessions } from "../app/services/facilitator.server";
import { loadInbox } from "../app/services/requests.server";
import { createDb } from "../db/connection";
import { generateScaleData } from "../db/generate/scale";
import { withLanguageList } from "../db/json";
import { migrateToLatest } from "../db/migrate";
import { reportMetric } from "./bench-json";

const runs = Number(process.env.BENCH_RUNS ?? 30);
const given = process.env.BENCH_DATABASE_URL;
const dir = given ? null : mkdtempSync(join(tmpdir(), "frirum-bench-staff-"));
const db = createDb(given ?? join(dir ?? "", "bench.db"));
const now = new Date();

function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
}
async function time(fn: () => Promise<unknown>) {
  const samples: number[] = [];
  await fn(); // warm-up
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  return { p50: quantile(samples, 0.5), p95: quantile(samples, 0.95) };
}

try {
  await migrateToLatest(db);
  if (!given) {
    const answers = Number(process.env.BENCH_STAFF_ANSWERS ?? 200_000);
    console.log(
      `Generating ${answers.toLocaleString("en-US")} answers (1,100 schools, 10 years)...`,
    );
    await generateScaleData(db, { answers, schools: 1100, years: 10, seed: 1, end: now });
  }
  const count = async (table: "requests" | "sessions" | "feedback_responses") =>
    Number(
      (
        await db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as("n"))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const sizes = {
    requests: await count("requests"),
    sessions: await count("sessions"),
    answers: await count("feedback_responses"),
  };
  // The pages only check the role: a coordinator who need not exist in the measured database.
  const coordinator = currentUserFromRow({
    id: 0,
    email: "bench@frirum.test",
    name: "Bench",
    role: "coordinator",
    school_id: null,
    languages: ["da"],
  });
  const busiest = await db
    .selectFrom("session_facilitators as sf")
    .innerJoin("users as u", "u.id", "sf.user_id")
    .selectAll("u")
    .select((eb) => eb.fn.countAll<number>().as("sessions"))
    .groupBy(["u.id"])
    .orderBy("sessions", "desc")
    .limit(1)
    .executeTakeFirstOrThrow();
  const facilitator = currentUserFromRow(withLanguageList(busiest));

  const results: Array<{ metric: string; p50: number; p95: number; goal: number }> = [];
  const measure = async (metric: string, goal: number, fn: () => Promise<unknown>) => {
    const { p50, p95 } = await time(fn);
    results.push({ metric, p50, p95, goal });
    reportMetric({
      bench: "staff",
      metric: `${metric} p95`,
      value: Number(p95.toFixed(1)),
      unit: "ms",
      goal: `< ${goal} ms`,
      ok: p95 < goal,
    });
  };
  const inbox = (search: string) => () =>
    loadInbox(db, coordinator, parseInboxQuery(new URLSearchParams(search)));
  await measure("inbox: all, oldest first", 50, inbox(""));
  await measure("inbox: status requested", 50, inbox("status=requested"));
  await measure("inbox: pupils, newest first", 50, inbox("audience=pupils&sort=newest"));
  await measure(`facilitator sessions (${busiest.sessions} sessions)`, 50, () =>
    loadMySessions(db, facilitator, { now }),
  );
  const year = now.getUTCFullYear();
  for (const audience of ["pupils", "staff"]) {
    await measure(`evaluation: ${year}, ${audience}`, 200, () =>
      buildEvaluation(db, coordinator, new URLSearchParams(`period=${year}&audience=${audience}`), {
        now,
      }),
    );
  }
  console.log(
    `bench:staff on ${given ? "BENCH_DATABASE_URL" : "a scratch SQLite file"}: ` +
      `${sizes.requests.toLocaleString("en-US")} requests, ${sizes.sessions.toLocaleString("en-US")} sessions, ` +
      `${sizes.answers.toLocaleString("en-US")} answers; ${runs} runs each; load average ${loadavg()[0].toFixed(2)}`,
  );
  for (const r of results) {
    console.log(
      `  ${r.metric}: p50 ${r.p50.toFixed(1)} ms, p95 ${r.p95.toFixed(1)} ms (goal < ${r.goal} ms: ${
        r.p95 < r.goal ? "met" : "NOT met"
      })`,
    );
  }
} finally {
  await db.destroy();
  if (dir) rmSync(dir, { recursive: true, force: true });
}
