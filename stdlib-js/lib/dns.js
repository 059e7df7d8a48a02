'use strict';
// node:dns - lookup and lookupService through the system resolver (getaddrinfo/getnameinfo),
// run on the worker pool by binding.dns as libuv runs them; the DNS-protocol half (resolve*,
// Resolver, reverse, getServers/setServers) is internal/dns/resolver.

const native = binding.dns;
const { isIP } = require('internal/net');
const { getSystemErrorMap } = require('util');
const { startPerf, stopPerf } = require('internal/perf/utils');
const {
  codes: { ERR_INVALID_ARG_TYPE, ERR_INVALID_ARG_VALUE, ERR_MISSING_ARGS },
  validateFunction, validateString, validateOneOf, validateBoolean,
} = require('internal/errors');

// The getaddrinfo() flags are passed to the system as they are, so they take its values.
const darwin = process.platform === 'darwin';
const ADDRCONFIG = darwin ? 0x400 : 0x20; // AI_ADDRCONFIG
const V4MAPPED = darwin ? 0x800 : 0x8; // AI_V4MAPPED
const ALL = darwin ? 0x100 : 0x10; // AI_ALL

let defaultResultOrder = 'verbatim';

// Node's uv numbers for the getaddrinfo codes (errno of the error object).
function codeToErrno(code) {
  const name = code === 'ENOTFOUND' ? 'EAI_NONAME' : code;
  for (const [errno, [n]] of getSystemErrorMap()) {
    if (n === name) return errno;
  }
  return undefined;
}

function dnsException(code, syscall, hostname) {
  const err = new Error(`${syscall} ${code}${hostname ? ` ${hostname}` : ''}`);
  err.errno = codeToErrno(code);
  err.code = code;
  err.syscall = syscall;
  if (hostname) err.hostname = hostname;
  return err;
}

function parseFamily(family) {
  if (family === 'IPv4') return 4;
  if (family === 'IPv6') return 6;
  if (family !== 0 && family !== 4 && family !== 6 && family !== undefined) {
    throw new ERR_INVALID_ARG_VALUE('options.family', family, 'must be one of: 0, 4, 6');
  }
  return family || 0;
}

class GetAddrInfoReqWrap {}

function lookup(hostname, options, callback) {
  let hints = 0;
  let family = 0;
  let all = false;
  let order = defaultResultOrder;

  // Falsy names (null, '', 0, NaN) look nothing up, as in Node.
  if (hostname) validateString(hostname, 'hostname');
  if (typeof options === 'function') {
    callback = options;
    options = undefined;
  }
  validateFunction(callback, 'callback');
  if (typeof options === 'number') {
    family = parseFamily(options);
  } else if (options !== undefined && options !== null) {
    if (typeof options !== 'object') {
      throw new ERR_INVALID_ARG_TYPE('options', ['integer', 'object'], options);
    }
    if (options.hints != null) {
      if (typeof options.hints !== 'number' || (options.hints & ~(ADDRCONFIG | ALL | V4MAPPED)) !== 0) {
        throw new ERR_INVALID_ARG_VALUE('hints', options.hints);
      }
      hints = options.hints >>> 0;
    }
    if (options.family != null) family = parseFamily(options.family);
    if (options.all != null) {
      validateBoolean(options.all, 'options.all');
      all = options.all;
    }
    if (options.verbatim != null) {
      validateBoolean(options.verbatim, 'options.verbatim');
      order = options.verbatim ? 'verbatim' : 'ipv4first';
    }
    if (options.order != null) {
      validateOneOf(options.order, 'options.order', ['ipv4first', 'ipv6first', 'verbatim']);
      order = options.order;
    }
  }

  if (!hostname) {
    process.nextTick(() => {
      if (all) callback(null, []);
      else callback(null, null, family === 6 ? 6 : 4);
    });
    return {};
  }
  const literal = isIP(hostname);
  if (literal) {
    process.nextTick(() => {
      if (all) callback(null, [{ address: hostname, family: literal }]);
      else callback(null, hostname, literal);
    });
    return {};
  }
  const req = new GetAddrInfoReqWrap();
  const start = startPerf('dns');
  native.lookup(hostname, family, hints, (code, flat) => {
    if (code) {
      callback(dnsException(code, 'getaddrinfo', hostname));
      return;
    }
    let list = [];
    for (let i = 0; i < flat.length; i += 2) list.push({ address: flat[i], family: flat[i + 1] });
    if (order === 'ipv4first') list = [...list.filter((a) => a.family === 4), ...list.filter((a) => a.family !== 4)];
    else if (order === 'ipv6first') list = [...list.filter((a) => a.family === 6), ...list.filter((a) => a.family !== 6)];
    if (all) callback(null, list);
    else callback(null, list[0].address, list[0].family);
    if (start !== undefined) {
      stopPerf('dns', 'lookup', start, {
        hostname, family, hints, verbatim: order === 'verbatim', order,
        addresses: all ? list : list.map((a) => a.address),
      });
    }
  });
  return req;
}

Object.defineProperty(lookup, require('util').promisify.custom, {
  enumerable: false,
  configurable: true,
  get() { return require('dns/promises').lookup; },
});

function lookupService(address, port, callback) {
  if (arguments.length !== 3) throw new ERR_MISSING_ARGS('address', 'port', 'callback');
  validateString(address, 'address');
  if (isIP(address) === 0) throw new ERR_INVALID_ARG_VALUE('address', address);
  require('internal/errors').validatePort(port);
  validateFunction(callback, 'callback');
  const start = startPerf('dns');
  native.lookupService(address, +port, (code, host, service) => {
    if (code) {
      const err = dnsException(code, 'getnameinfo', address);
      callback(err);
      return;
    }
    callback(null, host, service);
    stopPerf('dns', 'lookupService', start, { host: address, port: +port, hostname: host, service });
  });
  return {};
}

function setDefaultResultOrder(order) {
  validateOneOf(order, 'dnsOrder', ['verbatim', 'ipv4first', 'ipv6first']);
  defaultResultOrder = order;
}

function getDefaultResultOrder() {
  return defaultResultOrder;
}

const codes = {
  NODATA: 'ENODATA', FORMERR: 'EFORMERR', SERVFAIL: 'ESERVFAIL', NOTFOUND: 'ENOTFOUND',
  NOTIMP: 'ENOTIMP', REFUSED: 'EREFUSED', BADQUERY: 'EBADQUERY', BADNAME: 'EBADNAME',
  BADFAMILY: 'EBADFAMILY', BADRESP: 'EBADRESP', CONNREFUSED: 'ECONNREFUSED', TIMEOUT: 'ETIMEOUT',
  EOF: 'EOF', FILE: 'EFILE', NOMEM: 'ENOMEM', DESTRUCTION: 'EDESTRUCTION', BADSTR: 'EBADSTR',
  BADFLAGS: 'EBADFLAGS', NONAME: 'ENONAME', BADHINTS: 'EBADHINTS', NOTINITIALIZED: 'ENOTINITIALIZED',
  LOADIPHLPAPI: 'ELOADIPHLPAPI', ADDRGETNETWORKPARAMS: 'EADDRGETNETWORKPARAMS', CANCELLED: 'ECANCELLED',
};

const resolver = require('internal/dns/resolver');

module.exports = {
  lookup,
  lookupService,
  Resolver: resolver.Resolver,
  ...resolver.bindDefaults(resolver.getDefaultResolver),
  setDefaultResultOrder,
  getDefaultResultOrder,
  ADDRCONFIG,
  V4MAPPED,
  ALL,
  ...codes,
  get promises() { return require('dns/promises'); },
};
