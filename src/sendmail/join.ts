/**
 * Puts split Sendmail lines back together, on events, after parsing — so that parsing keeps
 * its rule of one event per input line and the transaction reducer still sees whole facts:
 *
 * - `QID[1]: text ...`, `QID[2]: text` (`conf.c:5589-5655`, lines longer than the syslog
 *   buffer): the parts of one process are concatenated in order and the whole message is
 *   parsed again (a long `from=` or `ruleset=` line becomes one `sendmail.from`/`reject`).
 * - `to=a,b, [more], …` lines followed by a last `to=c, …` (`deliver.c:5565-5595`, recipient
 *   lists longer than the buffer): one `sendmail.to` with all recipients, the fields of the
 *   last line, `line` of the first and `lastLine` of the last.
 *
 * Groups are keyed by source, host, program, pid and queue id: a process writes its parts one
 * after another, while other processes' lines may come in between. Those pass through at
 * once; a joined event is emitted when its last line arrives, so it may come after events of
 * later lines. A group that is broken off (a part missing, a new `[1]` for the same key, the
 * end of the input) is emitted as it was read: parts unjoined, a `to=` list with `more: true`.
 *
 * @module
 */

import type { MailEvent, SendmailPart, SendmailTo } from '../events/index.js'
import type { Base } from './base.js'
import { parseSendmailBody } from './body.js'

/** A streaming joiner: feed events in input order, collect what comes out. */
export interface SendmailJoiner {
  /** Takes one event; returns the events that are complete now (often none or the same one). */
  push(event: MailEvent): MailEvent[]
  /** Returns every event still held (broken-off groups), in the order they were started. */
  flush(): MailEvent[]
  /**
   * The events held now, without giving them up: pushed in this order into a new joiner (the
   * next run of a checkpointed fold), they open the same groups again.
   */
  held(): MailEvent[]
}

/** Open groups kept at most; the oldest is given up (emitted as read) beyond this. */
const MAX_OPEN = 1024

const TERMINATED = 'log terminated, too many parts'

interface PartGroup {
  readonly parts: SendmailPart[]
}

/** Removes and returns the oldest open group when too many are open. */
function evict<V>(map: Map<string, V>): V | undefined {
  if (map.size < MAX_OPEN) return undefined
  const key = map.keys().next().value as string
  const value = map.get(key)
  map.delete(key)
  return value
}

function keyOf(e: {
  source?: string
  host: string
  program: string
  pid?: number
  queueId?: string
}): string {
  return `${e.source ?? ''}\u0000${e.host}\u0000${e.program}\u0000${e.pid ?? ''}\u0000${e.queueId ?? ''}`
}

/** One `sendmail.to` from a `[more]` list and the line after it. */
function mergeTo(first: SendmailTo, next: SendmailTo): SendmailTo {
  const { more, lastLine, ...rest } = next
  void lastLine
  const merged: SendmailTo = {
    ...rest,
    line: first.line,
    lastLine: next.lastLine ?? next.line,
    recipients: [...first.recipients, ...next.recipients],
  }
  return more ? { ...merged, more } : merged
}

/** Parses the text of a complete part group as one message. */
function joinParts(parts: readonly SendmailPart[]): MailEvent {
  const first = parts[0]!
  const last = parts[parts.length - 1]!
  let text = ''
  for (const p of parts) if (p.text !== TERMINATED) text += p.text
  // `type` first, as on every event object (see grammar/build.ts).
  const base = {
    type: 'unknown',
    line: first.line,
    source: first.source,
    time: first.time,
    stamp: first.stamp,
    timeUnresolved: first.timeUnresolved,
    host: first.host,
    program: first.program,
    pid: first.pid,
    queueId: first.queueId,
    lastLine: last.line,
  } as Base
  return parseSendmailBody(text, base, text)
}

/**
 * Creates a streaming joiner.
 *
 * @example
 * const j = createSendmailJoiner()
 * j.push(moreLine)  //=> []                       (to=a,b, [more], …)
 * j.push(lastLine)  //=> [{ type: 'sendmail.to', recipients: ['a', 'b', 'c'], … }]
 * j.flush()         //=> []
 */
export function createSendmailJoiner(): SendmailJoiner {
  const partGroups = new Map<string, PartGroup>()
  const toLists = new Map<string, SendmailTo>()

  function pushTo(e: SendmailTo, out: MailEvent[]): void {
    const key = keyOf(e)
    const open = toLists.get(key)
    if (e.more) {
      if (open) toLists.set(key, mergeTo(open, e))
      else {
        const old = evict(toLists)
        if (old) out.push(old)
        toLists.set(key, e)
      }
      return
    }
    if (open) {
      toLists.delete(key)
      out.push(mergeTo(open, e))
    } else out.push(e)
  }

  function pushPart(e: SendmailPart, out: MailEvent[]): void {
    const key = keyOf(e)
    const open = partGroups.get(key)
    if (e.part === 1) {
      if (open) {
        partGroups.delete(key)
        out.push(...open.parts)
      }
      const old = evict(partGroups)
      if (old) out.push(...old.parts)
      if (!e.more) {
        out.push(e)
        return
      }
      partGroups.set(key, { parts: [e] })
      return
    }
    if (!open || open.parts[open.parts.length - 1]!.part + 1 !== e.part) {
      if (open) {
        partGroups.delete(key)
        out.push(...open.parts)
      }
      out.push(e)
      return
    }
    open.parts.push(e)
    if (e.more && e.text !== TERMINATED) return
    partGroups.delete(key)
    const joined = joinParts(open.parts)
    if (joined.type === 'sendmail.to') pushTo(joined, out)
    else out.push(joined)
  }

  return {
    push(event) {
      const out: MailEvent[] = []
      if (event.type === 'sendmail.part') pushPart(event, out)
      else if (event.type === 'sendmail.to') pushTo(event, out)
      else out.push(event)
      return out
    },
    flush() {
      const out = this.held()
      partGroups.clear()
      toLists.clear()
      return out
    },
    held() {
      const out: MailEvent[] = []
      for (const g of partGroups.values()) out.push(...g.parts)
      for (const t of toLists.values()) out.push(t)
      return out
    },
  }
}

/**
 * Joins split Sendmail lines in a list of events (see the module comment); other events are
 * returned unchanged. A 40-recipient message logged over four `to=… [more]` lines yields one
 * `sendmail.to` with 40 recipients.
 *
 * @example
 * joinSendmailParts(parseLines(log)).filter((e) => e.type === 'sendmail.to')[0].recipients.length //=> 40
 */
export function joinSendmailParts(events: readonly MailEvent[]): MailEvent[] {
  const j = createSendmailJoiner()
  const out: MailEvent[] = []
  for (const e of events) out.push(...j.push(e))
  out.push(...j.flush())
  return out
}
