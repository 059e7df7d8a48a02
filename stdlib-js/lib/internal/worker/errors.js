'use strict';
// An uncaught exception crosses from a worker to its parent's 'error' event as plain data: the
// class name, message, stack and own properties (V8's clone of an Error keeps only the first
// three), rebuilt on the parent's side with the same built-in class. A thrown non-Error value
// crosses as itself when it can be cloned.

const kinds = {
  Error, TypeError, RangeError, SyntaxError, ReferenceError, EvalError, URIError,
};

function serializeError(error) {
  const isError = error !== null && typeof error === 'object' &&
    (binding.types.isNativeError(error) || error instanceof Error);
  if (!isError) {
    try {
      return { type: 'error', isError: false, value: structuredClone(error) };
    } catch {
      return { type: 'error', isError: false, value: String(error) };
    }
  }
  const props = {};
  for (const key of Object.keys(error)) {
    try {
      props[key] = structuredClone(error[key]);
    } catch {
      // a property that cannot cross stays behind
    }
  }
  let name = 'Error';
  for (let proto = Object.getPrototypeOf(error); proto !== null; proto = Object.getPrototypeOf(proto)) {
    const ctor = Object.prototype.hasOwnProperty.call(proto, 'constructor') ? proto.constructor : undefined;
    if (ctor !== undefined && Object.prototype.hasOwnProperty.call(kinds, ctor.name) && kinds[ctor.name] === ctor) {
      name = ctor.name;
      break;
    }
  }
  let stack;
  try {
    stack = error.stack;
  } catch {
    stack = undefined;
  }
  return {
    type: 'error',
    isError: true,
    kind: name,
    name: typeof error.name === 'string' ? error.name : undefined,
    message: typeof error.message === 'string' ? error.message : String(error.message),
    stack: typeof stack === 'string' ? stack : undefined,
    props,
  };
}

function deserializeError(data) {
  if (!data.isError) return data.value;
  const Ctor = kinds[data.kind] ?? Error;
  const error = new Ctor(data.message);
  if (data.name !== undefined && data.name !== error.name) {
    Object.defineProperty(error, 'name', {
      __proto__: null, value: data.name, writable: true, configurable: true, enumerable: false,
    });
  }
  // The worker's stack (undefined when reading it there threw), never one made here.
  Object.defineProperty(error, 'stack', {
    __proto__: null, value: data.stack, writable: true, configurable: true, enumerable: false,
  });
  Object.assign(error, data.props);
  return error;
}

module.exports = { serializeError, deserializeError };
