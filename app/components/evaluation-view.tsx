/**
 * The evaluation page, for coordinators and school leaders alike, rendered from the one page model
 * (app/domain/evaluation.ts). Plain HTML and server-rendered SVG: the filters are a GET form and
 * every chart has its numbers in a table beside it, so it works and reads without JavaScript.
 */

import { Form, Link } from "@remix-run/react";
import type { EvaluationModel, GroupKey, ItemCell } from "~/domain/evaluation";
import { itemsChartSeries, trendItemOf } from "~/domain/evaluation-charts";
import {
  bucketLabel,
  DIGITS,
  formatNumber,
  groupLabel,
  percent,
  periodLabel,
  round,
  topBoxLabel,
} from "~/domain/evaluation-format";
import { FEEDBACK_AUDIENCES } from "~/domain/feedback-audiences";
import { messageKey } from "~/i18n/format";
import type { EvaluationPage } from "~/services/evaluation.server";
import { ChartSvg } from "./charts/chart-svg";
import type { EvaluationOption } from "./evaluation-view.server";
import { FilterSelect } from "./filter-select";
import { useLocale, useT } from "./i18n";

type Data = Omit<EvaluationPage, "model"> & {
  model: EvaluationModel;
  trendItem: string | null;
  /** The filters as a query string ("?period=…"), from the loader. */
  search: string;
  /** The scale's answer options (table columns), from the loader. */
  options: EvaluationOption[];
  /** Drawn by the loader (evaluation-view.server.ts): SVG markup. */
  charts: { items: string; trend: string | null };
};

function CellText({ cell, children }: { cell: ItemCell | undefined; children: React.ReactNode }) {
  const t = useT();
  if (!cell || cell.status === "empty")
    return <span className="muted">{t("evaluation.cell.empty")}</span>;
  if (cell.status === "hidden") {
    return <span className="suppressed">{t(`evaluation.cell.${cell.reason}`)}</span>;
  }
  return <>{children}</>;
}

export function EvaluationView({ data, basePath }: { data: Data; basePath: string }) {
  const t = useT();
  const locale = useLocale();
  const { model, choices, errors } = data;
  const coordinator = model.viewer === "coordinator";
  const f = model.filters;
  const num = (value: number, digits: number) => formatNumber(value, digits, locale);
  const pct = (p: number) => `${num(percent(p), DIGITS.percent)}\u00a0%`;
  const label = (key: GroupKey) => groupLabel(model, key, t);
  const topBox = topBoxLabel(model, t);
  const { search } = data;
  const options = data.options;
  const optionLabel = (i: number) => options[i].labels[locale];
  const itemText = (item: { text: { da: string; en: string } }) => item.text[locale];
  const chartSeries = itemsChartSeries(model);
  const trendItem = trendItemOf(model.items, data.trendItem);
  const largest = model.items
    .filter((i) => i.difference)
    .sort((a, b) => Math.abs(b.difference?.points ?? 0) - Math.abs(a.difference?.points ?? 0))[0];
  const errorKeys = Object.values(errors).filter((key) => key !== undefined);

  return (
    <>
      <h1>
        {coordinator
          ? t("evaluation.title")
          : t("evaluation.school.title", { school: model.groups[0]?.schoolName ?? "" })}
      </h1>
      <p className="lead">{coordinator ? t("evaluation.intro") : t("evaluation.school.intro")}</p>
      <p className="notice notice--warning" data-testid="caveat">
        {t("evaluation.caveat")}
      </p>

      {errorKeys.length > 0 ? (
        <div className="error-summary" role="alert">
          <h2>{t("evaluation.errors.title")}</h2>
          <ul>
            {errorKeys.map((key) => (
              <li key={key}>{t(key)}</li>
            ))}
          </ul>
        </div>
      ) : null}

      <h2 id="filters" className="no-print">
        {t("evaluation.filters")}
      </h2>
      <Form method="get" action={basePath} className="filters no-print" aria-labelledby="filters">
        <div className="field">
          <label htmlFor="ev-period">{t("evaluation.filter.period")}</label>
          <select id="ev-period" name="period" defaultValue={f.period}>
            {choices.periods.map((p) => (
              <option key={p.value} value={p.value}>
                {p.kind === "year"
                  ? t("evaluation.filter.year", { year: p.year })
                  : t("evaluation.filter.schoolYear", { year: p.year, next: p.year + 1 })}
              </option>
            ))}
            <option value="range">{t("evaluation.filter.range")}</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor="ev-from">{t("evaluation.filter.from")}</label>
          <input id="ev-from" name="from" type="date" defaultValue={f.from ?? ""} />
        </div>
        <div className="field">
          <label htmlFor="ev-to">{t("evaluation.filter.to")}</label>
          <input id="ev-to" name="to" type="date" defaultValue={f.to ?? ""} />
        </div>
        <div className="field">
          <label htmlFor="ev-audience">{t("evaluation.filter.audience")}</label>
          <select id="ev-audience" name="audience" defaultValue={f.audience}>
            {FEEDBACK_AUDIENCES.map((a) => (
              <option key={a} value={a}>
                {t(`audience.${a}`)}
              </option>
            ))}
          </select>
        </div>
        <FilterSelect
          id="ev-course"
          name="course"
          label={t("evaluation.filter.course")}
          anyLabel={t("evaluation.filter.all")}
          defaultValue={f.course ?? ""}
          options={choices.courses.map((c) => ({ value: c.id, label: c.title }))}
        />
        <FilterSelect
          id="ev-version"
          name="formVersion"
          label={t("evaluation.filter.version")}
          anyLabel={t("evaluation.filter.latest")}
          defaultValue={f.formVersion ?? ""}
          options={choices.versions.map((v) => ({
            value: v,
            label: t("evaluation.filter.versionN", { version: v }),
          }))}
        />
        {coordinator ? (
          <>
            <FilterSelect
              id="ev-district"
              name="district"
              label={t("evaluation.filter.district")}
              anyLabel={t("evaluation.filter.all")}
              defaultValue={f.district ?? ""}
              options={choices.districts.map((d) => ({ value: d, label: d }))}
            />
            <div className="field">
              <label htmlFor="ev-cohort">{t("evaluation.filter.cohort")}</label>
              <select
                id="ev-cohort"
                name="cohort"
                defaultValue={f.cohort === "all" ? "" : f.cohort}
              >
                <option value="">{t("evaluation.filter.cohort.all")}</option>
                <option value="pilot">{t("evaluation.filter.cohort.pilot")}</option>
                <option value="standard">{t("evaluation.filter.cohort.standard")}</option>
                <option value="school">{t("evaluation.filter.cohort.school")}</option>
              </select>
            </div>
            <FilterSelect
              id="ev-school"
              name="school"
              label={t("evaluation.filter.school")}
              anyLabel="–"
              defaultValue={f.school ?? ""}
              options={choices.schools.map((s) => ({ value: s.id, label: s.name }))}
            />
          </>
        ) : null}
        <div className="field">
          <label htmlFor="ev-trend">{t("evaluation.filter.trend")}</label>
          <select id="ev-trend" name="trend" defaultValue={f.trend}>
            <option value="term">{t("evaluation.filter.trend.term")}</option>
            <option value="year">{t("evaluation.filter.trend.year")}</option>
          </select>
        </div>
        <button type="submit" className="button">
          {t("evaluation.filter.apply")}
        </button>
        <Link to={basePath}>{t("evaluation.filter.reset")}</Link>
      </Form>

      <p role="status">
        {t("evaluation.showing", {
          audience: t(`audience.${model.audience}`),
          period: periodLabel(model, t),
        })}
      </p>

      <section aria-labelledby="export" className="no-print">
        <h2 id="export">{t("evaluation.export.title")}</h2>
        <p>
          <a href={`${basePath}.csv${search}`} download>
            {t("evaluation.export.csv")}
          </a>
          {" · "}
          <a href={`${basePath}.xlsx${search}`} download>
            {t("evaluation.export.xlsx")}
          </a>
        </p>
        <p className="small muted">{t("evaluation.export.note")}</p>
      </section>

      <section aria-labelledby="overview">
        <h2 id="overview">{t("evaluation.overview.title")}</h2>
        <div className="table-wrap">
          <table aria-labelledby="overview" data-testid="overview">
            <thead>
              <tr>
                <th scope="col">{t("evaluation.item.col.group")}</th>
                <th scope="col">{t("evaluation.overview.sessions")}</th>
                <th scope="col">{t("evaluation.overview.schools")}</th>
                <th scope="col">{t("evaluation.overview.attendance")}</th>
                <th scope="col">{t("evaluation.overview.responseRate")}</th>
                <th scope="col">{t("evaluation.overview.small")}</th>
              </tr>
            </thead>
            <tbody>
              {model.groups.map((g) => {
                const o = model.overview[g.key];
                return (
                  <tr key={g.key}>
                    <th scope="row">{label(g.key)}</th>
                    <td>{o?.sessions ?? 0}</td>
                    <td>{o?.schools ?? 0}</td>
                    <td>{o?.attendance ?? 0}</td>
                    <td>{o?.responseRate == null ? "–" : pct(o.responseRate)}</td>
                    <td>{o?.smallSessions ?? 0}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
        <p className="small muted">{t("evaluation.overview.note")}</p>
        {(
          [
            { key: "unattended", list: model.unattended, intro: "evaluation.unattended.intro" },
            { key: "small", list: model.small, intro: "evaluation.small.intro" },
          ] as const
        ).map(({ key, list, intro }) =>
          list.total > 0 ? (
            <details key={key} data-testid={`sessions-${key}`}>
              <summary>{t(`evaluation.${key}.title`, { total: list.total })}</summary>
              <p className="small">{t(intro)}</p>
              <ul>
                {list.sessions.map((s) => (
                  <li key={s.id}>
                    {s.date}: {s.schoolName}, {s.courseTitle}
                  </li>
                ))}
              </ul>
              {list.total > list.sessions.length ? (
                <p className="small">
                  {t("evaluation.moreSessions", { count: list.total - list.sessions.length })}
                </p>
              ) : null}
            </details>
          ) : null,
        )}
      </section>

      <section aria-labelledby="items">
        <h2 id="items">{t("evaluation.items.title")}</h2>
        <figure className="chart-figure" data-testid="chart-items">
          <ChartSvg svg={data.charts.items} />
          <figcaption>
            {largest?.difference
              ? t("evaluation.chart.summary", {
                  count: model.items.length,
                  item: itemText(largest),
                  points: num(round(largest.difference.points, DIGITS.points), DIGITS.points),
                })
              : t("evaluation.chart.summaryNone", { count: model.items.length })}
          </figcaption>
        </figure>
        <div className="table-wrap">
          <table data-testid="chart-items-table">
            <caption>{t("evaluation.chart.table")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("evaluation.export.col.question")}</th>
                {chartSeries.map((key) => (
                  <th key={key} scope="col">
                    {label(key)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {model.items.map((item) => (
                <tr key={item.key}>
                  <th scope="row">{itemText(item)}</th>
                  {chartSeries.map((key) => {
                    const cell = item.cells[key];
                    return (
                      <td key={key}>
                        <CellText cell={cell}>
                          {cell?.status === "shown" && cell.share !== null && cell.interval
                            ? `${pct(cell.share)} (${pct(cell.interval.lower)}–${pct(cell.interval.upper)})`
                            : "–"}
                        </CellText>
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>

        {model.items.map((item) => (
          <article key={item.key} className="ev-item" aria-labelledby={`item-${item.key}`}>
            <h3 id={`item-${item.key}`}>{itemText(item)}</h3>
            <div className="table-wrap">
              <table data-testid={`item-${item.key}`}>
                <caption className="visually-hidden">{itemText(item)}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t("evaluation.item.col.group")}</th>
                    <th scope="col">{t("evaluation.item.col.n")}</th>
                    {options.map((o, i) => (
                      <th key={o.value} scope="col" className={o.isDontKnow ? "ev-dk" : undefined}>
                        {optionLabel(i)}
                      </th>
                    ))}
                    <th scope="col">{t("evaluation.item.col.share", { topBox })}</th>
                    <th scope="col">{t("evaluation.item.col.interval")}</th>
                    <th scope="col">{t("evaluation.item.col.sessions")}</th>
                    <th scope="col">{t("evaluation.item.col.schools")}</th>
                    <th scope="col">{t("evaluation.item.col.responseRate")}</th>
                  </tr>
                </thead>
                <tbody>
                  {model.groups.map((g) => {
                    const cell = item.cells[g.key];
                    const shown = cell?.status === "shown" ? cell : null;
                    return (
                      <tr key={g.key} data-group={g.key}>
                        <th scope="row">{label(g.key)}</th>
                        {shown ? (
                          <>
                            <td data-measure="n">{shown.answers}</td>
                            {shown.distribution.map((count, i) => (
                              <td
                                key={options[i].value}
                                className={options[i].isDontKnow ? "ev-dk" : undefined}
                              >
                                {count}
                              </td>
                            ))}
                            <td data-measure="share">
                              {shown.share === null ? "–" : pct(shown.share)}
                            </td>
                            <td>
                              {shown.interval
                                ? `${pct(shown.interval.lower)}–${pct(shown.interval.upper)}`
                                : "–"}
                            </td>
                            <td>{shown.sessions}</td>
                            <td>{shown.schools}</td>
                            <td>{shown.responseRate ? pct(shown.responseRate.rate) : "–"}</td>
                          </>
                        ) : (
                          <td colSpan={options.length + 6} data-measure="hidden">
                            <CellText cell={cell}>{null}</CellText>
                          </td>
                        )}
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
            {model.comparison ? (
              <p data-testid={`difference-${item.key}`}>
                {item.difference
                  ? t("evaluation.item.difference", {
                      a: label(model.comparison[0]),
                      b: label(model.comparison[1]),
                      points: num(round(item.difference.points, DIGITS.points), DIGITS.points),
                      lower: num(round(item.difference.lower, DIGITS.points), DIGITS.points),
                      upper: num(round(item.difference.upper, DIGITS.points), DIGITS.points),
                    })
                  : t("evaluation.item.noDifference")}
              </p>
            ) : null}
            <p className="small muted">
              {item.icc === null
                ? t("evaluation.item.iccUnknown")
                : t("evaluation.item.icc", { icc: num(round(item.icc, DIGITS.icc), DIGITS.icc) })}
              {item.excludedSessions > 0
                ? ` ${t("evaluation.item.excluded", { count: item.excludedSessions })}`
                : ""}
            </p>
            {model.buckets.length > 1 ? (
              <div className="table-wrap">
                <table className="ev-trend-table">
                  <caption>{t("evaluation.trend.chartTitle", { item: itemText(item) })}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t("evaluation.item.col.group")}</th>
                      {model.buckets.map((b) => (
                        <th key={b.key} scope="col">
                          {bucketLabel(b, t)}
                        </th>
                      ))}
                    </tr>
                  </thead>
                  <tbody>
                    {model.trendGroups.map((g) => (
                      <tr key={g}>
                        <th scope="row">{label(g)}</th>
                        {model.buckets.map((b) => {
                          const cell = item.trend[g]?.[b.key];
                          return (
                            <td key={b.key}>
                              <CellText cell={cell}>
                                {cell?.status === "shown"
                                  ? t("evaluation.trend.cell", {
                                      share: cell.share === null ? "–" : pct(cell.share),
                                      n: cell.answers,
                                      sessions: cell.sessions,
                                      schools: cell.schools,
                                    })
                                  : null}
                              </CellText>
                            </td>
                          );
                        })}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            ) : null}
          </article>
        ))}
      </section>

      {trendItem && data.charts.trend ? (
        <section aria-labelledby="trend">
          <h2 id="trend">{t("evaluation.trend.title")}</h2>
          <Form method="get" action={basePath} className="filters no-print">
            {Array.from(new URLSearchParams(search).entries()).map(([name, value]) => (
              <input key={name} type="hidden" name={name} value={value} />
            ))}
            <FilterSelect
              id="ev-trend-item"
              name="trendItem"
              label={t("evaluation.trend.pick")}
              anyLabel="–"
              defaultValue={trendItem.key}
              options={model.items.map((i) => ({ value: i.key, label: itemText(i) }))}
            />
            <button type="submit" className="button">
              {t("evaluation.filter.apply")}
            </button>
          </Form>
          <figure className="chart-figure" data-testid="chart-trend">
            <ChartSvg svg={data.charts.trend} />
            <figcaption>
              {t("evaluation.trend.summary", {
                item: itemText(trendItem),
                groups: model.trendGroups
                  .map((g) => {
                    const values = model.buckets
                      .map((b) => trendItem.trend[g]?.[b.key])
                      .map((cell) =>
                        cell?.status === "shown" && cell.share !== null ? pct(cell.share) : "–",
                      );
                    return `${label(g)} ${values.join(" → ")}`;
                  })
                  .join("; "),
              })}
            </figcaption>
          </figure>
        </section>
      ) : null}

      {model.scales.length > 0 ? (
        <section aria-labelledby="scales">
          <h2 id="scales">{t("evaluation.scales.title")}</h2>
          {model.scales.map((scale) => {
            return (
              <article key={scale.key} aria-labelledby={`scale-${scale.key}`}>
                <h3 id={`scale-${scale.key}`}>{t(messageKey(`evaluation.scale.${scale.key}`))}</h3>
                <p className="small">
                  {t("evaluation.scales.intro", {
                    count: scale.items.length,
                    range: `${scale.range.min}–${scale.range.max}`,
                    min: scale.minAnswered,
                  })}
                </p>
                <div className="table-wrap">
                  <table data-testid={`scale-${scale.key}`}>
                    <caption className="visually-hidden">
                      {t(messageKey(`evaluation.scale.${scale.key}`))}
                    </caption>
                    <thead>
                      <tr>
                        <th scope="col">{t("evaluation.item.col.group")}</th>
                        <th scope="col">{t("evaluation.scale.col.n")}</th>
                        <th scope="col">{t("evaluation.scale.col.mean")}</th>
                        <th scope="col">{t("evaluation.scale.col.sd")}</th>
                        <th scope="col">{t("evaluation.item.col.sessions")}</th>
                        <th scope="col">{t("evaluation.item.col.schools")}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {model.groups.map((g) => {
                        const cell = scale.cells[g.key];
                        return (
                          <tr key={g.key}>
                            <th scope="row">{label(g.key)}</th>
                            {cell?.status === "shown" ? (
                              <>
                                <td>{cell.respondents}</td>
                                <td>{num(round(cell.mean, DIGITS.mean), DIGITS.mean)}</td>
                                <td>
                                  {cell.sd === null
                                    ? "–"
                                    : num(round(cell.sd, DIGITS.sd), DIGITS.sd)}
                                </td>
                                <td>{cell.sessions}</td>
                                <td>{cell.schools}</td>
                              </>
                            ) : (
                              <td colSpan={5}>
                                {cell?.status === "hidden" ? (
                                  <span className="suppressed">
                                    {t(`evaluation.cell.${cell.reason}`)}
                                  </span>
                                ) : (
                                  <span className="muted">{t("evaluation.cell.empty")}</span>
                                )}
                              </td>
                            )}
                          </tr>
                        );
                      })}
                    </tbody>
                  </table>
                </div>
                {model.comparison ? (
                  <p data-testid={`hedges-${scale.key}`}>
                    {scale.hedges
                      ? t("evaluation.scale.hedges", {
                          a: label(model.comparison[0]),
                          b: label(model.comparison[1]),
                          g: num(round(scale.hedges.g, DIGITS.g), DIGITS.g),
                          lower: num(round(scale.hedges.lower, DIGITS.g), DIGITS.g),
                          upper: num(round(scale.hedges.upper, DIGITS.g), DIGITS.g),
                        })
                      : t("evaluation.scale.noHedges")}
                  </p>
                ) : null}
              </article>
            );
          })}
        </section>
      ) : null}

      {coordinator && model.commentCounts ? (
        <section aria-labelledby="comments" className="no-print">
          <h2 id="comments">{t("evaluation.comments.title")}</h2>
          <p className="small">{t("evaluation.comments.intro")}</p>
          {model.comments ? (
            <>
              <p>
                <Link to={`${basePath}${search}`}>{t("evaluation.comments.hide")}</Link>
              </p>
              {Object.entries(model.comments).map(([group, list]) => (
                <div key={group}>
                  <h3>{label(group as GroupKey)}</h3>
                  {list.length === 0 ? (
                    <p>{t("evaluation.comments.none")}</p>
                  ) : (
                    <ul data-testid={`comments-${group}`}>
                      {list.map((comment, i) => (
                        // biome-ignore lint/suspicious/noArrayIndexKey: identical comments are separate answers
                        <li key={i}>{comment}</li>
                      ))}
                    </ul>
                  )}
                </div>
              ))}
            </>
          ) : (
            <p>
              <Link to={`${basePath}${search}&comments=1`}>
                {t("evaluation.comments.show", {
                  count: Object.entries(model.commentCounts)
                    .filter(([g]) => g !== "total")
                    .reduce((sum, [, n]) => sum + (n ?? 0), 0),
                })}
              </Link>
            </p>
          )}
        </section>
      ) : null}
    </>
  );
}
