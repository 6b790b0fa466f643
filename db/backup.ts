/**
 * Backups and restores of the whole database, for `npm run db:backup` / `npm run db:restore`.
 *
 * SQLite: SQLite's online backup API (better-sqlite3's `backup()`): a consistent copy while the
 * app keeps writing; the copy is checked with `PRAGMA integrity_check`. A restore replaces the
 * database file (the app must be stopped), atomically by rename.
 *
 * PostgreSQL: `pg_dump --format=custom` and `pg_restore` (PostgreSQL's client tools, which must
 * match the server's major version); the archive is checked by listing it.
 */
import { spawn } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, renameSync, rmSync, statSync } from "node:fs";
import { dirname } from "node:path";
import SQLite from "better-sqlite3";
import { databasePathFromUrl, isPostgresUrl } from "./connection";

export interface BackupResult {
  file: string;
  bytes: number;
}

function run(command: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    let err = "";
    child.stdout.on("data", (d) => {
      out += d;
    });
    child.stderr.on("data", (d) => {
      err += d;
    });
    child.on("error", (error) =>
      reject(
        (error as NodeJS.ErrnoException).code === "ENOENT"
          ? new Error(`${command} is not installed (Debian: apt-get install postgresql-client)`)
          : error,
      ),
    );
    child.on("exit", (code) =>
      code === 0 ? resolve(out) : reject(new Error(`${command} failed (${code}): ${err.trim()}`)),
    );
  });
}

/** Checks a SQLite file: integrity and Kysely's migration table. Throws when it is not usable. */
export function checkSqliteFile(path: string): { migrations: number } {
  const sqlite = new SQLite(path, { readonly: true, fileMustExist: true });
  try {
    const integrity = sqlite.pragma("integrity_check", { simple: true });
    if (integrity !== "ok") throw new Error(`${path}: integrity check failed: ${integrity}`);
    const row = sqlite.prepare("SELECT count(*) AS n FROM kysely_migration").get() as { n: number };
    return { migrations: row.n };
  } finally {
    sqlite.close();
  }
}

export async function backupDatabase(databaseUrl: string, file: string): Promise<BackupResult> {
  mkdirSync(dirname(file), { recursive: true });
  if (existsSync(file)) throw new Error(`${file} exists already; choose another name`);
  if (isPostgresUrl(databaseUrl)) {
    await run("pg_dump", ["--format=custom", "--no-owner", `--file=${file}`, databaseUrl]);
    await run("pg_restore", ["--list", file]);
  } else {
    const source = new SQLite(databasePathFromUrl(databaseUrl), { fileMustExist: true });
    try {
      // All pages in one step: a step that sees the source change restarts the copy, so small
      // steps could restart forever under steady writes. WAL readers do not block the app.
      await source.backup(file, { progress: () => 1_000_000 });
    } finally {
      source.close();
    }
    checkSqliteFile(file);
  }
  return { file, bytes: statSync(file).size };
}

/**
 * Restores a backup into `databaseUrl`. SQLite: replaces the file (stop the app first); refuses an
 * existing database unless `replace`. PostgreSQL: into an empty database, or with `replace` over
 * the objects the backup contains (pg_restore --clean).
 */
export async function restoreDatabase(
  databaseUrl: string,
  file: string,
  options: { replace?: boolean } = {},
): Promise<void> {
  if (!existsSync(file)) throw new Error(`${file} does not exist`);
  if (isPostgresUrl(databaseUrl)) {
    await run("pg_restore", [
      "--no-owner",
      "--single-transaction",
      "--exit-on-error",
      ...(options.replace ? ["--clean", "--if-exists"] : []),
      `--dbname=${databaseUrl}`,
      file,
    ]);
    return;
  }
  checkSqliteFile(file);
  const target = databasePathFromUrl(databaseUrl);
  if (existsSync(target) && !options.replace) {
    throw new Error(`${target} exists; stop the app and pass --replace to overwrite it`);
  }
  mkdirSync(dirname(target), { recursive: true });
  const staging = `${target}.restoring`;
  copyFileSync(file, staging);
  for (const suffix of ["-wal", "-shm"]) rmSync(`${target}${suffix}`, { force: true });
  renameSync(staging, target);
}
