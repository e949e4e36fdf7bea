/**
 * Year evidence from log4j files (Zimbra mailbox.log, audit.log) for the syslog files read with
 * them: their records carry full dates, so the last record of a mailbox.log bounds the year of
 * the zimbra.log it was rotated with. Read from the file's tail; gzip files are skipped (their
 * rotated names carry the date already).
 *
 * @module
 */

import { looksLikeLog4j } from '../envelope/log4j.js'
import { scanLog4jStamp } from '../envelope/stamp.js'
import { type Anchor, mtimeAnchor } from '../time/anchors.js'
import { createYearResolver } from '../time/clock.js'
import { readFilePart } from './file-part.js'

/** Slack after the last record: logs rotated together may end some days apart. */
const SLACK_MS = 31 * 86_400_000

/**
 * An end bound from the last full-dated record of a plain log4j file, or `undefined` when the
 * file is not log4j, is compressed or cannot be read.
 *
 * @example
 * await log4jEndAnchor('/opt/zimbra/log/mailbox.log', 'Europe/Berlin')
 * //=> { kind: 'record', bound: 'notAfter', epochMs: …, note: '/opt/zimbra/log/mailbox.log: last record 2025-01-02T08:00:00.123+01:00' }
 */
export async function log4jEndAnchor(path: string, zone: string): Promise<Anchor | undefined> {
  if (path === '-' || /\.(gz|bz2|xz|zst)$/.test(path)) return undefined
  try {
    if (!looksLikeLog4j(await readFilePart(path, 'head'))) return undefined
    const lines = (await readFilePart(path, 'tail')).split('\n')
    const resolve = createYearResolver(zone)
    for (let i = lines.length - 1; i >= 0; i--) {
      const line = lines[i]!
      if (!looksLikeLog4j(line)) continue
      const scan = scanLog4jStamp(line, 0)
      const iso = scan && resolve(scan.parts)
      if (iso) return mtimeAnchor(Date.parse(iso) + SLACK_MS, 'record', `${path}: last record ${iso}`)
    }
  } catch {
    // Unreadable files are reported when they are opened.
  }
  return undefined
}
