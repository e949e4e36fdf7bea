import { mkdtemp, readFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createParser } from '../../src/index.js'
import { node } from '../run.js'

const tmp = await mkdtemp(join(tmpdir(), 'maillog-gen-'))

async function generate(name: string, args: string[]): Promise<{ log: string; truth: string }> {
  const log = join(tmp, `${name}.log`)
  const truth = join(tmp, `${name}.truth.ndjson`)
  const r = await node(['bench/generate.js', '--lines', '30000', '--out', log, '--truth', truth, ...args])
  expect(r.code).toBe(0)
  return { log, truth }
}

describe('bench/generate.js', () => {
  it('should write the same bytes for the same seed and other bytes for another seed', async () => {
    const a = await generate('a', ['--seed', '7'])
    const b = await generate('b', ['--seed', '7'])
    const c = await generate('c', ['--seed', '8'])
    const [la, lb, lc] = await Promise.all([a.log, b.log, c.log].map((f) => readFile(f, 'utf8')))
    expect(la).toBe(lb)
    expect(await readFile(a.truth, 'utf8')).toBe(await readFile(b.truth, 'utf8'))
    expect(lc).not.toBe(la)
  }, 30_000)

  it('should write a log that agrees with its ground truth', async () => {
    const g = await generate('truth', ['--seed', '3'])
    const r = await node(['bench/check-truth.js', g.log, g.truth])
    expect(r.stdout).toMatch(/^ok: /m)
    expect(r.code).toBe(0)
  }, 30_000)

  it('should write only lines that maillog types, in BSD and RFC 3339 stamps', async () => {
    for (const [name, args] of [
      ['bsd', []],
      ['rfc3339', ['--rfc3339', '--zone', 'Europe/Berlin']],
    ] as const) {
      const g = await generate(name, [...args])
      const parser = createParser({ year: 2025, zone: 'UTC' })
      const lines = (await readFile(g.log, 'utf8')).split('\n')
      lines.pop()
      const untyped = lines
        .map((l, i) => parser.parse(l, i + 1))
        .filter((e) => e.type === 'unknown' || e.type.endsWith('.unrecognized'))
      expect(untyped).toEqual([])
      expect(lines.length).toBeGreaterThanOrEqual(30000)
    }
  }, 30_000)
})
