// Finds every regular expression literal in the TypeScript sources under a directory, with the
// TypeScript parser rather than a text search, so regexes inside strings or comments do not count
// and none written across odd formatting is missed. Used by scripts/redos.js, test/redos.test.ts
// and bench/pathological.js.
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import ts from 'typescript'

/**
 * @param {string} [dir] directory to walk (default `src` of this repository)
 * @returns {{ where: string, source: string, flags: string }[]} `where` is `path:line`, relative
 *   to the working directory; `source` and `flags` are what `new RegExp(source, flags)` takes
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
    const visit = (n) => {
      if (n.kind === ts.SyntaxKind.RegularExpressionLiteral) {
        const slash = n.text.lastIndexOf('/')
        const line = sf.getLineAndCharacterOfPosition(n.getStart()).line + 1
        found.push({
          where: `${name}:${line}`,
          source: n.text.slice(1, slash),
          flags: n.text.slice(slash + 1),
        })
      }
      ts.forEachChild(n, visit)
    }
    visit(sf)
  }
  return found
}
