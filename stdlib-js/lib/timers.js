'use strict';
// node:timers - the same functions as the globals, plus the promise API under `promises`.

const timers = require('internal/timers');

// ===== the deprecated item API (enroll/unenroll/active/_unrefActive) =====
// An "item" is any object with `_onTimeout`; here it gets a Timeout of its own.

const { codes } = require('internal/errors');

const kItemTimer = Symbol('itemTimer');
const warned = new Set();

function deprecated(code, message) {
  if (warned.has(code)) return;
  warned.add(code);
  process.emitWarning(message, 'DeprecationWarning', code);
}

function enroll(item, msecs) {
  deprecated('DEP0095', 'timers.enroll() is deprecated. Please use setTimeout instead.');
  if (typeof msecs !== 'number') throw new codes.ERR_INVALID_ARG_TYPE('msecs', 'number', msecs);
  if (msecs < 0 || !Number.isFinite(msecs)) {
    throw new codes.ERR_OUT_OF_RANGE('msecs', 'a non-negative finite number', msecs);
  }
  if (item[kItemTimer] !== undefined) timers.clearTimeout(item[kItemTimer]);
  item[kItemTimer] = undefined;
  item._idleTimeout = msecs;
}

function unenroll(item) {
  deprecated('DEP0096', 'timers.unenroll() is deprecated. Please use clearTimeout instead.');
  // A Timeout from setTimeout()/setInterval() is itself an item: unenrolling clears it.
  if (item instanceof timers.Timeout) timers.clearTimeout(item);
  if (item[kItemTimer] !== undefined) timers.clearTimeout(item[kItemTimer]);
  item[kItemTimer] = undefined;
  item._idleTimeout = -1;
}

/** (Re)starts the item's timer; it calls `item._onTimeout()` when due. */
function armItem(item, refed) {
  const msecs = item._idleTimeout;
  if (!(msecs >= 0)) return;
  let timer = item[kItemTimer];
  if (timer === undefined || timer._destroyed) {
    // An item without `_onTimeout` is skipped when due, as Node's timer lists do.
    timer = timers.setTimeout(() => { if (item._onTimeout) item._onTimeout(); }, msecs);
    item[kItemTimer] = timer;
  } else {
    timer.refresh();
  }
  if (refed) timer.ref();
  else timer.unref();
  // The fields Node's timer lists set on an enrolled item.
  item._idleStart = timer._idleStart;
  item._idleNext = timer;
  item._idlePrev = timer;
}

function active(item) {
  deprecated('DEP0126', 'timers.active() is deprecated. Please use timeout.refresh() instead.');
  armItem(item, true);
}

function _unrefActive(item) {
  deprecated('DEP0127', 'timers._unrefActive() is deprecated. Please use timeout.refresh() instead.');
  armItem(item, false);
}

module.exports = {
  setTimeout: timers.setTimeout,
  clearTimeout: timers.clearTimeout,
  setInterval: timers.setInterval,
  clearInterval: timers.clearInterval,
  setImmediate: timers.setImmediate,
  clearImmediate: timers.clearImmediate,
  _unrefActive,
  active,
  enroll,
  unenroll,
};

Object.defineProperty(module.exports, 'promises', {
  enumerable: true,
  configurable: true,
  get() { return require('timers/promises'); },
});
