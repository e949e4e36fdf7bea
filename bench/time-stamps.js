// Micro-benchmark of the time hot path: 1M generated stamps → scan, scan + clock.resolve, full
// parse lines, and (when built) the streaming timeline. Run after `npm run build`:
//   node bench/time-stamps.js [lines] [name]
// Prints the median and the minimum of 7 runs (process CPU time) in ns/line and lines/s. DIST=/path/to/dist compares another build;
// `name` (exact) runs one benchmark, which is steadier in a process of its own.
const DIST = new URL(process.env.DIST ? `file://${process.env.DIST}/` : '../dist/', import.meta.url).href
const stamp = await import(`${DIST}envelope/stamp.js`)
const parse = await import(`${DIST}parse.js`)
const clock = await import(`${DIST}time/clock.js`)

let timeline
try {
  timeline = await import(`${DIST}time/timeline.js`)
} catch {
  timeline = undefined
}

const N = Number(process.argv[2] ?? 1_000_000)
const only = process.argv[3] // run one benchmark by name prefix (separate processes are steadier)
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']
const pad = (n, w = 2) => String(n).padStart(w, '0')

/** Stamps from 2024-12-30 onward, ~0.3 s apart, 4 hosts; 10% with µs fractions, 5% RFC 3339. */
function generate(n) {
  const lines = []
  let t = Date.UTC(2024, 11, 30, 0, 0, 0)
  for (let i = 0; i < n; i++) {
    t += 300 + ((i * 7919) % 41)
    const d = new Date(t)
    const host = `mx${i % 4}`
    const hh = `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`
    let s
    if (i % 20 === 7) {
      s = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}T${hh}.${pad(d.getUTCMilliseconds(), 3)}123+01:00`
    } else {
      const day = d.getUTCDate()
      s = `${MONTHS[d.getUTCMonth()]} ${day < 10 ? ' ' + day : day} ${hh}${i % 10 === 3 ? '.' + pad(d.getUTCMilliseconds(), 3) + '456' : ''}`
    }
    lines.push(`${s} ${host} postfix/qmgr[7]: 4F1A2B3C${pad(i % 100)}: removed`)
  }
  return lines
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b)
  return s[s.length >> 1]
}

function bench(name, fn) {
  if (only && name !== only) return
  const runs = []
  fn() // warm-up
  for (let r = 0; r < 7; r++) {
    // CPU time, not wall time: steadier on a shared machine.
    const t0 = process.cpuUsage()
    fn()
    const d = process.cpuUsage(t0)
    runs.push(((d.user + d.system) * 1000) / N)
  }
  const ns = median(runs)
  const best = Math.min(...runs)
  console.log(
    `${name.padEnd(34)} median ${ns.toFixed(1).padStart(7)} ns/line  min ${best.toFixed(1).padStart(7)} ns/line  ${(1e9 / ns / 1e6).toFixed(2)}M lines/s`,
  )
}

const lines = generate(N)
let sink = 0

bench('scan stamps', () => {
  for (const l of lines) {
    const sc = l.charCodeAt(0) < 58 ? stamp.scanIsoStamp(l, 0) : stamp.scanBsdStamp(l, 0)
    sink += sc.end
  }
})

bench('scan + createClock.resolve', () => {
  const c = clock.createClock({ year: 2024, zone: 'Europe/Berlin' })
  for (const l of lines) {
    const sc = l.charCodeAt(0) < 58 ? stamp.scanIsoStamp(l, 0) : stamp.scanBsdStamp(l, 0)
    const iso = c.resolve(l.slice(sc.end + 1, sc.end + 4), sc.parts)
    sink += iso.length
  }
})

bench('createParser.parse (full line)', () => {
  const p = parse.createParser({ year: 2024, zone: 'Europe/Berlin' })
  for (let i = 0; i < lines.length; i++) sink += p.parse(lines[i], i + 1).line
})

if (timeline) {
  bench('scan + createTimeline.push', () => {
    let n = 0
    const tl = timeline.createTimeline({ zone: 'Europe/Berlin', now: Date.UTC(2025, 0, 5) }, (r) => {
      n += r.epochMs > 0 ? 1 : 0
    })
    for (const l of lines) {
      const sc = l.charCodeAt(0) < 58 ? stamp.scanIsoStamp(l, 0) : stamp.scanBsdStamp(l, 0)
      tl.push(sc.parts, l, l.slice(sc.end + 1, sc.end + 4))
    }
    tl.end()
    sink += n
  })
}

if (sink === 42) console.log(sink)
