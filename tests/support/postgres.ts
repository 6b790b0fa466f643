/**
 * Fresh PostgreSQL databases for tests, when TEST_DATABASE_URL names a server (scripts/
 * with-postgres.sh starts a throwaway one). The schema is migrated once into a template database;
 * each test database is a copy of it (CREATE DATABASE ... TEMPLATE), which is much faster than
 * migrating every time. The template's name carries a hash of the migration sources, so a changed
 * migration never reuses a stale template.
 */
import { createHash, randomBytes } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import pg from "pg";
import { createDb } from "../../db/connection";
import { migrateToLatest } from "../../db/migrate";

export function testPostgresUrl(): string | undefined {
  return process.env.TEST_DATABASE_URL || undefined;
}

let admin: pg.Pool | undefined;
let templateName: Promise<string> | undefined;
let counter = 0;

function adminPool(): pg.Pool {
  const url = testPostgresUrl();
  if (!url) throw new Error("TEST_DATABASE_URL is not set");
  admin ??= new pg.Pool({ connectionString: url, max: 2, allowExitOnIdle: true });
  return admin;
}

/** The server URL with another database name. */
export function urlForDatabase(name: string): string {
  const url = new URL(testPostgresUrl() ?? "");
  url.pathname = `/${name}`;
  return url.toString();
}

function migrationsHash(): string {
  const hash = createHash("sha256");
  const dir = join(process.cwd(), "db", "migrations");
  for (const file of readdirSync(dir).sort())
    hash.update(file).update(readFileSync(join(dir, file)));
  hash.update(readFileSync(join(process.cwd(), "db", "dialect.ts")));
  return hash.digest("hex").slice(0, 16);
}

async function buildTemplate(): Promise<string> {
  const name = `frirum_template_${migrationsHash()}`;
  const client = await adminPool().connect();
  try {
    // One builder at a time across test processes; the others wait and then find it.
    await client.query("SELECT pg_advisory_lock(hashtext('frirum-test-template'))");
    const exists = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (exists.rowCount === 0) {
      const building = `${name}_building`;
      await client.query(`DROP DATABASE IF EXISTS ${building} WITH (FORCE)`);
      await client.query(`CREATE DATABASE ${building}`);
      const db = createDb(urlForDatabase(building));
      try {
        await migrateToLatest(db);
      } finally {
        await db.destroy();
      }
      await client.query(`ALTER DATABASE ${building} RENAME TO ${name}`);
    }
    return name;
  } finally {
    await client.query("SELECT pg_advisory_unlock(hashtext('frirum-test-template'))");
    client.release();
  }
}

export interface TestPostgresDatabase {
  name: string;
  url: string;
  drop: () => Promise<void>;
}

/** A new database of its own: migrated (from the template), or `bare` (no tables at all). */
export async function createTestPostgresDatabase(
  options: { bare?: boolean } = {},
): Promise<TestPostgresDatabase> {
  counter += 1;
  const name = `frirum_test_${process.pid}_${counter}_${randomBytes(3).toString("hex")}`;
  const drop = async () => {
    // Closed pools finish disconnecting a moment after db.destroy(): wait for that, and force
    // only if something still holds a connection.
    for (let attempt = 0; attempt < 40; attempt++) {
      try {
        await adminPool().query(`DROP DATABASE IF EXISTS ${name}`);
        return;
      } catch (error) {
        if ((error as { code?: string }).code !== "55006") throw error;
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
    }
    await adminPool().query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  };
  if (options.bare) {
    await adminPool().query(`CREATE DATABASE ${name}`);
    return { name, url: urlForDatabase(name), drop };
  }
  templateName ??= buildTemplate();
  const template = await templateName;
  // Copying needs the template to have no other connections; concurrent copies wait for each
  // other briefly, so retry on "being accessed by other users".
  for (let attempt = 0; ; attempt++) {
    try {
      await adminPool().query(`CREATE DATABASE ${name} TEMPLATE ${template}`);
      break;
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (code !== "55006" || attempt >= 50) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50 + Math.random() * 100));
    }
  }
  return { name, url: urlForDatabase(name), drop };
}
