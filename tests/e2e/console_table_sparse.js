console.table([, { a: 1 }, , { b: 2 }]);
console.table(new Array(3));
console.table(Object.assign(Object.create({ inherited: { x: 1 } }), { own: { x: 2 } }));
console.table(Object.create(null));
console.table([{ a: 1, b: 2 }, { b: 3, a: 4 }, { c: 5 }]);
