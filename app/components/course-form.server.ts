import { AUDIENCES, COURSE_LANGUAGES, GRADE_MAX, GRADE_MIN } from "~/domain/course-options";
import type { CourseFormValues } from "~/domain/courses";
import { type Locale, type MessageKey, translate } from "~/i18n";

/** Field name -> label key, in the order the fields appear (also the error summary's order). */
const LABELS = {
  title: "course.field.title",
  slug: "course.field.slug",
  audience: "course.field.audience",
  summary: "course.field.summary",
  description: "course.field.description",
  gradeMin: "course.field.gradeMin",
  gradeMax: "course.field.gradeMax",
  durationMinutes: "course.field.durationMinutes",
  maxParticipants: "course.field.maxParticipants",
  facilitatorsNeeded: "course.field.facilitatorsNeeded",
  languages: "course.field.languages",
  schoolProvides: "course.field.schoolProvides",
  leadTimeDays: "course.field.leadTimeDays",
  feedbackFormAudience: "courseAdmin.field.feedbackFormAudience",
  active: "course.field.active",
} as const satisfies Record<keyof CourseFormValues, MessageKey>;

export type CourseField = keyof typeof LABELS;

export interface CourseFormOption {
  value: string;
  label: string;
}

/** How one plain control is drawn: a select (options, the empty choice first), textarea (rows) or input. */
export interface CourseFormControl {
  hint?: string;
  options?: CourseFormOption[];
  rows?: number;
  numeric?: boolean;
}

export interface CourseFormText {
  /** In the fields' order, which the error summary follows. */
  labels: Record<CourseField, string>;
  /** Every field but the language checkboxes and the active checkbox. */
  controls: Partial<Record<CourseField, CourseFormControl>>;
  languages: CourseFormOption[];
}

/**
 * The course form's labels, hints and choices in the user's language, made by the loader, and
 * its plain controls described as data: the label table, option lists and one JSX block per
 * field would otherwise add 0.8 KB to the course pages' JavaScript (issue 12).
 */
export function courseFormText(locale: Locale): CourseFormText {
  const t = (key: MessageKey, params?: Record<string, string | number>) =>
    translate(locale, key, params);
  const grades: CourseFormOption[] = [{ value: "", label: t("courseAdmin.field.grade.none") }];
  for (let grade = GRADE_MIN; grade <= GRADE_MAX; grade++) {
    grades.push({ value: String(grade), label: t("request.field.grade", { grade }) });
  }
  const gradeHint = t("courseAdmin.field.grades.hint");
  return {
    labels: Object.fromEntries(
      Object.entries(LABELS).map(([name, key]) => [name, t(key)]),
    ) as Record<CourseField, string>,
    controls: {
      title: {},
      slug: { hint: t("course.field.slug.hint") },
      audience: {
        options: [
          { value: "", label: t("courseAdmin.field.audience.choose") },
          ...AUDIENCES.map((value) => ({ value, label: t(`audience.${value}`) })),
        ],
      },
      summary: { rows: 2 },
      description: { rows: 6 },
      gradeMin: { hint: gradeHint, options: grades },
      gradeMax: { hint: gradeHint, options: grades },
      durationMinutes: { numeric: true },
      maxParticipants: { numeric: true },
      facilitatorsNeeded: { numeric: true },
      schoolProvides: { rows: 3 },
      leadTimeDays: { numeric: true, hint: t("course.field.leadTimeDays.hint") },
      feedbackFormAudience: {
        hint: t("courseAdmin.field.feedbackFormAudience.hint"),
        options: [
          { value: "", label: t("courseAdmin.field.feedbackFormAudience.same") },
          ...AUDIENCES.map((value) => ({
            value,
            label: t(`courseAdmin.feedbackForm.${value}`),
          })),
        ],
      },
    },
    languages: COURSE_LANGUAGES.map((value) => ({ value, label: t(`language.${value}`) })),
  };
}

/**
 * The edit page's heading, notice, status and delete texts, made by the loader: each message key in the page's
 * code costs bytes in its JavaScript (issue 12).
 */
export function courseEditText(
  locale: Locale,
  course: { active: boolean; title: string },
  requestCount: number,
  notice: MessageKey | null,
) {
  const t = (key: MessageKey, params?: Record<string, string | number>) =>
    translate(locale, key, params);
  return {
    heading: t("courseAdmin.edit.title", { title: course.title }),
    backToList: t("courseAdmin.backToList"),
    cancel: t("form.cancel"),
    staleReload: t("courseAdmin.stale.reload"),
    deleteHeading: t("courseAdmin.delete.heading"),
    deleteIntro: t("courseAdmin.delete.intro"),
    deleteStart: t("courseAdmin.delete.start"),
    confirmTitle: t("courseAdmin.delete.confirm.title"),
    confirmYes: t("courseAdmin.delete.confirm.yes"),
    statusHeading: t("courseAdmin.status.heading"),
    details: t("courseAdmin.edit.details"),
    viewInCatalogue: t("courseAdmin.viewInCatalogue"),
    save: t("courseAdmin.save"),
    notice: notice ? t(notice) : null,
    status: t(course.active ? "courseAdmin.status.activeText" : "courseAdmin.status.inactiveText"),
    toggle: t(course.active ? "courseAdmin.deactivate" : "courseAdmin.activate"),
    /** Why the course cannot be deleted; null when it can. */
    requests:
      requestCount > 0
        ? t(requestCount === 1 ? "courseAdmin.requests.one" : "courseAdmin.requests.other", {
            count: requestCount,
          })
        : null,
    confirmBody: t("courseAdmin.delete.confirm.body", { title: course.title }),
  };
}

/** A form-wide error key (`errors._form`) in the user's language. */
export function translateFormError(locale: Locale, key: MessageKey): string {
  return translate(locale, key);
}
