import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useLocation } from "@remix-run/react";
import { HolidayForm } from "~/components/holiday-form";
import { useT } from "~/components/i18n";
import { Link } from "~/components/link";
import { formDataToObject, parseWithSchema } from "~/domain/forms";
import { type HolidayFormInput, holidayFormSchema } from "~/domain/holidays";
import { formatDateTime } from "~/domain/time";
import { messageKey } from "~/i18n/format";
import { db } from "~/lib/db.server";
import { requireUser } from "~/lib/guards.server";
import { getLocale } from "~/lib/locale.server";
import { parseIdParam } from "~/lib/params";
import { orNotFound } from "~/lib/results.server";
import { deleteHoliday, loadHolidayForEdit, updateHoliday } from "~/services/holidays.server";

export const meta: MetaFunction = () => [{ title: "Skoleferie · Frirum" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request, ["coordinator"]);
  const [page, locale] = await Promise.all([
    loadHolidayForEdit(db(), user, parseIdParam(params.id)),
    getLocale(request),
  ]);
  const { history, ...rest } = orNotFound(page);
  return {
    ...rest,
    // Formatted here: date formatting would add 1.1 KB to the page's JavaScript (issue 12).
    history: history.map((entry) => ({ ...entry, when: formatDateTime(entry.created_at, locale) })),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request, ["coordinator"]);
  const id = parseIdParam(params.id);
  const formData = await request.formData();
  const updatedAt = String(formData.get("updatedAt") ?? "");
  const intent = formData.get("intent");
  const attempt = Date.now();
  if (intent === "delete") {
    const result = orNotFound(await deleteHoliday(db(), user, id, updatedAt));
    if (result.ok) throw redirect("/coordinator/holidays?notice=deleted");
    return { errors: result.errors, values: null as HolidayFormInput | null, attempt };
  }
  if (intent !== "save") throw new Response("Bad Request", { status: 400 });
  const values = formDataToObject(formData);
  const parsed = parseWithSchema(holidayFormSchema, values);
  if (!parsed.ok) return { errors: parsed.errors, values: values as HolidayFormInput, attempt };
  const result = orNotFound(await updateHoliday(db(), user, id, parsed.data, updatedAt));
  if (result.ok) {
    throw redirect(`/coordinator/holidays?year=${parsed.data.startsOn.slice(0, 4)}&notice=saved`);
  }
  return { errors: result.errors, values: values as HolidayFormInput, attempt };
}

export default function EditHoliday() {
  const { holiday, history } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const location = useLocation();
  const formError = actionData?.errors._form;
  return (
    <>
      <p>
        <Link to={`/coordinator/holidays?year=${holiday.startsOn.slice(0, 4)}`}>
          {t("holidays.back")}
        </Link>
      </p>
      <h1>{holiday.name}</h1>
      {formError ? (
        <div className="notice notice--error" role="alert">
          <p>{t(formError)}</p>
          <p>
            <a href={location.pathname}>{t("holidays.reload")}</a>
          </p>
        </div>
      ) : null}
      <h2 id="holiday-edit-title">{t("holidays.edit.title")}</h2>
      <HolidayForm
        key={`${holiday.updatedAt}-${actionData?.attempt ?? ""}`}
        defaultValues={
          actionData?.values ?? {
            name: holiday.name,
            startsOn: holiday.startsOn,
            endsOn: holiday.endsOn,
          }
        }
        serverErrors={formError ? undefined : actionData?.errors}
        updatedAt={holiday.updatedAt}
        submitLabel={t("holidays.save")}
        labelledBy="holiday-edit-title"
      />
      <details className="confirm">
        <summary className="button button--secondary">{t("holidays.delete")}</summary>
        <Form method="post" className="confirm__body">
          <p>{t("holidays.deleteConfirm")}</p>
          <input type="hidden" name="updatedAt" value={holiday.updatedAt} />
          <button type="submit" name="intent" value="delete" className="button button--danger">
            {t("holidays.deleteYes")}
          </button>
        </Form>
      </details>
      <h2>{t("holidays.history")}</h2>
      {history.length === 0 ? (
        <p>{t("holidays.history.nothing")}</p>
      ) : (
        <ul className="history">
          {history.map((entry) => (
            <li key={entry.id}>
              {entry.when} · {entry.actor_name ?? t("holidays.history.system")} ·{" "}
              {t(messageKey(`holidays.action.${entry.action}`))}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
