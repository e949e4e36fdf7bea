/**
 * tlsproxy: TLS sessions it terminates for postscreen and smtpd (`tlsproxy/tlsproxy.c:1171`).
 * Its TLS summary lines are read by `tls.ts`.
 *
 * @module
 */

import type { PostfixEvent } from '../events/index.js'
import { build } from '../grammar/build.js'
import type { Base } from './base.js'
import { parseEndpoint } from './fields.js'

/**
 * Parses `CONNECT from [192.0.2.1]:51234` and `DISCONNECT [192.0.2.1]:51234`.
 *
 * @example
 * parseTlsproxy('DISCONNECT [192.0.2.1]:51234', base)?.type //=> 'postfix.tlsproxy.disconnect'
 */
export function parseTlsproxy(body: string, b: Base): PostfixEvent | undefined {
  if (body.startsWith('CONNECT from ')) {
    const client = parseEndpoint(body.slice(13))
    return client && build(b, 'postfix.tlsproxy.connect', { client })
  }
  if (body.startsWith('DISCONNECT ')) {
    const client = parseEndpoint(body.slice(11))
    return client && build(b, 'postfix.tlsproxy.disconnect', { client })
  }
  return undefined
}
