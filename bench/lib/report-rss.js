/**
 * Preloaded into a measured Node process (`node --import …/report-rss.js`) when `/usr/bin/time`
 * is not available: writes the process's peak RSS in KiB to `$MAILLOG_BENCH_RSS_FILE` at exit, or
 * keeps the figure already there when it is larger: maillog runs large inputs in a child Node
 * process (which preloads this too and exits first), and the peak is the larger of the two.
 *
 * @module
 */

import { readFileSync, writeFileSync } from 'node:fs'

const file = process.env.MAILLOG_BENCH_RSS_FILE
if (file) {
  process.on('exit', () => {
    let child = 0
    try {
      child = Number(readFileSync(file, 'utf8')) || 0
    } catch {
      // No child wrote one.
    }
    writeFileSync(file, String(Math.max(child, process.resourceUsage().maxRSS)))
  })
}
