/**
 * The "who is guessing passwords" view: authentication failures and successes from Postfix
 * SASL (smtpd), Zimbra mailbox.log, audit.log and saslauthd, and Sendmail AUTH, per account and per client
 * address over time. Successes after failures from the same address are flagged: that is what
 * a guessed password looks like. Pure and bounded: a fold over events, at most `maxKeys`
 * accounts and addresses kept (the rest are counted as dropped).
 *
 * @module
 */

import type { MailEvent } from '../events/index.js'

/** One authentication attempt, whatever the log it came from. */
export interface AuthAttempt {
  readonly time: string
  readonly ok: boolean
  /** Account tried; `''` when the log does not name it (Postfix SASL without `sasl_username`). */
  readonly account: string
  /** Client address; `''` when unknown. */
  readonly ip: string
  /** `smtp`, `imap`, `pop3`, `soap`, `http` … */
  readonly protocol: string
  /** Where it was logged: `postfix`, `zimbra`, `sendmail`. */
  readonly source: string
  readonly reason?: string
}

/**
 * The authentication attempt an event records, if any.
 *
 * @example
 * authAttempt(event) //=> { time, ok: false, account: 'admin@example.org', ip: '203.0.113.20', protocol: 'smtp', source: 'postfix', reason: 'authentication failure' }
 */
export function authAttempt(e: MailEvent): AuthAttempt | undefined {
  switch (e.type) {
    case 'postfix.smtpd.sasl-failed':
      return {
        time: e.time,
        ok: false,
        account: e.saslUsername ?? '',
        ip: e.client.ip,
        protocol: 'smtp',
        source: 'postfix',
        reason: e.reason,
      }
    case 'postfix.smtpd.client':
      return e.saslUsername === undefined
        ? undefined
        : {
            time: e.time,
            ok: true,
            account: e.saslUsername,
            ip: e.client.ip,
            protocol: 'smtp',
            source: 'postfix',
          }
    case 'zimbra.mailbox.auth-failed':
      return {
        time: e.time,
        ok: false,
        account: e.account,
        ip: e.clientIp ?? '',
        protocol: e.protocol,
        source: 'zimbra',
        reason: e.reason,
      }
    case 'zimbra.mailbox.login':
      return {
        time: e.time,
        ok: true,
        account: e.account,
        ip: e.clientIp ?? '',
        protocol: e.protocol,
        source: 'zimbra',
      }
    case 'zimbra.audit.auth-failed':
      return {
        time: e.time,
        ok: false,
        account: e.account ?? '',
        ip: e.clientIp ?? '',
        protocol: e.protocol ?? e.command,
        source: 'zimbra',
        reason: e.reason ?? e.error,
      }
    case 'zimbra.audit.auth':
      return {
        time: e.time,
        ok: true,
        account: e.account ?? '',
        ip: e.clientIp ?? '',
        protocol: e.protocol ?? e.command,
        source: 'zimbra',
      }
    // Zimbra's MTA checks SMTP AUTH through saslauthd, which does not know the client's address.
    case 'zimbra.saslauthd.auth-failed':
      return {
        time: e.time,
        ok: false,
        account: e.account,
        ip: '',
        protocol: 'smtp',
        source: 'zimbra',
        reason: e.reason,
      }
    case 'zimbra.saslauthd.auth':
      return { time: e.time, ok: true, account: e.account, ip: '', protocol: 'smtp', source: 'zimbra' }
    case 'sendmail.diagnostic': {
      // `AUTH failure (LOGIN): authentication failure (-13) SASL(-13): … , relay=host [ip]` (srvrsmtp.c)
      const m = /^AUTH failure \(([^)]+)\): (.*?)(?:, relay=|$)/.exec(e.text)
      if (!m) return undefined
      return {
        time: e.time,
        ok: false,
        account: /authuser=<?([^>,\s]+)/.exec(e.text)?.[1] ?? '',
        ip: e.relay?.ip ?? '',
        protocol: 'smtp',
        source: 'sendmail',
        reason: m[2],
      }
    }
    default:
      return undefined
  }
}

/** Counters of one account or one address. */
export interface AuthTally {
  readonly key: string
  failures: number
  successes: number
  first: string
  last: string
  /** Distinct addresses (for an account) or accounts (for an address), up to 100. */
  readonly others: string[]
  readonly protocols: string[]
  /** A success from an address that failed before: a password that may have been guessed. */
  successAfterFailure: boolean
}

/** The accumulated view. */
export interface AuthReport {
  readonly attempts: number
  readonly failures: number
  readonly byAccount: Map<string, AuthTally>
  readonly byIp: Map<string, AuthTally>
  /** Failures per hour, keyed `YYYY-MM-DDTHH` of the log's local time. */
  readonly hourly: Map<string, number>
  /** Keys not kept because the caps were reached. */
  dropped: number
}

/**
 * An empty report.
 *
 * @example
 * const report = createAuthReport()
 * report.failures //=> 0
 */
export function createAuthReport(): AuthReport {
  return { attempts: 0, failures: 0, byAccount: new Map(), byIp: new Map(), hourly: new Map(), dropped: 0 }
}

const OTHERS_CAP = 100

function tally(
  map: Map<string, AuthTally>,
  key: string,
  a: AuthAttempt,
  other: string,
  cap: number,
): AuthTally | undefined {
  let t = map.get(key)
  if (!t) {
    if (map.size >= cap) return undefined
    t = {
      key,
      failures: 0,
      successes: 0,
      first: a.time,
      last: a.time,
      others: [],
      protocols: [],
      successAfterFailure: false,
    }
    map.set(key, t)
  }
  if (a.ok) t.successes++
  else t.failures++
  if (a.time < t.first) t.first = a.time
  if (a.time > t.last) t.last = a.time
  if (other !== '' && t.others.length < OTHERS_CAP && !t.others.includes(other)) t.others.push(other)
  if (!t.protocols.includes(a.protocol)) t.protocols.push(a.protocol)
  return t
}

/**
 * Adds an event to the report (events that are no authentication are ignored).
 *
 * @example
 * const report = createAuthReport()
 * for (const e of events) addAuthEvent(report, e)
 */
export function addAuthEvent(report: AuthReport, e: MailEvent, maxKeys = 100_000): void {
  const a = authAttempt(e)
  if (!a) return
  ;(report as { attempts: number }).attempts++
  if (!a.ok) {
    ;(report as { failures: number }).failures++
    const hour = a.time.slice(0, 13)
    report.hourly.set(hour, (report.hourly.get(hour) ?? 0) + 1)
  }
  const byIp = a.ip === '' ? undefined : tally(report.byIp, a.ip, a, a.account, maxKeys)
  const byAccount =
    a.account === '' ? undefined : tally(report.byAccount, a.account.toLowerCase(), a, a.ip, maxKeys)
  if ((a.ip !== '' && !byIp) || (a.account !== '' && !byAccount)) report.dropped++
  if (a.ok && byIp && byIp.failures > 0) {
    byIp.successAfterFailure = true
    if (byAccount) byAccount.successAfterFailure = true
  }
}

/**
 * The `n` tallies with the most failures (then the latest), for display.
 *
 * @example
 * topFailures(report.byIp, 10).map((t) => `${t.key} ${t.failures}`)
 */
export function topFailures(map: ReadonlyMap<string, AuthTally>, n: number): AuthTally[] {
  return [...map.values()]
    .filter((t) => t.failures > 0)
    .sort((a, b) => b.failures - a.failures || (a.last < b.last ? 1 : -1) || (a.key < b.key ? -1 : 1))
    .slice(0, n)
}
