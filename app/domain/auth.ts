import { z } from "zod";
import type { MessageKey } from "../i18n";

export const signInFormSchema = z.object({
  email: z
    .string()
    .trim()
    .min(1, { message: "auth.email.required" satisfies MessageKey })
    .max(254, { message: "auth.email.invalid" satisfies MessageKey })
    .pipe(z.email({ message: "auth.email.invalid" satisfies MessageKey })),
});
