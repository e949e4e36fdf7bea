/**
 * OpenDKIM events: syslog lines of the `opendkim` milter. A line about a message starts with
 * the MTA's queue id (the milter macro `{i}`, `JOBID`). Citations are to
 * trusteddomainproject/OpenDKIM at 5c53958, `opendkim/opendkim.c`.
 *
 * @module
 */

import type { Endpoint, EventBase } from './base.js'

/** Fields every OpenDKIM event carries. */
export interface OpendkimBase extends EventBase {
  /** The MTA's queue id the line is about (Postfix or Sendmail); absent on lines about no message. */
  readonly queueId?: string
}

/**
 * OpenDKIM signed a message: `QID: DKIM-Signature field added (s=<selector>, d=<domain>)`
 * (opendkim.c:14972-14974).
 * @example `opendkim[1402]: 4Zk2Lq0Wbnz7vRt: DKIM-Signature field added (s=mail2025, d=example.org)`
 */
export interface OpendkimSign extends OpendkimBase {
  readonly type: 'opendkim.sign'
  /** The header field added: `DKIM-Signature`. */
  readonly header: string
  readonly selector: string
  readonly domain: string
}

/**
 * The verification of a message's signature. `successful`: `DKIM verification successful`
 * (opendkim.c:13625-13628); `bad-signature`: `bad signature data` (:9402-9403);
 * `no-signature`: `no signature data` (:9425-9429, logged when `LogWhy` is on or the message is
 * not accepted); `key-retrieval-failed`: `key retrieval failed (s=…, d=…)[: <error>]`
 * (:9535-9547); `key-revoked`: `key revoked (s=…, d=…)` (:9494-9497); `ssl-error`:
 * `s=<selector> d=<domain> SSL <error>` or `SSL <error>` from the crypto library (:9133-9139).
 * @example `opendkim[1402]: 4Zk2Lr3F1Nz7vRw: key retrieval failed (s=sel1, d=shop.example.net): 'sel1._domainkey.shop.example.net' record not found`
 */
export interface OpendkimVerify extends OpendkimBase {
  readonly type: 'opendkim.verify'
  readonly result:
    | 'successful'
    | 'bad-signature'
    | 'no-signature'
    | 'key-retrieval-failed'
    | 'key-revoked'
    | 'ssl-error'
  /** Selector of the signature, where logged. */
  readonly selector?: string
  /** Signing domain, where logged. */
  readonly domain?: string
  /** The error text of `key-retrieval-failed` and `ssl-error`. */
  readonly error?: string
}

/**
 * Any other line about a message: why it is verified rather than signed (`<host> [<ip>] not
 * internal`, `not authenticated`, opendkim.c:12039-12047), `external host <h> attempted to send
 * as <domain>` (:12135-12137), no signing-table match, results (`LogResults`), errors.
 * @example `opendkim[1402]: 4Zk2Ls1Tq3z7vRy: mail.remote.example [198.51.100.77] not internal`
 */
export interface OpendkimInfo extends OpendkimBase {
  readonly type: 'opendkim.info'
  /** The client of a `not internal` line. */
  readonly client?: Endpoint
  /** The text after the queue id. */
  readonly text: string
}

/**
 * A line about no message: start and stop (`OpenDKIM Filter v2.11.0 starting (args: …)`,
 * opendkim.c:16872; `… terminating with status 0, errno = 0`, :16899), reloads, key and
 * library errors, restarts.
 * @example `opendkim[1398]: OpenDKIM Filter v2.11.0 starting (args: -x /etc/opendkim.conf)`
 */
export interface OpendkimMessage extends OpendkimBase {
  readonly type: 'opendkim.message'
  readonly text: string
}

/**
 * An `opendkim` line of no known shape.
 * @example `opendkim[1398]: something a future opendkim says`
 */
export interface OpendkimUnrecognized extends OpendkimBase {
  readonly type: 'opendkim.unrecognized'
  readonly raw: string
  /** The message after the syslog header. */
  readonly message: string
}

/** Every OpenDKIM event. */
export type OpendkimEvent =
  | OpendkimSign
  | OpendkimVerify
  | OpendkimInfo
  | OpendkimMessage
  | OpendkimUnrecognized
