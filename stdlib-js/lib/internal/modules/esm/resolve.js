'use strict';
// Package resolution shared by require() and import: reading package.json (cached), package
// scopes, the "exports" and "imports" maps (conditions, subpath patterns, null targets, arrays),
// bare specifiers through node_modules, and the ESM fallback to "main". The algorithm is the one
// in Node's ESM documentation (PACKAGE_RESOLVE and friends); errors carry Node's codes and text.
// Targets are resolved as URLs against the package.json URL, as the algorithm specifies, so
// percent-encoding and "." segments behave as in Node; callers get file paths back.

const path = require('path');
const { codes } = require('internal/errors');

const { ERR_MODULE_NOT_FOUND, ERR_UNSUPPORTED_DIR_IMPORT } = codes;

// internal/url is loaded on first use: most runs never resolve an "exports" map, and
// loading it eagerly would cost every startup.
let urlModule;
function urlApi() {
  if (urlModule === undefined) urlModule = require('internal/url');
  return urlModule;
}
const pathToFileURL = (p) => urlApi().pathToFileURL(p);
const fileURLToPath = (u) => urlApi().fileURLToPath(u);
function newURL(input, base) {
  const { URL } = urlApi();
  return base === undefined ? new URL(input) : new URL(input, base);
}

const fsb = binding.fs;

// ===== package.json =====

// package.json path -> { data } | { error } | null (no such file). Never invalidated: Node
// does not re-read package.json files during a run either.
const packageCache = new Map();

/** A JSON.parse error's message without the " (line 1 column 2)" newer V8 versions add. */
function jsonMessage(error) {
  return `${error.message}`.replace(/ \(line \d+ column \d+\)$/, '');
}

/**
 * The parsed package.json at `jsonPath`, or undefined when there is none. An unparsable file
 * throws: Node's CommonJS text by default, ERR_INVALID_PACKAGE_CONFIG when `esm` names the
 * specifier and importer that led here.
 */
function readPackage(jsonPath, esm) {
  let entry = packageCache.get(jsonPath);
  if (entry === undefined) {
    entry = null;
    if (fsb.internalModuleStat(jsonPath) === 0) {
      try {
        entry = { data: JSON.parse(fsb.readFileUtf8(jsonPath)) };
      } catch (error) {
        entry = { error };
      }
      if (entry.data !== undefined && (entry.data === null || typeof entry.data !== 'object')) {
        entry = { data: {} };
      }
      // Null-prototype, so a missing "main" or "exports" never reaches Object.prototype (where
      // user code may have put getters).
      if (entry.data !== undefined) entry.data = Object.assign({ __proto__: null }, entry.data);
    }
    packageCache.set(jsonPath, entry);
  }
  if (entry === null) return undefined;
  if (entry.error !== undefined) {
    if (esm) {
      const base = esm.base ? ` from ${esm.base}` : '';
      throw new codes.ERR_INVALID_PACKAGE_CONFIG(jsonPath,
        esm.specifier ? `"${esm.specifier}"${base}` : undefined, jsonMessage(entry.error));
    }
    const err = new Error(`Error parsing ${jsonPath}: ${jsonMessage(entry.error)}`);
    err.path = jsonPath;
    throw err;
  }
  return entry.data;
}

/**
 * The package scope of `filepath`: the nearest package.json above it, not looking past a
 * node_modules folder. Returns { dir, data } or undefined.
 */
function packageScope(filepath, esm) {
  let dir = path.dirname(filepath);
  while (true) {
    if (path.basename(dir) === 'node_modules') return undefined;
    const data = readPackage(path.join(dir, 'package.json'), esm);
    if (data !== undefined) return { dir, data };
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

// ===== conditions =====

/** "node-addons" (unless --no-addons), then the --conditions given. */
function userConditions() {
  const { getOptionValue } = require('internal/options');
  const addons = getOptionValue('--addons') ? ['node-addons'] : [];
  return [...addons, ...getOptionValue('--conditions')];
}

let cjsConditions;
let esmConditions;

/** The conditions require() matches: "require", "node", "module-sync" and userConditions(). */
function getCjsConditions() {
  if (cjsConditions === undefined) {
    cjsConditions = new Set(['require', 'node', 'module-sync', ...userConditions()]);
  }
  return cjsConditions;
}

/** The conditions import matches: "node", "import", "module-sync" and userConditions(). */
function getEsmConditions() {
  if (esmConditions === undefined) {
    esmConditions = new Set(['node', 'import', 'module-sync', ...userConditions()]);
  }
  return esmConditions;
}

// ===== errors =====

function packageDirOf(jsonURL) {
  return fileURLToPath(newURL('.', jsonURL));
}

function exportsNotFound(subpath, jsonURL, base) {
  return new codes.ERR_PACKAGE_PATH_NOT_EXPORTED(packageDirOf(jsonURL), subpath, base || undefined);
}

function invalidTarget(key, target, jsonURL, internal, base) {
  const text = typeof target === 'object' && target !== null ? JSON.stringify(target, null, '')
    : `${target}`;
  return new codes.ERR_INVALID_PACKAGE_TARGET(packageDirOf(jsonURL), key, text, internal,
    base || undefined);
}

function invalidSubpath(request, key, jsonURL, internal, base) {
  const reason = `request is not a valid match in pattern "${key}" for the "${
    internal ? 'imports' : 'exports'}" resolution of ${fileURLToPath(jsonURL)}`;
  return new codes.ERR_INVALID_MODULE_SPECIFIER(request, reason, base || undefined);
}

function invalidConfig(jsonURL, base, message) {
  return new codes.ERR_INVALID_PACKAGE_CONFIG(fileURLToPath(jsonURL),
    base ? pathToFileURL(base).href : undefined, message);
}

// ===== targets =====

// A "." / ".." / "node_modules" segment (plain or percent-encoded), or an empty one.
const invalidSegment = /(^|\\|\/)((\.|%2e)(\.|%2e)?|(n|%6e|%4e)(o|%6f|%4f)(d|%64|%44)(e|%65|%45)(_|%5f)(m|%6d|%4d)(o|%6f|%4f)(d|%64|%44)(u|%75|%55)(l|%6c|%4c)(e|%65|%45)(s|%73|%53))?(\\|\/|$)/i;
// The same without the empty segment, which is only deprecated.
const forbiddenSegment = /(^|\\|\/)((\.|%2e)(\.|%2e)?|(n|%6e|%4e)(o|%6f|%4f)(d|%64|%44)(e|%65|%45)(_|%5f)(m|%6d|%4d)(o|%6f|%4f)(d|%64|%44)(u|%75|%55)(l|%6c|%4c)(e|%65|%45)(s|%73|%53))(\\|\/|$)/i;

function isURL(text) {
  try {
    newURL(text);
    return true;
  } catch {
    return false;
  }
}

function warnEmptySegment(target, request, key, jsonURL, internal, base, isTarget) {
  const kind = internal ? 'imports' : 'exports';
  process.emitWarning(`Use of deprecated ${isTarget ? 'double slash' : 'leading or trailing slash matching'} resolving "${target}" for module request "${request}" ${request !== key ? `matched to "${key}" ` : ''}in the "${kind}" field module resolution of the package at ${fileURLToPath(jsonURL)}${base ? ` imported from ${base}` : ''}.`,
  'DeprecationWarning', 'DEP0166');
}

function resolveTargetString(target, subpath, key, jsonURL, base, pattern, internal, isPathMap,
  conditions) {
  if (subpath !== '' && !pattern && !target.endsWith('/')) {
    throw invalidTarget(key, target, jsonURL, internal, base);
  }
  if (!target.startsWith('./')) {
    // An "imports" target may name another package (or a URL, which is never valid here).
    if (internal && !target.startsWith('../') && !target.startsWith('/') && !isURL(target)) {
      const request = pattern ? target.replace(/\*/g, () => subpath) : target + subpath;
      return packageResolve(request, jsonURL, conditions);
    }
    throw invalidTarget(key, target, jsonURL, internal, base);
  }
  if (invalidSegment.test(target.slice(2))) {
    if (forbiddenSegment.test(target.slice(2))) {
      throw invalidTarget(key, target, jsonURL, internal, base);
    }
    if (!isPathMap) {
      const resolvedTarget = pattern ? target.replace(/\*/g, () => subpath) : target;
      warnEmptySegment(resolvedTarget, key, key, jsonURL, internal, base, true);
    }
  }
  const resolved = newURL(target, jsonURL);
  const packageRoot = newURL('.', jsonURL).pathname;
  if (!resolved.pathname.startsWith(packageRoot)) {
    throw invalidTarget(key, target, jsonURL, internal, base);
  }
  if (subpath === '') return resolved;
  if (invalidSegment.test(subpath)) {
    const request = pattern ? key.replace('*', () => subpath) : key + subpath;
    if (forbiddenSegment.test(subpath)) {
      throw invalidSubpath(request, key, jsonURL, internal, base);
    }
    if (!isPathMap) {
      const resolvedTarget = pattern ? target.replace(/\*/g, () => subpath) : target;
      warnEmptySegment(resolvedTarget, request, key, jsonURL, internal, base, false);
    }
  }
  if (pattern) return newURL(resolved.href.replace(/\*/g, () => subpath));
  return newURL(subpath, resolved);
}

const arrayIndex = /^(?:0|[1-9]\d*)$/;

/**
 * A target of an "exports"/"imports" entry: a string, an array of fallbacks, a conditions
 * object, or null. Returns a URL, null (explicitly not exported) or undefined (no condition
 * matched).
 */
function resolveTarget(jsonURL, target, subpath, key, base, pattern, internal, isPathMap,
  conditions) {
  if (typeof target === 'string') {
    return resolveTargetString(target, subpath, key, jsonURL, base, pattern, internal, isPathMap,
      conditions);
  }
  if (Array.isArray(target)) {
    if (target.length === 0) return null;
    let lastError;
    for (const item of target) {
      let result;
      try {
        result = resolveTarget(jsonURL, item, subpath, key, base, pattern, internal, isPathMap,
          conditions);
      } catch (err) {
        lastError = err;
        if (err.code === 'ERR_INVALID_PACKAGE_TARGET') continue;
        throw err;
      }
      if (result === undefined) continue;
      if (result === null) {
        lastError = null;
        continue;
      }
      return result;
    }
    if (lastError === undefined || lastError === null) return lastError;
    throw lastError;
  }
  if (typeof target === 'object' && target !== null) {
    const keys = Object.getOwnPropertyNames(target);
    if (keys.some((k) => arrayIndex.test(k))) {
      throw invalidConfig(jsonURL, base, '"exports" cannot contain numeric property keys.');
    }
    for (const condition of keys) {
      if (condition === 'default' || conditions.has(condition)) {
        const result = resolveTarget(jsonURL, target[condition], subpath, key, base, pattern,
          internal, isPathMap, conditions);
        if (result !== undefined) return result;
      }
    }
    return undefined;
  }
  if (target === null) return null;
  throw invalidTarget(key, target, jsonURL, internal, base);
}

/** Whether `exports` is the main entry alone (a string, an array, or conditions only). */
function isMainSugar(exports, jsonURL, base) {
  if (typeof exports === 'string' || Array.isArray(exports)) return true;
  if (typeof exports !== 'object' || exports === null) return false;
  let sugar;
  for (const key of Object.getOwnPropertyNames(exports)) {
    const isCondition = key === '' || key[0] !== '.';
    if (sugar === undefined) {
      sugar = isCondition;
    } else if (sugar !== isCondition) {
      throw invalidConfig(jsonURL, base, '"exports" cannot contain some keys starting with \'.\' and some not. The exports object must either be an object of package subpath keys or an object of main entry condition name keys only.');
    }
  }
  return sugar === true;
}

/** Order of pattern keys: the longer prefix before the `*` wins, then the longer key. */
function patternKeyCompare(a, b) {
  const aStar = a.indexOf('*');
  const bStar = b.indexOf('*');
  const aBase = aStar === -1 ? a.length : aStar + 1;
  const bBase = bStar === -1 ? b.length : bStar + 1;
  if (aBase > bBase) return -1;
  if (bBase > aBase) return 1;
  if (aStar === -1) return 1;
  if (bStar === -1) return -1;
  if (a.length > b.length) return -1;
  if (b.length > a.length) return 1;
  return 0;
}

const trailingSlashWarned = new Set();

function warnTrailingSlash(subpath, jsonURL, base) {
  const jsonPath = fileURLToPath(jsonURL);
  if (trailingSlashWarned.has(`${jsonPath}|${subpath}`)) return;
  trailingSlashWarned.add(`${jsonPath}|${subpath}`);
  process.emitWarning(`Use of deprecated trailing slash pattern mapping "${subpath}" in the "exports" field module resolution of the package at ${jsonPath}${base ? ` imported from ${base}` : ''}. Mapping specifiers ending in "/" is no longer supported.`,
    'DeprecationWarning', 'DEP0155');
}

/**
 * The best pattern key of `map` matching `request`, with what its `*` stands for. `jsonURL`
 * is given for "exports", where a request ending in "/" draws a deprecation warning.
 */
function bestPatternMatch(map, request, jsonURL, base) {
  let best = '';
  let star;
  for (const key of Object.getOwnPropertyNames(map)) {
    const i = key.indexOf('*');
    if (i === -1 || !request.startsWith(key.slice(0, i))) continue;
    if (jsonURL !== undefined && request.endsWith('/')) warnTrailingSlash(request, jsonURL, base);
    const trailer = key.slice(i + 1);
    if (request.length >= key.length && request.endsWith(trailer) &&
        patternKeyCompare(best, key) === 1 && key.lastIndexOf('*') === i) {
      best = key;
      star = request.slice(i, request.length - trailer.length);
    }
  }
  return best === '' ? undefined : { key: best, star };
}

/** PACKAGE_EXPORTS_RESOLVE: `subpath` ("." or "./x") of the package whose package.json is at `jsonURL`. */
function packageExportsResolve(jsonURL, subpath, pkg, base, conditions) {
  let exports = pkg.exports;
  if (isMainSugar(exports, jsonURL, base)) exports = { '.': exports };
  if (Object.prototype.hasOwnProperty.call(exports, subpath) && !subpath.includes('*') &&
      !subpath.endsWith('/')) {
    const result = resolveTarget(jsonURL, exports[subpath], '', subpath, base, false, false,
      false, conditions);
    if (result == null) throw exportsNotFound(subpath, jsonURL, base);
    return result;
  }
  const match = bestPatternMatch(exports, subpath, jsonURL, base);
  if (match !== undefined) {
    const result = resolveTarget(jsonURL, exports[match.key], match.star, match.key, base, true,
      false, subpath.endsWith('/'), conditions);
    if (result == null) throw exportsNotFound(subpath, jsonURL, base);
    return result;
  }
  throw exportsNotFound(subpath, jsonURL, base);
}

/** PACKAGE_IMPORTS_RESOLVE: a `#name` specifier from the module at `basePath`. */
function packageImportsResolve(name, basePath, conditions) {
  if (name === '#' || name.startsWith('#/') || name.endsWith('/')) {
    throw new codes.ERR_INVALID_MODULE_SPECIFIER(name,
      'is not a valid internal imports specifier name', basePath);
  }
  const scope = packageScope(basePath);
  let jsonURL;
  if (scope !== undefined) {
    jsonURL = pathToFileURL(path.join(scope.dir, 'package.json'));
    const imports = scope.data.imports;
    if (imports !== null && typeof imports === 'object') {
      if (Object.prototype.hasOwnProperty.call(imports, name) && !name.includes('*')) {
        const result = resolveTarget(jsonURL, imports[name], '', name, basePath, false, true,
          false, conditions);
        if (result != null) return result;
      } else {
        const match = bestPatternMatch(imports, name);
        if (match !== undefined) {
          const result = resolveTarget(jsonURL, imports[match.key], match.star, match.key,
            basePath, true, true, false, conditions);
          if (result != null) return result;
        }
      }
    }
  }
  throw new codes.ERR_PACKAGE_IMPORT_NOT_DEFINED(name, jsonURL && packageDirOf(jsonURL),
    basePath);
}

// ===== bare specifiers =====

let builtinIds;

function setBuiltinIds(ids) {
  builtinIds = ids;
}

/** Splits "name/sub" or "@scope/name/sub" into the package name and its "./sub" subpath. */
function parsePackageName(specifier, basePath) {
  let slash = specifier.indexOf('/');
  let valid = true;
  let scoped = false;
  if (specifier[0] === '@') {
    scoped = true;
    if (slash === -1) valid = false;
    else slash = specifier.indexOf('/', slash + 1);
  }
  const name = slash === -1 ? specifier : specifier.slice(0, slash);
  if (/^\.|%|\\/.test(name)) valid = false;
  if (!valid) {
    throw new codes.ERR_INVALID_MODULE_SPECIFIER(specifier, 'is not a valid package name',
      basePath);
  }
  return { name, subpath: `.${slash === -1 ? '' : specifier.slice(slash)}`, scoped };
}

/** ESM's "main" fallback for a package without "exports". */
function legacyMainResolve(pkgDir, pkg, basePath) {
  const tries = [];
  if (typeof pkg.main === 'string') {
    const main = path.resolve(pkgDir, pkg.main);
    tries.push(main, `${main}.js`, `${main}.json`, `${main}.node`, path.join(main, 'index.js'),
      path.join(main, 'index.json'), path.join(main, 'index.node'));
  }
  const index = path.join(pkgDir, 'index');
  tries.push(`${index}.js`, `${index}.json`, `${index}.node`);
  for (const candidate of tries) {
    if (fsb.internalModuleStat(candidate) === 0) return pathToFileURL(candidate);
  }
  const missing = typeof pkg.main === 'string' ? path.resolve(pkgDir, pkg.main)
    : path.join(pkgDir, 'index.js');
  throw new codes.ERR_MODULE_NOT_FOUND(missing, basePath, null);
}

/**
 * PACKAGE_RESOLVE: a bare specifier from the module (or, when an "imports" target names
 * another package, the package.json) at URL `base`. Returns a URL (node:... for built-ins).
 */
function packageResolve(specifier, base, conditions, builtins = true) {
  const basePath = fileURLToPath(base);
  if (builtins && builtinIds.includes(specifier) && specifier !== 'test' &&
      specifier !== 'test/reporters') {
    return newURL(`node:${specifier}`);
  }
  const { name: packageName, subpath } = parsePackageName(specifier, basePath);
  const esm = { specifier, base: basePath };
  const scope = packageScope(basePath, esm);
  if (scope !== undefined && scope.data.exports != null && scope.data.name === packageName) {
    return packageExportsResolve(pathToFileURL(path.join(scope.dir, 'package.json')), subpath,
      scope.data, basePath, conditions);
  }
  // A base ending in "/" is a directory (the cwd of a ShadowRealm's importValue).
  let dir = basePath.endsWith('/') ? basePath.slice(0, -1) || '/' : path.dirname(basePath);
  while (true) {
    if (path.basename(dir) !== 'node_modules') {
      const pkgDir = path.join(dir, 'node_modules', packageName);
      if (fsb.internalModuleStat(pkgDir) === 1) {
        const jsonPath = path.join(pkgDir, 'package.json');
        const pkg = readPackage(jsonPath, esm) || { __proto__: null };
        const jsonURL = pathToFileURL(jsonPath);
        if (pkg.exports != null) {
          return packageExportsResolve(jsonURL, subpath, pkg, basePath, conditions);
        }
        if (subpath === '.') return legacyMainResolve(pkgDir, pkg, basePath);
        return newURL(subpath, jsonURL);
      }
    }
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  // Written as Node writes it: an uncaught report shows this line.
  throw new ERR_MODULE_NOT_FOUND(packageName, fileURLToPath(base), null);
}

// Encoded "/" or "\" would let a specifier escape the folder an exports target names.
const encodedSeparator = /%2f|%5c/i;

/**
 * For the ES module loader: resolves a bare or `#` specifier imported by `parentPath`.
 * Returns a file path or a `node:` id; the caller checks that the file exists.
 */
function esmResolve(specifier, parentPath, conditions = getEsmConditions(), builtins = true) {
  const url = specifier[0] === '#' ? packageImportsResolve(specifier, parentPath, conditions)
    : packageResolve(specifier, pathToFileURL(parentPath), conditions, builtins);
  if (url.protocol === 'node:') return url.href;
  if (url.protocol !== 'file:') {
    throw new codes.ERR_UNSUPPORTED_ESM_URL_SCHEME(url, ['file', 'data', 'node']);
  }
  if (encodedSeparator.test(url.pathname)) {
    throw new codes.ERR_INVALID_MODULE_SPECIFIER(url.pathname,
      'must not include encoded "/" or "\\" characters', parentPath);
  }
  const filepath = fileURLToPath(url);
  return url.pathname.endsWith('/') && !filepath.endsWith('/') ? `${filepath}/` : filepath;
}

/**
 * The last step of resolving to a file (`stat` as internalModuleStat gives it): a directory
 * or a missing file is an error. The throw statements read as Node's, since an uncaught
 * report shows them.
 */
function finalizeResolution(path, basePath, stat) {
  const resolved = pathToFileURL(path);
  if (stat === 1) {
    throw new ERR_UNSUPPORTED_DIR_IMPORT(path, basePath, String(resolved));
  } else if (stat !== 0) {
    throw new ERR_MODULE_NOT_FOUND(
      path || resolved.pathname, basePath, resolved);
  }
}

// ===== CommonJS entry points =====

function cjsNotFound(request, jsonPath) {
  const err = new Error(`Cannot find module '${request}'`);
  err.code = 'MODULE_NOT_FOUND';
  if (jsonPath) err.path = jsonPath;
  return err;
}

/** A resolved URL as an existing real file path, or MODULE_NOT_FOUND naming the package. */
function finalizeCjs(url, parentPath, pkgDir, toRealPath) {
  if (url.protocol === 'node:') return url.href.slice(5);
  if (encodedSeparator.test(url.href)) {
    throw new codes.ERR_INVALID_MODULE_SPECIFIER(url.href,
      'must not include encoded "/" or "\\" characters', parentPath || undefined);
  }
  const filename = fileURLToPath(url);
  if (fsb.internalModuleStat(filename) === 0) return toRealPath(filename);
  throw cjsNotFound(filename, path.resolve(pkgDir, 'package.json'));
}

// "name" or "@scope/name", then an optional "/subpath".
const exportsRequest = /^((?:@[^/\\%]+\/)?[^./\\%][^/\\%]*)(\/.*)?$/;

/**
 * require(): `request` found as a package in the node_modules folder `nmDir` whose
 * package.json has "exports". Returns the file, or undefined when "exports" does not apply.
 */
function resolveExports(nmDir, request, toRealPath) {
  const m = exportsRequest.exec(request);
  if (m === null) return undefined;
  const pkgDir = path.resolve(nmDir, m[1]);
  const jsonPath = path.join(pkgDir, 'package.json');
  const pkg = readPackage(jsonPath);
  if (pkg === undefined || pkg.exports == null) return undefined;
  try {
    return finalizeCjs(packageExportsResolve(pathToFileURL(jsonPath), `.${m[2] || ''}`, pkg, null,
      getCjsConditions()), null, pkgDir, toRealPath);
  } catch (err) {
    if (err.code === 'ERR_MODULE_NOT_FOUND') throw cjsNotFound(request, jsonPath);
    throw err;
  }
}

/** require(): a package requiring itself by its own name (needs "name" and "exports"). */
function resolveSelf(parentPath, request, toRealPath) {
  if (!parentPath) return undefined;
  const scope = packageScope(parentPath);
  if (scope === undefined) return undefined;
  const { data: pkg, dir } = scope;
  if (pkg.exports == null || typeof pkg.name !== 'string') return undefined;
  let subpath;
  if (request === pkg.name) subpath = '.';
  else if (request.startsWith(`${pkg.name}/`)) subpath = `.${request.slice(pkg.name.length)}`;
  else return undefined;
  const jsonPath = path.join(dir, 'package.json');
  try {
    return finalizeCjs(packageExportsResolve(pathToFileURL(jsonPath), subpath, pkg, parentPath,
      getCjsConditions()), parentPath, dir, toRealPath);
  } catch (err) {
    if (err.code === 'ERR_MODULE_NOT_FOUND') throw cjsNotFound(request, jsonPath);
    throw err;
  }
}

/** require('#name'): the "imports" of the requiring file's package, if it has any. */
function resolveImports(parentPath, request, toRealPath) {
  const scope = packageScope(parentPath);
  if (scope === undefined || scope.data.imports == null) return undefined;
  try {
    return finalizeCjs(packageImportsResolve(request, parentPath, getCjsConditions()),
      parentPath, scope.dir, toRealPath);
  } catch (err) {
    if (err.code === 'ERR_MODULE_NOT_FOUND') throw cjsNotFound(request);
    throw err;
  }
}

module.exports = {
  esmResolve,
  finalizeResolution,
  jsonMessage,
  getCjsConditions,
  getEsmConditions,
  packageScope,
  readPackage,
  resolveExports,
  resolveImports,
  resolveSelf,
  setBuiltinIds,
};
