import { z } from "zod";

export const inviteUserSchema = z
  .object({
    name: z
      .string()
      .trim()
      .min(1, { message: "users.name.required" })
      .max(120, { message: "users.name.tooLong" }),
    email: z
      .string()
      .trim()
      .min(1, { message: "auth.email.required" })
      .pipe(z.email({ message: "auth.email.invalid" })),
    role: z.enum(["coordinator", "facilitator", "school_leader"], {
      message: "users.role.required",
    }),
    schoolId: z.string().optional(),
    languages: z.array(z.string()).optional(),
  })
  .superRefine((value, ctx) => {
    if (value.role === "school_leader" && !value.schoolId) {
      ctx.addIssue({ code: "custom", path: ["schoolId"], message: "users.school.required" });
    }
  });
