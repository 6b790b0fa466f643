/**
 * The benchmarks' machine-readable output: when `BENCH_JSON=<file>` is set, each figure is appended
 * to that file as one JSON line, e.g.
 * `{"bench":"http","metric":"feedback GET cpu ms/req","value":1.2,"unit":"ms","goal":">= 70%","ok":true}`
 * (`npm run bench` collects them into one table). Without it, nothing is written.
 */
import { appendFileSync } from "node:fs";

export interface BenchMetric {
  bench: string;
  metric: string;
  value: number;
  unit: string;
  /** The goal in words (e.g. ">= 70% of the reference"), when the figure has one. */
  goal?: string;
  /** Whether the goal is met (absent when there is no goal). */
  ok?: boolean;
}

export function reportMetric(metric: BenchMetric): void {
  const file = process.env.BENCH_JSON;
  if (!file) return;
  appendFileSync(file, `${JSON.stringify(metric)}\n`);
}
