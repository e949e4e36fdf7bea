/**
 * `maillog trace`: events → transactions, filtered, as text blocks, NDJSON or whole chains;
 * with `--state`, a resumable run for cron.
 *
 * @module
 */

import { DateTime } from 'luxon'
import type { MailEvent } from '../events/index.js'
import { type Checkpoint, type InputPosition, loadCheckpoint, saveCheckpoint } from '../node/checkpoint.js'
import { eventToEcs, transactionToEcs } from '../output/ecs.js'
import {
  createEventIds,
  DEFAULT_INDEX,
  esBulkEvent,
  esBulkTransaction,
  indexNameProblem,
} from '../output/es-bulk.js'
import { formatReject, formatTransaction, type TextOptions } from '../output/text.js'

/** Colours only on a terminal, and not when NO_COLOR is set (no-color.org). */
const TEXT: TextOptions = { color: process.stdout.isTTY === true && !process.env.NO_COLOR }

import { createFold } from '../reduce/fold.js'
import { createState, type ReducerState } from '../reduce/index.js'
import { chainOf, reverseLinks } from '../trace/chain.js'
import {
  isEmptyFilter,
  isNoqueueReject,
  matchReject,
  matchTransaction,
  type NoqueueReject,
  TRACE_STATUSES,
  type TraceFilter,
  type TraceStatus,
} from '../trace/filter.js'
import type { Transaction } from '../transaction.js'
import { createReadStatus, endReading, followOptions, planInputs, readAll } from './inputs.js'
import { createSink, type Sink } from './output.js'
import { parseCommandArgs, readingOptions, TIME_OPTIONS, UsageError } from './usage.js'

const HELP = `usage: maillog trace [options] [files…]

Folds the log into transactions — one per message per server — and prints those that match.
Reads stdin when no file or "-" is given; gzip files are read directly.

filters (all must hold):
  --from RE             envelope sender matches the regular expression
  --to RE               any recipient (or original recipient) matches
  --msgid ID            message-id, with or without <>
  --queue-id Q          queue id (or a delivery that was queued as Q on the next hop)
  --client RE           sending client's host name or IP address matches
  --status S[,S…]       any delivery attempt sent, deferred, bounced, expired, deliverable or
                          undeliverable; rejected: a reject of the message (and NOQUEUE rejects
                          with --rejects)
  --host H              syslog host name
  --since T, --until T  ISO date or date-time (in --zone when it has no offset)
  --limit N             stop after N matches

output:
  --format F            text (default): a text block per transaction, NOQUEUE rejects when
                          --from/--to/--client or --status rejected are given
                        ndjson: one transaction per line (rejects as their events with --rejects)
                        ecs: one Elastic Common Schema document per line (docs/ecs.md)
                        es-bulk: Elasticsearch/OpenSearch _bulk body, an action line then the
                          ECS document; ids stable across runs (docs/elasticsearch.md)
  --json                same as --format ndjson
  --index NAME          es-bulk index, may hold %Y %m %d (UTC date of the transaction start)
                        (default ${DEFAULT_INDEX})
  --chain               the whole path of each matching message across hosts and bounces
  --rejects             include NOQUEUE rejects matching --from/--to/--host/--since/--until

following:
  --follow, -f          keep reading the file as it is written (tail -F: rotation and
                          truncation followed) and print each transaction once it is final;
                          one file or stdin; stop with Ctrl-C

state:
  --state FILE          resume from FILE and save to it at the end (cron): each transaction is
                        printed once, by the run in which it became final
  -q, --quiet           no progress line on a terminal
  --max-age DAYS        open transactions idle this long are printed incomplete (default 7)

time:
  --year Y  --reference-date ISO  --zone IANA   (see maillog parse --help)

exit status: 0 matches found (or no filter), 1 filters matched nothing, 2 usage or input error

examples:
  maillog trace --to bob@example.net /var/log/mail.log
  maillog trace --status bounced,deferred --since 2025-03-01T06:00 /var/log/mail.log
  maillog trace --client '^203.0.113.7$' --status rejected --rejects /var/log/mail.log
  maillog trace --msgid '<20250301.abc@example.org>' --chain mx1.log relay1.log store1.log
  maillog trace --json --state /var/lib/maillog/state /var/log/mail.log >> transactions.ndjson
  maillog trace --format es-bulk --index 'maillog-%Y.%m.%d' --state /var/lib/maillog/state \\
    /var/log/mail.log | curl -s -H 'Content-Type: application/x-ndjson' -XPOST localhost:9200/_bulk --data-binary @-
`

/** Output formats of `maillog trace`. */
const FORMATS = ['text', 'ndjson', 'ecs', 'es-bulk'] as const
type Format = (typeof FORMATS)[number]

interface Output {
  matched: number
  readonly limit: number
  readonly format: Format
  readonly index: string
  readonly eventId: (e: MailEvent) => string
  readonly sink: Sink
}

function parseTime(value: string | undefined, zone: string, option: string): number | undefined {
  if (value === undefined) return undefined
  const dt = DateTime.fromISO(value, { zone })
  if (!dt.isValid) throw new UsageError(`${option}: expected an ISO date or date-time, got "${value}"`)
  return dt.toMillis()
}

function regex(value: string | undefined, option: string): RegExp | undefined {
  if (value === undefined) return undefined
  try {
    return new RegExp(value, 'i')
  } catch {
    throw new UsageError(`${option}: not a valid regular expression: ${value}`)
  }
}

function render(out: Output, t: Transaction, logFilePath: string | undefined): string {
  switch (out.format) {
    case 'text':
      return formatTransaction(t, TEXT) + '\n'
    case 'ndjson':
      return JSON.stringify(t) + '\n'
    case 'ecs':
      return JSON.stringify(transactionToEcs(t, { logFilePath })) + '\n'
    case 'es-bulk':
      return esBulkTransaction(t, { index: out.index, logFilePath })
  }
}

function renderReject(out: Output, e: NoqueueReject): string {
  switch (out.format) {
    case 'text':
      return formatReject(e) + '\n'
    case 'ndjson':
      return JSON.stringify(e) + '\n'
    case 'ecs':
      return JSON.stringify(eventToEcs(e)) + '\n'
    case 'es-bulk':
      return esBulkEvent(e, out.eventId(e), { index: out.index })
  }
}

/** `--status`, checked: a comma-separated list of {@link TRACE_STATUSES}. */
function statuses(value: string | undefined): TraceStatus[] | undefined {
  if (value === undefined) return undefined
  const list = value.split(',').map((s) => s.trim())
  for (const s of list)
    if (!(TRACE_STATUSES as readonly string[]).includes(s))
      throw new UsageError(`--status: expected ${TRACE_STATUSES.join(', ')}, got "${s}"`)
  return list as TraceStatus[]
}

/** `--format`, `--json` and `--index`, checked. */
function outputFormat(values: { format?: string; json?: boolean; index?: string }): Format {
  const format = values.format ?? (values.json ? 'ndjson' : 'text')
  if (!(FORMATS as readonly string[]).includes(format))
    throw new UsageError(`--format: expected one of ${FORMATS.join(', ')}, got "${format}"`)
  if (values.json && format !== 'ndjson') throw new UsageError('--json: means --format ndjson, not ' + format)
  if (values.index !== undefined) {
    if (format !== 'es-bulk') throw new UsageError('--index: only with --format es-bulk')
    const problem = indexNameProblem(values.index)
    if (problem) throw new UsageError(`--index: ${problem}, got "${values.index}"`)
  }
  return format as Format
}

/** Runs `maillog trace`; resolves to the exit code. */
export async function runTrace(args: readonly string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs({
    args: [...args],
    allowPositionals: true,
    options: {
      ...TIME_OPTIONS,
      from: { type: 'string' },
      to: { type: 'string' },
      msgid: { type: 'string' },
      'queue-id': { type: 'string' },
      client: { type: 'string' },
      status: { type: 'string' },
      host: { type: 'string' },
      since: { type: 'string' },
      until: { type: 'string' },
      limit: { type: 'string' },
      json: { type: 'boolean' },
      format: { type: 'string' },
      index: { type: 'string' },
      chain: { type: 'boolean' },
      rejects: { type: 'boolean' },
      state: { type: 'string' },
      'max-age': { type: 'string' },
      follow: { type: 'boolean', short: 'f' },
    },
  })
  if (values.help) {
    process.stdout.write(HELP)
    return 0
  }
  const format = outputFormat(values)
  const { options: parserOptions, zone } = readingOptions(values)
  const limit = values.limit === undefined ? Number.POSITIVE_INFINITY : Number(values.limit)
  if (!(limit > 0)) throw new UsageError(`--limit: expected a positive number, got "${values.limit}"`)
  const maxAgeDays = values['max-age'] === undefined ? 7 : Number(values['max-age'])
  if (!(maxAgeDays > 0))
    throw new UsageError(`--max-age: expected a positive number of days, got "${values['max-age']}"`)
  const filter: TraceFilter = {
    from: regex(values.from, '--from'),
    to: regex(values.to, '--to'),
    msgid: values.msgid,
    queueId: values['queue-id'],
    client: regex(values.client, '--client'),
    status: statuses(values.status),
    host: values.host,
    since: parseTime(values.since, zone, '--since'),
    until: parseTime(values.until, zone, '--until'),
  }
  const filtered = !isEmptyFilter(filter)
  // A text query about addresses or a client also shows what was turned away before it had a queue id.
  const showRejects =
    values.rejects === true ||
    (format === 'text' &&
      (filter.from !== undefined ||
        filter.to !== undefined ||
        filter.client !== undefined ||
        filter.status?.includes('rejected') === true))
  const files = positionals.length === 0 ? ['-'] : positionals
  if (values.state !== undefined && files.includes('-'))
    throw new UsageError('--state: needs files, not stdin')
  const follow = values.follow === true
  if (follow && (values.state !== undefined || values.chain))
    throw new UsageError('--follow: not with --state or --chain, which wait for the end of the input')

  const checkpoint: Checkpoint | undefined =
    values.state === undefined ? undefined : await loadCheckpoint(values.state)
  const state: ReducerState = checkpoint?.reducer ?? createState({ maxAgeMs: maxAgeDays * 86_400_000 })
  const fold = createFold(state, checkpoint?.held)
  const out: Output = {
    matched: 0,
    limit,
    format,
    index: values.index ?? DEFAULT_INDEX,
    eventId: createEventIds(),
    sink: createSink(process.stdout),
  }
  const all = values.chain ? new Map<string, Transaction>() : undefined
  const fileOf = new Map<string, string>()

  /**
   * Prints or keeps the transactions; resolves at once unless the output must drain, so the
   * per-event loop below awaits only then (a promise per event cost more than the printing).
   */
  const take = (ts: readonly Transaction[], file?: string): Promise<void> | undefined => {
    let pending: Promise<void> | undefined
    for (const t of ts) {
      if (all) {
        all.set(t.id, t)
        if (file !== undefined) fileOf.set(t.id, file)
      } else if (out.matched < out.limit && matchTransaction(t, filter)) {
        out.matched++
        const wait = out.sink.write(render(out, t, file))
        // A sink that asks to drain is waited for before the next write.
        if (wait) pending = pending ? pending.then(() => wait) : wait
      }
    }
    return pending
  }
  const takeReject = (e: MailEvent): Promise<void> | undefined => {
    if (!showRejects || all || out.matched >= out.limit || !isNoqueueReject(e) || !matchReject(e, filter))
      return undefined
    out.matched++
    return out.sink.write(renderReject(out, e)) ?? undefined
  }

  const positions: InputPosition[] = []
  const plan = await planInputs(files, followOptions(follow, files, parserOptions))
  const status = await createReadStatus(plan, values.quiet || follow)
  // log.file.path of ECS documents: the file being read when a transaction was emitted.
  let lastFile: string | undefined
  const consume = async (events: readonly MailEvent[]): Promise<void> => {
    for (const e of events) {
      if (e.source !== undefined) lastFile = e.source
      if (showRejects) {
        const wait = takeReject(e)
        if (wait) await wait
      }
      const ts = fold.push(e)
      if (ts.length > 0) {
        const wait = take(ts, lastFile)
        if (wait) await wait
      }
    }
  }
  const done = () => !all && out.matched >= out.limit && values.state === undefined
  // Several logs (hosts, zimbra.log and mailbox.log) are read side by side in time order, so
  // hops link however far apart in time they are; a resumable run too, from its checkpoint.
  const resume =
    values.state === undefined ? undefined : { from: checkpoint?.inputs ?? [], reached: positions }
  for await (const events of readAll(plan, status, { merge: true, resume, follow })) {
    await consume(events)
    // Following: what became final is shown at once.
    if (follow) await out.sink.flush()
    if (done()) break
  }
  endReading(status)
  const failed = status.failed
  if (values.state !== undefined) {
    // Open and held transactions, and split lines waiting for their other parts, stay in the
    // checkpoint: the next run emits them exactly as one long run would.
    await take(fold.end(true), lastFile)
    await saveCheckpoint(values.state, { version: 1, reducer: state, inputs: positions, held: fold.held() })
  } else {
    await take(fold.end(), lastFile)
  }
  if (all) await printChains(all, filter, out, fileOf)
  await out.sink.flush()
  if (failed) return 2
  return filtered && out.matched === 0 ? 1 : 0
}

/** Prints each chain that has a matching transaction, once. */
async function printChains(
  all: Map<string, Transaction>,
  filter: TraceFilter,
  out: Output,
  fileOf: ReadonlyMap<string, string>,
): Promise<void> {
  const reverse = reverseLinks(all.values())
  const done = new Set<string>()
  for (const t of all.values()) {
    if (out.matched >= out.limit) break
    if (done.has(t.id) || !matchTransaction(t, filter)) continue
    const chain = chainOf(t, all, reverse)
    for (const c of chain) done.add(c.id)
    out.matched++
    if (out.format === 'ndjson') {
      await out.sink.write(JSON.stringify({ chain: chain.map((c) => c.id), transactions: chain }) + '\n')
    } else if (out.format === 'text') {
      await out.sink.write(
        `chain ${chain.map((c) => c.id).join(' → ')}\n\n${chain.map((c) => formatTransaction(c, TEXT)).join('\n')}\n`,
      )
    } else {
      // ECS and bulk: every transaction of the chain as its own document.
      for (const c of chain) await out.sink.write(render(out, c, fileOf.get(c.id)))
    }
  }
}
