import { describe, expect, it } from 'vitest'
import type { MailEvent } from '../../src/events/index.js'
import { parseLines } from '../../src/parse.js'

const opts = { year: 2025, zone: 'UTC' } as const
const one = (msg: string) => parseLines(`Mar  4 09:00:00 mta1 amavis[4100]: ${msg}`, opts)[0] as MailEvent

describe('amavis.startup', () => {
  it('should keep a starting line whose version has no dash as product only', () => {
    expect(one('starting. /usr/sbin/amavisd at mx.example.org amavisd (20181009)')).toMatchObject({
      type: 'amavis.startup',
      kind: 'starting',
      path: '/usr/sbin/amavisd',
      myHostname: 'mx.example.org',
      product: 'amavisd',
    })
  })

  it('should fall back to amavis.diagnostic for a starting line without a host', () => {
    expect(one('starting. /usr/sbin/amavisd')).toMatchObject({ type: 'amavis.diagnostic' })
  })

  it('should read a decoder extension of more than four letters without padding', () => {
    expect(one('Found decoder for    .tar.gz at /bin/tar')).toMatchObject({
      kind: 'decoder',
      extension: 'tar.gz',
      paths: ['/bin/tar'],
    })
    expect(one('Internal decoder for .asc')).toMatchObject({ kind: 'decoder', extension: 'asc', found: true })
  })

  it('should keep the alert mark of a Net::Server error', () => {
    expect(one("(!)Net::Server: 2024/03/04-09:00:00 Couldn't bind to port 10024")).toMatchObject({
      type: 'amavis.startup',
      kind: 'server',
      alert: 'warning',
    })
  })
})

describe('amavis.rundown', () => {
  it('should fall back to amavis.diagnostic for an unknown reason', () => {
    expect(one('(04150-30) Requesting process rundown soon')).toMatchObject({ type: 'amavis.diagnostic' })
  })

  it('should not set waitingForClient on a timeout without the client clause', () => {
    expect(one('(04150-30) (!)Requesting process rundown, task exceeded allowed time')).toMatchObject({
      type: 'amavis.rundown',
      reason: 'timeout',
      waitingForClient: false,
    })
  })
})
