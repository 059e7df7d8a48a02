'use strict';

// Source Map v3 (https://sourcemaps.info/spec.html): module.SourceMap, and the maps of the
// modules loaded while source maps are enabled (--enable-source-maps or
// process.setSourceMapsEnabled(true)), for module.findSourceMap(). Stack traces are not
// rewritten through them (yet).

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
    if (!isSeparator(text[pos.i])) name += readVLQ(text, pos);
    // A segment without a name field keeps the last name, as Node reports it.
    out.push([line, column, sources[source], originalLine, originalColumn, names[name]]);
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

// file URL of a module -> its SourceMap.
const cache = new Map();
const mappingURL = /\/[*/][#@]\s*sourceMappingURL=(\S+)/g;

/** The map `source` (loaded from `url`) names, parsed; undefined when there is none. */
function readMap(source, url) {
  let last;
  for (const match of source.matchAll(mappingURL)) last = match[1];
  if (last === undefined) return undefined;
  const { URL } = require('internal/url');
  const mapURL = new URL(last, url);
  let text;
  if (mapURL.protocol === 'data:') {
    const comma = mapURL.pathname.indexOf(',');
    if (comma === -1) return undefined;
    const meta = mapURL.pathname.slice(0, comma);
    const body = mapURL.pathname.slice(comma + 1);
    text = meta.endsWith(';base64') ? Buffer.from(body, 'base64').toString('utf8') :
      decodeURIComponent(body);
  } else if (mapURL.protocol === 'file:') {
    text = require('fs').readFileSync(require('internal/url').fileURLToPath(mapURL), 'utf8');
  } else {
    return undefined;
  }
  const payload = JSON.parse(text);
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

/** Remembers the source map of module `filename` (run from `source`) while maps are enabled. */
function maybeCacheSourceMap(filename, source) {
  if (!process.sourceMapsEnabled || typeof source !== 'string') return;
  if (!source.includes('sourceMappingURL=')) return;
  try {
    const url = filename.startsWith('file:') ? filename :
      require('internal/url').pathToFileURL(filename).href;
    const payload = readMap(source, url);
    if (payload === undefined) return;
    const lineLengths = source.split('\n').map((l) => l.length);
    cache.set(url, new SourceMap(payload, { lineLengths }));
  } catch {
    // An unreadable or malformed map is ignored, as in Node.
  }
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
  return cache.get(url);
}

module.exports = { SourceMap, findSourceMap, maybeCacheSourceMap };
