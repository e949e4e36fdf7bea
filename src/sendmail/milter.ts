/**
 * Milter lines (`milter.c`, `srvrsmtp.c:720-790`, `srvrsmtp.c:4060-4261`): verdicts of one
 * filter (`milter=clamav, action=data, reject=…`, `milter=clamav, quarantine=…`), the
 * summary verdict per SMTP stage (`Milter: data, reject=…`, `Milter: from=<a>, discard`,
 * `Milter: connect: host=…, addr=…, shutdown`), header and recipient changes
 * (`Milter (name) add: header: …`; 8.13 `Milter add: header: …`) and filter state
 * (`Milter (name): init success to negotiate`, `milter_read(name): …`). All become
 * `sendmail.milter`; the verdict, stage and reply are pulled out when the line carries them.
 *
 * @module
 */

import type { Reply, SendmailEvent } from '../events/index.js'
import { build } from '../grammar/build.js'
import { parseReply } from '../postfix/fields.js'
import type { Base } from './base.js'

type Action = 'reject' | 'discard' | 'tempfail' | 'accept' | 'continue' | 'skip' | 'quarantine' | 'shutdown'

/** Verdicts written as a `, word` suffix. */
const SUFFIX: readonly (readonly [string, Action])[] = [
  [', reject', 'reject'],
  [', discard', 'discard'],
  [', tempfail', 'tempfail'],
  [', accepted', 'accept'],
  [', continue', 'continue'],
  [', skip', 'skip'],
  [', shutdown', 'shutdown'],
  [', rejecting commands', 'reject'],
  [', temp failing commands', 'tempfail'],
]

/** Verdicts written as `, word=value`. */
const VALUED: readonly (readonly [string, Action])[] = [
  ['reject=', 'reject'],
  ['quarantine=', 'quarantine'],
  ['shutdown=', 'shutdown'],
  ['temp failing commands=', 'tempfail'],
]

interface Verdict {
  stage?: string
  action?: Action
  reply?: Reply
  quarantine?: string
}

/** Splits `stage, verdict` (the stage may be empty: `reject=…` alone). */
function verdict(s: string): Verdict {
  for (const [word, action] of VALUED) {
    const at = s.startsWith(word) ? 0 : s.indexOf(`, ${word}`)
    if (at < 0) continue
    const valueAt = at === 0 ? word.length : at + 2 + word.length
    const value = s.slice(valueAt)
    const stage = at === 0 ? undefined : s.slice(0, at)
    if (action === 'quarantine') return { stage, action, quarantine: value }
    if (action === 'reject')
      return { stage, action, reply: parseReply(value.replace(/, errormode=\d+$/, '')) }
    return { stage, action, reply: parseReply(value) }
  }
  for (const [suffix, action] of SUFFIX) {
    if (s.endsWith(suffix)) {
      const stage = s.slice(0, -suffix.length)
      return stage === '' ? { action } : { stage, action }
    }
  }
  return {}
}

/**
 * Parses a milter line; every line starting with `Milter`, `milter=` or `milter_` is one.
 *
 * @example
 * parseMilter('milter=clamav, action=data, reject=554 5.7.1 Virus found', base)
 * //=> { type: 'sendmail.milter', …, milter: 'clamav', stage: 'data', action: 'reject', reply: { code: 554, dsn: '5.7.1', text: 'Virus found' }, text: 'action=data, reject=554 5.7.1 Virus found' }
 * parseMilter('Milter: data, discard', base)
 * //=> { type: 'sendmail.milter', …, stage: 'data', action: 'discard', text: 'data, discard' }
 */
export function parseMilter(body: string, b: Base): SendmailEvent | undefined {
  let milter: string | undefined
  let text: string
  let v: Verdict = {}
  if (body.startsWith('milter=')) {
    // `milter=NAME, action=ACT, verdict` (milter.c:2130-2185), `milter=NAME, verdict` (4501-4556)
    const comma = body.indexOf(', ', 7)
    if (comma < 0) return undefined
    milter = body.slice(7, comma)
    text = body.slice(comma + 2)
    v = verdict(text)
    if (v.stage?.startsWith('action=')) v.stage = v.stage.slice(7)
  } else if (body.startsWith('Milter (') || body.startsWith('milter_')) {
    // `Milter (NAME): …`, `Milter (NAME) add: …`, `milter_read(NAME): …`
    const open = body.indexOf('(')
    const close = body.indexOf(')', open)
    if (close < 0) return undefined
    milter = body.slice(open + 1, close)
    text = body.startsWith('Milter (') ? body.slice(close + 1).replace(/^:? /, '') : body
  } else if (body.startsWith('Milter: ')) {
    text = body.slice(8)
    v = verdict(text)
  } else {
    // `Milter accept: message`, 8.13 `Milter add: header: …`, `Milter change: …`
    text = body.slice(7)
  }
  return build(b, 'sendmail.milter', {
    milter,
    stage: v.stage,
    action: v.action,
    reply: v.reply,
    quarantine: v.quarantine,
    text,
  })
}
