/** Running commands from tests: the maillog CLI and node scripts, with exit code and output. */
import { execFile } from 'node:child_process'
import { readFile } from 'node:fs/promises'

/** What a finished command left. */
export interface Run {
  readonly code: number
  readonly stdout: string
  readonly stderr: string
}

/** Runs `node ARGS…`, feeding `input` on stdin when given, with `env` added to the environment. */
export function node(args: readonly string[], input?: string, env?: Record<string, string>): Promise<Run> {
  return new Promise((resolve) => {
    const options = { maxBuffer: 1 << 28, env: env ? { ...process.env, ...env } : process.env }
    const child = execFile(process.execPath, [...args], options, (err, stdout, stderr) => {
      resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr })
    })
    if (input !== undefined) child.stdin?.end(input)
  })
}

/** Runs `maillog ARGS…` from the built package. */
export function run(args: readonly string[], input?: string, env?: Record<string, string>): Promise<Run> {
  return node(['bin/maillog.js', ...args], input, env)
}

/** The records of NDJSON output (a command's stdout), skipping empty lines. */
export function jsonLines<T = Record<string, unknown>>(ndjson: string): T[] {
  return ndjson
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as T)
}

/** The log lines of a corpus case file, without its `#` comments and empty lines. */
export async function caseLogLines(path: string): Promise<string[]> {
  return (await readFile(path, 'utf8')).split('\n').filter((l) => l !== '' && !l.startsWith('#'))
}
