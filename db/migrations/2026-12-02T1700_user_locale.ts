import type { Kysely } from "kysely";

/**
 * The language each user reads Frirum in (`da` or `en`): emails are built in the recipient's
 * language, so the choice made with the language switch must outlive the browser's cookie.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable("users")
    .addColumn("locale", "text", (col) => col.notNull().defaultTo("da"))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("users").dropColumn("locale").execute();
}
