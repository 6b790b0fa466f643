import { type Kysely, sql } from "kysely";
import { columnTypes, withoutRowid } from "../dialect";

const ITEM_VALUES = [
  "sessions",
  "answers",
  "dont_know",
  "top_box",
  "option_1",
  "option_2",
  "option_3",
  "option_4",
  "option_5",
  "option_6",
  "clusters",
  "top_box_sq_over_valid",
  "valid_sq",
  "answers_with_attendance",
  "attendance",
  "excluded_sessions",
];
const SCALE_VALUES = [
  "sessions",
  "respondents",
  "score_sum",
  "score_sum_squares",
  "sum_sq_over_n",
  "n_sq",
];
const SESSION_VALUES = [
  "sessions",
  "with_attendance",
  "attendance",
  "respondents_with_attendance",
  "small_sessions",
  "comments",
];
const REAL_VALUES = new Set([
  "top_box_sq_over_valid",
  "score_sum",
  "score_sum_squares",
  "sum_sq_over_n",
]);

/**
 * Term rollups: the monthly rollups added up per term (spring January-July, autumn
 * August-December, keyed by the term's first month) over every course. The evaluation's views
 * without a course filter read these for whole terms: a year of pupils at 1,100 schools is 17,600
 * item rows instead of 88,000, and reading those was most of the page's time (decision 028).
 * Kept in the same transaction as the monthly rollups (db/queries/feedback-rollup.ts), rebuilt
 * and checked by `npm run db:rebuild-counts`. Filled here from the monthly rollups.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const t = columnTypes(db);
  const tables = [
    ["feedback_item_term_rollup", "feedback_item_rollup", "item_key", ITEM_VALUES],
    ["feedback_scale_term_rollup", "feedback_scale_rollup", "scale_key", SCALE_VALUES],
    ["feedback_session_term_rollup", "feedback_session_rollup", null, SESSION_VALUES],
  ] as const;
  for (const [table, monthly, key, values] of tables) {
    let create = db.schema
      .createTable(table)
      .addColumn("audience", "text", (c) =>
        c.notNull().check(sql`audience IN ('pupils','staff','parents')`),
      )
      .addColumn("term", "text", (c) => c.notNull().check(sql`length(term) = 7`))
      .addColumn("school_id", "integer", (c) => c.notNull().references("schools.id"))
      .addColumn("form_version", "integer", (c) => c.notNull());
    if (key) create = create.addColumn(key, "text", (c) => c.notNull());
    for (const value of values) {
      create = create.addColumn(value, REAL_VALUES.has(value) ? t.real : "integer", (c) =>
        c.notNull(),
      );
    }
    const keyColumns = ["audience", "term", "school_id", "form_version", ...(key ? [key] : [])];
    await create
      .addPrimaryKeyConstraint(`${table}_pk`, keyColumns as never)
      .$call(withoutRowid(db))
      .execute();

    const term = sql`substr(month, 1, 5) || CASE WHEN substr(month, 6, 2) >= '08' THEN '08' ELSE '01' END`;
    const keys = sql.join(
      ["audience", "school_id", "form_version", ...(key ? [key] : [])].map((c) => sql.ref(c)),
    );
    const sums = sql.join(values.map((v) => sql`sum(${sql.ref(v)})`));
    const columns = sql.join(
      ["term", "audience", "school_id", "form_version", ...(key ? [key] : []), ...values].map((c) =>
        sql.ref(c),
      ),
    );
    await sql`INSERT INTO ${sql.table(table)} (${columns})
      SELECT ${term} AS term, ${keys}, ${sums} FROM ${sql.table(monthly)}
      GROUP BY ${term}, ${keys}`.execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    "feedback_item_term_rollup",
    "feedback_scale_term_rollup",
    "feedback_session_term_rollup",
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
