/**
 * The staff pages' queries never read a big table whole (issue 13: with national data a full
 * scan of requests, sessions or the answer tables is seconds, not milliseconds). Every query the
 * coordinator's inbox, the facilitator's sessions and the evaluation page run is captured and
 * explained on this database (SQLite or PostgreSQL; see explainQueryPlan: on PostgreSQL
 * sequential scans are disabled for the EXPLAIN, so the plan shows whether an index CAN serve the
 * query). A plan fails when it scans a big table without an index condition; an ordered walk
 * along an index is allowed only under a LIMIT (the inbox page stops after 25 rows).
 */
import type { CompiledQuery, KyselyPlugin } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseInboxQuery } from "~/domain/request-actions";
import { currentUserFromRow } from "~/lib/guards.server";
import { buildEvaluation } from "~/services/evaluation.server";
import { loadMySessions } from "~/services/facilitator.server";
import { loadInbox } from "~/services/requests.server";
import type { DB } from "../../db/connection";
import { explainQueryPlan } from "../../db/dialect";
import { generateScaleData } from "../../db/generate/scale";
import { createTestDb, type TestDb, testDialect } from "../support/db";

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
    await t.db
      .selectFrom("users")
      .selectAll()
      .where("role", "=", "coordinator")
      .executeTakeFirstOrThrow(),
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
    const actor = currentUserFromRow(row);
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
