import { useT } from "~/components/i18n";
import { Link } from "~/components/link";

export const meta = () => [{ title: "Siden findes ikke · Frirum" }];

export const loader = () => {
  throw new Response("Not Found", { status: 404 });
};

export default function NotFound() {
  const t = useT();
  return (
    <>
      <h1>{t("error.notFound.title")}</h1>
      <p>{t("error.notFound.body")}</p>
      <Link to="/">{t("error.backHome")}</Link>
    </>
  );
}
