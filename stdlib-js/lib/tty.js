'use strict';
// node:tty — isatty() and the terminal stream classes' colour queries. Eddy's standard
// streams are created by the bootstrap; these constructors give packages that build their own
// (or test `instanceof`) the same getColorDepth/hasColors/getWindowSize answers.

const { codes } = require('internal/errors');

const native = binding.process;

function isatty(fd) {
  return Number.isInteger(fd) && fd >= 0 && fd <= 2147483647 && native.isatty(fd);
}

/** Colour depth in bits from the environment, as Node's tty.WriteStream computes it. */
function colorDepth(env, isTTY) {
  const force = env.FORCE_COLOR;
  if (force !== undefined) {
    if (force === '' || force === '1' || force === 'true') return 4;
    if (force === '2') return 8;
    if (force === '3') return 24;
    return 1;
  }
  if (!isTTY || env.NODE_DISABLE_COLORS !== undefined || env.NO_COLOR !== undefined ||
      env.TERM === 'dumb') {
    return 1;
  }
  if (env.TMUX) return 24;
  if (env.CI) return 8;
  if (env.COLORTERM === 'truecolor' || env.COLORTERM === '24bit') return 24;
  const term = env.TERM;
  if (term) {
    if (/truecolor/.test(term)) return 24;
    if (/-256(color)?$/.test(term)) return 8;
  }
  return 4;
}

function checkFd(fd) {
  if (!Number.isInteger(fd) || fd < 0) throw new codes.ERR_INVALID_FD(fd);
}

function ReadStream(fd) {
  if (!(this instanceof ReadStream)) return new ReadStream(fd);
  checkFd(fd);
  this.fd = fd;
  this.isRaw = false;
  this.isTTY = true;
}
ReadStream.prototype.setRawMode = function setRawMode(flag) {
  this.isRaw = !!flag;
  return this;
};

function WriteStream(fd) {
  if (!(this instanceof WriteStream)) return new WriteStream(fd);
  checkFd(fd);
  this.fd = fd;
  this.isTTY = true;
  this.columns = Number(process.env.COLUMNS) || 80;
  this.rows = Number(process.env.LINES) || 24;
}
WriteStream.prototype.getColorDepth = function getColorDepth(env = process.env) {
  return colorDepth(env, this.isTTY);
};
WriteStream.prototype.hasColors = function hasColors(count, env) {
  if (env === undefined && typeof count === 'object' && count !== null) {
    env = count;
    count = 16;
  }
  if (count === undefined) count = 16;
  if (!Number.isInteger(count) || count < 2) {
    throw new codes.ERR_OUT_OF_RANGE('count', '>= 2', count);
  }
  return count <= 2 ** this.getColorDepth(env);
};
WriteStream.prototype.getWindowSize = function getWindowSize() {
  return [this.columns, this.rows];
};
WriteStream.prototype.isTTY = true;

module.exports = { isatty, ReadStream, WriteStream };
