import { describe, expect, it } from 'vitest'
import { parseLines } from '../../src/parse.js'
import { readEntries } from '../../src/zimbra/audit.js'

const opts = { zone: 'UTC' } as const
const line = (ctx: string, msg: string) => `2024-03-04 10:21:40,118 INFO  [qtp1-2] [${ctx}] security - ${msg}`

describe('readEntries', () => {
  it('should read encodeAttrs entries with spaces, brackets and ;; in values', () => {
    expect(
      readEntries(
        'cmd=Auth; account=bob@example.com; error=authentication failed for [bob], invalid password;',
      ),
    ).toEqual([
      ['cmd', 'Auth'],
      ['account', 'bob@example.com'],
      ['error', 'authentication failed for [bob], invalid password'],
    ])
    expect(readEntries('cmd=X; a=1;;2;;; b=;')).toEqual([
      ['cmd', 'X'],
      ['a', '1;2;'],
      ['b', ''],
    ])
  })
  it('should read repeated keys written without a space and a last entry without its ;', () => {
    expect(readEntries('cmd=Y; m=a;m=b; protocol=imap')).toEqual([
      ['cmd', 'Y'],
      ['m', 'a'],
      ['m', 'b'],
      ['protocol', 'imap'],
    ])
  })
  it('should call free text free text, and not leak state into the next line', () => {
    expect(readEntries('Suppressed password lockout.')).toBeUndefined()
    expect(readEntries('cmd=Auth; account=a@b;')).toEqual([
      ['cmd', 'Auth'],
      ['account', 'a@b'],
    ])
  })
})

describe('audit events', () => {
  it('should tell success, failure and lockout apart', () => {
    const [ok, bad, locked] = parseLines(
      [
        line('ip=10.0.0.3;oip=198.51.100.7;', 'cmd=Auth; account=bob@example.com; protocol=imap;'),
        line(
          'oip=198.51.100.7;',
          'cmd=Auth; account=bob@example.com; protocol=soap; error=authentication failed for [bob], invalid password;',
        ),
        line(
          'oip=198.51.100.7;',
          'cmd=Auth; account=bob@example.com; error=account lockout due to too many failed logins;',
        ),
      ].join('\n'),
      opts,
    )
    expect(ok).toMatchObject({
      type: 'zimbra.audit.auth',
      account: 'bob@example.com',
      protocol: 'imap',
      clientIp: '198.51.100.7',
    })
    expect(bad).toMatchObject({
      type: 'zimbra.audit.auth-failed',
      typedName: 'bob',
      reason: 'invalid password',
    })
    expect(locked).toMatchObject({
      type: 'zimbra.audit.lockout',
      state: 'locked',
      account: 'bob@example.com',
    })
  })
  it('should keep command attributes in a prototype-free map, arrays for repeated keys', () => {
    const [e] = parseLines(
      line('name=admin@example.com;', 'cmd=ModifyAccount; name=constructor; toString=x; a=1;a=2;'),
      opts,
    )
    expect(e).toMatchObject({
      type: 'zimbra.audit.command',
      command: 'ModifyAccount',
      actor: 'admin@example.com',
    })
    const attrs = (e as { attributes: Record<string, unknown> }).attributes
    expect(Object.getPrototypeOf(attrs)).toBeNull()
    expect({ ...attrs }).toEqual({ name: 'constructor', toString: 'x', a: ['1', '2'] })
  })
})
