import { Readable } from 'node:stream'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { lineBatches, lineChunks } from '../../src/node/lines.js'

async function collect(chunks: Uint8Array[]): Promise<string[]> {
  const out: string[] = []
  for await (const batch of lineBatches(Readable.from(chunks))) out.push(...batch)
  return out
}

describe('lineBatches', () => {
  it('should split lines across any chunking, multi-byte characters included', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.string({ unit: 'grapheme', maxLength: 30 }), { maxLength: 10 }),
        fc.integer({ min: 1, max: 9 }),
        async (lines, size) => {
          const text = lines.map((l) => l.replaceAll('\n', '')).join('\n')
          const bytes = Buffer.from(text)
          const chunks: Uint8Array[] = []
          for (let i = 0; i < bytes.length; i += size) chunks.push(bytes.subarray(i, i + size))
          const expected = text === '' ? [] : text.split('\n')
          if (expected.at(-1) === '') expected.pop()
          expect(await collect(chunks)).toEqual(expected)
        },
      ),
    )
  })
  it('should turn invalid UTF-8 into replacement characters, not an error', async () => {
    expect(await collect([Buffer.from([0x61, 0xff, 0xfe, 0x0a, 0x62])])).toEqual(['a\ufffd\ufffd', 'b'])
  })
  it('should give the byte offset of every line, across chunks, invalid UTF-8 and a resume offset', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.uint8Array({ maxLength: 12 }), { maxLength: 8 }),
        fc.integer({ min: 1, max: 7 }),
        fc.nat(1000),
        async (raw, size, start) => {
          const bytes = Buffer.concat(
            raw
              .map((r) => Buffer.from(r.map((b) => (b === 10 ? 32 : b))))
              .flatMap((b, i) => (i ? [Buffer.from([10]), b] : [b])),
          )
          const chunks: Uint8Array[] = []
          for (let i = 0; i < bytes.length; i += size) chunks.push(bytes.subarray(i, i + size))
          const starts: number[] = []
          for await (const batch of lineChunks(Readable.from(chunks), start, true)) {
            expect(batch.starts).toHaveLength(batch.lines.length)
            starts.push(...batch.starts!)
          }
          const expected: number[] = []
          for (let i = 0; i < bytes.length; i++) if (i === 0 || bytes[i - 1] === 10) expected.push(start + i)
          expect(starts).toEqual(expected)
        },
      ),
    )
  })
})
