import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { describedBy, ErrorSummary, Field } from "~/components/forms";
import { useT } from "~/components/i18n";
import { Link } from "~/components/link";
import { useValidatedForm } from "~/components/validated-form";
import { signInFormSchema } from "~/domain/auth";
import { formDataToObject, parseWithSchema } from "~/domain/forms";
import { startPathFor } from "~/domain/permissions";
import { safeRedirectTarget } from "~/domain/redirects";
import { db } from "~/lib/db.server";
import { env } from "~/lib/env.server";
import { clientKey, getCurrentUser } from "~/lib/guards.server";
import { loadDemoAccounts, requestSignIn } from "~/services/auth.server";

export const meta: MetaFunction = () => [{ title: "Log ind · Frirum" }];

/** The page to open after signing in (`?redirectTo=`, set by the guards), if it is on this site. */
function redirectToOf(request: Request): string {
  return safeRedirectTarget(new URL(request.url).searchParams.get("redirectTo"), "");
}

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getCurrentUser(request);
  if (user) throw redirect(redirectToOf(request) || startPathFor(user.role));
  const localMailbox = !env().SMTP_URL;
  return {
    redirectTo: redirectToOf(request),
    localMailbox,
    demoAccounts: localMailbox ? await loadDemoAccounts(db()) : [],
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const formData = await request.formData();
  const parsed = parseWithSchema(signInFormSchema, formDataToObject(formData));
  if (!parsed.ok)
    return {
      status: "invalid" as const,
      errors: parsed.errors,
      email: String(formData.get("email") ?? ""),
    };
  const result = await requestSignIn(db(), {
    email: parsed.data.email,
    clientKey: clientKey(context),
    appUrl: env().appUrl,
    redirectTo: formData.get("redirectTo"),
  });
  if (!result.ok)
    return {
      status: "invalid" as const,
      errors: { email: result.error },
      email: parsed.data.email,
    };
  return { status: "sent" as const, email: parsed.data.email, errors: {} };
}

export default function Login() {
  const { demoAccounts, localMailbox, redirectTo } = useLoaderData<typeof loader>();
  // Carried by every sign-in form on the page, so the emailed link opens the page asked for.
  const redirectField = redirectTo ? (
    <input type="hidden" name="redirectTo" value={redirectTo} />
  ) : null;
  const actionData = useActionData<typeof action>();
  const t = useT();
  const navigation = useNavigation();
  const form = useValidatedForm(() => import("~/domain/auth").then((m) => m.signInFormSchema), {
    defaultValues: { email: actionData?.email ?? "" },
    serverErrors: actionData?.errors,
  });

  if (actionData?.status === "sent") {
    return (
      <>
        <h1>{t("auth.sent.title")}</h1>
        <p className="lead">{t("auth.sent.body", { email: actionData.email })}</p>
        <div className="button-row">
          {localMailbox ? (
            <Link className="button" to="/dev/mailbox">
              {t("auth.sent.mailbox")}
            </Link>
          ) : null}
          <Link className="button button--secondary" to="/login">
            {t("auth.sent.again")}
          </Link>
        </div>
      </>
    );
  }

  const emailError = form.errorFor("email");
  return (
    <>
      <h1>{t("auth.login.title")}</h1>
      <p className="lead">{t("auth.login.intro")}</p>
      <ErrorSummary errors={{ email: emailError }} labels={{ email: t("auth.email.label") }} />
      <Form method="post" noValidate onSubmit={form.onSubmit} className="stack">
        {redirectField}
        <Field name="email" label={t("auth.email.label")} error={emailError}>
          <input
            type="email"
            autoComplete="email"
            {...describedBy("email", { error: emailError })}
            {...form.field("email")}
          />
        </Field>
        <button type="submit" className="button" disabled={navigation.state === "submitting"}>
          {t("auth.login.submit")}
        </button>
      </Form>
      <p className="hint">
        <a href="/privatliv">{t("auth.privacyLink")}</a>
      </p>
      {demoAccounts.length > 0 ? (
        <section aria-labelledby="demo-accounts">
          <h2 id="demo-accounts">{t("auth.demo.title")}</h2>
          <p>{t("auth.demo.intro")}</p>
          <ul className="demo-accounts">
            {demoAccounts.map((account) => (
              <li key={account.email}>
                <Form method="post">
                  {redirectField}
                  <input type="hidden" name="email" value={account.email} />
                  <button type="submit" className="button button--link">
                    {account.email}
                  </button>{" "}
                  <span className="muted">
                    {t(`role.${account.role}`)}
                    {account.school_name ? `, ${account.school_name}` : ""}
                  </span>
                </Form>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}
