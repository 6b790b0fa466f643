import type { DB } from "../../db/connection";
import type { CourseRecord } from "../../db/queries/courses";
import { findActiveCourseBySlug, listActiveCourses } from "../../db/queries/courses";
import type { Audience, CatalogueFilter } from "../domain/courses";
import type { CurrentUser } from "../lib/guards.server";
import { forbidden, found, notFound } from "./result";

/** A course as the catalogue shows it (active courses only). */
export interface CatalogueCourseView {
  id: number;
  slug: string;
  title: string;
  audience: Audience;
  summary: string;
  description: string;
  gradeMin: number | null;
  gradeMax: number | null;
  durationMinutes: number;
  maxParticipants: number;
  facilitatorsNeeded: number;
  languages: string[];
  schoolProvides: string;
  leadTimeDays: number;
}

export function toCatalogueCourse(course: CourseRecord): CatalogueCourseView {
  return {
    ...toCatalogueCard(course),
    description: course.description,
    maxParticipants: course.max_participants,
    facilitatorsNeeded: course.facilitators_needed,
    schoolProvides: course.school_provides,
    leadTimeDays: course.lead_time_days,
  };
}

/**
 * A course as a card of the catalogue list shows it. The page sends its loader data along for
 * hydration: the descriptions and booking details are for the course's own page (issue 12).
 */
export type CatalogueCardView = Pick<
  CatalogueCourseView,
  | "id"
  | "slug"
  | "title"
  | "audience"
  | "summary"
  | "gradeMin"
  | "gradeMax"
  | "durationMinutes"
  | "languages"
>;

export function toCatalogueCard(course: CourseRecord): CatalogueCardView {
  return {
    id: course.id,
    slug: course.slug,
    title: course.title,
    audience: course.audience,
    summary: course.summary,
    gradeMin: course.grade_min,
    gradeMax: course.grade_max,
    durationMinutes: course.duration_minutes,
    languages: course.languages,
  };
}

/** The active courses passing the filter (filtered in SQL). Every signed-in role may browse. */
export async function loadCatalogue(db: DB, actor: CurrentUser, filter: CatalogueFilter) {
  if (forbidden(actor, "catalogue.view")) return notFound();
  const courses = await listActiveCourses(db, filter);
  return found({ courses: courses.map(toCatalogueCard) });
}

/** One active course by its slug; an unknown or inactive slug is a 404. */
export async function loadCatalogueCourse(db: DB, actor: CurrentUser, slug: string) {
  if (forbidden(actor, "catalogue.view")) return notFound();
  const course = await findActiveCourseBySlug(db, slug);
  if (!course) return notFound();
  return found({ course: toCatalogueCourse(course) });
}
