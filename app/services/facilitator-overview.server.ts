import type { DB } from "../../db/connection";
import { listFacilitatorsWithSessionCounts } from "../../db/queries/facilitator-overview";
import { addDays, todayInCopenhagen } from "../domain/time";
import { copenhagenToUtc } from "../domain/timezone";
import { type CurrentUser, requirePermission } from "../lib/guards.server";
import { parseLanguageList } from "./catalogue.server";

function midnightUtc(date: string): string {
  const result = copenhagenToUtc(date, "00:00");
  if (!result.ok) throw new Error(`No Copenhagen midnight on ${date}`);
  return result.utc;
}

/** The Copenhagen calendar month containing `now`, as a UTC half-open range and "YYYY-MM". */
export function copenhagenMonth(now: Date): { month: string; fromUtc: string; toUtc: string } {
  const first = `${todayInCopenhagen(now).slice(0, 7)}-01`;
  const nextFirst = `${addDays(first, 32).slice(0, 7)}-01`;
  return { month: first.slice(0, 7), fromUtc: midnightUtc(first), toUtc: midnightUtc(nextFirst) };
}

/** Every facilitator with languages, active flag and sessions this (Copenhagen) month. */
export async function loadFacilitatorOverview(db: DB, actor: CurrentUser, now = new Date()) {
  requirePermission(actor, "session.schedule");
  const { month, fromUtc, toUtc } = copenhagenMonth(now);
  const rows = await listFacilitatorsWithSessionCounts(db, fromUtc, toUtc);
  return {
    month,
    monthStart: fromUtc,
    facilitators: rows.map((row) => ({
      id: row.id,
      name: row.name,
      email: row.email,
      languages: parseLanguageList(row.languages),
      active: row.active === 1,
      sessionsThisMonth: Number(row.session_count),
    })),
  };
}
