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
 * Starts the production build (npm run build first) on a free port with its own database (a
 * SQLite file, or a PostgreSQL database when TEST_DATABASE_URL is set), seeded with the demo data
 * unless `seed: false`. `database` shares an existing database instead (several instances).
 */
export async function startAppServer(
  options: { seed?: boolean; env?: Record<string, string>; database?: { url: string } } = {},
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
  const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", "scripts/server.ts"], {
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout?.on("data", (d) => {
    log += d;
  });
  child.stderr?.on("data", (d) => {
    log += d;
  });
  const url = `http://localhost:${port}`;
  const deadline = Date.now() + 30_000;
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
