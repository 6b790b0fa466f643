/**
 * `npm run bench:report`: how long the annual report's PDF (and XLSX) takes and how big it gets
 * for a year with 1,100 schools (goal: PDF under 10 s and under 5 MB). Builds a scratch SQLite
 * database with the scale generator (1,100 schools, BENCH_ANSWERS answers, default 300,000, in
 * last calendar year), writes the four text sections at their maximum (20,000 characters each,
 * Danish with Arabic and emoji: the worst case for pages and fonts), then times BENCH_RUNS
 * (default 5) full downloads: live model from the database + PDF render, and the XLSX.
 * BENCH_DATABASE_URL (e.g. an empty PostgreSQL database) measures there instead.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { reportXlsx } from "../app/documents/report-export.server";
import { reportPdf } from "../app/documents/report-pdf.server";
import { REPORT_SECTIONS } from "../app/domain/report";
import { currentUserFromRow } from "../app/lib/guards.server";
import { orNotFound } from "../app/lib/results.server";
import {
  buildLiveReport,
  loadReportForDownload,
  saveReportText,
} from "../app/services/report.server";
import { createDb } from "../db/connection";
import { generateScaleData } from "../db/generate/scale";
import { withLanguageList } from "../db/json";
import { migrateToLatest } from "../db/migrate";
import { seedDemoData } from "../db/seed";

const schools = Number(process.env.BENCH_SCHOOLS ?? 1100);
const answers = Number(process.env.BENCH_ANSWERS ?? 300_000);
const runs = Number(process.env.BENCH_RUNS ?? 5);
const dir = mkdtempSync(join(tmpdir(), "frirum-bench-report-"));
const db = createDb(process.env.BENCH_DATABASE_URL ?? join(dir, "bench.db"));
const now = new Date();
const year = now.getUTCFullYear() - 1;

async function time<T>(fn: () => Promise<T>) {
  const samples: number[] = [];
  let result = await fn(); // warm-up (fonts loaded, queries prepared)
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    result = await fn();
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  return { p50: samples[Math.floor((samples.length - 1) / 2)], max: samples.at(-1) ?? 0, result };
}
const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

try {
  await migrateToLatest(db);
  await seedDemoData(db);
  const row = await db
    .selectFrom("users")
    .selectAll()
    .where("role", "=", "coordinator")
    .executeTakeFirstOrThrow();
  const actor = currentUserFromRow(withLanguageList(row));
  const started = performance.now();
  const generated = await generateScaleData(db, {
    answers,
    schools,
    years: 1,
    seed: 10,
    end: new Date(Date.UTC(year + 1, 0, 1)),
  });
  console.log(
    `Generated ${generated.answers.toLocaleString("en-US")} answers in ${generated.sessions.toLocaleString("en-US")} sessions at ${schools} schools in ${s(performance.now() - started)}.`,
  );
  const pieces = [..."Skolerne i bydelen fortæller: مرحبا بالعالم — forældre deltog 🎉. "];
  const text = Array.from({ length: 20_000 }, (_, i) => pieces[i % pieces.length]).join("");
  for (const section of REPORT_SECTIONS) {
    await saveReportText(db, actor, year, { section, text }, { now });
  }

  const model = await time(
    async () => orNotFound(await buildLiveReport(db, actor, year, now)).model,
  );
  const pdf = await time(async () => {
    const report = orNotFound(await loadReportForDownload(db, actor, year, { now }));
    return reportPdf({ model: report.model, texts: report.texts, final: report.shown });
  });
  const xlsx = await time(async () =>
    reportXlsx(orNotFound(await loadReportForDownload(db, actor, year, { now }))),
  );
  const bytes = pdf.result;
  const pages = (bytes.toString("latin1").match(/\/Type \/Page\b/g) ?? []).length;
  const file = join(tmpdir(), `frirum-bench-report-${year}.pdf`);
  writeFileSync(file, bytes);
  const m = model.result;
  console.log(
    `Report ${year}: ${m.reach.schools.total} schools reached, ${m.reach.sessions.delivered} sessions delivered, ${m.reach.districts.length} districts.`,
  );
  console.log(`Live model (queries + evaluation): p50 ${s(model.p50)}, max ${s(model.max)}`);
  console.log(
    `PDF (model + render): p50 ${s(pdf.p50)}, max ${s(pdf.max)}; ${(bytes.length / 1024 / 1024).toFixed(2)} MB, ${pages} pages (${file})`,
  );
  console.log(
    `XLSX (model + workbook): p50 ${s(xlsx.p50)}, max ${s(xlsx.max)}; ${(xlsx.result.length / 1024).toFixed(0)} kB`,
  );
  const ok = pdf.max < 10_000 && bytes.length < 5 * 1024 * 1024;
  console.log(ok ? "Within the goal (< 10 s, < 5 MB)." : "OUTSIDE the goal (< 10 s, < 5 MB)!");
  process.exitCode = ok ? 0 : 1;
} finally {
  await db.destroy();
  rmSync(dir, { recursive: true, force: true });
}
