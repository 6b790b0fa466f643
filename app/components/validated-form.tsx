import { zodResolver } from "@hookform/resolvers/zod";
import { useSubmit } from "@remix-run/react";
import type { FormEvent } from "react";
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
 * react-hook-form with the same zod schema the action uses. Valid input is posted as a normal form
 * submission (so the action sees the same FormData with or without JavaScript); invalid input shows
 * the messages at once. Server errors (message keys by field path) are merged in.
 */
export function useValidatedForm<T extends FieldValues, Out extends FieldValues = FieldValues>(
  schema: z.ZodType<Out, T>,
  options: {
    /**
     * What the form shows first: the loader's values, or what the action got back (posted values
     * are strings and lists of strings, so they are not typed as the schema's input).
     */
    defaultValues?: DefaultValues<T> | Record<string, unknown>;
    serverErrors?: Record<string, MessageKey | undefined>;
  } = {},
) {
  const defaultValues = options.defaultValues as DefaultValues<T> | undefined;
  const form = useForm<T>({
    resolver: zodResolver(schema as z.ZodType<unknown, FieldValues>) as Resolver<T>,
    defaultValues,
    // Validate the whole form when it is sent, then each field as it changes. Not on blur: an
    // error that appears when a field loses focus moves the page under the pointer between the
    // press and the release of the submit button, so the click is lost and only that one error
    // shows (the GOV.UK pattern also validates on submit).
    mode: "onSubmit",
    reValidateMode: "onChange",
  });
  const submit = useSubmit();

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    const formElement = event.currentTarget;
    const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    form.handleSubmit(() => {
      submit(submitter ?? formElement, submitter ? { method: "post" } : undefined);
    })(event);
  };

  /** Client error for a path if any, else the server's; a message key or undefined. */
  const errorFor = (path: string): MessageKey | undefined => {
    const clientError = get(form.formState.errors, path) as
      | { message?: unknown; root?: { message?: unknown } }
      | undefined;
    const message = clientError?.message ?? clientError?.root?.message;
    // zod's messages are the schema's keys (typed where the schema is written).
    if (typeof message === "string") return messageKey(message);
    // A server error stays until the form is sent again (then the action answers afresh).
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
   * JavaScript keeps what was typed (react-hook-form alone sets values only after hydration).
   */
  const field = (name: FieldName<T, Out>) => {
    const initial = get(defaultValues ?? {}, name);
    return {
      ...form.register(asInputPath<T>(name)),
      defaultValue: initial === undefined || initial === null ? undefined : String(initial),
    };
  };

  /** A checkbox or radio with `value`, checked on the server when the initial value has it. */
  const choice = (name: FieldName<T, Out>, value: string) => {
    const initial = get(defaultValues ?? {}, name);
    const checked = Array.isArray(initial)
      ? initial.map(String).includes(value)
      : initial === true
        ? value === "on" || value === "true"
        : String(initial) === value;
    return { ...form.register(asInputPath<T>(name)), value, defaultChecked: checked };
  };

  /** The current value of a field (re-renders on change), by the same names as `field`. */
  const watchField = (name: FieldName<T, Out>): unknown => form.watch(asInputPath<T>(name));

  return { ...form, onSubmit, errorFor, allErrors, field, choice, watchField };
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
