/**
 * Java stack traces in the continuation lines of a log4j record:
 *
 * ```
 * com.zimbra.common.service.ServiceException: system failure: getting mailbox
 * ExceptionId:qtp12-34:1709547662481:5f1c0b2a
 * Code:service.FAILURE
 * \tat com.zimbra.common.service.ServiceException.FAILURE(ServiceException.java:295)
 * Caused by: java.net.SocketTimeoutException: Read timed out
 * \tat java.net.SocketInputStream.socketRead0(Native Method) ~[?:?]
 * \t... 12 more
 * ```
 *
 * `Throwable.toString()` gives the first line; `ExceptionId:` and `Code:` follow for a Zimbra
 * `ServiceException` (common `ServiceException.java:106-117,215`); log4j2 appends
 * ` ~[jar:version]` to frames (kept as written). Lines before the exception line are wrapped
 * message text and are not part of the exception.
 *
 * @module
 */

import type { JavaException } from '../events/index.js'

/** `java.lang.NullPointerException`, `com.x.MailServiceException$NoSuchItemException`, optionally `: text`. */
const HEAD = /^([A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)+)(?:: ?(.*))?$/
const THROWABLE = /(?:Exception|Error|Throwable|Fault)(?:\$\w+)?$/

interface Building {
  class: string
  message: string[]
  id?: string
  code?: string
  frames: string[]
}

function finish(b: Building, cause: JavaException | undefined): JavaException {
  return {
    class: b.class,
    message: b.message.length > 0 ? b.message.join('\n') : undefined,
    id: b.id,
    code: b.code,
    frames: b.frames,
    causedBy: cause,
  }
}

function start(m: RegExpExecArray): Building {
  return { class: m[1]!, message: m[2] === undefined ? [] : [m[2]], frames: [] }
}

/** The frame text of `\tat x.y(Z.java:1)`, or `undefined` when the line is not a frame. */
function frameOf(line: string): string | undefined {
  let i = 0
  while (line.charCodeAt(i) === 9 || line.charCodeAt(i) === 32) i++
  return i > 0 && line.startsWith('at ', i) ? line.slice(i + 3) : undefined
}

/** Whether a frame line comes within the next few lines (a message may span lines before its frames). */
function framesFollow(lines: readonly string[], from: number): boolean {
  for (let k = from; k < lines.length && k < from + 8; k++) if (frameOf(lines[k]!) !== undefined) return true
  return false
}

/**
 * Reads the exception of a record's continuation lines, or `undefined` when they hold none.
 * An exception line counts when frames follow it (within 8 lines) or its class name ends in `Exception`,
 * `Error`, `Throwable` or `Fault`.
 *
 * @example
 * readException(['java.lang.IllegalStateException: closed', '\tat a.B.c(B.java:1)'])
 * //=> { class: 'java.lang.IllegalStateException', message: 'closed', frames: ['a.B.c(B.java:1)'] }
 */
export function readException(lines: readonly string[]): JavaException | undefined {
  // The first `…Exception`/`…Error` line before the first frame; else the first class-like line
  // that frames follow (a custom Throwable name).
  let i = -1
  let head: RegExpExecArray | null = null
  let fallback = -1
  for (let k = 0; k < lines.length; k++) {
    const l = lines[k]!
    if (l.startsWith('Caused by: ') || frameOf(l) !== undefined) break
    const m = HEAD.exec(l)
    if (!m) continue
    if (THROWABLE.test(m[1]!)) {
      head = m
      i = k
      break
    }
    if (fallback < 0 && framesFollow(lines, k + 1)) fallback = k
  }
  if (!head && fallback >= 0) {
    i = fallback
    head = HEAD.exec(lines[fallback]!)
  }
  if (!head) return undefined
  const chain: Building[] = [start(head)]
  let cur = chain[0]!
  let inFrames = false
  for (i++; i < lines.length; i++) {
    const l = lines[i]!
    const frame = frameOf(l)
    if (frame !== undefined) {
      cur.frames.push(frame)
      inFrames = true
      continue
    }
    if (l.startsWith('Caused by: ')) {
      const m = HEAD.exec(l.slice(11))
      if (m) {
        cur = start(m)
        chain.push(cur)
        inFrames = false
        continue
      }
    }
    if (inFrames) continue // `\t... 12 more`, `\tSuppressed: …`, trailing text
    if (l.startsWith('ExceptionId:')) cur.id = l.slice(12)
    else if (l.startsWith('Code:')) {
      const arg = l.indexOf(' Arg:')
      cur.code = arg < 0 ? l.slice(5) : l.slice(5, arg)
    } else cur.message.push(l)
  }
  let cause: JavaException | undefined
  for (let k = chain.length - 1; k >= 0; k--) cause = finish(chain[k]!, cause)
  return cause
}
