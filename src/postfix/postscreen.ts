/**
 * postscreen: connection screening verdicts (`postscreen/postscreen*.c`). Its reject tail is
 * comma-separated (`from=<a>, to=<b>, proto=ESMTP, helo=<h>`), unlike smtpd's.
 *
 * @module
 */

import type { PostfixEvent } from '../events/index.js'
import { begin, build } from '../grammar/build.js'
import { classifier } from '../grammar/classifier.js'
import type { Base } from './base.js'
import { parseCacheCleanup } from './cache.js'
import { parseReply, parseWhatsup, scanEndpoint, whatsupStart } from './fields.js'

/** Message shapes, most frequent first. */
export const postscreenShapes = {
  connect: 'CONNECT from ',
  disconnect: 'DISCONNECT ',
  pass: ['PASS NEW ', 'PASS OLD '],
  dnsbl: 'DNSBL rank ',
  listed: ['ALLOWLISTED ', 'DENYLISTED ', 'WHITELISTED ', 'BLACKLISTED '],
  reject: 'reject: ',
  pregreet: 'PREGREET ',
  hangup: 'HANGUP after ',
  violation: [
    'COMMAND PIPELINING from ',
    'NON-SMTP COMMAND from ',
    'BARE NEWLINE from ',
    'COMMAND TIME LIMIT from ',
    'COMMAND COUNT LIMIT from ',
    'COMMAND LENGTH LIMIT from ',
    'DATA without valid RCPT from ',
    'BDAT without valid RCPT from ',
  ],
  veto: ['ALLOWLIST VETO ', 'WHITELIST VETO '],
  cache: 'cache ',
} as const

const shape = classifier(postscreenShapes)

/** The endpoint that makes up the whole rest of the message from `i`. */
function endpointRest(body: string, i: number) {
  const scan = scanEndpoint(body, i)
  return scan && scan.end === body.length ? scan.endpoint : undefined
}

function connect(body: string, b: Base): PostfixEvent | undefined {
  const scan = scanEndpoint(body, 13)
  if (!scan) return undefined
  const server = body.startsWith(' to ', scan.end) ? scanEndpoint(body, scan.end + 4)?.endpoint : undefined
  const e = begin(b, 'postfix.postscreen.connect')
  e.client = scan.endpoint
  e.server = server
  return e
}

function reject(body: string, b: Base): PostfixEvent | undefined {
  const from = body.indexOf(' from ', 8)
  if (from < 0) return undefined
  const scan = scanEndpoint(body, from + 6)
  if (!scan || body.charCodeAt(scan.end) !== 58) return undefined
  const tailAt = whatsupStart(body)
  const text = tailAt > scan.end ? body.slice(scan.end + 2, tailAt) : body.slice(scan.end + 2)
  return build(b, 'postfix.postscreen.reject', {
    stage: body.slice(8, from),
    client: scan.endpoint,
    ...parseReply(text),
    ...(tailAt > scan.end ? parseWhatsup(body.slice(tailAt + 2)) : {}),
  })
}

const PREGREET = /^PREGREET (\d+) after ([\d.]+) from /
const HANGUP = /^HANGUP after ([\d.]+) from /

/**
 * Parses a postscreen message.
 *
 * @example
 * parsePostscreen('PASS NEW [192.0.2.1]:51234', base) //=> { type: 'postfix.postscreen.pass', …, kind: 'NEW', client: { hostname: '', ip: '192.0.2.1', port: 51234 } }
 */
export function parsePostscreen(body: string, b: Base): PostfixEvent | undefined {
  switch (shape(body)) {
    case 'connect':
      return connect(body, b)
    case 'disconnect': {
      const client = endpointRest(body, 11)
      return client && build(b, 'postfix.postscreen.disconnect', { client })
    }
    case 'pass': {
      const client = endpointRest(body, 9)
      if (!client) return undefined
      const e = begin(b, 'postfix.postscreen.pass')
      e.kind = body.slice(5, 8) as 'NEW' | 'OLD'
      e.client = client
      return e
    }
    case 'dnsbl': {
      const m = /^DNSBL rank (-?\d+) for /.exec(body)
      const client = m && endpointRest(body, m[0].length)
      return client ? build(b, 'postfix.postscreen.dnsbl', { rank: Number(m[1]), client }) : undefined
    }
    case 'listed': {
      const sp = body.indexOf(' ')
      const client = endpointRest(body, sp + 1)
      const list = body.slice(0, sp) as 'ALLOWLISTED' | 'DENYLISTED' | 'WHITELISTED' | 'BLACKLISTED'
      return client && build(b, 'postfix.postscreen.listed', { list, client })
    }
    case 'reject':
      return reject(body, b)
    case 'pregreet': {
      const m = PREGREET.exec(body)
      const scan = m && scanEndpoint(body, m[0].length)
      if (!m || !scan) return undefined
      return build(b, 'postfix.postscreen.pregreet', {
        bytes: Number(m[1]),
        after: Number(m[2]),
        client: scan.endpoint,
        input: body.slice(scan.end + 2),
      })
    }
    case 'hangup': {
      const m = HANGUP.exec(body)
      const scan = m && scanEndpoint(body, m[0].length)
      if (!m || !scan) return undefined
      const stage = body.startsWith(' in ', scan.end) ? body.slice(scan.end + 4) : body.slice(scan.end).trim()
      return build(b, 'postfix.postscreen.hangup', { after: Number(m[1]), client: scan.endpoint, stage })
    }
    case 'violation': {
      const from = body.indexOf(' from ')
      const scan = scanEndpoint(body, from + 6)
      if (!scan) return undefined
      const detail = body.slice(scan.end).trim()
      return build(b, 'postfix.postscreen.violation', {
        test: body.slice(0, from),
        client: scan.endpoint,
        detail: detail === '' ? undefined : detail,
      })
    }
    case 'veto': {
      const client = endpointRest(body, body.indexOf('VETO ') + 5)
      return client && build(b, 'postfix.postscreen.veto', { client })
    }
    case 'cache':
      return parseCacheCleanup(body, b)
    case undefined:
      return undefined
  }
}
