'use strict';
// Module customization hooks: `module.register(specifier[, parentURL][, options])` and
// `--experimental-loader` (`--loader`). A hooks module exports any of `initialize(data)`,
// `resolve(specifier, context, nextResolve)` and `load(url, context, nextLoad)`; the hooks of
// the module registered last run first, and each may call the next one or answer itself with
// `shortCircuit: true`. Node runs them on a loader thread; Eddy runs them on the main thread,
// asynchronously, before a graph they affect is linked (internal/modules/esm/loader's
// asynchronous path). They apply to `import` (static and dynamic) and, once any is registered,
// to the main entry; `require()` is not affected, as in Node 20.

const { codes } = require('internal/errors');

// Hook functions, in registration order: { fn, name } where name is "<url> 'resolve'".
const resolveHooks = [];
const loadHooks = [];
// Settles once every registered hooks module has been evaluated and initialized.
let ready = Promise.resolve();
let active = false;
// register() calls under way (their hooks module being evaluated).
let evaluating = 0;
// The synchronous loader's pieces (internal/modules/esm/loader's setLoader call).
let loader = null;

function setLoader(impl) {
  loader = impl;
}

/** Whether imports go through the hooks: once anything was registered. */
function isActive() {
  return active;
}

function isObject(value) {
  return value !== null && typeof value === 'object';
}

/**
 * `module.register`: `loadHooksModule()` loads the hooks module through the hooks registered
 * before it (as Node's loader thread does) and evaluates it; it resolves to its namespace.
 * Its hooks join the chain once that is done and its initialize() (awaited if it returns a
 * promise) has run: every resolve and load waits for that. Returns undefined, as Node's
 * register() does.
 */
function register(specifier, data, loadHooksModule) {
  // Node evaluates a hooks module on its loader thread, where a module that registers itself
  // on the main thread (tsx does) does not register again. Here it runs on the main thread,
  // so a register() made while a hooks module is being evaluated is that case: it is left
  // out, or the module would register a new copy of itself without end.
  if (evaluating > 0) return undefined;
  active = true;
  const add = (ns) => {
    if (typeof ns.resolve === 'function') resolveHooks.push({ fn: ns.resolve, name: `${specifier} 'resolve'` });
    if (typeof ns.load === 'function') loadHooks.push({ fn: ns.load, name: `${specifier} 'load'` });
    return typeof ns.initialize === 'function' ? ns.initialize(data) : undefined;
  };
  const previous = ready;
  // The next registration waits for this one; resolve/load calls wait for all of them.
  ready = previous.then(() => loadHooksModule()).then(add).then(() => undefined);
  return undefined;
}

/** Runs `evaluate` (a hooks module's evaluation) marked as such for register(). */
function evaluatingHooksModule(evaluate) {
  evaluating++;
  try {
    return evaluate();
  } finally {
    evaluating--;
  }
}

/** Calls the chain `hooks` from its top (the last registered) down to `base`. */
function runChain(hooks, base, kind, first, context, validate) {
  const step = (index, value, ctx) => {
    if (index < 0) return Promise.resolve(base(value, ctx));
    const { fn, name } = hooks[index];
    let calledNext = false;
    const next = (nextValue, nextContext) => {
      calledNext = true;
      validateNextArg(kind, name, nextValue);
      return step(index - 1, nextValue, nextContext === undefined ? ctx : { ...ctx, ...nextContext });
    };
    return Promise.resolve(fn(value, ctx, next)).then((result) => {
      if (!calledNext && (result === null || typeof result !== 'object' || result.shortCircuit !== true)) {
        throw new codes.ERR_LOADER_CHAIN_INCOMPLETE(name);
      }
      validate(result, name);
      return result;
    });
  };
  return step(hooks.length - 1, first, context);
}

function validateNextArg(kind, name, value) {
  if (typeof value !== 'string') {
    const arg = kind === 'resolve' ? 'specifier' : 'url';
    throw new codes.ERR_INVALID_ARG_TYPE(`${name} hook's next${kind === 'resolve' ? 'Resolve' : 'Load'}(${arg})`,
      'string', value);
  }
}

function validateResolved(result, name) {
  if (!isObject(result)) {
    throw new codes.ERR_INVALID_RETURN_VALUE('an object', name, result);
  }
  if (typeof result.url !== 'string') {
    throw new codes.ERR_INVALID_RETURN_PROPERTY_VALUE('a URL string', name, 'url', result.url);
  }
  if (result.format != null && typeof result.format !== 'string') {
    throw new codes.ERR_INVALID_RETURN_PROPERTY_VALUE('a string', name, 'format', result.format);
  }
}

function validateLoaded(result, name) {
  if (!isObject(result)) {
    throw new codes.ERR_INVALID_RETURN_VALUE('an object', name, result);
  }
  const { source } = result;
  if (source != null && typeof source !== 'string' && !(source instanceof ArrayBuffer) &&
      !ArrayBuffer.isView(source)) {
    throw new codes.ERR_INVALID_RETURN_PROPERTY_VALUE('a string, an ArrayBuffer, or a TypedArray',
      name, 'source', source);
  }
}

// ===== the defaults at the bottom of the chains =====

function defaultResolve(specifier, context) {
  const parentURL = context.parentURL === undefined ? loader.cwdURL() : context.parentURL;
  const url = loader.resolve(specifier, parentURL);
  let format;
  try {
    format = loader.formatOf(url);
  } catch {
    // No format known from the URL: the load step decides (or fails).
  }
  return { url, format };
}

function defaultLoad(url, context) {
  const format = context.format == null ? loader.formatOf(url) : context.format;
  // responseURL: where the source came from, as Node's default gives it (tsx reads it).
  if (format === 'builtin') return { format, source: null, responseURL: url };
  if (format === 'commonjs') return { format, source: undefined, responseURL: url };
  if (!url.startsWith('file:') && !url.startsWith('data:')) {
    throw new codes.ERR_UNSUPPORTED_ESM_URL_SCHEME({ href: url, protocol: url.slice(0, url.indexOf(':') + 1) },
      ['file', 'data', 'node']);
  }
  const { Buffer } = require('buffer');
  const source = url.startsWith('file:') ?
    require('fs').readFileSync(loader.fileURLToPath(url)) : Buffer.from(loader.sourceOf(url));
  return { format, source, responseURL: url };
}

// ===== resolve and load through the chains =====

function conditions() {
  return [...require('internal/modules/esm/resolve').getEsmConditions()];
}

/**
 * `{ url, format }` for `specifier` imported from `parentURL`, through the resolve chain.
 * `now` (loading a hooks module): through the hooks registered so far, without waiting for
 * registrations still under way (that would wait for itself).
 */
function resolve(specifier, parentURL, importAttributes, now) {
  const context = { conditions: conditions(), importAttributes, parentURL };
  return (now ? Promise.resolve() : ready).then(() => runChain(resolveHooks, defaultResolve,
    'resolve', specifier, context, validateResolved));
}

/** `{ format, source }` of `url`, through the load chain; `format` is the resolve hint. */
function load(url, format, importAttributes, now) {
  const context = { format, importAttributes };
  return (now ? Promise.resolve() : ready).then(() => runChain(loadHooks, defaultLoad, 'load',
    url, context, validateLoaded))
    .then((result) => {
      if (typeof result.format !== 'string') {
        throw new codes.ERR_UNKNOWN_MODULE_FORMAT(result.format, url);
      }
      return result;
    });
}

function textOf(source) {
  if (typeof source === 'string') return source;
  const bytes = source instanceof ArrayBuffer ? new Uint8Array(source) : source;
  return new TextDecoder().decode(bytes);
}

// ===== a module graph loaded asynchronously =====

// url -> promise of the record, while the load hooks have it and it is not compiled yet.
const loading = new Map();
// Records whose imports are still being loaded -> the promise that settles when all are linked.
const linking = new WeakMap();

/**
 * The record of `url` (resolve hint `format`) with its whole graph linked. `ancestors` are the
 * modules above it on this path, whose own linking waits for it (an import cycle).
 * `leaveToCaller(format, source)`: answer null instead of loading (the CommonJS main entry).
 */
function loadGraph(url, format, attributes, ancestors, leaveToCaller, now) {
  const cached = loader.cached(url);
  if (cached !== undefined) {
    loader.checkAttributes(url, cached.format, attributes);
    const pending = linking.get(cached);
    return pending === undefined || ancestors.has(url) ? Promise.resolve(cached) : pending.then(() => cached);
  }
  const inFlight = loading.get(url);
  if (inFlight !== undefined) return inFlight;
  const promise = load(url, format, attributes, now).then((result) => {
    loading.delete(url);
    const { format: loadedFormat, source } = result;
    if (leaveToCaller !== undefined && leaveToCaller(loadedFormat, source)) return null;
    const again = loader.cached(url);
    if (again !== undefined) return again;
    loader.checkAttributes(url, loadedFormat, attributes);
    switch (loadedFormat) {
      case 'builtin': return loader.loadBuiltin(url);
      case 'json': return loader.loadJson(url, source == null ? undefined : textOf(source));
      case 'commonjs': return loader.loadCommonJS(url, source == null ? undefined : textOf(source));
      case 'module': break;
      default: throw new codes.ERR_UNKNOWN_MODULE_FORMAT(loadedFormat, url);
    }
    if (source == null) throw new codes.ERR_INVALID_RETURN_PROPERTY_VALUE('a string, an ArrayBuffer, or a TypedArray', `${url} 'load'`, 'source', source);
    const [record, requests] = loader.compileSourceText(url, textOf(source));
    const inner = new Set(ancestors).add(url);
    const linked = Promise.all(requests.map(([specifier, childAttributes]) =>
      resolve(specifier, url, childAttributes, now)
        .then((r) => loadGraph(r.url, r.format, childAttributes, inner, undefined, now))
        .then((child) => loader.link(record.id, specifier, child.id))))
      .finally(() => linking.delete(record));
    linking.set(record, linked);
    return linked.then(() => record);
  }, (err) => {
    loading.delete(url);
    throw err;
  });
  loading.set(url, promise);
  return promise;
}

/**
 * import of `specifier` from `parentURL` through the hooks: the record, its graph linked.
 * `now`: see resolve().
 */
function importURL(specifier, parentURL, attributes, leaveToCaller, now) {
  return Promise.resolve()
    .then(() => resolve(specifier, parentURL, attributes, now))
    .then((r) => loadGraph(r.url, r.format, attributes, new Set(), leaveToCaller, now));
}

module.exports = {
  evaluatingHooksModule,
  importURL,
  isActive,
  register,
  setLoader,
};
