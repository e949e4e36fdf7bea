#!/usr/bin/env node
// Compares `maillog stats --json` with pflogsumm's Grand Totals on the same log.
//
//   node bench/compare-pflogsumm.js [--replays N] [--keep FILE] [--json]   generated log (default 40 replays)
//   node bench/compare-pflogsumm.js [--json] FILE…                         each file, then the sum
//
// Without files, a log is generated from the golden corpus (corpus/postfix + corpus/trace):
// every case is replayed N times with fresh queue ids, pids and message-ids, shifted in time
// and merged in time order, like a busy server. Exit status 1 when a difference is left
// unexplained (generated log only); 0 otherwise, and when pflogsumm is not installed.
//
// pflogsumm and maillog count different things on purpose (docs/stats.md), so each maillog
// total is also put in pflogsumm's terms: re-injections and hand-offs to a content filter
// added back, and every line pflogsumm 1.1.5 reads differently accounted for. For that, each
// input line is classified twice: by the event maillog parsed from it, and by a transcription
// of pflogsumm's own regular expressions (pflogsumm.pl 1.1.5, main loop). What remains after
// that is printed as "unexplained".

import { execFileSync, spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const root = new URL('..', import.meta.url).pathname
const maillog = join(root, 'bin/maillog.js')
const METRICS = ['received', 'delivered', 'forwarded', 'deferred', 'deferrals', 'bounced', 'rejected']

// ---------------------------------------------------------------------------------------------
// arguments

const args = process.argv.slice(2)
let replays = 40
let keep
let json = false
const files = []
for (let i = 0; i < args.length; i++) {
  const a = args[i]
  if (a === '--replays') replays = Number(args[++i])
  else if (a === '--keep') keep = args[++i]
  else if (a === '--json') json = true
  else if (a === '-h' || a === '--help') {
    const text = readFileSync(new URL(import.meta.url), 'utf8')
      .split('\n')
      .slice(1)
    const header = text.slice(
      0,
      text.findIndex((l) => !l.startsWith('//')),
    )
    process.stdout.write(header.map((l) => l.replace(/^\/\/ ?/, '')).join('\n') + '\n')
    process.exit(0)
  } else files.push(a)
}
if (!(Number.isInteger(replays) && replays > 0)) {
  process.stderr.write('--replays: expected a positive whole number\n')
  process.exit(2)
}

const which = spawnSync('sh', ['-c', 'command -v pflogsumm'], { encoding: 'utf8' })
const pflogsumm = which.status === 0 ? which.stdout.trim() : undefined
if (!pflogsumm) {
  process.stdout.write('pflogsumm is not installed: comparison skipped (apt-get install pflogsumm)\n')
  process.exit(0)
}
if (!existsSync(join(root, 'dist/cli/main.js'))) {
  process.stderr.write('dist/ is missing: run "npm run build" first\n')
  process.exit(2)
}

// ---------------------------------------------------------------------------------------------
// the generated log

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']
const STAMP = /^([A-Z][a-z]{2}) ([ 0-9]\d) (\d\d):(\d\d):(\d\d) /
const HEX_ID = /\b[0-9A-F]{9,12}\b/g
const LONG_ID = /\b[0-9B-DF-HJ-NP-TV-Zb-df-hj-np-tv-y]{10,}z[0-9B-DF-HJ-NP-TV-Zb-df-hj-np-tv-y]+\b/g
const LONG_ALPHABET = '0123456789BCDFGHJKLMNPQRSTVWXYbcdfghjklmnpqrstvwxy'

/** The lines of a corpus case with their offsets in seconds from its first line. */
function readCase(path) {
  const out = []
  let first
  let prev
  let shift = 0
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    const m = STAMP.exec(line)
    if (!m) continue // comments, and header forms other than RFC 3164 (header-variants.log)
    let t =
      Date.UTC(2025, MONTHS.indexOf(m[1]), Number(m[2]), Number(m[3]), Number(m[4]), Number(m[5])) / 1000
    if (prev !== undefined && t + shift < prev - 2 * 86400) shift += 365 * 86400 // Dec 31 → Jan 1
    t += shift
    first ??= t
    prev = t
    out.push({ offset: t - first, rest: line.slice(m[0].length) })
  }
  return out
}

function generate(n) {
  const dirs = ['corpus/postfix', 'corpus/trace']
  const cases = dirs.flatMap((d) =>
    readdirSync(join(root, d))
      .filter((f) => f.endsWith('.log'))
      .sort()
      .map((f) => readCase(join(root, d, f))),
  )
  let counter = 0
  const lines = []
  const t0 = Date.UTC(2025, 2, 1) / 1000
  for (let k = 0; k < n; k++) {
    const ids = new Map()
    const fresh = (id) => {
      let v = ids.get(id)
      if (v === undefined) {
        const c = ++counter
        if (/^[0-9A-F]+$/.test(id)) v = c.toString(16).toUpperCase().padStart(id.length, '0')
        else {
          let s = ''
          for (let x = c; x > 0; x = Math.floor(x / LONG_ALPHABET.length))
            s = LONG_ALPHABET[x % LONG_ALPHABET.length] + s
          v = `${s.padStart(10, '0')}z${id.slice(id.indexOf('z') + 1)}`
        }
        ids.set(id, v)
      }
      return v
    }
    cases.forEach((lines_, c) => {
      const base = t0 + k * 600 + c * 7
      for (const { offset, rest } of lines_) {
        const text = rest
          .replace(HEX_ID, fresh)
          .replace(LONG_ID, fresh)
          .replace(/\[(\d+)\]: /, (_, pid) => `[${Number(pid) + k * 10000}]: `)
          .replace(/message-id=</g, `message-id=<r${k}.`)
        lines.push({ t: base + offset, text })
      }
    })
  }
  lines.sort((a, b) => a.t - b.t)
  return lines
    .map(({ t, text }) => {
      const d = new Date(t * 1000)
      const hms = d.toISOString().slice(11, 19)
      return `${MONTHS[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2)} ${hms} ${text}\n`
    })
    .join('')
}

// ---------------------------------------------------------------------------------------------
// pflogsumm: its report, and what it makes of each line

function runPflogsumm(file) {
  const text = execFileSync(pflogsumm, [file], {
    encoding: 'utf8',
    maxBuffer: 1 << 28,
    stdio: ['ignore', 'pipe', 'ignore'],
  })
  const num = (label) => {
    const m = new RegExp(`^\\s*(\\d+)([km]?)\\s+${label}`, 'm').exec(text)
    if (!m) return 0
    return Number(m[1]) * (m[2] === 'k' ? 1024 : m[2] === 'm' ? 1048576 : 1)
  }
  const deferrals = /\((\d+)([km]?)\s+deferrals\)/.exec(text)
  return {
    received: num('received'),
    delivered: num('delivered'),
    forwarded: num('forwarded'),
    deferred: num('deferred'),
    deferrals: deferrals ? Number(deferrals[1]) * (deferrals[2] === 'k' ? 1024 : 1) : 0,
    bounced: num('bounced'),
    rejected: num('rejected'),
    rejectWarnings: num('reject warnings'),
    held: num('held'),
    discarded: num('discarded'),
    bytesReceived: num('bytes received'),
    bytesDelivered: num('bytes delivered'),
  }
}

// pflogsumm.pl 1.1.5, main loop (`while(<>)`), transcribed; `s` so that `.` also matches a `\r`.
const PFS_BSD = /^(...) {1,2}(\d{1,2}) (\d{2}):(\d{2}):(\d{2}) \S+ (.+)$/s
const PFS_ISO =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.\d+)?(?:[+-](?:\d{2}):(?:\d{2})|Z) \S+ (.+)$/s
const PFS_CMD = /^(?:postfix)(?:\/(?:smtps|submission))?\/([^[:]*).*?: ([^:\s]+)/s
const PFS_SCRIPT = /^((?:postfix)(?:-script)?)(?:\[\d+\])?: ([^:\s]+)/s
const PFS_CLEANUP =
  /\/cleanup\[\d+\]: .*?\b((?:milter-)?reject|warning|hold|discard): (header|body|END-OF-MESSAGE) (.*)$/s
const PFS_CLIENT = /\[\d+\]: \w+: client=(.+?)(,|$)/s
const PFS_SMTPD_ACTION = /\[\d+\]: \w+: (reject(?:_warning)?|hold|discard): /s
const PFS_SIZE = /from=<([^>]*)>, size=(\d+)/s
const PFS_DELIVERY =
  /to=<([^>]*)>, (?:orig_to=<[^>]*>, )?relay=([^,]+), (?:conn_use=[^,]+, )?delay=([^,]+), (?:delays=[^,]+, )?(?:dsn=[^,]+, )?status=(\S+)(.*)$/s

/** What pflogsumm counts a line as (`undefined`: none of the compared totals), and its queue id. */
function pflogsummClass(raw) {
  const line = raw.replace(/: \[ID \d+ [^\]]+\] /, ': ')
  const rest = PFS_BSD.exec(line)?.[6] ?? PFS_ISO.exec(line)?.[7]
  if (rest === undefined) return { gate: 'header' }
  const m = PFS_CMD.exec(rest) ?? PFS_SCRIPT.exec(rest)
  if (!m) return { gate: 'program' }
  const [, cmd, qid] = m
  if (cmd === 'cleanup') {
    const c = PFS_CLEANUP.exec(rest)
    if (c) return { what: c[1] === 'reject' || c[1] === 'milter-reject' ? 'rejected' : undefined, cmd }
  }
  if (qid === 'warning' || qid === 'fatal' || qid === 'panic') return { cmd }
  if (qid === 'reject') return { what: 'rejected', cmd }
  if (qid === 'reject_warning' || qid === 'hold' || qid === 'discard' || cmd === 'master') return { cmd }
  if (cmd === 'smtpd' || cmd === 'postscreen') {
    if (PFS_CLIENT.test(rest)) return { what: 'received', cmd }
    const a = PFS_SMTPD_ACTION.exec(rest)
    return { what: a && a[1] === 'reject' ? 'rejected' : undefined, cmd }
  }
  if (PFS_SIZE.test(rest)) return { cmd }
  const d = PFS_DELIVERY.exec(rest)
  if (d) {
    const status = d[4]
    if (status === 'sent') return { what: /forwarded as /.test(d[5]) ? 'forwarded' : 'delivered', cmd, qid }
    if (status === 'deferred') return { what: 'deferrals', cmd, qid }
    if (status === 'bounced') return { what: 'bounced', cmd }
    return { cmd }
  }
  if (cmd === 'pickup' && /: (sender|uid)=/.test(rest)) return { what: 'received', cmd }
  return { cmd }
}

// ---------------------------------------------------------------------------------------------
// maillog: the report, and what each event counts as

function runMaillog(file, time) {
  const run = (command, ...options) => {
    const r = spawnSync(process.execPath, [maillog, command, ...options, ...time, file], {
      encoding: 'utf8',
      maxBuffer: 1 << 30,
    })
    if (r.status !== 0) throw new Error(`maillog ${command} ${file}: exit ${r.status}\n${r.stderr}`)
    return r.stdout
  }
  const report = JSON.parse(run('stats', '--json'))
  const events = run('parse')
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l))
  return { report, events }
}

/** What a maillog event counts toward (per line, before transactions). */
function maillogClass(e) {
  switch (e.type) {
    case 'postfix.smtpd.client':
    case 'postfix.pickup.uid':
      return 'received'
    case 'postfix.delivery':
      if (e.status === 'sent') return e.response?.includes('forwarded as ') ? 'forwarded' : 'delivered'
      if (e.status === 'deferred') return 'deferrals'
      if (e.status === 'bounced') return 'bounced'
      return undefined
    case 'postfix.smtpd.reject':
      return e.action === 'reject_warning' ? undefined : 'rejected'
    case 'postfix.postscreen.reject':
      return 'rejected'
    case 'postfix.cleanup.check':
      return e.action === 'reject' || e.action === 'milter-reject' ? 'rejected' : undefined
    default:
      return undefined
  }
}

/** What a Sendmail event counts toward, and how many times (a `to=` line lists several recipients). */
function sendmailClass(e) {
  if (e.type === 'sendmail.from') return { what: 'received', n: 1 }
  if (e.type !== 'sendmail.to') return undefined
  const what =
    e.status === 'sent'
      ? 'delivered'
      : e.status === 'deferred'
        ? 'deferrals'
        : e.status === 'bounced'
          ? 'bounced'
          : undefined
  return what && { what, n: e.recipients.length }
}

/** Why pflogsumm does not count a line maillog counts. */
function whyNot(e, pfs) {
  if (pfs.gate === 'header') return 'header form pflogsumm does not read'
  if (pfs.gate === 'program' || (e.type === 'postfix.smtpd.client' && pfs.cmd !== 'smtpd'))
    return `program ${e.program} (pflogsumm reads postfix/, postfix/smtps/, postfix/submission/ only)`
  if (e.type === 'postfix.delivery') {
    if (e.tls !== undefined) return 'delivery line with tls= (Postfix ≥ 3.11)'
    if (e.delay === undefined) return 'delivery line without delay='
    return 'delivery line pflogsumm does not match'
  }
  if (e.type === 'postfix.smtpd.reject') return `smtpd ${e.action}`
  if (e.type === 'postfix.cleanup.check') return `cleanup ${e.action}: ${e.class}`
  return `${e.type}`
}

/** Compares one file; returns rows per metric and the notes explaining differences. */
function compare(file, time) {
  const raw = readFileSync(file, 'utf8').split('\n')
  const pfs = runPflogsumm(file)
  const { report, events } = runMaillog(file, time)
  const t = report.totals
  const ml = {
    received: t.received,
    delivered: t.delivered,
    forwarded: t.forwarded,
    deferred: t.deferred,
    deferrals: t.deferrals,
    bounced: t.bounced,
    rejected: t.rejected,
  }
  // In pflogsumm's terms: a content filter's re-injection is received again, the hand-off delivered.
  const terms = { ...ml, received: t.received + t.reinjected, delivered: t.delivered + t.handoffs }
  const notes = new Map()
  const note = (metric, sign, why) => {
    const k = `${metric}\t${sign}\t${why}`
    notes.set(k, (notes.get(k) ?? 0) + 1)
  }
  if (t.reinjected > 0)
    notes.set(`received\t+\tcontent-filter re-injections (maillog: reinjected)`, t.reinjected)
  if (t.handoffs > 0) notes.set(`delivered\t+\thand-offs to a content filter (maillog: handoffs)`, t.handoffs)
  const mlDeferred = new Set()
  const pfsDeferred = new Set()
  let openings = 0
  for (const e of events) {
    // pflogsumm reads Postfix lines only; maillog's totals include Sendmail's messages.
    const sm = e.queueId === undefined ? undefined : sendmailClass(e)
    if (sm) {
      terms[sm.what] -= sm.n
      for (let i = 0; i < sm.n; i++) note(sm.what, '-', 'Sendmail lines (pflogsumm reads Postfix only)')
      if (sm.what === 'deferrals') mlDeferred.add(e.queueId)
      continue
    }
    const line = raw[e.line - 1] ?? ''
    const mine = maillogClass(e)
    const theirs = pflogsummClass(line)
    // Message totals come from transactions, and a line without a queue id has none.
    const counted = mine !== undefined && (mine === 'rejected' || e.queueId !== undefined)
    if (mine === 'received' && counted) openings++
    if (mine === 'deferrals' && counted) mlDeferred.add(e.queueId)
    if (theirs.what === 'deferrals') pfsDeferred.add(theirs.qid)
    if (mine === theirs.what && (counted || mine === undefined)) continue
    if (counted) {
      terms[mine]--
      note(mine, '-', whyNot(e, theirs))
    }
    if (theirs.what !== undefined) {
      terms[theirs.what]++
      const what =
        mine === theirs.what ? 'a line without a queue id' : `${e.type}${e.program ? ` (${e.program})` : ''}`
      note(theirs.what, '+', `pflogsumm counts ${what}`)
    }
  }
  // pflogsumm counts opening lines; maillog one transaction per queue id until it is removed.
  const merged = openings - (t.received + t.reinjected)
  if (merged > 0 && report.filter.since === undefined && report.filter.until === undefined) {
    terms.received += merged
    notes.set('received\t+\topening lines of a queue id already open (maillog: one transaction)', merged)
  }
  // Deferred messages: pflogsumm counts distinct queue ids (over the whole log) with a deferral it saw.
  const reused = t.deferred - mlDeferred.size
  if (reused > 0)
    notes.set('deferred\t-\tqueue ids deferred again after their removal (maillog: a new message)', reused)
  let gone = 0
  for (const q of mlDeferred) if (!pfsDeferred.has(q)) gone++
  let extra = 0
  for (const q of pfsDeferred) if (!mlDeferred.has(q)) extra++
  terms.deferred += extra - gone - Math.max(reused, 0)
  if (gone > 0) notes.set('deferred\t-\tmessages whose deferrals pflogsumm does not see', gone)
  if (extra > 0) notes.set('deferred\t+\tmessages pflogsumm sees deferred, maillog does not', extra)
  const rows = METRICS.map((m) => ({
    metric: m,
    pflogsumm: pfs[m],
    maillog: ml[m],
    inPflogsummTerms: terms[m],
    unexplained: pfs[m] - terms[m],
  }))
  const info = ['rejectWarnings', 'held', 'discarded', 'bytesReceived', 'bytesDelivered'].map((m) => ({
    metric: m,
    pflogsumm: pfs[m],
    maillog: t[m],
  }))
  return {
    file,
    lines: raw.length - (raw.at(-1) === '' ? 1 : 0),
    rows,
    info,
    notes: [...notes].map(([k, n]) => {
      const [metric, sign, why] = k.split('\t')
      return { metric, sign, count: n, why }
    }),
  }
}

// ---------------------------------------------------------------------------------------------
// run

function print(result) {
  const w = (s, n) => String(s).padStart(n)
  process.stdout.write(`\n${result.file}  (${result.lines} lines)\n`)
  process.stdout.write(
    `${'metric'.padEnd(12)}${w('pflogsumm', 11)}${w('maillog', 10)}${w('→ pfs terms', 13)}${w('unexplained', 13)}\n`,
  )
  for (const r of result.rows) {
    process.stdout.write(
      `${r.metric.padEnd(12)}${w(r.pflogsumm, 11)}${w(r.maillog, 10)}${w(r.inPflogsummTerms, 13)}${w(r.unexplained || '', 13)}\n`,
    )
  }
  for (const r of result.info) {
    process.stdout.write(`${r.metric.padEnd(16)}${w(r.pflogsumm, 7)}${w(r.maillog, 10)}   (not compared)\n`)
  }
  for (const n of result.notes) process.stdout.write(`  ${n.metric} ${n.sign}${n.count}: ${n.why}\n`)
}

const results = []
if (files.length === 0) {
  const dir = mkdtempSync(join(tmpdir(), 'maillog-pflogsumm-'))
  const file = keep ?? join(dir, 'generated.log')
  writeFileSync(file, generate(replays))
  results.push(compare(file, ['--year', '2025', '--zone', 'UTC']))
} else {
  for (const f of files) results.push(compare(f, ['--zone', 'UTC']))
  if (files.length > 1) {
    const sum = { file: `sum of ${files.length} files`, lines: 0, rows: [], info: [], notes: [] }
    for (const r of results) sum.lines += r.lines
    sum.rows = METRICS.map((metric, i) => {
      const row = { metric, pflogsumm: 0, maillog: 0, inPflogsummTerms: 0, unexplained: 0 }
      for (const r of results)
        for (const k of ['pflogsumm', 'maillog', 'inPflogsummTerms', 'unexplained']) row[k] += r.rows[i][k]
      return row
    })
    results.push(sum)
  }
}
if (json) process.stdout.write(JSON.stringify(results, null, 2) + '\n')
else for (const r of results) print(r)
const bad = results.some((r) => r.rows.some((x) => x.unexplained !== 0))
process.exit(files.length === 0 && bad ? 1 : 0)
