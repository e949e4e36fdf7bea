/**
 * The start of a message's processing: the SMTP/LMTP session that received it
 * (`ESMTP [ip]:port /tmpdir: <s> -> <r> SIZE=… BODY=… Received: …`, A211 amavisd:23189-23208)
 * and the check that follows (`Checking: <mail_id> [bank] [ip] <s> -> <r>`, :14395-14400).
 *
 * @module
 */

import type { AmavisChecking, AmavisSmtp } from '../events/index.js'
import { build } from '../grammar/build.js'
import { type Base, num, readEnvelope } from './base.js'

// `ESMTP :10024 /var/lib/amavis/tmp/amavis-…:`, `ESMTP [127.0.0.1]:10024 /…:`, `ESMTP::10024 /…:` (2.6).
const SMTP = /^([A-Z][A-Z/]*?) ?:?(?:\[([^\]]*)\])?:(\d+) (\S+?): </

/**
 * Parses an `ESMTP`/`LMTP` session line.
 *
 * @example
 * parseSmtp('ESMTP :10024 /var/lib/amavis/tmp/amavis-20210110T080003-27886-gKqMuy1h: <a@b> -> <c@d> SIZE=445 BODY=8BITMIME Received: from x', base)
 * //=> { type: 'amavis.smtp', protocol: 'ESMTP', listenPort: 10024, tempDir: '/var/lib/amavis/tmp/amavis-20210110T080003-27886-gKqMuy1h', from: 'a@b', recipients: ['c@d'], size: 445, body: '8BITMIME', received: 'from x' }
 */
export function parseSmtp(text: string, b: Base): AmavisSmtp | undefined {
  const m = SMTP.exec(text)
  if (!m) return undefined
  const env = readEnvelope(text, m[0].length - 1)
  if (!env) return undefined
  const rest = text.slice(env.end)
  const received = rest.indexOf(' Received: ')
  const params = received < 0 ? rest : rest.slice(0, received)
  return build(b, 'amavis.smtp', {
    protocol: m[1]!,
    listenIp: m[2] === '' ? undefined : m[2],
    listenPort: Number(m[3]),
    tempDir: m[4]!,
    from: env.from,
    recipients: env.recipients,
    size: num(/ SIZE=(\d+)/.exec(params)?.[1]),
    body: / BODY=(\S+)/.exec(params)?.[1],
    received: received < 0 ? undefined : rest.slice(received + 11),
  })
}

/**
 * Parses a `Checking:` line.
 *
 * @example
 * parseChecking('Checking: V5iNwvibD8Ch ORIGINATING [192.0.2.44] <a@b> -> <c@d>', base)
 * //=> { type: 'amavis.checking', mailId: 'V5iNwvibD8Ch', policyBanks: ['ORIGINATING'], clientIp: '192.0.2.44', from: 'a@b', recipients: ['c@d'] }
 */
export function parseChecking(text: string, b: Base): AmavisChecking | undefined {
  const sp = text.indexOf(' ', 10)
  const lt = text.indexOf('<', sp)
  if (sp < 0 || lt < 0) return undefined
  let policyBanks: string[] | undefined
  let clientIp: string | undefined
  for (const t of text.slice(sp + 1, lt).split(' ')) {
    if (t === '') continue
    if (t.charCodeAt(0) === 91 && t.charCodeAt(t.length - 1) === 93) clientIp = t.slice(1, -1)
    else if (clientIp === undefined && /^[\w.-]+(?:\/[\w.-]+)*$/.test(t)) policyBanks = t.split('/')
    else return undefined
  }
  const env = readEnvelope(text, lt)
  if (!env) return undefined
  return build(b, 'amavis.checking', {
    mailId: text.slice(10, sp),
    policyBanks,
    clientIp,
    from: env.from,
    recipients: env.recipients,
  })
}
