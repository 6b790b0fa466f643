/**
 * What a page load costs Chromium's main thread, from its trace (devtools.timeline), in figures
 * that hold on a busy machine: CPU time rather than wall time, and counts.
 *   npm run build && npm run page-trace
 *     starts the production server with its own seeded database and loads a pupil feedback form
 *     /f/<code> (no JavaScript) TRACE_RUNS times (default 5), each in a fresh Chromium;
 *   npm run page-trace -- <url> [more URLs]
 *     loads running pages instead.
 * Prints the median per load: main-thread CPU, style recalculation and layout CPU (and how many
 * layouts), the font work done while laying out (font lookups, font strikes: a size and weight
 * of a face, fallback searches for characters the page's fonts lack; on Linux each of these can
 * be a synchronous call to the browser process, so a loaded machine makes them slow), and the
 * wall time of main-thread tasks over 12.5 ms (what Lighthouse's 4x CPU slowdown counts as long).
 */
import { loadavg } from "node:os";
import { startAppServer } from "../tests/support/app-server";
import { launchBrowser } from "../tests/support/chromium";
import { insertFeedbackSession } from "../tests/support/feedback";

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  dur?: number;
  tdur?: number;
}

const FIGURES = {
  "main thread CPU ms": (e: TraceEvent) => (e.name === "RunTask" ? cpu(e) : 0),
  "style recalc CPU ms": (e: TraceEvent) => (e.name === "UpdateLayoutTree" ? cpu(e) : 0),
  "layout CPU ms": (e: TraceEvent) => (e.name === "Layout" ? cpu(e) : 0),
  layouts: (e: TraceEvent) => (e.name === "Layout" ? 1 : 0),
  "font lookups": (e: TraceEvent) => (e.name === "FontCache::GetFontPlatformData" ? 1 : 0),
  "font strikes": (e: TraceEvent) =>
    e.name === "WebSandboxSupportLinux::GetWebFontRenderStyleForStrike" ? 1 : 0,
  "fallback font searches": (e: TraceEvent) =>
    e.name === "FontCache::FallbackFontForCharacter" ? 1 : 0,
  "tasks > 12.5 ms, wall ms": (e: TraceEvent) =>
    e.name === "RunTask" && (e.dur ?? 0) > 12_500 ? (e.dur ?? 0) / 1000 : 0,
};

const cpu = (e: TraceEvent) => (e.tdur ?? 0) / 1000;

async function traceLoad(url: string): Promise<Record<string, number>> {
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage({ viewport: { width: 412, height: 823 } });
    const session = await page.context().newCDPSession(page);
    const events: TraceEvent[] = [];
    session.on("Tracing.dataCollected", (e) =>
      events.push(...(e.value as unknown as TraceEvent[])),
    );
    const complete = new Promise((resolve) => session.once("Tracing.tracingComplete", resolve));
    await session.send("Tracing.start", {
      categories: "devtools.timeline,disabled-by-default-devtools.timeline,blink,fonts,toplevel",
      transferMode: "ReportEvents",
    });
    await page.goto(url, { waitUntil: "load" });
    await page.waitForTimeout(300);
    await session.send("Tracing.end");
    await complete;
    // The page's renderer main thread: the one that laid it out most (not about:blank's).
    const layoutTime = new Map<string, number>();
    for (const e of events) {
      if (e.name !== "Layout") continue;
      const key = `${e.pid}:${e.tid}`;
      layoutTime.set(key, (layoutTime.get(key) ?? 0) + (e.dur ?? 0));
    }
    const main = [...layoutTime].sort((a, b) => b[1] - a[1])[0]?.[0];
    const figures: Record<string, number> = {};
    for (const [name, measure] of Object.entries(FIGURES)) {
      figures[name] = events
        .filter((e) => e.ph === "X" && `${e.pid}:${e.tid}` === main)
        .reduce((sum, e) => sum + measure(e), 0);
    }
    return figures;
  } finally {
    await browser.close();
  }
}

async function report(url: string, runs: number) {
  const loads: Array<Record<string, number>> = [];
  for (let run = 0; run < runs; run++) loads.push(await traceLoad(url));
  console.log(`${url} (${runs} loads, medians; load average ${loadavg()[0].toFixed(1)})`);
  for (const name of Object.keys(FIGURES)) {
    const values = loads.map((l) => l[name]).sort((a, b) => a - b);
    const median = values[Math.floor((values.length - 1) / 2)];
    console.log(`  ${name.padEnd(26)} ${median.toFixed(1).padStart(7)}`);
  }
}

const runs = Math.max(1, Number(process.env.TRACE_RUNS ?? 5));
const urls = process.argv.slice(2);
if (urls.length > 0) {
  for (const url of urls) await report(url, runs);
} else {
  const server = await startAppServer({ env: { SESSION_SECRET: "page-trace-0123456789abcdef" } });
  try {
    await insertFeedbackSession(server.db, { code: "TRCE22", startsInMinutes: -60 });
    await report(`${server.url}/f/TRCE22`, runs);
  } finally {
    await server.stop();
  }
}
