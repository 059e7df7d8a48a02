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
function fail(errno, syscall) {
  const [code, desc] = require('util').getSystemErrorMap().get(errno) || ['UNKNOWN', 'unknown error'];
  const err = new Error(`${code}, ${desc}`);
  err.errno = errno;
  err.code = code;
  err.syscall = syscall;
  Error.captureStackTrace(err, fail);
  return err;
}

function setter(kind, what) {
  return function set(id) {
    validateId(id, 'id');
    const r = native.setCredential(kind, id);
    if (r === 1) throw new ERR_UNKNOWN_CREDENTIAL(what, id);
    if (r < 0) throw fail(r, `set${kind}`);
  };
}

function setgroups(groups) {
  if (!Array.isArray(groups)) throw new ERR_INVALID_ARG_TYPE('groups', 'Array', groups);
  for (let i = 0; i < groups.length; i++) validateId(groups[i], `groups[${i}]`);
  const r = native.setGroups(groups);
  if (r > 0) throw new ERR_UNKNOWN_CREDENTIAL('Group', groups[r - 1]);
  if (r < 0) throw fail(r, 'setgroups');
}

function initgroups(user, extraGroup) {
  validateId(user, 'user');
  validateId(extraGroup, 'extraGroup');
  const r = native.initGroups(user, extraGroup);
  if (r === 1) throw new ERR_UNKNOWN_CREDENTIAL('User', user);
  if (r === 2) throw new ERR_UNKNOWN_CREDENTIAL('Group', extraGroup);
  if (r < 0) throw fail(r, 'initgroups');
}

function install(process) {
  process.setuid = setter('uid', 'User');
  process.setgid = setter('gid', 'Group');
  process.seteuid = setter('euid', 'User');
  process.setegid = setter('egid', 'Group');
  process.setgroups = setgroups;
  process.initgroups = initgroups;
}

module.exports = { install };
