/**
 * SMTP server session ends and read failures: `lost input channel` (`srvrsmtp.c:1654-1658`),
 * `did not issue MAIL/EXPN/VRFY/ETRN` (`srvrsmtp.c:3839-3841`), `timeout waiting for input`
 * (`util.c:1460-1463`, `control.c:283`), and `collect:` errors while reading a message
 * (`collect.c:768`, `collect.c:876-888`). The client is `CurSmtpClient`
 * (`host [addr] (may be forged)`, `srvrsmtp.c:1061`), which may hold spaces, so the fixed
 * words are searched from the end.
 *
 * @module
 */

import type { SendmailEvent } from '../events/index.js'
import { build } from '../grammar/build.js'
import type { Base } from './base.js'
import { parseSendmailPeer, unbracket } from './fields.js'

const LOST = 'lost input channel from '
const NO_COMMAND = ' did not issue MAIL/EXPN/VRFY/ETRN during connection to '
const TIMEOUT = 'timeout waiting for input'

/**
 * `lost input channel from client.example [192.0.2.5] to MTA after rcpt`.
 *
 * @example
 * parseLostInput('lost input channel from [192.0.2.5] to MTA after data', base)
 * //=> { type: 'sendmail.lost-input', …, relay: { hostname: 'unknown', ip: '192.0.2.5' }, relayText: '[192.0.2.5]', daemon: 'MTA', after: 'data' }
 */
export function parseLostInput(body: string, b: Base): SendmailEvent | undefined {
  const after = body.lastIndexOf(' after ')
  const to = after < 0 ? -1 : body.lastIndexOf(' to ', after)
  if (to < LOST.length) return undefined
  const peer = parseSendmailPeer(body.slice(LOST.length, to))
  return build(b, 'sendmail.lost-input', {
    relay: peer.relay,
    relayText: peer.relayText,
    mayBeForged: peer.mayBeForged,
    daemon: body.slice(to + 4, after),
    after: body.slice(after + 7),
  })
}

/**
 * `client.example [192.0.2.5] did not issue MAIL/EXPN/VRFY/ETRN during connection to MTA`.
 *
 * @example
 * parseNoCommand('[192.0.2.5] did not issue MAIL/EXPN/VRFY/ETRN during connection to MTA', base)
 * //=> { type: 'sendmail.no-command', …, relay: { hostname: 'unknown', ip: '192.0.2.5' }, relayText: '[192.0.2.5]', daemon: 'MTA' }
 */
export function parseNoCommand(body: string, b: Base): SendmailEvent | undefined {
  const k = body.indexOf(NO_COMMAND)
  if (k <= 0) return undefined
  const peer = parseSendmailPeer(body.slice(0, k))
  return build(b, 'sendmail.no-command', {
    relay: peer.relay,
    relayText: peer.relayText,
    mayBeForged: peer.mayBeForged,
    daemon: body.slice(k + NO_COMMAND.length),
  })
}

/**
 * `timeout waiting for input from client.example during server cmd read`.
 *
 * @example
 * parseTimeout('timeout waiting for input from mx.example.net. during client DATA status', base)
 * //=> { type: 'sendmail.timeout', …, peer: 'mx.example.net.', during: 'client DATA status' }
 */
export function parseTimeout(body: string, b: Base): SendmailEvent | undefined {
  const rest = body.slice(TIMEOUT.length)
  if (rest.startsWith(' during ')) return build(b, 'sendmail.timeout', { during: rest.slice(8) })
  if (!rest.startsWith(' from ')) return undefined
  const during = rest.lastIndexOf(' during ')
  if (during < 6) return undefined
  return build(b, 'sendmail.timeout', { peer: rest.slice(6, during), during: rest.slice(during + 8) })
}

const COLLECT_FROM =
  /^(?=.*$)collect: (?=(.+?) on connection from )\1 on connection from (.*?), (?:sender|from)=(.*)$/

/**
 * `collect: premature EOM: <why>` and `collect: <problem> on connection from <host>,
 * sender=<a>` (the `usrerr` copy of the latter says `from=`).
 *
 * @example
 * parseCollect('collect: unexpected close on connection from client.example, sender=<a@example.org>', base)
 * //=> { type: 'sendmail.collect', …, problem: 'unexpected close', peer: 'client.example', sender: 'a@example.org' }
 */
export function parseCollect(body: string, b: Base): SendmailEvent | undefined {
  if (body.startsWith('collect: premature EOM: ')) {
    return build(b, 'sendmail.collect', { problem: 'premature EOM', detail: body.slice(24) })
  }
  const m = COLLECT_FROM.exec(body)
  if (m) return build(b, 'sendmail.collect', { problem: m[1]!, peer: m[2]!, sender: unbracket(m[3]!) })
  return build(b, 'sendmail.collect', { problem: body.slice(9) })
}
