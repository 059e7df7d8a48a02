'use strict';
// internal/fs/dir - fs.opendir/opendirSync/fs.promises.opendir and the Dir they give: a
// directory read entry by entry (read/readSync, async iteration) until close. The entries are
// listed when the directory is opened (the binding's readdir, on the pool for the async forms);
// Node leaves unspecified whether later changes show up, so a snapshot keeps its contract.
// Loaded by fs.js on first use.

const { codes, validateFunction, validateInteger } = require('internal/errors');
const {
  Dirent, getOptions, getValidatedPath, joinPath, namesAsBytes, pathKey, stringToResult,
} = require('internal/fs/utils');

const native = binding.fs;

const kEntries = Symbol('kEntries');
const kClosed = Symbol('kClosed');
const kBusy = Symbol('kBusy');
const kOptions = Symbol('kOptions');

/**
 * A readdir failure as Node reports an opendir one: without the path from opendirSync, with it
 * (in the message and as `path`) from the async forms.
 */
function opendirError(err, withPath = false) {
  if (!err || err.syscall !== 'scandir') return err;
  const what = err.message.slice(err.message.indexOf(': ') + 2).split(',')[0];
  const e = new Error(`${err.code}: ${what}, opendir${withPath ? ` '${err.path}'` : ''}`);
  e.errno = err.errno;
  e.code = err.code;
  e.syscall = 'opendir';
  if (withPath) e.path = err.path;
  return e;
}

function dirOptions(options) {
  options = getOptions(options, { encoding: 'utf8', bufferSize: 32, recursive: false });
  validateInteger(options.bufferSize, 'options.bufferSize', 1, 4294967295);
  return options;
}

const UV_DIRENT_DIR = 2;

/** The binding's readdir for `options.encoding`: raw names for any but UTF-8. */
const listOp = (options) => (namesAsBytes(options.encoding) ? 'readdirBuffer' : 'readdir');

/**
 * The raw [name, type, ...] list as Dirents, in the directory's own order (opendir does not
 * sort, unlike readdir). `recursive`: then each subdirectory's entries, level by level as Node's
 * Dir goes, listed by `listOf(path)`.
 */
function toDirents(dir, raw, options, listOf) {
  const out = [];
  const queue = [[dir, raw]];
  for (let next = 0; next < queue.length; next++) {
    const [base, list] = queue[next];
    for (let i = 0; i < list.length; i += 2) {
      const name = list[i];
      out.push(new Dirent(stringToResult(name, options.encoding), list[i + 1], base));
      if (options.recursive && list[i + 1] === UV_DIRENT_DIR) {
        const sub = joinPath(base, name);
        queue.push([sub, listOf(sub)]);
      }
    }
  }
  return out;
}

/** Every subdirectory listing a recursive Dir needs, read on the worker pool first. */
function listSubdirsAsync(dir, raw, op, done) {
  const lists = new Map();
  let pending = 0;
  let failed = false;
  const visit = (base, list) => {
    for (let i = 0; i < list.length; i += 2) {
      if (list[i + 1] !== UV_DIRENT_DIR) continue;
      const sub = joinPath(base, list[i]);
      pending++;
      native.opAsync(op, sub, (err, subList) => {
        pending--;
        if (failed) return;
        if (err) {
          failed = true;
          done(err);
          return;
        }
        lists.set(pathKey(sub), subList);
        visit(sub, subList);
        if (pending === 0) done(null, lists);
      });
    }
  };
  visit(dir, raw);
  if (pending === 0) done(null, lists);
}

class Dir {
  constructor(path, entries, options) {
    this[kEntries] = entries;
    this[kClosed] = false;
    this[kBusy] = 0;
    this[kOptions] = options;
    Object.defineProperty(this, 'path', { value: path, enumerable: false, configurable: true });
  }

  read(callback) {
    if (callback === undefined) {
      return new Promise((resolve, reject) => {
        this.read((err, entry) => (err ? reject(err) : resolve(entry)));
      });
    }
    validateFunction(callback, 'callback');
    if (this[kClosed]) throw new codes.ERR_DIR_CLOSED();
    this[kBusy]++;
    process.nextTick(() => {
      this[kBusy]--;
      callback(null, this[kEntries].shift() ?? null);
    });
  }

  readSync() {
    if (this[kClosed]) throw new codes.ERR_DIR_CLOSED();
    if (this[kBusy] > 0) throw new codes.ERR_DIR_CONCURRENT_OPERATION();
    return this[kEntries].shift() ?? null;
  }

  close(callback) {
    if (callback === undefined) {
      if (this[kClosed]) return Promise.reject(new codes.ERR_DIR_CLOSED());
      return new Promise((resolve) => this.close(resolve));
    }
    validateFunction(callback, 'callback');
    if (this[kClosed]) {
      process.nextTick(callback, new codes.ERR_DIR_CLOSED());
      return;
    }
    this[kClosed] = true;
    this[kEntries] = [];
    process.nextTick(callback, null);
  }

  closeSync() {
    if (this[kClosed]) throw new codes.ERR_DIR_CLOSED();
    if (this[kBusy] > 0) throw new codes.ERR_DIR_CONCURRENT_OPERATION();
    this[kClosed] = true;
    this[kEntries] = [];
  }

  async* entries() {
    try {
      for (;;) {
        const entry = await this.read();
        if (entry === null) break;
        yield entry;
      }
    } finally {
      if (!this[kClosed]) await this.close();
    }
  }

  [Symbol.asyncIterator]() {
    return this.entries();
  }
}

// A Dir and its Dirents name the directory as given: a Buffer stays one.
const asGiven = (path, validated) => (path instanceof Uint8Array ? path : validated);

function opendirSync(path, options) {
  const validated = getValidatedPath(path);
  path = asGiven(path, validated);
  options = dirOptions(options);
  const op = listOp(options);
  let raw;
  try {
    raw = native.op(op, validated);
  } catch (err) {
    throw opendirError(err);
  }
  return new Dir(path, toDirents(path, raw, options, (p) => native.op(op, p)), options);
}

function opendir(path, options, callback) {
  callback = typeof options === 'function' ? options : callback;
  validateFunction(callback, 'callback');
  const validated = getValidatedPath(path);
  path = asGiven(path, validated);
  options = dirOptions(options);
  const op = listOp(options);
  // Tracing node.fs_dir.async: the opening is an "opendir" operation, as in Node.
  const trace = require('internal/trace_events_state');
  if (trace.state.fsDirAsync) {
    callback = trace.traceEvents().traceFsDirAsync('opendir', validated, callback);
  }
  native.opAsync(op, validated, (err, raw) => {
    if (err) return callback(opendirError(err, true));
    const make = (listErr, lists) => {
      if (listErr) return callback(listErr);
      let dir;
      try {
        dir = new Dir(path, toDirents(path, raw, options, (p) => lists.get(pathKey(p))), options);
      } catch (e) {
        return callback(e);
      }
      callback(null, dir);
    };
    if (options.recursive) listSubdirsAsync(path, raw, op, make);
    else make(null, null);
  });
}

async function opendirPromise(path, options) {
  return new Promise((resolve, reject) => {
    opendir(path, options, (err, dir) => (err ? reject(err) : resolve(dir)));
  });
}

module.exports = { Dir, opendir, opendirPromise, opendirSync };
