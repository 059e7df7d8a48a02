'use strict';
// process.setuid/setgid/seteuid/setegid/setgroups/initgroups over binding.process: ids or
// names (looked up with getpwnam_r/getgrnam_r), Node's validation and errors.

const {
  codes: { ERR_INVALID_ARG_TYPE, ERR_UNKNOWN_CREDENTIAL },
  validateUint32,
} = require('internal/errors');

const native = binding.process;

function validateId(id, name) {
  if (typeof id === 'number') validateUint32(id, name);
  else if (typeof id !== 'string') throw new ERR_INVALID_ARG_TYPE(name, ['number', 'string'], id);
}

// `EPERM, Operation not permitted`, with errno/code/syscall, as Node's credential errors read.
// Node words these with strerror(3); for the errors these calls can give (EPERM, EINVAL) that
// is libuv's description with a capital letter.
function fail(errno, syscall) {
  const [code, desc] = require('util').getSystemErrorMap().get(errno) || ['UNKNOWN', 'unknown error'];
  const err = new Error(`${code}, ${desc[0].toUpperCase()}${desc.slice(1)}`);
  err.errno = errno;
  err.code = code;
  err.syscall = syscall;
  Error.captureStackTrace(err, fail);
  return err;
}

// Node documents that with UV_USE_IO_URING enabled the identity setters are unavailable
// (CVE-2024-22017: io_uring work keeps the old credentials). Eddy never uses io_uring, but a
// program must see the same refusal under the same environment. libuv reads the variable once,
// as atoi() > 0, so it is read once at startup here too.
let ioUringRequested = false;

function refuseUnderIoUring(name) {
  if (!ioUringRequested) return;
  // Node raises it from C++: a plain Error whose code is an own property.
  const err = new Error(`${name}() disabled: io_uring may be enabled. See CVE-2024-22017.`);
  err.code = 'ERR_INVALID_STATE';
  Error.captureStackTrace(err, refuseUnderIoUring);
  throw err;
}

function setter(kind, what) {
  const name = `set${kind}`;
  // A computed method name, so stack frames read `process.setuid` as in Node.
  return {
    [name](id) {
      validateId(id, 'id');
      refuseUnderIoUring(name);
      const r = native.setCredential(kind, id);
      if (r === 1) throw new ERR_UNKNOWN_CREDENTIAL(what, id);
      if (r < 0) throw fail(r, name);
    },
  }[name];
}

function setgroups(groups) {
  if (!Array.isArray(groups)) throw new ERR_INVALID_ARG_TYPE('groups', 'Array', groups);
  for (let i = 0; i < groups.length; i++) validateId(groups[i], `groups[${i}]`);
  refuseUnderIoUring('setgroups');
  const r = native.setGroups(groups);
  if (r > 0) throw new ERR_UNKNOWN_CREDENTIAL('Group', groups[r - 1]);
  if (r < 0) throw fail(r, 'setgroups');
}

function initgroups(user, extraGroup) {
  validateId(user, 'user');
  validateId(extraGroup, 'extraGroup');
  refuseUnderIoUring('initgroups');
  const r = native.initGroups(user, extraGroup);
  if (r === 1) throw new ERR_UNKNOWN_CREDENTIAL('User', user);
  if (r === 2) throw new ERR_UNKNOWN_CREDENTIAL('Group', extraGroup);
  if (r < 0) throw fail(r, 'initgroups');
}

function install(process) {
  ioUringRequested = Number.parseInt(process.env.UV_USE_IO_URING, 10) > 0;
  process.setuid = setter('uid', 'User');
  process.setgid = setter('gid', 'Group');
  process.seteuid = setter('euid', 'User');
  process.setegid = setter('egid', 'Group');
  process.setgroups = setgroups;
  process.initgroups = initgroups;
}

module.exports = { install };
