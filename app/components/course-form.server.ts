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

export interface CourseFormText {
  /** In the fields' order, which the error summary follows. */
  labels: Record<CourseField, string>;
  audiences: CourseFormOption[];
  feedbackForms: CourseFormOption[];
  grades: CourseFormOption[];
  languages: CourseFormOption[];
}

/**
 * The course form's labels and choices in the user's language, made by the loader: the label
 * table and the option lists would otherwise add 0.5 KB to the course pages' JavaScript (issue 12).
 */
export function courseFormText(locale: Locale): CourseFormText {
  const t = (key: MessageKey, params?: Record<string, string | number>) =>
    translate(locale, key, params);
  const grades: CourseFormOption[] = [];
  for (let grade = GRADE_MIN; grade <= GRADE_MAX; grade++) {
    grades.push({ value: String(grade), label: t("request.field.grade", { grade }) });
  }
  return {
    labels: Object.fromEntries(
      Object.entries(LABELS).map(([name, key]) => [name, t(key)]),
    ) as Record<CourseField, string>,
    audiences: AUDIENCES.map((value) => ({ value, label: t(`audience.${value}`) })),
    feedbackForms: AUDIENCES.map((value) => ({
      value,
      label: t(`courseAdmin.feedbackForm.${value}`),
    })),
    grades,
    languages: COURSE_LANGUAGES.map((value) => ({ value, label: t(`language.${value}`) })),
  };
}
