import { useSubmit } from "@remix-run/react";
import { type FocusEvent, type FormEvent, useRef } from "react";
import {
  type DefaultValues,
  type FieldValues,
  get,
  type Path,
  type Resolver,
  useForm,
} from "react-hook-form";
import type { z } from "zod";
import type { MessageKey } from "~/i18n";
import { messageKey } from "~/i18n/format";

/**
 * The form's zod schema, fetched when the form is first used: a page with a form loads zod (about
 * 25 KB gzip) only once someone focuses a field, so the page's first JavaScript stays smaller
 * (issue 12, decision 029). Write it as `() => import("~/domain/x").then((m) => m.schema)`.
 */
export type SchemaLoader<In, Out> = () => Promise<z.ZodType<Out, In>>;

/**
 * react-hook-form with the same zod schema the action uses, the schema and its resolver fetched
 * on the first focus of a field. Valid input is posted as a normal form submission (so the action
 * sees the same FormData with or without JavaScript); invalid input shows every message at once
 * and moves focus to the first field in error. Server errors (message keys by field path) are
 * merged in.
 *
 * A form sent before the schema has arrived (pressed at once, a dropped connection) is posted as
 * it is, as without JavaScript, and the action answers with the same messages: nothing is lost
 * and there is no second way to validate.
 */
export function useValidatedForm<In extends FieldValues, Out extends FieldValues = FieldValues>(
  loadSchema: SchemaLoader<In, Out>,
  options: {
    /**
     * What the form shows first: the loader's values, or what the action got back (posted values
     * are strings and lists of strings, so they are not typed as the schema's input).
     */
    defaultValues?: DefaultValues<In> | Record<string, unknown>;
    serverErrors?: Record<string, MessageKey | undefined>;
  } = {},
) {
  const defaultValues = options.defaultValues as DefaultValues<In> | undefined;
  const resolverRef = useRef<Resolver<In> | null>(null);
  const loading = useRef<Promise<void> | null>(null);

  // Once per form: the loader is a new function on every render, the first is as good as any.
  const ensureResolver = (formElement: HTMLFormElement | null) => {
    loading.current ??= Promise.all([loadSchema(), import("@hookform/resolvers/zod")]).then(
      ([schema, { zodResolver }]) => {
        resolverRef.current = zodResolver(
          schema as z.ZodType<unknown, FieldValues>,
        ) as unknown as Resolver<In>;
        // Marks the form as checked in the browser from now on (end-to-end tests wait for it).
        formElement?.setAttribute("data-client-validation", "");
      },
      // Offline or a new deployment: the server still validates every submission.
      () => {
        loading.current = null;
      },
    );
    return loading.current;
  };

  const form = useForm<In>({
    // Only called once the resolver is there (onSubmit posts natively before): handleSubmit and
    // the re-validation on change after it.
    resolver: (values, context, resolverOptions) =>
      resolverRef.current
        ? resolverRef.current(values, context, resolverOptions)
        : { values, errors: {} },
    defaultValues,
    mode: "onSubmit",
    reValidateMode: "onChange",
    // react-hook-form focuses the first registered field with an error of its own; an error on a
    // list ("windows": no date given) belongs to the list's first field, so focus is ours.
    shouldFocusError: false,
  });
  const submit = useSubmit();

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    const formElement = event.currentTarget;
    if (!resolverRef.current) {
      // Not loaded yet: Remix posts the form and the action answers with the same errors.
      void ensureResolver(formElement);
      return;
    }
    const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    form.handleSubmit(
      () => {
        submit(submitter ?? formElement, submitter ? { method: "post" } : undefined);
      },
      (errors) => focusFirstInError(formElement, errors),
    )(event);
  };

  const onFocus = (event: FocusEvent<HTMLElement & { form: HTMLFormElement | null }>) => {
    void ensureResolver(event.currentTarget.form);
  };

  /** Client error for a path if any, else the server's; a message key or undefined. */
  const errorFor = (path: string): MessageKey | undefined => {
    const clientError = get(form.formState.errors, path) as
      | { message?: unknown; root?: { message?: unknown } }
      | undefined;
    const message = clientError?.message ?? clientError?.root?.message;
    if (typeof message === "string") return messageKey(message);
    return options.serverErrors?.[path];
  };

  const allErrors = (): Record<string, MessageKey> => {
    const result: Record<string, MessageKey> = {};
    for (const [path, message] of Object.entries(options.serverErrors ?? {})) {
      if (message) result[path] = message;
    }
    collectErrors(form.formState.errors, "", result);
    return result;
  };

  /**
   * `register` plus the server-rendered initial value, so a form re-rendered by the action without
   * JavaScript keeps what was typed (react-hook-form alone sets values only after hydration), and
   * the first focus fetching the schema.
   */
  const field = (name: FieldName<In, Out>) => {
    const initial = get(defaultValues ?? {}, name);
    return {
      ...form.register(asInputPath<In>(name)),
      onFocus,
      defaultValue: initial === undefined || initial === null ? undefined : String(initial),
    };
  };

  /** A checkbox or radio with `value`, checked on the server when the initial value has it. */
  const choice = (name: FieldName<In, Out>, value: string) => {
    const initial = get(defaultValues ?? {}, name);
    const checked = Array.isArray(initial)
      ? initial.map(String).includes(value)
      : initial === true
        ? value === "on" || value === "true"
        : String(initial) === value;
    return { ...form.register(asInputPath<In>(name)), onFocus, value, defaultChecked: checked };
  };

  /** The current value of a field (re-renders on change), by the same names as `field`. */
  const watchField = (name: FieldName<In, Out>): unknown => form.watch(asInputPath<In>(name));

  return { onSubmit, errorFor, allErrors, field, choice, watchField };
}

/**
 * A field name of a schema: a path into its posted (input) or its parsed (output) values, e.g.
 * `startDate` (input only: the schema turns it into `startsAt`) or `windows.0.date` (output
 * only: a field that goes through `z.preprocess` has an `unknown` input, with no paths below it).
 * A name in neither does not type-check.
 */
export type FieldName<In extends FieldValues, Out extends FieldValues> = Path<In> | Path<Out>;

/** The same path, as react-hook-form's register (typed by the form's input values) wants it. */
function asInputPath<T extends FieldValues>(name: string): Path<T> {
  return name as Path<T>;
}

/** Moves focus to the first field, in the form's order, that has an error or is in a list that has one. */
function focusFirstInError(formElement: HTMLFormElement, errors: object) {
  const collected: Record<string, MessageKey> = {};
  collectErrors(errors, "", collected);
  // A list's own error sits under `root` ("windows.root"): it is the list's.
  const paths = Object.keys(collected).map((path) => path.replace(/\.root$/, ""));
  const within = (path: string, name: string) => path === name || path.startsWith(`${name}.`);
  for (const element of Array.from(formElement.elements)) {
    const name = (element as HTMLInputElement).name;
    if (!name || !(element instanceof HTMLElement)) continue;
    if (paths.some((path) => within(path, name) || within(name, path))) {
      element.focus();
      return;
    }
  }
}

function collectErrors(node: unknown, prefix: string, into: Record<string, MessageKey>) {
  if (!node || typeof node !== "object") return;
  const record = node as Record<string, unknown>;
  if (typeof record.message === "string" && typeof record.type === "string") {
    into[prefix || "_form"] = messageKey(record.message);
    return;
  }
  for (const [key, value] of Object.entries(record)) {
    if (key === "ref") continue;
    collectErrors(value, prefix ? `${prefix}.${key}` : key, into);
  }
}
