import { z } from "zod";
import { inviteUidDomain } from "../../emails/calendar";
import { FEEDBACK_CLIENT_LIMIT } from "../domain/feedback-limits";
import { DEFAULT_COMMENT_RETENTION_MONTHS } from "../domain/retention";

const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce
    .number({ message: "must be a port number (1-65535)" })
    .int({ message: "must be a port number (1-65535)" })
    .min(1, { message: "must be a port number (1-65535)" })
    .max(65535, { message: "must be a port number (1-65535)" })
    .default(3000),
  DATABASE_URL: z
    .string()
    .min(1)
    .default("file:./data/frirum.db")
    .refine((v) => v.startsWith("file:") || /^postgres(ql)?:\/\/./.test(v) || !v.includes("://"), {
      message:
        "must be a SQLite file (file:./data/frirum.db) or a PostgreSQL URL (postgres://user:password@host:5432/frirum)",
    }),
  /** PostgreSQL connections per app instance. */
  DATABASE_POOL_SIZE: z.coerce
    .number({ message: "must be a whole number from 1 to 100" })
    .int({ message: "must be a whole number from 1 to 100" })
    .min(1, { message: "must be a whole number from 1 to 100" })
    .max(100, { message: "must be a whole number from 1 to 100" })
    .default(10),
  /**
   * Requests the app works on at once per instance; the others wait in arrival order, form posts
   * first (app/lib/request-queue.server.ts). Default: 2 on SQLite (its calls are synchronous, so
   * more at once only interleave), DATABASE_POOL_SIZE on PostgreSQL (requests wait on the network).
   */
  REQUEST_CONCURRENCY: z.coerce
    .number({ message: "must be a whole number from 1 to 1000" })
    .int({ message: "must be a whole number from 1 to 1000" })
    .min(1, { message: "must be a whole number from 1 to 1000" })
    .max(1000, { message: "must be a whole number from 1 to 1000" })
    .optional(),
  /** How long an instance may hold claimed outbox messages before others may send them. */
  OUTBOX_LEASE_SECONDS: z.coerce
    .number({ message: "must be a number of seconds from 1 to 3600" })
    .int({ message: "must be a number of seconds from 1 to 3600" })
    .min(1, { message: "must be a number of seconds from 1 to 3600" })
    .max(3600, { message: "must be a number of seconds from 1 to 3600" })
    .default(300),
  /** Which proxies' X-Forwarded-For/-Proto to believe (Express "trust proxy"), e.g. "loopback, 10.0.0.0/8". */
  TRUST_PROXY: z.string().default("loopback"),
  APP_URL: z.url({ protocol: /^https?$/, message: "must be an http(s) URL" }).optional(),
  /** Comma-separated; the first signs new cookies, all verify (rotation). */
  SESSION_SECRET: z
    .string()
    .optional()
    .refine((v) => v === undefined || v.split(",").every((s) => s.trim().length >= 16), {
      message: "each secret must be at least 16 characters",
    }),
  SMTP_URL: z
    .string()
    .optional()
    .refine((v) => !v || /^smtps?:\/\//.test(v), { message: "must look like smtp://host:port" }),
  MAIL_FROM: z.string().default("Frirum <frirum@kk.example>"),
  /** Free-text feedback comments are deleted this many months after the session's date. */
  FEEDBACK_COMMENT_RETENTION_MONTHS: z.coerce
    .number({ message: "must be a whole number of months (1-120)" })
    .int({ message: "must be a whole number of months (1-120)" })
    .min(1, { message: "must be a whole number of months (1-120)" })
    .max(120, { message: "must be a whole number of months (1-120)" })
    .default(DEFAULT_COMMENT_RETENTION_MONTHS),
  /** Feedback submissions one client address may make per 10 minutes (in memory only). */
  FEEDBACK_CLIENT_LIMIT: z.coerce
    .number({ message: "must be a whole number >= 1" })
    .int({ message: "must be a whole number >= 1" })
    .min(1, { message: "must be a whole number >= 1" })
    .default(FEEDBACK_CLIENT_LIMIT),
  /** Domain of new calendar invite UIDs (`session-<id>@<domain>`); default: MAIL_FROM's domain. */
  INVITE_UID_DOMAIN: z
    .string()
    .regex(/^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i, {
      message: "must be a domain name such as frirum.kk.dk (no scheme, no path)",
    })
    .optional(),
});

export type Env = z.infer<typeof envSchema> & {
  appUrl: string;
  sessionSecrets: string[];
  /** INVITE_UID_DOMAIN, else the domain of MAIL_FROM. */
  inviteUidDomain: string;
};

export class ConfigError extends Error {}

/** Parses the environment; throws a ConfigError naming every bad variable. */
export function loadEnv(source: Record<string, string | undefined> = process.env): Env {
  const cleaned = Object.fromEntries(
    Object.entries(source).map(([k, v]) => [k, v === "" ? undefined : v]),
  );
  const parsed = envSchema.safeParse(cleaned);
  const lines = parsed.success
    ? []
    : parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
  // Checked apart from the schema so that every problem is reported in one go.
  if (cleaned.NODE_ENV === "production" && !cleaned.SESSION_SECRET) {
    lines.push(
      "  SESSION_SECRET: is required in production (comma-separated secrets, each >= 16 characters)",
    );
  }
  if (!parsed.success || lines.length > 0) {
    throw new ConfigError(`Invalid configuration:\n${lines.join("\n")}`);
  }
  const env = parsed.data;
  return {
    ...env,
    appUrl: (env.APP_URL ?? `http://localhost:${env.PORT}`).replace(/\/$/, ""),
    inviteUidDomain: inviteUidDomain(env.MAIL_FROM, env.INVITE_UID_DOMAIN),
    sessionSecrets: (env.SESSION_SECRET ?? "development-only-secret-change-me")
      .split(",")
      .map((s) => s.trim()),
  };
}

let cached: Env | undefined;
export function env(): Env {
  cached ??= loadEnv();
  return cached;
}
