/**
 * Runs the `@example` lines of the source that can run on their own: `expression //=> value`
 * where both sides use only literals and the public API. Lines that need context (variables
 * from the surrounding prose, elided values `…`) are skipped; the test fails on any example
 * that runs and disagrees, and checks that a good number ran.
 */
import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import * as api from '../src/index.js'
import { findQueuedAs, parseDelays, parseEndpoint, parseReply, parseWhatsup } from '../src/postfix/fields.js'
import { isQueueId, postfixProgram, readPostfixPrefix } from '../src/postfix/head.js'

const scope: Record<string, unknown> = {
  ...api,
  findQueuedAs,
  parseDelays,
  parseEndpoint,
  parseReply,
  parseWhatsup,
  isQueueId,
  postfixProgram,
  readPostfixPrefix,
}
const names = Object.keys(scope)
const values = names.map((n) => scope[n])

function evaluate(expr: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: new Function(...names, `"use strict"; return (${expr})`)(...values) }
  } catch {
    return { ok: false }
  }
}

async function examples(): Promise<{ file: string; left: string; right: string }[]> {
  const out: { file: string; left: string; right: string }[] = []
  for (const entry of await readdir('src', { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.ts')) continue
    const file = join(entry.parentPath, entry.name)
    const text = await readFile(file, 'utf8')
    for (const block of text.match(/@example[\s\S]*?(?=\*\/|@\w)/g) ?? []) {
      for (const raw of block.split('\n')) {
        const line = raw.replace(/^\s*\*\s?/, '')
        const m = /^(.+?)\s*\/\/=>\s*(.+?)\s*$/.exec(line)
        if (m && !line.includes('…')) out.push({ file, left: m[1]!, right: m[2]! })
      }
    }
  }
  return out
}

describe('@example lines', () => {
  it('should hold wherever they can run on their own', async () => {
    let ran = 0
    const wrong: string[] = []
    for (const { file, left, right } of await examples()) {
      const got = evaluate(left)
      const want = evaluate(right)
      if (!got.ok || !want.ok || got.value instanceof Promise) continue
      ran++
      try {
        expect(got.value).toEqual(want.value)
      } catch {
        wrong.push(`${file}: ${left} //=> ${JSON.stringify(got.value)}, not ${right}`)
      }
    }
    expect(wrong).toEqual([])
    expect(ran).toBeGreaterThanOrEqual(40)
  })
})
