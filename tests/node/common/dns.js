'use strict';
// test/common/dns: a lookup function that always fails (for net.connect's `lookup` option) and
// the record type numbers. The DNS packet codec of Node's helper is not here (no dgram yet).

const types = {
  A: 1, AAAA: 28, NS: 2, CNAME: 5, SOA: 6, PTR: 12, MX: 15, TXT: 16, ANY: 255, CAA: 257,
};

const mockedErrorCode = 'ENOTFOUND';
const mockedSysCall = 'getaddrinfo';

function errorLookupMock(code = mockedErrorCode, syscall = mockedSysCall) {
  return function lookupWithError(hostname, dnsopts, cb) {
    const err = new Error(`${syscall} ${code} ${hostname}`);
    err.code = code;
    err.errno = code;
    err.syscall = syscall;
    err.hostname = hostname;
    cb(err);
  };
}

module.exports = { types, mockedErrorCode, mockedSysCall, errorLookupMock };
