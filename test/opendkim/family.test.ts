import { describe, expect, it } from 'vitest'
import type { MailEvent } from '../../src/events/index.js'
import { opendkimFamily } from '../../src/opendkim/index.js'
import { parseLines } from '../../src/parse.js'

const one = (msg: string): MailEvent =>
  parseLines(`Mar  1 10:00:00 mx2 opendkim[1402]: ${msg}`, { year: 2025, zone: 'UTC' })[0]!

describe('opendkimFamily', () => {
  it('should claim opendkim under any path, and nothing else', () => {
    expect(opendkimFamily.claim('opendkim')).toBe(true)
    expect(opendkimFamily.claim('/usr/sbin/opendkim')).toBe(true)
    for (const p of ['opendmarc', 'clamd', 'amavis', 'postfix/cleanup', 'sm-mta']) {
      expect(opendkimFamily.claim(p), p).toBeUndefined()
    }
  })

  it('should take a queue id only where the first word can be one', () => {
    expect(one('3F4A92C1B: not authenticated')).toMatchObject({ type: 'opendkim.info', queueId: '3F4A92C1B' })
    // A word without a digit is a notice's subject, not a queue id.
    expect(one('cache: 12 queries, 3 hits (25%), 0 expired, 9 keys')).toMatchObject({
      type: 'opendkim.message',
    })
    expect(one('(unknown-jobid): bad signature data')).not.toHaveProperty('queueId')
  })

  it('should keep the text of a shape it cannot complete as opendkim.info', () => {
    expect(one('3F4A92C1B: s=sel d=example.org something else')).toMatchObject({ type: 'opendkim.info' })
    expect(one('3F4A92C1B: DKIM verification successful, or not')).toMatchObject({ type: 'opendkim.info' })
  })
})
