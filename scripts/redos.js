#!/usr/bin/env node
// Lists every regular expression literal in src/ that the `recheck` ReDoS checker does not find
// safe (exponential or polynomial backtracking, or a check that timed out), with file:line.
// moo rules are checked anchored, as moo tries them (see scripts/regex-literals.js).
// `--fail-on exponential` exits 1 only for exponential ones; `--fail-on polynomial` (default)
// for both. Run with `npm run check:redos`; test/redos.test.ts asserts the same.
import { checkSync } from 'recheck'
import { asMatched, regexLiterals } from './regex-literals.js'

const failOn = process.argv.includes('exponential') ? 'exponential' : 'polynomial'
const found = regexLiterals()
let failed = 0
const counts = { safe: 0, polynomial: 0, exponential: 0, unknown: 0 }
for (const lit of found) {
  const { where, source, flags } = lit
  const m = asMatched(lit)
  const r = checkSync(m.source, m.flags, { timeout: 3000 })
  const kind = r.status === 'safe' ? 'safe' : r.status === 'vulnerable' ? r.complexity.type : 'unknown'
  counts[kind]++
  if (kind === 'safe') continue
  if (kind === 'exponential' || (failOn === 'polynomial' && kind === 'polynomial')) failed++
  const text = `/${source}/${flags}`
  console.log(`${kind.padEnd(11)} ${where}  ${text.length > 100 ? `${text.slice(0, 97)}…` : text}`)
}
console.log(`${found.length} regexes: ${JSON.stringify(counts)}`)
process.exit(failed > 0 ? 1 : 0)
