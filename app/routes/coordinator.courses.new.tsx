import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { CourseForm } from "~/components/course-form";
import { courseFormText } from "~/components/course-form.server";
import { useT } from "~/components/i18n";
import { Link } from "~/components/link";
import { courseFormSchema } from "~/domain/courses";
import { COURSE_FORM_ARRAY_FIELDS } from "~/domain/form-arrays";
import { formDataToObject, parseWithSchema } from "~/domain/forms";
import { db } from "~/lib/db.server";
import { requireUser } from "~/lib/guards.server";
import { getLocale } from "~/lib/locale.server";
import { orNotFound } from "~/lib/results.server";
import { createCourse, NEW_COURSE_FORM_VALUES } from "~/services/course-admin.server";

export const meta: MetaFunction = () => [{ title: "Opret forløb · Frirum" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request, ["coordinator"]);
  return {
    defaults: NEW_COURSE_FORM_VALUES,
    formText: courseFormText(await getLocale(request)),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request, ["coordinator"]);
  const values = formDataToObject(await request.formData(), COURSE_FORM_ARRAY_FIELDS);
  const parsed = parseWithSchema(courseFormSchema, values);
  // `attempt` remounts the form per answer, so server errors show even on fields edited before.
  const attempt = Date.now();
  if (!parsed.ok) return { errors: parsed.errors, values, attempt };
  const result = orNotFound(await createCourse(db(), user, parsed.data));
  if (!result.ok) return { errors: result.errors, values, attempt };
  return redirect(`/coordinator/courses/${result.courseId}?notice=created`);
}

export default function NewCourse() {
  const { defaults, formText } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  return (
    <>
      <p>
        <Link to="/coordinator/courses">{t("courseAdmin.backToList")}</Link>
      </p>
      <h1 id="course-form-title">{t("courseAdmin.new.title")}</h1>
      <CourseForm
        key={actionData?.attempt}
        defaultValues={actionData?.values ?? defaults}
        serverErrors={actionData?.errors}
        submitLabel={t("courseAdmin.create")}
        headingId="course-form-title"
        text={formText}
      />
    </>
  );
}
