'use strict';
// Names of global properties, for tests that check what a realm exposes:
// - intrinsics: the global object's properties that ECMAScript (with Annex B), ECMA-402,
//   WebAssembly and the ShadowRealm proposal define, as a realm has them before any host adds
//   its own;
// - webIdlExposedWildcard: WebIDL interfaces exposed in every global scope ([Exposed=*]), and
//   `console`, which the Console standard exposes everywhere too.

const intrinsics = new Set([
  // Value properties.
  'globalThis', 'Infinity', 'NaN', 'undefined',
  // Function properties.
  'eval', 'isFinite', 'isNaN', 'parseFloat', 'parseInt',
  'decodeURI', 'decodeURIComponent', 'encodeURI', 'encodeURIComponent',
  'escape', 'unescape',
  // Constructors.
  'AggregateError', 'Array', 'ArrayBuffer', 'BigInt', 'BigInt64Array', 'BigUint64Array',
  'Boolean', 'DataView', 'Date', 'Error', 'EvalError', 'FinalizationRegistry',
  'Float16Array', 'Float32Array', 'Float64Array', 'Function', 'Int8Array', 'Int16Array',
  'Int32Array', 'Iterator', 'Map', 'Number', 'Object', 'Promise', 'Proxy', 'RangeError',
  'ReferenceError', 'RegExp', 'Set', 'SharedArrayBuffer', 'String', 'Symbol', 'SyntaxError',
  'TypeError', 'Uint8Array', 'Uint8ClampedArray', 'Uint16Array', 'Uint32Array', 'URIError',
  'WeakMap', 'WeakRef', 'WeakSet',
  // Explicit resource management.
  'SuppressedError', 'DisposableStack', 'AsyncDisposableStack',
  // Namespaces.
  'Atomics', 'JSON', 'Math', 'Reflect', 'Intl', 'WebAssembly',
  // The ShadowRealm proposal.
  'ShadowRealm',
]);

const webIdlExposedWildcard = new Set([
  'console',
  'DOMException',
  'TextEncoder',
  'TextDecoder',
  'AbortController',
  'AbortSignal',
  'EventTarget',
  'Event',
  'URL',
  'URLSearchParams',
  'ReadableStream',
  'ReadableStreamDefaultReader',
  'ReadableStreamBYOBReader',
  'ReadableStreamBYOBRequest',
  'ReadableByteStreamController',
  'ReadableStreamDefaultController',
  'TransformStream',
  'TransformStreamDefaultController',
  'WritableStream',
  'WritableStreamDefaultWriter',
  'WritableStreamDefaultController',
  'ByteLengthQueuingStrategy',
  'CountQueuingStrategy',
  'TextEncoderStream',
  'TextDecoderStream',
  'CompressionStream',
  'DecompressionStream',
]);

module.exports = {
  intrinsics,
  webIdlExposedWildcard,
};
