'use strict';

// The WebSocket's own event classes: CloseEvent (code, reason, wasClean) and ErrorEvent
// (message, error, ...), as the HTML spec defines them.

const { Event } = require('internal/event_target');

const kInit = Symbol('kInit');

function checkType(args, name) {
  if (args.length === 0) {
    throw new TypeError(`${name} constructor: 1 argument required, but 0 found.`);
  }
}

// A getter called on something else throws as Node's (undici's) WebIDL brand checks do.
function brand(self) {
  if (self === null || typeof self !== 'object' || !(kInit in self)) {
    const err = new TypeError('Illegal invocation');
    err.code = 'ERR_INVALID_THIS';
    throw err;
  }
  return self[kInit];
}

class CloseEvent extends Event {
  constructor(type, eventInitDict = undefined) {
    checkType(arguments, 'CloseEvent');
    super(type, eventInitDict);
    const init = eventInitDict ?? {};
    this[kInit] = {
      wasClean: Boolean(init.wasClean),
      code: init.code === undefined ? 0 : Number(init.code) & 0xffff,
      reason: init.reason === undefined ? '' : `${init.reason}`,
    };
  }

  get wasClean() { return brand(this).wasClean; }

  get code() { return brand(this).code; }

  get reason() { return brand(this).reason; }
}

class ErrorEvent extends Event {
  constructor(type, eventInitDict = undefined) {
    checkType(arguments, 'ErrorEvent');
    super(type, eventInitDict);
    const init = eventInitDict ?? {};
    this[kInit] = {
      message: init.message === undefined ? '' : `${init.message}`,
      filename: init.filename === undefined ? '' : `${init.filename}`,
      lineno: init.lineno === undefined ? 0 : init.lineno >>> 0,
      colno: init.colno === undefined ? 0 : init.colno >>> 0,
      error: init.error,
    };
  }

  get message() { return brand(this).message; }

  get filename() { return brand(this).filename; }

  get lineno() { return brand(this).lineno; }

  get colno() { return brand(this).colno; }

  get error() { return brand(this).error; }
}

for (const [Class, keys] of [[CloseEvent, ['wasClean', 'code', 'reason']],
  [ErrorEvent, ['message', 'filename', 'lineno', 'colno', 'error']]]) {
  for (const key of keys) Object.defineProperty(Class.prototype, key, { enumerable: true });
  Object.defineProperty(Class.prototype, Symbol.toStringTag, {
    __proto__: null, value: Class.name, configurable: true,
  });
}

module.exports = { CloseEvent, ErrorEvent };
