import { z } from "zod";

export const signInFormSchema = z.object({
  email: z
    .string()
    .trim()
    .min(1, { message: "auth.email.required" })
    .max(254, { message: "auth.email.invalid" })
    .pipe(z.email({ message: "auth.email.invalid" })),
});
