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

const { startPerf, stopPerf } = require('internal/perf/utils');

function dnsException(code, syscall, hostname) {
  const err = new Error(`${syscall} ${code}${hostname ? ` ${hostname}` : ''}`);
  err.errno = undefined;
  err.code = code;
  err.syscall = syscall;
  if (hostname) err.hostname = hostname;
  return err;
}

const IANA_DNS_PORT = 53;
const bracketed = /^\[([^[\]]*)\]/;
const hostAndPort = /(^.+?)(?::(\d+))?$/;

// "ip" / "ip:port" / "[ip]" / "[ip]:port" -> [ip, port]
function parseServer(serv) {
  if (isIP(serv) !== 0) return [serv, IANA_DNS_PORT];
  const match = bracketed.exec(serv);
  if (match && isIP(match[1]) !== 0) {
    const port = Number.parseInt(serv.replace(hostAndPort, '$2')) || IANA_DNS_PORT;
    return [match[1], port];
  }
  const split = hostAndPort.exec(serv);
  if (split && isIP(split[1]) !== 0) {
    return [split[1], Number.parseInt(split[2] || IANA_DNS_PORT)];
  }
  throw new ERR_INVALID_IP_ADDRESS(serv);
}

function formatServer([ip, port]) {
  if (!port || port === IANA_DNS_PORT) return ip;
  return isIPv6(ip) ? `[${ip}]:${port}` : `${ip}:${port}`;
}

function systemServers() {
  const list = native.systemServers();
  return list.length ? list.map((ip) => [ip, IANA_DNS_PORT]) : [['127.0.0.1', IANA_DNS_PORT]];
}

let defaultServers;

// What a Resolver keeps behind `_handle` (Node's c-ares channel): its servers, the local
// addresses queries are sent from, its options and its queries in flight.
class ChannelWrap {
  constructor(timeout, tries) {
    defaultServers ??= systemServers();
    this.servers = defaultServers.slice();
    this.timeout = timeout;
    this.tries = tries;
    this.pending = new Set();
    this.localV4 = undefined;
    this.localV6 = undefined;
  }

  /** [[ip, port], ...] */
  getServers() {
    return this.servers.map(([ip, port]) => [ip, port]);
  }

  /** Takes [[ip, port], ...]; c-ares refuses while queries are in flight: that error text. */
  setServers(list) {
    if (this.pending.size > 0) return 'There are pending queries.';
    this.servers = list.map(([ip, port]) => [ip, port]);
    return null;
  }

  setLocalAddress(first, second) {
    const invalid = (message = 'Invalid IP address.') => {
      const err = new TypeError(message);
      err.code = 'ERR_INVALID_ARG_VALUE';
      return err;
    };
    const type = isIP(first);
    if (type === 0) throw invalid();
    let v4 = type === 4 ? first : undefined;
    let v6 = type === 6 ? first : undefined;
    if (second !== undefined) {
      // A second address must be of the other family.
      const other = isIP(second);
      if (other === 0) throw invalid();
      if (other === type) throw invalid(`Cannot specify two IPv${type} addresses.`);
      if (other === 6) v6 = second;
      else v4 = second;
    }
    this.localV4 = v4;
    this.localV6 = v6;
  }

  cancel() {
    for (const req of this.pending) req.cancel();
  }

  // Start a query; `done(err, records)` with records in resolveAny's shape.
  query(name, type, syscall, done) {
    const pending = this.pending;
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
    // Tor's .onion names are never sent to a DNS server (RFC 7686), as c-ares does.
    if (/\.onion\.?$/i.test(name)) {
      process.nextTick(() => {
        if (finished) return;
        finished = true;
        pending.delete(req);
        done(dnsException('ENOTFOUND', syscall, name));
      });
      return req;
    }
    const servers = this.servers.map(([ip, port]) => (isIPv6(ip) ? `[${ip}]:${port}` : `${ip}:${port}`));
    native.query(servers, name, type, this.timeout, this.tries, (code, records) => {
      if (finished) return;
      finished = true;
      pending.delete(req);
      if (code) done(dnsException(code, syscall, name));
      else done(null, records);
    }, this.localV4, this.localV6);
    return req;
  }
}

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
    this._handle = new ChannelWrap(timeout, tries);
  }

  cancel() {
    this._handle.cancel();
  }

  getServers() {
    return (this._handle.getServers() || []).map(formatServer);
  }

  setServers(servers) {
    validateArray(servers, 'servers');
    const parsed = [];
    // forEach: holes are skipped, and a getter that shortens the array ends the walk.
    servers.forEach((serv, i) => {
      validateString(serv, `servers[${i}]`);
      parsed.push(parseServer(serv));
    });
    const failure = this._handle.setServers(parsed);
    if (failure) throw new ERR_DNS_SET_SERVERS_FAILED(failure, servers.join(','));
  }

  setLocalAddress(ipv4, ipv6) {
    validateString(ipv4, 'ipv4');
    if (ipv6 !== undefined) validateString(ipv6, 'ipv6');
    this._handle.setLocalAddress(ipv4, ipv6);
  }

  _query(name, type, syscall, done) {
    return this._handle.query(name, type, syscall, done);
  }
}

// method name -> [record type, syscall, shape(records, options)]
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
  __proto__: null,
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
      const start = startPerf('dns');
      return this._query(name, type, syscall, (err, records) => {
        if (err) {
          callback(err);
          return;
        }
        const result = shape(records, ttl);
        callback(null, result);
        stopPerf('dns', syscall, start, { host: name, ttl, result });
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
  const start = startPerf('dns');
  return this._query(reverseName(ip), 'PTR', 'getHostByAddr', (err, records) => {
    if (err) {
      err.message = err.message.replace(reverseName(ip), ip);
      err.hostname = ip;
      callback(err);
    } else {
      const result = records.map((r) => r.value);
      callback(null, result);
      stopPerf('dns', 'getHostByAddr', start, { host: ip, result });
    }
  });
};

// ===== promises =====

class PromisesResolver {
  constructor(options) {
    this._inner = new Resolver(options);
  }

  get _handle() { return this._inner._handle; }

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
      if (method === 'resolve') {
        // The promise form has no callback to take the place of rrtype: A is the default.
        const [hostname, rrtype = 'A'] = args;
        validateString(rrtype, 'rrtype');
        this._inner.resolve(hostname, rrtype, settle);
      } else {
        this._inner[method](...args, settle);
      }
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

// dns.setServers() (and dns.promises'): the servers go to a new default resolver, as in Node,
// so queries in flight on the old one do not stop the change.
function setDefaultServers(servers) {
  const resolver = new Resolver();
  resolver.setServers(servers);
  defaultResolver = resolver;
}

// The resolve* and reverse/getServers/setServers functions, bound to a default resolver.
function bindDefaults(getResolver) {
  const out = {};
  for (const method of [...Object.keys(methods), 'resolve', 'reverse', 'getServers']) {
    out[method] = { [method](...args) { return getResolver()[method](...args); } }[method];
  }
  out.setServers = function setServers(servers) { setDefaultServers(servers); };
  return out;
}

module.exports = {
  Resolver,
  PromisesResolver,
  getDefaultResolver,
  getDefaultPromisesResolver,
  bindDefaults,
};
