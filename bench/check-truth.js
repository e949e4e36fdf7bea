#!/usr/bin/env node
/**
 * Checks a generated log against its ground truth, independently of maillog's parser:
 * stamps never go back on a host, every transaction's lines agree with its truth record
 * (sender, size, nrcpt, message-id, every delivery attempt in order), links are symmetric, and
 * every delivery line belongs to exactly one record.
 *
 * ```sh
 * node bench/check-truth.js bench/out/postfix-1-1500000.log bench/out/postfix-1-1500000.truth.ndjson
 * ```
 *
 * @module
 */

import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

const MONTHS = 'JanFebMarAprMayJunJulAugSepOctNovDec'
const HEADER =
  /^(\w{3} [ \d]\d \d\d:\d\d:\d\d|\d{4}-\d\d-\d\dT[\d:.]+[+-]\d\d:\d\d) (\S+) (\S+)\[\d+\]: (.*)$/
const QID_LINE =
  /^([0-9A-F]{6,12}|[0-9B-DF-HJ-NP-TV-Zb-df-hj-np-tv-z]{10,}z[0-9B-DF-HJ-NP-TV-Zb-df-hj-np-tv-y]+): (.*)$/
const DELIVERY = /^to=<(.*?)>(?:, orig_to=<(.*?)>)?, relay=([^,]+), .*?, status=(\w+) \((.*)\)$/
const QUEUED = /^from=<(.*?)>, size=(\d+), nrcpt=(\d+) \(queue active\)$/
const QUEUED_AS =
  /queued as ([0-9A-Za-z]+)\)?$|^250 2\.0\.0 ([0-9A-Za-z]{14,}) Message accepted for delivery$/

/**
 * Sortable key of a stamp; BSD stamps wrap from December to January (a new year).
 *
 * @param {string} stamp
 * @param {{ year: number, month: number }} state per-host year tracking
 * @returns {number}
 */
function stampKey(stamp, state) {
  if (stamp.charCodeAt(4) === 45) return Date.parse(stamp)
  const month = MONTHS.indexOf(stamp.slice(0, 3)) / 3
  if (month < state.month - 1) state.year++
  state.month = month
  const day = Number(stamp.slice(4, 6))
  const [h, m, s] = stamp.slice(7).split(':').map(Number)
  return Date.UTC(state.year, month, day, h, m, s)
}

/**
 * @param {string} logText
 * @param {string} truthText
 * @returns {{ problems: string[], transactions: number, deliveries: number }}
 */
export function checkTruth(logText, truthText) {
  /** @type {string[]} */
  const problems = []
  const report = (/** @type {string} */ p) => {
    if (problems.length < 50) problems.push(p)
  }
  /** @type {Map<string, { last: number, year: number, month: number }>} */
  const clocks = new Map()
  /** @type {Map<string, { from?: string, size?: number, nrcpt?: number, messageId?: string,
   *   attempts: object[], bounceQueueId?: string }>} */
  const open = new Map()
  /** @type {object[]} */
  const closed = []
  let deliveries = 0
  let n = 0
  for (const line of logText.split('\n')) {
    n++
    if (line === '') continue
    const h = HEADER.exec(line)
    if (!h) {
      report(`line ${n}: no header: ${line}`)
      continue
    }
    const [, stamp, host, program, message] = /** @type {string[]} */ (h)
    let clock = clocks.get(host)
    if (!clock) {
      clock = { last: 0, year: 2000, month: 0 }
      clocks.set(host, clock)
    }
    const key = stampKey(stamp, clock)
    if (key < clock.last) report(`line ${n}: ${host} stamp goes back: ${stamp}`)
    clock.last = key
    const q = QID_LINE.exec(message)
    if (!q) continue
    const [, qid, rest] = /** @type {string[]} */ (q)
    const id = `${host}/postfix/${qid}`
    const daemon = program.slice(program.lastIndexOf('/') + 1)
    let tx = open.get(id)
    if (!tx) {
      tx = { attempts: [] }
      open.set(id, tx)
    }
    if (daemon === 'qmgr' && rest === 'removed') {
      closed.push({ id, ...tx })
      open.delete(id)
      continue
    }
    if (daemon === 'cleanup' && rest.startsWith('message-id=<')) tx.messageId = rest.slice(12, -1)
    const queued = daemon === 'qmgr' ? QUEUED.exec(rest) : null
    if (queued) {
      tx.from = queued[1]
      tx.size = Number(queued[2])
      tx.nrcpt = Number(queued[3])
    }
    const bounce = daemon === 'bounce' ? /^sender non-delivery notification: (\S+)$/.exec(rest) : null
    if (bounce) tx.bounceQueueId = bounce[1]
    const d = DELIVERY.exec(rest)
    if (d && daemon !== 'qmgr') {
      deliveries++
      const qa = QUEUED_AS.exec(/** @type {string} */ (d[5]))
      tx.attempts.push({
        to: d[1],
        origTo: d[2],
        status: d[4],
        relay: d[3],
        queuedAs: qa ? (qa[1] ?? qa[2]) : undefined,
      })
    }
  }
  for (const id of open.keys()) report(`${id}: lines after its last "removed" (or never removed)`)
  const truth = truthText
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l))
  /** @type {Map<string, any>} */
  const byId = new Map()
  if (truth.length !== closed.length)
    report(`${truth.length} truth records, ${closed.length} transactions in the log`)
  let attemptsInTruth = 0
  for (let i = 0; i < Math.min(truth.length, closed.length); i++) {
    const t = truth[i]
    const c = /** @type {any} */ (closed[i])
    byId.set(t.id, t)
    attemptsInTruth += t.recipients.length
    if (t.id !== c.id) {
      report(`record ${i}: truth ${t.id}, log ${c.id}`)
      continue
    }
    for (const f of ['from', 'size', 'nrcpt', 'messageId', 'bounceQueueId']) {
      if (t[f] !== c[f]) report(`${t.id}: ${f} truth ${JSON.stringify(t[f])}, log ${JSON.stringify(c[f])}`)
    }
    const a = JSON.stringify(t.recipients)
    const b = JSON.stringify(c.attempts)
    if (a !== b) report(`${t.id}: recipients differ\n  truth ${a}\n  log   ${b}`)
  }
  if (attemptsInTruth !== deliveries)
    report(`${attemptsInTruth} attempts in truth, ${deliveries} delivery lines`)
  for (const t of truth) {
    if (t.complete !== true) report(`${t.id}: not complete`)
    if (t.next && byId.get(t.next)?.previous !== t.id) report(`${t.id}: next ${t.next} does not point back`)
    if (t.previous && byId.get(t.previous)?.next !== t.id)
      report(`${t.id}: previous ${t.previous} does not point on`)
    if (t.bounceQueueId) {
      const notice = byId.get(`${t.host}/postfix/${t.bounceQueueId}`)
      if (notice?.bounceOf !== t.queueId) report(`${t.id}: bounce ${t.bounceQueueId} does not point back`)
    }
    if (t.next) {
      const hop = t.recipients.filter((/** @type {{ queuedAs?: string }} */ r) => r.queuedAs)
      if (!hop.some((/** @type {{ queuedAs?: string }} */ r) => t.next.endsWith(`/${r.queuedAs}`))) {
        report(`${t.id}: next ${t.next} is no recipient's queuedAs`)
      }
    }
  }
  return { problems, transactions: closed.length, deliveries }
}

function main() {
  const [log, truth] = process.argv.slice(2)
  if (log === undefined || truth === undefined) {
    process.stdout.write('usage: node bench/check-truth.js LOG TRUTH.ndjson\n')
    return 2
  }
  const r = checkTruth(readFileSync(log, 'latin1'), readFileSync(truth, 'utf8'))
  for (const p of r.problems) process.stdout.write(`${p}\n`)
  process.stdout.write(
    `${r.problems.length === 0 ? 'ok' : 'FAILED'}: ${r.transactions} transactions, ${r.deliveries} delivery lines\n`,
  )
  return r.problems.length === 0 ? 0 : 1
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  process.exitCode = main()
}
