/**
 * The generator's model of a Postfix host: its daemons' process ids, its queue ids in flight,
 * and anvil(8)'s peak counters.
 *
 * @module
 */

import { longQueueId, shortQueueId } from './postfix.js'

/** @typedef {import('./prng.js').Random} Random */

const SEC = 1_000_000

/** Domain of the generated organisation; hosts are `<name>.example.org`. */
export const LOCAL_DOMAIN = 'example.org'

/** A pool of daemon processes of one program on one host; a process serves one session at a time. */
export class Pool {
  /**
   * @param {Host} host
   * @param {string} program
   * @param {number} maxUse sessions before the process exits (Postfix `max_use`)
   */
  constructor(host, program, maxUse) {
    this.host = host
    this.program = program
    this.maxUse = maxUse
    /** @type {{ tag: string, busyUntil: number, uses: number }[]} */
    this.procs = []
  }

  /**
   * A free process for [from, until]; the returned tag is `program[pid]`.
   *
   * @param {number} from
   * @param {number} until
   * @returns {string}
   */
  take(from, until) {
    for (const p of this.procs) {
      if (p.busyUntil <= from) {
        if (p.uses >= this.maxUse) {
          p.tag = `${this.program}[${this.host.newPid()}]`
          p.uses = 0
        }
        p.busyUntil = until
        p.uses++
        return p.tag
      }
    }
    const p = { tag: `${this.program}[${this.host.newPid()}]`, busyUntil: until, uses: 1 }
    this.procs.push(p)
    return p.tag
  }
}

/** One Postfix host. */
export class Host {
  /**
   * @param {Random} rng
   * @param {{ name: string, ip: string, publicIp?: string, role: 'mx' | 'relay' | 'store',
   *   version: string, tlsField: boolean, noqueuePrefix: boolean, saslUsername: boolean,
   *   bounceFirst: boolean, longIds: boolean }} spec
   */
  constructor(rng, spec) {
    this.rng = rng
    this.name = spec.name
    this.fqdn = `${spec.name}.${LOCAL_DOMAIN}`
    this.ip = spec.ip
    this.namaddr = `${this.fqdn}[${spec.ip}]`
    this.publicIp = spec.publicIp ?? spec.ip
    this.role = spec.role
    this.version = spec.version
    /** 3.11: `tls=` in delivery lines (smtp_log_tls_feature_status). */
    this.tlsField = spec.tlsField
    /** 3.10: `NOQUEUE: ` / `QID: ` before `lost connection after`. */
    this.noqueuePrefix = spec.noqueuePrefix
    /** 3.9: `, sasl_username=` after SASL authentication failures. */
    this.saslUsername = spec.saslUsername
    /** 3.11: bounce logs the notification before cleanup logs the new id. */
    this.bounceFirst = spec.bounceFirst
    this.longIds = spec.longIds
    /** Queue ids in flight (allocated, `removed` not yet written). */
    this.qids = new Set()
    this.pid = 1000 + rng.int(30000)
    /** @type {Map<string, Pool>} */
    this.pools = new Map()
    /** @type {Map<string, string>} */
    this.singletons = new Map()
  }

  /** @returns {number} */
  newPid() {
    this.pid += 1 + this.rng.int(60)
    if (this.pid > 4_190_000) this.pid = 300 + this.rng.int(1000)
    return this.pid
  }

  /**
   * @param {string} key pool name (a master.cf service)
   * @param {string} [program] syslog program, default `postfix/<key>`
   * @returns {Pool}
   */
  pool(key, program) {
    let p = this.pools.get(key)
    if (!p) {
      p = new Pool(this, program ?? `postfix/${key}`, 100)
      this.pools.set(key, p)
    }
    return p
  }

  /**
   * Tag of a long-running single-process daemon (qmgr, pickup, anvil, postscreen).
   *
   * @param {string} daemon
   * @returns {string}
   */
  one(daemon) {
    let tag = this.singletons.get(daemon)
    if (!tag) {
      tag = `postfix/${daemon}[${this.newPid()}]`
      this.singletons.set(daemon, tag)
    }
    return tag
  }

  /**
   * A queue id not in flight on this host.
   *
   * @param {number} t creation time (its microseconds are part of the id)
   * @returns {string}
   */
  newQueueId(t) {
    for (;;) {
      const inode = 0x10000 + this.rng.int(0x1f0000)
      const id = this.longIds ? longQueueId(t, inode) : shortQueueId(t, inode)
      if (!this.qids.has(id)) {
        this.qids.add(id)
        return id
      }
    }
  }
}

/** anvil(8) peak tracking for one host (postfix/src/anvil/anvil.c:505-540). */
export class AnvilStats {
  constructor() {
    /** @type {Map<string, { start: number, count: number, ends: number[] }>} */
    this.clients = new Map()
    /** @type {{ t: number, ident: string }[]} */
    this.window = []
    this.windowHead = 0
    /** @type {Map<string, number>} */
    this.windowCounts = new Map()
    this.reset()
  }

  reset() {
    this.rate = { value: 0, ident: '', when: 0 }
    this.count = { value: 0, ident: '', when: 0 }
    this.cache = { value: 0, when: 0 }
  }

  /**
   * A connection from `ident` (`service:addr`) at `t`, ending at `end`.
   *
   * @param {string} ident
   * @param {number} t
   * @param {number} end
   */
  connect(ident, t, end) {
    let c = this.clients.get(ident)
    if (!c || t - c.start >= 60 * SEC) {
      c = { start: t, count: 0, ends: c ? c.ends : [] }
      this.clients.set(ident, c)
    }
    c.count++
    c.ends = c.ends.filter((e) => e > t)
    c.ends.push(end)
    if (c.count > this.rate.value) this.rate = { value: c.count, ident, when: t }
    if (c.ends.length > this.count.value) this.count = { value: c.ends.length, ident, when: t }
    this.window.push({ t, ident })
    this.windowCounts.set(ident, (this.windowCounts.get(ident) ?? 0) + 1)
    while (this.windowHead < this.window.length) {
      const head = /** @type {{ t: number, ident: string }} */ (this.window[this.windowHead])
      if (t - head.t <= 60 * SEC) break
      this.windowHead++
      const n = (this.windowCounts.get(head.ident) ?? 1) - 1
      if (n === 0) this.windowCounts.delete(head.ident)
      else this.windowCounts.set(head.ident, n)
    }
    if (this.windowHead > 4096) {
      this.window = this.window.slice(this.windowHead)
      this.windowHead = 0
    }
    if (this.windowCounts.size > this.cache.value) this.cache = { value: this.windowCounts.size, when: t }
  }

  /** @param {number} t drop idle clients */
  prune(t) {
    for (const [ident, c] of this.clients) {
      if (t - c.start >= 60 * SEC && c.ends.every((e) => e <= t)) this.clients.delete(ident)
    }
  }
}
