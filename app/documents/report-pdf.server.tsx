/**
 * The annual report as a PDF, made on the server with @react-pdf/renderer (no browser): the same
 * model, the same tables (app/domain/report-tables.ts) and the same chart geometry
 * (app/components/charts/geometry.ts, drawn with react-pdf's Svg primitives) as the page. Fonts
 * come from npm packages (Noto Sans and Noto Sans Arabic), embedded and subset by react-pdf, so
 * Danish and Arabic print without any fonts installed on the server.
 */
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import {
  Circle,
  Document,
  Font,
  G,
  Line,
  Page,
  Path,
  Polygon,
  Rect,
  renderToBuffer,
  StyleSheet,
  Svg,
  Text,
  View,
} from "@react-pdf/renderer";
import {
  type DotIntervalData,
  type DotIntervalTexts,
  labelDotInterval,
  labelTrend,
  type MarkerGeometry,
  type TextGeometry,
  type TrendData,
  type TrendTexts,
} from "../components/charts/geometry";
import { dotIntervalLayout, trendLayout } from "../components/charts/layout.server";
import { formatNumber } from "../domain/evaluation-format";
import type { ExportTable } from "../domain/evaluation-tables";
import { REPORT_SECTIONS, type ReportModel, type ReportTexts } from "../domain/report";
import { monthlyChartTexts, reportChartData } from "../domain/report-charts";
import { reportTables } from "../domain/report-tables";
import { formatDate } from "../domain/time";
import { type Locale, messageKey, translate } from "../i18n";

const require = createRequire(import.meta.url);
let fontsRegistered = false;

function fontFile(pkg: string, weight: string, file: string): string {
  return join(dirname(require.resolve(`${pkg}/package.json`)), weight, file);
}

function registerFonts() {
  if (fontsRegistered) return;
  Font.register({
    family: "NotoSans",
    fonts: [
      { src: fontFile("@expo-google-fonts/noto-sans", "400Regular", "NotoSans_400Regular.ttf") },
      {
        src: fontFile("@expo-google-fonts/noto-sans", "700Bold", "NotoSans_700Bold.ttf"),
        fontWeight: 700,
      },
    ],
  });
  Font.register({
    family: "NotoSansArabic",
    fonts: [
      {
        src: fontFile(
          "@expo-google-fonts/noto-sans-arabic",
          "400Regular",
          "NotoSansArabic_400Regular.ttf",
        ),
      },
      {
        src: fontFile(
          "@expo-google-fonts/noto-sans-arabic",
          "700Bold",
          "NotoSansArabic_700Bold.ttf",
        ),
        fontWeight: 700,
      },
    ],
  });
  // Monochrome Noto Emoji: coordinators write emoji in the text sections; without a font that has
  // them, the PDF showed empty boxes.
  Font.register({
    family: "NotoEmoji",
    fonts: [
      { src: fontFile("@expo-google-fonts/noto-emoji", "400Regular", "NotoEmoji_400Regular.ttf") },
      {
        src: fontFile("@expo-google-fonts/noto-emoji", "400Regular", "NotoEmoji_400Regular.ttf"),
        fontWeight: 700,
      },
    ],
  });
  // Words are not hyphenated (names, Arabic).
  Font.registerHyphenationCallback((word) => [word]);
  fontsRegistered = true;
}

/** Latin first, then Arabic and emoji for the characters Noto Sans lacks (react-pdf picks per glyph). */
const FONTS = ["NotoSans", "NotoSansArabic", "NotoEmoji"];

const styles = StyleSheet.create({
  page: {
    fontFamily: FONTS as unknown as string,
    fontSize: 9,
    paddingTop: 48,
    paddingBottom: 44,
    paddingHorizontal: 40,
    lineHeight: 1.35,
  },
  header: {
    position: "absolute",
    top: 18,
    left: 40,
    right: 40,
    fontSize: 8,
    color: "#555",
    flexDirection: "row",
    justifyContent: "space-between",
    borderBottomWidth: 0.5,
    borderBottomColor: "#999",
    paddingBottom: 3,
  },
  // Placed from the top: react-pdf 4.9 fails ("unsupported number") on a fixed, page-numbered
  // text placed with `bottom` once the document has many pages.
  footer: {
    position: "absolute",
    top: 841.89 - 30,
    left: 40,
    right: 40,
    fontSize: 8,
    color: "#555",
    textAlign: "right",
  },
  h1: { fontSize: 20, fontWeight: 700, marginBottom: 6 },
  h2: { fontSize: 14, fontWeight: 700, marginTop: 14, marginBottom: 6 },
  h3: { fontSize: 11, fontWeight: 700, marginTop: 10, marginBottom: 4 },
  p: { marginBottom: 5 },
  small: { fontSize: 8, color: "#444", marginBottom: 5 },
  status: { fontSize: 11, fontWeight: 700, marginBottom: 4 },
  caveat: { fontSize: 8.5, padding: 6, backgroundColor: "#fff4ce", marginBottom: 6 },
  caption: { fontSize: 9.5, fontWeight: 700, marginTop: 8, marginBottom: 3 },
  table: { borderTopWidth: 0.5, borderTopColor: "#999", marginBottom: 8 },
  row: { flexDirection: "row", borderBottomWidth: 0.5, borderBottomColor: "#ccc" },
  headRow: { flexDirection: "row", borderBottomWidth: 0.8, borderBottomColor: "#333" },
  cell: { paddingVertical: 2, paddingHorizontal: 3, fontSize: 7.5 },
  head: { paddingVertical: 2, paddingHorizontal: 3, fontSize: 7, fontWeight: 700 },
  num: { textAlign: "right" },
});

type T = (key: string, params?: Record<string, string | number>) => string;

function PdfTable({ table, t, locale }: { table: ExportTable; t: T; locale: Locale }) {
  const shown = t("evaluation.export.shown");
  const withStatus = table.rows.some((r) => r.status !== shown);
  const labelCount = table.labelColumns.length;
  const valueCount = table.valueColumns.length + (withStatus ? 1 : 0);
  // Label columns get more room than numbers; widths in % of the row.
  const labelShare = Math.min(60, 18 + 14 * labelCount);
  const labelWidth = `${labelShare / labelCount}%`;
  const valueWidth = `${(100 - labelShare) / Math.max(valueCount, 1)}%`;
  return (
    <View style={styles.table}>
      <View wrap={false}>
        <Text style={styles.caption}>{table.name}</Text>
        <View style={styles.headRow}>
          {table.labelColumns.map((c) => (
            <Text key={c.header} style={[styles.head, { width: labelWidth }]}>
              {c.header}
            </Text>
          ))}
          {table.valueColumns.map((c) => (
            <Text key={c.header} style={[styles.head, styles.num, { width: valueWidth }]}>
              {c.header}
            </Text>
          ))}
          {withStatus ? (
            <Text style={[styles.head, { width: valueWidth }]}>{t("report.col.status")}</Text>
          ) : null}
        </View>
      </View>
      {table.rows.map((row) => (
        <View key={row.labels.join("|")} style={styles.row} wrap={false}>
          {row.labels.map((label, i) => (
            <Text
              key={table.labelColumns[i]?.header ?? i}
              style={[styles.cell, { width: labelWidth }]}
            >
              {label}
            </Text>
          ))}
          {row.values.map((value, i) => (
            <Text
              key={table.valueColumns[i]?.header ?? i}
              style={[styles.cell, styles.num, { width: valueWidth }]}
            >
              {value === null
                ? t("report.none")
                : formatNumber(value, table.valueColumns[i]?.digits ?? 0, locale)}
            </Text>
          ))}
          {withStatus ? (
            <Text style={[styles.cell, { width: valueWidth }]}>
              {row.status === shown ? "" : row.status}
            </Text>
          ) : null}
        </View>
      ))}
    </View>
  );
}

function PdfMarker({ marker }: { marker: MarkerGeometry }) {
  if (marker.kind === "rect") {
    return (
      <Rect
        x={marker.x}
        y={marker.y}
        width={marker.width}
        height={marker.height}
        fill={marker.color}
      />
    );
  }
  if (marker.kind === "polygon") return <Polygon points={marker.points} fill={marker.color} />;
  return <Circle cx={marker.cx} cy={marker.cy} r={marker.r} fill={marker.color} />;
}

function SvgText({
  text,
  size = 11,
  color = "#333",
}: {
  text: TextGeometry;
  size?: number;
  color?: string;
}) {
  return (
    <Text
      x={text.x}
      y={text.y}
      textAnchor={text.anchor ?? "start"}
      fill={color}
      style={{ fontSize: size, fontFamily: FONTS as unknown as string }}
    >
      {text.text}
    </Text>
  );
}

const CHART_WIDTH = 515;

function PdfDotInterval({ data, texts }: { data: DotIntervalData; texts: DotIntervalTexts }) {
  const g = labelDotInterval(dotIntervalLayout(data), texts);
  return (
    <Svg
      width={CHART_WIDTH}
      height={(CHART_WIDTH * g.height) / g.width}
      viewBox={`0 0 ${g.width} ${g.height}`}
    >
      {g.legend.map((entry) => (
        <G key={entry.key}>
          <PdfMarker marker={entry.marker} />
          <SvgText text={entry.label} />
        </G>
      ))}
      {g.grid.map((tick) => (
        <G key={tick.key}>
          <Line x1={tick.x1} x2={tick.x2} y1={tick.y1} y2={tick.y2} stroke="#ddd" strokeWidth={1} />
          <SvgText text={tick.label} size={10} />
        </G>
      ))}
      <SvgText text={g.axis} />
      {g.rows.map((row) => (
        <G key={row.key}>
          {row.label.lines.map((line, i) => (
            <SvgText
              key={line}
              text={{ x: row.label.x, y: row.label.y + i * row.label.lineHeight, text: line }}
              size={10.5}
            />
          ))}
          {row.points.map((p) => (
            <G key={p.key}>
              <Line
                x1={p.line.x1}
                x2={p.line.x2}
                y1={p.line.y1}
                y2={p.line.y2}
                stroke={p.color}
                strokeWidth={2}
              />
              <PdfMarker marker={p.marker} />
            </G>
          ))}
        </G>
      ))}
    </Svg>
  );
}

function PdfTrend({ data, texts }: { data: TrendData; texts: TrendTexts }) {
  const g = labelTrend(trendLayout(data), texts);
  return (
    <Svg
      width={CHART_WIDTH}
      height={(CHART_WIDTH * g.height) / g.width}
      viewBox={`0 0 ${g.width} ${g.height}`}
    >
      {g.legend.map((entry) => (
        <G key={entry.key}>
          <PdfMarker marker={entry.marker} />
          <SvgText text={entry.label} />
        </G>
      ))}
      {g.grid.map((tick) => (
        <G key={tick.key}>
          <Line x1={tick.x1} x2={tick.x2} y1={tick.y1} y2={tick.y2} stroke="#ddd" strokeWidth={1} />
          <SvgText text={tick.label} size={10} />
        </G>
      ))}
      {g.periods.map((p) => (
        <SvgText key={p.key} text={p} size={10} />
      ))}
      <SvgText text={g.axis} />
      {g.series.map((s) => (
        <G key={s.key}>
          {s.path ? (
            <Path
              d={s.path}
              fill="none"
              stroke={s.color}
              strokeWidth={2}
              strokeDasharray={s.dash}
            />
          ) : null}
          {s.markers.map((m) => (
            <PdfMarker key={m.key} marker={m.marker} />
          ))}
        </G>
      ))}
    </Svg>
  );
}

const BLOCK = 1200;

/**
 * A text section as blocks for react-pdf: paragraphs (blank lines), and a long paragraph cut at
 * sentence ends (else spaces) into blocks of about BLOCK characters. react-pdf fails on a single
 * text node taller than a page; short blocks also lay out much faster.
 */
export function textBlocks(text: string): string[] {
  const blocks: string[] = [];
  for (const paragraph of text.split(/\n{2,}/)) {
    let rest = paragraph;
    while ([...rest].length > BLOCK) {
      const head = rest.slice(0, BLOCK);
      const cut = Math.max(head.lastIndexOf(". "), head.lastIndexOf("\n"));
      const at =
        cut > BLOCK / 2
          ? cut + 1
          : head.lastIndexOf(" ") > BLOCK / 2
            ? head.lastIndexOf(" ")
            : BLOCK;
      blocks.push(rest.slice(0, at).trimEnd());
      rest = rest.slice(at).trimStart();
    }
    blocks.push(rest);
  }
  return blocks;
}

export interface ReportPdfInput {
  model: ReportModel;
  texts: ReportTexts;
  /** The final version shown, if any ("Endelig, 14. marts 2026"). */
  final: { number: number; finalisedAt: string; finalisedBy: string | null } | null;
  locale?: Locale;
}

function ReportDocument({ model, texts, final, locale = "da" }: ReportPdfInput) {
  const t: T = (key, params) => translate(locale, messageKey(key), params);
  const tables = reportTables(model, t, locale);
  const charts = reportChartData(model);
  const num = (value: number, digits = 0) => formatNumber(value, digits, locale);
  const long = (value: string) =>
    formatDate(value, locale, { day: "numeric", month: "long", year: "numeric" });
  const status = final ? t("report.final", { date: long(final.finalisedAt) }) : t("report.draft");
  const title = t("report.title", { year: model.year });
  const pct = (value: number | null) => (value === null ? t("report.none") : `${num(value, 1)} %`);
  return (
    <Document title={title} author="Frirum" language={locale} creator="Frirum" producer="Frirum">
      <Page size="A4" style={styles.page} wrap>
        <View style={styles.header} fixed>
          <Text>{title}</Text>
          <Text>{final ? status : t("report.status.draft")}</Text>
        </View>
        <Text
          style={styles.footer}
          fixed
          render={({ pageNumber, totalPages }) =>
            t("report.pdf.page", { page: pageNumber, pages: totalPages })
          }
        />
        <Text style={styles.h1}>{title}</Text>
        <Text style={styles.status}>{status}</Text>
        {final ? (
          <Text style={styles.small}>
            {t("report.finalBy", { name: final.finalisedBy ?? "–" })}
          </Text>
        ) : null}
        <Text style={styles.small}>{t("report.asOf", { date: long(model.asOf) })}</Text>
        {!model.hasData ? (
          <Text style={styles.p}>{t("report.noData", { year: model.year })}</Text>
        ) : null}

        {REPORT_SECTIONS.map((section) => (
          <View key={section}>
            <Text style={styles.h3}>{t(`report.text.${section}`)}</Text>
            {textBlocks(texts[section].trim() === "" ? t("report.text.empty") : texts[section]).map(
              (paragraph, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: paragraphs are identified by place
                <Text key={i} style={styles.p}>
                  {paragraph}
                </Text>
              ),
            )}
          </View>
        ))}

        <Text style={styles.h2} break>
          {t("report.section.targets")}
        </Text>
        <Text style={styles.small}>{t("report.section.targets.intro")}</Text>
        {model.targets.map((target) => (
          <Text key={target.key} style={styles.p}>
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
          </Text>
        ))}
        <PdfTable table={tables.targets} t={t} locale={locale} />

        <View wrap={false}>
          <Text style={styles.h2}>{t("report.section.monthly")}</Text>
          <Text style={styles.small}>{t("report.monthly.chart")}</Text>
          <PdfTrend data={charts.monthly} texts={monthlyChartTexts(model, t)} />
        </View>
        <PdfTable table={tables.monthly} t={t} locale={locale} />

        <Text style={styles.h2}>{t("report.section.reach")}</Text>
        <Text style={styles.p}>
          {t("report.reach.summary", {
            total: num(model.reach.schools.total),
            pilot: num(model.reach.schools.pilot),
            standard: num(model.reach.schools.standard),
            districts: num(model.reach.districts.length),
          })}
        </Text>
        <PdfTable table={tables.districts} t={t} locale={locale} />
        <PdfTable table={tables.sessions} t={t} locale={locale} />
        <PdfTable table={tables.languages} t={t} locale={locale} />

        <Text style={styles.h2} break>
          {t("report.section.pilot")}
        </Text>
        {model.tracks.length === 0 ? (
          <Text style={styles.p}>{t("report.pilot.none", { year: model.year })}</Text>
        ) : null}
        {model.tracks.map((track, i) => (
          <View key={`${track.schoolName}-${track.name}`}>
            <Text style={styles.h3}>
              {t("report.track.title", {
                school: track.schoolName,
                name: track.name,
                district: track.district,
              })}
            </Text>
            <PdfTable table={tables.tracks[i]} t={t} locale={locale} />
          </View>
        ))}
        <Text style={styles.h3}>{t("report.section.comparison")}</Text>
        <Text style={styles.caveat}>{t("evaluation.caveat")}</Text>
        {model.feedback.map((f, i) => (
          <View key={f.audience} wrap={false}>
            <Text style={styles.small}>
              {t("report.comparison.chart", { audience: t(`audience.${f.audience}`) })}
            </Text>
            <PdfDotInterval
              data={charts.feedback[i].comparison}
              texts={{
                axisLabel: t("report.chart.axis"),
                series: (["pilot", "standard"] as const).map((g) => ({
                  key: g,
                  label: t(`evaluation.group.${g}`),
                })),
                categories: f.items.map((item) => ({ key: item.key, label: item.text[locale] })),
              }}
            />
          </View>
        ))}
        <PdfTable table={tables.comparison} t={t} locale={locale} />

        <Text style={styles.h2} break>
          {t("report.section.highlights")}
        </Text>
        <Text style={styles.small}>{t("report.highlights.intro")}</Text>
        {model.feedback.map((f, i) => (
          <View key={f.audience} wrap={false}>
            <Text style={styles.small}>
              {t("report.highlights.chart", { audience: t(`audience.${f.audience}`) })}
            </Text>
            <PdfDotInterval
              data={charts.feedback[i].highlights}
              texts={{
                axisLabel: t("report.chart.axis"),
                series: [{ key: "total", label: t("evaluation.group.total") }],
                categories: f.items.map((item) => ({ key: item.key, label: item.text[locale] })),
              }}
            />
          </View>
        ))}
        <PdfTable table={tables.highlights} t={t} locale={locale} />
      </Page>
    </Document>
  );
}

/** The report as PDF bytes. */
export async function reportPdf(input: ReportPdfInput): Promise<Buffer> {
  registerFonts();
  return renderToBuffer(<ReportDocument {...input} />);
}
