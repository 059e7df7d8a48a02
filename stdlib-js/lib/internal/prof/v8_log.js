'use strict';
// Reads the log V8 writes under --prof (isolate-*-v8.log): shared-library, code-creation,
// code-move, code-delete, sfi-move, script-source and tick lines, as a sequence of ticks each
// resolved against the code that was at its addresses when it was taken. Used by
// `eddy --prof-process` (internal/main/prof_process).

// V8's VM states, as the tick lines give them.
const kVmStates = ['JS', 'GC', 'PARSER', 'BYTECODE_COMPILER', 'COMPILER', 'OTHER', 'EXTERNAL',
  'ATOMICS_WAIT', 'IDLE', 'LOGGING'];
const kGcState = 1;

/** One field of a log line: V8 escapes ',' and control characters as \xHH / \uHHHH / \n. */
function unescape(field) {
  if (!field.includes('\\')) return field;
  return field.replace(/\\(x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|n|\\)/g, (_, e) => {
    if (e === 'n') return '\n';
    if (e === '\\') return '\\';
    return String.fromCharCode(parseInt(e.slice(1), 16));
  });
}

/** An address field ("0x55d4..."), as a Number (exact below 2^53, which user space is). */
function address(field) {
  return field === undefined || field === '' ? NaN : Number(field);
}

/** Sorted, non-overlapping address ranges with binary-search lookup. */
class RangeMap {
  constructor() {
    this.entries = [];
  }

  /** Index of the first entry starting after `addr`. */
  upper(addr) {
    let lo = 0;
    let hi = this.entries.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.entries[mid].start <= addr) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Adds `entry` ({ start, size }), dropping whatever it overlaps (that code is gone). */
  add(entry) {
    let i = this.upper(entry.start);
    const end = entry.start + entry.size;
    if (i > 0) {
      const prev = this.entries[i - 1];
      if (prev.start + prev.size > entry.start) i--;
    }
    let j = i;
    while (j < this.entries.length && this.entries[j].start < end) j++;
    this.entries.splice(i, j - i, entry);
  }

  find(addr) {
    const i = this.upper(addr) - 1;
    if (i < 0) return undefined;
    const entry = this.entries[i];
    return addr < entry.start + entry.size ? entry : undefined;
  }

  remove(start) {
    const i = this.upper(start) - 1;
    if (i >= 0 && this.entries[i].start === start) return this.entries.splice(i, 1)[0];
    return undefined;
  }
}

/** The display name of a code object, as profiles show it. */
function codeName(type, name, state) {
  // V8 logs anonymous functions with an empty name before their position.
  if (name.startsWith(' ')) name = `<anonymous>${name}`;
  switch (type) {
    case 'JS': case 'Function': case 'LazyCompile': case 'Script': case 'Eval':
      return `JS: ${state || ''}${name}`;
    default:
      return `${type}: ${name}`;
  }
}

/**
 * C++ symbols of one shared library, read with `nm` (as V8's own tick processor does). An
 * empty list when nm is missing or fails: the library's ticks are then counted as the
 * library's.
 */
function readSymbols(lib) {
  // A stripped shared library (libc, say) still has its dynamic symbols.
  const symbols = nmSymbols(lib, []);
  return symbols.length > 0 ? symbols : nmSymbols(lib, ['-D']);
}

function nmSymbols(lib, extra) {
  const { spawnSync } = require('child_process');
  const out = spawnSync('nm', ['-C', '-n', '--defined-only', ...extra, lib.name], {
    encoding: 'utf8', maxBuffer: 1 << 30,
  });
  if (out.status !== 0 || typeof out.stdout !== 'string') return [];
  const symbols = [];
  for (const line of out.stdout.split('\n')) {
    const m = /^([0-9a-fA-F]+) ([tTwWiI]) (.+)$/.exec(line);
    if (m === null) continue;
    let addr = parseInt(m[1], 16);
    // Position-independent code: nm gives offsets from the load address.
    if (addr < lib.start) addr += lib.start;
    if (addr >= lib.end) continue;
    symbols.push({ start: addr, name: m[3] });
  }
  return symbols;
}

class Profile {
  constructor() {
    this.code = new RangeMap();
    this.libs = new RangeMap();
    // Every code object ever seen (the preprocessed output's `code`), by index.
    this.allCode = [];
    this.functions = new Map();
    this.scripts = [];
    this.ticks = [];
  }

  /** Numbers `entry` for the preprocessed output. */
  register(entry) {
    entry.index = this.allCode.length;
    this.allCode.push(entry);
    return entry;
  }

  sharedLibrary(name, start, end) {
    const lib = { name, start, end, size: end - start, symbols: null };
    lib.entry = this.register({ start, size: end - start, name, type: 'SHARED_LIB', lib });
    this.libs.add(lib);
  }

  codeCreation(type, kind, tm, start, size, name, sfi, state) {
    const entry = this.register({
      start, size, type: isJsType(type) ? 'JS' : 'CODE',
      kind: type, tm, name: codeName(type, name, state), state,
    });
    this.code.add(entry);
    if (!Number.isNaN(sfi)) {
      let fn = this.functions.get(sfi);
      if (fn === undefined) {
        fn = { index: this.functions.size, name: name.startsWith(' ') ? `<anonymous>${name}` : name,
               codes: [] };
        this.functions.set(sfi, fn);
      }
      fn.codes.push(entry.index);
      entry.func = fn.index;
    }
  }

  /** The C++ symbol (or, without symbols, the library) holding `addr`. */
  nativeAt(addr) {
    const lib = this.libs.find(addr);
    if (lib === undefined) return undefined;
    if (lib.symbols === null) {
      lib.symbols = new RangeMap();
      const list = readSymbols(lib);
      for (let i = 0; i < list.length; i++) {
        const next = i + 1 < list.length ? list[i + 1].start : lib.end;
        if (next <= list[i].start) continue;
        lib.symbols.entries.push(this.register({
          start: list[i].start, size: next - list[i].start, name: list[i].name, type: 'CPP',
        }));
      }
    }
    return lib.symbols.find(addr) || lib.entry;
  }

  resolve(addr) {
    return this.code.find(addr) || this.nativeAt(addr);
  }

  tick(pc, tm, externalCallback, tos, vm, stack) {
    const frames = [];
    // In a callback from JS into C++, V8 records the callback's address separately.
    if (externalCallback && tos) frames.push(tos);
    frames.push(pc);
    for (const a of stack) {
      if (!Number.isNaN(a) && a !== 0) frames.push(a);
    }
    const resolved = frames.map((a) => ({ addr: a, entry: this.resolve(a) }));
    this.ticks.push({ tm, vm, frames: resolved });
  }
}

function isJsType(type) {
  return type === 'JS' || type === 'Function' || type === 'LazyCompile' ||
    type === 'Script' || type === 'Eval';
}

/** Reads the log text into a Profile. */
function parseLog(text) {
  const profile = new Profile();
  let start = 0;
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    const line = text.slice(start, end);
    start = end + 1;
    const comma = line.indexOf(',');
    const kind = comma === -1 ? line : line.slice(0, comma);
    switch (kind) {
      case 'shared-library': {
        const f = line.split(',');
        // The name may itself hold escaped commas only, so the split is safe.
        profile.sharedLibrary(unescape(f[1]), address(f[2]), address(f[3]));
        break;
      }
      case 'code-creation': {
        // code-creation,type,kind,timestamp,start,size,name[,sfi,state]; the name is escaped
        // and holds no raw comma.
        const f = line.split(',');
        profile.codeCreation(f[1], Number(f[2]), Number(f[3]), address(f[4]), Number(f[5]),
                             unescape(f[6] ?? ''), address(f[7]), f[8]);
        break;
      }
      case 'code-move': {
        const f = line.split(',');
        const entry = profile.code.remove(address(f[1]));
        if (entry !== undefined) {
          entry.start = address(f[2]);
          profile.code.add(entry);
        }
        break;
      }
      case 'code-delete':
        profile.code.remove(address(line.slice(comma + 1)));
        break;
      case 'sfi-move': {
        const f = line.split(',');
        const fn = profile.functions.get(address(f[1]));
        if (fn !== undefined) {
          profile.functions.delete(address(f[1]));
          profile.functions.set(address(f[2]), fn);
        }
        break;
      }
      case 'script-source': {
        // script-source,id,name,source (the source is the rest of the line).
        const second = line.indexOf(',', comma + 1);
        const third = line.indexOf(',', second + 1);
        if (second === -1 || third === -1) break;
        const id = Number(line.slice(comma + 1, second));
        profile.scripts[id] = {
          id, name: unescape(line.slice(second + 1, third)),
          source: unescape(line.slice(third + 1)),
        };
        break;
      }
      case 'tick': {
        // tick,pc,timestamp,is_external_callback,tos_or_callback,vm_state,stack...
        const f = line.split(',');
        profile.tick(address(f[1]), Number(f[2]), f[3] === '1', address(f[4]), Number(f[5]),
                     f.slice(6).map(address));
        break;
      }
      default:
        break;
    }
  }
  return profile;
}

module.exports = { parseLog, kVmStates, kGcState };
