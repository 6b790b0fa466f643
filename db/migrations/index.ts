import type { Migration } from "kysely";
import * as foundation from "./2026-11-27T1000_foundation";
import * as feedback from "./2026-11-27T1500_feedback";

/**
 * Every migration, by name (ISO date prefix = order). Listed statically so the same code runs under
 * tsx, Vitest and the Vite build; add each new migration file here.
 */
export const migrations: Record<string, Migration> = {
  "2026-11-27T1000_foundation": foundation,
  "2026-11-27T1500_feedback": feedback,
};
