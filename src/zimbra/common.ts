/**
 * Shapes any category may log: servlet start-up and shut-down (`Servlet %s starting up`,
 * `Servlet %s shutting down`, zm-mailbox `store/src/java/com/zimbra/cs/service/ContentServlet.java:398,406`,
 * `FileUploadServlet.java:986`, `soap/SoapServlet.java`), the first lines of a mailboxd start.
 *
 * @module
 */

import type { Builder } from './base.js'

const SERVLET = /^Servlet (\S+) (starting up|shutting down)$/

/**
 * Parses a record of any category that no category grammar claimed.
 *
 * @example
 * parseCommon('Servlet SoapServlet starting up', head)
 * //=> { type: 'zimbra.mailbox.servlet', servlet: 'SoapServlet', state: 'starting' }
 */
export const parseCommon: Builder = (text) => {
  if (text.charCodeAt(0) !== 83 /* S */) return undefined
  const m = SERVLET.exec(text)
  if (!m) return undefined
  return {
    type: 'zimbra.mailbox.servlet',
    servlet: m[1]!,
    state: m[2] === 'starting up' ? 'starting' : 'stopping',
  }
}
