/**
 * Access through IMAP, POP3 and SOAP as mailbox.log shows it: logins and failed logins,
 * session ends, per-request timings, and quota refusals (`imap`, `pop`, `soap`, `SoapEngine`
 * categories). SOAP/web logins that succeed are logged in audit.log only (`audit.ts`).
 *
 * @module
 */

import { classifier } from '../grammar/classifier.js'
import { type Builder, clientIp, type Fields, type Head, int } from './base.js'

/** IMAP message shapes (`imap/ImapHandler.java`, `NioImapHandler.java`, `TcpImapHandler.java`), most frequent first. */
export const imapShapes = {
  request: /[A-Z(][A-Za-z)]* elapsed=/,
  login: 'user ',
  failed: 'authentication failed for [',
  logout: [
    'dropping connection for user ',
    'NIO:dropping connection for user ',
    'TCP:dropping connection for user ',
  ],
  quota: 'APPEND failed: quota exceeded',
} as const

/** POP3 message shapes (`pop3/Pop3Handler.java`). */
export const popShapes = {
  request: /[A-Z(][A-Za-z)]* elapsed=/,
  login: 'user ',
  logout: ['quit from client', 'disconnected without quit'],
} as const

/** SOAP message shapes (`soap/SoapEngine.java:466-509`). */
export const soapShapes = {
  request: [/\(batch\) \w+ elapsed=/, /\w+ elapsed=/, /\w+ proxy=/],
} as const

/** `SoapEngine` message shapes (`SoapEngine.java:139-146,669-688`). */
export const soapEngineShapes = {
  failed: 'handler exception: authentication failed for [',
  quota: 'handler exception: mailbox exceeded quota of ',
} as const

const imapShape = classifier(imapShapes)
const popShape = classifier(popShapes)
const soapShape = classifier(soapShapes)
const soapEngineShape = classifier(soapEngineShapes)

// ImapHandler.java:1792-1793 `user %s authenticated, mechanism=%s%s` (` [TLS]`);
// Pop3Handler.java:593-594 `user %s authenticated, mechanism=%s %s` (trailing space without TLS).
const LOGIN = /^user (\S+) authenticated, mechanism=(\S+) ?( ?\[TLS\])? *$/
// NioImapHandler.java:145 `%s elapsed=%d (NIO)`, Pop3Handler.java:166 `%s elapsed=%d`.
const ELAPSED = /^(\S+) elapsed=(\d+)(?: \((?:NIO|TCP)\))?$/
// SoapEngine.java:473,493,509.
const SOAP = /^(\(batch\) )?(\w+) (?:proxy=(.*?),)?elapsed=(\d+)$/
// AccountServiceException.java:132 `authentication failed for [%s]` + reason (`, %s` or ` (%s)`).
// Split by the last character: the ` (…)` branch can only match text that ends in `)`, and trying
// it elsewhere scans to the end of the line at every `] (`.
const FAILED = /^(?=.*\)$)authentication failed for \[(.*)\](?:, (.*?)| \((.*)\))?$/
const FAILED_OPEN = /^(?=.*$)authentication failed for \[(.*)\](?:, (.*?))?$/
const IMAP_LOGOUT = /^(?:NIO:|TCP:)?dropping connection for user (\S+) \((LOGOUT|server-initiated)\)$/

function client(h: Head): { clientIp?: string; userAgent?: string } {
  return { clientIp: clientIp(h.context), userAgent: h.context.ua }
}

function login(text: string, h: Head, protocol: string): Fields | undefined {
  const m = LOGIN.exec(text)
  if (!m) return undefined
  return {
    type: 'zimbra.mailbox.login',
    protocol,
    account: m[1]!,
    mechanism: m[2]!,
    tls: m[3] !== undefined,
    ...client(h),
  }
}

function failed(text: string, h: Head, protocol: string): Fields | undefined {
  const m = (text.endsWith(')') ? FAILED : FAILED_OPEN).exec(text)
  if (!m) return undefined
  const reason = m[2] ?? m[3]
  return {
    type: 'zimbra.mailbox.auth-failed',
    protocol,
    account: m[1]!,
    reason: reason === '' ? undefined : reason,
    ...client(h),
  }
}

function request(text: string, h: Head, protocol: 'imap' | 'pop3'): Fields | undefined {
  const m = ELAPSED.exec(text)
  if (!m) return undefined
  return {
    type: 'zimbra.mailbox.request',
    protocol,
    command: m[1]!,
    elapsed: Number(m[2]),
    account: h.context.name,
  }
}

/**
 * Parses an `imap` record.
 *
 * @example
 * parseImap('user bob@example.com authenticated, mechanism=LOGIN [TLS]', head)
 * //=> { type: 'zimbra.mailbox.login', protocol: 'imap', account: 'bob@example.com', mechanism: 'LOGIN', tls: true, clientIp: '198.51.100.7', userAgent: 'Thunderbird/115.0' }
 */
export const parseImap: Builder = (text, h) => {
  switch (imapShape(text)) {
    case 'request':
      return request(text, h, 'imap')
    case 'login':
      return login(text, h, 'imap')
    case 'failed':
      return failed(text, h, 'imap')
    case 'logout': {
      const m = IMAP_LOGOUT.exec(text)
      if (!m) return undefined
      return { type: 'zimbra.mailbox.logout', protocol: 'imap', account: m[1]!, reason: m[2]!, ...client(h) }
    }
    case 'quota':
      return { type: 'zimbra.mailbox.quota', kind: 'exceeded', account: h.context.name }
    case undefined:
      return undefined
  }
}

/**
 * Parses a `pop` record.
 *
 * @example
 * parsePop('quit from client', head) //=> { type: 'zimbra.mailbox.logout', protocol: 'pop3', account: 'bob@example.com', reason: 'quit', … }
 */
export const parsePop: Builder = (text, h) => {
  switch (popShape(text)) {
    case 'request':
      return request(text, h, 'pop3')
    case 'login':
      return login(text, h, 'pop3')
    case 'logout':
      return {
        type: 'zimbra.mailbox.logout',
        protocol: 'pop3',
        account: h.context.name,
        reason: text.charCodeAt(0) === 113 /* q */ ? 'quit' : 'disconnected',
        ...client(h),
      }
    case undefined:
      return undefined
  }
}

/**
 * Parses a `soap` record (request timings).
 *
 * @example
 * parseSoap('(batch) GetInfoRequest elapsed=12', head)
 * //=> { type: 'zimbra.mailbox.request', protocol: 'soap', command: 'GetInfoRequest', elapsed: 12, batch: true, account: 'bob@example.com' }
 */
export const parseSoap: Builder = (text, h) => {
  if (soapShape(text) !== 'request') return undefined
  const m = SOAP.exec(text)
  if (!m) return undefined
  return {
    type: 'zimbra.mailbox.request',
    protocol: 'soap',
    command: m[2]!,
    elapsed: Number(m[4]),
    batch: m[1] === undefined ? undefined : true,
    proxy: m[3],
    account: h.context.name,
  }
}

/**
 * Parses a `SoapEngine` record: authentication failures and quota faults.
 *
 * @example
 * parseSoapEngine('handler exception: authentication failed for [bob], invalid password', head)
 * //=> { type: 'zimbra.mailbox.auth-failed', protocol: 'soap', account: 'bob', reason: 'invalid password', clientIp: '198.51.100.7', userAgent: 'zclient/10.0.7_GA' }
 */
export const parseSoapEngine: Builder = (text, h) => {
  switch (soapEngineShape(text)) {
    case 'failed':
      return failed(text.slice(19), h, 'soap')
    case 'quota': {
      const quota = int(/^(\d+) bytes/.exec(text.slice(soapEngineShapes.quota.length))?.[1])
      return { type: 'zimbra.mailbox.quota', kind: 'exceeded', account: h.context.name, quota }
    }
    case undefined:
      return undefined
  }
}
