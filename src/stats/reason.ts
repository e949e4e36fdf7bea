/**
 * Reason texts reduced to a grouping key, so that one rule's rejects (or one site's deferrals)
 * count as one row however many clients, addresses and URLs they name. Same idea as
 * pflogsumm's `proc_smtpd_reject` and `said_string_trimmer`, with fewer special cases: the
 * leading `<address>:` goes, addresses become `<*>`, IP addresses `*`, URLs `<url>`, and the
 * remote-reply framing (`host X said:`, `(in reply to … command)`) is dropped.
 *
 * @module
 */

const MAX = 100

const IPV4 = /\b\d{1,3}(?:\.\d{1,3}){3}\b/g
// Bare IPv6 only as a whole token, so `routines::sslv3` or `12:00:01` stay as they are.
const IPV6 = /(?<![\w:.])(?:IPv6:)?[0-9a-f]{0,4}(?::[0-9a-f]{0,4}){2,7}(?![\w:])/gi
const URL = /\b(?:https?|ftp):\/\/\S+/g
const ANGLE = /<[^<>]*>/g
const EMAIL = /(?<![^\s<>()[\];,:"])[^\s<>()[\];,:"]+@[^\s<>()[\];,:"]+/g

/** Text with variable parts (addresses, IPs, URLs) masked, whitespace collapsed, cut at 100. */
function mask(text: string): string {
  let s = text
    .replace(URL, '<url>')
    .replace(ANGLE, (m) => (m === '<url>' ? m : '<*>'))
    .replace(EMAIL, '<*>')
    .replace(IPV4, '*')
    .replace(IPV6, (m) => (m.includes('::') || m.split(':').length > 3 ? '*' : m))
    .replace(/\s+/g, ' ')
    .trim()
  if (s.length > MAX) s = s.slice(0, MAX - 1) + '…'
  return s
}

/**
 * Grouping key of a reject's text (the part after the SMTP and enhanced codes).
 *
 * @example
 * rejectReason('<x@example.com>: Relay access denied') //=> 'Relay access denied'
 * rejectReason('Service unavailable; Client host [203.0.113.9] blocked using zen.spamhaus.org; https://www.spamhaus.org/query/ip/203.0.113.9')
 * //=> 'Service unavailable; Client host [*] blocked using zen.spamhaus.org; <url>'
 */
export function rejectReason(text: string): string {
  // smtpd_check.c: `<address or helo or client>: reason` — the subject varies, the reason does not.
  let s = text
  if (s.startsWith('<')) {
    const end = s.indexOf('>: ')
    if (end > 0) s = s.slice(end + 3)
  }
  return mask(s) || '(none)'
}

const CODES = /^(?:\d{3}[ -])?(?:[245]\.\d{1,3}\.\d{1,3}\s+)?/

/**
 * Grouping key of a delivery response (deferral or bounce): the remote reply without the
 * `host X said:` framing, the SMTP codes and `(in reply to … command)`.
 *
 * @example
 * responseReason('host mx.example.net[198.51.100.7] said: 451 4.7.1 Greylisted (in reply to RCPT TO command)')
 * //=> 'Greylisted'
 * responseReason('connect to mx.example.net[198.51.100.7]:25: Connection timed out') //=> 'connect to *: Connection timed out'
 */
export function responseReason(text: string): string {
  let s = text
  const said = s.indexOf(' said: ')
  if (s.startsWith('host ') && said > 0) s = s.slice(said + 7)
  s = s.replace(/(?<!\s)\s*\(in reply to [^()]*\)\s*$/, '')
  s = s.replace(CODES, '')
  s = s.replace(/^connect to \S+?(?:\[[^\][]*\])?(?::\d+)?: /, 'connect to *: ')
  return mask(s) || '(none)'
}

/**
 * Leading SMTP code of a text, when it has one (`550 5.7.1 Spam` → 550).
 *
 * @example
 * leadingCode('550 5.7.1 Spam subject') //=> 550
 */
export function leadingCode(text: string): number | undefined {
  const c0 = text.charCodeAt(0)
  if (text.length >= 4 && c0 >= 50 && c0 <= 53 && (text[3] === ' ' || text[3] === '-')) {
    const n = Number(text.slice(0, 3))
    if (Number.isInteger(n)) return n
  }
  return undefined
}

/**
 * A text without its leading SMTP and enhanced status codes.
 *
 * @example
 * stripCodes('550 5.7.1 Spam subject') //=> 'Spam subject'
 */
export function stripCodes(text: string): string {
  return text.replace(CODES, '')
}

/**
 * Grouping key of a warning or diagnostic text.
 *
 * @example
 * diagnosticReason('non-SMTP command from unknown[203.0.113.23]: GET / HTTP/1.1') //=> 'non-SMTP command from unknown[*]: GET / HTTP/1.1'
 */
export function diagnosticReason(text: string): string {
  return mask(text) || '(none)'
}
