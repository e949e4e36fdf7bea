#!/usr/bin/env node
// Lists every regular expression literal in src/ that the `recheck` ReDoS checker does not find
// safe (exponential or polynomial backtracking, or a check that timed out), with file:line.
// `--fail-on exponential` (default) exits 1 only for exponential ones; `--fail-on polynomial`
// for both. Run with `npm run check:redos`.
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { checkSync } from 'recheck'
import ts from 'typescript'

const failOn = process.argv.includes('polynomial') ? 'polynomial' : 'exponential'
const files = []
const walk = (d) => {
  for (const f of readdirSync(d)) {
    const p = join(d, f)
    if (statSync(p).isDirectory()) walk(p)
    else if (p.endsWith('.ts')) files.push(p)
  }
}
walk('src')
const found = []
for (const f of files) {
  const sf = ts.createSourceFile(f, readFileSync(f, 'utf8'), ts.ScriptTarget.Latest, true)
  const visit = (n) => {
    if (n.kind === ts.SyntaxKind.RegularExpressionLiteral) {
      found.push({ where: `${f}:${sf.getLineAndCharacterOfPosition(n.getStart()).line + 1}`, text: n.text })
    }
    ts.forEachChild(n, visit)
  }
  visit(sf)
}
let failed = 0
const counts = { safe: 0, polynomial: 0, exponential: 0, unknown: 0 }
for (const { where, text } of found) {
  const slash = text.lastIndexOf('/')
  const r = checkSync(text.slice(1, slash), text.slice(slash + 1).replace(/[gy]/g, ''), { timeout: 3000 })
  const kind = r.status === 'safe' ? 'safe' : r.status === 'vulnerable' ? r.complexity.type : 'unknown'
  counts[kind]++
  if (kind === 'safe') continue
  if (kind === 'exponential' || (failOn === 'polynomial' && kind === 'polynomial')) failed++
  console.log(`${kind.padEnd(11)} ${where}  ${text.length > 100 ? `${text.slice(0, 97)}…` : text}`)
}
console.log(`${found.length} regexes: ${JSON.stringify(counts)}`)
process.exit(failed > 0 ? 1 : 0)
