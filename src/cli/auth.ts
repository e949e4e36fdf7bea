/**
 * `maillog auth`: failed authentications per account and per client address over time.
 *
 * @module
 */

import { type AuthTally, addAuthEvent, createAuthReport, topFailures } from '../auth/report.js'
import { createReadStatus, endReading, planInputs, readAll } from './inputs.js'
import { createSink } from './output.js'
import { parseCommandArgs, readingOptions, TIME_OPTIONS, UsageError } from './usage.js'

const HELP = `usage: maillog auth [options] [files…]

Who is guessing passwords: authentication failures and successes from Postfix SASL, Zimbra
mailbox.log/audit.log and Sendmail AUTH, per account and per client address, with an hourly
histogram. "!" marks a success from an address that failed before — a guessed password?

options:
  --top N          rows per table (default 20)
  --json           the whole report as one JSON object
  -q, --quiet      no progress line on a terminal
  --year Y  --reference-date ISO  --zone IANA   (see maillog parse --help)

examples:
  maillog auth /var/log/mail.log
  maillog auth --json /opt/zimbra/log/audit.log /var/log/zimbra.log > auth.json
`

function row(t: AuthTally, otherName: string): string {
  const flag = t.successAfterFailure ? '!' : ' '
  return `${flag} ${String(t.failures).padStart(7)} ${String(t.successes).padStart(5)}  ${t.key.padEnd(40)} ${String(
    t.others.length,
  ).padStart(4)} ${otherName}  ${t.first.slice(0, 19)} … ${t.last.slice(0, 19)}  ${t.protocols.join(',')}`
}

const plain = (t: AuthTally) => ({ ...t })

/** Runs `maillog auth`; resolves to the exit code. */
export async function runAuth(args: readonly string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs({
    args: [...args],
    allowPositionals: true,
    options: {
      ...TIME_OPTIONS,
      top: { type: 'string' },
      json: { type: 'boolean' },
      quiet: { type: 'boolean', short: 'q' },
    },
  })
  if (values.help) {
    process.stdout.write(HELP)
    return 0
  }
  const top = values.top === undefined ? 20 : Number(values.top)
  if (!(Number.isInteger(top) && top > 0))
    throw new UsageError(`--top: expected a positive integer, got "${values.top}"`)
  const { options: parserOptions } = readingOptions(values)
  const report = createAuthReport()
  const plan = await planInputs(positionals.length === 0 ? ['-'] : positionals, parserOptions)
  const status = await createReadStatus(plan, values.quiet)
  for await (const events of readAll(plan, status, { merge: true }))
    for (const e of events) addAuthEvent(report, e)
  endReading(status)
  const failed = status.failed
  const sink = createSink(process.stdout)
  const accounts = topFailures(report.byAccount, top)
  const ips = topFailures(report.byIp, top)
  if (values.json) {
    await sink.write(
      JSON.stringify({
        attempts: report.attempts,
        failures: report.failures,
        accounts: accounts.map(plain),
        addresses: ips.map(plain),
        hourly: Object.fromEntries([...report.hourly].sort()),
        dropped: report.dropped,
      }) + '\n',
    )
  } else {
    const out = [`authentication attempts ${report.attempts}, failures ${report.failures}`, '']
    out.push('failures by account (! = success after failures from the same address)')
    out.push('  failures   ok  account                                   ips  first … last  protocols')
    for (const t of accounts) out.push(row(t, 'ips'))
    out.push('', 'failures by client address')
    out.push('  failures   ok  address                              accounts  first … last  protocols')
    for (const t of ips) out.push(row(t, 'accts'))
    out.push('', 'failures per hour')
    const hours = [...report.hourly].sort()
    const max = Math.max(1, ...hours.map(([, n]) => n))
    for (const [h, n] of hours)
      out.push(`  ${h}:00  ${String(n).padStart(7)}  ${'#'.repeat(Math.ceil((40 * n) / max))}`)
    await sink.write(out.join('\n') + '\n')
  }
  await sink.flush()
  return failed ? 2 : 0
}
