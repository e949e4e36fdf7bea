/**
 * Process life cycle and queue runs: `starting daemon (8.18.1): SMTP+queueing@00:30:00`
 * (`main.c:2420-2438`), `stopping daemon, reason=…` (`daemon.c:3249`), `restarting … due
 * to …` (`daemon.c:3341`), `runqueue: …` (`queue.c:1841`, `queue.c:1982-2025`), `grew
 * WorkList for …` (`queue.c:3261`), `rqe: done` (`queue.c:2511`) and the end of a queued
 * message, `done; delay=…, ntries=…` (`envelope.c:577`).
 *
 * @module
 */

import type { SendmailEvent } from '../events/index.js'
import { build } from '../grammar/build.js'
import type { Base } from './base.js'
import { parseSendmailDelay } from './fields.js'

const STARTING = /^starting daemon \(([^)]*)\): (.*)$/
const QUEUEING = /queueing@((?:\d+\+)?\d{2,}:\d{2}:\d{2})/

/**
 * Parses the start, stop and restart lines.
 *
 * @example
 * parseDaemon('starting daemon (8.18.1): SMTP+queueing@00:30:00', base)
 * //=> { type: 'sendmail.daemon', …, action: 'starting', version: '8.18.1', modes: 'SMTP+queueing@00:30:00', queueInterval: 1800 }
 */
export function parseDaemon(body: string, b: Base): SendmailEvent | undefined {
  const m = STARTING.exec(body)
  if (m) {
    const q = QUEUEING.exec(m[2]!)
    return build(b, 'sendmail.daemon', {
      action: 'starting',
      version: m[1]!,
      modes: m[2]!,
      queueInterval: q ? parseSendmailDelay(q[1]!) : undefined,
    })
  }
  if (body.startsWith('stopping daemon, reason=')) {
    return build(b, 'sendmail.daemon', { action: 'stopping', reason: body.slice(24) })
  }
  if (body.startsWith('restarting ')) {
    const due = body.indexOf(' due to ')
    if (due < 0) return undefined
    return build(b, 'sendmail.daemon', { action: 'restarting', reason: body.slice(due + 8) })
  }
  return undefined
}

/**
 * `done; delay=1+02:03:04, ntries=12`.
 *
 * @example
 * parseDone('done; delay=00:31:02, ntries=2', base)
 * //=> { type: 'sendmail.done', …, delay: 1862, delayText: '00:31:02', ntries: 2 }
 */
export function parseDone(body: string, b: Base): SendmailEvent | undefined {
  const m = /^done; delay=([^,]+), ntries=(\d+)$/.exec(body)
  if (!m) return undefined
  return build(b, 'sendmail.done', {
    delay: parseSendmailDelay(m[1]!),
    delayText: m[1]!,
    ntries: Number(m[2]),
  })
}

/**
 * Queue runner lines; `text` drops the `runqueue: ` prefix.
 *
 * @example
 * parseQueueRun('runqueue: Skipping queue run -- load average too high', base)
 * //=> { type: 'sendmail.queue-run', …, text: 'Skipping queue run -- load average too high' }
 */
export function parseQueueRun(body: string, b: Base): SendmailEvent {
  return build(b, 'sendmail.queue-run', { text: body.startsWith('runqueue: ') ? body.slice(10) : body })
}
