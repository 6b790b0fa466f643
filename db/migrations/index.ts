import type { Migration } from "kysely";
import * as foundation from "./2026-11-27T1000_foundation";
import * as feedback from "./2026-11-27T1500_feedback";
import * as pilotTracks from "./2026-12-02T0900_pilot_tracks";
import * as holidaysAndPreferences from "./2026-12-02T1100_holidays_and_preferences";
import * as outboxLease from "./2026-12-02T1300_outbox_lease";
import * as feedbackCounts from "./2026-12-02T1400_feedback_counts";
import * as annualReports from "./2026-12-02T1500_annual_reports";
import * as staffPagesAtScale from "./2026-12-02T1600_staff_pages_at_scale";
import * as userLocale from "./2026-12-02T1700_user_locale";
import * as termRollups from "./2026-12-02T1800_term_rollups";
import * as courseAudienceIndex from "./2026-12-02T1810_course_audience_index";

/**
 * Every migration, by name (ISO date prefix = order). Listed statically so the same code runs under
 * tsx, Vitest and the Vite build; add each new migration file here.
 */
export const migrations: Record<string, Migration> = {
  "2026-11-27T1000_foundation": foundation,
  "2026-11-27T1500_feedback": feedback,
  "2026-12-02T0900_pilot_tracks": pilotTracks,
  "2026-12-02T1100_holidays_and_preferences": holidaysAndPreferences,
  "2026-12-02T1300_outbox_lease": outboxLease,
  "2026-12-02T1400_feedback_counts": feedbackCounts,
  "2026-12-02T1500_annual_reports": annualReports,
  "2026-12-02T1600_staff_pages_at_scale": staffPagesAtScale,
  "2026-12-02T1700_user_locale": userLocale,
  "2026-12-02T1800_term_rollups": termRollups,
  "2026-12-02T1810_course_audience_index": courseAudienceIndex,
};
