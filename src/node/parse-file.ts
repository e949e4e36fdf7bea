/**
 * Streams the events of one input, with the byte offset reached after each batch so a run can
 * be checkpointed and resumed.
 *
 * @module
 */

import type { MailEvent } from '../events/index.js'
import { createEventStream, type LineParser } from '../parse.js'
import type { InferenceSummary } from '../time/inferrer.js'
import { openInput } from './input.js'
import { lineChunks } from './lines.js'

/** Events of a batch of lines, and where the input stands after them. */
export interface FileBatch {
  readonly events: MailEvent[]
  /** Byte offset after the batch (in the decompressed stream for gzip). */
  readonly end: number
  /** Number of the last line read. */
  readonly line: number
}

/** Where to start reading: a byte offset at a line start, and the number of lines before it. */
export interface ResumePoint {
  readonly offset: number
  readonly line: number
}

/** How {@link readEvents} reads. */
export interface ReadOptions {
  /** Where to start, from a checkpoint. */
  readonly from?: ResumePoint
  /** Give every event the byte `offset` of its line (for ECS `log.offset`). */
  readonly offsets?: boolean
  /** Called at the end of the input with how each host's years were settled. */
  readonly onYears?: (summary: InferenceSummary) => void
  /** Follow a plain file as it is written (`tail -F`), until the signal aborts. */
  readonly follow?: { readonly signal?: AbortSignal }
}

/**
 * Yields the events of a file (gzip or plain) or of stdin (`-`) in batches: one event per line,
 * or per record for multi-line records. The parser's year state carries over between files.
 * A read error (such as a truncated gzip) rejects after the lines read so far were yielded.
 *
 * @example
 * const parser = createParser({ zone: 'UTC' })
 * for await (const { events } of readEvents('/var/log/maillog', parser)) for (const e of events) console.log(e.type)
 */
export async function* readEvents(
  path: string,
  parser: LineParser,
  { from, offsets = false, onYears, follow }: ReadOptions = {},
): AsyncGenerator<FileBatch> {
  const input = await openInput(path, from?.offset ?? 0, follow)
  const source = path === '-' ? undefined : path
  let batch: MailEvent[] = []
  const stream = createEventStream(parser, (e) => batch.push(e))
  let n = from?.line ?? 0
  let end = from?.offset ?? 0
  let failure: unknown
  try {
    for await (const chunk of lineChunks(input.stream, end, offsets)) {
      const { lines, starts } = chunk
      if (starts) for (let i = 0; i < lines.length; i++) stream.push(lines[i]!, ++n, source, starts[i])
      else for (let i = 0; i < lines.length; i++) stream.push(lines[i]!, ++n, source)
      end = chunk.end
      const events = batch
      batch = []
      yield { events, end, line: n }
    }
  } catch (err) {
    failure = err
  }
  const years = stream.end()
  onYears?.(years)
  if (batch.length > 0) yield { events: batch, end, line: n }
  if (failure !== undefined) throw failure
}

/**
 * Yields the events of a file in batches (see {@link readEvents}), without positions.
 *
 * @example
 * for await (const events of parseFile('/var/log/maillog', createParser({ zone: 'UTC' }))) console.log(events.length)
 */
export async function* parseFile(path: string, parser: LineParser): AsyncGenerator<MailEvent[]> {
  for await (const batch of readEvents(path, parser)) yield batch.events
}
