/**
 * `maillog stats`: a pflogsumm-class report of the input — totals, per-hour and per-host
 * volumes, top senders and recipients, delays, rejects, SASL, postscreen, TLS, problems — as
 * text or `--json`. Lines are counted as they are read and folded into transactions by the
 * reducer for the message totals; memory stays bounded (docs/stats.md).
 *
 * @module
 */

import { createFold } from '../reduce/fold.js'
import { createState } from '../reduce/index.js'
import { countEvent, countTransaction, createStats, formatStatsReport, statsReport } from '../stats/index.js'
import { createReadStatus, endReading, planInputs, readAll } from './inputs.js'
import { createSink } from './output.js'
import { countOption, parseCommandArgs, readingOptions, TIME_OPTIONS, timeOption } from './usage.js'

const HELP = `usage: maillog stats [options] [files…]

A summary report of the log, like pflogsumm: messages received, delivered, forwarded,
deferred, bounced, rejected, held, discarded, expired; bytes; per-hour and per-day traffic;
per-host volumes; top sender/recipient domains and addresses by count and size; delivery
delay percentiles; reject, deferral and bounce reasons; SASL failures; postscreen verdicts;
TLS sessions; warnings by daemon; unparsed lines. Reads stdin when no file or "-" is given;
gzip files are read directly. What each number counts: docs/stats.md.

options:
  --json                the report as one JSON object
  -q, --quiet           no progress line on a terminal
  --top N               rows per top list (default 10)
  --host H              only lines and messages of syslog host H
  --since T, --until T  only what happened in this window (ISO date or date-time, in --zone
                        when it has no offset)
  --max-keys N          keys kept per table before the lowest-ranked are dropped (default 20000)

time:
  --year Y  --reference-date ISO  --zone IANA   (see maillog parse --help)

exit status: 0 report printed, 2 usage or input error (the report of the lines read is still printed)

examples:
  maillog stats /var/log/mail.log
  maillog stats --top 20 --since 2025-03-01 --until 2025-03-02 mail.log.1 mail.log
  zcat mail.log.*.gz | maillog stats --json | jq .totals
`

/** Runs `maillog stats`; resolves to the exit code. */
export async function runStats(args: readonly string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs({
    args: [...args],
    allowPositionals: true,
    options: {
      ...TIME_OPTIONS,
      json: { type: 'boolean' },
      top: { type: 'string' },
      host: { type: 'string' },
      since: { type: 'string' },
      until: { type: 'string' },
      'max-keys': { type: 'string' },
    },
  })
  if (values.help) {
    process.stdout.write(HELP)
    return 0
  }
  const { options: parserOptions, zone } = readingOptions(values)
  const stats = createStats({
    top: countOption(values.top, 10, '--top'),
    maxKeys: countOption(values['max-keys'], 20_000, '--max-keys', 2),
    host: values.host,
    since: timeOption(values.since, zone, '--since'),
    until: timeOption(values.until, zone, '--until'),
  })
  const fold = createFold(createState())
  const files = positionals.length === 0 ? ['-'] : positionals
  const plan = await planInputs(files, parserOptions)
  const status = await createReadStatus(plan, values.quiet)
  for await (const events of readAll(plan, status, { merge: true })) {
    for (const e of events) {
      countEvent(stats, e)
      const ts = fold.push(e)
      for (let i = 0; i < ts.length; i++) countTransaction(stats, ts[i]!)
    }
  }
  endReading(status)
  const failed = status.failed
  for (const t of fold.end()) countTransaction(stats, t)
  const report = statsReport(stats)
  const sink = createSink(process.stdout)
  await sink.write(values.json ? JSON.stringify(report) + '\n' : formatStatsReport(report))
  await sink.flush()
  return failed ? 2 : 0
}
