/**
 * Node.js adapters: file, gzip and stdin inputs, the line splitter, rotated-set ordering and
 * time anchors from the file system. The core (`maillog`) has no Node dependency; this entry
 * point (`maillog/node`) does.
 *
 * @module
 */

export { type FileAnchorOptions, fileAnchors, rotatedSetAnchors } from './file-anchors.js'
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
export { lineBatches } from './lines.js'
export { parseFile } from './parse-file.js'
export { orderRotatedSet } from './rotated-set.js'
