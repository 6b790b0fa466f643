import { type CurrentUser, currentUserFromRow } from "../../app/lib/guards.server";
import type { DB } from "../../db/connection";
import { withLanguageList } from "../../db/json";

/** The signed-in `CurrentUser` for a seeded user, built the way `getCurrentUser` builds it. */
export async function actorFor(db: DB, email: string): Promise<CurrentUser> {
  const row = await db
    .selectFrom("users")
    .selectAll()
    .where("email", "=", email)
    .executeTakeFirstOrThrow();
  return currentUserFromRow(withLanguageList(row));
}
