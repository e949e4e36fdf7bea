/**
 * Ordering the files of rotated sets oldest first, so a year carried from file to file and
 * transactions spanning a rotation come out right: `maillog-20250101.gz`, `maillog.2.gz`,
 * `maillog.1`, `maillog`. Names decide (see `time/rotated-name.ts`); where they cannot
 * (two unrelated names, or the same rank) the modification time breaks the tie.
 *
 * @module
 */

import { stat } from 'node:fs/promises'
import { compareRotatedNames } from '../time/rotated-name.js'

/**
 * Sorts paths oldest first. `-` (stdin) keeps its place at the end. Files that cannot be
 * stat-ed sort by name alone (opening them reports the error later).
 *
 * @example
 * await orderRotatedSet(['maillog', 'maillog.1', 'maillog.2.gz', 'maillog-20250107.gz'])
 * //=> ['maillog-20250107.gz', 'maillog.2.gz', 'maillog.1', 'maillog']
 */
export async function orderRotatedSet(paths: readonly string[]): Promise<string[]> {
  const files = paths.filter((p) => p !== '-')
  const mtimes = new Map<string, number>()
  await Promise.all(
    files.map(async (p) => {
      try {
        mtimes.set(p, (await stat(p)).mtimeMs)
      } catch {
        mtimes.set(p, Number.NaN)
      }
    }),
  )
  const byName = [...files].sort((a, b) => {
    const c = compareRotatedNames(a, b)
    if (c !== 0) return c
    const ma = mtimes.get(a)!
    const mb = mtimes.get(b)!
    return Number.isNaN(ma) || Number.isNaN(mb) ? 0 : ma - mb
  })
  return paths.includes('-') ? [...byName, '-'] : byName
}
