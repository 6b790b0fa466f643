import type { CurrentUser } from "../../app/lib/guards.server";
import type { DB } from "../../db/connection";

/** The signed-in `CurrentUser` for a seeded user, built the way `getCurrentUser` builds it. */
export async function actorFor(db: DB, email: string): Promise<CurrentUser> {
  const row = await db
    .selectFrom("users")
    .selectAll()
    .where("email", "=", email)
    .executeTakeFirstOrThrow();
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    schoolId: row.school_id,
    languages: JSON.parse(row.languages) as string[],
  };
}
