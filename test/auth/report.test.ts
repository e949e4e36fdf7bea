import { describe, expect, it } from 'vitest'
import { addAuthEvent, authAttempt, createAuthReport } from '../../src/auth/report.js'
import { parseLines } from '../../src/parse.js'

const events = parseLines(
  [
    'Mar  4 10:45:38 mta1 saslauthd[12374]: auth_zimbra: bob@example.com auth OK',
    'Mar  4 10:45:40 mta1 saslauthd[12374]: auth_zimbra: carol auth failed: authentication failed for [carol]',
    'Mar  4 10:45:41 mta1 saslauthd[12374]: auth_zimbra: carol auth failed: authentication failed for [carol]',
    'Mar  4 10:45:42 mta1 postfix/smtpd[7]: warning: unknown[203.0.113.20]: SASL LOGIN authentication failed: authentication failure, sasl_username=admin@example.org',
  ].join('\n'),
  { year: 2025, zone: 'UTC' },
)

describe('auth report', () => {
  it("should count Zimbra saslauthd checks (the MTA's SMTP AUTH) per account", () => {
    expect(authAttempt(events[1]!)).toEqual({
      time: '2025-03-04T10:45:40+00:00',
      ok: false,
      account: 'carol',
      ip: '',
      protocol: 'smtp',
      source: 'zimbra',
      reason: 'authentication failed for [carol]',
    })
    const report = createAuthReport()
    for (const e of events) addAuthEvent(report, e)
    expect(report).toMatchObject({ attempts: 4, failures: 3 })
    expect(report.byAccount.get('carol')).toMatchObject({ failures: 2, successes: 0, protocols: ['smtp'] })
    expect(report.byAccount.get('bob@example.com')).toMatchObject({ failures: 0, successes: 1 })
    expect(report.byIp.get('203.0.113.20')).toMatchObject({ failures: 1, others: ['admin@example.org'] })
  })
})
