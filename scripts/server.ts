/**
 * The Frirum server: Express around the Remix request handler, in development (Vite middleware)
 * and production (the built app). It validates the configuration, migrates the database, starts
 * the outbox worker, and adds the headers and request log that every response shares.
 */

import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { createRequestHandler } from "@remix-run/express";
import compression from "compression";
import express from "express";
import morgan from "morgan";
import { isPrivateRoute } from "../app/domain/privacy-routes";
import { ConfigError, loadEnv } from "../app/lib/env.server";
import {
  localMailboxDelivery,
  smtpDelivery,
  startOutboxWorker,
} from "../app/lib/outbox-worker.server";
import { createDb, databasePathFromUrl, isPostgresUrl } from "../db/connection";
import { dialectOf } from "../db/dialect";
import { migrateToLatest } from "../db/migrate";

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

const app = express();
app.disable("x-powered-by");
// Behind a reverse proxy (README): req.ip and req.protocol come from X-Forwarded-* headers set by
// the proxies trusted here (default: a proxy on the same host).
app.set("trust proxy", env.TRUST_PROXY);
app.use(compression());

app.use((req, res, next) => {
  res.locals.requestId = randomBytes(6).toString("hex");
  res.setHeader("X-Request-Id", res.locals.requestId);
  res.setHeader("X-Content-Type-Options", "nosniff");
  res.setHeader("X-Frame-Options", "DENY");
  // Feedback pages: never a Referer to another site. Not "no-referrer": with it, browsers send
  // `Origin: null` on the form's POST and Remix refuses the action as cross-site.
  res.setHeader(
    "Referrer-Policy",
    isPrivateRoute(req.path) ? "same-origin" : "strict-origin-when-cross-origin",
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

// SameSite=Lax cookies plus this Origin check stop cross-site form posts (no CSRF tokens needed).
app.use((req, res, next) => {
  if (req.method === "GET" || req.method === "HEAD") return next();
  const origin = req.get("origin");
  if (origin === "null") {
    // Privacy settings make some browsers hide the origin. The anonymous feedback form has no
    // session to protect, so it is accepted there (Remix would otherwise fail the action with a
    // 500); staff forms are refused with a message.
    if (isPrivateRoute(req.path)) {
      delete req.headers.origin;
      return next();
    }
    res
      .status(403)
      .type("text/plain; charset=utf-8")
      .send(
        "Din browser skjulte, hvor formularen kom fra. Indlæs siden igen, og prøv en gang til.",
      );
    return;
  }
  if (origin) {
    const expected = `${req.protocol}://${req.get("host")}`;
    if (origin !== expected && origin !== env.appUrl) {
      res.status(403).type("text/plain; charset=utf-8").send("Cross-site request refused");
      return;
    }
  }
  next();
});

// The feedback routes are never logged: not the path (it holds the session code), not the client.
app.use(
  morgan(":method :url :status :res[content-length] - :response-time ms", {
    skip: (req) => isPrivateRoute(req.path ?? req.url ?? "") || process.env.FRIRUM_QUIET === "1",
  }),
);

if (env.NODE_ENV === "production") {
  app.use("/assets", express.static("build/client/assets", { immutable: true, maxAge: "1y" }));
  app.use(express.static("build/client", { maxAge: "1h" }));
  const build = await import(join(process.cwd(), "build/server/index.js"));
  app.all(
    "*",
    createRequestHandler({
      build,
      mode: "production",
      getLoadContext: (req, res) => ({
        clientIp: req.ip ?? req.socket.remoteAddress ?? "unknown",
        requestId: res.locals.requestId,
      }),
    }),
  );
} else {
  const vite = await import("vite");
  const viteServer = await vite.createServer({ server: { middlewareMode: true } });
  app.use(viteServer.middlewares);
  app.use(express.static("public", { maxAge: "1h" }));
  app.all(
    "*",
    createRequestHandler({
      build: () => viteServer.ssrLoadModule("virtual:remix/server-build") as never,
      getLoadContext: (req, res) => ({
        clientIp: req.ip ?? req.socket.remoteAddress ?? "unknown",
        requestId: res.locals.requestId,
      }),
    }),
  );
}

const delivery = env.SMTP_URL
  ? smtpDelivery(env.SMTP_URL, env.MAIL_FROM, { pooled: true })
  : localMailboxDelivery;
const worker = startOutboxWorker(workerDb, delivery, {
  leaseMs: env.OUTBOX_LEASE_SECONDS * 1000,
});

const server = app.listen(env.PORT, () => {
  console.log(`Frirum listening on ${env.appUrl} (${env.NODE_ENV}, ${dialectOf(workerDb)})`);
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
