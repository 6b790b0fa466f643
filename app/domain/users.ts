import { z } from "zod";
import type { MessageKey } from "../i18n";

export const inviteUserSchema = z
  .object({
    name: z
      .string()
      .trim()
      .min(1, { message: "users.name.required" satisfies MessageKey })
      .max(120, { message: "users.name.tooLong" satisfies MessageKey }),
    email: z
      .string()
      .trim()
      .min(1, { message: "auth.email.required" satisfies MessageKey })
      .pipe(z.email({ message: "auth.email.invalid" satisfies MessageKey })),
    role: z.enum(["coordinator", "facilitator", "school_leader"], {
      message: "users.role.required" satisfies MessageKey,
    }),
    schoolId: z.string().optional(),
    languages: z.array(z.string()).optional(),
  })
  .superRefine((value, ctx) => {
    if (value.role === "school_leader" && !value.schoolId) {
      ctx.addIssue({
        code: "custom",
        path: ["schoolId"],
        message: "users.school.required" satisfies MessageKey,
      });
    }
  });
