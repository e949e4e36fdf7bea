#!/usr/bin/env node
/**
 * `npm run bench:pathological`: how the regular expressions that `recheck` calls polynomial
 * behave on the inputs built to make them backtrack, up to the parser's 64 KiB line cap.
 *
 * For every such regex, recheck's attack pattern is scaled to 4, 16 and 64 KiB and `exec` is
 * timed directly; a growth ratio 64K/16K near 4 is linear, near 16 quadratic. Then whole syslog
 * lines that reach the same grammars go through `parseLines` at 64 KiB, and one at 1 MB, which
 * the parser must turn into an `unknown` event (`too-long`) without parsing it.
 *
 * `--json FILE` also writes the rows. Runs `dist/` (built when missing).
 *
 * @module
 */

import { spawnSync } from 'node:child_process'
import { existsSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { checkSync } from 'recheck'
import { asMatched, regexLiterals } from '../scripts/regex-literals.js'

const ROOT = fileURLToPath(new URL('..', import.meta.url))
const SIZES = [4 << 10, 16 << 10, 64 << 10]
const { values: args } = parseArgs({ options: { json: { type: 'string' } } })

if (!existsSync(join(ROOT, 'dist/index.js'))) {
  spawnSync(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json'], {
    cwd: ROOT,
    stdio: 'inherit',
  })
}
const { createParser, parseLines } = await import('../dist/index.js')

/** recheck's attack as a string of about `size` characters: each pump repeated `n + bias` times. */
function attackOf(attack, size) {
  const fixed = attack.pumps.reduce((a, p) => a + p.prefix.length + p.pump.length * p.bias, 0)
  const per = attack.pumps.reduce((a, p) => a + p.pump.length, 0)
  const n = Math.max(1, Math.floor((size - fixed - attack.suffix.length) / per))
  return attack.pumps.map((p) => p.prefix + p.pump.repeat(n + p.bias)).join('') + attack.suffix
}

/** Milliseconds for `f()`: the median of three runs when it is quick, one run otherwise. */
function time(f) {
  const once = () => {
    const t = performance.now()
    f()
    return performance.now() - t
  }
  const first = once()
  if (first > 100) return first
  const more = [first, once(), once()].sort((a, b) => a - b)
  return more[1]
}

const ms = (x) => (x < 10 ? x.toFixed(2) : x.toFixed(0))

// 1. Every polynomial regex on its own attack string.
const rows = []
for (const r of regexLiterals()) {
  const m = asMatched(r)
  const d = checkSync(m.source, m.flags, { timeout: 10_000 })
  if (d.status !== 'vulnerable') continue
  const re = new RegExp(m.source, m.flags)
  const times = []
  for (const size of SIZES) {
    // Past a second, the next size (4× longer) would take minutes: it is estimated instead.
    const last = times.at(-1)
    if (last !== undefined && last > 1000) {
      times.push(last * 4 ** (d.complexity.degree ?? 2))
      continue
    }
    const s = attackOf(d.attack, size)
    times.push(time(() => re.exec(s)))
  }
  rows.push({ where: r.where, complexity: d.complexity.summary, attack: d.attack, times })
}

console.log(`Node ${process.version}; ${rows.length} regexes recheck calls polynomial or exponential\n`)
console.log('| regex | complexity | 4 KiB ms | 16 KiB ms | 64 KiB ms | 64K/16K |')
console.log('|---|---|---:|---:|---:|---:|')
for (const r of rows.sort((a, b) => b.times[2] - a.times[2])) {
  const [a, b, c] = r.times
  const ratio = b > 0.05 ? (c / b).toFixed(1) : '–'
  console.log(`| ${r.where} | ${r.complexity} | ${ms(a)} | ${ms(b)} | ${ms(c)} | ${ratio} |`)
}

// 2. Whole lines through the parser. Each line repeats the pump of an attack recheck found before
// the grammar was made linear, so a regression shows here even when recheck's search misses it.
// U+2028 ends a line for `.` but not for the line splitter: it stands for the `\n` of an attack.
const SYSLOG = 'Mar  1 12:00:00 mx1 '
const ZIMBRA = '2024-03-04 10:15:02,530 INFO  [LmtpServer-7] [name=bob@example.com;ip=10.0.0.2;] '
const AUDIT =
  '2024-03-05 09:00:01,000 INFO  [qtp1-231:https://mail.example.com/service/soap/AuthRequest] [oip=203.0.113.66;] '
const IMAP = '2024-03-04 10:22:05,310 INFO  [ImapServer-40] [ip=10.0.0.3;oip=203.0.113.50;] '
const LINES = [
  ['postfix cleanup check', `${SYSLOG}postfix/cleanup[1]: 3F4A92C1B: reject: header x`, ' from ; to=<=', ''],
  [
    'postfix cleanup check, U+2028',
    `${SYSLOG}postfix/cleanup[1]: 3F4A92C1B: reject: header x`,
    ' from ;: <',
    '\u2028',
  ],
  [
    'postfix smtpd SASL',
    `${SYSLOG}postfix/smtpd[1]: warning: unknown[192.0.2.1]: SASL LOGIN authentication failed: x`,
    ', sasl_username=',
    '\u2028',
  ],
  [
    'postfix anvil statistics',
    `${SYSLOG}postfix/anvil[1]: statistics: max connection rate 1/60s for (`,
    ') at ',
    '\u2028',
  ],
  ['postfix diagnostic endpoint', `${SYSLOG}postfix/smtpd[1]: warning: x `, '0([\x00', '0'],
  [
    'postfix NOQUEUE reject',
    `${SYSLOG}postfix/smtpd[1]: NOQUEUE: reject: RCPT from a[192.0.2.1]: 554 `,
    '; from=<a> to=<b>',
    '',
  ],
  [
    'sendmail collect',
    `${SYSLOG}sm-mta[1]: 3F4A92C1B: collect: =`,
    ' on connection from ',
    ', from=',
    '\u2028',
  ],
  [
    'sendmail STARTTLS bits',
    `${SYSLOG}sm-mta[1]: STARTTLS=client, relay=x, version=TLSv1.3, verify=OK, cipher=X, bits=0/0`,
    '0',
    '\u2028',
  ],
  [
    'amavis tests=[',
    `${SYSLOG}amavis[1]: (01234-01) SPAM-TAG, <a@b> -> <c@d>, No, score=1 tests=[t`,
    '=tests=[t',
    '',
  ],
  [
    'zimbra Adding Message',
    `${ZIMBRA}mailop - Adding Message: id=0, sender=`,
    ', Message-ID=',
    ', parentId=0, folderId=0, folderName=',
    '\u2028',
  ],
  ['zimbra Moving', `${ZIMBRA}mailop - Moving s`, 'moving (id=0) to :', 'Moving   (id=0) to <undefined>'],
  ['zimbra Copying', `${ZIMBRA}mailop - Copying P`, ' (id=0): copyId=0, folderId=0, folderName=', 'C'],
  ['zimbra adding', `${ZIMBRA}mailop - adding m: id=0`, '0', '\u2028'],
  [
    'zimbra Delivering message',
    `${ZIMBRA}lmtp - Delivering message: size=, nrcpts=0, sender=`,
    ', msgid=',
    '\u2028',
  ],
  ['zimbra rejecting message', `${ZIMBRA}lmtp - rejecting message from=`, ',to=', '\t'],
  ['zimbra discarded message', `${ZIMBRA}lmtp - accepted and discarded message from=`, ',to=', ''],
  ['zimbra imap auth failed', `${IMAP}imap - authentication failed for [`, '] (', 'i'],
  [
    'zimbra audit auth failed',
    `${AUDIT}security - cmd=Auth; account=a; error=authentication failed for [`,
    '], ',
    '\u2028;',
  ],
  [
    'zimbra audit not found',
    `${AUDIT}security - Error occurred during authentication: authentication failed for [`,
    ']. Reason: ',
    '\u2028',
  ],
]

/** A line of about `size` characters: head, then each pump repeated to share the room, then tail. */
function lineOf([, head, ...rest], size) {
  const tail = rest.pop()
  const room = size - head.length - tail.length
  const n = Math.max(1, Math.floor(room / rest.reduce((a, p) => a + p.length, 0)))
  return head + rest.map((p) => p.repeat(n)).join('') + tail
}

const opts = { year: 2025, zone: 'UTC' }
const lineRows = LINES.map((spec) => {
  const line = lineOf(spec, 64 * 1024 - 1)
  let event
  const t = time(() => {
    event = parseLines(line, opts)[0]
  })
  return { name: spec[0], chars: line.length, ms: t, type: event.type }
})
// Past the cap: one line of 1 MB is neither split nor parsed.
const huge = lineOf(LINES[0], 1 << 20)
let hugeEvent
const hugeMs = time(() => {
  hugeEvent = createParser(opts).parse(huge, 1)
})
lineRows.push({
  name: 'postfix cleanup check, 1 MB',
  chars: huge.length,
  ms: hugeMs,
  type: `${hugeEvent.type} (${hugeEvent.reason})`,
})

console.log('\n| line | chars | parse ms | event |')
console.log('|---|---:|---:|---|')
for (const r of lineRows)
  console.log(`| ${r.name} | ${r.chars.toLocaleString('en')} | ${ms(r.ms)} | ${r.type} |`)

if (args.json) writeFileSync(args.json, JSON.stringify({ regexes: rows, lines: lineRows }, null, 2))
