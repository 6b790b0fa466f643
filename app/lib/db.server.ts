import { createDb, type DB } from "../../db/connection";
import { env } from "./env.server";

declare global {
  // One handle per process, kept across dev-server reloads.
  var __frirumDb: DB | undefined;
}

export function db(): DB {
  const { DATABASE_URL, DATABASE_POOL_SIZE } = env();
  globalThis.__frirumDb ??= createDb(DATABASE_URL, { poolSize: DATABASE_POOL_SIZE });
  return globalThis.__frirumDb;
}
