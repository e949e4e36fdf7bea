/**
 * Streams the events of one input.
 *
 * @module
 */

import type { MailEvent } from '../events/index.js'
import type { LineParser } from '../parse.js'
import { openInput } from './input.js'
import { lineBatches } from './lines.js'

/**
 * Yields batches of events of a file (gzip or plain) or of stdin (`-`), one event per line.
 * A read error (such as a truncated gzip) rejects after the lines read so far were yielded.
 *
 * @example
 * const parser = createParser({ zone: 'UTC' })
 * for await (const events of parseFile('/var/log/maillog', parser)) for (const e of events) console.log(e.type)
 */
export async function* parseFile(path: string, parser: LineParser): AsyncGenerator<MailEvent[]> {
  const input = await openInput(path)
  const source = path === '-' ? undefined : path
  let n = 0
  for await (const lines of lineBatches(input.stream)) {
    const out: MailEvent[] = new Array(lines.length)
    for (let i = 0; i < lines.length; i++) out[i] = parser.parse(lines[i]!, ++n, source)
    yield out
  }
}
