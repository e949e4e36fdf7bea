/**
 * Reading the files a command was given: rotated sets ordered oldest first, one parser per
 * set with the year hints of its files (name dates, gzip and file mtimes) unless `--year`
 * fixed the year, several sets read side by side in time order when asked, and read errors
 * reported per file without stopping the others.
 *
 * @module
 */

import { stat } from 'node:fs/promises'
import { dirname } from 'node:path'
import type { MailEvent } from '../events/index.js'
import { fileIdentity, type InputPosition, resumePoint } from '../node/checkpoint.js'
import { rotatedSetAnchors } from '../node/file-anchors.js'
import { describeGzipError } from '../node/gzip.js'
import { log4jEndAnchor } from '../node/log4j-anchors.js'
import { mergeByTime } from '../node/merge.js'
import { readEvents } from '../node/parse-file.js'
import { orderRotatedSet } from '../node/rotated-set.js'
import { sendmailAnchor, sendmailEndAnchor } from '../node/sendmail-anchors.js'
import { createParser, type LineParser, type ParseOptions } from '../parse.js'
import type { Anchor } from '../time/anchors.js'
import type { InferenceSummary } from '../time/inferrer.js'
import { parseRotatedName } from '../time/rotated-name.js'
import { createProgress, type Progress } from './progress.js'
import { UsageError } from './usage.js'
import { type FileYears, yearWarnings } from './years.js'

/** One input file in reading order, with the parser that reads it. */
export interface PlannedInput {
  readonly file: string
  readonly parser: LineParser
}

/** Files grouped into logs: a rotated set (same directory and base name) is one log. */
export async function planInputs(files: readonly string[], options: ParseOptions): Promise<PlannedInput[][]> {
  const groups = new Map<string, string[]>()
  for (const file of files) {
    const key = file === '-' ? '-' : `${dirname(file)}/${parseRotatedName(file).base}`
    const list = groups.get(key)
    if (list) list.push(file)
    else groups.set(key, [file])
  }
  const zone = createParser(options).zone
  // Queue ids give the year modulo 60: the one nearest the reference date (or now) is meant.
  const reference =
    options.referenceDate === undefined ? Number.NaN : new Date(options.referenceDate).getTime()
  const nearYear = new Date(Number.isNaN(reference) ? Date.now() : reference).getUTCFullYear()
  // Full-dated log4j records (mailbox.log) and Sendmail queue ids bound the year of the files
  // read with them.
  const alongside: Anchor[] = []
  if (options.year === undefined) {
    for (const file of files) {
      const a = (await log4jEndAnchor(file, zone)) ?? (await sendmailEndAnchor(file, zone, nearYear))
      if (a) alongside.push(a)
    }
  }
  const out: PlannedInput[][] = []
  for (const group of groups.values()) {
    const ordered = await orderRotatedSet(group)
    let anchors = new Map<string, readonly Anchor[]>()
    if (options.year === undefined) {
      try {
        anchors = await rotatedSetAnchors(
          ordered.filter((f) => f !== '-'),
          { zone },
        )
      } catch {
        // A file that cannot be read is reported when it is opened.
      }
    }
    // Sendmail queue ids date their lines: exact evidence that beats names and mtimes.
    const queueIds: Anchor[] = []
    if (options.year === undefined) {
      for (const file of ordered) {
        const a = await sendmailAnchor(file, zone, nearYear)
        if (a) queueIds.push(a)
      }
    }
    // One parser per log: its year state runs through the set, its anchors bound the year.
    const all = [...ordered.flatMap((f) => anchors.get(f) ?? []), ...alongside, ...queueIds]
    const parser = createParser(all.length > 0 ? { ...options, anchors: all } : options)
    out.push(ordered.map((file) => ({ file, parser })))
  }
  return out
}

/** The message for a file that could not be read. */
export function readError(file: string, err: unknown): string {
  const gz = describeGzipError(err, file)
  if (gz) return gz.message
  const e = err as NodeJS.ErrnoException
  if (e.code === 'ENOENT') return `${file}: no such file`
  if (e.code === 'EISDIR') return `${file}: is a directory`
  if (e.code === 'EACCES') return `${file}: permission denied`
  return `${file}: ${e.message}`
}

/** Reading state shared with the command: whether some file failed, progress, and the years settled. */
export interface ReadStatus {
  failed: boolean
  readonly progress?: Progress
  readonly years: FileYears[]
}

/** A fresh reading state, with a progress line on a terminal unless `quiet`. */
export async function createReadStatus(
  plan: readonly PlannedInput[][],
  quiet: boolean | undefined,
): Promise<ReadStatus> {
  return { failed: false, progress: await progressFor(plan, quiet), years: [] }
}

/** Ends the progress line and warns on stderr about guessed or conflicting years. */
export function endReading(status: ReadStatus): void {
  status.progress?.done()
  for (const w of yearWarnings(status.years)) process.stderr.write(`maillog: warning: ${w}\n`)
}

/** How {@link readAll} reads. */
export interface ReadAllOptions {
  /** Several logs side by side in time order (hosts, zimbra.log with mailbox.log) rather than one after another. */
  readonly merge?: boolean
  /** Read each file on from a checkpoint, and note where it got to. */
  readonly resume?: Resume
  /** Give events the byte offset of their line. */
  readonly offsets?: boolean
  /** Follow the (one) input as it is written, never ending (`--follow`). */
  readonly follow?: boolean
}

/** Where a resumable run starts each file, and where it got to. */
export interface Resume {
  /** Positions a previous run saved; files are matched by identity, so renamed (rotated) files resume too. */
  readonly from: readonly InputPosition[]
  /** Where each file was read to, added as each file ends. */
  readonly reached: InputPosition[]
}

/** The events of one file; a read error is reported on stderr and ends this file only. */
async function* fileEvents(
  input: PlannedInput,
  status: ReadStatus,
  { resume, offsets, follow }: ReadAllOptions,
): AsyncGenerator<MailEvent[]> {
  const id = resume ? await fileIdentity(input.file).catch(() => undefined) : undefined
  const from = id ? resumePoint(resume!.from, id) : undefined
  let position = from ?? { offset: 0, line: 0 }
  try {
    const onYears = (summary: InferenceSummary) => status.years.push({ file: input.file, summary })
    const reading = { from, offsets, onYears, follow: follow ? {} : undefined }
    for await (const batch of readEvents(input.file, input.parser, reading)) {
      status.progress?.update(input.file, batch.end, batch.events.length)
      position = { offset: batch.end, line: batch.line }
      yield batch.events
    }
  } catch (err) {
    status.failed = true
    process.stderr.write(`maillog: ${readError(input.file, err)}\n`)
  }
  if (id) resume!.reached.push({ path: input.file, dev: id.dev, ino: id.ino, ...position })
}

async function* events(
  inputs: readonly PlannedInput[],
  status: ReadStatus,
  options: ReadAllOptions,
): AsyncGenerator<MailEvent[]> {
  for (const input of inputs) yield* fileEvents(input, status, options)
}

/**
 * Every event of the planned inputs: logs one after another, or side by side in time order.
 * With `resume`, each file is read on from its checkpoint; every file is read to its end, so
 * the positions reached are exact however the logs interleave.
 */
export function readAll(
  plan: readonly PlannedInput[][],
  status: ReadStatus,
  options: ReadAllOptions = {},
): AsyncIterable<MailEvent[]> {
  if (options.merge && plan.length > 1) return mergeByTime(plan.map((log) => events(log, status, options)))
  return events(plan.flat(), status, options)
}

/**
 * `--follow`, checked against the inputs: one file or stdin. Its parser options hold nothing
 * back: each host's year is settled by its first line (with the file's time and the clock as
 * bounds), so every line is printed as soon as it is read.
 */
export function followOptions(
  follow: boolean | undefined,
  files: readonly string[],
  options: ParseOptions,
): ParseOptions {
  if (!follow) return options
  if (files.length !== 1) throw new UsageError('--follow: takes one file (or stdin)')
  return { ...options, maxHold: 0 }
}

/** Total bytes of plain input files (gzip and stdin count as unknown: 0). */
export async function totalBytes(plan: readonly PlannedInput[][]): Promise<number> {
  let total = 0
  for (const { file } of plan.flat()) {
    if (file === '-' || /\.gz$/.test(file)) return 0
    try {
      total += (await stat(file)).size
    } catch {
      return 0
    }
  }
  return total
}

/** A progress line for the plan when stderr is a terminal and the command is not quiet. */
async function progressFor(plan: readonly PlannedInput[][], quiet: boolean | undefined): Promise<Progress> {
  const enabled = process.stderr.isTTY === true && quiet !== true
  return createProgress(enabled ? await totalBytes(plan) : 0, enabled)
}
