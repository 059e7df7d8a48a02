'use strict';
// internal/repl/completion: what Tab offers in the REPL (REPLServer#complete). The answer is
// Node's: [completions, completeOn], where completions come in groups separated by '' - the
// farthest group (keywords, then the global object's prototype chain) first and the nearest
// (the object's own properties, or the entry's lexical declarations) last - each sorted, with
// no name repeated.
//
// It completes dot-commands (`.lo` -> load), files after `.load`/`.save` and inside
// `fs.readFile('...`, module names inside `require('...`, global names, keywords, and the
// properties of the expression before a dot. That expression is never run: its first name (or
// a literal) is read through the REPL's eval, and each further property is looked up by its
// descriptor, so no getter, proxy trap or call runs while completing.

const fs = require('fs');
const path = require('path');
const { isProxy } = require('util').types;
const { withIteration } = require('internal/repl/eval');

const keywords = [
  'async', 'await', 'break', 'case', 'catch', 'const', 'continue', 'debugger', 'default',
  'delete', 'do', 'else', 'export', 'false', 'finally', 'for', 'function', 'if', 'import', 'in',
  'instanceof', 'let', 'new', 'null', 'return', 'switch', 'this', 'throw', 'true', 'try',
  'typeof', 'var', 'void', 'while', 'with', 'yield',
];

// `require('...` with the text typed so far (and its directory part).
const requireRE = /\brequire\s*\(\s*['"`](([\w@./:-]+\/)?(?:[\w@./:-]*))(?![^'"`])$/;
const importRE = /\bimport\s*\(\s*['"`](([\w@./:-]+\/)?(?:[\w@./:-]*))(?![^'"`])$/;
// `fs.readFileSync('...`, `fs.promises.readFile("...`: a path argument.
const fsCallRE = /\bfs(?:\.promises)?\.\s*[a-z][a-zA-Z]+\(\s*["'`](.*)$/;
// `.load ...` / `.save ...`
const fileCommandRE = /^\s*\.(?:load|save)\s+(.*)$/;
// The expression before the cursor: names, literals and brackets joined by `.` or `?.`.
const simpleExpressionRE =
  /(?:[\w$'"`[{(](?:\w|\$|['"`\]})])*\??\.)*[a-zA-Z_$](?:\w|\$)*\??\.?$/;
const versionedNameRE = /-\d+\.\d+/;

const kMaxIndexedNames = 100000;
const identifierRE = /^[\p{ID_Start}$_][\p{ID_Continue}$\u200c\u200d]*$/u;
const arrayIndexRE = /^(?:0|[1-9][0-9]*)$/;
const legacyAccessors = new Set([
  '__defineGetter__', '__defineSetter__', '__lookupGetter__', '__lookupSetter__',
]);

/** Own property names of `obj` that can follow a dot: identifiers, not array indices. */
function memberNames(obj) {
  if (obj === null || obj === undefined) return [];
  let names;
  try {
    // Listing the own names of a huge array lists every index (seconds for millions): such
    // objects list their names without the indices (V8 skips them).
    const indexed = Array.isArray(obj) || ArrayBuffer.isView(obj);
    names = indexed && obj.length > kMaxIndexedNames ?
      binding.util.getOwnNonIndexProperties(obj, 0).filter((key) => typeof key === 'string') :
      Object.getOwnPropertyNames(obj);
  } catch {
    return [];
  }
  // Object.prototype's legacy accessors are left out.
  let isObjectPrototype = false;
  if (Object.getPrototypeOf(obj) === null) {
    const ctor = Object.getOwnPropertyDescriptor(obj, 'constructor');
    if (ctor && typeof ctor.value === 'function') {
      const ctorProto = Object.getPrototypeOf(ctor.value);
      isObjectPrototype = ctorProto !== null && Object.getPrototypeOf(ctorProto) === obj;
    }
  }
  return names.filter((name) => !arrayIndexRE.test(name) && identifierRE.test(name) &&
    !(isObjectPrototype && legacyAccessors.has(name)));
}

/**
 * Filters each group by `filter` (case-insensitively, as Chromium does), sorts it, drops names
 * an earlier group has, and joins the groups nearest-last with '' between them.
 */
function mergeGroups(groups, filter) {
  if (filter) {
    const lower = filter.toLowerCase();
    groups = groups.map((group) => group.filter((name) => name.toLowerCase().startsWith(lower)))
      .filter((group) => group.length > 0);
  }
  const seen = new Set(['']);
  let out = [];
  for (const group of groups) {
    const fresh = [...new Set(group)].filter((name) => !seen.has(name)).sort();
    for (const name of fresh) seen.add(name);
    if (fresh.length > 0) out = [...fresh, '', ...out];
  }
  if (out[out.length - 1] === '') out.pop();
  return out;
}

function readdir(dir, withFileTypes) {
  try {
    return fs.readdirSync(dir, { withFileTypes });
  } catch {
    return [];
  }
}

function isDirectory(p) {
  try {
    return fs.statSync(p).isDirectory();
  } catch {
    return false;
  }
}

/** Directory entries matching the partial path `typed`: [names, completeOn]. */
function completePath(typed) {
  const slash = typed.lastIndexOf('/');
  const dirPart = slash === -1 ? '' : typed.slice(0, slash + 1);
  const base = slash === -1 ? typed : typed.slice(slash + 1);
  const dir = dirPart === '' ? '.' : dirPart;
  const names = [];
  for (const entry of readdir(path.resolve(dir), true)) {
    if (!entry.name.startsWith(base)) continue;
    if (base === '' && entry.name.startsWith('.')) continue;
    names.push(entry.isDirectory() ? `${entry.name}/` : entry.name);
  }
  return [[names.sort()], base];
}

let nodeSchemeBuiltins;

/**
 * Modules `require('typed` (or `import('typed`, with `esm`) can reach: what the lookup paths
 * hold, then the builtins.
 */
function moduleGroups(server, typed, subdir, esm) {
  const groups = [];
  if (server.allowBlockingCompletions) {
    const context = server.context;
    const extensions = esm ? ['.cjs', '.js', '.json', '.mjs'] :
      Object.keys(context.require?.extensions ?? { '.js': 1, '.json': 1, '.node': 1 });
    const indexes = [...extensions.map((ext) => `index${ext}`), 'package.json'];
    if (!esm) indexes.push('index');
    let group = [];
    let dirs = [];
    if (typed === '.') group = ['./', '../'];
    else if (typed === '..') group = ['../'];
    else if (/^\.\.?\//.test(typed)) dirs = [process.cwd()];
    else dirs = [...(context.module?.paths ?? []), ...(esm ? [] : require('module').globalPaths)];
    for (let dir of dirs) {
      dir = path.resolve(dir, subdir);
      const inNodeModules = path.basename(dir) === 'node_modules';
      for (const entry of readdir(dir, true)) {
        const { name } = entry;
        if (versionedNameRE.test(name) || name === '.npm') continue;
        const ext = path.extname(name);
        if (!entry.isDirectory()) {
          const base = name.slice(0, name.length - ext.length);
          if (esm) {
            if (extensions.includes(ext)) group.push(`${subdir}${name}`);
          } else if (extensions.includes(ext) && (!subdir || base !== 'index')) {
            group.push(`${subdir}${base}`);
          }
          continue;
        }
        group.push(`${subdir}${name}/`);
        if (esm && (subdir || !inNodeModules)) continue;
        if (readdir(path.resolve(dir, name), false).some((f) => indexes.includes(f))) {
          group.push(`${subdir}${name}`);
        }
      }
    }
    if (group.length > 0) groups.push(group);
  }
  const builtins = require('repl').builtinModules;
  nodeSchemeBuiltins ??= builtins.map((name) => `node:${name}`);
  groups.push(builtins, nodeSchemeBuiltins);
  return groups;
}

// ===== the expression before the dot =====

// A literal the completer may evaluate: a string or template without substitutions, a number,
// an empty array or object, in parentheses or not.
const literalRE = /^\(*(?:'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"|`[^`$\\]*`|\d[\d_]*(?:\.\d*)?|\[\]|\{\})\)*$/;

/** Splits `a.b?.c` into its steps: [{ name, chaining }] after the base; null if not simple. */
function splitChain(expr) {
  const m = /^(this|[\p{ID_Start}$_][\p{ID_Continue}$\u200c\u200d]*)((?:\??\.[\p{ID_Start}$_][\p{ID_Continue}$\u200c\u200d]*|\[(?:'[^'\\]*'|"[^"\\]*"|\d+)\])*)$/u
    .exec(expr);
  if (m !== null) {
    const steps = [];
    const re = /\??\.([\p{ID_Start}$_][\p{ID_Continue}$\u200c\u200d]*)|\[(?:'([^'\\]*)'|"([^"\\]*)"|(\d+))\]/gu;
    let s;
    while ((s = re.exec(m[2])) !== null) steps.push(s[1] ?? s[2] ?? s[3] ?? s[4]);
    return { base: m[1], steps };
  }
  // A literal, then plain property names.
  const dot = /^(.*?[)\]}'"`\d])((?:\??\.[\p{ID_Start}$_][\p{ID_Continue}$\u200c\u200d]*)*)$/u.exec(expr);
  if (dot !== null && literalRE.test(dot[1])) {
    const steps = [];
    for (const part of dot[2].split(/\??\./).slice(1)) steps.push(part);
    return { base: dot[1], steps };
  }
  return null;
}

/** Follows `steps` from `value` by property descriptors; undefined when a getter or proxy is met. */
function follow(value, steps) {
  for (const step of steps) {
    if (value === null || value === undefined) return undefined;
    let holder = typeof value === 'object' || typeof value === 'function' ?
      value : Object.getPrototypeOf(Object(value));
    let desc;
    while (holder !== null) {
      if (isProxy(holder)) return undefined;
      desc = Object.getOwnPropertyDescriptor(holder, step);
      if (desc !== undefined) break;
      holder = Object.getPrototypeOf(holder);
    }
    if (desc === undefined || !('value' in desc)) return undefined;
    value = desc.value;
  }
  return value;
}

/** Property groups of `value`, nearest first: its own names, then each prototype's. */
function propertyGroups(value) {
  const groups = [];
  try {
    let proto;
    if ((typeof value === 'object' && value !== null) || typeof value === 'function') {
      if (isProxy(value)) return groups;
      groups.push(memberNames(value));
      proto = Object.getPrototypeOf(value);
    } else {
      proto = value.constructor ? value.constructor.prototype : null;
    }
    for (let depth = 0; proto !== null && proto !== undefined && depth < 5; depth++) {
      if (isProxy(proto)) break;
      groups.push(memberNames(proto));
      proto = Object.getPrototypeOf(proto);
    }
  } catch {
    // An exotic object: no completions from it.
  }
  return groups;
}

/**
 * Completes `line` for `server` (a REPLServer); `callback(err, [completions, completeOn])`.
 */
function complete(server, line, callback) {
  let evalArgs = null;
  const answer = withIteration(() => completeNow(server, line, (...args) => {
    evalArgs = args;
  }));
  if (answer !== undefined) {
    callback(null, answer);
    return;
  }
  // The expression before the dot: its first name is read through the REPL's eval.
  const [chain, prefix, filter, match] = evalArgs;
  server.eval(`try { ${chain.base} } catch {}`, server.context, server._nextResourceName(),
    (err, base) => {
      callback(null, withIteration(() => {
        let groups = [];
        if (!err) {
          const value = chain.steps.length === 0 ? base : follow(base, chain.steps);
          if (value !== undefined && value !== null) groups = propertyGroups(value);
        }
        groups = groups.map((group) => group.map((name) => `${prefix}${name}`));
        const filterText = groups.length > 0 && filter ? `${prefix}${filter}` : filter;
        return [mergeGroups(groups, filterText), match];
      }));
    });
}

/** The answer for `line` when it needs no evaluation; otherwise calls `needsEval`. */
function completeNow(server, line, needsEval) {
  line = line.trimStart();
  let m;
  if ((m = /^\s*\.(\w*)$/.exec(line)) !== null) {
    return [mergeGroups([Object.keys(server.commands)], m[1]), m[1]];
  }
  if ((m = fileCommandRE.exec(line)) !== null) {
    const [groups, completeOn] = completePath(m[1]);
    return [mergeGroups(groups, completeOn), completeOn];
  }
  if ((m = requireRE.exec(line)) !== null || (m = importRE.exec(line)) !== null) {
    const typed = m[1];
    const esm = m[0].startsWith('import');
    return [mergeGroups(moduleGroups(server, typed, m[2] || '', esm), typed), typed];
  }
  if ((m = fsCallRE.exec(line)) !== null && server.allowBlockingCompletions) {
    // As Node: a directory typed in full lists what it holds, else its siblings that match.
    let dir = m[1];
    let base = '';
    let entries = readdir(dir, false);
    if (entries.length === 0 && !isDirectory(dir)) {
      base = path.basename(dir);
      dir = path.dirname(dir);
      entries = readdir(dir, false);
    }
    return [mergeGroups([entries.filter((name) => name.startsWith(base))], base), base];
  }
  if (line.length !== 0 && !/[\w.$]/.test(line[line.length - 1])) {
    return [[], undefined];
  }
  const match = line.length === 0 ? '' : (simpleExpressionRE.exec(line) || [''])[0];
  if (line.length !== 0 && !match) {
    return [[], undefined];
  }
  let expr = '';
  let filter = '';
  if (match.endsWith('.')) {
    expr = match.slice(0, -1);
  } else if (match.length !== 0) {
    const bits = match.split('.');
    filter = bits.pop();
    expr = bits.join('.');
  }

  if (expr === '') {
    // Global names: the entries' lexical declarations, the global's prototype chain, its own
    // properties (with the builtins a fresh context has), and keywords.
    const groups = [[...server._lexicalNames()]];
    let proto = server.context;
    while ((proto = Object.getPrototypeOf(proto)) !== null) groups.push(memberNames(proto));
    const own = memberNames(server.context);
    if (!server.useGlobal) own.push(...globalBuiltins());
    groups.push(own);
    if (filter !== '') groups.push(keywords);
    return [mergeGroups(groups, filter), match];
  }

  let chaining = '.';
  if (expr.endsWith('?')) {
    expr = expr.slice(0, -1);
    chaining = '?.';
  }
  const chain = splitChain(expr);
  if (chain === null) {
    return [[], match];
  }
  needsEval(chain, `${expr}${chaining}`, filter, match);
  return undefined;
}

let builtinNames;
/** The names a fresh context's global object has (builtins a non-global REPL context lacks). */
function globalBuiltins() {
  builtinNames ??= require('vm').runInNewContext('Object.getOwnPropertyNames(globalThis)')
    .filter((name) => !arrayIndexRE.test(name) && identifierRE.test(name));
  return builtinNames;
}

/** In editor mode the completer only extends the word (never lists the candidates). */
function completeOnEditorMode(callback) {
  return (err, results) => {
    if (err) {
      callback(err);
      return;
    }
    const [completions, completeOn = ''] = results;
    let result = completions.filter(Boolean);
    if (completeOn && result.length !== 0) {
      let prefix = result[0];
      for (const c of result) while (!c.startsWith(prefix)) prefix = prefix.slice(0, -1);
      result = [prefix];
    }
    callback(null, [result, completeOn]);
  };
}

module.exports = { complete, completeOnEditorMode, globalBuiltins };
