/**
 * Page weight and Lighthouse scores as a browser sees them.
 *   npm run build && npm run page-weight
 *     starts the production server (build/start.js) with its own seeded database, signs in as the
 *     coordinator, and measures /login, /catalogue, /coordinator/requests and a feedback form
 *     /f/<code>: every response of one page load in Chromium (bytes on the wire: compressed
 *     bodies plus headers, JavaScript apart) and Lighthouse 12.2.3 (mobile, simulated throttling)
 *     performance and accessibility, against the goals of issue 12.
 *   npm run page-weight -- http://localhost:3000/login [more URLs]
 *     measures the weight of running pages only (no Lighthouse).
 * With BENCH_JSON=<file>, appends the figures as JSON lines (scripts/bench-json.ts).
 */
import lighthouse from "lighthouse";
import { freePort, signInCookie, startAppServer } from "../tests/support/app-server";
import { launchBrowser } from "../tests/support/chromium";
import { insertFeedbackSession } from "../tests/support/feedback";
import { reportMetric } from "./bench-json";

export async function measurePage(
  url: string,
  options: { javaScriptEnabled?: boolean; cookie?: string } = {},
) {
  const browser = await launchBrowser();
  try {
    const context = await browser.newContext({
      javaScriptEnabled: options.javaScriptEnabled ?? true,
      extraHTTPHeaders: options.cookie ? { Cookie: options.cookie } : {},
    });
    const page = await context.newPage();
    const responses: Array<Promise<{ url: string; type: string; bytes: number }>> = [];
    page.on("requestfinished", (request) => {
      responses.push(
        request.sizes().then((sizes) => ({
          url: request.url(),
          type: request.resourceType(),
          bytes: sizes.responseBodySize + sizes.responseHeadersSize,
        })),
      );
    });
    await page.goto(url, { waitUntil: "networkidle" });
    const all = await Promise.all(responses);
    const total = all.reduce((sum, r) => sum + r.bytes, 0);
    const js = all.filter((r) => r.type === "script").reduce((sum, r) => sum + r.bytes, 0);
    return { url, requests: all.length, totalBytes: total, javaScriptBytes: js };
  } finally {
    await browser.close();
  }
}

/** Lighthouse (default mobile config) on Debian's Chromium, reached over a debugging port. */
async function lighthouseScores(url: string, cookie?: string) {
  const port = await freePort();
  const browser = await launchBrowser([`--remote-debugging-port=${port}`]);
  try {
    const result = await lighthouse(url, {
      port,
      output: "json",
      logLevel: "error",
      onlyCategories: ["performance", "accessibility"],
      ...(cookie ? { extraHeaders: { Cookie: cookie } } : {}),
    });
    const categories = result?.lhr.categories;
    const audits = result?.lhr.audits;
    return {
      performance: Math.round((categories?.performance?.score ?? 0) * 100),
      accessibility: Math.round((categories?.accessibility?.score ?? 0) * 100),
      lcpMs: Math.round(audits?.["largest-contentful-paint"]?.numericValue ?? Number.NaN),
      tbtMs: Math.round(audits?.["total-blocking-time"]?.numericValue ?? Number.NaN),
      failedAccessibility: Object.values(audits ?? {})
        .filter(
          (audit) =>
            audit.score === 0 &&
            categories?.accessibility?.auditRefs.some((ref) => ref.id === audit.id),
        )
        .map((audit) => audit.id),
    };
  } finally {
    await browser.close();
  }
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

async function measureRunningPages(urls: string[]) {
  for (const url of urls) {
    const m = await measurePage(url);
    console.log(
      `${m.url}: ${m.requests} requests, ${kb(m.totalBytes)} total, ${kb(m.javaScriptBytes)} JavaScript (transferred)`,
    );
  }
}

/** The goals of issue 12, on the production build with its own database. */
async function measureProductionPages(): Promise<boolean> {
  const server = await startAppServer({ env: { SESSION_SECRET: "page-weight-0123456789abcdef" } });
  let ok = true;
  try {
    const code = "PGWT22";
    await insertFeedbackSession(server.db, { code, startsInMinutes: -60 });
    const cookie = await signInCookie(server, "koordinator@frirum.test");
    const pages = [
      { path: "/login", staff: true, performance: 90, cookie: undefined },
      { path: "/catalogue", staff: true, performance: 90, cookie },
      { path: "/coordinator/requests", staff: true, performance: 90, cookie },
      { path: `/f/${code}`, staff: false, performance: 95, cookie: undefined },
    ];
    console.log(
      "Page weight (Chromium, bytes on the wire) and Lighthouse 12.2.3 (mobile), production build",
    );
    for (const page of pages) {
      const url = `${server.url}${page.path}`;
      const weight = await measurePage(url, { cookie: page.cookie });
      const scores = await lighthouseScores(url, page.cookie);
      const jsOk = !page.staff || weight.javaScriptBytes <= 90 * 1024;
      const perfOk = scores.performance >= page.performance;
      const a11yOk = scores.accessibility === 100;
      ok &&= jsOk && perfOk && a11yOk;
      const label = page.path.startsWith("/f/") ? "/f/<code>" : page.path;
      console.log(
        `  ${label.padEnd(22)} ${kb(weight.totalBytes).padStart(9)} total, ${kb(weight.javaScriptBytes).padStart(9)} JavaScript${page.staff ? ` (goal <= 90 KB: ${jsOk ? "met" : "NOT met"})` : ""}; Lighthouse performance ${scores.performance} (goal >= ${page.performance}: ${perfOk ? "met" : "NOT met"}), accessibility ${scores.accessibility}${a11yOk ? "" : ` NOT 100: ${scores.failedAccessibility.join(", ")}`}; LCP ${scores.lcpMs} ms, TBT ${scores.tbtMs} ms`,
      );
      const bench = "page-weight";
      reportMetric({
        bench,
        metric: `${label} JavaScript`,
        value: Number((weight.javaScriptBytes / 1024).toFixed(1)),
        unit: "KB",
        ...(page.staff ? { goal: "<= 90 KB", ok: jsOk } : {}),
      });
      reportMetric({
        bench,
        metric: `${label} Lighthouse performance`,
        value: scores.performance,
        unit: "score",
        goal: `>= ${page.performance}`,
        ok: perfOk,
      });
      reportMetric({
        bench,
        metric: `${label} Lighthouse accessibility`,
        value: scores.accessibility,
        unit: "score",
        goal: "100",
        ok: a11yOk,
      });
    }
  } finally {
    await server.stop();
  }
  return ok;
}

const urls = process.argv.slice(2);
if (urls.length > 0) {
  await measureRunningPages(urls);
} else {
  const ok = await measureProductionPages();
  process.exit(ok ? 0 : 1);
}
