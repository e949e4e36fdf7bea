import { spawn } from 'node:child_process'
import { readFile } from 'node:fs/promises'
import { describe, expect, it } from 'vitest'
import { HEAP_FLAGS, type HeapContext, heapFlags, LARGE_INPUT } from '../src/cli/heap.js'
import { run } from './run.js'

const context = (argv: string[], over: Partial<HeapContext> = {}): HeapContext => ({
  argv,
  nodeOptions: [],
  env: {},
  fileSize: (p) => (p.endsWith('.log') ? LARGE_INPUT : undefined),
  ...over,
})

describe('heapFlags', () => {
  it('should bound the young generation of reading commands on large files only', () => {
    expect(heapFlags(context(['trace', '--json', 'big.log']))).toEqual(HEAP_FLAGS)
    expect(HEAP_FLAGS).toContain('--max-semi-space-size=8')
    expect(heapFlags(context(['parse', 'big.log'], { fileSize: () => LARGE_INPUT - 1 }))).toBeUndefined()
    expect(heapFlags(context(['parse']))).toBeUndefined()
    expect(heapFlags(context(['corpus', 'check', 'big.log']))).toBeUndefined()
    expect(heapFlags(context([]))).toBeUndefined()
  })
  it('should add up the files and skip options and what is not a file', () => {
    const half = (p: string) => (p.startsWith('half') ? LARGE_INPUT / 2 : undefined)
    expect(heapFlags(context(['stats', 'half1', '--zone', 'UTC', 'half2'], { fileSize: half }))).toBeDefined()
    expect(heapFlags(context(['stats', 'half1', '--zone', 'UTC'], { fileSize: half }))).toBeUndefined()
  })
  it('should leave a heap setting of the user, the child and an opt-out alone', () => {
    const big = ['auth', 'big.log']
    expect(heapFlags(context(big, { nodeOptions: ['--max-semi-space-size=32'] }))).toBeUndefined()
    expect(heapFlags(context(big, { nodeOptions: ['--max-old-space-size=4096'] }))).toBeUndefined()
    expect(heapFlags(context(big, { nodeOptions: ['--heap-growing-percent=50'] }))).toBeUndefined()
    expect(heapFlags(context(big, { nodeOptions: ['--trace-gc'] }))).toEqual(HEAP_FLAGS)
    expect(heapFlags(context(big, { env: { MAILLOG_NO_RESPAWN: '1' } }))).toBeUndefined()
    expect(heapFlags(context(big, { env: { MAILLOG_LARGE_INPUT: String(2 * LARGE_INPUT) } }))).toBeUndefined()
  })
})

describe('a command run again in a child process', () => {
  const respawn = { MAILLOG_LARGE_INPUT: '0' }
  const T = ['trace', '--year', '2025', '--zone', 'UTC', '--json']
  it('should print the same output with the same exit code', async () => {
    const log = 'corpus/trace/multi-host.log'
    const direct = await run([...T, log])
    const child = await run([...T, log], undefined, respawn)
    expect(child).toEqual(direct)
    expect(child.stdout).toBe(await readFile('corpus/trace/multi-host.transactions.jsonl', 'utf8'))
    const none = await run([...T, '--to', 'nobody@nowhere', log], undefined, respawn)
    expect(none.code).toBe(1)
    const missing = await run([...T, 'no/such.log'], undefined, respawn)
    expect(missing.code).toBe(2)
    expect(missing.stderr).toContain('no/such.log: no such file')
  })
  it('should read standard input', async () => {
    const line = 'Mar  1 12:00:01 mx1 postfix/qmgr[7]: 3F4A92C1B: removed\n'
    const r = await run(['parse', '--year', '2025', '--zone', 'UTC'], line, respawn)
    expect(r.code).toBe(0)
    expect(JSON.parse(r.stdout).type).toBe('postfix.qmgr.removed')
  })
  it('should pass a signal on and end by it', async () => {
    const p = spawn(process.execPath, ['bin/maillog.js', 'parse', '--year', '2025'], {
      env: { ...process.env, ...respawn },
      stdio: ['pipe', 'pipe', 'pipe'],
    })
    // stdin stays open: the child waits for lines until the signal.
    await new Promise((r) => setTimeout(r, 700))
    p.kill('SIGTERM')
    const [code, signal] = await new Promise<[number | null, string | null]>((r) =>
      p.on('exit', (c, s) => r([c, s])),
    )
    expect(code).toBeNull()
    expect(signal).toBe('SIGTERM')
  })
})
