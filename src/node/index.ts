/**
 * Node.js adapters: file, gzip and stdin inputs, the line splitter, rotated-set ordering and
 * time anchors from the file system. The core (`maillog`) has no Node dependency; this entry
 * point (`maillog/node`) does.
 *
 * @module
 */

export {
  type Checkpoint,
  fileIdentity,
  type InputPosition,
  loadCheckpoint,
  resumePoint,
  saveCheckpoint,
} from './checkpoint.js'
export { type FileAnchorOptions, fileAnchors, rotatedSetAnchors } from './file-anchors.js'
export { globFiles } from './glob.js'
export {
  checkGzip,
  describeGzipError,
  type GzipCheck,
  GzipError,
  type GzipHeader,
  parseGzipHeader,
  readGzipHeader,
} from './gzip.js'
export { type Input, openInput } from './input.js'
export { type LineBatch, lineBatches, lineChunks } from './lines.js'
export { log4jEndAnchor } from './log4j-anchors.js'
export { mergeByTime } from './merge.js'
export { type FileBatch, parseFile, type ReadOptions, type ResumePoint, readEvents } from './parse-file.js'
export { orderRotatedSet } from './rotated-set.js'
export { sendmailAnchor, sendmailAnchorIn, sendmailEndAnchor } from './sendmail-anchors.js'
export { eventsOf, eventTransform, transactionsOf, transactionTransform } from './streams.js'
