/**
 * Error reports of `err.c`: system errors (`SYSERR(user): text`, `err.c:214-217`;
 * `SYSERR: putoutmsg …`, `err.c:756`) and user errors logged with `LogUsrErrs`
 * (`err.c:339`, `err.c:427`), whose text `fmtmsg` prefixes with the address it is about:
 * `<nobody@example.org>... User unknown` (`err.c:1056-1064` fmtmsg, `SM_ADDR_DELIM` `err.c:921`).
 *
 * @module
 */

import type { SendmailEvent } from '../events/index.js'
import { build } from '../grammar/build.js'
import type { Base } from './base.js'
import { unbracket } from './fields.js'

/**
 * Parses `SYSERR(user): text` and `SYSERR: text`.
 *
 * @example
 * parseSyserr('SYSERR(root): savemail: cannot save rejected email anywhere', base)
 * //=> { type: 'sendmail.syserr', …, user: 'root', text: 'savemail: cannot save rejected email anywhere' }
 */
export function parseSyserr(body: string, b: Base): SendmailEvent | undefined {
  if (body.startsWith('SYSERR: ')) return build(b, 'sendmail.syserr', { text: body.slice(8) })
  const close = body.indexOf('): ', 7)
  if (body.charCodeAt(6) !== 40 || close < 0) return undefined
  return build(b, 'sendmail.syserr', { user: body.slice(7, close), text: body.slice(close + 3) })
}

/**
 * Parses `address... text`, or returns `undefined` when the body has no `... ` after a
 * space-free address.
 *
 * @example
 * parseUserError('<nobody@example.org>... User unknown', base)
 * //=> { type: 'sendmail.user-error', …, address: 'nobody@example.org', text: 'User unknown' }
 */
export function parseUserError(body: string, b: Base): SendmailEvent | undefined {
  const dots = body.indexOf('... ')
  if (dots <= 0) return undefined
  const address = body.slice(0, dots)
  // Quoted local parts may hold spaces; a bare address may not.
  if (address.charCodeAt(0) !== 60 && address.indexOf(' ') >= 0) return undefined
  if (address.charCodeAt(0) === 60 && address.charCodeAt(address.length - 1) !== 62) return undefined
  return build(b, 'sendmail.user-error', { address: unbracket(address), text: body.slice(dots + 4) })
}
