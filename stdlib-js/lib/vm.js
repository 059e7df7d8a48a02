'use strict';
// node:vm — scripts run in this context or in new ones. A "contextified" sandbox is paired
// with the global of a V8 context made for it (binding.runtime.createContext); before a run
// the sandbox's own properties are copied onto that global, and afterwards what the script
// defined or changed there is copied back, so `vm.runInNewContext('x = a + 1', s)` leaves
// `s.x` set as in Node. (Node keeps the two in step at every access through interceptors; the
// copy happens per run here.)

const { codes } = require('internal/errors');

const rt = binding.runtime;

// sandbox -> { global, builtins } where builtins are the names a fresh global starts with.
const contexts = new WeakMap();

function validateString(value, name) {
  if (typeof value !== 'string') throw new codes.ERR_INVALID_ARG_TYPE(name, 'string', value);
}

function validateObject(value, name) {
  if (value === null || typeof value !== 'object') {
    throw new codes.ERR_INVALID_ARG_TYPE(name, 'Object', value);
  }
}

function filenameOf(options, fallback = 'evalmachine.<anonymous>') {
  if (typeof options === 'string') return options;
  if (options !== null && typeof options === 'object' && options.filename !== undefined) {
    validateString(options.filename, 'options.filename');
    return options.filename;
  }
  return fallback;
}

function isContext(object) {
  validateObject(object, 'object');
  return contexts.has(object);
}

function createContext(contextObject = {}, options = undefined) {
  if (contextObject !== undefined && contextObject !== null && typeof contextObject === 'object' &&
      contexts.has(contextObject)) {
    return contextObject;
  }
  validateObject(contextObject, 'contextObject');
  if (options !== undefined) validateObject(options, 'options');
  const global = rt.createContext();
  contexts.set(contextObject, { global, builtins: new Set(Reflect.ownKeys(global)) });
  return contextObject;
}

function runInContextOf(entry, sandbox, code, filename) {
  const { global, builtins } = entry;
  for (const key of Reflect.ownKeys(sandbox)) {
    const desc = Reflect.getOwnPropertyDescriptor(sandbox, key);
    if (desc !== undefined) Reflect.defineProperty(global, key, { ...desc, configurable: true });
  }
  try {
    return rt.runInContext(global, code, filename);
  } finally {
    for (const key of Reflect.ownKeys(global)) {
      if (builtins.has(key) && !Object.prototype.hasOwnProperty.call(sandbox, key)) continue;
      const desc = Reflect.getOwnPropertyDescriptor(global, key);
      if (desc === undefined) continue;
      if ('value' in desc) {
        if (sandbox[key] !== desc.value) sandbox[key] = desc.value;
      } else {
        Reflect.defineProperty(sandbox, key, desc);
      }
    }
  }
}

class Script {
  #code;
  #filename;

  constructor(code, options = {}) {
    code = `${code}`;
    this.#code = code;
    this.#filename = filenameOf(options);
  }

  runInThisContext(options) {
    return rt.runScript(this.#code, this.#filename);
  }

  runInContext(contextifiedObject, options) {
    validateObject(contextifiedObject, 'contextifiedObject');
    const entry = contexts.get(contextifiedObject);
    if (entry === undefined) {
      throw new codes.ERR_INVALID_ARG_TYPE('contextifiedObject', 'vm.Context', contextifiedObject);
    }
    return runInContextOf(entry, contextifiedObject, this.#code, this.#filename);
  }

  runInNewContext(contextObject, options) {
    const sandbox = createContext(contextObject === undefined ? {} : contextObject);
    return this.runInContext(sandbox, options);
  }

  createCachedData() {
    return Buffer.alloc(0);
  }
}

function runInThisContext(code, options) {
  return new Script(code, options).runInThisContext(options);
}

function runInContext(code, contextifiedObject, options) {
  return new Script(code, options).runInContext(contextifiedObject, options);
}

function runInNewContext(code, contextObject, options) {
  return new Script(code, options).runInNewContext(contextObject, options);
}

function compileFunction(code, params = [], options = {}) {
  validateString(code, 'code');
  if (!Array.isArray(params)) throw new codes.ERR_INVALID_ARG_TYPE('params', 'Array', params);
  return rt.compileFunction(code, filenameOf(options, ''), params);
}

module.exports = {
  Script,
  compileFunction,
  constants: Object.freeze({ __proto__: null, USE_MAIN_CONTEXT_DEFAULT_LOADER: Symbol('vm_dynamic_import_main_context_default'), DONT_CONTEXTIFY: Symbol('vm_context_no_contextify') }),
  createContext,
  isContext,
  runInContext,
  runInNewContext,
  runInThisContext,
};
