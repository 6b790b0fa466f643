/**
 * Message catalogues for the staff UI (Danish by default, English by a switch).
 * Each feature keeps its own catalogue file (`app/i18n/<feature>.ts`) exporting `{ da, en }` with flat,
 * prefixed keys; this module merges them. Domain code returns message *keys* (e.g. zod messages), and
 * the UI translates them, so one rule serves both languages.
 */
import { adminMessages } from "./admin";
import { authMessages } from "./auth";
import { catalogueMessages } from "./catalogue";
import { commonMessages } from "./common";
import { evaluationMessages } from "./evaluation";
import { facilitatorMessages } from "./facilitator";
import { feedbackStaffMessages } from "./feedback";
import { holidayMessages } from "./holidays";
import { reportMessages } from "./reports";
import { requestMessages } from "./requests";
import { schoolRequestMessages } from "./school-requests";
import { sessionMessages } from "./sessions";
import { trackMessages } from "./tracks";
import { triageMessages } from "./triage";

export const LOCALES = ["da", "en"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "da";

type Catalogue = Record<string, string>;

/** The staff UI catalogues, one per feature (exported for the parity test). */
export const STAFF_CATALOGUES: Readonly<Record<string, { da: Catalogue; en: Catalogue }>> = {
  common: commonMessages,
  auth: authMessages,
  admin: adminMessages,
  requests: requestMessages,
  catalogue: catalogueMessages,
  schoolRequests: schoolRequestMessages,
  triage: triageMessages,
  sessions: sessionMessages,
  facilitator: facilitatorMessages,
  feedbackStaff: feedbackStaffMessages,
  tracks: trackMessages,
  holidays: holidayMessages,
  evaluation: evaluationMessages,
  reports: reportMessages,
};

const merged: Record<Locale, Catalogue> = { da: {}, en: {} };
for (const catalogue of Object.values(STAFF_CATALOGUES)) {
  Object.assign(merged.da, catalogue.da);
  Object.assign(merged.en, catalogue.en);
}

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

export type MessageParams = Record<string, string | number>;

/** Translate a key; unknown keys fall back to Danish, then to the key itself (visible in tests). */
export function translate(locale: Locale, key: string, params?: MessageParams): string {
  const template = merged[locale][key] ?? merged.da[key] ?? key;
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

export function hasMessage(key: string): boolean {
  return key in merged.da;
}
