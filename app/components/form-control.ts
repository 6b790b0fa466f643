import { zodResolver } from "@hookform/resolvers/zod";
import {
  createFormControl,
  type DefaultValues,
  type FieldValues,
  type Resolver,
} from "react-hook-form";
import type { z } from "zod";

/**
 * react-hook-form's form control for a form's zod schema. Fetched with the schema on the first
 * focus of a field (decision 030): react-hook-form and the resolver are not in a page's first
 * JavaScript, `useValidatedForm` (validated-form.tsx) connects the control to the rendered form.
 *
 * Checked on submit; after a submit with errors each field is checked again as it changes. Focus
 * on the first error is the hook's (a list's error belongs to its first field).
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
