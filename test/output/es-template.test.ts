import { EcsFlat } from '@elastic/ecs'
import { describe, expect, it } from 'vitest'
import { eventToEcs, transactionToEcs } from '../../src/output/ecs.js'
import {
  BEATS_FIELD_MAPPINGS,
  ECS_FIELD_MAPPINGS,
  esIndexTemplate,
  ilmPolicy,
  ismPolicy,
  MAILLOG_FIELD_MAPPINGS,
  retentionProblem,
} from '../../src/output/es-template.js'
import {
  corpusEvents,
  corpusTransactions,
  extraEvents,
  extraTransactions,
  json,
  leafPaths,
} from './fixtures.js'

type Mapping = { type?: string; properties?: Record<string, Mapping>; fields?: Record<string, Mapping> }

/** The mapping of a dotted path in an index template, or undefined. */
function mappingOf(properties: Record<string, Mapping>, path: string): Mapping | undefined {
  const parts = path === '@timestamp' ? [path] : path.split('.')
  let level: Record<string, Mapping> | undefined = properties
  let m: Mapping | undefined
  for (const p of parts) {
    m = level?.[p]
    level = m?.properties
  }
  return m
}

const template = JSON.parse(JSON.stringify(esIndexTemplate()))
const properties = template.template.mappings.properties as Record<string, Mapping>

/** ECS types we map differently, and why (docs/ecs.md). */
const SUBSTITUTES: Record<string, string> = {
  match_only_text: 'text', // OpenSearch < 2.12 has no match_only_text
  wildcard: 'keyword', // email.message_id: exact lookups; OpenSearch < 2.15 has no wildcard
}

describe('esIndexTemplate', () => {
  it('should be a composable index template in JSON', () => {
    expect(Object.keys(template).sort()).toEqual(['_meta', 'index_patterns', 'priority', 'template'])
    expect(template.index_patterns).toEqual(['maillog-*'])
    expect(template.template.settings).toEqual({ 'index.lifecycle.name': 'maillog' })
    expect(template.template.mappings.dynamic).toBe(false)
    expect(esIndexTemplate({ opensearch: true }).template.settings).toEqual({})
  })

  it('should map every field that events and transactions produce', () => {
    const docs = [
      ...[...corpusEvents, ...extraEvents].map(eventToEcs),
      // Events read from files carry the byte offset of their line.
      eventToEcs({ ...extraEvents[0]!, offset: 0 }),
      ...[...corpusTransactions, ...extraTransactions].map((t) =>
        transactionToEcs(t, { logFilePath: '/var/log/mail.log' }),
      ),
    ]
    const paths = new Set<string>()
    for (const d of docs) leafPaths(json(d), '', paths)
    const unmapped = [...paths].filter((p) => mappingOf(properties, p)?.type === undefined)
    expect(unmapped).toEqual([])
    // And nothing is mapped that no document uses (a stale entry, or a gap in the inputs).
    const declared = Object.keys({
      ...ECS_FIELD_MAPPINGS,
      ...BEATS_FIELD_MAPPINGS,
      ...MAILLOG_FIELD_MAPPINGS,
    })
    expect(declared.filter((p) => !paths.has(p))).toEqual([])
  })

  it('should give ECS fields their ECS type', () => {
    for (const path of Object.keys(ECS_FIELD_MAPPINGS)) {
      const ecs = (EcsFlat as Record<string, { type: string }>)[path]
      expect(ecs, path).toBeDefined()
      expect(mappingOf(properties, path)?.type, path).toBe(SUBSTITUTES[ecs!.type] ?? ecs!.type)
    }
  })

  it('should map addresses and ids as keyword, reply texts as text with a keyword subfield', () => {
    for (const p of ['email.from.address', 'email.to.address', 'email.message_id', 'maillog.id', 'host.name'])
      expect(mappingOf(properties, p)?.type, p).toBe('keyword')
    for (const p of ['maillog.recipients.response', 'maillog.rejects.text', 'maillog.text']) {
      expect(mappingOf(properties, p)).toMatchObject({
        type: 'text',
        fields: { keyword: { type: 'keyword' } },
      })
    }
    expect(mappingOf(properties, 'maillog.recipients.time')?.type).toBe('date')
    expect(mappingOf(properties, 'maillog.recipients.delay')?.type).toBe('float')
  })
})

describe('retention policies', () => {
  it('should delete after the retention (ILM)', () => {
    const p = JSON.parse(JSON.stringify(ilmPolicy({ retention: '30d' })))
    expect(p.policy.phases.delete).toEqual({ min_age: '30d', actions: { delete: {} } })
    expect(ilmPolicy().policy.phases.delete.min_age).toBe('90d')
  })
  it('should delete after the retention and attach by pattern (ISM)', () => {
    const p = ismPolicy({ retention: '7d', indexPatterns: ['mail-*'] }).policy
    expect(p.default_state).toBe('hot')
    expect(p.states[0]!.transitions).toEqual([{ state_name: 'delete', conditions: { min_index_age: '7d' } }])
    expect(p.states[1]!.actions).toEqual([{ delete: {} }])
    expect(p.ism_template).toEqual([{ index_patterns: ['mail-*'], priority: 100 }])
  })
  it('should refuse retentions that are not an age', () => {
    expect(retentionProblem('90d')).toBeUndefined()
    expect(retentionProblem('12h')).toBeUndefined()
    for (const r of ['90', '0d', '3 months', '1y', '-1d']) expect(retentionProblem(r), r).toBeDefined()
    expect(() => ilmPolicy({ retention: '1y' })).toThrow(/retention/)
  })
})
