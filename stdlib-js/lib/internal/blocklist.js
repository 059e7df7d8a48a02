'use strict';
// internal/blocklist: net.BlockList (address, range and subnet rules for IPv4 and IPv6) and
// net.SocketAddress. Addresses compare as BigInts; an IPv4 address and its IPv4-mapped IPv6 form
// (::ffff:a.b.c.d) match each other's rules.

const { inspect } = require('internal/util/inspect');
const { isIPv4, isIPv6 } = require('internal/net');
const {
  codes: { ERR_INVALID_ARG_VALUE },
  validateString, validateInt32, validatePort, validateObject, validateUint32, validateOneOf,
} = require('internal/errors');

const { kTransferClone, markTransferable } = require('internal/worker/clone');

const kRules = Symbol('kRules');
const kDetail = Symbol('kDetail');

function normalizeFamily(family, name = 'family') {
  validateString(family, name);
  const lower = family.toLowerCase();
  validateOneOf(lower, name, ['ipv4', 'ipv6']);
  return lower;
}

function v4ToBig(addr) {
  return addr.split('.').reduce((acc, part) => (acc << 8n) | BigInt(+part), 0n);
}

function v6ToBig(addr) {
  addr = addr.replace(/%.*$/, '');
  let tail = [];
  const lastColon = addr.lastIndexOf(':');
  if (addr.includes('.', lastColon)) {
    const v4 = v4ToBig(addr.slice(lastColon + 1));
    tail = [Number(v4 >> 16n), Number(v4 & 0xffffn)].map((n) => n.toString(16));
    addr = addr.slice(0, lastColon + 1) + '0';
  }
  let parts;
  if (addr.includes('::')) {
    const [head, rest] = addr.split('::');
    const h = head ? head.split(':') : [];
    const r = rest ? rest.split(':') : [];
    if (tail.length) r.pop();
    const fill = 8 - h.length - r.length - tail.length;
    parts = [...h, ...Array(fill).fill('0'), ...r, ...tail];
  } else {
    parts = addr.split(':');
    if (tail.length) parts = [...parts.slice(0, -1), ...tail];
  }
  return parts.reduce((acc, p) => (acc << 16n) | BigInt(parseInt(p || '0', 16)), 0n);
}

// The address as a 128-bit BigInt in the IPv6 space (IPv4 mapped into ::ffff:0:0/96).
function toKey(address, family) {
  if (family === 'ipv4') return 0xffff00000000n | v4ToBig(address);
  return v6ToBig(address);
}

function checkAddress(address, family, name = 'address') {
  if (address instanceof SocketAddress) return [address.address, address.family];
  validateString(address, name);
  family = normalizeFamily(family);
  if (family === 'ipv4' ? !isIPv4(address) : !isIPv6(address)) {
    throw new ERR_INVALID_ARG_VALUE(name, address);
  }
  return [address, family];
}

class BlockList {
  constructor() {
    this[kRules] = [];
    markTransferable(this);
  }

  // Posted to a MessagePort (or structuredClone'd): the copy shares the rules, as in Node,
  // where both wrap one native list.
  [kTransferClone]() {
    const copy = new BlockList();
    copy[kRules] = this[kRules];
    return copy;
  }

  static isBlockList(value) {
    return value instanceof BlockList;
  }

  [inspect.custom](depth, options) {
    if (depth < 0) return this;
    const opts = { ...options, depth: options.depth == null ? null : options.depth - 1 };
    return `BlockList ${inspect({ rules: this.rules }, opts)}`;
  }

  addAddress(address, family = 'ipv4') {
    [address, family] = checkAddress(address, family);
    const key = toKey(address, family);
    this[kRules].push({ lo: key, hi: key, text: `Address: ${family === 'ipv4' ? 'IPv4' : 'IPv6'} ${address}` });
  }

  addRange(start, end, family = 'ipv4') {
    [start, family] = checkAddress(start, family, 'start');
    let endFamily;
    [end, endFamily] = checkAddress(end, family, 'end');
    if (endFamily !== family) throw new ERR_INVALID_ARG_VALUE('end', end);
    const lo = toKey(start, family);
    const hi = toKey(end, family);
    if (lo > hi) throw new ERR_INVALID_ARG_VALUE('start', start, 'must come before end');
    this[kRules].push({ lo, hi, text: `Range: ${family === 'ipv4' ? 'IPv4' : 'IPv6'} ${start}-${end}` });
  }

  addSubnet(network, prefix, family = 'ipv4') {
    [network, family] = checkAddress(network, family, 'network');
    const max = family === 'ipv4' ? 32 : 128;
    validateInt32(prefix, 'prefix', 0, max);
    const bits = BigInt(128 - (family === 'ipv4' ? 96 + prefix : prefix));
    const base = toKey(network, family);
    const lo = (base >> bits) << bits;
    const hi = lo | ((1n << bits) - 1n);
    this[kRules].push({ lo, hi, text: `Subnet: ${family === 'ipv4' ? 'IPv4' : 'IPv6'} ${network}/${prefix}` });
  }

  check(address, family = 'ipv4') {
    if (!(address instanceof SocketAddress)) {
      validateString(address, 'address');
      family = normalizeFamily(family);
      if (family === 'ipv4' ? !isIPv4(address) : !isIPv6(address)) return false;
    } else {
      [address, family] = [address.address, address.family];
    }
    const key = toKey(address, family);
    return this[kRules].some((r) => key >= r.lo && key <= r.hi);
  }

  get rules() {
    return this[kRules].map((r) => r.text).reverse();
  }
}

class SocketAddress {
  static isSocketAddress(value) {
    return value instanceof SocketAddress;
  }

  static parse(input) {
    validateString(input, 'input');
    try {
      const url = new URL(`http://${input}`);
      const hostname = url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname;
      return new SocketAddress({ address: hostname, port: url.port === '' ? 0 : +url.port });
    } catch {
      return undefined;
    }
  }

  constructor(options = {}) {
    validateObject(options, 'options');
    let { family = 'ipv4' } = options;
    const { address = family === 'ipv6' || family === 'IPv6' ? '::' : '127.0.0.1', port = 0, flowlabel = 0 } = options;
    family = normalizeFamily(family, 'options.family');
    validateString(address, 'options.address');
    validatePort(port, 'options.port');
    validateUint32(flowlabel, 'options.flowlabel', false);
    if (family === 'ipv4' ? !isIPv4(address) : !isIPv6(address)) {
      throw new ERR_INVALID_ARG_VALUE('options.address', address);
    }
    this[kDetail] = { address, port: port | 0, family, flowlabel };
  }

  get address() { return this[kDetail].address; }
  get port() { return this[kDetail].port; }
  get family() { return this[kDetail].family; }
  get flowlabel() { return this[kDetail].flowlabel; }

  [inspect.custom](depth, options) {
    if (depth < 0) return this;
    const opts = { ...options, depth: options.depth == null ? null : options.depth - 1 };
    return `SocketAddress ${inspect(this.toJSON(), opts)}`;
  }

  toJSON() {
    return { address: this.address, port: this.port, family: this.family, flowlabel: this.flowlabel };
  }
}

module.exports = { BlockList, SocketAddress };
