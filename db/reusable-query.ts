/**
 * Queries built and compiled once, run many times with new values. Kysely builds a query's
 * operation tree and compiles it to SQL on every call; on the feedback POST, a dozen small
 * statements, that was about a tenth of the server's CPU per answer (and much of its garbage).
 * A reusable query is built once per dialect and shape of its arguments with placeholders for
 * the values, compiled, and from then on each call only puts its values in the compiled query's
 * parameters (`db.executeQuery`, Kysely's API for running a `CompiledQuery`).
 *
 * The rule for `build`: the arguments' values may only be placed in the query as values (where,
 * set, values, limit); never computed with (`x ?? 0`, `JSON.stringify(x)`), branched on (except
 * on whether it is undefined or null, which is part of the shape below: an optional filter), or
 * written into SQL text (`sql.lit`, `sql.raw`, `sql.ref`). Compute first, then pass the result.
 * A value that does not reach the parameters as itself, or placeholder text in the SQL, is
 * refused with an error on first use. What does change the SQL is part of the shape: array
 * lengths (rows of an insert, an `in` list), object keys, and which values are `undefined`
 * (Kysely leaves such columns out) or `null`.
 *
 * A handle with plugins (a test recording the queries) builds every call as usual, so the plugins
 * see each query.
 */
import type { Compilable, CompiledQuery, QueryResult } from "kysely";
import type { DB } from "./connection";
import { dialectOf } from "./dialect";

/** Shapes kept per query and dialect (the oldest dropped first): `in` lists vary in length. */
const SHAPES_PER_QUERY = 64;

const MARK = "\u0000reusable-value:";

/** A compiled query whose parameters are either a value from the arguments or a constant. */
interface Template {
  sql: string;
  query: CompiledQuery["query"];
  queryId: CompiledQuery["queryId"];
  /** For each parameter: the index of the argument value, or -1 for `constants[i]`. */
  slots: number[];
  constants: unknown[];
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== "object") return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/**
 * Walks the arguments depth first: collects the values (leaves) and describes the shape. Arrays
 * and plain objects are walked; `undefined` and `null` are part of the shape, every other value
 * is a leaf.
 */
function walk(value: unknown, leaves: unknown[], shape: string[]): void {
  if (value === undefined) {
    shape.push("u");
  } else if (value === null) {
    shape.push("n");
  } else if (Array.isArray(value)) {
    shape.push(`[${value.length}`);
    for (const item of value) walk(item, leaves, shape);
    shape.push("]");
  } else if (isPlainObject(value)) {
    shape.push("{");
    for (const key in value) {
      shape.push(key);
      walk(value[key], leaves, shape);
    }
    shape.push("}");
  } else {
    shape.push("v");
    leaves.push(value);
  }
}

/** The arguments with every leaf replaced by its placeholder (`MARK` + its index). */
function placeholders(value: unknown, next: { index: number }): unknown {
  if (value === undefined || value === null) return value;
  if (Array.isArray(value)) return value.map((item) => placeholders(item, next));
  if (isPlainObject(value)) {
    const copy: Record<string, unknown> = {};
    for (const key in value) copy[key] = placeholders(value[key], next);
    return copy;
  }
  return `${MARK}${next.index++}`;
}

/** The argument index a parameter is the placeholder of, or -1 (a constant, or a computed text). */
function placeholderIndex(parameter: string, leafCount: number): number {
  if (!parameter.startsWith(MARK)) return -1;
  const index = Number(parameter.slice(MARK.length));
  return Number.isInteger(index) &&
    index >= 0 &&
    index < leafCount &&
    parameter === `${MARK}${index}`
    ? index
    : -1;
}

function compileTemplate(compiled: CompiledQuery, leafCount: number): Template {
  if (compiled.sql.includes(MARK)) {
    throw new Error(
      `reusableQuery: a value was written into the SQL text (sql.lit/raw/ref?): ${compiled.sql}`,
    );
  }
  const slots: number[] = [];
  const constants: unknown[] = [];
  const reached = new Set<number>();
  for (const parameter of compiled.parameters) {
    const index = typeof parameter === "string" ? placeholderIndex(parameter, leafCount) : -1;
    if (index !== -1) {
      slots.push(index);
      reached.add(index);
      constants.push(undefined);
    } else {
      slots.push(-1);
      constants.push(parameter);
    }
  }
  if (reached.size !== leafCount) {
    throw new Error(
      `reusableQuery: ${leafCount - reached.size} of ${leafCount} values did not reach the parameters as themselves (computed with in build?): ${compiled.sql}`,
    );
  }
  return { sql: compiled.sql, query: compiled.query, queryId: compiled.queryId, slots, constants };
}

/** A query built once per dialect and shape; each method runs it with new values. */
export interface ReusableQuery<Args extends unknown[], O> {
  /** Kysely's result: `rows`, and `numAffectedRows` for a write. */
  run(db: DB, ...args: Args): Promise<QueryResult<O>>;
  /** The rows (a select, or a write with `returning`). */
  rows(db: DB, ...args: Args): Promise<O[]>;
  /** The first row, or undefined when there is none. */
  first(db: DB, ...args: Args): Promise<O | undefined>;
}

/**
 * A query that builds and compiles its SQL once per dialect and argument shape (see the module
 * comment for the rule `build` follows).
 */
export function reusableQuery<Args extends unknown[], O>(
  build: (db: DB, ...args: Args) => Compilable<O>,
): ReusableQuery<Args, O> {
  const templates = { sqlite: new Map<string, Template>(), postgres: new Map<string, Template>() };
  const run = (db: DB, ...args: Args): Promise<QueryResult<O>> => {
    if (db.getExecutor().plugins.length > 0) return db.executeQuery(build(db, ...args));
    const leaves: unknown[] = [];
    const shape: string[] = [];
    walk(args, leaves, shape);
    const key = shape.join(",");
    const cache = templates[dialectOf(db)];
    let template = cache.get(key);
    if (!template) {
      const marked = placeholders(args, { index: 0 }) as Args;
      template = compileTemplate(build(db, ...marked).compile(), leaves.length);
      if (cache.size >= SHAPES_PER_QUERY) {
        const oldest = cache.keys().next().value;
        if (oldest !== undefined) cache.delete(oldest);
      }
      cache.set(key, template);
    }
    const { slots, constants } = template;
    const parameters = slots.map((slot, i) => (slot === -1 ? constants[i] : leaves[slot]));
    return db.executeQuery<O>({
      sql: template.sql,
      query: template.query,
      queryId: template.queryId,
      parameters,
    });
  };
  return {
    run,
    rows: async (db, ...args) => (await run(db, ...args)).rows,
    first: async (db, ...args) => (await run(db, ...args)).rows[0],
  };
}
