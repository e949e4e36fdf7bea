// Finds every regular expression literal in the TypeScript sources under a directory, with the
// TypeScript parser rather than a text search, so regexes inside strings or comments do not count
// and none written across odd formatting is missed. Used by scripts/redos.js, test/redos.test.ts
// and bench/pathological.js.
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import ts from 'typescript'

// Calls whose argument is a table of moo rules. moo joins the rules into one sticky regex, so a
// rule is only ever tried at the lexer's position, never searched for along the string.
const MOO = new Set(['classifier', 'moo.compile', 'moo.states'])

/**
 * @param {string} [dir] directory to walk (default `src` of this repository)
 * @returns {{ where: string, source: string, flags: string, moo: boolean }[]} `where` is
 *   `path:line`, relative to the working directory; `source` and `flags` are what
 *   `new RegExp(source, flags)` takes; `moo` marks a moo rule (a shape table given to
 *   `classifier()`, `moo.compile()` or `moo.states()` in the same file), matched at one position
 */
export function regexLiterals(dir = join(import.meta.dirname, '..', 'src')) {
  const files = []
  const walk = (d) => {
    for (const f of readdirSync(d).sort()) {
      const p = join(d, f)
      if (statSync(p).isDirectory()) walk(p)
      else if (p.endsWith('.ts')) files.push(p)
    }
  }
  walk(dir)
  const found = []
  for (const f of files) {
    const sf = ts.createSourceFile(f, readFileSync(f, 'utf8'), ts.ScriptTarget.Latest, true)
    const name = relative(process.cwd(), f)
    const tables = new Set()
    const literals = []
    const visit = (n) => {
      if (ts.isCallExpression(n) && MOO.has(n.expression.getText(sf)) && n.arguments[0]) {
        let arg = n.arguments[0]
        while (ts.isAsExpression(arg) || ts.isParenthesizedExpression(arg)) arg = arg.expression
        if (ts.isIdentifier(arg)) tables.add(arg.text)
      }
      if (n.kind === ts.SyntaxKind.RegularExpressionLiteral) literals.push(n)
      ts.forEachChild(n, visit)
    }
    visit(sf)
    const inMoo = (n) => {
      for (let p = n.parent; p; p = p.parent) {
        if (ts.isCallExpression(p) && MOO.has(p.expression.getText(sf))) return true
        if (ts.isVariableDeclaration(p) && ts.isIdentifier(p.name) && tables.has(p.name.text)) return true
      }
      return false
    }
    for (const n of literals) {
      const slash = n.text.lastIndexOf('/')
      const line = sf.getLineAndCharacterOfPosition(n.getStart()).line + 1
      const [source, flags] = [n.text.slice(1, slash), n.text.slice(slash + 1)]
      found.push({ where: `${name}:${line}`, source, flags, moo: inMoo(n) })
    }
  }
  return found
}

/**
 * The pattern a ReDoS checker should see: a moo rule anchored where moo tries it, any other
 * regex as written. Flags `g` and `y` are left out (recheck rejects them; they do not change
 * how a match attempt backtracks).
 *
 * @param {{ source: string, flags: string, moo: boolean }} r
 * @returns {{ source: string, flags: string }}
 */
export function asMatched(r) {
  return { source: r.moo ? `^(?:${r.source})` : r.source, flags: r.flags.replace(/[gy]/g, '') }
}
