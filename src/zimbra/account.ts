/**
 * `account` category: SASL logins that fail before the protocol handler logs anything (IMAP,
 * POP3 and SMTP AUTH go through zm-mailbox `store/src/java/com/zimbra/cs/security/sasl/`), and
 * password changes (`account/ldap/LdapProvisioning.java:6329`).
 *
 * @module
 */

import { classifier } from '../grammar/classifier.js'
import { type Builder, clientIp, type Head } from './base.js'

/** Message shapes (`PlainAuthenticator.java:90,96`, `Authenticator.java:216,222`, `GssAuthenticator.java:224,230`). */
export const accountShapes = {
  noAccount: 'authentication failed for ',
  disabled: 'Authentication failed - ',
  authorization: 'authorization failed for ',
  kerberos: 'authentication failed (no account associated with Kerberos principal ',
  // LdapProvisioning.java:6329 (8.8.12+) `password changed for %s`.
  password: 'password changed for ',
} as const

const shape = classifier(accountShapes)

// PlainAuthenticator.java:90 `authentication failed for %s (no such account)`.
const NO_ACCOUNT = /^authentication failed for (\S+) \((.+)\)$/
// :96 `Authentication failed - %s not enabled for %s` (the protocol enum: imap, pop3, smtp …).
const DISABLED = /^Authentication failed - (\S+) not enabled for (\S+)$/
// Authenticator.java:216,222 `authorization failed for %s (reason)`.
const AUTHORIZATION = /^authorization failed for (\S+) \((.+)\)$/
const KERBEROS = /^authentication failed \(no account associated with Kerberos principal (.+)\)$/

/** The protocol a SASL login came in by, from the thread that runs it. */
function protocolOf(h: Head): string {
  const t = h.thread
  if (t.startsWith('Imap')) return 'imap'
  if (t.startsWith('Pop3')) return 'pop3'
  if (t.startsWith('Lmtp')) return 'lmtp'
  if (t.startsWith('qtp') || t.startsWith('btpool')) return 'http'
  return 'unknown'
}

/**
 * Parses an `account` record.
 *
 * @example
 * parseAccount('Authentication failed - imap not enabled for bob@example.com', head)
 * //=> { type: 'zimbra.mailbox.auth-failed', protocol: 'imap', account: 'bob@example.com', reason: 'imap not enabled', … }
 */
export const parseAccount: Builder = (text, h) => {
  let account: string
  let reason: string
  let protocol = protocolOf(h)
  switch (shape(text)) {
    case 'kerberos': {
      const m = KERBEROS.exec(text)
      if (!m) return undefined
      account = m[1]!
      reason = 'no account for Kerberos principal'
      break
    }
    case 'noAccount': {
      const m = NO_ACCOUNT.exec(text)
      if (!m) return undefined
      account = m[1]!
      reason = m[2]!
      break
    }
    case 'disabled': {
      const m = DISABLED.exec(text)
      if (!m) return undefined
      protocol = m[1]!.toLowerCase()
      account = m[2]!
      reason = `${protocol} not enabled`
      break
    }
    case 'password': {
      const name = text.slice(accountShapes.password.length)
      if (name === '' || name.indexOf(' ') >= 0) return undefined
      return {
        type: 'zimbra.mailbox.password-changed',
        account: name,
        actor: h.context.aname ?? h.context.name,
        clientIp: clientIp(h.context),
        userAgent: h.context.ua,
      }
    }
    case 'authorization': {
      const m = AUTHORIZATION.exec(text)
      if (!m) return undefined
      account = m[1]!
      reason = m[2]!
      break
    }
    case undefined:
      return undefined
  }
  return {
    type: 'zimbra.mailbox.auth-failed',
    protocol,
    account,
    reason,
    clientIp: clientIp(h.context),
    userAgent: h.context.ua,
  }
}
