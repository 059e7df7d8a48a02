const util = require('util');
function f() { 'use strict'; } // strict: own arguments/caller differ between V8 versions
f.a = 1; f.b = { c: 2 };
console.log(util.inspect(f));
class K {} K.meta = [1, 2];
console.log(util.inspect(K));
const nf = function nullProto() {}; Object.setPrototypeOf(nf, null);
console.log(util.inspect(nf));
const tf = function tagged() {}; tf[Symbol.toStringTag] = 'Tag';
console.log(util.inspect(tf));
console.log(util.inspect(f, { showHidden: true }));
