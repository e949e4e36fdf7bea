import { checkSync } from 'recheck'
import { describe, expect, it } from 'vitest'
// @ts-expect-error plain JS module without types
import { asMatched, regexLiterals } from '../scripts/regex-literals.js'

type Literal = { where: string; source: string; flags: string; moo: boolean }

const found: Literal[] = regexLiterals()

// Most regexes take recheck a few milliseconds; a handful of long alternations take seconds to
// build an automaton for. Capping each check keeps this file near 15 s; a capped check reports
// `unknown`, which proves nothing either way, so the share of decided ones is asserted too.
const CHECK_MS = 500

describe('regular expressions in src/', () => {
  it('should be found by the TypeScript parser', () => {
    expect(found.length).toBeGreaterThan(100)
    expect(found.every((r) => r.where.startsWith('src/') && r.source.length > 0)).toBe(true)
    // Shape tables are checked anchored; finding none would widen what the check sees.
    expect(found.filter((r) => r.moo).length).toBeGreaterThan(20)
  })

  it('should be checked by a checker that does report exponential backtracking', () => {
    const d = checkSync('^(a|a)*$', '', { timeout: CHECK_MS })
    expect(d.status === 'vulnerable' && d.complexity.type).toBe('exponential')
  })

  it('should backtrack neither exponentially nor polynomially', () => {
    const vulnerable: string[] = []
    let decided = 0
    for (const r of found) {
      const m: { source: string; flags: string } = asMatched(r)
      const d = checkSync(m.source, m.flags, { timeout: CHECK_MS })
      if (d.status !== 'unknown') decided++
      if (d.status === 'vulnerable') {
        vulnerable.push(
          `${d.complexity.type} ${r.where} /${r.source}/ attack: ${JSON.stringify(d.attack.pattern)}`,
        )
      }
    }
    // Polynomial counts too: within the 64 KiB line cap a cubic regex took minutes on one line.
    expect(vulnerable).toEqual([])
    expect(decided).toBeGreaterThan(found.length * 0.8)
  }, 180_000)
})
