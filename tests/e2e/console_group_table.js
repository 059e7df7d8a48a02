console.group('tables indent too');
console.table([{ x: 1, y: 2 }, { x: 3 }]);
console.dir({ nested: { v: 1 } });
console.count('in-group');
console.assert(false, 'assert in group');
console.groupEnd();
console.log('done');
