import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import * as api from '../src/index.js'
import * as nodeApi from '../src/node/index.js'

async function sources(dir: string): Promise<string[]> {
  const out: string[] = []
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile() && entry.name.endsWith('.ts'))
      out.push(await readFile(join(entry.parentPath, entry.name), 'utf8'))
  }
  return out
}

describe('public API docs', () => {
  it('should give every exported function and class a doc comment with an @example', async () => {
    const src = await sources('src')
    const missing: string[] = []
    for (const [name, value] of [...Object.entries(api), ...Object.entries(nodeApi)]) {
      if (typeof value !== 'function') continue
      const decl = new RegExp(
        `(/\\*\\*(?:(?!\\*/)[\\s\\S])*\\*/)\\s*export (?:async )?(?:function\\*? |const |class )${name}\\b`,
      )
      const doc = src.map((s) => decl.exec(s)?.[1]).find((d) => d !== undefined)
      if (!doc?.includes('@example')) missing.push(name)
    }
    expect(missing).toEqual([])
  })
})
