console.table([1, 'two', [3], null, undefined]);
console.table(['apples', 'oranges', 'bananas']);
console.table([[1, 2], [3, 4, 5]]);
console.table({ r1: { c: 1 }, r2: 5 }, ['c']);
console.table({ a: [1, 2], b: { c: 3 }, d: 'prim' });
