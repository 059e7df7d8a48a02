'use strict';
// internal/repl/source: facts the REPL reads from an entry's text with the tokenizer
// (internal/repl/tokens): the names it declares with let/const/class at its top level (the
// completer offers them later; V8 keeps them in the script scope, out of reach of JS), and the
// dynamic import() an `import` statement should have been, for the REPL's error message.

const { tokenize } = require('internal/repl/tokens');
const { scanStatements } = require('internal/repl/await');

/** Names the top level of `src` declares with let, const or class. */
function lexicalNames(src) {
  const lexed = tokenize(src);
  if (lexed.unterminated !== null || lexed.mismatched || lexed.open.length > 0) return [];
  const names = [];
  for (const line of scanStatements(src, lexed.tokens)) {
    if (line.startsWith('let ')) names.push(...line.slice(4, -2).split(', '));
  }
  return names;
}

const isPunct = (t, v) => t !== undefined && t.type === 'punct' && t.value === v;
const isName = (t, v) => t !== undefined && t.type === 'name' && (v === undefined || t.value === v);

/** The value of a string literal token (quotes and simple escapes). */
function stringValue(token) {
  const body = token.value.slice(1, -1);
  return body.replace(/\\(u\{[0-9a-fA-F]+\}|u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|[^])/g, (_, e) => {
    if (e[0] === 'u') return String.fromCodePoint(parseInt(e.replace(/[u{}]/g, ''), 16));
    if (e[0] === 'x') return String.fromCharCode(parseInt(e.slice(1), 16));
    return { n: '\n', t: '\t', r: '\r', b: '\b', f: '\f', v: '\v', 0: '\0' }[e] ?? e;
  });
}

/**
 * `import x from 'm'` -> `const { default: x } = await import("m");` for every import
 * statement of `code` (as Node suggests them in its REPL).
 */
function toDynamicImport(code) {
  const { tokens } = tokenize(code);
  let out = '';
  for (let i = 0; i < tokens.length; i++) {
    if (!isName(tokens[i], 'import')) continue;
    const prev = tokens[i - 1];
    if (prev !== undefined && !isPunct(prev, ';') && !isPunct(prev, '}') && !tokens[i].nl) continue;
    let j = i + 1;
    const names = [];
    let namespace = null;
    if (tokens[j]?.type === 'string') {
      out += `await import(${JSON.stringify(stringValue(tokens[j]))});`;
      continue;
    }
    if (isName(tokens[j]) && !isName(tokens[j], 'from')) {
      names.push(`default: ${tokens[j].value}`);
      j++;
      if (isPunct(tokens[j], ',')) j++;
    }
    if (isPunct(tokens[j], '*') && isName(tokens[j + 1], 'as') && isName(tokens[j + 2])) {
      namespace = tokens[j + 2].value;
      j += 3;
    } else if (isPunct(tokens[j], '{')) {
      const close = tokens[j].match ?? tokens.length;
      for (let k = j + 1; k < close; k++) {
        const t = tokens[k];
        if (isPunct(t, ',')) continue;
        if (isName(tokens[k + 1], 'as') && tokens[k + 2] !== undefined) {
          const imported = t.type === 'string' ? stringValue(t) : t.value;
          const local = tokens[k + 2].value;
          names.push(imported === local ? local : `${imported}: ${local}`);
          k += 2;
        } else {
          names.push(t.value);
        }
      }
      j = close + 1;
    }
    if (!isName(tokens[j], 'from') || tokens[j + 1]?.type !== 'string') continue;
    const load = `await import(${JSON.stringify(stringValue(tokens[j + 1]))});`;
    if (namespace !== null && names.length === 0) out += `const ${namespace} = ${load}`;
    else out += `const { ${names.join(', ')} } = ${load}`;
  }
  return out;
}

module.exports = { lexicalNames, toDynamicImport };
