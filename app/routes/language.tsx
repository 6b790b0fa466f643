import { type ActionFunctionArgs, redirect } from "@remix-run/node";
import { safeRedirectTarget } from "~/domain/redirects";
import { DEFAULT_LOCALE, isLocale } from "~/i18n";
import { localeCookie } from "~/lib/session.server";

export const loader = () => redirect("/");

export async function action({ request }: ActionFunctionArgs) {
  const formData = await request.formData();
  const requested = formData.get("locale");
  const locale = isLocale(requested) ? requested : DEFAULT_LOCALE;
  return redirect(safeRedirectTarget(formData.get("redirectTo")), {
    headers: { "Set-Cookie": await localeCookie.serialize(locale) },
  });
}
