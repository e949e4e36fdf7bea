/**
 * Per-message detail lines, most of them at `$log_level` 2 and up: decoded MIME parts
 * (`p002 1/2 Content-Type: …`, A211 amavisd:10298-10300), timing and resource reports
 * (`size: N, TIMING […] - …`, `RUSAGE …`, `TIMING-SA …`) and SpamAssassin's verdict
 * (`SPAM-TAG, <s> -> <r>, Yes, score=…`).
 *
 * @module
 */

import type { AmavisPart, AmavisSpamTag, AmavisTiming } from '../events/index.js'
import { build } from '../grammar/build.js'
import { type Base, num, readEnvelope } from './base.js'

const PART = /^(p\d+)(?: (\d+(?:\/\d+)*))?(?: BANNED:(\S+))? (.*)$/
const ENCODINGS: ReadonlySet<string> = new Set([
  '7bit',
  '8bit',
  'base64',
  'QP',
  'binary',
  'quoted-printable',
  'uue',
])

/**
 * Parses a `pNNN` MIME part line.
 *
 * @example
 * parsePart('p002 1/2 Content-Type: image/png, base64, size: 4788, SHA1 digest: d067, name: logo.png', base)
 * //=> { type: 'amavis.part', part: 'p002', path: '1/2', contentType: 'image/png', encoding: 'base64', size: 4788, digest: 'd067', name: 'logo.png', text: 'Content-Type: image/png, base64, size: 4788, SHA1 digest: d067, name: logo.png' }
 */
export function parsePart(text: string, b: Base): AmavisPart | undefined {
  const m = PART.exec(text)
  if (!m) return undefined
  const t = m[4]!
  let contentType: string | undefined
  let encoding: string | undefined
  let size: number | undefined
  let digest: string | undefined
  let name: string | undefined
  if (t.startsWith('Content-Type: ')) {
    const fields = t.slice(14).split(', ')
    contentType = fields[0]
    for (let i = 1; i < fields.length; i++) {
      const f = fields[i]!
      if (ENCODINGS.has(f)) encoding = f
      else if (f.startsWith('size: ')) size = num(f.slice(6).replace(/ B$/, ''))
      else if (f.startsWith('SHA1 digest: ')) digest = f.slice(13)
      else if (f.startsWith('name: ')) {
        name = fields.slice(i).join(', ').slice(6)
        break
      }
    }
  }
  return build(b, 'amavis.part', {
    part: m[1]!,
    path: m[2],
    contentType,
    encoding,
    size,
    digest,
    name: name === '' ? undefined : name,
    banned: m[3],
    text: t,
  })
}

const TIMING = /^(?:size: (\d+), )?(TIMING-SA|TIMING|RUSAGE)\b/

/**
 * Parses a timing/resource-usage line.
 *
 * @example
 * parseTiming('size: 1358, TIMING [total 104 ms, cpu 34 ms] - SMTP greeting: 1.4 (1%)1', base)
 * //=> { type: 'amavis.timing', kind: 'TIMING', size: 1358, total: 104, cpu: 34, text: 'TIMING [total 104 ms, cpu 34 ms] - SMTP greeting: 1.4 (1%)1' }
 */
export function parseTiming(text: string, b: Base): AmavisTiming | undefined {
  const m = TIMING.exec(text)
  if (!m) return undefined
  const rest = m[1] === undefined ? text : text.slice(text.indexOf(', ') + 2)
  return build(b, 'amavis.timing', {
    kind: m[2]!,
    size: num(m[1]),
    total: num(/\btotal (\d+(?:\.\d+)?) ms\b/.exec(rest)?.[1]),
    cpu: num(/\bcpu (\d+(?:\.\d+)?) ms\b/.exec(rest)?.[1]),
    text: rest,
  })
}

const VERDICT = /^, (Yes|No), score=(\S+)/

/**
 * Parses a `SPAM-TAG` line (2.6 also logs `SPAM, …` for scores over the kill level).
 *
 * @example
 * parseSpamTag('SPAM-TAG, <a@b> -> <c@d>, Yes, score=7.1 tagged_above=2 required=6.2 tests=[BAYES_99=3.5, URIBL_BLACK=1.7] autolearn=no', base)
 * //=> { type: 'amavis.spam-tag', from: 'a@b', recipients: ['c@d'], spam: true, score: 7.1, taggedAbove: 2, required: 6.2, tests: ['BAYES_99', 'URIBL_BLACK'], autolearn: 'no' }
 */
export function parseSpamTag(text: string, b: Base): AmavisSpamTag | undefined {
  const env = readEnvelope(text, text.indexOf(', ') + 2)
  if (!env) return undefined
  const rest = text.slice(env.end)
  const v = VERDICT.exec(rest)
  if (!v) return undefined
  // As /\btests=\[([^\]]*)\]/, whose search scans to the end of the line from every `tests=[`
  // when no `]` follows.
  const at = rest.search(/\btests=\[/)
  const close = at < 0 ? -1 : rest.indexOf(']', at + 7)
  const tests = close < 0 ? undefined : rest.slice(at + 7, close)
  return build(b, 'amavis.spam-tag', {
    from: env.from,
    recipients: env.recipients,
    spam: v[1] === 'Yes',
    score: num(v[2]!),
    // 2.6 names them `tag=`, `tag2=` (and `kill=`); 2.7+ `tagged_above=`, `required=`.
    taggedAbove: num(/ (?:tagged_above|tag)=(\S+)/.exec(rest)?.[1]),
    required: num(/ (?:required|tag2)=(\S+)/.exec(rest)?.[1]),
    tests:
      tests === undefined || tests === ''
        ? undefined
        : tests.split(/,\s*/).map((t) => t.replace(/=-?[\d.]+$/, '')),
    autolearn: / autolearn=([^\s,]+)/.exec(rest)?.[1],
  })
}
