/**
 * The Frirum server: Express around the Remix request handler, in development (Vite middleware)
 * and production (the built app). It validates the configuration, migrates the database, starts
 * the outbox worker, and adds the headers and request log that every response shares.
 */

import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { performance } from "node:perf_hooks";
import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import compression from "compression";
import express from "express";
import morgan from "morgan";
import { loggableUrl } from "../app/domain/privacy-routes";
import { pooledRandomBytes } from "../app/lib/crypto.server";
import { ConfigError, loadEnv } from "../app/lib/env.server";
import {
  localMailboxDelivery,
  smtpDelivery,
  startOutboxWorker,
} from "../app/lib/outbox-worker.server";
import { createRequestQueue } from "../app/lib/request-queue.server";
import { startRetentionWorker } from "../app/lib/retention.server";
import { createPrivacyClassifier, type RouteClass } from "../app/lib/route-privacy.server";
import { trustProxy } from "../app/lib/trust-proxy.server";
import { createDb, databasePathFromUrl, isPostgresUrl } from "../db/connection";
import { dialectOf } from "../db/dialect";
import { migrateToLatest } from "../db/migrate";

/** Every file under `dir`, as URL paths (`/assets/app-1234.js`). */
function listFiles(dir: string, prefix = ""): string[] {
  return readdirSync(join(dir, prefix), { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? listFiles(dir, `${prefix}/${entry.name}`) : [`${prefix}/${entry.name}`],
  );
}

/** The demo keeps a generated session secret beside its database, so sign-ins survive restarts. */
function ensureDemoSecret() {
  if (process.env.FRIRUM_DEMO !== "1" || process.env.SESSION_SECRET) return;
  const url = process.env.DATABASE_URL ?? "file:./data/frirum.db";
  const dir = isPostgresUrl(url) ? "data" : dirname(databasePathFromUrl(url));
  mkdirSync(dir, { recursive: true });
  const secretFile = join(dir, "session-secret");
  if (!existsSync(secretFile))
    writeFileSync(secretFile, randomBytes(32).toString("hex"), { mode: 0o600 });
  process.env.SESSION_SECRET = readFileSync(secretFile, "utf8").trim();
}

ensureDemoSecret();
let env: ReturnType<typeof loadEnv>;
try {
  env = loadEnv();
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}

const workerDb = createDb(env.DATABASE_URL, { poolSize: 2 });
await migrateToLatest(workerDb);

// The Remix build: imported once in production, loaded through Vite's dev server in development.
// The privacy classifier is built once in production (the route tree never changes) and used
// synchronously per request.
type Build = ServerBuild;
let loadBuild: () => Promise<Build>;
let productionClassifier: ((pathname: string) => RouteClass) | null = null;
let viteMiddlewares: express.RequestHandler | null = null;
if (env.NODE_ENV === "production") {
  const build: Build = await import(join(process.cwd(), "build/server/index.js"));
  productionClassifier = createPrivacyClassifier(build);
  loadBuild = async () => build;
} else {
  const vite = await import("vite");
  const viteServer = await vite.createServer({ server: { middlewareMode: true } });
  viteMiddlewares = viteServer.middlewares;
  loadBuild = () => viteServer.ssrLoadModule("virtual:remix/server-build") as Promise<Build>;
}
const classifierFor = async () =>
  productionClassifier ?? createPrivacyClassifier(await loadBuild());

const app = express();
app.disable("x-powered-by");
// Nothing reads Express's parsed query (Remix reads the URL itself); parsing it with `qs` on
// every request was about 3% of an answer's CPU.
app.set("query parser", false);
// Behind a reverse proxy (README): req.ip and req.protocol come from X-Forwarded-* headers set by
// the proxies trusted here (default: a proxy on the same host).
app.set("trust proxy", trustProxy(env.TRUST_PROXY));
app.use(compression());

/** A short, plain page for requests refused before they reach the app (Danish, then English). */
function refuse(res: express.Response, status: number, danish: string, english: string) {
  res
    .status(status)
    .type("text/html; charset=utf-8")
    .send(
      `<!doctype html><html lang="da"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Frirum</title></head><body><main><h1>${danish}</h1><p lang="en">${english}</p><p><a href="/">Frirum</a></p></main></body></html>`,
    );
}

// Which route will answer: private routes (feedback, feeds) are never logged, get the feedback
// Referrer-Policy, and the root loader does not look up a user for them. Decided from the route
// the router matches, so every spelling it serves (`/F/x`, `/%66/x`) counts. The matched route ids
// go to the root loader too: it sends the page the messages of those routes.
app.use((req, res, next) => {
  res.locals.requestId = pooledRandomBytes(6).toString("hex");
  const pathname = new URL(req.originalUrl, "http://x").pathname;
  const classified = (routeClass: RouteClass) => {
    res.locals.privateRoute = routeClass.private;
    res.locals.routeIds = routeClass.routeIds;
  };
  if (productionClassifier) {
    classified(productionClassifier(pathname));
    return next();
  }
  classifierFor().then((classify) => {
    classified(classify(pathname));
    next();
  }, next);
});

app.use((_req, res, next) => {
  res.setHeader("X-Request-Id", res.locals.requestId);
  res.setHeader("X-Content-Type-Options", "nosniff");
  res.setHeader("X-Frame-Options", "DENY");
  // Feedback pages: never a Referer to another site. Not "no-referrer": with it, browsers send
  // `Origin: null` on the form's POST and Remix refuses the action as cross-site.
  res.setHeader(
    "Referrer-Policy",
    res.locals.privateRoute ? "same-origin" : "strict-origin-when-cross-origin",
  );
  res.setHeader(
    "Permissions-Policy",
    "camera=(), microphone=(), geolocation=(), interest-cohort=()",
  );
  res.setHeader("Cross-Origin-Opener-Policy", "same-origin");
  if (env.appUrl.startsWith("https://")) {
    res.setHeader("Strict-Transport-Security", "max-age=63072000; includeSubDomains");
  }
  next();
});

// The request log: method, path, query parameter NAMES (never values: sign-in tokens, codes),
// status, size, time. Private routes are not logged at all: not the path, not the client.
// Without a log (FRIRUM_QUIET=1) the logger is not installed, and private routes bypass it: it
// would otherwise time and watch every response only to skip it at the end.
if (process.env.FRIRUM_QUIET !== "1") {
  morgan.token("safe-url", (req: express.Request) => loggableUrl(req.originalUrl ?? req.url ?? ""));
  const logger = morgan(":method :safe-url :status :res[content-length] - :response-time ms");
  app.use((req, res, next) => (res.locals.privateRoute === true ? next() : logger(req, res, next)));
}

// `?_data=` asks for Remix's old data protocol, which this app (single fetch) never uses; Remix
// answers a POST with it with a 500. A bad request like any other.
app.use((req, res, next) => {
  const query = req.url.indexOf("?");
  if (query === -1 || !new URLSearchParams(req.url.slice(query)).has("_data")) return next();
  refuse(res, 400, "Ugyldig forespørgsel.", "Bad request.");
});

// SameSite=Lax cookies plus this origin check stop cross-site form posts (no CSRF tokens needed).
// The anonymous feedback form has no session to protect and is exempt (see the README).
app.use((req, res, next) => {
  if (req.method === "GET" || req.method === "HEAD") return next();
  const sameOrigin = (value: string) => {
    try {
      const origin = new URL(value).origin;
      // The configured origin first: `req.protocol` asks the trust-proxy check, which parses the
      // client's address (about 2% of a feedback answer's CPU).
      return origin === env.appUrl || origin === `${req.protocol}://${req.get("host")}`;
    } catch {
      return false;
    }
  };
  const origin = req.get("origin");
  if (origin === "null") {
    // Privacy settings make some browsers hide the origin. Accepted on the feedback form (Remix
    // would otherwise fail the action with a 500); staff forms are refused with a message.
    if (res.locals.privateRoute) {
      delete req.headers.origin;
      return next();
    }
    return refuse(
      res,
      403,
      "Din browser skjulte, hvor formularen kom fra. Indlæs siden igen, og prøv en gang til.",
      "Your browser hid where the form came from. Reload the page and try again.",
    );
  }
  if (origin) {
    if (sameOrigin(origin)) return next();
    return refuse(
      res,
      403,
      "Forespørgsel fra et andet websted afvist.",
      "Cross-site request refused.",
    );
  }
  // No Origin (older browsers, some privacy tools): the Fetch Metadata header, else the Referer.
  if (res.locals.privateRoute) return next();
  const site = req.get("sec-fetch-site");
  const referer = req.get("referer");
  const crossSite = site
    ? site !== "same-origin" && site !== "none"
    : referer !== undefined && !sameOrigin(referer);
  if (crossSite) {
    return refuse(
      res,
      403,
      "Forespørgsel fra et andet websted afvist.",
      "Cross-site request refused.",
    );
  }
  next();
});

/** Form posts the app works on at once (at least REQUEST_CONCURRENCY); see the queue below. */
const URGENT_CONCURRENCY = 32;

const loadContext = (req: express.Request, res: express.Response) => ({
  clientIp: req.ip ?? req.socket.remoteAddress ?? "unknown",
  requestId: res.locals.requestId,
  privateRoute: res.locals.privateRoute === true,
  routeIds: res.locals.routeIds as readonly string[] | undefined,
});

if (env.NODE_ENV === "production") {
  // The built files are known at start: only their paths reach the static handlers (which stat
  // the disk), every other request goes straight on to Remix.
  const staticFiles = new Set(listFiles("build/client"));
  const statics = express.Router();
  statics.use("/assets", express.static("build/client/assets", { immutable: true, maxAge: "1y" }));
  statics.use(express.static("build/client", { maxAge: "1h" }));
  app.use((req, res, next) => (staticFiles.has(req.path) ? statics(req, res, next) : next()));
  const build = await loadBuild();
  const handle = createRequestHandler({ build, mode: "production", getLoadContext: loadContext });
  // A slot is held until the response has been written (the handler's promise settles then) or
  // the connection closed: a client that goes away cannot keep it.
  const concurrency =
    env.REQUEST_CONCURRENCY ?? (dialectOf(workerDb) === "sqlite" ? 2 : env.DATABASE_POOL_SIZE);
  // Form posts may run more at once than page views: a burst's answers are then written in
  // batches, one transaction for many (decision 032). They are short, and each holds only what
  // was typed into one form.
  const queue = createRequestQueue(concurrency, Math.max(concurrency, URGENT_CONCURRENCY));
  app.all("*", (req, res, next) => {
    const urgent = req.method !== "GET" && req.method !== "HEAD";
    void queue.run(
      urgent,
      () =>
        new Promise<void>((resolve) => {
          res.once("close", resolve);
          handle(req, res, next).then(resolve, (error: unknown) => {
            next(error);
            resolve();
          });
        }),
    );
  });
} else {
  if (viteMiddlewares) app.use(viteMiddlewares);
  app.use(express.static("public", { maxAge: "1h" }));
  app.all("*", createRequestHandler({ build: loadBuild, getLoadContext: loadContext }));
}

const delivery = env.SMTP_URL
  ? smtpDelivery(env.SMTP_URL, env.MAIL_FROM, { pooled: true })
  : localMailboxDelivery;
const worker = startOutboxWorker(workerDb, delivery, {
  leaseMs: env.OUTBOX_LEASE_SECONDS * 1000,
});
const stopRetention = startRetentionWorker(workerDb, env.FEEDBACK_COMMENT_RETENTION_MONTHS);

const server = app.listen(env.PORT, () => {
  // performance.now() counts from the process's start: Node's own start-up included.
  console.log(
    `Frirum listening on ${env.appUrl} (${env.NODE_ENV}, ${dialectOf(workerDb)}), started in ${Math.round(performance.now())} ms`,
  );
  if (!env.SMTP_URL) console.log(`Mail goes to the local mailbox: ${env.appUrl}/dev/mailbox`);
});

/**
 * Graceful shutdown (SIGTERM from the process manager, SIGINT from a terminal): stop accepting
 * connections, let the requests in flight finish, finish the mail being sent and give the rest of
 * the outbox round back to the other instances, close the database, exit 0. A hung request or
 * SMTP server cannot hold the process past SHUTDOWN_TIMEOUT_MS: then it exits 1, and its outbox
 * claims simply expire.
 */
const SHUTDOWN_TIMEOUT_MS = 25_000;
let shuttingDown = false;
async function shutdown(signal: string) {
  if (shuttingDown) return;
  shuttingDown = true;
  console.log(`${signal}: finishing requests in flight and the mail being sent, then stopping`);
  setTimeout(() => {
    console.error("Shutdown took too long; exiting");
    process.exit(1);
  }, SHUTDOWN_TIMEOUT_MS).unref();
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  // Keep-alive connections that finish their last request are closed as they become idle.
  const idle = setInterval(() => server.closeIdleConnections(), 100);
  stopRetention();
  await Promise.all([closed, worker.stop().then(() => delivery.close?.())]);
  clearInterval(idle);
  await workerDb.destroy();
  await globalThis.__frirumDb?.destroy();
  console.log("Stopped.");
  process.exit(0);
}
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => void shutdown(signal));
}
