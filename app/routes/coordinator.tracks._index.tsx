import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useLocale, useT } from "~/components/i18n";
import { Link } from "~/components/link";
import { formatDate } from "~/domain/time";
import { db } from "~/lib/db.server";
import { requireUser } from "~/lib/guards.server";
import { orNotFound } from "~/lib/results.server";
import { loadTrackList } from "~/services/tracks.server";

export const meta: MetaFunction = () => [{ title: "Pilotforløb · Frirum" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request, ["coordinator"]);
  return orNotFound(await loadTrackList(db(), user));
}

export default function TrackList() {
  const { tracks } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  return (
    <>
      <h1>{t("tracks.list.title")}</h1>
      <p className="lead">{t("tracks.list.intro")}</p>
      <div className="button-row">
        <Link className="button" to="/coordinator/tracks/new">
          {t("tracks.list.start")}
        </Link>
        <Link className="button button--secondary" to="/coordinator/tracks/templates">
          {t("tracks.list.templates")}
        </Link>
      </div>
      {tracks.length === 0 ? (
        <p>{t("tracks.list.empty")}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">{t("tracks.list.title")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("tracks.col.school")}</th>
                <th scope="col">{t("tracks.col.year")}</th>
                <th scope="col">{t("tracks.col.track")}</th>
                <th scope="col">{t("tracks.col.status")}</th>
                <th scope="col">{t("tracks.col.progress")}</th>
                <th scope="col">{t("tracks.col.next")}</th>
              </tr>
            </thead>
            <tbody>
              {tracks.map((track) => (
                <tr key={track.id}>
                  <th scope="row">
                    <Link to={`/coordinator/tracks/${track.id}`}>{track.school.name}</Link>
                  </th>
                  <td>{track.cohortYear}</td>
                  <td>{track.name}</td>
                  <td>
                    <span className={`badge badge--track-${track.displayStatus}`}>
                      {t(`tracks.status.${track.displayStatus}`)}
                    </span>
                  </td>
                  <td>{t("tracks.progress", track.progress)}</td>
                  <td>
                    {track.nextSession
                      ? formatDate(track.nextSession.startsAt, locale)
                      : t("tracks.nothingPlanned")}
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
