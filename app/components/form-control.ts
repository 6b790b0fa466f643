import { zodResolver } from "@hookform/resolvers/zod";
import {
  createFormControl,
  type DefaultValues,
  type FieldValues,
  type Resolver,
} from "react-hook-form";
import type { z } from "zod";
import type { MessageKey } from "~/i18n";
import { messageKey } from "~/i18n/format";

/**
 * react-hook-form's form control for a form's zod schema. Fetched with the schema on the first
 * focus of a field (decision 030): react-hook-form and the resolver are not in a page's first
 * JavaScript, `useValidatedForm` (validated-form.tsx) connects the control to the rendered form.
 *
 * Checked on submit; after a submit with errors each field is checked again as it changes.
 * react-hook-form's own focus on an error is off: `focusFirstInError` below follows the form's
 * order and gives a list's error (`windows.root`) to the list's first field.
 */
export function createControl<In extends FieldValues>(
  schema: z.ZodType<unknown, FieldValues>,
  defaultValues: DefaultValues<In> | undefined,
) {
  return createFormControl<In>({
    resolver: zodResolver(schema) as unknown as Resolver<In>,
    defaultValues,
    mode: "onSubmit",
    reValidateMode: "onChange",
    shouldFocusError: false,
  });
}

export type FormControl<In extends FieldValues> = ReturnType<typeof createControl<In>>;

/** Moves focus to the first field, in the form's order, that has an error or is in a list that has one. */
export function focusFirstInError(formElement: HTMLFormElement, errors: object) {
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

/** Every error message by dotted path (`windows.0.date`, `windows.root`). */
export function collectErrors(node: unknown, prefix: string, into: Record<string, MessageKey>) {
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
