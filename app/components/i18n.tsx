import { useRouteLoaderData } from "@remix-run/react";
import { DEFAULT_LOCALE, type Locale, type MessageParams, translate } from "~/i18n";

export function useLocale(): Locale {
  const data = useRouteLoaderData<{ locale: Locale }>("root");
  return data?.locale ?? DEFAULT_LOCALE;
}

/** `t(key, params)` in the current UI language. */
export function useT() {
  const locale = useLocale();
  return (key: string, params?: MessageParams) => translate(locale, key, params);
}
