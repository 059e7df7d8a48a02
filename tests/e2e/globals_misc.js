console.log(global === globalThis, typeof globalThis.process, typeof queueMicrotask);
console.log(typeof performance.now(), performance.now() >= 0, typeof performance.timeOrigin);
console.log(Object.keys(globalThis).filter((k) => !['global', 'clearImmediate', 'setImmediate', 'clearInterval', 'clearTimeout', 'setInterval', 'setTimeout', 'queueMicrotask', 'structuredClone', 'atob', 'btoa', 'performance', 'fetch', 'crypto', 'navigator'].includes(k)));
console.log(typeof TextEncoder, typeof TextDecoder, typeof structuredClone, typeof atob, typeof btoa);
console.log(typeof DOMException, new DOMException('m', 'AbortError').code, new DOMException('m').name);
console.log(Object.getOwnPropertyDescriptor(globalThis, 'process').enumerable, Object.getOwnPropertyDescriptor(globalThis, 'console').enumerable);
