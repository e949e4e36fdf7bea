#!/usr/bin/env node
/**
 * `npm run bench`: throughput and peak memory of maillog and of peer tools on the same
 * generated multi-host Postfix log, in one run on one machine.
 *
 * Rows are entries of {@link SUBJECTS}: a command line measured as a whole process
 * (`/usr/bin/time -v` gives peak RSS and CPU time), or a library call measured in a fresh Node
 * process with the log already in memory. Peers that are not installed are skipped with a note.
 * The script builds nothing: it expects `dist/` (it runs `tsc -p tsconfig.build.json` only when
 * `dist/` is missing).
 *
 * @module
 */

import { spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs'
import { createRequire } from 'node:module'
import os from 'node:os'
import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { parseArgs } from 'node:util'

const ROOT = fileURLToPath(new URL('..', import.meta.url))
const OUT = join(ROOT, 'bench/out')
const NODE = process.execPath
const MAILLOG = join(ROOT, 'bin/maillog.js')
const COLLATE = join(ROOT, '../shared/peers/collate.pl')
const TIME = '/usr/bin/time'
const RSS_HOOK = join(ROOT, 'bench/lib/report-rss.js')
/** Generator settings shared by every file of a run; maillog gets the matching `--year`/`--zone`. */
const START = '2025-02-28T23:45:00'
const ZONE = 'UTC'
const MAILLOG_TIME = ['--year', '2025', '--zone', ZONE]

/**
 * @typedef {object} Subject one row of the table
 * @property {string} name
 * @property {'maillog' | 'peer'} group
 * @property {'cli' | 'library'} kind
 * @property {(file: string) => string[]} [argv] command line of a `cli` subject
 * @property {boolean} [stdin] the file goes to standard input instead of an argument
 * @property {string} [library] in-process runner key of a `library` subject (see {@link LIBRARIES})
 * @property {string[]} [compareWith] names of the maillog rows a peer is compared with
 * @property {() => string | undefined} [unavailable] why the row is skipped, if it is
 */

/** @type {Subject[]} */
const SUBJECTS = [
  {
    name: 'maillog parse > /dev/null',
    group: 'maillog',
    kind: 'cli',
    argv: (f) => [NODE, MAILLOG, 'parse', ...MAILLOG_TIME, f],
  },
  {
    name: 'maillog parse --quiet',
    group: 'maillog',
    kind: 'cli',
    argv: (f) => [NODE, MAILLOG, 'parse', '--quiet', ...MAILLOG_TIME, f],
  },
  {
    name: 'maillog trace --json > /dev/null',
    group: 'maillog',
    kind: 'cli',
    argv: (f) => [NODE, MAILLOG, 'trace', '--json', ...MAILLOG_TIME, f],
    unavailable: () => (maillogHas('trace') ? undefined : 'maillog has no trace command yet'),
  },
  {
    name: 'collate.pl < FILE',
    group: 'peer',
    kind: 'cli',
    argv: () => ['perl', COLLATE],
    stdin: true,
    compareWith: ['maillog parse > /dev/null', 'maillog parse --quiet', 'maillog trace --json > /dev/null'],
    unavailable: () => (existsSync(COLLATE) ? undefined : `${COLLATE} not found`),
  },
  {
    // collate.pl's job (group lines by queue id, parse nothing) in Node: what this runtime
    // can do at best on the input, against which maillog's own rows are read.
    name: 'node bench/lib/collate.js < FILE',
    group: 'peer',
    kind: 'cli',
    argv: () => [NODE, join(ROOT, 'bench/lib/collate.js')],
    stdin: true,
    compareWith: ['maillog trace --json > /dev/null'],
  },
  {
    name: 'pflogsumm FILE',
    group: 'peer',
    kind: 'cli',
    argv: (f) => ['pflogsumm', f],
    compareWith: ['maillog parse > /dev/null', 'maillog parse --quiet'],
    unavailable: () =>
      which('pflogsumm') ? undefined : 'pflogsumm not installed (apt-get install pflogsumm)',
  },
  {
    name: 'maillog library: createParser().parse',
    group: 'maillog',
    kind: 'library',
    library: 'maillog',
  },
  {
    name: 'postfix-parser: asObject',
    group: 'peer',
    kind: 'library',
    library: 'postfix-parser',
    compareWith: ['maillog library: createParser().parse'],
    unavailable: () =>
      resolvable('postfix-parser') ? undefined : 'npm package postfix-parser not installed',
  },
]

/**
 * In-process runners: each gets the lines and returns how many it recognized (`typed`).
 *
 * @type {Record<string, () => Promise<(lines: string[]) => number>>}
 */
const LIBRARIES = {
  async maillog() {
    const { createParser } = await import(pathToFileURL(join(ROOT, 'dist/index.js')).href)
    const parser = createParser({ year: 2025, zone: ZONE })
    return (lines) => {
      let typed = 0
      for (let i = 0; i < lines.length; i++) {
        const type = parser.parse(lines[i], i + 1).type
        if (type !== 'unknown' && !type.endsWith('.unrecognized')) typed++
      }
      return typed
    }
  },
  async 'postfix-parser'() {
    process.env.NODE_ENV = 'test' // its logger prints every line it cannot parse otherwise
    const { asObject } = createRequire(import.meta.url)('postfix-parser')
    const header = new Set(['date', 'host', 'prog', 'pid'])
    return (lines) => {
      let typed = 0
      for (const line of lines) {
        const o = asObject(line)
        if (o && Object.keys(o).some((k) => !header.has(k))) typed++
      }
      return typed
    }
  },
}

// ── small utilities ──────────────────────────────────────────────────────────────────────────

/** @param {string} cmd */
function which(cmd) {
  return spawnSync('sh', ['-c', `command -v ${cmd}`], { encoding: 'utf8' }).stdout.trim() || undefined
}

/** @param {string} name */
function resolvable(name) {
  try {
    createRequire(import.meta.url).resolve(name)
    return true
  } catch {
    return false
  }
}

/** @param {string} command */
function maillogHas(command) {
  return spawnSync(NODE, [MAILLOG, command, '--help'], { stdio: 'ignore' }).status === 0
}

/**
 * @param {number} n
 * @param {number} [digits]
 */
function fmt(n, digits = 0) {
  return n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits })
}

/**
 * @param {number[]} xs
 * @returns {number}
 */
function median(xs) {
  const s = [...xs].sort((a, b) => a - b)
  const m = s.length >> 1
  const hi = s[m] ?? Number.NaN
  return s.length % 2 === 1 ? hi : ((s[m - 1] ?? hi) + hi) / 2
}

/**
 * Markdown table with right-aligned numeric columns.
 *
 * @param {string[]} head
 * @param {string[][]} rows
 * @param {boolean[]} right
 */
function table(head, rows, right) {
  const out = [`| ${head.join(' | ')} |`, `|${right.map((r) => (r ? '---:' : '---')).join('|')}|`]
  for (const r of rows) out.push(`| ${r.join(' | ')} |`)
  return out.join('\n') + '\n'
}

// ── machine and inputs ───────────────────────────────────────────────────────────────────────

/** @returns {string} the 1, 5 and 15 minute load averages */
function loadAverage() {
  return os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')
}

function machineFacts() {
  const cpus = os.cpus()
  const perl = spawnSync('perl', ['-e', 'print $^V'], { encoding: 'utf8' }).stdout
  const pfl = which('pflogsumm')
    ? spawnSync('sh', ['-c', 'pflogsumm --version 2>&1'], { encoding: 'utf8' }).stdout.trim()
    : 'not installed'
  let pp = 'not installed'
  if (resolvable('postfix-parser')) {
    const req = createRequire(import.meta.url)
    pp = req('postfix-parser/package.json').version
  }
  return [
    `- node ${process.version} (${process.platform} ${os.release()}, ${process.arch})`,
    `- CPU: ${cpus[0]?.model ?? 'unknown'}, ${cpus.length} cores; memory ${fmt(os.totalmem() / 2 ** 30, 1)} GiB`,
    `- load average at start: ${loadAverage()}`,
    `- perl ${perl || 'not installed'}; pflogsumm: ${pfl}; postfix-parser ${pp}`,
  ].join('\n')
}

function ensureBuild() {
  if (existsSync(join(ROOT, 'dist/cli/main.js')) && existsSync(join(ROOT, 'dist/index.js'))) return
  process.stderr.write('dist/ is missing: running tsc -p tsconfig.build.json\n')
  const r = spawnSync(NODE, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json'], {
    cwd: ROOT,
    stdio: 'inherit',
  })
  if (r.status !== 0) throw new Error('build failed')
}

/** Hash of the generator's sources: a changed generator regenerates the inputs. */
function generatorHash() {
  const h = createHash('sha256')
  const dir = join(ROOT, 'bench')
  for (const f of ['generate.js', ...readdirSync(join(dir, 'lib')).map((f) => `lib/${f}`)].sort()) {
    h.update(f).update(readFileSync(join(dir, f)))
  }
  return h.digest('hex').slice(0, 16)
}

/**
 * The generated log for (seed, lines), generated unless present from the same generator.
 *
 * @param {string} seed
 * @param {number} lines
 * @returns {{ file: string, lines: number, bytes: number, made?: { seconds: number, lines: number },
 *   generated?: { seconds: number } }} `made`: the generator's own summary; `generated`: made by this run
 */
function input(seed, lines) {
  mkdirSync(OUT, { recursive: true })
  const base = join(OUT, `postfix-s${seed}-${lines}`)
  const file = `${base}.log`
  const metaFile = `${base}.meta.json`
  const hash = generatorHash()
  if (existsSync(metaFile) && existsSync(file)) {
    const meta = JSON.parse(readFileSync(metaFile, 'utf8'))
    if (
      meta.generator === hash &&
      meta.seed === seed &&
      meta.requested === lines &&
      statSync(file).size === meta.bytes
    ) {
      return { file, lines: meta.lines, bytes: meta.bytes, made: meta.summary }
    }
  }
  const began = performance.now()
  const r = spawnSync(
    NODE,
    [
      join(ROOT, 'bench/generate.js'),
      '--seed',
      seed,
      '--lines',
      String(lines),
      '--start',
      START,
      '--zone',
      ZONE,
      '--out',
      file,
      '--truth',
      `${base}.truth.ndjson`,
      '--summary-json',
    ],
    { encoding: 'utf8', stdio: ['ignore', 'inherit', 'pipe'] },
  )
  const wall = (performance.now() - began) / 1000
  if (r.status !== 0) throw new Error(`generator failed: ${r.stderr}`)
  const summary = JSON.parse(r.stderr.trim().split('\n').pop() ?? '{}')
  writeFileSync(
    metaFile,
    `${JSON.stringify({ generator: hash, seed, requested: lines, lines: summary.lines, bytes: summary.bytes, summary }, null, 2)}\n`,
  )
  return {
    file,
    lines: summary.lines,
    bytes: summary.bytes,
    made: summary,
    generated: { seconds: wall },
  }
}

// ── measuring ────────────────────────────────────────────────────────────────────────────────

/**
 * @typedef {object} Sample
 * @property {number} wall seconds
 * @property {number | undefined} cpu user + system seconds
 * @property {number | undefined} rss peak resident set, bytes
 * @property {number | undefined} typed lines recognized (library rows)
 */

/**
 * Runs a command once, stdout to /dev/null.
 *
 * @param {string[]} argv
 * @param {string} file
 * @param {boolean} stdin
 * @returns {Sample}
 */
function runCommand(argv, file, stdin) {
  const devnull = openSync('/dev/null', 'w')
  const inFd = stdin ? openSync(file, 'r') : 'ignore'
  const useTime = existsSync(TIME)
  const rssFile = join(OUT, `.rss-${process.pid}`)
  let cmd = argv
  /** @type {NodeJS.ProcessEnv} */
  const env = { ...process.env }
  if (useTime) cmd = [TIME, '-v', ...argv]
  else if (argv[0] === NODE) {
    rmSync(rssFile, { force: true })
    cmd = [NODE, '--import', pathToFileURL(RSS_HOOK).href, ...argv.slice(1)]
    env.MAILLOG_BENCH_RSS_FILE = rssFile
  }
  const began = performance.now()
  const r = spawnSync(/** @type {string} */ (cmd[0]), cmd.slice(1), {
    cwd: ROOT,
    env,
    stdio: [inFd, devnull, 'pipe'],
    encoding: 'utf8',
    maxBuffer: 64 << 20,
  })
  const wall = (performance.now() - began) / 1000
  closeSync(devnull)
  if (typeof inFd === 'number') closeSync(inFd)
  if (r.status !== 0) throw new Error(`${argv.join(' ')} exited ${r.status}: ${r.stderr.slice(-2000)}`)
  let rss
  let cpu
  if (useTime) {
    const kb = /Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr)
    const user = /User time \(seconds\): ([\d.]+)/.exec(r.stderr)
    const sys = /System time \(seconds\): ([\d.]+)/.exec(r.stderr)
    rss = kb ? Number(kb[1]) * 1024 : undefined
    cpu = user && sys ? Number(user[1]) + Number(sys[1]) : undefined
  } else if (existsSync(rssFile)) {
    rss = Number(readFileSync(rssFile, 'utf8')) * 1024
  }
  return { wall, cpu, rss, typed: undefined }
}

/**
 * Runs a library subject in a fresh Node process (this script with `--library`).
 *
 * @param {string} library
 * @param {string} file
 * @returns {Sample}
 */
function runLibrary(library, file) {
  const r = spawnSync(NODE, [fileURLToPath(import.meta.url), '--library', library, file], {
    cwd: ROOT,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  if (r.status !== 0) throw new Error(`library run ${library} failed`)
  const o = JSON.parse(r.stdout)
  return { wall: o.parseSeconds, cpu: o.cpuSeconds, rss: o.maxRss, typed: o.typed }
}

/**
 * The child side of {@link runLibrary}: read, split, then time only the parse loop.
 *
 * @param {string} library
 * @param {string} file
 */
async function libraryChild(library, file) {
  const make = LIBRARIES[library]
  if (!make) throw new Error(`unknown library runner ${library}`)
  const parseAll = await make()
  const text = readFileSync(file, 'utf8')
  const lines = text.split('\n')
  if (lines[lines.length - 1] === '') lines.pop()
  const cpu0 = process.cpuUsage()
  const began = performance.now()
  const typed = parseAll(lines)
  const parseSeconds = (performance.now() - began) / 1000
  const cpu = process.cpuUsage(cpu0)
  process.stdout.write(
    JSON.stringify({
      parseSeconds,
      cpuSeconds: (cpu.user + cpu.system) / 1e6,
      typed,
      lines: lines.length,
      maxRss: process.resourceUsage().maxRSS * 1024,
    }),
  )
}

/**
 * @param {Subject} s
 * @param {{ file: string }} data
 * @param {number} runs
 * @returns {Sample}
 */
function measure(s, data, runs) {
  /** @type {Sample[]} */
  const samples = []
  for (let i = 0; i < runs; i++) {
    samples.push(
      s.kind === 'cli'
        ? runCommand(
            /** @type {NonNullable<Subject['argv']>} */ (s.argv)(data.file),
            data.file,
            s.stdin === true,
          )
        : runLibrary(/** @type {string} */ (s.library), data.file),
    )
  }
  const pick = (/** @type {(x: Sample) => number | undefined} */ f) => {
    const xs = samples.map(f).filter((x) => x !== undefined)
    return xs.length > 0 ? median(/** @type {number[]} */ (xs)) : undefined
  }
  return {
    wall: /** @type {number} */ (pick((x) => x.wall)),
    cpu: pick((x) => x.cpu),
    rss: pick((x) => x.rss),
    typed: samples[0]?.typed,
  }
}

// ── main ─────────────────────────────────────────────────────────────────────────────────────

const HELP = `usage: npm run bench [-- options]

Generates a multi-host Postfix log into bench/out/ (kept for the next run), then measures
maillog and the peer tools on it and prints Markdown tables.

options:
  --quick           200,000 lines, one run per row, no scaling table
  --lines N         lines of the main input (default 1,500,000)
  --seed S          generator seed (default 1)
  --runs N          runs per row, the median is shown (default 3; 1 with --quick)
  --no-scaling      skip the 10k/100k/1M table
  --json FILE       also write the results as JSON
  -h, --help        this text
`

async function main() {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      quick: { type: 'boolean' },
      lines: { type: 'string' },
      seed: { type: 'string' },
      runs: { type: 'string' },
      'no-scaling': { type: 'boolean' },
      json: { type: 'string' },
      library: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  })
  if (values.library !== undefined) {
    await libraryChild(values.library, /** @type {string} */ (positionals[0]))
    return 0
  }
  if (values.help) {
    process.stdout.write(HELP)
    return 0
  }
  const quick = values.quick === true
  const lines = Number((values.lines ?? (quick ? '200000' : '1500000')).replace(/[_,]/g, ''))
  const runs = Number(values.runs ?? (quick ? 1 : 3))
  const seed = values.seed ?? '1'
  if (!(Number.isInteger(lines) && lines > 0) || !(Number.isInteger(runs) && runs > 0)) {
    process.stderr.write('bench: --lines and --runs take positive integers\n')
    return 2
  }
  ensureBuild()
  const say = (/** @type {string} */ s) => process.stdout.write(s)
  say(`## maillog benchmark\n\n${machineFacts()}\n`)
  if (os.loadavg()[0] > os.cpus().length * 0.25) {
    say(`- note: the machine was not idle at start; figures are noisier than usual\n`)
  }
  const data = input(seed, lines)
  const mb = data.bytes / 1e6
  say(
    `\nInput: \`${data.file.slice(ROOT.length)}\`, ${fmt(data.lines)} lines, ${fmt(mb, 1)} MB ` +
      `(generator seed ${seed}; mx1, mx2, relay1, store1)\n`,
  )
  if (data.made) {
    say(
      `Generator: ${fmt(data.made.seconds, 2)} s for ${fmt(data.made.lines)} lines with ground truth ` +
        `(${fmt(data.made.lines / data.made.seconds)} lines/s)${data.generated ? '' : ', file kept from an earlier run'}\n`,
    )
  }
  say(`Runs per row: ${runs} (median shown)\n\n`)

  /** @type {Map<string, Sample>} */
  const results = new Map()
  /** @type {string[][]} */
  const rows = []
  /** @type {string[]} */
  const notes = []
  const ordered = [
    ...SUBJECTS.filter((s) => s.kind === 'cli'),
    ...SUBJECTS.filter((s) => s.kind === 'library'),
  ]
  for (const s of ordered) {
    const why = s.unavailable?.()
    if (why) {
      notes.push(`- ${s.name}: skipped (${why})`)
      continue
    }
    process.stderr.write(`measuring ${s.name} …\n`)
    const r = measure(s, data, runs)
    results.set(s.name, r)
    rows.push([
      s.name,
      s.kind === 'cli' ? 'process' : 'in memory',
      fmt(r.wall, 2),
      fmt(data.lines / r.wall),
      fmt(mb / r.wall, 1),
      r.cpu === undefined ? 'n/a' : fmt(r.cpu, 2),
      r.cpu === undefined ? 'n/a' : fmt(data.lines / r.cpu),
      r.rss === undefined ? 'n/a' : fmt(r.rss / 2 ** 20),
      r.typed === undefined ? '' : `${fmt((100 * r.typed) / data.lines, 1)} %`,
    ])
  }
  say(
    table(
      [
        'subject',
        'scope',
        'wall s',
        'lines/s',
        'MB/s',
        'CPU s',
        'lines/CPU s',
        'peak RSS MiB',
        'lines parsed',
      ],
      rows,
      [false, false, true, true, true, true, true, true, true],
    ),
  )
  if (notes.length > 0) say(`\n${notes.join('\n')}\n`)
  say(
    '\n"process": the whole command, start-up included, output to /dev/null. "in memory": the file is read and ' +
      'split first, only the per-line calls are timed (peak RSS includes the file held in memory). ' +
      '"lines parsed": lines that came back with fields past the syslog header.\n',
  )

  /** @type {string[][]} */
  const ratios = []
  for (const s of SUBJECTS) {
    const peer = results.get(s.name)
    if (s.group !== 'peer' || !peer) continue
    for (const t of s.compareWith ?? []) {
      const mine = results.get(t)
      if (!mine) continue
      ratios.push([
        t,
        s.name,
        `${fmt(peer.wall / mine.wall, 2)}×`,
        mine.cpu !== undefined && peer.cpu !== undefined ? `${fmt(peer.cpu / mine.cpu, 2)}×` : 'n/a',
        mine.rss !== undefined && peer.rss !== undefined ? `${fmt(mine.rss / peer.rss, 2)}×` : 'n/a',
      ])
    }
  }
  if (ratios.length > 0) {
    say('\n### maillog / peer\n\n')
    say(
      table(['maillog', 'peer', 'wall-clock speed', 'CPU speed', 'peak RSS'], ratios, [
        false,
        false,
        true,
        true,
        true,
      ]),
    )
    say(
      '\nSpeed ratios are peer time / maillog time (above 1: maillog is faster); peak RSS is maillog / peer ' +
        '(above 1: maillog uses more memory).\n',
    )
  }

  /** @type {{ lines: number, wall: number, rss: number | undefined }[]} */
  const scaling = []
  if (!quick && !values['no-scaling']) {
    say('\n### Scaling of `maillog parse --quiet`\n\n')
    /** @type {string[][]} */
    const srows = []
    for (const n of [10_000, 100_000, 1_000_000]) {
      const d = input(seed, n)
      process.stderr.write(`measuring parse --quiet on ${fmt(n)} lines …\n`)
      const r = measure(/** @type {Subject} */ (SUBJECTS[1]), d, runs)
      scaling.push({ lines: d.lines, wall: r.wall, rss: r.rss })
      srows.push([
        fmt(d.lines),
        fmt(d.bytes / 1e6, 1),
        fmt(r.wall, 2),
        fmt(d.lines / r.wall),
        r.rss === undefined ? 'n/a' : fmt(r.rss / 2 ** 20),
      ])
    }
    say(table(['lines', 'MB', 'wall s', 'lines/s', 'peak RSS MiB'], srows, [true, true, true, true, true]))
  }
  say(`\nLoad average at end: ${loadAverage()}\n`)
  if (values.json) {
    writeFileSync(
      values.json,
      `${JSON.stringify({ input: { lines: data.lines, bytes: data.bytes, seed }, runs, results: Object.fromEntries(results), scaling }, null, 2)}\n`,
    )
  }
  return 0
}

main().then(
  (code) => {
    process.exitCode = code
  },
  (err) => {
    process.stderr.write(`bench: ${err instanceof Error ? err.message : String(err)}\n`)
    process.exitCode = 1
  },
)
