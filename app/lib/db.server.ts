import { createDb, type DB, databasePathFromUrl } from "../../db/connection";
import { env } from "./env.server";

declare global {
  // One handle per process, kept across dev-server reloads.
  var __frirumDb: DB | undefined;
}

export function db(): DB {
  globalThis.__frirumDb ??= createDb(databasePathFromUrl(env().DATABASE_URL));
  return globalThis.__frirumDb;
}
