import { useSubmit } from "@remix-run/react";
import { type FocusEvent, type FormEvent, useEffect, useReducer, useRef, useState } from "react";
// Types only: react-hook-form itself comes with the schema (./form-control), not with the page.
import type { DefaultValues, FieldValues, Path } from "react-hook-form";
import type { z } from "zod";
import type { MessageKey } from "~/i18n";
import { messageKey } from "~/i18n/format";
import type { FormControl } from "./form-control";

type FormControlModule = typeof import("./form-control");

/**
 * The form's zod schema, fetched when the form is first used: a page with a form loads zod (about
 * 25 KB gzip) only once someone focuses a field, so the page's first JavaScript stays smaller
 * (issue 12, decision 029). Write it as `() => import("~/domain/x").then((m) => m.schema)`.
 */
export type SchemaLoader<In, Out> = () => Promise<z.ZodType<Out, In>>;

/**
 * A form checked in the browser by react-hook-form with the same zod schema the action uses.
 * react-hook-form, the schema and the resolver are fetched on the first focus of a field
 * (decisions 029 and 030); until then the form is plain server-rendered HTML (uncontrolled fields
 * with their initial values), so the page's first JavaScript carries none of them. Once they are
 * there, react-hook-form's form control (`createFormControl`) registers the rendered fields, and:
 * valid input is posted as a normal form submission (so the action sees the same FormData with or
 * without JavaScript); invalid input shows every message at once and moves focus to the first
 * field in error; after that each field is checked again as it changes. Server errors (message
 * keys by field path) are merged in.
 *
 * A form sent before the control is there (pressed at once, a dropped connection) is posted as it
 * is, as without JavaScript, and the action answers with the same messages: nothing is lost and
 * there is no second way to validate.
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
  const [loaded, setLoaded] = useState<{
    control: FormControl<In>;
    module: FormControlModule;
  } | null>(null);
  const control = loaded?.control ?? null;
  const [, rerender] = useReducer((count: number) => count + 1, 0);
  const loading = useRef<Promise<void> | null>(null);
  const formRef = useRef<HTMLFormElement | null>(null);
  const errors = useRef<object>({});
  const watching = useRef(false);
  const submit = useSubmit();

  // Once per form: the loader is a new function on every render, the first is as good as any.
  const ensureControl = (formElement: HTMLFormElement | null) => {
    loading.current ??= Promise.all([loadSchema(), import("./form-control")]).then(
      ([schema, module]) => {
        formRef.current = formElement;
        setLoaded({
          control: module.createControl<In>(
            schema as z.ZodType<unknown, FieldValues>,
            defaultValues,
          ),
          module,
        });
      },
      // Offline or a new deployment: the server still validates every submission.
      () => {
        loading.current = null;
      },
    );
    return loading.current;
  };

  useEffect(() => {
    if (!control) return;
    // The render with the control registered the fields; react-hook-form took what was typed
    // before it arrived (it keeps a field's value when it differs from the server-rendered one).
    if (watching.current) rerender();
    // Marks the form as checked in the browser from now on (end-to-end tests wait for it).
    formRef.current?.setAttribute("data-client-validation", "");
    return control.subscribe({
      formState: { errors: true, values: watching.current },
      callback: (state) => {
        // The same object may come back changed in place: the counter makes React render.
        errors.current = state.errors ?? {};
        rerender();
      },
    });
  }, [control]);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    const formElement = event.currentTarget;
    if (!loaded) {
      // Not loaded yet: Remix posts the form and the action answers with the same errors.
      void ensureControl(formElement);
      return;
    }
    const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    void loaded.control.handleSubmit(
      () => {
        submit(submitter ?? formElement, submitter ? { method: "post" } : undefined);
      },
      (found) => loaded.module.focusFirstInError(formElement, found),
    )(event);
  };

  const onFocus = (event: FocusEvent<HTMLElement & { form: HTMLFormElement | null }>) => {
    void ensureControl(event.currentTarget.form);
  };

  /** Client error for a path if any, else the server's; a message key or undefined. */
  const errorFor = (path: string): MessageKey | undefined => {
    const clientError = valueAt(errors.current, path) as
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
    loaded?.module.collectErrors(errors.current, "", result);
    return result;
  };

  /** react-hook-form's registration once the control is there; until then only the name. */
  const register = (name: string) => (control ? control.register(asInputPath<In>(name)) : { name });

  /**
   * The field's name and server-rendered initial value (so a form re-rendered by the action
   * without JavaScript keeps what was typed), its first focus fetching the control.
   */
  const field = (name: FieldName<In, Out>) => {
    const initial = valueAt(defaultValues, name);
    return {
      ...register(name),
      onFocus,
      defaultValue: initial === undefined || initial === null ? undefined : String(initial),
    };
  };

  /** A checkbox or radio with `value`, checked on the server when the initial value has it. */
  const choice = (name: FieldName<In, Out>, value: string) => {
    const initial = valueAt(defaultValues, name);
    const checked = Array.isArray(initial)
      ? initial.map(String).includes(value)
      : initial === true
        ? value === "on" || value === "true"
        : String(initial) === value;
    return { ...register(name), onFocus, value, defaultChecked: checked };
  };

  /** The current value of a field (re-renders on change), by the same names as `field`. */
  const watchField = (name: FieldName<In, Out>): unknown => {
    watching.current = true;
    return control ? control.getValues(asInputPath<In>(name)) : valueAt(defaultValues, name);
  };

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

/** The value at a dotted path (`windows.0.date`), or undefined. */
function valueAt(object: unknown, path: string): unknown {
  let node = object;
  for (const key of path.split(".")) {
    if (!node || typeof node !== "object") return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}
