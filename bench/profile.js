#!/usr/bin/env node
/**
 * Prints the functions with the most self time in a V8 CPU profile, or records one first:
 *
 * ```sh
 * node bench/profile.js bench/out/postfix-1-1500000.log        # profiles `maillog parse --quiet`
 * node bench/profile.js --top 20 CPU.20250301.120000.123.0.001.cpuprofile
 * ```
 *
 * @module
 */

import { spawnSync } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'

const ROOT = fileURLToPath(new URL('..', import.meta.url))

/**
 * @typedef {object} ProfileNode
 * @property {number} id
 * @property {{ functionName: string, url: string, lineNumber: number }} callFrame
 */

/**
 * Self time per function (name + file:line), largest first.
 *
 * @param {{ nodes: ProfileNode[], samples: number[], timeDeltas: number[] }} profile
 * @returns {{ name: string, where: string, ms: number, share: number }[]}
 */
export function selfTimes(profile) {
  /** @type {Map<number, ProfileNode>} */
  const byId = new Map(profile.nodes.map((n) => [n.id, n]))
  /** @type {Map<string, { name: string, where: string, us: number }>} */
  const totals = new Map()
  let all = 0
  for (let i = 0; i < profile.samples.length; i++) {
    const node = byId.get(/** @type {number} */ (profile.samples[i]))
    const dt = profile.timeDeltas[i] ?? 0
    if (!node) continue
    all += dt
    const f = node.callFrame
    const file = f.url.startsWith('file://') ? relative(ROOT, fileURLToPath(f.url)) : f.url
    const where = file ? `${file}:${f.lineNumber + 1}` : ''
    const name = f.functionName || '(anonymous)'
    const key = `${name} ${where}`
    const t = totals.get(key) ?? { name, where, us: 0 }
    t.us += dt
    totals.set(key, t)
  }
  return [...totals.values()]
    .sort((a, b) => b.us - a.us)
    .map((t) => ({ name: t.name, where: t.where, ms: t.us / 1000, share: all > 0 ? t.us / all : 0 }))
}

/**
 * Markdown table of the top entries.
 *
 * @param {ReturnType<typeof selfTimes>} rows
 * @param {number} top
 * @returns {string}
 */
export function formatSelfTimes(rows, top) {
  const lines = ['| self ms | share | function | where |', '|---:|---:|---|---|']
  for (const r of rows.slice(0, top)) {
    lines.push(`| ${r.ms.toFixed(0)} | ${(r.share * 100).toFixed(1)} % | ${r.name} | ${r.where} |`)
  }
  return lines.join('\n') + '\n'
}

function main() {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { top: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  })
  const input = positionals[0]
  if (values.help || input === undefined) {
    process.stdout.write('usage: node bench/profile.js [--top N] (LOGFILE | PROFILE.cpuprofile)\n')
    return values.help ? 0 : 2
  }
  const top = Number(values.top ?? 10)
  let profilePath = input
  let dir
  if (!input.endsWith('.cpuprofile')) {
    dir = mkdtempSync(join(tmpdir(), 'maillog-prof-'))
    const r = spawnSync(
      process.execPath,
      [
        '--cpu-prof',
        `--cpu-prof-dir=${dir}`,
        join(ROOT, 'bin/maillog.js'),
        'parse',
        '--quiet',
        '--year',
        '2025',
        '--zone',
        'UTC',
        input,
      ],
      { stdio: 'inherit' },
    )
    if (r.status !== 0) return 2
    const file = readdirSync(dir).find((f) => f.endsWith('.cpuprofile'))
    if (!file) return 2
    profilePath = join(dir, file)
  }
  const profile = JSON.parse(readFileSync(profilePath, 'utf8'))
  process.stdout.write(formatSelfTimes(selfTimes(profile), top))
  if (dir) rmSync(dir, { recursive: true })
  return 0
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  process.exitCode = main()
}
