/**
 * The staff pages' queries never read a big table whole (issue 13: with national data a full
 * scan of requests, sessions or the answer tables is seconds, not milliseconds). Every query the
 * coordinator's inbox, the facilitator's sessions and the evaluation page run is captured and
 * explained on this database (SQLite or PostgreSQL; see explainQueryPlan: on PostgreSQL
 * sequential scans are disabled for the EXPLAIN, so the plan shows whether an index CAN serve the
 * query). A plan fails when it scans a big table without an index condition; an ordered walk
 * along an index is allowed only under a LIMIT (the inbox page stops after its 50 rows).
 * On the same data: the evaluation's figures, added up per kind of school in SQL, equal the same
 * figures added up school by school and session by session from the per-session counts.
 */
import type { CompiledQuery, KyselyPlugin } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { EvaluationModel, GroupKey, ItemCell } from "~/domain/evaluation";
import { parseInboxQuery } from "~/domain/request-actions";
import { addDays } from "~/domain/time";
import { copenhagenToUtc } from "~/domain/timezone";
import { currentUserFromRow } from "~/lib/guards.server";
import { buildEvaluation } from "~/services/evaluation.server";
import { loadMySessions } from "~/services/facilitator.server";
import { loadInbox } from "~/services/requests.server";
import type { DB } from "../../db/connection";
import { explainQueryPlan } from "../../db/dialect";
import { generateScaleData } from "../../db/generate/scale";
import { withLanguageList } from "../../db/json";
import { evaluationNamedSessions } from "../../db/queries/evaluation";
import { createTestDb, type TestDb, testDialect } from "../support/db";
import { ok } from "../support/responses";

const BIG_TABLES = new Set([
  "requests",
  "request_windows",
  "request_events",
  "sessions",
  "session_facilitators",
  "feedback_responses",
  "feedback_session_counts",
  "feedback_item_counts",
  "feedback_scale_sums",
  "feedback_item_rollup",
  "feedback_scale_rollup",
  "feedback_session_rollup",
  "feedback_item_term_rollup",
  "feedback_scale_term_rollup",
  "feedback_session_term_rollup",
  "one_time_codes",
]);
const NOW = new Date("2026-11-20T12:00:00.000Z");

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb({ seed: true });
  // Many facilitators, as nationally (each has a small share of the sessions).
  await generateScaleData(t.db, {
    answers: 4000,
    schools: 12,
    facilitators: 60,
    years: 2,
    seed: 11,
    end: NOW,
  });
}, 120_000);
afterAll(() => t.cleanup());

/** Runs `fn` on a handle that records every query it executes (compiled as sent). */
async function captured(fn: (db: DB) => Promise<unknown>): Promise<CompiledQuery[]> {
  const queries: CompiledQuery[] = [];
  const executor = t.db.getExecutor();
  const recorder: KyselyPlugin = {
    transformQuery(args) {
      queries.push(executor.compileQuery(args.node, args.queryId));
      return args.node;
    },
    transformResult: async (args) => args.result,
  };
  await fn(t.db.withPlugin(recorder));
  return queries.filter((q) => /^\s*(select|with)\b/i.test(q.sql));
}

/** Table names by alias in a compiled query ("requests" as "r"), and the tables themselves. */
function aliases(text: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const m of text.matchAll(/(?:from|join)\s+"(\w+)"(?:\s+as\s+"(\w+)")?/gi)) {
    map.set(m[2] ?? m[1], m[1]);
    map.set(m[1], m[1]);
  }
  return map;
}

/** Full scans of big tables in a query's plan (empty = fine). */
async function fullScans(query: CompiledQuery): Promise<string[]> {
  const plan = await explainQueryPlan(t.db, { compile: () => query }, { joinsByIndex: true });
  const limited = /\blimit\b/i.test(query.sql);
  const names = aliases(query.sql);
  const bad: string[] = [];
  if (testDialect() === "sqlite") {
    for (const line of plan) {
      const m = line.match(/^SCAN (\w+)( USING (?:COVERING )?INDEX \w+)?/);
      const table = m ? names.get(m[1]) : undefined;
      if (m && table && BIG_TABLES.has(table) && !(m[2] && limited)) bad.push(line);
      // An automatic index is built from a full scan of the table, for this query only.
      const auto = line.match(/^SEARCH (\w+) USING AUTOMATIC/);
      const autoTable = auto ? names.get(auto[1]) : undefined;
      if (autoTable && BIG_TABLES.has(autoTable)) bad.push(line);
    }
    return bad;
  }
  plan.forEach((line, i) => {
    const seq = line.match(/Seq Scan on (\w+)/);
    if (seq && BIG_TABLES.has(seq[1])) bad.push(line.trim());
    const index = line.match(/Index (?:Only )?Scan (?:Backward )?using \w+ on (\w+)/);
    if (!index || !BIG_TABLES.has(index[1])) return;
    const depth = line.search(/\S/);
    const details: string[] = [];
    for (const next of plan.slice(i + 1)) {
      if (next.search(/\S/) <= depth || next.trim().startsWith("->")) break;
      details.push(next.trim());
    }
    if (!details.some((d) => d.startsWith("Index Cond")) && !limited) bad.push(line.trim());
  });
  return bad;
}

async function expectNoFullScans(queries: CompiledQuery[]) {
  expect(queries.length).toBeGreaterThan(0);
  const found: string[] = [];
  for (const query of queries) {
    for (const scan of await fullScans(query)) found.push(`${scan}\n    in ${query.sql}`);
  }
  expect(found).toEqual([]);
}

const coordinator = async () =>
  currentUserFromRow(
    withLanguageList(
      await t.db
        .selectFrom("users")
        .selectAll()
        .where("role", "=", "coordinator")
        .executeTakeFirstOrThrow(),
    ),
  );

describe("staff pages with scale data use indexes", () => {
  it("the check itself finds a full scan (counting every request, the old inbox count)", async () => {
    const queries = await captured((db) =>
      db
        .selectFrom("requests as r")
        .select(["r.status", (eb) => eb.fn.countAll<number>().as("n")])
        .groupBy("r.status")
        .execute(),
    );
    expect(queries).toHaveLength(1);
    expect(await fullScans(queries[0])).not.toEqual([]);
  });

  it("coordinator inbox: every filter, both sorts", async () => {
    const actor = await coordinator();
    const school = await t.db.selectFrom("schools").select("id").executeTakeFirstOrThrow();
    for (const search of [
      "",
      "sort=newest",
      "status=requested",
      "status=delivered&sort=newest&page=3",
      `school=${school.id}`,
      "audience=pupils",
      "cohort=pilot",
    ]) {
      await expectNoFullScans(
        await captured((db) => loadInbox(db, actor, parseInboxQuery(new URLSearchParams(search)))),
      );
    }
  });

  it("the facilitator's sessions (upcoming and a page of past ones)", async () => {
    const row = await t.db
      .selectFrom("users")
      .selectAll()
      .where("email", "=", "facilitator.1@scale.test")
      .executeTakeFirstOrThrow();
    const actor = currentUserFromRow(withLanguageList(row));
    const queries = await captured((db) => loadMySessions(db, actor, { now: NOW, pastPage: 2 }));
    await expectNoFullScans(queries);
  });

  it("the evaluation page (this year, a from/to period, one school)", async () => {
    const actor = await coordinator();
    const school = await t.db
      .selectFrom("schools")
      .select("id")
      .where("slug", "=", "scale-school-1")
      .executeTakeFirstOrThrow();
    for (const search of [
      "period=2026&audience=pupils",
      "from=2025-09-15&to=2026-03-10&audience=staff",
      `period=2026&audience=pupils&school=${school.id}`,
    ]) {
      await expectNoFullScans(
        await captured((db) =>
          buildEvaluation(db, actor, new URLSearchParams(search), { now: NOW }),
        ),
      );
    }
  });
});

describe("the evaluation's named small sessions", () => {
  it("are the same first sessions whether found by walking sessions in start order or not", async () => {
    const scope = {
      audience: "pupils" as const,
      courseId: null,
      district: null,
      formVersion: null,
      pilot: null,
      schoolIds: null,
      startsFrom: "2024-12-31T23:00:00.000Z",
      startsBefore: NOW.toISOString(),
      bucketStarts: [],
    };
    const ids = (rows: Array<{ id: number }>) => rows.map((r) => r.id);
    const all = ids(await evaluationNamedSessions(t.db, scope, "small", 1000));
    // Enough small sessions that a short walk finds some and misses others.
    expect(all.length).toBeGreaterThanOrEqual(6);
    for (const limit of [1, 3, 6]) {
      const plain = ids(await evaluationNamedSessions(t.db, scope, "small", limit));
      expect(plain).toEqual(all.slice(0, limit));
      for (const walk of [1, 20, 200, 100_000]) {
        expect(ids(await evaluationNamedSessions(t.db, scope, "small", limit, walk))).toEqual(
          plain,
        );
      }
    }
  });
});

describe("request_counts (the inbox's kept counts)", () => {
  const actual = async () =>
    (
      await t.db
        .selectFrom("requests")
        .select(["status", "school_id", "course_id", (eb) => eb.fn.countAll<number>().as("n")])
        .groupBy(["status", "school_id", "course_id"])
        .execute()
    )
      .map((r) => `${r.status}|${r.school_id}|${r.course_id}|${Number(r.n)}`)
      .sort();
  const kept = async () =>
    (
      await t.db
        .selectFrom("request_counts")
        .select(["status", "school_id", "course_id", "n"])
        .where("n", ">", 0)
        .execute()
    )
      .map((r) => `${r.status}|${r.school_id}|${r.course_id}|${Number(r.n)}`)
      .sort();

  it("follow every insert, status change, move and delete of a request", async () => {
    expect(await kept()).toEqual(await actual());
    const open = await t.db
      .selectFrom("requests")
      .select(["id", "school_id"])
      .where("status", "=", "requested")
      .orderBy("id")
      .limit(3)
      .execute();
    expect(open).toHaveLength(3);
    await t.db
      .updateTable("requests")
      .set({ status: "in_progress" })
      .where("id", "=", open[0].id)
      .execute();
    await t.db
      .updateTable("requests")
      .set({ school_id: open[2].school_id === 1 ? 2 : 1 })
      .where("id", "=", open[1].id)
      .execute();
    await t.db.deleteFrom("request_windows").where("request_id", "=", open[2].id).execute();
    await t.db.deleteFrom("requests").where("id", "=", open[2].id).execute();
    await t.db
      .updateTable("requests")
      .set({ notes: "unrelated change" })
      .where("id", "=", open[0].id)
      .execute();
    expect(await kept()).toEqual(await actual());
  });
});

describe("the evaluation's figures per kind of school", () => {
  const utc = (date: string) => {
    const result = copenhagenToUtc(date, "00:00");
    if (!result.ok) throw new Error(date);
    return result.utc;
  };

  /** The model's item cells computed again, school by school, from the per-session counts. */
  async function perSchool(model: EvaluationModel, focus: number | null) {
    const audience = model.audience;
    const attendanceColumn = {
      pupils: "attendance_pupils",
      parents: "attendance_parents",
      staff: "attendance_professionals",
    } as const;
    const sessions = await t.db
      .selectFrom("sessions as s")
      .innerJoin("courses as c", "c.id", "s.course_id")
      .innerJoin("schools as sc", "sc.id", "s.school_id")
      .select([
        "s.id",
        "s.school_id",
        "s.starts_at",
        `s.${attendanceColumn[audience]} as attendance`,
        "sc.pilot_cohort",
      ])
      .where("s.status", "<>", "cancelled")
      .where((eb) => eb.fn.coalesce("c.feedback_form_audience", "c.audience"), "=", audience)
      .execute();
    const items = await t.db
      .selectFrom("feedback_item_counts")
      .selectAll()
      .where("audience", "=", audience)
      .execute();
    const responses = await t.db
      .selectFrom("feedback_session_counts")
      .select(["session_id", "responses"])
      .where("audience", "=", audience)
      .execute();
    const bucketOf = (startsAt: string) => {
      const iso = new Date(startsAt).toISOString();
      return model.buckets.findIndex((b) => iso >= utc(b.from) && iso < utc(addDays(b.to, 1)));
    };
    const groupsOf = (school: number, pilot: boolean): GroupKey[] => {
      if (focus !== null) {
        if (school === focus) return pilot ? ["school"] : ["school", "standard"];
        return pilot ? [] : ["standard"];
      }
      if (model.filters.cohort === "pilot") return pilot ? ["pilot"] : [];
      if (model.filters.cohort === "standard") return pilot ? [] : ["standard"];
      return [pilot ? "pilot" : "standard", "total"];
    };
    const byId = new Map(sessions.map((s) => [s.id, s]));
    type Figures = { answers: number; topBox: number; sessions: number; schools: Set<number> };
    const cells = new Map<string, Figures>();
    const add = (key: string, school: number, answers: number, topBox: number) => {
      const cell = cells.get(key) ?? { answers: 0, topBox: 0, sessions: 0, schools: new Set() };
      cell.answers += answers;
      cell.topBox += topBox;
      cell.sessions += 1;
      cell.schools.add(school);
      cells.set(key, cell);
    };
    for (const row of items) {
      const session = byId.get(row.session_id);
      if (!session || row.answers < 5) continue;
      const bucket = bucketOf(session.starts_at);
      if (bucket < 0) continue;
      for (const group of groupsOf(session.school_id, session.pilot_cohort !== null)) {
        add(`${row.item_key}|${group}`, session.school_id, row.answers, row.top_box);
        add(`${row.item_key}|${group}|${bucket}`, session.school_id, row.answers, row.top_box);
      }
    }
    const counted = new Map<GroupKey, { sessions: number; schools: Set<number> }>();
    const answered = new Map(responses.map((r) => [r.session_id, r.responses]));
    for (const session of sessions) {
      if (bucketOf(session.starts_at) < 0) continue;
      if (!(answered.get(session.id) ?? 0) && session.attendance === null) continue;
      for (const group of groupsOf(session.school_id, session.pilot_cohort !== null)) {
        const entry = counted.get(group) ?? { sessions: 0, schools: new Set() };
        entry.sessions += 1;
        entry.schools.add(session.school_id);
        counted.set(group, entry);
      }
    }
    return { cells, counted };
  }

  const shown = (cell: ItemCell | undefined) => (cell?.status === "shown" ? cell : null);

  it("equal the figures added up school by school (periods, trend, cohorts, one school)", async () => {
    const actor = await coordinator();
    const pilot = await t.db
      .selectFrom("schools")
      .select("id")
      .where("slug", "=", "scale-school-1")
      .executeTakeFirstOrThrow();
    const standard = await t.db
      .selectFrom("schools")
      .select("id")
      .where("slug", "=", "scale-school-2")
      .executeTakeFirstOrThrow();
    let compared = 0;
    for (const [search, focus] of [
      ["period=2026&audience=pupils", null],
      ["period=sy2025&audience=staff&trend=year", null],
      ["period=range&from=2025-02-14&to=2026-09-10&audience=pupils", null],
      ["period=range&from=2025-02-14&to=2026-09-10&audience=pupils&cohort=pilot", null],
      [`period=2026&audience=pupils&cohort=school&school=${pilot.id}`, pilot.id],
      [
        `period=range&from=2025-01-10&to=2026-11-19&cohort=school&school=${standard.id}`,
        standard.id,
      ],
    ] as const) {
      const { model } = ok(
        await buildEvaluation(t.db, actor, new URLSearchParams(search), {
          now: NOW,
        }),
      );
      const expected = await perSchool(model, focus);
      for (const item of model.items) {
        for (const group of model.groups.map((g) => g.key)) {
          const cell = shown(item.cells[group]);
          const want = expected.cells.get(`${item.key}|${group}`);
          if (!cell) continue;
          expect([
            search,
            item.key,
            group,
            cell.answers,
            cell.topBox,
            cell.sessions,
            cell.schools,
          ]).toEqual([
            search,
            item.key,
            group,
            want?.answers,
            want?.topBox,
            want?.sessions,
            want?.schools.size,
          ]);
          compared++;
        }
        for (const group of model.trendGroups) {
          model.buckets.forEach((bucket, b) => {
            const cell = shown(item.trend[group]?.[bucket.key]);
            if (!cell) return;
            const want = expected.cells.get(`${item.key}|${group}|${b}`);
            expect([search, bucket.key, cell.answers, cell.sessions, cell.schools]).toEqual([
              search,
              bucket.key,
              want?.answers,
              want?.sessions,
              want?.schools.size,
            ]);
            compared++;
          });
        }
      }
      for (const group of model.groups.map((g) => g.key)) {
        const want = expected.counted.get(group);
        expect([
          search,
          group,
          model.overview[group]?.sessions,
          model.overview[group]?.schools,
        ]).toEqual([search, group, want?.sessions ?? 0, want?.schools.size ?? 0]);
      }
    }
    expect(compared).toBeGreaterThan(100);
  });
});
