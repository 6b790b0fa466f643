import { type ActionFunctionArgs, redirect } from "@remix-run/node";
import { safeRedirectTarget } from "~/domain/redirects";
import { DEFAULT_LOCALE, isLocale } from "~/i18n";
import { db } from "~/lib/db.server";
import { getCurrentUser } from "~/lib/guards.server";
import { localeCookie } from "~/lib/session.server";
import { saveLanguageChoice } from "~/services/language.server";

export const loader = () => redirect("/");

/** Sets the language cookie and, for a signed-in user, stores the choice (their emails use it). */
export async function action({ request }: ActionFunctionArgs) {
  const formData = await request.formData();
  const requested = formData.get("locale");
  const locale = isLocale(requested) ? requested : DEFAULT_LOCALE;
  await saveLanguageChoice(db(), await getCurrentUser(request), locale);
  return redirect(safeRedirectTarget(formData.get("redirectTo")), {
    headers: { "Set-Cookie": await localeCookie.serialize(locale) },
  });
}
