/**
 * Year evidence from Sendmail queue ids: since 8.12 an id starts with the date its envelope was
 * created (`time/queue-id-date.ts`), year modulo 60 included, so a Sendmail log dates itself
 * even when its file was copied and lost its modification time. The first decodable id near
 * the start of a file gives an exact (reference) anchor for its line; one is enough to pin
 * that host's years. The last one near its end bounds the logs read with it.
 *
 * @module
 */

import { readSyslogHeader } from '../envelope/syslog.js'
import { isSendmailProgram, readSendmailPrefix } from '../sendmail/head.js'
import { type Anchor, mtimeAnchor, referenceAnchor } from '../time/anchors.js'
import { sendmailQueueIdTime } from '../time/queue-id-date.js'
import { readFilePart } from './file-part.js'

/** Longest a message plausibly waits in the queue before the line that logs its id. */
const MAX_QUEUE_MS = 8 * 86_400_000
/** Widest zone offset: a wall-clock stamp may read up to this much before the UTC creation time. */
const MAX_OFFSET_MS = 15 * 3_600_000
/** Slack after the last dated line: logs read together may end some days apart. */
const SLACK_MS = 31 * 86_400_000

/** A Sendmail line's stamp and the creation time of its queue id, when they agree. */
interface Dated {
  readonly anchor: Anchor
  readonly created: number
}

function datedLine(line: string, zone: string, nearYear: number): Dated | undefined {
  const h = readSyslogHeader(line)
  if (!h?.stamp.valid || h.stamp.year !== undefined || !isSendmailProgram(h.program)) return undefined
  const queueId = readSendmailPrefix(h.message).queueId
  if (queueId === undefined) return undefined
  const created = sendmailQueueIdTime(queueId, nearYear)
  if (created === undefined) return undefined
  const anchor = referenceAnchor(h.stamp, created, zone, h.host)
  if (anchor.year === undefined) return undefined
  // Wall clock of the line in its anchored year, read as UTC: zone offsets are within the slack.
  const s = h.stamp
  const wall = Date.UTC(anchor.year, s.month - 1, s.day, s.hour, s.minute, s.second)
  const late = wall - created
  return late >= -MAX_OFFSET_MS && late <= MAX_QUEUE_MS + MAX_OFFSET_MS ? { anchor, created } : undefined
}

/**
 * A reference anchor from the first Sendmail line near the start of `text` whose queue id
 * decodes to a creation time the line's stamp can follow (within the queue's lifetime), or
 * `undefined`. `nearYear` picks among years 60 apart.
 *
 * @example
 * sendmailAnchorIn('Jun 15 10:11:13 mx1 sendmail[711]: u5FABCAa012345: from=<a@example.org>', 'UTC', 2026)
 * //=> { kind: 'reference', bound: 'exact', year: 2016, at: { month: 6, day: 15, hour: 10, minute: 11, second: 13 }, host: 'mx1' }
 */
export function sendmailAnchorIn(text: string, zone: string, nearYear: number): Anchor | undefined {
  for (const line of text.split('\n')) {
    const d = datedLine(line, zone, nearYear)
    if (d) return d.anchor
  }
  return undefined
}

/**
 * The Sendmail queue-id anchor of a file (plain or gzip), from its first 64 KiB, or `undefined`.
 *
 * @example
 * await sendmailAnchor('/var/log/maillog', 'UTC', 2026)
 * //=> { kind: 'reference', bound: 'exact', year: 2016, at: { … }, host: 'mx1' }
 */
export async function sendmailAnchor(
  path: string,
  zone: string,
  nearYear: number,
): Promise<Anchor | undefined> {
  if (path === '-') return undefined
  return sendmailAnchorIn(await readFilePart(path, 'head'), zone, nearYear)
}

/**
 * An end bound for the other logs read with a plain Sendmail log (its Postfix or Zimbra
 * neighbours on the same host): none of them ends much later than its last dated queue id.
 * `undefined` for gzip files, stdin and logs without such a line in their last 64 KiB.
 *
 * @example
 * await sendmailEndAnchor('/var/log/maillog', 'UTC', 2026)
 * //=> { kind: 'record', bound: 'notAfter', epochMs: …, note: '/var/log/maillog: last queue id 2016-06-15T10:11:12.000Z' }
 */
export async function sendmailEndAnchor(
  path: string,
  zone: string,
  nearYear: number,
): Promise<Anchor | undefined> {
  if (path === '-') return undefined
  const lines = (await readFilePart(path, 'tail')).split('\n')
  for (let i = lines.length - 1; i >= 0; i--) {
    const d = datedLine(lines[i]!, zone, nearYear)
    if (d)
      return mtimeAnchor(
        d.created + SLACK_MS,
        'record',
        `${path}: last queue id ${new Date(d.created).toISOString()}`,
      )
  }
  return undefined
}
