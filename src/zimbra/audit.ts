/**
 * audit.log: the `security` category (logger `zimbra.security`, which log4j sends to audit.log
 * only, `log4j.properties.production:154-157`). Most lines are `ZimbraLog.encodeAttrs` output:
 * `key=value;` entries joined by one space, `;` inside a value doubled (`ZimbraLog.java:971-1000`):
 *
 * ```
 * cmd=Auth; account=bob@example.com; protocol=soap; error=authentication failed for [bob], invalid password;
 * ```
 *
 * The entries are read with a small moo state machine (a key, then value text up to a single
 * `;`), because values hold `, `, `[…]`, spaces and `;;`. Lines that are not entries are free
 * text (`Suppressed password lockout.`).
 *
 * @module
 */

import moo from 'moo'
import { classifier } from '../grammar/classifier.js'
import { type Builder, clientIp, type Fields, type Head } from './base.js'

/** `key=value;` entries: a key state and a value state. */
export const auditRules = {
  key: {
    space: / +/,
    key: { match: /[A-Za-z][\w.-]*=/, push: 'value' },
    other: moo.error,
  },
  value: {
    escaped: ';;',
    end: { match: ';', pop: 1 },
    text: /[^;\n]+/,
  },
} as const

const lexer = moo.states(auditRules as unknown as { [state: string]: moo.Rules })

/** The entries of an `encodeAttrs` line in order, or `undefined` for free text. */
export function readEntries(text: string): [string, string][] | undefined {
  lexer.reset(text)
  const out: [string, string][] = []
  let key: string | undefined
  let value = ''
  let free = false
  // Read every token (see amavis/result.ts: moo's reset() keeps a queued token).
  for (let t = lexer.next(); t !== undefined; t = lexer.next()) {
    switch (t.type) {
      case 'space':
        break
      case 'key':
        key = t.value.slice(0, -1)
        value = ''
        break
      case 'escaped':
        value += ';'
        break
      case 'text':
        value += t.value
        break
      case 'end':
        out.push([key!, value])
        key = undefined
        break
      default:
        free = true
    }
  }
  if (free) return undefined
  if (key !== undefined) out.push([key, value]) // last entry without its `;`
  return out.length > 0 ? out : undefined
}

/** Free-text security lines (`LdapLockoutPolicy.java:208,213`, `service/account/Auth.java:283-285`). */
const textShapes = classifier({
  notFound: 'Error occurred during authentication: authentication failed for [',
  alreadyLocked: 'Account is lockout, not updating failure time.',
  suppressed: 'Suppressed password lockout.',
})

const AUTH_FAILED = /^(?=.*$)authentication failed for \[(.*?)\](?:, (.*))?$/
const NOT_FOUND =
  /^(?=.*$)Error occurred during authentication: authentication failed for \[(.*)\]\. Reason: (.*?)\.?$/

/** Commands that authenticate (`LdapProvisioning.java:5323-5331,5448-5456,5559-5566`; `DelegateAuth.java:82-83`). */
const AUTH_COMMANDS: ReadonlySet<string> = new Set([
  'Auth',
  'AdminAuth',
  'PreAuth',
  'SSOAuth',
  'DelegateAuth',
  'AuthRequest',
  'ChangePasswordAuth',
])

function client(h: Head): { clientIp?: string; userAgent?: string } {
  return { clientIp: clientIp(h.context), userAgent: h.context.ua }
}

function fromEntries(entries: [string, string][], h: Head): Fields {
  const attrs: Record<string, string | string[]> = Object.create(null)
  for (const [k, v] of entries) {
    const prev = attrs[k]
    if (prev === undefined) attrs[k] = v
    else if (typeof prev === 'string') attrs[k] = [prev, v]
    else prev.push(v)
  }
  const cmd = attrs.cmd
  const command = typeof cmd === 'string' ? cmd : undefined
  const one = (k: string): string | undefined => {
    const v = attrs[k]
    return typeof v === 'string' ? v : undefined
  }
  if (command !== undefined && AUTH_COMMANDS.has(command)) {
    const account = one('account') ?? one('accountName') ?? h.context.name
    const error = one('error')
    const info = one('info')
    if (error?.startsWith('account lockout due to too many failed logins')) {
      return { type: 'zimbra.audit.lockout', state: 'locked', account, ...client(h) }
    }
    if (info?.startsWith('account re-activated from lockout')) {
      return { type: 'zimbra.audit.lockout', state: 'unlocked', account, ...client(h) }
    }
    const protocol = one('protocol')
    if (error !== undefined) {
      const m = AUTH_FAILED.exec(error)
      return {
        type: 'zimbra.audit.auth-failed',
        command,
        account,
        protocol,
        ...client(h),
        typedName: m?.[1],
        reason: m ? m[2] : error,
        error,
      }
    }
    const admin = one('admin')
    return {
      type: 'zimbra.audit.auth',
      command,
      account,
      protocol,
      ...client(h),
      admin: admin === 'true' ? true : admin === 'false' ? false : command === 'AdminAuth' ? true : undefined,
    }
  }
  if (command === undefined) return { type: 'zimbra.audit.record' }
  delete attrs.cmd
  return {
    type: 'zimbra.audit.command',
    command,
    actor: h.context.aname ?? h.context.name,
    ...client(h),
    attributes: attrs,
  }
}

/**
 * Parses a `security` record (audit.log). Never returns `undefined`: unknown lines are
 * `zimbra.audit.record`.
 *
 * @example
 * parseAudit('cmd=Auth; account=bob@example.com; protocol=imap;', head)
 * //=> { type: 'zimbra.audit.auth', command: 'Auth', account: 'bob@example.com', protocol: 'imap', clientIp: '198.51.100.7' }
 */
export const parseAudit: Builder = (text, h) => {
  const entries = readEntries(text)
  if (entries) return fromEntries(entries, h)
  switch (textShapes(text)) {
    case 'notFound': {
      const m = NOT_FOUND.exec(text)
      if (!m) break
      return {
        type: 'zimbra.audit.auth-failed',
        command: 'Auth',
        account: m[1]!,
        ...client(h),
        typedName: m[1]!,
        reason: m[2]!,
      }
    }
    case 'alreadyLocked':
      return { type: 'zimbra.audit.lockout', state: 'already-locked', account: h.context.name, ...client(h) }
    case 'suppressed':
      return { type: 'zimbra.audit.lockout', state: 'suppressed', account: h.context.name, ...client(h) }
    case undefined:
      break
  }
  return { type: 'zimbra.audit.record' }
}
