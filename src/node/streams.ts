/**
 * Node.js streams and async iterators over files: object-mode `Transform`s for lines → events
 * and events → transactions (backpressure from Node's stream machinery), and iterators over a
 * list of files (plain, gzip) that share one parser, so year state carries across a rotated set.
 *
 * @module
 */

import { Transform } from 'node:stream'
import type { MailEvent } from '../events/index.js'
import { createEventStream, createParser, type LineParser, type ParseOptions } from '../parse.js'
import { createFold } from '../reduce/fold.js'
import { createState, type ReducerOptions } from '../reduce/index.js'
import type { Transaction } from '../transaction.js'
import { globFiles } from './glob.js'
import { readEvents } from './parse-file.js'
import { orderRotatedSet } from './rotated-set.js'

/**
 * An object-mode Transform: byte or text chunks in, events out (lines are split here; a line
 * cut by a chunk boundary is joined first).
 *
 * @example
 * process.stdin.pipe(eventTransform({ zone: 'UTC' })).on('data', (e) => console.log(e.type))
 */
export function eventTransform(
  options: (ParseOptions & { readonly source?: string }) | LineParser = {},
): Transform {
  const decoder = new TextDecoder('utf-8')
  const source = 'parse' in options ? undefined : options.source
  let rest = ''
  let n = 0
  let self: Transform | undefined
  const stream = createEventStream(options, (e) => self?.push(e))
  self = new Transform({
    readableObjectMode: true,
    transform(chunk: Buffer | string, _enc, done) {
      const lines = (
        rest + (typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true }))
      ).split('\n')
      rest = lines.pop() ?? ''
      for (const line of lines) stream.push(line, ++n, source)
      done()
    },
    flush(done) {
      rest += decoder.decode()
      if (rest !== '') stream.push(rest, ++n, source)
      stream.end()
      done()
    },
  })
  return self
}

/**
 * An object-mode Transform: events in, transactions out (final ones as they close, open ones
 * flushed with `complete: false` at the end).
 *
 * @example
 * process.stdin.pipe(eventTransform()).pipe(transactionTransform()).on('data', (t) => console.log(t.id))
 */
export function transactionTransform(options: ReducerOptions = {}): Transform {
  const fold = createFold(createState(options))
  return new Transform({
    objectMode: true,
    transform(event: MailEvent, _enc, done) {
      for (const t of fold.push(event)) this.push(t)
      done()
    },
    flush(done) {
      for (const t of fold.end()) this.push(t)
      done()
    },
  })
}

/**
 * Every event of several files (plain, gzip, or `-` for stdin; `*` and `?` patterns in the last
 * path segment), rotated sets oldest first, sharing one parser.
 *
 * @example
 * for await (const e of eventsOf(['/var/log/mail.log.1', '/var/log/mail.log'], { zone: 'UTC' })) …
 */
export async function* eventsOf(
  files: readonly string[],
  options: ParseOptions | LineParser = {},
): AsyncGenerator<MailEvent> {
  const parser = 'parse' in options ? options : createParser(options)
  for (const file of await orderRotatedSet(await globFiles(files))) {
    for await (const batch of readEvents(file, parser)) yield* batch.events
  }
}

/**
 * Every transaction of several files, in the order they become final.
 *
 * @example
 * for await (const t of transactionsOf(['/var/log/mail.log'], { zone: 'UTC' })) if (!t.complete) console.log(t.id)
 */
export async function* transactionsOf(
  files: readonly string[],
  options: ParseOptions & ReducerOptions = {},
): AsyncGenerator<Transaction> {
  const fold = createFold(createState(options))
  for await (const e of eventsOf(files, options)) yield* fold.push(e)
  yield* fold.end()
}
