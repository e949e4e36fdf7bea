#!/usr/bin/env node
// Writes docs/events.md, the event catalogue, from the interfaces in src/events/*.ts:
// each event type with its doc comment, sample line and fields. `--check` fails when the
// file is out of date (run by the test suite).
import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

const dir = 'src/events'
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.ts') && f !== 'index.ts')
  .sort((a, b) => (a === 'base.ts' ? -1 : b === 'base.ts' ? 1 : a.localeCompare(b)))

/** Interfaces with a literal `type`: doc comment, name, parents, fields. */
function interfaces(src) {
  const out = []
  const re =
    /(\/\*\*(?:(?!\*\/|\/\*\*)[\s\S])*\*\/)\s*export interface (\w+)(?: extends ([\w, ]+))? \{([\s\S]*?)\n\}/g
  for (let m = re.exec(src); m; m = re.exec(src)) {
    const [, doc, name, parents, body] = m
    const fields = []
    const fre = /(?:\/\*\*([\s\S]*?)\*\/\s*)?readonly (\w+)(\?)?: ([^\n]+)/g
    for (let f = fre.exec(body); f; f = fre.exec(body)) {
      fields.push({ name: f[2], optional: f[3] === '?', type: f[4].trim(), doc: clean(f[1] ?? '') })
    }
    out.push({ name, parents: parents ? parents.split(',').map((p) => p.trim()) : [], doc, fields })
  }
  return out
}

const clean = (doc) =>
  doc
    .split('\n')
    .map((l) =>
      l
        .replace(/^\s*\/?\*+\/?\s?/, '')
        .replace(/\*\/\s*$/, '')
        .trim(),
    )
    .filter((l) => l !== '' && l !== '/')
    .join(' ')

function describe(doc) {
  const example = /@example\s+`([^`]+)`/.exec(doc)?.[1]
  // The example ends at the comment's end or at the next tag opening a line (an address in it is not one).
  const text = clean(doc.replace(/@example[\s\S]*?(?=\*\/|\n\s*\*\s*@\w)/, ''))
  return { text, example }
}

const lines = [
  '# Event catalogue',
  '',
  'Generated from `src/events/*.ts` by `node scripts/events-doc.js`; do not edit by hand.',
  'Every event has the base fields (`line`, `source`, `time`, `stamp`, `host`, `program`, `pid`) and,',
  'for Postfix, `instance`, `service`, `daemon`, `queueId`, `severity` (see `EventBase`, `PostfixBase`).',
  '',
]
for (const file of files) {
  const src = readFileSync(join(dir, file), 'utf8')
  const items = interfaces(src).filter((i) =>
    i.fields.some((f) => f.name === 'type' && f.type.startsWith("'")),
  )
  if (items.length === 0) continue
  lines.push(`## ${file.replace(/\.ts$/, '')}`, '')
  for (const item of items) {
    const type = item.fields.find((f) => f.name === 'type').type.replace(/'/g, '')
    const { text, example } = describe(item.doc)
    lines.push(`### \`${type}\``, '')
    if (text) lines.push(text, '')
    if (example) lines.push('```', example, '```', '')
    const fields = item.fields.filter((f) => f.name !== 'type')
    if (item.parents.length > 0) lines.push(`Base: ${item.parents.map((p) => `\`${p}\``).join(', ')}.`, '')
    if (fields.length > 0) {
      lines.push('| field | type | meaning |', '|---|---|---|')
      for (const f of fields)
        lines.push(
          `| \`${f.name}${f.optional ? '?' : ''}\` | \`${f.type.replace(/\|/g, '\\|')}\` | ${f.doc.replace(/\|/g, '\\|')} |`,
        )
      lines.push('')
    }
  }
}
const text = lines.join('\n')
if (process.argv.includes('--check')) {
  let current = ''
  try {
    current = readFileSync('docs/events.md', 'utf8')
  } catch {}
  if (current !== text) {
    console.error('docs/events.md is out of date: run node scripts/events-doc.js')
    process.exit(1)
  }
} else {
  writeFileSync('docs/events.md', text)
}
