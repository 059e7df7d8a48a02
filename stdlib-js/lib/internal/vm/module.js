'use strict';
// vm.Module, vm.SourceTextModule and vm.SyntheticModule (--experimental-vm-modules) on the
// runtime's module records (binding.runtime.compileModule & co.), linked and evaluated in the
// module's vm context (options.context) or the main one. A SyntheticModule's exports are set
// when it evaluates; setExport() after that does not reach importers (the runtime has no call
// for it yet).

const {
  codes, validateFunction, validateInt32, validateObject, validateString,
} = require('internal/errors');
const { vmImportHooks, vmImportMeta } = require('internal/modules/esm/loader');
const { breakable, watched } = require('internal/vm/breakable');

const rt = binding.runtime;
const kInspect = Symbol.for('nodejs.util.inspect.custom');
const kPerContextIds = { next: 0 };

// V8's ModuleStatus, as Node names it.
const statusNames = ['unlinked', 'linking', 'linked', 'evaluating', 'evaluated', 'errored'];

const kState = Symbol('kState');

function stateOf(self) {
  if (self === null || typeof self !== 'object' || !(kState in self)) {
    throw new codes.ERR_VM_MODULE_NOT_MODULE();
  }
  return self[kState];
}

function statusOf(state) {
  if (state.linking) return 'linking';
  if (state.error !== undefined) return 'errored';
  const [status] = rt.moduleInfo(state.id);
  return statusNames[status] ?? 'unlinked';
}

/** The global of `options.context` (undefined for the main context), once validated. */
function contextGlobal(options) {
  if (options.context === undefined) return undefined;
  const { isContext, runInContext } = require('vm');
  if (options.context === null || typeof options.context !== 'object' || !isContext(options.context)) {
    throw new codes.ERR_INVALID_ARG_TYPE('options.context', 'vm.Context', options.context);
  }
  return runInContext('globalThis', options.context);
}

/**
 * The import key (see runtime/src/vm_run.rs) under which import() in vm code calls
 * `importModuleDynamically(specifier, referrerOf(), attributes)`; what it gives must be a
 * vm.Module, whose namespace is imported, or a namespace, as in Node.
 */
function importKeyFor(importModuleDynamically, referrerOf) {
  const key = Symbol('vm import');
  vmImportHooks.set(key, async (specifier, attributes) => {
    const m = await importModuleDynamically(specifier, referrerOf(),
      { __proto__: null, ...attributes });
    if (binding.types.isModuleNamespaceObject(m)) return m;
    if (m === null || typeof m !== 'object' || !(kState in m)) {
      throw new codes.ERR_VM_MODULE_NOT_MODULE();
    }
    if (statusOf(m[kState]) === 'errored') throw m[kState].error;
    return m.namespace;
  });
  return key;
}

let experimentalWarned = false;

class Module {
  constructor(skip) {
    if (new.target === Module || skip !== kState) {
      throw new TypeError('Module is not a constructor');
    }
    if (!experimentalWarned) {
      experimentalWarned = true;
      process.emitWarning('VM Modules is an experimental feature and might change at any time',
        'ExperimentalWarning');
    }
  }

  get identifier() { return stateOf(this).identifier; }

  get context() { return stateOf(this).context; }

  get status() { return statusOf(stateOf(this)); }

  get namespace() {
    const state = stateOf(this);
    const status = statusOf(state);
    if (status === 'unlinked' || status === 'linking') {
      throw new codes.ERR_VM_MODULE_STATUS('must not be unlinked or linking');
    }
    return rt.getModuleNamespace(state.id);
  }

  get error() {
    const state = stateOf(this);
    if (statusOf(state) !== 'errored') throw new codes.ERR_VM_MODULE_STATUS('must be errored');
    return state.error;
  }

  async link(linker) {
    const state = stateOf(this);
    validateFunction(linker, 'linker');
    const status = statusOf(state);
    if (status === 'linked') throw new codes.ERR_VM_MODULE_ALREADY_LINKED();
    if (status !== 'unlinked') throw new codes.ERR_VM_MODULE_STATUS('must be unlinked');
    await linkGraph(this, linker);
    rt.instantiateModule(state.id, state.global);
  }

  async evaluate(options = {}) {
    const state = stateOf(this);
    validateObject(options, 'options');
    const { timeout, breakOnSigint } = options;
    if (timeout !== undefined) validateInt32(timeout, 'options.timeout', 1);
    if (breakOnSigint !== undefined && typeof breakOnSigint !== 'boolean') {
      throw new codes.ERR_INVALID_ARG_TYPE('options.breakOnSigint', 'boolean', breakOnSigint);
    }
    const status = statusOf(state);
    if (!['linked', 'evaluating', 'evaluated', 'errored'].includes(status)) {
      throw new codes.ERR_VM_MODULE_STATUS('must be one of linked, evaluated, or errored');
    }
    if (state.error !== undefined) throw state.error;
    try {
      const args = [state.id, state.global];
      await (watched(options) ? breakable(rt.evaluateModule, rt, args, options) :
        rt.evaluateModule(...args));
    } catch (err) {
      state.error = err;
      throw err;
    }
  }

  [kInspect](depth, options) {
    if (depth < 0) return this;
    const { inspect } = require('internal/util/inspect');
    const opts = { ...options, depth: options.depth == null ? null : options.depth - 1 };
    const state = this[kState];
    const shown = { status: statusOf(state), identifier: state.identifier, context: state.context };
    return `${this.constructor.name} ${inspect(shown, opts)}`;
  }
}

async function linkGraph(module, linker) {
  const state = module[kState];
  state.linking = true;
  try {
    const modules = await Promise.all(state.requests.map(async ([specifier, attributes]) => {
      const target = await linker(specifier, module, { attributes, assert: attributes });
      if (target === null || typeof target !== 'object' || !(kState in target)) {
        throw new codes.ERR_VM_MODULE_NOT_MODULE();
      }
      if (target.context !== module.context) throw new codes.ERR_VM_MODULE_DIFFERENT_CONTEXT();
      const targetStatus = statusOf(target[kState]);
      if (targetStatus === 'errored') {
        const err = new Error(`request for '${specifier}' resolved to an errored module`);
        err.code = 'ERR_VM_MODULE_LINK_FAILURE';
        err.cause = target[kState].error;
        throw err;
      }
      if (targetStatus === 'unlinked') await linkGraph(target, linker);
      return target;
    }));
    modules.forEach((target, i) => rt.linkModule(state.id, state.requests[i][0], target[kState].id));
  } finally {
    state.linking = false;
  }
}

// `global` is the global of the module's vm context (undefined for the main context).
function makeState(id, identifier, context, global, requests) {
  return { id, identifier, context, global, requests, linking: false, error: undefined };
}

class SourceTextModule extends Module {
  constructor(sourceText, options = {}) {
    validateString(sourceText, 'sourceText');
    validateObject(options, 'options');
    const {
      identifier = `vm:module(${kPerContextIds.next++})`, lineOffset = 0, columnOffset = 0,
      cachedData, initializeImportMeta, importModuleDynamically,
    } = options;
    validateString(identifier, 'options.identifier');
    validateInt32(lineOffset, 'options.lineOffset');
    validateInt32(columnOffset, 'options.columnOffset');
    if (initializeImportMeta !== undefined) {
      validateFunction(initializeImportMeta, 'options.initializeImportMeta');
    }
    if (importModuleDynamically !== undefined) {
      validateFunction(importModuleDynamically, 'options.importModuleDynamically');
    }
    if (cachedData !== undefined && !ArrayBuffer.isView(cachedData)) {
      throw new codes.ERR_INVALID_ARG_TYPE('options.cachedData',
        ['Buffer', 'TypedArray', 'DataView'], cachedData);
    }
    const global = contextGlobal(options);
    super(kState);
    const importKey = importModuleDynamically === undefined ? 'missing' :
      importKeyFor(importModuleDynamically, () => this);
    const [id, requests, rejected] = rt.compileModule(sourceText, identifier, lineOffset,
      columnOffset, cachedData, importKey);
    if (rejected === true) {
      throw new codes.ERR_VM_MODULE_CACHED_DATA_REJECTED('cachedData buffer was rejected');
    }
    this[kState] = makeState(id, identifier, options.context, global, requests);
    if (initializeImportMeta !== undefined) {
      vmImportMeta.set(id, (meta) => initializeImportMeta(meta, this));
    }
  }

  get dependencySpecifiers() {
    const state = stateOf(this);
    if (state.specifiers === undefined) {
      state.specifiers = Object.freeze(state.requests.map(([specifier]) => specifier));
    }
    return state.specifiers;
  }

  createCachedData() {
    const status = this.status;
    if (status === 'evaluating' || status === 'evaluated' || status === 'errored') {
      throw new codes.ERR_VM_MODULE_CANNOT_CREATE_CACHED_DATA();
    }
    return Buffer.from(rt.moduleCodeCache(stateOf(this).id).buffer);
  }
}

class SyntheticModule extends Module {
  constructor(exportNames, evaluateCallback, options = {}) {
    if (!Array.isArray(exportNames) || exportNames.some((e) => typeof e !== 'string')) {
      throw new codes.ERR_INVALID_ARG_TYPE('exportNames', 'Array of unique strings', exportNames);
    }
    for (let i = 0; i < exportNames.length; i++) {
      if (exportNames.indexOf(exportNames[i]) !== i) {
        throw new codes.ERR_INVALID_ARG_VALUE(`exportNames.${exportNames[i]}`, exportNames[i],
          'is already defined');
      }
    }
    validateFunction(evaluateCallback, 'evaluateCallback');
    validateObject(options, 'options');
    const { identifier = `vm:module(${kPerContextIds.next++})` } = options;
    validateString(identifier, 'options.identifier');
    const global = contextGlobal(options);
    super(kState);
    const exports = { __proto__: null };
    const id = rt.createSyntheticModule(identifier, exportNames, () => {
      const result = evaluateCallback.call(this);
      // A returned promise is awaited by nobody (as in Node); a rejection is left to it.
      void result;
      return exports;
    });
    this[kState] = makeState(id, identifier, options.context, global, []);
    this[kState].exportNames = exportNames;
    this[kState].exports = exports;
  }

  setExport(name, value) {
    const state = stateOf(this);
    validateString(name, 'name');
    const status = statusOf(state);
    if (status === 'unlinked' || status === 'linking') {
      throw new codes.ERR_VM_MODULE_STATUS('must be linked');
    }
    if (!state.exportNames.includes(name)) {
      throw new ReferenceError(`Export '${name}' is not defined in module`);
    }
    state.exports[name] = value;
  }
}

module.exports = { Module, SourceTextModule, SyntheticModule, importKeyFor };
