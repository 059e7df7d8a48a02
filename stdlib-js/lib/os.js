'use strict';
// node:os - thin JS over binding.os (bindings/src/os.rs). The constants are Linux's numbers
// (signals, errno values, priorities), as Node reports them on Linux.

const { codes } = require('internal/errors');

const native = binding.os;

const signals = {"SIGHUP":1,"SIGINT":2,"SIGQUIT":3,"SIGILL":4,"SIGTRAP":5,"SIGABRT":6,"SIGIOT":6,"SIGBUS":7,"SIGFPE":8,"SIGKILL":9,"SIGUSR1":10,"SIGSEGV":11,"SIGUSR2":12,"SIGPIPE":13,"SIGALRM":14,"SIGTERM":15,"SIGCHLD":17,"SIGSTKFLT":16,"SIGCONT":18,"SIGSTOP":19,"SIGTSTP":20,"SIGTTIN":21,"SIGTTOU":22,"SIGURG":23,"SIGXCPU":24,"SIGXFSZ":25,"SIGVTALRM":26,"SIGPROF":27,"SIGWINCH":28,"SIGIO":29,"SIGPOLL":29,"SIGPWR":30,"SIGSYS":31};
const errno = {"E2BIG":7,"EACCES":13,"EADDRINUSE":98,"EADDRNOTAVAIL":99,"EAFNOSUPPORT":97,"EAGAIN":11,"EALREADY":114,"EBADF":9,"EBADMSG":74,"EBUSY":16,"ECANCELED":125,"ECHILD":10,"ECONNABORTED":103,"ECONNREFUSED":111,"ECONNRESET":104,"EDEADLK":35,"EDESTADDRREQ":89,"EDOM":33,"EDQUOT":122,"EEXIST":17,"EFAULT":14,"EFBIG":27,"EHOSTUNREACH":113,"EIDRM":43,"EILSEQ":84,"EINPROGRESS":115,"EINTR":4,"EINVAL":22,"EIO":5,"EISCONN":106,"EISDIR":21,"ELOOP":40,"EMFILE":24,"EMLINK":31,"EMSGSIZE":90,"EMULTIHOP":72,"ENAMETOOLONG":36,"ENETDOWN":100,"ENETRESET":102,"ENETUNREACH":101,"ENFILE":23,"ENOBUFS":105,"ENODATA":61,"ENODEV":19,"ENOENT":2,"ENOEXEC":8,"ENOLCK":37,"ENOLINK":67,"ENOMEM":12,"ENOMSG":42,"ENOPROTOOPT":92,"ENOSPC":28,"ENOSR":63,"ENOSTR":60,"ENOSYS":38,"ENOTCONN":107,"ENOTDIR":20,"ENOTEMPTY":39,"ENOTSOCK":88,"ENOTSUP":95,"ENOTTY":25,"ENXIO":6,"EOPNOTSUPP":95,"EOVERFLOW":75,"EPERM":1,"EPIPE":32,"EPROTO":71,"EPROTONOSUPPORT":93,"EPROTOTYPE":91,"ERANGE":34,"EROFS":30,"ESPIPE":29,"ESRCH":3,"ESTALE":116,"ETIME":62,"ETIMEDOUT":110,"ETXTBSY":26,"EWOULDBLOCK":11,"EXDEV":18};
const priority = {"PRIORITY_LOW":19,"PRIORITY_BELOW_NORMAL":10,"PRIORITY_NORMAL":0,"PRIORITY_ABOVE_NORMAL":-7,"PRIORITY_HIGH":-14,"PRIORITY_HIGHEST":-20};
const dlopen = {"RTLD_LAZY":1,"RTLD_NOW":2,"RTLD_GLOBAL":256,"RTLD_LOCAL":0,"RTLD_DEEPBIND":8};

const constants = Object.freeze({
  UV_UDP_REUSEADDR: 4,
  dlopen: Object.freeze(dlopen),
  errno: Object.freeze(errno),
  signals: Object.freeze(signals),
  priority: Object.freeze(priority),
});

/** A uv-style failure as Node's os functions report it (SystemError, ERR_SYSTEM_ERROR). */
function systemError(err) {
  if (!err || typeof err.syscall !== 'string') return err;
  const description = err.message.replace(/^[A-Z]+: /, '').replace(/, [a-z_]+$/, '');
  const e = new Error(`A system error occurred: ${err.syscall} returned ${err.code} (${description})`);
  e.name = 'SystemError';
  e.code = 'ERR_SYSTEM_ERROR';
  e.info = { errno: err.errno, code: err.code, message: description, syscall: err.syscall };
  e.errno = err.errno;
  e.syscall = err.syscall;
  return e;
}

function call(fn, ...args) {
  try {
    return fn(...args);
  } catch (err) {
    throw systemError(err);
  }
}

const uname = () => native.uname();

function cpus() {
  return native.cpus().map(([model, [speed, user, nice, sys, idle, irq]]) => ({
    model, speed, times: { user, nice, sys, idle, irq },
  }));
}

function networkInterfaces() {
  const out = {};
  for (const [[name, address, netmask, family, mac], internal, scopeid] of native.networkInterfaces()) {
    const entry = { address, netmask, family, mac, internal, cidr: cidr(address, netmask, family) };
    if (family === 'IPv6') {
      entry.scopeid = scopeid;
      // Node puts scopeid last but before cidr: keep its key order.
      const { cidr: c } = entry;
      delete entry.cidr;
      entry.cidr = c;
    }
    (out[name] || (out[name] = [])).push(entry);
  }
  return out;
}

function cidr(address, netmask, family) {
  let bits = 0;
  if (family === 'IPv4') {
    for (const part of netmask.split('.')) bits += (Number(part) >>> 0).toString(2).replace(/0/g, '').length;
  } else {
    const groups = netmask.split(':');
    for (const g of groups) if (g) bits += parseInt(g, 16).toString(2).replace(/0/g, '').length;
  }
  return `${address}/${bits}`;
}

function userInfo(options = undefined) {
  if (options !== undefined && (options === null || typeof options !== 'object')) {
    throw new codes.ERR_INVALID_ARG_TYPE('options', 'Object', options);
  }
  // As Node: 'buffer' gives Buffers, another known encoding the bytes in that encoding.
  const encoding = options === undefined ? undefined : options.encoding;
  const [[uid, gid], names] = call(native.userInfo);
  let convert = (name) => name;
  if (encoding === 'buffer') {
    convert = (name) => Buffer.from(name, 'utf8');
  } else if (typeof encoding === 'string' && Buffer.isEncoding(encoding)) {
    convert = (name) => Buffer.from(name, 'utf8').toString(encoding);
  }
  const [username, homedir, shell] = names.map(convert);
  return { __proto__: null, uid, gid, username, homedir, shell };
}

// Node's int32 check: a non-number is a type error, a non-integer or out-of-range number a
// range error.
function validateInt32(value, name, min = -(2 ** 31), max = 2 ** 31 - 1) {
  if (typeof value !== 'number') throw new codes.ERR_INVALID_ARG_TYPE(name, 'number', value);
  if (!Number.isInteger(value)) throw new codes.ERR_OUT_OF_RANGE(name, 'an integer', value);
  if (value < min || value > max) {
    throw new codes.ERR_OUT_OF_RANGE(name, `>= ${min} && <= ${max}`, value);
  }
}

function getPriority(pid = 0) {
  validateInt32(pid, 'pid');
  return call(native.getPriority, pid);
}

function setPriority(pid, priority) {
  if (priority === undefined) {
    priority = pid;
    pid = 0;
  }
  validateInt32(pid, 'pid');
  validateInt32(priority, 'priority', -20, 19);
  call(native.setPriority, pid, priority);
}

module.exports = {
  EOL: '\n',
  arch: () => process.arch,
  availableParallelism: () => Math.max(1, cpus().length),
  constants,
  cpus,
  devNull: '/dev/null',
  endianness: () => 'LE',
  freemem: () => native.memory()[1],
  getPriority,
  homedir: () => native.homedir(),
  hostname: () => native.hostname(),
  loadavg: () => native.loadavg(),
  machine: () => uname().machine,
  networkInterfaces,
  platform: () => process.platform,
  release: () => uname().release,
  setPriority,
  tmpdir() {
    let dir = process.env.TMPDIR || process.env.TMP || process.env.TEMP || '/tmp';
    if (dir.length > 1 && dir.endsWith('/')) dir = dir.slice(0, -1);
    return dir;
  },
  totalmem: () => native.memory()[0],
  type: () => uname().sysname,
  uptime: () => native.uptime(),
  userInfo,
  version: () => uname().version,
};
