'use strict';
// internal/fs/promises - node:fs/promises (also fs.promises): the promise form of every
// operation in internal/fs/ops, readFile/writeFile/appendFile, and FileHandle, the object
// open() resolves to. A FileHandle counts the operations in flight on it, so close() waits for
// them before the descriptor goes; one dropped without close() is closed when collected, with
// Node's warnings.

const EventEmitter = require('events');
const { codes, validateInteger, validateObject, kValidateObjectAllowNullable, validateEncoding,
  validateString } = require('internal/errors');
const {
  bindingPosition, bytesToResult, constants, getOptions, getValidatedPath, kEmptyObject, stringToFlags,
  toBytes, validateBuffer, validateOffsetLengthRead,
  validateStringAfterArrayBufferView, vectorArgs, writeArgs,
  tooLarge,
} = require('internal/fs/utils');
const { promiseForm, requestsObserved, runPromise, settler } = require('internal/fs/ops');
const hooks = require('internal/async_hooks');
const { abortedError, appendOptions, readFdAsync, vectorAsync, writeFdAsync, writeOptions } =
  require('internal/fs/whole_file');

const native = binding.fs;

const kFd = Symbol('kFd');
const kRefs = Symbol('kRefs');
const kClosePromise = Symbol('kClosePromise');
const kCloseResolve = Symbol('kCloseResolve');
const kCloseReject = Symbol('kCloseReject');
const kLocked = Symbol('kLocked');
const kAsyncId = Symbol('kAsyncId');
const kRef = Symbol('kRef');
const kUnref = Symbol('kUnref');

/** A binding operation on the pool as a promise (an async resource of `type` for async_hooks). */
function call(name, ...args) {
  return callAs('FSREQPROMISE', name, ...args);
}

function callAs(type, name, ...args) {
  return new Promise((resolve, reject) => {
    native.opAsync(name, ...args, settler(resolve, reject, type));
  });
}

/** A table operation (internal/fs/ops) as a promise, with its validation and result. */
async function op(name, ...args) {
  return runPromise(name, args);
}

// Descriptors of handles that were dropped without close(): closed here when collected.
const gcRegistry = typeof FinalizationRegistry === 'function'
  ? new FinalizationRegistry((fd) => {
    try {
      native.op('close', fd);
    } catch {
      return;
    }
    process.emitWarning(`Closing file descriptor ${fd} on garbage collection`);
    process.emitWarning('Closing a FileHandle object on garbage collection is deprecated. ' +
      'Please close FileHandle objects explicitly using FileHandle.prototype.close(). In the ' +
      'future, an error will be thrown if a file descriptor is closed during garbage collection.',
    'DeprecationWarning', 'DEP0137');
  })
  : null;

// FILEHANDLE resources made while a destroy hook was enabled: their destroy, on collection.
const destroyRegistry = typeof FinalizationRegistry === 'function'
  ? new FinalizationRegistry((asyncId) => hooks.emitDestroy(asyncId))
  : null;

// ===== FileHandle =====

// An emitter by its methods, not its prototype (Node's FileHandle is not an EventEmitter
// instance either).
const { kDeserialize, kTransfer, kTransferFd, markTransferable } = require('internal/worker/clone');

class FileHandle {
  constructor(fd) {
    EventEmitter.call(this);
    this[kFd] = fd;
    this[kRefs] = 1;
    this[kClosePromise] = null;
    // A FILEHANDLE resource for async_hooks; as in Node, it is destroyed when collected.
    this[kAsyncId] = hooks.newAsyncId();
    hooks.emitInit(this[kAsyncId], 'FILEHANDLE', hooks.executionAsyncId(), this);
    if (hooks.hasHooks('destroy') && destroyRegistry) destroyRegistry.register(this, this[kAsyncId]);
    if (gcRegistry) gcRegistry.register(this, fd, this);
    markTransferable(this);
  }

  // What postMessage carries of it (see internal/worker/clone): its descriptor.
  [kTransfer]() {
    return { data: { fd: this[kFd] }, deserializeInfo: 'internal/fs/promises:FileHandle' };
  }

  /** The FileHandle a message carried: the descriptor the sender gave up. */
  [kDeserialize]({ fd }) {
    return new FileHandle(fd);
  }

  // postMessage(fh, [fh]): the descriptor moves to the receiver, unclosed. With `check`, only
  // whether it may move: not while an operation uses it.
  [kTransferFd](check) {
    if (check) {
      if (this[kRefs] > 1 || this[kFd] === -1 || this[kClosePromise]) {
        throw new DOMException('Cannot transfer FileHandle while in use', 'DataCloneError');
      }
      return;
    }
    if (gcRegistry) gcRegistry.unregister(this);
    this[kFd] = -1;
  }

  get fd() { return this[kFd]; }

  getAsyncId() { return this[kAsyncId]; }

  close() {
    if (this[kFd] === -1) return Promise.resolve();
    if (this[kClosePromise]) return this[kClosePromise];
    this[kRefs]--;
    const fd = this[kFd];
    if (this[kRefs] === 0) {
      this[kFd] = -1;
      if (gcRegistry) gcRegistry.unregister(this);
      this[kClosePromise] = callAs('FILEHANDLECLOSEREQ', 'close', fd).finally(() => { this[kClosePromise] = null; });
    } else {
      // Operations are in flight: the last one to finish closes the descriptor.
      this[kClosePromise] = new Promise((resolve, reject) => {
        this[kCloseResolve] = resolve;
        this[kCloseReject] = reject;
      }).finally(() => {
        this[kClosePromise] = null;
        this[kCloseResolve] = undefined;
        this[kCloseReject] = undefined;
      });
    }
    this.emit('close');
    return this[kClosePromise];
  }

  async [Symbol.asyncDispose]() {
    return this.close();
  }

  // ----- one operation at a time, counted -----

  appendFile(data, options) { return this.#use('writeFile', writeFileHandle, data, appendOptions(options)); }
  chmod(mode) { return this.#use('fchmod', (h) => op('fchmod', h.fd, mode)); }
  chown(uid, gid) { return this.#use('fchown', (h) => op('fchown', h.fd, uid, gid)); }
  datasync() { return this.#use('fdatasync', (h) => op('fdatasync', h.fd)); }
  sync() { return this.#use('fsync', (h) => op('fsync', h.fd)); }
  read(buffer, offset, length, position) {
    return this.#use('read', readHandle, buffer, offset, length, position);
  }
  readv(buffers, position) { return this.#use('readv', vectorHandle, 'readv', buffers, position); }
  readFile(options) { return this.#use('readFile', readFileHandle, options); }
  stat(options) { return this.#use('fstat', (h) => op('fstat', h.fd, options)); }
  truncate(len = 0) { return this.#use('ftruncate', (h) => op('ftruncate', h.fd, len)); }
  utimes(atime, mtime) { return this.#use('futimes', (h) => op('futimes', h.fd, atime, mtime)); }
  write(buffer, offset, length, position) {
    return this.#use('write', writeHandle, buffer, offset, length, position);
  }
  writev(buffers, position) { return this.#use('writev', vectorHandle, 'writev', buffers, position); }
  writeFile(data, options) {
    return this.#use('writeFile', writeFileHandle, data, writeOptions(options, 'w'));
  }

  readLines(options = undefined) {
    return require('readline').createInterface({
      input: this.createReadStream(options),
      crlfDelay: Infinity,
    });
  }

  createReadStream(options = undefined) {
    const { ReadStream } = require('internal/fs/streams');
    return new ReadStream(undefined, { ...options, fd: this });
  }

  createWriteStream(options = undefined) {
    const { WriteStream } = require('internal/fs/streams');
    return new WriteStream(undefined, { ...options, fd: this });
  }

  /** The rest of the file as a web ReadableStream (of Uint8Arrays; a byte stream for 'bytes'). */
  readableWebStream(options = kEmptyObject) {
    if (this[kFd] === -1) throw new codes.ERR_INVALID_STATE('The FileHandle is closed');
    if (this[kClosePromise]) throw new codes.ERR_INVALID_STATE('The FileHandle is closing');
    if (this[kLocked]) throw new codes.ERR_INVALID_STATE('The FileHandle is locked');
    if (options.type !== undefined) validateString(options.type, 'options.type');
    this[kLocked] = true;
    this.#ref();
    let done = false;
    const release = () => {
      if (done) return;
      done = true;
      this.#unref();
    };
    const { ReadableStream } = require('stream/web');
    let controller;
    const bytes = options.type === 'bytes';
    const readable = new ReadableStream({
      type: bytes ? 'bytes' : undefined,
      autoAllocateChunkSize: bytes ? 16384 : undefined,
      start: (c) => { controller = c; },
      pull: async (c) => {
        // A byte stream reads straight into the reader's buffer.
        const request = bytes ? c.byobRequest : null;
        const chunk = request ? request.view : new Uint8Array(16384);
        const { bytesRead } = await readHandle(this, chunk, 0, chunk.byteLength, null);
        if (done) return;
        if (bytesRead === 0) {
          release();
          c.close();
          if (request) request.respond(0);
        } else if (request) {
          request.respond(bytesRead);
        } else {
          c.enqueue(chunk.subarray(0, bytesRead));
        }
      },
      cancel: release,
    });
    // Closing the handle ends the stream.
    this.once('close', () => {
      if (done) return;
      release();
      try {
        controller.close();
        if (controller.byobRequest) controller.byobRequest.respond(0);
      } catch {
        // already closed or errored
      }
    });
    return readable;
  }

  #ref() {
    this[kRefs]++;
  }

  // For a stream over the handle: held open (and not transferable) while the stream uses it.
  [kRef]() { this.#ref(); }
  [kUnref]() { this.#unref(); }

  #unref() {
    this[kRefs]--;
    if (this[kRefs] === 0) {
      const fd = this[kFd];
      this[kFd] = -1;
      if (gcRegistry) gcRegistry.unregister(this);
      callAs('FILEHANDLECLOSEREQ', 'close', fd).then(this[kCloseResolve], this[kCloseReject]);
    }
  }

  /** Runs `fn(this, ...args)` with the handle held open; EBADF once it is closed. */
  async #use(syscall, fn, ...args) {
    if (this[kFd] === -1) {
      const err = new Error('file closed');
      err.code = 'EBADF';
      err.syscall = syscall;
      throw err;
    }
    this.#ref();
    try {
      return await fn(this, ...args);
    } finally {
      this.#unref();
    }
  }
}

for (const key of Reflect.ownKeys(EventEmitter.prototype)) {
  if (key !== 'constructor' && !Object.prototype.hasOwnProperty.call(FileHandle.prototype, key)) {
    Object.defineProperty(FileHandle.prototype, key,
      Object.getOwnPropertyDescriptor(EventEmitter.prototype, key));
  }
}

// ----- the bodies behind FileHandle's methods -----

async function readHandle(handle, buffer, offset, length, position) {
  let args;
  if (!ArrayBuffer.isView(buffer)) {
    // read(options)
    if (buffer !== undefined) validateObject(buffer, 'options', kValidateObjectAllowNullable);
    const opts = buffer ?? kEmptyObject;
    buffer = opts.buffer === undefined ? Buffer.alloc(16384) : opts.buffer;
    validateBuffer(buffer);
    args = readArgsLoose(buffer, opts.offset, opts.length, opts.position);
  } else if (offset !== null && typeof offset === 'object') {
    // read(buffer, options)
    args = readArgsLoose(buffer, offset.offset, offset.length, offset.position);
  } else {
    args = readArgsLoose(buffer, offset, length, position);
  }
  if (args === null) return { __proto__: null, bytesRead: 0, buffer };
  const bytesRead = await call('read', handle.fd, buffer, args.offset, args.length, args.position);
  return { __proto__: null, bytesRead: bytesRead || 0, buffer };
}

/** FileHandle#read's checks (looser than fs.read's: length is not truncated to an int32). */
function readArgsLoose(buffer, offset, length, position) {
  if (offset === null || offset === undefined) offset = 0;
  else validateInteger(offset, 'offset', 0);
  if (length === null || length === undefined) length = buffer.byteLength - offset;
  if (length === 0) return null;
  if (buffer.byteLength === 0) {
    throw new codes.ERR_INVALID_ARG_VALUE('buffer', buffer, 'is empty and cannot be written');
  }
  validateOffsetLengthRead(offset, length, buffer.byteLength);
  // Unlike fs.read's, the position is not checked: a non-number reads at the current offset.
  if (typeof position !== 'number' && typeof position !== 'bigint') position = null;
  return { offset, length, position: bindingPosition(position) };
}

async function writeHandle(handle, buffer, offset, length, position) {
  if (buffer && buffer.byteLength === 0) return { __proto__: null, bytesWritten: 0, buffer };
  const [name, ...args] = writeArgs(handle.fd, buffer, offset, length, position);
  const bytesWritten = await call(name, ...args);
  return { __proto__: null, bytesWritten: bytesWritten || 0, buffer };
}

async function vectorHandle(handle, name, buffers, position) {
  const args = vectorArgs(handle.fd, buffers, position);
  const key = name === 'readv' ? 'bytesRead' : 'bytesWritten';
  if (buffers.length === 0) return { __proto__: null, [key]: 0, buffers };
  const n = await new Promise((resolve, reject) => {
    vectorAsync(name, ...args, settler(resolve, reject));
  });
  return { __proto__: null, [key]: n || 0, buffers };
}

function checkAborted(signal) {
  if (signal && signal.aborted) throw abortedError(signal);
}

async function readFileHandle(handle, options) {
  options = getOptions(options, { flag: 'r' });
  checkAborted(options.signal);
  const bytes = await new Promise((resolve, reject) => {
    readFdAsync(handle.fd, options.signal, settler(resolve, reject));
  });
  return bytesToResult(bytes, options.encoding);
}

/** An object to iterate for chunks (not a string or a buffer). */
function isCustomIterable(data) {
  return data !== null && typeof data === 'object' && !ArrayBuffer.isView(data) &&
    (typeof data[Symbol.iterator] === 'function' || typeof data[Symbol.asyncIterator] === 'function');
}

function writeAll(fd, bytes, signal) {
  return new Promise((resolve, reject) => {
    writeFdAsync(fd, bytes, null, signal, settler(resolve, reject));
  });
}

async function writeFileHandle(handle, data, options) {
  const { encoding, signal } = options;
  checkAborted(signal);
  if (isCustomIterable(data)) {
    for await (const chunk of data) {
      checkAborted(signal);
      if (!ArrayBuffer.isView(chunk)) validateStringAfterArrayBufferView(chunk, 'data');
      await writeAll(handle.fd, toBytes(chunk, encoding), signal);
    }
  } else {
    if (!ArrayBuffer.isView(data)) {
      validateStringAfterArrayBufferView(data, 'data');
      validateEncoding(data, encoding);
    }
    await writeAll(handle.fd, toBytes(data, encoding), signal);
  }
  if (options.flush) await call('fsync', handle.fd);
}

// ===== the module =====

async function open(path, flags, mode) {
  // The FileHandle is made before the request settles (its FILEHANDLE init comes first, as in
  // Node).
  return runPromise('open', [path, flags, mode], (fd) => new FileHandle(fd));
}

/** Runs `work(handle)` on `path` opened with `flag` (or on a FileHandle), closing what it opened. */
async function withHandle(path, flag, mode, work) {
  if (path instanceof FileHandle) return work(path);
  path = getValidatedPath(path);
  const handle = await open(path, stringToFlags(flag), mode);
  let result;
  try {
    result = await work(handle);
  } catch (err) {
    await handle.close().catch(() => {});
    throw err;
  }
  await handle.close();
  return result;
}

async function readFile(path, options) {
  options = getOptions(options, { flag: 'r' });
  checkAborted(options.signal);
  if (!(path instanceof FileHandle) && !options.signal &&
      stringToFlags(options.flag) === constants.O_RDONLY && !requestsObserved()) {
    // A plain read of a path: the binding's whole-file read, one job on the pool. Hooks see
    // Node's steps instead: a FileHandle opened, read and closed, each a request of its own.
    path = getValidatedPath(path);
    const bytes = await new Promise((resolve, reject) => {
      native.readFile(path, settler(resolve, (err) => reject(tooLarge(err, path))));
    });
    return bytesToResult(bytes, options.encoding);
  }
  return withHandle(path, options.flag, 0o666, (h) => readFileHandle(h, options));
}

async function writeFile(path, data, options) {
  options = writeOptions(options, 'w');
  if (!ArrayBuffer.isView(data) && !isCustomIterable(data)) {
    validateStringAfterArrayBufferView(data, 'data');
  }
  checkAborted(options.signal);
  return withHandle(path, options.flag, options.mode, (h) => writeFileHandle(h, data, options));
}

async function appendFile(path, data, options) {
  return writeFile(path, data, appendOptions(options));
}

async function truncate(path, len = 0) {
  const handle = await open(path, 'r+');
  try {
    await handle.truncate(len);
  } finally {
    await handle.close();
  }
}

async function lchmod() {
  throw new codes.ERR_METHOD_NOT_IMPLEMENTED('lchmod()');
}

const exported = {
  access: promiseForm('access'),
  copyFile: promiseForm('copyFile'),
  cp(src, dest, options) { return require('internal/fs/cp').cpPromise(src, dest, options); },
  open,
  opendir(path, options) { return require('internal/fs/dir').opendirPromise(path, options); },
  rename: promiseForm('rename'),
  truncate,
  rm: promiseForm('rm'),
  rmdir: promiseForm('rmdir'),
  mkdir: promiseForm('mkdir'),
  readdir: promiseForm('readdir', 'readdirStack'),
  readlink: promiseForm('readlink'),
  symlink: promiseForm('symlink'),
  lstat: promiseForm('lstat'),
  stat: promiseForm('stat'),
  statfs: promiseForm('statfs'),
  link: promiseForm('link'),
  unlink: promiseForm('unlink'),
  chmod: promiseForm('chmod'),
  lchmod,
  lchown: promiseForm('lchown'),
  chown: promiseForm('chown'),
  utimes: promiseForm('utimes'),
  lutimes: promiseForm('lutimes'),
  realpath: promiseForm('realpath'),
  mkdtemp: promiseForm('mkdtemp'),
  writeFile,
  appendFile,
  readFile,
  watch(filename, options) { return require('internal/fs/watchers').watchAsync(filename, options); },
  constants,
};

module.exports = { exports: exported, FileHandle, kRef, kUnref };
