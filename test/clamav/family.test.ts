import { describe, expect, it } from 'vitest'
import { readPrefix } from '../../src/clamav/base.js'
import { clamavFamily } from '../../src/clamav/index.js'

describe('clamavFamily.claim', () => {
  it('should claim clamd and freshclam under any path, and nothing else', () => {
    expect(clamavFamily.claim('clamd')).toBeDefined()
    expect(clamavFamily.claim('/usr/sbin/clamd')).toBeDefined()
    expect(clamavFamily.claim('freshclam')).toBeDefined()
    for (const p of ['clamav-milter', 'clamscan', 'amavis', 'postfix/smtpd', 'sm-mta', 'opendkim']) {
      expect(clamavFamily.claim(p), p).toBeUndefined()
    }
  })
})

describe('readPrefix', () => {
  it('should drop the ctime stamp and read the level on either side of it', () => {
    expect(readPrefix('Sat Mar  1 12:00:00 2025 -> SelfCheck: Database status OK.')).toEqual({
      severity: undefined,
      text: 'SelfCheck: Database status OK.',
    })
    expect(readPrefix('ERROR: Sat Mar  1 12:00:00 2025 -> x')).toEqual({ severity: 'error', text: 'x' })
    expect(readPrefix('Sat Mar  1 12:00:00 2025 -> WARNING: x')).toEqual({ severity: 'warning', text: 'x' })
  })
  it('should leave text without prefixes as it is', () => {
    expect(readPrefix('Sat Mar  1 is not a stamp -> x').text).toBe('Sat Mar  1 is not a stamp -> x')
    expect(readPrefix('')).toEqual({ severity: undefined, text: '' })
  })
})
