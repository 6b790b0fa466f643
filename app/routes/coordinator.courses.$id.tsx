import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useLocation } from "@remix-run/react";
import { CourseForm } from "~/components/course-form";
import { courseFormText } from "~/components/course-form.server";
import { useT } from "~/components/i18n";
import { courseFormSchema } from "~/domain/courses";
import { COURSE_FORM_ARRAY_FIELDS } from "~/domain/form-arrays";
import { formDataToObject, parseWithSchema } from "~/domain/forms";
import type { MessageKey } from "~/i18n";
import { db } from "~/lib/db.server";
import { requireUser } from "~/lib/guards.server";
import { getLocale } from "~/lib/locale.server";
import { parseIdParam } from "~/lib/params";
import { orNotFound } from "~/lib/results.server";
import {
  deleteUnusedCourse,
  loadCourseForEdit,
  setCourseActivation,
  updateCourse,
} from "~/services/course-admin.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.course.title} · Forløb · Frirum` : "Forløb · Frirum" },
];

const NOTICES: Record<string, MessageKey> = {
  created: "courseAdmin.created",
  saved: "courseAdmin.saved",
  deactivated: "courseAdmin.deactivated",
  activated: "courseAdmin.activated",
};

/** A known notice's message key; anything else (including "__proto__") is no notice. */
function noticeKey(name: string | null): MessageKey | null {
  return name !== null && Object.hasOwn(NOTICES, name) ? NOTICES[name] : null;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request, ["coordinator"]);
  const { course, requestCount, values } = orNotFound(
    await loadCourseForEdit(db(), user, parseIdParam(params.id)),
  );
  const search = new URL(request.url).searchParams;
  return {
    formText: courseFormText(await getLocale(request)),
    course: {
      id: course.id,
      title: course.title,
      slug: course.slug,
      active: course.active === 1,
      updatedAt: course.updated_at,
    },
    requestCount,
    values,
    notice: noticeKey(search.get("notice")),
    confirmDelete: search.get("delete") === "1",
  };
}

type ActionResult = {
  errors: Record<string, MessageKey>;
  values?: Record<string, unknown>;
  updatedAt?: string;
  /** Remounts the form per answer, so server errors show even on fields edited before. */
  attempt?: number;
};

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request, ["coordinator"]);
  const courseId = parseIdParam(params.id);
  const formData = await request.formData();
  const intent = formData.get("intent");
  const here = `/coordinator/courses/${courseId}`;
  if (intent === "deactivate" || intent === "activate") {
    orNotFound(await setCourseActivation(db(), user, courseId, intent === "activate"));
    return redirect(`${here}?notice=${intent}d`);
  }
  if (intent === "delete") {
    const result = orNotFound(await deleteUnusedCourse(db(), user, courseId));
    if (result.ok) return redirect("/coordinator/courses?notice=deleted");
    return { errors: result.errors } satisfies ActionResult;
  }
  if (intent !== "save") throw new Response("Bad Request", { status: 400 });
  const values = formDataToObject(formData, COURSE_FORM_ARRAY_FIELDS);
  const parsed = parseWithSchema(courseFormSchema, values);
  const attempt = Date.now();
  if (!parsed.ok) return { errors: parsed.errors, values, attempt } satisfies ActionResult;
  const updatedAt = String(formData.get("updatedAt") ?? "");
  const result = orNotFound(await updateCourse(db(), user, courseId, parsed.data, updatedAt));
  if (result.ok) return redirect(`${here}?notice=saved`);
  return {
    errors: result.errors,
    values,
    updatedAt: result.currentUpdatedAt,
    attempt,
  } satisfies ActionResult;
}

export default function EditCourse() {
  const { course, requestCount, values, notice, confirmDelete, formText } =
    useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as ActionResult | undefined;
  const t = useT();
  const location = useLocation();
  const formError = actionData?.errors._form;
  return (
    <>
      <p>
        <Link to="/coordinator/courses">{t("courseAdmin.backToList")}</Link>
      </p>
      <h1>{t("courseAdmin.edit.title", { title: course.title })}</h1>
      {notice && !actionData ? (
        <p className="notice notice--success" role="status">
          {t(notice)}
        </p>
      ) : null}
      {formError ? (
        <div className="notice notice--error" role="alert">
          <p>{t(formError)}</p>
          {formError === "courseAdmin.stale" ? (
            <p>
              <a href={location.pathname}>{t("courseAdmin.stale.reload")}</a>
            </p>
          ) : null}
        </div>
      ) : null}

      <h2>{t("courseAdmin.status.heading")}</h2>
      <p>
        {course.active ? t("courseAdmin.status.activeText") : t("courseAdmin.status.inactiveText")}
      </p>
      <Form method="post" className="button-row">
        <button
          type="submit"
          name="intent"
          value={course.active ? "deactivate" : "activate"}
          className="button button--secondary"
        >
          {course.active ? t("courseAdmin.deactivate") : t("courseAdmin.activate")}
        </button>
        {course.active ? (
          <Link to={`/catalogue/${course.slug}`}>{t("courseAdmin.viewInCatalogue")}</Link>
        ) : null}
      </Form>

      <h2 id="course-form-title">{t("courseAdmin.edit.details")}</h2>
      <CourseForm
        key={`${course.updatedAt}-${actionData?.attempt ?? ""}`}
        defaultValues={actionData?.values ?? values}
        serverErrors={actionData?.values ? actionData.errors : undefined}
        updatedAt={actionData?.updatedAt ?? course.updatedAt}
        submitLabel={t("courseAdmin.save")}
        headingId="course-form-title"
        text={formText}
      />

      <h2 id="delete-title">{t("courseAdmin.delete.heading")}</h2>
      {requestCount > 0 ? (
        <p>
          {t(requestCount === 1 ? "courseAdmin.requests.one" : "courseAdmin.requests.other", {
            count: requestCount,
          })}
        </p>
      ) : confirmDelete ? (
        <div className="notice notice--warning">
          <p>
            <strong>{t("courseAdmin.delete.confirm.title")}</strong>
          </p>
          <p>{t("courseAdmin.delete.confirm.body", { title: course.title })}</p>
          <Form method="post" className="button-row" aria-labelledby="delete-title">
            <button type="submit" name="intent" value="delete" className="button button--danger">
              {t("courseAdmin.delete.confirm.yes")}
            </button>
            <Link to={location.pathname}>{t("form.cancel")}</Link>
          </Form>
        </div>
      ) : (
        <>
          <p>{t("courseAdmin.delete.intro")}</p>
          <p>
            <Link to="?delete=1" className="button button--secondary">
              {t("courseAdmin.delete.start")}
            </Link>
          </p>
        </>
      )}
    </>
  );
}
