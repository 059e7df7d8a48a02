console.table([{ a: 1, b: 'xyz' }, { a: 22, c: true }]);
console.table({ row1: { col: 'v1' }, row2: { col: 'v2', other: 2 } });
console.table([{ name: 'x', v: 1 }, { name: 'yy', v: 22 }], ['name']);
console.table([{ a: 1 }], ['a', 'missing']);
console.table([{ a: 1 }], []);
