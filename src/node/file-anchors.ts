/**
 * Year anchors of a log file, from everything the file system knows about it: the date in its
 * rotated name, the MTIME in its gzip header, and its own mtime. The core picks the strongest
 * (name, then gzip MTIME, then mtime); all are returned so the choice can be reported. For a
 * rotated set, the previous (older) file's end also bounds where the next one starts.
 *
 * @module
 */

import { stat } from 'node:fs/promises'
import { type Anchor, mtimeAnchor, strongestEndBound } from '../time/anchors.js'
import { anchorsFromFileName } from '../time/rotated-name.js'
import { readGzipHeader } from './gzip.js'

/** Options of {@link fileAnchors}. */
export interface FileAnchorOptions {
  /** Zone a date in the file name is read in (the zone of the log); default `UTC`. */
  readonly zone?: string
  /** Skip the file's own mtime (when files were copied without keeping times). */
  readonly ignoreMtime?: boolean
}

/**
 * Anchors of one input file: rotated-name date, gzip header MTIME, stat mtime. `-` (stdin) has
 * none. Rejects with the system error for a file that cannot be read.
 *
 * @example
 * const tl = createTimeline({ zone: 'Europe/Berlin' }, emit)
 * tl.source(path, { anchors: await fileAnchors(path, { zone: 'Europe/Berlin' }) })
 */
export async function fileAnchors(path: string, options: FileAnchorOptions = {}): Promise<Anchor[]> {
  if (path === '-') return []
  const anchors = anchorsFromFileName(path, options.zone ?? 'UTC')
  const [st, gz] = await Promise.all([stat(path), readGzipHeader(path)])
  if (gz?.mtimeMs !== undefined) anchors.push(mtimeAnchor(gz.mtimeMs, 'gzipMtime', path))
  if (!options.ignoreMtime) anchors.push(mtimeAnchor(st.mtimeMs, 'mtime', path))
  return anchors
}

/**
 * Anchors of every file of a rotated set given oldest first (see `orderRotatedSet`): each
 * file's own anchors, plus a `notBefore` bound from the strongest end bound of the file before
 * it (its lines start after the previous file was rotated).
 *
 * @example
 * const files = await orderRotatedSet(process.argv.slice(2))
 * const anchors = await rotatedSetAnchors(files, { zone: 'Europe/Berlin' })
 * for (const f of files) timeline.source(f, { anchors: anchors.get(f) })
 */
export async function rotatedSetAnchors(
  oldestFirst: readonly string[],
  options: FileAnchorOptions = {},
): Promise<Map<string, Anchor[]>> {
  const out = new Map<string, Anchor[]>()
  let previous: Anchor | undefined
  for (const path of oldestFirst) {
    const own = await fileAnchors(path, options)
    const anchors =
      previous?.epochMs === undefined
        ? own
        : [
            ...own,
            {
              kind: previous.kind,
              bound: 'notBefore' as const,
              epochMs: previous.epochMs,
              note: previous.note,
            },
          ]
    out.set(path, anchors)
    previous = strongestEndBound(own)
  }
  return out
}
