/**
 * The `maillog` command: argument parsing, command dispatch, exit codes
 * (0 ok, 1 no match, 2 usage or input error).
 *
 * @module
 */

import { runAuth } from './auth.js'
import { runCorpus } from './corpus.js'
import { runEsTemplate } from './es-template.js'
import { respawnForHeap } from './heap.js'
import { runParse } from './parse.js'
import { runStats } from './stats-command.js'
import { runTrace } from './trace.js'
import { UsageError } from './usage.js'

const HELP = `maillog — mail server logs as typed events

usage:
  maillog parse  [options] [files…]   one event per line as NDJSON (stdin when no file or "-")
  maillog trace  [options] [files…]   transactions: what happened to each message, across hosts
  maillog auth   [options] [files…]   failed logins per account and client address (SASL, Zimbra)
  maillog stats  [options] [files…]   summary report: totals, volumes, rejects, delays (like pflogsumm)
  maillog corpus check|update [dir]   run or regenerate the golden corpus (default: corpus)
  maillog es-template [options]       Elasticsearch/OpenSearch index template and retention policy

Run "maillog <command> --help" for the options of a command.
`

async function main(argv: readonly string[]): Promise<number> {
  const child = respawnForHeap(argv, process.argv[1]!)
  if (child) return child
  const [command, ...rest] = argv
  switch (command) {
    case 'parse':
      return runParse(rest)
    case 'trace':
      return runTrace(rest)
    case 'auth':
      return runAuth(rest)
    case 'stats':
      return runStats(rest)
    case 'corpus':
      return runCorpus(rest)
    case 'es-template':
      return runEsTemplate(rest)
    case undefined:
    case '-h':
    case '--help':
    case 'help':
      process.stdout.write(HELP)
      return command === undefined ? 2 : 0
    default:
      throw new UsageError(`unknown command "${command}"`)
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code
  },
  (err: unknown) => {
    if (err instanceof UsageError) {
      process.stderr.write(`maillog: ${err.message}\nTry "maillog --help".\n`)
    } else {
      process.stderr.write(`maillog: ${err instanceof Error ? err.message : String(err)}\n`)
    }
    process.exitCode = 2
  },
)
