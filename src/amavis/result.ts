/**
 * The main amavis line, `$log_templ` / `$log_short_templ` (A211 amavisd:34684-34728):
 *
 * ```
 * Passed CLEAN {RelayedInbound}, [192.0.2.1]:40214 [192.0.2.1] <a@b> -> <c@d>,<e@f>, Queue-ID: 4F1A2B3C01,
 *   Message-ID: <x@y>, mail_id: Ab3dEf6hIj9k, Hits: -1.2, size: 2413, queued_as: 5A6B7C8D90, 312 ms
 * ```
 *
 * Version drift: 2.7+ add `{actions}`, `[ip]:port`, `Queue-ID:` and `dkim_sd=`/`dkim_new=`
 * (RN 4141-4153,4197-4224); 2.6 has `[ip] [origin]` and `dkim_id=` (A266 :25019-25047); 2.2–2.3
 * may log `Passed,` with no category. The head (disposition, category, actions, client part,
 * envelope) is read by hand; the `, Key: value` tail with a moo lexer whose rules are the
 * template's keywords and whose fallback is the value text — values contain `, ` themselves
 * (`INFECTED (V1, V2)`, `quarantine: q1, q2`, `dkim_sd=a:b,c:d`), so the tail is not split on
 * commas. A keyword that comes out of template order, or inside a Message-ID's `<…>`, is read as
 * value text.
 *
 * @module
 */

import moo from 'moo'
import type { AmavisAddress, AmavisResult } from '../events/index.js'
import { build } from '../grammar/build.js'
import { type Base, num, readEnvelope, unbracket } from './base.js'

/** Tail keywords in template order (A211 amavisd:34689-34706). */
export const tailRules = {
  quarantine: ', quarantine: ',
  queueId: ', Queue-ID: ',
  messageId: ', Message-ID: ',
  resentMessageId: ', Resent-Message-ID: ',
  mailId: ', mail_id: ',
  hits: ', Hits: ',
  size: ', size: ',
  pt: ', pt: ',
  queuedAs: ', queued_as: ',
  dkimId: ', dkim_id=',
  dkimSd: ', dkim_sd=',
  dkimNew: ', dkim_new=',
  elapsed: /, \d+ ms$/,
  text: moo.fallback,
} as const

type TailKey = Exclude<keyof typeof tailRules, 'text'>

const ORDER: Readonly<Record<TailKey, number>> = {
  quarantine: 0,
  queueId: 1,
  messageId: 2,
  resentMessageId: 3,
  mailId: 4,
  hits: 5,
  size: 6,
  pt: 7,
  queuedAs: 8,
  dkimId: 9,
  dkimSd: 10,
  dkimNew: 11,
  elapsed: 12,
}

const tail = moo.compile(tailRules as unknown as moo.Rules)

// `Passed CLEAN {RelayedInbound}, `, `Blocked INFECTED (Eicar-Signature) {DiscardedInbound,Quarantined}, `,
// `Blocked BAD-HEADER-3 {…}, `, `Passed, ` (2.2). The detail may hold one level of nested parens.
const HEAD =
  /^(Passed|Blocked|Not-Delivered)(?: ([A-Z][A-Z0-9-]*))?(?: \(((?:[^()]|\([^()]*\))*)\))?(?: \{([^{}]*)\})?, /

/** Reads `[192.0.2.1]:40214` / `[2001:db8::1]`. */
function address(token: string): AmavisAddress | undefined {
  const close = token.indexOf(']')
  if (token.charCodeAt(0) !== 91 || close < 0) return undefined
  const ip = token.slice(1, close)
  if (close === token.length - 1) return { ip }
  if (token.charCodeAt(close + 1) !== 58) return undefined
  const port = num(token.slice(close + 2))
  return port === undefined ? undefined : { ip, port }
}

interface ClientPart {
  policyBanks?: string[]
  local?: true
  client?: AmavisAddress
  origin?: string
}

/** Reads the tokens between the head and the sender: `MYNETS LOCAL [ip]:port [origin]`. */
function clientPart(tokens: readonly string[]): ClientPart | undefined {
  const out: ClientPart = {}
  let addresses = 0
  for (const t of tokens) {
    if (t === '') continue
    if (t.charCodeAt(0) === 91) {
      const a = address(t)
      if (!a) return undefined
      if (addresses === 0) out.client = a
      else out.origin = a.ip
      addresses++
    } else if (t === 'LOCAL') out.local = true
    else if (/^[\w.-]+(?:\/[\w.-]+)*$/.test(t) && addresses === 0) out.policyBanks = t.split('/')
    else return undefined
  }
  return out
}

function list(s: string): string[] {
  return s === '' ? [] : s.split(', ')
}

/**
 * Parses a `Passed`/`Blocked` line (text after the log id).
 *
 * @example
 * parseResult('Passed CLEAN {RelayedInbound}, [192.0.2.1]:40214 [192.0.2.1] <a@b> -> <c@d>, Queue-ID: 4F1A2B3C01, Message-ID: <x@y>, mail_id: Ab3dEf6hIj9k, Hits: -1.2, size: 2413, queued_as: 5A6B7C8D90, 312 ms', base)
 * //=> { type: 'amavis.result', disposition: 'Passed', category: 'CLEAN', actions: ['RelayedInbound'], client: { ip: '192.0.2.1', port: 40214 }, origin: '192.0.2.1', from: 'a@b', recipients: ['c@d'], queueId: '4F1A2B3C01', messageId: 'x@y', mailId: 'Ab3dEf6hIj9k', hits: -1.2, size: 2413, queuedAs: ['5A6B7C8D90'], elapsed: 312 }
 */
export function parseResult(text: string, b: Base): AmavisResult | undefined {
  const head = HEAD.exec(text)
  if (!head) return undefined
  const start = head[0].length
  // The sender starts after the client part (`[ip]:port [origin] `, banks, `LOCAL`).
  let lt = text.indexOf('<', start)
  if (lt < 0) {
    const arrow = text.indexOf(' -> ', start)
    if (arrow < 0) return undefined
    lt = text.lastIndexOf(' ', arrow - 1) + 1
    if (lt <= start) lt = start
  }
  const client = clientPart(text.slice(start, lt).split(' '))
  if (!client) return undefined
  const env = readEnvelope(text, lt)
  if (!env) return undefined
  const values: Partial<Record<TailKey, string>> = {}
  let key: TailKey | undefined
  let last = -1
  let stray = false
  // Read every token, never leave the loop early: moo 0.5's reset() does not clear a token it
  // queued after fallback text (`queuedGroup`), which would leak into the next line.
  tail.reset(text.slice(env.end))
  for (let t = tail.next(); t !== undefined; t = tail.next()) {
    const open = key !== undefined && values[key]!.charCodeAt(0) === 60 && !values[key]!.includes('>')
    if (
      t.type === 'text' ||
      (t.type !== 'elapsed' && ORDER[t.type as TailKey] <= last) ||
      (open && (key === 'messageId' || key === 'resentMessageId'))
    ) {
      // value text, a keyword out of template order, or one inside a `<…>` Message-ID (all value text)
      if (key === undefined) stray = true
      else values[key] = (values[key] ?? '') + t.value
      continue
    }
    key = t.type as TailKey
    last = ORDER[key]
    values[key] = key === 'elapsed' ? t.value.slice(2, -3) : ''
  }
  if (stray) return undefined
  const hits = values.hits
  const range = hits?.indexOf('..') ?? -1
  const dkim = values.dkimSd ?? values.dkimId
  return build(b, 'amavis.result', {
    disposition: head[1]!,
    category: head[2],
    details: head[3] === undefined ? undefined : list(head[3]),
    actions: head[4] === undefined ? undefined : head[4].split(','),
    policyBanks: client.policyBanks,
    local: client.local,
    client: client.client,
    origin: client.origin,
    from: env.from,
    recipients: env.recipients,
    quarantine: values.quarantine === undefined ? undefined : list(values.quarantine),
    queueId: values.queueId,
    messageId: values.messageId === undefined ? undefined : unbracket(values.messageId),
    resentMessageId: values.resentMessageId === undefined ? undefined : unbracket(values.resentMessageId),
    mailId: values.mailId,
    hits: range < 0 ? num(hits) : num(hits!.slice(0, range)),
    hitsMax: range < 0 ? undefined : num(hits!.slice(range + 2)),
    size: num(values.size),
    pt: values.pt,
    queuedAs: values.queuedAs === undefined ? undefined : values.queuedAs.split('/'),
    dkimSignatures: dkim === undefined ? undefined : dkim.split(','),
    dkimNew: values.dkimNew === undefined ? undefined : values.dkimNew.split(','),
    elapsed: num(values.elapsed),
  })
}
