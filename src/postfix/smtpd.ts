/**
 * smtpd: sessions, accepted messages, access-check actions, aborted sessions, SASL failures,
 * protocol errors (non-SMTP commands, unparsable addresses).
 * TLS lines of smtpd are read by `tls.ts`; anything else with a severity becomes a diagnostic
 * in `index.ts`.
 *
 * @module
 */

import type { CommandCount, PostfixEvent } from '../events/index.js'
import { begin, build } from '../grammar/build.js'
import { classifier } from '../grammar/classifier.js'
import type { Base } from './base.js'
import {
  findQueuedAs,
  parseEndpoint,
  parseReply,
  parseWhatsup,
  scanEndpoint,
  whatsupStart,
} from './fields.js'

/** Message shapes, most frequent first. */
export const smtpdShapes = {
  connect: 'connect from ',
  disconnect: 'disconnect from ',
  client: 'client=',
  reject: ['reject: ', 'reject_warning: ', 'milter-reject: '],
  lost: ['lost connection after ', 'timeout after ', 'too many errors after '],
  sasl: /[^\s[]*\[[^\]\s]*\](?::\d+)?: SASL [^\s]+ authentication failed/,
  dns: /hostname [^\s]+ does not resolve to address /,
  dnsListed: /[0-9A-Fa-f.:]+: address not listed for hostname /,
  proxy: ['proxy-reject: ', 'proxy-accept: '],
  action:
    /(?:warn|hold|discard|filter|redirect|bcc|prepend|milter-discard|milter-hold|[a-z_-]+): [A-Z-]+ from /,
  pipelining: 'improper command pipelining after ',
  ehlo: 'discarding EHLO keywords: ',
  nonSmtp: 'non-SMTP command from ',
  illegal: 'Illegal address syntax from ',
} as const

const shape = classifier(smtpdShapes)

/** A command name: letters, digits and `-` (`ehlo`, `starttls`, `xclient`, …), never `__proto__`. */
function isWord(s: string): boolean {
  if (s.length === 0) return false
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i)
    if (!((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 45)) return false
  }
  return true
}

/**
 * `disconnect from h[ip] ehlo=1 mail=1 rcpt=0/1 data=0/1 quit=1 commands=3/5` (`smtpd.c:6535`);
 * counters come in the order the server defines, `n` meaning `n/n`.
 */
function disconnect(body: string, b: Base): PostfixEvent | undefined {
  const scan = scanEndpoint(body, 16)
  if (!scan) return undefined
  // A plain object: names are checked to be words (smtpd's command table), so no `__proto__`
  // can reach it, and it stays a fast-mode object (null-prototype ones start as dictionaries,
  // several times the size, on one of the most frequent lines).
  const counts: Record<string, CommandCount> = {}
  let commands: CommandCount | undefined
  // ` name=ok[/total]` items (smtpd.c smtpd_format_cmd_stats), scanned by hand: this is one of
  // the most frequent lines.
  const n = body.length
  let i = scan.end
  while (i < n) {
    if (body.charCodeAt(i) !== 32) return undefined
    const eq = body.indexOf('=', i + 1)
    if (eq < 0) return undefined
    const name = body.slice(i + 1, eq)
    if (!isWord(name)) return undefined
    let k = eq + 1
    let ok = 0
    for (let c = body.charCodeAt(k); c >= 48 && c <= 57; c = body.charCodeAt(++k)) ok = ok * 10 + c - 48
    if (k === eq + 1) return undefined
    let total = ok
    if (body.charCodeAt(k) === 47) {
      const from = ++k
      total = 0
      for (let c = body.charCodeAt(k); c >= 48 && c <= 57; c = body.charCodeAt(++k))
        total = total * 10 + c - 48
      if (k === from) return undefined
    }
    if (name === 'commands') commands = { ok, total }
    else counts[name] = { ok, total }
    i = k
  }
  const e = begin(b, 'postfix.smtpd.disconnect')
  e.client = scan.endpoint
  e.counts = counts
  e.commands = commands
  return e
}

/** `QID: client=h[ip], sasl_method=…, sasl_username=…, sasl_sender=…, orig_queue_id=…, orig_client=…` (`smtpd.c:2456`). */
function client(body: string, b: Base): PostfixEvent | undefined {
  const scan = scanEndpoint(body, 7)
  if (!scan) return undefined
  let saslMethod: string | undefined
  let saslUsername: string | undefined
  let saslSender: string | undefined
  let origQueueId: string | undefined
  let origClient: ReturnType<typeof parseEndpoint>
  const rest = body.slice(scan.end)
  // sasl_username may hold ", "; split at the known keys only.
  const re = /, (sasl_method|sasl_username|sasl_sender|orig_queue_id|orig_client)=/g
  const keys: { key: string; at: number; end: number }[] = []
  for (let m = re.exec(rest); m; m = re.exec(rest))
    keys.push({ key: m[1]!, at: m.index, end: m.index + m[0].length })
  if (rest !== '' && keys[0]?.at !== 0) return undefined
  for (let k = 0; k < keys.length; k++) {
    const { key, end } = keys[k]!
    const value = rest.slice(end, keys[k + 1]?.at ?? rest.length)
    if (key === 'sasl_method') saslMethod = value
    else if (key === 'sasl_username') saslUsername = value
    else if (key === 'sasl_sender') saslSender = value
    else if (key === 'orig_queue_id') origQueueId = value
    else origClient = parseEndpoint(value)
  }
  const e = begin(b, 'postfix.smtpd.client')
  e.client = scan.endpoint
  e.saslMethod = saslMethod
  e.saslUsername = saslUsername
  e.saslSender = saslSender
  e.origQueueId = origQueueId
  e.origClient = origClient
  return e
}

/**
 * `reject: RCPT from h[ip]: 554 5.7.1 text; from=<a> to=<b> proto=ESMTP helo=<h>`
 * (`smtpd_check.c:1006-1027` log_whatsup; milter-reject `smtpd.c:1874`). Also the non-rejecting
 * actions (`hold`, `filter`, `redirect` …), whose text is an explanation, not a reply.
 */
function checkLine(body: string, b: Base): PostfixEvent | undefined {
  const colon = body.indexOf(': ')
  const action = body.slice(0, colon)
  const from = body.indexOf(' from ', colon + 2)
  if (from < 0) return undefined
  const stage = body.slice(colon + 2, from)
  const scan = scanEndpoint(body, from + 6)
  if (!scan || body.charCodeAt(scan.end) !== 58) return undefined
  const tailAt = whatsupStart(body)
  const text =
    tailAt > scan.end ? body.slice(scan.end + 2, tailAt) : body.slice(scan.end + 2).replace(/;$/, '')
  const w = tailAt > scan.end ? parseWhatsup(body.slice(tailAt + 2)) : {}
  if (action === 'reject' || action === 'reject_warning' || action === 'milter-reject') {
    return build(b, 'postfix.smtpd.reject', {
      action,
      stage,
      client: scan.endpoint,
      ...parseReply(text),
      ...w,
    })
  }
  return build(b, 'postfix.smtpd.action', { action, stage, client: scan.endpoint, text, ...w })
}

/** `proxy-reject: END-OF-MESSAGE: 554 5.7.0 text; from=<…> …` (`smtpd.c:4012`, no client logged). */
function proxy(body: string, b: Base): PostfixEvent | undefined {
  const colon = body.indexOf(': ', 14)
  if (colon < 0) return undefined
  const stage = body.slice(14, colon)
  const tailAt = whatsupStart(body)
  const replyText = tailAt > colon ? body.slice(colon + 2, tailAt) : body.slice(colon + 2).replace(/;$/, '')
  const w = tailAt > colon ? parseWhatsup(body.slice(tailAt + 2)) : {}
  const reply = parseReply(replyText)
  if (body.startsWith('proxy-accept')) {
    return build(b, 'postfix.smtpd.proxy-accept', {
      stage,
      ...reply,
      queuedAs: findQueuedAs(replyText),
      ...w,
    })
  }
  return build(b, 'postfix.smtpd.reject', { action: 'proxy-reject', stage, ...reply, ...w })
}

const LOST =
  /^(lost connection|timeout|too many errors) after ([^\s]+)(?: \((?:approximately )?(\d+) bytes\))? from /

/** `lost connection after DATA (1234 bytes) from h[ip]` (`smtpd.c:6294-6310`). */
function lost(body: string, b: Base): PostfixEvent | undefined {
  const m = LOST.exec(body)
  if (!m) return undefined
  const scan = scanEndpoint(body, m[0].length)
  if (!scan) return undefined
  return build(b, 'postfix.smtpd.lost-connection', {
    reason: m[1] as 'lost connection' | 'timeout' | 'too many errors',
    after: m[2]!,
    bytes: m[3] === undefined ? undefined : Number(m[3]),
    client: scan.endpoint,
  })
}

/** `warning: h[ip]: SASL LOGIN authentication failed: reason, sasl_username=alice` (`smtpd_sasl_glue.c:351`). */
function sasl(body: string, b: Base): PostfixEvent | undefined {
  const scan = scanEndpoint(body, 0)
  if (!scan) return undefined
  const m = /^(?=.*$): SASL ([^\s]+) authentication failed:? ?(.*?)(?:, sasl_username=(.*))?$/.exec(
    body.slice(scan.end),
  )
  if (!m) return undefined
  return build(b, 'postfix.smtpd.sasl-failed', {
    client: scan.endpoint,
    mechanism: m[1]!,
    reason: m[2]!,
    saslUsername: m[3],
  })
}

/** `warning: hostname x does not resolve to address 192.0.2.1[: reason]` (`smtpd_peer.c:343`). */
function dns(body: string, b: Base): PostfixEvent | undefined {
  const m = /^hostname ([^\s]+) does not resolve to address ([^\s:]+(?::[^\s:]+)*?)(?:: (.*))?$/.exec(body)
  if (!m) return undefined
  return build(b, 'postfix.smtpd.dns-mismatch', { hostname: m[1]!, ip: m[2]!, reason: m[3] })
}

/**
 * Postfix ≤ 2.8: `warning: 192.0.2.1: address not listed for hostname x.example`
 * (`smtpd_peer.c:349` in 2.8.0): the name resolves, but not to the client's address — the check
 * later versions log as `hostname x does not resolve to address 192.0.2.1`.
 */
function dnsListed(body: string, b: Base): PostfixEvent | undefined {
  const at = body.indexOf(': address not listed for hostname ')
  const hostname = body.slice(at + 34)
  if (hostname === '' || hostname.includes(' ')) return undefined
  return build(b, 'postfix.smtpd.dns-mismatch', { hostname, ip: body.slice(0, at), reason: undefined })
}

/** `improper command pipelining after EHLO from h[ip]: QUIT\r\n` (`smtpd.c:5829`). */
function pipelining(body: string, b: Base): PostfixEvent | undefined {
  const from = body.indexOf(' from ', 34)
  if (from < 0) return undefined
  const scan = scanEndpoint(body, from + 6)
  if (!scan) return undefined
  return build(b, 'postfix.smtpd.pipelining', {
    after: body.slice(34, from),
    client: scan.endpoint,
    input: body.slice(scan.end + 2),
  })
}

/** `warning: non-SMTP command from h[ip]: GET / HTTP/1.1` (`smtpd.c:6200`). */
function nonSmtp(body: string, b: Base): PostfixEvent | undefined {
  const scan = scanEndpoint(body, 22)
  if (!scan || !body.startsWith(': ', scan.end)) return undefined
  return build(b, 'postfix.smtpd.non-smtp-command', {
    client: scan.endpoint,
    input: body.slice(scan.end + 2),
  })
}

/** `warning: Illegal address syntax from h[ip] in RCPT command: <a@b@c>` (`smtpd.c:2555`, `:2584`). */
function illegal(body: string, b: Base): PostfixEvent | undefined {
  const scan = scanEndpoint(body, 28)
  if (!scan || !body.startsWith(' in ', scan.end)) return undefined
  const end = body.indexOf(' command: ', scan.end + 4)
  if (end < 0) return undefined
  return build(b, 'postfix.smtpd.illegal-address', {
    client: scan.endpoint,
    stage: body.slice(scan.end + 4, end),
    address: body.slice(end + 10),
  })
}

/**
 * Parses an smtpd message (after the queue-id/severity prefix).
 *
 * @example
 * parseSmtpd('connect from a.example[192.0.2.1]', base)?.type //=> 'postfix.smtpd.connect'
 */
export function parseSmtpd(body: string, b: Base): PostfixEvent | undefined {
  switch (shape(body)) {
    case 'connect': {
      const scan = scanEndpoint(body, 13)
      if (!scan) return undefined
      const e = begin(b, 'postfix.smtpd.connect')
      e.client = scan.endpoint
      return e
    }
    case 'disconnect':
      return disconnect(body, b)
    case 'client':
      return client(body, b)
    case 'reject':
    case 'action':
      return checkLine(body, b)
    case 'lost':
      return lost(body, b)
    case 'sasl':
      return sasl(body, b)
    case 'dns':
      return dns(body, b)
    case 'dnsListed':
      return dnsListed(body, b)
    case 'proxy':
      return proxy(body, b)
    case 'pipelining':
      return pipelining(body, b)
    case 'ehlo':
      return build(b, 'postfix.ehlo-discard', { keywords: body.slice(26).split(' ') })
    case 'nonSmtp':
      return nonSmtp(body, b)
    case 'illegal':
      return illegal(body, b)
    case undefined:
      return undefined
  }
}
