/**
 * Anonymous feedback rules: session short codes, printed one-time codes, the response window and
 * the submission schema shared by the public form and its action. Pure: no I/O, no clock (callers
 * pass `now`), randomness injectable for tests.
 *
 * Privacy (privacy.md): nothing here knows who answers. A submission carries only the form version,
 * the language, the answers and an optional comment; the service adds session, audience and the
 * session's date. One-time codes are returned to the caller for printing; the service stores only
 * a keyed hash of the normalized code and a used flag, never which response used which code.
 */
import { z } from "zod";
import {
  FEEDBACK_LOCALES,
  type FeedbackLocale,
  type FeedbackScaleKey,
  isFeedbackLocale,
  scaleValues,
} from "./feedback-bank";

// ---------------------------------------------------------------------------------------------
// Codes
// ---------------------------------------------------------------------------------------------

/**
 * Characters used in short codes and one-time codes: digits 2-9 and upper-case letters without the
 * easily confused 0/O, 1/I/L and U (U/V; also avoids accidental words). 30 characters.
 */
export const SHORT_CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ";
export const SHORT_CODE_LENGTH = 6;
export const ONE_TIME_CODE_LENGTH = 8;
/** Upper bound for one print run of one-time codes (a session has at most a few hundred people). */
export const MAX_ONE_TIME_CODES = 1000;

export type RandomBytes = (n: number) => Uint8Array;

/** Cryptographically strong bytes (Web Crypto: available in browsers and Node 20). */
export const cryptoRandomBytes: RandomBytes = (n) => crypto.getRandomValues(new Uint8Array(n));

const ALPHABET_SIZE = SHORT_CODE_ALPHABET.length;
/** Largest multiple of the alphabet size that fits in a byte; bytes at or above it are rejected. */
const UNBIASED_BYTE_LIMIT = 256 - (256 % ALPHABET_SIZE);
const MAX_RANDOM_ROUNDS = 1000;

/**
 * A random string over the code alphabet. Rejection sampling: a byte is used only if it is below
 * the largest multiple of 30 that fits in 256 (240), so `byte % 30` is uniform.
 */
function randomCode(length: number, random: RandomBytes): string {
  if (!Number.isInteger(length) || length < 1) {
    throw new RangeError(`Code length must be a positive integer, got ${length}`);
  }
  let code = "";
  for (let round = 0; code.length < length; round++) {
    if (round >= MAX_RANDOM_ROUNDS) throw new Error("Random source produced no usable bytes");
    for (const byte of random(length - code.length)) {
      if (byte >= UNBIASED_BYTE_LIMIT) continue;
      code += SHORT_CODE_ALPHABET[byte % ALPHABET_SIZE];
      if (code.length === length) break;
    }
  }
  return code;
}

/** A session's short code for the QR link and for typing (e.g. "K7P3XM"). */
export function generateShortCode(
  random: RandomBytes = cryptoRandomBytes,
  length = SHORT_CODE_LENGTH,
): string {
  return randomCode(length, random);
}

const ARABIC_INDIC_ZERO = 0x0660; // ٠ (Arabic)
const EXTENDED_ARABIC_INDIC_ZERO = 0x06f0; // ۰ (Farsi, Urdu)

/**
 * Normalize a typed code: Unicode NFKC (full-width letters/digits become ASCII), Arabic-Indic and
 * Persian digits become ASCII digits (parents may type on an Arabic, Farsi or Urdu keyboard),
 * upper case, and spaces, dashes, dots and underscores removed.
 *
 * Confusable characters (0/O, 1/I/L, U) are never issued, so they are left as they are: a code
 * containing them is simply invalid and the page says it cannot find the code. We do not guess a
 * replacement, because no single valid character is "the" intended one.
 */
export function normalizeCode(input: string): string {
  return input
    .normalize("NFKC")
    .replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - ARABIC_INDIC_ZERO))
    .replace(/[\u06f0-\u06f9]/g, (d) => String(d.charCodeAt(0) - EXTENDED_ARABIC_INDIC_ZERO))
    .toUpperCase()
    .replace(/[\s\-\u2010-\u2015\u2212._]/g, "");
}

export const normalizeShortCode = normalizeCode;

const codePattern = (length: number) => new RegExp(`^[${SHORT_CODE_ALPHABET}]{${length}}$`);
const SHORT_CODE_PATTERN = codePattern(SHORT_CODE_LENGTH);
const ONE_TIME_CODE_PATTERN = codePattern(ONE_TIME_CODE_LENGTH);

/** Is this an already normalized, well-formed short code? (Normalize user input first.) */
export function isValidShortCode(code: string): boolean {
  return SHORT_CODE_PATTERN.test(code);
}

/** Print form of a one-time code: "ABCDEFGH" -> "ABCD-EFGH". */
export function formatOneTimeCode(normalized: string): string {
  const half = Math.ceil(normalized.length / 2);
  return `${normalized.slice(0, half)}-${normalized.slice(half)}`;
}

export const normalizeOneTimeCode = normalizeCode;

/** Is this an already normalized, well-formed one-time code? (Normalize user input first.) */
export function isValidOneTimeCode(code: string): boolean {
  return ONE_TIME_CODE_PATTERN.test(code);
}

/**
 * `count` distinct one-time codes in print form ("ABCD-EFGH"), for slips handed out at random.
 * Hash `normalizeOneTimeCode(code)` for storage; never store the printed list.
 */
export function generateOneTimeCodes(
  count: number,
  random: RandomBytes = cryptoRandomBytes,
): string[] {
  if (!Number.isInteger(count) || count < 1 || count > MAX_ONE_TIME_CODES) {
    throw new RangeError(`One-time code count must be 1-${MAX_ONE_TIME_CODES}, got ${count}`);
  }
  const codes = new Set<string>();
  // 30^8 (~6.6e11) possible codes: a collision within one batch is rare; just draw again.
  for (let attempts = 0; codes.size < count; attempts++) {
    if (attempts >= count * 10) throw new Error("Random source keeps repeating one-time codes");
    codes.add(randomCode(ONE_TIME_CODE_LENGTH, random));
  }
  return [...codes].map(formatOneTimeCode);
}

// ---------------------------------------------------------------------------------------------
// Response window
// ---------------------------------------------------------------------------------------------

export const DEFAULT_FEEDBACK_CLOSE_DAYS = 14;
const DAY_MS = 24 * 60 * 60 * 1000;

export interface FeedbackWindow {
  /** ISO 8601 UTC instant; answering is allowed from this instant (inclusive). */
  opensAt: string;
  /** ISO 8601 UTC instant; answering is closed from this instant (exclusive end). */
  closesAt: string;
}

export type FeedbackWindowState = "not_open" | "open" | "closed";

/**
 * The window is [session start, session start + N x 24 h). It opens at the start (not the end) so
 * that a facilitator can show the QR code whenever the session ends, even if it ends early. The end
 * is an exact duration, not a local calendar day: across a DST change it closes at 09:00 instead
 * of 10:00 local time, which is harmless for a 14-day window and keeps this free of time zones.
 */
export function feedbackWindow(
  sessionStartUtc: string,
  closeAfterDays = DEFAULT_FEEDBACK_CLOSE_DAYS,
): FeedbackWindow {
  const start = Date.parse(sessionStartUtc);
  if (Number.isNaN(start)) throw new RangeError(`Invalid session start: ${sessionStartUtc}`);
  if (!Number.isInteger(closeAfterDays) || closeAfterDays < 1) {
    throw new RangeError(`closeAfterDays must be a positive integer, got ${closeAfterDays}`);
  }
  return {
    opensAt: new Date(start).toISOString(),
    closesAt: new Date(start + closeAfterDays * DAY_MS).toISOString(),
  };
}

export function feedbackWindowState(now: Date, window: FeedbackWindow): FeedbackWindowState {
  const t = now.getTime();
  if (t < Date.parse(window.opensAt)) return "not_open";
  if (t < Date.parse(window.closesAt)) return "open";
  return "closed";
}

// ---------------------------------------------------------------------------------------------
// Submission
// ---------------------------------------------------------------------------------------------

export const FEEDBACK_COMMENT_MAX_LENGTH = 1000;

/** Error message keys (translated by `feedbackText` in `~/i18n/feedback-form`). */
export const FEEDBACK_ERRORS = {
  answerOutOfScale: "feedback.error.answerOutOfScale",
  unknownItem: "feedback.error.unknownItem",
  wrongFormVersion: "feedback.error.wrongFormVersion",
  atLeastOne: "feedback.error.atLeastOne",
  commentTooLong: "feedback.error.commentTooLong",
  invalidLanguage: "feedback.error.invalidLanguage",
} as const;

/** The part of a stored form version that validation needs. */
export interface FeedbackFormDefinition {
  version: number;
  items: ReadonlyArray<{ key: string; scale: FeedbackScaleKey }>;
  /** Languages offered for this form (e.g. AUDIENCE_LOCALES[audience]); all when omitted. */
  locales?: readonly FeedbackLocale[];
}

export interface FeedbackSubmission {
  formVersion: number;
  locale: FeedbackLocale;
  /** itemKey -> option value; unanswered items are absent. */
  answers: Record<string, string>;
  /** Trimmed, non-empty; absent when not given. */
  comment?: string;
}

/** Length in characters as people count them (code points, so an emoji counts once). */
function characterCount(text: string): number {
  return [...text].length;
}

function normalizeComment(value: string | null | undefined): string | undefined {
  if (value === null || value === undefined) return undefined;
  const trimmed = value.replace(/\r\n?/g, "\n").trim();
  return trimmed === "" ? undefined : trimmed;
}

/**
 * The zod schema for one form version. Used by the action (the public form has no JavaScript).
 * Input: `{ formVersion, locale, answers: { [itemKey]: value | "" | null }, comment? }`; empty
 * answers mean "not answered" and are dropped from the output. Rules: the form version must be the
 * one shown; the language must be offered; every answer key must be an item of this version and
 * every value an option of that item's scale; the comment is at most 1000 characters; and at least
 * one answer or a comment is required. Error messages are `FEEDBACK_ERRORS` keys.
 */
export function buildFeedbackSubmissionSchema(form: FeedbackFormDefinition) {
  const allowedValues = new Map(
    form.items.map((item) => [item.key, new Set(scaleValues(item.scale))] as const),
  );
  const locales: readonly string[] = form.locales ?? FEEDBACK_LOCALES;

  return z
    .object({
      formVersion: z
        .number({ error: FEEDBACK_ERRORS.wrongFormVersion })
        .refine((v) => v === form.version, { error: FEEDBACK_ERRORS.wrongFormVersion }),
      locale: z
        .string({ error: FEEDBACK_ERRORS.invalidLanguage })
        .refine((v): v is FeedbackLocale => isFeedbackLocale(v) && locales.includes(v), {
          error: FEEDBACK_ERRORS.invalidLanguage,
        })
        .transform((v) => v as FeedbackLocale),
      answers: z
        .record(z.string(), z.unknown(), { error: FEEDBACK_ERRORS.answerOutOfScale })
        .optional()
        .transform((raw, ctx) => {
          const answers: Record<string, string> = {};
          for (const [key, value] of Object.entries(raw ?? {})) {
            const allowed = allowedValues.get(key);
            if (!allowed) {
              ctx.addIssue({ code: "custom", message: FEEDBACK_ERRORS.unknownItem, path: [key] });
              continue;
            }
            if (value === undefined || value === null || value === "") continue;
            if (typeof value !== "string" || !allowed.has(value)) {
              ctx.addIssue({
                code: "custom",
                message: FEEDBACK_ERRORS.answerOutOfScale,
                path: [key],
              });
              continue;
            }
            answers[key] = value;
          }
          return answers;
        }),
      comment: z
        .string({ error: FEEDBACK_ERRORS.commentTooLong })
        .nullish()
        .transform(normalizeComment)
        .refine((v) => v === undefined || characterCount(v) <= FEEDBACK_COMMENT_MAX_LENGTH, {
          error: FEEDBACK_ERRORS.commentTooLong,
        }),
    })
    .superRefine((value, ctx) => {
      if (Object.keys(value.answers).length === 0 && value.comment === undefined) {
        ctx.addIssue({ code: "custom", message: FEEDBACK_ERRORS.atLeastOne, path: [] });
      }
    })
    .transform(
      ({ formVersion, locale, answers, comment }): FeedbackSubmission =>
        comment === undefined
          ? { formVersion, locale, answers }
          : { formVersion, locale, answers, comment },
    );
}

/** What could be recovered from an invalid post, to re-render the form without losing answers. */
export interface FeedbackSubmissionDraft {
  formVersion?: number;
  locale?: FeedbackLocale;
  /** Only answers that are valid for the form. */
  answers: Record<string, string>;
  /** The comment as typed (so the person can shorten it rather than retype it). */
  comment?: string;
}

/**
 * Field names in errors/warnings: `answer.<itemKey>`, `comment`, `formVersion`, `locale`, and
 * `form` for the form as a whole ("answer at least one question").
 */
export type FeedbackParseResult =
  | { ok: true; value: FeedbackSubmission; warnings: Record<string, string> }
  | { ok: false; errors: Record<string, string>; value: FeedbackSubmissionDraft };

export const ANSWER_FIELD_PREFIX = "answer.";
export const answerFieldName = (itemKey: string) => `${ANSWER_FIELD_PREFIX}${itemKey}`;

/** Marks a field sent more than once (a radio group sends one value); always out of scale. */
const DUPLICATE = Symbol("duplicate");

function fieldOf(path: ReadonlyArray<PropertyKey>): string {
  const [head, second] = path;
  if (head === "answers" && second !== undefined) return answerFieldName(String(second));
  if (head === "formVersion" || head === "locale" || head === "comment") return head;
  return "form";
}

function collectErrors(issues: ReadonlyArray<z.core.$ZodIssue>): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of issues) {
    const field = fieldOf(issue.path);
    errors[field] ??= issue.message;
  }
  return errors;
}

/**
 * Parse a posted feedback form (`answer.<itemKey>`, `comment`, `formVersion`, `locale`; other
 * fields such as a honeypot or a one-time code are ignored here and handled by the caller).
 *
 * Design choice: valid answers are never lost because of an invalid optional field. If the only
 * problem is the comment (too long: possible only when the browser did not enforce `maxlength`),
 * the result is `ok: true` without the comment and with `warnings.comment` set, so the action
 * saves the answers and the thank-you page says the comment was not saved
 * (`feedback.thanks.commentNotSaved`). Re-showing the form instead would risk losing the whole
 * response: people, children especially, often close the page right after pressing "Send".
 * If the comment was the only content, there is nothing to save: `ok: false` with the comment
 * error, and the draft keeps the typed comment for editing. For any other error, `ok: false`
 * and the draft keeps every valid answer so the re-rendered form shows them selected.
 */
/**
 * The submission schema of a form definition, built once per definition object: building a zod
 * schema costs more than parsing with it (the feedback POST's profile), and the server keeps one
 * definition object per answered form version.
 */
const submissionSchemas = new WeakMap<
  FeedbackFormDefinition,
  ReturnType<typeof buildFeedbackSubmissionSchema>
>();

function submissionSchemaFor(form: FeedbackFormDefinition) {
  let schema = submissionSchemas.get(form);
  if (!schema) {
    schema = buildFeedbackSubmissionSchema(form);
    submissionSchemas.set(form, schema);
  }
  return schema;
}

export function parseFeedbackFormData(
  formData: FormData | URLSearchParams,
  form: FeedbackFormDefinition,
): FeedbackParseResult {
  const answers: Record<string, unknown> = {};
  let formVersion: number | undefined;
  let locale: unknown;
  let comment: unknown;

  for (const [name, value] of formData.entries()) {
    if (name.startsWith(ANSWER_FIELD_PREFIX)) {
      const key = name.slice(ANSWER_FIELD_PREFIX.length);
      answers[key] = Object.hasOwn(answers, key) ? DUPLICATE : value;
    } else if (name === "formVersion") {
      formVersion =
        typeof value === "string" && /^\d{1,9}$/.test(value) ? Number(value) : Number.NaN;
    } else if (name === "locale") {
      locale = value;
    } else if (name === "comment" && typeof value === "string") {
      // A file posted as "comment" is tampering; it is ignored rather than stored.
      comment = value;
    }
  }

  const schema = submissionSchemaFor(form);
  const input = { formVersion, locale, answers, comment };
  const result = schema.safeParse(input);
  if (result.success) return { ok: true, value: result.data, warnings: {} };

  const errors = collectErrors(result.error.issues);
  const onlyComment = Object.keys(errors).every((field) => field === "comment");
  if (onlyComment) {
    const withoutComment = schema.safeParse({ ...input, comment: undefined });
    if (withoutComment.success) {
      return { ok: true, value: withoutComment.data, warnings: errors };
    }
  }
  return { ok: false, errors, value: recoverDraft(input, form) };
}

function recoverDraft(
  input: {
    formVersion: number | undefined;
    locale: unknown;
    answers: Record<string, unknown>;
    comment: unknown;
  },
  form: FeedbackFormDefinition,
): FeedbackSubmissionDraft {
  const draft: FeedbackSubmissionDraft = { answers: {} };
  if (input.formVersion !== undefined && Number.isInteger(input.formVersion)) {
    draft.formVersion = input.formVersion;
  }
  const locales: readonly string[] = form.locales ?? FEEDBACK_LOCALES;
  if (isFeedbackLocale(input.locale) && locales.includes(input.locale)) draft.locale = input.locale;
  for (const item of form.items) {
    const value = input.answers[item.key];
    if (typeof value === "string" && scaleValues(item.scale).includes(value)) {
      draft.answers[item.key] = value;
    }
  }
  if (typeof input.comment === "string" && input.comment !== "") draft.comment = input.comment;
  return draft;
}
