/**
 * `npm run bench:evaluation`: p50/p95 of the evaluation page's loader work (buildEvaluation) and
 * of the exports (CSV and XLSX from the model), for a year with 100,000 up to 1,000,000 answers.
 * The data is made with the scale generator into a scratch SQLite file, growing between sizes.
 * BENCH_SIZES="100000,1000000" and BENCH_RUNS=30 change what is measured; BENCH_DATABASE_URL
 * (e.g. an empty PostgreSQL database) measures there instead of the scratch file. BENCH_JSON=<file>
 * appends the figures as JSON lines (bench-json.ts). For the evaluation on a database that already
 * holds national data, see bench:staff.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { evaluationCsv, evaluationXlsx } from "../app/documents/evaluation-export.server";
import { currentUserFromRow } from "../app/lib/guards.server";
import { orNotFound } from "../app/lib/results.server";
import { buildEvaluation } from "../app/services/evaluation.server";
import { createDb } from "../db/connection";
import { generateScaleData } from "../db/generate/scale";
import { withLanguageList } from "../db/json";
import { migrateToLatest } from "../db/migrate";
import { seedDemoData } from "../db/seed";
import { reportMetric } from "./bench-json";

const sizes = (process.env.BENCH_SIZES ?? "100000,250000,500000,750000,1000000")
  .split(",")
  .map(Number);
const runs = Number(process.env.BENCH_RUNS ?? 30);
const dir = mkdtempSync(join(tmpdir(), "frirum-bench-evaluation-"));
const db = createDb(process.env.BENCH_DATABASE_URL ?? join(dir, "bench.db"));
const now = new Date();
const year = now.getUTCFullYear();

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
const ms = (x: number) => `${x.toFixed(1)} ms`;

try {
  await migrateToLatest(db);
  await seedDemoData(db);
  const row = await db
    .selectFrom("users")
    .selectAll()
    .where("role", "=", "coordinator")
    .executeTakeFirstOrThrow();
  const actor = currentUserFromRow(withLanguageList(row));
  // The current calendar year so far: the page's default view.
  const params = new URLSearchParams(`period=${year}&audience=pupils`);
  const yearStart = Date.UTC(year, 0, 1);
  const yearsBack = Math.max(0.05, (now.getTime() - yearStart) / (365 * 86_400_000));
  let have = 0;
  for (const size of sizes) {
    await generateScaleData(db, {
      answers: size - have,
      schools: 70,
      years: yearsBack,
      seed: size,
      end: now,
    });
    have = size;
    const loader = await time(() => buildEvaluation(db, actor, params, { now }));
    const page = orNotFound(await buildEvaluation(db, actor, params, { now }));
    const csv = await time(async () =>
      evaluationCsv(orNotFound(await buildEvaluation(db, actor, params, { now })).model),
    );
    const xlsx = await time(async () =>
      evaluationXlsx(orNotFound(await buildEvaluation(db, actor, params, { now })).model),
    );
    const label = `${size.toLocaleString("en-US")} answers`;
    reportMetric({
      bench: "evaluation",
      metric: `loader p95, ${label}`,
      value: Number(loader.p95.toFixed(1)),
      unit: "ms",
      goal: "< 200 ms",
      ok: loader.p95 < 200,
    });
    reportMetric({
      bench: "evaluation",
      metric: `CSV export p95, ${label}`,
      value: Number(csv.p95.toFixed(1)),
      unit: "ms",
    });
    reportMetric({
      bench: "evaluation",
      metric: `XLSX export p95, ${label}`,
      value: Number(xlsx.p95.toFixed(1)),
      unit: "ms",
    });
    const shown = page.model.items[0].cells.total;
    console.log(
      `${size.toLocaleString("en-US")} answers: loader p50 ${ms(loader.p50)}, p95 ${ms(loader.p95)}; ` +
        `CSV p50 ${ms(csv.p50)}, p95 ${ms(csv.p95)}; XLSX p50 ${ms(xlsx.p50)}, p95 ${ms(xlsx.p95)} ` +
        `(first item n = ${shown?.status === "shown" ? shown.answers : "-"})`,
    );
  }
} finally {
  await db.destroy();
  rmSync(dir, { recursive: true, force: true });
}
