/**
 * The browser's half of the staff UI's i18n: locales and filling `{placeholders}`. No catalogue
 * here: the root loader sends each page the messages of its routes (app/i18n/route-messages.server.ts),
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

/**
 * A template cut at its placeholders: text, name, text, name, ..., text. Remembered per template
 * (a list page fills the same few templates once per row); bounded, emptied when full.
 */
const TEMPLATES_KEPT = 2_000;
const templateParts = new Map<string, string[]>();

function partsOf(template: string): string[] {
  let parts = templateParts.get(template);
  if (!parts) {
    parts = template.split(/\{(\w+)\}/);
    if (templateParts.size >= TEMPLATES_KEPT) templateParts.clear();
    templateParts.set(template, parts);
  }
  return parts;
}

/** Fills `{name}` placeholders; unknown ones stay visible. */
export function formatMessage(template: string, params?: MessageParams): string {
  if (!params) return template;
  const parts = partsOf(template);
  let text = parts[0];
  for (let i = 1; i < parts.length; i += 2) {
    const name = parts[i];
    text += (name in params ? String(params[name]) : `{${name}}`) + parts[i + 1];
  }
  return text;
}

/**
 * The one conversion of a key that arrives as data (a language code, a domain table's label, a
 * stored status) into a `MessageKey`. It cannot check: the browser has no catalogue. An unknown
 * key then shows as itself, which a reader and the browser journeys notice.
 */
export function messageKey(value: string): MessageKey {
  return value as MessageKey;
}

/**
 * The messages the root loader sent as JSON (app/i18n/route-messages.server.ts), parsed once per
 * distinct string: on the server the page's cached string is always the same one (and its object
 * is remembered when it is made), in the browser a page's messages are parsed when they arrive.
 */
export function messagesFromJson(json: string): Messages {
  let messages = parsedMessages.get(json);
  if (!messages) {
    const parsed: unknown = JSON.parse(json);
    messages =
      parsed !== null && typeof parsed === "object" && !Array.isArray(parsed)
        ? Object.freeze(parsed as Messages)
        : {};
    rememberParsedMessages(json, messages);
  }
  return messages;
}

/** Remembers the object a messages JSON string stands for (bounded: a few pages' worth). */
export function rememberParsedMessages(json: string, messages: Messages) {
  if (parsedMessages.size >= PARSED_MESSAGES_KEPT) {
    const oldest = parsedMessages.keys().next().value;
    if (oldest !== undefined) parsedMessages.delete(oldest);
  }
  parsedMessages.set(json, messages);
}

// Enough for every page and locale of the app at once on the server (about 60 routes x 2).
const PARSED_MESSAGES_KEPT = 200;
const parsedMessages = new Map<string, Messages>();
