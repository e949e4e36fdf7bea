/**
 * `maillog corpus check|update [dir]`.
 *
 * @module
 */

import { stat } from 'node:fs/promises'
import { listCases, runCase } from '../node/corpus.js'
import { parseCommandArgs, UsageError } from './usage.js'

const HELP = `usage: maillog corpus check|update [dir]

Golden corpus regression: each <case>.log under dir (default: corpus) is parsed and compared
with <case>.events.jsonl. "update" rewrites the expected files (review them with git diff);
it refuses cases whose output has unknown or *.unrecognized events unless the case name
contains "unrecognized" or "unknown".

Header lines of a case (# comments) may set: "# year: 2024", "# zone: Europe/Berlin",
"# reference-date: 2026-03-01".

examples:
  maillog corpus check
  maillog corpus update corpus/postfix
  maillog corpus check ./my-site-cases
`

/** Runs `maillog corpus`; 0 when every case passes, 1 when one differs, 2 on usage errors. */
export async function runCorpus(args: readonly string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs({
    args: [...args],
    allowPositionals: true,
    options: { help: { type: 'boolean', short: 'h' } },
  })
  if (values.help) {
    process.stdout.write(HELP)
    return 0
  }
  const [action, dir = 'corpus', ...extra] = positionals
  if ((action !== 'check' && action !== 'update') || extra.length > 0) {
    throw new UsageError('corpus: expected "check" or "update" and at most one directory')
  }
  try {
    await stat(dir)
  } catch {
    throw new UsageError(`corpus: no such directory "${dir}"`)
  }
  let bad = 0
  const cases = await listCases(dir)
  for (const file of cases) {
    const r = await runCase(file, dir, action === 'update')
    if (r.status === 'ok') continue
    if (r.status === 'written') {
      process.stdout.write(`updated  ${r.name}\n`)
      continue
    }
    bad++
    process.stdout.write(`${r.status.padEnd(8)} ${r.name}${r.reason ? `: ${r.reason}` : ''}\n`)
    if (r.diff) process.stdout.write(`  line ${r.diff.line}\n  - ${r.diff.expected}\n  + ${r.diff.actual}\n`)
  }
  process.stdout.write(`${cases.length} cases, ${bad} failing\n`)
  return bad === 0 ? 0 : 1
}
