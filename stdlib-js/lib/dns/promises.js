'use strict';
// node:dns/promises - the promise forms of dns.lookup and dns.lookupService.

const dns = require('dns');

// Bad arguments throw here and now, as in Node; only the lookup's outcome is async.
function lookup(hostname, options) {
  let all = false;
  if (options !== null && typeof options === 'object') all = !!options.all;
  let settle;
  const promise = new Promise((resolve, reject) => {
    settle = (err, address, family) => {
      if (err) reject(err);
      else resolve(all ? address : { address, family });
    };
  });
  dns.lookup(hostname, options, settle);
  return promise;
}

function lookupService(address, port) {
  if (arguments.length !== 2) {
    throw new (require('internal/errors').codes.ERR_MISSING_ARGS)('address', 'port');
  }
  let settle;
  const promise = new Promise((resolve, reject) => {
    settle = (err, hostname, service) => {
      if (err) reject(err);
      else resolve({ hostname, service });
    };
  });
  dns.lookupService(address, port, settle);
  return promise;
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
