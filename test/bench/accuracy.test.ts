import { mkdtemp, readFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
// @ts-expect-error plain JS module without types
import { score } from '../../bench/score-truth.js'
import { node } from '../run.js'

const tmp = await mkdtemp(join(tmpdir(), 'maillog-acc-'))

describe('trace against ground truth', () => {
  for (const [name, args] of [
    ['bsd stamps', ['--seed', '11']],
    ['rfc3339 stamps in Europe/Berlin', ['--seed', '12', '--rfc3339', '--zone', 'Europe/Berlin']],
    ['across New Year', ['--seed', '13', '--start', '2025-12-31T23:50:00']],
  ] as const) {
    it(`should reproduce ≥ 99 % of transactions exactly (${name})`, async () => {
      const log = join(tmp, `${args[1]}.log`)
      const truth = join(tmp, `${args[1]}.truth.ndjson`)
      const g = await node(['bench/generate.js', '--lines', '40000', '--out', log, '--truth', truth, ...args])
      expect(g.code).toBe(0)
      const zone = (args as readonly string[]).includes('--zone') ? 'Europe/Berlin' : 'UTC'
      const t = await node(['bin/maillog.js', 'trace', '--json', '--zone', zone, '--year', '2025', log])
      expect(t.code).toBe(0)
      const r = score(await readFile(truth, 'utf8'), t.stdout)
      expect(r.total).toBeGreaterThan(2000)
      expect(r.missing).toBe(0)
      expect(r.accuracy).toBeGreaterThanOrEqual(0.99)
    }, 60_000)
  }
})
