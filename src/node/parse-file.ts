/**
 * Streams the events of one input.
 *
 * @module
 */

import type { MailEvent } from '../events/index.js'
import { createEventStream, type LineParser } from '../parse.js'
import { openInput } from './input.js'
import { lineBatches } from './lines.js'

/**
 * Yields batches of events of a file (gzip or plain) or of stdin (`-`): one event per line, or
 * per record for multi-line records. The parser's year state carries over between files.
 * A read error (such as a truncated gzip) rejects after the lines read so far were yielded.
 *
 * @example
 * const parser = createParser({ zone: 'UTC' })
 * for await (const events of parseFile('/var/log/maillog', parser)) for (const e of events) console.log(e.type)
 */
export async function* parseFile(path: string, parser: LineParser): AsyncGenerator<MailEvent[]> {
  const input = await openInput(path)
  const source = path === '-' ? undefined : path
  let batch: MailEvent[] = []
  const stream = createEventStream(parser, (e) => batch.push(e))
  let n = 0
  let failure: unknown
  try {
    for await (const lines of lineBatches(input.stream)) {
      for (let i = 0; i < lines.length; i++) stream.push(lines[i]!, ++n, source)
      const out = batch
      batch = []
      yield out
    }
  } catch (err) {
    failure = err
  }
  stream.end()
  if (batch.length > 0) yield batch
  if (failure !== undefined) throw failure
}
