console.assert(true, 'not printed');
console.assert(false);
console.assert(false, 'with message');
console.assert(0, 'format %s and %d', 'str', 42);
console.assert('', { obj: 1 });
console.assert(null, 'extra', 'args', 3);
console.log('assert does not throw');
