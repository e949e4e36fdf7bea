#!/usr/bin/env node
/**
 * Scores `maillog trace --json` output against a generator's ground truth, field by field:
 * host, queue id, sender, message-id, size, nrcpt, every recipient attempt (to and status, in
 * order, with its next-hop queue id), bounce links, the next/previous links and completeness.
 * A transaction counts as exact when every field matches.
 *
 * ```sh
 * node bench/generate.js --lines 200000 --out /tmp/g.log --truth /tmp/g.truth.ndjson
 * maillog trace --json --zone UTC /tmp/g.log > /tmp/g.tx.ndjson
 * node bench/score-truth.js /tmp/g.truth.ndjson /tmp/g.tx.ndjson [--json]
 * ```
 *
 * @module
 */

import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

const FIELDS = ['host', 'queueId', 'from', 'messageId', 'size', 'nrcpt', 'bounceOf', 'bounceQueueId']

/** Reads NDJSON records keyed by id (a list per id: queue ids are reused). */
function byId(text) {
  const out = new Map()
  for (const line of text.split('\n')) {
    if (line === '') continue
    const r = JSON.parse(line)
    if (r.id === undefined) continue
    const list = out.get(r.id)
    if (list) list.push(r)
    else out.set(r.id, [r])
  }
  return out
}

const attempts = (t) => JSON.stringify(t.recipients.map((r) => [r.to, r.status, r.queuedAs ?? null]))

/** The fields of one truth record that the transaction gets wrong. */
function mismatches(truth, got) {
  const bad = FIELDS.filter((f) => truth[f] !== got[f])
  if (attempts(truth) !== attempts(got)) bad.push('recipients')
  if (truth.next !== undefined && !(got.next ?? []).includes(truth.next)) bad.push('next')
  if (truth.previous !== undefined && !(got.previous ?? []).includes(truth.previous)) bad.push('previous')
  if (truth.complete !== got.complete) bad.push('complete')
  return bad
}

/**
 * Scores transactions against truth.
 * @param {string} truthText NDJSON truth
 * @param {string} gotText NDJSON transactions
 */
export function score(truthText, gotText) {
  const truth = byId(truthText)
  const got = byId(gotText)
  const fields = {}
  const examples = {}
  let total = 0
  let exact = 0
  let missing = 0
  for (const [id, records] of truth) {
    const candidates = [...(got.get(id) ?? [])]
    for (const t of records) {
      total++
      // Reused queue ids: the transaction with the same sender and size.
      const k = candidates.findIndex((g) => g.from === t.from && g.size === t.size)
      if (k < 0) {
        missing++
        examples.missing ??= id
        continue
      }
      const [g] = candidates.splice(k, 1)
      const bad = mismatches(t, g)
      for (const f of bad) {
        fields[f] = (fields[f] ?? 0) + 1
        examples[f] ??= id
      }
      if (bad.length === 0) exact++
    }
  }
  return { total, exact, missing, accuracy: total === 0 ? 1 : exact / total, fields, examples }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [truthFile, gotFile] = process.argv.slice(2).filter((a) => !a.startsWith('--'))
  if (!truthFile || !gotFile) {
    process.stderr.write('usage: node bench/score-truth.js TRUTH.ndjson TRANSACTIONS.ndjson [--json]\n')
    process.exit(2)
  }
  const r = score(readFileSync(truthFile, 'utf8'), readFileSync(gotFile, 'utf8'))
  if (process.argv.includes('--json')) process.stdout.write(JSON.stringify(r) + '\n')
  else {
    process.stdout.write(
      `truth ${r.total}  exact ${r.exact} (${(100 * r.accuracy).toFixed(2)} %)  missing ${r.missing}\n` +
        Object.entries(r.fields)
          .map(([f, n]) => `  ${f}: ${n} wrong, e.g. ${r.examples[f]}\n`)
          .join(''),
    )
  }
}
