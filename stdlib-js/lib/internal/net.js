'use strict';
// internal/net: address checks shared by net, dns and http (isIP and friends), and the error
// builders for socket system calls (errno numbers come from binding.net as negative values).

// util (for the errno names) loads with the first error, not with net.
const lazyUtil = () => require('util');
const errors = require('internal/errors');

const v4Seg = '(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9][0-9]|[0-9])';
const v4Str = `(?:${v4Seg}\\.){3}${v4Seg}`;
const IPv4Reg = new RegExp(`^${v4Str}$`);
const v6Seg = '(?:[0-9a-fA-F]{1,4})';
const IPv6Reg = new RegExp('^(?:' +
  `(?:${v6Seg}:){7}(?:${v6Seg}|:)|` +
  `(?:${v6Seg}:){6}(?:${v4Str}|:${v6Seg}|:)|` +
  `(?:${v6Seg}:){5}(?::${v4Str}|(?::${v6Seg}){1,2}|:)|` +
  `(?:${v6Seg}:){4}(?:(?::${v6Seg}){0,1}:${v4Str}|(?::${v6Seg}){1,3}|:)|` +
  `(?:${v6Seg}:){3}(?:(?::${v6Seg}){0,2}:${v4Str}|(?::${v6Seg}){1,4}|:)|` +
  `(?:${v6Seg}:){2}(?:(?::${v6Seg}){0,3}:${v4Str}|(?::${v6Seg}){1,5}|:)|` +
  `(?:${v6Seg}:){1}(?:(?::${v6Seg}){0,4}:${v4Str}|(?::${v6Seg}){1,6}|:)|` +
  `(?::(?:(?::${v6Seg}){0,5}:${v4Str}|(?::${v6Seg}){1,7}|:))` +
')(?:%[0-9a-zA-Z-.:]{1,})?$');

function isIPv4(s) {
  return IPv4Reg.test(`${s}`);
}

function isIPv6(s) {
  return IPv6Reg.test(`${s}`);
}

function isIP(s) {
  if (isIPv4(s)) return 4;
  if (isIPv6(s)) return 6;
  return 0;
}

// A port as Node accepts it: a number or a numeric string in 0..65535.
function isLegalPort(port) {
  if ((typeof port !== 'number' && typeof port !== 'string') ||
      (typeof port === 'string' && port.trim().length === 0)) {
    return false;
  }
  return +port === (+port >>> 0) && port <= 0xFFFF;
}

function errName(errno) {
  return errno < 0 ? lazyUtil().getSystemErrorName(errno) : 'UNKNOWN';
}

function errDescription(errno) {
  const entry = lazyUtil().getSystemErrorMap().get(errno);
  return entry ? entry[1] : 'unknown error';
}

// `write EPIPE`
function errnoException(errno, syscall, original) {
  const err = errors.errnoException(errno, errName(errno), syscall, original);
  Error.captureStackTrace(err, errnoException);
  return err;
}

// `connect ECONNREFUSED 127.0.0.1:80`
function exceptionWithHostPort(errno, syscall, address, port, additional) {
  const err = errors.exceptionWithHostPort(errno, errName(errno), syscall, address, port, additional);
  Error.captureStackTrace(err, exceptionWithHostPort);
  return err;
}

// `listen EADDRINUSE: address already in use :::3000`
function uvExceptionWithHostPort(errno, syscall, address, port) {
  const code = errName(errno);
  let details = '';
  if (port && port > 0) details = ` ${address}:${port}`;
  else if (address) details = ` ${address}`;
  const err = new Error(`${syscall} ${code}: ${errDescription(errno)}${details}`);
  err.errno = errno;
  err.code = code;
  err.syscall = syscall;
  err.address = address;
  if (port) err.port = port;
  Error.captureStackTrace(err, uvExceptionWithHostPort);
  return err;
}

// connect()/listen() arguments: (options[, cb]), (path[, cb]), (port[, host][, cb]) ->
// [options, cb | null]. A leading function is the callback alone.
const normalizedArgsSymbol = Symbol('normalizedArgs');
// A socket's bytesRead count (net.js; the HTTP server's read fast path adds to it too).
const kBytesRead = Symbol('kBytesRead');

function normalizeArgs(args) {
  if (args.length === 0) return [{}, null];
  const arg0 = args[0];
  let options = {};
  if (typeof arg0 === 'object' && arg0 !== null) {
    options = arg0;
  } else if (typeof arg0 === 'string' && !(Number(arg0) >= 0)) {
    options.path = arg0;
  } else if (typeof arg0 !== 'function') {
    options.port = arg0;
    if (args.length > 1 && typeof args[1] === 'string') options.host = args[1];
  }
  const cb = args[args.length - 1];
  return [options, typeof cb === 'function' ? cb : null];
}

// A destroyed socket made usable again by connect(): both sides' state back to fresh.
function undestroy(stream) {
  const r = stream._readableState;
  const w = stream._writableState;
  for (const s of [r, w]) {
    if (!s) continue;
    s.constructed = true;
    s.destroyed = false;
    s.closed = false;
    s.closeEmitted = false;
    s.errored = null;
    s.errorEmitted = false;
  }
  if (r) {
    r.ended = r.readable === false;
    r.endEmitted = r.readable === false;
    r.reading = false;
    r.flowing = r.flowing === true ? true : r.flowing;
  }
  if (w) {
    w.ended = w.writable === false;
    w.ending = w.writable === false;
    w.finished = w.writable === false;
    w.finalCalled = false;
    w.prefinished = false;
    w.writing = false;
    w.pendingcb = 0;
    w.length = 0;
    w.buffered = [];
    w.onFinished = [];
  }
}

module.exports = {
  kBytesRead,
  normalizeArgs,
  normalizedArgsSymbol,
  undestroy,
  isIP,
  isIPv4,
  isIPv6,
  isLegalPort,
  errName,
  errnoException,
  exceptionWithHostPort,
  uvExceptionWithHostPort,
};
