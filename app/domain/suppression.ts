/**
 * Small-group suppression for published tables (privacy.md, "Reporting: small-group
 * suppression"). Pure; used by the evaluation page model, and so by the page, the CSV, the XLSX and
 * the annual report, which all render that one model.
 *
 * A table is described by its atoms - the finest groups it is built from, e.g. "pilot schools,
 * spring 2025" - with their number of answers, and its published cells, each the sum of a set of
 * atoms (a cohort = its terms, all schools = both cohorts). Whoever reads the table knows every
 * visible cell and can add and subtract them; we also assume they know which atoms are empty.
 *
 * 1. Primary: a cell with 1-4 answers is hidden ("færre end 5 svar", nothing else).
 * 2. Complementary: more cells are hidden until
 *    a. no hidden cell can be computed from the visible ones (any sum or difference), and
 *    b. no group of 1-4 answers (any set of atoms) can be computed either, e.g. two hidden
 *       parts of 2 answers each whose sum a total would give away.
 *    Both are exact tests: is the cell's (or group's) atom vector in the span of the visible
 *    cells' vectors? Each round hides one more visible cell: the one with the fewest answers
 *    among those whose hiding removes the leak found, else simply the one with the fewest answers.
 *
 * Across views (filters) the evaluation adds a rule before any table is built
 * (app/domain/evaluation.ts, `SESSION_FLOOR`): a session contributes to an item only with 5 or
 * more answers to it, so two views always differ by whole sessions of 5 or more answers.
 */

/** Groups smaller than this are never shown. */
export const MIN_GROUP_SIZE = 5;

export type SuppressionReason = "primary" | "complementary";

export interface SuppressionTable {
  /** The finest groups and their number of answers. */
  atoms: Readonly<Record<string, number>>;
  /** Every published cell and the atoms it adds up. */
  cells: Readonly<Record<string, readonly string[]>>;
  threshold?: number;
}

const EPSILON = 1e-9;

/** A row-reduced basis of vectors, for "is this vector a combination of those?" questions. */
class Span {
  private rows: { pivot: number; row: number[] }[] = [];

  add(vector: number[]) {
    const v = this.reduce(vector);
    let pivot = -1;
    for (let i = 0; i < v.length; i++) {
      if (Math.abs(v[i]) > EPSILON && (pivot < 0 || Math.abs(v[i]) > Math.abs(v[pivot]))) {
        pivot = i;
      }
    }
    if (pivot < 0) return;
    const scale = v[pivot];
    const row = v.map((x) => x / scale);
    for (const other of this.rows) {
      const factor = other.row[pivot];
      if (Math.abs(factor) > EPSILON) {
        for (let i = 0; i < row.length; i++) other.row[i] -= factor * row[i];
      }
    }
    this.rows.push({ pivot, row });
  }

  private reduce(vector: number[]): number[] {
    const v = [...vector];
    for (const { pivot, row } of this.rows) {
      const factor = v[pivot];
      if (Math.abs(factor) > EPSILON) for (let i = 0; i < v.length; i++) v[i] -= factor * row[i];
    }
    return v;
  }

  contains(vector: number[]): boolean {
    return this.reduce(vector).every((x) => Math.abs(x) < EPSILON);
  }
}

interface Prepared {
  atomIds: string[];
  atomCount: number[];
  cellIds: string[];
  cellVector: Map<string, number[]>;
  cellCount: Map<string, number>;
  threshold: number;
}

function prepare(table: SuppressionTable): Prepared {
  const atomIds = Object.keys(table.atoms).sort();
  const index = new Map(atomIds.map((id, i) => [id, i]));
  const atomCount = atomIds.map((id) => table.atoms[id]);
  const cellIds = Object.keys(table.cells).sort();
  const cellVector = new Map<string, number[]>();
  const cellCount = new Map<string, number>();
  for (const id of cellIds) {
    const vector = new Array<number>(atomIds.length).fill(0);
    let n = 0;
    for (const atom of table.cells[id]) {
      const i = index.get(atom);
      if (i === undefined) throw new Error(`cell ${id}: unknown atom ${atom}`);
      vector[i] = 1;
      n += atomCount[i];
    }
    cellVector.set(id, vector);
    cellCount.set(id, n);
  }
  return {
    atomIds,
    atomCount,
    cellIds,
    cellVector,
    cellCount,
    threshold: table.threshold ?? MIN_GROUP_SIZE,
  };
}

/** What a reader can compute: the visible cells, plus the atoms known to be empty. */
function readerSpan(p: Prepared, hidden: ReadonlySet<string>): Span {
  const span = new Span();
  p.atomCount.forEach((n, i) => {
    if (n === 0) {
      const unit = new Array<number>(p.atomIds.length).fill(0);
      unit[i] = 1;
      span.add(unit);
    }
  });
  for (const id of p.cellIds) {
    if (!hidden.has(id)) span.add(p.cellVector.get(id) as number[]);
  }
  return span;
}

/** Sets of 1-4 non-empty atoms with fewer than `threshold` answers in all. */
function smallGroups(p: Prepared): number[][] {
  const small = p.atomCount.map((n, i) => ({ n, i })).filter(({ n }) => n > 0 && n < p.threshold);
  const groups: number[][] = [];
  const walk = (start: number, chosen: number[], sum: number) => {
    for (let k = start; k < small.length; k++) {
      const next = sum + small[k].n;
      if (next >= p.threshold) continue;
      const group = [...chosen, small[k].i];
      groups.push(group);
      walk(k + 1, group, next);
    }
  };
  walk(0, [], 0);
  return groups;
}

/** A leak: the atom vector of a hidden cell or small group that the visible cells reveal. */
function findLeak(p: Prepared, hidden: ReadonlySet<string>, groups: number[][]): number[] | null {
  const span = readerSpan(p, hidden);
  for (const id of p.cellIds) {
    if (!hidden.has(id) || (p.cellCount.get(id) ?? 0) === 0) continue;
    const vector = p.cellVector.get(id) as number[];
    if (span.contains(vector)) return vector;
  }
  for (const group of groups) {
    const vector = new Array<number>(p.atomIds.length).fill(0);
    for (const i of group) vector[i] = 1;
    if (span.contains(vector)) return vector;
  }
  return null;
}

/**
 * Which cells to hide and why; cells not in the result are shown. Deterministic: the same table
 * gives the same pattern whatever order its atoms and cells are listed in.
 */
export function suppressCells(table: SuppressionTable): Map<string, SuppressionReason> {
  const p = prepare(table);
  const result = new Map<string, SuppressionReason>();
  for (const id of p.cellIds) {
    const n = p.cellCount.get(id) ?? 0;
    if (n > 0 && n < p.threshold) result.set(id, "primary");
  }
  const groups = smallGroups(p);
  const hidden = new Set(result.keys());
  for (;;) {
    const leak = findLeak(p, hidden, groups);
    if (!leak) return result;
    const candidates = p.cellIds
      .filter((id) => !hidden.has(id) && (p.cellCount.get(id) ?? 0) > 0)
      .sort((a, b) => (p.cellCount.get(a) ?? 0) - (p.cellCount.get(b) ?? 0) || a.localeCompare(b));
    if (candidates.length === 0) throw new Error("suppression: nothing left to hide");
    const closes = candidates.find((id) => {
      const span = readerSpan(p, new Set([...hidden, id]));
      return !span.contains(leak);
    });
    const pick = closes ?? candidates[0];
    hidden.add(pick);
    result.set(pick, "complementary");
  }
}
