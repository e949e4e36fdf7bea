#!/usr/bin/env node
/**
 * Synthetic multi-host Postfix log with ground truth, for benchmarks and for checking the
 * transaction reducer against known answers.
 *
 * Four hosts write to one syslog stream, as a central log host would receive them:
 *
 * ```
 * internet ─► mx1, mx2 (postscreen, smtpd, submission) ─► amavis 127.0.0.1:10024 ─► smtpd :10025
 *                 └──────────────────────────────────────► relay1 ─► store1 (lmtp / local)
 *                                                            └──────► internet (deferrals, bounces)
 * ```
 *
 * Host versions differ on purpose: mx1 runs Postfix 3.8 (no `NOQUEUE:` prefix on lost
 * connections, SASL failures without `sasl_username`), mx2 and relay1 run 3.11 (`tls=` in
 * delivery lines, the bounce line before the notice's cleanup lines), store1 runs 3.9 with
 * `enable_long_queue_ids = yes`. Line formats follow the Postfix sources (3.12 snapshot); each
 * emitting function names the source file and line of the format it reproduces.
 *
 * The simulation is a discrete-event one: each arrival (a connection, a pickup, an anvil report)
 * computes the whole future of what it causes, across hosts, and schedules those lines in a
 * heap; lines are written in time order, so stamps never go back on any host. Everything comes
 * from one seeded PRNG: the same options give the same bytes.
 *
 * Ground truth (`--truth`) is NDJSON, one object per message per host, written when qmgr logs
 * `removed`: `{ id, host, queueId, from, messageId, size, nrcpt, recipients, next?, previous?,
 * bounceOf?, bounceQueueId?, complete }`. `recipients` lists every delivery attempt in log order
 * (`{ to, origTo?, status, relay, queuedAs? }`); `from` is the sender as qmgr logs it.
 *
 * @module
 */

import { closeSync, openSync, writeSync } from 'node:fs'
import { pathToFileURL } from 'node:url'
import { parseArgs } from 'node:util'
import { createStamper, parseStart, utcCompact } from './lib/clock.js'
import { MinHeap } from './lib/heap.js'
import { AnvilStats, Host, LOCAL_DOMAIN } from './lib/hosts.js'
import * as N from './lib/names.js'
import { formatDelay, shortQueueId } from './lib/postfix.js'
import { Random, seedFrom, weights } from './lib/prng.js'

const MS = 1000
const SEC = 1_000_000
const AMAVIS_RELAY = '127.0.0.1[127.0.0.1]:10024'
const LOCALHOST = 'localhost[127.0.0.1]'

/** smtpd's command table order, for `disconnect from` statistics (postfix/src/smtpd/smtpd.c:5745). */
const SMTPD_COMMANDS =
  'helo ehlo xclient xforward starttls auth mail rcpt data bdat rset noop vrfy etrn quit help unknown'.split(
    ' ',
  )

/**
 * @typedef {object} Options
 * @property {string | number} [seed] PRNG seed (default 1)
 * @property {number} [lines] stop starting new traffic once this many lines exist (default 1,500,000)
 * @property {string} [out] log file, `-` for stdout (default `-`)
 * @property {string} [truth] ground-truth NDJSON file (default none)
 * @property {string} [start] first instant, ISO 8601 (default 2025-02-28T23:45:00, in `zone`)
 * @property {string} [zone] IANA zone of the hosts' clocks (default UTC)
 * @property {boolean} [rfc3339] RFC 3339 stamps (rsyslog high precision) instead of BSD stamps
 */

/**
 * @typedef {object} Summary
 * @property {number} lines
 * @property {number} bytes
 * @property {number} messages transactions in the ground truth
 * @property {number} seconds generation wall time
 * @property {string} first first stamp written
 * @property {string} last last stamp written
 */

/**
 * @typedef {object} Attempt
 * @property {string} to
 * @property {string} [origTo]
 * @property {string} status
 * @property {string} relay
 * @property {string} [queuedAs]
 * @property {number} t time of the log line
 * @property {number} s sequence of the log line
 */

/**
 * @typedef {object} Tx one message on one host (the unit of the ground truth)
 * @property {string} id `host/instance/queueId`
 * @property {Host} host
 * @property {string} queueId
 * @property {string} from
 * @property {string} messageId
 * @property {number} size
 * @property {number} nrcpt
 * @property {Attempt[]} recipients
 * @property {string} [next]
 * @property {string} [previous]
 * @property {string} [bounceOf]
 * @property {string} [bounceQueueId]
 * @property {number} arrival
 * @property {number} active
 * @property {string} [client] `name[addr]` of the smtpd client
 * @property {boolean} filtered passed the content filter already
 * @property {string} origin smtp | submission | other
 * @property {Rcpt[]} failed recipients that bounced
 */

/**
 * @typedef {object} Rcpt
 * @property {string} to
 * @property {string} [origTo]
 */

/**
 * @typedef {object} Envelope
 * @property {string} from sender as qmgr logs it
 * @property {string} messageId
 * @property {number} size
 * @property {Rcpt[]} rcpts
 */

/**
 * @typedef {object} Line a scheduled log line
 * @property {number} t
 * @property {number} s
 * @property {string} h host
 * @property {string} p `program[pid]`
 * @property {string} m message
 * @property {Tx | null} x transaction whose truth record is written with this line
 */

/**
 * @typedef {object} Domain a remote mail domain
 * @property {string} name
 * @property {string} mx
 * @property {string} mxIp
 * @property {string} tls smtp TLS level as the 3.11 `tls=` field shows it
 * @property {string} trust TLS summary trust word
 * @property {'postfix' | 'gmail' | 'exchange' | 'sendmail'} style reply style of its MX
 * @property {string[]} senders client host names it sends from
 * @property {string[]} senderIps
 */

// Scenario mixes. Weights are relative.
const PORT25 = weights(
  /** @type {const} */ ([
    [48, 'legit'],
    [10, 'ps-dnsbl'],
    [4, 'ps-pregreet'],
    [2, 'ps-hangup'],
    [17, 'reject'],
    [9, 'lost'],
    [5, 'brute'],
    [1, 'nonsmtp'],
  ]),
)

const REJECTS = weights(
  /** @type {const} */ ([
    [30, 'relay'],
    [25, 'unknown-user'],
    [15, 'no-ptr'],
    [10, 'rbl'],
    [8, 'sender-domain'],
    [7, 'helo'],
    [5, 'greylist'],
  ]),
)

const LOST = weights(
  /** @type {const} */ ([
    [35, 'CONNECT'],
    [30, 'EHLO'],
    [15, 'STARTTLS'],
    [10, 'timeout'],
    [10, 'RCPT'],
  ]),
)

const REMOTE_OUTCOME = weights(
  /** @type {const} */ ([
    [80, { defers: 0, final: 'sent' }],
    [7, { defers: 1, final: 'sent' }],
    [5, { defers: 2, final: 'sent' }],
    [4, { defers: 0, final: 'bounced' }],
    [4, { defers: 0, final: 'partial' }],
  ]),
)

const DOMAIN_STYLE = weights(
  /** @type {const} */ ([
    [45, 'postfix'],
    [25, 'gmail'],
    [20, 'exchange'],
    [10, 'sendmail'],
  ]),
)

const DOMAIN_TLS = weights(
  /** @type {const} */ ([
    [60, 'may'],
    [15, 'may:none'],
    [15, 'dane'],
    [10, 'verify'],
  ]),
)

const B62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'
const HEX = '0123456789abcdef'
const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'

/** The simulation: hosts, name pools, the line heap and the writers. */
export class Generator {
  /**
   * @param {Options} options
   * @param {(text: string) => void} writeLog
   * @param {((text: string) => void) | undefined} writeTruth
   */
  constructor(options, writeLog, writeTruth) {
    this.rng = new Random(seedFrom(options.seed ?? 1))
    const zone = options.zone ?? 'UTC'
    this.stamp = createStamper(zone, options.rfc3339 === true)
    /** anvil's embedded `%.15s` of ctime(3), always BSD style. */
    this.ctime = createStamper(zone, false)
    this.start = parseStart(options.start ?? '2025-02-28T23:45:00', zone) * MS
    this.target = options.lines ?? 1_500_000
    this.writeLog = writeLog
    this.writeTruth = writeTruth
    /** @type {MinHeap<Line>} */
    this.heap = new MinHeap()
    this.seq = 0
    this.written = 0
    this.bytes = 0
    this.messages = 0
    this.first = ''
    this.last = ''
    const r = this.rng
    this.mx1 = new Host(r, {
      name: 'mx1',
      ip: '198.18.0.11',
      publicIp: '203.0.113.25',
      role: 'mx',
      version: '3.8.6',
      tlsField: false,
      noqueuePrefix: false,
      saslUsername: false,
      bounceFirst: false,
      longIds: false,
    })
    this.mx2 = new Host(r, {
      name: 'mx2',
      ip: '198.18.0.12',
      publicIp: '203.0.113.26',
      role: 'mx',
      version: '3.11.0',
      tlsField: true,
      noqueuePrefix: true,
      saslUsername: true,
      bounceFirst: true,
      longIds: false,
    })
    this.relay1 = new Host(r, {
      name: 'relay1',
      ip: '198.18.0.20',
      role: 'relay',
      version: '3.11.0',
      tlsField: true,
      noqueuePrefix: true,
      saslUsername: true,
      bounceFirst: true,
      longIds: false,
    })
    this.store1 = new Host(r, {
      name: 'store1',
      ip: '198.18.0.30',
      role: 'store',
      version: '3.9.1',
      tlsField: false,
      noqueuePrefix: false,
      saslUsername: true,
      bounceFirst: false,
      longIds: true,
    })
    /** @type {Map<Host, AnvilStats>} */
    this.anvil = new Map([
      [this.mx1, new AnvilStats()],
      [this.mx2, new AnvilStats()],
    ])
    this.users = this.makeUsers()
    this.domains = this.makeDomains()
    /** @type {Map<string, Domain>} */
    this.domainByName = new Map(this.domains.map((d) => [d.name, d]))
  }

  /**
   * The remote domain an address belongs to (`mail.x.example` is served by `x.example`'s MX).
   *
   * @param {string} address
   * @returns {Domain}
   */
  domainOf(address) {
    let name = address.slice(address.lastIndexOf('@') + 1)
    for (;;) {
      const d = this.domainByName.get(name)
      if (d) return d
      const dot = name.indexOf('.')
      if (dot < 0) return /** @type {Domain} */ (this.domains[0])
      name = name.slice(dot + 1)
    }
  }

  // ── helpers ────────────────────────────────────────────────────────────────────────────────

  /**
   * @param {number} lo microseconds
   * @param {number} hi microseconds
   * @returns {number}
   */
  j(lo, hi) {
    return lo + this.rng.int(hi - lo + 1)
  }

  /**
   * @param {number} len
   * @param {string} alphabet
   * @returns {string}
   */
  str(len, alphabet) {
    let s = ''
    for (let i = 0; i < len; i++) s += alphabet[this.rng.int(alphabet.length)]
    return s
  }

  /**
   * Schedules a log line.
   *
   * @param {number} t
   * @param {Host} host
   * @param {string} tag `program[pid]`
   * @param {string} msg
   * @returns {Line}
   */
  emit(t, host, tag, msg) {
    const line = { t, s: this.seq++, h: host.name, p: tag, m: msg, x: null }
    this.heap.push(line)
    return line
  }

  /** @returns {string[]} local mailboxes */
  makeUsers() {
    /** @type {Set<string>} */
    const set = new Set()
    while (set.size < 800) set.add(`${this.rng.pick(N.FIRST)}.${this.rng.pick(N.LAST)}@${LOCAL_DOMAIN}`)
    return [...set]
  }

  /** @returns {string} */
  clientIp() {
    if (this.rng.chance(0.08)) {
      return `2001:db8:${this.rng.int(0xffff).toString(16)}::${this.rng.int(0xffff).toString(16)}`
    }
    let last = 1 + this.rng.int(254)
    const net = this.rng.pick(N.CLIENT_NETS)
    if (net === '203.0.113.' && (last === 25 || last === 26)) last = 27
    return net + last
  }

  /** @returns {Domain[]} */
  makeDomains() {
    /** @type {Domain[]} */
    const out = []
    for (const tld of N.TLDS) {
      for (const word of N.WORDS) {
        const name = `${word}.${tld}`
        const tls = this.rng.weighted(DOMAIN_TLS)
        const nSenders = 1 + this.rng.int(3)
        const senders = []
        const senderIps = []
        for (let i = 0; i < nSenders; i++) {
          senders.push(i === 0 ? `mail.${name}` : `out${i}.mta.${name}`)
          senderIps.push(this.clientIp())
        }
        out.push({
          name,
          mx: this.rng.chance(0.5) ? `mx${1 + this.rng.int(2)}.${name}` : `mail.${name}`,
          mxIp: this.clientIp(),
          tls,
          trust:
            tls === 'dane' || tls === 'verify' ? 'Verified' : this.rng.chance(0.6) ? 'Trusted' : 'Untrusted',
          style: this.rng.weighted(DOMAIN_STYLE),
          senders,
          senderIps,
        })
      }
    }
    return out
  }

  /**
   * @param {Domain} d
   * @returns {string}
   */
  remoteAddress(d) {
    const r = this.rng.float()
    if (r < 0.7) return `${this.rng.pick(N.FIRST)}.${this.rng.pick(N.LAST)}@${d.name}`
    if (r < 0.85) return `${this.rng.pick(N.NEWS_LOCAL)}@${d.name}`
    if (r < 0.999) return `bounce-${this.rng.int(100000)}-${this.str(8, HEX)}@mail.${d.name}`
    return `"${this.rng.pick(N.FIRST)} ${this.rng.pick(N.LAST)}"@${d.name}`
  }

  /**
   * @param {string} host
   * @param {number} t
   * @returns {string}
   */
  messageId(host, t) {
    const r = this.rng.float()
    if (r < 0.3) return `${this.str(16, HEX)}.${this.str(8, HEX)}@${host}`
    if (r < 0.55) return `CA${this.str(38, B62)}@mail.gmail.example`
    if (r < 0.8) {
      return `${this.str(8, HEX)}-${this.str(4, HEX)}-${this.str(4, HEX)}-${this.str(4, HEX)}-${this.str(12, HEX)}@${host}`
    }
    return `${utcCompact(t)}.${this.str(6, B62)}@${host}`
  }

  /** @returns {number} message size in bytes */
  size() {
    let s = 1200 + Math.round(this.rng.exp(24000))
    if (this.rng.chance(0.02)) s += Math.round(this.rng.exp(2_000_000))
    return s
  }

  /**
   * `delay=…, delays=a/b/c/d` of a delivery (postfix/src/global/log_adhoc.c).
   *
   * @param {Tx} tx
   * @param {number} handoff
   * @param {number} connected
   * @param {number} done
   * @returns {string}
   */
  delays(tx, handoff, connected, done) {
    return (
      `delay=${formatDelay(done - tx.arrival)}, delays=${formatDelay(tx.active - tx.arrival)}` +
      `/${formatDelay(handoff - tx.active)}/${formatDelay(connected - handoff)}/${formatDelay(done - connected)}`
    )
  }

  /**
   * Logs one delivery attempt (`QID: to=<…>, …, status=… (…)`, postfix/src/global/log_adhoc.c) and
   * records it in the transaction.
   *
   * @param {Host} host
   * @param {string} tag
   * @param {Tx} tx
   * @param {Rcpt} rcpt
   * @param {{ relay: string, handoff: number, connected: number, done: number, tls?: string,
   *   dsn: string, status: string, reason: string, queuedAs?: string }} a
   */
  attempt(host, tag, tx, rcpt, a) {
    const orig = rcpt.origTo !== undefined ? `, orig_to=<${rcpt.origTo}>` : ''
    const tls = host.tlsField && a.tls !== undefined ? `, tls=${a.tls}` : ''
    const line = this.emit(
      a.done,
      host,
      tag,
      `${tx.queueId}: to=<${rcpt.to}>${orig}, relay=${a.relay}, ${this.delays(tx, a.handoff, a.connected, a.done)}` +
        `${tls}, dsn=${a.dsn}, status=${a.status} (${a.reason})`,
    )
    tx.recipients.push({
      to: rcpt.to,
      origTo: rcpt.origTo,
      status: a.status,
      relay: a.relay,
      queuedAs: a.queuedAs,
      t: line.t,
      s: line.s,
    })
    if (a.status === 'bounced') tx.failed.push(rcpt)
  }

  /**
   * A new transaction on `host`.
   *
   * @param {Host} host
   * @param {string} queueId
   * @param {Envelope} env
   * @param {number} arrival
   * @returns {Tx}
   */
  tx(host, queueId, env, arrival) {
    return {
      id: `${host.name}/postfix/${queueId}`,
      host,
      queueId,
      from: env.from,
      messageId: env.messageId,
      size: env.size,
      nrcpt: env.rcpts.length,
      recipients: [],
      next: undefined,
      previous: undefined,
      bounceOf: undefined,
      bounceQueueId: undefined,
      arrival,
      active: arrival,
      client: undefined,
      filtered: false,
      origin: 'other',
      failed: [],
    }
  }

  /**
   * smtpd receives a message: `client=` (smtpd.c:2456), cleanup `message-id=` (cleanup_message.c:639),
   * qmgr `from=…, size=…, nrcpt=… (queue active)` (global/opened.c:90).
   *
   * @param {Host} host
   * @param {string} smtpdTag
   * @param {{ client: number, data: number, queued: number }} t
   * @param {string} namaddr client `name[addr]`
   * @param {Envelope} env
   * @param {string} extra fields after `client=name[addr]`
   * @returns {Tx}
   */
  accept(host, smtpdTag, t, namaddr, env, extra) {
    const qid = host.newQueueId(t.client)
    const tx = this.tx(host, qid, env, t.client)
    tx.client = namaddr
    tx.active = t.queued
    this.emit(t.client, host, smtpdTag, `${qid}: client=${namaddr}${extra}`)
    this.emit(
      t.data,
      host,
      host.pool('cleanup').take(t.client, t.queued),
      `${qid}: message-id=<${env.messageId}>`,
    )
    this.emit(
      t.queued,
      host,
      host.one('qmgr'),
      `${qid}: from=<${env.from}>, size=${env.size}, nrcpt=${env.rcpts.length} (queue active)`,
    )
    return tx
  }

  /**
   * qmgr closes the transaction; its truth record goes out with this line.
   *
   * @param {Host} host
   * @param {Tx} tx
   * @param {number} t
   */
  removed(host, tx, t) {
    this.emit(t, host, host.one('qmgr'), `${tx.queueId}: removed`).x = tx
  }

  // ── routing ────────────────────────────────────────────────────────────────────────────────

  /**
   * What the host does with a queued message: deliveries, then bounce and `removed`.
   *
   * @param {Host} host
   * @param {Tx} tx
   * @param {number} t time qmgr activated it
   * @param {Rcpt[]} rcpts
   */
  route(host, tx, t, rcpts) {
    let done = t
    if (host.role === 'mx') {
      done = tx.filtered ? this.hop(host, tx, t, this.relay1, rcpts) : this.amavis(host, tx, t, rcpts)
    } else if (host.role === 'relay') {
      const local = rcpts.filter((r) => r.to.endsWith(`@${LOCAL_DOMAIN}`))
      const remote = rcpts.filter((r) => !r.to.endsWith(`@${LOCAL_DOMAIN}`))
      if (local.length > 0) done = Math.max(done, this.hop(host, tx, t, this.store1, local))
      if (remote.length > 0) done = Math.max(done, this.internet(host, tx, t, remote))
    } else {
      const remote = rcpts.filter(
        (r) => !r.to.endsWith(`@${LOCAL_DOMAIN}`) && !r.to.endsWith(`@${host.fqdn}`),
      )
      const local = rcpts.filter((r) => !remote.includes(r))
      if (local.length > 0) done = Math.max(done, this.mailbox(host, tx, t, local))
      if (remote.length > 0) done = Math.max(done, this.hop(host, tx, t, this.relay1, remote))
    }
    if (tx.failed.length > 0 && tx.from !== '') {
      const b = this.bounce(host, tx, done + this.j(5 * MS, 60 * MS))
      this.removed(host, tx, Math.max(b.notified, b.queued) + this.j(1 * MS, 8 * MS))
      this.route(host, b.tx, b.queued, [{ to: tx.from }])
    } else {
      this.removed(host, tx, done + this.j(1 * MS, 10 * MS))
    }
  }

  /**
   * Content filter: smtp to amavis on 127.0.0.1:10024, which re-injects through smtpd on :10025
   * (XFORWARD `orig_queue_id=`/`orig_client=`, smtpd.c:2456-2474) before it answers
   * `250 2.0.0 from MTA(smtp:[127.0.0.1]:10025): 250 2.0.0 Ok: queued as NEWQID`.
   *
   * @param {Host} host
   * @param {Tx} tx
   * @param {number} t
   * @param {Rcpt[]} rcpts
   * @returns {number} time of the last delivery line
   */
  amavis(host, tx, t, rcpts) {
    const handoff = t + this.j(1 * MS, 12 * MS)
    const connected = handoff + this.j(200, 1500)
    const scanned = connected + this.j(250 * MS, 2500 * MS) + Math.round(tx.size / 4)
    const smtp = host.pool('smtp-amavis', 'postfix/smtp')
    if (tx.origin === 'smtp' && this.rng.chance(0.03)) {
      const tag = smtp.take(handoff, scanned + rcpts.length * 10)
      const id = `${this.rng.range(10000, 99999)}-${String(this.rng.range(1, 40)).padStart(2, '0')}`
      let done = scanned
      for (const r of rcpts) {
        this.attempt(host, tag, tx, r, {
          relay: AMAVIS_RELAY,
          handoff,
          connected,
          done,
          tls: 'none',
          dsn: '2.7.0',
          status: 'sent',
          reason: `250 2.7.0 Ok, discarded, id=${id} - spam`,
        })
        done += this.j(50, 400)
      }
      return done
    }
    const conn = scanned + this.j(1 * MS, 4 * MS)
    const client = conn + this.j(1 * MS, 5 * MS)
    const data = client + this.j(1 * MS, 8 * MS) + Math.round(tx.size / 100)
    const queued = data + this.j(500, 4 * MS)
    let done = queued + this.j(500, 3 * MS)
    const disconnect = done + this.j(1 * MS, 10 * MS)
    const tag = smtp.take(handoff, done + rcpts.length * 10)
    const smtpd = host.pool('smtpd-reinject', 'postfix/smtpd').take(conn, disconnect)
    this.emit(conn, host, smtpd, `connect from ${LOCALHOST}`)
    const env = {
      from: tx.from,
      messageId: tx.messageId,
      size: tx.size + this.j(350, 900),
      rcpts: rcpts.map((r) => ({ to: r.to })),
    }
    const next = this.accept(
      host,
      smtpd,
      { client, data, queued },
      LOCALHOST,
      env,
      `, orig_queue_id=${tx.queueId}, orig_client=${tx.client ?? LOCALHOST}`,
    )
    next.filtered = true
    next.previous = tx.id
    tx.next = next.id
    for (const r of rcpts) {
      this.attempt(host, tag, tx, r, {
        relay: AMAVIS_RELAY,
        handoff,
        connected,
        done,
        tls: 'none',
        dsn: '2.0.0',
        status: 'sent',
        reason: `250 2.0.0 from MTA(smtp:[127.0.0.1]:10025): 250 2.0.0 Ok: queued as ${next.queueId}`,
        queuedAs: next.queueId,
      })
      done += this.j(50, 400)
    }
    this.emit(
      disconnect,
      host,
      smtpd,
      `disconnect from ${LOCALHOST}${this.cmdStats({
        ehlo: [1, 1],
        xforward: [1, 1],
        mail: [1, 1],
        rcpt: [rcpts.length, rcpts.length],
        data: [1, 1],
        quit: [1, 1],
      })}`,
    )
    this.route(host, next, queued, env.rcpts)
    return done
  }

  /**
   * smtp to another host of ours, whose smtpd accepts the message (`250 2.0.0 Ok: queued as X`).
   * TLS summaries on both sides (tls/tls_misc.c:1398-1450).
   *
   * @param {Host} src
   * @param {Tx} tx
   * @param {number} t
   * @param {Host} dst
   * @param {Rcpt[]} rcpts
   * @returns {number}
   */
  hop(src, tx, t, dst, rcpts) {
    const handoff = t + this.j(1 * MS, 15 * MS)
    const conn = handoff + this.j(500, 4 * MS)
    const tls = conn + this.j(4 * MS, 25 * MS)
    const client = tls + this.j(2 * MS, 10 * MS)
    const data = client + this.j(2 * MS, 10 * MS) + Math.round(tx.size / 40)
    const queued = data + this.j(500, 5 * MS)
    let done = queued + this.j(500, 3 * MS)
    const disconnect = done + this.j(1 * MS, 8 * MS)
    const smtpTag = src.pool('smtp').take(handoff, done + rcpts.length * 10)
    const smtpdTag = dst.pool('smtpd').take(conn, disconnect)
    this.emit(conn, dst, smtpdTag, `connect from ${src.namaddr}`)
    this.emit(
      tls,
      dst,
      smtpdTag,
      `Anonymous TLS connection established from ${src.namaddr}: ${N.TLS_INTERNAL}`,
    )
    this.emit(
      tls + this.j(100, 900),
      src,
      smtpTag,
      `Verified TLS connection established to ${dst.namaddr}:25: ${N.TLS_INTERNAL}`,
    )
    const env = {
      from: tx.from,
      messageId: tx.messageId,
      size: tx.size + this.j(250, 450),
      rcpts: rcpts.map((r) => ({ to: r.to })),
    }
    const next = this.accept(dst, smtpdTag, { client, data, queued }, src.namaddr, env, '')
    next.previous = tx.id
    tx.next = next.id
    for (const r of rcpts) {
      this.attempt(src, smtpTag, tx, r, {
        relay: `${dst.namaddr}:25`,
        handoff,
        connected: tls,
        done,
        tls: 'verify',
        dsn: '2.0.0',
        status: 'sent',
        reason: `250 2.0.0 Ok: queued as ${next.queueId}`,
        queuedAs: next.queueId,
      })
      done += this.j(50, 300)
    }
    this.emit(
      disconnect,
      dst,
      smtpdTag,
      `disconnect from ${src.namaddr}${this.cmdStats({
        ehlo: [2, 2],
        starttls: [1, 1],
        mail: [1, 1],
        rcpt: [rcpts.length, rcpts.length],
        data: [1, 1],
        quit: [1, 1],
      })}`,
    )
    this.route(dst, next, queued, env.rcpts)
    return done
  }

  /**
   * Final delivery on the store: LMTP to Dovecot over a UNIX socket, or local(8).
   *
   * @param {Host} host
   * @param {Tx} tx
   * @param {number} t
   * @param {Rcpt[]} rcpts
   * @returns {number}
   */
  mailbox(host, tx, t, rcpts) {
    const handoff = t + this.j(1 * MS, 10 * MS)
    const useLocal = rcpts.some((r) => r.to.endsWith(`@${host.fqdn}`)) || this.rng.chance(0.08)
    if (useLocal) {
      let done = handoff + this.j(3 * MS, 40 * MS)
      const tag = host.pool('local').take(handoff, done + 10 * MS)
      for (const r of rcpts) {
        this.attempt(host, tag, tx, r, {
          relay: 'local',
          handoff,
          connected: handoff,
          done,
          dsn: '2.0.0',
          status: 'sent',
          reason: r.to.startsWith('root@') ? 'delivered to mailbox' : 'delivered to maildir',
        })
        done += this.j(1 * MS, 10 * MS)
      }
      return done
    }
    const connected = handoff + this.j(300, 3 * MS)
    let done = connected + this.j(8 * MS, 120 * MS) + Math.round(tx.size / 30)
    const tag = host.pool('lmtp').take(handoff, done + 10 * MS)
    const relay = `${host.fqdn}[private/dovecot-lmtp]`
    for (const r of rcpts) {
      const unknown = /^[a-z]+\d+@/.test(r.to)
      this.attempt(host, tag, tx, r, {
        relay,
        handoff,
        connected,
        done,
        dsn: unknown ? '5.1.1' : '2.0.0',
        status: unknown ? 'bounced' : 'sent',
        reason: unknown
          ? `host ${relay} said: 550 5.1.1 <${r.to}> User doesn't exist: ${r.to} (in reply to RCPT TO command)`
          : `250 2.0.0 <${r.to}> ${this.str(22, B64)} Saved`,
      })
      done += this.j(100, 900)
    }
    return done
  }

  /**
   * A notice to the sender for bounced recipients (bounce/bounce_notify_service.c:234). Postfix
   * 3.11 logs it before cleanup logs the new id; older versions after (RELEASE_NOTES-3.11).
   * cleanup generates the notice's message-id (cleanup_message.c:770-795).
   *
   * @param {Host} host
   * @param {Tx} tx
   * @param {number} t
   * @returns {{ tx: Tx, notified: number, queued: number }}
   */
  bounce(host, tx, t) {
    const qid = host.newQueueId(t)
    const messageId = host.longIds ? `${qid}@${host.fqdn}` : `${utcCompact(t)}.${qid}@${host.fqdn}`
    const env = {
      from: '',
      messageId,
      size: 2400 + Math.min(tx.size, 4000) + this.j(0, 900),
      rcpts: [{ to: tx.from }],
    }
    const notice = this.tx(host, qid, env, t)
    const cleanupAt = t + this.j(200, 2 * MS)
    const notified = host.bounceFirst ? t : cleanupAt + this.j(1 * MS, 5 * MS)
    const queued = Math.max(cleanupAt, notified) + this.j(1 * MS, 4 * MS)
    const bounceTag = host.pool('bounce').take(t, notified + MS)
    this.emit(notified, host, bounceTag, `${tx.queueId}: sender non-delivery notification: ${qid}`)
    this.emit(cleanupAt, host, host.pool('cleanup').take(t, queued), `${qid}: message-id=<${messageId}>`)
    this.emit(queued, host, host.one('qmgr'), `${qid}: from=<>, size=${env.size}, nrcpt=1 (queue active)`)
    notice.active = queued
    notice.bounceOf = tx.queueId
    tx.bounceQueueId = qid
    return { tx: notice, notified, queued }
  }

  /**
   * smtp to remote MX hosts: per-domain outcomes, deferrals retried by qmgr (`from=… (queue
   * active)` logged again at each retry), bounces. Reply texts follow smtp/smtp_trouble.c.
   *
   * @param {Host} host
   * @param {Tx} tx
   * @param {number} t
   * @param {Rcpt[]} rcpts
   * @returns {number}
   */
  internet(host, tx, t, rcpts) {
    /** @type {Map<string, { domain: Domain, rcpts: Rcpt[], defers: number, final: string }>} */
    const groups = new Map()
    for (const r of rcpts) {
      const domain = this.domainOf(r.to)
      const name = domain.name
      let g = groups.get(name)
      if (!g) {
        const plan =
          tx.from === ''
            ? { defers: this.rng.chance(0.05) ? 1 : 0, final: 'sent' }
            : this.rng.weighted(REMOTE_OUTCOME)
        g = { domain, rcpts: [], defers: plan.defers, final: plan.final }
        groups.set(name, g)
      }
      g.rcpts.push(r)
    }
    let waves = 0
    for (const g of groups.values()) waves = Math.max(waves, g.defers)
    let start = t
    let done = t
    for (let w = 0; w <= waves; w++) {
      if (w > 0) {
        start = done + (w === 1 ? this.j(300 * SEC, 420 * SEC) : this.j(600 * SEC, 900 * SEC))
        tx.active = start
        this.emit(
          start,
          host,
          host.one('qmgr'),
          `${tx.queueId}: from=<${tx.from}>, size=${tx.size}, nrcpt=${tx.nrcpt} (queue active)`,
        )
      }
      let waveDone = start
      for (const g of groups.values()) {
        if (g.defers < w) continue
        const end = this.remoteAttempt(host, tx, start, g, w < g.defers ? 'deferred' : g.final)
        waveDone = Math.max(waveDone, end)
      }
      done = waveDone
    }
    return done
  }

  /**
   * One smtp session to a remote MX for the recipients of one domain.
   *
   * @param {Host} host
   * @param {Tx} tx
   * @param {number} t
   * @param {{ domain: Domain, rcpts: Rcpt[] }} g
   * @param {string} outcome sent | deferred | bounced | partial
   * @returns {number}
   */
  remoteAttempt(host, tx, t, g, outcome) {
    const d = g.domain
    const handoff = t + this.j(1 * MS, 25 * MS)
    const mx = `${d.mx}[${d.mxIp}]`
    const deferKind =
      outcome === 'deferred' ? this.rng.pick(['greylist', 'greylist', 'timeout', '421', 'lost']) : ''
    if (deferKind === 'timeout') {
      const connected = handoff + 30 * SEC
      let done = connected + this.j(100, 900)
      const tag = host.pool('smtp').take(handoff, done + g.rcpts.length * 10)
      this.emit(connected, host, tag, `connect to ${mx}:25: Connection timed out`)
      for (const r of g.rcpts) {
        this.attempt(host, tag, tx, r, {
          relay: 'none',
          handoff,
          connected,
          done,
          tls: `${d.tls.split(':')[0]}?`,
          dsn: '4.4.1',
          status: 'deferred',
          reason: `connect to ${mx}:25: Connection timed out`,
        })
        done += this.j(50, 300)
      }
      return done
    }
    const connected = handoff + this.j(20 * MS, 400 * MS)
    const tlsDone = d.tls === 'may:none' ? connected : connected + this.j(30 * MS, 250 * MS)
    let done =
      outcome === 'sent' || outcome === 'partial'
        ? tlsDone + this.j(80 * MS, 600 * MS) + Math.round(tx.size / this.j(1, 20))
        : tlsDone + this.j(40 * MS, 300 * MS)
    const tag = host.pool('smtp').take(handoff, done + g.rcpts.length * 1000)
    if (d.tls !== 'may:none') {
      this.emit(
        tlsDone,
        host,
        tag,
        `${d.trust} TLS connection established to ${mx}:25: ${this.rng.pick(N.TLS_SERVER_SIDE)}`,
      )
    }
    const relay = `${mx}:25`
    // One DATA reply for the session: every accepted recipient logs the same text.
    const reply = outcome === 'sent' || outcome === 'partial' ? this.remoteOk(d, tx, done) : undefined
    for (let i = 0; i < g.rcpts.length; i++) {
      const r = /** @type {Rcpt} */ (g.rcpts[i])
      const common = { relay, handoff, connected: tlsDone, done, tls: d.tls }
      if (outcome === 'deferred') {
        if (deferKind === 'greylist') {
          this.attempt(host, tag, tx, r, {
            ...common,
            dsn: '4.2.0',
            status: 'deferred',
            reason: `host ${mx} said: 450 4.2.0 <${r.to}>: Recipient address rejected: Greylisted, see http://postgrey.schweikert.ch/help/${d.name}.html (in reply to RCPT TO command)`,
          })
        } else if (deferKind === '421') {
          this.attempt(host, tag, tx, r, {
            ...common,
            dsn: '4.7.0',
            status: 'deferred',
            reason: `host ${mx} said: 421 4.7.0 Try again later, closing connection. (in reply to MAIL FROM command)`,
          })
        } else {
          this.attempt(host, tag, tx, r, {
            ...common,
            dsn: '4.4.2',
            status: 'deferred',
            reason: `lost connection with ${mx} while receiving the initial server greeting`,
          })
        }
      } else if (outcome === 'bounced' || (outcome === 'partial' && i === g.rcpts.length - 1)) {
        this.attempt(host, tag, tx, r, {
          ...common,
          dsn: '5.1.1',
          status: 'bounced',
          reason: this.userUnknown(d, mx, r.to),
        })
      } else if (reply) {
        this.attempt(host, tag, tx, r, {
          ...common,
          dsn: reply.dsn,
          status: 'sent',
          reason: reply.text,
          queuedAs: reply.queuedAs,
        })
      }
      done += this.j(50, 500)
    }
    return done
  }

  /**
   * @param {Domain} d
   * @param {string} mx
   * @param {string} to
   * @returns {string}
   */
  userUnknown(d, mx, to) {
    if (d.style === 'gmail') {
      return (
        `host ${mx} said: 550-5.1.1 The email account that you tried to reach does not exist. Please try 550-5.1.1 ` +
        `double-checking the recipient's email address for typos or 550-5.1.1 unnecessary spaces. For more information, ` +
        `go to 550 5.1.1  https://support.google.example/mail/?p=NoSuchUser ${this.str(28, B62)} - gsmtp (in reply to RCPT TO command)`
      )
    }
    return `host ${mx} said: 550 5.1.1 <${to}>: Recipient address rejected: User unknown in virtual mailbox table (in reply to RCPT TO command)`
  }

  /**
   * A remote server's 250 reply; `queuedAs` where the reply names the next queue id.
   *
   * @param {Domain} d
   * @param {Tx} tx
   * @param {number} t
   * @returns {{ dsn: string, text: string, queuedAs?: string }}
   */
  remoteOk(d, tx, t) {
    switch (d.style) {
      case 'postfix': {
        const id = shortQueueId(t - this.j(1 * MS, 50 * MS), 0x10000 + this.rng.int(0x1f0000))
        return { dsn: '2.0.0', text: `250 2.0.0 Ok: queued as ${id}`, queuedAs: id }
      }
      case 'gmail':
        return {
          dsn: '2.0.0',
          text: `250 2.0.0 OK  ${Math.floor(t / SEC)} ${this.str(12, 'abcdefghijklmnopqrstuvwxyz0123456789')}.${this.rng.int(1000)} - gsmtp`,
        }
      case 'exchange':
        return {
          dsn: '2.6.0',
          text:
            `250 2.6.0 <${tx.messageId}> [InternalId=${this.str(13, '0123456789')}, Hostname=${this.str(6, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ')}` +
            `${this.rng.range(10, 99)}MB${this.rng.range(1000, 9999)}.eurprd0${this.rng.range(1, 9)}.prod.outlook.example] ` +
            `${tx.size + this.rng.range(2000, 9000)} bytes in 0.${this.rng.range(100, 999)}, ${this.rng.range(10, 900)}.${this.rng.range(100, 999)} KB/sec Queued mail for delivery`,
        }
      default: {
        // Sendmail queue id: year%60 month day hour minute second, 2-char sequence, 6-digit pid.
        const w = new Date(Math.floor(t / 1000))
        const id =
          B62[w.getUTCFullYear() % 60] +
          B62[w.getUTCMonth()] +
          B62[w.getUTCDate()] +
          B62[w.getUTCHours()] +
          B62[w.getUTCMinutes()] +
          B62[w.getUTCSeconds()] +
          this.str(2, B62) +
          String(this.rng.range(100000, 999999))
        return { dsn: '2.0.0', text: `250 2.0.0 ${id} Message accepted for delivery`, queuedAs: id }
      }
    }
  }

  /**
   * ` name=ok[/total] … commands=ok[/total]` (smtpd.c:6339, smtpd_format_cmd_stats).
   *
   * @param {Record<string, [number, number]>} c
   * @returns {string}
   */
  cmdStats(c) {
    let out = ''
    let ok = 0
    let total = 0
    for (const name of SMTPD_COMMANDS) {
      const v = c[name]
      if (!v) continue
      out += ` ${name}=${v[0]}` + (v[0] !== v[1] ? `/${v[1]}` : '')
      ok += v[0]
      total += v[1]
    }
    return out + ` commands=${ok}` + (ok !== total || total === 0 ? `/${total}` : '')
  }

  // ── arrivals ───────────────────────────────────────────────────────────────────────────────

  /**
   * @returns {{ name: string, ip: string, helo: string, domain: Domain }}
   */
  legitClient() {
    const d = this.rng.pick(this.domains)
    const i = this.rng.int(d.senders.length)
    const name = /** @type {string} */ (d.senders[i])
    return { name, ip: /** @type {string} */ (d.senderIps[i]), helo: name, domain: d }
  }

  /** @returns {{ name: string, ip: string, helo: string, domain: Domain }} */
  botClient() {
    const ip = this.clientIp()
    const named = this.rng.chance(0.35)
    const name = named ? `${ip.replace(/[.:]/g, '-')}.dyn.${this.rng.pick(N.WORDS)}-isp.example` : 'unknown'
    return { name, ip, helo: this.rng.pick(N.BOT_HELO), domain: this.rng.pick(this.domains) }
  }

  /**
   * An inbound connection to port 25 on an MX: postscreen first (postscreen.c:854, :967,
   * postscreen_early.c:183, :246, postscreen_misc.c:139, :159; postscreen_smtpd.c:577), then smtpd.
   *
   * @param {Host} mx
   * @param {number} t0
   */
  port25(mx, t0) {
    const kind = this.rng.weighted(PORT25)
    const client = kind === 'legit' ? this.legitClient() : this.botClient()
    const port = this.rng.range(1024, 65535)
    const ap = `[${client.ip}]:${port}`
    const ps = mx.one('postscreen')
    this.emit(t0, mx, ps, `CONNECT from ${ap} to [${mx.publicIp}]:25`)
    if (kind === 'ps-dnsbl') {
      const dnsblog = mx.pool('dnsblog')
      const tq = t0 + this.j(20 * MS, 300 * MS)
      this.emit(
        tq,
        mx,
        dnsblog.take(t0, tq),
        `addr ${client.ip} listed by domain zen.spamhaus.org as 127.0.0.${this.rng.pick([2, 3, 4, 4, 10, 11])}`,
      )
      let rank = 3
      if (this.rng.chance(0.5)) {
        const tb = tq + this.j(1 * MS, 200 * MS)
        this.emit(
          tb,
          mx,
          dnsblog.take(t0, tb),
          `addr ${client.ip} listed by domain b.barracudacentral.org as 127.0.0.2`,
        )
        rank = 5
      }
      const tr = t0 + 6 * SEC + this.j(0, 5 * MS)
      this.emit(tr, mx, ps, `DNSBL rank ${rank} for ${ap}`)
      if (this.rng.chance(0.7)) {
        const to = this.rng.pick(this.users)
        this.emit(
          tr + this.j(300 * MS, 2 * SEC),
          mx,
          ps,
          `NOQUEUE: reject: RCPT from ${ap}: 550 5.7.1 Service unavailable; client [${client.ip}] blocked using zen.spamhaus.org; ` +
            `from=<${this.remoteAddress(client.domain)}>, to=<${to}>, proto=ESMTP, helo=<${client.helo}>`,
        )
        this.emit(tr + this.j(2 * SEC, 3 * SEC), mx, ps, `DISCONNECT ${ap}`)
      } else {
        const th = tr + this.j(100 * MS, 3 * SEC)
        this.emit(th, mx, ps, `HANGUP after ${formatDelay(th - tr)} from ${ap} in tests after SMTP handshake`)
        this.emit(th + this.j(10, 300), mx, ps, `DISCONNECT ${ap}`)
      }
      return
    }
    if (kind === 'ps-pregreet') {
      const tp = t0 + this.j(50 * MS, 1500 * MS)
      const greeting = `EHLO ${client.helo}`
      this.emit(
        tp,
        mx,
        ps,
        `PREGREET ${greeting.length + 2} after ${formatDelay(tp - t0)} from ${ap}: ${greeting}\\r\\n`,
      )
      if (this.rng.chance(0.6)) {
        const th = tp + this.j(10 * MS, 2 * SEC)
        this.emit(
          th,
          mx,
          ps,
          `HANGUP after ${formatDelay(th - t0)} from ${ap} in tests before SMTP handshake`,
        )
        this.emit(th + this.j(10, 300), mx, ps, `DISCONNECT ${ap}`)
      } else {
        const tr = t0 + 6 * SEC + this.j(300 * MS, 2 * SEC)
        this.emit(
          tr,
          mx,
          ps,
          `NOQUEUE: reject: RCPT from ${ap}: 550 5.5.1 Protocol error; from=<${this.remoteAddress(client.domain)}>, ` +
            `to=<${this.rng.pick(this.users)}>, proto=ESMTP, helo=<${client.helo}>`,
        )
        this.emit(tr + this.j(100 * MS, 2 * SEC), mx, ps, `DISCONNECT ${ap}`)
      }
      return
    }
    if (kind === 'ps-hangup') {
      const th = t0 + this.j(100 * MS, 5 * SEC)
      this.emit(th, mx, ps, `HANGUP after ${formatDelay(th - t0)} from ${ap} in tests before SMTP handshake`)
      this.emit(th + this.j(10, 300), mx, ps, `DISCONNECT ${ap}`)
      return
    }
    const pass = this.rng.float()
    let t = t0
    if (pass < 0.85) {
      t += this.j(300, 3 * MS)
      this.emit(t, mx, ps, `PASS OLD ${ap}`)
    } else if (pass < 0.97) {
      t += 6 * SEC + this.j(0, 5 * MS)
      this.emit(t, mx, ps, `PASS NEW ${ap}`)
    } else {
      t += this.j(200, 2 * MS)
      this.emit(t, mx, ps, `ALLOWLISTED ${ap}`)
    }
    this.smtpd(mx, t + this.j(500, 3 * MS), client, kind, false)
  }

  /**
   * One smtpd session on an MX (port 25 or submission).
   *
   * @param {Host} mx
   * @param {number} t0
   * @param {{ name: string, ip: string, helo: string, domain: Domain }} client
   * @param {string} kind legit | reject | lost | brute | nonsmtp | submission
   * @param {boolean} submission port 587, `postfix/submission/smtpd`, always TLS
   */
  smtpd(mx, t0, client, kind, submission) {
    const pool = submission ? mx.pool('submission', 'postfix/submission/smtpd') : mx.pool('smtpd')
    const service = submission ? 'submission' : 'smtp'
    // smtpd_peer.c:343 — forward-confirmed reverse DNS fails, the client is "unknown".
    let warnFcrdns = ''
    if (client.name !== 'unknown' && this.rng.chance(kind === 'legit' ? 0.01 : 0.06)) {
      warnFcrdns = this.rng.chance(0.5)
        ? `warning: hostname ${client.name} does not resolve to address ${client.ip}: Name or service not known`
        : `warning: hostname ${client.name} does not resolve to address ${client.ip}`
      client = { ...client, name: 'unknown' }
    }
    const namaddr = `${client.name}[${client.ip}]`
    const prefix = mx.noqueuePrefix ? 'NOQUEUE: ' : ''
    /** @type {Array<[number, string]>} */
    const lines = []
    /** @type {Record<string, [number, number]>} */
    const c = {}
    /** @type {Array<() => void>} */
    const after = []
    let t = t0
    if (warnFcrdns) lines.push([t, warnFcrdns])
    t += this.j(100, 2 * MS)
    lines.push([t, `connect from ${namaddr}`])
    const tls = submission || (kind !== 'lost' && this.rng.chance(kind === 'legit' ? 0.75 : 0.3))
    const starttls = () => {
      t += this.j(30 * MS, 250 * MS)
      lines.push([
        t,
        `Anonymous TLS connection established from ${namaddr}: ${this.rng.pick(N.TLS_SERVER_SIDE)}`,
      ])
      c.ehlo = [2, 2]
      c.starttls = [1, 1]
    }
    if (kind === 'lost') {
      const where = this.rng.weighted(LOST)
      if (where === 'CONNECT') {
        t += this.j(5 * MS, 3 * SEC)
        lines.push([t, `${prefix}lost connection after CONNECT from ${namaddr}`])
      } else if (where === 'EHLO') {
        c.ehlo = [1, 1]
        t += this.j(50 * MS, 5 * SEC)
        lines.push([t, `${prefix}lost connection after EHLO from ${namaddr}`])
      } else if (where === 'timeout') {
        c.ehlo = [1, 1]
        t += 300 * SEC + this.j(0, 200 * MS)
        lines.push([t, `${prefix}timeout after EHLO from ${namaddr}`])
      } else if (where === 'STARTTLS') {
        c.ehlo = [1, 1]
        c.starttls = [0, 1]
        t += this.j(50 * MS, 2 * SEC)
        if (this.rng.chance(0.4)) {
          lines.push([
            t,
            'warning: TLS library problem: error:0A000412:SSL routines::sslv3 alert bad certificate:ssl/record/rec_layer_s3.c:1586:SSL alert number 42:',
          ])
        }
        lines.push([t, `SSL_accept error from ${namaddr}: lost connection`])
        lines.push([t, `${prefix}lost connection after STARTTLS from ${namaddr}`])
      } else {
        c.ehlo = [1, 1]
        c.mail = [1, 1]
        c.rcpt = [1, 1]
        t += this.j(200 * MS, 4 * SEC)
        lines.push([t, `${prefix}lost connection after RCPT from ${namaddr}`])
      }
      t += this.j(100, 900)
      lines.push([t, `disconnect from ${namaddr}${this.cmdStats(c)}`])
    } else if (kind === 'brute') {
      c.ehlo = [1, 1]
      if (tls) starttls()
      const tries = this.rng.chance(0.8) ? 1 : this.rng.range(2, 3)
      for (let i = 0; i < tries; i++) {
        t += this.j(200 * MS, 3 * SEC)
        const method = this.rng.chance(0.7) ? 'LOGIN' : 'PLAIN'
        const reason = method === 'LOGIN' ? 'UGFzc3dvcmQ6' : 'authentication failure'
        const user = mx.saslUsername ? `, sasl_username=${this.rng.pick(N.BRUTE_USERS)}@${LOCAL_DOMAIN}` : ''
        lines.push([t, `warning: ${namaddr}: SASL ${method} authentication failed: ${reason}${user}`])
      }
      c.auth = [0, tries]
      t += this.j(10 * MS, 500 * MS)
      lines.push([t, `${prefix}lost connection after AUTH from ${namaddr}`])
      t += this.j(100, 900)
      lines.push([t, `disconnect from ${namaddr}${this.cmdStats(c)}`])
    } else if (kind === 'nonsmtp') {
      t += this.j(5 * MS, 500 * MS)
      lines.push([t, `warning: non-SMTP command from ${namaddr}: GET / HTTP/1.1`])
      t += this.j(100, 900)
      lines.push([t, `disconnect from ${namaddr}${this.cmdStats({ unknown: [0, 1] })}`])
    } else if (kind === 'reject') {
      c.ehlo = [1, 1]
      if (tls) starttls()
      const what = this.rng.weighted(REJECTS)
      const n = what === 'relay' || what === 'unknown-user' ? this.rng.range(1, 3) : 1
      let helo = client.helo
      let name = namaddr
      if (what === 'helo') helo = this.rng.pick(['localhost', 'User', 'ylmf-pc'])
      if (what === 'no-ptr' && client.name !== 'unknown') name = `unknown[${client.ip}]`
      const from =
        what === 'sender-domain'
          ? `${this.rng.pick(N.FIRST)}@${this.rng.pick(N.WORDS)}.invalid`
          : this.remoteAddress(client.domain)
      for (let i = 0; i < n; i++) {
        t += this.j(50 * MS, 900 * MS)
        const to =
          what === 'relay'
            ? this.remoteAddress(this.rng.pick(this.domains))
            : what === 'unknown-user'
              ? `${this.rng.pick(N.FIRST)}${this.rng.range(1, 999)}@${LOCAL_DOMAIN}`
              : this.rng.pick(this.users)
        const text = {
          relay: `554 5.7.1 <${to}>: Relay access denied`,
          'unknown-user': `550 5.1.1 <${to}>: Recipient address rejected: User unknown in virtual mailbox table`,
          'no-ptr': `450 4.7.1 Client host rejected: cannot find your hostname, [${client.ip}]`,
          rbl: `554 5.7.1 Service unavailable; Client host [${client.ip}] blocked using bl.spamcop.net; Blocked - see https://www.spamcop.net/bl.shtml?${client.ip}`,
          'sender-domain': `450 4.1.8 <${from}>: Sender address rejected: Domain not found`,
          helo: `504 5.5.2 <${helo}>: Helo command rejected: need fully-qualified hostname`,
          greylist: `450 4.2.0 <${to}>: Recipient address rejected: Greylisted, see http://postgrey.schweikert.ch/help/${LOCAL_DOMAIN}.html`,
        }[what]
        // smtpd_check.c:1006-1027 (log_whatsup)
        lines.push([
          t,
          `NOQUEUE: reject: RCPT from ${name}: ${text}; from=<${from}> to=<${to}> proto=ESMTP helo=<${helo}>`,
        ])
      }
      c.mail = [1, 1]
      c.rcpt = [0, n]
      t += this.j(20 * MS, 600 * MS)
      if (this.rng.chance(0.25)) {
        lines.push([t, `${prefix}lost connection after RCPT from ${name}`])
      } else {
        if (this.rng.chance(0.3)) c.rset = [1, 1]
        c.quit = [1, 1]
      }
      t += this.j(100, 900)
      lines.push([t, `disconnect from ${name}${this.cmdStats(c)}`])
    } else {
      // legit (port 25) or submission: one or two messages.
      c.ehlo = [1, 1]
      if (tls) starttls()
      const user = this.rng.pick(this.users)
      let sasl = ''
      if (submission) {
        t += this.j(30 * MS, 300 * MS)
        c.auth = [1, 1]
        sasl = `, sasl_method=${this.rng.chance(0.8) ? 'PLAIN' : 'LOGIN'}, sasl_username=${user}`
      }
      const count = this.rng.chance(0.08) ? 2 : 1
      let rcptOk = 0
      let rcptAll = 0
      for (let m = 0; m < count; m++) {
        const env = submission ? this.outboundEnvelope(user, t) : this.inboundEnvelope(client, t)
        if (submission && this.rng.chance(0.02)) {
          // A sender the login does not own (reject_sender_login_mismatch), before any queue file.
          const other = this.rng.pick(this.users)
          const to = /** @type {Rcpt} */ (env.rcpts[0]).to
          const saslTail = mx.noqueuePrefix ? ` sasl_method=PLAIN sasl_username=${user}` : ''
          t += this.j(50 * MS, 400 * MS)
          lines.push([
            t,
            `NOQUEUE: reject: RCPT from ${namaddr}: 553 5.7.1 <${other}>: Sender address rejected: not owned by user ${user}; ` +
              `from=<${other}> to=<${to}> proto=ESMTP helo=<${client.helo}>${saslTail}`,
          ])
          rcptAll++
          c.mail = [(c.mail?.[0] ?? 0) + 1, (c.mail?.[1] ?? 0) + 1]
          continue
        }
        const client0 = t + this.j(80 * MS, 900 * MS)
        const data = client0 + this.j(50 * MS, 400 * MS) + Math.round(env.size / this.j(1, 5))
        const queued = data + this.j(1 * MS, 15 * MS)
        t = queued
        rcptOk += env.rcpts.length
        rcptAll += env.rcpts.length
        let extraReject = ''
        if (!submission && this.rng.chance(0.02)) {
          rcptAll++
          extraReject = `${this.rng.pick(N.FIRST)}${this.rng.range(1, 999)}@${LOCAL_DOMAIN}`
        }
        c.mail = [(c.mail?.[0] ?? 0) + 1, (c.mail?.[1] ?? 0) + 1]
        c.data = [(c.data?.[0] ?? 0) + 1, (c.data?.[1] ?? 0) + 1]
        const times = { client: client0, data, queued }
        const ex = extraReject
        after.push(() => {
          const tag = /** @type {string} */ (sessionTag)
          const tx = this.accept(mx, tag, times, namaddr, env, sasl)
          tx.origin = submission ? 'submission' : 'smtp'
          if (ex) {
            // A rejected recipient after the queue file exists: the reject carries the queue id.
            this.emit(
              times.client + this.j(5 * MS, 40 * MS),
              mx,
              tag,
              `${tx.queueId}: reject: RCPT from ${namaddr}: 550 5.1.1 <${ex}>: Recipient address rejected: User unknown in virtual mailbox table; ` +
                `from=<${env.from}> to=<${ex}> proto=ESMTP helo=<${client.helo}>`,
            )
          }
          this.route(mx, tx, times.queued, env.rcpts)
        })
      }
      c.rcpt = [rcptOk, rcptAll]
      t += this.j(5 * MS, 150 * MS)
      if (this.rng.chance(0.92)) c.quit = [1, 1]
      t += this.j(100, 900)
      lines.push([t, `disconnect from ${namaddr}${this.cmdStats(c)}`])
    }
    const sessionTag = pool.take(t0, t)
    for (const [tl, msg] of lines) this.emit(tl, mx, sessionTag, msg)
    for (const f of after) f()
    const anvil = this.anvil.get(mx)
    if (anvil) anvil.connect(`${service}:${client.ip}`, t0, t)
  }

  /**
   * @param {{ name: string, domain: Domain }} client
   * @param {number} t
   * @returns {Envelope}
   */
  inboundEnvelope(client, t) {
    const r = this.rng.float()
    const n = r < 0.75 ? 1 : r < 0.9 ? 2 : this.rng.range(3, 4)
    /** @type {Rcpt[]} */
    const rcpts = []
    while (rcpts.length < n) {
      const to = this.rng.pick(this.users)
      if (!rcpts.some((x) => x.to === to)) rcpts.push({ to })
    }
    // A recipient the MX does not know is not there (no recipient validation at the edge).
    if (this.rng.chance(0.015))
      rcpts.push({ to: `${this.rng.pick(N.FIRST)}${this.rng.range(1, 999)}@${LOCAL_DOMAIN}` })
    const from = this.rng.chance(0.02) ? '' : this.remoteAddress(client.domain)
    return { from, messageId: this.messageId(client.name, t), size: this.size(), rcpts }
  }

  /**
   * @param {string} user
   * @param {number} t
   * @returns {Envelope}
   */
  outboundEnvelope(user, t) {
    /** @type {Rcpt[]} */
    const rcpts = []
    if (this.rng.chance(0.2)) {
      const n = this.rng.range(1, 3)
      while (rcpts.length < n) {
        const to = this.rng.pick(this.users)
        if (to !== user && !rcpts.some((x) => x.to === to)) rcpts.push({ to })
      }
    } else {
      const n = this.rng.chance(0.7) ? 1 : this.rng.range(2, 4)
      const domains = [this.rng.pick(this.domains), this.rng.pick(this.domains)]
      while (rcpts.length < n) {
        const to = this.remoteAddress(/** @type {Domain} */ (domains[this.rng.chance(0.7) ? 0 : 1]))
        if (!rcpts.some((x) => x.to === to)) rcpts.push({ to })
      }
    }
    return { from: user, messageId: this.messageId('laptop.example.org', t), size: this.size(), rcpts }
  }

  /**
   * Authenticated submission on port 587, or a password-guessing client.
   *
   * @param {Host} mx
   * @param {number} t
   * @param {boolean} brute
   */
  submission(mx, t, brute) {
    const ip = this.clientIp()
    const name = this.rng.chance(0.4)
      ? 'unknown'
      : `${ip.replace(/[.:]/g, '-')}.${this.rng.pick(['dsl', 'cable', 'mobile'])}.isp.example`
    const client = {
      name,
      ip,
      helo: brute ? this.rng.pick(N.BOT_HELO) : `[${ip}]`,
      domain: this.rng.pick(this.domains),
    }
    this.smtpd(mx, t, client, brute ? 'brute' : 'submission', true)
  }

  /**
   * Local submission through pickup(8) (pickup.c:374-379): cron mail to the admins, or an
   * application user mailing out.
   *
   * @param {Host} host
   * @param {number} t
   */
  pickup(host, t) {
    const root = this.rng.chance(0.7)
    const local = root ? 'root' : this.rng.pick(['www-data', 'deploy', 'backup', 'nagios'])
    const uid = root ? 0 : this.rng.pick([33, 1001, 1002, 998])
    const qid = host.newQueueId(t)
    /** @type {Rcpt[]} */
    const rcpts =
      host.role === 'store'
        ? [{ to: `root@${host.fqdn}`, origTo: 'root' }]
        : root
          ? [{ to: `ops@${LOCAL_DOMAIN}`, origTo: 'root' }]
          : [{ to: `alerts@${this.rng.pick(this.domains).name}` }]
    const messageId = host.longIds ? `${qid}@${host.fqdn}` : `${utcCompact(t)}.${qid}@${host.fqdn}`
    const env = { from: `${local}@${host.fqdn}`, messageId, size: this.j(600, 4000), rcpts }
    const tx = this.tx(host, qid, env, t)
    const data = t + this.j(1 * MS, 6 * MS)
    const queued = data + this.j(1 * MS, 5 * MS)
    tx.active = queued
    this.emit(t, host, host.one('pickup'), `${qid}: uid=${uid} from=<${local}>`)
    this.emit(data, host, host.pool('cleanup').take(t, queued), `${qid}: message-id=<${messageId}>`)
    this.emit(
      queued,
      host,
      host.one('qmgr'),
      `${qid}: from=<${env.from}>, size=${env.size}, nrcpt=1 (queue active)`,
    )
    this.route(host, tx, queued, rcpts)
  }

  /**
   * anvil's periodic peak report (anvil.c:522-540).
   *
   * @param {Host} host
   * @param {number} t
   */
  anvilReport(host, t) {
    const a = this.anvil.get(host)
    if (!a) return
    const tag = host.one('anvil')
    if (a.rate.value > 0) {
      this.emit(
        t,
        host,
        tag,
        `statistics: max connection rate ${a.rate.value}/60s for (${a.rate.ident}) at ${this.ctime(a.rate.when)}`,
      )
    }
    if (a.count.value > 0) {
      this.emit(
        t,
        host,
        tag,
        `statistics: max connection count ${a.count.value} for (${a.count.ident}) at ${this.ctime(a.count.when)}`,
      )
    }
    if (a.cache.value > 0)
      this.emit(t, host, tag, `statistics: max cache size ${a.cache.value} at ${this.ctime(a.cache.when)}`)
    a.reset()
    a.prune(t)
  }

  // ── driver ─────────────────────────────────────────────────────────────────────────────────

  /**
   * Writes lines scheduled before `t`.
   *
   * @param {number} t
   */
  flushBefore(t) {
    const heap = this.heap
    let chunk = ''
    let truth = ''
    for (;;) {
      const top = heap.peek()
      if (top === undefined || top.t >= t) break
      heap.pop()
      const stamp = this.stamp(top.t)
      if (this.first === '') this.first = stamp
      this.last = stamp
      chunk += `${stamp} ${top.h} ${top.p}: ${top.m}\n`
      this.written++
      if (top.x !== null) {
        const tx = top.x
        tx.host.qids.delete(tx.queueId)
        if (this.writeTruth) truth += `${JSON.stringify(truthRecord(tx))}\n`
        this.messages++
      }
      if (chunk.length >= 1 << 20) {
        this.bytes += chunk.length
        this.writeLog(chunk)
        chunk = ''
      }
    }
    if (chunk !== '') {
      this.bytes += chunk.length
      this.writeLog(chunk)
    }
    if (truth !== '' && this.writeTruth) this.writeTruth(truth)
  }

  /** Runs the simulation to the line target, then drains what is in flight. */
  run() {
    const r = this.rng
    /** @type {{ next: number, mean: number, fire: (t: number) => void, periodic?: boolean }[]} */
    const arrivals = []
    /**
     * @param {number} meanSec
     * @param {(t: number) => void} fire
     * @param {boolean} [periodic]
     */
    const add = (meanSec, fire, periodic) => {
      const mean = meanSec * SEC
      arrivals.push({
        next: this.start + (periodic ? r.int(mean) : Math.round(r.exp(mean))),
        mean,
        fire,
        periodic,
      })
    }
    for (const mx of [this.mx1, this.mx2]) {
      add(0.2, (t) => this.port25(mx, t))
      add(2.5, (t) => this.submission(mx, t, false))
      add(5, (t) => this.submission(mx, t, true))
      add(600, (t) => this.anvilReport(mx, t), true)
    }
    add(45, (t) => this.pickup(this.relay1, t))
    add(150, (t) => this.pickup(this.store1, t))
    for (;;) {
      let a = /** @type {(typeof arrivals)[number]} */ (arrivals[0])
      for (const b of arrivals) if (b.next < a.next) a = b
      this.flushBefore(a.next)
      if (this.written + this.heap.size >= this.target) break
      const t = a.next
      a.next += a.periodic ? a.mean : Math.max(1, Math.round(r.exp(a.mean)))
      a.fire(t)
    }
    this.flushBefore(Number.POSITIVE_INFINITY)
  }
}

/**
 * The ground-truth record of a closed transaction; attempts in log order.
 *
 * @param {Tx} tx
 * @returns {object}
 */
function truthRecord(tx) {
  const attempts = tx.recipients.slice().sort((a, b) => a.t - b.t || a.s - b.s)
  return {
    id: tx.id,
    host: tx.host.name,
    queueId: tx.queueId,
    from: tx.from,
    messageId: tx.messageId,
    size: tx.size,
    nrcpt: tx.nrcpt,
    recipients: attempts.map((a) => ({
      to: a.to,
      origTo: a.origTo,
      status: a.status,
      relay: a.relay,
      queuedAs: a.queuedAs,
    })),
    next: tx.next,
    previous: tx.previous,
    bounceOf: tx.bounceOf,
    bounceQueueId: tx.bounceQueueId,
    complete: true,
  }
}

/**
 * Generates a log (and optionally its ground truth) into files or stdout.
 *
 * @param {Options} options
 * @returns {Summary}
 * @example
 * generate({ seed: 7, lines: 10000, out: '/tmp/maillog', truth: '/tmp/maillog.truth.ndjson' })
 * //~> { lines: 10021, bytes: 1391102, messages: 712, seconds: 0.05, … }
 */
export function generate(options) {
  const began = performance.now()
  const outFd = options.out === undefined || options.out === '-' ? 1 : openSync(options.out, 'w')
  const truthFd = options.truth === undefined ? undefined : openSync(options.truth, 'w')
  try {
    const g = new Generator(
      options,
      (text) => {
        writeAll(outFd, text)
      },
      truthFd === undefined
        ? undefined
        : (text) => {
            writeAll(truthFd, text)
          },
    )
    g.run()
    return {
      lines: g.written,
      bytes: g.bytes,
      messages: g.messages,
      seconds: (performance.now() - began) / 1000,
      first: g.first,
      last: g.last,
    }
  } finally {
    if (outFd !== 1) closeSync(outFd)
    if (truthFd !== undefined) closeSync(truthFd)
  }
}

/**
 * @param {number} fd
 * @param {string} text
 */
function writeAll(fd, text) {
  const buf = Buffer.from(text)
  let off = 0
  while (off < buf.length) {
    try {
      off += writeSync(fd, buf, off)
    } catch (err) {
      if (/** @type {NodeJS.ErrnoException} */ (err).code !== 'EAGAIN') throw err
    }
  }
}

const HELP = `usage: node bench/generate.js [options]

Writes a synthetic multi-host Postfix log (mx1, mx2, relay1, store1) and its ground truth.

options:
  --seed S          PRNG seed, integer or text (default 1)
  --lines N         approximate number of lines (default 1500000); traffic in flight at the
                    end is completed, so the log holds N plus at most a few dozen lines
  --out FILE        log file (default: stdout)
  --truth FILE      ground truth, NDJSON, one object per message per host
  --start ISO       first instant (default 2025-02-28T23:45:00, read in --zone)
  --zone IANA       zone of the hosts' clocks (default UTC)
  --rfc3339         RFC 3339 stamps with microseconds instead of "Mar  1 12:00:01"
  --summary-json    print the summary as JSON on stderr
  -h, --help        this text
`

function main() {
  let values
  try {
    ;({ values } = parseArgs({
      options: {
        seed: { type: 'string' },
        lines: { type: 'string' },
        out: { type: 'string' },
        truth: { type: 'string' },
        start: { type: 'string' },
        zone: { type: 'string' },
        rfc3339: { type: 'boolean' },
        'summary-json': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    }))
  } catch (err) {
    process.stderr.write(`generate: ${/** @type {Error} */ (err).message}\n${HELP}`)
    return 2
  }
  if (values.help) {
    process.stdout.write(HELP)
    return 0
  }
  const lines = values.lines === undefined ? undefined : Number(values.lines.replace(/_/g, ''))
  if (lines !== undefined && !(Number.isInteger(lines) && lines > 0)) {
    process.stderr.write(`generate: --lines: expected a positive integer, got "${values.lines}"\n`)
    return 2
  }
  try {
    const s = generate({
      seed: values.seed,
      lines,
      out: values.out,
      truth: values.truth,
      start: values.start,
      zone: values.zone,
      rfc3339: values.rfc3339,
    })
    if (values['summary-json']) process.stderr.write(`${JSON.stringify(s)}\n`)
    else {
      process.stderr.write(
        `generated ${s.lines} lines (${(s.bytes / 1e6).toFixed(1)} MB), ${s.messages} transactions, ` +
          `${s.first} … ${s.last}, in ${s.seconds.toFixed(2)} s (${Math.round(s.lines / s.seconds / 1000)}k lines/s)\n`,
      )
    }
    return 0
  } catch (err) {
    process.stderr.write(`generate: ${/** @type {Error} */ (err).message}\n`)
    return 2
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = main()
}
