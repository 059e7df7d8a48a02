const util = require('util');
console.log({ a: 1 }, [1, 2], 'str', 3, null);
console.log(new Map([[1, 2]]), new Set([1]));
console.log('%s and %o', 'fmt', { x: [1] });
console.error({ onStderr: true, list: [1, 2, 3] });
console.log();
console.log(undefined);
