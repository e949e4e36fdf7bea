/**
 * File name patterns for library callers (shells expand them for the CLI): `*` and `?` in the
 * last path segment, as in `/var/log/mail.log*` or `/opt/zimbra/log/mailbox.log.*.gz`.
 *
 * @module
 */

import { readdir } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'

const isPattern = (s: string): boolean => /[*?]/.test(basename(s))

function matcher(pattern: string): RegExp {
  const body = pattern
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '[^/]*')
    .replace(/\?/g, '[^/]')
  return new RegExp(`^${body}$`)
}

/**
 * Expands `*` and `?` in the last segment of each path, sorted by name; paths without a
 * pattern pass through as they are (so a missing file is still reported when it is opened).
 *
 * @example
 * await globFiles(['/var/log/mail.log*']) //=> ['/var/log/mail.log', '/var/log/mail.log.1', '/var/log/mail.log.2.gz']
 */
export async function globFiles(paths: readonly string[]): Promise<string[]> {
  const out: string[] = []
  for (const path of paths) {
    if (!isPattern(path)) {
      out.push(path)
      continue
    }
    const dir = dirname(path)
    const re = matcher(basename(path))
    const names = (await readdir(dir)).filter((n) => re.test(n)).sort()
    out.push(...names.map((n) => join(dir, n)))
  }
  return out
}
