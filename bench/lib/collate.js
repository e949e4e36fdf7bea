#!/usr/bin/env node
/**
 * The job of Postfix's `collate.pl` done in Node, for the benchmark's ceiling row: the lines of
 * each message grouped by instance and queue id (smtpd session lines from `connect`, cleanup,
 * qmgr, delivery agents, bounce notices) and printed when qmgr logs `removed`. No field is
 * parsed and no year is inferred, so it shows how fast this runtime can go over the same input
 * doing the least a tracer must do: split lines, find the program and queue id, group.
 *
 * ```sh
 * node bench/lib/collate.js < maillog > grouped.txt
 * ```
 *
 * @module
 */

import { readSync } from 'node:fs'

const AGENTS = new Set(['discard', 'error', 'lmtp', 'local', 'pipe', 'smtp', 'virtual'])

/** @type {Map<string, string>} */
const smtpdLog = new Map()
/** @type {Map<string, string>} */
const smtpdQid = new Map()
/** @type {Map<string, string>} */
const smtpLog = new Map()
/** @type {Map<string, string>} */
const transactions = new Map()
const out = []
let outLength = 0

function print(text) {
  out.push(text)
  outLength += text.length
  if (outLength > 1 << 16) flush()
}

function flush() {
  if (out.length > 0) process.stdout.write(out.join(''))
  out.length = 0
  outLength = 0
}

/** `QID` of `QID: rest` at `i`, or '' (queue ids are word characters). */
function queueIdAt(line, i) {
  let j = i
  for (
    let c = line.charCodeAt(j);
    (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
    c = line.charCodeAt(++j)
  );
  return j > i && line.charCodeAt(j) === 58 && line.charCodeAt(j + 1) === 32 ? line.slice(i, j) : ''
}

function append(qid, text) {
  const t = transactions.get(qid)
  if (t !== undefined) transactions.set(qid, t + text)
}

/** One line, with its newline. */
function collate(line) {
  // Stamp (three fields), host, then `postfix[-inst]/…/command[pid]: `.
  let i = 0
  for (let f = 0; f < 4; f++) {
    i = line.indexOf(' ', i)
    if (i < 0) return
    while (line.charCodeAt(i) === 32) i++
  }
  if (!line.startsWith('postfix', i)) return
  const slash = line.indexOf('/', i)
  const bracket = line.indexOf('[', i)
  if (slash < 0 || bracket < 0 || slash > bracket) return
  const inst = line.slice(i, slash)
  const command = line.slice(line.lastIndexOf('/', bracket) + 1, bracket)
  const close = line.indexOf(']: ', bracket)
  if (close < 0) return
  const pid = line.slice(bracket + 1, close)
  const at = close + 3
  const id = queueIdAt(line, at)
  const qid = id === '' ? '' : `${inst}/${id}`
  const rest = id === '' ? at : at + id.length + 2
  if (command === 'smtpd') {
    if (line.startsWith('connect from ', at)) return void smtpdLog.set(pid, line)
    const log = (smtpdLog.get(pid) ?? '') + line
    smtpdLog.set(pid, log)
    if (qid !== '' && line.startsWith('client=', rest)) {
      smtpdQid.set(pid, qid)
      transactions.set(qid, log)
      return
    }
    const own = smtpdQid.get(pid)
    if (own !== undefined) append(own, line)
    if (line.startsWith('disconnect from', at)) {
      smtpdLog.delete(pid)
      smtpdQid.delete(pid)
    }
  } else if (command === 'pickup') {
    if (qid !== '' && line.startsWith('uid=', rest)) transactions.set(qid, line)
  } else if (command === 'cleanup') {
    if (qid !== '') transactions.set(qid, (transactions.get(qid) ?? '') + line)
  } else if (command === 'qmgr') {
    if (qid === '' || !transactions.has(qid)) return
    const t = transactions.get(qid) + line
    if (line.startsWith('removed\n', rest)) {
      transactions.delete(qid)
      print(`${t}\n`)
    } else transactions.set(qid, t)
  } else if (command === 'smtp' || command === 'lmtp') {
    const log = (smtpLog.get(pid) ?? '') + line
    if (qid !== '' && line.startsWith('to=', rest)) {
      append(qid, log)
      smtpLog.delete(pid)
    } else smtpLog.set(pid, log)
  } else if (command === 'bounce') {
    const n = line.indexOf(' notification: ', rest)
    if (qid === '' || n < 0) return
    append(qid, line)
    const notice = `${inst}/${line.slice(n + 15, -1)}`
    transactions.set(notice, line + (transactions.get(notice) ?? ''))
  } else if (AGENTS.has(command)) {
    if (qid !== '' && line.startsWith('to=', rest)) append(qid, line)
  }
}

const buf = Buffer.allocUnsafe(1 << 16)
/** Bytes after the last newline read so far (a line, or a UTF-8 sequence, cut by the read). */
let carry = Buffer.alloc(0)
for (;;) {
  let n = 0
  try {
    n = readSync(0, buf, 0, buf.length, null)
  } catch (err) {
    if (/** @type {NodeJS.ErrnoException} */ (err).code === 'EAGAIN') continue
    throw err
  }
  if (n === 0) break
  const cut = buf.lastIndexOf(10, n - 1)
  if (cut < 0) {
    carry = Buffer.concat([carry, buf.subarray(0, n)])
    continue
  }
  const text = carry.toString('utf8') + buf.toString('utf8', 0, cut + 1)
  carry = Buffer.from(buf.subarray(cut + 1, n))
  let p = 0
  for (let nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', p)) {
    collate(text.slice(p, nl + 1))
    p = nl + 1
  }
}
if (carry.length > 0) collate(`${carry.toString('utf8')}\n`)
flush()
