import type { DB } from "../../db/connection";
import { isForeignKeyViolation, isUniqueViolation } from "../../db/dialect";
import { insertAuditEntry } from "../../db/queries/audit";
import type { CourseRecord } from "../../db/queries/courses";
import {
  countRequestsForCourse,
  deleteCourse,
  findCourseById,
  findCourseBySlug,
  insertCourse,
  listCoursesWithRequestCounts,
  setCourseActive,
  updateCourseIfUnchanged,
} from "../../db/queries/courses";
import { writeTransaction } from "../../db/write-transaction";
import type { CourseFormValues } from "../domain/courses";
import type { FieldErrors } from "../domain/forms";
import type { CurrentUser } from "../lib/guards.server";
import { forbidden, found, invalid, type NotFound, notFound } from "./result";

export type CourseSaveResult =
  | { ok: true; courseId: number }
  | { ok: false; errors: FieldErrors; currentUpdatedAt?: string }
  | NotFound;

/** The course form's initial values (strings, as the form holds them) for an existing course. */
export function courseFormValues(course: CourseRecord) {
  return {
    title: course.title,
    slug: course.slug,
    audience: course.audience,
    summary: course.summary,
    description: course.description,
    gradeMin: course.grade_min === null ? "" : String(course.grade_min),
    gradeMax: course.grade_max === null ? "" : String(course.grade_max),
    durationMinutes: String(course.duration_minutes),
    maxParticipants: String(course.max_participants),
    facilitatorsNeeded: String(course.facilitators_needed),
    languages: course.languages,
    schoolProvides: course.school_provides,
    leadTimeDays: String(course.lead_time_days),
    active: course.active === 1,
    feedbackFormAudience: course.feedback_form_audience ?? "",
  };
}

/** The course form's initial values for a new course. */
export const NEW_COURSE_FORM_VALUES = {
  facilitatorsNeeded: "1",
  leadTimeDays: "14",
  languages: ["da"],
  active: true,
  feedbackFormAudience: "",
};

/** Database columns from the parsed form; the feedback form defaults to the course's audience. */
function courseColumns(input: CourseFormValues) {
  return {
    slug: input.slug,
    title: input.title,
    audience: input.audience,
    summary: input.summary,
    description: input.description,
    grade_min: input.gradeMin,
    grade_max: input.gradeMax,
    duration_minutes: input.durationMinutes,
    max_participants: input.maxParticipants,
    facilitators_needed: input.facilitatorsNeeded,
    languages: JSON.stringify(input.languages),
    school_provides: input.schoolProvides,
    lead_time_days: input.leadTimeDays,
    active: input.active ? 1 : 0,
    feedback_form_audience: input.feedbackFormAudience ?? input.audience,
  };
}

type CourseColumns = ReturnType<typeof courseColumns>;

/** A timestamp strictly after `previous`, so every change moves `updated_at` (stale-form check). */
export function nextTimestamp(previous: string, now = new Date()): string {
  const candidate = now.toISOString();
  if (candidate > previous) return candidate;
  const bumped = Date.parse(previous) + 1;
  return Number.isNaN(bumped) ? candidate : new Date(bumped).toISOString();
}

function columnChanges(before: CourseRecord, after: CourseColumns) {
  const changes = { before: {} as Record<string, unknown>, after: {} as Record<string, unknown> };
  // Compared as stored: the languages column holds the list as JSON text.
  const stored = { ...before, languages: JSON.stringify(before.languages) };
  for (const [key, value] of Object.entries(after)) {
    const old = stored[key as keyof typeof stored];
    if (old !== value) {
      changes.before[key] = old;
      changes.after[key] = value;
    }
  }
  return changes;
}

async function slugTaken(db: DB, slug: string, exceptId?: number): Promise<boolean> {
  const other = await findCourseBySlug(db, slug);
  return other !== undefined && other.id !== exceptId;
}

const SLUG_TAKEN: FieldErrors = { slug: "courseAdmin.slug.taken" };

/** The course when the actor may manage courses and it exists. */
async function findCourse(db: DB, actor: CurrentUser, courseId: number) {
  if (forbidden(actor, "course.manage") || !Number.isSafeInteger(courseId)) return undefined;
  return findCourseById(db, courseId);
}

export async function loadCourseList(db: DB, actor: CurrentUser) {
  if (forbidden(actor, "course.manage")) return notFound();
  return found({ courses: await listCoursesWithRequestCounts(db) });
}

/** One course (active or not) with its request count; unknown ids are not found. */
export async function loadCourseForEdit(db: DB, actor: CurrentUser, courseId: number) {
  const course = await findCourse(db, actor, courseId);
  if (!course) return notFound();
  const requestCount = await countRequestsForCourse(db, courseId);
  return found({ course, requestCount, values: courseFormValues(course) });
}

export async function createCourse(
  db: DB,
  actor: CurrentUser,
  input: CourseFormValues,
): Promise<CourseSaveResult> {
  if (forbidden(actor, "course.manage")) return notFound();
  if (await slugTaken(db, input.slug)) return { ok: false, errors: SLUG_TAKEN };
  const columns = courseColumns(input);
  try {
    const courseId = await writeTransaction(db, async (trx) => {
      const now = new Date().toISOString();
      const id = await insertCourse(trx, { ...columns, created_at: now, updated_at: now });
      await insertAuditEntry(trx, {
        actorId: actor.id,
        action: "course.created",
        entityType: "course",
        entityId: id,
        details: { after: columns },
      });
      return id;
    });
    return { ok: true, courseId };
  } catch (error) {
    // Two coordinators saving the same slug at once: the unique index decides.
    if (isUniqueViolation(error)) return { ok: false, errors: SLUG_TAKEN };
    throw error;
  }
}

/**
 * Saves the form over the course, unless the course changed since the form was opened
 * (`expectedUpdatedAt` from a hidden field): then nothing is saved and the current version's
 * timestamp comes back, so the form can offer to save over it deliberately.
 */
export async function updateCourse(
  db: DB,
  actor: CurrentUser,
  courseId: number,
  input: CourseFormValues,
  expectedUpdatedAt: string,
): Promise<CourseSaveResult> {
  const current = await findCourse(db, actor, courseId);
  if (!current) return notFound();
  if (current.updated_at !== expectedUpdatedAt) {
    return {
      ok: false,
      errors: { _form: "courseAdmin.stale" },
      currentUpdatedAt: current.updated_at,
    };
  }
  if (await slugTaken(db, input.slug, courseId)) return { ok: false, errors: SLUG_TAKEN };
  const columns = courseColumns(input);
  try {
    const saved = await writeTransaction(db, async (trx) => {
      const updated = await updateCourseIfUnchanged(trx, courseId, expectedUpdatedAt, {
        ...columns,
        updated_at: nextTimestamp(current.updated_at),
      });
      if (!updated) return false;
      await insertAuditEntry(trx, {
        actorId: actor.id,
        action: "course.updated",
        entityType: "course",
        entityId: courseId,
        details: columnChanges(current, columns),
      });
      return true;
    });
    if (!saved) {
      const latest = await findCourseById(db, courseId);
      return {
        ok: false,
        errors: { _form: "courseAdmin.stale" },
        currentUpdatedAt: latest?.updated_at,
      };
    }
    return { ok: true, courseId };
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: false, errors: SLUG_TAKEN };
    throw error;
  }
}

/** Deactivated courses leave the catalogue but keep their requests and history. */
export async function setCourseActivation(
  db: DB,
  actor: CurrentUser,
  courseId: number,
  active: boolean,
) {
  const course = await findCourse(db, actor, courseId);
  if (!course) return notFound();
  if ((course.active === 1) === active) return found({});
  await writeTransaction(db, async (trx) => {
    await setCourseActive(trx, courseId, active, nextTimestamp(course.updated_at));
    await insertAuditEntry(trx, {
      actorId: actor.id,
      action: active ? "course.activated" : "course.deactivated",
      entityType: "course",
      entityId: courseId,
    });
  });
  return found({});
}

/**
 * Deletes a course that has never been requested. A course with requests is never deleted
 * (deactivate it instead); the check and the delete run in one transaction.
 */
export async function deleteUnusedCourse(db: DB, actor: CurrentUser, courseId: number) {
  const course = await findCourse(db, actor, courseId);
  if (!course) return notFound();
  try {
    return await writeTransaction(db, async (trx) => {
      if ((await countRequestsForCourse(trx, courseId)) > 0) {
        return invalid({ _form: "courseAdmin.delete.hasRequests" });
      }
      await deleteCourse(trx, courseId);
      await insertAuditEntry(trx, {
        actorId: actor.id,
        action: "course.deleted",
        entityType: "course",
        entityId: courseId,
        details: { before: { title: course.title, slug: course.slug } },
      });
      return found({});
    });
  } catch (error) {
    // Anything else that points at the course (a later feature's table) also keeps it.
    if (isForeignKeyViolation(error)) {
      return invalid({ _form: "courseAdmin.delete.inUse" });
    }
    throw error;
  }
}
