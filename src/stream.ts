/**
 * WHATWG streams (browsers, Deno, Bun, Node ≥ 18, edge runtimes): text → lines → events →
 * transactions, with the platform's backpressure. Each stage is a `TransformStream`, so
 * they compose with `pipeThrough`.
 *
 * @module
 */

import type { MailEvent } from './events/index.js'
import { createEventStream, type LineParser, type ParseOptions } from './parse.js'
import { createFold } from './reduce/fold.js'
import { createState, type ReducerOptions, type ReducerState } from './reduce/index.js'
import type { Transaction } from './transaction.js'

/**
 * Splits text chunks into lines; a line cut by a chunk boundary is joined first. A trailing
 * `\r` is left for the parser to drop; a last line without `\n` is emitted at the end.
 *
 * @example
 * response.body.pipeThrough(new TextDecoderStream()).pipeThrough(createLineSplitter())
 */
export function createLineSplitter(): TransformStream<string, string> {
  let rest = ''
  return new TransformStream({
    transform(chunk, controller) {
      const lines = (rest + chunk).split('\n')
      rest = lines.pop() ?? ''
      for (const line of lines) controller.enqueue(line)
    },
    flush(controller) {
      if (rest !== '') controller.enqueue(rest)
    },
  })
}

/**
 * Lines → events, one event per line (per record for multi-line records), numbered from 1.
 *
 * @example
 * lines.pipeThrough(createEventTransform({ zone: 'Europe/Berlin', source: 'mail.log' }))
 */
export function createEventTransform(
  options: (ParseOptions & { readonly source?: string }) | LineParser = {},
): TransformStream<string, MailEvent> {
  let controller: TransformStreamDefaultController<MailEvent> | undefined
  const stream = createEventStream(options, (e) => controller?.enqueue(e))
  const source = 'parse' in options ? undefined : options.source
  let n = 0
  return new TransformStream({
    start(c) {
      controller = c
    },
    transform(line) {
      stream.push(line, ++n, source)
    },
    flush() {
      stream.end()
    },
  })
}

/**
 * Events → transactions, emitted as they become final and, at the end, every one still open
 * (`complete: false`). Pass a restored state to continue a checkpointed run.
 *
 * @example
 * events.pipeThrough(createTransactionTransform()).pipeTo(sink)
 */
export function createTransactionTransform(
  options: ReducerOptions | { readonly state: ReducerState } = {},
): TransformStream<MailEvent, Transaction> {
  const fold = createFold('state' in options ? options.state : createState(options))
  return new TransformStream({
    transform(event, controller) {
      for (const t of fold.push(event)) controller.enqueue(t)
    },
    flush(controller) {
      for (const t of fold.end()) controller.enqueue(t)
    },
  })
}
