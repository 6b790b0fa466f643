import { loadEnv } from "../app/lib/env.server";
import { createDb, databasePathFromUrl } from "../db/connection";
import { migrateToLatest } from "../db/migrate";
import { seedDemoData } from "../db/seed";

const env = loadEnv();
const db = createDb(databasePathFromUrl(env.DATABASE_URL));
await migrateToLatest(db);
const { created } = await seedDemoData(db);
console.log(created ? `Demo data: ${created} rows created.` : "Demo data already present.");
await db.destroy();
