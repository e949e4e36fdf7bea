/**
 * `dav` category: CalDAV/CardDAV requests (zm-mailbox
 * `store/src/java/com/zimbra/cs/dav/service/DavServlet.java`). Every request ends with a timing
 * line; a failed one logs its HTTP status first. Calendar and address book clients poll, so on
 * servers with such clients these are among the most frequent mailbox.log lines.
 *
 * @module
 */

import { type Builder, clientIp } from './base.js'

const OPERATION = 'DavServlet operation '
const SENDING = 'sending http error '
const NOT_FOUND = ' not found'
// DavServlet.java:448 `DavServlet operation M to PATH (depth: D) finished in Nms`; PATH is the
// decoded path info and may hold spaces or `(`, so the tail is found from the end.
const DEPTH = ' (depth: '
const TAIL = /^(\w+)\) finished in (\d+)ms$/
// DavServlet.java:423-425 `sending http error %d because: %s`.
const ERROR = /^sending http error (\d{3}) because: /

/**
 * Parses a `dav` record.
 *
 * @example
 * parseDav('DavServlet operation PROPFIND to /bob@example.com/Calendar/ (depth: one) finished in 12ms', head)
 * //=> { type: 'zimbra.mailbox.request', protocol: 'dav', command: 'PROPFIND', elapsed: 12, path: '/bob@example.com/Calendar/', depth: 'one', account: 'bob@example.com' }
 */
export const parseDav: Builder = (text, h) => {
  if (text.startsWith(OPERATION)) {
    const to = text.indexOf(' to ', OPERATION.length)
    const depth = text.lastIndexOf(DEPTH)
    if (to < 0 || depth < to) return undefined
    const tail = TAIL.exec(text.slice(depth + DEPTH.length))
    if (!tail) return undefined
    const path = text.slice(to + 4, depth)
    return {
      type: 'zimbra.mailbox.request',
      protocol: 'dav',
      command: text.slice(OPERATION.length, to),
      elapsed: Number(tail[2]),
      // getPathInfo() is null for a request to the servlet root.
      path: path === 'null' ? undefined : path,
      depth: tail[1],
      account: h.context.name,
    }
  }
  if (text.startsWith(SENDING)) {
    const m = ERROR.exec(text)
    if (!m) return undefined
    const reason = text.slice(m[0].length)
    return {
      type: 'zimbra.mailbox.dav-error',
      httpStatus: Number(m[1]),
      reason: reason === '' || reason === 'null' ? undefined : reason,
      account: h.context.name,
      clientIp: clientIp(h.context),
      userAgent: h.context.ua,
    }
  }
  // DavServlet.java:412 `%s not found` (the request URI).
  if (
    text.charCodeAt(0) === 47 /* / */ &&
    text.endsWith(NOT_FOUND) &&
    text.indexOf(' ') === text.length - 10
  ) {
    return {
      type: 'zimbra.mailbox.dav-error',
      httpStatus: 404,
      path: text.slice(0, -NOT_FOUND.length),
      account: h.context.name,
      clientIp: clientIp(h.context),
      userAgent: h.context.ua,
    }
  }
  return undefined
}
