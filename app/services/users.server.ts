import type { z } from "zod";
import type { DB } from "../../db/connection";
import { insertAuditEntry } from "../../db/queries/audit";
import { deleteAuthSessionsOfUser } from "../../db/queries/auth";
import { listSchoolOptions } from "../../db/queries/schools";
import {
  findUserByEmail,
  findUserById,
  insertUser,
  listUsers,
  setUserActive,
} from "../../db/queries/users";
import { writeTransaction } from "../../db/write-transaction";
import { userInvitedEmail } from "../../emails/sign-in";
import type { inviteUserSchema } from "../domain/users";
import { DEFAULT_LOCALE } from "../i18n";
import type { CurrentUser } from "../lib/guards.server";
import { queueEmail } from "../lib/mailer.server";
import { forbidden, found, invalid, notFound } from "./result";

export async function loadUsersPage(db: DB, actor: CurrentUser) {
  if (forbidden(actor, "user.manage")) return notFound();
  const [users, schools] = await Promise.all([listUsers(db), listSchoolOptions(db)]);
  return found({ users, schools });
}

export async function inviteUser(
  db: DB,
  actor: CurrentUser,
  input: z.output<typeof inviteUserSchema>,
  appUrl: string,
) {
  if (forbidden(actor, "user.manage")) return notFound();
  const email = input.email.toLowerCase();
  if (await findUserByEmail(db, email)) return invalid({ email: "users.email.taken" });
  const schoolId = input.role === "school_leader" ? Number(input.schoolId) : null;
  const schools = await listSchoolOptions(db);
  const school = schools.find((s) => s.id === schoolId);
  if (input.role === "school_leader" && !school)
    return invalid({ schoolId: "users.school.required" });
  const userId = await writeTransaction(db, async (trx) => {
    const id = await insertUser(trx, {
      email,
      name: input.name,
      role: input.role,
      school_id: schoolId,
      languages: JSON.stringify(input.role === "facilitator" ? (input.languages ?? []) : []),
    });
    await insertAuditEntry(trx, {
      actorId: actor.id,
      action: "user.invited",
      entityType: "user",
      entityId: id,
      details: { role: input.role, schoolId },
    });
    await queueEmail(
      trx,
      email,
      "user-invited",
      // A new user's language is the default until they switch (users.locale).
      userInvitedEmail(DEFAULT_LOCALE, {
        name: input.name,
        role: input.role,
        schoolName: school?.name,
        signInUrl: `${appUrl}/login`,
      }),
    );
    return id;
  });
  return found({ userId });
}

/** Deactivating ends every session of the user at once. */
export async function setUserActivation(
  db: DB,
  actor: CurrentUser,
  userId: number,
  active: boolean,
) {
  const user = forbidden(actor, "user.manage") ? undefined : await findUserById(db, userId);
  if (!user) return notFound();
  if (user.id === actor.id && !active) return invalid({ _form: "users.cannotDeactivateSelf" });
  await writeTransaction(db, async (trx) => {
    await setUserActive(trx, userId, active, new Date().toISOString());
    if (!active) await deleteAuthSessionsOfUser(trx, userId);
    await insertAuditEntry(trx, {
      actorId: actor.id,
      action: active ? "user.activated" : "user.deactivated",
      entityType: "user",
      entityId: userId,
    });
  });
  return found({});
}
