// internal/util/comparisons: the deep-equality engine behind assert.deepEqual (loose),
// assert.deepStrictEqual and util.isDeepStrictEqual (strict). Follows the comparison rules
// documented for node:assert; cycles are detected with a stack of the pairs being compared.
'use strict';

const types = binding.types;

const hasOwn = (obj, key) => Object.prototype.hasOwnProperty.call(obj, key);
const isEnumerable = (obj, key) => Object.prototype.propertyIsEnumerable.call(obj, key);
const tagOf = (value) => Object.prototype.toString.call(value);

function isErrorLike(value) {
  return types.isNativeError(value) || value instanceof Error;
}

const ONLY_ENUMERABLE = 2;

// The enumerable own keys (strings, then symbols in strict mode) of `obj`. With `skipIndices`
// the array indices are left out (compared separately) without being listed: an 8 MB typed
// array has 8 million of them.
function enumerableKeys(obj, strict, skipIndices) {
  if (skipIndices) {
    const keys = binding.util.getOwnNonIndexProperties(obj, ONLY_ENUMERABLE);
    return strict ? keys : keys.filter((key) => typeof key !== 'symbol');
  }
  const out = Object.keys(obj);
  if (strict) {
    for (const sym of Object.getOwnPropertySymbols(obj)) {
      if (isEnumerable(obj, sym)) out.push(sym);
    }
  }
  return out;
}

// Compare two primitives (or a primitive with anything) under the mode's rules.
function primitivesEqual(a, b, strict) {
  if (strict) return Object.is(a, b);
  if (a === null || typeof a !== 'object') {
    if (b === null || typeof b !== 'object') {
      // eslint-disable-next-line eqeqeq
      return a == b || (Number.isNaN(a) && Number.isNaN(b));
    }
  }
  return false;
}

function sameBytes(viewA, viewB) {
  if (viewA.byteLength !== viewB.byteLength) return false;
  const x = new Uint8Array(viewA.buffer, viewA.byteOffset, viewA.byteLength);
  const y = new Uint8Array(viewB.buffer, viewB.byteOffset, viewB.byteLength);
  for (let i = 0; i < x.length; i++) {
    if (x[i] !== y[i]) return false;
  }
  return true;
}

function boxedEqual(a, b) {
  if (types.isNumberObject(a)) {
    return types.isNumberObject(b) &&
      Object.is(Number.prototype.valueOf.call(a), Number.prototype.valueOf.call(b));
  }
  if (types.isStringObject(a)) {
    return types.isStringObject(b) &&
      String.prototype.valueOf.call(a) === String.prototype.valueOf.call(b);
  }
  if (types.isBooleanObject(a)) {
    return types.isBooleanObject(b) &&
      Boolean.prototype.valueOf.call(a) === Boolean.prototype.valueOf.call(b);
  }
  if (types.isBigIntObject(a)) {
    return types.isBigIntObject(b) &&
      BigInt.prototype.valueOf.call(a) === BigInt.prototype.valueOf.call(b);
  }
  if (types.isSymbolObject(a)) {
    return types.isSymbolObject(b) &&
      Symbol.prototype.valueOf.call(a) === Symbol.prototype.valueOf.call(b);
  }
  return false;
}

// Is `b` of one of the special kinds handled above (so that a plain object never equals it)?
function isSpecialObject(b) {
  return Array.isArray(b) || types.isArrayBufferView(b) || types.isSet(b) || types.isMap(b) ||
    types.isDate(b) || types.isRegExp(b) || types.isAnyArrayBuffer(b) ||
    types.isBoxedPrimitive(b) || isErrorLike(b);
}

class Comparer {
  constructor(strict) {
    this.strict = strict;
    // Pairs currently being compared, for cycle detection: object -> depth of its pair.
    this.left = new Map();
    this.right = new Map();
    this.depth = 0;
  }

  equal(a, b) {
    if (a === b) {
      return a !== 0 || !this.strict || Object.is(a, b);
    }
    if (this.strict) {
      if (typeof a !== 'object') {
        return typeof a === 'number' && Number.isNaN(a) && Number.isNaN(b);
      }
      if (typeof b !== 'object' || a === null || b === null) return false;
      if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
    } else {
      if (a === null || typeof a !== 'object' || b === null || typeof b !== 'object') {
        return primitivesEqual(a, b, false);
      }
    }
    if (tagOf(a) !== tagOf(b)) return false;
    return this.objects(a, b);
  }

  objects(a, b) {
    const strict = this.strict;
    if (Array.isArray(a)) {
      if (!Array.isArray(b) || a.length !== b.length) return false;
      return this.withKeys(a, b, 'array', enumerableKeys(a, strict, true),
                           enumerableKeys(b, strict, true));
    }
    if (tagOf(a) === '[object Object]' && !isSpecialObject(a)) {
      return this.withOwnKeys(a, b, 'plain');
    }
    if (types.isDate(a)) {
      // (Two invalid dates are not equal: their times are both NaN.)
      if (!types.isDate(b) ||
          Date.prototype.getTime.call(a) !== Date.prototype.getTime.call(b)) {
        return false;
      }
    } else if (types.isRegExp(a)) {
      if (!types.isRegExp(b) || a.source !== b.source || a.flags !== b.flags ||
          a.lastIndex !== b.lastIndex) {
        return false;
      }
    } else if (isErrorLike(a)) {
      if (!isErrorLike(b) || a.message !== b.message || a.name !== b.name) return false;
      for (const key of ['cause', 'errors']) {
        if ((hasOwn(a, key) || hasOwn(b, key)) && !this.equal(a[key], b[key])) return false;
      }
    } else if (types.isArrayBufferView(a)) {
      if (!types.isArrayBufferView(b)) return false;
      if (!strict && (types.isFloat32Array(a) || types.isFloat64Array(a))) {
        if (a.length !== b.length) return false;
        for (let i = 0; i < a.length; i++) {
          if (a[i] !== b[i]) return false;
        }
      } else if (!sameBytes(a, b)) {
        return false;
      }
      return this.withKeys(a, b, 'plain', enumerableKeys(a, strict, true),
                           enumerableKeys(b, strict, true));
    } else if (types.isSet(a)) {
      if (!types.isSet(b) || a.size !== b.size) return false;
      return this.withOwnKeys(a, b, 'set');
    } else if (types.isMap(a)) {
      if (!types.isMap(b) || a.size !== b.size) return false;
      return this.withOwnKeys(a, b, 'map');
    } else if (types.isAnyArrayBuffer(a)) {
      if (!types.isAnyArrayBuffer(b) || a.byteLength !== b.byteLength ||
          !sameBytes(new Uint8Array(a), new Uint8Array(b))) {
        return false;
      }
    } else if (types.isBoxedPrimitive(a)) {
      if (!boxedEqual(a, b)) return false;
    } else if (isSpecialObject(b)) {
      return false;
    }
    return this.withOwnKeys(a, b, 'plain');
  }

  // Compare the enumerable own keys of both sides, then the contents.
  withOwnKeys(a, b, kind) {
    const keysA = enumerableKeys(a, this.strict, false);
    const keysB = enumerableKeys(b, this.strict, false);
    return this.withKeys(a, b, kind, keysA, keysB);
  }

  withKeys(a, b, kind, keysA, keysB) {
    if (keysA.length !== keysB.length) return false;
    for (const key of keysA) {
      if (!isEnumerable(b, key)) return false;
    }
    if (keysA.length === 0 &&
        (kind === 'plain' || (kind === 'array' && a.length === 0) ||
         ((kind === 'set' || kind === 'map') && a.size === 0))) {
      return true;
    }
    // Cycle check: if both objects are already being compared further up, they are equal only
    // when they were entered as a pair at the same depth.
    const seenA = this.left.get(a);
    if (seenA !== undefined) {
      const seenB = this.right.get(b);
      if (seenB !== undefined) return seenA === seenB;
    }
    const depth = ++this.depth;
    const hadA = this.left.has(a);
    const hadB = this.right.has(b);
    if (!hadA) this.left.set(a, depth);
    if (!hadB) this.right.set(b, depth);
    let result;
    try {
      result = this.contents(a, b, kind, keysA);
    } finally {
      if (!hadA) this.left.delete(a);
      if (!hadB) this.right.delete(b);
      this.depth--;
    }
    return result;
  }

  contents(a, b, kind, keys) {
    if (kind === 'set') {
      if (!this.setsEqual(a, b)) return false;
    } else if (kind === 'map') {
      if (!this.mapsEqual(a, b)) return false;
    } else if (kind === 'array') {
      for (let i = 0; i < a.length; i++) {
        const inA = hasOwn(a, i);
        if (inA !== hasOwn(b, i)) return false;
        if (inA && !this.equal(a[i], b[i])) return false;
      }
    }
    for (const key of keys) {
      if (!this.equal(a[key], b[key])) return false;
    }
    return true;
  }

  // What a primitive may loosely equal inside a set or map: `null`/`undefined` pair with each
  // other, strings and numbers with their numeric value; `false` means "nothing else".
  static looseCounterpart(prim) {
    switch (typeof prim) {
      case 'undefined': return { value: null };
      case 'object': return { value: undefined };
      case 'symbol': return false;
      case 'string': {
        const n = Number(prim);
        return Number.isNaN(n) ? false : true;
      }
      case 'number': return Number.isNaN(prim) ? false : true;
      default: return true;
    }
  }

  takeEqual(candidates, value) {
    for (const candidate of candidates) {
      if (this.equal(value, candidate)) {
        candidates.delete(candidate);
        return true;
      }
    }
    return false;
  }

  setsEqual(a, b) {
    const strict = this.strict;
    // Entries of `a` without an identical partner in `b`, matched one by one below.
    const pending = new Set();
    for (const value of a) {
      if (typeof value === 'object' && value !== null) {
        pending.add(value);
      } else if (!b.has(value)) {
        if (strict) return false;
        const alt = Comparer.looseCounterpart(value);
        if (alt === false) return false;
        if (alt !== true && !(b.has(alt.value) && !a.has(alt.value))) return false;
        pending.add(value);
      }
    }
    if (pending.size === 0) return true;
    for (const value of b) {
      if (typeof value === 'object' && value !== null) {
        if (!this.takeEqual(pending, value)) return false;
      } else if (!strict && !a.has(value) && !this.takeEqual(pending, value)) {
        return false;
      }
    }
    return pending.size === 0;
  }

  takeEqualEntry(pendingKeys, map, key, item, strict) {
    const saved = this.strict;
    this.strict = strict;
    try {
      for (const candidate of pendingKeys) {
        if (this.equal(key, candidate) && this.equal(item, map.get(candidate))) {
          pendingKeys.delete(candidate);
          return true;
        }
      }
      return false;
    } finally {
      this.strict = saved;
    }
  }

  mapsEqual(a, b) {
    const strict = this.strict;
    const pending = new Set();
    for (const [key, itemA] of a) {
      if (typeof key === 'object' && key !== null) {
        pending.add(key);
        continue;
      }
      const itemB = b.get(key);
      if ((itemB === undefined && !b.has(key)) || !this.equal(itemA, itemB)) {
        if (strict) return false;
        const alt = Comparer.looseCounterpart(key);
        if (alt === false) return false;
        if (alt !== true) {
          const other = b.get(alt.value);
          if ((other === undefined && !b.has(alt.value)) || !this.equal(itemA, other) ||
              a.has(alt.value)) {
            return false;
          }
        }
        pending.add(key);
      }
    }
    if (pending.size === 0) return true;
    for (const [key, itemB] of b) {
      if (typeof key === 'object' && key !== null) {
        if (!this.takeEqualEntry(pending, a, key, itemB, strict)) return false;
      } else if (!strict && (!a.has(key) || !this.equal(a.get(key), itemB)) &&
                 !this.takeEqualEntry(pending, a, key, itemB, false)) {
        return false;
      }
    }
    return pending.size === 0;
  }
}

function isDeepEqual(a, b) {
  return new Comparer(false).equal(a, b);
}

function isDeepStrictEqual(a, b) {
  return new Comparer(true).equal(a, b);
}

module.exports = { isDeepEqual, isDeepStrictEqual };
