import { type ChangeEvent, type FocusEvent, type FormEvent, useRef, useState } from "react";
import type { z } from "zod";
import type { FieldErrors } from "~/domain/forms";
import type { MessageKey } from "~/i18n";

/**
 * The form's zod schema, fetched when the form is first used: a page with a form loads zod (about
 * 25 KB gzip) only once someone focuses a field, so the page's first JavaScript stays small
 * (issue 12, decision 029). Write it as `() => import("~/domain/x").then((m) => m.schema)`.
 */
export type SchemaLoader<In, Out> = () => Promise<z.ZodType<Out, In>>;

/**
 * Client validation with the same zod schema and the same parsing as the action
 * (`formDataToObject` + `parseWithSchema` over the form's own FormData), so the browser shows the
 * errors the server would, all at once.
 *
 * The form renders and posts natively: a form sent before the schema has loaded (or without
 * JavaScript) is validated by the action, and its errors come back as `serverErrors`. Once the
 * schema is there, an invalid form is not sent: every error shows at once and focus moves to the
 * first invalid field; after that, each field is checked again as it changes (not on blur: an
 * error appearing when a field loses focus moves the page under the pointer between the press and
 * the release of the submit button, so the click is lost).
 */
export function useValidatedForm<In extends object, Out extends object = object>(
  loadSchema: SchemaLoader<In, Out>,
  options: {
    /**
     * What the form shows first: the loader's values, or what the action got back (posted values
     * are strings and lists of strings, so they are not typed as the schema's input).
     */
    defaultValues?: Partial<In> | Record<string, unknown>;
    serverErrors?: Record<string, MessageKey | undefined>;
    /** The names the action reads as lists (`formDataToObject`'s `arrayFields`): the same list. */
    arrayFields?: readonly string[];
  } = {},
) {
  const defaultValues = (options.defaultValues ?? {}) as Record<string, unknown>;
  // The schema and the action's parsing, both fetched on first use.
  const checkRef = useRef<((values: FormData) => FieldErrors) | null>(null);
  const loading = useRef<Promise<unknown> | null>(null);
  const [clientErrors, setClientErrors] = useState<FieldErrors | null>(null);
  const [watched, setWatched] = useState<Record<string, string>>({});
  const watching = useRef(false);

  // Once per form: the loader is a new function on every render, the first is as good as any.
  const ensureSchema = (form: HTMLFormElement | null) => {
    loading.current ??= Promise.all([loadSchema(), import("~/domain/forms")]).then(
      ([schema, { formDataToObject, parseWithSchema }]) => {
        checkRef.current = (data) => {
          const parsed = parseWithSchema(schema, formDataToObject(data, options.arrayFields));
          return parsed.ok ? {} : parsed.errors;
        };
        // Marks the form as checked in the browser from now on (end-to-end tests wait for it).
        form?.setAttribute("data-client-validation", "");
      },
      // Offline or a new deployment: the server still validates every submission.
      () => {
        loading.current = null;
      },
    );
  };

  const validate = (form: HTMLFormElement, submitter?: HTMLElement | null) => {
    const check = checkRef.current;
    return check ? check(new FormData(form, submitter ?? undefined)) : null;
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    const formElement = event.currentTarget;
    const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLElement | null;
    const errors = validate(formElement, submitter);
    if (errors === null) {
      // Sent before the schema arrived: the action answers with the same errors.
      ensureSchema(formElement);
      return;
    }
    setClientErrors(errors);
    if (Object.keys(errors).length === 0) return;
    event.preventDefault();
    for (const element of Array.from(formElement.elements)) {
      const name = (element as HTMLInputElement).name;
      if (name && pathHasError(name, errors) && element instanceof HTMLElement) {
        element.focus();
        break;
      }
    }
  };

  const onChange = (
    event: ChangeEvent<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>,
  ) => {
    const target = event.currentTarget;
    if (watching.current && target.type !== "checkbox" && target.type !== "radio") {
      setWatched((values) => ({ ...values, [target.name]: target.value }));
    }
    // Before the first check of the whole form, typing shows nothing (validation on submit).
    if (!clientErrors || !target.form) return;
    const errors = validate(target.form);
    if (!errors) return;
    setClientErrors((previous) => {
      const next: FieldErrors = {};
      for (const [path, message] of Object.entries(previous ?? {})) {
        if (!isWithin(path, target.name)) next[path] = message;
      }
      for (const [path, message] of Object.entries(errors)) {
        if (isWithin(path, target.name)) next[path] = message;
      }
      return next;
    });
  };

  const onFocus = (event: FocusEvent<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>) =>
    ensureSchema(event.currentTarget.form);

  /** Client error for a path if any, else the server's; a message key or undefined. */
  const errorFor = (path: string): MessageKey | undefined =>
    clientErrors?.[path] ?? options.serverErrors?.[path];

  const allErrors = (): Record<string, MessageKey> => {
    const result: Record<string, MessageKey> = {};
    for (const [path, message] of Object.entries(options.serverErrors ?? {})) {
      if (message) result[path] = message;
    }
    return { ...result, ...clientErrors };
  };

  /** A field's props: its name, the initial value (server-rendered), and the checks. */
  const field = (name: FieldName<In, Out>) => {
    const initial = getPath(defaultValues, name);
    return {
      name,
      onChange,
      onFocus,
      defaultValue: initial === undefined || initial === null ? undefined : String(initial),
    };
  };

  /** A checkbox or radio with `value`, checked on the server when the initial value has it. */
  const choice = (name: FieldName<In, Out>, value: string) => {
    const initial = getPath(defaultValues, name);
    const checked = Array.isArray(initial)
      ? initial.map(String).includes(value)
      : initial === true
        ? value === "on" || value === "true"
        : String(initial) === value;
    return { name, value, onChange, onFocus, defaultChecked: checked };
  };

  /** The current value of a text-like field (re-renders as it changes), else its initial value. */
  const watchField = (name: FieldName<In, Out>): unknown => {
    watching.current = true;
    return name in watched ? watched[name] : getPath(defaultValues, name);
  };

  return { onSubmit, errorFor, allErrors, field, choice, watchField };
}

/**
 * A field name of a schema: a path into its posted (input) or its parsed (output) values, e.g.
 * `startDate` (input only: the schema turns it into `startsAt`) or `windows.0.date` (output
 * only: a field that goes through `z.preprocess` has an `unknown` input, with no paths below it).
 * A name in neither does not type-check.
 */
export type FieldName<In, Out> = Path<In> | Path<Out>;

type Leaf = string | number | boolean | bigint | symbol | null | undefined | Date;

/** Dotted paths into a value (array items by index), as form field names write them. */
type Path<T> = T extends Leaf
  ? never
  : T extends readonly (infer Item)[]
    ? `${number}` | `${number}.${Path<Item>}`
    : {
        [K in keyof T & string]: NonNullable<T[K]> extends Leaf ? K : K | `${K}.${Path<T[K]>}`;
      }[keyof T & string];

/** The error paths a field answers for: its own name and the paths below it. */
function isWithin(path: string, name: string): boolean {
  return path === name || path.startsWith(`${name}.`);
}

/** Whether a field (by its name) has an error, its own or one of a list or group it belongs to. */
function pathHasError(name: string, errors: FieldErrors): boolean {
  return Object.keys(errors).some((path) => isWithin(path, name) || isWithin(name, path));
}

function getPath(values: Record<string, unknown>, path: string): unknown {
  let node: unknown = values;
  for (const segment of path.split(".")) {
    if (node === null || typeof node !== "object") return undefined;
    node = (node as Record<string, unknown>)[segment];
  }
  return node;
}
