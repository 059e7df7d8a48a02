'use strict';
// node:vm - scripts run in this context or in new ones. A "contextified" sandbox is paired
// with the global of a V8 context made for it (binding.runtime.createContext), whose
// interceptors send every access to the global on to the sandbox, as Node's do.

const {
  codes, validateArray, validateBoolean, validateFunction, validateInt32,
  validateObject: validateObjectArg, validateStringArray,
  validateOneOf, validateString: validateStringArg, validateUint32,
} = require('internal/errors');

const rt = binding.runtime;
const { breakable, watched } = require('internal/vm/breakable');

const constants = Object.freeze({
  __proto__: null,
  USE_MAIN_CONTEXT_DEFAULT_LOADER: Symbol('vm_dynamic_import_main_context_default'),
  DONT_CONTEXTIFY: Symbol('vm_context_no_contextify'),
});

// sandbox -> { global }: the global proxy of the sandbox's context.
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

// Every contextified sandbox, weakly, for measureMemory()'s per-context list.
const liveContexts = new Set();

function validateContextOptions(options, prefix) {
  for (const key of ['name', 'origin']) {
    const name = prefix === 'options' ? key : `context${key[0].toUpperCase()}${key.slice(1)}`;
    if (options[name] !== undefined) validateStringArg(options[name], `options.${name}`);
  }
}

// Names the inspector gives vm contexts created without one ('VM Context 1', ...).
let contextCount = 0;

function createContext(contextObject = {}, options = {}) {
  if (contextObject !== undefined && contextObject !== null && typeof contextObject === 'object' &&
      contexts.has(contextObject)) {
    return contextObject;
  }
  const dontContextify = contextObject === constants.DONT_CONTEXTIFY;
  if (!dontContextify) validateObject(contextObject, 'contextObject');
  validateObjectArg(options, 'options');
  validateContextOptions(options, 'options');
  const { codeGeneration, microtaskMode, importModuleDynamically } = options;
  if (importModuleDynamically !== undefined && typeof importModuleDynamically !== 'symbol') {
    validateFunction(importModuleDynamically, 'options.importModuleDynamically');
  }
  if (codeGeneration !== undefined) {
    validateObjectArg(codeGeneration, 'options.codeGeneration');
    const { strings, wasm } = codeGeneration;
    if (strings !== undefined) validateBoolean(strings, 'options.codeGeneration.strings');
    if (wasm !== undefined) validateBoolean(wasm, 'options.codeGeneration.wasm');
  }
  if (microtaskMode !== undefined) {
    validateOneOf(microtaskMode, 'options.microtaskMode', ['afterEvaluate', undefined]);
  }
  // import() from code in the context that has no key of its own (eval'd code) uses this.
  // DONT_CONTEXTIFY: the context's own ordinary global is the context object.
  let referrer = contextObject;
  const importKey = importModeOf(importModuleDynamically, () => referrer);
  const global = rt.createContext(dontContextify ? null : contextObject,
    microtaskMode === 'afterEvaluate', importKey);
  if (dontContextify) contextObject = referrer = global;
  require('internal/options').prepareRealm(global);
  if (codeGeneration !== undefined) {
    rt.vmSetCodeGeneration(global, codeGeneration.strings !== false,
      codeGeneration.wasm !== false);
  }
  contexts.set(contextObject, { global });
  liveContexts.add(new WeakRef(contextObject));
  binding.inspector.contextCreated(global, options.name ?? `VM Context ${++contextCount}`);
  return contextObject;
}

const vmModulesFlag = process.execArgv.includes('--experimental-vm-modules');

/**
 * The import key of vm code compiled with `importModuleDynamically` (see
 * runtime/src/vm_run.rs): how its import() is served, as in Node. 'missing' without one and
 * 'flag' with a function but no --experimental-vm-modules (import() rejects); with the flag, a
 * key under which the function is called with the referrer (`referrerOf()`); '' lets the
 * default loader serve it (vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER).
 */
function importModeOf(importModuleDynamically, referrerOf) {
  if (importModuleDynamically === undefined) return 'missing';
  if (typeof importModuleDynamically !== 'function') return '';
  if (!vmModulesFlag) return 'flag';
  return require('internal/vm/module').importKeyFor(importModuleDynamically, referrerOf);
}

/** The arguments of binding.runtime.vmRun for `script` run in `global` with run `options`. */
function runArgs(global, script, options) {
  const displayErrors = options === undefined || options.displayErrors !== false;
  return [global, script.code, script.filename, script.lineOffset, script.columnOffset,
    displayErrors, script.importMode];
}

function runInContextOf(entry, script, options) {
  const args = runArgs(entry.global, script, options);
  if (watched(options)) return breakable(rt.vmRun, rt, args, options);
  return rt.vmRun(...args);
}

function validateScriptOptions(options) {
  if (typeof options === 'string') return;
  validateObjectArg(options, 'options');
  const {
    filename, lineOffset, columnOffset, cachedData, produceCachedData, importModuleDynamically,
  } = options;
  if (filename !== undefined) validateStringArg(filename, 'options.filename');
  if (lineOffset !== undefined) validateInt32(lineOffset, 'options.lineOffset');
  if (columnOffset !== undefined) validateInt32(columnOffset, 'options.columnOffset');
  if (cachedData !== undefined && !ArrayBuffer.isView(cachedData)) {
    throw new codes.ERR_INVALID_ARG_TYPE('options.cachedData',
      ['Buffer', 'TypedArray', 'DataView'], cachedData);
  }
  if (produceCachedData !== undefined) validateBoolean(produceCachedData, 'options.produceCachedData');
  if (importModuleDynamically !== undefined && typeof importModuleDynamically !== 'symbol') {
    validateFunction(importModuleDynamically, 'options.importModuleDynamically');
  }
}

function validateRunOptions(options) {
  if (options === undefined) return;
  validateObjectArg(options, 'options');
  const { timeout, displayErrors, breakOnSigint } = options;
  if (timeout !== undefined) validateUint32(timeout, 'options.timeout', true);
  if (displayErrors !== undefined) validateBoolean(displayErrors, 'options.displayErrors');
  if (breakOnSigint !== undefined) validateBoolean(breakOnSigint, 'options.breakOnSigint');
}

// The URL of the last `//# sourceMappingURL=` (or `//@`) magic comment, as V8 reads it.
function sourceMapURLOf(code) {
  const re = /\/\/[#@][ \t]sourceMappingURL=([^\s'"]+)[ \t]*$/gm;
  let url;
  for (let m = re.exec(code); m !== null; m = re.exec(code)) url = m[1];
  return url;
}

// node.vm.script trace events: a script's compilation, and each run (an X event, its length).
const kTraceCat = 'node,node.vm,node.vm.script';
const { state: traceState, traceEvents } = require('internal/trace_events_state');

function vmTracing() {
  return traceState.vmScript;
}

/** `run()` recorded as a RunInContext event (callers check vmTracing() first). */
function traceRun(run) {
  const start = process.hrtime.bigint();
  try {
    return run();
  } finally {
    const end = process.hrtime.bigint();
    traceEvents().record('X', kTraceCat, 'RunInContext', {}, { dur: Number((end - start) / 1000n) },
      Number(start / 1000n));
  }
}

class Script {
  #code;
  #filename;
  #lineOffset;
  #columnOffset;
  #importMode;

  constructor(code, options = {}) {
    code = `${code}`;
    validateScriptOptions(options);
    this.#code = code;
    this.#filename = filenameOf(options);
    this.#lineOffset = typeof options === 'object' ? options.lineOffset ?? 0 : 0;
    this.#columnOffset = typeof options === 'object' ? options.columnOffset ?? 0 : 0;
    // Compiled now, as in Node: a syntax error throws here, and a code cache handed in is
    // checked (V8 keeps the compiled script, so a run does not parse it again).
    const { cachedData, produceCachedData, importModuleDynamically } =
      typeof options === 'object' ? options : {};
    this.#importMode = importModeOf(importModuleDynamically, () => this);
    const traced = vmTracing();
    if (traced) traceEvents().record('B', kTraceCat, 'ContextifyScript::New', { filename: this.#filename });
    let rejected;
    let produced;
    try {
      [rejected, produced] = rt.vmCodeCache(code, this.#filename, this.#lineOffset,
        this.#columnOffset, cachedData, produceCachedData === true, this.#importMode);
    } finally {
      if (traced) traceEvents().record('E', kTraceCat, 'ContextifyScript::New');
    }
    if (cachedData !== undefined) this.cachedDataRejected = rejected;
    if (produceCachedData === true) {
      this.cachedDataProduced = produced !== undefined;
      if (produced !== undefined) this.cachedData = Buffer.from(produced.buffer);
    }
    const url = sourceMapURLOf(code);
    if (url !== undefined) this.sourceMapURL = url;
    else this.sourceMapURL = undefined;
  }

  #source() {
    return {
      code: this.#code, filename: this.#filename, lineOffset: this.#lineOffset,
      columnOffset: this.#columnOffset, importMode: this.#importMode,
    };
  }

  runInThisContext(options) {
    validateRunOptions(options);
    const args = runArgs(undefined, this.#source(), options);
    // Called here, not through a closure, unless traced: the error of an interrupted or
    // throwing script names Script.runInThisContext as the frame, as in Node.
    if (vmTracing()) {
      return traceRun(() => (watched(options) ? breakable(rt.vmRun, rt, args, options) : rt.vmRun(...args)));
    }
    if (watched(options)) return breakable(rt.vmRun, rt, args, options);
    return rt.vmRun(...args);
  }

  runInContext(contextifiedObject, options) {
    validateObject(contextifiedObject, 'contextifiedObject');
    validateRunOptions(options);
    const entry = contexts.get(contextifiedObject);
    if (entry === undefined) {
      throw new codes.ERR_INVALID_ARG_TYPE('contextifiedObject', 'vm.Context', contextifiedObject);
    }
    if (vmTracing()) return traceRun(() => runInContextOf(entry, this.#source(), options));
    return runInContextOf(entry, this.#source(), options);
  }

  runInNewContext(contextObject, options) {
    let codeGeneration;
    let microtaskMode;
    let name;
    if (options !== undefined && options !== null && typeof options === 'object') {
      validateContextOptions(options, 'context');
      name = options.contextName;
      codeGeneration = options.contextCodeGeneration;
      if (codeGeneration !== undefined) {
        validateObjectArg(codeGeneration, 'options.contextCodeGeneration');
      }
      microtaskMode = options.microtaskMode;
    }
    const sandbox = createContext(contextObject === undefined ? {} : contextObject,
      { codeGeneration, microtaskMode, name });
    return this.runInContext(sandbox, options);
  }

  createCachedData() {
    const produced = rt.vmCodeCache(this.#code, this.#filename, this.#lineOffset,
      this.#columnOffset, undefined, true, this.#importMode)[1];
    return produced === undefined ? Buffer.alloc(0) : Buffer.from(produced.buffer);
  }
}

function createScript(code, options) {
  return new Script(code, options);
}

let measureWarned = false;

/** An estimate from the heap statistics (V8's measureMemory API is not exposed to JS). */
function measureMemory(options = {}) {
  if (!measureWarned) {
    measureWarned = true;
    process.emitWarning('vm.measureMemory is an experimental feature and might change at any time',
      'ExperimentalWarning');
  }
  validateObjectArg(options, 'options');
  const { mode = 'summary', execution = 'default' } = options;
  if (mode !== 'summary' && mode !== 'detailed') {
    throw new codes.ERR_INVALID_ARG_VALUE('options.mode', mode);
  }
  if (execution !== 'default' && execution !== 'eager') {
    throw new codes.ERR_INVALID_ARG_VALUE('options.execution', execution);
  }
  const { heapUsed, heapTotal } = process.memoryUsage();
  const measure = (used) => ({ jsMemoryEstimate: used, jsMemoryRange: [used, Math.max(used, heapTotal)] });
  const result = { total: measure(heapUsed) };
  if (mode === 'detailed') {
    const others = [];
    for (const ref of liveContexts) {
      if (ref.deref() === undefined) liveContexts.delete(ref);
      else others.push(measure(0));
    }
    result.current = measure(heapUsed);
    result.other = others;
  }
  return Promise.resolve(result);
}

// The one-shot functions also take the filename alone in place of the options.
function runInThisContext(code, options) {
  if (typeof options === 'string') options = { filename: options };
  return new Script(code, options).runInThisContext(options);
}

function runInContext(code, contextifiedObject, options) {
  if (typeof options === 'string') options = { filename: options };
  return new Script(code, options).runInContext(contextifiedObject, options);
}

function runInNewContext(code, contextObject, options) {
  if (typeof options === 'string') options = { filename: options };
  return new Script(code, options).runInNewContext(contextObject, options);
}

function compileFunction(code, params = [], options = {}) {
  validateString(code, 'code');
  if (params !== undefined) validateStringArray(params, 'params');
  validateObjectArg(options, 'options');
  const {
    filename = '', columnOffset = 0, lineOffset = 0, cachedData, produceCachedData = false,
    parsingContext, contextExtensions = [], importModuleDynamically,
  } = options;
  validateStringArg(filename, 'options.filename');
  validateInt32(columnOffset, 'options.columnOffset');
  validateInt32(lineOffset, 'options.lineOffset');
  if (cachedData !== undefined && !ArrayBuffer.isView(cachedData)) {
    throw new codes.ERR_INVALID_ARG_TYPE('options.cachedData',
      ['Buffer', 'TypedArray', 'DataView'], cachedData);
  }
  validateBoolean(produceCachedData, 'options.produceCachedData');
  if (parsingContext !== undefined &&
      (parsingContext === null || typeof parsingContext !== 'object' ||
       !contexts.has(parsingContext))) {
    throw new codes.ERR_INVALID_ARG_TYPE('options.parsingContext', 'Context', parsingContext);
  }
  validateArray(contextExtensions, 'options.contextExtensions');
  for (let i = 0; i < contextExtensions.length; i++) {
    const extension = contextExtensions[i];
    if (typeof extension !== 'object') {
      throw new codes.ERR_INVALID_ARG_TYPE(`options.contextExtensions[${i}]`, 'object', extension);
    }
  }
  let global;
  if (parsingContext !== undefined) {
    global = contexts.get(parsingContext).global;
  }
  let compiled;
  const [fn, rejected, produced] = rt.vmCompileFunction(code, filename, lineOffset,
    columnOffset, params === undefined ? [] : params, contextExtensions, global, cachedData,
    produceCachedData, importModeOf(importModuleDynamically, () => compiled));
  compiled = fn;
  if (cachedData !== undefined) fn.cachedDataRejected = rejected;
  if (produceCachedData) {
    fn.cachedDataProduced = produced !== undefined;
    if (produced !== undefined) fn.cachedData = Buffer.from(produced.buffer);
  }
  return fn;
}

// vm.Module and friends exist only under --experimental-vm-modules, as in Node.
const vmModules = process.execArgv.includes('--experimental-vm-modules') ?
  require('internal/vm/module') : {};

module.exports = {
  ...vmModules,
  Script,
  compileFunction,
  createScript,
  measureMemory,
  constants,
  createContext,
  isContext,
  runInContext,
  runInNewContext,
  runInThisContext,
};
