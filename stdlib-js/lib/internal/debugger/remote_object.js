'use strict';
// internal/debugger/remote_object: values of the debugged program as the debugger CLI prints
// them. The inspector answers an evaluation with a RemoteObject (type, subtype, className,
// description, value, and a shallow `preview` of an object's properties or a collection's
// entries); RemoteObject wraps one so that util.inspect (the REPL's writer, the watchers)
// prints it the way Node's CLI does: primitives as util.inspect would, functions as
// `[Function: name]`, objects and arrays from their preview (`{ a: 1, b: Object }`, with `...`
// when the preview was cut short), Maps and Sets from their entries.

const { inspect } = require('internal/util/inspect');

const kCustomInspect = inspect.custom;
// A preview whose one-line form is longer than this is printed one property per line.
const kSingleLineWidth = 60;

/**
 * The name Node's CLI shows for a function, read from its source text: `function f()` and
 * `function* f()` give `f`, `function *f()` gives `*f`, a bare `function()` gives `function`,
 * and anything with a space before the parenthesis (or an arrow) gives nothing.
 */
function extractFunctionName(description) {
  const match = /^(?:function\*? )?([^(\s]+)\(/.exec(description);
  return match === null ? '' : match[1];
}

/** One property of a preview (`name: value` is put together by the caller). */
function formatProperty(prop, opts) {
  switch (prop.type) {
    case 'string':
      return inspect(prop.value, opts);
    case 'undefined':
      return opts.stylize('undefined', 'undefined');
    case 'number':
    case 'boolean':
    case 'bigint':
      return opts.stylize(prop.value, prop.type);
    case 'function':
      return opts.stylize(prop.value ? `[Function: ${prop.value}]` : '[Function]', 'special');
    case 'object':
      if (prop.subtype === 'date') return inspect(new Date(prop.value), opts);
      if (prop.subtype === 'null') return opts.stylize('null', 'null');
      if (prop.subtype === 'regexp') return opts.stylize(prop.value, 'regexp');
      return opts.stylize(prop.value, 'special');
    case 'symbol':
      return opts.stylize(prop.value, 'symbol');
    default:
      return `${prop.value}`;
  }
}

/** A key or value inside a Map's or Set's preview (itself a preview, maybe of a primitive). */
function formatEntryPart(preview, opts) {
  if (preview.type === 'object' && preview.subtype !== 'null') return formatPreview(preview, opts);
  if (preview.type === 'function') {
    const name = extractFunctionName(preview.description || '');
    return opts.stylize(`[Function${name ? `: ${name}` : ''}]`, 'special');
  }
  return opts.stylize(preview.description, preview.type);
}

function joinItems(items, open, close, empty) {
  if (items.length === 0) return empty;
  const single = items.join(', ');
  const body = single.length > kSingleLineWidth ? items.join(',\n  ') : single;
  return `${open} ${body} ${close}`;
}

/** An object from its preview: `{ a: 1 }`, `[ 1, 2 ]`, `Map(1) { a => 1 }`, `Set(1) { ... }`. */
function formatPreview(preview, opts, nested = true) {
  const { subtype, description, overflow } = preview;
  const properties = preview.properties || [];
  if (subtype === 'map' || subtype === 'set' || subtype === 'weakmap' || subtype === 'weakset') {
    // A preview nested in another has no entries of its own: only its size is known. At the
    // top, newer V8s leave `entries` out of an empty collection's preview.
    if (preview.entries === undefined && nested) return `${description} { ... }`;
    const items = (preview.entries || []).map((entry) => (entry.key !== undefined ?
      `${formatEntryPart(entry.key, opts)} => ${formatEntryPart(entry.value, opts)}` :
      formatEntryPart(entry.value, opts)));
    if (overflow) items.push('...');
    return joinItems(items, `${description} {`, '}', `${description} {}`);
  }
  if (subtype === 'date') return inspect(new Date(description), opts);
  if (subtype === 'regexp') return opts.stylize(description, 'regexp');
  if (subtype === 'error') return description;
  const isArray = subtype === 'array' || subtype === 'typedarray';
  const items = properties.map((prop, index) => {
    const value = formatProperty(prop, opts);
    return isArray && prop.name === `${index}` ? value : `${prop.name}: ${value}`;
  });
  if (overflow) items.push('...');
  return isArray ? joinItems(items, '[', ']', '[]') : joinItems(items, '{', '}', '{}');
}

class RemoteObject {
  constructor(attributes) {
    Object.assign(this, attributes);
    if (this.type === 'number') {
      this.value = this.unserializableValue !== undefined ? +this.unserializableValue : +this.value;
    }
  }

  [kCustomInspect](depth, opts) {
    switch (this.type) {
      case 'boolean':
      case 'number':
      case 'string':
      case 'undefined':
        return inspect(this.value, opts);
      case 'bigint':
        return opts.stylize(this.unserializableValue || this.description, 'bigint');
      case 'symbol':
        return opts.stylize(this.description, 'symbol');
      case 'function': {
        const name = extractFunctionName(this.description || '');
        return opts.stylize(`[${this.className || 'Function'}${name ? `: ${name}` : ''}]`, 'special');
      }
      case 'object':
        switch (this.subtype) {
          case 'null':
            return opts.stylize('null', 'null');
          case 'date':
            return inspect(new Date(this.description), opts);
          case 'regexp':
            return opts.stylize(this.description, 'regexp');
          case 'error':
            return this.description;
          case undefined:
          case 'array':
          case 'map':
          case 'set':
          // Eddy's process.env is a Proxy (Node's is an object with interceptors): shown by
          // its properties, as Node shows process.env.
          case 'proxy':
            if (this.preview) return formatPreview(this.preview, opts, false);
            return opts.stylize(this.description, 'special');
          default:
            // Promises, typed arrays, weak collections, proxies...: their description
            // (`Promise`, `Uint8Array(3)`), as Node's CLI shows them.
            return opts.stylize(this.description, 'special');
        }
      default:
        return `${this.description}`;
    }
  }
}

/** The error an evaluation threw in the program, as an Error here (its stack is theirs). */
function convertResultToError(result, exceptionDetails) {
  const description = result.description ||
    (exceptionDetails && exceptionDetails.exception && exceptionDetails.exception.description) ||
    (exceptionDetails && exceptionDetails.text) || 'Uncaught';
  const firstLine = description.split('\n')[0];
  const colon = firstLine.indexOf(': ');
  // eslint-disable-next-line no-restricted-syntax
  const error = new Error(colon === -1 ? firstLine : firstLine.slice(colon + 2));
  Object.defineProperty(error, 'name', {
    __proto__: null, value: result.className || 'Error', writable: true, configurable: true,
  });
  error.stack = description;
  return error;
}

/**
 * An evaluation's answer. What the code threw is shown as a value too (an Error prints as its
 * stack, as Node's CLI prints it), so a watcher that throws shows why.
 */
function fromEvalResult({ result }) {
  return new RemoteObject(result);
}

module.exports = { RemoteObject, convertResultToError, extractFunctionName, fromEvalResult };
