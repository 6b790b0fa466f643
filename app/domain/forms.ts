import type { z } from "zod";
import type { MessageKey } from "../i18n";
import { messageKey } from "../i18n/format";

/**
 * Turns posted form fields into the object a zod schema expects, the same shape react-hook-form
 * builds in the browser: dotted names ("windows.0.date") become nested objects/arrays, and names
 * listed in `arrayFields` (multi-checkboxes) always become arrays.
 */
export function formDataToObject(
  data: FormData | URLSearchParams,
  arrayFields: readonly string[] = [],
): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const key of new Set(data.keys())) {
    const values = data.getAll(key).filter((v): v is string => typeof v === "string");
    const value: unknown = arrayFields.includes(key) ? values : values[values.length - 1];
    setPath(result, key.split("."), value);
  }
  for (const field of arrayFields) {
    if (!field.includes(".") && !(field in result)) result[field] = [];
  }
  return result;
}

function setPath(target: Record<string, unknown>, path: string[], value: unknown) {
  let node: Record<string, unknown> | unknown[] = target;
  path.forEach((segment, index) => {
    const last = index === path.length - 1;
    const key: string | number = /^\d+$/.test(segment) ? Number(segment) : segment;
    const container = node as Record<string | number, unknown>;
    if (last) {
      container[key] = value;
      return;
    }
    if (container[key] === undefined) {
      container[key] = /^\d+$/.test(path[index + 1]) ? [] : {};
    }
    node = container[key] as Record<string, unknown>;
  });
}

export type FieldErrors = Record<string, MessageKey>;

/** First message (a message key) per field path, e.g. { "windows.0.date": "request.window.tooSoon" }. */
export function fieldErrorsFromIssues(issues: readonly z.core.$ZodIssue[]): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) {
    const path = issue.path.map(String).join(".") || "_form";
    // The schemas' messages are keys, typed where each schema is written.
    errors[path] ??= messageKey(issue.message);
  }
  return errors;
}

export type ParseResult<T> =
  | { ok: true; data: T }
  | { ok: false; errors: FieldErrors; values: Record<string, unknown> };

export function parseWithSchema<S extends z.ZodType>(
  schema: S,
  values: Record<string, unknown>,
): ParseResult<z.output<S>> {
  const parsed = schema.safeParse(values);
  if (parsed.success) return { ok: true, data: parsed.data };
  return { ok: false, errors: fieldErrorsFromIssues(parsed.error.issues), values };
}
