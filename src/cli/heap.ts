/**
 * Bounded memory for large inputs. V8 sizes the young generation at start-up only: Node 22
 * and later let it grow to 64 MiB per semi-space (without pointer compression), which on a
 * 200 MB log is half of the process's peak memory and buys no speed here. And by default V8
 * lets the old generation grow to up to four times the data that survives a collection, where
 * the reducer's live data is 20 MB. So a command that reads more than {@link LARGE_INPUT} bytes
 * of files runs again in a child Node process with {@link HEAP_FLAGS}, unless the user set a
 * heap flag of their own, or `MAILLOG_NO_RESPAWN`.
 *
 * @module
 */

import { spawn } from 'node:child_process'
import { statSync } from 'node:fs'

/** Total file size from which a reading command runs with a bounded young generation. */
export const LARGE_INPUT = 64 * 1024 * 1024

/**
 * Node flags of the child: 8 MiB semi-spaces, and an old generation that grows to twice its
 * live data. On a 1.5M-line log, `trace` then peaks at 112 MiB instead of 148 (Node 20) or
 * 300 (Node 24), in the same time within the noise of the measurement.
 */
export const HEAP_FLAGS: readonly string[] = ['--max-semi-space-size=8', '--heap-growing-percent=100']

/** Node options by which the user already chose how the heap grows. */
const USER_HEAP =
  /^--(max-semi-space-size|max-young-generation-size|heap-growing-percent|max-old-space-size)\b/

const READING = new Set(['parse', 'trace', 'stats', 'auth'])

/** What {@link heapFlags} looks at. */
export interface HeapContext {
  /** The command line after `maillog`. */
  readonly argv: readonly string[]
  /** Node options this process runs with (`process.execArgv` and `NODE_OPTIONS`). */
  readonly nodeOptions: readonly string[]
  readonly env: Readonly<Record<string, string | undefined>>
  /** Size of a regular file, or `undefined` (missing, not a file, an option's value). */
  readonly fileSize: (path: string) => number | undefined
}

/**
 * The Node flags to run the command again with, or `undefined` to run it here: small inputs,
 * stdin, other commands, a user's own heap setting, or the child itself.
 *
 * @example
 * heapFlags({ argv: ['trace', 'big.log'], nodeOptions: [], env: {}, fileSize: () => 2e8 })
 * //=> ['--max-semi-space-size=8', '--heap-growing-percent=100']
 */
export function heapFlags(c: HeapContext): string[] | undefined {
  const [command, ...rest] = c.argv
  if (command === undefined || !READING.has(command)) return undefined
  if (c.env.MAILLOG_NO_RESPAWN !== undefined) return undefined
  if (c.nodeOptions.some((o) => USER_HEAP.test(o))) return undefined
  let total = 0
  // Option values are looked up too; they are rarely files, and then only make the sum larger.
  for (const arg of rest) if (!arg.startsWith('-')) total += c.fileSize(arg) ?? 0
  const threshold = Number(c.env.MAILLOG_LARGE_INPUT ?? LARGE_INPUT)
  return total >= threshold ? [...HEAP_FLAGS] : undefined
}

function fileSize(path: string): number | undefined {
  try {
    const s = statSync(path)
    return s.isFile() ? s.size : undefined
  } catch {
    return undefined
  }
}

/**
 * Runs the command in a child Node process when {@link heapFlags} asks for it, and resolves to
 * its exit code; `undefined` when the command should run in this process. The child inherits
 * standard input and output; signals sent to this process are passed on, and a child killed by
 * a signal ends this process with the same signal.
 */
export function respawnForHeap(argv: readonly string[], script: string): Promise<number> | undefined {
  const nodeOptions = [...process.execArgv, ...(process.env.NODE_OPTIONS ?? '').split(/\s+/)]
  const flags = heapFlags({ argv, nodeOptions, env: process.env, fileSize })
  if (!flags) return undefined
  const child = spawn(process.execPath, [...process.execArgv, ...flags, script, ...argv], {
    stdio: 'inherit',
    env: { ...process.env, MAILLOG_NO_RESPAWN: '1' },
  })
  const forward = (signal: NodeJS.Signals) => () => {
    child.kill(signal)
  }
  const signals: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP']
  const handlers = signals.map((s) => [s, forward(s)] as const)
  for (const [s, h] of handlers) process.on(s, h)
  return new Promise((resolve) => {
    child.on('error', (err) => {
      process.stderr.write(`maillog: cannot start ${process.execPath}: ${err.message}\n`)
      resolve(2)
    })
    child.on('exit', (code, signal) => {
      for (const [s, h] of handlers) process.off(s, h)
      if (signal) process.kill(process.pid, signal)
      resolve(code ?? 2)
    })
  })
}
