/**
 * Human-readable transaction blocks for `maillog trace`: what a postmaster reads at 3 a.m.
 * One block per transaction, one line per recipient attempt, links last.
 *
 * @module
 */

import type { Endpoint } from '../events/index.js'
import type { NoqueueReject } from '../trace/filter.js'
import type { Transaction } from '../transaction.js'

/** How text is rendered. */
export interface TextOptions {
  /** ANSI colours for statuses and ids (for a terminal; the CLI honours NO_COLOR). */
  readonly color?: boolean
}

const STATUS_COLOR: Readonly<Record<string, string>> = {
  sent: '32',
  deferred: '33',
  bounced: '31',
  expired: '31',
  undeliverable: '31',
}
const colorize = (code: string, text: string): string => `\x1b[${code}m${text}\x1b[0m`
const plain = (_code: string, text: string): string => text

const endpoint = (e: Endpoint): string => `${e.hostname}[${e.ip}]${e.port === undefined ? '' : `:${e.port}`}`
const addr = (a: string | undefined): string => (a === undefined ? '?' : `<${a}>`)

/**
 * Renders a transaction as a text block (ends with a newline).
 *
 * @example
 * formatTransaction(t)
 * //=> 'mx1/postfix/4F1A2B3C01  2025-03-01T12:00:02+00:00 … 12:00:05  complete\n  from  <a@example.org> …'
 */
export function formatTransaction(t: Transaction, options: TextOptions = {}): string {
  const paint = options.color ? colorize : plain
  const lines = [
    `${paint('1', t.id)}  ${t.start} … ${t.end.slice(11)}  ${t.complete ? 'complete' : paint('33', 'incomplete')}`,
  ]
  const head = [`from ${addr(t.from)}`]
  if (t.size !== undefined) head.push(`size ${t.size}`)
  if (t.nrcpt !== undefined) head.push(`nrcpt ${t.nrcpt}`)
  if (t.uid !== undefined) head.push(`uid ${t.uid}`)
  lines.push(`  ${head.join('  ')}`)
  if (t.messageId !== undefined) lines.push(`  message-id ${addr(t.messageId)}`)
  if (t.client)
    lines.push(`  client ${endpoint(t.client)}${t.saslUsername ? `  sasl ${t.saslUsername}` : ''}`)
  for (const r of t.recipients) {
    const parts = [`  ${r.time.slice(11, 19)}  to ${addr(r.to)}`]
    if (r.origTo !== undefined) parts.push(`(orig ${addr(r.origTo)})`)
    parts.push(paint(STATUS_COLOR[r.status] ?? '0', r.status.toUpperCase()))
    if (r.dsn !== undefined) parts.push(r.dsn)
    if (r.relay !== undefined) parts.push(`via ${r.relay}`)
    if (r.delay !== undefined) parts.push(`${r.delay}s`)
    lines.push(parts.join(' '))
    if (r.response !== undefined) lines.push(`      ${r.response}`)
  }
  for (const r of t.rejects)
    lines.push(`  ${r.time.slice(11, 19)}  ${r.action} ${r.stage ?? ''} ${r.text}`.trimEnd())
  for (const w of t.warnings) lines.push(`  ${w.time.slice(11, 19)}  ${w.action}: ${w.text}`)
  if (t.bounceOf !== undefined) lines.push(`  delivery notice for ${t.bounceOf}`)
  if (t.bounceQueueId !== undefined) lines.push(`  notice sent as ${t.bounceQueueId}`)
  if (t.previous) lines.push(`  previous ${t.previous.join(', ')}`)
  if (t.next) lines.push(`  next ${t.next.join(', ')}`)
  return lines.join('\n') + '\n'
}

/**
 * Renders a NOQUEUE reject as a one-block text.
 *
 * @example
 * formatReject(e) //=> 'mx1 NOQUEUE reject RCPT 2025-03-01T12:02:00+00:00\n  from <a@b> to <x@example.com> client unknown[203.0.113.9]\n  554 5.7.1 …\n'
 */
export function formatReject(e: NoqueueReject): string {
  const reply = [e.code, e.dsn, e.text].filter((x) => x !== undefined).join(' ')
  return `${e.host} NOQUEUE reject ${e.stage} ${e.time}\n  from ${addr(e.from)} to ${addr(e.to)} client ${e.client ? endpoint(e.client) : '?'}\n  ${reply}\n`
}
