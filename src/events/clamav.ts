/**
 * ClamAV events: syslog lines of the scanning daemon `clamd` and the signature updater
 * `freshclam` (ClamAV 0.9x to 1.x, `LogSyslog yes`, or their stdout in the journal).
 * Citations are to Cisco-Talos/clamav at 67a02aa; `manager.c` is freshclam before the
 * 0.102 rewrite (cef54eaf8^).
 *
 * @module
 */

import type { EventBase } from './base.js'

/** Fields every ClamAV event carries. */
export interface ClamavBase extends EventBase {
  /**
   * `ERROR:` / `WARNING:` prefix, present only where ClamAV wrote it into the text: its
   * foreground output as the journal stores it (common/output.c:510-517); syslog carries the
   * level in the priority instead (common/output.c:454-465).
   */
  readonly severity?: 'warning' | 'error'
}

/** The client of an `INSTREAM`/`STREAM` scan: `instream(192.0.2.10@41872)`. */
export interface ClamavClient {
  readonly ip: string
  readonly port?: number
}

/**
 * clamd found a signature: `<target>: <signature> FOUND`, with `(<hash>:<size>)` after the
 * name when `ExtendedDetectionInfo` is on (clamd/scanner.c:314-316 file scans, :444-446
 * descriptors and `instream(ip@port)`, :626-629 `stream(ip@port)`; the `instream(…)` name is
 * built at :398-401).
 * @example `clamd[2140]: instream(127.0.0.1@48212): Win.Test.EICAR_HDB-1(44d88612fea8a8f36de82e1278abb02f:68) FOUND`
 */
export interface ClamavFound extends ClamavBase {
  readonly type: 'clamav.clamd.found'
  /**
   * What was scanned: a path, `fd[12]`, `instream(127.0.0.1@48212)`, `instream(local)`,
   * `stream(…)`. (Named apart from `target`, which Zimbra audit events use for an object.)
   */
  readonly scanTarget: string
  /** Signature name: `Eicar-Signature`, `Win.Test.EICAR_HDB-1`, `Heuristics.Phishing.Email.SpoofedDomain`. */
  readonly signature: string
  /** Hash of the matched object (`ExtendedDetectionInfo`). */
  readonly hash?: string
  /** Size in bytes of the matched object (`ExtendedDetectionInfo`). */
  readonly size?: number
  /** The client that streamed the data, for `instream(ip@port)` / `stream(ip@port)`. */
  readonly client?: ClamavClient
}

/**
 * A scan without a detection: `<target>: OK` (with `LogClean yes`) or `<target>: <error> ERROR`
 * (clamd/scanner.c:324-327, :408, :450-455, :635-640).
 * @example `clamd[2140]: /var/spool/amavis/tmp/amavis-20250301T120001-01234/parts/p003: Can't open file or directory ERROR`
 */
export interface ClamavScan extends ClamavBase {
  readonly type: 'clamav.clamd.scan'
  /** What was scanned, as in `clamav.clamd.found`. */
  readonly scanTarget: string
  readonly result: 'ok' | 'error'
  /** The error text (`cl_strerror`), for `error`. */
  readonly error?: string
  readonly client?: ClamavClient
}

/**
 * The signature database of clamd: self-check verdicts and (re)loads.
 * `ok`: `SelfCheck: Database status OK.`; `modified`: `SelfCheck: Database modification
 * detected. Forcing reload.` (clamd/server-th.c:202-205); `reading`: `Reading databases from
 * <dir>` (:232, clamd/clamd.c:493); `loaded`: `Loaded <n> signatures.` (clamd/clamd.c:733);
 * `reloaded`: `Database correctly reloaded (<n> signatures)` (server-th.c:258);
 * `activating`: `Activating the newly loaded database...` (:1789); `failed`: `Database reload
 * [setup] failed, keeping the previous instance` (:1775,1798).
 * @example `clamd[2140]: Database correctly reloaded (8708460 signatures)`
 */
export interface ClamavDatabase extends ClamavBase {
  readonly type: 'clamav.clamd.database'
  readonly kind: 'ok' | 'modified' | 'reading' | 'loaded' | 'reloaded' | 'activating' | 'failed'
  /** Database directory, for `reading`. */
  readonly directory?: string
  /** Signatures loaded, for `loaded` and `reloaded`. */
  readonly signatures?: number
}

/**
 * Any other clamd line of a known kind: start and stop (`+++ Started at …`, `--- Stopped at …`,
 * clamd/clamd.c:274, server-th.c:1862), version and settings at start-up (`clamd daemon …`,
 * `Limits: …`, `… support enabled.`), sockets, libclamav notes (`[LibClamAV] …`,
 * scanner.c:83-86), and every line with an `ERROR:` / `WARNING:` prefix.
 * @example `clamd[2140]: +++ Started at Sat Mar  1 12:00:00 2025`
 */
export interface ClamavMessage extends ClamavBase {
  readonly type: 'clamav.clamd.message'
  readonly text: string
}

/**
 * freshclam's verdict on one database, or its summary after a download.
 * `updated`: `<db> updated (version: N, sigs: N, f-level: N, builder: X)`
 * (libfreshclam/libfreshclam_internal.c:2727; custom databases `(version: custom database,
 * sigs: N)`, :2957); `up-to-date`: `<db> database is up-to-date (version: …)` (:2300),
 * `<db> is up-to-date (version: custom database)` (:2842), before 0.102 `<db> is up to date
 * (version: …)` (manager.c:1740); and the summary before 0.102, `Database updated (N
 * signatures) from <mirror> (IP: <ip>)` (manager.c:2484-2487).
 * @example `freshclam[733]: daily.cld updated (version: 27561, sigs: 2071522, f-level: 90, builder: raynman)`
 */
export interface FreshclamUpdate extends ClamavBase {
  readonly type: 'clamav.freshclam.update'
  readonly status: 'updated' | 'up-to-date'
  /** Database as named in the line: `daily.cld`, `main`, `bytecode.cvd`; absent in the summary. */
  readonly database?: string
  /** Database version; absent for custom databases. */
  readonly version?: number
  /** Number of signatures. */
  readonly signatures?: number
  /** Functionality level the database needs. */
  readonly fLevel?: number
  /** Who built the database. */
  readonly builder?: string
  /** A custom (non-CVD) database (`version: custom database`). */
  readonly custom?: true
  /** Mirror the summary names. */
  readonly mirror?: string
  /** Mirror address the summary names. */
  readonly mirrorIp?: string
}

/**
 * Any other freshclam line: the run banner (`ClamAV update process started at …`,
 * freshclam/freshclam.c:1502), download progress, tests, warnings (`Your ClamAV installation
 * is OUTDATED!`, libfreshclam/libfreshclam.c:635), notices to clamd.
 * @example `freshclam[733]: ClamAV update process started at Sat Mar  1 12:00:00 2025`
 */
export interface FreshclamMessage extends ClamavBase {
  readonly type: 'clamav.freshclam.message'
  readonly text: string
}

/**
 * A clamd line of no known shape, or an empty ClamAV line.
 * @example `clamd[2140]: something a future clamd says`
 */
export interface ClamavUnrecognized extends ClamavBase {
  readonly type: 'clamav.unrecognized'
  readonly raw: string
  /** The message after the syslog header. */
  readonly message: string
}

/** Every ClamAV event. */
export type ClamavEvent =
  | ClamavFound
  | ClamavScan
  | ClamavDatabase
  | ClamavMessage
  | FreshclamUpdate
  | FreshclamMessage
  | ClamavUnrecognized
