'use strict';
// --trace-atomics-wait: a short line on stderr when an Atomics.wait() starts and when it ends
// (woken up, timed out, or not waiting because the value differed), as Node prints them:
//   (node:<pid>) [Thread <id>] Atomics.wait(<address> + <byte offset, hex>, <value>, <timeout>) ...
// V8 no longer reports waits to the embedder, so Atomics.wait of each thread's realm is
// wrapped. The wrapper validates and converts the arguments in V8's order first (a bad call
// throws V8's own error, untraced) and hands the converted values on, so a valueOf runs once.

const { isInt32Array, isBigInt64Array, isSharedArrayBuffer } = require('util').types;

const kEndings = {
  __proto__: null,
  'ok': 'was woken up by another thread',
  'timed-out': 'timed out',
  'not-equal': 'did not wait because the values mismatched',
};

/** C's `%.f`: the nearest integer, halves to even, "inf" for infinity. */
function formatTimeout(t) {
  if (t === Infinity) return 'inf';
  const floor = Math.floor(t);
  const rest = t - floor;
  let n = floor;
  if (rest > 0.5 || (rest === 0.5 && floor % 2 !== 0)) n = floor + 1;
  return BigInt(n).toString();
}

function install(threadId) {
  const wait = Atomics.wait;
  const address = binding.runtime.arrayBufferAddress;
  const write = (text) => binding.process.writeSync(2, `${text}\n`);
  const prefix = `(node:${process.pid}) [Thread ${threadId}] Atomics.wait(`;
  const traced = {
    wait(typedArray, index, value, timeout) {
      const isBig = isBigInt64Array(typedArray);
      if ((!isBig && !isInt32Array(typedArray)) || !isSharedArrayBuffer(typedArray.buffer)) {
        // Not a wait V8 would start: its own error (or wait on a non-shared buffer's error).
        return Reflect.apply(wait, Atomics, [typedArray, index, value, timeout]);
      }
      // ToIndex, as V8 validates the access.
      let i = Number(index);
      i = Number.isNaN(i) ? 0 : Math.trunc(i);
      if (!(i >= 0 && i < typedArray.length)) {
        return Reflect.apply(wait, Atomics, [typedArray, index, value, timeout]);
      }
      const v = isBig ? BigInt.asIntN(64, BigInt(value)) : Number(value) | 0;
      let t = timeout === undefined ? Infinity : Number(timeout);
      t = Number.isNaN(t) ? Infinity : Math.max(t, 0);
      const offset = typedArray.byteOffset + i * typedArray.BYTES_PER_ELEMENT;
      const call = `${prefix}${address(typedArray.buffer)} + ${offset.toString(16)}, ` +
        `${v}, ${formatTimeout(t)})`;
      write(`${call} started`);
      const result = Reflect.apply(wait, Atomics, [typedArray, i, v, t]);
      write(`${call} ${kEndings[result]}`);
      return result;
    },
  }.wait;
  Object.defineProperty(Atomics, 'wait', {
    __proto__: null, value: traced, writable: true, enumerable: false, configurable: true,
  });
}

module.exports = { install };
