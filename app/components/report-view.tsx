/**
 * The annual report page (/coordinator/reports/<year>), rendered from the report model (frozen
 * snapshot or live) and the tables built from it (app/domain/report-tables.ts), so the page,
 * the PDF and the XLSX show the same numbers. Plain HTML, server-rendered SVG charts and POST
 * forms: works without JavaScript; prints to A4 (app.css, @media print).
 */
import { Form } from "@remix-run/react";
import { Link } from "~/components/link";
import { formatNumber } from "~/domain/evaluation-format";
import type { ExportTable } from "~/domain/evaluation-tables";
import type { ReportModel, ReportTexts } from "~/domain/report";
import { MAX_SECTION_LENGTH, REPORT_SECTIONS } from "~/domain/report-sections";
import type { ReportTables } from "~/domain/report-tables";
import type { MessageKey, MessageParams } from "~/i18n";
import { messageKey } from "~/i18n/format";
import type { ReportPage } from "~/services/report.server";
import { ChartFigure } from "./charts/chart-figure";
import { useLocale, useT } from "./i18n";

const SHOWN_DIFFERENCES = 20;

/** One report table: label columns as row headers, numbers in the UI language. */
export function ReportTable({ table, testId }: { table: ExportTable; testId?: string }) {
  const t = useT();
  const locale = useLocale();
  const shown = t("evaluation.export.shown");
  const withStatus = table.rows.some((r) => r.status !== shown);
  // A wide table scrolls sideways on a narrow screen: the region is focusable so a keyboard can
  // scroll it (WCAG 2.1.1), and named after the table.
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must take focus
    <section className="table-wrap" aria-label={table.name} tabIndex={0}>
      <table data-testid={testId} className="report-table">
        <caption>{table.name}</caption>
        <thead>
          <tr>
            {table.labelColumns.map((c) => (
              <th key={c.header} scope="col">
                {c.header}
              </th>
            ))}
            {table.valueColumns.map((c) => (
              <th key={c.header} scope="col" className="num">
                {c.header}
              </th>
            ))}
            {withStatus ? <th scope="col">{t("report.col.status")}</th> : null}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row) => (
            <tr key={row.labels.join("|")}>
              {row.labels.map((label, i) =>
                i === 0 ? (
                  <th key={table.labelColumns[i]?.header ?? i} scope="row" dir="auto">
                    {label}
                  </th>
                ) : (
                  <td key={table.labelColumns[i]?.header ?? i} dir="auto">
                    {label}
                  </td>
                ),
              )}
              {row.values.map((value, i) => (
                <td key={table.valueColumns[i]?.header ?? i} className="num">
                  {value === null
                    ? t("report.none")
                    : formatNumber(value, table.valueColumns[i]?.digits ?? 0, locale)}
                </td>
              ))}
              {withStatus ? (
                <td className={row.status === shown ? "muted" : "suppressed"}>
                  {row.status === shown ? "" : row.status}
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** The charts drawn by the loader (report-view.server.ts): each figure's markup, SVG and caption. */
export interface ReportCharts {
  monthly: string;
  feedback: Array<{ comparison: string; highlights: string }>;
}

function Paragraphs({ text }: { text: string }) {
  const t = useT();
  if (text.trim() === "") return <p className="muted">{t("report.text.empty")}</p>;
  return (
    <>
      {text.split(/\n{2,}/).map((paragraph, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: paragraphs have no identity but their place
        <p key={i} dir="auto" className="report-text">
          {paragraph}
        </p>
      ))}
    </>
  );
}

export interface ReportActionData {
  errors: Record<string, MessageKey>;
  params?: MessageParams;
  intent: string;
  values?: { section?: string; text?: string; reason?: string };
}

export function ReportView({
  page,
  charts,
  tables,
  dates,
  actionData,
  notice,
}: {
  page: ReportPage;
  /** The page's dates written out by the loader, by value (report-view.server.ts). */
  dates: { long: Record<string, string>; withTime: Record<string, string> };
  charts: ReportCharts;
  /** Built by the loader in the user's language (the same as the PDF's and the XLSX's). */
  tables: ReportTables;
  actionData: ReportActionData | undefined;
  notice: MessageKey | null;
}) {
  const t = useT();
  const locale = useLocale();
  const model: ReportModel = page.model;
  const num = (value: number, digits = 0) => formatNumber(value, digits, locale);
  const longDate = (value: string) => dates.long[value] ?? value;
  const pct = (value: number | null) => (value === null ? t("report.none") : `${num(value, 1)} %`);
  const editable = page.shown === null && page.phase !== "future" && page.phase !== "before";
  const texts: ReportTexts = page.texts;
  const viewingOld = page.shown !== null && page.shown.supersededAt !== null;
  const formError = actionData?.errors._form;
  const search = viewingOld && page.shown ? `?version=${page.shown.number}` : "";

  return (
    <article className="report" data-year={page.year}>
      <link rel="stylesheet" href={`/coordinator/reports/${page.year}/print.css`} />
      <p className="no-print">
        <Link to="/coordinator/reports">{t("report.list.title")}</Link>
      </p>
      <header className="report-header">
        <h1>{t("report.title", { year: page.year })}</h1>
        {page.shown ? (
          <p className="report-status report-status--final" data-testid="report-status">
            <strong>{t("report.final", { date: longDate(page.shown.finalisedAt) })}</strong>
            {" · "}
            {t("report.finalBy", { name: page.shown.finalisedBy ?? "–" })}
          </p>
        ) : (
          <p className="report-status" data-testid="report-status">
            {t("report.draft")}
          </p>
        )}
        <p className="small">{t("report.asOf", { date: longDate(model.asOf) })}</p>
      </header>

      {notice ? (
        <p className="notice notice--success" role="status">
          {t(notice)}
        </p>
      ) : null}
      {formError ? (
        <div className="notice notice--error" role="alert">
          <p>{t(formError, actionData?.params)}</p>
        </div>
      ) : null}
      {viewingOld && page.shown ? (
        <p className="notice notice--warning" data-testid="report-old-version">
          {t("report.viewingOld", {
            number: page.shown.number,
            reason: page.shown.supersedeReason ?? "",
          })}
        </p>
      ) : null}
      {page.phase !== "past" ? (
        <p className="notice" data-testid="report-phase">
          {t(`report.phase.${page.phase}`, { year: page.year })}
        </p>
      ) : null}
      {!model.hasData && page.phase !== "before" && page.phase !== "future" ? (
        <p className="notice notice--warning" data-testid="report-no-data">
          {t("report.noData", { year: page.year })}
        </p>
      ) : null}
      {page.shown && page.differences.length > 0 ? (
        <details className="notice no-print" data-testid="report-differences">
          <summary>{t("report.differences.title", { count: page.differences.length })}</summary>
          <p>{t("report.differences.intro")}</p>
          <ul>
            {page.differences.slice(0, SHOWN_DIFFERENCES).map((d) => (
              <li key={d.key}>
                {t("report.differences.row", {
                  label: t(d.label, {
                    ...d.params,
                    ...(d.params?.audience
                      ? { audience: t(messageKey(`audience.${d.params.audience}`)) }
                      : {}),
                    ...(d.params?.language
                      ? { language: t(messageKey(`language.${d.params.language}`)) }
                      : {}),
                  }),
                  frozen:
                    d.frozen === null ? "–" : num(d.frozen, Number.isInteger(d.frozen) ? 0 : 1),
                  live: d.live === null ? "–" : num(d.live, Number.isInteger(d.live) ? 0 : 1),
                })}
              </li>
            ))}
          </ul>
          {page.differences.length > SHOWN_DIFFERENCES ? (
            <p>
              {t("report.differences.more", { count: page.differences.length - SHOWN_DIFFERENCES })}
            </p>
          ) : null}
        </details>
      ) : null}

      <section aria-labelledby="downloads" className="no-print">
        <h2 id="downloads">{t("report.downloads")}</h2>
        <p>
          <a href={`/coordinator/reports/${page.year}/pdf${search}`} download>
            {t("report.download.pdf")}
          </a>
          {" · "}
          <a href={`/coordinator/reports/${page.year}/xlsx${search}`} download>
            {t("report.download.xlsx")}
          </a>
        </p>
        <p className="small muted">{t("report.print")}</p>
      </section>

      <section aria-labelledby="texts" className="report-section">
        <h2 id="texts">{t("report.section.texts")}</h2>
        {REPORT_SECTIONS.map((section) => {
          const failed = actionData?.intent === "text" && actionData.values?.section === section;
          const value = failed ? (actionData?.values?.text ?? "") : texts[section];
          const error = failed ? actionData?.errors.text : undefined;
          const id = `text-${section}`;
          return (
            <div key={section} className="report-text-section">
              <h3 id={`${id}-title`}>{t(`report.text.${section}`)}</h3>
              {editable ? (
                <>
                  <div className="print-only">
                    <Paragraphs text={texts[section]} />
                  </div>
                  <Form method="post" className="no-print" aria-labelledby={`${id}-title`}>
                    <input type="hidden" name="intent" value="text" />
                    <input type="hidden" name="section" value={section} />
                    <div className="field">
                      <label htmlFor={id}>{t(`report.text.${section}`)}</label>
                      <p id={`${id}-hint`} className="hint">
                        {t("report.text.hint")}
                      </p>
                      {error ? (
                        <p id={`${id}-error`} className="field-error" role="alert">
                          {t(error)}
                        </p>
                      ) : null}
                      <textarea
                        id={id}
                        name="text"
                        rows={8}
                        dir="auto"
                        defaultValue={value}
                        maxLength={MAX_SECTION_LENGTH * 2}
                        aria-describedby={`${id}-hint${error ? ` ${id}-error` : ""}`}
                        aria-invalid={error ? true : undefined}
                        data-testid={id}
                      />
                    </div>
                    <button type="submit" className="button button--secondary">
                      {t("report.text.save")}
                    </button>
                  </Form>
                </>
              ) : (
                <Paragraphs text={texts[section]} />
              )}
            </div>
          );
        })}
      </section>

      <section aria-labelledby="targets" className="report-section">
        <h2 id="targets">{t("report.section.targets")}</h2>
        <p className="small">{t("report.section.targets.intro")}</p>
        <ul data-testid="report-targets">
          {model.targets.map((target) => (
            <li key={target.key}>
              {target.target === null
                ? t("report.target.summaryParents", {
                    label: t(`report.target.${target.key}`),
                    achieved: num(target.achieved),
                    sessions: num(target.sessions),
                    without: num(target.withoutAttendance),
                  })
                : t("report.target.summary", {
                    label: t(`report.target.${target.key}`),
                    achieved: num(target.achieved),
                    target: num(target.target),
                    share: pct(target.share === null ? null : Math.round(target.share * 1000) / 10),
                    gap: num(target.gap ?? 0),
                    sessions: num(target.sessions),
                    without: num(target.withoutAttendance),
                  })}
            </li>
          ))}
        </ul>
        <ReportTable table={tables.targets} testId="table-targets" />
      </section>

      <section aria-labelledby="monthly" className="report-section">
        <h2 id="monthly">{t("report.section.monthly")}</h2>
        <ChartFigure
          html={charts.monthly}
          className="chart-figure report-figure"
          testId="chart-monthly"
        />
        <ReportTable table={tables.monthly} testId="table-monthly" />
      </section>

      <section aria-labelledby="reach" className="report-section">
        <h2 id="reach">{t("report.section.reach")}</h2>
        <p data-testid="report-reach">
          {t("report.reach.summary", {
            total: num(model.reach.schools.total),
            pilot: num(model.reach.schools.pilot),
            standard: num(model.reach.schools.standard),
            districts: num(model.reach.districts.length),
          })}
        </p>
        <ReportTable table={tables.districts} testId="table-districts" />
        <ReportTable table={tables.sessions} testId="table-sessions" />
        <ReportTable table={tables.languages} testId="table-languages" />
      </section>

      <section aria-labelledby="pilot" className="report-section">
        <h2 id="pilot">{t("report.section.pilot")}</h2>
        {model.tracks.length === 0 ? <p>{t("report.pilot.none", { year: page.year })}</p> : null}
        {model.tracks.map((track, i) => (
          <div key={`${track.schoolName}-${track.name}`} className="report-track">
            <h3>
              {t("report.track.title", {
                school: track.schoolName,
                name: track.name,
                district: track.district,
              })}
            </h3>
            {track.status === "stopped" ? <p>{t("report.track.stopped")}</p> : null}
            <ReportTable table={tables.tracks[i]} testId={`table-track-${i}`} />
          </div>
        ))}
        <h3>{t("report.section.comparison")}</h3>
        <p className="notice notice--warning" data-testid="caveat">
          {t("evaluation.caveat")}
        </p>
        {model.feedback.length === 0 ? (
          <p>{t("report.feedback.none", { year: page.year })}</p>
        ) : (
          model.feedback.map((f, i) => (
            <ChartFigure
              key={f.audience}
              html={charts.feedback[i].comparison}
              className="chart-figure report-figure"
            />
          ))
        )}
        <ReportTable table={tables.comparison} testId="table-comparison" />
      </section>

      <section aria-labelledby="highlights" className="report-section">
        <h2 id="highlights">{t("report.section.highlights")}</h2>
        <p className="small">{t("report.highlights.intro")}</p>
        {model.feedback.map((f, i) => (
          <ChartFigure
            key={f.audience}
            html={charts.feedback[i].highlights}
            className="chart-figure report-figure"
          />
        ))}
        <ReportTable table={tables.highlights} testId="table-highlights" />
      </section>

      {page.canFinalise && page.shown === null ? (
        <section aria-labelledby="finalise" className="no-print report-section">
          <h2 id="finalise">{t("report.finalise.title")}</h2>
          <p>{t("report.finalise.intro")}</p>
          <Form method="post">
            <input type="hidden" name="intent" value="finalise" />
            <input type="hidden" name="version" value={page.reportVersion} />
            <button type="submit" className="button">
              {t("report.finalise.button")}
            </button>
          </Form>
        </section>
      ) : null}

      {page.final && !viewingOld ? (
        <section aria-labelledby="supersede" className="no-print report-section">
          <h2 id="supersede">{t("report.supersede.title")}</h2>
          <p>{t("report.supersede.intro", { next: page.final.number + 1 })}</p>
          <Form method="post">
            <input type="hidden" name="intent" value="supersede" />
            <input type="hidden" name="version" value={page.reportVersion} />
            <div className="field">
              <label htmlFor="supersede-reason">{t("report.supersede.reason")}</label>
              {actionData?.intent === "supersede" && actionData.errors.reason ? (
                <p id="supersede-reason-error" className="field-error" role="alert">
                  {t(actionData.errors.reason)}
                </p>
              ) : null}
              <textarea
                id="supersede-reason"
                name="reason"
                rows={3}
                dir="auto"
                defaultValue={actionData?.values?.reason ?? ""}
                aria-describedby={
                  actionData?.intent === "supersede" && actionData.errors.reason
                    ? "supersede-reason-error"
                    : undefined
                }
              />
            </div>
            <button type="submit" className="button button--secondary">
              {t("report.supersede.button")}
            </button>
          </Form>
        </section>
      ) : null}

      {page.versions.length > 0 ? (
        <section aria-labelledby="versions" className="no-print report-section">
          <h2 id="versions">{t("report.versions.title")}</h2>
          <ul data-testid="report-versions">
            {page.versions.map((v) => (
              <li key={v.id}>
                {t("report.versions.row", {
                  number: v.number,
                  date: longDate(v.finalisedAt),
                  name: v.finalisedBy ?? "–",
                })}
                {v.supersededAt
                  ? ` · ${t("report.versions.superseded", {
                      date: longDate(v.supersededAt),
                      reason: v.supersedeReason ?? "",
                    })} · `
                  : " "}
                {v.supersededAt ? (
                  <Link to={`?version=${v.number}`}>
                    {t("report.versions.show", { number: v.number })}
                  </Link>
                ) : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {page.history.length > 0 ? (
        <section aria-labelledby="history" className="no-print report-section">
          <h2 id="history">{t("report.history.title")}</h2>
          <ul className="history">
            {page.history.map((h) => (
              <li key={h.id}>
                {t("report.history.row", {
                  section: t(messageKey(`report.text.${h.section}`)),
                  length: num(h.length),
                  author: h.author ?? "–",
                  date: dates.withTime[h.createdAt] ?? h.createdAt,
                })}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </article>
  );
}
