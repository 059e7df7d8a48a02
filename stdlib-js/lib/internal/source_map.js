'use strict';

// Source Map v3 (https://sourcemaps.info/spec.html): module.SourceMap, and the maps of the
// modules loaded while source maps are enabled (--enable-source-maps or
// process.setSourceMapsEnabled(true)), for module.findSourceMap() and for stack traces, whose
// call sites are rewritten to the original sources (mapTrace).

const { codes } = require('internal/errors');

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const base64Digit = new Map();
for (let i = 0; i < BASE64.length; i++) base64Digit.set(BASE64[i], i);

/**
 * Reads the VLQ number at `pos.i` of `text` (advancing `pos.i`). Values are 32-bit: a negative
 * zero stands for -2^31, as in the decoders browsers and Node use.
 */
function readVLQ(text, pos) {
  let value = 0;
  let shift = 0;
  let digit;
  do {
    digit = base64Digit.get(text[pos.i++]);
    if (digit === undefined) throw new Error('invalid VLQ');
    value += (digit & 31) << shift;
    shift += 5;
  } while (digit & 32);
  const negative = value & 1;
  value >>>= 1;
  return negative ? -value | (1 << 31) : value;
}

const isSeparator = (c) => c === ',' || c === ';' || c === undefined;

/**
 * Appends the entries of one map's `mappings` to `out`, the generated positions moved by
 * (`line`, `column`) (an index map's section offset): [line, column] for a segment without a
 * source, else [line, column, source, originalLine, originalColumn, name].
 */
function decodeMappings(map, line, column, out) {
  const sources = Array.isArray(map.sources) ? map.sources : [];
  const names = Array.isArray(map.names) ? map.names : [];
  const text = typeof map.mappings === 'string' ? map.mappings : '';
  const pos = { i: 0 };
  let source = 0;
  let originalLine = 0;
  let originalColumn = 0;
  let name = 0;
  while (pos.i < text.length) {
    const c = text[pos.i];
    if (c === ';') {
      line++;
      column = 0;
      pos.i++;
      continue;
    }
    if (c === ',') {
      pos.i++;
      continue;
    }
    column += readVLQ(text, pos);
    if (isSeparator(text[pos.i])) {
      out.push([line, column]);
      continue;
    }
    source += readVLQ(text, pos);
    originalLine += readVLQ(text, pos);
    originalColumn += readVLQ(text, pos);
    // A segment without a name field has no name; Node's decoder gives the last segment of
    // the string the current name all the same (it reads a name field past the end), and so
    // does this one.
    let named = pos.i >= text.length;
    if (!isSeparator(text[pos.i])) {
      name += readVLQ(text, pos);
      named = true;
    }
    out.push([line, column, sources[source], originalLine, originalColumn,
      named ? names[name] : undefined]);
  }
}

function before(line, column, entry) {
  return line < entry[0] || (line === entry[0] && column < entry[1]);
}

class SourceMap {
  #payload;
  #lineLengths;
  #entries = [];

  constructor(payload, { lineLengths } = {}) {
    if (payload === null || typeof payload !== 'object') {
      throw new codes.ERR_INVALID_ARG_TYPE('payload', 'object', payload);
    }
    this.#payload = structuredClone(payload);
    if (lineLengths !== undefined) this.#lineLengths = Array.from(lineLengths);
    try {
      if (Array.isArray(payload.sections)) {
        for (const section of payload.sections) {
          const offset = section.offset || {};
          decodeMappings(section.map || {}, offset.line | 0, offset.column | 0, this.#entries);
        }
      } else {
        decodeMappings(payload, 0, 0, this.#entries);
      }
    } catch {
      // Malformed mappings: what decoded so far stays usable.
    }
    // By generated position (a negative column delta can step back); the sort is stable.
    this.#entries.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  }

  get payload() {
    return this.#payload;
  }

  get lineLengths() {
    return this.#lineLengths;
  }

  /**
   * The mapping at or before 0-based (`line`, `column`) of the generated code, or {} when
   * there is none.
   */
  findEntry(line, column) {
    const entries = this.#entries;
    // The last entry not after the position.
    let low = 0;
    let high = entries.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (before(line, column, entries[mid])) high = mid;
      else low = mid + 1;
    }
    if (low === 0) return {};
    const entry = entries[low - 1];
    return {
      generatedLine: entry[0],
      generatedColumn: entry[1],
      originalSource: entry[2],
      originalLine: entry[3],
      originalColumn: entry[4],
      name: entry[5],
    };
  }

  /**
   * Where 1-based (`lineNumber`, `columnNumber`) of the generated code comes from (the
   * distance from the mapping found carried over), or {} when it is not mapped.
   */
  findOrigin(lineNumber, columnNumber) {
    const entry = this.findEntry(lineNumber - 1, columnNumber - 1);
    if (entry.originalSource === undefined) return {};
    return {
      name: entry.name,
      fileName: entry.originalSource,
      lineNumber: entry.originalLine + (lineNumber - entry.generatedLine),
      columnNumber: entry.originalColumn + (columnNumber - entry.generatedColumn),
    };
  }
}

// file URL of a module -> { lineLengths, data, url, map }: `data` is the parsed payload (null
// when the map could not be had), `url` the sourceMappingURL when it was not loaded (as Node
// records them for NODE_V8_COVERAGE's 'source-map-cache'), `map` the SourceMap of `data`.
const cache = new Map();
const mappingURL = /\/[*/][#@]\s*sourceMappingURL=(\S+)/g;

/** The payload the map at `mapURL` (named by the module at `url`) holds; null when none. */
function loadMap(mapURL, url) {
  const { URL, fileURLToPath } = require('internal/url');
  let text;
  if (mapURL.protocol === 'data:') {
    // Only a JSON data URL is a source map, as in Node.
    const comma = mapURL.pathname.indexOf(',');
    if (comma === -1) return null;
    const meta = mapURL.pathname.slice(0, comma).split(';');
    if (meta[0] !== 'application/json') return null;
    const body = mapURL.pathname.slice(comma + 1);
    text = meta[meta.length - 1] === 'base64' ? Buffer.from(body, 'base64').toString('utf8') :
      decodeURIComponent(body);
  } else if (mapURL.protocol === 'file:') {
    text = require('fs').readFileSync(fileURLToPath(mapURL), 'utf8');
  } else {
    return null;
  }
  const payload = JSON.parse(text);
  if (payload === null || typeof payload !== 'object') return null;
  // Sources become absolute URLs, against sourceRoot and the map's own URL (the module's,
  // for an inline map).
  if (Array.isArray(payload.sources)) {
    const root = typeof payload.sourceRoot === 'string' && payload.sourceRoot !== '' ?
      `${payload.sourceRoot.replace(/\/?$/, '/')}` : '';
    const base = mapURL.protocol === 'data:' ? url : mapURL;
    payload.sources = payload.sources.map((s) => new URL(`${root}${s}`, base).href);
  }
  return payload;
}

/**
 * Remembers the source map of module `filename` (run from `source`) while maps are enabled or
 * coverage is collected (which writes what is remembered).
 */
function maybeCacheSourceMap(filename, source) {
  if (!(process.sourceMapsEnabled || process.env.NODE_V8_COVERAGE) ||
      typeof source !== 'string') {
    return;
  }
  if (!source.includes('sourceMappingURL=')) return;
  let last;
  for (const match of source.matchAll(mappingURL)) last = match[1];
  if (last === undefined) return;
  let url;
  try {
    url = filename.startsWith('file:') ? filename :
      require('internal/url').pathToFileURL(filename).href;
  } catch {
    return;
  }
  let data = null;
  try {
    const { URL } = require('internal/url');
    data = loadMap(new URL(last, url), url);
  } catch {
    // An unreadable or malformed map is no map, as in Node.
  }
  let map;
  const lineLengths = source.split('\n').map((l) => l.length);
  if (data !== null) {
    try {
      map = new SourceMap(data, { lineLengths });
    } catch {
      data = null;
    }
  }
  cache.set(url, { lineLengths, data, url: data === null ? last : null, map });
}

/** module.findSourceMap(pathOrURL): the map of a module loaded with maps enabled. */
function findSourceMap(path) {
  if (typeof path !== 'string' || path === '') return undefined;
  let url = path;
  if (!path.startsWith('file:') && !path.startsWith('node:')) {
    try {
      url = require('internal/url').pathToFileURL(path).href;
    } catch {
      return undefined;
    }
  }
  return cache.get(url)?.map;
}

/** The maps remembered, as NODE_V8_COVERAGE writes them ('source-map-cache'); undefined if none. */
function sourceMapCacheToObject() {
  if (cache.size === 0) return undefined;
  const out = {};
  for (const [url, { lineLengths, data, url: mapURL }] of cache) {
    out[url] = { lineLengths, data, url: mapURL };
  }
  return out;
}

/** fileURLToPath for file: URLs; other sources (webpack:///...) stay as they are. */
function displayPath(source) {
  return source.startsWith('file://') ? require('internal/url').fileURLToPath(source) : source;
}

/**
 * Transpilers may drop the original name of a function: the map's name of the enclosing
 * function, else the name mapped at the caller's site (in the same file), as Node looks.
 */
function originalSymbolName(map, trace, i) {
  const site = trace[i];
  if (typeof site.getEnclosingLineNumber === 'function') {
    const enclosing = map.findEntry(site.getEnclosingLineNumber() - 1,
      site.getEnclosingColumnNumber() - 1);
    if (enclosing.name) return enclosing.name;
  }
  const next = trace[i + 1];
  if (next && site.getFileName() === next.getFileName()) {
    return map.findEntry(next.getLineNumber() - 1, next.getColumnNumber() - 1).name;
  }
  return undefined;
}

/** The original source of `source` (from the map's sourcesContent, else from disk). */
function originalSource(payload, source) {
  const index = Array.isArray(payload.sources) ? payload.sources.indexOf(source) : -1;
  const content = Array.isArray(payload.sourcesContent) ? payload.sourcesContent[index] : undefined;
  if (typeof content === 'string' && content !== '') return content;
  if (!source.startsWith('file://')) return '';
  try {
    return require('fs').readFileSync(displayPath(source), 'utf8');
  } catch {
    return '';
  }
}

/** The original line an error was thrown at, with a caret, as it heads an uncaught report. */
function errorSource(map, source, line, column) {
  const text = originalSource(map.payload, source).split(/\r?\n/, line + 1)[line];
  if (!text) return '';
  let prefix = '';
  const { getStringWidth } = require('internal/util/inspect');
  for (const ch of text.slice(0, column + 1)) prefix += ch === '\t' ? '\t' : ' '.repeat(getStringWidth(ch));
  return `${displayPath(source)}:${line + 1}\n${text}\n${prefix.slice(0, -1)}^\n\n`;
}

/**
 * `error.stack` with source maps enabled: `header` and the call sites, each one that a map
 * covers written as its original function, source, line and column (Node's format), headed by
 * the original line of the first one.
 */
function mapTrace(header, trace) {
  if (trace.length === 0) return header;
  let head = '';
  let lastFile;
  let lastMap;
  const lines = [];
  for (let i = 0; i < trace.length; i++) {
    const site = trace[i];
    let line;
    try {
      const file = site.getFileName() ?? site.getEvalOrigin();
      const map = file === lastFile ? lastMap : (typeof file === 'string' ? findSourceMap(file) : undefined);
      lastFile = file;
      lastMap = map;
      if (map !== undefined) {
        const entry = map.findEntry(site.getLineNumber() - 1, site.getColumnNumber() - 1);
        if (entry.originalSource && entry.originalLine !== undefined &&
            entry.originalColumn !== undefined) {
          const name = originalSymbolName(map, trace, i);
          const fnName = site.getFunctionName() ?? site.getMethodName();
          const typeName = site.getTypeName();
          const namePrefix = typeName !== null && typeName !== 'global' ? `${typeName}.` : '';
          const ownName = `${namePrefix}${fnName || '<anonymous>'}`;
          const shown = name && name !== ownName ? name : ownName;
          line = `${shown} (${displayPath(entry.originalSource)}:${entry.originalLine + 1}:` +
            `${entry.originalColumn + 1})`;
          if (i === 0) head = errorSource(map, entry.originalSource, entry.originalLine,
            entry.originalColumn);
        }
      }
    } catch {
      // This site as V8 writes it.
    }
    lines.push(line ?? `${site}`);
  }
  return `${head}${header}\n    at ${lines.join('\n    at ')}`;
}

/** Whether the script `file` (path or URL) named a source map that is remembered. */
function hasSourceMapURL(file) {
  if (typeof file !== 'string' || file === '') return false;
  try {
    return cache.has(file.startsWith('file:') ? file :
      require('internal/url').pathToFileURL(file).href);
  } catch {
    return false;
  }
}


module.exports = {
  SourceMap, findSourceMap, hasSourceMapURL, mapTrace, maybeCacheSourceMap, sourceMapCacheToObject,
};
