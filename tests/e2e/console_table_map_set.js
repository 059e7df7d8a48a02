console.table(new Map([['k', { x: 1 }], [2, [1, 2, 3, 4]]]));
console.table(new Set(['a', 1, { z: 1 }]));
console.table(new Map([['a', 1], ['b', 2]]).entries());
console.table(new Set([1, 2]).values());
console.table(new Map());
console.table(new Set());
