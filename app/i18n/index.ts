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
import { emailMessages } from "./emails";
import { evaluationMessages } from "./evaluation";
import { facilitatorMessages } from "./facilitator";
import { feedbackStaffMessages } from "./feedback";
import { formatMessage, type Locale, type MessageParams, type Messages } from "./format";
import { holidayMessages } from "./holidays";
import { reportMessages } from "./reports";
import { requestMessages } from "./requests";
import { schoolRequestMessages } from "./school-requests";
import { sessionMessages } from "./sessions";
import { trackMessages } from "./tracks";
import { triageMessages } from "./triage";

export {
  DEFAULT_LOCALE,
  isLocale,
  LOCALES,
  type Locale,
  type MessageParams,
  type Messages,
  messageKey,
} from "./format";

type Catalogue = Messages;

/** The staff UI catalogues, one per feature (exported for the parity test). */
export const STAFF_CATALOGUES = {
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
  // Server-only: emails are built on the server, and no route lists the "email." prefix.
  emails: emailMessages,
} satisfies Record<string, { da: Catalogue; en: Catalogue }>;

type StaffCatalogues = typeof STAFF_CATALOGUES;

/**
 * Every staff message key, derived from the Danish catalogues: `translate` accepts only these, so
 * a typo or a removed key fails typecheck (the parity test keeps English in step). Browser code
 * may import it with `import type` only, so no catalogue reaches a page's bundle.
 */
export type MessageKey = {
  [Name in keyof StaffCatalogues]: keyof StaffCatalogues[Name]["da"] & string;
}[keyof StaffCatalogues];

/**
 * The rest of every key that starts with `Prefix`: `KeySuffix<"language.">` is "da" | "en" | ...
 * A value of this type builds a key with a template literal that is still checked.
 */
export type KeySuffix<Prefix extends string> = MessageKey extends infer Key
  ? Key extends `${Prefix}${infer Rest}`
    ? Rest
    : never
  : never;

const merged: Record<Locale, Catalogue> = { da: {}, en: {} };
for (const catalogue of Object.values(STAFF_CATALOGUES)) {
  Object.assign(merged.da, catalogue.da);
  Object.assign(merged.en, catalogue.en);
}

/** Translate a key; unknown keys fall back to Danish, then to the key itself (visible in tests). */
export function translate(locale: Locale, key: MessageKey, params?: MessageParams): string {
  return formatMessage(merged[locale][key] ?? merged.da[key] ?? key, params);
}

export function hasMessage(key: string): key is MessageKey {
  return Object.hasOwn(merged.da, key);
}

/** Every staff message key (Danish is complete: the parity test holds English to it). */
export const MESSAGE_KEYS: readonly string[] = Object.keys(merged.da);

/**
 * The messages whose key equals one of `prefixes` or starts with one ending in "." (e.g.
 * "auth."), in `locale` with Danish as the fallback, as the root loader sends them to a page.
 */
export function pickMessages(locale: Locale, prefixes: Iterable<string>): Messages {
  const wanted = [...prefixes];
  const picked: Messages = {};
  for (const key of MESSAGE_KEYS) {
    if (wanted.some((p) => key === p || (p.endsWith(".") && key.startsWith(p)))) {
      picked[key] = merged[locale][key] ?? merged.da[key];
    }
  }
  return picked;
}
