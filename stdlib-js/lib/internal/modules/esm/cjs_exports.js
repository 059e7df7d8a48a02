'use strict';
// The named exports an ES module import sees on a CommonJS module, found statically as Node
// does (cjs-module-lexer's patterns): `exports.x =`, `module.exports = { ... }`,
// `Object.defineProperty(exports, 'x', ...)` and re-exports through require().

const path = require('path');

const fsb = binding.fs;
const cjs = () => require('internal/modules/cjs/loader');

/** The names `filepath` exports (from `text` instead of the file, when given), not 'default'. */
function collect(filepath, text) {
  const names = new Set();
  collectCjsExports(filepath, names, new Set(), text);
  names.delete('default');
  return names;
}

function stripComments(source) {
  return source.replace(/\/\*[\s\S]*?\*\//g, ' ').replace(/(^|[^:\\'"`])\/\/[^\n]*/g, '$1');
}

function collectCjsExports(filepath, names, seen, text) {
  if (seen.has(filepath)) return;
  seen.add(filepath);
  let source;
  try {
    source = stripComments(text === undefined ? fsb.readFileUtf8(filepath) : text);
  } catch {
    return;
  }
  let m;
  const dotted = /(?:^|[^.\w$])(?:module\.)?exports\.([A-Za-z_$][\w$]*)\s*=[^=]/g;
  while ((m = dotted.exec(source)) !== null) names.add(m[1]);
  const bracket = /(?:^|[^.\w$])(?:module\.)?exports\[\s*(['"])([^'"]+)\1\s*\]\s*=[^=]/g;
  while ((m = bracket.exec(source)) !== null) names.add(m[2]);
  const define = /Object\.defineProperty\(\s*(?:module\.)?exports\s*,\s*(['"])([^'"]+)\1/g;
  while ((m = define.exec(source)) !== null) names.add(m[2]);
  const reexport = /(?:^|[^.\w$])module\.exports\s*=\s*require\(\s*(['"])([^'"]+)\1\s*\)/g;
  while ((m = reexport.exec(source)) !== null) addReexport(filepath, m[2], names, seen);
  const literal = /(?:^|[^.\w$])module\.exports\s*=\s*\{/g;
  while ((m = literal.exec(source)) !== null) {
    collectObjectLiteralKeys(source, literal.lastIndex, filepath, names, seen);
  }
}

function addReexport(fromFile, request, names, seen) {
  try {
    const target = cjs().Module._resolveFilename(request, { filename: fromFile, id: fromFile,
      paths: cjs().Module._nodeModulePaths(path.dirname(fromFile)) }, false);
    if (typeof target === 'string' && target.startsWith('/')) collectCjsExports(target, names, seen);
  } catch {
    // an unresolvable re-export adds no names, as in Node
  }
}

/**
 * Names from `module.exports = { ... }` starting at `start` (just after the `{`). Like Node's
 * lexer, only entries of the forms `name`, `name: identifier`, `'name': identifier` and
 * `...require('x')` count, and the scan stops at the first entry of any other form.
 */
function collectObjectLiteralKeys(source, start, filepath, names, seen) {
  const entry = /\s*(?:\.\.\.\s*require\(\s*(['"])([^'"\n]+)\1\s*\)|([A-Za-z_$][\w$]*)|(['"])([^'"\n]*)\4\s*:\s*[A-Za-z_$][\w$]*|([A-Za-z_$][\w$]*)\s*:\s*[A-Za-z_$][\w$]*)\s*([,}])/y;
  entry.lastIndex = start;
  let m;
  while ((m = entry.exec(source)) !== null) {
    if (m[2] !== undefined) addReexport(filepath, m[2], names, seen);
    else names.add(m[3] || m[5] || m[6]);
    if (m[7] === '}') return;
  }
}

module.exports = { collect };
