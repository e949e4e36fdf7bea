import { execFile } from 'node:child_process'
import { describe, expect, it } from 'vitest'

describe('docs/events.md', () => {
  it('should be up to date with src/events (regenerate: node scripts/events-doc.js)', async () => {
    const code = await new Promise<number>((resolve) => {
      execFile(process.execPath, ['scripts/events-doc.js', '--check'], (err) => resolve(err ? 1 : 0))
    })
    expect(code).toBe(0)
  })
})
