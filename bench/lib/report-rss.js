/**
 * Preloaded into a measured Node process (`node --import …/report-rss.js`) when `/usr/bin/time`
 * is not available: writes the process's peak RSS in KiB to `$MAILLOG_BENCH_RSS_FILE` at exit.
 *
 * @module
 */

import { writeFileSync } from 'node:fs'

const file = process.env.MAILLOG_BENCH_RSS_FILE
if (file) {
  process.on('exit', () => {
    writeFileSync(file, String(process.resourceUsage().maxRSS))
  })
}
