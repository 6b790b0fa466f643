/**
 * Stored feedback forms: the shape written to and read from the versioned form tables, built from
 * the item bank, plus the small rules the public pages need (which language to show, the device
 * cookie). Pure: no I/O.
 */
import {
  type FeedbackFormDefinition,
  type FeedbackParseResult,
  type FeedbackSubmissionDraft,
  normalizeOneTimeCode,
  parseFeedbackFormData,
} from "./feedback";
import {
  AUDIENCE_LOCALES,
  FEEDBACK_SCALES,
  type FeedbackAudience,
  type FeedbackBankEntry,
  type FeedbackIconName,
  type FeedbackLocale,
  type FeedbackScaleKey,
  isDraftLocale,
  isFeedbackLocale,
  type LocalizedTexts,
} from "./feedback-bank";

export interface FeedbackFormText {
  locale: FeedbackLocale;
  text: string;
  isDraft: boolean;
}

/** Everything a form version holds: its title, its items in order and its scales' labels. */
export interface FeedbackFormContent {
  titles: FeedbackFormText[];
  items: Array<{ key: string; scale: FeedbackScaleKey; texts: FeedbackFormText[] }>;
  options: Array<{ scale: FeedbackScaleKey; value: string; texts: FeedbackFormText[] }>;
}

function textsOf(texts: LocalizedTexts, draftLocales?: readonly FeedbackLocale[]) {
  const out: FeedbackFormText[] = [];
  for (const [locale, text] of Object.entries(texts)) {
    if (!isFeedbackLocale(locale) || !text) continue;
    const isDraft = draftLocales ? draftLocales.includes(locale) : isDraftLocale(locale);
    out.push({ locale, text, isDraft });
  }
  return out.sort((a, b) => a.locale.localeCompare(b.locale));
}

/**
 * The content of a form version from an item bank entry (items share the entry's scale) and the
 * form's titles per language. Option labels come from the bank's scale definitions.
 */
export function formContentFromBank(
  entry: FeedbackBankEntry,
  titles: LocalizedTexts,
): FeedbackFormContent {
  const scales = [...new Set([entry.scale])];
  return {
    titles: textsOf(titles),
    items: entry.items.map((item) => ({
      key: item.key,
      scale: entry.scale,
      texts: textsOf(item.texts, item.draftLocales),
    })),
    options: scales.flatMap((scale) =>
      FEEDBACK_SCALES[scale].options.map((option) => ({
        scale,
        value: option.value,
        texts: textsOf(option.labels, option.draftLocales),
      })),
    ),
  };
}

/**
 * The language to show: the requested one if the audience's form is offered in it, else the
 * audience's first language (Danish).
 */
export function pickFeedbackLocale(
  audience: FeedbackAudience,
  requested: string | null | undefined,
): FeedbackLocale {
  const offered = AUDIENCE_LOCALES[audience];
  return isFeedbackLocale(requested) && offered.includes(requested) ? requested : offered[0];
}

/**
 * The device cookie that says "this session was answered from here". Its name holds the session's
 * short code (which every participant shares) and its value is a constant, so it identifies no one;
 * the server stores nothing about it.
 */
export const ANSWERED_COOKIE_MAX_AGE_SECONDS = 30 * 24 * 60 * 60;

export function answeredCookieName(shortCode: string): string {
  return `frirum_fb_${shortCode}`;
}

export function answeredCookieHeader(shortCode: string, options: { secure: boolean }): string {
  return [
    `${answeredCookieName(shortCode)}=1`,
    "Path=/f",
    `Max-Age=${ANSWERED_COOKIE_MAX_AGE_SECONDS}`,
    "HttpOnly",
    "SameSite=Lax",
    ...(options.secure ? ["Secure"] : []),
  ].join("; ");
}

export function hasAnsweredCookie(cookieHeader: string | null, shortCode: string): boolean {
  if (!cookieHeader) return false;
  const name = answeredCookieName(shortCode);
  return cookieHeader.split(";").some((part) => part.trim() === `${name}=1`);
}

// ---------------------------------------------------------------------------------------------
// The public page's model (built by the service, rendered by the route)
// ---------------------------------------------------------------------------------------------

export const HONEYPOT_FIELD = "website";
export const ONE_TIME_CODE_FIELD = "oneTimeCode";

/** A posted answer read against the form version it answers: what `submitFeedback` saves. */
export interface FeedbackAnswerInput {
  /** The bot trap was filled in: pretend success, save nothing. */
  honeypot: boolean;
  parsed: FeedbackParseResult;
  /** The typed one-time code, normalised; "" when none was typed. */
  oneTimeCode: string;
}

/** Reads the public form's POST (in the route) against the version's definition. */
export function readFeedbackAnswer(
  formData: FormData | URLSearchParams,
  definition: FeedbackFormDefinition,
): FeedbackAnswerInput {
  const honeypot = formData.get(HONEYPOT_FIELD);
  const oneTimeCode = formData.get(ONE_TIME_CODE_FIELD);
  return {
    honeypot: typeof honeypot === "string" && honeypot.trim() !== "",
    parsed: parseFeedbackFormData(formData, definition),
    oneTimeCode: typeof oneTimeCode === "string" ? normalizeOneTimeCode(oneTimeCode) : "",
  };
}

export interface PublicFeedbackOption {
  value: string;
  label: string;
  /** Decorative picture (pupil scale); render aria-hidden. */
  icon: FeedbackIconName | null;
}

/** One form version in one language: only what the page shows. */
export interface PublicFeedbackForm {
  version: number;
  title: string;
  items: Array<{ key: string; scale: FeedbackScaleKey; text: string }>;
  scales: Partial<Record<FeedbackScaleKey, PublicFeedbackOption[]>>;
}

export type FeedbackPageView = "form" | "unknown" | "not_open" | "closed" | "already" | "full";

export interface FeedbackPageModel {
  /** HTTP status of the page: 200 for the form and "already answered", else 4xx. */
  status: number;
  view: FeedbackPageView;
  locale: FeedbackLocale;
  dir: "ltr" | "rtl";
  /** Languages offered on this page (the audience's, or all for an unknown code). */
  locales: readonly FeedbackLocale[];
  code: string;
  audience: FeedbackAudience | null;
  opensAt: string | null;
  strict: boolean;
  form: PublicFeedbackForm | null;
  /** Answers and comment to show again after an invalid post. */
  draft: FeedbackSubmissionDraft | null;
  /** Field -> message key (`answer.<key>`, `comment`, `oneTimeCode`, `form`, `formVersion`...). */
  errors: Record<string, string>;
}
