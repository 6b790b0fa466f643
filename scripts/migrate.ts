import { loadEnv } from "../app/lib/env.server";
import { createDb } from "../db/connection";
import { migrateToLatest } from "../db/migrate";

const env = loadEnv();
const db = createDb(env.DATABASE_URL);
const applied = await migrateToLatest(db);
console.log(applied.length ? `Applied: ${applied.join(", ")}` : "Database is up to date.");
await db.destroy();
