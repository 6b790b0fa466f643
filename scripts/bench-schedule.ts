/**
 * Benchmark: the conflict check plus facilitator suggestions for one new session, with 40
 * facilitators and 1,000 sessions in one month (plus some unavailability), on a temporary SQLite
 * file. Prints p50/p95 in ms. Goal: p95 < 20 ms.  Run: npm run bench:schedule
 * BENCH_JSON=<file> appends the figures as JSON lines (see bench-json.ts); BENCH_DATABASE_URL
 * builds the month in that (empty) database instead of a temporary SQLite file.
 * (BENCH_DETAIL=1 also times each query and the ranking on its own.) Wall-clock times: run it on
 * an otherwise idle machine; the load average is printed with the result.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { busyWindow, findConflicts } from "../app/domain/scheduling";
import { copenhagenToUtc } from "../app/domain/timezone";
import { suggestFacilitators } from "../app/services/schedule-page.server";
import { createDb } from "../db/connection";
import { migrateToLatest } from "../db/migrate";
import { listBusyIntervals } from "../db/queries/sessions";
import { seedDemoData } from "../db/seed";
import { reportMetric } from "./bench-json";

const FACILITATORS = 40;
const SESSIONS = 1000;
const ITERATIONS = 1000;
const WARMUP = 50;
const LANGUAGES = ["ar", "so", "ur", "tr", "fa"];

/** Deterministic pseudo-random numbers (mulberry32), so runs are comparable. */
function rng(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = rng(42);
const pick = (n: number) => Math.floor(random() * n);

function utc(date: string, time: string): string {
  const r = copenhagenToUtc(date, time);
  if (!r.ok) throw new Error(r.error);
  return r.utc;
}

/** Weekdays of March 2027. */
const days: string[] = [];
for (let d = 1; d <= 31; d++) {
  const date = `2027-03-${String(d).padStart(2, "0")}`;
  const weekday = new Date(`${date}T12:00:00Z`).getUTCDay();
  if (weekday !== 0 && weekday !== 6) days.push(date);
}
function randomSlot(): { startUtc: string; endUtc: string } {
  const date = days[pick(days.length)];
  const startMinutes = 8 * 60 + pick(16) * 30; // 08:00 - 15:30
  const duration = [60, 90, 120][pick(3)];
  const hhmm = (m: number) =>
    `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;
  return {
    startUtc: utc(date, hhmm(startMinutes)),
    endUtc: utc(date, hhmm(startMinutes + duration)),
  };
}

const dir = mkdtempSync(join(tmpdir(), "frirum-bench-"));
// BENCH_DATABASE_URL: an empty database to build the month in instead (e.g. PostgreSQL).
const db = createDb(process.env.BENCH_DATABASE_URL ?? join(dir, "bench.db"));
try {
  await migrateToLatest(db);
  await seedDemoData(db);
  const school = await db.selectFrom("schools").select("id").executeTakeFirstOrThrow();
  const leader = await db
    .selectFrom("users")
    .select("id")
    .where("school_id", "=", school.id)
    .executeTakeFirstOrThrow();
  const course = await db.selectFrom("courses").select("id").executeTakeFirstOrThrow();

  const facilitatorIds: number[] = [];
  // A plain transaction: the benchmark's setup runs alone, nothing else writes meanwhile.
  await db.transaction().execute(async (trx) => {
    // 40 active facilitators in all (the 4 demo ones plus generated ones).
    const existing = await trx
      .selectFrom("users")
      .select("id")
      .where("role", "=", "facilitator")
      .execute();
    facilitatorIds.push(...existing.map((u) => u.id));
    for (let i = facilitatorIds.length; i < FACILITATORS; i++) {
      const row = await trx
        .insertInto("users")
        .values({
          email: `bench-facilitator-${i}@frirum.test`,
          name: `Bench Facilitator ${i}`,
          role: "facilitator",
          school_id: null,
          languages: JSON.stringify(["da", LANGUAGES[i % LANGUAGES.length]]),
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      facilitatorIds.push(row.id);
    }
    const request = await trx
      .insertInto("requests")
      .values({
        school_id: school.id,
        requester_id: leader.id,
        course_id: course.id,
        group_count: 1,
        participants_per_group: 25,
        status: "scheduled",
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    for (let i = 0; i < SESSIONS; i++) {
      const slot = randomSlot();
      const session = await trx
        .insertInto("sessions")
        .values({
          request_id: request.id,
          course_id: course.id,
          school_id: school.id,
          starts_at: slot.startUtc,
          ends_at: slot.endUtc,
          uid: `session-bench-${i}@bench`,
          feedback_code: `B${String(i).padStart(6, "0")}`,
          status: i % 25 === 0 ? "cancelled" : "scheduled",
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      const first = facilitatorIds[pick(FACILITATORS)];
      const second = facilitatorIds[pick(FACILITATORS)];
      const ids = [...new Set([first, second])];
      await trx
        .insertInto("session_facilitators")
        .values(ids.map((user_id) => ({ session_id: session.id, user_id })))
        .execute();
    }
    for (let i = 0; i < 60; i++) {
      const slot = randomSlot();
      await trx
        .insertInto("unavailability")
        .values({
          user_id: facilitatorIds[pick(FACILITATORS)],
          starts_at: slot.startUtc,
          ends_at: slot.endUtc,
          reason: "Bench",
        })
        .execute();
    }
  });

  const timings: number[] = [];
  let suggestionsSeen = 0;
  let conflictsSeen = 0;
  for (let i = 0; i < WARMUP + ITERATIONS; i++) {
    const candidate = randomSlot();
    const chosen = [facilitatorIds[pick(FACILITATORS)], facilitatorIds[pick(FACILITATORS)]];
    const t0 = performance.now();
    // The conflict check as the write transaction runs it, plus the ranked suggestions.
    const busy = await listBusyIntervals(db, busyWindow(candidate), chosen);
    const conflicts = findConflicts(candidate, busy);
    const suggestions = await suggestFacilitators(db, candidate, ["ar"]);
    const elapsed = performance.now() - t0;
    if (i >= WARMUP) {
      timings.push(elapsed);
      suggestionsSeen += suggestions.length;
      conflictsSeen += conflicts.sessions.length + conflicts.unavailability.length;
    }
  }
  if (process.env.BENCH_DETAIL) {
    const { countSessionsPerFacilitator, listActiveFacilitators } = await import(
      "../db/queries/sessions"
    );
    const { copenhagenMonthRange } = await import("../app/domain/timezone");
    const parts: Record<string, number[]> = {
      busyAll: [],
      counts: [],
      facilitators: [],
      month: [],
      rank: [],
      suggest: [],
    };
    const { rankSuggestions } = await import("../app/domain/scheduling");
    for (let i = 0; i < 300; i++) {
      const candidate = randomSlot();
      let t = performance.now();
      await listBusyIntervals(db, busyWindow(candidate));
      parts.busyAll.push(performance.now() - t);
      t = performance.now();
      const range = copenhagenMonthRange(candidate.startUtc);
      parts.month.push(performance.now() - t);
      t = performance.now();
      await countSessionsPerFacilitator(db, range);
      parts.counts.push(performance.now() - t);
      t = performance.now();
      const fs = await listActiveFacilitators(db);
      parts.facilitators.push(performance.now() - t);
      const busy = await listBusyIntervals(db, busyWindow(candidate));
      t = performance.now();
      rankSuggestions(
        fs.map((f) => ({ ...f, sessionsThisMonth: 0 })),
        busy,
        candidate,
        ["ar"],
      );
      parts.rank.push(performance.now() - t);
      t = performance.now();
      await suggestFacilitators(db, candidate, ["ar"]);
      parts.suggest.push(performance.now() - t);
    }
    for (const [name, list] of Object.entries(parts)) {
      list.sort((a, b) => a - b);
      console.log(name, list[150].toFixed(2), list[285].toFixed(2));
    }
  }
  timings.sort((a, b) => a - b);
  const at = (q: number) => timings[Math.min(timings.length - 1, Math.floor(q * timings.length))];
  const sessionCount = await db
    .selectFrom("sessions")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  console.log(
    `bench:schedule: ${FACILITATORS} facilitators, ${sessionCount.n} sessions in March 2027, ${ITERATIONS} iterations`,
  );
  console.log(
    `conflict check + suggestions: p50 ${at(0.5).toFixed(2)} ms, p95 ${at(0.95).toFixed(2)} ms, max ${timings[timings.length - 1].toFixed(2)} ms`,
  );
  console.log(`load average (1 min) during the run: ${loadavg()[0].toFixed(2)}`);
  for (const [metric, value] of [
    ["conflict check + suggestions p50", at(0.5)],
    ["conflict check + suggestions p95", at(0.95)],
  ] as const) {
    const p95 = metric.endsWith("p95");
    reportMetric({
      bench: "schedule",
      metric,
      value: Number(value.toFixed(2)),
      unit: "ms",
      ...(p95 ? { goal: "< 20 ms", ok: value < 20 } : {}),
    });
  }
  console.log(
    `(avg ${(suggestionsSeen / ITERATIONS).toFixed(0)} suggestions and ${(conflictsSeen / ITERATIONS).toFixed(2)} conflicts per check; goal p95 < 20 ms: ${at(0.95) < 20 ? "met" : "NOT met"})`,
  );
} finally {
  await db.destroy();
  rmSync(dir, { recursive: true, force: true });
}
