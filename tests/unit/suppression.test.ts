import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MIN_GROUP_SIZE, suppressCells } from "../../app/domain/suppression";

/**
 * A published table described by its atoms (the finest groups, e.g. one cohort in one term) and
 * its cells (each a set of atoms). The checks below use exact BigInt arithmetic, independently of
 * the floating-point elimination in the suppression code.
 */
interface AtomTable {
  atoms: number[];
  cells: Record<string, number[]>;
}

function asInput(table: AtomTable) {
  return {
    atoms: Object.fromEntries(table.atoms.map((n, i) => [`a${i}`, n])),
    cells: Object.fromEntries(
      Object.entries(table.cells).map(([id, atoms]) => [id, atoms.map((a) => `a${a}`)]),
    ),
  };
}

function cellCounts(table: AtomTable): Record<string, number> {
  return Object.fromEntries(
    Object.entries(table.cells).map(([id, atoms]) => [
      id,
      atoms.reduce((sum, a) => sum + table.atoms[a], 0),
    ]),
  );
}

/** Exact span membership with BigInt fraction-free elimination (row echelon basis). */
class Span {
  private basis: { pivot: number; row: bigint[] }[] = [];
  private reduce(vector: bigint[]): bigint[] {
    let v = [...vector];
    for (const { pivot, row } of this.basis) {
      if (v[pivot] === 0n) continue;
      const a = row[pivot];
      const b = v[pivot];
      v = v.map((x, i) => x * a - row[i] * b);
    }
    return v;
  }
  add(vector: bigint[]) {
    const v = this.reduce(vector);
    const pivot = v.findIndex((x) => x !== 0n);
    if (pivot >= 0) this.basis.push({ pivot, row: v });
  }
  contains(vector: bigint[]): boolean {
    return this.reduce(vector).every((x) => x === 0n);
  }
  static of(vectors: bigint[][]) {
    const span = new Span();
    for (const v of vectors) span.add(v);
    return span;
  }
}

function indicator(width: number, atoms: number[]): bigint[] {
  const v = new Array<bigint>(width).fill(0n);
  for (const a of atoms) v[a] = 1n;
  return v;
}

/** What an attacker knows: the span of the visible cells' atom sets. */
function attackerSpan(table: AtomTable, hidden: Set<string>): Span {
  const width = table.atoms.length;
  return Span.of(
    Object.entries(table.cells)
      .filter(([id]) => !hidden.has(id))
      .map(([, atoms]) => indicator(width, atoms)),
  );
}

function expectProtected(table: AtomTable) {
  const counts = cellCounts(table);
  const result = suppressCells(asInput(table));
  const hidden = new Set(result.keys());
  // 1. Every small group is hidden, as primary.
  for (const [id, n] of Object.entries(counts)) {
    if (n > 0 && n < MIN_GROUP_SIZE) expect(result.get(id)).toBe("primary");
  }
  const span = attackerSpan(table, hidden);
  const width = table.atoms.length;
  // 2. No hidden cell can be computed from the visible ones.
  for (const id of hidden) {
    expect(span.contains(indicator(width, table.cells[id])), `${id} recoverable`).toBe(false);
  }
  // 3. No group of 1-4 answers (any set of atoms) can be computed either.
  for (let mask = 1; mask < 1 << width; mask++) {
    const atoms = table.atoms.map((_, i) => i).filter((i) => mask & (1 << i));
    const n = atoms.reduce((sum, a) => sum + table.atoms[a], 0);
    if (n === 0 || n >= MIN_GROUP_SIZE) continue;
    expect(span.contains(indicator(width, atoms)), `group ${atoms} (${n}) recoverable`).toBe(false);
  }
  return result;
}

/** Rows x columns with row totals, column totals and a grand total. */
function crossTable(counts: number[][]): AtomTable {
  const cols = counts[0].length;
  const atoms = counts.flat();
  const at = (r: number, c: number) => r * cols + c;
  const cells: Record<string, number[]> = { total: atoms.map((_, i) => i) };
  counts.forEach((row, r) => {
    row.forEach((_, c) => {
      cells[`c${r}.${c}`] = [at(r, c)];
    });
    cells[`row${r}`] = row.map((_, c) => at(r, c));
  });
  for (let c = 0; c < cols; c++) cells[`col${c}`] = counts.map((_, r) => at(r, c));
  return { atoms, cells };
}

/** The evaluation's shape: all schools -> cohorts -> terms (a tree). */
function hierarchy(counts: number[][]): AtomTable {
  const atoms = counts.flat();
  const cells: Record<string, number[]> = { total: atoms.map((_, i) => i) };
  let next = 0;
  counts.forEach((terms, g) => {
    const ids = terms.map(() => next++);
    cells[`g${g}`] = ids;
    ids.forEach((atom, t) => {
      cells[`g${g}.t${t}`] = [atom];
    });
  });
  return { atoms, cells };
}

/** Counts where small groups are common: 0, 1-4 and larger ones. */
const count = fc.oneof(
  { weight: 2, arbitrary: fc.constant(0) },
  { weight: 4, arbitrary: fc.integer({ min: 1, max: 4 }) },
  { weight: 4, arbitrary: fc.integer({ min: 5, max: 60 }) },
);

const hiddenOf = (table: AtomTable) => [...suppressCells(asInput(table)).keys()].sort();

describe("small-group suppression", () => {
  it("hides a small cell and one more, so the total cannot give it away", () => {
    // pilot 3 + standard 40 = 43: showing 43 and 40 would give 3.
    const result = suppressCells({
      atoms: { pilot: 3, standard: 40 },
      cells: { total: ["pilot", "standard"], pilot: ["pilot"], standard: ["standard"] },
    });
    expect(result.get("pilot")).toBe("primary");
    expect(result.get("standard")).toBe("complementary");
    expect(result.has("total")).toBe(false);
  });

  it("hides the total when the other part is known to be empty", () => {
    const result = suppressCells({
      atoms: { a: 3, b: 0 },
      cells: { total: ["a", "b"], a: ["a"], b: ["b"] },
    });
    expect([...result.keys()].sort()).toEqual(["a", "total"]);
  });

  it("does not let two small hidden parts add up to a small recoverable group", () => {
    // 2 + 2 hidden, 30 visible, total 34 visible: subtraction would give a group of 4.
    const result = suppressCells({
      atoms: { a: 2, b: 2, c: 30 },
      cells: { total: ["a", "b", "c"], a: ["a"], b: ["b"], c: ["c"] },
    });
    expect(result.get("c")).toBe("complementary");
  });

  it("follows a hidden term into its cohort's trend", () => {
    const table = hierarchy([
      [20, 3, 25],
      [30, 30, 30],
    ]);
    const result = expectProtected(table);
    expect(result.get("g0.t1")).toBe("primary");
    expect(result.get("g0.t0")).toBe("complementary");
    expect(result.size).toBe(2);
  });

  it("catches a leak through a chain of cells: x + y, y + z and x + z give each of them", () => {
    const result = suppressCells({
      atoms: { x: 3, y: 10, z: 10 },
      cells: { x: ["x"], xy: ["x", "y"], yz: ["y", "z"], xz: ["x", "z"] },
    });
    expect(result.get("x")).toBe("primary");
    // Hiding x alone is not enough: (xy + xz - yz) / 2 = x. One of the pairs goes too.
    expect(result.size).toBe(2);
  });

  it("leaves a table without small groups alone", () => {
    expect(
      hiddenOf(
        crossTable([
          [20, 30],
          [40, 50],
        ]),
      ),
    ).toEqual([]);
  });

  it("property: random cross tables with margins never give a hidden cell or small group away", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 3 }).chain((rows) =>
          fc.integer({ min: 2, max: 4 }).chain((cols) =>
            fc.array(fc.array(count, { minLength: cols, maxLength: cols }), {
              minLength: rows,
              maxLength: rows,
            }),
          ),
        ),
        (counts) => {
          expectProtected(crossTable(counts));
        },
      ),
      { numRuns: 300 },
    );
  });

  it("property: random hierarchies (total -> cohorts -> terms) never give anything away", () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(count, { minLength: 1, maxLength: 5 }), { minLength: 2, maxLength: 3 }),
        (counts) => {
          fc.pre(counts.flat().length <= 12);
          expectProtected(hierarchy(counts));
        },
      ),
      { numRuns: 300 },
    );
  });

  it("property: the pattern does not depend on the order cells are listed in", () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(count, { minLength: 3, maxLength: 3 }), { minLength: 2, maxLength: 3 }),
        (counts) => {
          const table = crossTable(counts);
          const reversed: AtomTable = {
            atoms: table.atoms,
            cells: Object.fromEntries(Object.entries(table.cells).reverse()),
          };
          expect(hiddenOf(reversed)).toEqual(hiddenOf(table));
        },
      ),
      { numRuns: 100 },
    );
  });
});
