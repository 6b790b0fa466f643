import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { describedBy, ErrorSummary, Field } from "~/components/forms";
import { useT } from "~/components/i18n";
import { useValidatedForm } from "~/components/validated-form";
import { INVITE_FORM_ARRAY_FIELDS } from "~/domain/form-arrays";
import { formDataToObject, parseWithSchema } from "~/domain/forms";
import { inviteUserSchema } from "~/domain/users";
import type { MessageKey } from "~/i18n";
import { db } from "~/lib/db.server";
import { env } from "~/lib/env.server";
import { requireUser } from "~/lib/guards.server";
import { orNotFound } from "~/lib/results.server";
import { inviteUser, loadUsersPage, setUserActivation } from "~/services/users.server";

export const meta: MetaFunction = () => [{ title: "Brugere · Frirum" }];

const LANGUAGE_CODES = ["da", "en", "ar", "so", "ur", "tr", "fa"] as const;

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request, ["coordinator"]);
  return orNotFound(await loadUsersPage(db(), user));
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request, ["coordinator"]);
  const formData = await request.formData();
  const intent = formData.get("intent");
  if (intent === "deactivate" || intent === "activate") {
    const result = orNotFound(
      await setUserActivation(db(), user, Number(formData.get("userId")), intent === "activate"),
    );
    const notice: MessageKey = intent === "activate" ? "users.activated" : "users.deactivated";
    return result.ok ? { notice, errors: {} } : { notice: null, errors: result.errors };
  }
  const parsed = parseWithSchema(
    inviteUserSchema,
    formDataToObject(formData, INVITE_FORM_ARRAY_FIELDS),
  );
  if (!parsed.ok) return { notice: null, errors: parsed.errors, values: parsed.values };
  const result = orNotFound(await inviteUser(db(), user, parsed.data, env().appUrl));
  if (!result.ok) return { notice: null, errors: result.errors, values: parsed.data };
  const invited: MessageKey = "users.invited";
  return { notice: invited, email: parsed.data.email, errors: {} };
}

export default function Users() {
  const { users, schools } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const form = useValidatedForm(() => import("~/domain/users").then((m) => m.inviteUserSchema), {
    serverErrors: actionData?.errors,
    defaultValues: actionData && "values" in actionData ? actionData.values : undefined,
  });
  const errors = {
    name: form.errorFor("name"),
    email: form.errorFor("email"),
    role: form.errorFor("role"),
    schoolId: form.errorFor("schoolId"),
    _form: actionData?.errors && "_form" in actionData.errors ? actionData.errors._form : undefined,
  };
  return (
    <>
      <h1>{t("users.title")}</h1>
      {actionData?.notice ? (
        <p className="notice notice--success" role="status">
          {t(actionData.notice, { email: "email" in actionData ? String(actionData.email) : "" })}
        </p>
      ) : null}
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">{t("users.name")}</th>
              <th scope="col">{t("users.email")}</th>
              <th scope="col">{t("users.role")}</th>
              <th scope="col">{t("users.school")}</th>
              <th scope="col">{t("users.status")}</th>
              <th scope="col">
                <span className="visually-hidden">{t("form.confirm")}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {users.map((u) => (
              <tr key={u.id}>
                <td>{u.name}</td>
                <td>{u.email}</td>
                <td>{t(`role.${u.role}`)}</td>
                <td>{u.school_name ?? ""}</td>
                <td>{u.active ? t("users.active") : t("users.inactive")}</td>
                <td>
                  <Form method="post">
                    <input type="hidden" name="userId" value={u.id} />
                    <button
                      type="submit"
                      name="intent"
                      value={u.active ? "deactivate" : "activate"}
                      className="button button--secondary"
                      aria-label={`${u.active ? t("users.deactivate") : t("users.activate")}: ${u.name}`}
                    >
                      {u.active ? t("users.deactivate") : t("users.activate")}
                    </button>
                  </Form>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <h2 id="invite">{t("users.invite.title")}</h2>
      <ErrorSummary
        errors={errors}
        labels={{
          name: t("users.name"),
          email: t("users.email"),
          role: t("users.role"),
          schoolId: t("users.school"),
        }}
      />
      <Form method="post" noValidate onSubmit={form.onSubmit} aria-labelledby="invite">
        <input type="hidden" name="intent" value="invite" />
        <Field name="name" label={t("users.name")} error={errors.name}>
          <input
            type="text"
            autoComplete="off"
            {...describedBy("name", { error: errors.name })}
            {...form.field("name")}
          />
        </Field>
        <Field name="email" label={t("users.email")} error={errors.email}>
          <input
            type="email"
            autoComplete="off"
            {...describedBy("email", { error: errors.email })}
            {...form.field("email")}
          />
        </Field>
        <Field name="role" label={t("users.role")} error={errors.role}>
          <select {...describedBy("role", { error: errors.role })} {...form.field("role")}>
            <option value="school_leader">{t("role.school_leader")}</option>
            <option value="facilitator">{t("role.facilitator")}</option>
            <option value="coordinator">{t("role.coordinator")}</option>
          </select>
        </Field>
        <Field name="schoolId" label={t("users.school")} error={errors.schoolId}>
          <select
            {...describedBy("schoolId", { error: errors.schoolId })}
            {...form.field("schoolId")}
          >
            <option value="">{t("users.school.choose")}</option>
            {schools.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </Field>
        <fieldset>
          <legend>{t("users.languages")}</legend>
          <div className="checkbox-row">
            {LANGUAGE_CODES.map((code) => (
              <label key={code}>
                <input type="checkbox" {...form.choice("languages", code)} />{" "}
                {t(`language.${code}`)}
              </label>
            ))}
          </div>
        </fieldset>
        <button type="submit" className="button">
          {t("users.invite.submit")}
        </button>
      </Form>
    </>
  );
}
