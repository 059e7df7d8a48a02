'use strict';
// internal/net_connect: how net.Socket#connect reaches a host: validation of the TCP options,
// the lookup (dns.lookup or options.lookup), and with autoSelectFamily the attempts over every
// address found. Connect results come back through the socket's handle events: net.js hands a
// status to `socket[kAttempt]` while an attempt of several is running, else to afterConnect.

const { isIP, exceptionWithHostPort } = require('internal/net');
const { startPerf, stopPerf } = require('internal/perf/utils');
const {
  codes: { ERR_INVALID_ARG_TYPE, ERR_INVALID_IP_ADDRESS, ERR_INVALID_ADDRESS_FAMILY },
  validateFunction, validateInt32, validateNumber, validatePort, validateBoolean,
} = require('internal/errors');

const kAttempt = Symbol('kAttempt');
// net.{get,set}DefaultAutoSelectFamily{,AttemptTimeout}
const defaults = { autoSelectFamily: true, attemptTimeout: 250 };

function familyOf(family) {
  if (family === 'IPv4') return 4;
  if (family === 'IPv6') return 6;
  return family;
}

function lookupAndConnect(self, options, afterConnect) {
  const { localAddress, localPort } = options;
  const host = options.host || 'localhost';
  let { port, autoSelectFamily, autoSelectFamilyAttemptTimeout } = options;
  if (localAddress && !isIP(localAddress)) throw new ERR_INVALID_IP_ADDRESS(localAddress);
  if (localPort) validateNumber(localPort, 'options.localPort');
  if (typeof port !== 'undefined') {
    if (typeof port !== 'number' && typeof port !== 'string') {
      throw new ERR_INVALID_ARG_TYPE('options.port', ['number', 'string'], port);
    }
    validatePort(port);
  }
  port |= 0;
  if (autoSelectFamily != null) validateBoolean(autoSelectFamily, 'options.autoSelectFamily');
  else autoSelectFamily = defaults.autoSelectFamily;
  if (autoSelectFamilyAttemptTimeout != null) {
    validateInt32(autoSelectFamilyAttemptTimeout, 'options.autoSelectFamilyAttemptTimeout', 1);
    if (autoSelectFamilyAttemptTimeout < 10) autoSelectFamilyAttemptTimeout = 10;
  } else {
    autoSelectFamilyAttemptTimeout = defaults.attemptTimeout;
  }
  const local = [localAddress, localPort];

  if (isIP(host)) {
    process.nextTick(() => {
      if (self.connecting) internalConnect(self, host, port, local);
    });
    return;
  }
  if (options.lookup != null) validateFunction(options.lookup, 'options.lookup');
  const dns = require('dns');
  const lookup = options.lookup || dns.lookup;
  const dnsopts = { family: familyOf(options.family), hints: options.hints || 0 };
  if (dnsopts.family !== 4 && dnsopts.family !== 6 && dnsopts.hints === 0) {
    dnsopts.hints = dns.ADDRCONFIG;
  }
  self._host = host;
  const fail = (err, ip, family) => {
    self.emit('lookup', err, ip, family, host);
    process.nextTick(() => self.destroy(err));
  };
  const check = (ip, family) => {
    if (!isIP(ip)) return new ERR_INVALID_IP_ADDRESS(ip);
    if (family !== 4 && family !== 6) return new ERR_INVALID_ADDRESS_FAMILY(family, options.host, options.port);
    return null;
  };
  if (!autoSelectFamily) {
    lookup(host, dnsopts, (err, ip, family) => {
      if (!self.connecting) return;
      if (!err) err = check(ip, family);
      if (err) return fail(err, ip, family);
      self.emit('lookup', null, ip, family, host);
      internalConnect(self, ip, port, local);
    });
    return;
  }
  dnsopts.all = true;
  lookup(host, dnsopts, (err, addresses) => {
    if (!self.connecting) return;
    if (err) return fail(err, undefined, undefined);
    // As Node: every address found is announced, then the unusable ones are left out.
    for (const a of addresses) self.emit('lookup', null, a.address, a.family, host);
    const valid = addresses.filter((a) => check(a.address, a.family) === null);
    if (valid.length === 0) {
      const first = addresses[0] || {};
      const ex = check(first.address, first.family);
      process.nextTick(() => self.destroy(ex));
      return;
    }
    if (valid.length === 1) {
      internalConnect(self, valid[0].address, port, local);
      return;
    }
    // Alternate the families, starting with the first one the resolver gave.
    const byFamily = [valid.filter((a) => a.family === valid[0].family),
      valid.filter((a) => a.family !== valid[0].family)];
    const order = [];
    for (let i = 0; i < valid.length; i++) {
      for (const list of byFamily) if (i < list.length) order.push(list[i]);
    }
    self.autoSelectFamilyAttemptedAddresses = [];
    connectMultiple(self, order, port, local, autoSelectFamilyAttemptTimeout, [], afterConnect);
  });
}

const kPerfStart = Symbol('kPerfStart');

function internalConnect(self, address, port, local) {
  const [localAddress, localPort] = local;
  self._connectAddress = [address, port, localAddress, localPort];
  // A 'net' performance entry times each TCP connection attempt, as in Node.
  self[kPerfStart] = startPerf('net');
  self.emit('connectionAttempt', address, port, isIP(address));
  const err = self._handle.connect(address, port, localAddress, localPort || 0);
  if (err < 0) {
    self.destroy(exceptionWithHostPort(err, 'connect', address, port,
      localAddress ? `${localAddress}:${localPort || 0}` : undefined));
  }
}

// autoSelectFamily: one address at a time, moving on when an attempt fails or outlasts its
// timeout (all but the last); the errors of every attempt end up in one AggregateError.
function connectMultiple(self, list, port, local, timeout, errors, afterConnect) {
  const { address, family } = list[0];
  const last = list.length === 1;
  let timer = null;
  const next = () => {
    self[kAttempt] = null;
    if (timer !== null) clearTimeout(timer);
    connectMultiple(self, list.slice(1), port, local, timeout, errors, afterConnect);
  };
  self[kAttempt] = (status) => {
    if (timer !== null) clearTimeout(timer);
    if (status >= 0 || last) {
      self[kAttempt] = null;
      if (status < 0 && errors.length > 0) {
        const ex = exceptionWithHostPort(status, 'connect', address, port);
        errors.push(ex);
        self.emit('connectionAttemptFailed', address, port, family, ex);
        const agg = new AggregateError(errors, '');
        agg.code = errors[0].code;
        self.connecting = false;
        self.destroy(agg);
        return;
      }
      afterConnect(self, status);
      return;
    }
    const ex = exceptionWithHostPort(status, 'connect', address, port);
    errors.push(ex);
    self.emit('connectionAttemptFailed', address, port, family, ex);
    next();
  };
  self.autoSelectFamilyAttemptedAddresses.push(`${address}:${port}`);
  internalConnect(self, address, port, local);
  if (!last && !self.destroyed) {
    timer = setTimeout(() => {
      self.emit('connectionAttemptTimeout', address, port, family);
      next();
    }, timeout);
  }
}

/** Reports a successful TCP connection to 'net' observers (the attempt began in internalConnect). */
function connected(self) {
  const start = self[kPerfStart];
  if (start === undefined) return;
  self[kPerfStart] = undefined;
  const [host, port] = self._connectAddress;
  stopPerf('net', 'connect', start, { host, port });
}

module.exports = { lookupAndConnect, kAttempt, defaults, connected };
