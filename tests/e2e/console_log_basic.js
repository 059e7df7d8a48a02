console.log('hello');
console.log('a', 1, true, null, undefined, 10n, Symbol('s'));
console.log({ a: 1, b: [1, 2, { c: 3 }] }, [1, 'two']);
console.log();
console.log('%s is %d years and %i days, %f%%', 'Bob', 42.5, 7.9, 1.5);
console.log('%j %o %O', { j: 1 }, { o: [1] }, { O: { deep: { deeper: { deepest: 1 } } } });
console.log('%c styled', 'color: red', 'extra', 3);
console.log('multi\nline');
