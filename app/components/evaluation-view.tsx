/**
 * The evaluation page, for coordinators and school leaders alike, rendered from the one page model
 * (app/domain/evaluation.ts). Plain HTML and server-rendered SVG: the filters are a GET form and
 * every chart has its numbers in a table beside it, so it works and reads without JavaScript.
 */

import { Form } from "@remix-run/react";
import { Link } from "~/components/link";
import type { EvaluationModel, GroupKey, ItemCell, ScaleCell } from "~/domain/evaluation";
import { EVALUATION_COHORTS, TREND_STEPS } from "~/domain/evaluation-filters";
import { DIGITS, formatNumber, percent, round } from "~/domain/evaluation-format";
import { FEEDBACK_AUDIENCES } from "~/domain/feedback-audiences";
import { messageKey } from "~/i18n/format";
import type { EvaluationPage } from "~/services/evaluation.server";
import { ChartFigure } from "./charts/chart-figure";
import type { EvaluationOption } from "./evaluation-view.server";
import { FilterSelect } from "./filter-select";
import { useLocale, useT } from "./i18n";

type Data = Omit<EvaluationPage, "model"> & {
  model: EvaluationModel;
  trendItem: string | null;
  /** The period, the top box and the trend's periods named in the user's language, from the loader. */
  labels: {
    period: string;
    topBox: string;
    buckets: Record<string, string>;
    groups: Record<GroupKey, string>;
  };
  /** The period filter's choices, named (the years, the school years, a date range). */
  periodOptions: Array<{ value: string; label: string }>;
  /** The groups the items chart compares, and the item whose trend is shown (from the loader). */
  chartSeries: GroupKey[];
  trendItemKey: string | null;
  /** The filters as hidden fields of the trend's form, and the comments' count (all groups). */
  filterFields: Array<[string, string]>;
  commentTotal: number;
  /** The filters as a query string ("?period=…"), from the loader. */
  search: string;
  /** The scale's answer options (table columns), from the loader. */
  options: EvaluationOption[];
  /** Drawn by the loader (evaluation-view.server.ts): each figure's markup, SVG and caption. */
  charts: { items: string; trend: string | null };
};

function CellText({
  cell,
  children,
}: {
  cell: ItemCell | ScaleCell | undefined;
  children: React.ReactNode;
}) {
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
  /** A measure rounded and written with its number of decimals. */
  const fixed = (value: number, measure: keyof typeof DIGITS) =>
    num(round(value, DIGITS[measure]), DIGITS[measure]);
  const pct = (p: number) => `${num(percent(p), DIGITS.percent)}\u00a0%`;
  const label = (key: GroupKey) => data.labels.groups[key];
  const { topBox } = data.labels;
  const { search } = data;
  const options = data.options;

  const itemText = (item: { text: { da: string; en: string } }) => item.text[locale];
  const { chartSeries } = data;
  const trendItem = model.items.find((i) => i.key === data.trendItemKey);
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
        <FilterSelect
          id="ev-period"
          name="period"
          label={t("evaluation.filter.period")}
          defaultValue={f.period}
          options={data.periodOptions}
        />
        <div className="field">
          <label htmlFor="ev-from">{t("evaluation.filter.from")}</label>
          <input id="ev-from" name="from" type="date" defaultValue={f.from ?? ""} />
        </div>
        <div className="field">
          <label htmlFor="ev-to">{t("evaluation.filter.to")}</label>
          <input id="ev-to" name="to" type="date" defaultValue={f.to ?? ""} />
        </div>
        <FilterSelect
          id="ev-audience"
          name="audience"
          label={t("evaluation.filter.audience")}
          defaultValue={f.audience}
          options={FEEDBACK_AUDIENCES.map((a) => ({ value: a, label: t(`audience.${a}`) }))}
        />
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
            <FilterSelect
              id="ev-cohort"
              name="cohort"
              label={t("evaluation.filter.cohort")}
              anyLabel={t("evaluation.filter.cohort.all")}
              defaultValue={f.cohort === "all" ? "" : f.cohort}
              options={EVALUATION_COHORTS.map((c) => ({
                value: c,
                label: t(`evaluation.filter.cohort.${c}`),
              }))}
            />
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
        <FilterSelect
          id="ev-trend"
          name="trend"
          label={t("evaluation.filter.trend")}
          defaultValue={f.trend}
          options={TREND_STEPS.map((step) => ({
            value: step,
            label: t(`evaluation.filter.trend.${step}`),
          }))}
        />
        <button type="submit" className="button">
          {t("evaluation.filter.apply")}
        </button>
        <Link to={basePath}>{t("evaluation.filter.reset")}</Link>
      </Form>

      <p role="status">
        {t("evaluation.showing", {
          audience: t(`audience.${model.audience}`),
          period: data.labels.period,
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
        <ChartFigure html={data.charts.items} testId="chart-items" />
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
                    {options.map((o) => (
                      <th key={o.value} scope="col" className={o.isDontKnow ? "ev-dk" : undefined}>
                        {o.label}
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
                      points: fixed(item.difference.points, "points"),
                      lower: fixed(item.difference.lower, "points"),
                      upper: fixed(item.difference.upper, "points"),
                    })
                  : t("evaluation.item.noDifference")}
              </p>
            ) : null}
            <p className="small muted">
              {item.icc === null
                ? t("evaluation.item.iccUnknown")
                : t("evaluation.item.icc", { icc: fixed(item.icc, "icc") })}
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
                          {data.labels.buckets[b.key]}
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
            {data.filterFields.map(([name, value]) => (
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
          <ChartFigure html={data.charts.trend} testId="chart-trend" />
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
                                <td>{fixed(cell.mean, "mean")}</td>
                                <td>{cell.sd === null ? "–" : fixed(cell.sd, "sd")}</td>
                                <td>{cell.sessions}</td>
                                <td>{cell.schools}</td>
                              </>
                            ) : (
                              <td colSpan={5}>
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
                  <p data-testid={`hedges-${scale.key}`}>
                    {scale.hedges
                      ? t("evaluation.scale.hedges", {
                          a: label(model.comparison[0]),
                          b: label(model.comparison[1]),
                          g: fixed(scale.hedges.g, "g"),
                          lower: fixed(scale.hedges.lower, "g"),
                          upper: fixed(scale.hedges.upper, "g"),
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
                  count: data.commentTotal,
                })}
              </Link>
            </p>
          )}
        </section>
      ) : null}
    </>
  );
}
