import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { useT } from "~/components/i18n";
import { Link } from "~/components/link";
import { startPathFor } from "~/domain/permissions";
import { db } from "~/lib/db.server";
import { startUserSession } from "~/lib/guards.server";
import { completeSignIn, inspectSignInToken } from "~/services/auth.server";

export const meta: MetaFunction = () => [{ title: "Log ind · Frirum" }];

/**
 * The emailed link opens this page; signing in takes a POST. A GET never uses the token, so mail
 * scanners that open links (Outlook Safe Links) cannot burn it, and there is no state change on GET.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const token = new URL(request.url).searchParams.get("token") ?? "";
  const result = await inspectSignInToken(db(), token);
  return result.ok ? { token, problem: null } : { token: "", problem: result.problem };
}

export async function action({ request }: ActionFunctionArgs) {
  const formData = await request.formData();
  const token = String(formData.get("token") ?? "");
  const result = await completeSignIn(db(), token);
  if (!result.ok) return { problem: result.problem };
  return startUserSession(
    request,
    result.sessionId,
    result.redirectTo ?? startPathFor(result.role),
  );
}

export default function Verify() {
  const data = useLoaderData<typeof loader>();
  const t = useT();
  if (data.problem) return <Problem problem={data.problem} />;
  return (
    <>
      <h1>{t("auth.verify.title")}</h1>
      <p>{t("auth.verify.body")}</p>
      <Form method="post" action={`/auth/verify`} reloadDocument>
        <input type="hidden" name="token" value={data.token} />
        <button type="submit" className="button">
          {t("auth.verify.submit")}
        </button>
      </Form>
    </>
  );
}

function Problem({ problem }: { problem: "invalid" | "expired" | "used" }) {
  const t = useT();
  return (
    <>
      <h1>{t(`auth.problem.${problem}.title`)}</h1>
      <p>{t(`auth.problem.${problem}.body`)}</p>
      <p>
        <Link to="/login" className="button">
          {t("auth.problem.newLink")}
        </Link>
      </p>
    </>
  );
}

export function ErrorBoundary() {
  return <Problem problem="invalid" />;
}
