/**
 * Checkpoints for resumable runs (`--state FILE`): the reducer state and, per input file, its
 * identity (device + inode) and the byte offset and line number reached. A file is matched by
 * identity, not by name, so after a rotation `maillog.1` resumes where `maillog` stopped and
 * the new `maillog` starts at 0.
 *
 * @module
 */

import { readFile, rename, stat, writeFile } from 'node:fs/promises'
import type { MailEvent } from '../events/index.js'
import type { TransactionFold } from '../reduce/fold.js'
import { type ReducerState, restoreState } from '../reduce/index.js'

/** Where one input file stood at the end of a run. */
export interface InputPosition {
  readonly path: string
  readonly dev: number
  readonly ino: number
  readonly offset: number
  readonly line: number
}

/** The saved form of a run. */
export interface Checkpoint {
  readonly version: 1
  readonly reducer: ReducerState
  readonly inputs: readonly InputPosition[]
  /** Split Sendmail lines waiting for their other parts ({@link TransactionFold.held}). */
  readonly held?: readonly MailEvent[]
}

/**
 * Reads a checkpoint, or `undefined` when the file does not exist. Throws for a file that is
 * not a checkpoint.
 *
 * @example
 * const cp = await loadCheckpoint('/var/lib/maillog/state') // undefined on the first run
 */
export async function loadCheckpoint(path: string): Promise<Checkpoint | undefined> {
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined
    throw err
  }
  const json = JSON.parse(text) as {
    version?: number
    reducer?: unknown
    inputs?: InputPosition[]
    held?: MailEvent[]
  }
  if (json.version !== 1 || !Array.isArray(json.inputs)) throw new Error(`${path}: not a maillog state file`)
  const held = Array.isArray(json.held) ? json.held : []
  return { version: 1, reducer: restoreState(json.reducer), inputs: json.inputs, held }
}

/**
 * Writes a checkpoint atomically (temporary file, then rename).
 *
 * @example
 * await saveCheckpoint('/var/lib/maillog/state', { version: 1, reducer: state, inputs })
 */
export async function saveCheckpoint(path: string, checkpoint: Checkpoint): Promise<void> {
  const tmp = `${path}.tmp-${process.pid}`
  await writeFile(tmp, JSON.stringify(checkpoint))
  await rename(tmp, path)
}

/**
 * Identity of a file on disk.
 *
 * @example
 * await fileIdentity('/var/log/mail.log') //=> { dev: 2049, ino: 131090, size: 4823411 }
 */
export async function fileIdentity(path: string): Promise<{ dev: number; ino: number; size: number }> {
  const s = await stat(path)
  return { dev: s.dev, ino: s.ino, size: s.size }
}

/**
 * Where to resume a file: its saved position when the same file (device + inode) was read
 * before and has not shrunk (truncated in place), else the start.
 *
 * @example
 * resumePoint(cp.inputs, await fileIdentity('/var/log/mail.log')) //=> { offset: 4823411, line: 35120 }
 */
export function resumePoint(
  saved: readonly InputPosition[],
  id: { dev: number; ino: number; size: number },
): { offset: number; line: number } | undefined {
  const p = saved.find((s) => s.dev === id.dev && s.ino === id.ino)
  return p && p.offset <= id.size ? { offset: p.offset, line: p.line } : undefined
}
