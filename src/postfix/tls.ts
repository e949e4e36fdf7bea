/**
 * TLS session lines, shared by smtpd, smtp, lmtp and tlsproxy (`tls/tls_misc.c:1398-1450`
 * `tls_log_summary`), and the TLS set-up messages around them.
 *
 * @module
 */

import type { PostfixEvent } from '../events/index.js'
import { begin, build } from '../grammar/build.js'
import { classifier } from '../grammar/classifier.js'
import type { Base } from './base.js'
import { findEndpoint, scanEndpoint } from './fields.js'

/** Message shapes. */
export const tlsShapes = {
  connection: /(?:Anonymous|Untrusted|Trusted|Verified) TLS connection (?:established|reused) (?:from|to) /,
  note: [
    'setting up TLS connection ',
    'SSL_accept error ',
    'SSL_connect error ',
    'SSL_shutdown error ',
    'TLS library problem',
    'certificate verification failed for ',
    'server certificate verification failed for ',
    'Cannot start TLS',
    'TLS handshake failed',
    'TLS is required, but ',
    'TLS is required, ',
    'SMTPUTF8 is required, ',
    'cannot load ',
    'no certificate file ',
    'peer verification ',
  ],
} as const

const shape = classifier(tlsShapes)

const SUMMARY = /^: ([^\s]+) with cipher ([^\s]+) \((\d+)\/(\d+) bits\)(?: (.*))?$/

/** `Trusted TLS connection established to mx[ip]:25: TLSv1.3 with cipher X (256/256 bits) key-exchange …`. */
function connection(body: string, b: Base): PostfixEvent | undefined {
  const sp1 = body.indexOf(' ')
  const trust = body.slice(0, sp1)
  const reused = body.startsWith('reused', sp1 + 16)
  const dirAt = sp1 + 16 + (reused ? 7 : 12)
  const direction = body.startsWith('from ', dirAt) ? 'from' : 'to'
  const scan = scanEndpoint(body, dirAt + direction.length + 1)
  if (!scan) return undefined
  let end = scan.end
  let sni: string | undefined
  if (body.startsWith(' to ', end)) {
    const colon = body.indexOf(': ', end + 4)
    if (colon < 0) return undefined
    sni = body.slice(end + 4, colon)
    end = colon
  }
  const m = SUMMARY.exec(body.slice(end))
  if (!m) return undefined
  // One of the most frequent lines: named stores (see grammar/build.ts), in the event's key order.
  const e = begin(b, 'postfix.tls.connection')
  e.trust = trust
  e.reused = reused
  e.direction = direction
  e.peer = scan.endpoint
  e.sni = sni
  e.protocol = m[1]!
  e.cipher = m[2]!
  e.bits = Number(m[3])
  e.algBits = Number(m[4])
  e.details = m[5]
  return e
}

/**
 * Parses a TLS line of any daemon, or returns `undefined`.
 *
 * @example
 * parseTls('Anonymous TLS connection established from a[192.0.2.1]: TLSv1.3 with cipher TLS_AES_256_GCM_SHA384 (256/256 bits)', base)?.type //=> 'postfix.tls.connection'
 */
export function parseTls(body: string, b: Base): PostfixEvent | undefined {
  switch (shape(body)) {
    case 'connection':
      return connection(body, b)
    case 'note':
      return build(b, 'postfix.tls.note', { peer: findEndpoint(body), text: body })
    case undefined:
      return undefined
  }
}
