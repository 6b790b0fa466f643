/**
 * The browser's half of the staff UI's i18n: locales and filling `{placeholders}`. No catalogue
 * here: the root loader sends each page the messages of its routes (app/i18n/route-messages.ts),
 * so the browser never downloads the whole merged catalogue.
 */
// Type-only: erased from the bundle, so the browser still gets no catalogue.
import type { MessageKey } from "./index";

export const LOCALES = ["da", "en"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "da";

export type MessageParams = Record<string, string | number>;

/** Messages of one language, by key. */
export type Messages = Record<string, string>;

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

/** Fills `{name}` placeholders; unknown ones stay visible. */
export function formatMessage(template: string, params?: MessageParams): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

/**
 * The one conversion of a key that arrives as data (a language code, a domain table's label, a
 * stored status) into a `MessageKey`. It cannot check: the browser has no catalogue. An unknown
 * key then shows as itself, which a reader and the route-messages test notice.
 */
export function messageKey(value: string): MessageKey {
  return value as MessageKey;
}
