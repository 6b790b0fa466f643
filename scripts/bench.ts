/**
 * `npm run bench [-- name ...]`: runs every benchmark (or the named ones: schedule, evaluation, report,
 * staff, feedback, http) one after the other and prints one table of their figures. Each script
 * appends its figures to the file named by BENCH_JSON (scripts/bench-json.ts); this collects them.
 *
 * The database: BENCH_DATABASE_URL (else a PostgreSQL DATABASE_URL; else scratch SQLite files).
 * bench:staff only reads it (it is meant to hold national data from gen:scale). The benchmarks
 * that build their own data (schedule, evaluation, feedback, http) never write to it: on
 * PostgreSQL they get a scratch database on the same server, dropped afterwards; on SQLite their
 * own temporary files.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { cpus, loadavg, tmpdir, totalmem } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { isPostgresUrl } from "../db/connection";
import type { BenchMetric } from "./bench-json";

const ALL = ["schedule", "evaluation", "staff", "report", "feedback", "http"] as const;
type Bench = (typeof ALL)[number];
const scripts = JSON.parse(readFileSync("package.json", "utf8")).scripts as Record<string, string>;
const wanted = process.argv.slice(2).filter((a) => !a.startsWith("-"));
const unknown = wanted.filter((w) => !(ALL as readonly string[]).includes(w));
if (unknown.length > 0) {
  console.error(`Unknown benchmark(s): ${unknown.join(", ")}. Known: ${ALL.join(", ")}.`);
  process.exit(2);
}
const selected = (wanted.length > 0 ? wanted : ALL).filter(
  (name) => scripts[`bench:${name}`] !== undefined,
) as Bench[];

const chosen =
  process.env.BENCH_DATABASE_URL ??
  (process.env.DATABASE_URL && isPostgresUrl(process.env.DATABASE_URL)
    ? process.env.DATABASE_URL
    : undefined);
const dir = mkdtempSync(join(tmpdir(), "frirum-bench-all-"));
const jsonFile = join(dir, "bench.jsonl");
writeFileSync(jsonFile, "");

/**
 * On PostgreSQL: an empty database next to the chosen one, for the benchmarks that write (made
 * anew for each of them, dropped at the end).
 */
function scratchPostgres(url: string) {
  const name = `frirum_bench_${process.pid}`;
  const admin = async (statement: string) => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  };
  const scratch = new URL(url);
  scratch.pathname = `/${name}`;
  return {
    url: scratch.toString(),
    reset: async () => {
      await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin(`CREATE DATABASE ${name}`);
    },
    drop: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}

const failed: string[] = [];
const scratch = chosen && isPostgresUrl(chosen) ? scratchPostgres(chosen) : null;
try {
  for (const name of selected) {
    const env: NodeJS.ProcessEnv = { ...process.env, BENCH_JSON: jsonFile };
    delete env.BENCH_DATABASE_URL;
    if (name === "staff" && chosen) env.BENCH_DATABASE_URL = chosen;
    if (name !== "staff" && scratch) {
      await scratch.reset();
      env.BENCH_DATABASE_URL = scratch.url;
    }
    console.log(`\n=== npm run bench:${name} ===`);
    const started = performance.now();
    const run = spawnSync("npm", ["run", "--silent", `bench:${name}`], { env, stdio: "inherit" });
    const seconds = Math.round((performance.now() - started) / 1000);
    if (run.status !== 0) failed.push(`bench:${name} (exit ${run.status})`);
    console.log(`=== bench:${name}: ${run.status === 0 ? "done" : "FAILED"} in ${seconds} s ===`);
  }
} finally {
  await scratch?.drop();
}

const metrics = readFileSync(jsonFile, "utf8")
  .split("\n")
  .filter((line) => line.trim() !== "")
  .map((line) => JSON.parse(line) as BenchMetric);
rmSync(dir, { recursive: true, force: true });

const rows = [
  ["bench", "metric", "value", "goal", "ok"],
  ...metrics.map((m) => [
    m.bench,
    m.metric,
    `${m.value} ${m.unit}`,
    m.goal ?? "",
    m.ok === undefined ? "" : m.ok ? "yes" : "NO",
  ]),
];
const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
const line = (r: string[]) => `| ${r.map((cell, i) => cell.padEnd(widths[i])).join(" | ")} |`;
console.log(
  `\nBenchmarks on ${chosen ? (isPostgresUrl(chosen) ? "PostgreSQL" : chosen) : "scratch SQLite files"}; ` +
    `${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB, load average ${loadavg()[0].toFixed(2)}`,
);
console.log(line(rows[0]));
console.log(line(widths.map((w) => "-".repeat(w))));
for (const r of rows.slice(1)) console.log(line(r));
const missing = ALL.filter((name) => scripts[`bench:${name}`] === undefined);
if (missing.length > 0)
  console.log(`(not in this checkout: ${missing.map((m) => `bench:${m}`).join(", ")})`);
if (failed.length > 0) {
  console.log(`Failed: ${failed.join(", ")}`);
  process.exit(1);
}
