/**
 * What every Zimbra grammar shares: the record head a builder gets, the shape of its result,
 * and small readers for context fields and ids.
 *
 * @module
 */

import type { Log4jContext, ZimbraBase, ZimbraEvent, ZimbraSyslogEvent } from '../events/index.js'

/** The fields of a record a builder copies: everything but `exception` and `message`. */
export type Head = Omit<ZimbraBase, 'exception' | 'message'>

/** Zimbra events built from a log4j record (all but `zimbra.unrecognized` and the syslog programs'). */
export type RecordEvent = Exclude<ZimbraEvent, { type: 'zimbra.unrecognized' } | ZimbraSyslogEvent>

/** What a builder returns: the `type` and the fields specific to it. */
export type Fields = {
  [K in RecordEvent['type']]: { readonly type: K } & Omit<Extract<RecordEvent, { type: K }>, keyof ZimbraBase>
}[RecordEvent['type']]

/** A message grammar: first-line text (after `category - `) to fields, or `undefined`. */
export type Builder = (text: string, head: Head) => Fields | undefined

/**
 * The client of a record: the first address of `oip` (a proxy's `X-Forwarded-For` list, e.g.
 * `198.51.100.7, 10.0.0.1`) or else `ip` (RemoteIP.java:143-151).
 *
 * @example
 * clientIp({ oip: '198.51.100.7, 10.0.0.1', ip: '10.0.0.3' }) //=> '198.51.100.7'
 */
export function clientIp(context: Log4jContext): string | undefined {
  const oip = context.oip
  if (oip !== undefined && oip !== '') {
    const comma = oip.indexOf(',')
    return comma < 0 ? oip : oip.slice(0, comma)
  }
  return context.ip === '' ? undefined : context.ip
}

/** A decimal integer (may be negative), or `undefined`. */
export function int(s: string | undefined): number | undefined {
  if (s === undefined || !/^-?\d{1,15}$/.test(s)) return undefined
  return Number(s)
}

/** Strips one pair of angle brackets: `<a@b>` → `a@b`. */
export function unbracket(s: string): string {
  return s.charCodeAt(0) === 60 && s.charCodeAt(s.length - 1) === 62 ? s.slice(1, -1) : s
}

/** Comma-separated decimal ids (`257,258`), or `undefined` when one is not a number. */
export function ids(s: string): number[] | undefined {
  const out: number[] = []
  for (const part of s.split(',')) {
    const n = int(part.trim())
    if (n === undefined) return undefined
    out.push(n)
  }
  return out
}

/** Account name and mailbox id from the context (`name`, `mid`). */
export function owner(h: Head): { account?: string; mailboxId?: number } {
  return { account: h.context.name, mailboxId: int(h.context.mid) }
}
