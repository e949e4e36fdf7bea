/**
 * Access through IMAP, POP3 and SOAP as mailbox.log shows it: logins and failed logins,
 * session ends, per-request timings, quota refusals, SOAP requests proxied to another server and
 * the client address a POP3 proxy names (`imap`, `pop`, `soap`, `SoapEngine` categories). SOAP/web logins that succeed are logged in audit.log only (`audit.ts`).
 *
 * @module
 */

import { classifier } from '../grammar/classifier.js'
import { type Builder, clientIp, type Fields, type Head, int } from './base.js'

/** IMAP message shapes (`imap/ImapHandler.java`, `NioImapHandler.java`, `TcpImapHandler.java`), most frequent first. */
export const imapShapes = {
  request: /[A-Z(][A-Za-z)]* elapsed=/,
  summary: /\[[^\]]*\] MailboxSize:/,
  login: 'user ',
  failed: 'authentication failed for [',
  logout: [
    'dropping connection for user ',
    'NIO:dropping connection for user ',
    'TCP:dropping connection for user ',
  ],
  select: 'selected folder ',
  quota: 'APPEND failed: quota exceeded',
  commandFailed: /[A-Z]+ failed(?:[:;] |$)/,
  throttled: 'too many IMAP requests from ',
  dropped: [
    'user services are disabled; dropping connection',
    'account missing or not active; dropping connection',
    'target account missing or not active; dropping connection',
  ],
} as const

/** POP3 message shapes (`pop3/Pop3Handler.java`). */
export const popShapes = {
  request: /[A-Z(][A-Za-z)]* elapsed=/,
  summary: /\[[^\]]*\] MailboxSize:/,
  login: 'user ',
  logout: ['quit from client', 'disconnected without quit'],
  throttled: 'throttling POP3 connection for ',
  dropped: 'dropping connection due to too many errors',
  // Pop3Handler.java:792: the proxy's XOIP command, once per session.
  identified: 'POP3 client identified as: ',
} as const

/** SOAP message shapes (`soap/SoapEngine.java:466-509`). */
export const soapShapes = {
  request: [/\(batch\) \w+ elapsed=/, /\w+ elapsed=/, /\w+ proxy=/],
  // SoapEngine.java:466: the request name alone, before the sub-requests' `(batch)` lines.
  batch: /BatchRequest$/,
  // DocumentHandler.java:495-499: the request goes to the account's home server.
  proxying: 'Proxying request: requestedAccountId=',
} as const

/** `SoapEngine` message shapes (`SoapEngine.java:139-146,353,669-688`). */
export const soapEngineShapes = {
  failed: 'handler exception: authentication failed for [',
  quota: 'handler exception: mailbox exceeded quota of ',
  // logFault (SoapEngine.java:137-145) logs these two at INFO, without the stack.
  expired: 'auth credentials have expired',
  missing: 'no valid authtoken present',
  // SoapEngine.java:353 (8.8.7+) `BatchRequest [%s] contains %d sub-request(s): %s`.
  batch: 'BatchRequest [',
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
// ImapHandler.java:1857-1863,2015-2025,2044-2083,2819-2834,2957-2969 `%s failed: <reason>: %s`, `%s failed`;
// :1768 `%s failed; mechanism: %s. Should be contacting one of these hosts: %s`.
const COMMAND_FAILED = /^([A-Z]+) failed(?:[:;] (.*))?$/
const FAILED_REASON =
  /^(no such folder|permission denied(?: on folder)?|no such account|folder not visible|folder not writable|system folder cannot be deleted|hidden folder or parent|cannot rename system folder|invalid target folder|wildcards not permitted in username): (.+)$/
// ImapHandler.java:486-494 `too many IMAP requests from account|original remote ip|remote ip %s dropping connection`;
// Pop3Handler.java:242-253 `throttling POP3 connection for account %s due to too many requests`, `… for [original ]remote IP %s`.
const THROTTLED =
  /^(?:too many IMAP requests from|throttling POP3 connection for) (account|original remote ip|remote ip) (\S+)/i

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

// NioImapHandler.java:171-177, NioPop3Handler.java:57-62: `[CMD=n, CMD=n] MailboxSize:a->b
// InboxNumMsgs:a->b[ TrashNumMsgs:a->b] read[n] write[n] time[ms]`, logged when a connection closes.
const SUMMARY =
  /^\[([^\]]*)\] MailboxSize:(-?\d+)->(-?\d+) InboxNumMsgs:(-?\d+)->(-?\d+)(?: TrashNumMsgs:(-?\d+)->(-?\d+))? read\[(\d+)\] write\[(\d+)\] time\[(\d+)\]$/

function summary(text: string, h: Head, protocol: 'imap' | 'pop3'): Fields | undefined {
  const m = SUMMARY.exec(text)
  if (!m) return undefined
  const commandCounts: { command: string; count: number }[] = []
  if (m[1] !== '') {
    for (const part of m[1]!.split(', ')) {
      const eq = part.lastIndexOf('=')
      const count = int(part.slice(eq + 1))
      if (eq <= 0 || count === undefined) return undefined
      commandCounts.push({ command: part.slice(0, eq), count })
    }
  }
  return {
    type: 'zimbra.mailbox.session-summary',
    protocol,
    account: h.context.name,
    commandCounts,
    mailboxSize: [Number(m[2]), Number(m[3])],
    inboxMessages: [Number(m[4]), Number(m[5])],
    trashMessages: m[6] === undefined ? undefined : [Number(m[6]), Number(m[7])],
    bytesRead: Number(m[8]),
    bytesWritten: Number(m[9]),
    duration: Number(m[10]),
    ...client(h),
  }
}

function throttled(text: string, h: Head, protocol: 'imap' | 'pop3'): Fields | undefined {
  const m = THROTTLED.exec(text)
  if (!m) return undefined
  const basis = m[1]!.toLowerCase()
  return {
    type: 'zimbra.mailbox.throttled',
    protocol,
    basis: basis === 'account' ? 'account' : basis === 'remote ip' ? 'ip' : 'original-ip',
    accountId: basis === 'account' ? m[2] : undefined,
    clientIp: basis === 'account' ? clientIp(h.context) : m[2],
    account: h.context.name,
  }
}

function dropped(text: string, h: Head, protocol: 'imap' | 'pop3'): Fields {
  const semi = text.indexOf(';')
  return {
    type: 'zimbra.mailbox.logout',
    protocol,
    account: h.context.name,
    reason: semi < 0 ? text.replace(/^dropping connection due to /, '') : text.slice(0, semi),
    ...client(h),
  }
}

function commandFailed(text: string, h: Head): Fields | undefined {
  const m = COMMAND_FAILED.exec(text)
  if (!m) return undefined
  const rest = m[2]?.trimEnd()
  const r = rest === undefined ? null : FAILED_REASON.exec(rest)
  return {
    type: 'zimbra.mailbox.command-failed',
    protocol: 'imap',
    command: m[1]!,
    reason: r ? r[1] : rest,
    path: r ? r[2] : undefined,
    account: h.context.name,
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
    case 'summary':
      return summary(text, h, 'imap')
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
    case 'select':
      return {
        type: 'zimbra.mailbox.imap-select',
        folder: text.slice(imapShapes.select.length),
        account: h.context.name,
      }
    case 'commandFailed':
      return commandFailed(text, h)
    case 'throttled':
      return throttled(text, h, 'imap')
    case 'dropped':
      return dropped(text, h, 'imap')
    case undefined:
      return undefined
  }
}

const BATCH = /^BatchRequest \[([^\]\s]*)\] contains \d+ sub-request\(s\): ([\w,]*)$/

function batch(text: string, h: Head): Fields | undefined {
  const m = BATCH.exec(text)
  if (!m) return undefined
  return {
    type: 'zimbra.mailbox.soap-batch',
    requests: m[2] === '' ? [] : m[2]!.split(','),
    path: m[1],
    account: h.context.name,
    ...client(h),
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
    case 'summary':
      return summary(text, h, 'pop3')
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
    case 'throttled':
      return throttled(text, h, 'pop3')
    case 'dropped':
      return dropped(text, h, 'pop3')
    case 'identified': {
      const ip = text.slice(popShapes.identified.length)
      if (ip === '' || ip.indexOf(' ') >= 0) return undefined
      return {
        type: 'zimbra.mailbox.client-identified',
        protocol: 'pop3',
        originalIp: ip,
        proxyIp: h.context.ip === '' ? undefined : h.context.ip,
      }
    }
    case undefined:
      return undefined
  }
}

const AUTH_NULL = ' authAcct <null> reason: '
const AUTH_NAME = ' authAcct name='
const AUTH_ID = ' id='
const REASON = ' reason: '
const TARGET = ' target='

/**
 * DocumentHandler.java:495-499 `Proxying request: requestedAccountId=%s authAcct name=%s id=%s
 * reason: %s` or `… authAcct <null> reason: %s`; the reason (Provisioning.java:1507) ends the
 * line and is free text, so the fixed parts are found from the left.
 */
function proxying(text: string, h: Head): Fields | undefined {
  const start = soapShapes.proxying.length
  const space = text.indexOf(' ', start)
  if (space <= start) return undefined
  const requestedAccountId = text.slice(start, space)
  let authAccount: string | undefined
  let authAccountId: string | undefined
  let reason: string
  if (text.startsWith(AUTH_NULL, space)) {
    reason = text.slice(space + AUTH_NULL.length)
  } else if (text.startsWith(AUTH_NAME, space)) {
    const id = text.indexOf(AUTH_ID, space + AUTH_NAME.length)
    const r = id < 0 ? -1 : text.indexOf(REASON, id + AUTH_ID.length)
    if (r < 0) return undefined
    authAccount = text.slice(space + AUTH_NAME.length, id)
    authAccountId = text.slice(id + AUTH_ID.length, r)
    reason = text.slice(r + REASON.length)
  } else {
    return undefined
  }
  const t = reason.indexOf(TARGET)
  const end = t < 0 ? -1 : reason.indexOf(' ', t + TARGET.length)
  const homeServer = t < 0 ? undefined : reason.slice(t + TARGET.length, end < 0 ? undefined : end)
  return {
    type: 'zimbra.mailbox.soap-proxy',
    requestedAccountId,
    authAccount,
    authAccountId,
    reason: reason === '' ? undefined : reason,
    homeServer: homeServer === '' || homeServer === 'null' ? undefined : homeServer,
    account: h.context.name,
    ...client(h),
  }
}

/**
 * Parses a `soap` record (request timings, batches, proxied requests).
 *
 * @example
 * parseSoap('(batch) GetInfoRequest elapsed=12', head)
 * //=> { type: 'zimbra.mailbox.request', protocol: 'soap', command: 'GetInfoRequest', elapsed: 12, batch: true, account: 'bob@example.com' }
 */
export const parseSoap: Builder = (text, h) => {
  const shape = soapShape(text)
  if (shape === 'batch') return { type: 'zimbra.mailbox.soap-batch', account: h.context.name, ...client(h) }
  if (shape === 'proxying') return proxying(text, h)
  if (shape !== 'request') return undefined
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
 * Parses a `SoapEngine` record: authentication failures, quota faults and batch requests.
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
    case 'expired':
    case 'missing': {
      // ServiceException.java:376,400,404: `auth credentials have expired[: detail]`,
      // `no valid authtoken present[ for EMAIL]`, then logFault's `: <what failed>`.
      const expired = text.charCodeAt(0) === 97 /* a */
      const rest = text.slice((expired ? soapEngineShapes.expired : soapEngineShapes.missing).length)
      const named = /^ for ([^\s:]+)(?:: )?/.exec(rest)
      const detail = named ? rest.slice(named[0].length) : rest.replace(/^: /, '')
      return {
        type: 'zimbra.mailbox.auth-required',
        reason: expired ? 'expired' : 'missing',
        account: named ? named[1] : h.context.name,
        detail: detail === '' ? undefined : detail,
        ...client(h),
      }
    }
    case 'batch':
      return batch(text, h)
    case undefined:
      return undefined
  }
}
