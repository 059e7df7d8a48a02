// A rejection with a non-error value: Node wraps it in UnhandledPromiseRejection.
Promise.reject(42);
