const util = require('util');
console.log(util.format('%o', { a: [1, 2, { b: 3 }] }));
console.log(util.format('%o', [1, 2]));
// Strict: sloppy functions' own arguments/caller differ between V8 versions.
console.log(util.format('%o', function f() { 'use strict'; }));
console.log(util.format('%o', { a: { b: { c: { d: { e: { f: 1 } } } } } }));
console.log(util.format('%O', { a: { b: { c: { d: 1 } } } }));
console.log(util.format('%O', 'str'), util.format('%o', 'str'));
