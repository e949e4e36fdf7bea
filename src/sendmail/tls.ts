/**
 * `STARTTLS=` and `AUTH=` lines, logged without a queue id (`NOQID`): a TLS session set up as
 * server or client (`tls.c:2150-2172`), SMTP AUTH as server (`srvrsmtp.c:1897-1902`) or
 * client (`deliver.c:4061-4066`). Their error and warning lines (`STARTTLS=server, error:
 * accept failed=…`, `AUTH=client, relay=…, authinfo failed`, `STARTTLS: …`) carry no
 * session and are left to the diagnostics in `index.ts`.
 *
 * @module
 */

import type { SendmailEvent } from '../events/index.js'
import { build } from '../grammar/build.js'
import type { Base } from './base.js'
import { num, parseSendmailPeer, splitKeys } from './fields.js'

const TLS_KEYS: ReadonlySet<string> = new Set(['relay', 'version', 'verify', 'cipher', 'bits'])
const AUTH_KEYS: ReadonlySet<string> = new Set(['relay', 'authid', 'mech', 'bits'])

/** `server` or `client` from `STARTTLS=server, …` / `AUTH=client, …`, given the `=` index. */
function side(body: string, eq: number): 'server' | 'client' | undefined {
  if (body.startsWith('server, ', eq + 1)) return 'server'
  if (body.startsWith('client, ', eq + 1)) return 'client'
  return undefined
}

/**
 * Parses `STARTTLS=server, relay=…, version=…, verify=…, cipher=…, bits=256/256`, or returns
 * `undefined` for the other STARTTLS lines.
 *
 * @example
 * parseStarttls('STARTTLS=client, relay=mx.example.net., version=TLSv1.3, verify=OK, cipher=TLS_AES_256_GCM_SHA384, bits=256/256', base)
 * //=> { type: 'sendmail.starttls', …, side: 'client', relayText: 'mx.example.net.', version: 'TLSv1.3', verify: 'OK', cipher: 'TLS_AES_256_GCM_SHA384', bits: 256, algBits: 256 }
 */
export function parseStarttls(body: string, b: Base): SendmailEvent | undefined {
  const s = side(body, 8)
  if (!s) return undefined
  const v = splitKeys(body, 9, TLS_KEYS)
  const relay = v.get('relay')
  const version = v.get('version')
  const verify = v.get('verify')
  const cipher = v.get('cipher')
  const bits = v.get('bits')
  if (relay === undefined || version === undefined || verify === undefined || cipher === undefined)
    return undefined
  if (bits === undefined) return undefined
  // `bits=alg/cipher`, then DANE extras (`, pubkey_fp=…`, `, note=…`) in the same value.
  const m = /^(\d+)\/(\d+)(?!\d)(.*)$/.exec(bits)
  const peer = parseSendmailPeer(relay)
  return build(b, 'sendmail.starttls', {
    side: s,
    relay: peer.relay,
    relayText: peer.relayText,
    mayBeForged: peer.mayBeForged,
    version,
    verify,
    cipher,
    bits: m ? Number(m[2]) : undefined,
    algBits: m ? Number(m[1]) : undefined,
    details: m?.[3] ? m[3].replace(/^, /, '') : undefined,
  })
}

/**
 * Parses `AUTH=server, relay=…, authid=…, mech=…, bits=…` and `AUTH=client, relay=…, mech=…,
 * bits=…`, or returns `undefined` for other AUTH lines.
 *
 * @example
 * parseAuth('AUTH=server, relay=client.example [192.0.2.5], authid=alice, mech=PLAIN, bits=0', base)
 * //=> { type: 'sendmail.auth', …, side: 'server', relay: { hostname: 'client.example', ip: '192.0.2.5' }, …, authid: 'alice', mech: 'PLAIN', bits: 0 }
 */
export function parseAuth(body: string, b: Base): SendmailEvent | undefined {
  const s = side(body, 4)
  if (!s) return undefined
  const v = splitKeys(body, 5, AUTH_KEYS)
  const relay = v.get('relay')
  const mech = v.get('mech')
  const bits = num(v.get('bits'))
  if (relay === undefined || mech === undefined || bits === undefined) return undefined
  const peer = parseSendmailPeer(relay)
  return build(b, 'sendmail.auth', {
    side: s,
    relay: peer.relay,
    relayText: peer.relayText,
    mayBeForged: peer.mayBeForged,
    authid: v.get('authid'),
    mech,
    bits,
  })
}
