import { type SqlBool, sql } from "kysely";
import type { CatalogueFilter } from "../../app/domain/courses";
import type { DB } from "../connection";
import { jsonArrayContains } from "../dialect";
import { withLanguageList } from "../json";
import { reusableQuery } from "../reusable-query";
import type { Course, CourseUpdate, NewCourse } from "../schema";

/** A course as the app uses it: its language list decoded. */
export type CourseRecord = Omit<Course, "languages"> & { languages: string[] };

/** Pupils first, then staff, then parents; within an audience by grade, then title. */
const audienceOrder = sql<number>`case courses.audience when 'pupils' then 0 when 'staff' then 1 else 2 end`;

/**
 * Active courses passing the catalogue filter, filtered in SQL (the same rules as
 * `matchesCatalogueFilter` in app/domain/courses.ts): a grade matches pupil courses whose range
 * includes it; a language matches when it is in the course's JSON language list.
 */
const activeCourses = reusableQuery((db: DB, filter: CatalogueFilter) => {
  let query = db.selectFrom("courses").selectAll().where("active", "=", 1);
  if (filter.audience !== undefined) query = query.where("audience", "=", filter.audience);
  if (filter.grade !== undefined) {
    const grade = filter.grade;
    query = query
      .where("audience", "=", "pupils")
      .where(sql<SqlBool>`coalesce(courses.grade_min, 0) <= ${grade}`)
      .where(sql<SqlBool>`coalesce(courses.grade_max, 10) >= ${grade}`);
  }
  if (filter.language !== undefined) {
    query = query.where(jsonArrayContains(db, "courses.languages", filter.language));
  }
  if (filter.maxDuration !== undefined) {
    query = query.where("duration_minutes", "<=", filter.maxDuration);
  }
  // NULLS FIRST is SQLite's default for ascending order, not PostgreSQL's: say it for both.
  return query
    .orderBy(audienceOrder)
    .orderBy("grade_min", (ob) => ob.asc().nullsFirst())
    .orderBy("title");
});

export async function listActiveCourses(
  db: DB,
  filter: CatalogueFilter = {},
): Promise<CourseRecord[]> {
  const { audience, grade, language, maxDuration } = filter;
  const rows = await activeCourses.rows(db, { audience, grade, language, maxDuration });
  return rows.map(withLanguageList);
}

export async function findActiveCourseBySlug(
  db: DB,
  slug: string,
): Promise<CourseRecord | undefined> {
  const row = await db
    .selectFrom("courses")
    .selectAll()
    .where("slug", "=", slug)
    .where("active", "=", 1)
    .executeTakeFirst();
  return row && withLanguageList(row);
}

/** Any course with this slug, active or not (slugs are unique across all courses). */
export async function findCourseBySlug(db: DB, slug: string): Promise<CourseRecord | undefined> {
  const row = await db
    .selectFrom("courses")
    .selectAll()
    .where("slug", "=", slug)
    .executeTakeFirst();
  return row && withLanguageList(row);
}

export async function findCourseById(db: DB, id: number): Promise<CourseRecord | undefined> {
  const row = await db.selectFrom("courses").selectAll().where("id", "=", id).executeTakeFirst();
  return row && withLanguageList(row);
}

/** Every course (active and inactive) with how many requests it has (any status). */
export function listCoursesWithRequestCounts(db: DB) {
  return db
    .selectFrom("courses")
    .leftJoin(
      db
        .selectFrom("requests")
        .select(["course_id", (eb) => eb.fn.countAll<number>().as("request_count")])
        .groupBy("course_id")
        .as("rc"),
      "rc.course_id",
      "courses.id",
    )
    .select([
      "courses.id",
      "courses.slug",
      "courses.title",
      "courses.audience",
      "courses.grade_min",
      "courses.grade_max",
      "courses.duration_minutes",
      "courses.active",
      "courses.updated_at",
      sql<number>`coalesce(rc.request_count, 0)`.as("request_count"),
    ])
    .orderBy("courses.active", "desc")
    .orderBy(audienceOrder)
    .orderBy("courses.title")
    .execute();
}

export async function countRequestsForCourse(db: DB, courseId: number): Promise<number> {
  const row = await db
    .selectFrom("requests")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("course_id", "=", courseId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function insertCourse(db: DB, course: NewCourse): Promise<number> {
  const row = await db
    .insertInto("courses")
    .values(course)
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

/**
 * Updates a course only if nobody changed it since `expectedUpdatedAt` (optimistic concurrency);
 * false when the row changed meanwhile (or is gone).
 */
export async function updateCourseIfUnchanged(
  db: DB,
  id: number,
  expectedUpdatedAt: string,
  values: CourseUpdate,
): Promise<boolean> {
  const result = await db
    .updateTable("courses")
    .set(values)
    .where("id", "=", id)
    .where("updated_at", "=", expectedUpdatedAt)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function setCourseActive(db: DB, id: number, active: boolean, updatedAt: string) {
  await db
    .updateTable("courses")
    .set({ active: active ? 1 : 0, updated_at: updatedAt })
    .where("id", "=", id)
    .execute();
}

export async function deleteCourse(db: DB, id: number) {
  await db.deleteFrom("courses").where("id", "=", id).execute();
}
