'use strict';
// node:util - thin: formatting lives in internal/util/inspect, type checks in binding.types.

const { inspect, format, formatWithOptions, stripVTControlCharacters } =
  require('internal/util/inspect');
const errors = require('internal/errors');
const { codes } = errors;
const { TextEncoder, TextDecoder } = require('internal/encoding');


function validateFunction(value, name) {
  if (typeof value !== 'function') {
    throw new codes.ERR_INVALID_ARG_TYPE(name, 'Function', value);
  }
}

// ===== promisify / callbackify =====

const kCustomPromisify = Symbol.for('nodejs.util.promisify.custom');
const kCustomPromisifyArgs = Symbol.for('nodejs.util.promisify.customArgs');

function promisify(original) {
  validateFunction(original, 'original');
  if (original[kCustomPromisify]) {
    const fn = original[kCustomPromisify];
    validateFunction(fn, 'util.promisify.custom');
    return Object.defineProperty(fn, kCustomPromisify, {
      value: fn, enumerable: false, writable: false, configurable: true,
    });
  }
  const argNames = original[kCustomPromisifyArgs];
  function fn(...args) {
    return new Promise((resolve, reject) => {
      Reflect.apply(original, this, [...args, (err, ...values) => {
        if (err) return reject(err);
        if (argNames !== undefined && values.length > 1) {
          const obj = {};
          for (let i = 0; i < argNames.length; i++) obj[argNames[i]] = values[i];
          resolve(obj);
        } else {
          resolve(values[0]);
        }
      }]);
    });
  }
  Object.setPrototypeOf(fn, Object.getPrototypeOf(original));
  Object.defineProperty(fn, kCustomPromisify, {
    value: fn, enumerable: false, writable: false, configurable: true,
  });
  return Object.defineProperties(fn, Object.getOwnPropertyDescriptors(original));
}
promisify.custom = kCustomPromisify;

function callbackify(original) {
  validateFunction(original, 'original');
  function callbackified(...args) {
    const maybeCb = args.pop();
    validateFunction(maybeCb, 'last argument');
    const cb = maybeCb.bind(this);
    const onRejected = (reason) => {
      if (!reason) {
        const err = new Error('Promise was rejected with a falsy value');
        err.code = 'ERR_FALSY_VALUE_REJECTION';
        err.reason = reason;
        reason = err;
      }
      process.nextTick(cb, reason);
    };
    Reflect.apply(original, this, args).then(
      (value) => process.nextTick(cb, null, value), onRejected);
  }
  const descriptors = Object.getOwnPropertyDescriptors(original);
  if (typeof descriptors.length.value === 'number') descriptors.length.value++;
  if (typeof descriptors.name.value === 'string') descriptors.name.value += 'Callbackified';
  Object.defineProperties(callbackified, descriptors);
  return callbackified;
}

// ===== inherits / deprecate =====

function inherits(ctor, superCtor) {
  if (ctor === undefined || ctor === null) {
    throw new codes.ERR_INVALID_ARG_TYPE('ctor', 'Function', ctor);
  }
  if (superCtor === undefined || superCtor === null) {
    throw new codes.ERR_INVALID_ARG_TYPE('superCtor', 'Function', superCtor);
  }
  if (superCtor.prototype === undefined) {
    throw new codes.ERR_INVALID_ARG_TYPE('superCtor.prototype', 'Object', superCtor.prototype);
  }
  Object.defineProperty(ctor, 'super_', {
    value: superCtor, writable: true, configurable: true,
  });
  Object.setPrototypeOf(ctor.prototype, superCtor.prototype);
}

const warnedCodes = new Set();

function deprecate(fn, msg, code) {
  validateFunction(fn, 'fn');
  if (process.noDeprecation === true) return fn;
  if (code !== undefined) errors.validateString(code, 'code');
  let warned = false;
  function deprecated(...args) {
    if (!warned && !(code !== undefined && warnedCodes.has(code))) {
      warned = true;
      if (code !== undefined) warnedCodes.add(code);
      process.emitWarning(msg, 'DeprecationWarning', code, deprecated);
    }
    if (new.target) return Reflect.construct(fn, args, new.target);
    return Reflect.apply(fn, this, args);
  }
  Object.setPrototypeOf(deprecated, fn);
  if (fn.prototype) deprecated.prototype = fn.prototype;
  return deprecated;
}

// ===== debuglog =====

const debugEnv = (process.env.NODE_DEBUG || '').split(/[\s,]+/).filter(Boolean)
  .map((s) => new RegExp(`^${s.replace(/[|\\{}()[\]^$+?.]/g, '\\$&').replace(/\*/g, '.*')}$`, 'i'));

function debuglog(set, cb) {
  const name = `${set}`.toUpperCase();
  const enabled = debugEnv.some((re) => re.test(name));
  let called = false;
  function logger(...args) {
    if (!enabled) return;
    if (!called) {
      called = true;
      // As Node does the first time such a log is used.
      if (name === 'HTTP' || name === 'HTTP2') {
        process.emitWarning(`Setting the NODE_DEBUG environment variable to '${name.toLowerCase()}' ` +
          'can expose sensitive data (such as passwords, tokens and authentication headers) in ' +
          'the resulting log.');
      }
      if (typeof cb === 'function') cb(logger);
    }
    process.stderr.write(`${name} ${process.pid}: ${format(...args)}\n`);
  }
  Object.defineProperty(logger, 'enabled', { get: () => enabled, enumerable: true });
  return logger;
}

// ===== misc =====

function isDeepStrictEqual(a, b) {
  return require('internal/util/comparisons').isDeepStrictEqual(a, b);
}

function toUSVString(input) {
  return `${input}`.toWellFormed();
}

function isArray(v) { return Array.isArray(v); }

// ===== deprecated type checks (documentation-only deprecations in Node 20) =====

function isBoolean(arg) { return typeof arg === 'boolean'; }
function isBuffer(arg) {
  const B = globalThis.Buffer;
  return typeof B === 'function' && typeof B.isBuffer === 'function' ? B.isBuffer(arg) : false;
}
function isNull(arg) { return arg === null; }
function isNullOrUndefined(arg) { return arg === null || arg === undefined; }
function isNumber(arg) { return typeof arg === 'number'; }
function isString(arg) { return typeof arg === 'string'; }
function isSymbol(arg) { return typeof arg === 'symbol'; }
function isUndefined(arg) { return arg === undefined; }
function isRegExp(arg) { return binding.types.isRegExp(arg); }
function isObject(arg) { return arg !== null && typeof arg === 'object'; }
function isDate(arg) { return binding.types.isDate(arg); }
function isError(e) {
  return binding.types.isNativeError(e) || e instanceof Error;
}
function isFunction(arg) { return typeof arg === 'function'; }
function isPrimitive(arg) {
  return arg === null || (typeof arg !== 'object' && typeof arg !== 'function');
}

function _extend(target, source) {
  if (source === null || typeof source !== 'object') return target;
  const keys = Object.keys(source);
  let i = keys.length;
  while (i--) target[keys[i]] = source[keys[i]];
  return target;
}

const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
function log(...args) {
  const d = new Date();
  const two = (n) => `${n}`.padStart(2, '0');
  const time = `${two(d.getHours())}:${two(d.getMinutes())}:${two(d.getSeconds())}`;
  console.log('%s - %s', `${d.getDate()} ${months[d.getMonth()]} ${time}`, format(...args));
}

function _errnoException(...args) { return errors.errnoException(...args); }
function _exceptionWithHostPort(...args) { return errors.exceptionWithHostPort(...args); }

// ===== system errors (libuv's table for Linux) =====

const uvErrors = [
  [-7, 'E2BIG', 'argument list too long'], [-13, 'EACCES', 'permission denied'],
  [-98, 'EADDRINUSE', 'address already in use'], [-99, 'EADDRNOTAVAIL', 'address not available'],
  [-97, 'EAFNOSUPPORT', 'address family not supported'],
  [-11, 'EAGAIN', 'resource temporarily unavailable'],
  [-3000, 'EAI_ADDRFAMILY', 'address family not supported'],
  [-3001, 'EAI_AGAIN', 'temporary failure'], [-3002, 'EAI_BADFLAGS', 'bad ai_flags value'],
  [-3013, 'EAI_BADHINTS', 'invalid value for hints'],
  [-3003, 'EAI_CANCELED', 'request canceled'], [-3004, 'EAI_FAIL', 'permanent failure'],
  [-3005, 'EAI_FAMILY', 'ai_family not supported'], [-3006, 'EAI_MEMORY', 'out of memory'],
  [-3007, 'EAI_NODATA', 'no address'], [-3008, 'EAI_NONAME', 'unknown node or service'],
  [-3009, 'EAI_OVERFLOW', 'argument buffer overflow'],
  [-3014, 'EAI_PROTOCOL', 'resolved protocol is unknown'],
  [-3010, 'EAI_SERVICE', 'service not available for socket type'],
  [-3011, 'EAI_SOCKTYPE', 'socket type not supported'],
  [-114, 'EALREADY', 'connection already in progress'], [-9, 'EBADF', 'bad file descriptor'],
  [-16, 'EBUSY', 'resource busy or locked'], [-125, 'ECANCELED', 'operation canceled'],
  [-4080, 'ECHARSET', 'invalid Unicode character'],
  [-103, 'ECONNABORTED', 'software caused connection abort'],
  [-111, 'ECONNREFUSED', 'connection refused'], [-104, 'ECONNRESET', 'connection reset by peer'],
  [-89, 'EDESTADDRREQ', 'destination address required'], [-17, 'EEXIST', 'file already exists'],
  [-14, 'EFAULT', 'bad address in system call argument'], [-27, 'EFBIG', 'file too large'],
  [-113, 'EHOSTUNREACH', 'host is unreachable'], [-4, 'EINTR', 'interrupted system call'],
  [-22, 'EINVAL', 'invalid argument'], [-5, 'EIO', 'i/o error'],
  [-106, 'EISCONN', 'socket is already connected'],
  [-21, 'EISDIR', 'illegal operation on a directory'],
  [-40, 'ELOOP', 'too many symbolic links encountered'], [-24, 'EMFILE', 'too many open files'],
  [-90, 'EMSGSIZE', 'message too long'], [-36, 'ENAMETOOLONG', 'name too long'],
  [-100, 'ENETDOWN', 'network is down'], [-101, 'ENETUNREACH', 'network is unreachable'],
  [-23, 'ENFILE', 'file table overflow'], [-105, 'ENOBUFS', 'no buffer space available'],
  [-19, 'ENODEV', 'no such device'], [-2, 'ENOENT', 'no such file or directory'],
  [-12, 'ENOMEM', 'not enough memory'], [-64, 'ENONET', 'machine is not on the network'],
  [-92, 'ENOPROTOOPT', 'protocol not available'], [-28, 'ENOSPC', 'no space left on device'],
  [-38, 'ENOSYS', 'function not implemented'], [-107, 'ENOTCONN', 'socket is not connected'],
  [-20, 'ENOTDIR', 'not a directory'], [-39, 'ENOTEMPTY', 'directory not empty'],
  [-88, 'ENOTSOCK', 'socket operation on non-socket'],
  [-95, 'ENOTSUP', 'operation not supported on socket'],
  [-75, 'EOVERFLOW', 'value too large for defined data type'],
  [-1, 'EPERM', 'operation not permitted'], [-32, 'EPIPE', 'broken pipe'],
  [-71, 'EPROTO', 'protocol error'], [-93, 'EPROTONOSUPPORT', 'protocol not supported'],
  [-91, 'EPROTOTYPE', 'protocol wrong type for socket'], [-34, 'ERANGE', 'result too large'],
  [-30, 'EROFS', 'read-only file system'],
  [-108, 'ESHUTDOWN', 'cannot send after transport endpoint shutdown'],
  [-29, 'ESPIPE', 'invalid seek'], [-3, 'ESRCH', 'no such process'],
  [-110, 'ETIMEDOUT', 'connection timed out'], [-26, 'ETXTBSY', 'text file is busy'],
  [-18, 'EXDEV', 'cross-device link not permitted'], [-4094, 'UNKNOWN', 'unknown error'],
  [-4095, 'EOF', 'end of file'], [-6, 'ENXIO', 'no such device or address'],
  [-31, 'EMLINK', 'too many links'], [-112, 'EHOSTDOWN', 'host is down'],
  [-121, 'EREMOTEIO', 'remote I/O error'], [-25, 'ENOTTY', 'inappropriate ioctl for device'],
  [-4028, 'EFTYPE', 'inappropriate file type or format'],
  [-84, 'EILSEQ', 'illegal byte sequence'],
  [-94, 'ESOCKTNOSUPPORT', 'socket type not supported'], [-61, 'ENODATA', 'no data available'],
  [-49, 'EUNATCH', 'protocol driver not attached'],
];

// A fresh Map on every call, as in Node.
function getSystemErrorMap() {
  const map = new Map();
  for (const [errno, name, message] of uvErrors) map.set(errno, [name, message]);
  return map;
}

function getSystemErrorName(err) {
  errors.validateNumber(err, 'err');
  if (err >= 0 || !Number.isSafeInteger(err)) {
    throw new codes.ERR_OUT_OF_RANGE('err', 'a negative integer', err);
  }
  for (const [errno, name] of uvErrors) {
    if (errno === err) return name;
  }
  return `Unknown system error ${err}`;
}

// ===== styleText =====

function shouldColorize(stream) {
  if (process.env.FORCE_COLOR !== undefined) {
    const f = process.env.FORCE_COLOR;
    return f === '' || f === '1' || f === 'true' || f === '2' || f === '3';
  }
  if (!stream || !stream.isTTY) return false;
  return typeof stream.getColorDepth === 'function' ? stream.getColorDepth() > 2 : true;
}

// Node streams (duck-typed the way Node recognises them) and web streams.
function isStreamLike(obj) {
  if (obj === null || typeof obj !== 'object') return false;
  if (obj._readableState || obj._writableState) return true;
  if (typeof obj.on === 'function' &&
      (typeof obj.write === 'function' || typeof obj.pipe === 'function')) {
    return true;
  }
  return (typeof ReadableStream === 'function' && obj instanceof ReadableStream) ||
    (typeof WritableStream === 'function' && obj instanceof WritableStream);
}

function styleCodes(key) {
  const codesFor = inspect.colors[key];
  if (codesFor == null) errors.validateOneOf(key, 'format', Object.keys(inspect.colors));
  return codesFor;
}

function styleText(format, text, { validateStream = true, stream = process.stdout } = {}) {
  errors.validateString(text, 'text');
  errors.validateBoolean(validateStream, 'options.validateStream');
  let plain = false;
  if (validateStream) {
    if (!isStreamLike(stream)) {
      throw new codes.ERR_INVALID_ARG_TYPE('stream', ['ReadableStream', 'WritableStream', 'Stream'], stream);
    }
    plain = !shouldColorize(stream);
  }
  if (Array.isArray(format)) {
    // Node 20 styles a list of formats whatever the stream.
    let open = '';
    let close = '';
    for (const key of format) {
      const [on, off] = styleCodes(key);
      open += `\u001b[${on}m`;
      close = `\u001b[${off}m${close}`;
    }
    return `${open}${text}${close}`;
  }
  const [on, off] = styleCodes(format);
  if (plain) return text;
  return `\u001b[${on}m${text}\u001b[${off}m`;
}

// ===== abort helpers =====

async function aborted(signal, resource) {
  if (signal === undefined) throw new codes.ERR_INVALID_ARG_TYPE('signal', 'AbortSignal', signal);
  errors.validateAbortSignal(signal, 'signal');
  if (resource === null || (typeof resource !== 'object' && typeof resource !== 'function')) {
    throw new codes.ERR_INVALID_ARG_TYPE('resource', 'object', resource);
  }
  if (signal.aborted) return undefined;
  // The listener lives only as long as `resource`: once it is collected, the promise stays
  // pending and the signal keeps nothing of it, as in Node.
  const { kWeakHandler, kResistStopPropagation } = require('internal/event_target');
  return new Promise((resolve) => {
    signal.addEventListener('abort', resolve, {
      __proto__: null, once: true, [kWeakHandler]: resource, [kResistStopPropagation]: true,
    });
  });
}

function transferableAbortSignal(signal) {
  if (signal === null || typeof signal !== 'object' || !(signal instanceof AbortSignal)) {
    throw new codes.ERR_INVALID_ARG_TYPE('signal', 'AbortSignal', signal);
  }
  // Posted through a MessagePort of this thread, the signal arrives as a new one that follows
  // it (a port of another thread gets a 'messageerror').
  const { kTransferClone, markTransferable } = require('internal/worker/clone');
  markTransferable(signal);
  Object.defineProperty(signal, kTransferClone, {
    configurable: true,
    value() {
      if (signal.aborted) return AbortSignal.abort(signal.reason);
      const follower = new AbortController();
      signal.addEventListener('abort', () => follower.abort(signal.reason), { once: true });
      return follower.signal;
    },
  });
  return signal;
}

function transferableAbortController() {
  const controller = new AbortController();
  transferableAbortSignal(controller.signal);
  return controller;
}

// ===== parseEnv (dotenv syntax) =====

function parseEnv(content) {
  errors.validateString(content, 'content');
  const out = {};
  const text = content.replace(/\r\n?/g, '\n');
  let i = 0;
  while (i < text.length) {
    let eol = text.indexOf('\n', i);
    if (eol < 0) eol = text.length;
    let line = text.slice(i, eol).trim();
    if (line === '' || line[0] === '#') { i = eol + 1; continue; }
    if (line.startsWith('export ')) line = line.slice(7).trimStart();
    const eq = line.indexOf('=');
    if (eq <= 0) { i = eol + 1; continue; }
    const key = line.slice(0, eq).trim();
    const valueStart = text.indexOf('=', i) + 1;
    let rest = text.slice(valueStart).replace(/^[ \t]+/, '');
    let value;
    const q = rest[0];
    if ((q === '"' || q === "'" || q === '`') && rest.indexOf(q, 1) > 0) {
      const close = rest.indexOf(q, 1);
      value = rest.slice(1, close);
      if (q === '"') value = value.replace(/\\n/g, '\n');
      let next = text.indexOf('\n', valueStart + (text.slice(valueStart).length - rest.length) + close);
      if (next < 0) next = text.length;
      i = next + 1;
    } else {
      const lineEnd = rest.indexOf('\n');
      value = lineEnd < 0 ? rest : rest.slice(0, lineEnd);
      const hash = value.indexOf('#');
      if (hash >= 0) value = value.slice(0, hash);
      value = value.trim();
      i = eol + 1;
    }
    if (key) out[key] = value;
  }
  return out;
}

// ===== MIMEType / MIMEParams =====

const { MIMEType, MIMEParams } = require('internal/mime');

// ===== parseArgs =====

const { parseArgs } = require('internal/util/parse_args');

// ===== types: Node 20's set, in Node's order =====

const typeNames = [
  'isExternal', 'isDate', 'isArgumentsObject', 'isBigIntObject', 'isBooleanObject',
  'isNumberObject', 'isStringObject', 'isSymbolObject', 'isNativeError', 'isRegExp',
  'isAsyncFunction', 'isGeneratorFunction', 'isGeneratorObject', 'isPromise', 'isMap', 'isSet',
  'isMapIterator', 'isSetIterator', 'isWeakMap', 'isWeakSet', 'isArrayBuffer', 'isDataView',
  'isSharedArrayBuffer', 'isProxy', 'isModuleNamespaceObject', 'isAnyArrayBuffer',
  'isBoxedPrimitive', 'isArrayBufferView', 'isTypedArray', 'isUint8Array', 'isUint8ClampedArray',
  'isUint16Array', 'isUint32Array', 'isInt8Array', 'isInt16Array', 'isInt32Array',
  'isFloat32Array', 'isFloat64Array', 'isBigInt64Array', 'isBigUint64Array',
];
const types = {};
for (const name of typeNames) {
  if (typeof binding.types[name] === 'function') types[name] = binding.types[name];
}
types.isKeyObject = function isKeyObject(obj) {
  return require('internal/crypto/keys').isKeyObject(obj);
};
types.isCryptoKey = function isCryptoKey(obj) {
  return require('internal/crypto/webcrypto_keys').isCryptoKey(obj);
};

// Same keys, order and (lazy-getter) shape as Node 20's util.
module.exports = {
  _errnoException,
  _exceptionWithHostPort,
  _extend,
  callbackify,
  debug: debuglog,
  debuglog,
  deprecate,
  format,
  styleText,
  formatWithOptions,
  getSystemErrorMap,
  getSystemErrorName,
  inherits,
  inspect,
  isArray,
  isBoolean,
  isBuffer,
  isDeepStrictEqual,
  isNull,
  isNullOrUndefined,
  isNumber,
  isString,
  isSymbol,
  isUndefined,
  isRegExp,
  isObject,
  isDate,
  isError,
  isFunction,
  isPrimitive,
  log,
  promisify,
  stripVTControlCharacters,
  toUSVString,
};

function defineLazy(name, value, writable = true) {
  let current = value;
  Object.defineProperty(module.exports, name, {
    __proto__: null,
    enumerable: true,
    configurable: true,
    get: { [`get ${name}`]() { return current; } }[`get ${name}`],
    set: writable ? { [`set ${name}`](v) { current = v; } }[`set ${name}`] : undefined,
  });
}
defineLazy('transferableAbortSignal', transferableAbortSignal, false);
defineLazy('transferableAbortController', transferableAbortController, false);
defineLazy('aborted', aborted, false);
module.exports.types = types;
module.exports.parseEnv = parseEnv;
defineLazy('parseArgs', parseArgs);
defineLazy('TextDecoder', TextDecoder);
defineLazy('TextEncoder', TextEncoder);
defineLazy('MIMEType', MIMEType);
defineLazy('MIMEParams', MIMEParams);
