'use strict';
// internal/net: address checks shared by net, dns and http (isIP and friends), and the error
// builders for socket system calls (errno numbers come from binding.net as negative values).

const { getSystemErrorName, getSystemErrorMap } = require('util');
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
  return errno < 0 ? getSystemErrorName(errno) : 'UNKNOWN';
}

function errDescription(errno) {
  const entry = getSystemErrorMap().get(errno);
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

module.exports = {
  isIP,
  isIPv4,
  isIPv6,
  isLegalPort,
  errName,
  errnoException,
  exceptionWithHostPort,
  uvExceptionWithHostPort,
};
