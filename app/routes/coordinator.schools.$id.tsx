import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useLocation } from "@remix-run/react";
import { describedBy, ErrorSummary, Field, fieldId } from "~/components/forms";
import { useT } from "~/components/i18n";
import { Link } from "~/components/link";
import { useValidatedForm } from "~/components/validated-form";
import { formDataToObject, parseWithSchema } from "~/domain/forms";
import { schoolFormSchema } from "~/domain/schools";
import { formatDateTime } from "~/domain/time";
import type { MessageKey } from "~/i18n";
import { messageKey } from "~/i18n/format";
import { db } from "~/lib/db.server";
import { requireUser } from "~/lib/guards.server";
import { getLocale } from "~/lib/locale.server";
import { parseIdParam } from "~/lib/params";
import { orNotFound } from "~/lib/results.server";
import { loadSchoolForEdit, updateSchool } from "~/services/school-admin.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.school.name} · Skoler · Frirum` : "Skoler · Frirum" },
];

const NOTICES: Record<string, MessageKey> = {
  saved: "schoolAdmin.saved",
  unchanged: "schoolAdmin.unchanged",
};

/** A known notice's message key; anything else (including "__proto__") is no notice. */
function noticeKey(name: string | null): MessageKey | null {
  return name !== null && Object.hasOwn(NOTICES, name) ? NOTICES[name] : null;
}

const FIELDS = ["name", "district", "address", "pilotCohort"] as const;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request, ["coordinator"]);
  const { school, values, history } = orNotFound(
    await loadSchoolForEdit(db(), user, parseIdParam(params.id)),
  );
  const locale = await getLocale(request);
  return {
    school: { id: school.id, name: school.name, updatedAt: school.updated_at },
    values,
    // Formatted here: date formatting would add 1.1 KB to the page's JavaScript (issue 12).
    history: history.map((entry) => ({ ...entry, when: formatDateTime(entry.createdAt, locale) })),
    notice: noticeKey(new URL(request.url).searchParams.get("notice")),
  };
}

type ActionResult = {
  errors: Record<string, MessageKey>;
  values: Record<string, unknown>;
  updatedAt?: string;
  /** Remounts the form per answer, so server errors show even on fields edited before. */
  attempt: number;
};

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request, ["coordinator"]);
  const schoolId = parseIdParam(params.id);
  const formData = await request.formData();
  const values = formDataToObject(formData);
  const parsed = parseWithSchema(schoolFormSchema, values);
  const attempt = Date.now();
  if (!parsed.ok) return { errors: parsed.errors, values, attempt } satisfies ActionResult;
  const updatedAt = String(formData.get("updatedAt") ?? "");
  const result = orNotFound(await updateSchool(db(), user, schoolId, parsed.data, updatedAt));
  if (result.ok) {
    return redirect(
      `/coordinator/schools/${schoolId}?notice=${result.changed ? "saved" : "unchanged"}`,
    );
  }
  return {
    errors: result.errors,
    values,
    updatedAt: result.currentUpdatedAt,
    attempt,
  } satisfies ActionResult;
}

function displayValue(value: unknown, t: (key: MessageKey) => string): string {
  if (value === null || value === undefined) return t("schoolAdmin.history.none");
  if (typeof value === "boolean") return value ? t("common.yes") : t("common.no");
  if (value === "") return t("schoolAdmin.history.empty");
  return String(value);
}

export default function EditSchool() {
  const { school, values, history, notice } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as ActionResult | undefined;
  const t = useT();
  const location = useLocation();
  const formError = actionData?.errors._form;
  return (
    <>
      <p>
        <Link to="/coordinator/schools">{t("schoolAdmin.backToList")}</Link>
      </p>
      <h1>{school.name}</h1>
      {notice && !actionData ? (
        <p className="notice notice--success" role="status">
          {t(notice)}
        </p>
      ) : null}
      {formError ? (
        <div className="notice notice--error" role="alert">
          <p>{t(formError)}</p>
          <p>
            <a href={location.pathname}>{t("schoolAdmin.stale.reload")}</a>
          </p>
        </div>
      ) : null}
      <h2 id="school-form-title">{t("schoolAdmin.edit.details")}</h2>
      <SchoolForm
        key={`${school.updatedAt}-${actionData?.attempt ?? ""}`}
        defaultValues={actionData?.values ?? values}
        serverErrors={actionData?.errors}
        updatedAt={actionData?.updatedAt ?? school.updatedAt}
      />

      <h2>{t("schoolAdmin.history")}</h2>
      {history.length === 0 ? (
        <p>{t("schoolAdmin.history.nothing")}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">{t("schoolAdmin.history")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("schoolAdmin.history.when")}</th>
                <th scope="col">{t("schoolAdmin.history.who")}</th>
                <th scope="col">{t("schoolAdmin.history.what")}</th>
              </tr>
            </thead>
            <tbody>
              {history.map((entry) => (
                <tr key={entry.id}>
                  <td>{entry.when}</td>
                  <td>{entry.actorName ?? t("schoolAdmin.history.system")}</td>
                  <td>
                    {entry.changes.length === 0 ? (
                      entry.action
                    ) : (
                      <ul>
                        {entry.changes.map((change) => (
                          <li key={change.field}>
                            {t("schoolAdmin.history.change", {
                              field: t(messageKey(`schoolAdmin.field.${change.field}`)),
                              before: displayValue(change.before, t),
                              after: displayValue(change.after, t),
                            })}
                          </li>
                        ))}
                      </ul>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

function SchoolForm({
  defaultValues,
  serverErrors,
  updatedAt,
}: {
  defaultValues: Record<string, unknown>;
  serverErrors?: Record<string, MessageKey>;
  updatedAt: string;
}) {
  const t = useT();
  const form = useValidatedForm(() => import("~/domain/schools").then((m) => m.schoolFormSchema), {
    defaultValues: defaultValues,
    serverErrors,
  });
  const errors = Object.fromEntries(FIELDS.map((name) => [name, form.errorFor(name)]));
  const labels = Object.fromEntries(FIELDS.map((name) => [name, t(`schoolAdmin.field.${name}`)]));
  const hints: Record<string, string | undefined> = {
    pilotCohort: t("schoolAdmin.field.pilotCohort.hint"),
  };
  return (
    <>
      <ErrorSummary errors={errors} labels={labels} />
      <Form method="post" noValidate onSubmit={form.onSubmit} aria-labelledby="school-form-title">
        <input type="hidden" name="updatedAt" value={updatedAt} />
        {FIELDS.map((name) => (
          <Field
            key={name}
            name={name}
            label={labels[name]}
            hint={hints[name]}
            error={errors[name]}
          >
            <input
              type="text"
              inputMode={name === "pilotCohort" ? "numeric" : undefined}
              autoComplete="off"
              {...describedBy(name, { hint: Boolean(hints[name]), error: errors[name] })}
              {...form.field(name)}
            />
          </Field>
        ))}
        <div className="field">
          <label className="choice">
            <input type="checkbox" id={fieldId("active")} {...form.choice("active", "on")} />{" "}
            {t("schoolAdmin.field.active.label")}
          </label>
        </div>
        <div className="button-row">
          <button type="submit" className="button">
            {t("schoolAdmin.save")}
          </button>
        </div>
      </Form>
    </>
  );
}
