/**
 * The report as text, laid out like pflogsumm's (grand totals, per-hour table, top lists,
 * problem details) so its readers find their way; empty sections are left out.
 *
 * @module
 */

import type { Percentiles } from './histogram.js'
import type { CountRow, ReasonRow, StatsReport, TimeRow, VolumeRow } from './report.js'
import { HOST_COLUMNS } from './state.js'

const num = (n: number, w = 8): string => String(n).padStart(w)

function title(text: string): string[] {
  return ['', text, '-'.repeat(text.length)]
}

function countList(head: string, rows: readonly CountRow[]): string[] {
  if (rows.length === 0) return []
  return [...title(head), ...rows.map((r) => `${num(r.count)}   ${r.key}`)]
}

function volumeList(head: string, rows: readonly VolumeRow[]): string[] {
  if (rows.length === 0) return []
  return [
    ...title(head),
    `${'msgs'.padStart(8)}  ${'bytes'.padStart(12)}`,
    ...rows.map((r) => `${num(r.count)}  ${num(r.bytes, 12)}   ${r.key}`),
  ]
}

function reasonList(head: string, label: string, rows: readonly ReasonRow[]): string[] {
  if (rows.length === 0) return []
  const w = Math.max(label.length, ...rows.map((r) => r.label.length))
  return [
    ...title(head),
    `${'count'.padStart(8)}  ${label.padEnd(w)}  reason`,
    ...rows.map((r) => `${num(r.count)}  ${(r.label || '-').padEnd(w)}  ${r.reason}`),
  ]
}

function timeTable(first: string, rows: readonly (TimeRow & { readonly at: string })[]): string[] {
  const cols = ['received', 'delivered', 'deferred', 'bounced', 'rejected'] as const
  return [
    `${first.padEnd(12)}${cols.map((c) => c.padStart(11)).join('')}`,
    ...rows.map((r) => `${r.at.padEnd(12)}${cols.map((c) => num(r[c], 11)).join('')}`),
  ]
}

function delayRow(name: string, p: Percentiles): string {
  const f = (v: number): string => String(v).padStart(9)
  return `${name.padEnd(14)}${num(p.count, 9)}${f(p.mean)}${f(p.p50)}${f(p.p90)}${f(p.p99)}${f(p.max)}`
}

const pct = (part: number, whole: number): string =>
  whole === 0 ? '0%' : `${Math.floor((100 * part) / whole)}%`

/**
 * Renders a report as text (ends with a newline).
 *
 * @example
 * formatStatsReport(statsReport(stats))
 * //=> 'maillog stats  2025-03-01T12:00:00+00:00 … 2025-03-01T19:00:02+00:00\n…\nGrand Totals\n------------\n…'
 */
export function formatStatsReport(r: StatsReport): string {
  const t = r.totals
  const out: string[] = [
    `maillog stats  ${r.period.first ?? '?'} … ${r.period.last ?? '?'}`,
    `lines ${r.lines.total}  postfix ${r.lines.postfix}  unrecognized ${r.lines.unrecognized}  unknown ${r.lines.unknown}`,
  ]
  const f = r.filter
  if (f.host !== undefined || f.since !== undefined || f.until !== undefined) {
    out.push(`filter  host ${f.host ?? '*'}  since ${f.since ?? '-'}  until ${f.until ?? '-'}`)
  }
  const denominator = t.delivered + t.rejected + t.discarded
  out.push(
    ...title('Grand Totals'),
    'messages',
    '',
    `${num(t.received)}   received`,
    `${num(t.delivered)}   delivered`,
    `${num(t.forwarded)}   forwarded`,
    `${num(t.deferred)}   deferred${t.deferrals > 0 ? `  (${t.deferrals} deferrals)` : ''}`,
    `${num(t.bounced)}   bounced`,
    `${num(t.rejected)}   rejected (${pct(t.rejected, denominator)})  ${t.rejectedNoqueue} NOQUEUE`,
    `${num(t.rejectWarnings)}   reject warnings`,
    `${num(t.held)}   held`,
    `${num(t.discarded)}   discarded (${pct(t.discarded, denominator)})`,
    `${num(t.expired)}   expired`,
  )
  if (t.reinjected > 0 || t.handoffs > 0) {
    out.push(
      `${num(t.reinjected)}   re-injected by a content filter (not in received)`,
      `${num(t.handoffs)}   handed to a content filter (not in delivered)`,
    )
  }
  if (t.checkWarnings > 0) out.push(`${num(t.checkWarnings)}   check warnings`)
  if (t.notifications > 0) out.push(`${num(t.notifications)}   delivery notices`)
  out.push(
    '',
    `${num(t.bytesReceived)}   bytes received${t.receivedWithoutSize > 0 ? `  (${t.receivedWithoutSize} messages without size)` : ''}`,
    `${num(t.bytesDelivered)}   bytes delivered`,
    `${num(r.distinct.senders)}   senders`,
    `${num(r.distinct.senderDomains)}   sending domains`,
    `${num(r.distinct.recipients)}   recipients`,
    `${num(r.distinct.recipientDomains)}   recipient domains`,
  )

  if (r.daily.length > 1) {
    out.push(
      ...title('Per-Day Traffic Summary'),
      ...timeTable(
        'date',
        r.daily.map((d) => ({ ...d, at: d.date })),
      ),
    )
  }
  if (r.hourly.some((h) => h.received + h.delivered + h.deferred + h.bounced + h.rejected > 0)) {
    const hh = (h: number): string => String(h).padStart(2, '0')
    const rows = r.hourly.map((h) => ({ ...h, at: `${hh(h.hour)}00-${hh(h.hour + 1)}00` }))
    out.push(...title('Per-Hour Traffic Summary'), ...timeTable('time', rows))
  }
  if (r.hosts.length > 0) {
    const cols = HOST_COLUMNS
    out.push(
      ...title('Hosts'),
      `${cols.map((c) => (c === 'bytesReceived' ? 'bytes in' : c === 'bytesDelivered' ? 'bytes out' : c).padStart(11)).join('')}   host`,
      ...r.hosts.map((h) => `${cols.map((c) => num(h[c], 11)).join('')}   ${h.key}`),
    )
  }
  if (r.delays.delay.count > 0) {
    const d = r.delays
    out.push(
      ...title('Delivery delays (seconds, delivered recipients)'),
      `${''.padEnd(14)}${'count'.padStart(9)}${['mean', 'p50', 'p90', 'p99', 'max'].map((c) => c.padStart(9)).join('')}`,
      delayRow('delay', d.delay),
      delayRow('before queue', d.beforeQueue),
      delayRow('in queue', d.inQueue),
      delayRow('connection', d.connection),
      delayRow('transmission', d.transmission),
    )
  }
  const rd = r.recipientDomains
  if (rd.byCount.length > 0 || rd.byDeferred.length > 0) {
    const rows = [...rd.byCount, ...rd.byDeferred.filter((x) => !rd.byCount.some((y) => y.key === x.key))]
    out.push(
      ...title('Recipient domains (delivered)'),
      `${'msgs'.padStart(8)}  ${'bytes'.padStart(12)}  ${'deferred'.padStart(8)}  ${'bounced'.padStart(8)}   domain`,
      ...rows.map(
        (x) => `${num(x.count)}  ${num(x.bytes, 12)}  ${num(x.deferred)}  ${num(x.bounced)}   ${x.key}`,
      ),
    )
  }
  out.push(
    ...volumeList('Sender domains (received)', r.senderDomains.byCount),
    ...volumeList('Senders by message count', r.senders.byCount),
    ...volumeList('Recipients by message count', r.recipients.byCount),
    ...volumeList('Senders by message size', r.senders.byBytes),
    ...volumeList('Recipients by message size', r.recipients.byBytes),
    ...reasonList('Reject reasons', 'code', r.reasons.rejected),
    ...countList('Rejects by stage', r.rejectStages),
    ...reasonList('Reject warnings', 'code', r.reasons.rejectWarning),
    ...reasonList('Held', 'code', r.reasons.held),
    ...reasonList('Discarded', 'code', r.reasons.discarded),
    ...reasonList('Deferral reasons', 'dsn', r.reasons.deferred),
    ...reasonList('Bounce reasons', 'dsn', r.reasons.bounced),
  )
  if (r.sasl.failures > 0) {
    out.push(
      ...title(`SASL authentication failures: ${r.sasl.failures}`),
      ...countList('by client', r.sasl.byClient).slice(1),
      ...countList('by username', r.sasl.byUsername).slice(1),
      ...countList('by mechanism', r.sasl.byMechanism).slice(1),
    )
  }
  const s = r.smtpd
  if (s.connections + s.lostConnection + s.timeout + s.tooManyErrors + s.pipelining > 0) {
    out.push(
      ...title('smtpd sessions'),
      `${num(s.connections)}   connections`,
      `${num(s.lostConnection)}   lost connection`,
      `${num(s.timeout)}   timeout`,
      `${num(s.tooManyErrors)}   too many errors`,
      `${num(s.pipelining)}   improper pipelining`,
    )
  }
  const p = r.postscreen
  if (
    p.connections + p.rejected + p.passNew + p.passOld + p.dnsbl + p.pregreet + p.hangup + p.violations >
    0
  ) {
    out.push(
      ...title('postscreen'),
      `${num(p.connections)}   connections`,
      `${num(p.passNew)}   PASS NEW`,
      `${num(p.passOld)}   PASS OLD`,
      `${num(p.dnsbl)}   DNSBL`,
      `${num(p.pregreet)}   PREGREET`,
      `${num(p.hangup)}   HANGUP`,
      `${num(p.violations)}   protocol violations`,
      `${num(p.listed)}   allow/deny listed`,
      `${num(p.veto)}   allowlist veto`,
      `${num(p.rejected)}   rejected`,
      ...countList('by test', p.byTest).slice(1),
      ...countList('by list', p.byList).slice(1),
      ...countList('DNSBL domains (dnsblog)', p.dnsblDomains).slice(1),
    )
  }
  const tls = r.tls
  if (tls.incoming.connections + tls.outgoing.connections > 0) {
    out.push(
      ...title('TLS'),
      `${num(tls.incoming.connections)}   incoming TLS sessions (${tls.incoming.reused} reused) of ${s.connections} smtpd connections`,
      ...tls.incoming.byTrustProtocol.map((x) => `${num(x.count)}     ${x.key}`),
      `${num(tls.outgoing.connections)}   outgoing TLS sessions (${tls.outgoing.reused} reused)`,
      ...tls.outgoing.byTrustProtocol.map((x) => `${num(x.count)}     ${x.key}`),
      ...countList('ciphers', tls.ciphers).slice(1),
    )
  }
  if (r.problems.length > 0) {
    out.push(
      ...title('Warnings, errors, fatal errors and panics by daemon'),
      `${['warning', 'error', 'fatal', 'panic'].map((c) => c.padStart(8)).join('')}   daemon`,
      ...r.problems.map((x) => `${num(x.warning)}${num(x.error)}${num(x.fatal)}${num(x.panic)}   ${x.key}`),
      ...reasonList('Top warnings', 'severity', r.reasons.warnings).slice(1),
    )
  }
  out.push(...countList('Unparsed lines', r.lines.residue))
  const approx = Object.entries(r.approximate)
  if (approx.length > 0) {
    out.push(
      '',
      `approximate (key cap reached): ${approx.map(([k, v]) => `${k} ±${v.maxDropped}`).join(', ')}`,
    )
  }
  return out.join('\n') + '\n'
}
