'use strict';
// node:dns/promises — the promise forms of dns.lookup and dns.lookupService.

const dns = require('dns');

function lookup(hostname, options) {
  return new Promise((resolve, reject) => {
    let all = false;
    if (options !== null && typeof options === 'object') all = !!options.all;
    dns.lookup(hostname, options, (err, address, family) => {
      if (err) reject(err);
      else resolve(all ? address : { address, family });
    });
  });
}

function lookupService(address, port) {
  return new Promise((resolve, reject) => {
    dns.lookupService(address, port, (err, hostname, service) => {
      if (err) reject(err);
      else resolve({ hostname, service });
    });
  });
}

// The error code constants (dns.NODATA, ...) are the same strings here.
const codes = {};
for (const [key, value] of Object.entries(dns)) {
  if (typeof value === 'string' && /^E[A-Z]+$/.test(value)) codes[key] = value;
}

const resolver = require('internal/dns/resolver');

module.exports = {
  ...codes,
  Resolver: resolver.PromisesResolver,
  ...resolver.bindDefaults(resolver.getDefaultPromisesResolver),
  lookup,
  lookupService,
  setDefaultResultOrder: dns.setDefaultResultOrder,
  getDefaultResultOrder: dns.getDefaultResultOrder,
};
