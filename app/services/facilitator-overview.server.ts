import type { DB } from "../../db/connection";
import { listFacilitatorsWithSessionCounts } from "../../db/queries/facilitator-overview";
import { copenhagenMonthRange } from "../domain/timezone";
import type { CurrentUser } from "../lib/guards.server";
import { forbidden, found, notFound } from "./result";

/** Every facilitator with languages, active flag and sessions this (Copenhagen) month. */
export async function loadFacilitatorOverview(db: DB, actor: CurrentUser, now = new Date()) {
  if (forbidden(actor, "session.schedule")) return notFound();
  const { month, from: fromUtc, to: toUtc } = copenhagenMonthRange(now.toISOString());
  const rows = await listFacilitatorsWithSessionCounts(db, fromUtc, toUtc);
  return found({
    month,
    monthStart: fromUtc,
    facilitators: rows.map((row) => ({
      id: row.id,
      name: row.name,
      email: row.email,
      languages: row.languages,
      active: row.active === 1,
      sessionsThisMonth: Number(row.session_count),
    })),
  });
}
