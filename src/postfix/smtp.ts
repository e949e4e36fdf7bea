/**
 * smtp and lmtp clients: delivery attempts plus the non-final lines that explain them —
 * `host X said: …` (`smtp/smtp_trouble.c:254`), `connect to X: reason`
 * (`smtp/smtp_connect.c:1303`), `lost connection with X while …`, `conversation with X timed
 * out while …` (`smtp_trouble.c:475-483`), PIX workarounds (`smtp_proto.c:424`). TLS lines
 * go to `tls.ts`.
 *
 * @module
 */

import type { PostfixEvent } from '../events/index.js'
import { build } from '../grammar/build.js'
import { classifier } from '../grammar/classifier.js'
import type { Base } from './base.js'
import { parseDelivery } from './delivery.js'
import { scanEndpoint } from './fields.js'
import { parseTls } from './tls.js'

/** Message shapes, most frequent first. */
export const smtpShapes = {
  delivery: 'to=<',
  host: 'host ',
  connect: 'connect to ',
  lost: ['lost connection with ', 'conversation with '],
  pix: 'enabling PIX workarounds: ',
  ehlo: 'discarding EHLO keywords: ',
  sasl: 'SASL authentication failed; server ',
} as const

const shape = classifier(smtpShapes)

const HOST = /^ (said|refused to talk to me): ?/

/** `host mx[ip] said: 451 … (in reply to RCPT TO command)`. */
function host(body: string, b: Base): PostfixEvent | undefined {
  const scan = scanEndpoint(body, 5)
  if (!scan) return undefined
  const m = HOST.exec(body.slice(scan.end, scan.end + 25))
  if (!m) return undefined
  return build(b, 'postfix.smtp.host-said', {
    kind: m[1]!,
    peer: scan.endpoint,
    text: body.slice(scan.end + m[0].length),
  })
}

/** `lost connection with mx[ip] while …` · `conversation with mx[ip] timed out while …`. */
function lost(body: string, b: Base): PostfixEvent | undefined {
  const lostConnection = body.charCodeAt(0) === 108
  const scan = scanEndpoint(body, lostConnection ? 21 : 18)
  if (!scan) return undefined
  let rest = body.slice(scan.end + 1)
  let kind = 'lost connection'
  if (!lostConnection) {
    if (!rest.startsWith('timed out ')) return undefined
    kind = 'timed out'
    rest = rest.slice(10)
  }
  return build(b, 'postfix.smtp.host-said', { kind, peer: scan.endpoint, text: rest })
}

/**
 * Parses an smtp/lmtp message.
 *
 * @example
 * parseSmtp('connect to mx.example[198.51.100.7]:25: Connection refused', base)?.type //=> 'postfix.smtp.connect-error'
 */
export function parseSmtp(body: string, b: Base): PostfixEvent | undefined {
  switch (shape(body)) {
    case 'delivery':
      return parseDelivery(body, b)
    case 'host':
      return host(body, b)
    case 'connect': {
      const scan = scanEndpoint(body, 11)
      if (!scan || body.charCodeAt(scan.end) !== 58) return undefined
      return build(b, 'postfix.smtp.connect-error', { peer: scan.endpoint, reason: body.slice(scan.end + 2) })
    }
    case 'lost':
      return lost(body, b)
    case 'pix': {
      const at = body.lastIndexOf(' for ')
      const scan = at < 0 ? undefined : scanEndpoint(body, at + 5)
      return scan && build(b, 'postfix.smtp.pix', { workarounds: body.slice(26, at), peer: scan.endpoint })
    }
    case 'sasl': {
      // `SASL authentication failed; server mx[ip] said: 535 …` (smtp/smtp_sasl_proto.c)
      const scan = scanEndpoint(body, 34)
      if (!scan || !body.startsWith(' said: ', scan.end)) return undefined
      return build(b, 'postfix.smtp.host-said', {
        kind: 'SASL authentication failed',
        peer: scan.endpoint,
        text: body.slice(scan.end + 7),
      })
    }
    case 'ehlo':
      return build(b, 'postfix.ehlo-discard', { keywords: body.slice(26).split(' ') })
    case undefined:
      return parseTls(body, b)
  }
}
