/**
 * Feedback benchmark against the production build (`npm run build` first):
 *   npm run bench:feedback
 * Starts the server on a free port with its own temporary, seeded database, creates one pupil
 * session, then sends 600 anonymous submissions from 50 concurrent clients and reports how many
 * were stored, errors, p50/p99 latency, and the form page's weight (total transfer and JavaScript)
 * as Chromium loads it and as gzip-served bytes of the HTML and its linked assets.
 * Exits non-zero if a submission is lost or fails, or the run takes more than 60 seconds.
 */
import { existsSync } from "node:fs";
import { request as httpRequest } from "node:http";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { FEEDBACK_BANK, scaleValues } from "../app/domain/feedback-bank";
import { countFeedbackResponses } from "../db/queries/feedback";
import { type AppServer, startAppServer } from "../tests/support/app-server";
import { launchBrowser } from "../tests/support/chromium";
import { insertFeedbackSession } from "../tests/support/feedback";

const SUBMISSIONS = Number(process.env.BENCH_SUBMISSIONS ?? 600);
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 50);
const TIME_LIMIT_MS = 60_000;
const CODE = "BNCH22";

/** The production build on a free port with its own temporary, seeded database. */
async function startServer(): Promise<AppServer> {
  if (!existsSync(join(process.cwd(), "build/server/index.js"))) {
    throw new Error("No production build: run `npm run build` first.");
  }
  // Every client of the benchmark shares one address: lift the per-client flood limit.
  return startAppServer({
    env: {
      SESSION_SECRET: "bench-secret-0123456789abcdef",
      FEEDBACK_CLIENT_LIMIT: String(SUBMISSIONS * 2),
    },
  });
}

/** A plausible pupil's answers: most questions answered, sometimes a comment. */
function randomSubmission(): URLSearchParams {
  const body = new URLSearchParams({ formVersion: "1", locale: Math.random() < 0.1 ? "ar" : "da" });
  const entry = FEEDBACK_BANK.pupils;
  const values = scaleValues(entry.scale);
  for (const item of entry.items) {
    if (Math.random() < 0.05) continue;
    body.set(`answer.${item.key}`, values[Math.floor(Math.random() * values.length)]);
  }
  if (Math.random() < 0.1) body.set("comment", "Det var en god workshop.");
  return body;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)];
}

/** Bytes as served with gzip (what travels for the body), via a raw HTTP request. */
function gzipBytes(url: string): Promise<{ bytes: number; body: string; type: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { headers: { "Accept-Encoding": "gzip" } }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", async () => {
        const raw = Buffer.concat(chunks);
        const encoded = res.headers["content-encoding"] === "gzip";
        const { gunzipSync } = await import("node:zlib");
        resolve({
          bytes: raw.length,
          body: (encoded ? gunzipSync(raw) : raw).toString("utf8"),
          type: String(res.headers["content-type"] ?? ""),
        });
      });
      res.on("error", reject);
    });
    req.on("error", reject);
    req.end();
  });
}

async function pageWeightByFetch(url: string) {
  const html = await gzipBytes(url);
  const assets = new Set<string>();
  for (const match of html.body.matchAll(/<(?:link|script)\b[^>]*?(?:href|src)="([^"]+)"[^>]*>/g)) {
    assets.add(new URL(match[1], url).toString());
  }
  let total = html.bytes;
  let javaScript = 0;
  for (const asset of assets) {
    const res = await gzipBytes(asset);
    total += res.bytes;
    if (asset.endsWith(".js") || res.type.includes("javascript")) javaScript += res.bytes;
  }
  return { requests: 1 + assets.size, total, javaScript };
}

async function pageWeightInChromium(url: string) {
  const browser = await launchBrowser();
  try {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    const sizes: Array<Promise<{ type: string; bytes: number }>> = [];
    page.on("requestfinished", (request) => {
      sizes.push(
        request.sizes().then((s) => ({
          type: request.resourceType(),
          bytes: s.responseBodySize + s.responseHeadersSize,
        })),
      );
    });
    await page.goto(url, { waitUntil: "networkidle" });
    const all = await Promise.all(sizes);
    return {
      requests: all.length,
      total: all.reduce((sum, r) => sum + r.bytes, 0),
      javaScript: all.filter((r) => r.type === "script").reduce((sum, r) => sum + r.bytes, 0),
    };
  } finally {
    await browser.close();
  }
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

const server = await startServer();
let failed = false;
try {
  const { sessionId } = await insertFeedbackSession(server.db, {
    code: CODE,
    startsInMinutes: -60,
  });
  // Registered attendance large enough that the answer cap (1.5x) lets every submission in.
  await server.db
    .updateTable("sessions")
    .set({ attendance_pupils: Math.ceil(SUBMISSIONS / 1.5) })
    .where("id", "=", sessionId)
    .execute();
  const formUrl = `${server.url}/f/${CODE}`;

  const latencies: number[] = [];
  const errors: string[] = [];
  let next = 0;
  const started = performance.now();
  const client = async () => {
    while (next < SUBMISSIONS) {
      next++;
      const t0 = performance.now();
      try {
        const res = await fetch(`${formUrl}?lang=da`, {
          method: "POST",
          body: randomSubmission(),
          redirect: "manual",
          headers: { Origin: server.url },
        });
        await res.arrayBuffer();
        if (res.status !== 303) errors.push(`HTTP ${res.status}`);
      } catch (error) {
        errors.push(String(error));
      }
      latencies.push(performance.now() - t0);
    }
  };
  await Promise.all(Array.from({ length: CLIENTS }, client));
  const elapsed = performance.now() - started;

  const stored = await countFeedbackResponses(server.db, sessionId);

  latencies.sort((a, b) => a - b);
  const fetched = await pageWeightByFetch(formUrl);
  let chromium: Awaited<ReturnType<typeof pageWeightInChromium>> | null = null;
  try {
    chromium = await pageWeightInChromium(formUrl);
  } catch (error) {
    console.warn(`Chromium not available for the page weight (${String(error).split("\n")[0]})`);
  }

  console.log("Feedback benchmark (production build)");
  console.log(`  submissions sent:   ${SUBMISSIONS} from ${CLIENTS} concurrent clients`);
  console.log(`  stored:             ${stored}`);
  console.log(
    `  errors:             ${errors.length}${errors.length ? ` (${[...new Set(errors)].join(", ")})` : ""}`,
  );
  console.log(
    `  duration:           ${(elapsed / 1000).toFixed(2)} s (${(SUBMISSIONS / (elapsed / 1000)).toFixed(0)}/s)`,
  );
  console.log(
    `  latency p50 / p99:  ${percentile(latencies, 50).toFixed(0)} ms / ${percentile(latencies, 99).toFixed(0)} ms`,
  );
  console.log(
    `  form page (gzip as served, HTML + linked assets): ${kb(fetched.total)} in ${fetched.requests} requests, JavaScript ${kb(fetched.javaScript)}`,
  );
  if (chromium) {
    console.log(
      `  form page in Chromium (bodies + headers):         ${kb(chromium.total)} in ${chromium.requests} requests, JavaScript ${kb(chromium.javaScript)}`,
    );
  }
  const weight = chromium?.total ?? fetched.total;
  console.log(`  page weight goal <= 60 KB: ${weight <= 60 * 1024 ? "met" : "NOT met"}`);

  if (stored !== SUBMISSIONS || errors.length > 0 || elapsed > TIME_LIMIT_MS) {
    failed = true;
    console.error("FAILED: every submission must be stored, without errors, within 60 seconds.");
  }
} finally {
  await server.stop();
}
process.exit(failed ? 1 : 0);
