/**
 * Golden corpus on disk: finds `*.log` cases under a directory and checks or rewrites their
 * `.events.jsonl` files.
 *
 * @module
 */

import { readdir, readFile, writeFile } from 'node:fs/promises'
import { join, relative } from 'node:path'
import { caseEvents, caseTransactions, renderEvents, wantsTransactions } from '../corpus.js'

/** The outcome of one case. */
export interface CaseResult {
  readonly name: string
  readonly status: 'ok' | 'changed' | 'missing' | 'written' | 'refused'
  /** First differing line: expected and actual, for a readable failure. */
  readonly diff?: { readonly line: number; readonly expected: string; readonly actual: string }
  /** Why an update was refused. */
  readonly reason?: string
}

/** All `.log` case files under `dir`, sorted. */
export async function listCases(dir: string): Promise<string[]> {
  const out: string[] = []
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile() && entry.name.endsWith('.log')) out.push(join(entry.parentPath, entry.name))
  }
  return out.sort()
}

function firstDiff(expected: string, actual: string): CaseResult['diff'] {
  const a = expected.split('\n')
  const b = actual.split('\n')
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if (a[i] !== b[i]) return { line: i + 1, expected: a[i] ?? '', actual: b[i] ?? '' }
  }
  return undefined
}

/**
 * Checks (or with `update`, rewrites) one case. Updating refuses to approve `unknown` or
 * `*.unrecognized` events unless the case name says `unrecognized` or `unknown`.
 */
export async function runCase(file: string, root: string, update: boolean): Promise<CaseResult> {
  const name = relative(root, file)
  const text = await readFile(file, 'utf8')
  const events = caseEvents(text)
  const outputs: [string, string][] = [[file.replace(/\.log$/, '.events.jsonl'), renderEvents(events)]]
  if (wantsTransactions(text)) {
    outputs.push([file.replace(/\.log$/, '.transactions.jsonl'), renderEvents(caseTransactions(events))])
  }
  const stale: [string, string][] = []
  for (const [expectedFile, actual] of outputs) {
    const expected = await readOptional(expectedFile)
    if (expected === actual) continue
    if (!update) {
      const which = relative(root, expectedFile)
      return expected === undefined
        ? { name: which, status: 'missing' }
        : { name: which, status: 'changed', diff: firstDiff(expected, actual) }
    }
    stale.push([expectedFile, actual])
  }
  if (stale.length === 0) return { name, status: 'ok' }
  const residue = events.find((e) => e.type === 'unknown' || e.type.endsWith('.unrecognized'))
  if (residue && !/unrecognized|unknown/.test(name)) {
    return { name, status: 'refused', reason: `line ${residue.line} is ${residue.type}` }
  }
  for (const [expectedFile, actual] of stale) await writeFile(expectedFile, actual)
  return { name, status: 'written' }
}

async function readOptional(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8')
  } catch {
    return undefined
  }
}
