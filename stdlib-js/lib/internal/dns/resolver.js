'use strict';
// internal/dns/resolver: dns.Resolver and the resolve* family, over binding.dns.query (DNS
// messages over UDP/TCP on the worker pool; records arrive in resolveAny's shape and are
// narrowed here). The servers start as /etc/resolv.conf's (127.0.0.1 when it names none).

const native = binding.dns;
const { isIP, isIPv4, isIPv6 } = require('internal/net');
const {
  codes: { ERR_INVALID_ARG_VALUE, ERR_INVALID_IP_ADDRESS, ERR_DNS_SET_SERVERS_FAILED },
  validateArray, validateFunction, validateInt32, validateString, validateObject,
} = require('internal/errors');

const kServers = Symbol('servers');
const kOptions = Symbol('options');
const kPending = Symbol('pending');
const kLocal = Symbol('localAddress');

function dnsException(code, syscall, hostname) {
  const err = new Error(`${syscall} ${code}${hostname ? ` ${hostname}` : ''}`);
  err.errno = undefined;
  err.code = code;
  err.syscall = syscall;
  if (hostname) err.hostname = hostname;
  return err;
}

// "ip" / "ip:port" / "[ip6]" / "[ip6]:port" → [ip, port]
function parseServer(serv) {
  validateString(serv, 'servers[i]');
  let ip = serv;
  let port = 53;
  const bracket = /^\[([^\]]+)\](?::(\d+))?$/.exec(serv);
  if (bracket) {
    ip = bracket[1];
    if (bracket[2] !== undefined) port = +bracket[2];
    if (!isIPv6(ip)) throw new ERR_INVALID_IP_ADDRESS(ip);
    return [ip, port];
  }
  if (isIP(serv)) return [serv, port];
  const v4 = /^(\d+\.\d+\.\d+\.\d+):(\d+)$/.exec(serv);
  if (v4 && isIPv4(v4[1])) return [v4[1], +v4[2]];
  throw new ERR_INVALID_IP_ADDRESS(serv);
}

function formatServer([ip, port]) {
  if (port === 53) return ip;
  return isIPv6(ip) ? `[${ip}]:${port}` : `${ip}:${port}`;
}

function systemServers() {
  const list = native.systemServers();
  return list.length ? list.map((ip) => [ip, 53]) : [['127.0.0.1', 53]];
}

let defaultServers;

class Resolver {
  constructor(options = undefined) {
    let timeout = -1;
    let tries = 4;
    if (options !== undefined) {
      validateObject(options, 'options');
      if (options.timeout !== undefined) {
        validateInt32(options.timeout, 'options.timeout', -1);
        timeout = options.timeout;
      }
      if (options.tries !== undefined) {
        validateInt32(options.tries, 'options.tries', 1);
        tries = options.tries;
      }
    }
    defaultServers ??= systemServers();
    this[kServers] = defaultServers.slice();
    this[kOptions] = { timeout, tries };
    this[kPending] = new Set();
    this[kLocal] = null;
  }

  cancel() {
    for (const req of this[kPending]) req.cancel();
  }

  getServers() {
    return this[kServers].map(formatServer);
  }

  setServers(servers) {
    validateArray(servers, 'servers');
    const parsed = servers.map((s, i) => {
      validateString(s, `servers[${i}]`);
      return parseServer(s);
    });
    if (this[kPending].size > 0 && parsed.length === 0) {
      throw new ERR_DNS_SET_SERVERS_FAILED('There are pending queries.', servers.join(','));
    }
    this[kServers] = parsed;
  }

  setLocalAddress(ipv4 = '0.0.0.0', ipv6 = '::0') {
    validateString(ipv4, 'ipv4');
    validateString(ipv6, 'ipv6');
    if (!isIPv4(ipv4)) throw new ERR_INVALID_ARG_VALUE('ipv4', ipv4, 'must be a valid IPv4 address');
    if (!isIPv6(ipv6)) throw new ERR_INVALID_ARG_VALUE('ipv6', ipv6, 'must be a valid IPv6 address');
    this[kLocal] = [ipv4, ipv6];
  }

  // Start a query; `done(err, records)` with records in resolveAny's shape.
  _query(name, type, syscall, done) {
    const pending = this[kPending];
    let finished = false;
    const req = {
      cancel() {
        if (finished) return;
        finished = true;
        pending.delete(req);
        process.nextTick(done, dnsException('ECANCELLED', syscall, name));
      },
    };
    pending.add(req);
    const { timeout, tries } = this[kOptions];
    const servers = this[kServers].map(([ip, port]) => (isIPv6(ip) ? `[${ip}]:${port}` : `${ip}:${port}`));
    const [localV4, localV6] = this[kLocal] || [];
    native.query(servers, name, type, timeout, tries, (code, records) => {
      if (finished) return;
      finished = true;
      pending.delete(req);
      if (code) done(dnsException(code, syscall, name));
      else done(null, records);
    }, localV4, localV6);
    return req;
  }
}

// method name → [record type, syscall, shape(records, options)]
const pick = (key) => (records) => records.map((r) => r[key]);
const strip = (...keys) => (records) => records.map((r) => {
  const out = {};
  for (const k of keys) out[k] = r[k];
  return out;
});
const methods = {
  resolveAny: ['ANY', 'queryAny', (records) => records],
  resolve4: ['A', 'queryA', (records, ttl) => (ttl ? strip('address', 'ttl')(records) : pick('address')(records))],
  resolve6: ['AAAA', 'queryAaaa', (records, ttl) => (ttl ? strip('address', 'ttl')(records) : pick('address')(records))],
  resolveCaa: ['CAA', 'queryCaa', (records) => records.map(({ type, ...rest }) => rest)],
  resolveCname: ['CNAME', 'queryCname', pick('value')],
  resolveMx: ['MX', 'queryMx', strip('exchange', 'priority')],
  resolveNs: ['NS', 'queryNs', pick('value')],
  resolveTxt: ['TXT', 'queryTxt', pick('entries')],
  resolveSrv: ['SRV', 'querySrv', strip('name', 'port', 'priority', 'weight')],
  resolvePtr: ['PTR', 'queryPtr', pick('value')],
  resolveNaptr: ['NAPTR', 'queryNaptr', strip('flags', 'service', 'regexp', 'replacement', 'order', 'preference')],
  resolveSoa: ['SOA', 'querySoa', (records) => strip('nsname', 'hostmaster', 'serial', 'refresh', 'retry', 'expire', 'minttl')(records)[0]],
};

const rrtypes = {
  A: 'resolve4', AAAA: 'resolve6', ANY: 'resolveAny', CAA: 'resolveCaa', CNAME: 'resolveCname',
  MX: 'resolveMx', NAPTR: 'resolveNaptr', NS: 'resolveNs', PTR: 'resolvePtr', SOA: 'resolveSoa',
  SRV: 'resolveSrv', TXT: 'resolveTxt',
};

for (const [method, [type, syscall, shape]] of Object.entries(methods)) {
  Resolver.prototype[method] = {
    [method](name, options, callback) {
      validateString(name, 'name');
      if (typeof options === 'function') {
        callback = options;
        options = {};
      }
      validateFunction(callback, 'callback');
      const ttl = !!(options && options.ttl);
      return this._query(name, type, syscall, (err, records) => {
        if (err) callback(err);
        else callback(null, shape(records, ttl));
      });
    },
  }[method];
}

Resolver.prototype.resolve = function resolve(hostname, rrtype, callback) {
  let method;
  if (typeof rrtype === 'string') {
    method = rrtypes[rrtype];
    if (method === undefined) throw new ERR_INVALID_ARG_VALUE('rrtype', rrtype);
  } else if (typeof rrtype === 'function') {
    method = 'resolve4';
    callback = rrtype;
  } else {
    validateString(rrtype, 'rrtype');
  }
  return this[method](hostname, callback);
};

// The name a PTR query asks for: 4.3.2.1.in-addr.arpa, or the nibbles of an IPv6 address.
function reverseName(ip) {
  if (isIPv4(ip)) return ip.split('.').reverse().join('.') + '.in-addr.arpa';
  const halves = ip.split('::');
  const head = halves[0] ? halves[0].split(':') : [];
  const tail = halves.length > 1 && halves[1] ? halves[1].split(':') : [];
  const groups = [...head, ...Array(8 - head.length - tail.length).fill('0'), ...tail];
  const nibbles = groups.map((g) => g.padStart(4, '0')).join('');
  return nibbles.split('').reverse().join('.') + '.ip6.arpa';
}

// The names /etc/hosts gives `ip` (every line's, in order).
function hostsNames(ip) {
  let text = '';
  try {
    text = require('fs').readFileSync('/etc/hosts', 'latin1');
  } catch {
    return [];
  }
  const names = [];
  for (const line of text.split('\n')) {
    const words = line.replace(/#.*/, '').trim().split(/\s+/);
    if (words.length > 1 && words[0] === ip) names.push(...words.slice(1));
  }
  return names;
}

Resolver.prototype.reverse = function reverse(ip, callback) {
  validateString(ip, 'ip');
  validateFunction(callback, 'callback');
  if (!isIP(ip)) {
    const err = new Error(`getHostByAddr EINVAL ${ip}`);
    err.code = 'EINVAL';
    throw err;
  }
  // As c-ares does, the hosts file answers before the name servers are asked.
  const names = hostsNames(ip);
  if (names.length) {
    process.nextTick(callback, null, names);
    return {};
  }
  return this._query(reverseName(ip), 'PTR', 'getHostByAddr', (err, records) => {
    if (err) {
      err.message = err.message.replace(reverseName(ip), ip);
      err.hostname = ip;
      callback(err);
    } else {
      callback(null, records.map((r) => r.value));
    }
  });
};

// ===== promises =====

class PromisesResolver {
  constructor(options) {
    this._inner = new Resolver(options);
  }

  cancel() { this._inner.cancel(); }

  getServers() { return this._inner.getServers(); }

  setServers(servers) { this._inner.setServers(servers); }

  setLocalAddress(ipv4, ipv6) { this._inner.setLocalAddress(ipv4, ipv6); }
}

for (const method of [...Object.keys(methods), 'resolve', 'reverse']) {
  PromisesResolver.prototype[method] = {
    [method](...args) {
      // Bad arguments throw here and now, as in Node; only the query's outcome is async.
      let settle;
      const promise = new Promise((resolve, reject) => {
        settle = (err, result) => (err ? reject(err) : resolve(result));
      });
      this._inner[method](...args, settle);
      return promise;
    },
  }[method];
}

let defaultResolver;
function getDefaultResolver() {
  defaultResolver ??= new Resolver();
  return defaultResolver;
}

let defaultPromisesResolver;
function getDefaultPromisesResolver() {
  defaultPromisesResolver ??= new PromisesResolver();
  // The promise API shares the callback API's servers, as in Node.
  defaultPromisesResolver._inner = getDefaultResolver();
  return defaultPromisesResolver;
}

// The resolve* and reverse/getServers/setServers functions, bound to a default resolver.
function bindDefaults(getResolver) {
  const out = {};
  for (const method of [...Object.keys(methods), 'resolve', 'reverse', 'getServers', 'setServers']) {
    out[method] = { [method](...args) { return getResolver()[method](...args); } }[method];
  }
  return out;
}

module.exports = {
  Resolver,
  PromisesResolver,
  getDefaultResolver,
  getDefaultPromisesResolver,
  bindDefaults,
};
