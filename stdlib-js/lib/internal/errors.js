// internal/errors: Node-style error machinery for Eddy's JS stdlib - the `codes` catalog
// (ERR_* classes with Node's messages), argument validators, AbortError, uvException and
// friends. Loaded by nearly every builtin via require('internal/errors').
'use strict';

let inspectModule;
function lazyInspect() {
  if (inspectModule === undefined) inspectModule = require('internal/util/inspect');
  return inspectModule;
}
function inspect(value, opts) { return lazyInspect().inspect(value, opts); }
function format(...args) { return lazyInspect().format(...args); }

const kIsNodeError = Symbol('kIsNodeError');
// On an error thrown for an unhandled 'error' event: returns the stack to report, with where
// the event was emitted appended (internal/bootstrap/node's printFatal calls it).
const kEnhanceStackBeforeInspector = Symbol('kEnhanceStackBeforeInspector');
const messages = new Map();
const codes = {};

// Wrap a validator-style function so that Node errors it throws get a stack trace that
// starts at the wrapper's caller (internal frames hidden, like Node).
function hideStackFrames(fn) {
  function wrappedFn(...args) {
    try {
      return Reflect.apply(fn, this, args);
    } catch (err) {
      if (err !== null && typeof err === 'object' && err[kIsNodeError] === true &&
          typeof Error.captureStackTrace === 'function') {
        Error.captureStackTrace(err, wrappedFn);
      }
      throw err;
    }
  }
  Object.defineProperty(wrappedFn, 'name', { __proto__: null, value: fn.name, configurable: true });
  wrappedFn.withoutStackTrace = fn;
  return wrappedFn;
}

function countPlaceholders(msg) {
  let n = 0;
  const re = /%[dfijoOsc%]/g;
  let m;
  while ((m = re.exec(msg)) !== null) {
    if (m[0] !== '%%' && m[0] !== '%c') n++;
  }
  return n;
}

function getMessage(key, args, self) {
  const msg = messages.get(key);
  if (typeof msg === 'function') {
    return Reflect.apply(msg, self, args);
  }
  const expected = countPlaceholders(msg);
  if (args.length !== expected) {
    const e = new Error(`Code: ${key}; The provided arguments length (${args.length}) does not ` +
                        `match the required ones (${expected}).`);
    throw e;
  }
  if (args.length === 0) return msg;
  return format(msg, ...args);
}

function makeNodeErrorWithCode(Base, key) {
  const holder = {
    [Base.name]: class extends Base {
      constructor(...args) {
        // Some messages record extra properties (ERR_MODULE_NOT_FOUND's url): collect them
        // first, since `this` only exists after super().
        const extra = {};
        const message = getMessage(key, args, extra);
        // The stack is formatted when first read, with the `Name [CODE]: message` header
        // (prepareStackTrace in internal/bootstrap/node); until then it keeps its call sites,
        // so an uncaught error's arrow can point where it was created.
        super(message);
        this.code = key;
        Object.assign(this, extra);
      }
      toString() {
        return `${this.name} [${key}]: ${this.message}`;
      }
    },
  };
  const NodeError = holder[Base.name];
  Object.defineProperty(NodeError.prototype, kIsNodeError, {
    __proto__: null, value: true, enumerable: false, writable: false, configurable: true,
  });
  Object.defineProperty(NodeError.prototype, 'toString', { enumerable: false });
  // Like Node, `err.constructor` is the plain base class (TypeError, RangeError, ...).
  Object.defineProperty(NodeError.prototype, 'constructor', {
    __proto__: null, value: Base, writable: true, enumerable: false, configurable: true,
  });
  return NodeError;
}

// E(key, message, Base, ...otherBases): register an error code.
function E(key, msg, Base, ...others) {
  messages.set(key, msg);
  const def = makeNodeErrorWithCode(Base, key);
  for (const other of others) {
    def[other.name] = makeNodeErrorWithCode(other, key);
  }
  codes[key] = def;
}

const classRegExp = /^([A-Z][a-z0-9]*)+$/;
// Type names that are printed in lower case ("of type string").
const kTypes = ['string', 'function', 'number', 'object', 'Function', 'Object', 'boolean', 'bigint', 'symbol'];

function addNumericalSeparator(val) {
  let res = '';
  let i = val.length;
  const start = val[0] === '-' ? 1 : 0;
  for (; i >= start + 4; i -= 3) {
    res = `_${val.slice(i - 3, i)}${res}`;
  }
  return `${val.slice(0, i)}${res}`;
}

function formatList(array, type = 'and') {
  return array.length < 3 ? array.join(` ${type} `) :
    `${array.slice(0, -1).join(', ')}, ${type} ${array[array.length - 1]}`;
}

// "Received ..." phrase used by ERR_INVALID_ARG_TYPE and friends.
function determineSpecificType(value) {
  if (value === null) return 'null';
  if (value === undefined) return 'undefined';
  if (typeof value === 'function') {
    return `function ${value.name}`;
  }
  if (typeof value === 'string') {
    let s = value;
    if (s.length > 28) s = `${s.slice(0, 25)}...`;
    if (s.indexOf("'") === -1) return `type string ('${s}')`;
    return `type string (${JSON.stringify(s)})`;
  }
  if (typeof value === 'object') {
    if (value.constructor && value.constructor.name) {
      return `an instance of ${value.constructor.name}`;
    }
    return `${inspect(value, { depth: -1 })}`;
  }
  let inspected = inspect(value, { colors: false });
  if (inspected.length > 28) inspected = `${inspected.slice(0, 25)}...`;
  return `type ${typeof value} (${inspected})`;
}

function invalidArgTypeMessage(name, expected, actual) {
  if (!Array.isArray(expected)) expected = [expected];
  let msg = 'The ';
  if (name.endsWith(' argument')) {
    msg += `${name} `;
  } else {
    const type = name.includes('.') ? 'property' : 'argument';
    msg += `"${name}" ${type} `;
  }
  msg += 'must be ';

  const types = [];
  const instances = [];
  const other = [];
  for (const value of expected) {
    if (kTypes.includes(value)) {
      types.push(value.toLowerCase());
    } else if (classRegExp.test(value)) {
      instances.push(value);
    } else {
      other.push(value);
    }
  }
  // "object" is folded into the instance list when instances are present.
  if (instances.length > 0) {
    const pos = types.indexOf('object');
    if (pos !== -1) {
      types.splice(pos, 1);
      instances.push('Object');
    }
  }
  if (types.length > 0) {
    if (types.length > 2) {
      const last = types.pop();
      msg += `one of type ${types.join(', ')}, or ${last}`;
    } else if (types.length === 2) {
      msg += `one of type ${types[0]} or ${types[1]}`;
    } else {
      msg += `of type ${types[0]}`;
    }
    if (instances.length > 0 || other.length > 0) msg += ' or ';
  }
  if (instances.length > 0) {
    if (instances.length > 2) {
      const last = instances.pop();
      msg += `an instance of ${instances.join(', ')}, or ${last}`;
    } else {
      msg += `an instance of ${instances[0]}`;
      if (instances.length === 2) msg += ` or ${instances[1]}`;
    }
    if (other.length > 0) msg += ' or ';
  }
  if (other.length > 0) {
    if (other.length > 2) {
      const last = other.pop();
      msg += `one of ${other.join(', ')}, or ${last}`;
    } else if (other.length === 2) {
      msg += `one of ${other[0]} or ${other[1]}`;
    } else {
      if (other[0].toLowerCase() !== other[0]) msg += 'an ';
      msg += `${other[0]}`;
    }
  }
  msg += `. Received ${determineSpecificType(actual)}`;
  return msg;
}

// ---------------------------------------------------------------------------
// Codes whose message is computed from the arguments.

E('ERR_INVALID_ARG_TYPE', invalidArgTypeMessage, TypeError);

// Policies (--experimental-policy, internal/policy/manifest).
E('ERR_MANIFEST_ASSERT_INTEGRITY', (url, found) => {
  const head = `The content of "${url}" does not match the expected integrity.`;
  if (found.length === 0) return `${head} The resource was not found in the policy.`;
  return `${head} Integrities found are: ${found.join(' ')}`;
}, Error);

E('ERR_SRI_PARSE', (text, at, position) =>
  `Subresource Integrity string ${JSON.stringify(text)} had an unexpected ` +
  `${JSON.stringify(at)} at position ${position}`, SyntaxError);

E('ERR_ACCESS_DENIED', (message) => message, Error);

E('ERR_INVALID_ARG_VALUE', (name, value, reason = 'is invalid') => {
  let inspected = inspect(value);
  if (inspected.length > 128) inspected = `${inspected.slice(0, 128)}...`;
  const type = name.includes('.') ? 'property' : 'argument';
  return `The ${type} '${name}' ${reason}. Received ${inspected}`;
}, TypeError, RangeError);

E('ERR_OUT_OF_RANGE', (str, range, input, replaceDefaultBoolean = false) => {
  let msg = replaceDefaultBoolean ? str : `The value of "${str}" is out of range.`;
  let received;
  if (Number.isInteger(input) && Math.abs(input) > 2 ** 32) {
    received = addNumericalSeparator(String(input));
  } else if (typeof input === 'bigint') {
    received = String(input);
    if (input > 2n ** 32n || input < -(2n ** 32n)) received = addNumericalSeparator(received);
    received += 'n';
  } else {
    received = inspect(input);
  }
  msg += ` It must be ${range}. Received ${received}`;
  return msg;
}, RangeError);

E('ERR_MISSING_ARGS', (...args) => {
  let msg = 'The ';
  const len = args.length;
  const wrap = (a) => `"${a}"`;
  args = args.map((a) => (Array.isArray(a) ? a.map(wrap).join(' or ') : wrap(a)));
  switch (len) {
    case 1:
      msg += `${args[0]} argument`;
      break;
    case 2:
      msg += `${args[0]} and ${args[1]} arguments`;
      break;
    default: {
      const last = args.pop();
      msg += `${args.join(', ')}, and ${last} arguments`;
      break;
    }
  }
  return `${msg} must be specified`;
}, TypeError);

E('ERR_UNHANDLED_ERROR', (err = undefined) => {
  const msg = 'Unhandled error.';
  if (err === undefined) return msg;
  return `${msg} (${err})`;
}, Error);

E('ERR_INVALID_RETURN_VALUE', (input, name, value) => {
  let type;
  if (value && value.constructor && value.constructor.name) {
    type = `instance of ${value.constructor.name}`;
  } else {
    type = `type ${typeof value}`;
  }
  if (value === null) return `Expected ${input} to be returned from the "${name}" function but got null.`;
  if (value === undefined) return `Expected ${input} to be returned from the "${name}" function but got undefined.`;
  return `Expected ${input} to be returned from the "${name}" function but got ${determineSpecificType(value)}.`;
}, TypeError, RangeError);

E('ERR_INVALID_RETURN_PROPERTY', (input, name, prop, value) => {
  return `Expected a valid ${input} to be returned for the "${prop}" from the` +
         ` "${name}" hook but got ${determineSpecificType(value)}.`;
}, TypeError);

E('ERR_INVALID_RETURN_PROPERTY_VALUE', (input, name, prop, value) => {
  return `Expected ${input} to be returned for the "${prop}" from the` +
         ` "${name}" hook but got ${determineSpecificType(value)}.`;
}, TypeError);

E('ERR_INVALID_URL', function(input, base = null) {
  this.input = input;
  if (base != null) this.base = base;
  return 'Invalid URL';
}, TypeError);

E('ERR_INVALID_CHAR', (name, field = undefined) => {
  let msg = `Invalid character in ${name}`;
  if (field !== undefined) msg += ` ["${field}"]`;
  return msg;
}, TypeError);

E('ERR_INVALID_URL_SCHEME', (expected) => {
  if (typeof expected === 'string') expected = [expected];
  const res = expected.length === 2 ?
    `one of scheme ${expected[0]} or ${expected[1]}` :
    `of scheme ${expected[0]}`;
  return `The URL must be ${res}`;
}, TypeError);

E('ERR_FALSY_VALUE_REJECTION', function(reason) {
  this.reason = reason;
  return 'Promise was rejected with falsy value';
}, Error);

E('ERR_REQUIRE_ESM', function(filename, hasEsmSyntax, parentPath = null) {
  let msg = `require() of ES Module ${filename}${parentPath ? ` from ${parentPath}` : ''} not supported.`;
  if (String(filename).endsWith('.mjs')) {
    msg += `\nInstead change the require of ${filename} to a dynamic import() which is available in all CommonJS modules.`;
  }
  return msg;
}, Error);

E('ERR_INVALID_PACKAGE_CONFIG', (path, base, message) => {
  return `Invalid package config ${path}${base ? ` while importing ${base}` : ''}${message ? `. ${message}` : ''}`;
}, Error);

E('ERR_MODULE_NOT_FOUND', function(path, base, exactUrl) {
  if (exactUrl) this.url = `${exactUrl}`;
  return `Cannot find ${exactUrl ? 'module' : 'package'} '${path}' imported from ${base}`;
}, Error);

E('ERR_PACKAGE_PATH_NOT_EXPORTED', (pkgPath, subpath, base = undefined) => {
  if (subpath === '.') {
    return `No "exports" main defined in ${pkgPath}package.json${base ? ` imported from ${base}` : ''}`;
  }
  return `Package subpath '${subpath}' is not defined by "exports" in ${pkgPath}package.json${base ? ` imported from ${base}` : ''}`;
}, Error);

E('ERR_INVALID_PACKAGE_TARGET', (pkgPath, key, target, isImport = false, base = undefined) => {
  const relatedError = typeof target === 'string' && !isImport &&
    target.length > 0 && !target.startsWith('./');
  if (key === '.') {
    return `Invalid "exports" main target ${JSON.stringify(target)} defined ` +
      `in the package config ${pkgPath}package.json${base ? ` imported from ${base}` : ''}` +
      `${relatedError ? '; targets must start with "./"' : ''}`;
  }
  return `Invalid "${isImport ? 'imports' : 'exports'}" target ${JSON.stringify(target)} defined for '${key}' ` +
    `in the package config ${pkgPath}package.json${base ? ` imported from ${base}` : ''}` +
    `${relatedError ? '; targets must start with "./"' : ''}`;
}, Error);

E('ERR_PACKAGE_IMPORT_NOT_DEFINED', (specifier, packagePath, base) => {
  return `Package import specifier "${specifier}" is not defined${packagePath ?
    ` in package ${packagePath}package.json` : ''} imported from ${base}`;
}, TypeError);

E('ERR_INVALID_MODULE_SPECIFIER', (request, reason, base = undefined) => {
  return `Invalid module "${request}" ${reason}${base ? ` imported from ${base}` : ''}`;
}, TypeError);

E('ERR_UNSUPPORTED_DIR_IMPORT', function(path, base, exactUrl) {
  if (exactUrl) this.url = exactUrl;
  return `Directory import '${path}' is not supported resolving ES modules imported from ${base}`;
}, Error);

E('ERR_UNSUPPORTED_ESM_URL_SCHEME', (url, supported) => {
  let msg = `Only URLs with a scheme in: ${formatList(supported)} are supported by the default ESM loader`;
  if (process.platform === 'win32' && url.protocol.length === 2) {
    msg += '. On Windows, absolute paths must be valid file:// URLs';
  }
  msg += `. Received protocol '${url.protocol}'`;
  return msg;
}, Error);

E('ERR_BUFFER_OUT_OF_BOUNDS', (name = undefined) => {
  if (name) return `"${name}" is outside of buffer bounds`;
  return 'Attempt to access memory outside buffer bounds';
}, RangeError);

E('ERR_ENCODING_INVALID_ENCODED_DATA', function(encoding, ret) {
  this.errno = ret;
  return `The encoded data was not valid for encoding ${encoding}`;
}, TypeError);

E('ERR_SOCKET_BAD_PORT', (name, port, allowZero = true) => {
  const operator = allowZero ? '>=' : '>';
  return `${name} should be ${operator} 0 and < 65536. Received ${determineSpecificType(port)}.`;
}, RangeError);

E('ERR_INVALID_ADDRESS_FAMILY', function(addressType, host, port) {
  this.host = host;
  this.port = port;
  return `Invalid address family: ${addressType} ${host}:${port}`;
}, RangeError);

E('ERR_INTERNAL_ASSERTION', (message) => {
  const suffix = 'This is caused by either a bug in Node.js ' +
    'or incorrect usage of Node.js internals.\n' +
    'Please open an issue with this stack trace at ' +
    'https://github.com/nodejs/node/issues\n';
  return message === undefined ? suffix : `${message}\n${suffix}`;
}, Error);

E('ERR_WORKER_PATH', (filename) =>
  'The worker script or module filename must be an absolute path or a ' +
  'relative path starting with \'./\' or \'../\'.' +
  (String(filename).startsWith('file://') ?
    ' Wrap file:// URLs with `new URL`.' : '') +
  (String(filename).startsWith('data:text/javascript') ?
    ' Wrap data: URLs with `new URL`.' : '') +
  ` Received "${filename}"`, TypeError);

E('ERR_PARSE_ARGS_UNKNOWN_OPTION', (option, allowPositionals) => {
  const suggestDashDash = allowPositionals ?
    `. To specify a positional argument starting with a '-', place it at the end of the command after '--', as in '-- ${JSON.stringify(option)}` : '';
  return `Unknown option '${option}'${suggestDashDash}`;
}, TypeError);

E('ERR_INVALID_MIME_SYNTAX', (production, str, invalidIndex) => {
  const msg = invalidIndex !== -1 ? ` at ${invalidIndex}` : '';
  return `The MIME syntax for a ${production} in "${str}" is invalid` + msg;
}, TypeError);

E('ERR_HTTP2_INVALID_SETTING_VALUE', function(name, actual, min, max) {
  this.actual = actual;
  if (min !== undefined) {
    this.min = min;
    this.max = max;
  }
  return `Invalid value for setting "${name}": ${actual}`;
}, TypeError, RangeError);

E('ERR_UNHANDLED_REJECTION',
  'This error originated either by throwing inside of an async function without a catch block, ' +
  'or by rejecting a promise which was not handled with .catch(). The promise rejected with the ' +
  'reason "%s".', Error);

// ---------------------------------------------------------------------------
// Codes with fixed (util.format-style) messages.
const fixedCodes = [
  ["ERR_AMBIGUOUS_ARGUMENT", TypeError, "The \"%s\" argument is ambiguous. %s"],
  ["ERR_ARG_NOT_ITERABLE", TypeError, "%s must be iterable"],
  ["ERR_ASSERTION", Error, "%s"],
  ["ERR_ASYNC_CALLBACK", TypeError, "%s must be a function"],
  ["ERR_ASYNC_TYPE", TypeError, "Invalid name for async \"type\": %s"],
  ["ERR_BROTLI_INVALID_PARAM", RangeError, "%s is not a valid Brotli parameter"],
  ["ERR_BUFFER_TOO_LARGE", RangeError, "Cannot create a Buffer larger than %s bytes"],
  ["ERR_CANNOT_WATCH_SIGINT", Error, "Cannot watch for SIGINT signals"],
  ["ERR_CHILD_CLOSED_BEFORE_REPLY", Error, "Child closed before reply received"],
  ["ERR_CHILD_PROCESS_IPC_REQUIRED", Error, "Forked processes must have an IPC channel, missing value 'ipc' in %s"],
  ["ERR_CHILD_PROCESS_STDIO_MAXBUFFER", RangeError, "%s maxBuffer length exceeded"],
  ["ERR_CONSOLE_WRITABLE_STREAM", TypeError, "Console expects a writable stream instance for %s"],
  ["ERR_CONTEXT_NOT_INITIALIZED", Error, "context used is not initialized"],
  ["ERR_CRYPTO_CUSTOM_ENGINE_NOT_SUPPORTED", Error, "Custom engines not supported by this OpenSSL"],
  ["ERR_CRYPTO_ECDH_INVALID_FORMAT", TypeError, "Invalid ECDH format: %s"],
  ["ERR_CRYPTO_ECDH_INVALID_PUBLIC_KEY", Error, "Public key is not valid for specified curve"],
  ["ERR_CRYPTO_ENGINE_UNKNOWN", Error, "Engine \"%s\" was not found"],
  ["ERR_CRYPTO_FIPS_FORCED", Error, "Cannot set FIPS mode, it was forced with --force-fips at startup."],
  ["ERR_CRYPTO_FIPS_UNAVAILABLE", Error, "Cannot set FIPS mode in a non-FIPS build."],
  ["ERR_CRYPTO_HASH_FINALIZED", Error, "Digest already called"],
  ["ERR_CRYPTO_HASH_UPDATE_FAILED", Error, "Hash update failed"],
  ["ERR_CRYPTO_INCOMPATIBLE_KEY", Error, "Incompatible %s: %s"],
  ["ERR_CRYPTO_INCOMPATIBLE_KEY_OPTIONS", Error, "The selected key encoding %s %s."],
  ["ERR_CRYPTO_INVALID_DIGEST", TypeError, "Invalid digest: %s"],
  ["ERR_CRYPTO_INVALID_JWK", TypeError, "Invalid JWK data"],
  ["ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE", TypeError, "Invalid key object type %s, expected %s."],
  ["ERR_CRYPTO_INVALID_STATE", Error, "Invalid state for operation %s"],
  ["ERR_CRYPTO_PBKDF2_ERROR", Error, "PBKDF2 error"],
  ["ERR_CRYPTO_SCRYPT_INVALID_PARAMETER", Error, "Invalid scrypt parameter"],
  ["ERR_CRYPTO_SCRYPT_NOT_SUPPORTED", Error, "Scrypt algorithm not supported"],
  ["ERR_CRYPTO_SIGN_KEY_REQUIRED", Error, "No key provided to sign"],
  ["ERR_DEBUGGER_ERROR", Error, "%s"],
  ["ERR_DEBUGGER_STARTUP_ERROR", Error, "%s"],
  ["ERR_DIR_CLOSED", Error, "Directory handle was closed"],
  ["ERR_DIR_CONCURRENT_OPERATION", Error, "Cannot do synchronous work on directory handle with concurrent asynchronous operations"],
  ["ERR_DNS_SET_SERVERS_FAILED", Error, "c-ares failed to set servers: \"%s\" [%s]"],
  ["ERR_DOMAIN_CALLBACK_NOT_AVAILABLE", Error, "A callback was registered through process.setUncaughtExceptionCaptureCallback(), which is mutually exclusive with using the `domain` module"],
  ["ERR_DOMAIN_CANNOT_SET_UNCAUGHT_EXCEPTION_CAPTURE", Error, "The `domain` module is in use, which is mutually exclusive with calling process.setUncaughtExceptionCaptureCallback()"],
  ["ERR_DUPLICATE_STARTUP_SNAPSHOT_MAIN_FUNCTION", Error, "Deserialize main function is already configured."],
  ["ERR_ENCODING_NOT_SUPPORTED", RangeError, "The \"%s\" encoding is not supported"],
  ["ERR_EVAL_ESM_CANNOT_PRINT", Error, "--print cannot be used with ESM input"],
  ["ERR_EVENT_RECURSION", Error, "The event \"%s\" is already being dispatched"],
  ["ERR_FEATURE_UNAVAILABLE_ON_PLATFORM", TypeError, "The feature %s is unavailable on the current platform, which is being used to run Node.js"],
  ["ERR_FS_FILE_TOO_LARGE", RangeError, "File size (%s) is greater than 2 GiB"],
  ["ERR_FS_INVALID_SYMLINK_TYPE", Error, "Symlink type must be one of \"dir\", \"file\", or \"junction\". Received \"%s\""],
  ["ERR_HTTP2_ALTSVC_INVALID_ORIGIN", TypeError, "HTTP/2 ALTSVC frames require a valid origin"],
  ["ERR_HTTP2_ALTSVC_LENGTH", TypeError, "HTTP/2 ALTSVC frames are limited to 16382 bytes"],
  ["ERR_HTTP2_CONNECT_AUTHORITY", Error, ":authority header is required for CONNECT requests"],
  ["ERR_HTTP2_CONNECT_PATH", Error, "The :path header is forbidden for CONNECT requests"],
  ["ERR_HTTP2_CONNECT_SCHEME", Error, "The :scheme header is forbidden for CONNECT requests"],
  ["ERR_HTTP2_GOAWAY_SESSION", Error, "New streams cannot be created after receiving a GOAWAY"],
  ["ERR_HTTP2_HEADERS_AFTER_RESPOND", Error, "Cannot specify additional headers after response initiated"],
  ["ERR_HTTP2_HEADERS_SENT", Error, "Response has already been initiated."],
  ["ERR_HTTP2_HEADER_SINGLE_VALUE", TypeError, "Header field \"%s\" must only have a single value"],
  ["ERR_HTTP2_INFO_STATUS_NOT_ALLOWED", RangeError, "Informational status codes cannot be used"],
  ["ERR_HTTP2_INVALID_CONNECTION_HEADERS", TypeError, "HTTP/1 Connection specific headers are forbidden: \"%s\""],
  ["ERR_HTTP2_INVALID_HEADER_VALUE", TypeError, "Invalid value \"%s\" for header \"%s\""],
  ["ERR_HTTP2_INVALID_INFO_STATUS", RangeError, "Invalid informational status code: %s"],
  ["ERR_HTTP2_INVALID_ORIGIN", TypeError, "HTTP/2 ORIGIN frames require a valid origin"],
  ["ERR_HTTP2_INVALID_PACKED_SETTINGS_LENGTH", RangeError, "Packed settings length must be a multiple of six"],
  ["ERR_HTTP2_INVALID_PSEUDOHEADER", TypeError, "\"%s\" is an invalid pseudoheader or is used incorrectly"],
  ["ERR_HTTP2_INVALID_SESSION", Error, "The session has been destroyed"],
  ["ERR_HTTP2_INVALID_STREAM", Error, "The stream has been destroyed"],
  ["ERR_HTTP2_MAX_PENDING_SETTINGS_ACK", Error, "Maximum number of pending settings acknowledgements"],
  ["ERR_HTTP2_NESTED_PUSH", Error, "A push stream cannot initiate another push stream."],
  ["ERR_HTTP2_NO_MEM", Error, "Out of memory"],
  ["ERR_HTTP2_NO_SOCKET_MANIPULATION", Error, "HTTP/2 sockets should not be directly manipulated (e.g. read and written)"],
  ["ERR_HTTP2_ORIGIN_LENGTH", TypeError, "HTTP/2 ORIGIN frames are limited to 16382 bytes"],
  ["ERR_HTTP2_OUT_OF_STREAMS", Error, "No stream ID is available because maximum stream ID has been reached"],
  ["ERR_HTTP2_PAYLOAD_FORBIDDEN", Error, "Responses with %s status must not have a payload"],
  ["ERR_HTTP2_PING_CANCEL", Error, "HTTP2 ping cancelled"],
  ["ERR_HTTP2_PING_LENGTH", RangeError, "HTTP2 ping payload must be 8 bytes"],
  ["ERR_HTTP2_PSEUDOHEADER_NOT_ALLOWED", TypeError, "Cannot set HTTP/2 pseudo-headers"],
  ["ERR_HTTP2_PUSH_DISABLED", Error, "HTTP/2 client has disabled push streams"],
  ["ERR_HTTP2_SEND_FILE", Error, "Directories cannot be sent"],
  ["ERR_HTTP2_SEND_FILE_NOSEEK", Error, "Offset or length can only be specified for regular files"],
  ["ERR_HTTP2_SESSION_ERROR", Error, "Session closed with error code %s"],
  ["ERR_HTTP2_SETTINGS_CANCEL", Error, "HTTP2 session settings canceled"],
  ["ERR_HTTP2_SOCKET_BOUND", Error, "The socket is already bound to an Http2Session"],
  ["ERR_HTTP2_SOCKET_UNBOUND", Error, "The socket has been disconnected from the Http2Session"],
  ["ERR_HTTP2_STATUS_101", Error, "HTTP status code 101 (Switching Protocols) is forbidden in HTTP/2"],
  ["ERR_HTTP2_STATUS_INVALID", RangeError, "Invalid status code: %s"],
  ["ERR_HTTP2_STREAM_ERROR", Error, "Stream closed with error code %s"],
  ["ERR_HTTP2_STREAM_SELF_DEPENDENCY", Error, "A stream cannot depend on itself"],
  ["ERR_HTTP2_TOO_MANY_CUSTOM_SETTINGS", Error, "Number of custom settings exceeds MAX_ADDITIONAL_SETTINGS"],
  ["ERR_HTTP2_TOO_MANY_INVALID_FRAMES", Error, "Too many invalid HTTP/2 frames"],
  ["ERR_HTTP2_TRAILERS_ALREADY_SENT", Error, "Trailing headers have already been sent"],
  ["ERR_HTTP2_TRAILERS_NOT_READY", Error, "Trailing headers cannot be sent until after the wantTrailers event is emitted"],
  ["ERR_HTTP2_UNSUPPORTED_PROTOCOL", Error, "protocol \"%s\" is unsupported."],
  ["ERR_HTTP_BODY_NOT_ALLOWED", Error, "Adding content for this request method or response status is not allowed."],
  ["ERR_HTTP_CONTENT_LENGTH_MISMATCH", Error, "Response body's content-length of %s byte(s) does not match the content-length of %s byte(s) set in header"],
  ["ERR_HTTP_HEADERS_SENT", Error, "Cannot %s headers after they are sent to the client"],
  ["ERR_HTTP_INVALID_HEADER_VALUE", TypeError, "Invalid value \"%s\" for header \"%s\""],
  ["ERR_HTTP_INVALID_STATUS_CODE", RangeError, "Invalid status code: %s"],
  ["ERR_HTTP_REQUEST_TIMEOUT", Error, "Request timeout"],
  ["ERR_HTTP_SOCKET_ASSIGNED", Error, "ServerResponse has an already assigned socket"],
  ["ERR_HTTP_SOCKET_ENCODING", Error, "Changing the socket encoding is not allowed per RFC7230 Section 3."],
  ["ERR_HTTP_TRAILER_INVALID", Error, "Trailers are invalid with this transfer encoding"],
  ["ERR_ILLEGAL_CONSTRUCTOR", TypeError, "Illegal constructor"],
  ["ERR_IMPORT_ASSERTION_TYPE_FAILED", TypeError, "Module \"%s\" is not of type \"%s\""],
  ["ERR_IMPORT_ASSERTION_TYPE_MISSING", TypeError, "Module \"%s\" needs an import attribute of type \"%s\""],
  ["ERR_IMPORT_ASSERTION_TYPE_UNSUPPORTED", TypeError, "Import attribute type \"%s\" is unsupported"],
  ["ERR_IMPORT_ATTRIBUTE_UNSUPPORTED", TypeError, "Import attribute \"%s\" with value \"%s\" is not supported"],
  ["ERR_INCOMPATIBLE_OPTION_PAIR", TypeError, "Option \"%s\" cannot be used in combination with option \"%s\""],
  ["ERR_INPUT_TYPE_NOT_ALLOWED", Error, "--input-type can only be used with string input via --eval, --print, or STDIN"],
  ["ERR_INSPECTOR_ALREADY_ACTIVATED", Error, "Inspector is already activated. Close it with inspector.close() before activating it again."],
  ["ERR_INSPECTOR_ALREADY_CONNECTED", Error, "%s is already connected"],
  ["ERR_INSPECTOR_CLOSED", Error, "Session was closed"],
  ["ERR_INSPECTOR_COMMAND", Error, "Inspector error %d: %s"],
  ["ERR_INSPECTOR_NOT_ACTIVE", Error, "Inspector is not active"],
  ["ERR_INSPECTOR_NOT_AVAILABLE", Error, "Inspector is not available"],
  ["ERR_INSPECTOR_NOT_CONNECTED", Error, "Session is not connected"],
  ["ERR_INSPECTOR_NOT_WORKER", Error, "Current thread is not a worker"],
  ["ERR_INVALID_ASYNC_ID", RangeError, "Invalid %s value: %s"],
  ["ERR_INVALID_BUFFER_SIZE", RangeError, "Buffer size must be a multiple of %s"],
  ["ERR_INVALID_CURSOR_POS", TypeError, "Cannot set cursor row without setting its column"],
  ["ERR_INVALID_FD", RangeError, "\"fd\" must be a positive integer: %s"],
  ["ERR_INVALID_FD_TYPE", TypeError, "Unsupported fd type: %s"],
  ["ERR_INVALID_FILE_URL_HOST", TypeError, "File URL host must be \"localhost\" or empty on %s"],
  ["ERR_INVALID_FILE_URL_PATH", TypeError, "File URL path %s"],
  ["ERR_INVALID_HANDLE_TYPE", TypeError, "This handle type cannot be sent"],
  ["ERR_INVALID_HTTP_TOKEN", TypeError, "%s must be a valid HTTP token [\"%s\"]"],
  ["ERR_INVALID_IP_ADDRESS", TypeError, "Invalid IP address: %s"],
  ["ERR_INVALID_PROTOCOL", TypeError, "Protocol \"%s\" not supported. Expected \"%s\""],
  ["ERR_INVALID_REPL_EVAL_CONFIG", TypeError, "Cannot specify both \"breakEvalOnSigint\" and \"eval\" for REPL"],
  ["ERR_INVALID_REPL_INPUT", TypeError, "%s"],
  ["ERR_INVALID_STATE", Error, "Invalid state: %s"],
  ["ERR_INVALID_SYNC_FORK_INPUT", TypeError, "Asynchronous forks do not support Buffer, TypedArray, DataView or string input: %s"],
  ["ERR_INVALID_THIS", TypeError, "Value of \"this\" must be of type %s"],
  ["ERR_INVALID_TUPLE", TypeError, "%s must be an iterable %s tuple"],
  ["ERR_INVALID_URI", URIError, "URI malformed"],
  ["ERR_IPC_CHANNEL_CLOSED", Error, "Channel closed"],
  ["ERR_IPC_DISCONNECTED", Error, "IPC channel is already disconnected"],
  ["ERR_IPC_ONE_PIPE", Error, "Child process can have only one IPC pipe"],
  ["ERR_IPC_SYNC_FORK", Error, "IPC cannot be used with synchronous forks"],
  ["ERR_LOADER_CHAIN_INCOMPLETE", Error, "\"%s\" did not call the next hook in its chain and did not explicitly signal a short circuit. If this is intentional, include `shortCircuit: true` in the hook's return."],
  ["ERR_MANIFEST_DEPENDENCY_MISSING", Error, "Manifest resource %s does not list %s as a dependency specifier for conditions: %s"],
  ["ERR_MANIFEST_INTEGRITY_MISMATCH", SyntaxError, "Manifest resource %s has multiple entries but integrity lists do not match"],
  ["ERR_MANIFEST_INVALID_RESOURCE_FIELD", TypeError, "Manifest resource %s has invalid property value for %s"],
  ["ERR_MANIFEST_INVALID_SPECIFIER", TypeError, "Manifest resource %s has invalid dependency mapping %s"],
  ["ERR_MANIFEST_TDZ", Error, "Manifest initialization has not yet run"],
  ["ERR_MANIFEST_UNKNOWN_ONERROR", SyntaxError, "Manifest specified unknown error behavior \"%s\"."],
  ["ERR_METHOD_NOT_IMPLEMENTED", Error, "The %s method is not implemented"],
  ["ERR_MISSING_OPTION", TypeError, "%s is required"],
  ["ERR_MULTIPLE_CALLBACK", Error, "Callback called multiple times"],
  ["ERR_NAPI_CONS_FUNCTION", TypeError, "Constructor must be a function"],
  ["ERR_NAPI_INVALID_DATAVIEW_ARGS", RangeError, "byte_offset + byte_length should be less than or equal to the size in bytes of the array passed in"],
  ["ERR_NAPI_INVALID_TYPEDARRAY_ALIGNMENT", RangeError, "start offset of %s should be a multiple of %s"],
  ["ERR_NAPI_INVALID_TYPEDARRAY_LENGTH", RangeError, "Invalid typed array length"],
  ["ERR_NETWORK_IMPORT_BAD_RESPONSE", Error, "import '%s' received a bad response: %s"],
  ["ERR_NETWORK_IMPORT_DISALLOWED", Error, "import of '%s' by %s is not supported: %s"],
  ["ERR_NOT_BUILDING_SNAPSHOT", Error, "Operation cannot be invoked when not building startup snapshot"],
  ["ERR_NOT_IN_SINGLE_EXECUTABLE_APPLICATION", Error, "Operation cannot be invoked when not in a single-executable application"],
  ["ERR_NOT_SUPPORTED_IN_SNAPSHOT", Error, "%s is not supported in startup snapshot"],
  ["ERR_NO_CRYPTO", Error, "Node.js is not compiled with OpenSSL crypto support"],
  ["ERR_NO_ICU", TypeError, "%s is not supported on Node.js compiled without ICU"],
  ["ERR_OPERATION_FAILED", Error, "Operation failed: %s"],
  ["ERR_PARSE_ARGS_INVALID_OPTION_VALUE", TypeError, "%s"],
  ["ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL", TypeError, "Unexpected argument '%s'. This command does not take positional arguments"],
  ["ERR_PERFORMANCE_INVALID_TIMESTAMP", TypeError, "%d is not a valid timestamp"],
  ["ERR_PERFORMANCE_MEASURE_INVALID_OPTIONS", TypeError, "%s"],
  ["ERR_PROTO_ACCESS", Error, "Accessing Object.prototype.__proto__ has been disallowed with --disable-proto=throw"],
  ["ERR_REQUIRE_ASYNC_MODULE", Error, "%s"],
  ["ERR_STRING_TOO_LONG", Error, "Cannot create a string longer than 0x1fffffe8 characters"],
  ["ERR_REQUIRE_CYCLE_MODULE", Error, "%s"],
  ["ERR_SCRIPT_EXECUTION_INTERRUPTED", Error, "Script execution was interrupted by `SIGINT`"],
  ["ERR_SERVER_ALREADY_LISTEN", Error, "Listen method has been called more than once without closing."],
  ["ERR_SERVER_NOT_RUNNING", Error, "Server is not running."],
  ["ERR_SINGLE_EXECUTABLE_APPLICATION_ASSET_NOT_FOUND", Error, "Cannot find asset %s for the single executable application"],
  ["ERR_SOCKET_ALREADY_BOUND", Error, "Socket is already bound"],
  ["ERR_SOCKET_BAD_BUFFER_SIZE", TypeError, "Buffer size must be a positive integer"],
  ["ERR_SOCKET_BAD_TYPE", TypeError, "Bad socket type specified. Valid types are: udp4, udp6"],
  ["ERR_SOCKET_CLOSED", Error, "Socket is closed"],
  ["ERR_SOCKET_CLOSED_BEFORE_CONNECTION", Error, "Socket closed before the connection was established"],
  ["ERR_SOCKET_CONNECTION_TIMEOUT", Error, "Socket connection timeout"],
  ["ERR_SOCKET_DGRAM_IS_CONNECTED", Error, "Already connected"],
  ["ERR_SOCKET_DGRAM_NOT_CONNECTED", Error, "Not connected"],
  ["ERR_SOCKET_DGRAM_NOT_RUNNING", Error, "Not running"],
  ["ERR_STREAM_ALREADY_FINISHED", Error, "Cannot call %s after a stream was finished"],
  ["ERR_STREAM_CANNOT_PIPE", Error, "Cannot pipe, not readable"],
  ["ERR_STREAM_DESTROYED", Error, "Cannot call %s after a stream was destroyed"],
  ["ERR_STREAM_NULL_VALUES", TypeError, "May not write null values to stream"],
  ["ERR_STREAM_PREMATURE_CLOSE", Error, "Premature close"],
  ["ERR_STREAM_PUSH_AFTER_EOF", Error, "stream.push() after EOF"],
  ["ERR_STREAM_UNSHIFT_AFTER_END_EVENT", Error, "stream.unshift() after end event"],
  ["ERR_STREAM_WRAP", Error, "Stream has StringDecoder set or is in objectMode"],
  ["ERR_STREAM_WRITE_AFTER_END", Error, "write after end"],
  ["ERR_SYNTHETIC", Error, "JavaScript Callstack"],
  ["ERR_TLS_ALPN_CALLBACK_INVALID_RESULT", TypeError, "ALPN callback returned a value (%s) that did not match any of the client's offered protocols (%s)"],
  ["ERR_TLS_ALPN_CALLBACK_WITH_PROTOCOLS", TypeError, "The ALPNCallback and ALPNProtocols TLS options are mutually exclusive"],
  ["ERR_TLS_CERT_ALTNAME_FORMAT", SyntaxError, "Invalid subject alternative name string"],
  ["ERR_TLS_CERT_ALTNAME_INVALID", Error, "Hostname/IP does not match certificate's altnames: %s"],
  ["ERR_TLS_DH_PARAM_SIZE", Error, "DH parameter size %s is less than 2048"],
  ["ERR_TLS_HANDSHAKE_TIMEOUT", Error, "TLS handshake timeout"],
  ["ERR_TLS_INVALID_CONTEXT", TypeError, "%s must be a SecureContext"],
  ["ERR_TLS_INVALID_PROTOCOL_METHOD", TypeError, "%s"],
  ["ERR_TLS_INVALID_PROTOCOL_VERSION", TypeError, "%j is not a valid %s TLS protocol version"],
  ["ERR_TLS_INVALID_STATE", Error, "TLS socket connection must be securely established"],
  ["ERR_TLS_PROTOCOL_VERSION_CONFLICT", TypeError, "TLS protocol version %j conflicts with secureProtocol %j"],
  ["ERR_TLS_RENEGOTIATION_DISABLED", Error, "TLS session renegotiation disabled for this socket"],
  ["ERR_TLS_REQUIRED_SERVER_NAME", Error, "\"servername\" is required parameter for Server.addContext"],
  ["ERR_TLS_SESSION_ATTACK", Error, "TLS session renegotiation attack detected"],
  ["ERR_TLS_SNI_FROM_SERVER", Error, "Cannot issue SNI from a TLS server-side socket"],
  ["ERR_TRACE_EVENTS_CATEGORY_REQUIRED", TypeError, "At least one category is required"],
  ["ERR_TRACE_EVENTS_UNAVAILABLE", Error, "Trace events are unavailable"],
  ["ERR_UNAVAILABLE_DURING_EXIT", Error, "Cannot call function in process exit handler"],
  ["ERR_UNCAUGHT_EXCEPTION_CAPTURE_ALREADY_SET", Error, "`process.setupUncaughtExceptionCapture()` was called while a capture callback was already active"],
  ["ERR_UNESCAPED_CHARACTERS", TypeError, "%s contains unescaped characters"],
  ["ERR_UNKNOWN_BUILTIN_MODULE", Error, "No such built-in module: %s"],
  ["ERR_UNKNOWN_CREDENTIAL", Error, "%s identifier does not exist: %s"],
  ["ERR_UNKNOWN_ENCODING", TypeError, "Unknown encoding: %s"],
  ["ERR_UNKNOWN_FILE_EXTENSION", TypeError, "Unknown file extension \"%s\" for %s"],
  ["ERR_UNKNOWN_MODULE_FORMAT", RangeError, "Unknown module format: %s for URL %s"],
  ["ERR_UNKNOWN_SIGNAL", TypeError, "Unknown signal: %s"],
  ["ERR_UNSUPPORTED_RESOLVE_REQUEST", TypeError, "Failed to resolve module specifier \"%s\" from \"%s\": Invalid relative URL or base scheme is not hierarchical."],
  ["ERR_USE_AFTER_CLOSE", Error, "%s was closed"],
  ["ERR_VALID_PERFORMANCE_ENTRY_TYPE", Error, "At least one valid performance entry type is required"],
  ["ERR_VM_DYNAMIC_IMPORT_CALLBACK_MISSING", TypeError, "A dynamic import callback was not specified."],
  ["ERR_VM_DYNAMIC_IMPORT_CALLBACK_MISSING_FLAG", TypeError, "A dynamic import callback was invoked without --experimental-vm-modules"],
  ["ERR_VM_MODULE_ALREADY_LINKED", Error, "Module has already been linked"],
  ["ERR_VM_MODULE_CACHED_DATA_REJECTED", Error, "%s"],
  ["ERR_VM_MODULE_CANNOT_CREATE_CACHED_DATA", Error, "Cached data cannot be created for a module which has been evaluated"],
  ["ERR_VM_MODULE_DIFFERENT_CONTEXT", Error, "Linked modules must use the same context"],
  ["ERR_VM_MODULE_NOT_MODULE", Error, "Provided module is not an instance of Module"],
  ["ERR_VM_MODULE_STATUS", Error, "Module status %s"],
  ["ERR_WASI_ALREADY_STARTED", Error, "WASI instance has already started"],
  ["ERR_WEBASSEMBLY_RESPONSE", TypeError, "WebAssembly response %s"],
  ["ERR_WORKER_INIT_FAILED", Error, "Worker initialization failure: %s"],
  ["ERR_WORKER_INVALID_EXEC_ARGV", Error, "Initiated Worker with invalid execArgv flags: %s"],
  ["ERR_CONSTRUCT_CALL_INVALID", TypeError, "Constructor cannot be called"],
  ["ERR_CONSTRUCT_CALL_REQUIRED", TypeError, "Cannot call constructor without `new`"],
  ["ERR_CLOSED_MESSAGE_PORT", Error, "Cannot send data on closed MessagePort"],
  ["ERR_MISSING_TRANSFERABLE_IN_TRANSFER_LIST", TypeError, "Object that needs transfer was found in message but not listed in transferList"],
  ["ERR_WORKER_MESSAGING_ERRORED", Error, "The destination thread threw an error while processing the message"],
  ["ERR_WORKER_MESSAGING_FAILED", Error, "Cannot find the destination thread or listener"],
  ["ERR_WORKER_MESSAGING_SAME_THREAD", Error, "Cannot sent a message to the same thread"],
  ["ERR_WORKER_MESSAGING_TIMEOUT", Error, "Sending a message to another thread timed out"],
  ["ERR_WORKER_NOT_RUNNING", Error, "Worker instance not running"],
  ["ERR_WORKER_OUT_OF_MEMORY", Error, "Worker terminated due to reaching memory limit: %s"],
  ["ERR_WORKER_UNSERIALIZABLE_ERROR", Error, "Serializing an uncaught exception failed"],
  ["ERR_WORKER_UNSUPPORTED_OPERATION", TypeError, "%s is not supported in workers"],
];
for (const [key, Base, msg] of fixedCodes) {
  if (key === 'ERR_INVALID_ARG_VALUE' || messages.has(key)) continue;
  E(key, msg, Base);
}

// Some codes also come in RangeError flavour.
codes.ERR_INVALID_ARG_VALUE.RangeError = codes.ERR_INVALID_ARG_VALUE.RangeError ||
  makeNodeErrorWithCode(RangeError, 'ERR_INVALID_ARG_VALUE');

// ---------------------------------------------------------------------------
// Non-code errors.

class AbortError extends Error {
  constructor(message = 'The operation was aborted', options = undefined) {
    if (options !== undefined && typeof options !== 'object') {
      throw new codes.ERR_INVALID_ARG_TYPE('options', 'Object', options);
    }
    super(message, options);
    this.code = 'ABORT_ERR';
    this.name = 'AbortError';
  }
}

// V8's side-effect-free stringification, used for the reason of unhandled rejections.
function noSideEffectsToString(value) {
  if (value === null || (typeof value !== 'object' && typeof value !== 'function')) {
    return typeof value === 'symbol' ? value.toString() : String(value);
  }
  if (value instanceof Error) {
    const desc = Object.getOwnPropertyDescriptor(value, 'message');
    const msg = desc && typeof desc.value === 'string' ? desc.value : '';
    let name = 'Error';
    try { name = String(value.name); } catch { /* ignore */ }
    return msg ? `${name}: ${msg}` : name;
  }
  if (typeof value === 'function') {
    try { return Function.prototype.toString.call(value); } catch { return 'function'; }
  }
  let ctor = 'Object';
  try {
    const c = value.constructor;
    if (typeof c === 'function' && c.name) ctor = c.name;
  } catch { /* ignore */ }
  return `#<${ctor}>`;
}

class UnhandledPromiseRejection extends Error {
  constructor(reason) {
    super('This error originated either by throwing inside of an async function without a catch ' +
          'block, or by rejecting a promise which was not handled with .catch(). The promise ' +
          `rejected with the reason "${noSideEffectsToString(reason)}".`);
    this.code = 'ERR_UNHANDLED_REJECTION';
    this.name = 'UnhandledPromiseRejection';
  }
}

// Build a libuv-style errno error: `uvException({ errno: -2, code: 'ENOENT',
// message: 'no such file or directory', syscall: 'open', path: '/x' })` ->
// Error "ENOENT: no such file or directory, open '/x'" with errno/code/syscall/path[/dest].
// `message` is the uv description text (callers get it from the native binding); `desc` is
// accepted as an alias.
function uvException(ctx) {
  const code = ctx.code || 'UNKNOWN';
  const uvmsg = ctx.message !== undefined ? ctx.message : (ctx.desc !== undefined ? ctx.desc : 'unknown error');
  let message = `${code}: ${ctx.message_override || uvmsg}, ${ctx.syscall}`;
  let path;
  let dest;
  if (ctx.path) {
    path = ctx.path.toString();
    message += ` '${path}'`;
  }
  if (ctx.dest) {
    dest = ctx.dest.toString();
    message += ` -> '${dest}'`;
  }
  const err = new Error(message);
  if (typeof Error.captureStackTrace === 'function') Error.captureStackTrace(err, uvException);
  for (const prop of Object.keys(ctx)) {
    if (prop === 'message' || prop === 'desc' || prop === 'path' || prop === 'dest' ||
        prop === 'message_override') {
      continue;
    }
    err[prop] = ctx[prop];
  }
  err.code = code;
  if (path) err.path = path;
  if (dest) err.dest = dest;
  // Property order like Node: errno, code, syscall, path, dest.
  const ordered = {};
  for (const k of ['errno', 'code', 'syscall', 'path', 'dest']) {
    if (Object.prototype.hasOwnProperty.call(err, k)) {
      ordered[k] = err[k];
      delete err[k];
    }
  }
  const rest = {};
  for (const k of Object.keys(err)) {
    rest[k] = err[k];
    delete err[k];
  }
  Object.assign(err, ordered, rest);
  return err;
}

// `errnoException(errno, code, syscall, message[, original])`: Error "syscall CODE" style
// (`spawn ENOENT`, `write EPIPE`) with errno, code, syscall.
function errnoException(errno, code, syscall, original) {
  const message = original ? `${syscall} ${code} ${original}` : `${syscall} ${code}`;
  const ex = new Error(message);
  ex.errno = errno;
  ex.code = code;
  ex.syscall = syscall;
  return ex;
}

// `exceptionWithHostPort(errno, code, syscall, address, port[, additional])`:
// e.g. `connect ECONNREFUSED 127.0.0.1:80`.
function exceptionWithHostPort(errno, code, syscall, address, port, additional) {
  let details = '';
  if (port && port > 0) details = ` ${address}:${port}`;
  else if (address) details = ` ${address}`;
  if (additional) details += ` - Local (${additional})`;
  const ex = new Error(`${syscall} ${code}${details}`);
  ex.errno = errno;
  ex.code = code;
  ex.syscall = syscall;
  ex.address = address;
  if (port) ex.port = port;
  return ex;
}

// Combine two errors (used by streams' destroy paths).
function aggregateTwoErrors(innerError, outerError) {
  if (innerError && outerError && innerError !== outerError) {
    if (Array.isArray(outerError.errors)) {
      outerError.errors.push(innerError);
      return outerError;
    }
    const err = new AggregateError([outerError, innerError], outerError.message);
    err.code = outerError.code;
    return err;
  }
  return innerError || outerError;
}

// ---------------------------------------------------------------------------
// Validators (Node's internal/validators, same messages).

const {
  ERR_INVALID_ARG_TYPE,
  ERR_INVALID_ARG_VALUE,
  ERR_OUT_OF_RANGE,
} = codes;

function isInt32(value) { return value === (value | 0); }
function isUint32(value) { return value === (value >>> 0); }

const validateFunction = hideStackFrames((value, name) => {
  if (typeof value !== 'function') throw new ERR_INVALID_ARG_TYPE(name, 'Function', value);
});

const validateString = hideStackFrames((value, name) => {
  if (typeof value !== 'string') throw new ERR_INVALID_ARG_TYPE(name, 'string', value);
});

const validateBoolean = hideStackFrames((value, name) => {
  if (typeof value !== 'boolean') throw new ERR_INVALID_ARG_TYPE(name, 'boolean', value);
});

const validateNumber = hideStackFrames((value, name, min = undefined, max) => {
  if (typeof value !== 'number') throw new ERR_INVALID_ARG_TYPE(name, 'number', value);
  if ((min != null && value < min) || (max != null && value > max) ||
      ((min != null || max != null) && Number.isNaN(value))) {
    throw new ERR_OUT_OF_RANGE(
      name,
      `${min != null ? `>= ${min}` : ''}${min != null && max != null ? ' && ' : ''}${max != null ? `<= ${max}` : ''}`,
      value);
  }
});

const validateInteger = hideStackFrames(
  (value, name, min = Number.MIN_SAFE_INTEGER, max = Number.MAX_SAFE_INTEGER) => {
    if (typeof value !== 'number') throw new ERR_INVALID_ARG_TYPE(name, 'number', value);
    if (!Number.isInteger(value)) throw new ERR_OUT_OF_RANGE(name, 'an integer', value);
    if (value < min || value > max) throw new ERR_OUT_OF_RANGE(name, `>= ${min} && <= ${max}`, value);
  });

const validateInt32 = hideStackFrames((value, name, min = -2147483648, max = 2147483647) => {
  if (typeof value !== 'number') throw new ERR_INVALID_ARG_TYPE(name, 'number', value);
  if (!Number.isInteger(value)) throw new ERR_OUT_OF_RANGE(name, 'an integer', value);
  if (value < min || value > max) throw new ERR_OUT_OF_RANGE(name, `>= ${min} && <= ${max}`, value);
});

const validateUint32 = hideStackFrames((value, name, positive = false) => {
  if (typeof value !== 'number') throw new ERR_INVALID_ARG_TYPE(name, 'number', value);
  if (!Number.isInteger(value)) throw new ERR_OUT_OF_RANGE(name, 'an integer', value);
  const min = positive ? 1 : 0;
  const max = 4294967295;
  if (value < min || value > max) throw new ERR_OUT_OF_RANGE(name, `>= ${min} && <= ${max}`, value);
});

const kValidateObjectNone = 0;
const kValidateObjectAllowNullable = 1 << 0;
const kValidateObjectAllowArray = 1 << 1;
const kValidateObjectAllowFunction = 1 << 2;
const kValidateObjectAllowObjects = kValidateObjectAllowArray | kValidateObjectAllowFunction;
const kValidateObjectAllowObjectsAndNull = kValidateObjectAllowNullable | kValidateObjectAllowObjects;

// validateObject(value, name[, options]) - options is either a bit set of the
// kValidateObject* flags or an object { nullable, allowArray, allowFunction }.
const validateObject = hideStackFrames((value, name, options = kValidateObjectNone) => {
  let nullable;
  let allowArray;
  let allowFunction;
  if (typeof options === 'number') {
    nullable = (options & kValidateObjectAllowNullable) !== 0;
    allowArray = (options & kValidateObjectAllowArray) !== 0;
    allowFunction = (options & kValidateObjectAllowFunction) !== 0;
  } else {
    nullable = !!(options && options.nullable);
    allowArray = !!(options && options.allowArray);
    allowFunction = !!(options && options.allowFunction);
  }
  if ((!nullable && value === null) ||
      (!allowArray && Array.isArray(value)) ||
      (typeof value !== 'object' && (!allowFunction || typeof value !== 'function'))) {
    throw new ERR_INVALID_ARG_TYPE(name, 'Object', value);
  }
});

const validateDictionary = hideStackFrames((value, name) => {
  if (value != null && typeof value !== 'object' && typeof value !== 'function') {
    throw new ERR_INVALID_ARG_TYPE(name, 'a dictionary', value);
  }
});

const validateArray = hideStackFrames((value, name, minLength = 0) => {
  if (!Array.isArray(value)) throw new ERR_INVALID_ARG_TYPE(name, 'Array', value);
  if (value.length < minLength) {
    throw new ERR_INVALID_ARG_VALUE(name, value, `must be longer than ${minLength}`);
  }
});

function validateStringArray(value, name) {
  validateArray(value, name);
  for (let i = 0; i < value.length; i++) validateString(value[i], `${name}[${i}]`);
}

function validateBooleanArray(value, name) {
  validateArray(value, name);
  for (let i = 0; i < value.length; i++) validateBoolean(value[i], `${name}[${i}]`);
}

const validateOneOf = hideStackFrames((value, name, oneOf) => {
  if (!oneOf.includes(value)) {
    const allowed = oneOf.map((v) => (typeof v === 'string' ? `'${v}'` : String(v))).join(', ');
    const reason = 'must be one of: ' + allowed;
    throw new ERR_INVALID_ARG_VALUE(name, value, reason);
  }
});

const validateAbortSignal = hideStackFrames((signal, name) => {
  if (signal !== undefined &&
      (signal === null || typeof signal !== 'object' || !('aborted' in signal))) {
    throw new ERR_INVALID_ARG_TYPE(name, 'AbortSignal', signal);
  }
});

const validatePlainFunction = hideStackFrames((value, name) => {
  if (typeof value !== 'function' || value.constructor.name === 'AsyncFunction') {
    throw new ERR_INVALID_ARG_TYPE(name, 'Function', value);
  }
});

const validateUndefined = hideStackFrames((value, name) => {
  if (value !== undefined) throw new ERR_INVALID_ARG_TYPE(name, 'undefined', value);
});

function validateUnion(value, name, union) {
  if (!union.includes(value)) {
    throw new ERR_INVALID_ARG_TYPE(name, `('${union.join('|')}')`, value);
  }
}

function validatePort(port, name = 'Port', allowZero = true) {
  if ((typeof port !== 'number' && typeof port !== 'string') ||
      (typeof port === 'string' && port.trim().length === 0) ||
      +port !== (+port >>> 0) ||
      port > 0xFFFF ||
      (port === 0 && !allowZero)) {
    throw new codes.ERR_SOCKET_BAD_PORT(name, port, allowZero);
  }
  return port | 0;
}

function validateEncoding(data, encoding) {
  const normalizedEncoding = String(encoding).toLowerCase();
  const length = data.length;
  if (normalizedEncoding === 'hex' && length % 2 !== 0) {
    throw new ERR_INVALID_ARG_VALUE('encoding', encoding, `is invalid for data of length ${length}`);
  }
}

module.exports = {
  AbortError,
  UnhandledPromiseRejection,
  aggregateTwoErrors,
  addNumericalSeparator,
  codes,
  determineSpecificType,
  E,
  errnoException,
  exceptionWithHostPort,
  formatList,
  getMessage,
  hideStackFrames,
  isInt32,
  isUint32,
  kEnhanceStackBeforeInspector,
  kIsNodeError,
  kValidateObjectNone,
  kValidateObjectAllowNullable,
  kValidateObjectAllowArray,
  kValidateObjectAllowFunction,
  kValidateObjectAllowObjects,
  kValidateObjectAllowObjectsAndNull,
  noSideEffectsToString,
  uvException,
  UVException: uvException,
  validateAbortSignal,
  validateArray,
  validateBoolean,
  validateBooleanArray,
  validateDictionary,
  validateEncoding,
  validateFunction,
  validateInt32,
  validateInteger,
  validateNumber,
  validateObject,
  validateOneOf,
  validatePlainFunction,
  validatePort,
  validateString,
  validateStringArray,
  validateUint32,
  validateUndefined,
  validateUnion,
};
