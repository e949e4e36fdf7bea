/**
 * Merging the event streams of several logs by time: `maillog trace mx1.log relay1.log
 * store1.log` reads the three side by side, as a central syslog server would have written
 * them, so links between hops resolve as they do in one interleaved log. Each stream keeps its
 * own order; among streams the earliest next event goes first (ties: the earlier stream).
 *
 * @module
 */

import type { MailEvent } from '../events/index.js'
import { createEventMs } from '../time/event-ms.js'

interface Cursor {
  readonly it: AsyncIterator<MailEvent[]>
  batch: MailEvent[]
  i: number
  /** Time of the next event in ms; the previous one's when its time is unresolved. */
  ms: number
  done: boolean
  readonly timeMs: (time: string) => number
}

/** Reads the time of the cursor's next event; false when its batch is used up. */
function peek(c: Cursor): boolean {
  if (c.i >= c.batch.length) return false
  const t = c.timeMs(c.batch[c.i]!.time ?? '')
  if (!Number.isNaN(t)) c.ms = t
  return true
}

/** Loads batches until one has an event, or the stream ends. */
async function fill(c: Cursor): Promise<void> {
  while (!peek(c)) {
    const r = await c.it.next()
    if (r.done) {
      c.done = true
      return
    }
    c.batch = r.value
    c.i = 0
  }
}

/**
 * Interleaves batches of events from several streams in time order, yielding batches.
 *
 * @example
 * for await (const events of mergeByTime([parseFile('mx1.log', p1), parseFile('relay1.log', p2)])) …
 */
export async function* mergeByTime(
  streams: readonly AsyncIterable<MailEvent[]>[],
): AsyncGenerator<MailEvent[]> {
  const cursors: Cursor[] = streams.map((s) => ({
    it: s[Symbol.asyncIterator](),
    batch: [],
    i: 0,
    ms: Number.NEGATIVE_INFINITY,
    done: false,
    timeMs: createEventMs(),
  }))
  for (const c of cursors) await fill(c)
  let out: MailEvent[] = []
  for (;;) {
    let best: Cursor | undefined
    for (const c of cursors) if (!c.done && (best === undefined || c.ms < best.ms)) best = c
    if (!best) break
    out.push(best.batch[best.i++]!)
    if (out.length >= 4096) {
      yield out
      out = []
    }
    if (!peek(best)) await fill(best)
  }
  if (out.length > 0) yield out
}
