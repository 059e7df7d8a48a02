'use strict';
// The ES module loader: resolution (ESM rules: no extension probing, file: URLs, package
// "exports" with the import conditions), loading by format (module, commonjs, json, builtin),
// linking through binding.runtime (runtime/src/esm.rs), evaluation, import() and import.meta.
// Loaded by internal/bootstrap/node, which exposes importModuleDynamically and
// initializeImportMeta as runtime hooks.

const path = require('path');
const { codes } = require('internal/errors');

const rt = binding.runtime;
// The working directory at start-up (none when it had been removed).
let startCwd;
try {
  startCwd = process.cwd();
} catch {
  startCwd = undefined;
}
const fsb = binding.fs;

const pjr = require('internal/modules/esm/resolve');
const hooks = require('internal/modules/esm/hooks');
const cjsExports = require('internal/modules/esm/cjs_exports');

let requireBuiltin;
let Module;
let cjsLoader;

function setup(builtinLoader, loader) {
  requireBuiltin = builtinLoader;
  cjsLoader = loader;
  Module = loader.Module;
}

// ===== file URLs =====

// What Node's pathToFileURL leaves as is; everything else is percent-encoded as UTF-8.
const keepInPath = /[A-Za-z0-9\-._!$&'()*+,;=:@/]/;

function pathToFileURLString(filepath) {
  let out = 'file://';
  for (const ch of filepath) {
    if (keepInPath.test(ch)) {
      out += ch;
    } else {
      for (const byte of new TextEncoder().encode(ch)) {
        out += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
      }
    }
  }
  return out;
}

function fileURLToPath(url) {
  if (!url.startsWith('file:')) {
    const err = new TypeError('The URL must be of scheme file');
    err.code = 'ERR_INVALID_URL_SCHEME';
    throw err;
  }
  let rest = url.slice(5);
  if (rest.startsWith('//')) {
    rest = rest.slice(2);
    const slash = rest.indexOf('/');
    const host = slash < 0 ? rest : rest.slice(0, slash);
    if (host !== '' && host !== 'localhost') {
      const err = new TypeError('File URL host must be "localhost" or empty on linux');
      err.code = 'ERR_INVALID_FILE_URL_HOST';
      throw err;
    }
    rest = slash < 0 ? '/' : rest.slice(slash);
  }
  rest = rest.replace(/[?#].*$/, '');
  if (/%2f/i.test(rest)) {
    const err = new TypeError('File URL path must not include encoded / characters');
    err.code = 'ERR_INVALID_FILE_URL_PATH';
    throw err;
  }
  return decodeURIComponent(rest);
}

// ===== resolution =====

function isBuiltinSpecifier(specifier) {
  if (specifier.startsWith('node:')) {
    const name = specifier.slice(5);
    return requireBuiltin.ids.includes(name) ? name : undefined;
  }
  // node:test is only reachable with its prefix.
  // node:test and node:test/reporters only with their scheme.
  return requireBuiltin.ids.includes(specifier) && specifier !== 'test' &&
    specifier !== 'test/reporters' ? specifier : undefined;
}

/** The "type" of the nearest package.json above `filepath` ('commonjs' when none says). */
function packageType(filepath) {
  return cjsLoader.packageTypeOf(filepath) === 'module' ? 'module' : 'commonjs';
}

/**
 * The format of a .js (or extensionless) file: its package "type", else its syntax decides
 * (Node 22's detection: ES module syntax that cannot compile as CommonJS makes it a module).
 */
/**
 * The format of a .js/.ts file: its package "type", else what its syntax says (Node 22's
 * detection, which covers TypeScript since 22.7): `moduleSyntax(source)` decides.
 */
function formatByTypeOrSyntax(filepath, moduleSyntax) {
  const type = cjsLoader.packageTypeOf(filepath);
  if (type !== undefined) return type;
  let source;
  try {
    source = fsb.readFileUtf8(filepath);
  } catch {
    return 'commonjs';
  }
  return moduleSyntax(source) ? 'module' : 'commonjs';
}

function jsFormat(filepath) {
  return formatByTypeOrSyntax(filepath,
    (source) => cjsLoader.containsModuleSyntax(source, filepath));
}

/** Code that only parses as a module (import/export, import.meta, top-level await) is one. */
function tsFormat(filepath) {
  return formatByTypeOrSyntax(filepath, (source) => {
    try {
      const code = rt.stripTypeScript(source, filepath, false);
      return cjsLoader.containsModuleSyntax(code, filepath);
    } catch {
      try {
        rt.stripTypeScript(source, filepath, true);
        return true;
      } catch {
        return false; // not valid either way: loading it as CommonJS reports the error
      }
    }
  });
}

function parentPathOf(parentURL) {
  return parentURL.startsWith('file:') ? fileURLToPath(parentURL) : path.join(process.cwd(), parentURL);
}

/** A bare or `#` specifier through package.json "exports"/"imports"/"main": a path or node:x. */
function resolvePackage(specifier, parentURL, withBuiltins = true) {
  return pjr.esmResolve(specifier, parentPathOf(parentURL), undefined, withBuiltins);
}

/**
 * Node's hint on a failed ESM resolution: what require() would have found, as in
 * `Did you mean to import "./x.js"?`.
 */
function addCommonJSHint(error, specifier, parentURL) {
  let found;
  try {
    const parent = parentPathOf(parentURL);
    const tmp = new Module(parent, null);
    tmp.filename = parent;
    tmp.paths = Module._nodeModulePaths(parent);
    found = Module._resolveFilename(specifier, tmp, false);
    if (specifier.startsWith('./') || specifier.startsWith('../')) {
      found = path.relative(path.dirname(parent), found);
      if (!found.startsWith('../')) found = `./${found}`;
    } else if (!specifier.startsWith('/') && !specifier.startsWith('.')) {
      const slash = specifier.indexOf('/');
      const pkg = slash === -1 ? specifier : specifier.slice(0, slash);
      const needle = `/node_modules/${pkg}/`;
      const at = found.lastIndexOf(needle);
      found = at !== -1
        ? `${pkg}/${found.slice(at + needle.length).split('/').map(encodeURIComponent).join('/')}`
        : pathToFileURLString(found);
    }
  } catch {
    return;
  }
  if (!found || found === specifier) return;
  const hint = `Did you mean to import ${JSON.stringify(found)}?`;
  const lines = `${error.stack}`.split('\n');
  error.stack = [lines[0], hint, ...lines.slice(1)].join('\n');
  error.message += `\n${hint}`;
}

/** The URL `specifier` names inside the module at `parentURL`. */
function resolve(specifier, parentURL) {
  if (policy !== null) {
    // The manifest entry of the importing module may forbid or redirect the specifier.
    const target = policy.redirectImport(parentURL, specifier);
    if (target !== true) specifier = target;
  }
  try {
    return resolveURL(specifier, parentURL);
  } catch (error) {
    if (error !== null && typeof error === 'object' &&
        (error.code === 'ERR_MODULE_NOT_FOUND' || error.code === 'ERR_UNSUPPORTED_DIR_IMPORT') &&
        specifier[0] !== '#') {
      addCommonJSHint(error, specifier.startsWith('file:') ? fileURLToPath(specifier) : specifier,
        parentURL);
    }
    throw error;
  }
}

/** `withBuiltins` false (a ShadowRealm): `node:x` names nothing and `x` is a package. */
function resolveURL(specifier, parentURL, withBuiltins = true) {
  const builtin = withBuiltins ? isBuiltinSpecifier(specifier) : undefined;
  if (builtin !== undefined) return `node:${builtin}`;
  if (specifier.startsWith('node:')) throw new codes.ERR_UNKNOWN_BUILTIN_MODULE(specifier);
  let filepath;
  if (specifier.startsWith('data:')) {
    dataURLParts(specifier); // throws for a malformed data: URL
    return specifier;
  }
  const relative = specifier.startsWith('/') || specifier.startsWith('./') ||
    specifier.startsWith('../') || specifier === '.' || specifier === '..';
  if (relative && parentURL.startsWith('data:')) {
    // A data: URL has no hierarchy to resolve against.
    throw new codes.ERR_UNSUPPORTED_RESOLVE_REQUEST(specifier, parentURL);
  }
  // A URL's query and fragment name another instance of the same file (`./x.mjs?v=2`).
  let suffix = '';
  if (specifier.startsWith('file:')) {
    filepath = fileURLToPath(specifier);
    suffix = urlSuffix(specifier);
  } else if (relative) {
    suffix = urlSuffix(specifier);
    const bare = specifier.slice(0, specifier.length - suffix.length);
    const base = parentPathOf(parentURL);
    // A parent URL ending in "/" is a directory (the cwd, for --import).
    filepath = path.resolve(base.endsWith('/') ? base : path.dirname(base),
      decodeURIComponent(bare));
    if (bare.endsWith('/')) filepath += '/';
  } else if (/^[a-zA-Z][a-zA-Z\d+\-.]*:/.test(specifier)) {
    throw new codes.ERR_UNSUPPORTED_ESM_URL_SCHEME(new URLish(specifier), ['file', 'data', 'node']);
  } else {
    filepath = resolvePackage(specifier, parentURL, withBuiltins);
    if (filepath.startsWith('node:')) {
      if (!withBuiltins) throw new codes.ERR_UNKNOWN_BUILTIN_MODULE(filepath);
      return filepath;
    }
  }
  const parentPath = parentPathOf(parentURL);
  // A path ending in "/" is always a directory import (Node stats "/" for it).
  const stat = filepath.endsWith('/') ? 1 : fsb.internalModuleStat(filepath);
  pjr.finalizeResolution(filepath, parentPath, stat);
  let real = filepath;
  try {
    real = fsb.realpath(filepath);
  } catch {
    // keep the path as written
  }
  return pathToFileURLString(real) + suffix;
}

/** The `?query#fragment` part of a URL or relative URL specifier ('' when it has none). */
function urlSuffix(specifier) {
  const at = specifier.search(/[?#]/);
  return at < 0 ? '' : specifier.slice(at);
}

// Just enough of a URL for ERR_UNSUPPORTED_ESM_URL_SCHEME's message.
function URLish(href) {
  this.href = href;
  this.protocol = href.slice(0, href.indexOf(':') + 1);
}

// ===== data: URLs =====

/** The bytes of a URL component with its %XX escapes decoded. */
function percentDecodeBytes(text) {
  const bytes = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x25 && /^[0-9a-f]{2}$/i.test(text.slice(i + 1, i + 3))) {
      bytes.push(parseInt(text.slice(i + 1, i + 3), 16));
      i += 2;
    } else if (c < 0x80) {
      bytes.push(c);
    } else {
      for (const b of new TextEncoder().encode(text[i])) bytes.push(b);
    }
  }
  return new Uint8Array(bytes);
}

/** The media type and decoded text of a `data:` URL. */
function dataURLParts(url) {
  const m = /^data:([^,]*?)(;base64)?,([\s\S]*)$/.exec(url);
  if (m === null) throw new codes.ERR_INVALID_URL(url);
  const mime = m[1].split(';')[0].trim().toLowerCase();
  let bytes = percentDecodeBytes(m[3]);
  if (m[2]) {
    const binary = atob(String.fromCharCode(...bytes).replace(/\s/g, ''));
    bytes = Uint8Array.from(binary, (ch) => ch.charCodeAt(0));
  }
  return { mime, text: new TextDecoder().decode(bytes) };
}

/** Source text of a module URL: a file's contents or a data: URL's payload. */
function sourceOf(url) {
  if (url.startsWith('data:')) return dataURLParts(url).text;
  if (policy !== null) {
    // The bytes the policy checks are the bytes that run.
    const bytes = fsb.readFileSync(fileURLToPath(url));
    policy.assertFileIntegrity(url, bytes);
    return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
  }
  return fsb.readFileUtf8(fileURLToPath(url));
}

// The policy (internal/policy/manifest) once --experimental-policy's manifest is read.
let policy = null;
function setPolicy(manifest) {
  policy = manifest;
}

// ===== formats =====

function formatOf(url) {
  if (url.startsWith('node:')) return 'builtin';
  if (url.startsWith('data:')) {
    const { mime } = dataURLParts(url);
    if (mime === 'text/javascript') return 'module';
    if (mime === 'application/json') return 'json';
    throw new codes.ERR_UNKNOWN_MODULE_FORMAT(mime, url);
  }
  const filepath = fileURLToPath(url);
  const ext = path.extname(filepath);
  switch (ext) {
    case '.mjs': return 'module';
    case '.cjs': case '.cts': return 'commonjs';
    case '.json': return 'json';
    case '.js': case '': return jsFormat(filepath);
    case '.mts': return 'module';
    case '.ts': return tsFormat(filepath);
    // Addons load through require() (or createRequire); Node 20's import refuses them too.
    default:
      throw new codes.ERR_UNKNOWN_FILE_EXTENSION(ext, filepath);
  }
}

// ===== records =====

const byUrl = new Map();
const byId = new Map();

function checkAttributes(url, format, attributes) {
  // Own properties only: Object.prototype may carry a user's `type` getter.
  const type = attributes && Object.hasOwn(attributes, 'type') ? attributes.type : undefined;
  if (type !== undefined && type !== 'json') {
    throw new codes.ERR_IMPORT_ASSERTION_TYPE_UNSUPPORTED(type);
  }
  if (format === 'json' && type !== 'json') {
    throw new codes.ERR_IMPORT_ASSERTION_TYPE_MISSING(url, 'json');
  }
  if (format !== 'json' && type === 'json') {
    throw new codes.ERR_IMPORT_ASSERTION_TYPE_FAILED(url, 'json');
  }
}

function register(id, url, format) {
  // Under `--watch`, the parent watches every file its child loads.
  if (url.startsWith('file:') && process.env.WATCH_REPORT_DEPENDENCIES !== undefined) {
    require('internal/main/watch_mode').report('import', url);
  }
  const record = { id, url, format };
  byUrl.set(url, record);
  byId.set(id, record);
  return record;
}

/** The module record for `url`, compiled and linked with everything it imports. */
function load(url, attributes) {
  const cached = byUrl.get(url);
  const format = cached ? cached.format : formatOf(url);
  checkAttributes(url, format, attributes);
  if (cached) return cached;
  switch (format) {
    case 'builtin': return loadBuiltin(url);
    case 'json': return loadJson(url);
    case 'commonjs': return loadCommonJS(url);
    default: return loadSourceText(url);
  }
}

const tsExtensions = /\.(?:ts|mts|cts)$/;

function loadSourceText(url) {
  const [record, requests] = compileSourceText(url, sourceOf(url));
  for (const [specifier, attributes] of requests) {
    const child = load(resolve(specifier, url), attributes);
    rt.linkModule(record.id, specifier, child.id);
  }
  return record;
}

/** Compiles module `url` from `source` (TypeScript stripped): `[record, requests]`, unlinked. */
function compileSourceText(url, source) {
  if (url.startsWith('file:') && tsExtensions.test(url)) source = rt.stripTypeScript(source, url, true);
  const [id, requests] = rt.compileModule(source, url);
  if (url.startsWith('file:')) require('internal/source_map').maybeCacheSourceMap(url, source);
  return [register(id, url, 'module'), requests];
}

const identifier = /^[A-Za-z_$][\w$]*$/;

function loadBuiltin(url) {
  const name = url.slice(5);
  const exports = requireBuiltin(name);
  const names = Object.keys(exports).filter((k) => k !== 'default' && identifier.test(k));
  const id = rt.createSyntheticModule(url, ['default', ...names], () => {
    const out = { default: exports };
    for (const k of names) out[k] = exports[k];
    return out;
  });
  return register(id, url, 'builtin');
}

/** A JSON module; `text`, when a load hook gave it, instead of the file's. */
function loadJson(url, text) {
  const filepath = url.startsWith('data:') ? url : fileURLToPath(url);
  const id = rt.createSyntheticModule(url, ['default'], () => {
    const source = text === undefined ? sourceOf(url) : text;
    try {
      return { default: JSON.parse(source.charCodeAt(0) === 0xfeff ? source.slice(1) : source) };
    } catch (err) {
      err.message = `${filepath}: ${pjr.jsonMessage(err)}`;
      throw err;
    }
  });
  return register(id, url, 'json');
}

/** A CommonJS module; run from `text` when a load hook gave it, else loaded by require. */
function loadCommonJS(url, text) {
  const filepath = fileURLToPath(url);
  const names = cjsExports.collect(filepath, text);
  const exportNames = [...names];
  const id = rt.createSyntheticModule(url, ['default', ...exportNames], () => {
    const exports = text === undefined ? Module._load(filepath, null, false) :
      cjsLoader.compileWithSource(filepath, text);
    const out = { default: exports };
    if (exports !== null && (typeof exports === 'object' || typeof exports === 'function')) {
      for (const n of exportNames) out[n] = exports[n];
    }
    return out;
  });
  return register(id, url, 'commonjs');
}

// ===== running =====

/**
 * Links `record`'s graph. A missing named export of a CommonJS module gets Node's longer
 * message, which shows how to use the default export instead.
 */
function instantiate(record) {
  try {
    rt.instantiateModule(record.id);
  } catch (error) {
    if (error instanceof SyntaxError) explainMissingCommonJSExport(error);
    throw error;
  }
}

function explainMissingCommonJSExport(error) {
  const m = /module '(.*)' does not provide an export named '(.+)'/.exec(error.message);
  if (m === null) return;
  const [, childSpecifier, name] = m;
  const lines = `${error.stack}`.split('\n');
  const parentURL = lines[0].replace(/:\d+$/, '');
  let format;
  try {
    format = formatOf(resolve(childSpecifier, parentURL));
  } catch {
    return;
  }
  if (format !== 'commonjs') return;
  const braces = /\{[^}]*\}/.exec(lines[1] || '');
  const names = braces === null ? `{ ${name} }`
    : braces[0].replace(/\s+/g, ' ').replace(/\s+as\s+/g, ': ');
  error.message = `Named export '${name}' not found. The requested module '${childSpecifier}' is a CommonJS module, which may not support all module.exports as named exports.\nCommonJS modules can always be imported via the default export, for example using:\n\nimport pkg from '${childSpecifier}';\nconst ${names} = pkg;\n`;
  const at = lines.findIndex((line) => line.startsWith('SyntaxError: '));
  if (at !== -1) {
    lines[at] = `SyntaxError: ${error.message}`;
    error.stack = lines.join('\n');
  }
}

function evaluate(record, main = false) {
  instantiate(record);
  // The loader's own regular expressions leave nothing in RegExp.$1, lastMatch, ... for the
  // module's code: an empty match resets them (Node's loader leaves them empty).
  /(?:)/.exec('');
  if (main && require('internal/modules/cjs/loader').takeInspectorBreak()) {
    return binding.inspector.callAndPauseOnStart(rt.evaluateModule, rt, record.id);
  }
  return rt.evaluateModule(record.id);
}

function namespaceOf(record) {
  return rt.getModuleNamespace(record.id);
}

let mainPending = false;

/** `eddy file.mjs`: load, link and evaluate the graph; a rejection is an uncaught exception. */
function runMain(mainPath) {
  let real = path.resolve(mainPath);
  try {
    real = fsb.realpath(real);
  } catch {
    // missing: resolution below reports it
  }
  runMainURL(pathToFileURLString(real));
}

/** Runs the module at `url` as the main entry (a worker's file or data: URL). */
function runMainURL(url) {
  evaluateMain(load(url, {}));
}

function evaluateMain(record) {
  // The main graph is where --inspect-brk pauses (in the first module evaluated).
  const result = evaluate(record, true);
  if (result instanceof Promise) {
    mainPending = true;
    result.then(() => { mainPending = false; }, (err) => {
      mainPending = false;
      rt.triggerUncaughtException(err, false);
    });
  }
}

/** `eddy -e CODE --input-type=module`. */
function evalModule(source, print) {
  // Node appends the name to the directory's URL unencoded.
  const url = `${pathToFileURLString(`${process.cwd()}/`)}[eval1]`;
  const [id, requests] = rt.compileModule(source, url);
  const record = register(id, url, 'module');
  for (const [specifier, attributes] of requests) {
    rt.linkModule(id, specifier, load(resolve(specifier, url), attributes).id);
  }
  const result = evaluate(record, true);
  // A top-level await that never settles exits with code 13, as for a main file.
  mainPending = true;
  result.then((value) => {
    mainPending = false;
    if (print) globalThis.console.log(value);
  }, (err) => {
    mainPending = false;
    rt.triggerUncaughtException(err, false);
  });
}

/** Whether `mainPath` (as given on the command line) is an ES module. */
function isESMEntry(mainPath) {
  const abs = path.resolve(mainPath);
  if (fsb.internalModuleStat(abs) !== 0) return false;
  const ext = path.extname(abs);
  if (ext === '.mjs' || ext === '.mts') return true;
  if (ext === '.ts') return tsFormat(abs) === 'module';
  if (ext === '.js' || ext === '') return packageType(abs) === 'module';
  return false;
}

// import() in vm code compiled with an importModuleDynamically function: the code's import key
// (a symbol, see runtime/src/vm_run.rs) -> (specifier, attributes) => the namespace.
const vmImportHooks = new WeakMap();
// import.meta of vm.SourceTextModules (initializeImportMeta), by module id.
const vmImportMeta = new Map();

/**
 * Hook: `import(specifier)` from the script or module named `referrer`, whose import key
 * (vm code only) says how it is served.
 */
function importModuleDynamically(specifier, referrer, attributes, importKey) {
  // vm code compiled without importModuleDynamically (or with one but without
  // --experimental-vm-modules) cannot import(), as in Node.
  if (importKey === 'missing') return Promise.reject(new codes.ERR_VM_DYNAMIC_IMPORT_CALLBACK_MISSING());
  if (importKey === 'flag') return Promise.reject(new codes.ERR_VM_DYNAMIC_IMPORT_CALLBACK_MISSING_FLAG());
  const vmHook = typeof importKey === 'symbol' ? vmImportHooks.get(importKey) : undefined;
  if (vmHook !== undefined) {
    return Promise.resolve().then(() => vmHook(`${specifier}`, attributes, referrer));
  }
  let parentURL;
  if (typeof referrer === 'string' && (referrer.startsWith('file:') || referrer.startsWith('data:'))) {
    parentURL = referrer;
  } else if (typeof referrer === 'string' && referrer.startsWith('/')) {
    parentURL = pathToFileURLString(referrer);
  } else {
    // -e code imports relative to the directory the process started in, as in Node.
    parentURL = pathToFileURLString(path.join(startCwd ?? process.cwd(), '[eval]'));
  }
  // Resolution and loading start on the next microtask, as Node's are asynchronous: an error
  // then carries no frames of the code that called import().
  // Resolving and loading run with the original array iteration, which user code may have
  // deleted; the module itself then runs in the user's world.
  if (hooks.isActive()) {
    return hooks.importURL(`${specifier}`, parentURL, attributes)
      .then((record) => Promise.resolve(evaluate(record)).then(() => namespaceOf(record)));
  }
  return Promise.resolve().then(() => {
    const record = requireBuiltin.withArrayIteration(
      () => load(resolve(`${specifier}`, parentURL), attributes));
    return Promise.resolve(evaluate(record)).then(() => namespaceOf(record));
  });
}

// ===== ShadowRealm =====

/**
 * Hook (runtime/src/shadow_realm.rs): the import key of a new ShadowRealm whose global is
 * `realmGlobal`. The realm's `import()`/`importValue()` load ES modules (and JSON) into a module
 * map of its own, instantiated and evaluated in the realm: no builtins, no CommonJS, none of
 * the principal realm's loaders, as in Node. A specifier resolves against the importing
 * module, or the cwd for importValue() and code given to evaluate().
 */
function shadowRealmImportKey(realmGlobal) {
  const key = Symbol('ShadowRealm');
  const records = new Map();
  const load = (url, attributes) => {
    let record = records.get(url);
    const format = record ? record.format : formatOf(url);
    checkAttributes(url, format, attributes);
    if (record) return record;
    if (format !== 'module' && format !== 'json') throw new codes.ERR_UNKNOWN_MODULE_FORMAT(format, url);
    let id;
    if (format === 'json') {
      const text = sourceOf(url);
      id = rt.compileModule(`export default ${JSON.stringify(JSON.parse(text))};`, url)[0];
      record = { id, url, format };
      records.set(url, record);
      return record;
    }
    const [moduleId, requests] = rt.compileModule(sourceOf(url), url);
    record = { id: moduleId, url, format };
    records.set(url, record);
    for (const [specifier, childAttributes] of requests) {
      rt.linkModule(moduleId, specifier, load(resolveURL(specifier, url, false), childAttributes).id);
    }
    return record;
  };
  vmImportHooks.set(key, (specifier, attributes, referrer) => {
    const parentURL = typeof referrer === 'string' && records.has(referrer) ?
      referrer : pathToFileURLString(`${process.cwd()}/`);
    const record = requireBuiltin.withArrayIteration(
      () => load(resolveURL(specifier, parentURL, false), attributes));
    rt.instantiateModule(record.id, realmGlobal);
    return Promise.resolve(rt.evaluateModule(record.id, realmGlobal))
      .then(() => rt.getModuleNamespace(record.id));
  });
  return key;
}

/** Hook: fill `import.meta` for module `id`. */
function initializeImportMeta(meta, id) {
  const vmHook = vmImportMeta.get(id);
  if (vmHook !== undefined) {
    vmHook(meta);
    return;
  }
  const record = byId.get(id);
  if (record === undefined) return;
  meta.dirname = undefined;
  meta.filename = undefined;
  if (record.url.startsWith('file:')) {
    const filename = fileURLToPath(record.url);
    meta.dirname = path.dirname(filename);
    meta.filename = filename;
  }
  meta.resolve = (specifier) => resolve(`${specifier}`, record.url);
  meta.url = record.url;
}

/**
 * `require()` of an ES module (Node 22): evaluate synchronously and return the namespace;
 * a graph with top-level await cannot be required. `parentPath` is the requiring file.
 */
function requireESM(filepath, parentPath) {
  const record = load(pathToFileURLString(filepath), {});
  instantiate(record);
  const [, isAsync] = rt.moduleInfo(record.id);
  if (isAsync) {
    let message = 'require() cannot be used on an ESM graph with top-level await. Use import() instead. To see where the top-level await comes from, use --experimental-print-required-tla.';
    if (parentPath) message += `\n  From ${parentPath} `;
    message += `\n  Requiring ${filepath} `;
    throw new codes.ERR_REQUIRE_ASYNC_MODULE(message);
  }
  const result = rt.evaluateModule(record.id);
  if (result instanceof Promise) {
    // A synchronous graph settles at once; surface its error synchronously.
    const [state, value] = binding.util.getPromiseDetails(result);
    if (state === 2) {
      result.catch(() => {});
      throw value;
    }
  }
  const namespace = namespaceOf(record);
  // A module that exports the name "module.exports" chooses what require() returns (Node
  // 20.19 / 22.12), as packages with a "module-sync" export do for their CommonJS callers.
  if ('module.exports' in namespace) return namespace['module.exports'];
  if (!('default' in namespace) || '__esModule' in namespace) return namespace;
  return esModuleFacade(record);
}

/**
 * What require() returns for an ES module with a default export: a namespace with the same
 * exports plus `__esModule: true`, so transpiled CommonJS reads `default` as the default.
 */
function esModuleFacade(record) {
  if (record.facade === undefined) {
    const url = `${record.url}?require-facade`;
    const source = "export * from 'original';\nexport { default } from 'original';\nexport const __esModule = true;\n";
    const [id] = rt.compileModule(source, url);
    rt.linkModule(id, 'original', record.id);
    rt.instantiateModule(id);
    rt.evaluateModule(id);
    record.facade = rt.getModuleNamespace(id);
  }
  return record.facade;
}

// ===== customization hooks (internal/modules/esm/hooks) =====

hooks.setLoader({
  cached: (url) => byUrl.get(url),
  checkAttributes,
  compileSourceText,
  cwdURL: () => pathToFileURLString(`${process.cwd()}/`),
  formatOf,
  fileURLToPath,
  loadBuiltin,
  loadCommonJS,
  loadJson,
  link: (id, specifier, childId) => rt.linkModule(id, specifier, childId),
  resolve,
  sourceOf,
});

/**
 * `module.register(specifier, parentURL, options)`: the hooks module is resolved against
 * `parentURL`, then loaded through the hooks registered before it and evaluated.
 */
function registerHooks(specifier, parentURL, data) {
  return hooks.register(specifier, data, () =>
    hooks.importURL(specifier, parentURL, {}, undefined, true).then((record) => {
      const result = hooks.evaluatingHooksModule(() => evaluate(record));
      return Promise.resolve(result).then(() => namespaceOf(record));
    }));
}

/**
 * The main entry once hooks are registered: resolved and loaded through them. A CommonJS
 * entry the hooks leave to the CommonJS loader runs as the main module through `runCjsMain`.
 */
function runMainWithHooks(mainPath, runCjsMain) {
  const url = pathToFileURLString(path.resolve(mainPath));
  hooks.importURL(url, undefined, {}, (format, source) => format === 'commonjs' && source == null)
    .then((record) => {
      if (record === null) runCjsMain();
      else evaluateMain(record);
    })
    .catch((err) => rt.triggerUncaughtException(err, false));
}

module.exports = {
  evalModule,
  registerHooks,
  runMainWithHooks,
  packageType,
  fileURLToPath,
  importModuleDynamically,
  initializeImportMeta,
  shadowRealmImportKey,
  vmImportHooks,
  vmImportMeta,
  isESMEntry,
  tsFormat,
  isMainPending: () => mainPending,
  pathToFileURLString,
  requireESM,
  resolve,
  runMain,
  runMainURL,
  setPolicy,
  setup,
};
