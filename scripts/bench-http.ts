/**
 * Server cost per request, next to an empty Remix app:
 *   npm run build && npm run bench:http
 * Builds the reference app (scripts/bench-reference: Remix 2.17, one route rendering `<p>`, one
 * empty action + redirect, the same Express + compression setup) into node_modules/.cache, starts
 * it and Frirum's production build (build/start.js, its own seeded SQLite database), and for each
 * request kind sends BENCH_REQUESTS (default 1,000) requests from BENCH_CLIENTS (default 10)
 * keep-alive clients after a warm-up (BENCH_WARM_UP requests per side, default 200), to Frirum and
 * to the reference in BENCH_ROUNDS (default 5)
 * alternating rounds. The server's CPU time (user + system, /proc/<pid>/stat) before
 * and after gives CPU ms per request, which holds on a busy machine; throughput as a share of the
 * reference is the reference's CPU ms per request over Frirum's. Wall-clock requests/s are shown too.
 * Goals (issue 12): feedback form GET >= 70% of the reference route, feedback POST >= 50% of the
 * reference action, staff pages (catalogue, coordinator inbox, signed in) >= 50%.
 * BENCH_ONLY=<keys> (comma-separated: feedback GET, feedback POST, healthz, 404, catalogue,
 * coordinator inbox, inbox without rows) measures only those. BENCH_CPU_PROF=<dir> writes a CPU
 * profile of the Frirum server (node --cpu-prof) there, and one of the reference in
 * <dir>/reference. BENCH_THREADS=1 splits each side's CPU into its main thread and its other
 * threads (what the profile does not show).
 * BENCH_AGAINST=<dir> compares with another build of Frirum instead of the empty app: a checkout
 * (e.g. `git worktree add`) with its own node_modules and `npm run build` done, started on this
 * run's database; each kind sends the same requests to both (goals are not judged then).
 * Exits non-zero when a response has the wrong status or a goal is missed.
 */
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { Agent, request as httpRequest } from "node:http";
import { join, resolve } from "node:path";
import { performance } from "node:perf_hooks";
import { FEEDBACK_BANK, scaleValues } from "../app/domain/feedback-bank";
import {
  type AppServer,
  freePort,
  signInCookie,
  startAppServer,
} from "../tests/support/app-server";
import { insertFeedbackSession } from "../tests/support/feedback";
import { reportMetric } from "./bench-json";

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 1000);
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 10);
const WARM_UP = Number(process.env.BENCH_WARM_UP ?? Math.min(200, REQUESTS));
const ROUNDS = Math.max(1, Number(process.env.BENCH_ROUNDS ?? 5));
// gzip, not what a browser sends ("gzip, deflate, br"): with brotli, `compression` costs the
// reference (Remix's default server entry, which writes a page in several parts over several
// turns of the event loop) 2-4 ms more CPU per page, two to three times its own work, while
// Frirum's pages cost the same with either. The floor would then be mostly that penalty and flatter
// every share; gzip gives the issue's own floor (1.1-2.0 ms for the empty page). Set
// BENCH_ACCEPT_ENCODING="gzip, deflate, br" to see it.
// BENCH_THREADS=1: also prints each side's CPU per request on its main thread and on its other
// threads, user and system apart.
const THREADS = process.env.BENCH_THREADS === "1";
const ACCEPT_ENCODING = process.env.BENCH_ACCEPT_ENCODING ?? "gzip";
const CODE = "BNCH33";
const AGAINST = process.env.BENCH_AGAINST ? resolve(process.env.BENCH_AGAINST) : undefined;
const REFERENCE_DIR = resolve("scripts/bench-reference");
const TICKS_PER_SECOND = Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim());

/** CPU time (user + system) a process has used so far, in ms. */
function cpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  // Fields after the command name (which may hold spaces) in parentheses; utime and stime are
  // fields 14 and 15 of the whole line.
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
}

/**
 * CPU time of a process so far, in ms, user and system apart, for its main thread (the event
 * loop: JavaScript, and the kernel work of its sockets) and for all its other threads together
 * (V8's workers, where the garbage collector marks and the JIT compiles, and libuv's pool, where
 * zlib compresses: work a CPU profile of the main thread never shows). Node 20 names them all
 * "node", so they are not told apart.
 */
function threadCpuMs(pid: number): Map<string, { user: number; system: number }> {
  const threads = new Map<string, { user: number; system: number }>();
  let tids: string[] = [];
  try {
    tids = readdirSync(`/proc/${pid}/task`);
  } catch {
    return threads;
  }
  for (const tid of tids) {
    let stat: string;
    try {
      stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, "utf8");
    } catch {
      continue; // the thread ended
    }
    const name = tid === String(pid) ? "main thread" : "other threads";
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    const entry = threads.get(name) ?? { user: 0, system: 0 };
    entry.user += (Number(fields[11]) * 1000) / TICKS_PER_SECOND;
    entry.system += (Number(fields[12]) * 1000) / TICKS_PER_SECOND;
    threads.set(name, entry);
  }
  return threads;
}

interface Request {
  method: "GET" | "POST";
  path: string;
  headers?: Record<string, string>;
  body?: () => string;
  status: number;
}

/** One request over a keep-alive agent; the body is read and dropped. Resolves to the status. */
function send(agent: Agent, base: string, req: Request): Promise<number> {
  return new Promise((resolvePromise, reject) => {
    const body = req.body?.();
    const r = httpRequest(
      `${base}${req.path}`,
      {
        agent,
        method: req.method,
        headers: {
          "Accept-Encoding": ACCEPT_ENCODING,
          ...(body === undefined
            ? {}
            : {
                "Content-Type": "application/x-www-form-urlencoded",
                "Content-Length": String(Buffer.byteLength(body)),
              }),
          ...req.headers,
        },
      },
      (res) => {
        res.resume();
        res.on("end", () => resolvePromise(res.statusCode ?? 0));
        res.on("error", reject);
      },
    );
    r.on("error", reject);
    r.end(body);
  });
}

async function run(base: string, req: Request, count: number) {
  const agent = new Agent({ keepAlive: true, maxSockets: CLIENTS });
  const wrong = new Map<number, number>();
  let next = 0;
  const client = async () => {
    while (next < count) {
      next++;
      const status = await send(agent, base, req);
      if (status !== req.status) wrong.set(status, (wrong.get(status) ?? 0) + 1);
    }
  };
  await Promise.all(Array.from({ length: CLIENTS }, client));
  agent.destroy();
  return wrong;
}

interface Measured {
  cpuPerRequest: number;
  /** BENCH_THREADS: CPU ms per request by thread, user and system apart. */
  threads: Map<string, { user: number; system: number }>;
  perSecond: number;
  wrong: Map<number, number>;
}

interface Side {
  pid: number;
  base: string;
  request: Request;
}

/**
 * Frirum and the reference, measured in alternating rounds (BENCH_ROUNDS, default 5; the order
 * flips each round) rather than one after the other: on a shared machine the CPU a request costs
 * drifts with the load, and measuring the two sides minutes apart put that drift into the share
 * (an empty page's CPU moved from 1.1 to 3.8 ms between runs).
 */
async function measurePair(sides: [Side, Side]): Promise<[Measured, Measured]> {
  for (const side of sides) await run(side.base, side.request, WARM_UP);
  const totals = sides.map(() => ({
    cpu: 0,
    elapsed: 0,
    count: 0,
    wrong: new Map<number, number>(),
    threads: new Map<string, { user: number; system: number }>(),
  }));
  for (let round = 0; round < ROUNDS; round++) {
    const count = Math.ceil(REQUESTS / ROUNDS);
    const order = round % 2 === 0 ? [0, 1] : [1, 0];
    for (const index of order) {
      const side = sides[index];
      const total = totals[index];
      const cpuBefore = cpuMs(side.pid);
      const threadsBefore = THREADS ? threadCpuMs(side.pid) : undefined;
      const started = performance.now();
      const wrong = await run(side.base, side.request, count);
      total.elapsed += performance.now() - started;
      // Let the last responses' work (compression flush, socket close) land in the CPU count.
      await new Promise((r) => setTimeout(r, 50));
      total.cpu += cpuMs(side.pid) - cpuBefore;
      if (threadsBefore) {
        for (const [name, after] of threadCpuMs(side.pid)) {
          const before = threadsBefore.get(name) ?? { user: 0, system: 0 };
          const sum = total.threads.get(name) ?? { user: 0, system: 0 };
          sum.user += after.user - before.user;
          sum.system += after.system - before.system;
          total.threads.set(name, sum);
        }
      }
      total.count += count;
      for (const [status, n] of wrong) total.wrong.set(status, (total.wrong.get(status) ?? 0) + n);
    }
  }
  const [reference, own] = totals.map((total) => ({
    cpuPerRequest: total.cpu / total.count,
    perSecond: total.count / (total.elapsed / 1000),
    wrong: total.wrong,
    threads: new Map(
      [...total.threads].map(([name, t]) => [
        name,
        { user: t.user / total.count, system: t.system / total.count },
      ]),
    ),
  }));
  return [reference, own];
}

async function waitForHttp(url: string, child: ChildProcess, output: () => string) {
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`Reference server exited:\n${output()}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`Reference server did not start:\n${output()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Builds the reference app into a temporary directory and starts it. */
async function startReference() {
  // Inside the project (node_modules/.cache), so the built server resolves the same packages.
  mkdirSync(resolve("node_modules/.cache"), { recursive: true });
  const buildDir = mkdtempSync(resolve("node_modules/.cache/bench-reference-"));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    BENCH_REFERENCE_BUILD: buildDir,
    NODE_ENV: "production",
  };
  execFileSync(
    process.execPath,
    [resolve("node_modules/@remix-run/dev/dist/cli.js"), "vite:build", "--logLevel", "warn"],
    { cwd: REFERENCE_DIR, env, stdio: ["ignore", "ignore", "inherit"] },
  );
  const port = await freePort();
  let log = "";
  // With BENCH_CPU_PROF, the reference is profiled too (in <dir>/reference), to compare the two.
  const profileDir = process.env.BENCH_CPU_PROF;
  const profile = profileDir
    ? ["--cpu-prof", `--cpu-prof-dir=${resolve(profileDir, "reference")}`]
    : [];
  const child = spawn(process.execPath, [...profile, join(REFERENCE_DIR, "server.mjs")], {
    env: { ...env, PORT: String(port) },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout?.on("data", (d) => {
    log += d;
  });
  child.stderr?.on("data", (d) => {
    log += d;
  });
  const url = `http://localhost:${port}`;
  await waitForHttp(url, child, () => log);
  return {
    url,
    pid: child.pid ?? 0,
    stop: async () => {
      const exited = new Promise((r) => child.once("exit", r));
      child.kill("SIGTERM");
      await exited;
      rmSync(buildDir, { recursive: true, force: true });
    },
  };
}

/** A pupil's answers to every question of the stored form (as the form page posts them). */
function feedbackAnswer(): string {
  const body = new URLSearchParams({ formVersion: "1", locale: "da" });
  const entry = FEEDBACK_BANK.pupils;
  const values = scaleValues(entry.scale);
  for (const item of entry.items) {
    body.set(`answer.${item.key}`, values[Math.floor(Math.random() * values.length)]);
  }
  return body.toString();
}

if (!existsSync("build/start.js") || !existsSync("build/server/index.js")) {
  console.error("No production build: run `npm run build` first.");
  process.exit(2);
}

/** Another build of Frirum (BENCH_AGAINST), started on `frirum`'s database. */
async function startOtherBuild(dir: string, frirum: AppServer) {
  if (!existsSync(join(dir, "build/start.js"))) {
    throw new Error(`BENCH_AGAINST=${dir}: no production build there (run npm run build in it)`);
  }
  const other = await startAppServer({
    cwd: dir,
    database: { url: frirum.databaseUrl },
    seed: false,
    env: { FEEDBACK_CLIENT_LIMIT: String(REQUESTS * 10) },
  });
  return { url: other.url, pid: other.process.pid ?? 0, stop: other.stop };
}

let reference: { url: string; pid: number; stop: () => Promise<void> } | null = null;
let frirum: AppServer | null = null;
let failed = false;
try {
  if (!AGAINST) reference = await startReference();
  const profileDir = process.env.BENCH_CPU_PROF;
  frirum = await startAppServer({
    env: {
      // Every benchmark client shares one address: lift the per-client flood limit.
      FEEDBACK_CLIENT_LIMIT: String(REQUESTS * 10),
    },
    nodeArgs: profileDir ? ["--cpu-prof", `--cpu-prof-dir=${resolve(profileDir)}`] : [],
  });
  const { sessionId } = await insertFeedbackSession(frirum.db, {
    code: CODE,
    startsInMinutes: -60,
  });
  // Attendance large enough that the answer cap lets every benchmark answer in.
  await frirum.db
    .updateTable("sessions")
    .set({ attendance_pupils: REQUESTS * 10 })
    .where("id", "=", sessionId)
    .execute();
  if (AGAINST) reference = await startOtherBuild(AGAINST, frirum);
  if (!reference) throw new Error("no server to compare with");
  const base = reference;
  const cookie = await signInCookie(frirum, "koordinator@frirum.test");
  const origin = { Origin: frirum.url };
  const staff = { Cookie: cookie };

  const referenceGet: Request = { method: "GET", path: "/", status: 200 };
  const referencePost: Request = {
    method: "POST",
    path: "/action",
    body: () => "x=1",
    headers: { Origin: base.url },
    status: 303,
  };
  const kinds: Array<{
    label: string;
    key: string;
    request: Request;
    reference: Request;
    goal?: number;
  }> = [
    {
      label: "feedback form GET /f/<code>",
      key: "feedback GET",
      request: { method: "GET", path: `/f/${CODE}`, status: 200 },
      reference: referenceGet,
      goal: 0.7,
    },
    {
      label: "feedback answer POST /f/<code>",
      key: "feedback POST",
      request: {
        method: "POST",
        path: `/f/${CODE}?lang=da`,
        body: feedbackAnswer,
        headers: origin,
        status: 303,
      },
      reference: referencePost,
      goal: 0.5,
    },
    {
      label: "GET /healthz",
      key: "healthz",
      request: { method: "GET", path: "/healthz", status: 200 },
      reference: referenceGet,
    },
    {
      label: "GET unknown path (404 page)",
      key: "404",
      request: { method: "GET", path: "/no-such-page", status: 404 },
      reference: referenceGet,
    },
    {
      label: "GET /catalogue (signed in)",
      key: "catalogue",
      request: { method: "GET", path: "/catalogue", headers: staff, status: 200 },
      reference: referenceGet,
      goal: 0.5,
    },
    {
      label: "GET /coordinator/requests (signed in)",
      key: "coordinator inbox",
      request: { method: "GET", path: "/coordinator/requests", headers: staff, status: 200 },
      reference: referenceGet,
      goal: 0.5,
    },
    {
      // The same page without its 50 rows (a school id that does not exist): what the frame,
      // the filters and the counts cost apart from the table.
      label: "  the inbox without rows (informational)",
      key: "inbox without rows",
      request: {
        method: "GET",
        path: "/coordinator/requests?school=999999",
        headers: staff,
        status: 200,
      },
      reference: referenceGet,
    },
  ];

  // BENCH_ONLY=<comma-separated keys> (e.g. "feedback POST") measures only those kinds.
  const only = process.env.BENCH_ONLY?.split(",").map((key) => key.trim());
  const selected = only ? kinds.filter((kind) => only.includes(kind.key)) : kinds;
  const refPid = base.pid;
  const frirumPid = frirum.process.pid ?? 0;
  const rows: string[][] = [];
  const threadRows: Array<[string, Measured["threads"], Measured["threads"]]> = [];
  for (const kind of selected) {
    // Against another build: the same request, its Origin (a form post's) that server's own.
    const againstRequest: Request = {
      ...kind.request,
      headers: kind.request.headers?.Origin
        ? { ...kind.request.headers, Origin: base.url }
        : kind.request.headers,
    };
    const referenceRequest = AGAINST ? againstRequest : kind.reference;
    const [ref, own] = await measurePair([
      { pid: refPid, base: base.url, request: referenceRequest },
      { pid: frirumPid, base: frirum.url, request: kind.request },
    ]);
    if (ref.wrong.size > 0) {
      failed = true;
      console.error(`reference ${referenceRequest.path}: unexpected statuses`, ref.wrong);
    }
    if (own.wrong.size > 0) {
      failed = true;
      console.error(`${kind.label}: unexpected statuses`, Object.fromEntries(own.wrong));
    }
    if (THREADS) threadRows.push([kind.label, ref.threads, own.threads]);
    const share = ref.cpuPerRequest / own.cpuPerRequest;
    const judged = AGAINST ? undefined : kind.goal;
    const ok = judged === undefined ? undefined : share >= judged;
    if (ok === false) failed = true;
    const goal = judged === undefined ? undefined : `>= ${judged * 100}% of the reference`;
    rows.push([
      kind.label,
      `${ref.cpuPerRequest.toFixed(2)}`,
      `${own.cpuPerRequest.toFixed(2)}`,
      `${(share * 100).toFixed(0)}%`,
      `${ref.perSecond.toFixed(0)} / ${own.perSecond.toFixed(0)}`,
      goal === undefined ? "-" : `${goal.slice(0, 6)} ${ok ? "met" : "NOT met"}`,
    ]);
    // The collected figures (npm run bench) are this build's against the empty app only.
    if (AGAINST) continue;
    reportMetric({
      bench: "http",
      metric: `${kind.key} cpu ms/req`,
      value: Number(own.cpuPerRequest.toFixed(3)),
      unit: "ms",
    });
    reportMetric({
      bench: "http",
      metric: `${kind.key} throughput vs empty Remix`,
      value: Math.round(share * 100),
      unit: "%",
      ...(goal === undefined ? {} : { goal, ok }),
    });
  }
  const header = [
    "request",
    AGAINST ? "other build ms CPU/req" : "empty Remix ms CPU/req",
    AGAINST ? "this build ms CPU/req" : "Frirum ms CPU/req",
    "share",
    AGAINST ? "req/s other / this" : "req/s ref / Frirum",
    "goal",
  ];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i])).join("  ");
  console.log(
    `HTTP benchmark: ${REQUESTS} requests from ${CLIENTS} clients per kind and side, in ${ROUNDS} alternating rounds (after ${WARM_UP} warm-up), production builds${AGAINST ? `; against the build in ${AGAINST}` : ""}`,
  );
  console.log(line(header));
  for (const row of rows) console.log(line(row));
  for (const [label, ref, own] of threadRows) {
    console.log(`\n${label}: CPU ms per request (user + system), empty app / Frirum`);
    const names = [...new Set([...ref.keys(), ...own.keys()])].sort();
    for (const name of names) {
      const cell = (t?: { user: number; system: number }) =>
        t ? `${t.user.toFixed(3)} + ${t.system.toFixed(3)}` : "-";
      const r = ref.get(name);
      const o = own.get(name);
      if ((r?.user ?? 0) + (r?.system ?? 0) + (o?.user ?? 0) + (o?.system ?? 0) === 0) continue;
      console.log(`  ${name.padEnd(18)} ${cell(r).padEnd(16)} ${cell(o)}`);
    }
  }
} finally {
  // The other build shares Frirum's database: stopped first.
  await reference?.stop();
  await frirum?.stop();
}
process.exit(failed ? 1 : 0);
