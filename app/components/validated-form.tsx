import { zodResolver } from "@hookform/resolvers/zod";
import { useSubmit } from "@remix-run/react";
import type { FormEvent } from "react";
import { type DefaultValues, type FieldValues, get, type Path, useForm } from "react-hook-form";
import type { z } from "zod";

/**
 * react-hook-form with the same zod schema the action uses. Valid input is posted as a normal form
 * submission (so the action sees the same FormData with or without JavaScript); invalid input shows
 * the messages at once. Server errors (message keys by field path) are merged in.
 */
export function useValidatedForm<T extends FieldValues>(
  schema: z.ZodType<unknown, T>,
  options: {
    defaultValues?: DefaultValues<T>;
    serverErrors?: Record<string, string | undefined>;
  } = {},
) {
  const form = useForm<T>({
    // biome-ignore lint/suspicious/noExplicitAny: the resolver's generic types do not line up with zod 4's input/output split.
    resolver: zodResolver(schema as any) as any,
    defaultValues: options.defaultValues,
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
  const errorFor = (path: string): string | undefined => {
    const clientError = get(form.formState.errors, path) as
      | { message?: unknown; root?: { message?: unknown } }
      | undefined;
    const message = clientError?.message ?? clientError?.root?.message;
    if (typeof message === "string") return message;
    // A server error stays until the form is sent again (then the action answers afresh).
    return options.serverErrors?.[path];
  };

  const allErrors = (): Record<string, string> => {
    const result: Record<string, string> = {};
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
  const field = (name: Path<T>) => {
    const initial = get(options.defaultValues ?? {}, name);
    return {
      ...form.register(name),
      defaultValue: initial === undefined || initial === null ? undefined : String(initial),
    };
  };

  /** A checkbox or radio with `value`, checked on the server when the initial value has it. */
  const choice = (name: Path<T>, value: string) => {
    const initial = get(options.defaultValues ?? {}, name);
    const checked = Array.isArray(initial)
      ? initial.map(String).includes(value)
      : initial === true
        ? value === "on" || value === "true"
        : String(initial) === value;
    return { ...form.register(name), value, defaultChecked: checked };
  };

  return { ...form, onSubmit, errorFor, allErrors, field, choice };
}

function collectErrors(node: unknown, prefix: string, into: Record<string, string>) {
  if (!node || typeof node !== "object") return;
  const record = node as Record<string, unknown>;
  if (typeof record.message === "string" && typeof record.type === "string") {
    into[prefix || "_form"] = record.message;
    return;
  }
  for (const [key, value] of Object.entries(record)) {
    if (key === "ref") continue;
    collectErrors(value, prefix ? `${prefix}.${key}` : key, into);
  }
}
