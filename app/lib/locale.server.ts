import { DEFAULT_LOCALE, isLocale, type Locale } from "../i18n";
import { localeCookie } from "./session.server";

/** The chosen language (cookie), else Danish: the UI is Danish by default whatever the browser says. */
export async function getLocale(request: Request): Promise<Locale> {
  const value = await localeCookie.parse(request.headers.get("Cookie"));
  return isLocale(value) ? value : DEFAULT_LOCALE;
}
