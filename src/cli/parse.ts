/**
 * `maillog parse`: one event per input line as NDJSON, `--stats` to stderr.
 *
 * @module
 */

import { eventToEcs } from '../output/ecs.js'
import { createReadStatus, endReading, followOptions, planInputs, readAll } from './inputs.js'
import { createSink } from './output.js'
import { countParseEvent, createParseStats, formatParseStats } from './parse-stats.js'
import { parseCommandArgs, readingOptions, TIME_OPTIONS, UsageError } from './usage.js'
import { formatYearTable } from './years.js'

const HELP = `usage: maillog parse [options] [files…]

Prints one JSON event per input line (NDJSON). Reads stdin when no file or "-" is given.
Gzip files are read directly.

options:
  --format F             ndjson (default): the events as maillog types them
                         ecs: one Elastic Common Schema document per event (docs/ecs.md)
  --stats                counts per event type and unrecognized lines per program, to stderr
  --quiet, -q            no event output (with --stats: only the report)
  --follow, -f           keep reading the file as it is written (tail -F: rotation and
                           truncation followed); one file or stdin; stop with Ctrl-C
  --year Y               year of the first line of each host (default: from --reference-date)
  --reference-date ISO   date the log is read at (default: now); the first line is not after it
  --zone IANA            zone of stamps without offset (default: the system zone)
  -h, --help             this text

examples:
  maillog parse /var/log/maillog > events.ndjson
  zcat maillog.2.gz | maillog parse --stats --quiet
  maillog parse --year 2024 --zone Europe/Berlin old.log
`

/** Runs `maillog parse`; resolves to the exit code. */
export async function runParse(args: readonly string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs({
    args: [...args],
    allowPositionals: true,
    options: {
      ...TIME_OPTIONS,
      stats: { type: 'boolean' },
      quiet: { type: 'boolean', short: 'q' },
      format: { type: 'string' },
      follow: { type: 'boolean', short: 'f' },
    },
  })
  if (values.help) {
    process.stdout.write(HELP)
    return 0
  }
  const format = values.format ?? 'ndjson'
  if (format !== 'ndjson' && format !== 'ecs')
    throw new UsageError(`--format: expected ndjson or ecs, got "${format}"`)
  const ecs = format === 'ecs'
  const { options: parserOptions, zone } = readingOptions(values)
  const files = positionals.length === 0 ? ['-'] : positionals
  const sink = createSink(process.stdout)
  const stats = createParseStats()
  const follow = values.follow === true
  const plan = await planInputs(files, followOptions(follow, files, parserOptions))
  const status = await createReadStatus(plan, values.quiet || follow)
  // Events in input order: logs one after another, rotated sets oldest first.
  for await (const events of readAll(plan, status, { offsets: ecs, follow })) {
    for (const e of events) {
      if (values.stats) countParseEvent(stats, e)
      if (values.quiet) continue
      // Awaiting only a real drain: an `await` per event costs a microtask each.
      const wait = sink.write(JSON.stringify(ecs ? eventToEcs(e) : e) + '\n')
      if (wait) await wait
    }
    // Following: what was read is shown at once.
    if (follow) await sink.flush()
  }
  await sink.flush()
  endReading(status)
  if (values.stats) process.stderr.write(formatParseStats(stats, zone) + formatYearTable(status.years))
  return status.failed ? 2 : 0
}
