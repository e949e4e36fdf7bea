import { writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { journalStamp, looksLikeJournal, readJournalHeader } from '../../src/envelope/journal.js'
import { readSyslogHeader } from '../../src/envelope/syslog.js'
import { parseLines } from '../../src/parse.js'
import { caseLogLines, run } from '../run.js'

/** The journal JSON entry `journalctl -o json` writes for a syslog line of 2025. */
function toJournal(line: string): string {
  const h = readSyslogHeader(line)!
  const p = h.stamp
  const micros = BigInt(Date.UTC(2025, p.month - 1, p.day, p.hour, p.minute, p.second)) * 1000n
  return JSON.stringify({
    __CURSOR: 's=0;i=1',
    __REALTIME_TIMESTAMP: String(micros),
    __MONOTONIC_TIMESTAMP: '1',
    PRIORITY: '6',
    SYSLOG_FACILITY: '2',
    SYSLOG_IDENTIFIER: h.program,
    SYSLOG_PID: h.pid === undefined ? undefined : String(h.pid),
    _COMM: 'x',
    _HOSTNAME: h.host,
    MESSAGE: h.message,
  })
}

describe('journal JSON entries', () => {
  it('should read the header fields and the exact time', () => {
    const line =
      '{"__REALTIME_TIMESTAMP":"1740830401123456","PRIORITY":"3","SYSLOG_FACILITY":"2","_HOSTNAME":"mx1","SYSLOG_IDENTIFIER":"postfix/qmgr","SYSLOG_PID":"7","MESSAGE":"3F4A92C1B: removed"}'
    expect(looksLikeJournal(line)).toBe(true)
    const h = readJournalHeader(line)!
    expect(h.stamp.text).toBe('2025-03-01T12:00:01.123456+00:00')
    expect(h.stamp.year).toBe(2025)
    expect([h.host, h.program, h.pid, h.priority, h.message]).toEqual([
      'mx1',
      'postfix/qmgr',
      7,
      19,
      '3F4A92C1B: removed',
    ])
    expect(journalStamp(1740830401000000n)).toBe('2025-03-01T12:00:01+00:00')
  })
  it('should decode a message given as bytes and fall back to _COMM and _PID', () => {
    const bytes = [...new TextEncoder().encode('connect from a[192.0.2.1] ä')]
    const h = readJournalHeader(
      JSON.stringify({ __REALTIME_TIMESTAMP: '1740830402000000', _COMM: 'smtpd', _PID: '9', MESSAGE: bytes }),
    )!
    expect([h.program, h.pid, h.message]).toEqual(['smtpd', 9, 'connect from a[192.0.2.1] ä'])
  })
  it('should leave what is not an entry to the other readers, as unknown when nothing reads it', () => {
    for (const bad of [
      '{"__REALTIME_TIMESTAMP":"1740830402000000"}',
      '{"__REALTIME_TIMESTAMP":"x","MESSAGE":"m"}',
      '{oops "__REALTIME_TIMESTAMP"',
      '[]',
    ])
      expect(readJournalHeader(bad)).toBeUndefined()
    const events = parseLines('{"__REALTIME_TIMESTAMP":"1","MESSAGE":5}\n', { zone: 'UTC' })
    expect(events.map((e) => e.type)).toEqual(['unknown'])
  })
  it('should trace a journal export as the same log written by syslog', async () => {
    const lines = await caseLogLines('corpus/trace/multi-host.log')
    const journal = join(tmpdir(), `maillog-journal-${process.pid}.json`)
    await writeFile(journal, lines.map(toJournal).join('\n') + '\n')
    const T = ['trace', '--json', '--year', '2025', '--zone', 'UTC']
    const fromJournal = await run([...T, journal])
    expect(fromJournal.code).toBe(0)
    expect(fromJournal.stderr).toBe('')
    expect(fromJournal.stdout).toBe((await run([...T, 'corpus/trace/multi-host.log'])).stdout)
  })
})
