/**
 * OpenDKIM family: syslog lines of the `opendkim` milter (any path to it). A line starting
 * with a queue id is about a message: signed, verified, or an `opendkim.info` note; a line
 * without one is a daemon notice of a known kind (`opendkim.message`) or
 * `opendkim.unrecognized`. The queue id is the MTA's (milter macro `{i}`), so the events join
 * a Postfix or Sendmail transaction by host and queue id.
 *
 * @module
 */

import type { EventBase, OpendkimEvent, OpendkimVerify } from '../events/index.js'
import type { Family } from '../family.js'
import { build } from '../grammar/build.js'
import { classifier } from '../grammar/classifier.js'

type Base = { -readonly [K in keyof EventBase]: EventBase[K] } & { queueId?: string }

/** What OpenDKIM logs for a message whose `{i}` macro it did not get (opendkim.h:56). */
const UNKNOWN_JOBID = '(unknown-jobid)'

/** A queue id: Postfix short (hex) or long, Sendmail (`521De01U008401`); 6–32 letters and digits with a digit. */
const QUEUE_ID = /^[0-9A-Za-z]{6,32}$/

/** Verification outcomes that are the whole text (opendkim.c:9402-9429,13627). */
const VERDICTS: ReadonlyMap<string, OpendkimVerify['result']> = new Map([
  ['DKIM verification successful', 'successful'],
  ['bad signature data', 'bad-signature'],
  ['no signature data', 'no-signature'],
] as const)

/** Lines with fields, told by their start (opendkim.c:9133-9139,9494-9547,14972-14974). */
const shapes = classifier({
  keyRetrieval: 'key retrieval failed',
  keyRevoked: 'key revoked (',
  signed: /[\w-]+ field added \(s=/,
  ssl: ['s=', 'SSL '],
})

/** Notices about no message (opendkim.c `syslog(` calls without a job id). */
const informational = classifier({
  info: [
    'OpenDKIM Filter ',
    'configuration reloaded from ',
    'cache: ',
    'exited with status ',
    'terminated with signal ',
    'maximum restart ',
    'message requeueing ',
    "can't ",
    'key ',
    'KeyTable entry ',
    'error ',
    'failed to ',
    'ignoring ',
    'no such ',
    'socket cleanup failed',
    'statistics recording failed',
    'too much header data',
    'using ChangeRootDirectory',
    'verifier mode ',
    'WARNING: ',
    '[parent] ',
    '[child] ',
    /[a-z_]+\(\)/,
  ],
})

/** `(s=sel, d=example.org)` / `s=sel d=example.org` → selector and domain. */
function selectorDomain(s: string, sep: string): { selector: string; domain: string } | undefined {
  if (!s.startsWith('s=')) return undefined
  const d = s.indexOf(`${sep}d=`, 2)
  if (d < 0) return undefined
  return { selector: s.slice(2, d), domain: s.slice(d + sep.length + 2) }
}

/**
 * `key retrieval failed (s=sel1, d=shop.example.net): <error>`, `key retrieval failed: <error>`
 * and `key revoked (s=…, d=…)`; `i` is the end of the words.
 *   key retrieval failed (s=sel1, d=shop.example.net): 'sel1._domainkey…' record not found
 *                       ^ i
 */
function keyFailure(text: string, b: Base, result: OpendkimVerify['result'], i: number): OpendkimEvent {
  if (!text.startsWith(' (', i)) {
    const error = text.startsWith(': ', i) ? text.slice(i + 2) : undefined
    return build(b, 'opendkim.verify', { result, error })
  }
  const open = i + 1
  const close = text.indexOf(')', open)
  const sd = close > 0 ? selectorDomain(text.slice(open + 1, close), ', ') : undefined
  const error = close > 0 && text.startsWith(': ', close + 1) ? text.slice(close + 3) : undefined
  return build(b, 'opendkim.verify', { result, selector: sd?.selector, domain: sd?.domain, error })
}

/** `s=sel d=example.org SSL <error>` or `SSL <error>` (opendkim.c:9133-9139). */
function sslError(text: string, b: Base): OpendkimEvent | undefined {
  const ssl = text.startsWith('SSL ') ? 0 : text.indexOf(' SSL ')
  if (ssl < 0) return undefined
  const sd = ssl > 0 ? selectorDomain(text.slice(0, ssl), ' ') : undefined
  if (ssl > 0 && !sd) return undefined
  const error = text.slice(ssl === 0 ? 4 : ssl + 5)
  return build(b, 'opendkim.verify', {
    result: 'ssl-error',
    selector: sd?.selector,
    domain: sd?.domain,
    error,
  })
}

/** `DKIM-Signature field added (s=mail2025, d=example.org)` (opendkim.c:14972-14974). */
function signed(text: string, b: Base): OpendkimEvent | undefined {
  const field = text.indexOf(' field added (')
  if (!text.endsWith(')')) return undefined
  const sd = selectorDomain(text.slice(field + 14, -1), ', ')
  if (!sd) return undefined
  return build(b, 'opendkim.sign', { header: text.slice(0, field), selector: sd.selector, domain: sd.domain })
}

/** `mail.remote.example [198.51.100.77] not internal` (opendkim.c:12039-12041). */
function notInternal(text: string): { hostname: string; ip: string } | undefined {
  if (!text.endsWith('] not internal')) return undefined
  const open = text.lastIndexOf(' [', text.length - 15)
  if (open < 0) return undefined
  return { hostname: text.slice(0, open), ip: text.slice(open + 2, -14) }
}

/**
 * Parses the text after a queue id.
 *
 * @example
 * parseJob('DKIM verification successful', base) //=> { type: 'opendkim.verify', result: 'successful', … }
 */
export function parseJob(text: string, b: Base): OpendkimEvent {
  const result = VERDICTS.get(text)
  if (result) return build(b, 'opendkim.verify', { result })
  let event: OpendkimEvent | undefined
  switch (shapes(text)) {
    case 'keyRetrieval':
      event = keyFailure(text, b, 'key-retrieval-failed', 20)
      break
    case 'keyRevoked':
      event = keyFailure(text, b, 'key-revoked', 11)
      break
    case 'signed':
      event = signed(text, b)
      break
    case 'ssl':
      event = sslError(text, b)
      break
    case undefined:
      break
  }
  return event ?? build(b, 'opendkim.info', { client: notInternal(text), text })
}

/**
 * The OpenDKIM family.
 *
 * @example
 * opendkimFamily.claim('opendkim')           //=> true
 * opendkimFamily.claim('/usr/sbin/opendkim') //=> true
 * opendkimFamily.claim('opendmarc')          //=> undefined
 */
export const opendkimFamily: Family<true> = {
  name: 'opendkim',
  claim: (program) => (program.slice(program.lastIndexOf('/') + 1) === 'opendkim' ? true : undefined),
  parse(message: string, header: EventBase, raw: string): OpendkimEvent {
    const b = header as Base
    const colon = message.indexOf(': ')
    if (colon > 0) {
      const id = message.slice(0, colon)
      if (id === UNKNOWN_JOBID || (QUEUE_ID.test(id) && /\d/.test(id))) {
        if (id !== UNKNOWN_JOBID) b.queueId = id
        return parseJob(message.slice(colon + 2), b)
      }
    }
    if (message !== '' && informational(message)) return build(b, 'opendkim.message', { text: message })
    return build(b, 'opendkim.unrecognized', { raw, message })
  },
}
