'use strict';

// The WebSocket's own event classes: CloseEvent (code, reason, wasClean) and ErrorEvent
// (message, error, ...), as the HTML spec defines them.

const { Event } = require('internal/event_target');
const { codes } = require('internal/errors');

const kInit = Symbol('kInit');

function checkType(args, name) {
  if (args.length === 0) {
    throw new TypeError(`${name} constructor: 1 argument required, but 0 found.`);
  }
}

function brand(self, Class) {
  if (self === null || typeof self !== 'object' || !(kInit in self)) {
    throw new codes.ERR_INVALID_THIS(Class);
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

  get wasClean() { return brand(this, 'CloseEvent').wasClean; }

  get code() { return brand(this, 'CloseEvent').code; }

  get reason() { return brand(this, 'CloseEvent').reason; }
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

  get message() { return brand(this, 'ErrorEvent').message; }

  get filename() { return brand(this, 'ErrorEvent').filename; }

  get lineno() { return brand(this, 'ErrorEvent').lineno; }

  get colno() { return brand(this, 'ErrorEvent').colno; }

  get error() { return brand(this, 'ErrorEvent').error; }
}

for (const [Class, keys] of [[CloseEvent, ['wasClean', 'code', 'reason']],
  [ErrorEvent, ['message', 'filename', 'lineno', 'colno', 'error']]]) {
  for (const key of keys) Object.defineProperty(Class.prototype, key, { enumerable: true });
  Object.defineProperty(Class.prototype, Symbol.toStringTag, {
    __proto__: null, value: Class.name, configurable: true,
  });
}

module.exports = { CloseEvent, ErrorEvent };
