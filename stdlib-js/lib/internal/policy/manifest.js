'use strict';
// Policies (`--experimental-policy manifest.json`, Node v20's documented behaviour): every
// module the loaders read must match the Subresource Integrity its manifest entry lists, and
// each module may only load the dependencies its entry allows (or redirects). Entries are
// looked up by URL: a `resources` entry for the file itself, then the `scopes` holding it (the
// nearest first; "file:" holds every file), then the manifest's own top level; a resource or
// scope passes a field it lacks on to the next only with `cascade: true` (one missing from
// `resources` always does). `onerror` ("throw", "exit" or "log") says what a failed check does.
// `--policy-integrity` is checked against the manifest file's own bytes first.
//
// The digests are taken with the natives captured when this module loads, before user code:
// code that replaces crypto's prototypes cannot make a tampered file pass.

const { codes } = require('internal/errors');
const path = require('path');

const hashOnce = binding.crypto.hashOnce;
const { fileURLToPath, pathToFileURL } = require('url');
const bufferToString = Buffer.prototype.toString;
const apply = Reflect.apply;

const kAlgorithms = new Set(['sha256', 'sha384', 'sha512']);
// One SRI token: algorithm-base64[?options].
const kSriToken = /^(sha256|sha384|sha512)-([A-Za-z0-9+/]+={0,2})(\?[\x21-\x7e]*)?$/;

/** `text` as a list of { algorithm, digest }; a malformed token throws ERR_SRI_PARSE. */
function parseSRI(text) {
  const out = [];
  let position = 0;
  for (const token of text.split(/([ \t\r\n\f]+)/)) {
    if (token === '' || /^[ \t\r\n\f]+$/.test(token)) {
      position += token.length;
      continue;
    }
    const m = kSriToken.exec(token);
    if (m === null) {
      // The first character that cannot continue a valid token.
      let at = 0;
      const dash = token.indexOf('-');
      if (dash !== -1 && kAlgorithms.has(token.slice(0, dash))) {
        at = dash + 1;
        while (at < token.length && /[A-Za-z0-9+/=]/.test(token[at])) at++;
      }
      throw new codes.ERR_SRI_PARSE(text, token[at] ?? token, position + at);
    }
    out.push({ algorithm: m[1], digest: m[2] });
    position += token.length;
  }
  return out;
}

function digestOf(algorithm, bytes) {
  return apply(bufferToString, Buffer.from(hashOnce(algorithm, bytes, undefined, false)),
               ['base64']);
}

/** Whether `bytes` match one of `sri`'s digests; else the digests they have. */
function checkIntegrity(sri, bytes) {
  const found = new Map();
  for (const { algorithm, digest } of sri) {
    if (!found.has(algorithm)) found.set(algorithm, digestOf(algorithm, bytes));
    if (found.get(algorithm) === digest) return { ok: true };
  }
  return { ok: false, found: [...found].map(([a, d]) => `${a}-${d}`) };
}

function isRelativeSpecifier(s) {
  return s.startsWith('./') || s.startsWith('../') || s.startsWith('/') || s === '.' || s === '..';
}

/** A scope key as a URL prefix: a bare scheme ("file:") stays itself; others resolve. */
function scopeKey(key, base) {
  if (/^[a-zA-Z][a-zA-Z\d+\-.]*:$/.test(key)) return key.toLowerCase();
  return new URL(key, base).href;
}

/** The URL prefixes that may hold `href`, nearest first: its folders, then its scheme. */
function scopesOf(href) {
  const out = [];
  let url;
  try {
    url = new URL(href);
  } catch {
    return out;
  }
  let p = url.pathname;
  const origin = href.slice(0, href.length - url.pathname.length - url.search.length -
                            url.hash.length);
  for (let cut = p.lastIndexOf('/', p.endsWith('/') ? p.length - 2 : p.length);
    cut >= 0; cut = p.lastIndexOf('/', cut - 1)) {
    p = p.slice(0, cut + 1);
    out.push(origin + p);
    if (cut === 0) break;
  }
  out.push(url.protocol);
  return out;
}

class Manifest {
  constructor(json, baseURL) {
    this.baseURL = baseURL;
    const onerror = json.onerror ?? 'throw';
    if (onerror !== 'throw' && onerror !== 'exit' && onerror !== 'log') {
      throw new codes.ERR_MANIFEST_UNKNOWN_ONERROR(onerror);
    }
    this.onerror = onerror;
    this.resources = new Map();
    this.scopes = new Map();
    this.top = this.entry(json, baseURL, baseURL);
    for (const [key, value] of Object.entries(json.resources ?? {})) {
      const href = new URL(key, baseURL).href;
      this.resources.set(href, this.entry(value, href, baseURL));
    }
    for (const [key, value] of Object.entries(json.scopes ?? {})) {
      const href = scopeKey(key, baseURL);
      this.scopes.set(href, this.entry(value, href, baseURL));
    }
  }

  /** One resource's (or scope's) fields, validated; integrity parsed. */
  entry(value, href, base) {
    if (value === null || typeof value !== 'object') {
      throw new codes.ERR_MANIFEST_INVALID_RESOURCE_FIELD(href, 'entry');
    }
    const out = { cascade: value.cascade === true };
    if (value.integrity !== undefined) {
      if (value.integrity === true) out.integrity = true;
      else if (typeof value.integrity === 'string') out.integrity = parseSRI(value.integrity);
      else throw new codes.ERR_MANIFEST_INVALID_RESOURCE_FIELD(href, 'integrity');
    }
    const deps = value.dependencies;
    if (deps !== undefined) {
      if (deps === true) {
        out.dependencies = true;
      } else if (deps !== null && typeof deps === 'object') {
        out.dependencies = this.dependencyMap(deps, href, base);
      } else if (deps !== false) {
        throw new codes.ERR_MANIFEST_INVALID_RESOURCE_FIELD(href, 'dependencies');
      }
    }
    return out;
  }

  /** A dependencies object, with relative keys also by the URL they name. */
  dependencyMap(deps, href, base) {
    const exact = new Map();
    const byURL = new Map();
    const patterns = [];
    for (const [key, target] of Object.entries(deps)) {
      // A key ending in "*" is a prefix pattern; its target must end in the one "*".
      if (key.endsWith('*')) {
        if (typeof target !== 'string' || target.indexOf('*') !== target.length - 1) {
          throw new codes.ERR_MANIFEST_INVALID_SPECIFIER(href,
            `${JSON.stringify(key)}, pattern needs to have a single trailing "*" in target`);
        }
        patterns.push({ prefix: key.slice(0, -1), target });
        continue;
      }
      exact.set(key, target);
      if (isRelativeSpecifier(key)) byURL.set(new URL(key, base).href, target);
    }
    return { exact, byURL, patterns };
  }

  /** A field of the entry for `href`, passed down as `cascade` allows. */
  field(href, name) {
    const resource = this.resources.get(href);
    if (resource !== undefined) {
      if (resource[name] !== undefined) return resource[name];
      if (!resource.cascade) return undefined;
    }
    for (const prefix of scopesOf(href)) {
      const scope = this.scopes.get(prefix);
      if (scope === undefined) continue;
      if (scope[name] !== undefined) return scope[name];
      if (!scope.cascade) return undefined;
    }
    return this.top[name];
  }

  /** Applies `onerror` to a failed check: throws, ends the process, or logs and goes on. */
  fail(error) {
    if (this.onerror === 'log') {
      process._rawDebug(error.stack);
      return;
    }
    if (this.onerror === 'exit') {
      process._rawDebug(error.stack);
      process.exit(1);
    }
    throw error;
  }

  assertIntegrity(href, bytes) {
    const sri = this.field(href, 'integrity');
    if (sri === true) return;
    if (sri !== undefined) {
      const result = checkIntegrity(sri, bytes);
      if (result.ok) return;
      this.fail(new codes.ERR_MANIFEST_ASSERT_INTEGRITY(href, result.found));
      return;
    }
    this.fail(new codes.ERR_MANIFEST_ASSERT_INTEGRITY(href, []));
  }

  /**
   * Where `specifier`, loaded by the module at `parentHref` under `conditions`, may go:
   * `true` (resolve it as usual), a string (resolve that instead; relative ones against the
   * manifest), or a thrown ERR_MANIFEST_DEPENDENCY_MISSING.
   */
  dependency(parentHref, specifier, conditions, parentName) {
    const deps = this.field(parentHref, 'dependencies');
    if (deps === true) return true;
    let target;
    if (deps !== undefined) {
      target = lookup(deps, specifier, parentHref);
      target = pickCondition(target, conditions);
    }
    if (target === true) return true;
    if (typeof target === 'string') {
      return isRelativeSpecifier(target) ? new URL(target, this.baseURL).href : target;
    }
    this.fail(new codes.ERR_MANIFEST_DEPENDENCY_MISSING(parentName ?? parentHref, specifier,
                                                        conditions.join(', ')));
    // onerror "log": the module loads as if the policy allowed it.
    return true;
  }
}

function lookup(deps, specifier, parentHref) {
  if (deps.exact.has(specifier)) return deps.exact.get(specifier);
  // A builtin by either of its names.
  const bare = specifier.startsWith('node:') ? specifier.slice(5) : `node:${specifier}`;
  if (deps.exact.has(bare)) return deps.exact.get(bare);
  // Relative specifiers match by the URL they name ("./dep.js" here is "../dep.js" there).
  if (isRelativeSpecifier(specifier)) {
    let href;
    try {
      href = new URL(specifier, parentHref).href;
    } catch {
      href = undefined;
    }
    if (href !== undefined && deps.byURL.has(href)) return deps.byURL.get(href);
  }
  let best;
  for (const p of deps.patterns) {
    if (specifier.startsWith(p.prefix) && (best === undefined || p.prefix.length > best.prefix.length)) {
      best = p;
    }
  }
  if (best !== undefined) return best.target.slice(0, -1) + specifier.slice(best.prefix.length);
  return undefined;
}

/** A conditional target ({ "import": ..., "require": ..., "default": ... }) for `conditions`. */
function pickCondition(target, conditions) {
  while (target !== null && typeof target === 'object') {
    let next;
    for (const [key, value] of Object.entries(target)) {
      if (key === 'default' || conditions.includes(key)) {
        next = value;
        break;
      }
    }
    target = next;
  }
  return target;
}

let manifest = null;

/** Reads `--experimental-policy`'s manifest; done once, before any user code. */
function setup() {
  const { getOptionValue } = require('internal/options');
  const file = getOptionValue('--experimental-policy');
  if (!file) return;
  const fs = require('fs');
  const filename = path.resolve(file);
  const bytes = fs.readFileSync(filename);
  const expected = getOptionValue('--policy-integrity');
  const baseURL = pathToFileURL(filename).href;
  if (expected) {
    const result = checkIntegrity(parseSRI(expected), bytes);
    if (!result.ok) throw new codes.ERR_MANIFEST_ASSERT_INTEGRITY(baseURL, result.found);
  }
  process.emitWarning('Policies are experimental.', 'ExperimentalWarning');
  let json = JSON.parse(apply(bufferToString, bytes, ['utf8']));
  if (json === null || typeof json !== 'object') json = {};
  manifest = new Manifest(json, baseURL);
  // Under a policy, code reaches no internals.
  const denied = (name) => function () {
    throw new codes.ERR_ACCESS_DENIED(name);
  };
  process.binding = denied('process.binding');
  process._linkedBinding = denied('process._linkedBinding');
}

function active() {
  return manifest !== null;
}

function fileHref(filename) {
  return filename.startsWith('file:') ? filename : pathToFileURL(filename).href;
}

/** Checks a module's bytes before they run. */
function assertFileIntegrity(filename, bytes) {
  if (manifest !== null) manifest.assertIntegrity(fileHref(filename), bytes);
}

/**
 * require()'s policy step for `parentFilename`: `true`, or the specifier or file URL to load
 * in place of `specifier`.
 */
function redirectRequire(parentFilename, specifier) {
  if (manifest === null) return true;
  const target = manifest.dependency(fileHref(parentFilename), specifier,
                                     ['require', 'node', 'node-addons'], parentFilename);
  if (typeof target === 'string' && target.startsWith('file:')) return fileURLToPath(target);
  return target;
}

/** import's policy step for the module at `parentURL`. */
function redirectImport(parentURL, specifier) {
  if (manifest === null || !parentURL.startsWith('file:')) return true;
  return manifest.dependency(parentURL, specifier, ['import', 'node', 'node-addons']);
}

module.exports = {
  active, assertFileIntegrity, redirectImport, redirectRequire, setup,
};
