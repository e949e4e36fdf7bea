/**
 * Node.js adapters: file, gzip and stdin inputs, and the line splitter. The core (`maillog`)
 * has no Node dependency; this entry point (`maillog/node`) does.
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
export { type Input, openInput } from './input.js'
export { type LineBatch, lineBatches, lineChunks } from './lines.js'
export { mergeByTime } from './merge.js'
export { type FileBatch, parseFile, type ResumePoint, readEvents } from './parse-file.js'
export { eventsOf, eventTransform, transactionsOf, transactionTransform } from './streams.js'
