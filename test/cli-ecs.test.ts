import { mkdtemp, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { run } from './run.js'

const tmp = await mkdtemp(join(tmpdir(), 'maillog-ecs-'))

const T = ['trace', '--year', '2025', '--zone', 'UTC']
const multi = 'corpus/trace/multi-host.log'
const reuse = 'corpus/trace/queue-id-reuse.log'
const lines = (s: string): string[] => s.split('\n').filter((l) => l !== '')

describe('maillog trace --format', () => {
  it('should keep --json as --format ndjson', async () => {
    const expected = await readFile('corpus/trace/multi-host.transactions.jsonl', 'utf8')
    expect((await run([...T, '--format', 'ndjson', multi])).stdout).toBe(expected)
    expect((await run([...T, '--json', '--format', 'ndjson', multi])).stdout).toBe(expected)
  })

  it('should print one ECS document per transaction', async () => {
    const r = await run([...T, '--format', 'ecs', multi])
    expect(r.code).toBe(0)
    const docs = lines(r.stdout).map((l) => JSON.parse(l))
    expect(docs.map((d) => d.maillog.id)).toEqual(
      lines(await readFile('corpus/trace/multi-host.transactions.jsonl', 'utf8')).map(
        (l) => JSON.parse(l).id,
      ),
    )
    expect(docs[0]).toMatchObject({
      log: { file: { path: multi } },
      event: { dataset: 'maillog.transaction' },
    })
  })

  it('should print _bulk pairs with ids that are the same on every run', async () => {
    const a = await run([...T, '--format', 'es-bulk', multi, reuse])
    const b = await run([...T, '--format', 'es-bulk', multi, reuse])
    expect(a.code).toBe(0)
    expect(a.stdout).toBe(b.stdout)
    const all = lines(a.stdout).map((l) => JSON.parse(l))
    expect(all.length % 2).toBe(0)
    const actions = all.filter((_, i) => i % 2 === 0)
    const docs = all.filter((_, i) => i % 2 === 1)
    for (const action of actions) expect(Object.keys(action.index).sort()).toEqual(['_id', '_index'])
    for (const doc of docs) expect(doc.ecs.version).toBeDefined()
    const ids = actions.map((x) => x.index._id)
    expect(new Set(ids).size).toBe(ids.length)
    // The reused queue id: two transactions, same id, two documents.
    expect(docs.filter((d) => d.maillog.id === 'mx1/postfix/F869708192')).toHaveLength(2)
  })

  it('should resolve --index date patterns and filter like the other formats', async () => {
    const r = await run([
      ...T,
      '--format',
      'es-bulk',
      '--index',
      'maillog-%Y.%m.%d',
      '--to',
      '^bob@store1',
      multi,
    ])
    const [action, doc] = lines(r.stdout).map((l) => JSON.parse(l))
    expect(action.index._index).toBe('maillog-2025.03.01')
    expect(doc.maillog.id).toBe('store1/postfix/5F60718293')
  })

  it('should print NOQUEUE rejects as ECS events with --rejects', async () => {
    const r = await run([
      ...T,
      '--format',
      'es-bulk',
      '--rejects',
      '--to',
      'x@example.com',
      'corpus/trace/noqueue-reject.log',
    ])
    const [action, doc] = lines(r.stdout).map((l) => JSON.parse(l))
    expect(action.index._id).toMatch(/^[0-9a-f]{16}$/)
    expect(doc).toMatchObject({ event: { action: 'postfix.smtpd.reject', outcome: 'failure' } })
  })

  it('should print the transactions of whole chains as documents', async () => {
    const r = await run([...T, '--format', 'ecs', '--chain', '--to', '^bob@store1', multi])
    expect(lines(r.stdout).map((l) => JSON.parse(l).maillog.id)).toEqual([
      'mx1/postfix/4E5F607182',
      'relay1/postfix-in/4QzXk12mNbz9Tv',
      'store1/postfix/5F60718293',
    ])
  })

  it('should reject bad formats and index names with exit 2', async () => {
    expect((await run([...T, '--format', 'xml', multi])).code).toBe(2)
    expect((await run([...T, '--json', '--format', 'ecs', multi])).code).toBe(2)
    expect((await run([...T, '--index', 'x', multi])).code).toBe(2)
    const bad = await run([...T, '--format', 'es-bulk', '--index', 'Mail', multi])
    expect(bad.code).toBe(2)
    expect(bad.stderr).toMatch(/--index: must be lowercase/)
  })
})

describe('maillog parse --format ecs', () => {
  it('should print one ECS document per input line', async () => {
    const log = 'corpus/postfix/qmgr.log'
    const plain = lines((await run(['parse', '--year', '2025', '--zone', 'UTC', log])).stdout)
    const r = await run(['parse', '--year', '2025', '--zone', 'UTC', '--format', 'ecs', log])
    expect(r.code).toBe(0)
    const docs = lines(r.stdout).map((l) => JSON.parse(l))
    expect(docs).toHaveLength(plain.length)
    expect(docs.map((d) => d.maillog.type)).toEqual(plain.map((l) => JSON.parse(l).type))
    expect((await run(['parse', '--format', 'es-bulk', log])).code).toBe(2)
  })
  it('should give each document the byte offset of its line (log.offset), from files and stdin', async () => {
    const log = join(tmp, 'offsets.log')
    const text = [
      'Mar  1 12:00:01 mx1 postfix/qmgr[7]: 3F4A92C1B: removed',
      'Mar  1 12:00:02 mx1 postfix/smtpd[8]: connect from caf\u00e9.example[192.0.2.1]\r',
      'not a syslog line \u00ff',
      '2024-03-04 10:15:02,481 INFO  [main] [] misc - first line',
      '\tat continuation',
      'Mar  1 12:00:03 mx1 postfix/qmgr[7]: 3F4A92C1B: removed',
    ].join('\n')
    await writeFile(log, text)
    const bytes = Buffer.from(text)
    const starts = [0]
    for (let i = 0; i < bytes.length; i++) if (bytes[i] === 10) starts.push(i + 1)
    const offsets = async (args: string[], input?: string) =>
      lines(
        (await run(['parse', '--year', '2025', '--zone', 'UTC', '--format', 'ecs', ...args], input)).stdout,
      ).map((l) => JSON.parse(l).log.offset)
    // The log4j record covers lines 4 and 5: one document, at the record's first line.
    const expected = [starts[0], starts[1], starts[2], starts[3], starts[5]]
    expect(await offsets([log])).toEqual(expected)
    expect(await offsets(['-'], text)).toEqual(expected)
  })
})

describe('maillog es-template', () => {
  it('should print the template and the ILM policy as one JSON object', async () => {
    const r = await run(['es-template'])
    expect(r.code).toBe(0)
    const body = JSON.parse(r.stdout)
    expect(Object.keys(body)).toEqual(['index_template', 'ilm_policy'])
    expect(body.index_template.template.settings['index.lifecycle.name']).toBe('maillog')
    expect(body.ilm_policy.policy.phases.delete.min_age).toBe('90d')
  })

  it('should print an ISM policy for OpenSearch, and single parts', async () => {
    const os = JSON.parse(
      (
        await run([
          'es-template',
          '--opensearch',
          '--name',
          'mail',
          '--retention',
          '30d',
          '--pattern',
          'mail-*',
        ])
      ).stdout,
    )
    expect(Object.keys(os)).toEqual(['index_template', 'ism_policy'])
    expect(os.index_template.index_patterns).toEqual(['mail-*'])
    expect(os.ism_policy.policy.states[0].transitions[0].conditions.min_index_age).toBe('30d')
    const template = JSON.parse((await run(['es-template', '--part', 'template'])).stdout)
    expect(template.template.mappings.properties.email).toBeDefined()
    const policy = JSON.parse((await run(['es-template', '--part', 'policy', '--retention', '7d'])).stdout)
    expect(policy.policy.phases.delete.min_age).toBe('7d')
  })

  it('should reject bad options with exit 2', async () => {
    expect((await run(['es-template', '--retention', '3 months'])).code).toBe(2)
    expect((await run(['es-template', '--part', 'all'])).code).toBe(2)
    expect((await run(['es-template', '--name', 'Bad Name'])).code).toBe(2)
  })
})
