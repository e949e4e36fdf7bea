/**
 * Bounded keyed counters for the report's per-key tables (senders, domains, hosts, reject
 * reasons…). A table keeps exact numbers per key until it holds `cap` keys; it then keeps the
 * keys ranked highest (by count, and by a second column such as bytes when the table has one)
 * and folds the others into an `other` row. This is lossy counting: a key that was dropped and
 * comes back starts again from zero, so a reported count is low by at most `maxDropped` (the
 * largest count ever dropped). Tables that never reach `cap` are exact; most logs never get
 * there (the default cap is 20,000 keys per table).
 *
 * What it leaves out: no sketch (count-min, HyperLogLog) — numbers stay exact wherever the
 * report says they are.
 *
 * @module
 */

/** A table of numeric columns per key, bounded to `cap` keys. */
export interface Table {
  /** Column names, in order; column 0 is the count every table ranks by. */
  readonly columns: readonly string[]
  /** Column that also keeps a key alive when pruning (e.g. bytes), or -1. */
  readonly rankBy: number
  readonly cap: number
  readonly rows: Map<string, number[]>
  /** Sum of the columns of every dropped key. */
  readonly other: number[]
  /** Number of times a key was dropped. */
  dropped: number
  /** The largest count (column 0) a dropped key had: the error bound of the kept counts. */
  maxDropped: number
}

/** One row of a table as the report prints it: `key` plus one field per column. */
export type TableRow = { readonly key: string } & { readonly [column: string]: number | string }

/**
 * Creates an empty table.
 *
 * @example
 * const t = createTable(['count', 'bytes'], 1000, 'bytes')
 * bump(t, 'example.org', 0, 1)
 * t.rows.get('example.org') //=> [1, 0]
 */
export function createTable(columns: readonly string[], cap: number, rankBy?: string): Table {
  if (!(cap >= 2)) throw new RangeError(`table cap must be at least 2, got ${cap}`)
  return {
    columns,
    rankBy: rankBy === undefined ? -1 : columns.indexOf(rankBy),
    cap,
    rows: new Map(),
    other: columns.map(() => 0),
    dropped: 0,
    maxDropped: 0,
  }
}

/**
 * The row of a key, created (zeroed) when missing; pruning happens before a new key is added,
 * so the row returned is always live.
 */
export function row(table: Table, key: string): number[] {
  let r = table.rows.get(key)
  if (r === undefined) {
    if (table.rows.size >= table.cap) prune(table)
    r = table.columns.map(() => 0)
    table.rows.set(key, r)
  }
  return r
}

/**
 * Adds `n` to column `column` of `key`.
 *
 * @example
 * bump(t, '554 Relay access denied', 0, 1)
 */
export function bump(table: Table, key: string, column: number, n: number): void {
  row(table, key)[column]! += n
}

const byColumn =
  (rows: Map<string, number[]>, c: number) =>
  (a: string, b: string): number =>
    rows.get(b)![c]! - rows.get(a)![c]! || (a < b ? -1 : a > b ? 1 : 0)

/**
 * Keeps the best-ranked half of the keys (a quarter by count and a quarter by the rank column
 * when there is one) and folds the rest into `other`. Amortized O(log n) per new key.
 */
function prune(table: Table): void {
  const keys = [...table.rows.keys()]
  const keep = new Set<string>()
  const half = Math.max(1, Math.floor(table.cap / 2))
  if (table.rankBy < 0) {
    for (const k of keys.sort(byColumn(table.rows, 0)).slice(0, half)) keep.add(k)
  } else {
    const quarter = Math.max(1, Math.floor(half / 2))
    for (const k of [...keys].sort(byColumn(table.rows, 0)).slice(0, quarter)) keep.add(k)
    for (const k of keys.sort(byColumn(table.rows, table.rankBy)).slice(0, quarter)) keep.add(k)
  }
  for (const k of keys) {
    if (keep.has(k)) continue
    const r = table.rows.get(k)!
    for (let i = 0; i < r.length; i++) table.other[i]! += r[i]!
    if (r[0]! > table.maxDropped) table.maxDropped = r[0]!
    table.dropped++
    table.rows.delete(k)
  }
}

/**
 * The `n` rows ranked highest by a column (ties by key), as objects; rows with 0 in that
 * column are left out unless `zeros` is set.
 *
 * @example
 * top(t, 'count', 2) //=> [{ key: 'example.org', count: 3, bytes: 4200 }, { key: 'example.net', count: 1, bytes: 900 }]
 */
export function top(table: Table, column: string, n: number, zeros = false): TableRow[] {
  const c = table.columns.indexOf(column)
  if (c < 0) throw new RangeError(`no column "${column}" in table (${table.columns.join(', ')})`)
  const keys = [...table.rows.keys()].filter((k) => zeros || table.rows.get(k)![c]! > 0)
  return keys
    .sort(byColumn(table.rows, c))
    .slice(0, n)
    .map((k) => toRow(table, k, table.rows.get(k)!))
}

function toRow(table: Table, key: string, r: readonly number[]): TableRow {
  const out: Record<string, number | string> = { key }
  for (let i = 0; i < table.columns.length; i++) out[table.columns[i]!] = r[i]!
  return out as TableRow
}

/** Whether a table dropped keys (its counts may then be low by at most `maxDropped`). */
export function isApproximate(table: Table): boolean {
  return table.dropped > 0
}
