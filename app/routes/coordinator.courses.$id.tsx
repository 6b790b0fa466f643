import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { CourseForm } from "~/components/course-form";
import {
  courseEditText,
  courseFormText,
  translateFormError,
} from "~/components/course-form.server";
import { Link } from "~/components/link";
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
  { title: data?.pageTitle ?? "Forløb · Frirum" },
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
  const locale = await getLocale(request);
  const active = course.active === 1;
  return {
    pageTitle: `${course.title} · Forløb · Frirum`,
    formText: courseFormText(locale),
    text: courseEditText(
      locale,
      { active, title: course.title },
      requestCount,
      noticeKey(search.get("notice")),
    ),
    course: {
      id: course.id,
      title: course.title,
      slug: course.slug,
      active,
      updatedAt: course.updated_at,
    },
    values,
    confirmDelete: search.get("delete") === "1",
  };
}

type ActionResult = {
  errors: Record<string, MessageKey>;
  values?: Record<string, unknown>;
  updatedAt?: string;
  /** Remounts the form per answer, so server errors show even on fields edited before. */
  attempt?: number;
  /** `errors._form` in the user's language, and whether it says the form is stale. */
  formError?: string;
  stale?: boolean;
};

/** Names the form-wide error in the action, so the page's JavaScript carries no message keys. */
async function withFormError(request: Request, result: ActionResult): Promise<ActionResult> {
  const key = result.errors._form;
  if (!key) return result;
  return {
    ...result,
    formError: translateFormError(await getLocale(request), key),
    stale: key === "courseAdmin.stale",
  };
}

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
    return withFormError(request, { errors: result.errors });
  }
  if (intent !== "save") throw new Response("Bad Request", { status: 400 });
  const values = formDataToObject(formData, COURSE_FORM_ARRAY_FIELDS);
  const parsed = parseWithSchema(courseFormSchema, values);
  const attempt = Date.now();
  if (!parsed.ok) return withFormError(request, { errors: parsed.errors, values, attempt });
  const updatedAt = String(formData.get("updatedAt") ?? "");
  const result = orNotFound(await updateCourse(db(), user, courseId, parsed.data, updatedAt));
  if (result.ok) return redirect(`${here}?notice=saved`);
  return withFormError(request, {
    errors: result.errors,
    values,
    updatedAt: result.currentUpdatedAt,
    attempt,
  });
}

export default function EditCourse() {
  const { course, values, confirmDelete, formText, text } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as ActionResult | undefined;
  // The page itself (not useLocation): one hook less in its JavaScript.
  const here = `/coordinator/courses/${course.id}`;
  const formError = actionData?.formError;
  return (
    <>
      <p>
        <Link to="/coordinator/courses">{text.backToList}</Link>
      </p>
      <h1>{text.heading}</h1>
      {text.notice && !actionData ? (
        <p className="notice notice--success" role="status">
          {text.notice}
        </p>
      ) : null}
      {formError ? (
        <div className="notice notice--error" role="alert">
          <p>{formError}</p>
          {actionData?.stale ? (
            <p>
              <a href={here}>{text.staleReload}</a>
            </p>
          ) : null}
        </div>
      ) : null}

      <h2>{text.statusHeading}</h2>
      <p>{text.status}</p>
      <Form method="post" className="button-row">
        <button
          type="submit"
          name="intent"
          value={course.active ? "deactivate" : "activate"}
          className="button button--secondary"
        >
          {text.toggle}
        </button>
        {course.active ? (
          <Link to={`/catalogue/${course.slug}`}>{text.viewInCatalogue}</Link>
        ) : null}
      </Form>

      <h2 id="course-form-title">{text.details}</h2>
      <CourseForm
        key={`${course.updatedAt}-${actionData?.attempt ?? ""}`}
        defaultValues={actionData?.values ?? values}
        serverErrors={actionData?.values ? actionData.errors : undefined}
        updatedAt={actionData?.updatedAt ?? course.updatedAt}
        submitLabel={text.save}
        headingId="course-form-title"
        text={formText}
      />

      <h2 id="delete-title">{text.deleteHeading}</h2>
      {text.requests ? (
        <p>{text.requests}</p>
      ) : confirmDelete ? (
        <div className="notice notice--warning">
          <p>
            <strong>{text.confirmTitle}</strong>
          </p>
          <p>{text.confirmBody}</p>
          <Form method="post" className="button-row" aria-labelledby="delete-title">
            <button type="submit" name="intent" value="delete" className="button button--danger">
              {text.confirmYes}
            </button>
            <Link to={here}>{text.cancel}</Link>
          </Form>
        </div>
      ) : (
        <>
          <p>{text.deleteIntro}</p>
          <p>
            <Link to="?delete=1" className="button button--secondary">
              {text.deleteStart}
            </Link>
          </p>
        </>
      )}
    </>
  );
}
