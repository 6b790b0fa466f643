import { type ChildProcess, spawn } from "node:child_process";
import { createServer } from "node:net";
import { createDb, type DB } from "../../db/connection";
import { createTestDatabase } from "./db";
import { runScript } from "./scripts";

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
    server.on("error", reject);
  });
}

export interface AppServer {
  url: string;
  /** The server's DATABASE_URL. */
  databaseUrl: string;
  /** A connection of the test's own to the server's database (closed by `stop`). */
  db: DB;
  /** The server process (e.g. to signal it). */
  process: ChildProcess;
  stop: () => Promise<void>;
  output: () => string;
}

/**
 * Starts the production build (npm run build first: build/start.js and build/server) on a free port with its own database (a
 * SQLite file, or a PostgreSQL database when TEST_DATABASE_URL is set), seeded with the demo data
 * unless `seed: false`. `database` shares an existing database instead (several instances).
 */
export async function startAppServer(
  options: {
    seed?: boolean;
    env?: Record<string, string>;
    database?: { url: string };
    /** Extra Node options for the server process (e.g. `--cpu-prof`). */
    nodeArgs?: string[];
    /** The checkout whose build runs (default: this one; `bench:http` compares two builds). */
    cwd?: string;
  } = {},
): Promise<AppServer> {
  const port = await freePort();
  const database = options.database
    ? { url: options.database.url, drop: async () => {} }
    : await createTestDatabase();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    PORT: String(port),
    APP_URL: `http://localhost:${port}`,
    DATABASE_URL: database.url,
    SESSION_SECRET: "test-secret-0123456789abcdef",
    FRIRUM_QUIET: "1",
    SMTP_URL: "",
    ...options.env,
  };
  if (options.seed !== false) {
    const seeded = await runScript("scripts/seed.ts", [], env);
    if (seeded.code !== 0) {
      await database.drop();
      throw new Error(`scripts/seed.ts failed:\n${seeded.output}`);
    }
  }
  let log = "";
  // The compiled server (`npm run build` writes build/start.js), as `npm start` runs it.
  const child: ChildProcess = spawn(
    process.execPath,
    [...(options.nodeArgs ?? []), "build/start.js"],
    { env, cwd: options.cwd, stdio: ["ignore", "pipe", "pipe"] },
  );
  child.stdout?.on("data", (d) => {
    log += d;
  });
  child.stderr?.on("data", (d) => {
    log += d;
  });
  const url = `http://localhost:${port}`;
  // Generous: a loaded CI machine can take tens of seconds to start the build.
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) {
      await database.drop();
      throw new Error(`Server exited early:\n${log}`);
    }
    try {
      const res = await fetch(`${url}/healthz`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`Server did not start:\n${log}`);
    await new Promise((r) => setTimeout(r, 150));
  }
  const db = createDb(database.url, { poolSize: 4 });
  return {
    url,
    databaseUrl: database.url,
    db,
    process: child,
    output: () => log,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((r) => child.once("exit", r));
        child.kill("SIGTERM");
        await exited;
      }
      await db.destroy();
      await database.drop();
    },
  };
}

/**
 * Signs in through the real HTTP flow (the sign-in mail lands in the outbox, read from the
 * server's database) and returns the session cookie (`frirum_session=...`).
 */
export async function signInCookie(server: AppServer, email: string): Promise<string> {
  const form = { "Content-Type": "application/x-www-form-urlencoded", Origin: server.url };
  const sent = await fetch(`${server.url}/login`, {
    method: "POST",
    headers: form,
    body: new URLSearchParams({ email }).toString(),
  });
  if (sent.status !== 200) throw new Error(`Sign-in request for ${email}: HTTP ${sent.status}`);
  const { text_body: text } = await server.db
    .selectFrom("email_outbox")
    .select("text_body")
    .where("to_address", "=", email)
    .where("kind", "=", "sign-in")
    .orderBy("id", "desc")
    .executeTakeFirstOrThrow();
  const token = /\/auth\/verify\?token=([A-Za-z0-9_-]+)/.exec(text)?.[1] ?? "";
  const verified = await fetch(`${server.url}/auth/verify`, {
    method: "POST",
    redirect: "manual",
    headers: form,
    body: new URLSearchParams({ token }).toString(),
  });
  const cookie = (verified.headers.get("set-cookie") ?? "").split(";")[0];
  if (verified.status !== 302 || !cookie.startsWith("frirum_session=")) {
    throw new Error(`Sign-in for ${email} failed: HTTP ${verified.status}`);
  }
  return cookie;
}
